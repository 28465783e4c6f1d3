"""The on-disk pyoxigraph store: write document graphs, query, export, count.

No spaCy or jieba here (``kg query`` and ``kg serve`` start fast).
"""

from __future__ import annotations

import io
import re
from enum import Enum
from pathlib import Path

from pyoxigraph import (DefaultGraph, NamedNode, Quad, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat,
                        Store, Triple, serialize)

from . import storedir
from .model import InputError
from .vocab import NIF, ONTOLOGY_IRI, PREFIXES

HERE = Path(__file__).parent


def resource(name: str) -> Path:
    """A folder shipped with the tool (ontology, corpus, queries): in the wheel or in the checkout."""
    inside = HERE / name
    return inside if inside.exists() else HERE.parent / name


class ExportFormat(str, Enum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"


RDF_FORMATS = {
    ExportFormat.turtle: RdfFormat.TURTLE, ExportFormat.ntriples: RdfFormat.N_TRIPLES,
    ExportFormat.nquads: RdfFormat.N_QUADS, ExportFormat.trig: RdfFormat.TRIG, ExportFormat.jsonld: RdfFormat.JSON_LD,
}
DATASET_FORMATS = {ExportFormat.nquads, ExportFormat.trig, ExportFormat.jsonld}


def locate(path: str | Path) -> Path:
    """The Oxigraph store inside a store folder (its active generation), or a one-line error."""
    found = storedir.store_path(path)
    if found is None:
        raise InputError(str(path), "no graph store here; run 'kg build --store DIR' first")
    return found


def open_store(path: str | Path, *, read_only: bool = False, create: bool = False) -> Store:
    """Open a store folder's active generation.  ``create`` opens ``path`` itself as a plain
    Oxigraph store (the builder uses it on its staging copy)."""
    p = Path(path) if create else locate(path)
    try:
        return Store.read_only(str(p)) if read_only else Store(str(p))
    except OSError as e:
        raise InputError(str(path), f"cannot open the store: {e}") from None


def load_ontology(store: Store) -> int:
    graph = NamedNode(ONTOLOGY_IRI)
    store.remove_graph(graph)
    store.load(path=str(resource("ontology") / "hezuo.ttl"), format=RdfFormat.TURTLE, to_graph=graph)
    return sum(1 for _ in store.quads_for_pattern(None, None, None, graph))


def replace_graph(store: Store, graph: NamedNode, quads: list[Quad]) -> None:
    store.remove_graph(graph)
    store.extend(quads)


_PREFIX_DECL = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:")


def with_prefixes(sparql: str) -> str:
    """Declare the usual prefixes (rdfs:, hz:, schema: ...) that a query uses without declaring."""
    declared = set(_PREFIX_DECL.findall(sparql))
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
               if p not in declared and re.search(rf"(?<![\w:<#/]){re.escape(p)}:", sparql)]
    return "\n".join([*missing, sparql]) if missing else sparql


def query(store: Store, sparql: str):
    return store.query(with_prefixes(sparql), use_default_graph_as_union=True)


def format_results(results, fmt: str) -> str:
    """Serialise query results: table (readable), csv, tsv, json; graphs as Turtle."""
    if isinstance(results, QueryBoolean):
        return "true" if bool(results) else "false"
    if isinstance(results, QuerySolutions):
        if fmt == "table":
            return _table(results)
        rf = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}[fmt]
        return results.serialize(format=rf).decode("utf-8")
    triples = sorted(results, key=_triple_key)  # CONSTRUCT / DESCRIBE
    return serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def _table(results: QuerySolutions) -> str:
    from rich.console import Console
    from rich.table import Table

    names = [v.value for v in results.variables]
    table = Table(*names, show_lines=False)
    rows = 0
    for sol in results:
        table.add_row(*(_short(sol[n]) for n in names))
        rows += 1
    buf = io.StringIO()
    Console(file=buf, width=200, force_terminal=False).print(table)
    return buf.getvalue() + f"{rows} row{'s' if rows != 1 else ''}\n"


def _short(term) -> str:
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    return getattr(term, "value", str(term))


def _triple_key(t) -> tuple[str, str, str]:
    return str(t.subject), str(t.predicate), str(t.object)


def _quad_key(q) -> tuple[str, str, str, str]:
    return str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)


def export(store: Store, fmt: ExportFormat, out, graph: str | None = None) -> int:
    """Write the store (or one graph) in a stable order, so the same store gives the same bytes.

    Triple formats get the union of all graphs, each triple once.
    """
    g = NamedNode(graph) if graph else None
    if g is not None and not store.contains_named_graph(g):
        raise InputError(graph, "no such graph in the store")
    quads = store.quads_for_pattern(None, None, None, g)
    if fmt in DATASET_FORMATS:
        items = sorted(quads, key=_quad_key)
    else:
        items = sorted({Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_key)
    serialize(items, out, format=RDF_FORMATS[fmt], prefixes=None if fmt == ExportFormat.jsonld else PREFIXES)
    return len(items)


STATS_QUERY = """
PREFIX hz: <https://w3id.org/hezuo/ontology#>
SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {
  GRAPH ?g { ?e a ?class }
  FILTER(?class IN (hz:Country, hz:Region, hz:Place, hz:Organization, hz:Forum, hz:Meeting, hz:Programme,
                    hz:Project, hz:Person))
  FILTER(?g != <%s>)
} GROUP BY ?class ORDER BY ?class
""" % ONTOLOGY_IRI


def stats(store: Store) -> dict:
    """Documents, quads, mentions and entities per type."""
    def count(q: str) -> int:
        return int(next(iter(store.query(q, use_default_graph_as_union=True)))[0].value)

    per_type = {sol["class"].value.rsplit("#", 1)[1]: int(sol["n"].value) for sol in store.query(STATS_QUERY)}
    return {
        "documents": count("PREFIX hz: <https://w3id.org/hezuo/ontology#> "
                           "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a hz:Document }"),
        "quads": len(store),
        # a mention has one nif:sentence, in its document's graph: counting quads needs no memory
        "mentions": count("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m <%s> ?s } }" % NIF.sentence.value),
        "entities": sum(per_type.values()),
        "entities_per_type": per_type,
    }


__all__ = ["DefaultGraph", "ExportFormat", "Store", "export", "format_results", "load_ontology", "locate", "open_store",
           "query", "replace_graph", "resource", "stats"]
