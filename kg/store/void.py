"""A VoID / DCAT description of the built dataset, in its own named graph ``{base}void``.

It says how many triples the other graphs hold (summed over the graphs), how many entities each class has
(``void:classPartition``), one ``void:Linkset`` per link target (Wikidata, GeoNames, DBpedia)
with its size, the source documents, the date and the tool version.  ``kg build`` and
``kg link`` rewrite it.  No spaCy or jieba here.

The date is ``$SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/)
when it is set, else today (UTC): set it and the same input gives byte-identical exports.
"""

from __future__ import annotations

import os
from datetime import datetime, timezone

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg import __version__
from kg.rdf.mapper import DEFAULT_BASE, IRIs
from kg.model import InputError
from kg.store import Census, census, replace_graph
from kg.rdf.vocab import (DCAT, DCTERMS, ENTITY_CLASS, HZ, LINK_TARGETS, NIF, OWL, PROV, RDF, RDFS, SCHEMA,
                    VOID, XSD)

# The datasets links point into: IRI, title, URI space, SPARQL endpoint
LINK_DATASETS = {
    "wikidata": ("https://www.wikidata.org/", "Wikidata", "https://query.wikidata.org/sparql"),
    "geonames": ("https://www.geonames.org/", "GeoNames", None),
    "dbpedia": ("https://dbpedia.org/", "DBpedia", "https://dbpedia.org/sparql"),
}
VOCABULARIES = (HZ.iri, NIF.iri, "http://www.w3.org/2005/11/its/rdf#", SCHEMA.iri, OWL.iri, PROV.iri)
_INTEGER = XSD.integer


def void_graph(base: str = DEFAULT_BASE) -> NamedNode:
    return NamedNode(IRIs(base).base + "void")


def dataset_iri(base: str = DEFAULT_BASE) -> NamedNode:
    return NamedNode(IRIs(base).base + "dataset")


def build_date() -> str:
    """``$SOURCE_DATE_EPOCH`` as a UTC date when set, else today's UTC date (YYYY-MM-DD)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), timezone.utc).date().isoformat()
        except (ValueError, OverflowError, OSError):
            raise InputError("SOURCE_DATE_EPOCH", f"not a number of seconds since 1970: {epoch!r}") from None
    return datetime.now(timezone.utc).date().isoformat()


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=_INTEGER)


def tool_iri(base: str = DEFAULT_BASE) -> NamedNode:
    """hezuo-kg itself, the agent of the build and of ``kg link``."""
    return NamedNode(dataset_iri(base).value + "#hezuo-kg")


def describe(store: Store, base: str = DEFAULT_BASE, counted: Census | None = None) -> list[Quad]:
    """The description of everything in the store except the description itself (``counted``: the
    store's census, when the caller has made it; the description holds none of what it counts)."""
    g = void_graph(base)
    ds = dataset_iri(base)
    out: list[Quad] = []

    def add(s, p, o):
        out.append(Quad(s, p, o, g))

    # the statements of every graph but this one: a triple stated in two graphs counts twice, as in the
    # union default graph that queries see.  Counting distinct triples would hash every triple of the
    # store (memory growing with the corpus: ~1 GB at 5 M quads); this is a count of index keys.
    triples = len(store) - sum(1 for _ in store.quads_for_pattern(None, None, None, g))
    c = counted or census(store)
    docs, per_class, links = c.documents, c.entities_per_class, c.links

    add(ds, RDF.type, VOID.Dataset)
    add(ds, RDF.type, DCAT.Dataset)
    add(ds, DCTERMS.title, Literal("hezuo-kg knowledge graph", language="en"))
    add(ds, DCTERMS.title, Literal("合作知识图谱", language="zh"))
    add(ds, DCTERMS.description, Literal(
        "Entities and values named in Chinese policy documents on international development cooperation, "
        "with provenance to sentences and character offsets, linked to Wikidata, GeoNames and DBpedia.",
        language="en"))
    add(ds, DCTERMS.modified, Literal(build_date(), datatype=XSD.date))
    add(ds, VOID.uriSpace, Literal(IRIs(base).base))
    for vocabulary in VOCABULARIES:
        add(ds, VOID.vocabulary, NamedNode(vocabulary))
    add(ds, VOID.triples, _int(triples))
    add(ds, VOID.entities, _int(sum(per_class.values())))
    add(ds, VOID.documents, _int(len(docs)))
    for doc in docs:
        add(ds, DCTERMS.source, NamedNode(doc))

    for cls in ENTITY_CLASS.values():
        part = NamedNode(f"{ds.value}#class-{cls.value.rsplit('#', 1)[1]}")
        add(ds, VOID.classPartition, part)
        add(part, getattr(VOID, "class"), cls)  # `class` is a Python keyword
        add(part, VOID.entities, _int(per_class.get(cls.value, 0)))

    for target, (iri, title, endpoint) in LINK_DATASETS.items():
        target_ds = NamedNode(iri)
        linkset = NamedNode(f"{ds.value}#links-{target}")
        add(ds, VOID.subset, linkset)
        add(linkset, RDF.type, VOID.Linkset)
        add(linkset, VOID.linkPredicate, OWL.sameAs)
        add(linkset, VOID.subjectsTarget, ds)
        add(linkset, VOID.objectsTarget, target_ds)
        add(linkset, VOID.triples, _int(links[target]))
        add(target_ds, RDF.type, VOID.Dataset)
        add(target_ds, DCTERMS.title, Literal(title, language="en"))
        add(target_ds, VOID.uriSpace, Literal(LINK_TARGETS[target]))
        if endpoint:
            add(target_ds, VOID.sparqlEndpoint, NamedNode(endpoint))

    build = NamedNode(f"{ds.value}#build")
    tool = tool_iri(base)
    add(ds, PROV.wasGeneratedBy, build)
    add(build, RDF.type, PROV.Activity)
    add(build, PROV.wasAssociatedWith, tool)
    for doc in docs:
        add(build, PROV.used, NamedNode(doc))
    add(tool, RDF.type, PROV.SoftwareAgent)
    add(tool, RDFS.label, Literal("hezuo-kg", language="en"))
    add(tool, SCHEMA.softwareVersion, Literal(__version__))
    return out


def update(store: Store, base: str = DEFAULT_BASE, counted: Census | None = None) -> int:
    """Rewrite the description graph; returns its number of triples."""
    quads = describe(store, base, counted)
    replace_graph(store, void_graph(base), quads)
    return len(quads)
