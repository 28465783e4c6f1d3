"""`kg serve` under hostile use: a query deadline that really stops evaluation (the worker is
killed, the core freed, other queries still answered), read-only, loopback bind, CORS off.

Real processes and a real HTTP client on loopback; every request has a timeout.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import httpx
import pytest

from conftest import KG, free_port

DEADLINE = 2.0
CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # never ends on any real store
COUNTRIES = "SELECT ?c WHERE { ?c a <https://w3id.org/hezuo/ontology#Country> }"
JSON = {"Accept": "application/sparql-results+json"}
TICK = os.sysconf("SC_CLK_TCK")


def start(store: Path, *args: str, stderr=subprocess.DEVNULL) -> tuple[subprocess.Popen, str]:
    port = free_port()
    proc = subprocess.Popen([KG, "serve", "--store", str(store), "--port", str(port), *args],
                            stdout=subprocess.PIPE, stderr=stderr, text=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        assert line, f"kg serve exited {proc.poll()}"
        if "SPARQL endpoint" in line:
            host = line.split("http://", 1)[1].split("/", 1)[0]
            return proc, f"http://{host}"
    raise AssertionError("kg serve did not start")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=20)


def backends(pid: int) -> set[int]:
    """The children of the kg serve process (its Oxigraph workers)."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        try:
            out.update(int(c) for c in (task / "children").read_text().split())
        except OSError:
            pass
    return out


def cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0  # gone
    return (int(fields[11]) + int(fields[12])) / TICK  # utime + stime


@pytest.fixture(scope="module")
def server(corpus_store):
    proc, url = start(corpus_store, "--timeout", str(DEADLINE), "--workers", "2")
    yield proc, url
    stop(proc)


def test_deadline_kills_the_query_frees_the_cpu_and_others_are_answered(server):
    proc, url = server
    workers = backends(proc.pid)
    assert len(workers) == 2
    result: dict = {}

    def hostile():
        t0 = time.monotonic()
        r = httpx.get(f"{url}/query", params={"query": CROSS}, headers=JSON, timeout=30)
        result.update(status=r.status_code, text=r.text, seconds=time.monotonic() - t0)

    t = threading.Thread(target=hostile)
    t.start()
    time.sleep(0.5)
    cpu0 = {p: cpu_seconds(p) for p in workers}
    # meanwhile, other queries are answered by the other worker
    for _ in range(3):
        t0 = time.monotonic()
        r = httpx.get(f"{url}/query", params={"query": COUNTRIES}, headers=JSON, timeout=30)
        assert r.status_code == 200 and len(r.json()["results"]["bindings"]) > 10
        assert time.monotonic() - t0 < 1.0
    time.sleep(0.3)
    grew = {p: cpu_seconds(p) - cpu0[p] for p in workers}
    busy = max(grew, key=grew.get)
    assert grew[busy] > 0.1, grew  # the hostile query is burning a core
    t.join(timeout=30)
    assert result["status"] == 504, result
    assert "timed out" in result["text"] and f"{DEADLINE:g} s" in result["text"]
    assert result["seconds"] < DEADLINE + 1.0, result
    # the worker that ran it is gone (killed and reaped) and its CPU time no longer grows
    t_end = time.monotonic() + 1.0
    while busy in backends(proc.pid) and time.monotonic() < t_end:
        time.sleep(0.05)
    assert busy not in backends(proc.pid)
    assert not Path(f"/proc/{busy}").exists()
    # the whole server is idle again: no process of it burns CPU
    t_end = time.monotonic() + 10
    while len(backends(proc.pid)) < 2 and time.monotonic() < t_end:
        time.sleep(0.05)  # a fresh worker replaces the killed one
    now = backends(proc.pid)
    assert len(now) == 2 and busy not in now
    before = {p: cpu_seconds(p) for p in [proc.pid, *now]}
    time.sleep(1.0)
    spent = sum(cpu_seconds(p) - before[p] for p in before)
    assert spent < 0.3, spent
    r = httpx.get(f"{url}/query", params={"query": COUNTRIES}, headers=JSON, timeout=30)
    assert r.status_code == 200


def test_two_hostile_queries_do_not_block_the_server_for_long(server):
    _, url = server
    statuses = []

    def hostile():
        statuses.append(httpx.get(f"{url}/query", params={"query": CROSS}, headers=JSON, timeout=30).status_code)

    threads = [threading.Thread(target=hostile) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.3)
    t0 = time.monotonic()  # both workers are busy: this one waits for a fresh worker, then is answered
    r = httpx.get(f"{url}/query", params={"query": COUNTRIES}, headers=JSON, timeout=30)
    assert r.status_code == 200
    assert time.monotonic() - t0 < DEADLINE + 3
    for t in threads:
        t.join(timeout=30)
    assert statuses == [504, 504]


