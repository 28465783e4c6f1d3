"""The ASGI app that hands a SPARQL request to a worker and its answer back.

The request body was read (bounded) by the front before it gets here.  The query text, from the URL
or the body, is checked (``kg.serve.guard``: SERVICE, nesting) and refused with ``400`` and one line;
``format=``/``output=`` (Fuseki's convention) become the ``Accept`` header; then the request waits
for an idle worker (``503`` after the deadline) and goes to it with its method, path, headers and
body.  The worker's answer is read up to ``STREAM_AFTER``: a complete answer frees the worker before
the client is written to, so a slow client holds no worker; a larger one is streamed, still under
the deadline.  At the deadline the worker is killed: the client gets ``504``, or a cut connection if
the answer was already streaming.

No spaCy or jieba here.
"""

from __future__ import annotations

import asyncio
import re
from urllib.parse import parse_qsl, urlencode

from kg.serve.guard import QueryGuard, Refused, passes_encoded
from kg.serve.pool import Channel, Pool, Worker, WorkerFailed, log

STREAM_AFTER = 4 * 1024 * 1024  # buffer an answer up to this size (so a timeout is a clean 504), then stream
HOP_BY_HOP = frozenset((b"connection", b"keep-alive", b"proxy-authenticate", b"proxy-authorization",
                        b"proxy-connection", b"te", b"trailer", b"trailers", b"transfer-encoding", b"upgrade",
                        b"expect", b"content-length", b"host"))
# Fuseki's ?format= / ?output= names and the media types they ask for
FORMATS = {
    "json": "application/sparql-results+json, application/ld+json;q=0.9, text/turtle;q=0.8",
    "xml": "application/sparql-results+xml, application/rdf+xml;q=0.9",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "text": "text/plain",
    "ttl": "text/turtle", "turtle": "text/turtle",
    "nt": "application/n-triples", "ntriples": "application/n-triples", "n-triples": "application/n-triples",
    "jsonld": "application/ld+json", "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml", "rdf": "application/rdf+xml",
}
_TARGET = re.compile(rb"[\x21-\x7e]*")  # what a request target may hold: visible ASCII


class CutConnection(Exception):
    """Raised after the response has started: the server closes the connection (the client sees an
    incomplete answer).  Not an error of the server: not logged."""


def plain_answer(status: int, message: str, *, close: bool = False,
                 extra: dict[str, str] | None = None) -> tuple[list[tuple[bytes, bytes]], bytes]:
    """The headers and body of the front's own answer: one line of text."""
    body = (message + "\n").encode("utf-8")
    headers = [(b"content-type", b"text/plain; charset=utf-8"), (b"content-length", str(len(body)).encode())]
    headers += [(k.encode("latin-1"), v.encode("latin-1")) for k, v in (extra or {}).items()]
    if close:
        headers.append((b"connection", b"close"))
    return headers, body


async def plain(send, status: int, message: str, *, close: bool = False, extra: dict[str, str] | None = None) -> None:
    """The front's own answer, sent."""
    headers, body = plain_answer(status, message, close=close, extra=extra)
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


CORS = (b"access-control-allow-origin", b"*")


def with_cors(headers) -> list[tuple[bytes, bytes]]:
    """``headers`` with ``Access-Control-Allow-Origin: *`` unless they have that header already."""
    headers = list(headers)
    if not any(k.lower() == CORS[0] for k, _ in headers):
        headers.append(CORS)
    return headers


def busy(pool: Pool) -> tuple[int, str, dict[str, str]]:
    """The answer when no worker is free within the deadline."""
    return 503, f"all {pool.size} query workers are busy; try again later", {"Retry-After": "1"}


def log_deadline(pool: Pool) -> None:
    log(f"query stopped after {pool.timeout_s:g} s (deadline); its worker was killed and replaced")


def timed_out(pool: Pool) -> str:
    """Logged, and the client's ``504``, when a query is stopped at the deadline."""
    log_deadline(pool)
    return f"query timed out: evaluation was stopped after {pool.timeout_s:g} s (kg serve --timeout)"


def failed(worker: Worker, error: Exception) -> str:
    """Logged, and the client's ``502``, when a worker fails (it is killed, then replaced)."""
    log(f"query worker failed ({error}); restarting it")
    worker.kill()
    return "the query worker failed; it has been restarted"


def forwarded_headers(headers, connection: bytes | None) -> list[tuple[bytes, bytes]]:
    """A client's request headers as a worker gets them: no hop-by-hop ones (nor those ``Connection`` names)."""
    drop = HOP_BY_HOP
    if connection and connection.lower() != b"keep-alive":  # (the usual value names no other header)
        drop = HOP_BY_HOP | {t.strip().lower() for t in connection.split(b",")}
    return [(k, v) for k, v in headers if k not in drop]


def worker_request(worker: Worker, method: str, target: bytes, headers: list[tuple[bytes, bytes]],
                   body: bytes = b"") -> bytes:
    """The bytes of one request to ``worker`` (``headers`` forwarded already)."""
    headers = [*headers, (b"host", worker.host)]
    if body or method in ("POST", "PUT", "PATCH"):
        headers.append((b"content-length", str(len(body)).encode("ascii")))
    return b"".join([method.encode("ascii"), b" ", target, b" HTTP/1.1\r\n",
                     *[k + b": " + v + b"\r\n" for k, v in headers], b"\r\n", body])


