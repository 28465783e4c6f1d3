"""The ``kg`` command: a thin layer over the library (kg.build, kg.store, kg.serve, kg.extract)."""

from __future__ import annotations

import errno
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from kg import __version__
from kg.errors import InputError, ParameterError, printable
from kg.link import DEFAULT_ENDPOINT
from kg.rdf.mapper import DEFAULT_BASE
from kg.store import ExportFormat


class KgGroup(TyperGroup):
    """The ``kg`` command group: every failure becomes one line on stderr and an exit code, here in the app
    (so that in-process runs, typer.testing.CliRunner included, see the real message): a usage error (exit 2),
    an ``InputError`` (exit 1; a library ``ParameterError`` names the flag), a full disk, an interrupt (130),
    anything else (exit 2; ``HEZUO_DEBUG=1`` shows the traceback)."""

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        try:
            code = super().main(args=args, prog_name=prog_name or "kg", complete_var=complete_var,
                                standalone_mode=False, **extra)
            code = code if isinstance(code, int) else 0
            if code == 130:  # typer turns Ctrl-C (and SIGTERM, see main) into exit code 130 without a word
                _err("interrupted")
            sys.stdout.flush()  # a full disk or a closed pipe shows here at the latest, not at exit
        except BaseException as e:  # noqa: BLE001 - every failure is reported the same way
            code = _report(e, self)
        if standalone_mode:
            sys.exit(code)
        return code


def _kinds(e: BaseException) -> set[str]:
    """The class names of ``e`` and its bases: click's exceptions are told apart by name (typer ships its own
    copy of click, so its classes are not the ``click`` package's)."""
    return {c.__name__ for c in type(e).__mro__}


def _report(e: BaseException, group) -> int:
    """Print the one-line error for ``e``; return the exit code."""
    kinds = _kinds(e)
    if isinstance(e, SystemExit):
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    if "Exit" in kinds and hasattr(e, "exit_code"):
        return e.exit_code
    if "NoArgsIsHelpError" in kinds:  # `kg` alone: the help, and click's exit code for it
        typer.echo(e.ctx.get_help() if e.ctx else e.format_message())
        return e.exit_code
    if "UsageError" in kinds:
        ctx = getattr(e, "ctx", None)
        command = f"kg {ctx.info_name}" if ctx is not None and ctx.parent is not None else "kg"
        _err(f"{command}: {_one_line(e.format_message(), 300)} (see {command} --help)")
        return e.exit_code
    if "ClickException" in kinds:
        _err(_one_line(e.format_message(), 300))
        return e.exit_code
    if "Abort" in kinds or isinstance(e, KeyboardInterrupt):
        _err("interrupted")
        return 130
    if isinstance(e, ParameterError):
        e = e.as_flag(_flag(group, e.param))
    if isinstance(e, InputError):
        _err(str(e))
        return 1
    if isinstance(e, OSError) and (e.errno == errno.ENOSPC or "No space left on device" in str(e)):
        where = printable(str(e.filename)) if getattr(e, "filename", None) else _output_of(e)
        _err(f"{where}: no space left on device; free some space and run the command again")
        return 1
    if isinstance(e, OSError) and e.errno == errno.EPIPE:
        return 1  # the reader went away (kg query ... | head): nothing to say
    if os.environ.get("HEZUO_DEBUG"):
        raise e
    _err(f"{type(e).__name__}: {_one_line(e)} (set HEZUO_DEBUG=1 for a traceback)")
    return 2


class _writing_stdout:  # noqa: N801 - used as a with-statement
    """A failed write in the block names standard output (a full disk: ``kg export > /dev/full``)."""

    def __enter__(self):
        return self

    def __exit__(self, kind, e, tb) -> bool:
        if isinstance(e, OSError) and not e.filename:
            e.filename = "standard output"
        return False


def _output_of(e: OSError) -> str:
    """Where a write without a file name went: standard output if it is the one that failed."""
    try:
        sys.stdout.flush()
    except OSError:
        return "standard output"
    return "the disk"


