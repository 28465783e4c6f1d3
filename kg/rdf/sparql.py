"""SPARQL text and parameters, without a store: the usual prefixes a query may leave out, SERVICE IRIs pointed at
other endpoints, ``--param`` values as RDF terms, and query results as text.

Terms only: nothing here opens a Store (kg.store.core.query runs the query).
"""

from __future__ import annotations

import io
import re

from pyoxigraph import Literal, NamedNode, QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

from kg.errors import ParameterError
from kg.rdf.vocab import PREFIXES, shorten


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
            raise ParameterError("service_map", f"expected SERVICE_IRI=ENDPOINT_URL, got {pair!r}")
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
        raise ParameterError("param", f"not a valid RDF term {value!r}: {e}") from None


def parse_params(specs: list[str] | None) -> dict[str, NamedNode | Literal]:
    """``name=value`` pairs (from ``--param``) -> {name: term}."""
    params: dict[str, NamedNode | Literal] = {}
    for spec in specs or ():
        name, sep, value = spec.partition("=")
        name = name.strip().lstrip("?$")
        if not sep or not _PARAM_NAME.match(name):
            raise ParameterError("param", f"expected NAME=VALUE, got {spec!r}")
        if name in params:
            raise ParameterError("param", f"{name} given twice")
        params[name] = parse_term(value)
    return params


def format_results(results, fmt: str) -> str:
    """Serialise query results: table (readable), csv, tsv, json; graphs as Turtle."""
    if isinstance(results, QueryBoolean):
        return "true" if bool(results) else "false"
    if isinstance(results, QuerySolutions):
        if fmt == "table":
            return _table(results)
        rf = {"csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV, "json": QueryResultsFormat.JSON}[fmt]
        return results.serialize(format=rf).decode("utf-8")
    triples = sorted(results, key=triple_key)  # CONSTRUCT / DESCRIBE
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


def triple_key(t) -> tuple[str, str, str]:
    """A sort key of a triple (or a quad's triple) that gives the same order on every run."""
    return str(t.subject), str(t.predicate), str(t.object)
