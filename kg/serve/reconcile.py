"""The W3C Entity Reconciliation API (version 0.2, the one OpenRefine speaks) over the search index.

``GET /reconcile`` is the service manifest; ``/reconcile`` with ``queries=`` (GET or a form POST)
answers a batch of queries ``{"q0": {"query": "...", "type": "Country", "limit": 3, "properties":
[{"pid": "isoAlpha3", "v": "PAK"}]}}`` with candidates, each with a score (0-100) and ``match``
(true when it is safe to accept without a look: an exact name, no other exact candidate, and
every property given agreeing).  Suggest (entities, types, properties) and preview sit below it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

from pyoxigraph import NamedNode, Store

from kg.rdf.vocab import HZ, OWL, RDFS, SCHEMA, SKOS
from kg.serve import lookup
from kg.store.search import TYPES, Hit, SearchIndex

TYPE_NAMES_ZH = {"Country": "国家", "Region": "地区", "Place": "地点", "Organization": "机构", "Forum": "论坛",
                 "Meeting": "会议", "Programme": "项目计划", "Project": "工程项目", "Person": "人物"}
# properties a query may constrain: id -> (name, predicate IRI or a special)
PROPERTIES = {
    "isoAlpha3": ("ISO 3166-1 alpha-3 code", HZ.isoAlpha3.value),
    "isoAlpha2": ("ISO 3166-1 alpha-2 code", HZ.isoAlpha2.value),
    "m49": ("UN M49 code", HZ.m49.value),
    "wikidata": ("Wikidata item (Q-id)", OWL.sameAs.value),
    "sameAs": ("same as (Wikidata, GeoNames, DBpedia IRI)", OWL.sameAs.value),
    "key": ("hezuo-kg key", HZ.key.value),
    "location": ("location", HZ.location.value),
    "containedInPlace": ("country a place lies in", SCHEMA.containedInPlace.value),
    "partOf": ("part of", HZ.partOf.value),
    "ofForum": ("forum of a meeting", HZ.ofForum.value),
    "recipientCountry": ("recipient country of a project", HZ.recipientCountry.value),
    "parentOrganization": ("parent organisation", HZ.parentOrganization.value),
    "partner": ("partner organisation", HZ.partner.value),
    "startDate": ("start date", HZ.startDate.value),
    "foundingDate": ("founding date", HZ.foundingDate.value),
}
MAX_LIMIT = 100
EXACT_SCORE = 100.0
MATCH_SCORE = 95.0


class QueryError(ValueError):
    """A malformed reconciliation query (the answer is 400 with this message)."""


@dataclass
class Reconciler:
    store: Store
    index: SearchIndex
    base: str
    entities_graph: NamedNode

    # -- manifest ----------------------------------------------------------------------------
    def manifest(self, root: str) -> dict:
        """The service manifest; ``root`` is the server's URL (``http://host:port``)."""
        return {
            "versions": ["0.2"],
            "name": "hezuo-kg (合作知识图谱) reconciliation",
            "identifierSpace": self.base,
            "schemaSpace": HZ.iri,
            "defaultTypes": self.types(),
            "view": {"url": root + "/id/{{id}}"},
            "preview": {"url": root + "/reconcile/preview?id={{id}}", "width": 400, "height": 160},
            "suggest": {
                "entity": {"service_url": root, "service_path": "/reconcile/suggest/entity"},
                "type": {"service_url": root, "service_path": "/reconcile/suggest/type"},
                "property": {"service_url": root, "service_path": "/reconcile/suggest/property"},
            },
            "batchSize": 50,
        }

    @staticmethod
    def types() -> list[dict]:
        return [{"id": t, "name": f"{t} ({TYPE_NAMES_ZH[t]})"} for t in TYPES]

    # -- queries -----------------------------------------------------------------------------
    def batch(self, queries: dict) -> dict:
        if not isinstance(queries, dict):
            raise QueryError("queries: expected a JSON object of named queries")
        return {name: {"result": self.reconcile(q, name)} for name, q in queries.items()}

    def reconcile(self, q: dict, name: str = "q") -> list[dict]:
        if not isinstance(q, dict) or not isinstance(q.get("query", ""), str):
            raise QueryError(f"{name}: expected an object with a string 'query'")
        text = q.get("query", "").strip()
        limit = q.get("limit", 3)
        if not isinstance(limit, int) or limit < 0:
            raise QueryError(f"{name}.limit: expected a non-negative integer")
        limit = min(limit or 3, MAX_LIMIT)
        types = q.get("type") or []
        types = [types] if isinstance(types, str) else types
        if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
            raise QueryError(f"{name}.type: expected a type id or a list of them")
        props = q.get("properties") or []
        if not isinstance(props, list) or not all(isinstance(p, dict) and "pid" in p for p in props):
            raise QueryError(f"{name}.properties: expected a list of {{'pid': ..., 'v': ...}}")
        try:
            hits = self.index.search(text, types=types, limit=max(limit * 4, 20)) if text else []
        except ValueError as e:
            raise QueryError(f"{name}.type: {e}") from None
        scored = []
        for h in hits:
            score = _name_score(text, h)
            agree, checked = self._properties(h.iri, props, name)
            if checked:
                score = score * (0.5 + 0.5 * agree / checked)
            scored.append((round(score, 1), agree == checked, h))
        scored.sort(key=lambda t: (-t[0], -t[2].mentions, t[2].key))
        exact = [s for s in scored if s[0] >= MATCH_SCORE]
        out = []
        for score, agreed, h in scored[:limit]:
            out.append({
                "id": h.key,
                "name": h.label,
                "type": [{"id": h.type, "name": f"{h.type} ({TYPE_NAMES_ZH[h.type]})"}],
                "score": score,
                "match": bool(len(exact) == 1 and exact[0][2] is h and agreed),
                "description": _description(h),
            })
        return out

    def _properties(self, iri: str, props: list[dict], name: str) -> tuple[int, int]:
        """How many of the property constraints the entity meets, of how many."""
        agree = 0
        for p in props:
            pid = p.get("pid")
            if pid not in PROPERTIES:
                raise QueryError(f"{name}.properties: unknown property {pid!r}; one of {', '.join(PROPERTIES)}")
            wanted = {_property_value(v) for v in (p.get("v") if isinstance(p.get("v"), list) else [p.get("v")])}
            have = self.values(iri, pid)
            if wanted & have:
                agree += 1
        return agree, len(props)

    def values(self, iri: str, pid: str) -> set[str]:
        """The entity's values of a property, folded for comparison: literals, and for an entity its key,
        IRI and labels; for Wikidata the Q-id."""
        prop = NamedNode(PROPERTIES[pid][1])
        out: set[str] = set()
        for q in self.store.quads_for_pattern(NamedNode(iri), prop, None):
            v = q.object.value
            if pid == "wikidata":
                if v.startswith("http://www.wikidata.org/entity/"):
                    out.add(v.rsplit("/", 1)[1].casefold())
                continue
            out.add(v.casefold())
            if isinstance(q.object, NamedNode) and v.startswith(self.base):
                out.add(v[len(self.base):].casefold())
                for lq in self.store.quads_for_pattern(q.object, RDFS.label, None, self.entities_graph):
                    out.add(lq.object.value.casefold())
                for lq in self.store.quads_for_pattern(q.object, SKOS.altLabel, None, self.entities_graph):
                    out.add(lq.object.value.casefold())
        return out

    # -- suggest -----------------------------------------------------------------------------
    def suggest_entity(self, prefix: str, cursor: int = 0, limit: int = 10) -> dict:
        hits = self.index.search(prefix, limit=limit, offset=cursor) if prefix.strip() else []
        return {"result": [{"id": h.key, "name": h.label, "description": _description(h),
                            "notable": [{"id": h.type, "name": h.type}]} for h in hits]}

    def suggest_type(self, prefix: str) -> dict:
        p = prefix.strip().casefold()
        return {"result": [t for t in self.types() if p in t["name"].casefold()]}

    def suggest_property(self, prefix: str) -> dict:
        p = prefix.strip().casefold()
        return {"result": [{"id": pid, "name": label} for pid, (label, _) in PROPERTIES.items()
                           if p in pid.casefold() or p in label.casefold()]}

    def entity_iri(self, key: str) -> str:
        return lookup.entity_iri(self.base, key)


def _property_value(v) -> str:
    if isinstance(v, dict):
        v = v.get("id", v.get("name", ""))
    return str(v).strip().casefold()


def _name_score(text: str, h: Hit) -> float:
    """100 for a name equal to the query (in either script or case), less for a prefix or a part of a name,
    by the share of the name the query covers."""
    if h.rank == 0:
        return EXACT_SCORE if h.kind in ("label", "en", "traditional") else 98.0
    cover = min(1.0, len(text) / max(len(h.name), 1))
    return (50.0 if h.rank == 1 else 30.0) + 40.0 * cover


def _description(h: Hit) -> str:
    parts = [h.label_en] if h.label_en and h.label_en != h.label else []
    parts.append(f"{h.type}, {h.mentions} mention{'s' if h.mentions != 1 else ''}")
    return "; ".join(parts)


def parse_queries(raw: str) -> dict:
    try:
        queries = json.loads(raw)
    except ValueError as e:
        raise QueryError(f"queries: not JSON ({e})") from None
    return queries
