"""What the pages show, read from the store with pyoxigraph point lookups (no spaCy, jieba or OpenCC).

Every function takes the read-only store of the served generation and IRIs; none scans the store:
an entity's description comes from the entities graph and the few properties documents add to
entities, its mentions and facts from the indexes by subject or by object, bounded by ``limit``.
"""
from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass

from functools import lru_cache

from pyoxigraph import NamedNode, Quad, Store

from kg.rdf.mapper import IRIs

from kg.rdf.vocab import ENTITY_CLASS, HZ, ITSRDF, NIF, OWL, RDF, RDFS, SCHEMA, SKOS, VALUE_CLASS, link_target

FACT_CLASSES = {c.value: c.value.rsplit("#", 1)[1] for c in (HZ.Pledge, HZ.AidStatistic, HZ.Partnership,
                                                              HZ.AidDelivery, HZ.Founding, HZ.MeetingReport)}
ENTITY_CLASSES = {c.value: c.value.rsplit("#", 1)[1] for c in ENTITY_CLASS.values()}
# the roles a fact gives an entity or a value (kg.rdf.mapper.ROLE_PROPERTY), in the order rows show them
ROLES = (HZ.announcedBy, HZ.announcedAt, HZ.recipient, HZ.programme, HZ.partner, HZ.deliverable, HZ.body,
         HZ.parentOrganization, HZ.meeting, HZ.ofForum, HZ.location, HZ.region, HZ.moneyAmount, HZ.count,
         HZ.period, HZ.share)
# properties documents state of entities (kg.rdf.mapper.Mapper._shortcuts): entity -> entity or literal
SHORTCUTS = (HZ.partner, HZ.recipientCountry, HZ.parentOrganization, HZ.foundingDate, HZ.ofForum, HZ.location,
             SCHEMA.containedInPlace, HZ.startDate, HZ.partOf)
# literals of a fact shown beside its roles
FACT_LITERALS = (HZ.date, HZ.asOf, HZ.sharePercent, HZ.deliverableText, HZ.beneficiaryText, HZ.purpose, HZ.counts,
                 HZ.flowType)
_CHAR = re.compile(r"^(?P<doc>[^#]+)#char=(?P<start>\d+),(?P<end>\d+)$")


@lru_cache(maxsize=8)
def _iris(base: str) -> IRIs:
    return IRIs(base)


def entity_iri(base: str, key: str) -> str:
    """The IRI of the entity with ``key`` (as the build makes it, kg.rdf.mapper)."""
    return _iris(base).entity(key).value


