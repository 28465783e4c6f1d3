"""The pool of ``oxigraph serve-read-only`` worker processes behind the front.

Oxigraph's own ``--timeout-s`` does not stop every query (oxigraph #1336), so each request leases one
worker, alone: the worker is never handed another request while it is busy, and at the deadline it is
killed (SIGKILL: evaluation stops, the core is free) and a fresh one takes its place.  A worker that
dies or fails is replaced the same way; a replacement that cannot start is tried again (once a second)
until it does, so the pool never ends smaller than it started.

The workers run without ``--timeout-s``: the front's deadline is the only one.  Oxigraph's own deadline
costs about 0.1 ms of CPU per query (a third of a simple query's; ``make load``) and wrote an
unsolicited ``500`` on every connection left idle past it.

Each worker listens on its own loopback port, which the front refuses as a SERVICE target, and is
spoken to through one keep-alive connection (``Channel``: asyncio, answers parsed by httptools) that is
checked before every reuse (dropped if the worker wrote on it or closed it while idle, as Oxigraph does
with a 500 on a connection idle past its ``--timeout-s``) and renewed after ``KEEPALIVE_S`` idle.
(httpx's transport, httpcore, did this before: most of the front's CPU per request; the README's kg
serve section gives the figures.)

All spawning happens in one long-lived thread (PR_SET_PDEATHSIG follows the thread that forked: the
workers die with the front even if it is SIGKILLed).  No spaCy or jieba here.
"""

from __future__ import annotations

import asyncio
import collections
import concurrent.futures
import ctypes
import functools
import math
import os
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httptools

from kg.errors import InputError
from kg.resources import usable_cores


def oxigraph_binary() -> str:
    beside = Path(sys.executable).with_name("oxigraph")
    found = str(beside) if beside.exists() else shutil.which("oxigraph")
    if not found:
        raise InputError("oxigraph", "the Oxigraph server is not installed; pip install 'oxigraph==0.5.13'")
    return found


def default_workers() -> int:
    """Oxigraph server processes: one per core this process may run on (at least 2, so that one
    slow query never holds up the others)."""
    return max(2, usable_cores())


KEEPALIVE_S = 5.0  # a worker connection idle longer than this is renewed before its next request


def command(store: str, host: str, port: int, cors: bool = False) -> list[str]:
    """One worker: Oxigraph read-only over the store, union default graph, no deadline of its own
    (the front kills a worker at the deadline)."""
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
           "--union-default-graph"]
    if cors:
        cmd.append("--cors")
    return cmd


