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
from kg.errors import InputError, ParameterError

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
    """The one writer: store operations run in a pool of ``threads`` threads (``concurrent.futures``), with at
    most ``depth`` more waiting (a caller beyond that blocks until one is done).

    The operations given must not depend on each other's order (each writes other graphs), since
    two run at once: pyoxigraph's bulk loader handles one batch in one thread, and two loads of
    8 MB side by side load ~1.3x faster than one after the other, in the memory of one 16 MB load.
    With extraction in other processes (``--workers N``, ``--dask``) this process goes on reading
    files, handing out chunks and collecting results meanwhile (the loads release the GIL), so the
    workers do not wait for the store.  ``--workers 1`` takes turns instead (``drain`` after each
    pair of batches): extraction, then the loads, on one core and the loads' second thread.
    """

    def __init__(self, threads: int = 2, depth: int = 2, discard: Callable | None = None):
        import threading
        from concurrent.futures import ThreadPoolExecutor

        self._discard = discard  # called with the arguments of an operation that will not run
        self._error: BaseException | None = None
        self._cancelled = False
        self._lock = threading.Lock()
        self._slots = threading.Semaphore(threads + depth)
        self._futures: dict = {}  # future -> the arguments of its operation
        self._active = 0
        self._since = 0.0
        self.seconds = 0.0  # wall time during which at least one operation ran
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="kg-writer")

    def _run(self, op: Callable, args: tuple) -> None:
        if self._error is not None or self._cancelled:
            self._skip(args)
            return
        with self._lock:
            if self._active == 0:
                self._since = time.perf_counter()
            self._active += 1
        try:
            op(*args)
        except BaseException as e:  # noqa: BLE001 - raised again in the building thread
            self._error = self._error or e
        finally:
            with self._lock:
                self._active -= 1
                if self._active == 0:
                    self.seconds += time.perf_counter() - self._since

    def _done(self, future) -> None:
        with self._lock:
            self._futures.pop(future, None)
        self._slots.release()

    def _skip(self, args: tuple) -> None:
        if self._discard is not None:
            try:
                self._discard(*args)
            except OSError:
                pass

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def __call__(self, op: Callable, *args) -> None:
        """Run ``op(*args)`` in a writer thread."""
        self._check()
        self._slots.acquire()
        future = self._pool.submit(self._run, op, args)
        with self._lock:
            if not future.done():
                self._futures[future] = args
        future.add_done_callback(self._done)

    def _wait(self) -> None:
        from concurrent.futures import wait

        while True:
            with self._lock:
                pending = list(self._futures)
            if not pending:
                return
            wait(pending)

    def drain(self) -> None:
        """Wait until every operation given has run; raise the first error."""
        self._wait()
        self._check()

    def close(self) -> None:
        """Wait until every operation has run and stop the threads; raise the first error."""
        self._wait()
        self._pool.shutdown(wait=True)
        self._check()

    def cancel(self) -> None:
        """Skip what waits, wait for the operations under way (the store must not close under them)."""
        self._cancelled = True
        with self._lock:
            waiting = list(self._futures.items())
        for future, args in waiting:
            if future.cancel():  # not started: it never will
                self._skip(args)
        self._pool.shutdown(wait=True)


@dataclass
class Progress:
    """How far a running build is, for a display that polls it from another thread."""
    files: int = 0  # input files found
    done: int = 0  # documents written or found unchanged
    quads: int = 0  # quads written
    extracted: Callable[[], int] = lambda: 0  # characters extracted so far, within documents too


@dataclass
class BuildReport:
    store: str
    documents: int = 0  # documents extracted and written by this build
    unchanged: int = 0  # documents skipped because their content had not changed
    removed: int = 0  # graphs removed because their file is gone
    mentions: int = 0
    quads_written: int = 0
    skipped: list[InputError] = field(default_factory=list)
    not_read: list[ingest.Skipped] = field(default_factory=list)  # what folder walks left out, and why
    encodings: dict[str, list[str]] = field(default_factory=dict)  # encoding -> files read in it (HTML marked)
    seconds: float = 0.0
    write_seconds: float = 0.0  # time spent writing the store (bulk loads, graph removals, flush)
    workers: int = 1
    changed: bool = False  # whether a new generation was made active
    stats: dict = field(default_factory=dict)


