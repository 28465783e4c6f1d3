"""Joins the stages: files -> documents -> mentions -> quads -> store."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from . import ingest, lexicon, void
from .mapper import DEFAULT_BASE, Mapper
from .model import Document, InputError


LONG_DOCUMENT = 1_000_000  # characters: from here on quads are streamed into the store in bulk


@dataclass
class BuildReport:
    store: str
    documents: int = 0
    mentions: int = 0
    quads_written: int = 0
    skipped: list[InputError] = field(default_factory=list)
    encodings: dict[str, list[str]] = field(default_factory=dict)  # encoding -> files read in it (HTML marked)
    seconds: float = 0.0
    stats: dict = field(default_factory=dict)


def collect_inputs(paths: Iterable[str | Path]) -> tuple[list[tuple[Path, str]], list[InputError]]:
    """Every input file with its document id, and a one-line error for each path that is not usable."""
    files: list[tuple[Path, str]] = []
    errors: list[InputError] = []
    for p in paths:
        try:
            files.extend(ingest.find_files([p]))
        except InputError as e:
            errors.append(e)
    seen: dict[str, Path] = {}
    unique = []
    for f, doc_id in files:
        if doc_id in seen:
            errors.append(InputError(str(f), f"same document id {doc_id!r} as {seen[doc_id]}; rename one"))
            continue
        seen[doc_id] = f
        unique.append((f, doc_id))
    return unique, errors


def build(paths: Iterable[str | Path], store_dir: str | Path, *, base: str = DEFAULT_BASE, strict: bool = False,
          on_start: Callable[[int], None] | None = None,
          on_document: Callable[[Document, int], None] | None = None) -> BuildReport:
    """Build (or update) the graph store from text files.

    Unusable files are skipped and reported in ``BuildReport.skipped`` (``strict`` raises
    the first instead).  Raises ``InputError`` when there is nothing to build; the store
    is not touched then.
    """
    from .nlp import Extractor  # spaCy and jieba load only when there is something to build
    from .relations import Relations
    from .store import load_ontology, open_store, replace_graph, stats

    t0 = time.perf_counter()
    mapper = Mapper(lexicon.load(), base)  # checks the base IRI before any work
    files, errors = collect_inputs(paths)
    if strict and errors:
        raise errors[0]
    if not files:
        raise errors[0] if errors else InputError(str(store_dir), "no input files given")
    report = BuildReport(str(store_dir), skipped=errors)
    if on_start:
        on_start(len(files))
    extractor = None
    store = None
    for path, doc_id in files:
        try:
            doc = ingest.read_document(path, doc_id)
        except InputError as e:
            if strict:
                raise
            report.skipped.append(e)
            continue
        if extractor is None:
            extractor = Extractor(mapper.lexicon)
            relations = Relations()
            store = open_store(store_dir, create=True)
            load_ontology(store)
        try:
            relations(extractor(doc))
            long = len(doc.text) >= LONG_DOCUMENT
            quads = mapper.quads(doc) if long else mapper.document(doc)  # a long document is streamed
        except Exception as e:  # a bug met on one strange file must not lose the whole build
            err = InputError(str(path), f"could not process: {type(e).__name__}: {' '.join(str(e).split())[:200]}")
            if strict:
                raise err from e
            report.skipped.append(err)
            continue
        report.encodings.setdefault(doc.encoding, []).append(
            str(path) + (" (HTML)" if doc.media_type == "text/html" else ""))
        n = replace_graph(store, mapper.iris.document(doc.id), quads, bulk=long)
        report.documents += 1
        report.mentions += len(doc.mentions)
        report.quads_written += n
        if on_document:
            on_document(doc, n)
    if store is None:
        raise report.skipped[0]
    void.update(store, base)  # the dataset description (kg/void.py)
    store.flush()
    report.stats = stats(store)
    del store
    report.seconds = time.perf_counter() - t0
    return report
