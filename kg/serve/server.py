"""Serve a store over SPARQL with the real Oxigraph server (PyPI package ``oxigraph``).

Oxigraph's own ``--timeout-s`` does not stop every query (a cross product over 200k
triples ran on past 30 s with a core busy, oxigraph #1336).  So ``kg serve`` is a small
HTTP front (standard library only) over a pool of ``oxigraph serve-read-only``
processes, each on its own loopback port:

- the front listens on ``--bind``/``--port`` (127.0.0.1 by default) and hands each
  request to an idle backend, one request per backend at a time, forwarding method,
  path, headers and body, and then the backend's status, headers and body (streamed
  once it is larger than ``STREAM_AFTER``);
- a watchdog kills (SIGKILL) a backend whose request has run past the deadline; the
  client gets ``504`` with a one-line message (or, if a large response was already
  streaming, a cut connection) and a fresh backend takes the dead one's place;
- a request that waits longer than the deadline for a free backend gets ``503``.

The backends are read-only (SPARQL Update and Graph Store writes are refused), use the
union of all graphs as the default graph, and send CORS headers only with ``--cors``.
The query UI answers at ``/``, SPARQL at ``/query``.  No spaCy or jieba here.
"""

from __future__ import annotations

import ctypes
import faulthandler
import http.client
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
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from kg.model import InputError
from kg.resources import usable_cores

STREAM_AFTER = 4 * 1024 * 1024  # buffer a response up to this size (so a timeout is a clean 504), then stream
MAX_REQUEST_BODY = 16 * 1024 * 1024
MAX_CONNECTIONS = 256
HOP_BY_HOP = frozenset(("connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "proxy-connection",
                        "te", "trailer", "trailers", "transfer-encoding", "upgrade", "expect", "content-length"))


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


def command(store: str, host: str, port: int, timeout_s: float, cors: bool = False) -> list[str]:
    """One backend: Oxigraph read-only over the store, union default graph."""
    cmd = [oxigraph_binary(), "serve-read-only", "--location", str(store), "--bind", f"{host}:{port}",
           "--union-default-graph", "--timeout-s", str(max(1, math.ceil(timeout_s)) + 1)]
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
    except Exception:  # not Linux: the front still stops its backends on any normal exit
        pass


