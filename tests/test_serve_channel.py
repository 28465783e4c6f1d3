"""The front's connection to a worker (``kg.serve.pool.Channel`` / ``Worker.request``) against a real
TCP server on loopback that answers the way Oxigraph does, and the ways it may misbehave: chunked and
close-delimited bodies, an unsolicited answer on an idle connection (Oxigraph's 500 after its socket
timeout), a connection closed while idle, bytes that are not HTTP, HEAD, a body larger than the buffer."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import time

import pytest
from conftest import OXIGRAPH

from kg.serve.pool import Channel, Worker, WorkerFailed, free_loopback_port, wait_until_listening

GET = b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nhost: w\r\n\r\n"


class Scripted:
    """A loopback server: each connection answers its requests with the next replies of ``script``
    (callables taking the writer); counts connections and requests."""

    def __init__(self, *replies):
        self.replies = list(replies)
        self.connections = 0
        self.requests = 0

    async def __aenter__(self):
        self.server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self.server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc):
        self.server.close()

    async def _handle(self, reader, writer):
        self.connections += 1
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                self.requests += 1
                reply = self.replies.pop(0)
                if await reply(writer, head) == "close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        writer.close()


def fixed(body: bytes, extra: bytes = b""):
    async def reply(writer, head):
        writer.write(b"HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: %d\r\n%s\r\n%s"
                     % (len(body), extra, body))
        await writer.drain()
    return reply


def chunked(*parts: bytes):
    async def reply(writer, head):
        writer.write(b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n")
        for p in parts:
            writer.write(b"%x\r\n%s\r\n" % (len(p), p))
            await writer.drain()
        writer.write(b"0\r\n\r\n")
        await writer.drain()
    return reply


def until_close(body: bytes):
    async def reply(writer, head):
        writer.write(b"HTTP/1.1 200 OK\r\nconnection: close\r\n\r\n" + body)
        await writer.drain()
        return "close"
    return reply


def then(first, second):
    """``first``, then (unasked) ``second`` a moment later on the same connection."""
    async def reply(writer, head):
        await first(writer, head)
        await asyncio.sleep(0.05)
        return await second(writer, head)
    return reply


def raw(data: bytes, close: bool = False):
    async def reply(writer, head):
        writer.write(data)
        await writer.drain()
        return "close" if close else None
    return reply


@pytest.fixture()
def proc():
    p = subprocess.Popen(["sleep", "60"])
    yield p
    p.kill()
    p.wait()


async def body_of(channel: Channel) -> bytes:
    parts = []
    while (chunk := await channel.chunk()) is not None:
        parts.append(chunk)
    return b"".join(parts)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 20))


def test_kept_alive_and_reused_with_chunked_and_fixed_bodies(proc):
    async def main():
        async with Scripted(fixed(b"one"), chunked(b"tw", b"o"), fixed(b"three")) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=5)
            got = []
            for _ in range(3):
                ch = await w.request(GET)
                got.append((ch.status, await body_of(ch)))
                w.finish(ch)
            return got, srv.connections
    got, connections = run(main())
    assert got == [(200, b"one"), (200, b"two"), (200, b"three")]
    assert connections == 1


def test_body_delimited_by_close_is_whole_and_the_connection_not_reused(proc):
    async def main():
        async with Scripted(until_close(b"all of it"), fixed(b"next")) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=5)
            ch = await w.request(GET)
            first = await body_of(ch)
            w.finish(ch)
            ch = await w.request(GET)
            second = await body_of(ch)
            return first, second, srv.connections
    assert run(main()) == (b"all of it", b"next", 2)


def test_unsolicited_answer_while_idle_spoils_the_connection(proc):
    """Oxigraph writes a 500 on a keep-alive connection idle past its --timeout-s: that 500 must never
    be taken as the answer to the next request."""
    spurious = raw(b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 5\r\n\r\nidle!")

    async def main():
        async with Scripted(then(fixed(b"first"), spurious), fixed(b"second")) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=5)
            ch = await w.request(GET)
            assert await body_of(ch) == b"first"
            w.finish(ch)
            await asyncio.sleep(0.3)  # the unsolicited 500 arrives while idle
            ch = await w.request(GET)
            return ch.status, await body_of(ch), srv.connections
    assert run(main()) == (200, b"second", 2)


@pytest.mark.parametrize("first, keepalive_s", [
    (then(fixed(b"a"), raw(b"", close=True)), 5),  # the worker closed the idle connection
    (fixed(b"a"), 0.1),  # idle past our own keep-alive limit: not reused, whatever the worker thinks
], ids=["closed while idle", "idle past keepalive"])
def test_an_idle_connection_is_renewed_before_use(proc, first, keepalive_s):
    async def main():
        async with Scripted(first, fixed(b"b")) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=keepalive_s)
            ch = await w.request(GET)
            await body_of(ch)
            w.finish(ch)
            await asyncio.sleep(0.3)
            ch = await w.request(GET)
            return await body_of(ch), srv.connections
    assert run(main()) == (b"b", 2)


def test_bytes_that_are_not_http_fail_the_request(proc):
    async def main():
        async with Scripted(raw(b"\xff\xfe garbage\r\n\r\n")) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=5)
            await w.request(GET)
    with pytest.raises(WorkerFailed):
        run(main())


def test_closed_before_the_answer_fails_on_a_fresh_connection(proc):
    async def main():
        async with Scripted(raw(b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nshort", close=True)) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=5)
            ch = await w.request(GET)
            await body_of(ch)
    with pytest.raises(WorkerFailed, match="closed"):
        run(main())


def test_head_answer_has_no_body_and_is_not_reused(proc):
    async def main():
        async with Scripted(raw(b"HTTP/1.1 200 OK\r\ncontent-length: 26\r\n\r\n"), fixed(b"x")) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=5)
            ch = await w.request(b"HEAD /query HTTP/1.1\r\nhost: w\r\n\r\n", head_only=True)
            assert ch.done and await body_of(ch) == b""
            assert (b"content-length", b"26") in ch.headers
            w.finish(ch)
            ch = await w.request(GET)
            return await body_of(ch), srv.connections
    assert run(main()) == (b"x", 2)


def test_large_body_is_read_with_bounded_buffer(proc):
    big = bytes(range(256)) * (8 * 1024)  # 2 MiB, eight times the high-water mark

    async def main():
        async with Scripted(fixed(big)) as srv:
            w = Worker(proc, srv.port, None, keepalive_s=5)
            ch = await w.request(GET)
            await asyncio.sleep(0.3)  # the server writes as fast as it can; we read nothing yet
            held = ch.buffered
            return held, await body_of(ch)
    held, body = run(main())
    assert body == big
    assert held <= Channel.HIGH_WATER + 256 * 1024  # paused past the mark (plus one read's worth)


def test_real_oxigraph_idle_500_never_reaches_a_client(corpus_store):
    """The real thing: Oxigraph with its own ``--timeout-s 1`` writes an unsolicited 500 on a keep-alive
    connection idle for a second (kg serve's workers now run without it, so nothing else shows this)."""
    port = free_loopback_port()
    location = corpus_store / "active" / "store"
    proc = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph", "--timeout-s", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert wait_until_listening(proc, "127.0.0.1", port)
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:  # the premise: it does write one
            s.sendall(b"GET /query?query=ASK%7B%7D HTTP/1.1\r\nhost: w\r\n\r\n")
            first = s.recv(65536)
            time.sleep(2.5)
            unsolicited = s.recv(65536)
        assert first.startswith(b"HTTP/1.1 200") and unsolicited.startswith(b"HTTP/1.1 500"), (first, unsolicited)

        async def main():
            w = Worker(proc, port, None, keepalive_s=5)
            got = []
            for pause in (0, 2.5, 0):
                await asyncio.sleep(pause)
                ch = await w.request(GET)
                got.append((ch.status, await body_of(ch)))
                w.finish(ch)
            return got
        got = run(main())
        assert [status for status, _ in got] == [200, 200, 200], got
        assert all(b'"boolean"' in body for _, body in got)
    finally:
        proc.kill()
        proc.wait()


class _Alive:
    """A stand-in for a worker's process that is running."""

    pid = 0
    returncode = None

    def poll(self):
        return None

    def kill(self):
        pass


def test_pool_hands_a_released_worker_to_the_first_request_still_waiting():
    from kg.serve.pool import Pool

    async def scenario():
        pool = Pool("unused", 1, timeout_s=30)
        pool.loop = asyncio.get_running_loop()
        worker = Worker(_Alive(), 1, None, 5.0)
        pool.workers.add(worker)
        pool._give(worker)
        held = await pool.acquire(1)
        assert held is worker and not pool.idle
        assert await pool.acquire(0) is None  # none free: no wait at all
        first = asyncio.ensure_future(pool.acquire(30))
        cancelled = asyncio.ensure_future(pool.acquire(30))
        second = asyncio.ensure_future(pool.acquire(30))
        await asyncio.sleep(0)
        cancelled.cancel()
        pool.release(held)  # straight to the first waiter, not back to the idle ones
        assert await first is worker and not pool.idle
        assert cancelled.cancelled()
        pool.release(worker)  # the cancelled wait is skipped
        assert await second is worker
        late = asyncio.ensure_future(pool.acquire(30))
        await asyncio.sleep(0)
        pool.release(worker)  # handed to `late`, which is cancelled before it resumes: passed on, not lost
        late.cancel()
        with pytest.raises(asyncio.CancelledError):
            await late
        assert list(pool.idle) == [worker]
        pool._waiters.clear()
        for w in pool.workers:
            if w.timer:
                w.timer.cancel()

    asyncio.run(scenario())
