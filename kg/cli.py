"""The ``kg`` command: a thin layer over the library (kg.build, kg.store, kg.serve, kg.extract)."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.link import DEFAULT_ENDPOINT
from kg.rdf.mapper import DEFAULT_BASE
from kg.model import InputError
from kg.store import ExportFormat

app = typer.Typer(help="hezuo-kg: knowledge graphs from Chinese development-cooperation documents, served over SPARQL.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

STORE = Annotated[Path, typer.Option("--store", "-s", help="Folder of the graph store.", envvar="HEZUO_STORE")]
DEFAULT_STORE = Path("store")


class QueryFormat(str, Enum):
    table = "table"
    csv = "csv"
    tsv = "tsv"
    json = "json"


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    table = "table"


def _err(message: str) -> None:
    typer.echo(f"kg: error: {message}", err=True)


@app.command()
def build(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Files or folders (.txt, .md); default: the bundled corpus.")] = None,
    store: STORE = DEFAULT_STORE,
    base: Annotated[str, typer.Option(help="Base IRI of entities and documents.", envvar="HEZUO_BASE")] = DEFAULT_BASE,
    strict: Annotated[bool, typer.Option(help="Stop at the first unusable file; check the graph against the "
                                                   "SHACL shapes and fail on a violation.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1,
                                                   help="Extraction processes (default: the number of cores).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="SCHEDULER_ADDRESS",
                                                help="Extract on a Dask distributed cluster (e.g. tcp://host:8786).")] = None,
) -> None:
    """Build the graph: extract entities and values from texts, write one named graph per document.

    Incremental (unchanged documents are skipped) and atomic (readers see the old graph until the end)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from kg.build import build as run_build
    from kg.resources import resource
    from kg.store.void import build_date
    from kg.workers import default_workers

    build_date()  # a bad $SOURCE_DATE_EPOCH stops here, before the store is touched
    inputs = paths or [resource("corpus")]
    progress = Progress(TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("documents · {task.fields[quads]:,} triples"), TimeElapsedColumn(),
                        disable=quiet, transient=False)
    task = None
    quads = 0

    def on_start(n: int) -> None:
        nonlocal task
        task = progress.add_task("building", total=n, quads=0)

    def on_document(doc_id: str, n: int) -> None:
        nonlocal quads
        quads += n
        progress.update(task, advance=1, quads=quads)

    with progress:
        report = run_build(inputs, store, base=base, strict=strict, workers=workers or default_workers(), dask=dask,
                           on_start=on_start, on_document=on_document)
    for e in report.skipped:
        _err(f"skipped {e}")
    s = report.stats
    typer.echo(f"built {store}: {s['documents']} documents, {s['entities']} entities, {s['mentions']} mentions, "
               f"{s['quads']} triples in {report.seconds:.1f} s")
    typer.echo(f"this run: {report.documents} extracted, {report.unchanged} unchanged, {report.removed} removed"
               + ("" if report.changed else "; the store was not changed")
               + (f" ({report.workers} workers)" if report.documents and report.workers > 1 else ""))
    typer.echo("entities: " + ", ".join(f"{k} {v}" for k, v in s["entities_per_type"].items()))
    if report.encodings:
        typer.echo("encodings: " + "; ".join(_encoding_summary(enc, files)
                                             for enc, files in sorted(report.encodings.items())))
    if report.skipped:
        _err(f"{len(report.skipped)} input(s) skipped")
        raise typer.Exit(1)
    if strict:
        _check_shapes(store, limit=20, to_stderr=True)  # stdout is the build's report


@app.command()
def serve(
    store: STORE = DEFAULT_STORE,
    port: Annotated[int, typer.Option(help="TCP port.")] = 7878,
    bind: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    timeout: Annotated[float, typer.Option(help="Query deadline in seconds: a query still running then is stopped.")] = 30,
    cors: Annotated[bool, typer.Option(help="Allow cross-origin requests.")] = False,
    workers: Annotated[Optional[int], typer.Option(help="Oxigraph worker processes (default: the number of cores, at least 2).")] = None,
) -> None:
    """Serve the store read-only over SPARQL 1.1 with the Oxigraph server and its query UI."""
    from kg import serve as serve_mod
    from kg.store.folder import read_manifest
    from kg.store import open_store, stats

    st = open_store(store, read_only=True)
    s = read_manifest(store).get("stats") or stats(st)  # the build counted them already
    del st

    def ready(url: str) -> None:
        typer.echo(f"serving {store}: {s['documents']} documents, {s['entities']} entities, {s['quads']} triples")
        typer.echo(f"SPARQL endpoint {url}query   query UI {url}   (read-only; Ctrl-C stops)")

    code = serve_mod.serve(store, host=bind, port=port, timeout_s=timeout, cors=cors, workers=workers,
                           on_ready=ready)
    typer.echo("server stopped")
    raise typer.Exit(code)


