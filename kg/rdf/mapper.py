"""Model -> RDF quads against ``ontology/hezuo.ttl``.  Knows nothing of spaCy or jieba.

One named graph per document, named by the document IRI.  IRIs are deterministic:
entities ``{base}{key}``, documents ``{base}doc/{id}``, sentences and mentions
``{document}#char={start},{end}`` (RFC 5147 / NIF offsets into the original text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from kg.extract.lexicon import Entry, Lexicon
from kg.ingest import visible
from kg.model import Document, Fact, Mention
from kg.rdf.vocab import (ENTITY_CLASS, HZ, IATI_TRANSACTION, ITSRDF, LINK_TARGETS, NIF, OWL, RDF, RDFS, SCHEMA, SKOS,
                    VALUE_CLASS, XSD)

FACT_CLASS = {"Pledge": HZ.Pledge, "AidStatistic": HZ.AidStatistic, "Partnership": HZ.Partnership,
              "AidDelivery": HZ.AidDelivery, "Founding": HZ.Founding, "MeetingReport": HZ.MeetingReport,
              "Affiliation": HZ.Affiliation, "ProjectReport": HZ.ProjectReport, "Component": HZ.Component,
              "ProgrammeReport": HZ.ProgrammeReport}
# an event's roles are named after the annotation guide's predicates (announced_by, part_of ...) or
# say what the event is about (programme, meeting, body, deliverable, theme); each becomes one property
ROLE_PROPERTY = {
    "announced_by": HZ.announcedBy, "announced_at": HZ.announcedAt, "period": HZ.period, "share": HZ.share,
    "programme": HZ.programme, "project": HZ.programme, "recipient": HZ.recipient, "deliverable": HZ.deliverable, "partner": HZ.partner,
    "body": HZ.body, "parent": HZ.parentOrganization, "meeting": HZ.meeting, "location": HZ.location,
    "region": HZ.region,
}
# roles whose property depends on the value that fills them: a sum, a number or a share
VALUE_ROLE_PROPERTY = {"MONEY": HZ.moneyAmount, "COUNT": HZ.count, "PERCENT": HZ.share}
FLOW_CONCEPT = {"grant": HZ.Grant, "interest-free-loan": HZ.InterestFreeLoan, "concessional-loan": HZ.ConcessionalLoan,
                "debt-relief": HZ.DebtRelief}

DEFAULT_BASE = "https://w3id.org/hezuo/id/"

LINK_IRIS = {  # lexicon id -> link IRI, per target
    "wikidata": LINK_TARGETS["wikidata"] + "{}",
    "geonames": LINK_TARGETS["geonames"] + "{}/",
    "dbpedia": "{}",  # the lexicon holds the whole IRI
}
_ASCII = re.compile(r"^[\x20-\x7e]*$")


_PLAIN = re.compile(r"[A-Za-z0-9/_.~-]*")


def _iri_part(text: str) -> str:
    # IRIs may hold non-ASCII letters; quote only what an IRI forbids
    if _PLAIN.fullmatch(text):
        return text
    return "".join(c if ord(c) > 127 and not c.isspace() else quote(c, safe="/-_.~") for c in text)


class IRIs:
    def __init__(self, base: str = DEFAULT_BASE):
        if not re.match(r"^[a-z][a-z0-9+.-]*://\S+[/#]$", base):
            raise ValueError(f"base IRI must be absolute and end in / or #: {base!r}")
        self.base = base
        self._last: tuple[str | None, str] = (None, "")
        self._entities: dict[str, NamedNode] = {}

    def entity(self, key: str) -> NamedNode:
        node = self._entities.get(key)
        if node is None:
            node = NamedNode(self.base + _iri_part(key))
            if len(self._entities) < 100_000:  # the lexicon's entities and the common rule names
                self._entities[key] = node
        return node

    def document(self, doc_id: str) -> NamedNode:
        return NamedNode(self._document(doc_id))

    def _document(self, doc_id: str) -> str:
        if self._last[0] != doc_id:
            self._last = (doc_id, self.base + "doc/" + _iri_part(doc_id))
        return self._last[1]

    def entities_graph(self) -> NamedNode:
        """The one graph that describes every entity (type, labels, links), whatever document names it."""
        return NamedNode(self.base + "entities")

    def span(self, doc_id: str, start: int, end: int) -> NamedNode:
        return NamedNode(f"{self._document(doc_id)}#char={start},{end}")


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.integer)  # Oxigraph stores xsd:nonNegativeInteger as xsd:integer


def date_literal(value: str) -> Literal:
    if value.startswith("--"):  # a date the text gives without its year: --08-29, --09, ---12
        kind = XSD.gDay if value.startswith("---") else XSD.gMonthDay if len(value) == 7 else XSD.gMonth
    else:
        kind = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.string)
    return Literal(value, datatype=kind)


def lang_label(text: str) -> Literal:
    return Literal(text, language="en" if _ASCII.match(text) else "zh")


# The text of a document longer than this many characters is given in parts of at most this many: no literal
# is over ~6 MB in N-Quads (4 bytes a character, 6 for an escaped one), far below the 16 MiB that Oxigraph's
# parsers take in one token (a 50 MB document as one nif:isString could not be loaded, nor its export read back).
TEXT_PART = 1_000_000


def text_triples(iris: IRIs, doc: Document) -> Iterator[tuple]:
    """The document's text: ``nif:isString`` on the document (the NIF context), or, for a text over
    ``TEXT_PART`` characters, consecutive ``nif:String`` parts ``<doc#char=a,b>`` of the context with their
    ``nif:beginIndex``/``nif:endIndex`` and the text as ``nif:anchorOf``; every offset still points into the
    whole text, which is the parts in the order of their ``nif:beginIndex``."""
    g = iris.document(doc.id)
    text = doc.text
    if len(text) <= TEXT_PART:
        yield g, NIF.isString, Literal(text)
        return
    for start in range(0, len(text), TEXT_PART):
        end = min(start + TEXT_PART, len(text))
        node = iris.span(doc.id, start, end)
        yield node, RDF.type, NIF.String
        yield node, NIF.referenceContext, g
        yield node, NIF.beginIndex, _int(start)
        yield node, NIF.endIndex, _int(end)
        yield node, NIF.anchorOf, Literal(text[start:end])


class Mapper:
    def __init__(self, lexicon: Lexicon, base: str = DEFAULT_BASE):
        self.lexicon = lexicon
        self.iris = IRIs(base)

    def document(self, doc: Document) -> list[Quad]:
        """The document's quads, in order and without repeats."""
        g = self.iris.document(doc.id)
        return [Quad(s, p, o, g) for s, p, o in dict.fromkeys(self.triples(doc))]

    def nquads(self, doc: Document) -> Iterator[str]:
        """The document's quads as N-Quads lines, in order; a line may repeat.  Each term is
        written in its own N-Triples form by Oxigraph (``str``), so escaping is Oxigraph's; this
        is the build's path: making a ``Quad`` object costs ten times as much as the line."""
        g = str(self.iris.document(doc.id))
        for s, p, o in self.triples(doc):
            yield f"{s} {p} {o} {g} .\n"

    def triples(self, doc: Document) -> Iterator[tuple]:
        """The ``(subject, predicate, object)`` of the document's graph as a stream (a long
        document is never held all at once); a triple may repeat."""
        g = self.iris.document(doc.id)
        out: list[tuple] = []  # flushed after each paragraph, sentence and mention
        linked: set[str] = set()

        def add(s, p, o):
            out.append((s, p, o))

        add(g, RDF.type, HZ.Document)
        add(g, RDF.type, NIF.Context)
        add(g, SCHEMA.name, Literal(doc.title))
        add(g, RDFS.label, lang_label(doc.title))
        add(g, SCHEMA.sha256, Literal(doc.sha256))
        add(g, SCHEMA.encodingFormat, Literal(f"{doc.media_type}; charset={doc.encoding}"))
        add(g, NIF.beginIndex, _int(0))
        add(g, NIF.endIndex, _int(len(doc.text)))
        for s, p, o in text_triples(self.iris, doc):  # nif:isString, or the parts of a long text
            add(s, p, o)
            yield from out
            out.clear()
        paragraph_node = {}
        for p in doc.paragraphs:
            node = paragraph_node[p.index] = self.iris.span(doc.id, p.start, p.end)
            add(node, RDF.type, NIF.Paragraph)
            add(node, NIF.referenceContext, g)
            add(node, NIF.beginIndex, _int(p.start))
            add(node, NIF.endIndex, _int(p.end))
            yield from out
            out.clear()
        for s in doc.sentences:
            node = self.iris.span(doc.id, s.start, s.end)
            add(node, RDF.type, HZ.Sentence)
            if s.paragraph in paragraph_node and paragraph_node[s.paragraph] != node:
                add(node, NIF.superString, paragraph_node[s.paragraph])
            add(node, NIF.referenceContext, g)
            add(node, NIF.beginIndex, _int(s.start))
            add(node, NIF.endIndex, _int(s.end))
            add(node, NIF.anchorOf, Literal(s.text))
            add(node, HZ.sentenceIndex, _int(s.index))
            yield from out
            out.clear()

        sentence_node = {s.index: self.iris.span(doc.id, s.start, s.end) for s in doc.sentences}
        for m in doc.mentions:
            node = self.iris.span(doc.id, m.start, m.end)
            if m.is_value:
                out.extend(self._value_mention(node, m, g, sentence_node))
            else:
                out.extend(self._span(node, m, g, sentence_node))
                add(node, RDF.type, HZ.Mention)
                entity = self.iris.entity(m.key)
                add(node, ITSRDF.taIdentRef, entity)
                add(node, ITSRDF.taClassRef, ENTITY_CLASS[m.type])
                add(entity, HZ.hasMention, node)
                if m.key not in linked:
                    linked.add(m.key)
                    add(entity, HZ.mentionedIn, g)
                # the entity itself is described once for the whole store, in the entities graph
                # (``describe``), not again in every document's graph: with the union default graph, a
                # description repeated per document multiplies every join
            yield from out
            out.clear()
        yield from self._facts(doc, g, sentence_node)

    @staticmethod
    def _span(node: NamedNode, m: Mention, g: NamedNode, sentence_node: dict):
        """Where a mention is: its document, sentence, offsets, text and the rule that found it."""
        yield node, NIF.referenceContext, g
        yield node, NIF.sentence, sentence_node[m.sentence]
        yield node, NIF.beginIndex, _int(m.start)
        yield node, NIF.endIndex, _int(m.end)
        yield node, NIF.anchorOf, Literal(m.text)
        yield node, HZ.rule, Literal(m.rule)

    def _value_mention(self, node: NamedNode, m: Mention, g: NamedNode, sentence_node: dict):
        yield from self._span(node, m, g, sentence_node)
        yield node, RDF.type, VALUE_CLASS[m.type]
        for p, o in self._value(m):
            yield node, p, o

    def describe(self, entities: Iterable[tuple[str, str]]) -> Iterator[Quad]:
        """The entities graph: each entity (key, type) described once — types, labels, links and
        what the lexicon knows.  The build rewrites it from the keys its documents mention."""
        graph = self.iris.entities_graph()
        seen: dict[Quad, None] = {}
        for key, typ in sorted(set(entities)):
            name = key.split("/", 1)[1] if "/" in key else key
            stand_in = Mention(0, 0, name, typ, key, 0, name)
            for s, p, o in self._entity(key, stand_in):
                seen[Quad(s, p, o, graph)] = None
        return iter(seen)

    def _facts(self, doc: Document, g: NamedNode, sentence_node: dict):
        """Fact nodes with their provenance, and their shortcuts (programme hz:partner org ...)."""
        seen: dict[tuple, int] = {}
        described = {id(m) for m in doc.mentions}
        for f in doc.facts:
            n = seen[(f.kind, f.start, f.end)] = seen.get((f.kind, f.start, f.end), -1) + 1
            node = NamedNode(f"{g.value}#{f.kind.lower()}-{f.start}-{f.end}-{n}")
            clause = self.iris.span(doc.id, f.start, f.end)
            yield node, RDF.type, FACT_CLASS[f.kind]
            yield node, RDFS.label, Literal(visible(doc, f.label), language="zh")
            yield node, HZ.evidence, clause
            yield node, HZ.rule, Literal(f.rule)
            yield clause, RDF.type, HZ.Clause
            yield clause, NIF.referenceContext, g
            yield clause, NIF.sentence, sentence_node[f.sentence]
            yield clause, NIF.beginIndex, _int(f.start)
            yield clause, NIF.endIndex, _int(f.end)
            yield clause, NIF.anchorOf, Literal(doc.text[f.start:f.end])
            mention = {id(m): self.iris.span(doc.id, m.start, m.end) for _, m in f.roles}
            entity = {id(m): self.iris.entity(m.key) for _, m in f.roles if not m.is_value}
            for role, m in f.roles:
                target = entity.get(id(m), mention[id(m)])
                if m.is_value and id(m) not in described:  # a value read from inside a name (…行动计划(2022-2024))
                    yield from self._value_mention(target, m, g, sentence_node)
                if role in ROLE_PROPERTY:
                    yield node, ROLE_PROPERTY[role], target
                elif role in ("amount", "theme") and m.type in VALUE_ROLE_PROPERTY:
                    yield node, VALUE_ROLE_PROPERTY[m.type], target
                elif role == "part_of":  # a meeting is a session of its forum; a project part of a programme
                    yield node, HZ.ofForum if m.type == "FORUM" and f.kind == "MeetingReport" else HZ.partOf, target
                if role == "share":
                    yield node, HZ.sharePercent, Literal(m.value["amount"], datatype=XSD.decimal)
                if role in ("date", "founded") and m.type == "DATE":
                    yield node, HZ.date, date_literal(m.value["value"])
            if f.kind == "Pledge":
                yield node, HZ.iatiTransactionType, NamedNode(IATI_TRANSACTION + "12")
            if "flowType" in f.literals:
                yield node, HZ.flowType, FLOW_CONCEPT[f.literals["flowType"]]
            for key, prop in (("deliverable", HZ.deliverableText), ("beneficiary", HZ.beneficiaryText),
                              ("purpose", HZ.purpose), ("counts", HZ.counts)):
                if key in f.literals:
                    yield node, prop, Literal(visible(doc, f.literals[key]), language="zh")
            if "asOf" in f.literals:
                yield node, HZ.asOf, date_literal(f.literals["asOf"])
            if "date" in f.literals:
                yield node, HZ.date, date_literal(f.literals["date"])
            yield from self._shortcuts(f, entity, mention)

    def _shortcuts(self, f: Fact, entity: dict, mention: dict):
        """The fact again as plain properties of the entities, for simple queries."""
        ents = {role: [entity[id(m)] for r, m in f.roles if r == role and id(m) in entity] for role, _ in f.roles}
        if f.kind == "Partnership":
            for prog in ents.get("programme", []):
                for partner in ents.get("partner", []):
                    yield prog, HZ.partner, partner
        elif f.kind in ("Component", "AidDelivery", "ProjectReport"):
            for part in ents.get("programme", []) + ents.get("project", []) + ents.get("deliverable", []):
                for whole in ents.get("part_of", []):
                    yield part, HZ.partOf, whole
                for partner in ents.get("partner", []):
                    yield part, HZ.partner, partner
            if f.kind == "AidDelivery":
                for item in ents.get("deliverable", []):
                    for country in ents.get("recipient", []):
                        yield item, HZ.recipientCountry, country
        elif f.kind in ("Affiliation", "Founding"):
            for body in ents.get("body", []):
                for parent in ents.get("parent", []):
                    yield body, HZ.parentOrganization, parent
                for m in f.get("founded"):  # a Founding's date
                    yield body, HZ.foundingDate, date_literal(m.value["value"])
        elif f.kind == "MeetingReport":
            for meeting, m in zip(ents.get("meeting", []), f.get("meeting")):
                for whole in f.get("part_of"):  # a session of a body (全国人民代表大会) is part of it, no forum's
                    yield meeting, HZ.ofForum if whole.type == "FORUM" else HZ.partOf, entity[id(whole)]
                for place in ents.get("location", []):
                    yield meeting, HZ.location, place
                known = self.lexicon.get(m.key)
                dates = [d.value["value"] for d in f.get("date")] + ([f.literals["date"]] if "date" in f.literals else [])
                for d in dates:
                    if not (known and known.date.startswith(d)):  # the lexicon knows it, more precisely
                        yield meeting, HZ.startDate, date_literal(d)

    def _entity(self, key: str, mention: Mention | None = None):
        node = self.iris.entity(key)
        entry: Entry | None = self.lexicon.get(key)
        if entry is None:  # found by a rule, not in the lexicon
            yield node, RDF.type, ENTITY_CLASS[mention.type]
            yield node, HZ.key, Literal(key)
            yield node, RDFS.label, lang_label(mention.name)
            return
        yield node, RDF.type, ENTITY_CLASS[entry.type]
        yield node, HZ.key, Literal(key)
        yield node, RDFS.label, Literal(entry.name_zh, language="zh")
        yield node, SKOS.prefLabel, Literal(entry.name_zh, language="zh")
        if entry.name_en:
            yield node, RDFS.label, Literal(entry.name_en, language="en")
        for alias in entry.aliases:
            yield node, SKOS.altLabel, lang_label(alias)
        yield from self._links(node, entry)
        if entry.links.get("iso2"):
            yield node, HZ.isoAlpha2, Literal(entry.links["iso2"])
            yield node, HZ.isoAlpha3, Literal(entry.links["iso3"])
        if entry.links.get("m49"):
            yield node, HZ.m49, Literal(entry.links["m49"])
        # a place lies in its country (schema:containedInPlace); a meeting or project has its location
        for related, prop in ((entry.part_of, HZ.ofForum if entry.type == "MEETING" else HZ.partOf),
                              (entry.location, SCHEMA.containedInPlace if entry.type == "PLACE" else HZ.location)):
            other = self.lexicon.get(related) if related else None
            if other is not None:
                other_node = self.iris.entity(other.key)
                yield node, prop, other_node
                yield other_node, RDF.type, ENTITY_CLASS[other.type]
                yield other_node, HZ.key, Literal(other.key)
                yield other_node, RDFS.label, Literal(other.name_zh, language="zh")
                yield from self._links(other_node, other)
        if entry.date:
            yield node, HZ.startDate, date_literal(entry.date)

    @staticmethod
    def _links(node: NamedNode, entry: Entry):
        """owl:sameAs to Wikidata, GeoNames and DBpedia: only the ids the lexicon holds, never a guess."""
        for target, template in LINK_IRIS.items():
            if entry.links.get(target):
                yield node, OWL.sameAs, NamedNode(template.format(entry.links[target]))

    @staticmethod
    def _value(m: Mention):
        v = m.value or {}
        if "amount" in v:
            yield HZ.amount, Literal(v["amount"], datatype=XSD.decimal)
        if m.type == "MONEY":
            yield HZ.currency, Literal(v["unit"])
        elif m.type == "COUNT":
            yield HZ.unitText, Literal(v["unit"], language="zh")
        elif m.type == "DATE":
            yield HZ.date, date_literal(v["value"])
        elif m.type == "PERIOD":
            if v["value"].startswith("P"):
                yield HZ.duration, Literal(v["value"], datatype=XSD.duration)
            else:
                yield HZ.periodStart, date_literal(v["start"])
                yield HZ.periodEnd, date_literal(v["end"])
        if v.get("at_least"):
            yield HZ.atLeast, Literal("true", datatype=XSD.boolean)