class Backend:
    """One ``oxigraph serve-read-only`` process and a keep-alive connection to it."""

    def __init__(self, proc: subprocess.Popen, port: int, log):
        self.proc = proc
        self.port = port
        self.log = log
        self.conn: http.client.HTTPConnection | None = None
        self.deadline: float | None = None
        self.timed_out = False

    def connection(self) -> http.client.HTTPConnection:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=None)
            self.conn.connect()
            self.conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return self.conn

    def drop_connection(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None and not self.timed_out


class Pool:
    """Backends over one store: idle ones in a queue, busy ones watched against their deadline."""

    def __init__(self, store: str, size: int, timeout_s: float, cors: bool = False):
        self.store, self.size, self.timeout_s, self.cors = store, size, timeout_s, cors
        self.idle: queue.Queue[Backend] = queue.Queue()
        self.busy: set[Backend] = set()
        self.lock = threading.Lock()
        self.closed = threading.Event()
        self.restarts = 0
        self._spawn: queue.Queue[object] = queue.Queue()
        self._started = threading.Event()
        self._start_error: str | None = None
        self._everything: set[Backend] = set()
        self._spawner = threading.Thread(target=self._spawn_loop, name="kg-serve-spawner", daemon=True)
        self._watchdog = threading.Thread(target=self._watch_loop, name="kg-serve-watchdog", daemon=True)

    # -- life cycle -------------------------------------------------------------------
    def start(self) -> None:
        """Start every backend (from one long-lived thread: PR_SET_PDEATHSIG follows the thread)."""
        self._spawner.start()
        for _ in range(self.size):
            self._spawn.put("start")
        self._spawn.put("started")
        self._started.wait()
        if self._start_error:
            self.close()
            raise InputError(self.store, f"the Oxigraph server did not start: {self._start_error}")
        self._watchdog.start()

    def close(self) -> None:
        self.closed.set()
        self._spawn.put(None)
        with self.lock:
            backends = list(self._everything)
        for b in backends:
            if b.proc.poll() is None:
                b.proc.terminate()
        for b in backends:
            try:
                b.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                b.proc.kill()
                b.proc.wait()
            b.drop_connection()
            b.log.close()

    def pids(self) -> list[int]:
        with self.lock:
            return sorted(b.proc.pid for b in self._everything if b.proc.poll() is None)

    def _new_backend(self) -> Backend:
        last = ""
        for _ in range(3):  # a port taken between choosing and binding: try another
            port = free_loopback_port()
            log = tempfile.TemporaryFile()
            proc = subprocess.Popen(command(self.store, "127.0.0.1", port, self.timeout_s, self.cors),
                                    stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log,
                                    start_new_session=True, preexec_fn=_die_with_parent)
            if wait_until_listening(proc, "127.0.0.1", port):
                return Backend(proc, port, log)
            if proc.poll() is None:
                proc.kill()
            proc.wait()
            log.seek(0)
            last = " ".join(log.read().decode("utf-8", "replace").split())[-300:] or f"exit status {proc.returncode}"
            log.close()
        raise RuntimeError(last)

    def _spawn_loop(self) -> None:
        while True:
            order = self._spawn.get()
            if order is None or self.closed.is_set():
                return
            if order == "started":
                self._started.set()
                continue
            try:
                backend = self._new_backend()
            except Exception as e:  # noqa: BLE001 - reported, and retried on the next request for one
                if not self._started.is_set():
                    self._start_error = str(e)
                else:
                    print(f"kg serve: could not start a query worker: {e}", file=sys.stderr, flush=True)
                    time.sleep(1)
                    self._spawn.put("start")
                continue
            with self.lock:
                self._everything.add(backend)
            if self.closed.is_set():
                backend.kill()
            self.idle.put(backend)

    def _watch_loop(self) -> None:
        while not self.closed.wait(0.05):
            now = time.monotonic()
            with self.lock:
                overdue = [b for b in self.busy if b.deadline is not None and now >= b.deadline and not b.timed_out]
                for b in overdue:
                    b.timed_out = True
            for b in overdue:
                b.kill()  # SIGKILL: evaluation stops now, the core is free

    # -- one request --------------------------------------------------------------------
    def acquire(self, wait_s: float) -> Backend | None:
        end = time.monotonic() + wait_s
        while True:
            try:
                b = self.idle.get(timeout=max(0.0, end - time.monotonic()))
            except queue.Empty:
                return None
            if b.proc.poll() is not None:  # died while idle
                self.discard(b)
                if time.monotonic() >= end:
                    return None
                continue
            with self.lock:
                b.deadline = time.monotonic() + self.timeout_s
                b.timed_out = False
                self.busy.add(b)
            return b

    def release(self, b: Backend) -> None:
        """Back to the idle queue, or discarded and replaced if it was killed.  Once per acquire."""
        with self.lock:
            self.busy.discard(b)
            b.deadline = None
            healthy = b.proc.poll() is None and not b.timed_out
        if healthy:
            self.idle.put(b)
        else:
            self.discard(b)

    def discard(self, b: Backend) -> None:
        """Kill (if need be), reap and replace a backend."""
        with self.lock:
            self.busy.discard(b)
            self._everything.discard(b)
        b.kill()
        b.proc.wait()
        b.drop_connection()
        b.log.close()
        self.restarts += 1
        if not self.closed.is_set():
            self._spawn.put("start")


class _Timeout(Exception):
    pass


class _BackendFailed(Exception):
    pass


def _read_chunked(rfile, limit: int) -> bytes:
    body = bytearray()
    while True:
        line = rfile.readline(1024)
        size = int(line.split(b";", 1)[0].strip() or b"0", 16)
        if size == 0:
            while rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                pass  # trailers
            return bytes(body)
        if len(body) + size > limit:
            raise OverflowError
        body += rfile.read(size)
        rfile.readline(1024)


class FrontHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "hezuo-kg"
    timeout = 120  # an idle keep-alive connection or a stalled client is closed after this
    disable_nagle_algorithm = True  # headers and body go out at once (no 40 ms delayed-ACK stall)
    pool: Pool  # set on the subclass made by make_server

    def log_message(self, format, *args):  # noqa: A002 - quiet like Oxigraph; timeouts are logged below
        pass

    def _plain(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        body = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _request_body(self) -> bytes | None:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            return _read_chunked(self.rfile, MAX_REQUEST_BODY)
        length = self.headers.get("Content-Length")
        if length is None:
            return None
        n = int(length)
        if n < 0:
            raise ValueError
        if n > MAX_REQUEST_BODY:
            raise OverflowError
        return self.rfile.read(n)

    def _proxy(self) -> None:
        try:
            body = self._request_body()
        except OverflowError:
            self.close_connection = True
            return self._plain(413, f"request body larger than {MAX_REQUEST_BODY // (1024 * 1024)} MB")
        except ValueError:
            self.close_connection = True
            return self._plain(400, "bad Content-Length or chunked body")
        connection_tokens = {t.strip().lower() for t in self.headers.get("Connection", "").split(",")}
        headers = {}
        for k, v in self.headers.items():
            if k.lower() not in HOP_BY_HOP and k.lower() not in connection_tokens:
                headers[k] = v if k not in headers else headers[k] + ", " + v
        pool = self.pool
        backend = pool.acquire(pool.timeout_s)
        if backend is None:
            return self._plain(503, f"all {pool.size} query workers are busy; try again later", {"Retry-After": "1"})
        self._lease = backend
        try:
            self._exchange(backend, body, headers)
        finally:
            if self._lease is not None:
                self._lease = None
                pool.release(backend)

    def _exchange(self, backend: Backend, body: bytes | None, headers: dict[str, str]) -> None:
        pool = self.pool
        try:
            resp = self._send_to_backend(backend, body, headers)
            chunks: list[bytes] = []
            size = 0
            complete = self.command == "HEAD" or resp.status in (204, 304) or 100 <= resp.status < 200
            while not complete and size < STREAM_AFTER:
                chunk = resp.read1(65536)
                if not chunk:
                    complete = True
                    break
                chunks.append(chunk)
                size += len(chunk)
            if complete and not resp.isclosed():
                resp.read()
        except (OSError, http.client.HTTPException) as e:
            if backend.timed_out:
                return self._timed_out(backend)
            backend.kill()
            print(f"kg serve: query worker failed ({type(e).__name__}: {e}); restarting it", file=sys.stderr, flush=True)
            return self._plain(502, "the query worker failed; it has been restarted")
        if complete:
            # the whole answer is here (if the watchdog fired just now, the answer is still good):
            # the backend is free before the client is written to, so a slow client holds no backend
            if resp.will_close or backend.timed_out:
                backend.drop_connection()
            self._lease = None
            pool.release(backend)
        self.send_response_only(resp.status, resp.reason)
        for k, v in resp.getheaders():
            if k.lower() not in HOP_BY_HOP:
                self.send_header(k, v)
        if complete:
            if self.command == "HEAD":
                length = resp.getheader("Content-Length")
                if length is not None:
                    self.send_header("Content-Length", length)
            elif resp.status not in (204, 304):
                self.send_header("Content-Length", str(size))
            self.end_headers()
            if self.command != "HEAD":
                for c in chunks:
                    self.wfile.write(c)
            return
        self._stream(backend, resp, chunks)

    def _send_to_backend(self, backend: Backend, body: bytes | None, headers: dict[str, str]):
        for attempt in (1, 2):
            conn = backend.connection()
            try:
                conn.request(self.command, self.path, body=body, headers=headers)
                return conn.getresponse()
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                # a kept-alive connection the backend had closed: once more on a new one
                backend.drop_connection()
                if attempt == 2 or not backend.alive:
                    raise
        raise AssertionError("unreachable")

    def _stream(self, backend: Backend, resp, chunks: list[bytes]) -> None:
        """A large response: send it on as it comes (chunked), still under the deadline."""
        chunked = self.request_version == "HTTP/1.1"
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.close_connection = True
        self.end_headers()

        def out(data: bytes) -> None:
            if chunked:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            else:
                self.wfile.write(data)

        try:
            for c in chunks:
                out(c)
        except OSError:
            backend.kill()  # the client went away: the rest of the answer is of no use
            self.close_connection = True
            return
        while True:
            try:
                chunk = resp.read1(65536)
            except (OSError, http.client.HTTPException):
                if backend.timed_out:
                    self._log_timeout()
                backend.kill()
                self.close_connection = True  # cut: the client sees an incomplete response
                return
            if not chunk:
                break
            try:
                out(chunk)
            except OSError:
                backend.kill()
                self.close_connection = True
                return
        if chunked:
            self.wfile.write(b"0\r\n\r\n")
        if resp.will_close:
            backend.drop_connection()

    def _log_timeout(self) -> None:
        print(f"kg serve: query stopped after {self.pool.timeout_s:g} s (deadline); its worker was killed and "
              "replaced", file=sys.stderr, flush=True)

    def _timed_out(self, backend: Backend) -> None:
        self._log_timeout()
        self._plain(504, f"query timed out: evaluation was stopped after {self.pool.timeout_s:g} s "
                         "(kg serve --timeout)")

    do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _proxy


class FrontServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address, handler, pool: Pool):
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.pool = pool
        self._active = 0
        self._active_lock = threading.Lock()
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        with self._active_lock:
            if self._active >= MAX_CONNECTIONS:
                full = True
            else:
                self._active += 1
                full = False
        if full:  # refuse at once rather than pile up threads
            try:
                request.sendall(b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\n"
                                b"Content-Length: 25\r\nConnection: close\r\n\r\ntoo many open connections")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            with self._active_lock:
                self._active -= 1


def make_server(store: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: float = 30,
                cors: bool = False, workers: int | None = None) -> FrontServer:
    """The front server with its backend pool started (call ``serve_forever``, then ``close``)."""
    from kg.store import locate

    location = locate(store)  # the active generation, resolved: a later build does not pull it away
    if timeout_s <= 0:
        raise InputError("--timeout", "must be a positive number of seconds")
    workers = workers or default_workers()
    if workers < 1:
        raise InputError("--workers", "must be at least 1")
    pool = Pool(str(location), workers, timeout_s, cors)
    handler = type("Handler", (FrontHandler,), {"pool": pool})
    try:
        server = FrontServer((host, port), handler, pool)
    except OSError as e:
        if e.errno in (98, 48):  # EADDRINUSE (Linux, macOS)
            raise InputError(f"{host}:{port}", "address already in use; choose another with --port") from None
        raise InputError(f"{host}:{port}", f"cannot listen: {e.strerror or e}") from None
    try:
        pool.start()
    except BaseException:
        server.server_close()
        raise
    return server


def close(server: FrontServer) -> None:
    server.server_close()
    server.pool.close()


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(store: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: float = 30,
          cors: bool = False, workers: int | None = None, on_ready: Callable[[str], None] | None = None) -> int:
    """Run the server until Ctrl-C or SIGTERM; returns 0."""
    server = make_server(store, host=host, port=port, timeout_s=timeout_s, cors=cors, workers=workers)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # a plain `kill` stops the server too
        if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID` prints every thread's stack to stderr
            faulthandler.register(signal.SIGUSR1, all_threads=True)
        signal.signal(signal.SIGINT, _interrupt)  # even when started with SIGINT ignored (a shell's `&`)
    try:
        if on_ready:
            shown = f"[{host}]" if ":" in host else host
            on_ready(f"http://{shown}:{server.server_address[1]}/")
        server.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    finally:
        close(server)
    return 0
