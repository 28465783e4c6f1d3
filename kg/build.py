"""Joins the stages: files -> documents -> mentions -> quads -> store.

The build streams: files are read one at a time, documents go to the extraction workers in
small chunks with a bounded number in flight (``kg.workers``), and their quads come back as
N-Quads and are written in batches by the one writer, here.  Nothing holds the whole corpus.

It is incremental: the manifest of the active generation (``kg.storedir``) records each
document's sha256 and the input root it came from.  A re-run skips documents whose content
is unchanged, replaces the named graph of a changed one, and removes the graphs of documents
that are gone from a root given again.  A change to the pipeline (code, lexicon, ontology) or
to the base IRI rebuilds every document given.

It is atomic: all writes go to a staging copy of the store that becomes active in one
rename when the build has finished; until then readers see the previous build, and a build
that fails or is killed leaves it as it was.
"""

from __future__ import annotations

import gc
import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg import ingest

from kg.store import folder as storedir

from kg.store import void
from kg.rdf.mapper import DEFAULT_BASE, IRIs
from kg.model import InputError

MANIFEST_FORMAT = 1
# the modules and data whose change changes the graph of an unchanged document
# What decides a document's graph besides its text: these modules and every file of these packages (code and data).
PIPELINE_MODULES = ("ingest.py", "model.py", "errors.py")
PIPELINE_PACKAGES = ("extract", "rdf")
CHUNK_CHARS = 20_000  # characters per extraction task
# N-Quads bytes per bulk write (or $HEZUO_BATCH_BYTES), LOADERS of them at once: the memory stays that of
# one 16 MB load (~150 MB), and the rate near one bulk_load of everything, which takes memory growing with it
BATCH_BYTES = 8 << 20
LOADERS = 2


class _Writer:
    """The one writer: store operations run in ``threads`` threads, at most ``depth`` waiting.

    The operations given must not depend on each other's order (each writes other graphs), since
    two run at once: pyoxigraph's bulk loader handles one batch in one thread, and two loads of
    8 MB side by side load ~1.3x faster than one after the other, in the memory of one 16 MB load.
    With extraction in other processes (``--workers N``, ``--dask``) this process goes on reading
    files, handing out chunks and collecting results meanwhile (the loads release the GIL), so the
    workers do not wait for the store.  ``--workers 1`` takes turns instead (``drain`` after each
    pair of batches): extraction, then the loads, on one core and the loads' second thread.
    """

    def __init__(self, threads: int = 2, depth: int = 2, discard: Callable | None = None):
        import queue
        import threading

        self._discard = discard  # called with the arguments of an operation that will not run
        self._error: BaseException | None = None
        self._cancelled = False
        self._lock = threading.Lock()
        self._active = 0
        self._since = 0.0
        self.seconds = 0.0  # wall time during which at least one operation ran
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._threads = [threading.Thread(target=self._run, name=f"kg-writer-{i}", daemon=True)
                         for i in range(threads)]
        for t in self._threads:
            t.start()

    def _do(self, op: Callable, args: tuple) -> None:
        with self._lock:
            if self._active == 0:
                self._since = time.perf_counter()
            self._active += 1
        try:
            op(*args)
        finally:
            with self._lock:
                self._active -= 1
                if self._active == 0:
                    self.seconds += time.perf_counter() - self._since

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            try:
                if item is None:
                    return
                if self._error is None and not self._cancelled:
                    try:
                        self._do(*item)
                    except BaseException as e:  # noqa: BLE001 - raised again in the building thread
                        self._error = e
                else:
                    self._skip(item)
            finally:
                self._queue.task_done()

    def _skip(self, item) -> None:
        if self._discard is not None:
            try:
                self._discard(*item[1])
            except OSError:
                pass

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def __call__(self, op: Callable, *args) -> None:
        """Run ``op(*args)`` in a writer thread."""
        self._check()
        self._queue.put((op, args))

    def drain(self) -> None:
        """Wait until every operation given has run; raise the first error."""
        self._queue.join()
        self._check()

    def close(self) -> None:
        """Wait until every operation has run and stop the threads; raise the first error."""
        for _ in self._threads:
            self._queue.put(None)
        for t in self._threads:
            t.join()
        self._threads = []
        self._check()

    def cancel(self) -> None:
        """Skip what waits, wait for the operations under way (the store must not close under them)."""
        self._cancelled = True
        while True:  # make room for the stop signals without blocking
            try:
                item = self._queue.get_nowait()
            except Exception:  # noqa: BLE001 - queue.Empty
                break
            if item is not None:
                self._skip(item)
            self._queue.task_done()
        for _ in self._threads:
            self._queue.put(None)
        for t in self._threads:
            t.join()
        self._threads = []


