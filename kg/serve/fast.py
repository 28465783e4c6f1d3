"""The fast path of the SPARQL endpoint: ``GET /query?query=…`` answered from callbacks.

Most requests a SPARQL endpoint gets are GETs with the query in the URL and a small answer.  For
those, uvicorn's request cycle and the ASGI app (``kg.serve.server.Front``, ``kg.serve.proxy.Proxy``)
cost a task, a coroutine per layer, a dozen ASGI messages and three suspensions per request: on a
machine of two cores about a third of the front's CPU per request, which the workers and the clients
need.  Here the same request goes from uvicorn's parser (HTTP/1.1, keep-alive, pipelining and every
defence of ``kg.serve.server`` are still uvicorn's and ours) to a worker and back through plain
callbacks: the worker is leased by ``Pool.acquire_then``, the request written on its connection, and
the answer, once complete, written to the client by ``_Cycle.kg_answer``.

Only what the proxy would pass unchanged takes this path: ``GET`` of exactly ``/query`` with a query
string the guard passes undecoded (``passes_encoded``), no ``format=``/``output=`` to rewrite, no body
(no ``Content-Length``, ``Transfer-Encoding`` or ``Expect``) and a ``Host`` the front accepts without
more ado.  Anything else goes to the ASGI app as before.  A request taken here that turns out to need
more (its worker's connection must be renewed, or its answer outgrows a buffer and must be streamed)
is handed to the ASGI app with its worker (and channel): ``Proxy`` carries on where this left off,
under the same deadline.

No spaCy or jieba here.
"""

from __future__ import annotations

import logging

from kg.serve.guard import passes_encoded
from kg.serve.pool import Channel, Pool, Worker
from kg.serve.proxy import (answer_headers, busy, failed, forwarded_headers, plain_answer, timed_out,
                            with_cors, worker_request)

_SLOW_HEADERS = frozenset((b"content-length", b"transfer-encoding", b"expect"))
logger = logging.getLogger("uvicorn.error")


class FastPath:
    """Decides which requests take the fast path, and takes them."""

    def __init__(self, pool: Pool, *, check_host: bool, good_hosts: frozenset[bytes], cors: bool):
        self.pool = pool
        self.check_host = check_host
        self.good_hosts = good_hosts
        self.cors = cors

    def take(self, cycle, start_asgi) -> bool:
        """Answer ``cycle``'s request here (True), or leave it to ``start_asgi(cycle)``, the ASGI app (False)."""
        scope = cycle.scope
        if scope["raw_path"] != b"/query" or scope["method"] != "GET":
            return False
        qs = scope["query_string"]
        # (visible ASCII only: llhttp has refused control bytes, spaces and bytes past 0x7f in a URL
        # already, tests/test_serve_fast.py; isascii is the cheap second check of the last)
        if (not qs or not qs.isascii() or not passes_encoded(qs) or qs.find(b"format=") >= 0
                or qs.find(b"output=") >= 0):
            return False
        host = connection = None
        for k, v in scope["headers"]:
            if k == b"host":
                host = v
            elif k == b"connection":
                connection = v
            elif k in _SLOW_HEADERS:
                return False
        if self.check_host and host not in self.good_hosts:
            return False
        exchange = _Exchange(self, cycle, start_asgi, b"/query?" + qs, forwarded_headers(scope["headers"], connection))
        self.pool.acquire_then(self.pool.timeout_s, exchange.leased)
        return True


class _Exchange:
    """One request on the fast path, from its worker's lease to the answer written."""

    __slots__ = ("fast", "cycle", "start_asgi", "target", "headers", "worker", "channel")

    def __init__(self, fast: FastPath, cycle, start_asgi, target: bytes, headers: list[tuple[bytes, bytes]]):
        self.fast, self.cycle, self.start_asgi = fast, cycle, start_asgi
        self.target, self.headers = target, headers
        self.worker: Worker | None = None
        self.channel: Channel | None = None

    def leased(self, worker: Worker | None) -> None:
        """(Pool.acquire_then) A worker, or None when none was free in time."""
        try:
            if worker is None:
                status, message, extra = busy(self.fast.pool)
                return self._plain(status, message, extra)
            if self.cycle.disconnected:  # the client has gone while it waited
                return self.fast.pool.release(worker)
            channel = worker.channel
            if channel is None or not channel.usable(worker.keepalive_s):
                return self._to_asgi(worker)  # a new connection first: Worker.request makes it
            self.worker, self.channel = worker, channel
            channel.listener = self._progress
            channel.send(worker_request(worker, "GET", self.target, self.headers), False)
        except Exception:
            self._crash(worker)

    def _progress(self) -> None:
        """(Channel) The worker's answer has moved on: bytes came, it is complete, or it failed."""
        channel, worker = self.channel, self.worker
        try:
            if channel.error is not None:
                channel.listener = None
                if worker.timed_out:
                    self._release()
                    return self._plain(504, timed_out(self.fast.pool))
                if not channel.started and worker.alive:
                    # a kept-alive connection the worker closed as we used it: the ASGI path tries once
                    # more on a new one
                    worker.finish(channel)
                    return self._to_asgi(worker)
                message = failed(worker, channel.error)
                self._release()
                return self._plain(502, message)
            if channel.done:
                channel.listener = None
                body = channel.take_all()
                status, headers = channel.status, answer_headers(channel, len(body), "GET")
                self._release()  # the whole answer is here: the worker is free before the client is written to
                return self._answer(status, headers, body)
            if channel.paused:  # a large answer: the ASGI path buffers it further, or streams it
                channel.listener = None
                self.worker = self.channel = None
                scope = self.cycle.scope
                scope["kg.channel"] = channel
                return self._to_asgi(worker)
        except Exception:
            self._crash(worker)

    def _release(self) -> None:
        worker, channel = self.worker, self.channel
        self.worker = self.channel = None
        worker.finish(channel)
        self.fast.pool.release(worker)

    def _to_asgi(self, worker: Worker) -> None:
        self.cycle.scope["kg.worker"] = worker  # Proxy takes it (and kg.channel) instead of leasing one
        self.start_asgi(self.cycle)

    def _plain(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        headers, body = plain_answer(status, message, extra=extra)
        self._answer(status, headers, body)

    def _answer(self, status: int, headers: list[tuple[bytes, bytes]], body: bytes) -> None:
        cycle = self.cycle
        if cycle.disconnected:
            return
        cycle.kg_answer(status, with_cors(headers) if self.fast.cors else headers, body)

    def _crash(self, worker: Worker | None) -> None:
        """A fault of ours: logged, the worker given back (killed: its state is unknown), the client cut."""
        logger.exception("error on the fast path of /query")
        if self.channel is not None:
            self.channel.listener = None
        if worker is not None and worker.leased:
            worker.kill()
            self.fast.pool.release(worker)
        self.worker = self.channel = None
        if not self.cycle.transport.is_closing():
            self.cycle.transport.close()
