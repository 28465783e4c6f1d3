"""The ontology is OWL in Turtle, ties every term to a well-known vocabulary, and matches kg.vocab."""

from __future__ import annotations

import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from conftest import ROOT
from kg.rdf.vocab import ENTITY_CLASS, HZ, ONTOLOGY_IRI

ONTO = rdflib.Graph().parse(ROOT / "ontology" / "hezuo.ttl")
HZNS = ONTOLOGY_IRI + "#"
EXTERNAL = ("http://schema.org/", "http://www.w3.org/ns/prov#", "http://www.w3.org/ns/org#",
            "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", "http://xmlns.com/foaf/0.1/",
            "http://www.w3.org/2004/02/skos/core#")


def defined(kind) -> set[str]:
    return {str(s)[len(HZNS):] for s in ONTO.subjects(RDF.type, kind) if str(s).startswith(HZNS)}


def test_vocab_module_and_ontology_define_the_same_terms():
    terms = {str(s)[len(HZNS):] for s in ONTO.subjects(RDF.type, None) if str(s).startswith(HZNS)}
    assert set(HZ.terms) == terms


def test_misspelt_term_is_an_error():
    try:
        HZ.Contry  # noqa: B018
    except AttributeError as e:
        assert "Contry" in str(e)
    else:
        raise AssertionError("a misspelt term must not make a new IRI")


def test_every_entity_class_is_a_subclass_of_a_schema_org_class():
    for cls in ENTITY_CLASS.values():
        supers = {str(o) for o in ONTO.transitive_objects(rdflib.URIRef(cls.value), RDFS.subClassOf)}
        assert any(s.startswith("http://schema.org/") and s != "http://schema.org/Thing" for s in supers), cls


def test_every_class_has_an_external_superclass_and_labels_in_two_languages():
    for name in defined(OWL.Class):
        node = rdflib.URIRef(HZNS + name)
        supers = {str(o) for o in ONTO.transitive_objects(node, RDFS.subClassOf)}
        assert any(s.startswith(EXTERNAL) for s in supers), name
        langs = {lit.language for lit in ONTO.objects(node, RDFS.label)}
        assert {"en", "zh"} <= langs, name


def test_required_classes_exist():
    for name in ("Country", "Region", "Place", "Organization", "Forum", "Meeting", "Programme", "Project",
                 "Person", "Document"):
        assert name in defined(OWL.Class)
