"""Export dispatch: the store (or one graph) in an RDF format, byte-identical for the same store, or the
GCDF-shaped CSV.  Kept apart from kg.store.core so that core imports neither gcdf nor jsonld (gcdf queries
through core: no import cycle)."""

from __future__ import annotations

from enum import Enum

from pyoxigraph import NamedNode, RdfFormat, Store, Triple, serialize

from kg.errors import InputError
from kg.rdf import jsonld
from kg.rdf.sparql import triple_key
from kg.rdf.vocab import PREFIXES
from kg.store import gcdf


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
        return gcdf.write_csv(store, out)
    quads = store.quads_for_pattern(None, None, None, g)
    if fmt == ExportFormat.jsonld:  # compacted with ontology/context.jsonld
        items = list(quads)
        jsonld.write(items, out)
        return len(items)
    if fmt in DATASET_FORMATS:
        items = sorted(quads, key=_quad_key)
    else:
        items = sorted({Triple(q.subject, q.predicate, q.object) for q in quads}, key=triple_key)
    serialize(items, out, format=RDF_FORMATS[fmt], prefixes=PREFIXES)
    return len(items)
