"""Vocabularies as closed namespaces: a misspelt term is an AttributeError, not a new IRI.

``HZ`` lists every term of ``ontology/hezuo.ttl``; a test checks the two agree.
"""

from __future__ import annotations

from pyoxigraph import NamedNode


class Vocabulary:
    def __init__(self, iri: str, terms: str):
        object.__setattr__(self, "_iri", iri)
        object.__setattr__(self, "_terms", tuple(terms.split()))
        for t in self._terms:
            object.__setattr__(self, t, NamedNode(iri + t))

    def __getattr__(self, name: str) -> NamedNode:
        raise AttributeError(f"{name!r} is not a term of <{self._iri}>")

    def __setattr__(self, name, value):
        raise AttributeError("vocabularies are read-only")

    @property
    def iri(self) -> str:
        return self._iri

    @property
    def terms(self) -> tuple[str, ...]:
        return self._terms


ONTOLOGY_IRI = "https://w3id.org/hezuo/ontology"

HZ = Vocabulary(ONTOLOGY_IRI + "#", """
    Entity Country Region Place Organization Forum Meeting Programme Project Person
    Document Sentence Mention ValueMention MoneyMention PercentMention DateMention PeriodMention CountMention
    key isoAlpha2 isoAlpha3 m49 mentionedIn hasMention partOf ofForum location startDate
    rule amount currency unitText atLeast date periodStart periodEnd duration sentenceIndex
""")
RDF = Vocabulary("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type")
RDFS = Vocabulary("http://www.w3.org/2000/01/rdf-schema#", "label comment")
OWL = Vocabulary("http://www.w3.org/2002/07/owl#", "sameAs")
SKOS = Vocabulary("http://www.w3.org/2004/02/skos/core#", "prefLabel altLabel")
SCHEMA = Vocabulary("http://schema.org/", "name sha256 encodingFormat")
NIF = Vocabulary("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", """
    Context Paragraph superString isString beginIndex endIndex anchorOf referenceContext sentence
""")
ITSRDF = Vocabulary("http://www.w3.org/2005/11/its/rdf#", "taIdentRef taClassRef")
XSD = Vocabulary("http://www.w3.org/2001/XMLSchema#", """
    string decimal boolean nonNegativeInteger gYear gYearMonth date duration
""")

PREFIXES = {
    "hz": HZ.iri,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "owl": OWL.iri,
    "xsd": XSD.iri,
    "skos": SKOS.iri,
    "schema": SCHEMA.iri,
    "nif": NIF.iri,
    "itsrdf": ITSRDF.iri,
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "wd": "http://www.wikidata.org/entity/",
}

ENTITY_CLASS = {
    "COUNTRY": HZ.Country, "REGION": HZ.Region, "PLACE": HZ.Place, "ORG": HZ.Organization,
    "FORUM": HZ.Forum, "MEETING": HZ.Meeting, "PROGRAMME": HZ.Programme, "PROJECT": HZ.Project,
    "PERSON": HZ.Person,
}
VALUE_CLASS = {
    "MONEY": HZ.MoneyMention, "PERCENT": HZ.PercentMention, "DATE": HZ.DateMention,
    "PERIOD": HZ.PeriodMention, "COUNT": HZ.CountMention,
}
