"""The pages for people and the tools of the trade, over real HTTP (tests/site_server.py): landing page,
entity and document pages with content negotiation, search API, the W3C Reconciliation API."""
from __future__ import annotations

import json
import re
from html import unescape

import httpx
import jsonschema
import pytest
import rdflib
from pyoxigraph import NamedNode

import site_server
from site_server import site  # noqa: F401 - the fixture
from conftest import run_kg
from kg.store import open_store

BASE = "https://w3id.org/hezuo/id/"
PAK = BASE + "country/PAK"


@pytest.fixture(scope="module")
def store(corpus_store):
    return open_store(corpus_store, read_only=True)


def get(url, **kw) -> httpx.Response:
    return httpx.get(url, timeout=30, **kw)


def local_links(html: str) -> list[str]:
    return re.findall(r'href="(/[^"]*)"', html)


def test_landing_page_describes_the_dataset(site, store):
    r = get(site + "/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    void = get(site + "/dataset.json").json()
    assert void["documents"] == 1 and void["entities"] > 100
    assert f'id="n-entities">{void["entities"]}<' in html
    assert void["modified"] == "2023-11-14" and "2023-11-14" in html  # SOURCE_DATE_EPOCH of the tests
    assert void["entities_per_type"]["Country"] >= 20 and "Country" in html
    assert set(void["links_per_target"]) == {"Wikidata", "GeoNames", "DBpedia"}
    assert 'action="/search"' in html
    # our prefixes are declared, every query of queries/ is an example
    for prefix in ("PREFIX hz: <https://w3id.org/hezuo/ontology#>", "PREFIX nif:", "PREFIX itsrdf:"):
        assert prefix in unescape(html)
    examples = sorted(p.stem for p in site_server.Path(site_server.__file__).parent.parent.joinpath("queries").glob("*.rq"))
    assert examples and all(f'data-example="{name}"' in html for name in examples)
    # offline: nothing is loaded from another host
    elsewhere = r'(src|href|action)="(https?:)?//(?!127\.0\.0\.1[:/])'  # the query form may go to a loopback endpoint
    assert not re.search(elsewhere, html.split("<main>")[0] + html.split("</main>")[1])
    assert not re.search(r'<script[^>]+src="(https?:)?//', html)
    assert '<script src="/static/query.js"' in html and get(site + "/static/query.js").status_code == 200
    ttl = rdflib.Graph().parse(data=get(site + "/void.ttl").text, format="turtle")
    assert (None, rdflib.URIRef("http://rdfs.org/ns/void#documents"), rdflib.Literal(1)) in ttl


def test_landing_example_by_name(site):
    html = get(site + "/", params={"example": "07-countries-with-links"}).text
    assert "owl:sameAs" in unescape(html).split('id="query"')[1].split("</textarea>")[0]


def test_entity_page(site):
    r = get(site + "/id/country/PAK")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "巴基斯坦" in html and "Pakistan" in html and "Country" in html
    for link in ("http://www.wikidata.org/entity/Q843", "https://sws.geonames.org/1168579/",
                 "http://dbpedia.org/resource/Pakistan"):
        assert f'href="{link}"' in html
    # mentions with the mention highlighted and a link into the document, at the mention
    mentions = re.findall(r'<li class="mention">(.*?)</li>', html, re.S)
    assert mentions and all("<mark>巴基斯坦</mark>" in m for m in mentions)
    doc_links = [link for link in local_links(html) if link.startswith("/id/doc/") and "#char=" in link]
    assert len(doc_links) >= len(mentions)
    assert "<svg" in html and "<script" not in html.split("<main>")[1]  # the neighbourhood, drawn on the server
    for link in local_links(html):  # links between pages stay on the server and resolve
        if link.startswith("/id/"):
            assert get(site + link.split("#")[0]).status_code == 200, link


def test_country_page_has_facts_and_aid_chart(site):
    html = get(site + "/id/country/KHM").text  # Cambodia: named as recipient in three facts
    assert len(re.findall(r'<tr class="fact">', html)) >= 3
    chart = html.split("Aid received over time")[1]
    bars = re.findall(r'<rect [^>]*class="bar"><title>([^<]*)</title>', chart.split("</svg>")[0])
    assert bars and sum(int(re.search(r": (\d+) fact", b)[1]) for b in bars) >= 3  # every fact in a bar


def test_document_page_highlights(site):
    page = get(site + "/id/country/PAK").text
    link = re.search(r'class="doc-link" href="([^"]+)"', page)[1]
    path, fragment = link.split("#")
    r = get(site + path)
    assert r.status_code == 200
    html = r.text
    assert f'id="{fragment}"' in html  # the mention's IRI fragment lands on it
    mention = re.search(rf'<a class="ent" id="{re.escape(fragment)}" href="([^"]+)"[^>]*>(.*?)</a>', html)
    assert mention and mention[1] == "/id/country/PAK" and mention[2] == "巴基斯坦"
    assert '<mark class="fact"' in html and 'class="val money"' in html


@pytest.mark.parametrize("how", ["accept", "suffix"])
@pytest.mark.parametrize("media, suffix, fmt", [("text/turtle", ".ttl", "turtle"),
                                                ("application/ld+json", ".jsonld", "json-ld"),
                                                ("application/n-triples", ".nt", "nt")])
def test_content_negotiation_gives_the_store_triples(site, store, how, media, suffix, fmt):
    if how == "accept":
        r = get(site + "/id/country/PAK", headers={"Accept": f"{media}, text/html;q=0.5"})
    else:
        r = get(site + "/id/country/PAK" + suffix)
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    got = rdflib.Graph().parse(data=r.text, format=fmt)
    expected = {(q.subject.value, q.predicate.value, str(q.object.value))
                for q in store.quads_for_pattern(NamedNode(PAK), None, None)}
    assert {(str(s), str(p), str(o)) for s, p, o in got} == expected
    assert len(got) == len(expected) > 10


def test_dataset_iri_resolves(site):
    r = get(site + "/id/dataset", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/"
    r = get(site + "/id/dataset", headers={"Accept": "text/turtle"}, follow_redirects=True)
    assert r.status_code == 200 and "void:Dataset" in r.text


def test_unknown_entity_is_404(site):
    r = get(site + "/id/country/XXX")
    assert r.status_code == 404 and "not an entity" in r.text
    assert get(site + "/id/country/XXX.ttl").status_code == 404


def test_search_api(site):
    r = get(site + "/api/search", params={"q": "聯合國"})
    assert r.status_code == 200
    body = r.json()
    assert body["normalised"] == "联合国"
    first = body["results"][0]
    assert first["key"] == "org/united-nations" and first["match"] == "exact"
    assert get(site + first["page"]).status_code == 200
    only = get(site + "/api/search", params={"q": "中", "type": "Country"}).json()["results"]
    assert [h["key"] for h in only] == ["country/CHN"]
    bad = get(site + "/api/search", params={"q": "中", "type": "Planet"})
    assert bad.status_code == 400 and "unknown type" in bad.json()["error"]


def test_search_page(site):
    html = get(site + "/search", params={"q": "巴基斯坦"}).text
    assert 'href="/id/country/PAK"' in html
    r = get(site + "/search", params={"q": "巴基斯坦", "type": "Country", "go": "1"}, follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"] == "/id/country/PAK"


# --- W3C Reconciliation API 0.2: the schemas of the specification, as JSON Schema -----------------------
TYPE = {"type": "object", "required": ["id", "name"],
        "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}
MANIFEST_SCHEMA = {
    "type": "object",
    "required": ["versions", "name", "identifierSpace", "schemaSpace"],
    "properties": {
        "versions": {"type": "array", "items": {"type": "string"}, "contains": {"const": "0.2"}},
        "name": {"type": "string"},
        "identifierSpace": {"type": "string", "format": "uri"},
        "schemaSpace": {"type": "string", "format": "uri"},
        "defaultTypes": {"type": "array", "items": TYPE},
        "view": {"type": "object", "required": ["url"],
                 "properties": {"url": {"type": "string", "pattern": r".*\{\{id\}\}.*"}}},
        "preview": {"type": "object", "required": ["url", "width", "height"],
                    "properties": {"url": {"type": "string", "pattern": r".*\{\{id\}\}.*"},
                                   "width": {"type": "integer"}, "height": {"type": "integer"}}},
        "suggest": {"type": "object", "properties": {
            k: {"type": "object", "properties": {"service_url": {"type": "string"}, "service_path": {"type": "string"}}}
            for k in ("entity", "type", "property")}},
        "batchSize": {"type": "integer", "minimum": 1},
    },
}
CANDIDATE = {"type": "object", "required": ["id", "name", "score", "match"],
             "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "score": {"type": "number"},
                            "match": {"type": "boolean"}, "type": {"type": "array", "items": TYPE},
                            "description": {"type": "string"}}}
RESULTS_SCHEMA = {"type": "object", "patternProperties": {
    "^.*$": {"type": "object", "required": ["result"],
             "properties": {"result": {"type": "array", "items": CANDIDATE}}}}}
SUGGEST_SCHEMA = {"type": "object", "required": ["result"], "properties": {"result": {"type": "array", "items": {
    "type": "object", "required": ["id", "name"],
    "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "description": {"type": "string"},
                   "notable": {"type": "array", "items": TYPE}}}}}}


def openrefine_post(site, queries: dict) -> httpx.Response:
    """As OpenRefine sends a batch: a form POST with the queries as JSON in the field ``queries``."""
    return httpx.post(site + "/reconcile", data={"queries": json.dumps(queries, ensure_ascii=False)},
                      headers={"Content-Type": "application/x-www-form-urlencoded; charset=UTF-8"}, timeout=30)


def test_reconcile_manifest(site):
    m = get(site + "/reconcile").json()
    jsonschema.validate(m, MANIFEST_SCHEMA)
    assert m["identifierSpace"] == BASE
    assert {t["id"] for t in m["defaultTypes"]} >= {"Country", "Organization", "Programme"}
    view = m["view"]["url"].replace("{{id}}", "country/PAK")
    assert get(view).status_code == 200
    jsonp = get(site + "/reconcile", params={"callback": "cb"})
    assert jsonp.text.startswith("cb(") and jsonp.text.endswith(");")


def test_reconcile_openrefine_batch(site):
    queries = {
        "q0": {"query": "巴基斯坦", "type": "Country", "type_strict": "should"},
        "q1": {"query": "聯合國開發計劃署", "limit": 3},
        "q2": {"query": "Pakistan", "type": "Country", "properties": [{"pid": "isoAlpha3", "v": "PAK"}]},
        "q3": {"query": "Pakistan", "type": "Country", "properties": [{"pid": "isoAlpha3", "v": "IND"}]},
        "q4": {"query": "巴基斯坦", "properties": [{"pid": "wikidata", "v": {"id": "Q843", "name": "Pakistan"}}]},
        "q5": {"query": "开发", "limit": 5},
        "q6": {"query": "这个名字不在图里"},
    }
    r = openrefine_post(site, queries)
    assert r.status_code == 200
    answer = r.json()
    jsonschema.validate(answer, RESULTS_SCHEMA)
    assert set(answer) == set(queries)
    top = {name: a["result"][0] if a["result"] else None for name, a in answer.items()}
    assert top["q0"]["id"] == "country/PAK" and top["q0"]["match"] and top["q0"]["score"] == 100
    assert top["q0"]["type"] == [{"id": "Country", "name": "Country (国家)"}]
    assert top["q1"]["id"] == "org/united-nations-development-programme" and top["q1"]["match"]
    assert top["q2"]["id"] == "country/PAK" and top["q2"]["match"]
    assert top["q3"]["id"] == "country/PAK" and not top["q3"]["match"] and top["q3"]["score"] < top["q2"]["score"]
    assert top["q4"]["match"]
    assert not any(c["match"] for c in answer["q5"]["result"])  # a part of several names: for a person to decide
    scores = [c["score"] for c in answer["q5"]["result"]]
    assert scores == sorted(scores, reverse=True) and len(scores) <= 5
    assert answer["q6"]["result"] == []
    # each id is the entity the view URL shows
    assert "巴基斯坦" in get(site + "/id/" + top["q0"]["id"]).text


def test_reconcile_bad_requests(site):
    r = httpx.post(site + "/reconcile", data={"queries": "{not json"}, timeout=30)
    assert r.status_code == 400 and "not JSON" in r.json()["error"]
    r = openrefine_post(site, {"q0": {"query": "x", "properties": [{"pid": "colour", "v": "red"}]}})
    assert r.status_code == 400 and "unknown property" in r.json()["error"]


def test_reconcile_suggest_and_preview(site):
    m = get(site + "/reconcile").json()
    s = m["suggest"]
    ent = get(s["entity"]["service_url"] + s["entity"]["service_path"], params={"prefix": "巴基"}).json()
    jsonschema.validate(ent, SUGGEST_SCHEMA)
    assert ent["result"][0]["id"] == "country/PAK"
    typ = get(s["type"]["service_url"] + s["type"]["service_path"], params={"prefix": "coun"}).json()
    jsonschema.validate(typ, SUGGEST_SCHEMA)
    assert [t["id"] for t in typ["result"]] == ["Country"]
    prop = get(s["property"]["service_url"] + s["property"]["service_path"], params={"prefix": "iso"}).json()
    jsonschema.validate(prop, SUGGEST_SCHEMA)
    assert {p["id"] for p in prop["result"]} == {"isoAlpha2", "isoAlpha3"}
    preview = get(m["preview"]["url"].replace("{{id}}", "country/PAK"))
    assert preview.status_code == 200 and "巴基斯坦" in preview.text and "Q843" in preview.text


def test_another_base(tmp_path):
    """A store built with another base: its IRIs resolve under /id/ all the same, links stay on the server."""
    store = tmp_path / "store"
    base = "http://example.org/kg/"
    run_kg("build", "--store", str(store), "--base", base, "--quiet", "--workers", "1")
    served = site_server.start(store, base)
    try:
        r = get(served.url + "/id/country/PAK", headers={"Accept": "text/turtle"})
        assert r.status_code == 200
        g = rdflib.Graph().parse(data=r.text, format="turtle")
        assert (rdflib.URIRef(base + "country/PAK"), None, None) in g
        html = get(served.url + "/id/country/PAK").text
        assert base not in "".join(local_links(html)) and 'href="/id/doc/' in html
        assert get(served.url + "/reconcile").json()["identifierSpace"] == base
    finally:
        served.stop()
