"""Compacted JSON-LD with the context ``ontology/context.jsonld``: readable keys, deterministic output.

pyoxigraph writes expanded JSON-LD (full IRIs as keys).  This module writes the same quads
compacted with our context instead: ``"label": {"zh": "巴基斯坦"}``, ``"sameAs": ["wd:Q843"]``,
``"type": ["Country"]``.  It does not run the JSON-LD compaction algorithm on arbitrary input: it
picks, for each value, a term of the context whose definition fits the value exactly (its
``@type`` coercion or its ``@language`` container) and otherwise falls back to a compact IRI key
with an explicit value object, so expanding the output always gives back the same quads (a test
checks this with rdflib's JSON-LD parser).  The context is inlined, so the file stands alone.
"""

from __future__ import annotations

import json
from functools import lru_cache

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode

from kg.rdf.vocab import RDF, XSD

XSD_STRING = XSD.string.value
RDF_TYPE = RDF.type.value


@lru_cache(maxsize=1)
def context() -> dict:
    from kg.resources import resource

    with open(resource("ontology") / "context.jsonld", encoding="utf-8") as f:
        return json.load(f)["@context"]


class Compactor:
    def __init__(self, ctx: dict):
        self.ctx = ctx
        # prefixes, longest namespace first so the most specific one wins
        self.prefixes = sorted(((t, v) for t, v in ctx.items() if isinstance(v, str) and v[-1:] in "/#"
                                and not t.startswith("@")), key=lambda tv: (-len(tv[1]), tv[0]))
        self._compact: dict[str, str] = {}  # IRI -> compact IRI, each worked out once
        self.vocab_terms: dict[str, str] = {}  # IRI -> plain term usable as a class/@vocab value
        self.by_iri: dict[str, list[tuple[str, str, str]]] = {}  # IRI -> [(term, kind, arg)]
        for term, d in sorted(ctx.items()):
            if term.startswith("@") or (isinstance(d, str) and d.startswith("@")):
                continue
            if isinstance(d, str):
                if d[-1:] in "/#":
                    continue  # a prefix
                iri = self.expand(d)
                self.vocab_terms.setdefault(iri, term)
                self.by_iri.setdefault(iri, []).append((term, "plain", ""))
                continue
            iri = self.expand(d["@id"])
            if d.get("@container") == "@language":
                kind, arg = "language", ""
            elif d.get("@type") in ("@id", "@vocab"):
                kind, arg = d["@type"], ""
            elif "@type" in d:
                kind, arg = "typed", self.expand(d["@type"])
            else:
                kind, arg = "plain", ""
            self.by_iri.setdefault(iri, []).append((term, kind, arg))

    def expand(self, value: str) -> str:
        prefix, sep, rest = value.partition(":")
        if sep and prefix in self.ctx and isinstance(self.ctx[prefix], str) and not rest.startswith("//"):
            return self.ctx[prefix] + rest
        return value

    def iri(self, iri: str) -> str:
        """A compact IRI (``wd:Q843``) where a prefix fits, else the IRI itself."""
        out = self._compact.get(iri)
        if out is None:
            out = self._compacted(iri)
            if len(self._compact) < 200_000:  # graph names, predicates, classes and entities repeat
                self._compact[iri] = out
        return out

    def _compacted(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns) and len(iri) > len(ns) and not iri[len(ns):].startswith("//"):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def vocab(self, iri: str) -> str:
        return self.vocab_terms.get(iri) or self.iri(iri)

    def entry(self, predicate: str, obj) -> tuple[str, str, object]:
        """(key, kind, value): the key to file the object under and its compacted form."""
        terms = self.by_iri.get(predicate, [])
        if isinstance(obj, Literal):
            dt = obj.datatype.value
            for term, kind, arg in terms:
                if kind == "language" and obj.language:
                    return term, "language", (obj.language, obj.value)
                if kind == "typed" and not obj.language and dt == arg:
                    return term, "value", obj.value
            if obj.language:
                value = {"@value": obj.value, "@language": obj.language}
            elif dt == XSD_STRING:
                value = obj.value
            else:
                value = {"@value": obj.value, "@type": self.vocab(dt)}
        else:
            ref = node_id(obj, self)
            for term, kind, _ in terms:
                if kind == "@id":
                    return term, "value", ref
                if kind == "@vocab" and isinstance(obj, NamedNode):
                    return term, "value", self.vocab(obj.value)
            value = {"@id": ref}
        plain = next((t for t, kind, _ in terms if kind == "plain"), None)
        return plain or self.iri(predicate), "value", value


def node_id(term, c: Compactor) -> str:
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if isinstance(term, NamedNode):
        return c.iri(term.value)
    raise ValueError(f"JSON-LD export cannot write {term!r} as a node")


def _sort_key(v) -> tuple[int, str]:
    return (0, v) if isinstance(v, str) else (1, json.dumps(v, ensure_ascii=False, sort_keys=True))


def _node(subject_id: str, props: dict[str, list], types: list[str]) -> dict:
    node: dict = {"id": subject_id}
    if types:
        node["type"] = _one_or_list(sorted(set(types)))
    for key in sorted(props):
        values = props[key]
        if isinstance(values, dict):  # language map
            node[key] = {lang: _one_or_list(sorted(set(vs))) for lang, vs in sorted(values.items())}
        else:
            node[key] = _one_or_list(sorted({json.dumps(v, ensure_ascii=False, sort_keys=True): v
                                             for v in values}.values(), key=_sort_key))
    return node


def _one_or_list(values: list):
    return values[0] if len(values) == 1 else values


def document(quads) -> dict:
    """The compacted JSON-LD document for quads: one object per named graph, nodes sorted by IRI."""
    c = Compactor(context())
    graphs: dict[str, dict[str, tuple[dict, list]]] = {}
    for q in quads:
        g = "" if isinstance(q.graph_name, DefaultGraph) else node_id(q.graph_name, c)
        subject = node_id(q.subject, c)
        props, types = graphs.setdefault(g, {}).setdefault(subject, ({}, []))
        if q.predicate.value == RDF_TYPE and isinstance(q.object, NamedNode):
            types.append(c.vocab(q.object.value))
            continue
        key, kind, value = c.entry(q.predicate.value, q.object)
        if kind == "language":
            lang, text = value
            props.setdefault(key, {}).setdefault(lang, []).append(text)
        else:
            props.setdefault(key, []).append(value)

    def nodes(g: str) -> list[dict]:
        return [_node(s, props, types) for s, (props, types) in sorted(graphs.get(g, {}).items())]

    top = {n["id"]: n for n in nodes("")}
    for g in sorted(k for k in graphs if k):
        top.setdefault(g, {"id": g})["@graph"] = nodes(g)
    return {"@context": context(), "@graph": [top[k] for k in sorted(top)]}


def write(quads, out) -> None:
    text = json.dumps(document(quads), ensure_ascii=False, indent=1)
    out.write(text.encode("utf-8") + b"\n")