def _inputs(paths: Iterable[str | Path], follow_symlinks: bool = False, not_read: list | None = None
            ) -> tuple[list[tuple[Path, str, str]], list[InputError], set[str]]:
    """``(file, doc_id, root)`` for every input file, errors, and the roots that were walked; what the walks
    left out goes to ``not_read`` (``ingest.Skipped``)."""
    files: list[tuple[Path, str, str]] = []
    errors: list[InputError] = []
    roots: set[str] = set()
    for p in paths:
        root = str(Path(p).resolve())
        try:
            found = [(f, doc_id, root) for f, doc_id in ingest.find_files(
                [p], follow_symlinks=follow_symlinks, skipped=not_read)]
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


def collect_inputs(paths: Iterable[str | Path], follow_symlinks: bool = False
                   ) -> tuple[list[tuple[Path, str]], list[InputError]]:
    """Every input file with its document id, and a one-line error for each path that is not usable."""
    files, errors, _ = _inputs(paths, follow_symlinks)
    return [(f, doc_id) for f, doc_id, _ in files], errors


def _line_batches(path: str, size: int) -> Iterator[bytes]:
    """The lines of a file in pieces of about ``size`` bytes, each ending at the end of a line."""
    with open(path, "rb") as f:
        rest = b""
        while piece := f.read(size):
            piece = rest + piece
            cut = piece.rfind(b"\n") + 1
            if cut == 0:
                rest = piece
                continue
            rest = piece[cut:]
            yield piece[:cut]
        if rest:
            yield rest


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


@dataclass
class Plan:
    """Phase 1, plan: what the build will read and what the store holds, before any document is read."""
    base: str
    iris: IRIs
    files: list[tuple[Path, str, str]]  # (file, document id, input root)
    roots: set[str]  # the inputs that were walked: documents gone from them are deleted
    old: dict  # the manifest of the active generation ({} for a new store)
    fingerprint: str
    strict: bool = False

    @property
    def old_docs(self) -> dict[str, list]:
        return self.old.get("documents", {})

    @property
    def rebuild_all(self) -> bool:
        """A change to the pipeline or the base IRI: every document given is extracted again."""
        return self.old.get("fingerprint") != self.fingerprint


def plan(paths: Iterable[str | Path], folder: storedir.StoreFolder, report: BuildReport, *,
         base: str = DEFAULT_BASE, strict: bool = False, follow_symlinks: bool = False) -> Plan:
    """Find the inputs and read the store's manifest.  Unusable inputs go to ``report.skipped`` (``strict``
    raises the first); no input at all raises ``InputError`` and leaves the store untouched."""
    iris = IRIs(base)  # checks the base IRI before any work
    files, errors, roots = _inputs(paths, follow_symlinks, report.not_read)
    if strict and errors:
        raise errors[0]
    if not files:
        raise errors[0] if errors else InputError(str(folder.root), "no input files given")
    report.skipped.extend(errors)
    old = storedir.read_manifest(folder.root) if folder.lock(create=False) else {}
    return Plan(base, iris, files, roots, old, pipeline_fingerprint(base), strict)


