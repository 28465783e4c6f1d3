"""The fast path of `GET /query` (kg.serve.fast): the same answers as the ASGI path, on a real `kg serve`.

A request on the fast path never reaches the ASGI app unless it must; these tests check that what a
client sees is what the ASGI path gives (status, media type, body), that keep-alive, pipelining and
``Connection: close`` still hold when fast and ASGI requests share a connection, and that a large
answer begun on the fast path is whole.  The deadline (504), CORS and Host checks on the fast path are
in test_serve_defects.py; the pool's callback lease is tested below without a server.
"""

from __future__ import annotations

import asyncio
import gc
import socket
from urllib.parse import quote, urlencode

import httpx
import pytest

from test_serve_channel import _Alive
from test_serve_robust import COUNTRIES, JSON, start, stop

ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(corpus_store):
    proc, url = start(corpus_store, "--workers", "2", "--timeout", "20")
    yield proc, url
    stop(proc)


def _answers(sock: socket.socket, n: int) -> list[tuple[int, dict[str, str], bytes]]:
    """Read ``n`` HTTP/1.1 answers with Content-Length bodies off one connection."""
    buf, out = b"", []
    while len(out) < n:
        while b"\r\n\r\n" not in buf:
            chunk = sock.recv(65536)
            assert chunk, f"connection closed after {len(out)} answers"
            buf += chunk
        head, buf = buf.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.lower(): v.strip() for k, v in (line.split(":", 1) for line in lines[1:])}
        size = int(headers["content-length"])
        while len(buf) < size:
            chunk = sock.recv(65536)
            assert chunk
            buf += chunk
        out.append((int(lines[0].split()[1]), headers, buf[:size]))
        buf = buf[size:]
    return out


def test_fast_and_asgi_paths_give_the_same_answer(server):
    _, url = server
    with httpx.Client(timeout=30) as http:
        fast = http.get(f"{url}/query", params={"query": COUNTRIES}, headers=JSON)  # GET, nothing to rewrite
        form = http.post(f"{url}/query", data={"query": COUNTRIES}, headers=JSON)  # a body: the ASGI path
        named = http.get(f"{url}/query", params={"query": COUNTRIES, "format": "json"})  # rewritten: ASGI
        for r in (form, named):
            assert (r.status_code, r.headers["content-type"], r.content) == \
                   (fast.status_code, fast.headers["content-type"], fast.content)
        assert fast.status_code == 200 and len(fast.json()["results"]["bindings"]) > 10
        bad = http.get(f"{url}/query", params={"query": "SELECT WHERE {"}, headers=JSON)  # Oxigraph's 400, passed on
        assert bad.status_code == 400 and bad.text


def test_pipelined_fast_and_asgi_requests_are_answered_in_order_on_one_connection(server):
    _, url = server
    port = int(url.rsplit(":", 1)[1])
    host = f"127.0.0.1:{port}"
    ask_fast = f"GET /query?query={quote('ASK { ?s ?p ?o }')} HTTP/1.1\r\nHost: {host}\r\nAccept: application/sparql-results+json\r\n\r\n"
    csv = f"GET /query?{urlencode({'query': COUNTRIES, 'format': 'csv'})} HTTP/1.1\r\nHost: {host}\r\n\r\n"
    body = urlencode({"query": "ASK { ?s a <urn:nothing> }"})
    post = (f"POST /query HTTP/1.1\r\nHost: {host}\r\nAccept: application/sparql-results+json\r\n"
            f"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {len(body)}\r\n\r\n{body}")
    last = ask_fast.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall((ask_fast + csv + post + ask_fast + last).encode())  # all at once: pipelined
        answers = _answers(s, 5)
        assert s.recv(100) == b""  # closed after the answer to `Connection: close`
    assert [a[0] for a in answers] == [200] * 5
    assert [a[2] for a in answers[:4]] == [b'{"head":{},"boolean":true}', answers[1][2], b'{"head":{},"boolean":false}',
                                           b'{"head":{},"boolean":true}']
    assert answers[1][1]["content-type"].startswith("text/csv") and answers[1][2].startswith(b"c\r\n")
    assert answers[4][1].get("connection") == "close"


@pytest.mark.parametrize("byte", [0x01, 0x09, 0x7F, 0x80, 0xFF])
def test_a_query_string_with_a_byte_that_is_not_visible_ascii_is_refused(server, byte):
    _, url = server
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(b"GET /query?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D" + bytes([byte]) +
                  f" HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n\r\n".encode())
        answer = s.recv(65536)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:60]
    r = httpx.get(f"{url}/query", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON, timeout=30)
    assert r.status_code == 200