@dataclass
class BuildReport:
    store: str
    documents: int = 0  # documents extracted and written by this build
    unchanged: int = 0  # documents skipped because their content had not changed
    removed: int = 0  # graphs removed because their file is gone
    mentions: int = 0
    quads_written: int = 0
    skipped: list[InputError] = field(default_factory=list)
    encodings: dict[str, list[str]] = field(default_factory=dict)  # encoding -> files read in it (HTML marked)
    seconds: float = 0.0
    write_seconds: float = 0.0  # time spent writing the store (bulk loads, graph removals, flush)
    workers: int = 1
    changed: bool = False  # whether a new generation was made active
    stats: dict = field(default_factory=dict)


def _inputs(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str, str]], list[InputError], set[str]]:
    """``(file, doc_id, root)`` for every input file, errors, and the roots that were walked."""
    files: list[tuple[Path, str, str]] = []
    errors: list[InputError] = []
    roots: set[str] = set()
    for p in paths:
        root = str(Path(p).resolve())
        try:
            found = [(f, doc_id, root) for f, doc_id in ingest.find_files([p])]
        except InputError as e:
            errors.append(e)
            continue
        files.extend(found)
        roots.add(root)
    seen: dict[str, Path] = {}
    unique = []
    for f, doc_id, root in files:
        if doc_id in seen:
            errors.append(InputError(str(f), f"same document id {doc_id!r} as {seen[doc_id]}; rename one"))
            continue
        seen[doc_id] = f
        unique.append((f, doc_id, root))
    return unique, errors, roots


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[InputError]]:
    """Every input file with its document id, and a one-line error for each path that is not usable."""
    files, errors, _ = _inputs(paths)
    return [(f, doc_id) for f, doc_id, _ in files], errors