class _Build:
    """One build between its phases: the plan, the report, the manifest being made, the staging store."""

    def __init__(self, plan: Plan, folder: storedir.StoreFolder, report: BuildReport,
                 on_document: Callable[[str, int], None] | None = None):
        self.plan = plan
        self.folder = folder
        self.report = report
        self.on_document = on_document or (lambda doc_id, quads: None)
        self.new_docs: dict[str, list] = {}  # the next manifest's documents
        self.encodings: dict[str, tuple[str, str]] = {}  # doc id -> (encoding, file as shown), until written
        self.seen: set[str] = set()  # document IRIs of this build's inputs
        self.meta_changed = False  # the manifest changes although no graph does (a document moved root)
        self.store = None  # the staging copy, opened when the first write comes

    def skip(self, e: InputError, iri: str) -> None:
        if self.plan.strict:
            raise e
        self.report.skipped.append(e)
        if iri in self.plan.old_docs:  # keep what an earlier build made of it
            self.new_docs[iri] = self.plan.old_docs[iri]

    def staging(self):
        from kg.store import load_ontology, open_store

        if self.store is None:
            self.folder.lock(create=True)
            self.store = open_store(self.folder.begin(), create=True)
            if self.plan.rebuild_all:
                load_ontology(self.store)
        return self.store

    def close_store(self) -> None:
        if self.store is not None:
            self.store = None
            gc.collect()  # closed before it becomes visible (or is removed)

    def chunks(self) -> Iterator[list]:
        """The documents to extract, read one file at a time, in chunks of about ``CHUNK_CHARS`` characters.
        Unchanged documents (same sha256, same pipeline) are counted and left out."""
        plan, report = self.plan, self.report
        chunk: list = []
        size = 0
        for path, doc_id, root in plan.files:
            iri = plan.iris.document(doc_id).value
            self.seen.add(iri)
            try:
                data = ingest.read_bytes(path)
            except InputError as e:
                self.skip(e, iri)
                continue
            sha = hashlib.sha256(data).hexdigest()
            prev = plan.old_docs.get(iri)
            if not plan.rebuild_all and prev is not None and prev[0] == sha:
                self.new_docs[iri] = [sha, root]
                self.meta_changed |= prev[1] != root
                report.unchanged += 1
                self.on_document(doc_id, 0)
                continue
            try:
                decoded = ingest.decode(str(path), data)
            except InputError as e:
                self.skip(e, iri)
                continue
            del data
            text = decoded.text
            html = ingest.is_html(path, text)
            self.new_docs[iri] = [sha, root]
            self.encodings[doc_id] = (decoded.encoding, str(path) + (" (HTML)" if html else ""))
            chunk.append((doc_id, str(path), text, sha, html, decoded.encoding, decoded.detected))
            size += len(text)
            if size >= CHUNK_CHARS:
                yield chunk
                chunk, size = [], 0
        if chunk:
            yield chunk


class Extraction:
    """Phase 2, extract: the chunks go to the executor (this process, N worker processes or a Dask cluster);
    iterating yields the results in order.  ``close`` when done, ``abort`` on failure (workers killed)."""

    def __init__(self, b: _Build, workers: int = 1, dask: str | None = None, progress: Progress | None = None):
        from kg import workers as workers_mod

        self.executor = None
        self.take_turns = True  # --workers 1: extraction and loading take turns on this process
        self._stream = b.chunks()
        self._first = next(self._stream, None)
        if self._first is None:
            return
        b.folder.lock(create=True)
        self._spool = str(b.folder.spool())
        if dask:
            self.executor = workers_mod.DaskCluster(dask, b.plan.base)
        elif workers > 1:
            self.executor = workers_mod.ProcessPool(workers, b.plan.base)
        else:
            self.executor = workers_mod.InProcess()
        b.report.workers = self.executor.workers
        if progress is not None:
            progress.extracted = self.executor.extracted
        self.take_turns = isinstance(self.executor, workers_mod.InProcess)
        self._base = b.plan.base

    def __iter__(self) -> Iterator:
        if self.executor is None:
            return

        def all_chunks():
            yield self._first
            yield from self._stream

        for results in self.executor.map(self._base, all_chunks(), self._spool):
            yield from results

    def close(self) -> None:
        if self.executor is not None:
            self.executor.close()
            self.executor = None

    def abort(self) -> None:
        if self.executor is not None:
            self.executor.abort()
            self.executor = None


