"""`kg serve`: uvicorn (HTTP/1.1) + starlette (routes) in front of a pool of Oxigraph workers.

- uvicorn parses HTTP (httptools), with keep-alive and chunked bodies; the protocol class below adds
  what it lacks against hostile clients: a deadline for a request's headers (``--client-timeout``), a
  cap on their size, and a cap on connections per client address and in all (``ConnectionLimits``);
- ``Front`` (ASGI, outermost) checks the ``Host`` header on a loopback server (DNS rebinding), refuses
  a duplicate or contradictory ``Content-Length``, reads the body under a deadline and a size cap
  (16 MB; ``413`` once the body has been read off, or the connection closed), within a budget of
  bodies held at once, and adds the CORS header to every answer when ``--cors`` is on;
- ``/query`` goes straight to ``kg.serve.proxy`` (no router on the endpoint's path); otherwise the routes
  of ``kg.serve.site`` come first, then everything else goes to the proxy.

No spaCy or jieba here.
"""

from __future__ import annotations

import asyncio
import collections
import faulthandler
import logging
import resource
import signal
import socket
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import uvicorn
from starlette.applications import Starlette
from starlette.routing import Mount
from uvicorn.protocols.http.httptools_impl import (HEADER_RE, HEADER_VALUE_RE, STATUS_LINE, HttpToolsProtocol,
                                                   RequestResponseCycle)

from kg.errors import InputError, ParameterError
from kg.serve import site
from kg.serve.fast import FastPath
from kg.serve.guard import QueryGuard, host_allowed, loopback_bind, normalise_prefix
from kg.serve.pool import Pool, as_batch, default_workers
from kg.serve.proxy import CutConnection, Proxy, plain, with_cors

MAX_REQUEST_BODY = 16 * 1024 * 1024
DRAIN_LIMIT = 64 * 1024 * 1024  # a body past the cap is read off up to this, then the connection is closed
BODY_BUDGET = 64 * 1024 * 1024  # request bodies held at once, all requests together
MAX_HEADER_BYTES = 64 * 1024
MAX_CONNECTIONS = 1024
MAX_CONNECTIONS_PER_CLIENT = 64
CLIENT_TIMEOUT = 10.0  # seconds a client has to send a request's headers, and again its body
KEEP_ALIVE = 30  # an idle keep-alive connection is closed after this many seconds


