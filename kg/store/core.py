"""The on-disk pyoxigraph store: write document graphs, query, export, count.

No spaCy or jieba here (``kg query`` and ``kg serve`` start fast).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Store, Variable

from kg.errors import InputError, ParameterError
from kg.rdf.sparql import (format_results, map_services, parse_params, parse_service_map, parse_term, with_prefixes)
from kg.rdf.vocab import ENTITY_CLASS, HZ, LINK_TARGETS, NIF, ONTOLOGY_IRI, OWL, RDF, link_target
from kg.resources import resource
from kg.store import folder as storedir


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
                raise ParameterError("param", f"the query has no variable ?{name}", item=name)
        substitutions = {Variable(name): term for name, term in params.items()}
    try:
        return store.query(text, use_default_graph_as_union=True, substitutions=substitutions)
    except RuntimeError as e:
        if substitutions and "projection" in str(e):
            raise ParameterError("param", "a SELECT query must select every parameter to bind it "
                                        f"(SELECT ?{' ?'.join(params)} ... or SELECT *)") from None
        raise


def language_tags(store: Store, text: str, limit: int = 5) -> list[str]:
    """The languages in which ``text`` is a label (``rdfs:label``) in the store: a plain string ``"巴基斯坦"``
    matches none of the language-tagged ones (``"巴基斯坦"@zh``)."""
    rows = store.query(
        "SELECT DISTINCT (LANG(?o) AS ?lang) WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?o "
        f"FILTER(isLiteral(?o) && LANG(?o) != \"\" && STR(?o) = {Literal(text)}) }} ORDER BY ?lang LIMIT {int(limit)}",
        use_default_graph_as_union=True)  # the text written by Oxigraph (escaped), not pasted
    return [sol["lang"].value for sol in rows]


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


__all__ = ["Census", "DefaultGraph", "Store", "census", "format_results", "link_counts",
           "language_tags", "load_ontology", "locate", "map_services", "open_store", "parse_params", "parse_service_map", "parse_term",
           "query", "refresh_entities", "replace_graph", "resource", "stats"]
