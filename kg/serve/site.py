"""The pages for people (landing page, entity and document pages, search, reconciliation).

`routes()` gives the Starlette routes that the front (`kg.serve.server`) mounts before its own SPARQL
routes.  Every page reads the served generation's store directly (pyoxigraph, read-only) and its search
index (kg.store.search); every page has a machine-readable twin (JSON, Turtle, JSON-LD or N-Triples).
Nothing is fetched from outside the server: the CSS, the query page's small script and the pictures
(server-side SVG) come from here.

- ``/``: the dataset (from its VoID description), a search box, the SPARQL query form with our prefixes
  and every query of ``queries/`` as an example; twins ``/dataset.json`` and ``/void.ttl``;
- ``/id/{key}``: an entity or a document, by content negotiation (``Accept``) or suffix (``.ttl``,
  ``.jsonld``, ``.nt``) its description in RDF: the IRIs of the store (``{base}{key}``) resolve here;
- ``/search?q=&type=`` and ``/api/search?q=&type=``;
- ``/reconcile`` and below: the W3C Reconciliation API (kg.serve.reconcile).
"""
from __future__ import annotations

import json
import re
import tempfile
from functools import cached_property
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from pyoxigraph import NamedNode, Quad, RdfFormat, Store, serialize
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from kg.model import InputError
from kg.rdf import jsonld
from kg.rdf.vocab import PREFIXES
from kg.resources import resource
from kg.serve import lookup, svg
from kg.serve.reconcile import QueryError, Reconciler, parse_queries
from kg.store.core import locate
from kg.store.folder import read_manifest
from kg.store.search import TYPES, SearchIndex, build_index, index_path

HERE = Path(__file__).parent
DEFAULT_BASE = "https://w3id.org/hezuo/id/"
RDF_TYPES = {  # media type -> (suffix, pyoxigraph format or None for our compacted JSON-LD)
    "text/turtle": (".ttl", RdfFormat.TURTLE),
    "application/ld+json": (".jsonld", None),
    "application/n-triples": (".nt", RdfFormat.N_TRIPLES),
}
SUFFIXES = {suffix: media for media, (suffix, _) in RDF_TYPES.items()}
ACCEPT_ALIASES = {"application/json": "application/ld+json", "application/x-turtle": "text/turtle",
                  "text/plain": "application/n-triples"}
MENTIONS_PER_PAGE = 50
LANDING_DOCUMENTS = 12  # documents listed (with their titles) on the landing page
FACTS_PER_PAGE = 25
_NON_ASCII_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")
UNDATED = "n.d."  # the bar of the facts whose year is not known
_SAFE = "/-_.~%#=,:!$&'()*+;@"


def store_base(store_folder: str | Path) -> str:
    """The base IRI a store folder was built with (its manifest), else the default."""
    return read_manifest(store_folder).get("base") or DEFAULT_BASE


def _generation(store_path: Path) -> tuple[Path, Path]:
    """(the Oxigraph store, the folder its search index is in) for a store folder or an Oxigraph store."""
    try:
        store = locate(store_path)
    except InputError:
        if (Path(store_path) / "CURRENT").is_file():
            store = Path(store_path)
        else:
            raise
    return store, store.parent