def local_name(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _value(term) -> str:
    return term.value if term is not None else ""


def first(store: Store, s, p, graph=None):
    """The object of the first ``s p ?o`` (None when there is none)."""
    for q in store.quads_for_pattern(s, p, None, graph):
        return q.object
    return None


def span(iri: str) -> tuple[str, int, int] | None:
    """``(document IRI, start, end)`` of a ``{document}#char=start,end`` IRI."""
    m = _CHAR.match(iri)
    return (m["doc"], int(m["start"]), int(m["end"])) if m else None


def description(store: Store, iri: str) -> list[Quad]:
    """Every statement about ``iri`` in the store (the subject's triples in every graph), sorted,
    each triple once: what the Turtle, JSON-LD and N-Triples of an entity or document page hold."""
    seen = {}
    for q in store.quads_for_pattern(NamedNode(iri), None, None):
        seen.setdefault((q.subject, q.predicate, q.object), q)
    return sorted(seen.values(), key=lambda q: (str(q.predicate), str(q.object), str(q.graph_name)))


@dataclass
class Entity:
    iri: str
    types: list[str]  # class local names (Country ...)
    labels: dict[str, list[str]]  # language -> labels
    aliases: list[str]
    links: dict[str, list[str]]  # wikidata / geonames / dbpedia -> IRIs
    properties: list[tuple[str, str, str | None]]  # (property, shown value, IRI of an entity or None)
    documents: int = 0

    @property
    def label(self) -> str:
        return next(iter(self.labels.get("zh", []) + self.labels.get("en", [])), local_name(self.iri))

    @property
    def label_en(self) -> str:
        return next(iter(self.labels.get("en", [])), "")

    @property
    def type(self) -> str:
        return self.types[0] if self.types else ""


def entity(store: Store, iri: str, entities_graph: NamedNode) -> Entity | None:
    """The entity's description (None when the store does not know ``iri`` as an entity)."""
    node = NamedNode(iri)
    quads = list(store.quads_for_pattern(node, None, None, entities_graph))
    for p in SHORTCUTS:  # stated again in every document that says it: each once
        quads += {q.object: q for q in store.quads_for_pattern(node, p, None)}.values()
    types = [ENTITY_CLASSES[q.object.value] for q in quads if q.predicate == RDF.type
             and q.object.value in ENTITY_CLASSES]
    if not types:
        return None
    labels: dict[str, list[str]] = {}
    aliases: list[str] = []
    links: dict[str, list[str]] = {}
    props: dict[tuple, None] = {}
    for q in quads:
        p, o = q.predicate, q.object
        if p == RDFS.label or p == SKOS.prefLabel:
            lst = labels.setdefault(getattr(o, "language", None) or "", [])
            if o.value not in lst:
                lst.append(o.value)
        elif p == SKOS.altLabel:
            if o.value not in aliases:
                aliases.append(o.value)
        elif p == OWL.sameAs and isinstance(o, NamedNode):
            target = link_target(o.value) or "other"
            if o.value not in links.setdefault(target, []):
                links[target].append(o.value)
        elif p in (RDF.type, HZ.key):
            continue
        elif isinstance(o, NamedNode):
            props[(local_name(p.value), label_of(store, o.value, entities_graph), o.value)] = None
        else:
            props[(local_name(p.value), o.value, None)] = None
    for target in links.values():
        target.sort()
    props[("key", _value(first(store, node, HZ.key, entities_graph)), None)] = None
    return Entity(iri, types, labels, sorted(aliases), links, list(props))


@lru_cache(maxsize=1 << 16)
def label_of(store: Store, iri: str, entities_graph: NamedNode | None = None) -> str:
    """A short readable name: the Chinese label, else any label, else the IRI's last part (remembered: a
    served store does not change)."""
    node = NamedNode(iri)
    best = ""
    for q in store.quads_for_pattern(node, RDFS.label, None, entities_graph):
        if getattr(q.object, "language", None) == "zh":
            return q.object.value
        best = best or q.object.value
    if not best and entities_graph is not None:
        return label_of(store, iri)
    return best or _value(first(store, node, SCHEMA.name)) or local_name(iri)


@dataclass
class MentionRow:
    iri: str
    document: str
    document_title: str
    sentence: str  # the sentence's IRI
    before: str
    text: str
    after: str


def mentions(store: Store, iri: str, *, limit: int = 50, offset: int = 0) -> list[MentionRow]:
    """Mentions of the entity with their sentence cut around the mention, in document and offset order
    within the page taken (the store's order decides which page holds which)."""
    rows = []
    titles: dict[str, str] = {}
    taken = itertools.islice(store.quads_for_pattern(NamedNode(iri), HZ.hasMention, None), offset, offset + limit)
    for q in taken:
        m = q.object.value
        where = span(m)
        if where is None:
            continue
        doc, start, end = where
        sentence = first(store, q.object, NIF.sentence, NamedNode(doc))
        text, s_start = "", start
        if sentence is not None:
            text = _value(first(store, sentence, NIF.anchorOf, NamedNode(doc)))
            s_span = span(sentence.value)
            s_start = s_span[1] if s_span else start
        if doc not in titles:
            titles[doc] = _value(first(store, NamedNode(doc), SCHEMA.name, NamedNode(doc))) or local_name(doc)
        a, b = start - s_start, end - s_start
        rows.append(MentionRow(m, doc, titles[doc], sentence.value if sentence is not None else doc,
                               text[:a], text[a:b], text[b:]))
    rows.sort(key=lambda r: (r.document, span(r.iri)[1]))
    return rows


@dataclass
class FactRow:
    iri: str
    kind: str  # Pledge, AidStatistic ...
    label: str
    roles: list[tuple[str, str, str | None]]  # (role, shown value, IRI to link or None)
    evidence: str  # the clause's text
    evidence_iri: str  # {doc}#char=... of the clause
    document: str


def _mention_value(store: Store, node: NamedNode, graph: NamedNode) -> str:
    """A value mention as shown ("600亿元人民币 = 60000000000 CNY")."""
    text = _value(first(store, node, NIF.anchorOf, graph))
    amount = _value(first(store, node, HZ.amount, graph))
    currency = _value(first(store, node, HZ.currency, graph))
    shown = text
    if amount and currency:
        shown = f"{text} = {amount} {currency}"
    for p in (HZ.date, HZ.duration):
        v = _value(first(store, node, p, graph))
        if v and v != text:
            shown = f"{text} ({v})"
    return shown


def fact(store: Store, node: NamedNode, entities_graph: NamedNode) -> FactRow | None:
    graph = NamedNode(node.value.split("#", 1)[0])
    quads = list(store.quads_for_pattern(node, None, None, graph))
    kinds = [FACT_CLASSES[q.object.value] for q in quads if q.predicate == RDF.type and q.object.value in FACT_CLASSES]
    if not kinds:
        return None
    row = FactRow(node.value, kinds[0], "", [], "", "", graph.value)
    by_role = {}
    for q in quads:
        p, o = q.predicate, q.object
        if p == RDFS.label:
            row.label = o.value
        elif p == HZ.evidence:
            row.evidence_iri = o.value
            row.evidence = _value(first(store, o, NIF.anchorOf, graph))
        elif p in ROLES:
            if isinstance(o, NamedNode) and o.value.startswith(graph.value + "#char="):
                shown = _mention_value(store, o, graph)
                by_role.setdefault(p.value, []).append((local_name(p.value), shown, None))
            else:
                by_role.setdefault(p.value, []).append((local_name(p.value), label_of(store, o.value, entities_graph),
                                                        o.value))
        elif p in FACT_LITERALS:
            shown = label_of(store, o.value) if isinstance(o, NamedNode) else o.value
            by_role.setdefault(p.value, []).append((local_name(p.value), shown, None))
    for p in (*ROLES, *FACT_LITERALS):
        row.roles += sorted(by_role.get(p.value, []))
    return row


def facts(store: Store, iri: str, entities_graph: NamedNode, *, limit: int = 25,
          offset: int = 0) -> tuple[list[FactRow], bool]:
    """The facts the entity takes part in (any role): the ``limit`` from ``offset`` on, in document and offset
    order, and whether there are more."""
    node = NamedNode(iri)

    def fact_nodes():
        seen: set[str] = set()
        for p in ROLES:
            for q in store.quads_for_pattern(None, p, node):
                f = q.subject.value
                if "#" in f and not f.split("#", 1)[1].startswith("char=") and f not in seen:
                    seen.add(f)
                    yield f

    found = list(itertools.islice(fact_nodes(), offset, offset + limit + 1))
    rows = [r for r in (fact(store, NamedNode(f), entities_graph) for f in found[:limit]) if r is not None]
    rows.sort(key=lambda r: (r.document, span(r.evidence_iri)[1] if span(r.evidence_iri) else 0, r.iri))
    return rows, len(found) > limit


def related(store: Store, iri: str, fact_rows: list[FactRow], entities_graph: NamedNode,
            base: str, *, limit: int = 16) -> list[tuple[str, str, str, int]]:
    """Entities next to this one: ``(IRI, label, how, weight)``, the most connected first.  ``how`` is the
    property (``partner``, ``location`` ...) or the role the other entity has in a shared fact."""
    node = NamedNode(iri)
    weight: Counter = Counter()
    how: dict[str, str] = {}
    for p in SHORTCUTS:
        for q in itertools.islice(store.quads_for_pattern(node, p, None), 200):
            if isinstance(q.object, NamedNode) and q.object.value.startswith(base):
                weight[q.object.value] += 3
                how.setdefault(q.object.value, local_name(p.value))
        for q in itertools.islice(store.quads_for_pattern(None, p, node), 200):
            if q.subject.value.startswith(base) and "#" not in q.subject.value:
                weight[q.subject.value] += 3
                how.setdefault(q.subject.value, "↩ " + local_name(p.value))
    for r in fact_rows:
        for role, _, other in r.roles:
            if other and other != iri and other.startswith(base):
                weight[other] += 1
                how.setdefault(other, f"{role} ({r.kind})")
    out = []
    for other, w in sorted(weight.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]:
        out.append((other, label_of(store, other, entities_graph), how[other], w))
    return out


def documents_of(store: Store, iri: str, *, limit: int = 20) -> list[tuple[str, str]]:
    out = []
    for q in itertools.islice(store.quads_for_pattern(NamedNode(iri), HZ.mentionedIn, None), limit):
        out.append((q.object.value, _value(first(store, q.object, SCHEMA.name, q.object)) or local_name(q.object.value)))
    return sorted(out)


@dataclass
class Document:
    iri: str
    title: str
    text: str
    media_type: str
    spans: list[tuple[int, int, str, str, str]]  # (start, end, kind, IRI of the mention/clause, linked IRI)
    facts: dict[str, str]  # clause IRI -> fact kinds


def document(store: Store, iri: str, entities_graph: NamedNode) -> Document | None:
    node = NamedNode(iri)
    if not store.contains_named_graph(node):
        return None
    text = _value(first(store, node, NIF.isString, node))
    if not text and first(store, node, RDF.type, node) is None:
        return None
    spans: list[tuple[int, int, str, str, str]] = []
    value_kinds = {c.value: k.lower() for k, c in VALUE_CLASS.items()}
    for q in store.quads_for_pattern(None, RDF.type, None, node):
        kind = None
        t = q.object.value
        if t == HZ.Mention.value:
            kind = "entity"
        elif t in value_kinds:
            kind = value_kinds[t]
        elif t == HZ.Clause.value:
            kind = "clause"
        if kind is None:
            continue
        where = span(q.subject.value)
        if where is None:
            continue
        target = ""
        if kind == "entity":
            target = _value(first(store, q.subject, ITSRDF.taIdentRef, node))
        spans.append((where[1], where[2], kind, q.subject.value, target))
    spans.sort(key=lambda s: (s[0], -s[1], s[2]))
    fact_kinds: dict[str, list[str]] = {}
    for q in store.quads_for_pattern(None, HZ.evidence, None, node):
        kinds = [FACT_CLASSES[t.object.value] for t in store.quads_for_pattern(q.subject, RDF.type, None, node)
                 if t.object.value in FACT_CLASSES]
        fact_kinds.setdefault(q.object.value, []).extend(kinds)
    media = _value(first(store, node, SCHEMA.encodingFormat, node))
    title = _value(first(store, node, SCHEMA.name, node)) or local_name(iri)
    return Document(iri, title, text, media, spans, {k: ", ".join(sorted(set(v))) for k, v in fact_kinds.items()})


def dataset(store: Store, void_graph: NamedNode) -> dict:
    """The VoID / DCAT description as plain data: title, build date, counts, entities per class, links."""
    out = {"title": {}, "description": "", "modified": "", "triples": 0, "entities": 0, "documents": 0,
           "classes": {}, "links": {}, "sources": []}
    ds = next((q.subject for q in store.quads_for_pattern(None, RDF.type, NamedNode("http://rdfs.org/ns/void#Dataset"),
                                                           void_graph)
               if q.subject.value.endswith("/dataset")), None)
    if ds is None:
        return out
    void = "http://rdfs.org/ns/void#"
    dct = "http://purl.org/dc/terms/"
    for q in store.quads_for_pattern(ds, None, None, void_graph):
        p, o = q.predicate.value, q.object
        if p == dct + "title":
            out["title"][o.language or ""] = o.value
        elif p == dct + "description":
            out["description"] = o.value
        elif p == dct + "modified":
            out["modified"] = o.value
        elif p in (void + "triples", void + "entities", void + "documents"):
            out[p[len(void):]] = int(o.value)
        elif p == dct + "source":
            out["sources"].append(o.value)
        elif p == void + "classPartition":
            cls = first(store, o, NamedNode(void + "class"), void_graph)
            n = first(store, o, NamedNode(void + "entities"), void_graph)
            if cls is not None and n is not None:
                out["classes"][local_name(cls.value)] = int(n.value)
        elif p == void + "subset":
            target = first(store, o, NamedNode(void + "objectsTarget"), void_graph)
            n = first(store, o, NamedNode(void + "triples"), void_graph)
            if target is not None and n is not None:
                title = _value(first(store, target, NamedNode(dct + "title"), void_graph)) or target.value
                out["links"][title] = int(n.value)
    out["sources"].sort()
    out["classes"] = dict(sorted(out["classes"].items()))
    out["links"] = dict(sorted(out["links"].items()))
    return out


__all__ = ["Document", "Entity", "FactRow", "MentionRow", "dataset", "description", "document",
           "documents_of", "entity", "entity_iri", "facts", "first", "label_of", "local_name", "mentions", "related",
           "span"]