def pipeline_fingerprint(base: str) -> str:
    """A hash of everything besides a document's text that decides its graph."""
    from kg.resources import resource

    here = Path(__file__).parent
    files = [here / name for name in PIPELINE_MODULES]
    for package in PIPELINE_PACKAGES:
        files += sorted(f for f in (here / package).rglob("*")
                        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc")
    files.append(resource("ontology") / "hezuo.ttl")
    h = hashlib.sha256(f"{MANIFEST_FORMAT}\n{base}\n".encode())
    for f in files:
        h.update(f.relative_to(here).as_posix().encode() if f.is_relative_to(here) else f.name.encode())
        h.update(b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def build(paths: Iterable[str | Path], store_dir: str | Path, *, base: str = DEFAULT_BASE, strict: bool = False,
          workers: int = 1, dask: str | None = None,
          on_start: Callable[[int], None] | None = None,
          on_document: Callable[[str, int], None] | None = None) -> BuildReport:
    """Build or update the graph store from text files.

    ``workers`` extraction processes (1: in this process), or the workers of the Dask cluster
    whose scheduler is at ``dask``.  Unusable files are skipped and reported in
    ``BuildReport.skipped`` (``strict`` raises the first instead, and nothing is written).
    Raises ``InputError`` when there is nothing to build; the store is not touched then.
    ``on_document(doc_id, quads)`` is called for every document written or found unchanged
    (with 0 quads).
    """
    from pyoxigraph import NamedNode, RdfFormat

    from kg import workers as workers_mod
    from kg.extract import lexicon, script
    from kg.rdf.mapper import Mapper
    from kg.store.search import build_index
    from kg.store import census, load_ontology, open_store, refresh_entities, stats

    t0 = time.perf_counter()
    iris = IRIs(base)  # checks the base IRI before any work
    if workers < 1:
        raise InputError("--workers", "must be at least 1")
    files, errors, roots = _inputs(paths)
    if strict and errors:
        raise errors[0]
    if not files:
        raise errors[0] if errors else InputError(str(store_dir), "no input files given")
    report = BuildReport(str(store_dir), skipped=errors)
    with storedir.StoreFolder(store_dir) as folder:  # on the way out: an uncommitted copy removed, unlocked
        old: dict = {}
        if folder.lock(create=False):
            old = storedir.read_manifest(store_dir)
        old_docs: dict[str, list] = old.get("documents", {})
        fingerprint = pipeline_fingerprint(base)
        rebuild_all = old.get("fingerprint") != fingerprint
        new_docs: dict[str, list] = {}
        encodings: dict[str, tuple[str, str]] = {}
        seen: set[str] = set()
        meta_changed = False

        def skip(e: InputError, iri: str) -> None:
            if strict:
                raise e
            report.skipped.append(e)
            if iri in old_docs:  # keep what an earlier build made of it
                new_docs[iri] = old_docs[iri]

        def chunks() -> Iterator[list[workers_mod.DocTask]]:
            nonlocal meta_changed
            chunk: list[workers_mod.DocTask] = []
            size = 0
            for path, doc_id, root in files:
                iri = iris.document(doc_id).value
                seen.add(iri)
                try:
                    data = ingest.read_bytes(path)
                except InputError as e:
                    skip(e, iri)
                    continue
                sha = hashlib.sha256(data).hexdigest()
                prev = old_docs.get(iri)
                if not rebuild_all and prev is not None and prev[0] == sha:
                    new_docs[iri] = [sha, root]
                    meta_changed |= prev[1] != root
                    report.unchanged += 1
                    if on_document:
                        on_document(doc_id, 0)
                    continue
                try:
                    decoded = ingest.decode(str(path), data)
                except InputError as e:
                    skip(e, iri)
                    continue
                del data
                text = decoded.text
                html = ingest.is_html(path, text)
                new_docs[iri] = [sha, root]
                encodings[doc_id] = (decoded.encoding, str(path) + (" (HTML)" if html else ""))
                chunk.append((doc_id, str(path), text, sha, html, decoded.encoding, decoded.detected))
                size += len(text)
                if size >= CHUNK_CHARS:
                    yield chunk
                    chunk, size = [], 0
            if chunk:
                yield chunk

        if on_start:
            on_start(len(files))
        store = None
        executor: workers_mod.Executor | None = None
        writer: _Writer | None = None
        take_turns = True
        pending = bytearray()
        batch_bytes = int(os.environ.get("HEZUO_BATCH_BYTES") or BATCH_BYTES)

        def staging():
            nonlocal store
            if store is None:
                folder.lock(create=True)
                store = open_store(folder.begin(), create=True)
                if rebuild_all:
                    load_ontology(store)
            return store

        pending_graphs: list = []  # the graphs whose quads are in ``pending``

        def replace(graphs: list, data: bytes = b"", path: str = "") -> None:
            """Write the new graphs (N-Quads ``data`` or the file at ``path``) in place of the old ones."""
            for graph in graphs:
                if store.contains_named_graph(graph):  # a changed document: its old graph goes first
                    store.remove_graph(graph)
            # lenient: every term of these N-Quads was made by pyoxigraph (checked when it was made) and
            # written in its own N-Triples form (kg.mapper.Mapper.nquads); checking every IRI again costs
            # ~5 % of the load
            if path:
                store.bulk_load(path=path, format=RdfFormat.N_QUADS, lenient=True)
                os.unlink(path)
            elif data:
                store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)

        def discard(graphs: list, data: bytes = b"", path: str = "") -> None:
            if path:  # a long document's temporary file
                os.unlink(path)

        waiting: list[tuple] = []  # --workers 1: batches held until LOADERS of them can load side by side

        def write(*args, last: bool = False) -> None:
            if not take_turns:
                if args:
                    writer(replace, *args)
                return
            if args:
                waiting.append(args)
            if len(waiting) >= LOADERS or (last and waiting):
                for a in waiting:
                    writer(replace, *a)
                waiting.clear()
                writer.drain()

        def write_pending(last: bool = False) -> None:
            if pending_graphs:
                write(list(pending_graphs), bytes(pending))
                del pending[:]
                pending_graphs.clear()
            if last:
                write(last=True)

        try:
            stream = chunks()
            first = next(stream, None)
            if first is not None:
                if dask:
                    executor = workers_mod.DaskCluster(dask, base)
                elif workers > 1:
                    executor = workers_mod.ProcessPool(workers, base)
                else:
                    executor = workers_mod.InProcess()
                report.workers = executor.workers
                take_turns = isinstance(executor, workers_mod.InProcess)
                writer = _Writer(LOADERS, depth=LOADERS, discard=discard)

                def all_chunks():
                    yield first
                    yield from stream

                for results in executor.map(base, all_chunks()):
                    staging()
                    for r in results:
                        graph = iris.document(r.doc_id)
                        if r.error:  # a bug met on one strange file must not lose the whole build
                            skip(InputError(r.path, f"could not process: {r.error}"), graph.value)
                            if graph.value not in old_docs:
                                new_docs.pop(graph.value, None)
                            continue
                        if r.file:  # a long document: its N-Quads were streamed to a file
                            write([graph], b"", r.file)
                        else:
                            pending += r.nquads
                            pending_graphs.append(graph)
                        encoding, shown = encodings.pop(r.doc_id, ("", ""))
                        report.encodings.setdefault(encoding, []).append(shown)
                        report.documents += 1
                        report.mentions += r.mentions
                        report.quads_written += r.quads
                        if on_document:
                            on_document(r.doc_id, r.quads)
                        if len(pending) >= batch_bytes:
                            write_pending()
                executor.close()
                executor = None
                write_pending(last=True)
                writer.close()
                report.write_seconds += writer.seconds
                writer = None
            if report.documents == 0 and report.unchanged == 0:
                raise report.skipped[0]  # nothing usable: the store is not touched
            for iri, entry in old_docs.items():
                if iri in seen:
                    continue
                if entry[1] in roots:  # gone from a folder given again: deleted
                    staging()
                    tw = time.perf_counter()
                    store.remove_graph(NamedNode(iri))
                    report.write_seconds += time.perf_counter() - tw
                    report.removed += 1
                else:  # from another input: kept
                    new_docs[iri] = entry
            if store is None and meta_changed:
                staging()  # only the manifest changes: a copy costs hard links
            if store is None:  # nothing changed
                report.stats = old.get("stats", {})
            else:
                tw = time.perf_counter()
                refresh_entities(store, Mapper(lexicon.load(), base))  # each entity described once
                counted = census(store)
                void.update(store, base, counted)  # the dataset description (kg/store/void.py)
                build_index(store, folder.staging, base=iris.base, forms=script.forms)  # kg/store/search.py
                store.flush()
                report.write_seconds += time.perf_counter() - tw
                report.stats = stats(store, counted)
                store = None
                gc.collect()  # close the store before it becomes visible
                folder.commit({"format": MANIFEST_FORMAT, "fingerprint": fingerprint, "base": base,
                               "documents": new_docs, "stats": report.stats})
                report.changed = True
        finally:
            if writer is not None:
                writer.cancel()
            if executor is not None:
                executor.close()
            if store is not None:
                store = None
                gc.collect()
        report.seconds = time.perf_counter() - t0
        return report
