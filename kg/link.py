"""``kg link``: reconcile entities against a SPARQL endpoint (Wikidata's by default).

Entities without a Wikidata link — found by rules (key ``<type>/<name>``), or lexicon entries
without a verified id — are looked up by their Chinese label (``rdfs:label`` or
``skos:altLabel`` in ``zh``, ``zh-hans`` or ``zh-cn``) with a type constraint
(``wdt:P31/wdt:P279*`` one of the classes in ``TYPE_CLASSES``).  One candidate with that
label is accepted; several are *ambiguous* and reported, never guessed.  An accepted item
also gives a GeoNames link (its ``wdt:P1566``, if it has exactly one) and a DBpedia link (its
English Wikipedia article).  Entities the lexicon already links to Wikidata get the GeoNames
and DBpedia links of their item the same way.

Links go to their own named graph ``{base}links``: the ``owl:sameAs`` triple, and a
``hz:Link`` node (a reified statement) with ``hz:score``, ``hz:method`` and
``hz:matchedLabel``.  The graph is rebuilt from the store and the cache on every run.

Every answer is cached in a JSON file (per endpoint), so a second run makes no request and
gives the same graph.  Without network the run still writes what the cache knows, names
what it could not look up and fails with one line.  No spaCy or jieba here.
"""

from __future__ import annotations

import gc
import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, unquote

from pyoxigraph import Literal, NamedNode, Quad, Store

from kg import __version__

from kg.store import folder as storedir

from kg.store import void
from kg.store.folder import StoreFolder
from kg.rdf.mapper import DEFAULT_BASE, IRIs
from kg.errors import InputError, ParameterError, printable
from kg.store import Census, census, open_store, replace_graph, stats
from kg.rdf.vocab import ENTITY_CLASS, HZ, LINK_TARGETS, OWL, PROV, RDF, RDFS, XSD, link_target

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
CACHE_FORMAT = "hezuo-kg link cache 1"
BATCH = 40  # names per request
ZH_TAGS = ("zh", "zh-hans", "zh-cn")

# wdt:P31/wdt:P279* of an accepted item must reach one of these Wikidata classes
TYPE_CLASSES = {
    "COUNTRY": ("Q6256", "Q3624078", "Q7275"),  # country, sovereign state, state
    "REGION": ("Q82794", "Q5107"),  # geographic region, continent
    "PLACE": ("Q2221906", "Q486972", "Q56061"),  # geographic location, human settlement, admin. territorial entity
    "ORG": ("Q43229",),  # organization
    "FORUM": ("Q43229", "Q1656682", "Q15275719"),  # organization, event, recurring event
    "MEETING": ("Q1656682",),  # event
    "PERSON": ("Q5",),  # human
    "PROGRAMME": ("Q170584", "Q43229"),  # project, organization (funds)
    "PROJECT": ("Q170584", "Q811979", "Q2221906"),  # project, architectural structure, geographic location
}
GEO_TYPES = {"COUNTRY", "REGION", "PLACE"}  # the types GeoNames has
WD = LINK_TARGETS["wikidata"]
_QID = re.compile(r"Q[1-9][0-9]{0,11}")  # fullmatch: no "Q5\n"
_GEONAMES_ID = re.compile(r"[1-9][0-9]{0,11}")
DEADLINE = 120.0  # seconds for one request, however slowly the answer trickles in
MAX_ANSWER = 32 << 20  # bytes of one answer: more is refused (a reconciliation batch answers in kilobytes)
MAX_REDIRECTS = 5
_PREFIXES = """PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <http://schema.org/>
"""
_ENWIKI = """  OPTIONAL { ?item wdt:P1566 ?geonames }
  OPTIONAL { ?article schema:about ?item ; schema:isPartOf <https://en.wikipedia.org/> }"""


def links_graph(base: str = DEFAULT_BASE) -> NamedNode:
    return NamedNode(IRIs(base).base + "links")


