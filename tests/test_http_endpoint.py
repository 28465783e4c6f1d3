"""`kg serve` runs the real Oxigraph server; a real HTTP client speaks the SPARQL protocol to it."""

from __future__ import annotations

import csv
import io
import signal
import subprocess
import time

import httpx
import pytest
from pyoxigraph import RdfFormat, parse

from conftest import KG, free_port

COUNTRIES = """
PREFIX hz: <https://w3id.org/hezuo/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?country ?name WHERE { ?country a hz:Country ; rdfs:label ?name FILTER(lang(?name) = "zh") }
ORDER BY ?name
"""


@pytest.fixture(scope="module")
def endpoint(corpus_store):
    port = free_port()
    proc = subprocess.Popen([KG, "serve", "--store", str(corpus_store), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        lines.append(line)
        if "SPARQL endpoint" in line:
            break
    assert any("SPARQL endpoint" in line for line in lines), (lines, proc.poll())
    assert f"http://127.0.0.1:{port}/query" in "".join(lines)
    yield f"http://127.0.0.1:{port}", proc, lines
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_prints_url_and_counts(endpoint):
    _, _, lines = endpoint
    text = "".join(lines)
    assert "1 documents" in text and "entities" in text and "triples" in text


def test_select_as_json(endpoint):
    url, _, _ = endpoint
    r = httpx.get(f"{url}/query", params={"query": COUNTRIES},
                  headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/sparql-results+json")
    names = {b["name"]["value"] for b in r.json()["results"]["bindings"]}
    assert {"中国", "巴基斯坦", "老挝", "毛里塔尼亚"} <= names


def test_select_as_csv_by_post(endpoint):
    url, _, _ = endpoint
    r = httpx.post(f"{url}/query", content=COUNTRIES.encode(),
                   headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}, timeout=30)
    assert r.status_code == 200
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert rows[0].keys() == {"country", "name"}
    assert "http://www.wikidata.org" not in r.text
    assert any(row["name"] == "巴基斯坦" and row["country"].endswith("/country/PAK") for row in rows)


def test_construct_as_turtle(endpoint):
    url, _, _ = endpoint
    q = """PREFIX owl: <http://www.w3.org/2002/07/owl#>
           CONSTRUCT { ?c owl:sameAs ?w } WHERE { ?c a <https://w3id.org/hezuo/ontology#Country> ; owl:sameAs ?w
           FILTER(STRSTARTS(STR(?w), "http://www.wikidata.org/entity/")) }"""
    r = httpx.get(f"{url}/query", params={"query": q}, headers={"Accept": "text/turtle"}, timeout=30)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/turtle")
    triples = list(parse(r.content, format=RdfFormat.TURTLE))
    pairs = {(t.subject.value.rsplit("/", 1)[1], t.object.value.rsplit("/", 1)[1]) for t in triples}
    assert ("PAK", "Q843") in pairs and ("CHN", "Q148") in pairs


def test_update_is_refused(endpoint):
    url, _, _ = endpoint
    insert = "INSERT DATA { <http://example.org/a> <http://example.org/b> <http://example.org/c> }"
    r = httpx.post(f"{url}/update", content=insert.encode(),
                   headers={"Content-Type": "application/sparql-update"}, timeout=30)
    assert r.status_code >= 400
    r = httpx.post(f"{url}/query", content=insert.encode(),
                   headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert r.status_code >= 400
    ask = httpx.get(f"{url}/query", params={"query": "ASK { <http://example.org/a> ?p ?o }"},
                    headers={"Accept": "application/sparql-results+json"}, timeout=30)
    assert ask.json()["boolean"] is False


def test_query_ui_is_served(endpoint):
    url, _, _ = endpoint
    r = httpx.get(f"{url}/", headers={"Accept": "text/html"}, timeout=30)
    assert r.status_code == 200
    assert "text/html" in r.headers["content-type"]


def test_ctrl_c_stops_server_and_frees_port(corpus_store):
    port = free_port()
    proc = subprocess.Popen([KG, "serve", "--store", str(corpus_store), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while "SPARQL endpoint" not in (line := proc.stdout.readline()):
        assert line, proc.stderr.read()
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    with pytest.raises(httpx.TransportError):
        httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
