"""The build's writer thread and the pipeline renewal that bounds a worker's memory."""

from __future__ import annotations

import hashlib
import threading

import pytest

from conftest import GOLD
from kg import workers
from kg.build import _Writer

BASE = "https://w3id.org/hezuo/id/"


def test_writer_runs_operations_in_other_threads_two_at_a_time():
    done, threads, lock = [], set(), threading.Lock()
    running, most = [0], [0]
    gate = threading.Barrier(2, timeout=10)

    def op(i):
        with lock:
            threads.add(threading.get_ident())
            running[0] += 1
            most[0] = max(most[0], running[0])
        if i < 2:
            gate.wait()  # the first two can only finish if they run side by side
        with lock:
            running[0] -= 1
            done.append(i)

    w = _Writer(threads=2, depth=2)
    for i in range(50):
        w(op, i)
    w.close()
    assert sorted(done) == list(range(50)) and most[0] == 2
    assert len(threads) == 2 and threading.get_ident() not in threads


def test_one_thread_keeps_the_order_and_drain_waits():
    done = []
    w = _Writer(threads=1, depth=1)
    for i in range(20):
        w(done.append, i)
    w.drain()
    assert done == list(range(20))
    w.close()


def test_writer_error_reaches_the_building_thread():
    def fail():
        raise OSError("disk full")

    w = _Writer(threads=2)
    w(fail)
    with pytest.raises(OSError, match="disk full"):
        for _ in range(100):  # raised at a later call at the latest ...
            w(lambda: None)
        w.close()  # ... or at the end
    w.cancel()


def test_cancel_skips_what_waits_and_discards_it(tmp_path):
    started, release = threading.Event(), threading.Event()
    discarded, ran = [], []

    def slow():
        started.set()
        release.wait(10)

    w = _Writer(threads=1, depth=2, discard=lambda *args: discarded.append(args))
    w(slow)
    started.wait(10)
    w(ran.append, "a")
    w(ran.append, "b")  # the queue is full now
    threading.Timer(0.2, release.set).start()
    w.cancel()  # waits for `slow`, runs neither of the others
    assert ran == [] and discarded == [("a",), ("b",)]


def _chunk(names):
    out = []
    for f in sorted((GOLD / "texts").glob("*.txt"))[:names]:
        text = f.read_text(encoding="utf-8")
        out.append((f.stem, str(f), text, hashlib.sha256(text.encode()).hexdigest(), False, "UTF-8", False))
    return out


def test_renewed_pipeline_gives_the_same_quads(monkeypatch):
    docs = _chunk(3)
    monkeypatch.setenv("HEZUO_RENEW_CHARS", str(10 ** 12))  # never renewed
    workers.init(BASE)
    first = workers._PIPELINES[BASE]
    steady = [workers.extract_chunk(BASE, [d]) for d in docs]
    assert workers._PIPELINES[BASE] is first

    monkeypatch.setenv("HEZUO_RENEW_CHARS", "1")  # renewed before every chunk
    renewals = workers.DONE["renewals"]
    renewed = [workers.extract_chunk(BASE, [d]) for d in docs]
    assert workers.DONE["renewals"] == renewals + 3
    assert workers._PIPELINES[BASE] is not first
    assert [[r.nquads for r in rs] for rs in renewed] == [[r.nquads for r in rs] for rs in steady]
    assert all(r.quads > 0 and not r.error for rs in renewed for r in rs)