def _flag(group, param: str) -> str:
    """The flag of the library parameter ``param`` (``workers`` -> ``--workers``), as the commands name it."""
    for command in group.commands.values():
        for p in command.params:
            if p.name == param and getattr(p, "opts", None):
                return max(p.opts, key=len)
    return "--" + param.replace("_", "-")


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg (hezuo-kg) {__version__}")
        raise typer.Exit()


app = typer.Typer(help="hezuo-kg: knowledge graphs from Chinese development-cooperation documents, served over SPARQL.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False, cls=KgGroup)


@app.callback()
def _options(
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                          help="Print the version and exit.")] = False,
) -> None:
    """hezuo-kg: knowledge graphs from Chinese development-cooperation documents, served over SPARQL."""


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
    typer.echo(f"kg: error: {printable(message)}", err=True)


@app.command()
def build(
    paths: Annotated[Optional[list[Path]], typer.Argument(
        help="Files or folders: plain text (.txt), Markdown (.md, .markdown), HTML (.html, .htm, .shtml, .xhtml); "
             "default: the bundled corpus.")] = None,
    store: STORE = DEFAULT_STORE,
    base: Annotated[str, typer.Option(help="Base IRI of entities and documents.", envvar="HEZUO_BASE")] = DEFAULT_BASE,
    strict: Annotated[bool, typer.Option(help="Stop at the first unusable file; check the graph against the "
                                                   "SHACL shapes and fail on a violation.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[Optional[int], typer.Option("--workers", "-w", min=1,
                                                   help="Extraction processes (default: the number of cores).")] = None,
    dask: Annotated[Optional[str], typer.Option("--dask", metavar="SCHEDULER_ADDRESS",
                                                help="Extract on a Dask distributed cluster (e.g. tcp://host:8786).")] = None,
    follow_symlinks: Annotated[bool, typer.Option(help="Read symbolic links in a folder that point outside it "
                                                       "(by default they are listed as not read).")] = False,
) -> None:
    """Build the graph: extract entities and values from texts, write one named graph per document.

    Reads plain text (.txt), Markdown (.md, .markdown) and HTML (.html, .htm, .shtml, .xhtml) files.

    Incremental (unchanged documents are skipped) and atomic (readers see the old graph until the end)."""
    from kg.build import Progress
    from kg.build import build as run_build
    from kg.resources import resource
    from kg.store.void import build_date
    from kg.workers import default_workers

    build_date()  # a bad $SOURCE_DATE_EPOCH stops here, before the store is touched
    inputs = paths or [resource("corpus")]
    state = Progress()
    with _ProgressDisplay(state, enabled=not quiet):
        report = run_build(inputs, store, base=base, strict=strict, workers=workers or default_workers(), dask=dask,
                           follow_symlinks=follow_symlinks, progress=state)
    _list_not_read(report.not_read)
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
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port (1 to 65535).")] = 7878,
    bind: Annotated[str, typer.Option(help="Address to listen on (127.0.0.1: this machine only).")] = "127.0.0.1",
    timeout: Annotated[float, typer.Option(help="Query deadline in seconds: a query still running then is stopped.")] = 30,
    cors: Annotated[bool, typer.Option(help="Allow cross-origin requests.")] = False,
    workers: Annotated[Optional[int], typer.Option(help="Oxigraph worker processes (default: the number of cores, at least 2).")] = None,
    allow_service: Annotated[Optional[list[str]], typer.Option(
        "--allow-service", metavar="URL_PREFIX",
        help="Allow SERVICE (federated queries) to endpoints under this URL prefix; repeatable. Off by default.")] = None,
    client_timeout: Annotated[float, typer.Option(
        help="Seconds a client has to send a request's headers, and again its body.")] = 10,
    base: Annotated[Optional[str], typer.Option(help="Base IRI of the store's entities and documents, served under "
                                                     "/id/ (default: the one it was built with).")] = None,
) -> None:
    """Serve the store read-only over SPARQL 1.1 with the Oxigraph server, and its pages for people."""
    from kg import serve as serve_mod
    from kg.rdf.mapper import IRIs
    from kg.serve.site import store_base
    from kg.store.folder import read_manifest
    from kg.store import open_store, stats

    st = open_store(store, read_only=True)
    s = read_manifest(store).get("stats") or stats(st)  # the build counted them already
    del st

    def ready(url: str) -> None:
        typer.echo(f"serving {store}: {s['documents']} documents, {s['entities']} entities, {s['quads']} triples")
        typer.echo(f"SPARQL endpoint {url}query   query UI {url}   (read-only; Ctrl-C stops)")

    try:
        site_base = IRIs(base).base if base else store_base(store)
    except ValueError as e:
        raise InputError("--base", str(e)) from None
    code = serve_mod.serve(store, host=bind, port=port, timeout_s=timeout, cors=cors, workers=workers,
                           allow_service=allow_service, client_timeout=client_timeout, base=site_base,
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
    from kg.rdf.sparql import format_results, parse_params, parse_service_map
    from kg.store import open_store, query as run_query

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
    with _writing_stdout():
        sys.stdout.write(output)
        sys.stdout.flush()
    if params and _no_rows(output, format.value):
        _hint_language_tags(st, params)


def _no_rows(output: str, fmt: str) -> bool:
    """Whether a query's formatted output holds no solution."""
    if fmt == "table":
        return output.endswith("\n0 rows\n")
    if fmt == "json":
        return '"bindings":[]' in output.replace(" ", "")
    if fmt in ("csv", "tsv"):
        return len([line for line in output.splitlines() if line.strip()]) <= 1
    return False


def _hint_language_tags(st, params: dict) -> None:
    """A plain-string ``--param`` that matched nothing but is a language-tagged label in the store: say so."""
    from pyoxigraph import Literal

    from kg.store import language_tags

    for name, term in params.items():
        if isinstance(term, Literal) and not term.language and term.datatype.value.endswith("#string"):
            tags = language_tags(st, term.value)
            if tags:
                typer.echo(f"kg: note: --param {name}: the plain string \"{printable(term.value)}\" matched nothing; "
                           f"the graph's labels are language-tagged: try --param '{name}=\"{printable(term.value)}\"@"
                           f"{tags[0]}'", err=True)


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
        with _writing_stdout():
            run_export(st, format, sys.stdout.buffer, graph)
            sys.stdout.buffer.flush()
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
    facts: Annotated[bool, typer.Option("--facts", help="Also print the facts (events and their roles) read from "
                                                        "each sentence, after its document's mentions.")] = False,
) -> None:
    """Print every entity and value mention found in files, with offsets into the original text (as the
    graph has them: anaphors such as 该项目 and 斯方 included)."""
    from kg import ingest
    from kg.build import collect_inputs
    from kg.rdf.mapper import IRIs, LINK_IRIS
    from kg.extract.nlp import Extractor
    from kg.extract.relations import Relations

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
    extractor, relations = Extractor(), Relations()
    iris, lex = IRIs(base), extractor.lexicon  # with what the pipeline learned (its links too), as kg build
    rows, fact_rows = [], []
    for path, doc in docs:
        if doc.encoding != "UTF-8" or doc.media_type != "text/plain":
            how = "detected by charset-normalizer" if doc.encoding_detected else "byte-order mark"
            typer.echo(f"kg: note: {printable(str(path))}: read as {doc.encoding}"
                       + (f" ({how})" if doc.encoding != "UTF-8" else "")
                       + ("; HTML: offsets point into the page source" if doc.media_type == "text/html" else ""),
                       err=True)
        try:
            relations(extractor(doc))
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
        for f in doc.facts if facts else ():
            row = {"doc": str(path), "fact": f.kind, "sentence": f.sentence, "start": f.start, "end": f.end,
                   "label": f.label, "rule": f.rule,
                   "roles": [{"role": r, "text": m.text, "key": m.key, "start": m.start, "end": m.end} for r, m in f.roles]}
            if f.literals:
                row["literals"] = dict(f.literals)
            if format == ExtractFormat.jsonl:
                sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                fact_rows.append(row)
    if format == ExtractFormat.table:
        from rich.console import Console
        from rich.table import Table
        table = Table("doc", "start", "end", "text", "type", "key")
        for r in rows:
            table.add_row(Path(r["doc"]).name, str(r["start"]), str(r["end"]), r["text"], r["type"], r["key"])
        Console(width=160).print(table)
        if fact_rows:
            table = Table("doc", "start", "end", "fact", "roles")
            for r in fact_rows:
                table.add_row(Path(r["doc"]).name, str(r["start"]), str(r["end"]), r["fact"],
                              "; ".join(f"{x['role']}: {x['text']}" for x in r["roles"]))
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