class Front:
    """The outermost ASGI app: request checks shared by every route."""

    def __init__(self, app, *, bound: str, port: int, cors: bool, client_timeout: float, direct=None):
        self.app = app
        self.direct = direct or {}  # path -> app, past the router (the SPARQL endpoint: its hot path)
        self.bound, self.port = bound, port
        self.check_host = loopback_bind(bound)
        # the Host values a browser sends to this server as they come (checked by a set lookup); any
        # other value gets the full check (host_allowed)
        names = ("localhost", "127.0.0.1", "[::1]", f"[{bound}]" if ":" in bound else bound)
        self.good_hosts = frozenset(f"{n}{p}".encode("latin-1") for n in names for p in ("", f":{port}"))
        self.cors = cors
        self.client_timeout = client_timeout
        self.budget = BODY_BUDGET

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        if self.cors:
            send = self._with_cors(send)
        host, lengths, chunked = None, [], False
        for k, v in scope["headers"]:
            if k == b"host":
                host = v
            elif k == b"content-length":
                lengths.append(v)
            elif k == b"transfer-encoding":
                chunked = True
        if self.check_host and host not in self.good_hosts:
            name = None if host is None else host.decode("latin-1")
            if not host_allowed(name, self.bound, self.port):
                return await plain(send, 403, f"Host {name!r} is not this server: a server on loopback answers "
                                              f"to localhost, 127.0.0.1 or [::1] with port {self.port}", close=True)
        if len(lengths) > 1 or (lengths and chunked):
            return await plain(send, 400, "more than one Content-Length, or Content-Length with Transfer-Encoding",
                               close=True)
        if lengths and not lengths[0].strip().isdigit():
            return await plain(send, 400, "Content-Length is not a number", close=True)
        declared = int(lengths[0]) if lengths else None
        app = self.direct.get(scope["path"], self.app)
        if not chunked and not declared:
            scope["kg.body"] = b""
            return await app(scope, receive, send)
        reserved = min(declared or 0, MAX_REQUEST_BODY)
        if reserved > self.budget:
            return await plain(send, 503, "too many large requests at once; try again later", close=True,
                               extra={"Retry-After": "1"})
        self.budget -= reserved
        held = [reserved]  # bytes of the budget this request holds (a chunked body takes more as it comes)
        try:
            body = await self._read_body(receive, send, declared, held)
            if body is None:
                return
            scope["kg.body"] = body
            await app(scope, _replay(body, receive), send)
        finally:
            self.budget += held[0]

    async def _read_body(self, receive, send, declared: int | None, held: list[int]) -> bytes | None:
        """The request body, or None once the client has been answered (or has gone)."""
        parts, size, too_large = [], 0, declared is not None and declared > MAX_REQUEST_BODY
        try:
            async with asyncio.timeout(self.client_timeout):
                while True:
                    message = await receive()
                    if message["type"] == "http.disconnect":
                        return None
                    chunk = message.get("body", b"")
                    size += len(chunk)
                    if size > MAX_REQUEST_BODY:
                        too_large = True
                    if too_large:
                        if size > DRAIN_LIMIT:
                            break
                    else:
                        if size > held[0]:  # a chunked body: more of the budget, or 503
                            if size - held[0] > self.budget:
                                await plain(send, 503, "too many large requests at once; try again later",
                                            close=True, extra={"Retry-After": "1"})
                                return None
                            self.budget -= size - held[0]
                            held[0] = size
                        parts.append(chunk)
                    if not message.get("more_body", False):
                        break
        except TimeoutError:
            await plain(send, 408, f"the request body did not arrive within {self.client_timeout:g} s", close=True)
            return None
        if too_large:
            await plain(send, 413, f"request body larger than {MAX_REQUEST_BODY // (1024 * 1024)} MB", close=True)
            return None
        return b"".join(parts)

    def _with_cors(self, send):
        async def cors_send(message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": with_cors(message.get("headers", ()))}
            await send(message)
        return cors_send


def _replay(body: bytes, receive):
    """``receive`` for the app: the body read already, then whatever the connection says."""
    given = False

    async def again():
        nonlocal given
        if not given:
            given = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()
    return again


class _Cycle(RequestResponseCycle):
    """uvicorn's request/response cycle with a leaner ``send`` (the hot path of every answer): the
    head is written together with the first piece of the body (uvicorn writes them separately: two
    packets and two wake-ups of the client for a small answer), and the headers are checked with two
    regex searches in all instead of two per header (joined names or values hold a forbidden byte if
    and only if one of them does).  Otherwise the same as uvicorn's."""

    _head: bytes | None = None  # the response's head, not written yet

    async def send(self, message) -> None:
        if self.flow.write_paused and not self.disconnected:
            await self.flow.drain()
        if self.disconnected:
            return
        kind = message["type"]
        if not self.response_started:
            if kind != "http.response.start":
                raise RuntimeError(f"Expected ASGI message 'http.response.start', but got {kind!r}.")
            self._kg_start(message["status"], message.get("headers", ()))
            return
        if self.response_complete:
            raise RuntimeError(f"Unexpected ASGI message {kind!r} sent, after response already completed.")
        if kind != "http.response.body":
            raise RuntimeError(f"Expected ASGI message 'http.response.body', but got {kind!r}.")
        self._kg_body(message.get("body", b""), message.get("more_body", False))

    def kg_answer(self, status: int, headers, body: bytes) -> None:
        """A whole answer at once, outside ASGI (``kg.serve.fast``), without awaiting (the body is small:
        the client's reading pace does not matter).  ``headers`` are a worker's as llhttp parsed them
        (which refuses bad bytes in names and values) less the hop-by-hop ones, or the front's own, with
        the body's Content-Length: not checked or scanned again."""
        if self.disconnected:
            return
        self.response_started = True
        self.waiting_for_100_continue = False
        content = [STATUS_LINE[status]]
        for name, value in self.default_headers:
            content += (name, b": ", value, b"\r\n")
        for name, value in headers:
            content += (name, b": ", value, b"\r\n")
        if not self.keep_alive:
            content.append(b"connection: close\r\n")
        content += (b"\r\n", body)
        self.transport.write(b"".join(content))
        self.response_complete = True
        self.message_event.set()
        if not self.keep_alive:
            self.transport.close()
        self.on_response()

    def _kg_start(self, status: int, headers) -> None:
        self.response_started = True
        self.waiting_for_100_continue = False
        headers = [*self.default_headers, *headers]
        if HEADER_RE.search(b"".join([k for k, _ in headers])):
            raise RuntimeError("Invalid HTTP header name.")
        if HEADER_VALUE_RE.search(b"".join([v for _, v in headers])):
            raise RuntimeError("Invalid HTTP header value.")
        content = [STATUS_LINE[status]]
        close = False
        for name, value in headers:
            name = name.lower()
            if name == b"content-length" and self.chunked_encoding is None:
                self.expected_content_length = int(value.decode())
                self.chunked_encoding = False
            elif name == b"transfer-encoding" and value.lower() == b"chunked":
                self.expected_content_length = 0
                self.chunked_encoding = True
            elif name == b"connection" and b"close" in [t.lower().strip() for t in value.split(b",")]:
                self.keep_alive = False
                close = True
            content += (name, b": ", value, b"\r\n")
        if not self.keep_alive and not close:
            content.append(b"connection: close\r\n")
        if self.chunked_encoding is None and self.scope["method"] != "HEAD" and status not in (204, 304):
            self.chunked_encoding = True
            content.append(b"transfer-encoding: chunked\r\n")
        content.append(b"\r\n")
        self._head = b"".join(content)

    def _kg_body(self, body: bytes, more_body: bool) -> None:
        out = [self._head] if self._head is not None else []
        self._head = None
        if self.scope["method"] == "HEAD":
            self.expected_content_length = 0
        elif self.chunked_encoding:
            if body:
                out += (b"%x\r\n" % len(body), body, b"\r\n")
            if not more_body:
                out.append(b"0\r\n\r\n")
        else:
            if len(body) > self.expected_content_length:
                raise RuntimeError("Response content longer than Content-Length")
            self.expected_content_length -= len(body)
            out.append(body)
        if out:
            self.transport.write(b"".join(out) if len(out) > 1 else out[0])
        if not more_body:
            if self.expected_content_length != 0:
                raise RuntimeError("Response content shorter than Content-Length")
            self.response_complete = True
            self.message_event.set()
            if not self.keep_alive:
                self.transport.close()
            self.on_response()


class ConnectionLimits:
    """Connections open now, per client address and in all, for one server."""

    def __init__(self, client_timeout: float, cors: bool):
        self.client_timeout = client_timeout
        self.cors = cors
        self.by_client: collections.Counter[str] = collections.Counter()
        self.total = 0


def _raw_answer(status: bytes, message: str, cors: bool) -> bytes:
    body = (message + "\n").encode()
    head = (b"HTTP/1.1 " + status + b"\r\ncontent-type: text/plain; charset=utf-8\r\nconnection: close\r\n"
            + (b"access-control-allow-origin: *\r\n" if cors else b"")
            + b"content-length: " + str(len(body)).encode() + b"\r\n\r\n")
    return head + body


def protocol_class(limits: ConnectionLimits, fast: FastPath | None = None) -> type:
    """uvicorn's httptools protocol with a header deadline, a header size cap and connection caps, our
    leaner request cycle (``_Cycle``), and the fast path of ``GET /query`` (``kg.serve.fast``)."""

    class GuardedProtocol(HttpToolsProtocol):
        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self.kg_client = self.client[0] if self.client else ""
            self.kg_counted = False
            self.kg_timer = None
            self.kg_head = 0  # header bytes of the request being read, -1 once its headers are complete
            if limits.total >= MAX_CONNECTIONS:
                return self._kg_refuse(b"503 Service Unavailable", "too many open connections; try again later")
            if limits.by_client[self.kg_client] >= MAX_CONNECTIONS_PER_CLIENT:
                return self._kg_refuse(b"503 Service Unavailable", f"too many open connections from "
                                       f"{self.kg_client} (at most {MAX_CONNECTIONS_PER_CLIENT})")
            limits.total += 1
            limits.by_client[self.kg_client] += 1
            self.kg_counted = True
            self._kg_arm()

        def _kg_refuse(self, status: bytes, message: str) -> None:
            self.kg_head = -2
            if not self.transport.is_closing():
                self.transport.write(_raw_answer(status, message, limits.cors))
                self.transport.close()

        def _kg_arm(self) -> None:
            self.kg_timer = self.loop.call_later(limits.client_timeout, self._kg_too_slow)

        def _kg_disarm(self) -> None:
            if self.kg_timer is not None:
                self.kg_timer.cancel()
                self.kg_timer = None

        def _kg_too_slow(self) -> None:
            self.kg_timer = None
            self._kg_refuse(b"408 Request Timeout",
                            f"the request headers did not arrive within {limits.client_timeout:g} s")

        def data_received(self, data: bytes) -> None:
            if self.kg_head == -2:
                return
            super().data_received(data)
            if self.kg_head >= 0:  # the headers are still incomplete after these bytes: their deadline runs
                if self.kg_timer is None:  # (a request whose headers come whole in one read needs no timer)
                    self._kg_arm()
                self.kg_head += len(data)
                if self.kg_head > MAX_HEADER_BYTES:
                    self._kg_disarm()
                    self._kg_refuse(b"431 Request Header Fields Too Large",
                                    f"request headers larger than {MAX_HEADER_BYTES // 1024} KB")

        def on_headers_complete(self) -> None:
            self._kg_disarm()
            self.kg_head = -1
            super().on_headers_complete()

        def _start_asgi_task(self, cycle, app) -> None:
            # (uvicorn calls this as soon as it has made a request's cycle, or when a pipelined one's
            # turn comes: the cycle has not been used yet, so its send can still be ours)
            if type(cycle) is RequestResponseCycle:
                cycle.__class__ = _Cycle
            if fast is None or not fast.take(cycle, lambda c: HttpToolsProtocol._start_asgi_task(self, c, app)):
                super()._start_asgi_task(cycle, app)

        def on_response_complete(self) -> None:
            if self.kg_head == -1:
                self.kg_head = 0  # the next request's headers: their deadline starts with their first byte
            super().on_response_complete()

        def connection_lost(self, exc) -> None:
            self._kg_disarm()
            if self.kg_counted:
                self.kg_counted = False
                limits.total -= 1
                limits.by_client[self.kg_client] -= 1
                if not limits.by_client[self.kg_client]:
                    del limits.by_client[self.kg_client]
            super().connection_lost(exc)

    return GuardedProtocol


class _QuietCuts(logging.Filter):
    """A connection cut on purpose (an answer past the deadline) is not a server error."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.exc_info and isinstance(record.exc_info[1], CutConnection))


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as e:
        sock.close()
        if e.errno in (98, 48):  # EADDRINUSE (Linux, macOS)
            raise InputError(f"{host}:{port}", "address already in use; choose another with --port") from None
        raise InputError(f"{host}:{port}", f"cannot listen: {e.strerror or e}") from None
    sock.listen(2048)
    sock.setblocking(False)
    return sock


def _more_files() -> None:
    """Room for many connections: the soft limit of open files up to the hard one."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = hard if hard != resource.RLIM_INFINITY else 65536
    if soft != resource.RLIM_INFINITY and soft < want:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (min(want, 65536), hard))
        except (ValueError, OSError):
            pass


