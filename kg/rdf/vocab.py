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
    Document Sentence Mention ValueMention MoneyMention PercentMention DateMention PeriodMention CountMention Link
    key isoAlpha2 isoAlpha3 m49 mentionedIn hasMention partOf ofForum location startDate
    rule amount currency unitText atLeast date periodStart periodEnd duration sentenceIndex
    Fact Pledge AidStatistic Partnership AidDelivery Founding MeetingReport Affiliation ProjectReport Component ProgrammeReport Clause FlowType
    evidence announcedBy announcedAt moneyAmount count period share sharePercent programme recipient deliverable
    deliverableText beneficiaryText flowType iatiFinanceType iatiTransactionType interestRate purpose counts region
    asOf partner body foundingDate parentOrganization meeting recipientCountry
    FlowTypes Grant InterestFreeLoan ConcessionalLoan DebtRelief
    score method matchedLabel
""")
IATI_TRANSACTION = "https://w3id.org/hezuo/iati/TransactionType/"
RDF = Vocabulary("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "type Statement subject predicate object")
RDFS = Vocabulary("http://www.w3.org/2000/01/rdf-schema#", "label comment")
OWL = Vocabulary("http://www.w3.org/2002/07/owl#", "sameAs")
SKOS = Vocabulary("http://www.w3.org/2004/02/skos/core#", "prefLabel altLabel Concept")
SCHEMA = Vocabulary("http://schema.org/", "name sha256 softwareVersion encodingFormat containedInPlace")
NIF = Vocabulary("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#", """
    Context Paragraph String superString isString beginIndex endIndex anchorOf referenceContext sentence
""")
ITSRDF = Vocabulary("http://www.w3.org/2005/11/its/rdf#", "taIdentRef taClassRef")
XSD = Vocabulary("http://www.w3.org/2001/XMLSchema#", """
    string decimal boolean integer nonNegativeInteger gYear gYearMonth date duration gMonthDay gMonth gDay
""")
PROV = Vocabulary("http://www.w3.org/ns/prov#", """
    Activity SoftwareAgent wasGeneratedBy wasAssociatedWith wasDerivedFrom used
""")
VOID = Vocabulary("http://rdfs.org/ns/void#", """
    Dataset Linkset triples entities documents classPartition class subset linkPredicate subjectsTarget
    objectsTarget uriSpace vocabulary sparqlEndpoint
""")
DCTERMS = Vocabulary("http://purl.org/dc/terms/", "title description modified source")
DCAT = Vocabulary("http://www.w3.org/ns/dcat#", "Dataset")

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
    "prov": PROV.iri,
    "org": "http://www.w3.org/ns/org#",
    "void": VOID.iri,
    "dcterms": DCTERMS.iri,
    "dcat": DCAT.iri,
    "wd": "http://www.wikidata.org/entity/",
    "wdt": "http://www.wikidata.org/prop/direct/",
}

# Where owl:sameAs links point, by target: the namespace every link IRI of that target starts with
LINK_TARGETS = {
    "wikidata": "http://www.wikidata.org/entity/",
    "geonames": "https://sws.geonames.org/",
    "dbpedia": "http://dbpedia.org/resource/",
}



def shorten(iri: str) -> str:
    """``prefix:name`` for an IRI in one of ``PREFIXES``, else the IRI itself."""
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def link_target(iri: str) -> str | None:
    """The link target (``wikidata``, ``geonames``, ``dbpedia``) an IRI points into, or None."""
    for target, ns in LINK_TARGETS.items():
        if iri.startswith(ns):
            return target
    return None


ENTITY_CLASS = {
    "COUNTRY": HZ.Country, "REGION": HZ.Region, "PLACE": HZ.Place, "ORG": HZ.Organization,
    "FORUM": HZ.Forum, "MEETING": HZ.Meeting, "PROGRAMME": HZ.Programme, "PROJECT": HZ.Project,
    "PERSON": HZ.Person,
}
VALUE_CLASS = {
    "MONEY": HZ.MoneyMention, "PERCENT": HZ.PercentMention, "DATE": HZ.DateMention,
    "PERIOD": HZ.PeriodMention, "COUNT": HZ.CountMention,
}