@app.command()
def query(
    query: Annotated[str, typer.Argument(help="SPARQL text, or a .rq file.")],
    store: STORE = DEFAULT_STORE,
    format: Annotated[QueryFormat, typer.Option("--format", "-f", help="Output format.")] = QueryFormat.table,
    service_map: Annotated[Optional[list[str]], typer.Option(
        "--service-map", metavar="IRI=URL",
        help="Send SERVICE <IRI> to the endpoint URL instead (repeatable).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="Bind ?NAME to VALUE (NAME=VALUE; repeatable): <iri>, prefix:name, \"text\"@zh, 42, or plain text.")] = None,
) -> None:
    """Run a SPARQL query in-process over the union of all graphs; SERVICE clauses federate over HTTP;
    --param binds values safely."""
    from kg.store import format_results, open_store, parse_params, parse_service_map, query as run_query

    params = parse_params(param)

    text = query
    if query.endswith((".rq", ".sparql")) or (len(query) < 4096 and "{" not in query and Path(query).is_file()):
        try:
            text = Path(query).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(query, f"cannot read the query file: {getattr(e, 'strerror', None) or e}") from None
    services = parse_service_map(service_map)
    st = open_store(store, read_only=True)
    try:
        output = format_results(run_query(st, text, services, params), format.value)
    except SyntaxError as e:
        raise InputError(query if text is not query else "query", f"SPARQL syntax error: {_one_line(e)}") from None
    except OSError as e:  # a SERVICE endpoint that cannot be reached or fails, or the store cannot be read
        what = "a SERVICE request failed" if "SERVICE" in text.upper() else "the query failed"
        raise InputError(query if text is not query else "query", f"{what}: {_one_line(e)}") from None
    sys.stdout.write(output)


@app.command()
def export(
    store: STORE = DEFAULT_STORE,
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="RDF format.")] = ExportFormat.turtle,
    out: Annotated[Optional[Path], typer.Option("--out", "-o", help="Output file (default: standard output).")] = None,
    graph: Annotated[Optional[str], typer.Option(help="Export only this named graph (a document IRI).")] = None,
) -> None:
    """Export the graph as Turtle, N-Triples, N-Quads, TriG or JSON-LD, byte-identical for the same store;
    or pledges and aid figures as CSV in the columns of AidData's GCDF dataset (gcdf-csv)."""
    from kg.store import export as run_export, open_store

    st = open_store(store, read_only=True)
    if out is None:
        run_export(st, format, sys.stdout.buffer, graph)
        return
    tmp = out.with_name(out.name + ".part")
    try:
        with open(tmp, "wb") as f:
            n = run_export(st, format, f, graph)
        os.replace(tmp, out)
    except OSError as e:
        raise InputError(str(out), f"cannot write: {e.strerror or e}") from None
    finally:
        tmp.unlink(missing_ok=True)
    unit = {"nquads": "quads", "trig": "quads", "jsonld": "quads", "gcdf-csv": "rows"}.get(format.value, "triples")
    typer.echo(f"wrote {n} {unit} to {out}", err=True)


@app.command()
def validate(
    store: STORE = DEFAULT_STORE,
    limit: Annotated[int, typer.Option(help="Print at most this many violations.")] = 50,
) -> None:
    """Check the store against the SHACL shapes in ontology/shapes.ttl; exit 1 on a violation."""
    _check_shapes(store, limit)


def _check_shapes(store: Path, limit: int, to_stderr: bool = False) -> None:
    """Print the first ``limit`` SHACL violations of the store and exit 1 if there are any."""
    from kg.store import open_store
    from kg.store.validate import validate as run_validate

    violations = run_validate(open_store(store, read_only=True))
    for v in violations[:limit]:
        typer.echo(str(v), err=to_stderr)
    if len(violations) > limit:
        typer.echo(f"... and {len(violations) - limit} more", err=to_stderr)
    if violations:
        _err(f"{store}: {len(violations)} SHACL violation(s)")
        raise typer.Exit(1)
    typer.echo(f"{store}: conforms to the SHACL shapes")