def answer_headers(channel: Channel, size: int, method: str) -> list[tuple[bytes, bytes]]:
    """A worker's complete answer's headers as the client gets them (its length known)."""
    out = [(k, v) for k, v in channel.headers if k not in HOP_BY_HOP]
    if method == "HEAD":
        out += [(k, v) for k, v in channel.headers if k == b"content-length"]
    elif channel.status not in (204, 304):
        out.append((b"content-length", str(size).encode("ascii")))
    return out


def _header(scope, name: bytes) -> bytes | None:
    for k, v in scope["headers"]:
        if k == name:
            return v
    return None


async def _disconnected(receive) -> None:
    """Returns when the client has gone away."""
    while (await receive())["type"] != "http.disconnect":
        pass


class Proxy:
    """ASGI app: every request it gets goes to a worker of ``pool``."""

    def __init__(self, pool: Pool, guard: QueryGuard):
        self.pool = pool
        self.guard = guard

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            return
        body: bytes = scope.get("kg.body", b"")
        method = scope["method"]
        raw_path, qs = scope["raw_path"], scope["query_string"]
        if not _TARGET.fullmatch(raw_path) or not _TARGET.fullmatch(qs):
            return await plain(send, 400, "the request target holds bytes that are not visible ASCII "
                                          "(percent-encode them)")
        # the common case (GET, the query in the URL, nothing to refuse or rewrite) is decided on the
        # percent-encoded bytes without decoding them; anything else is decoded and checked in full
        fast = not body and passes_encoded(qs) and qs.find(b"format=") < 0 and qs.find(b"output=") < 0
        params = [] if fast or not qs else parse_qsl(qs.decode("ascii"), keep_blank_values=True)
        texts = [v for k, v in params if k == "query"]
        if body:
            if (_header(scope, b"content-encoding") or b"identity").strip().lower() != b"identity":
                return await plain(send, 415, "compressed request bodies are not accepted (Content-Encoding)")
            ctype = (_header(scope, b"content-type") or b"").split(b";")[0].strip().lower()
            if ctype == b"application/x-www-form-urlencoded":
                if not passes_encoded(body):
                    text = body.decode("utf-8", "replace")
                    texts += [v for k, v in parse_qsl(text, keep_blank_values=True) if k == "query"]
            else:
                texts.append(body.decode("utf-8", "replace"))
        try:
            for text in texts:
                self.guard.check(text)
        except Refused as e:
            return await plain(send, 400, str(e))
        headers = forwarded_headers(scope["headers"], _header(scope, b"connection"))
        asked = [(k, v) for k, v in params if k in ("format", "output")]
        if asked:
            name = asked[-1][1].strip().lower()
            if name not in FORMATS:
                return await plain(send, 400, f"{asked[-1][0]}={asked[-1][1]!r} is not a result format; use one of "
                                              f"{', '.join(sorted(FORMATS))}")
            headers = [(k, v) for k, v in headers if k != b"accept"] + [(b"accept", FORMATS[name].encode())]
            qs = urlencode([(k, v) for k, v in params if k not in ("format", "output")]).encode("ascii")
        target = raw_path + (b"?" + qs if qs else b"")

        pool = self.pool
        # a request the fast path (kg.serve.fast) began comes with its worker, and its channel if the
        # request has been sent already
        worker = scope.get("kg.worker") or await pool.acquire(pool.timeout_s)
        if worker is None:
            status, message, extra = busy(pool)
            return await plain(send, status, message, extra=extra)
        channel = scope.get("kg.channel")
        released = False
        try:
            try:
                if channel is None:
                    channel = await worker.request(worker_request(worker, method, target, headers, body),
                                                   head_only=method == "HEAD")
                else:
                    await channel.head()
                chunks: list[bytes] = []
                size = 0
                complete = False
                while not complete and size < STREAM_AFTER:
                    chunk = await channel.chunk()
                    if chunk is None:
                        complete = True
                        break
                    chunks.append(chunk)
                    size += len(chunk)
            except WorkerFailed as e:
                if worker.timed_out:
                    return await plain(send, 504, timed_out(pool))
                return await plain(send, 502, failed(worker, e))
            if complete:
                # the whole answer is here: the worker is free before the client is written to (and its
                # channel at once another request's: what the client gets is read from it first)
                status, answer = channel.status, answer_headers(channel, size, method)
                worker.finish(channel)
                released = True
                pool.release(worker)
                await send({"type": "http.response.start", "status": status, "headers": answer})
                await send({"type": "http.response.body", "body": b"".join(chunks)})
                return
            out = [(k, v) for k, v in channel.headers if k not in HOP_BY_HOP]
            await self._stream(worker, channel, chunks, out, receive, send)
        finally:
            if not released:
                if channel is not None:
                    worker.finish(channel)
                pool.release(worker)

    async def _stream(self, worker: Worker, channel: Channel, chunks: list[bytes], headers, receive, send) -> None:
        """A large answer: sent on as it comes (chunked), still under the deadline."""
        gone = asyncio.ensure_future(_disconnected(receive))
        try:
            await send({"type": "http.response.start", "status": channel.status, "headers": headers})
            for chunk in chunks:
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            while True:
                if gone.done():  # the rest of the answer is of no use: stop the worker's work
                    worker.kill()
                    return
                try:
                    if worker.timed_out:  # killed: what is still buffered is not sent on
                        raise WorkerFailed("deadline")
                    chunk = await channel.chunk()
                except WorkerFailed:
                    if worker.timed_out:
                        log_deadline(self.pool)
                    worker.kill()
                    raise CutConnection from None
                if chunk is None:
                    break
                await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await send({"type": "http.response.body", "body": b""})
        finally:
            gone.cancel()
