"""`kg link` against a hostile endpoint: a real HTTP server on loopback, started here, that answers with ids
that are not ids, JSON of the wrong shape, redirects to another host, terminal escapes, a trickle, too much."""

from __future__ import annotations

import json
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from conftest import run_kg
from kg.link import Cache, Client, EndpointError

pytestmark = pytest.mark.e2e

TEXT = "中国帮助孟加拉国航运公司采购油轮。国家国际发展合作署与联合国开发计划署签署协议。\n"


def _json(rows: list) -> bytes:
    return json.dumps({"head": {"vars": ["name", "item"]}, "results": {"bindings": rows}}).encode()


class Hostile(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):  # noqa: N802 - http.server's name
        self.rfile.read(int(self.headers.get("content-length", 0)))
        path = self.path
        if path == "/newline":  # an id with a trailing newline, for every name asked
            body = _json([{"name": {"type": "literal", "value": n, "xml:lang": "zh"},
                           "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q5\n"}}
                          for n in ("孟加拉国航运公司", "国家国际发展合作署", "联合国开发计划署")])
            return self.send(200, body)
        if path == "/shape":
            return self.send(200, json.dumps({"results": {"bindings": ["x", {"item": "not a term"}]}}).encode())
        if path == "/redirect":  # to another host (127.0.0.2 is loopback too)
            self.send_response(307)
            self.send_header("Location", f"http://127.0.0.2:{self.server.server_port}/empty")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/same-host-redirect":
            self.send_response(307)
            self.send_header("Location", "/empty")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if path == "/empty":
            return self.send(200, _json([]))
        if path == "/escape":
            return self.send(500, b"\x1b[2J\x1b[31mboom\x1b]0;owned\x07\nsecond line")
        if path == "/trickle":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", "1000000")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                pass
            return
        if path == "/huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            try:
                for _ in range(64):
                    self.wfile.write(b" " * (1 << 20))
            except OSError:
                pass
            return
        self.send(404, b"no")

    def send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="module")
def endpoint():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    (d / "news.txt").write_text(TEXT, encoding="utf-8")
    run_kg("build", str(d / "news.txt"), "--store", str(d / "store"), "--quiet", "--workers", "1")
    return d / "store"


def link(built, tmp_path, url, *extra):
    store = tmp_path / "store"
    if not store.exists():
        shutil.copytree(built, store, symlinks=True)
    return run_kg("link", "--store", str(store), "--endpoint", url, "--cache", str(tmp_path / "cache.json"), *extra,
                  check=False)


def test_an_id_with_a_newline_is_not_cached_and_later_runs_work(built, endpoint, tmp_path):
    proc = link(built, tmp_path, endpoint + "/newline")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    cache = json.loads((tmp_path / "cache.json").read_text(encoding="utf-8"))
    assert "Q5\n" not in json.dumps(cache) and "Q5\\n" not in json.dumps(cache)
    again = link(built, tmp_path, endpoint + "/newline", "--offline")
    assert again.returncode == 0, again.stderr


def test_a_cache_with_a_bad_id_is_read_without_crashing(built, endpoint, tmp_path):
    bad = {"format": "hezuo-kg link cache 1", "endpoints": {endpoint + "/empty": {
        "label ORG zh 孟加拉国航运公司": [{"item": "Q5\n", "match": "label", "en": "", "geonames": [], "enwiki": []}],
        "item Q148": {"geonames": "nope", "enwiki": []}}}}
    (tmp_path / "cache.json").write_text(json.dumps(bad, ensure_ascii=False), encoding="utf-8")
    proc = link(built, tmp_path, endpoint + "/empty", "--offline")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    cache = Cache(tmp_path / "cache.json", endpoint + "/empty")
    assert "label ORG zh 孟加拉国航运公司" not in cache and "item Q148" not in cache  # dropped: asked again


def test_bindings_of_the_wrong_shape_are_one_line(built, endpoint, tmp_path):
    proc = link(built, tmp_path, endpoint + "/shape")
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and "not SPARQL JSON results" in errors[0], proc.stderr
    assert "Traceback" not in proc.stderr and "AttributeError" not in proc.stderr


def test_a_redirect_to_another_host_is_not_followed_nor_cached(built, endpoint, tmp_path):
    proc = link(built, tmp_path, endpoint + "/redirect")
    assert proc.returncode == 1
    assert "redirected to another host" in proc.stderr and "127.0.0.2" in proc.stderr, proc.stderr
    cache = tmp_path / "cache.json"
    answers = json.loads(cache.read_text())["endpoints"].get(endpoint + "/redirect", {}) if cache.exists() else {}
    assert answers == {}  # no empty answer taken for "no candidate"


def test_a_redirect_on_the_same_host_is_followed(endpoint):
    client = Client(endpoint + "/same-host-redirect")
    try:
        assert client.select("SELECT * WHERE { ?s ?p ?o }") == []
    finally:
        client.close()


def test_an_error_body_with_terminal_escapes_is_printed_escaped(built, endpoint, tmp_path):
    proc = link(built, tmp_path, endpoint + "/escape")
    assert proc.returncode == 1
    assert "\x1b" not in proc.stderr and "\x07" not in proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and "HTTP 500" in errors[0] and "\\x1b" in errors[0] and "boom" in errors[0], proc.stderr


def test_a_trickling_endpoint_meets_an_overall_deadline(endpoint):
    client = Client(endpoint + "/trickle", timeout=5, deadline=2)
    t0 = time.monotonic()
    try:
        with pytest.raises(EndpointError, match="no complete answer in 2 s"):
            client.select("SELECT * WHERE { ?s ?p ?o }")
    finally:
        client.close()
    assert time.monotonic() - t0 < 10  # each read comes within the 5 s timeout: only the deadline stops it


def test_an_answer_over_the_size_cap_is_not_read(endpoint):
    client = Client(endpoint + "/huge", max_bytes=4 << 20)
    try:
        with pytest.raises(EndpointError, match="over 4 MB"):
            client.select("SELECT * WHERE { ?s ?p ?o }")
    finally:
        client.close()