class Loader:
    """Phase 3, load: the results into the staging store, in batches of ``batch_bytes`` N-Quads by the
    writer (two loads side by side); the graph of a changed document is replaced."""

    def __init__(self, b: _Build, take_turns: bool):
        self.b = b
        self.take_turns = take_turns
        self.batch_bytes = int(os.environ.get("HEZUO_BATCH_BYTES") or BATCH_BYTES)
        self.pending = bytearray()
        self.pending_graphs: list = []  # the graphs whose quads are in ``pending``
        self.waiting: list[tuple] = []  # --workers 1: batches held until LOADERS of them can load side by side
        self.writer = _Writer(LOADERS, depth=LOADERS, discard=self._discard)

    def _replace(self, graphs: list, data: bytes = b"", path: str = "") -> None:
        """Write the new graphs (N-Quads ``data`` or the file at ``path``) in place of the old ones."""
        from pyoxigraph import RdfFormat

        store = self.b.store
        for graph in graphs:
            if store.contains_named_graph(graph):  # a changed document: its old graph goes first
                store.remove_graph(graph)
        # lenient: every term of these N-Quads was made by pyoxigraph (checked when it was made) and
        # written in its own N-Triples form (kg.mapper.Mapper.nquads); checking every IRI again costs
        # ~5 % of the load
        if path:  # a long document: its file in batches, so the loader's memory stays that of one batch
            try:
                for batch in _line_batches(path, self.batch_bytes):
                    store.bulk_load(batch, format=RdfFormat.N_QUADS, lenient=True)
            finally:
                os.unlink(path)
        elif data:
            store.bulk_load(data, format=RdfFormat.N_QUADS, lenient=True)

    @staticmethod
    def _discard(graphs: list, data: bytes = b"", path: str = "") -> None:
        if path:  # a long document's temporary file
            os.unlink(path)

    def _write(self, *args, last: bool = False) -> None:
        if not self.take_turns:
            if args:
                self.writer(self._replace, *args)
            return
        if args:
            self.waiting.append(args)
        if len(self.waiting) >= LOADERS or (last and self.waiting):
            for a in self.waiting:
                self.writer(self._replace, *a)
            self.waiting.clear()
            self.writer.drain()

    def _write_pending(self, last: bool = False) -> None:
        if self.pending_graphs:
            self._write(list(self.pending_graphs), bytes(self.pending))
            del self.pending[:]
            self.pending_graphs.clear()
        if last:
            self._write(last=True)

    def add(self, r) -> None:
        """One document's result: written (or skipped, with its error)."""
        b, report = self.b, self.b.report
        b.staging()
        graph = b.plan.iris.document(r.doc_id)
        if r.error:  # a bug met on one strange file must not lose the whole build
            b.skip(InputError(r.path, f"could not process: {r.error}"), graph.value)
            if graph.value not in b.plan.old_docs:
                b.new_docs.pop(graph.value, None)
            return
        if r.file:  # a long document: its N-Quads were streamed to a file
            self._write([graph], b"", r.file)
        else:
            self.pending += r.nquads
            self.pending_graphs.append(graph)
        encoding, shown = b.encodings.pop(r.doc_id, ("", ""))
        report.encodings.setdefault(encoding, []).append(shown)
        report.documents += 1
        report.mentions += r.mentions
        report.quads_written += r.quads
        b.on_document(r.doc_id, r.quads)
        if len(self.pending) >= self.batch_bytes:
            self._write_pending()

    def close(self) -> None:
        """Write what is left and wait for the writer."""
        self._write_pending(last=True)
        self.writer.close()
        self.b.report.write_seconds += self.writer.seconds

    def cancel(self) -> None:
        self.writer.cancel()


def remove_deleted(b: _Build) -> None:
    """The graphs of documents gone from an input folder given again are removed; documents of other inputs
    stay in the manifest."""
    from pyoxigraph import NamedNode

    for iri, entry in b.plan.old_docs.items():
        if iri in b.seen:
            continue
        if entry[1] in b.plan.roots:  # gone from a folder given again: deleted
            store = b.staging()
            tw = time.perf_counter()
            store.remove_graph(NamedNode(iri))
            b.report.write_seconds += time.perf_counter() - tw
            b.report.removed += 1
        else:  # from another input: kept
            b.new_docs[iri] = entry