class Site:
    def __init__(self, store_path: Path, base: str, query_path: str):
        self.store_file, generation = _generation(Path(store_path))
        self.store = Store.read_only(str(self.store_file))
        self.base = base
        self.query_path = query_path
        self.entities_graph = NamedNode(base + "entities")
        self.void_graph = NamedNode(base + "void")
        if not index_path(generation).is_file():  # a store built before the index: names from the store only
            self._tmp = tempfile.TemporaryDirectory(prefix="kg-search-")
            generation = Path(self._tmp.name)
            build_index(self.store, generation, base=base)
        self.index = SearchIndex(generation)
        self.reconciler = Reconciler(self.store, self.index, base, self.entities_graph)
        self.env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(),
                               trim_blocks=True, lstrip_blocks=True, auto_reload=False)
        self.env.globals.update(href=self.href, types=list(TYPES), query_path=query_path, base=base)
        self.env.filters["short"] = lambda iri: lookup.local_name(iri)

    # -- links ---------------------------------------------------------------------------------
    def href(self, iri: str) -> str:
        """Where a link to ``iri`` goes: a page of this server for an IRI of the store, else the IRI."""
        if iri.startswith(self.base):
            return "/id/" + quote(iri[len(self.base):], safe=_SAFE)
        return iri

    def iri_of(self, request: Request) -> str:
        """The store IRI a ``/id/...`` request names: non-ASCII escapes decoded (IRIs hold those characters
        as they are), ASCII escapes kept as the build wrote them."""
        raw = request.scope.get("raw_path", b"").decode("ascii", "replace") or quote(request.url.path)
        rest = raw.split("/id/", 1)[1] if "/id/" in raw else ""
        rest = _NON_ASCII_ESCAPES.sub(lambda m: unquote(m[0]), rest)
        return self.base + re.sub(r"%([0-9a-f]{2})", lambda m: "%" + m[1].upper(), rest)

    def render(self, template: str, status: int = 200, **values) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(template).render(**values), status_code=status)

    # -- landing page ----------------------------------------------------------------------------
    @cached_property
    def examples(self) -> list[dict]:
        out = []
        for f in sorted(resource("queries").glob("*.rq")):
            text = f.read_text(encoding="utf-8")
            title = next((line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")), f.stem)
            out.append({"name": f.stem, "title": title, "query": text})
        return out

    @cached_property
    def prefixes(self) -> str:
        return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())

    def dataset(self) -> dict:
        d = lookup.dataset(self.store, self.void_graph)
        d["entities_per_type"] = d.pop("classes")
        d["links_per_target"] = d.pop("links")
        d["documents_list"] = [{"id": s, "page": self.href(s)} for s in d.pop("sources")]
        for doc in d["documents_list"][:LANDING_DOCUMENTS]:
            doc["title"] = lookup.label_of(self.store, doc["id"])
        return d

    def landing(self, request: Request) -> Response:
        chosen = request.query_params.get("example", "")
        example = next((e for e in self.examples if e["name"] == chosen), None)
        query = example["query"] if example else self.prefixes + "\nSELECT ?entity ?label WHERE {\n" \
            "  ?entity a hz:Country ; rdfs:label ?label .\n  FILTER(lang(?label) = \"zh\")\n} LIMIT 20\n"
        return self.render("landing.html", d=self.dataset(), shown=LANDING_DOCUMENTS, examples=self.examples, query=query, chosen=chosen,
                           alternate=[("/dataset.json", "application/json"), ("/void.ttl", "text/turtle")])

    def dataset_json(self, request: Request) -> Response:
        return JSONResponse(self.dataset())

    def void_ttl(self, request: Request) -> Response:
        triples = sorted({(q.subject, q.predicate, q.object) for q in
                          self.store.quads_for_pattern(None, None, None, self.void_graph)}, key=str)
        return _rdf_response([Quad(s, p, o) for s, p, o in triples], "text/turtle")

    # -- search ------------------------------------------------------------------------------------
    def _search(self, request: Request) -> tuple[str, list[str], list, int]:
        q = request.query_params.get("q", "")
        types = [t for t in request.query_params.getlist("type") if t]
        try:
            limit = min(100, max(1, int(request.query_params.get("limit", "20"))))
            offset = max(0, int(request.query_params.get("offset", "0")))
        except ValueError:
            raise QueryError("limit and offset: expected whole numbers") from None
        try:
            hits = self.index.search(q, types=types, limit=limit, offset=offset)
        except ValueError as e:
            raise QueryError(f"type: {e}") from None
        return q, types, hits, offset

    def search_page(self, request: Request) -> Response:
        try:
            q, types, hits, offset = self._search(request)
        except QueryError as e:
            return self.render("error.html", 400, message=str(e))
        if len(hits) == 1 and request.query_params.get("go"):
            return RedirectResponse(self.href(hits[0].iri), status_code=303)
        return self.render("search.html", q=q, chosen=types, hits=hits, offset=offset,
                           alternate=[(f"/api/search?{request.url.query}", "application/json")])

    def search_api(self, request: Request) -> Response:
        try:
            q, types, hits, offset = self._search(request)
        except QueryError as e:
            return JSONResponse({"error": str(e)}, status_code=400)
        return JSONResponse({"query": q, "normalised": self.index.normalise(q), "type": types, "offset": offset,
                             "results": [dict(h.as_json(), page=self.href(h.iri)) for h in hits]})

    # -- entities and documents ----------------------------------------------------------------------
    def resource(self, request: Request) -> Response:
        iri = self.iri_of(request)
        media = None
        for suffix, m in SUFFIXES.items():
            if iri.endswith(suffix) and not self._known(iri):
                iri, media = iri[: -len(suffix)], m
                break
        if iri in (self.base + "dataset", self.void_graph.value):  # the dataset and its description
            return RedirectResponse("/void.ttl" if media or _negotiate(request.headers.get("accept", "")) != "text/html"
                                    else "/", status_code=303)
        if not self._known(iri):
            return self.render("error.html", 404, message=f"{iri} is not an entity or a document of this graph")
        if media is None:
            media = _negotiate(request.headers.get("accept", ""))
        if media != "text/html":
            resp = _rdf_response(lookup.description(self.store, iri), media)
            resp.headers["Vary"] = "Accept"
            return resp
        page = self._document_page if iri.startswith(self.base + "doc/") else self._entity_page
        resp = page(request, iri)
        resp.headers["Vary"] = "Accept"
        return resp

    def _known(self, iri: str) -> bool:
        if iri.startswith(self.base + "doc/"):
            return self.store.contains_named_graph(NamedNode(iri))
        try:
            return self.index.entity(iri) is not None or lookup.entity(self.store, iri, self.entities_graph) is not None
        except ValueError:  # not an IRI
            return False

    def _alternates(self, request: Request) -> list[tuple[str, str]]:
        path = request.url.path
        return [(path + suffix, media) for media, (suffix, _) in RDF_TYPES.items()]

    def _entity_page(self, request: Request, iri: str) -> Response:
        e = lookup.entity(self.store, iri, self.entities_graph)
        if e is None:
            return self.render("error.html", 404, message=f"{iri} is not an entity of this graph")
        page, facts_page = _page(request, "page"), _page(request, "facts")
        row = self.index.entity(iri) or {}
        total = row.get("mentions")
        mentions = lookup.mentions(self.store, iri, limit=MENTIONS_PER_PAGE, offset=page * MENTIONS_PER_PAGE)
        facts, more_facts = lookup.facts(self.store, iri, self.entities_graph, limit=FACTS_PER_PAGE,
                                         offset=facts_page * FACTS_PER_PAGE)
        related = lookup.related(self.store, iri, facts, self.entities_graph, self.base)
        picture = svg.neighbourhood(e.label, [(label, how, self.href(other)) for other, label, how, _ in related])
        chart = None
        years = self.index.aid_by_year(iri)
        if e.type == "Country" and years:
            chart = svg.bars(f"Aid to {e.label_en or e.label} by year: facts that name it as recipient",
                             [(y or UNDATED, v["facts"], _tip(y or UNDATED, v)) for y, v in years.items()])
        return self.render("entity.html", e=e, mentions=mentions, total=total, page=page,
                           per_page=MENTIONS_PER_PAGE, facts=facts, facts_page=facts_page, more_facts=more_facts, related=related, picture=Markup(picture),
                           chart=Markup(chart) if chart else None, alternate=self._alternates(request),
                           documents=lookup.documents_of(self.store, iri))

    def _document_page(self, request: Request, iri: str) -> Response:
        d = lookup.document(self.store, iri, self.entities_graph)
        if d is None:
            return self.render("error.html", 404, message=f"{iri} is not a document of this graph")
        return self.render("document.html", d=d, body=Markup(self._highlight(d)), alternate=self._alternates(request),
                           counts=_span_counts(d))

    def _highlight(self, d: lookup.Document) -> str:
        """The text with its spans: a clause (fact evidence) as <mark>, an entity mention as a link to its
        page, a value as <span>; each mention's element has the id ``char=S,E`` of its IRI's fragment, so
        ``{document}#char=S,E`` lands on it.  Spans may overlap: the text is cut at every boundary."""
        text = d.text
        cuts = sorted({0, len(text), *(s for s, _, *_ in d.spans), *(e for _, e, *_ in d.spans)})
        starts: dict[int, list] = {}
        for sp in d.spans:
            starts.setdefault(sp[0], []).append(sp)
        active: list = []
        out = []
        for a, b in zip(cuts, cuts[1:]):
            if a > len(text):
                break
            active = [sp for sp in active if sp[1] > a] + starts.get(a, [])
            piece = str(escape(text[a:b]))
            linked = False  # a link holds no other link: a mention inside another links the inner one
            for start, end, kind, node, target in sorted(active, key=lambda sp: (sp[0] - sp[1], sp[2]), reverse=True):
                anchor = f' id="{escape(node.split("#", 1)[1])}"' if start == a else ""
                if kind == "entity" and linked:
                    piece = f'<span class="ent-outer"{anchor}>{piece}</span>'
                elif kind == "clause":
                    title = escape(d.facts.get(node, "fact"))
                    piece = f'<mark class="fact"{anchor} title="{title}">{piece}</mark>'
                elif kind == "entity":
                    linked = True
                    piece = (f'<a class="ent"{anchor} href="{escape(self.href(target))}" '
                             f'title="{escape(lookup.local_name(target))}">{piece}</a>')
                else:
                    piece = f'<span class="val {kind}"{anchor} title="{kind}">{piece}</span>'
            out.append(piece)
        return "".join(out)

    # -- reconciliation -------------------------------------------------------------------------------
    async def reconcile(self, request: Request) -> Response:
        params = dict(request.query_params)
        if request.method == "POST":  # OpenRefine posts a form (application/x-www-form-urlencoded)
            body = (await request.body()).decode("utf-8", "replace")
            params.update({k: v[-1] for k, v in parse_qs(body, keep_blank_values=True).items()})
        return await run_in_threadpool(self._reconcile, params, _root(request))

    def _reconcile(self, params: dict[str, str], root: str) -> Response:
        callback = params.get("callback")
        if "queries" in params:
            try:
                answer = self.reconciler.batch(parse_queries(params["queries"]))
            except QueryError as e:
                return JSONResponse({"error": str(e)}, status_code=400)
        elif "query" in params:  # a single query, as in the oldest clients
            raw = params["query"]
            try:
                q = json.loads(raw) if raw.lstrip().startswith("{") else {"query": raw}
                answer = {"result": self.reconciler.reconcile(q)}
            except (QueryError, ValueError) as e:
                return JSONResponse({"error": str(e)}, status_code=400)
        else:
            answer = self.reconciler.manifest(root)
        return _json_or_jsonp(answer, callback)

    def suggest(self, request: Request) -> Response:
        kind = request.path_params["kind"]
        prefix = request.query_params.get("prefix", "")
        if kind == "entity":
            try:
                cursor = max(0, int(request.query_params.get("cursor", "0")))
            except ValueError:
                return JSONResponse({"error": "cursor: expected a whole number"}, status_code=400)
            answer = self.reconciler.suggest_entity(prefix, cursor)
        elif kind == "type":
            answer = self.reconciler.suggest_type(prefix)
        elif kind == "property":
            answer = self.reconciler.suggest_property(prefix)
        else:
            return JSONResponse({"error": f"no suggest service {kind!r}"}, status_code=404)
        return _json_or_jsonp(answer, request.query_params.get("callback"))

    def preview(self, request: Request) -> Response:
        key = request.query_params.get("id", "")
        iri = lookup.entity_iri(self.base, key) if key else ""
        e = lookup.entity(self.store, iri, self.entities_graph) if iri else None
        if e is None:
            return self.render("error.html", 404, message=f"no entity with id {key!r}")
        return self.render("preview.html", e=e, row=self.index.entity(iri) or {}, iri=iri)


def _page(request: Request, name: str) -> int:
    try:
        return max(0, int(request.query_params.get(name, "0")))
    except ValueError:
        return 0


def _tip(year: str, v: dict) -> str:
    amounts = "; ".join(f"{a:,.0f} {c}" for c, a in sorted(v["amounts"].items()))
    return f"{year}: {v['facts']} fact{'s' if v['facts'] != 1 else ''}" + (f", {amounts}" if amounts else "")


def _span_counts(d: lookup.Document) -> dict[str, int]:
    counts: dict[str, int] = {}
    for _, _, kind, _, _ in d.spans:
        counts[kind] = counts.get(kind, 0) + 1
    return dict(sorted(counts.items()))


def _root(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _json_or_jsonp(answer, callback: str | None) -> Response:
    if callback:
        if not re.fullmatch(r"[A-Za-z_$][\w$.]*", callback):
            return JSONResponse({"error": "callback: not a JavaScript name"}, status_code=400)
        body = f"{callback}({json.dumps(answer, ensure_ascii=False)});"
        return Response(body, media_type="application/javascript")
    return JSONResponse(answer, headers={"Access-Control-Allow-Origin": "*"})


def _negotiate(accept: str) -> str:
    """The best of text/html and the RDF media types for an Accept header (HTML when nothing fits)."""
    best, best_q = "text/html", -1.0
    offered = ["text/html", *RDF_TYPES]
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = ACCEPT_ALIASES.get(fields[0].lower(), fields[0].lower())
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if media in ("*/*", "text/*") or media not in offered:
            if media in ("*/*", "text/*") and best_q < 0:
                best_q = 0.0
            continue
        q -= i * 1e-6  # the first of equal weights wins
        if q > best_q and q > 0:
            best, best_q = media, q
    return best


def _rdf_response(quads: list[Quad], media: str) -> Response:
    triples = [Quad(q.subject, q.predicate, q.object) for q in quads]
    fmt = RDF_TYPES[media][1]
    if fmt is None:
        body = json.dumps(jsonld.document(triples), ensure_ascii=False, indent=1)
    else:
        body = serialize(triples, format=fmt, prefixes=PREFIXES if fmt == RdfFormat.TURTLE else None).decode("utf-8")
    return Response(body, media_type=f"{media}; charset=utf-8" if media != "application/ld+json" else media)


def routes(store_path: Path, *, base: str, query_path: str = "/query") -> list:
    """Starlette routes for the human-facing site of the store at `store_path` (its active generation)."""
    site = Site(store_path, base, query_path)

    return [
        Route("/", site.landing, name="landing"),
        Route("/dataset.json", site.dataset_json),
        Route("/void.ttl", site.void_ttl),
        Route("/search", site.search_page),
        Route("/api/search", site.search_api),
        Route("/id/{key:path}", site.resource),
        Route("/reconcile", site.reconcile, methods=["GET", "POST"]),
        Route("/reconcile/suggest/{kind}", site.suggest),
        Route("/reconcile/preview", site.preview),
        Mount("/static", app=StaticFiles(directory=HERE / "static"), name="static"),
    ]


def app(store_path: Path, *, base: str | None = None, query_path: str = "/query") -> Starlette:
    """The site alone as an ASGI application (the front mounts ``routes()`` beside SPARQL instead)."""
    return Starlette(routes=routes(store_path, base=base or store_base(store_path), query_path=query_path))