def default_cache(store_dir: str | Path) -> Path:
    """``store.link-cache.json`` beside the store folder, so it outlives a rebuilt store."""
    p = Path(store_dir)
    return p.with_name(p.name + ".link-cache.json")


@dataclass
class Entity:
    iri: NamedNode
    key: str
    type: str
    label: str = ""
    lang: str = "zh"
    same: dict[str, str] = field(default_factory=dict)  # target -> IRI, from the build (not from kg link)


@dataclass
class Link:
    entity: Entity
    target: str  # wikidata, geonames, dbpedia
    iri: str
    score: str  # decimal as text: 1.0, 0.9, 0.7
    method: str
    derived_from: str = ""  # the Wikidata item a GeoNames / DBpedia link comes from


@dataclass
class LinkReport:
    endpoint: str
    graph: str
    cache: str
    entities: int = 0  # entities looked at
    lookups: int = 0  # distinct names and ids needed
    cached: int = 0  # of those, answered by the cache before this run
    fetched: int = 0  # answered by the endpoint in this run
    requests: int = 0
    missing: list[str] = field(default_factory=list)  # lookups left unanswered (offline, or the endpoint failed)
    links: list[Link] = field(default_factory=list)
    ambiguous: list[tuple[str, str, list[tuple[str, str]]]] = field(default_factory=list)  # key, label, candidates
    unmatched: list[tuple[str, str]] = field(default_factory=list)  # key, label
    kept: int = 0  # entities whose links from an earlier run were kept because their lookup is missing
    error: str = ""
    seconds: float = 0.0

    def per_target(self) -> dict[str, int]:
        counts = dict.fromkeys(LINK_TARGETS, 0)
        for link in self.links:
            counts[link.target] += 1
        return counts


# ---------------------------------------------------------------- the cache