def _interrupt(signum, frame):
    raise KeyboardInterrupt


def serve(store: str | Path, *, host: str = "127.0.0.1", port: int = 7878, timeout_s: float = 30,
          cors: bool = False, workers: int | None = None, allow_service: list[str] | None = None,
          client_timeout: float = CLIENT_TIMEOUT, base: str | None = None,
          on_ready: Callable[[str], None] | None = None) -> int:
    """Run the server until Ctrl-C or SIGTERM; returns 0.  ``base``: the base IRI the pages serve under /id/
    (default: the one the store was built with)."""
    from kg.store.folder import lease, read_manifest
    from kg.rdf.mapper import DEFAULT_BASE

    if timeout_s <= 0:
        raise ParameterError("timeout", "must be a positive number of seconds")
    if client_timeout <= 0:
        raise ParameterError("client_timeout", "must be a positive number of seconds")
    workers = workers or default_workers()
    if workers < 1:
        raise ParameterError("workers", "must be at least 1")
    for prefix in allow_service or ():
        try:
            normalise_prefix(prefix)
        except ValueError as e:
            raise InputError(f"--allow-service {prefix}", str(e)) from None
    held = lease(store)  # the generation served stays on disk while we serve it (kg.store.folder)
    if held.store is None:
        raise InputError(str(store), "no store here; build one with kg build")
    sock = _listen(host, port)
    port = sock.getsockname()[1]
    pool = Pool(str(held.store), workers, timeout_s, cors)
    guard = QueryGuard(allow_service or (), forbidden_ports=lambda: pool.ports() | {port})
    base = base or read_manifest(store).get("base") or DEFAULT_BASE
    proxy = Proxy(pool, guard)
    pages = site.routes(Path(held.store), base=base, query_path="/query")
    app = Starlette(routes=[*pages, Mount("", app=proxy)]) if pages else proxy  # the site's routes first
    front = Front(app, bound=host, port=port, cors=cors, client_timeout=client_timeout, direct={"/query": proxy})
    limits = ConnectionLimits(client_timeout, cors)
    fast = FastPath(pool, check_host=front.check_host, good_hosts=front.good_hosts, cors=cors)
    config = uvicorn.Config(front, http=protocol_class(limits, fast), lifespan="off", log_config=None, access_log=False, proxy_headers=False,
                            server_header=False, timeout_keep_alive=KEEP_ALIVE, timeout_graceful_shutdown=2)
    logging.getLogger("uvicorn.error").addFilter(_QuietCuts())
    logging.getLogger("uvicorn.error").setLevel(logging.ERROR)  # no warning per malformed request
    if not logging.getLogger("uvicorn.error").handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("kg serve: %(message)s"))
        logging.getLogger("uvicorn.error").addHandler(handler)
    _more_files()
    as_batch()
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)  # a plain `kill` stops the server too
        signal.signal(signal.SIGINT, _interrupt)  # even when started with SIGINT ignored (a shell's `&`)
        if hasattr(signal, "SIGUSR1"):  # `kill -USR1 PID` prints every thread's stack to stderr
            faulthandler.register(signal.SIGUSR1, all_threads=True)

    async def main() -> None:
        await pool.start()
        server = uvicorn.Server(config)

        async def announce() -> None:
            while not server.started and not server.should_exit:
                await asyncio.sleep(0.01)
            if server.started and on_ready:
                shown = f"[{host}]" if ":" in host else host
                on_ready(f"http://{shown}:{port}/")
        ready = asyncio.ensure_future(announce())
        try:
            await server.serve(sockets=[sock])
        finally:
            ready.cancel()

    try:
        _run(main())
    except KeyboardInterrupt:
        pass
    finally:
        pool.close()
        sock.close()
        held.release()
    return 0


def _run(coro) -> None:
    try:
        import uvloop
    except ImportError:  # pragma: no cover - uvloop is a dependency on Linux and macOS
        asyncio.run(coro)
    else:
        uvloop.run(coro)