# Steps over the finished graph of a build, after the entities graph and the dataset description and before
# the generation becomes active: each is called as ``step(store, build, census)`` (the _Build: its plan, its folder).  Add post-build steps here
# (e.g. a search index); a step that raises fails the build, and the store stays as it was.
def search_index(store, b: "_Build", counted) -> None:
    """The search index of the labels (kg.store.search), beside the store of the new generation."""
    from kg.extract import script
    from kg.store.search import build_index

    build_index(store, b.folder.staging, base=b.plan.base, forms=script.forms)


POST_BUILD_STEPS: list[Callable] = [search_index]


def finalise(b: _Build) -> None:
    """Phase 4, finalise: the entities graph, the census, the dataset description, the post-build steps
    (``POST_BUILD_STEPS``); then the store is closed and made active with the new manifest.  Nothing changed:
    the store is left as it is."""
    from kg.extract import lexicon
    from kg.rdf.mapper import Mapper
    from kg.store import census, refresh_entities, stats

    report = b.report
    if b.store is None and b.meta_changed:
        b.staging()  # only the manifest changes: a copy costs hard links
    if b.store is None:  # nothing changed
        report.stats = b.plan.old.get("stats", {})
        return
    store = b.store
    tw = time.perf_counter()
    refresh_entities(store, Mapper(lexicon.load_with_learned(), b.plan.base))  # each entity described once
    counted = census(store)
    void.update(store, b.plan.base, counted)  # the dataset description (kg/store/void.py)
    for step in POST_BUILD_STEPS:
        step(store, b, counted)
    store.flush()
    report.write_seconds += time.perf_counter() - tw
    report.stats = stats(store, counted)
    del store
    b.close_store()
    b.folder.commit({"format": MANIFEST_FORMAT, "fingerprint": b.plan.fingerprint, "base": b.plan.base,
                     "documents": b.new_docs, "stats": report.stats})
    report.changed = True


def build(paths: Iterable[str | Path], store_dir: str | Path, *, base: str = DEFAULT_BASE, strict: bool = False,
          workers: int = 1, dask: str | None = None, follow_symlinks: bool = False,
          on_start: Callable[[int], None] | None = None,
          on_document: Callable[[str, int], None] | None = None, progress: Progress | None = None) -> BuildReport:
    """Build or update the graph store from text files: plan -> extract -> load -> finalise.

    ``workers`` extraction processes (1: in this process), or the workers of the Dask cluster
    whose scheduler is at ``dask``.  Unusable files are skipped and reported in
    ``BuildReport.skipped`` (``strict`` raises the first instead, and nothing is written).
    Raises ``InputError`` when there is nothing to build; the store is not touched then.
    ``on_document(doc_id, quads)`` is called for every document written or found unchanged
    (with 0 quads).  Folder walks stay inside their folder unless ``follow_symlinks``; what they
    leave out is listed in ``BuildReport.not_read``.  ``progress`` is kept up to date for a display
    that polls it (characters extracted move within a long document too).
    """
    t0 = time.perf_counter()
    if workers < 1:
        raise ParameterError("workers", "must be at least 1")
    report = BuildReport(str(store_dir))
    # on the way out, however it ends: an uncommitted copy and the temporary files removed, the lock released
    with storedir.StoreFolder(store_dir) as folder:
        progress = progress if progress is not None else Progress()

        def done(doc_id: str, quads: int) -> None:
            progress.done += 1
            progress.quads += quads
            if on_document:
                on_document(doc_id, quads)

        b = _Build(plan(paths, folder, report, base=base, strict=strict, follow_symlinks=follow_symlinks),
                   folder, report, done)
        progress.files = len(b.plan.files)
        if on_start:
            on_start(len(b.plan.files))
        extraction = loader = None
        try:
            extraction = Extraction(b, workers, dask, progress)
            loader = Loader(b, extraction.take_turns)
            for result in extraction:
                loader.add(result)
            extraction.close()
            loader.close()
            loader = None
            if report.documents == 0 and report.unchanged == 0:
                raise report.skipped[0]  # nothing usable: the store is not touched
            remove_deleted(b)
            finalise(b)
        finally:
            if loader is not None:
                loader.cancel()
            if extraction is not None:
                extraction.abort()
            b.close_store()
        report.seconds = time.perf_counter() - t0
        return report