class _ProgressDisplay:
    """The build's progress, polled from ``kg.build.Progress`` by a thread: a bar on a terminal (documents,
    characters extracted, which move within a long document too, triples); elsewhere (a log, a pipe) a plain
    line on stderr every ``$HEZUO_PROGRESS_SECONDS`` (10) seconds."""

    def __init__(self, state, enabled: bool = True):
        import threading

        self.state = state
        self.enabled = enabled
        self.terminal = sys.stdout.isatty()
        self.every = float(os.environ.get("HEZUO_PROGRESS_SECONDS") or 10)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kg-progress", daemon=True)
        self._t0 = 0.0

    def __enter__(self):
        import time

        self._t0 = time.monotonic()
        if self.enabled:
            self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _fields(self) -> dict:
        s = self.state
        return {"completed": s.done, "total": s.files or None, "quads": s.quads, "chars": s.extracted()}

    def _run(self) -> None:
        import time

        if not self.terminal:
            while not self._stop.wait(self.every):
                f = self._fields()
                typer.echo(f"kg: building: {f['completed']}/{f['total'] or '?'} documents, {f['chars']:,} characters "
                           f"extracted, {f['quads']:,} triples, {time.monotonic() - self._t0:.0f} s", err=True)
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        with Progress(TextColumn("[bold]building"), BarColumn(), MofNCompleteColumn(),
                      TextColumn("documents · {task.fields[chars]:,} characters · {task.fields[quads]:,} triples"),
                      TimeElapsedColumn(), transient=False) as bar:
            task = bar.add_task("building", **self._fields())
            while not self._stop.wait(0.25):
                bar.update(task, **self._fields())
            bar.update(task, **self._fields())


