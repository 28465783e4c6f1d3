"""Extraction in worker processes: locally (``--workers N``) or on a Dask cluster (``--dask``).

A task is a chunk of decoded documents (plain data); a worker turns each into the quads of
its named graph, serialised as N-Quads bytes, and sends them back to the single writer.
The spaCy/jieba pipeline takes a second or two to build, so each worker process builds it
once (``init``, the pool initializer, or lazily on a Dask worker) and keeps it.

Results come back in task order and at most a few tasks are in flight, so memory stays
bounded however many documents there are.
"""

from __future__ import annotations

import gc
import os
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from kg.resources import usable_cores

# (doc_id, path, text, sha256, is HTML, encoding, encoding detected): a document to extract, as plain data
DocTask = tuple[str, str, str, str, bool, str, bool]
LONG_DOCUMENT = 1_000_000  # characters: from here on a document's N-Quads go to a file, not to memory


@dataclass(frozen=True)
class DocResult:
    doc_id: str
    nquads: bytes  # the document's named graph, N-Quads
    quads: int
    mentions: int
    path: str = ""
    error: str = ""  # why the document could not be processed (it is skipped)
    file: str = ""  # a long document's N-Quads, in a temporary file the writer loads and removes


_PIPELINES: dict[str, tuple] = {}  # base IRI -> (Extractor, Relations, Mapper), one per process
_LOCK = threading.Lock()  # a Dask worker with several threads shares one pipeline
DONE = {"chunks": 0, "documents": 0, "renewals": 0}  # what this process has extracted
# characters a pipeline extracts before it is built anew (or $HEZUO_RENEW_CHARS).  spaCy's string
# store keeps every token string it has seen (with varied numbers and names: ~9 MB per million
# characters) and is never emptied; a new pipeline starts empty and the old one's memory is reused.
# Building it again takes ~0.3 s, ~1 % of the time 2 M characters take to extract.  The graph does
# not depend on it: a document's quads are the same whatever the pipeline extracted before.
RENEW_CHARS = 2_000_000
_SINCE_RENEWAL = {"chars": 0}


def init(base: str) -> None:
    """Build the pipeline for ``base`` in this process (once)."""
    if base not in _PIPELINES:
        from kg.extract import lexicon
        from kg.rdf.mapper import Mapper
        from kg.extract.nlp import Extractor

        from kg.extract.relations import Relations

        extractor = Extractor(lexicon.load())
        _PIPELINES[base] = (extractor, Relations(), Mapper(extractor.lexicon, base))  # what it learned too


# Characters extracted so far by this process (InProcess), or by all the workers of a pool (a shared counter
# set by ``init_worker``): moves within a long document too, for the progress display.
_EXTRACTED: dict = {"counter": None, "local": 0}
_STEP = 4096  # characters between two updates of a shared counter


def _count(chars: int) -> None:
    counter = _EXTRACTED["counter"]
    if counter is None:
        _EXTRACTED["local"] += chars
    else:
        with counter.get_lock():
            counter.value += chars


class _Counted(list):
    """A document's sentences that count, as they are iterated, how far into the text extraction is."""

    def __init__(self, sentences, length: int):
        super().__init__(sentences)
        self.length = length
        self.done = 0  # the furthest sentence end iterated (the tagger reads ahead by a batch)
        self.told = 0

    def __iter__(self):
        for s in super().__iter__():
            if s.end > self.done:
                self.done = s.end
                if self.done - self.told >= _STEP:
                    _count(self.done - self.told)
                    self.told = self.done
            yield s

    def finish(self) -> None:
        _count(self.length - self.told)
        self.told = self.length


def _die_with(parent: int) -> None:
    """End this worker process when the process that started it ends, however it ends (SIGKILL included):
    Linux's PR_SET_PDEATHSIG, else a thread that watches the parent.  Without it a killed build leaves its
    workers (each with a pipeline, ~400 MB) and, through them, multiprocessing's resource tracker running."""
    import signal

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(1, signal.SIGKILL, 0, 0, 0) != 0:  # PR_SET_PDEATHSIG
            raise OSError(ctypes.get_errno(), "prctl")
    except (OSError, AttributeError):
        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1)
            os._exit(1)

        threading.Thread(target=watch, name="kg-watch-parent", daemon=True).start()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


def init_worker(base: str, parent: int, counter=None) -> None:
    """The pool initializer of ``ProcessPool``: die with the build, count into the pool's shared ``counter``,
    build the pipeline."""
    _die_with(parent)
    _EXTRACTED["counter"] = counter
    init(base)