def test_http_1_0_is_answered_and_closed(server):
    _, url = server
    port = int(url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        s.sendall(f"GET /query?query={quote('ASK { ?s ?p ?o }')} HTTP/1.0\r\nHost: 127.0.0.1:{port}\r\n"
                  "Accept: application/sparql-results+json\r\n\r\n".encode())
        status, headers, body = _answers(s, 1)[0]
        assert s.recv(100) == b""
    assert status == 200 and body == b'{"head":{},"boolean":true}'


def test_a_large_answer_begun_on_the_fast_path_is_whole(server):
    _, url = server
    with httpx.Client(timeout=60) as http:
        n = int(http.get(f"{url}/query", params={"query": COUNT}, headers=JSON).json()
                ["results"]["bindings"][0]["n"]["value"])
        r = http.get(f"{url}/query", params={"query": ALL}, headers={"Accept": "text/tab-separated-values"})
        assert r.status_code == 200 and len(r.content) > 1024 * 1024  # past the channel's buffer: handed over
        assert len(r.text.strip("\n").split("\n")) == n + 1  # every triple and the header line
        again = http.get(f"{url}/query", params={"query": "ASK { ?s ?p ?o }"}, headers=JSON)  # same connection
        assert again.json() == {"head": {}, "boolean": True}


def _pool_with_an_idle_worker(size: int):
    """(in a running loop) A pool of ``size`` with one idle worker that is alive (no process behind it)."""
    from kg.serve.pool import Pool, Worker

    pool = Pool("unused", size, timeout_s=30)
    pool.loop = asyncio.get_running_loop()
    worker = Worker(_Alive(), 1, None, 5.0)
    pool.workers.add(worker)
    pool._give(worker)
    return pool, worker


def test_acquire_then_leases_at_once_waits_in_turn_and_gives_up_at_its_deadline():
    from kg.serve.pool import Worker

    class _Dead(_Alive):
        def poll(self):
            return -9

    async def scenario():
        pool, worker = _pool_with_an_idle_worker(2)
        got = []
        pool.acquire_then(1, got.append)  # idle: leased now, the callback run before returning
        assert got == [worker] and worker.leased and worker.timer is not None
        pool.acquire_then(30, got.append)  # none idle: waits
        pool.acquire_then(0.05, got.append)  # waits less long
        await asyncio.sleep(0.2)
        assert got == [worker, None]  # the second wait ended at its deadline, the first still waits
        dead = Worker(_Dead(), 2, None, 5.0)  # a worker that died while idle is not handed on
        pool.workers.add(dead)
        pool._give(dead)
        await asyncio.sleep(0.01)
        assert got == [worker, None] and dead not in pool.workers  # retired (a replacement was ordered)
        pool.release(worker)
        await asyncio.sleep(0.01)
        assert got == [worker, None, worker] and worker.leased  # the waiter got the released worker
        pool.release(worker)
        assert list(pool.idle) == [worker]

        # a wait leaves no reference cycle behind: under load most requests wait, and cycles are freed
        # only by the garbage collector, whose runs then cost more than the front's own work
        pool.acquire_then(1, got.append)
        gc.collect()
        gc.disable()
        try:
            for _ in range(200):
                pool.acquire_then(30, got.append)
                pool.release(worker)
                await asyncio.sleep(0)
                await asyncio.sleep(0)
            assert got[-1] is worker and len(got) == 204
            assert gc.collect() < 20
        finally:
            gc.enable()
        pool.release(worker)

    asyncio.run(scenario())


def test_waits_whose_requests_have_gone_hand_the_worker_on_without_nesting():
    """Requests that gave up while waiting (their clients went away) give the worker back from their
    callback: 3,000 of them in a row pass it on in turn to the one still waiting, without a call
    stack 3,000 deep; and the waits' one timer still ends the remaining wait at its own deadline."""

    async def scenario():
        pool, worker = _pool_with_an_idle_worker(1)
        got, given_back = [], []
        pool.acquire_then(1, got.append)
        assert got == [worker]

        def gone(w):
            given_back.append(w)
            pool.release(w)

        for _ in range(3000):
            pool.acquire_then(30, gone)
        pool.acquire_then(30, got.append)  # the one still there
        pool.acquire_then(0.05, got.append)  # and one that will not wait long
        pool.release(worker)
        assert len(given_back) == 3000 and got == [worker, worker] and worker.leased
        await asyncio.sleep(0.2)
        assert got == [worker, worker, None]  # the short wait ended at its deadline
        pool.release(worker)
        assert list(pool.idle) == [worker] and not pool._waiters

    asyncio.run(scenario())


def test_a_worker_handed_on_as_an_answer_completes_does_not_change_that_answer(corpus_store):
    """One worker, clients on both paths at once: when an answer on the ASGI path (a POST form, a
    ``format=``) completes, its worker goes at once to a request waiting on the fast path, whose request
    resets the worker's connection; the first answer must have been read off it before (a status of 0
    and no headers otherwise).  Every answer is whole and right."""
    import threading

    proc, url = start(corpus_store, "--workers", "1", "--timeout", "20")
    try:
        with httpx.Client(timeout=30) as http:
            expected = http.get(f"{url}/query", params={"query": COUNT}, headers=JSON).json()
        problems: list[str] = []

        def client(k: int) -> None:
            with httpx.Client(timeout=30) as http:
                for i in range(60):
                    try:
                        if (k + i) % 3 == 0:
                            r = http.post(f"{url}/query", data={"query": COUNT}, headers=JSON)
                        elif (k + i) % 3 == 1:
                            r = http.get(f"{url}/query", params={"query": COUNT, "format": "json"})
                        else:
                            r = http.get(f"{url}/query", params={"query": COUNT}, headers=JSON)
                        if r.status_code != 200 or r.json() != expected:
                            problems.append(f"{r.status_code} {r.text[:80]!r}")
                    except (httpx.HTTPError, ValueError) as e:
                        problems.append(f"{type(e).__name__}: {e}")

        threads = [threading.Thread(target=client, args=(k,)) for k in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not problems, f"{len(problems)} of 360: {problems[:3]}"
    finally:
        stop(proc)