def free_loopback_port() -> int:
    """A TCP port nobody listens on at 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_listening(proc: subprocess.Popen, host: str, port: int, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    connect_host = "127.0.0.1" if host in ("0.0.0.0", "") else ("::1" if host == "::" else host)
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            return False
        try:
            with socket.create_connection((connect_host, port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.02)
    return False


def as_batch() -> None:
    """Schedule this process as the throughput server it is (Linux ``SCHED_BATCH``, same niceness): a task
    it wakes does not preempt it at once, nor does it preempt the task that woke it, so the front and its
    workers hand a request on with fewer task switches.  Measured with ``benchmarks/load.py`` (simple
    queries, 8 clients, 2 cores): CPU per request front 80 -> 67 us, workers 95 -> 85 us.  Elsewhere (or
    where refused), nothing."""
    if hasattr(os, "SCHED_BATCH"):
        try:
            os.sched_setscheduler(0, os.SCHED_BATCH, os.sched_param(0))
        except OSError:
            pass


def _worker_preexec() -> None:  # runs in the child before exec
    as_batch()
    try:  # no orphans if kg serve is SIGKILLed
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the front still stops its workers on any normal exit
        pass


def log(message: str) -> None:
    print(f"kg serve: {message}", file=sys.stderr, flush=True)


class WorkerFailed(Exception):
    """The worker closed, reset or garbled the connection (it died, or was killed at the deadline)."""


class Channel(asyncio.Protocol):
    """One keep-alive HTTP/1.1 connection to a worker, one request at a time.  The response is parsed
    by httptools (llhttp, Node.js's parser, the one uvicorn uses for clients): status and headers first,
    then the body in chunks as they come, kept until the proxy takes them (at most about
    ``HIGH_WATER``: past it the socket is not read, so a slow client slows the worker, not our memory).
    Bytes or an end of file from the worker while no request is out (Oxigraph's unsolicited ``500``
    after its idle timeout) make the connection unusable: it is never reused."""

    HIGH_WATER = 256 * 1024

    def __init__(self, loop: asyncio.AbstractEventLoop):
        self.loop = loop
        self.transport: asyncio.Transport | None = None
        self.parser = httptools.HttpResponseParser(self)
        self.busy = False
        self.spoilt = False  # closed, reset, or written on while idle: never reused
        self.idle_since = loop.time()
        self.waiter: asyncio.Future | None = None
        self.listener: Callable[[], None] | None = None  # called at every step of the answer (kg.serve.fast)
        self._reset()

    def _reset(self) -> None:
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: collections.deque[bytes] = collections.deque()
        self.buffered = 0
        self.started = False  # a byte of the response has arrived
        self.head_done = False
        self.framed = False  # Content-Length or chunked: the end is not the connection's end
        self.head_only = False
        self.keep_alive = False
        self.done = False
        self.error: WorkerFailed | None = None
        self.paused = False

    # -- asyncio.Protocol --------------------------------------------------------------------
    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        if not self.busy or self.done:
            self.spoilt = True  # nobody asked: an unsolicited answer
            self.transport.close()
            return
        self.started = True
        try:
            self.parser.feed_data(data)
        except httptools.HttpParserError as e:
            self._fail(f"the worker's answer is not HTTP ({e})")
            return
        if self.buffered > self.HIGH_WATER and not self.paused:
            self.paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self._ended()
        return False

    def connection_lost(self, exc) -> None:
        self._ended()

    def _ended(self) -> None:
        self.spoilt = True
        if self.busy and not self.done and self.error is None:
            if self.head_done and not self.framed:
                self.done = True  # a body delimited by the connection's end
            else:
                self.error = WorkerFailed("the worker closed the connection")
        self._wake()

    def _fail(self, message: str) -> None:
        self.error = WorkerFailed(message)
        self.spoilt = True
        self.transport.close()
        self._wake()

    def _wake(self) -> None:
        if self.listener is not None:
            self.listener()
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)

    # -- httptools callbacks -----------------------------------------------------------------
    def on_header(self, name: bytes, value: bytes) -> None:
        name = name.lower()
        if name == b"content-length" or (name == b"transfer-encoding" and b"chunked" in value.lower()):
            self.framed = True
        self.headers.append((name, value))

    def on_headers_complete(self) -> None:
        self.status = self.parser.get_status_code()
        if self.status < 200:  # an interim answer (100 Continue): the real one follows
            self.headers, self.framed = [], False
            return
        self.head_done = True
        self.keep_alive = self.parser.should_keep_alive()  # (llhttp forgets it once the message is complete)
        if self.head_only or self.status in (204, 304):
            self.done = True  # no body follows, whatever the headers say: not reused (see Worker.finish)

    def on_body(self, body: bytes) -> None:
        self.chunks.append(body)
        self.buffered += len(body)

    def on_message_complete(self) -> None:
        if self.head_done:
            self.done = True

    # -- the proxy's side --------------------------------------------------------------------
    def send(self, request: bytes, head_only: bool) -> None:
        self._reset()
        self.busy = True
        self.head_only = head_only
        if self.transport.is_closing():
            raise WorkerFailed("the worker closed the connection")
        self.transport.write(request)

    async def _wait(self) -> None:
        self.waiter = self.loop.create_future()
        try:
            await self.waiter
        finally:
            self.waiter = None

    async def head(self) -> None:
        """Until the status and headers are here."""
        while not self.head_done:
            if self.error is not None:
                raise self.error
            await self._wait()

    async def chunk(self) -> bytes | None:
        """The next piece of the body, or None at its end."""
        while not self.chunks:
            if self.error is not None:
                raise self.error
            if self.done:
                return None
            await self._wait()
        data = self.chunks.popleft()
        self.buffered -= len(data)
        if self.paused and self.buffered < self.HIGH_WATER // 2 and not self.spoilt:
            self.paused = False
            self.transport.resume_reading()
        return data

    def take_all(self) -> bytes:
        """The whole body of a complete answer, at once."""
        data = b"".join(self.chunks)
        self.chunks.clear()
        self.buffered = 0
        if self.paused and not self.spoilt:
            self.paused = False
            self.transport.resume_reading()
        return data

    def usable(self, keepalive_s: float) -> bool:
        """Fit to send a request on now: clean, open, and not idle for longer than ``keepalive_s``."""
        return not self.spoilt and self.loop.time() - self.idle_since <= keepalive_s and not self.transport.is_closing()

    def close(self) -> None:
        self.spoilt = True
        if self.transport is not None:
            self.transport.close()


class Worker:
    """One ``oxigraph serve-read-only`` process and the one connection kept open to it, checked before
    every reuse and renewed when the worker wrote on it or closed it while idle, or when it has been
    idle for ``keepalive_s``."""

    def __init__(self, proc: subprocess.Popen, port: int, errors, keepalive_s: float):
        self.proc = proc
        self.port = port
        self.errors = errors  # the process's stderr, a temporary file
        self.host = f"127.0.0.1:{port}".encode("ascii")
        self.keepalive_s = keepalive_s
        self.channel: Channel | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.timed_out = False
        self.retired = False
        self.killed = False
        self.leased = False

    @property
    def alive(self) -> bool:
        """Not killed, timed out or retired (whether the process died by itself is asked of the OS
        when a worker whose connection is closed is taken from the idle queue, and every half second
        while it is idle)."""
        return not (self.killed or self.timed_out or self.retired)

    def kill(self) -> None:
        self.killed = True
        if self.proc.poll() is None:
            self.proc.kill()

    async def _connect(self) -> Channel:
        loop = asyncio.get_running_loop()
        try:
            _, channel = await loop.create_connection(lambda: Channel(loop), "127.0.0.1", self.port)
        except OSError as e:
            raise WorkerFailed(f"cannot connect: {e}") from None
        return channel

    async def request(self, data: bytes, head_only: bool = False) -> Channel:
        """Send one request; the channel once the answer's status and headers are here."""
        channel = self.channel
        if channel is not None and not channel.usable(self.keepalive_s):
            channel.close()
            channel = None
        fresh = channel is None
        if fresh:
            channel = self.channel = await self._connect()
        try:
            channel.send(data, head_only)
            await channel.head()
        except WorkerFailed:
            # a kept-alive connection the worker closed as we used it: once more, on a new one
            if fresh or channel.started or not self.alive:
                raise
            channel.close()
            channel = self.channel = await self._connect()
            channel.send(data, head_only)
            await channel.head()
        return channel

    def finish(self, channel: Channel) -> None:
        """The answer has been taken (or given up): the connection is kept only if it is clean."""
        channel.busy = False
        if channel.done and not channel.head_only and not channel.spoilt and channel.keep_alive:
            channel.idle_since = channel.loop.time()
        elif self.channel is channel:
            self.disconnect()
        else:
            channel.close()

    def disconnect(self) -> None:
        if self.channel is not None:
            self.channel.close()
            self.channel = None


class Pool:
    """``size`` workers over one store: idle ones in a queue, each busy one under its deadline."""

    def __init__(self, store: str, size: int, timeout_s: float, cors: bool = False):
        self.store, self.size, self.timeout_s, self.cors = store, size, timeout_s, cors
        self.keepalive_s = KEEPALIVE_S
        self.restarts = 0
        self.workers: set[Worker] = set()
        self._ports: set[int] = set()  # every port a worker of ours has had: never a SERVICE target
        self._ports_lock = threading.Lock()  # added to by the spawner thread
        self.closed = False
        self._orders: queue.Queue = queue.Queue()
        self._spawner = threading.Thread(target=self._spawn_loop, name="kg-serve-spawner", daemon=True)
        self.loop: asyncio.AbstractEventLoop | None = None
        # idle workers, and the requests waiting for one: (end, then) in their order of arrival, ``then``
        # called with the next worker released (leased for it) or with None at ``end``.  Not futures
        # with a timer each (nor an asyncio.Queue with wait_for: a task, a future and a timer per wait):
        # under load most requests wait, and one timer for the earliest end serves them all
        self.idle: collections.deque[Worker] = collections.deque()
        self._waiters: collections.deque[tuple[float, Callable[[Worker | None], None]]] = collections.deque()
        self._wait_timer: asyncio.TimerHandle | None = None
        self._wait_due = math.inf  # when _wait_timer fires
        self._giving: collections.deque[Worker] = collections.deque()  # released, not handed on yet
        self._handing = False

    # -- life cycle (in the event loop) ------------------------------------------------------
    async def start(self) -> None:
        """Start every worker; InputError if Oxigraph cannot serve the store."""
        self.loop = asyncio.get_running_loop()
        self._spawner.start()
        orders = [concurrent.futures.Future() for _ in range(self.size)]
        for order in orders:
            self._orders.put(("start", order, None))
        try:
            for order in orders:
                self._arrived(await asyncio.wrap_future(order))
        except RuntimeError as e:
            self.close()
            raise InputError(self.store, f"the Oxigraph server did not start: {e}") from None
        self._watcher = asyncio.ensure_future(self._watch())

    async def _watch(self) -> None:
        """A worker that dies while idle is replaced at once, not when a request finds it."""
        while not self.closed:
            await asyncio.sleep(0.5)
            for w in list(self.workers):
                if not w.leased and w.proc.poll() is not None:
                    log(f"a query worker exited (status {w.proc.returncode}); starting another")
                    self.retire(w)

    def close(self) -> None:
        """Stop every worker (idempotent; also called outside the loop)."""
        self.closed = True
        self._orders.put(None)
        workers = list(self.workers)
        for w in workers:
            if w.proc.poll() is None:
                w.proc.terminate()
        for w in workers:
            try:
                w.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                w.proc.kill()
                w.proc.wait()
            w.errors.close()

    def ports(self) -> set[int]:
        """Every port a worker of this pool has listened on (or is about to)."""
        with self._ports_lock:
            return set(self._ports)

    def pids(self) -> list[int]:
        return sorted(w.proc.pid for w in self.workers if w.proc.poll() is None)

    def _arrived(self, worker: Worker) -> None:
        if self.closed:
            worker.kill()
            return
        self.workers.add(worker)
        self._give(worker)

    def _give(self, worker: Worker) -> None:
        """An idle worker: leased to the first request still waiting, else to the idle ones.  A waiting
        request's callback may give a worker back at once (its client has gone): handed on by this
        loop, not by a call inside the callback (a thousand such callbacks would nest a thousand deep)."""
        self._giving.append(worker)
        if self._handing:
            return
        self._handing = True
        try:
            while self._giving:
                w = self._giving.popleft()
                if not self._waiters:
                    self.idle.append(w)
                elif self._lease(w):
                    self._waiters.popleft()[1](w)
                # (else it had died while idle: retired and replaced, and the request waits on)
        finally:
            self._handing = False

    # -- one request -------------------------------------------------------------------------
    async def acquire(self, wait_s: float) -> Worker | None:
        """An idle worker, now under the deadline; None if none is free within ``wait_s``
        (``acquire_then``, awaited)."""
        w = self.lease_idle()
        if w is not None:
            return w
        got = self.loop.create_future()
        self.acquire_then(wait_s, functools.partial(self._deliver, got))
        try:
            return await got
        except asyncio.CancelledError:  # cancelled after a worker was handed over, before it resumed
            if got.done() and not got.cancelled() and got.result() is not None:
                self.release(got.result())
            raise

    def _deliver(self, got: asyncio.Future, w: Worker | None) -> None:
        if not got.cancelled():
            got.set_result(w)
        elif w is not None:
            self.release(w)  # handed over as this request was cancelled: pass it on

    def lease_idle(self) -> Worker | None:
        """An idle worker, now under the deadline, or None if none is idle."""
        while self.idle:
            w = self.idle.popleft()
            if self._lease(w):
                return w
        return None

    def acquire_then(self, wait_s: float, then: Callable[[Worker | None], None]) -> None:
        """``acquire`` for callbacks: ``then(worker)`` once one is free (leased, under the deadline), or
        ``then(None)`` after ``wait_s``.  ``then`` runs now if a worker is idle (or if ``wait_s`` is
        not positive), else from the event loop; it must not raise."""
        w = self.lease_idle()
        if w is not None or wait_s <= 0:
            return then(w)
        end = self.loop.time() + wait_s
        self._waiters.append((end, then))
        if end < self._wait_due:
            self._arm_waits(end)

    def _arm_waits(self, due: float) -> None:
        if self._wait_timer is not None:
            self._wait_timer.cancel()
        self._wait_timer = self.loop.call_at(due, self._end_waits)
        self._wait_due = due

    def _end_waits(self) -> None:
        """(the waits' timer) The requests whose wait has ended get None; the timer is set for the next end.
        (A wait handed a worker before its end leaves the timer as it was: it finds nothing to end.)"""
        self._wait_timer, self._wait_due = None, math.inf
        now = self.loop.time() + 0.001  # (the loop's clock counts milliseconds: a timer may fire just early)
        ended = [entry for entry in self._waiters if entry[0] <= now]
        if ended:
            self._waiters = collections.deque(entry for entry in self._waiters if entry[0] > now)
        if self._waiters:
            self._arm_waits(min(end for end, _ in self._waiters))
        for _, then in ended:
            then(None)

    def _lease(self, w: Worker) -> bool:
        """Put ``w`` under the deadline; False (and replaced) if it died while idle.  The OS is asked
        (a ``waitpid``) only when the worker's connection is not known open: a process that ends closes
        it, and ``_watch`` asks every half second."""
        channel = w.channel
        if w.retired or w.proc.returncode is not None or (
                (channel is None or channel.spoilt) and w.proc.poll() is not None):
            self.retire(w)
            return False
        w.timed_out = False
        w.leased = True
        w.timer = self.loop.call_later(self.timeout_s, self._expire, w)
        return True

    def _expire(self, w: Worker) -> None:
        w.timer = None
        w.timed_out = True
        w.kill()  # SIGKILL: evaluation stops now, the core is free

    def release(self, w: Worker) -> None:
        """Back to the idle queue, or replaced if it was killed or failed.  Once per acquire.  The worker
        may be leased to a waiting request, and its connection used, before this returns: read what the
        client gets off the channel first."""
        w.leased = False
        if w.timer is not None:
            w.timer.cancel()
            w.timer = None
        if w.alive and not self.closed:
            self._give(w)
        else:
            self.retire(w)

    def retire(self, w: Worker) -> None:
        """Kill (if need be) and replace a worker; never twice."""
        if w in self.workers:
            self.workers.discard(w)
            w.retired = True
            w.kill()
            self.restarts += 1
            w.disconnect()
            if not self.closed:
                order = concurrent.futures.Future()
                order.add_done_callback(self._hand_over)
                self._orders.put(("replace", order, w))

    def _hand_over(self, order: concurrent.futures.Future) -> None:
        """(spawner thread) A replacement is ready: to the loop, or stopped if the server is closing."""
        worker = order.result()
        try:
            self.loop.call_soon_threadsafe(self._arrived, worker)
        except RuntimeError:  # the loop has ended
            worker.kill()

    # -- the spawner thread ------------------------------------------------------------------
    def _spawn_loop(self) -> None:
        while True:
            item = self._orders.get()
            if item is None or self.closed:
                return
            kind, order, old = item
            if old is not None:
                old.kill()
                old.proc.wait()
                old.errors.close()
            while True:
                try:
                    worker = self._new_worker()
                except RuntimeError as e:
                    if kind == "start":
                        order.set_exception(e)
                        break
                    log(f"could not start a query worker ({e}); trying again")
                    time.sleep(1)
                    if self.closed:
                        return
                    continue
                if self.closed:
                    worker.kill()
                    return
                order.set_result(worker)
                break

    def _new_worker(self) -> Worker:
        last = ""
        for _ in range(3):  # a port taken between choosing and binding: try another
            port = free_loopback_port()
            with self._ports_lock:
                self._ports.add(port)
            errors = tempfile.TemporaryFile()
            proc = subprocess.Popen(command(self.store, "127.0.0.1", port, self.cors),
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                    start_new_session=True, preexec_fn=_worker_preexec)
            if wait_until_listening(proc, "127.0.0.1", port):
                return Worker(proc, port, errors, self.keepalive_s)
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            errors.seek(0)
            last = " ".join(errors.read().decode("utf-8", "replace").split())[-300:] or f"exit status {proc.returncode}"
            errors.close()
        raise RuntimeError(last)