@app.command()
def stats(
    store: STORE = DEFAULT_STORE,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
) -> None:
    """Count documents, triples, mentions and entities per type."""
    from kg.store import open_store, stats as run_stats

    s = run_stats(open_store(store, read_only=True))
    if as_json:
        typer.echo(json.dumps(s, ensure_ascii=False, indent=2))
        return
    typer.echo(f"documents  {s['documents']}\ntriples    {s['quads']}\nmentions   {s['mentions']}\n"
               f"entities   {s['entities']}")
    for k, v in s["entities_per_type"].items():
        typer.echo(f"  {k:<13}{v}")
    typer.echo(f"links      {sum(s['links'].values())}")
    for k, v in s["links"].items():
        typer.echo(f"  {k:<13}{v}")


@app.command()
def link(
    store: STORE = DEFAULT_STORE,
    endpoint: Annotated[str, typer.Option(help="SPARQL endpoint to reconcile against.")] = DEFAULT_ENDPOINT,
    cache: Annotated[Optional[Path], typer.Option(
        help="JSON file of every answer (default: STORE.link-cache.json beside the store).")] = None,
    offline: Annotated[bool, typer.Option(help="Use the cache only; make no request.")] = False,
    base: Annotated[str, typer.Option(help="Base IRI (as for kg build).", envvar="HEZUO_BASE")] = DEFAULT_BASE,
) -> None:
    """Link entities the lexicon does not link to Wikidata (and their GeoNames and DBpedia) by label and type."""
    from kg.link import link as run_link

    r = run_link(store, endpoint=endpoint, cache=cache, base=base, offline=offline)
    asked = f"{r.fetched} from {r.endpoint} in {r.requests} request{'s' if r.requests != 1 else ''}"
    typer.echo(f"{r.entities} entities; {r.lookups} names and ids to look up: {r.cached} in the cache {r.cache}, {asked}")
    per = r.per_target()
    typer.echo("linked: " + ", ".join(f"{k} {v}" for k, v in per.items()) + f"  (graph <{r.graph}>)")
    if r.kept:
        typer.echo(f"kept from an earlier run: the links of {r.kept} entities not looked up this time")
    for key, label, cands in r.ambiguous:
        typer.echo(f"ambiguous, not linked: {key} {label}: " + ", ".join(f"{q} {en}".strip() for q, en in cands))
    if r.unmatched:
        typer.echo(f"no candidate of the right type: {len(r.unmatched)} (" +
                   ", ".join(label for _, label in r.unmatched[:8]) + (" ..." if len(r.unmatched) > 8 else "") + ")")
    if r.missing and offline:
        typer.echo(f"not in the cache (--offline): {len(r.missing)}")
    if r.error:
        _err(f"{r.error}; {len(r.missing)} lookups not done (the links already known were kept); run kg link "
             f"again when the endpoint answers")
        raise typer.Exit(1)