def extract_chunk(base: str, docs: list[DocTask], spool: str = "") -> list[DocResult]:
    """Extract and map a chunk of documents; runs in a worker process.  The N-Quads of a long document go to
    a file in the folder ``spool`` (the build's, on this machine), or stay in memory without one (Dask: the
    writer may be on another machine)."""
    from kg.ingest import make_document
    from kg.model import InputError

    with _LOCK:
        renew = int(os.environ.get("HEZUO_RENEW_CHARS") or RENEW_CHARS)
        if _SINCE_RENEWAL["chars"] >= renew and _PIPELINES:
            _PIPELINES.clear()  # the old pipelines are freed here, before the new one is built
            gc.collect()
            _SINCE_RENEWAL["chars"] = 0
            DONE["renewals"] += 1
        init(base)
        extractor, relations, mapper = _PIPELINES[base]
        out = []
        for doc_id, path, text, sha, html, encoding, detected in docs:
            _SINCE_RENEWAL["chars"] += len(text)
            try:
                doc = make_document(doc_id, path, text, html=html, sha256=sha)
                doc.encoding, doc.encoding_detected = encoding, detected
                doc.sentences = counted = _Counted(doc.sentences, len(text))
                relations(extractor(doc))
                counted.finish()
                if spool and len(text) >= LONG_DOCUMENT:  # streamed to a file: never all of its quads in memory
                    fd, name = tempfile.mkstemp(prefix="hezuo-", suffix=".nq", dir=spool)
                    n = 0
                    with os.fdopen(fd, "w", encoding="utf-8") as f:
                        for line in mapper.nquads(doc):
                            f.write(line)
                            n += 1
                    out.append(DocResult(doc_id, b"", n, len(doc.mentions), path, file=name))
                    continue
                lines = dict.fromkeys(mapper.nquads(doc))
            except InputError as e:
                out.append(DocResult(doc_id, b"", 0, 0, path, error=e.problem))
                continue
            except Exception as e:  # noqa: BLE001 - reported as one line, the build goes on
                out.append(DocResult(doc_id, b"", 0, 0, path,
                                     error=f"{type(e).__name__}: {' '.join(str(e).split())[:200]}"))
                continue
            out.append(DocResult(doc_id, "".join(lines).encode(), len(lines), len(doc.mentions), path))
        DONE["chunks"] += 1
        DONE["documents"] += len(out)
        return out


def default_workers() -> int:
    return usable_cores()


def _ordered(submit: Callable, tasks: Iterable, window: int) -> Iterator:
    """Submit tasks with at most ``window`` in flight; yield their results in task order."""
    pending: deque = deque()
    for task in tasks:
        pending.append(submit(task))
        while len(pending) >= window:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()


class Executor:
    """Runs ``extract_chunk`` over a stream of chunks; ``map`` yields results in order."""

    workers = 1

    def extracted(self) -> int:
        """Characters extracted so far (within documents too; from any thread)."""
        return _EXTRACTED["local"]

    def map(self, base: str, chunks: Iterable[list[DocTask]], spool: str = "") -> Iterator[list[DocResult]]:
        for chunk in chunks:
            yield extract_chunk(base, chunk, spool)

    def close(self) -> None:
        pass

    def abort(self) -> None:
        self.close()


class InProcess(Executor):
    """``--workers 1``: extraction in the building process itself."""


class ProcessPool(Executor):
    """``--workers N``: N spawned processes, each with its own pipeline."""

    def __init__(self, workers: int, base: str):
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        context = multiprocessing.get_context("spawn")
        self.counter = context.Value("q", 0)
        # spawn, not fork: the parent may hold RocksDB threads, and spawn works the same everywhere.
        # A worker's memory stays bounded by renewing its pipeline (RENEW_CHARS), not the process:
        # a new process would cost the imports again (~3 s).
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                                        initializer=init_worker, initargs=(base, os.getpid(), self.counter))

    def extracted(self) -> int:
        return self.counter.value

    def map(self, base, chunks, spool=""):
        return _ordered(lambda chunk: self.pool.submit(extract_chunk, base, chunk, spool), chunks, 3 * self.workers)

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def abort(self) -> None:
        """Stop at once (the build failed or was interrupted): the workers are killed, not waited for."""
        for process in list(getattr(self.pool, "_processes", {}).values()):  # 3.14 has terminate_workers()
            if process.is_alive():
                process.kill()
        self.pool.shutdown(wait=True, cancel_futures=True)


def _reachable(address: str) -> None:
    """Fail at once on a scheduler address nobody listens on (Dask's client would retry for its timeout)."""
    import socket
    from urllib.parse import urlsplit

    from kg.model import InputError

    if "://" not in address:
        address = "tcp://" + address
    url = urlsplit(address)
    if url.scheme not in ("tcp", "tls"):
        return  # inproc://, ucx:// ...: leave it to Dask
    try:
        host, port = url.hostname, url.port
    except ValueError:
        host = port = None
    if not host or not port:
        raise InputError(address, "not a Dask scheduler address; expected tcp://HOST:PORT")
    try:
        socket.create_connection((host, port), timeout=10).close()
    except OSError as e:
        raise InputError(address, f"cannot reach the Dask scheduler: {e.strerror or e}") from None


class DaskCluster(Executor):
    """``--dask ADDRESS``: the workers of a Dask distributed cluster extract; results stream back."""

    def __init__(self, address: str, base: str):
        from kg.errors import InputError, ParameterError

        try:
            from distributed import Client
        except ImportError:
            raise ParameterError("dask", "Dask is not installed; pip install 'hezuo-kg[dask]'") from None
        _reachable(address)
        try:
            self.client = Client(address, timeout="30s", set_as_default=False)
        except (OSError, TimeoutError) as e:
            raise InputError(address, f"cannot reach the Dask scheduler: {e}") from None
        threads = sum(self.client.nthreads().values())
        if not threads:
            self.client.close()
            raise InputError(address, "the Dask cluster has no workers")
        self.workers = threads
        self.client.run(init, base)  # every worker builds its pipeline now, in parallel

    def map(self, base, chunks, spool=""):  # the spool folder is on this machine, the workers may not be
        sizes: deque = deque()

        def submit(chunk):
            sizes.append(sum(len(task[2]) for task in chunk))
            return self.client.submit(extract_chunk, base, chunk, pure=False)

        for results in _ordered(submit, chunks, 3 * self.workers):
            _EXTRACTED["local"] += sizes.popleft()  # counted per chunk: the workers are elsewhere
            yield results

    def close(self) -> None:
        self.client.close()
