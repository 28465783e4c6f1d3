"""The pool of ``oxigraph serve-read-only`` worker processes behind the front.

Oxigraph's own ``--timeout-s`` does not stop every query (oxigraph #1336), so each request leases one
worker, alone: the worker is never handed another request while it is busy, and at the deadline it is
killed (SIGKILL: evaluation stops, the core is free) and a fresh one takes its place.  A worker that
dies or fails is replaced the same way; a replacement that cannot start is tried again (once a second)
until it does, so the pool never ends smaller than it started.

Each worker listens on its own loopback port, which the front refuses as a SERVICE target, and is
spoken to through one httpx (httpcore) connection that is checked before every reuse (httpcore drops an idle
connection the worker has written on or closed) and never kept idle for longer than half of the
worker's own socket timeout, after which ``oxigraph`` would write an unsolicited ``500`` on it.

All spawning happens in one long-lived thread (PR_SET_PDEATHSIG follows the thread that forked: the
workers die with the front even if it is SIGKILLed).  No spaCy or jieba here.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import ctypes
import math
import queue
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpcore

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


def worker_timeout(timeout_s: float) -> int:
    """Oxigraph's own --timeout-s: a second past the front's deadline (the front kills first)."""
    return max(1, math.ceil(timeout_s)) + 1


def command(store: str, host: str, port: int, timeout_s: float, cors: bool = False) -> list[str]:
    """One worker: Oxigraph read-only over the store, union default graph."""
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
           "--union-default-graph", "--timeout-s", str(worker_timeout(timeout_s))]
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


def _die_with_parent() -> None:  # runs in the child before exec: no orphans if kg serve is SIGKILLed
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:  # not Linux: the front still stops its workers on any normal exit
        pass


def log(message: str) -> None:
    print(f"kg serve: {message}", file=sys.stderr, flush=True)


class _Protocol(asyncio.Protocol):
    """Bytes from a worker, kept until httpcore reads them (at most about ``HIGH_WATER``: past it,
    the socket is not read until they are taken, so a slow client slows the worker, not our memory)."""

    HIGH_WATER = 256 * 1024

    def __init__(self):
        self.buffer = bytearray()
        self.eof = False
        self.paused = False
        self.error: Exception | None = None
        self.waiter: asyncio.Future | None = None
        self.transport: asyncio.Transport | None = None

    def connection_made(self, transport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        if len(self.buffer) > self.HIGH_WATER and not self.paused:
            self.paused = True
            self.transport.pause_reading()
        self._wake()

    def eof_received(self) -> bool:
        self.eof = True
        self._wake()
        return False

    def connection_lost(self, exc) -> None:
        self.eof = True
        self.error = exc
        self._wake()

    def _wake(self) -> None:
        if self.waiter is not None and not self.waiter.done():
            self.waiter.set_result(None)


class _Stream(httpcore.AsyncNetworkStream):
    """One worker connection for httpcore on plain asyncio (its extension point for network backends;
    lighter than the anyio streams it uses by default).  Readable when idle = the worker wrote (an
    unsolicited 500) or closed: httpcore then drops the connection instead of reusing it."""

    def __init__(self, transport: asyncio.Transport, protocol: _Protocol):
        self.transport, self.protocol = transport, protocol

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        p = self.protocol
        while not p.buffer and not p.eof:
            p.waiter = asyncio.get_running_loop().create_future()
            await p.waiter
            p.waiter = None
        if not p.buffer:
            if p.error is not None:
                raise httpcore.ReadError(str(p.error))
            return b""
        data = bytes(p.buffer[:max_bytes])
        del p.buffer[:max_bytes]
        if p.paused and len(p.buffer) < p.HIGH_WATER // 2 and not p.eof:
            p.paused = False
            self.transport.resume_reading()
        return data

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        if self.transport.is_closing():
            raise httpcore.WriteError("the worker closed the connection")
        self.transport.write(buffer)

    async def aclose(self) -> None:
        self.transport.close()

    def get_extra_info(self, info: str):
        if info == "is_readable":
            return bool(self.protocol.buffer) or self.protocol.eof
        if info == "socket":
            return self.transport.get_extra_info("socket")
        return None


class _Backend(httpcore.AsyncNetworkBackend):
    async def connect_tcp(self, host: str, port: int, timeout=None, local_address=None, socket_options=None):
        try:
            transport, protocol = await asyncio.get_running_loop().create_connection(_Protocol, host, port)
        except OSError as e:
            raise httpcore.ConnectError(str(e)) from None
        return _Stream(transport, protocol)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class Worker:
    """One ``oxigraph serve-read-only`` process and the connection pool (of one) to it: httpx's own
    transport layer, httpcore, used directly (the proxy needs no URL parsing or models of httpx)."""

    def __init__(self, proc: subprocess.Popen, port: int, errors, keepalive_s: float):
        self.proc = proc
        self.port = port
        self.errors = errors  # the process's stderr, a temporary file
        self.host = f"127.0.0.1:{port}".encode("ascii")
        self.http = httpcore.AsyncConnectionPool(max_connections=1, max_keepalive_connections=1,
                                                 keepalive_expiry=keepalive_s, retries=0,
                                                 network_backend=_Backend())
        self.timer: asyncio.TimerHandle | None = None
        self.timed_out = False
        self.retired = False

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None and not self.timed_out and not self.retired

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()


class Pool:
    """``size`` workers over one store: idle ones in a queue, each busy one under its deadline."""

    def __init__(self, store: str, size: int, timeout_s: float, cors: bool = False):
        self.store, self.size, self.timeout_s, self.cors = store, size, timeout_s, cors
        self.keepalive_s = min(5.0, worker_timeout(timeout_s) / 2)
        self.restarts = 0
        self.workers: set[Worker] = set()
        self._ports: set[int] = set()  # every port a worker of ours has had: never a SERVICE target
        self._ports_lock = threading.Lock()  # added to by the spawner thread
        self.closed = False
        self._orders: queue.Queue = queue.Queue()
        self._spawner = threading.Thread(target=self._spawn_loop, name="kg-serve-spawner", daemon=True)
        self.loop: asyncio.AbstractEventLoop | None = None
        self.idle: asyncio.Queue[Worker] | None = None

    # -- life cycle (in the event loop) ------------------------------------------------------
    async def start(self) -> None:
        """Start every worker; InputError if Oxigraph cannot serve the store."""
        self.loop = asyncio.get_running_loop()
        self.idle = asyncio.Queue()
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
        self.idle.put_nowait(worker)

    # -- one request -------------------------------------------------------------------------
    async def acquire(self, wait_s: float) -> Worker | None:
        """An idle worker, now under the deadline; None if none is free within ``wait_s``."""
        end = self.loop.time() + wait_s
        while True:
            if not self.idle.empty():
                w = self.idle.get_nowait()
            else:
                try:
                    w = await asyncio.wait_for(self.idle.get(), max(0.0, end - self.loop.time()))
                except TimeoutError:
                    return None
            if w.proc.poll() is not None or w.retired:  # died while idle
                self.retire(w)
                continue
            w.timed_out = False
            w.timer = self.loop.call_later(self.timeout_s, self._expire, w)
            return w

    def _expire(self, w: Worker) -> None:
        w.timer = None
        w.timed_out = True
        w.kill()  # SIGKILL: evaluation stops now, the core is free

    def release(self, w: Worker) -> None:
        """Back to the idle queue, or replaced if it was killed or failed.  Once per acquire."""
        if w.timer is not None:
            w.timer.cancel()
            w.timer = None
        if w.alive and not self.closed:
            self.idle.put_nowait(w)
        else:
            self.retire(w)

    def retire(self, w: Worker) -> None:
        """Kill (if need be) and replace a worker; never twice."""
        if w in self.workers:
            self.workers.discard(w)
            w.retired = True
            w.kill()
            self.restarts += 1
            asyncio.ensure_future(w.http.aclose())
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
            proc = subprocess.Popen(command(self.store, "127.0.0.1", port, self.timeout_s, self.cors),
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=errors,
                                    start_new_session=True, preexec_fn=_die_with_parent)
            if wait_until_listening(proc, "127.0.0.1", port):
                return Worker(proc, port, errors, self.keepalive_s)
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            errors.seek(0)
            last = " ".join(errors.read().decode("utf-8", "replace").split())[-300:] or f"exit status {proc.returncode}"
            errors.close()
        raise RuntimeError(last)
