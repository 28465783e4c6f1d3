"""The on-disk pyoxigraph store: write document graphs, query, export, count.

No spaCy or jieba here (``kg query`` and ``kg serve`` start fast).
"""

from __future__ import annotations

import io
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from urllib.parse import unquote

from pyoxigraph import (DefaultGraph, Literal, NamedNode, Quad, QueryBoolean, QueryResultsFormat, QuerySolutions,
                        RdfFormat, Store, Triple, Variable, serialize)

from kg.store import folder as storedir
from kg.resources import resource
from kg.model import InputError
from kg.rdf.vocab import ENTITY_CLASS, HZ, LINK_TARGETS, NIF, ONTOLOGY_IRI, OWL, PREFIXES, RDF, link_target, shorten



class ExportFormat(str, Enum):
    turtle = "turtle"
    ntriples = "ntriples"
    nquads = "nquads"
    trig = "trig"
    jsonld = "jsonld"
    gcdf_csv = "gcdf-csv"


RDF_FORMATS = {
    ExportFormat.turtle: RdfFormat.TURTLE, ExportFormat.ntriples: RdfFormat.N_TRIPLES,
    ExportFormat.nquads: RdfFormat.N_QUADS, ExportFormat.trig: RdfFormat.TRIG,
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


WRITE_BATCH = 100_000


def replace_graph(store: Store, graph: NamedNode, quads: Iterable[Quad]) -> int:
    """Replace a named graph with ``quads`` (a list or a stream), written in batches so a
    large graph does not build one huge transaction in memory.  Returns the number of quads given."""
    store.remove_graph(graph)
    n = 0
    for batch in _batched(quads):
        store.extend(batch)
        n += len(batch)
    return n


def _batched(items: Iterable[Quad]) -> Iterator[list[Quad]]:
    it = iter(items)
    while batch := list(itertools.islice(it, WRITE_BATCH)):
        yield batch


_PREFIX_DECL = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:")


_IRI_OR_STRING = re.compile(r'<[^<>"{}|^`\\\s]*>|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'')


def with_prefixes(sparql: str) -> str:
    """Declare the usual prefixes (rdfs:, hz:, schema: ...) that a query uses without declaring."""
    declared = set(_PREFIX_DECL.findall(sparql))
    code = _IRI_OR_STRING.sub(" ", sparql)  # prefixes are looked for outside <IRIs> and "strings"
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items()
               if p not in declared and re.search(rf"(?<![\w:.-]){re.escape(p)}:", code)]
    return "\n".join([*missing, sparql]) if missing else sparql


_SERVICE = re.compile(r"(?i)(\bSERVICE\s+(?:SILENT\s+)?)<([^<>\s]*)>")


def parse_service_map(pairs: list[str] | None) -> dict[str, str]:
    """``["https://query.wikidata.org/sparql=http://127.0.0.1:7879/query", ...]`` as a dict."""
    out = {}
    for pair in pairs or []:
        iri, sep, url = pair.partition("=")
        if not sep or not re.match(r"^[a-z][a-z0-9+.-]*://\S+$", iri) or not re.match(r"^https?://\S+$", url):
            raise InputError("--service-map", f"expected SERVICE_IRI=ENDPOINT_URL, got {pair!r}")
        out[iri] = url
    return out


def map_services(sparql: str, service_map: dict[str, str] | None) -> str:
    """Point ``SERVICE <iri>`` at another endpoint: only the IRIs right after SERVICE change."""
    if not service_map:
        return sparql
    return _SERVICE.sub(lambda m: f"{m[1]}<{service_map.get(m[2], m[2])}>", sparql)


_PARAM_NAME = re.compile(r"^[A-Za-z_][\w]*$")
_LITERAL = re.compile(r'^"(?P<text>.*)"(?:@(?P<lang>[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*)'
                      r'|\^\^(?:<(?P<dt>[^<>"\s]*)>|(?P<dtp>[A-Za-z][\w.-]*):(?P<dtl>[\w.-]*)))?$', re.S)
_PREFIXED = re.compile(r"^(?P<p>[A-Za-z][\w.-]*):(?P<l>[\w.-]*)$")
_INTEGER = re.compile(r"^[+-]?[0-9]+$")
_DECIMAL = re.compile(r"^[+-]?[0-9]*\.[0-9]+$")
XSD_NS = "http://www.w3.org/2001/XMLSchema#"


def parse_term(value: str) -> NamedNode | Literal:
    """A parameter value as an RDF term (never spliced into SPARQL text):

    ``<http://...>`` an IRI; ``wd:Q843``, ``hz:Country`` an IRI with a known prefix;
    ``"text"``, ``"text"@zh``, ``"2018"^^xsd:gYear`` or ``"..."^^<iri>`` a literal (everything
    between the first and the last double quote, as it is); ``42`` an xsd:integer; ``4.5``
    an xsd:decimal; anything else a plain string (xsd:string), e.g. ``中国``.
    """
    try:
        if value.startswith("<") and value.endswith(">") and len(value) > 2:
            return NamedNode(value[1:-1])
        m = _LITERAL.match(value)
        if m:
            if m["lang"]:
                return Literal(m["text"], language=m["lang"].lower())
            if m["dt"] is not None:
                return Literal(m["text"], datatype=NamedNode(m["dt"]))
            if m["dtp"] is not None:
                if m["dtp"] not in PREFIXES:
                    raise ValueError(f"unknown prefix {m['dtp']}:")
                return Literal(m["text"], datatype=NamedNode(PREFIXES[m["dtp"]] + m["dtl"]))
            return Literal(m["text"])
        m = _PREFIXED.match(value)
        if m and m["p"] in PREFIXES:
            return NamedNode(PREFIXES[m["p"]] + m["l"])
        if _INTEGER.match(value):
            return Literal(value, datatype=NamedNode(XSD_NS + "integer"))
        if _DECIMAL.match(value):
            return Literal(value, datatype=NamedNode(XSD_NS + "decimal"))
        return Literal(value)
    except ValueError as e:
        raise InputError("--param", f"not a valid RDF term {value!r}: {e}") from None


def parse_params(specs: list[str] | None) -> dict[str, NamedNode | Literal]:
    """``name=value`` pairs (from ``--param``) -> {name: term}."""
    params: dict[str, NamedNode | Literal] = {}
    for spec in specs or ():
        name, sep, value = spec.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _PARAM_NAME.match(name):
            raise InputError("--param", f"expected NAME=VALUE, got {spec!r}")
        if name in params:
            raise InputError("--param", f"{name} given twice")
        params[name] = parse_term(value)
    return params


def query(store: Store, sparql: str, service_map: dict[str, str] | None = None,
          params: dict[str, NamedNode | Literal] | None = None):
    """Run SPARQL over the union of all graphs.  ``SERVICE`` clauses are sent by pyoxigraph's own HTTP
    client (each SERVICE pattern goes to the endpoint as it is written, not joined with bindings);
    ``service_map`` points a SERVICE IRI at another endpoint.  ``params`` bind variables to terms
    through pyoxigraph's substitutions (SPARQL SEP-0007): values are data, never query text."""
    text = map_services(with_prefixes(sparql), service_map)
    substitutions = None
    if params:
        for name in params:
            if not re.search(rf"[?$]{re.escape(name)}(?!\w)", text):
                raise InputError(f"--param {name}", f"the query has no variable ?{name}")
        substitutions = {Variable(name): term for name, term in params.items()}
    try:
        return store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
    except RuntimeError as e:
        if substitutions and "projection" in str(e):
            raise InputError("--param", "a SELECT query must select every parameter to bind it "
                                        f"(SELECT ?{' ?'.join(params)} ... or SELECT *)") from None
        raise


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
        return shorten(term.value)
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
    if fmt == ExportFormat.gcdf_csv:
        from kg.store.gcdf import write_csv
        return write_csv(store, out)
    quads = store.quads_for_pattern(None, None, None, g)
    if fmt == ExportFormat.jsonld:  # compacted with ontology/context.jsonld
        from kg.rdf import jsonld

        items = list(quads)
        jsonld.write(items, out)
        return len(items)
    if fmt in DATASET_FORMATS:
        items = sorted(quads, key=_quad_key)
    else:
        items = sorted({Triple(q.subject, q.predicate, q.object) for q in quads}, key=_triple_key)
    serialize(items, out, format=RDF_FORMATS[fmt], prefixes=PREFIXES)
    return len(items)


def link_counts(store: Store) -> dict[str, int]:
    """owl:sameAs links per target (wikidata, geonames, dbpedia), each entity-target pair once."""
    pairs = {(q.subject, q.object) for q in store.quads_for_pattern(None, OWL.sameAs, None)
             if isinstance(q.object, NamedNode)}
    counts = dict.fromkeys(LINK_TARGETS, 0)
    for _, o in pairs:
        target = link_target(o.value)
        if target:
            counts[target] += 1
    return counts


@dataclass(frozen=True)
class Census:
    """What the store holds, counted once per build for both the statistics and the dataset description."""
    documents: tuple[str, ...]  # document IRIs, sorted
    entities_per_class: dict[str, int]  # class IRI -> entities of that class
    links: dict[str, int]  # link target -> entity-target pairs
    mentions: int


def census(store: Store) -> Census:
    """Count documents, entities per class (outside the ontology), links and mentions."""
    docs = sorted(q.subject.value for q in store.quads_for_pattern(None, RDF.type, HZ.Document)
                  if q.graph_name == q.subject)
    per_class = {sol["class"].value: int(sol["n"].value) for sol in store.query(
        f"SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE {{ GRAPH ?g {{ ?e a ?class }} "
        f"FILTER(?class IN ({', '.join(f'<{c.value}>' for c in ENTITY_CLASS.values())})) "
        f"FILTER(?g != <{ONTOLOGY_IRI}>) }} GROUP BY ?class")}
    # a mention has one nif:sentence, in its document's graph: counting quads needs no memory
    mentions = int(next(iter(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?m <%s> ?s } }" % NIF.sentence.value)))[0].value)
    return Census(tuple(docs), per_class, link_counts(store), mentions)


def stats(store: Store, counted: Census | None = None) -> dict:
    """Documents, quads, mentions, entities per type and links per target (``counted``: the store's
    census, when the caller has made it)."""
    c = counted or census(store)
    per_type = {cls.rsplit("#", 1)[1]: n for cls, n in sorted(c.entities_per_class.items())}
    return {
        "documents": len(c.documents),
        "quads": len(store),
        "mentions": c.mentions,
        "entities": sum(per_type.values()),
        "entities_per_type": per_type,
        "links": dict(c.links),
    }


def refresh_entities(store: Store, mapper) -> int:
    """Rewrite the entities graph from the entities the documents mention (so an incremental build
    leaves the same graph as a fresh one).  Returns the number of quads written."""
    type_of = {v.value: k for k, v in ENTITY_CLASS.items()}
    keys = []
    rows = store.query("""
        PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
        SELECT DISTINCT ?e ?class WHERE { GRAPH ?g { ?m itsrdf:taIdentRef ?e ; itsrdf:taClassRef ?class } }""")
    base = mapper.iris.base
    for sol in rows:
        iri, cls = sol["e"].value, sol["class"].value
        if iri.startswith(base) and cls in type_of:
            keys.append((unquote(iri[len(base):]), type_of[cls]))
    return replace_graph(store, mapper.iris.entities_graph(), mapper.describe(keys))


__all__ = ["Census", "DefaultGraph", "ExportFormat", "Store", "census", "export", "format_results", "link_counts",
           "load_ontology", "locate", "map_services", "open_store", "parse_params", "parse_service_map", "parse_term",
           "query", "refresh_entities", "replace_graph", "resource", "stats"]