class Cache:
    """Answers per endpoint: ``label TYPE lang name`` -> candidates, ``item Q…`` -> GeoNames ids and article."""

    def __init__(self, path: Path, endpoint: str):
        self.path = path
        self.endpoint = endpoint
        self.data = {"format": CACHE_FORMAT, "endpoints": {}}
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, ValueError) as e:
                raise InputError(str(path), f"cannot read the link cache: {getattr(e, 'strerror', None) or e}") from None
            if not isinstance(data, dict) or data.get("format") != CACHE_FORMAT or not isinstance(
                    data.get("endpoints"), dict):
                raise InputError(str(path), f"not a kg link cache (expected \"format\": \"{CACHE_FORMAT}\")")
            self.data = data
        answers = self.data["endpoints"].setdefault(endpoint, {})
        if not isinstance(answers, dict):
            answers = self.data["endpoints"][endpoint] = {}
        # an answer of the wrong shape (a cache from a buggy or hostile endpoint, edited by hand) is dropped and
        # looked up again, rather than crash this run and every later one
        for key in [k for k, v in answers.items() if not _valid_answer(k, v)]:
            del answers[key]
        self.answers: dict = answers

    def __contains__(self, key: str) -> bool:
        return key in self.answers

    def get(self, key: str):
        return self.answers.get(key)

    def save(self) -> None:
        tmp = self.path.with_name(self.path.name + ".part")
        try:
            tmp.write_text(json.dumps(self.data, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            os.replace(tmp, self.path)
        except OSError as e:
            raise InputError(str(self.path), f"cannot write the link cache: {e.strerror or e}") from None
        finally:
            tmp.unlink(missing_ok=True)


def _valid_ids(c) -> bool:
    return (isinstance(c, dict) and isinstance(c.get("geonames"), list) and isinstance(c.get("enwiki"), list)
            and all(isinstance(g, str) and _GEONAMES_ID.fullmatch(g) for g in c["geonames"])
            and all(isinstance(t, str) and t.isprintable() and t for t in c["enwiki"]))


def _valid_answer(key, answer) -> bool:
    """Whether a cached answer has the shape this module writes (``label_answers``, ``item_answers``)."""
    if not isinstance(key, str):
        return False
    if key.startswith("item "):
        return _valid_ids(answer)
    if not key.startswith("label ") or not isinstance(answer, list):
        return False
    return all(_valid_ids(c) and isinstance(c.get("item"), str) and _QID.fullmatch(c["item"])
               and c.get("match") in ("label", "alias") and isinstance(c.get("en"), str) for c in answer)


def label_key(etype: str, lang: str, label: str) -> str:
    return f"label {etype} {lang} {label}"


def item_key(qid: str) -> str:
    return f"item {qid}"


# ---------------------------------------------------------------- SPARQL against the endpoint

def _lit(text: str, lang: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"@{lang}'


def label_query(etype: str, lang: str, names: list[str]) -> str:
    tags = ZH_TAGS if lang == "zh" else (lang,)
    values = " ".join(_lit(n, t) for n in names for t in tags)
    classes = ", ".join(f"wd:{q}" for q in TYPE_CLASSES[etype])
    return f"""{_PREFIXES}SELECT ?name ?item ?match ?en ?geonames ?article WHERE {{
  VALUES ?name {{ {values} }}
  {{ ?item rdfs:label ?name BIND("label" AS ?match) }} UNION {{ ?item skos:altLabel ?name BIND("alias" AS ?match) }}
  FILTER EXISTS {{ ?item wdt:P31/wdt:P279* ?class FILTER(?class IN ({classes})) }}
  OPTIONAL {{ ?item rdfs:label ?en FILTER(LANG(?en) = "en") }}
{_ENWIKI}
}}"""


def item_query(qids: list[str]) -> str:
    values = " ".join(f"wd:{q}" for q in qids)
    return f"""{_PREFIXES}SELECT ?item ?geonames ?article WHERE {{
  VALUES ?item {{ {values} }}
{_ENWIKI}
}}"""


class EndpointError(Exception):
    pass


class Client:
    """A real HTTP client (httpx) for the SPARQL 1.1 protocol; counts its requests.

    It trusts the endpoint little: one request has an overall ``deadline`` (not one per read: an answer that
    trickles in is cut off), an answer is at most ``max_bytes``, a redirect is followed only on the same host
    (scheme, host and port), the answer must be SPARQL JSON results with string values, and whatever of the
    answer goes into a message is one printable line."""

    def __init__(self, endpoint: str, timeout: float = 60, deadline: float = DEADLINE, max_bytes: int = MAX_ANSWER):
        import httpx

        self.endpoint = endpoint
        self.requests = 0
        self.deadline = deadline
        self.max_bytes = max_bytes
        self._httpx = httpx
        self._client = httpx.Client(timeout=httpx.Timeout(timeout, connect=10), follow_redirects=False, headers={
            "Accept": "application/sparql-results+json", "Accept-Encoding": "gzip, deflate",
            "User-Agent": f"hezuo-kg/{__version__} (https://w3id.org/hezuo; kg link)",
        })

    def select(self, sparql: str) -> list[dict[str, str]]:
        self.requests += 1
        status, reason, body = self._post(sparql)
        if status != 200:
            raise EndpointError(f"HTTP {status} {printable(reason)}: {_shown(body)}")
        return parse_bindings(body)

    def _post(self, sparql: str) -> tuple[int, str, bytes]:
        """POST the query, following same-host redirects; the status, reason and body, within the deadline."""
        httpx = self._httpx
        url = self.endpoint
        start = time.monotonic()
        for _ in range(MAX_REDIRECTS + 1):
            try:
                with self._client.stream("POST", url, data={"query": sparql}) as r:
                    if r.is_redirect:
                        target = str(r.url.join(r.headers.get("location", "")))
                        if _origin(target) != _origin(url):
                            raise EndpointError(f"redirected to another host ({printable(target[:200])}); not followed")
                        url = target
                        continue
                    body = bytearray()
                    for piece in r.iter_raw():
                        body += piece
                        if len(body) > self.max_bytes:
                            raise EndpointError(f"the answer is over {self.max_bytes >> 20} MB; not read further")
                        if time.monotonic() - start > self.deadline:
                            raise EndpointError(f"no complete answer in {self.deadline:g} s")
                    if r.headers.get("content-encoding", "identity") != "identity":
                        body = bytearray(_decompressed(r, bytes(body), self.max_bytes))
                    return r.status_code, r.reason_phrase, bytes(body)
            except httpx.TimeoutException:
                raise EndpointError("no answer in time") from None
            except httpx.HTTPError as e:
                raise EndpointError(f"cannot reach the endpoint ({type(e).__name__}: "
                                    f"{_shown(str(e).encode()) or 'no network'})") from None
        raise EndpointError(f"more than {MAX_REDIRECTS} redirects")

    def close(self) -> None:
        self._client.close()


def _origin(url: str) -> tuple:
    from urllib.parse import urlsplit

    u = urlsplit(url)
    return u.scheme.lower(), (u.hostname or "").lower(), u.port or {"http": 80, "https": 443}.get(u.scheme.lower())


def _decompressed(response, body: bytes, limit: int) -> bytes:
    """The body as sent with Content-Encoding (gzip, deflate ...), decoded, never over ``limit`` bytes."""
    import zlib

    encoding = response.headers.get("content-encoding", "").lower()
    if encoding not in ("gzip", "deflate", "x-gzip"):
        raise EndpointError(f"the answer is encoded as {printable(encoding[:40])}, which kg link does not read")
    d = zlib.decompressobj(zlib.MAX_WBITS | 32)  # gzip or zlib header
    out = d.decompress(body, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise EndpointError(f"the answer is over {limit >> 20} MB; not read further")
    return out


def _shown(body: bytes, limit: int = 120) -> str:
    """A piece of an answer for a message: one printable line."""
    text = body[:limit * 4].decode("utf-8", errors="replace")
    return printable(" ".join(text.split()))[:limit]


def parse_bindings(body: bytes) -> list[dict[str, str]]:
    """SPARQL JSON results -> rows of ``{variable: value}``; anything of another shape is an ``EndpointError``."""
    try:
        data = json.loads(body)
    except ValueError:
        raise EndpointError("the answer is not SPARQL JSON results") from None
    results = data.get("results") if isinstance(data, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(bindings, list):
        raise EndpointError("the answer is not SPARQL JSON results (no results.bindings list)")
    rows = []
    for b in bindings:
        if not isinstance(b, dict) or not all(isinstance(k, str) and isinstance(v, dict) and isinstance(
                v.get("value"), str) for k, v in b.items()):
            raise EndpointError("the answer is not SPARQL JSON results (a binding is not {name: {value: text}})")
        rows.append({k: v["value"] for k, v in b.items()})
    return rows


def _qid(iri: str) -> str | None:
    q = iri[len(WD):] if isinstance(iri, str) and iri.startswith(WD) else ""
    return q if _QID.fullmatch(q) else None


def _title(article: str) -> str | None:
    prefix = "https://en.wikipedia.org/wiki/"
    if not article.startswith(prefix) or len(article) == len(prefix):
        return None
    title = unquote(article[len(prefix):])
    return title if title.isprintable() and len(title) <= 512 else None


def label_answers(rows: list[dict[str, str]], names: list[str]) -> dict[str, list[dict]]:
    """Rows of ``label_query`` -> for each name, its candidates (sorted by Q-id)."""
    found: dict[str, dict[str, dict]] = {n: {} for n in names}
    for row in rows:
        qid = _qid(row.get("item", ""))
        if qid is None or row.get("name") not in found:
            continue
        c = found[row["name"]].setdefault(qid, {"item": qid, "match": "alias", "en": "", "geonames": [], "enwiki": []})
        if row.get("match") == "label":
            c["match"] = "label"
        if row.get("en") and (not c["en"] or row["en"] < c["en"]):
            c["en"] = row["en"]
        _add_ids(c, row)
    return {n: [_sorted(c) for _, c in sorted(cands.items(), key=lambda kv: int(kv[0][1:]))]
            for n, cands in found.items()}


def item_answers(rows: list[dict[str, str]], qids: list[str]) -> dict[str, dict]:
    found = {q: {"geonames": [], "enwiki": []} for q in qids}
    for row in rows:
        qid = _qid(row.get("item", ""))
        if qid in found:
            _add_ids(found[qid], row)
    return {q: _sorted(v) for q, v in found.items()}


def _add_ids(c: dict, row: dict[str, str]) -> None:
    if _GEONAMES_ID.fullmatch(row.get("geonames", "")) and row["geonames"] not in c["geonames"]:
        c["geonames"].append(row["geonames"])
    title = _title(row.get("article", ""))
    if title and title not in c["enwiki"]:
        c["enwiki"].append(title)


def _sorted(c: dict) -> dict:
    return {**c, "geonames": sorted(c["geonames"], key=int), "enwiki": sorted(c["enwiki"])}


# ---------------------------------------------------------------- the store side

def entities(store: Store, base: str = DEFAULT_BASE) -> list[Entity]:
    """Every entity of the store with its type, label and the links the build gave it."""
    graph = IRIs(base).entities_graph()  # where the build describes every entity (Mapper.describe)
    class_type = {cls: t for t, cls in ENTITY_CLASS.items()}
    found: dict[NamedNode, Entity] = {}
    for q in store.quads_for_pattern(None, HZ.key, None, graph):
        if isinstance(q.subject, NamedNode):
            found.setdefault(q.subject, Entity(q.subject, q.object.value, ""))
    for q in store.quads_for_pattern(None, RDF.type, None, graph):
        e = found.get(q.subject)
        if e is not None and q.object in class_type:
            e.type = min(filter(None, (e.type, class_type[q.object])))  # one type, the same on every run
    labels: dict[NamedNode, set[tuple[str, str]]] = {}
    for q in store.quads_for_pattern(None, RDFS.label, None, graph):
        if q.subject in found and isinstance(q.object, Literal) and q.object.language:
            labels.setdefault(q.subject, set()).add((q.object.language, q.object.value))
    for q in store.quads_for_pattern(None, OWL.sameAs, None, graph):
        e = found.get(q.subject)
        if e is not None and isinstance(q.object, NamedNode):
            target = link_target(q.object.value)
            if target:
                e.same.setdefault(target, q.object.value)
    out = []
    for iri, e in sorted(found.items(), key=lambda kv: kv[1].key):
        names = sorted(labels.get(iri, ()))
        zh = [v for lang, v in names if lang.startswith("zh")]
        en = [v for lang, v in names if lang == "en"]
        if not e.type or not (zh or en):
            continue
        e.label, e.lang = (zh[0], "zh") if zh else (en[0], "en")
        out.append(e)
    return out


def decide(candidates: list[dict]) -> tuple[str, dict | None, str]:
    """("accept", candidate, score) / ("ambiguous", None, "") / ("none", None, "")."""
    by_label = [c for c in candidates if c["match"] == "label"]
    if len(by_label) == 1:
        return "accept", by_label[0], "1.0" if len(candidates) == 1 else "0.9"
    if not by_label and len(candidates) == 1:
        return "accept", candidates[0], "0.7"
    return ("ambiguous" if candidates else "none"), None, ""


def _dbpedia(title: str) -> str:
    """The DBpedia resource of an English Wikipedia title, written as the lexicon writes them (Georgia_(country),
    Curaçao): only what an IRI forbids is percent-encoded."""
    return LINK_TARGETS["dbpedia"] + "".join(
        c if ord(c) > 32 and c not in '<>"{}|\\^`' else quote(c, safe="") for c in title.replace(" ", "_"))


def link_quads(report: LinkReport, base: str, kept: list[Quad]) -> list[Quad]:
    """The links graph: this run's links, the kept ones, and the activity they come from."""
    g = links_graph(base)
    iris = IRIs(base)
    run = iris.entity("link/run")
    out: dict[Quad, None] = dict.fromkeys(kept)

    def add(s, p, o):
        out[Quad(s, p, o, g)] = None

    if report.links or kept:
        add(run, RDF.type, PROV.Activity)
        add(run, PROV.used, NamedNode(report.endpoint))
        add(run, PROV.wasAssociatedWith, void.tool_iri(base))
    for link in sorted(report.links, key=lambda lk: (lk.entity.key, lk.target)):
        target = NamedNode(link.iri)
        node = iris.entity(f"link/{link.entity.key}/{link.target}")
        add(link.entity.iri, OWL.sameAs, target)
        add(node, RDF.type, HZ.Link)
        add(node, RDF.type, RDF.Statement)
        add(node, RDF.subject, link.entity.iri)
        add(node, RDF.predicate, OWL.sameAs)
        add(node, RDF.object, target)
        add(node, HZ.score, Literal(link.score, datatype=XSD.decimal))
        add(node, HZ.method, Literal(link.method))
        add(node, HZ.matchedLabel, Literal(link.entity.label, language=link.entity.lang))
        if link.derived_from:
            add(node, PROV.wasDerivedFrom, NamedNode(link.derived_from))
        add(node, PROV.wasGeneratedBy, run)
    return list(out)


# ---------------------------------------------------------------- the run

def link(store_dir: str | Path, *, endpoint: str = DEFAULT_ENDPOINT, cache: str | Path | None = None,
         base: str = DEFAULT_BASE, offline: bool = False) -> LinkReport:
    """Reconcile, write the links graph and the dataset description; see the module docstring.

    Raises ``InputError`` for a missing store or an unreadable cache.  A failing endpoint does
    not raise: ``LinkReport.error`` says what happened and ``missing`` what is left to look up.
    """
    if not re.match(r"^https?://\S+$", endpoint):
        raise ParameterError("endpoint", f"must be an http:// or https:// URL, not {endpoint!r}")
    t0 = time.perf_counter()
    with StoreFolder(store_dir) as folder:
        if not folder.lock(create=False) or storedir.store_path(store_dir) is None:
            raise InputError(str(store_dir), "no graph store here; run 'kg build --store DIR' first")
        manifest = storedir.read_manifest(store_dir)
        store = open_store(folder.begin(), create=True)  # writes go to a staging copy, made active at the end
        try:
            report, counted = _link(store, store_dir, endpoint, cache, base, offline, t0)
            if manifest:
                manifest["stats"] = stats(store, counted)
        finally:
            store = None
            gc.collect()  # closed before it becomes visible (or is removed)
        folder.commit(manifest or {"documents": {}})
        return report


def _link(store: Store, store_dir, endpoint: str, cache, base: str, offline: bool,
          t0: float) -> tuple[LinkReport, Census]:
    cache_path = Path(cache) if cache else default_cache(store_dir)
    answers = Cache(cache_path, endpoint)
    report = LinkReport(endpoint, links_graph(base).value, str(cache_path))

    ents = entities(store, base)
    report.entities = len(ents)
    to_label: dict[tuple[str, str], dict[str, None]] = {}  # (type, lang) -> names (an ordered set)
    to_item: dict[str, None] = {}  # Wikidata ids from the lexicon to complete with GeoNames / DBpedia
    for e in ents:
        qid = _qid(e.same.get("wikidata", ""))
        if qid is None:
            to_label.setdefault((e.type, e.lang), {})[e.label] = None
        elif ("geonames" not in e.same and e.type in GEO_TYPES) or "dbpedia" not in e.same:
            to_item[qid] = None
    needed = [label_key(t, lang, n) for (t, lang), names in to_label.items() for n in names]
    needed += [item_key(q) for q in to_item]
    report.lookups = len(needed)
    report.cached = sum(1 for k in needed if k in answers)

    batches: list[tuple[str, list[str], Callable]] = []
    for (t, lang), names in sorted(to_label.items()):
        todo = sorted(n for n in names if label_key(t, lang, n) not in answers)
        for i in range(0, len(todo), BATCH):
            chunk = todo[i:i + BATCH]
            batches.append((label_query(t, lang, chunk), [label_key(t, lang, n) for n in chunk],
                            lambda rows, chunk=chunk: label_answers(rows, chunk)))
    todo = sorted((q for q in to_item if item_key(q) not in answers), key=lambda q: int(q[1:]))
    for i in range(0, len(todo), BATCH):
        chunk = todo[i:i + BATCH]
        batches.append((item_query(chunk), [item_key(q) for q in chunk],
                        lambda rows, chunk=chunk: item_answers(rows, chunk)))

    if batches and not offline:
        client = Client(endpoint)
        try:
            for sparql, keys, parse in batches:
                try:
                    rows = client.select(sparql)
                except EndpointError as e:
                    report.error = f"{endpoint}: {e}"
                    break
                for key, answer in zip(keys, parse(rows).values()):
                    answers.answers[key] = answer
                report.fetched += len(keys)
                answers.save()  # after every answer: nothing fetched is lost
        finally:
            report.requests = client.requests
            client.close()
    report.missing = [k for k in needed if k not in answers]

    unanswered = set()
    for e in ents:
        if not _decide_entity(e, answers, report):
            unanswered.add(e.iri)
    kept = _kept(store, base, unanswered)
    report.kept = len({q.subject for q in kept if q.predicate == OWL.sameAs})
    replace_graph(store, links_graph(base), link_quads(report, base, kept))
    counted = census(store)
    void.update(store, base, counted)
    store.flush()
    report.seconds = time.perf_counter() - t0
    return report, counted


def _kept(store: Store, base: str, entities: set[NamedNode]) -> list[Quad]:
    """The links an earlier run wrote for these entities (whose lookups this run could not make): kept as they were."""
    g = links_graph(base)
    out = [q for q in store.quads_for_pattern(None, OWL.sameAs, None, g) if q.subject in entities]
    for q in store.quads_for_pattern(None, RDF.subject, None, g):
        if q.object in entities:
            out.extend(store.quads_for_pattern(q.subject, None, None, g))
    return out


def _decide_entity(e: Entity, answers: Cache, report: LinkReport) -> bool:
    """Add the links the cached answers give this entity; False when its lookup has no answer yet."""
    qid = _qid(e.same.get("wikidata", ""))
    score = "1.0"
    if qid is None:
        candidates = answers.get(label_key(e.type, e.lang, e.label))
        if candidates is None:
            return False
        verdict, chosen, score = decide(candidates)
        if verdict == "ambiguous":
            report.ambiguous.append((e.key, e.label, [(c["item"], c["en"]) for c in candidates]))
            return True
        if verdict == "none":
            report.unmatched.append((e.key, e.label))
            return True
        qid, info = chosen["item"], chosen
        found_by = "wikidata-label" if chosen["match"] == "label" else "wikidata-alias"
        report.links.append(Link(e, "wikidata", WD + qid, score, found_by))
    else:
        info = answers.get(item_key(qid))
        if info is None:
            return False
    item = WD + qid
    if "geonames" not in e.same and e.type in GEO_TYPES and len(info["geonames"]) == 1:
        report.links.append(Link(e, "geonames", LINK_TARGETS["geonames"] + info["geonames"][0] + "/", score,
                                 "wikidata-P1566", item))
    if "dbpedia" not in e.same and len(info["enwiki"]) == 1:
        report.links.append(Link(e, "dbpedia", _dbpedia(info["enwiki"][0]), score, "wikidata-enwiki", item))
    return True
