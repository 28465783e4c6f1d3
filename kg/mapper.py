"""Model -> RDF quads against ``ontology/hezuo.ttl``.  Knows nothing of spaCy or jieba.

One named graph per document, named by the document IRI.  IRIs are deterministic:
entities ``{base}{key}``, documents ``{base}doc/{id}``, sentences and mentions
``{document}#char={start},{end}`` (RFC 5147 / NIF offsets into the original text).
"""

from __future__ import annotations

import re
from urllib.parse import quote

from pyoxigraph import Literal, NamedNode, Quad

from .lexicon import Entry, Lexicon
from .model import Document, Mention
from .vocab import ENTITY_CLASS, HZ, ITSRDF, NIF, OWL, RDF, RDFS, SCHEMA, SKOS, VALUE_CLASS, XSD

DEFAULT_BASE = "https://w3id.org/hezuo/id/"

LINK_IRIS = {
    "wikidata": "http://www.wikidata.org/entity/{}",
    "geonames": "https://sws.geonames.org/{}/",
    "dbpedia": "{}",
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

    def entity(self, key: str) -> NamedNode:
        return NamedNode(self.base + _iri_part(key))

    def document(self, doc_id: str) -> NamedNode:
        return NamedNode(self._document(doc_id))

    def _document(self, doc_id: str) -> str:
        if self._last[0] != doc_id:
            self._last = (doc_id, self.base + "doc/" + _iri_part(doc_id))
        return self._last[1]

    def span(self, doc_id: str, start: int, end: int) -> NamedNode:
        return NamedNode(f"{self._document(doc_id)}#char={start},{end}")


def _int(n: int) -> Literal:
    return Literal(str(n), datatype=XSD.nonNegativeInteger)


def date_literal(value: str) -> Literal:
    kind = {4: XSD.gYear, 7: XSD.gYearMonth, 10: XSD.date}.get(len(value), XSD.string)
    return Literal(value, datatype=kind)


def lang_label(text: str) -> Literal:
    return Literal(text, language="en" if _ASCII.match(text) else "zh")


class Mapper:
    def __init__(self, lexicon: Lexicon, base: str = DEFAULT_BASE):
        self.lexicon = lexicon
        self.iris = IRIs(base)

    def document(self, doc: Document) -> list[Quad]:
        g = self.iris.document(doc.id)
        out: dict[Quad, None] = {}  # ordered and without repeats

        def add(s, p, o):
            out[Quad(s, p, o, g)] = None

        add(g, RDF.type, HZ.Document)
        add(g, RDF.type, NIF.Context)
        add(g, SCHEMA.name, Literal(doc.title))
        add(g, RDFS.label, lang_label(doc.title))
        add(g, SCHEMA.sha256, Literal(doc.sha256))
        add(g, NIF.isString, Literal(doc.text))
        add(g, NIF.beginIndex, _int(0))
        add(g, NIF.endIndex, _int(len(doc.text)))

        paragraph_node = {}
        for p in doc.paragraphs:
            node = paragraph_node[p.index] = self.iris.span(doc.id, p.start, p.end)
            add(node, RDF.type, NIF.Paragraph)
            add(node, NIF.referenceContext, g)
            add(node, NIF.beginIndex, _int(p.start))
            add(node, NIF.endIndex, _int(p.end))
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

        sentence_node = {s.index: self.iris.span(doc.id, s.start, s.end) for s in doc.sentences}
        described: set[str] = set()
        for m in doc.mentions:
            node = self.iris.span(doc.id, m.start, m.end)
            add(node, NIF.referenceContext, g)
            add(node, NIF.sentence, sentence_node[m.sentence])
            add(node, NIF.beginIndex, _int(m.start))
            add(node, NIF.endIndex, _int(m.end))
            add(node, NIF.anchorOf, Literal(m.text))
            add(node, HZ.rule, Literal(m.rule))
            if m.is_value:
                add(node, RDF.type, VALUE_CLASS[m.type])
                for p, o in self._value(m):
                    add(node, p, o)
                continue
            add(node, RDF.type, HZ.Mention)
            entity = self.iris.entity(m.key)
            add(node, ITSRDF.taIdentRef, entity)
            add(node, ITSRDF.taClassRef, ENTITY_CLASS[m.type])
            add(entity, HZ.hasMention, node)
            add(entity, HZ.mentionedIn, g)
            if m.key not in described:
                described.add(m.key)
                for s, p, o in self._entity(m.key, m):
                    add(s, p, o)
        return list(out)

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
        for target, template in LINK_IRIS.items():
            if entry.links.get(target):
                yield node, OWL.sameAs, NamedNode(template.format(entry.links[target]))
        if entry.links.get("iso2"):
            yield node, HZ.isoAlpha2, Literal(entry.links["iso2"])
            yield node, HZ.isoAlpha3, Literal(entry.links["iso3"])
        if entry.links.get("m49"):
            yield node, HZ.m49, Literal(entry.links["m49"])
        for related, prop in ((entry.part_of, HZ.ofForum if entry.type == "MEETING" else HZ.partOf),
                              (entry.location, HZ.location)):
            other = self.lexicon.get(related) if related else None
            if other is not None:
                yield node, prop, self.iris.entity(other.key)
                yield self.iris.entity(other.key), RDF.type, ENTITY_CLASS[other.type]
                yield self.iris.entity(other.key), RDFS.label, Literal(other.name_zh, language="zh")
        if entry.date:
            yield node, HZ.startDate, date_literal(entry.date)

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
