"""The federated queries in queries/federated/ run unchanged against the loopback Wikidata fixture.

`kg query --service-map` points SERVICE <https://query.wikidata.org/sparql> at a real Oxigraph server
serving tests/fixtures/wikidata.ttl; pyoxigraph's own HTTP client makes the SERVICE requests.
"""

from __future__ import annotations

import json

from conftest import QUERIES, free_port, run_kg
from kg.store import map_services

FEDERATED = QUERIES / "federated"
WIKIDATA = "https://query.wikidata.org/sparql"


def rows(store, name: str, endpoint: str) -> list[dict[str, str]]:
    out = run_kg("query", str(FEDERATED / name), "--store", str(store), "--format", "json",
                 "--service-map", f"{WIKIDATA}={endpoint}").stdout
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


def test_every_federated_query_says_what_it_answers_and_asks_wikidata():
    files = sorted(FEDERATED.glob("*.rq"))
    assert len(files) >= 2
    for f in files:
        text = f.read_text(encoding="utf-8")
        first = text.lstrip().splitlines()[0]
        assert first.startswith("#") and len(first) > 20, f.name
        assert f"SERVICE <{WIKIDATA}>" in text, f.name


def test_population_and_capital_of_the_countries_named(corpus_store, wikidata_endpoint):
    got = rows(corpus_store, "01-country-population-and-capital.rq", wikidata_endpoint)
    # the fixture's five countries that the white paper names (France is in the fixture, not in the text)
    assert [(r["iso3"], r["name"], int(r["population"]), r.get("capital")) for r in got] == [
        ("CHN", "中国", 1411750000, None),
        ("PAK", "巴基斯坦", 241499431, "伊斯兰堡"),
        ("KEN", "肯尼亚", 47564296, None),
        ("LAO", "老挝", 7529475, "万象"),
        ("MRT", "毛里塔尼亚", 4736139, "努瓦克肖特"),
    ]
    assert got[1]["wikidata"] == "http://www.wikidata.org/entity/Q843"


def test_founding_dates_and_websites_of_the_organisations_named(corpus_store, wikidata_endpoint):
    got = rows(corpus_store, "02-organisation-founding-and-websites.rq", wikidata_endpoint)
    assert [(r["name"], r["founded"][:10], r["website"]) for r in got] == [
        ("联合国", "1945-10-24", "https://www.un.org/"),
        ("世界卫生组织", "1948-04-07", "https://www.who.int/"),
        ("联合国开发计划署", "1965-11-22", "https://www.undp.org/"),
    ]


def test_service_map_rewrites_only_service_iris():
    q = (f"SELECT * WHERE {{ ?s ?p <{WIKIDATA}> . SERVICE <{WIKIDATA}> {{ ?s ?p ?o }} "
         f"service silent <{WIKIDATA}> {{ ?a ?b ?c }} SERVICE <http://other.example/sparql> {{ ?x ?y ?z }} }}")
    out = map_services(q, {WIKIDATA: "http://127.0.0.1:9/query"})
    assert out.count("<http://127.0.0.1:9/query>") == 2
    assert f"?s ?p <{WIKIDATA}>" in out and "SERVICE <http://other.example/sparql>" in out


def test_unreachable_service_and_bad_map_are_one_line_errors(corpus_store):
    dead = f"http://127.0.0.1:{free_port()}/query"
    proc = run_kg("query", str(FEDERATED / "01-country-population-and-capital.rq"), "--store", str(corpus_store),
                  "--service-map", f"{WIKIDATA}={dead}", check=False)
    assert proc.returncode == 1
    assert proc.stderr.startswith("kg: error: ") and "SERVICE request failed" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    proc = run_kg("query", "ASK {}", "--store", str(corpus_store), "--service-map", "no-equals-sign", check=False)
    assert proc.returncode == 1 and "--service-map: expected SERVICE_IRI=ENDPOINT_URL" in proc.stderr