def _list_not_read(not_read: list, shown: int = 20) -> None:
    """What folder walks left out, and why: one note per file (the first ``shown``), then a count."""
    for item in not_read[:shown]:
        typer.echo(f"kg: note: not read: {item}", err=True)
    if len(not_read) > shown:
        typer.echo(f"kg: note: not read: {len(not_read) - shown} more files", err=True)


def _encoding_summary(encoding: str, files: list[str], shown: int = 5) -> str:
    if encoding == "UTF-8" and not any(f.endswith(" (HTML)") for f in files):
        return f"UTF-8 {len(files)}"
    names = ", ".join(printable(f) for f in files[:shown]) + (f" and {len(files) - shown} more" if len(files) > shown else "")
    return f"{encoding} {len(files)} ({names})"


def _one_line(e: BaseException, limit: int = 160) -> str:
    text = " ".join(str(e).split())
    return text if len(text) <= limit else text[:limit] + " ..."


def main() -> None:
    """Console entry point: every failure is one line on stderr and a non-zero exit (``KgGroup``).  SIGTERM and
    SIGHUP end the command the way Ctrl-C does, so that its clean-up runs (a build's staging copy and temporary
    files are removed)."""
    import signal

    def stop(signum, frame):
        raise KeyboardInterrupt

    for sig in (signal.SIGTERM, signal.SIGHUP):
        try:
            signal.signal(sig, stop)
        except (OSError, ValueError):  # not the main thread, or no such signal here
            pass
    app()


if __name__ == "__main__":
    main()