@app.command()
def extract(
    files: Annotated[list[Path], typer.Argument(help="Text files.")],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="jsonl: one JSON object per mention.")] = ExtractFormat.jsonl,
    base: Annotated[str, typer.Option(help="Base IRI.", envvar="HEZUO_BASE")] = DEFAULT_BASE,
) -> None:
    """Print every entity and value mention found in files, with offsets into the original text."""
    from kg import ingest
    from kg.extract import lexicon
    from kg.build import collect_inputs
    from kg.rdf.mapper import IRIs, LINK_IRIS
    from kg.extract.nlp import Extractor

    inputs, errors = collect_inputs(files)
    docs = []
    for path, doc_id in inputs:  # read every file first: unusable ones are reported and skipped
        try:
            docs.append((path, ingest.read_document(path, doc_id)))
        except InputError as e:
            errors.append(e)
    for e in errors:
        _err(f"skipped {e}")
    if not docs:
        raise typer.Exit(1)
    iris, lex = IRIs(base), lexicon.load()
    extractor = Extractor(lex)
    rows = []
    for path, doc in docs:
        if doc.encoding != "UTF-8" or doc.media_type != "text/plain":
            how = "detected by charset-normalizer" if doc.encoding_detected else "byte-order mark"
            typer.echo(f"kg: note: {path}: read as {doc.encoding}"
                       + (f" ({how})" if doc.encoding != "UTF-8" else "")
                       + ("; HTML: offsets point into the page source" if doc.media_type == "text/html" else ""),
                       err=True)
        try:
            extractor(doc)
        except Exception as e:  # a bug met on one strange file: report it, go on with the others
            errors.append(InputError(str(path), f"could not process: {type(e).__name__}: {_one_line(e)}"))
            _err(f"skipped {errors[-1]}")
            continue
        for m in doc.mentions:
            row = {"doc": str(path), "sentence": m.sentence, "start": m.start, "end": m.end, "text": m.text,
                   "type": m.type, "key": m.key}
            if m.is_value:
                row["value"] = m.value
            else:
                entry = lex.get(m.key)
                row["iri"] = iris.entity(m.key).value
                row["links"] = {k: v for k, v in (entry.links if entry else {}).items() if k in LINK_IRIS}
            if format == ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                rows.append(row)
    if format == ExtractFormat.table:
        from rich.console import Console
        from rich.table import Table
        table = Table("doc", "start", "end", "text", "type", "key")
        for r in rows:
            table.add_row(Path(r["doc"]).name, str(r["start"]), str(r["end"]), r["text"], r["type"], r["key"])
        Console(width=160).print(table)
    if errors:
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[Path, typer.Argument(help="Folder of gold .json files (annotation guide format).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    folds: Annotated[Optional[int], typer.Option("--folds", "-k", help="K-fold cross-validation by document "
                                                 "(default: leave one document out).")] = None,
    per_document: Annotated[bool, typer.Option("--per-document", help="Also the figures of each document.")] = False,
    errors: Annotated[bool, typer.Option("--errors", help="Also list missed and spurious entities, values, facts.")] = False,
    show_held_out: Annotated[bool, typer.Option("--show-held-out", help="List held-out documents in --per-document "
                                                "and --errors too (not for whoever writes rules).")] = False,
    train_on: Annotated[Optional[Path], typer.Option("--train-on", help="Learn from this gold folder instead "
                                                     "(one model for all of GOLD_DIR, no folds).")] = None,
) -> None:
    """Score extraction against gold files, cross-validated by document: entities, values, facts, links."""
    from kg.evaluate import HELD_OUT, cross_validate, format_report

    if folds is not None and folds < 2:
        raise InputError("--folds", f"needs at least 2 folds, got {folds}")
    if folds is not None and train_on is not None:
        raise InputError("--folds", "folds split GOLD_DIR for training; with --train-on nothing is split")
    report = cross_validate(gold_dir, folds, train_on=train_on)
    if as_json:
        result = report.as_dict(per_document=per_document, show_held_out=show_held_out)
        if errors:
            result["errors"] = [e for stem, s in report.per_document.items() for e in s.errors
                                if show_held_out or stem not in HELD_OUT]
        typer.echo(json.dumps(result, ensure_ascii=False, indent=2))
        return
    typer.echo(format_report(report, per_document=per_document, errors=errors, show_held_out=show_held_out))


def _encoding_summary(encoding: str, files: list[str], shown: int = 5) -> str:
    if encoding == "UTF-8" and not any(f.endswith(" (HTML)") for f in files):
        return f"UTF-8 {len(files)}"
    names = ", ".join(files[:shown]) + (f" and {len(files) - shown} more" if len(files) > shown else "")
    return f"{encoding} {len(files)} ({names})"


def _one_line(e: BaseException, limit: int = 160) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= limit else text[:limit] + " ..."


def main() -> None:
    """Console entry point: every failure is one line on stderr and a non-zero exit."""
    try:
        app(standalone_mode=True)
    except InputError as e:
        _err(str(e))
        sys.exit(1)
    except KeyboardInterrupt:
        _err("interrupted")
        sys.exit(130)
    except Exception as e:  # a bug or an unforeseen condition: still one line, no traceback
        if os.environ.get("HEZUO_DEBUG"):
            raise
        _err(f"{type(e).__name__}: {_one_line(e)} (set HEZUO_DEBUG=1 for a traceback)")
        sys.exit(2)


if __name__ == "__main__":
    main()