def test_large_results_stream_and_a_stream_past_the_deadline_is_cut(server):
    _, url = server
    q = "SELECT ?a ?b WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 100000"
    r = httpx.get(f"{url}/query", params={"query": q}, headers={"Accept": "text/csv"}, timeout=30)
    assert r.status_code == 200
    assert r.headers.get("transfer-encoding") == "chunked"  # larger than the buffer: streamed
    assert len(r.content) > 4 * 1024 * 1024
    assert r.text.count("\n") == 100001
    t0 = time.monotonic()
    with pytest.raises(httpx.RemoteProtocolError):  # an endless answer: cut at the deadline
        with httpx.stream("GET", f"{url}/query", params={"query": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"},
                          headers={"Accept": "text/csv"}, timeout=30) as s:
            assert s.status_code == 200
            for _ in s.iter_bytes():
                pass
    assert time.monotonic() - t0 < DEADLINE + 1.0


def test_read_only_protocol_and_content_negotiation(server):
    _, url = server
    for method, path in [("PUT", "/store?default"), ("POST", "/store?default"), ("DELETE", "/store?default"),
                         ("POST", "/update")]:
        ct = "application/sparql-update" if path == "/update" else "text/turtle"
        body = b"INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }" if path == "/update" else \
            b"<http://e/a> <http://e/b> <http://e/c> ."
        r = httpx.request(method, f"{url}{path}", content=body, headers={"Content-Type": ct}, timeout=30)
        assert r.status_code == 403, (method, path, r.status_code, r.text)
    r = httpx.get(f"{url}/store", params={"graph": "https://w3id.org/hezuo/ontology"},
                  headers={"Accept": "text/turtle"}, timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle") and "ontology#Meeting>" in r.text
    r = httpx.get(f"{url}/query", params={"query": COUNTRIES}, headers={"Accept": "application/sparql-results+xml"},
                  timeout=30)
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+xml")
    r = httpx.post(f"{url}/query", data={"query": COUNTRIES}, headers={"Accept": "text/tab-separated-values"},
                   timeout=30)
    assert r.status_code == 200 and r.text.startswith("?c\n")
    r = httpx.get(f"{url}/query", params={"query": "SELECT * WHERE {"}, headers=JSON, timeout=30)
    assert r.status_code == 400  # Oxigraph's own answer to a syntax error comes through
    r = httpx.post(f"{url}/query", content=b"x" * (17 * 1024 * 1024),
                   headers={"Content-Type": "application/sparql-query"}, timeout=30)
    assert r.status_code == 413


def listening_addresses(port: int) -> set[str]:
    found = set()
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        local, _, state = line.split()[1:4]
        addr, p = local.split(":")
        if int(p, 16) == port and state == "0A":  # LISTEN
            found.add(".".join(str(int(addr[i:i + 2], 16)) for i in (6, 4, 2, 0)))
    return found


def test_binds_to_loopback_and_cors_is_off_unless_asked(server, corpus_store):
    proc, url = server
    port = int(url.rsplit(":", 1)[1])
    assert listening_addresses(port) == {"127.0.0.1"}
    r = httpx.get(f"{url}/query", params={"query": COUNTRIES}, headers={**JSON, "Origin": "http://elsewhere.example"},
                  timeout=30)
    assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
    other, other_url = start(corpus_store, "--bind", "127.0.0.2", "--cors", "--workers", "1")
    try:
        other_port = int(other_url.rsplit(":", 1)[1])
        assert other_url.startswith("http://127.0.0.2:")
        assert listening_addresses(other_port) == {"127.0.0.2"}
        r = httpx.get(f"{other_url}/query", params={"query": COUNTRIES},
                      headers={**JSON, "Origin": "http://elsewhere.example"}, timeout=30)
        assert r.status_code == 200 and r.headers.get("access-control-allow-origin")
        workers = backends(other.pid)
        assert len(workers) == 1
    finally:
        stop(other)
    assert other.returncode == 0
    assert not any(Path(f"/proc/{p}").exists() for p in workers)  # its worker went with it


def test_the_front_and_its_workers_are_scheduled_as_batch_work(server):
    # SCHED_BATCH (kg.serve.pool.as_batch): a request handed between the front and a worker wakes the other
    # without preempting, so fewer task switches per request (benchmarks/load.py measures the CPU it saves)
    proc, url = server
    assert httpx.get(f"{url}/query", params={"query": "ASK {}"}, headers=JSON).status_code == 200
    workers = backends(proc.pid)
    assert len(workers) == 2
    assert {p: os.sched_getscheduler(p) for p in (proc.pid, *workers)} == dict.fromkeys((proc.pid, *workers), os.SCHED_BATCH)
