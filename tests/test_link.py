"""`kg link` against a real Oxigraph server on loopback holding a Wikidata-shaped fixture.

Never the internet: the endpoint is tests/fixtures/wikidata.ttl served by `oxigraph serve-read-only`.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import free_port, run_kg, start_oxigraph, stop

TEXT = """中国帮助孟加拉国航运公司采购油轮和散货船。
国务委员兼外交部长王毅会见巴基斯坦总理，双方同意推进皎漂港口项目。
中国与欧亚大陆各国、太平洋岛国和阿拉伯国家加强合作，国家国际发展合作署与联合国开发计划署签署协议。
亚洲和非洲的发展中国家受益。
"""
ID = "https://w3id.org/hezuo/id/"
WD = "http://www.wikidata.org/entity/"

LINKS = """
PREFIX hz: <https://w3id.org/hezuo/ontology#>
SELECT ?key ?target ?score ?method ?from WHERE {
  GRAPH <https://w3id.org/hezuo/id/links> {
    ?link a hz:Link ; rdf:subject ?e ; rdf:predicate owl:sameAs ; rdf:object ?target ; hz:score ?score ;
          hz:method ?method ; hz:matchedLabel ?label .
    ?e owl:sameAs ?target .
    OPTIONAL { ?link prov:wasDerivedFrom ?from }
  }
  ?e hz:key ?key .
} ORDER BY ?key ?target
"""


def select(store, sparql: str) -> list[dict[str, str]]:
    out = run_kg("query", sparql, "--store", str(store), "--format", "json").stdout
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


@pytest.fixture(scope="module")
def text_store(tmp_path_factory):
    d = tmp_path_factory.mktemp("link")
    (d / "news.txt").write_text(TEXT, encoding="utf-8")
    run_kg("build", str(d / "news.txt"), "--store", str(d / "store"), "--quiet")
    return d / "store"


@pytest.fixture(scope="module")
def linked(text_store, wikidata_endpoint, tmp_path_factory):
    """A copy of the small store, linked once against the fixture endpoint."""
    d = tmp_path_factory.mktemp("linked")
    store, cache = d / "store", d / "cache.json"
    shutil.copytree(text_store, store, symlinks=True)
    proc = run_kg("link", "--store", str(store), "--endpoint", wikidata_endpoint, "--cache", str(cache))
    return store, cache, proc


def test_unknown_entities_are_linked_by_label_and_type(linked):
    store, _, _ = linked
    got = {(r["key"], r["target"]): (r["score"], r["method"], r.get("from")) for r in select(store, LINKS)}
    expected = {
        # a name found by a rule: one company with that label
        ("org/孟加拉国航运公司", WD + "Q999999901"): ("1.0", "wikidata-label", None),
        ("org/孟加拉国航运公司", "http://dbpedia.org/resource/Bangladesh_Shipping_Corporation"):
            ("1.0", "wikidata-enwiki", WD + "Q999999901"),
        # the city, not the disambiguation page with the same label; its GeoNames id and article
        ("place/kyaukphyu", WD + "Q999999904"): ("1.0", "wikidata-label", None),
        ("place/kyaukphyu", "https://sws.geonames.org/999999904/"): ("1.0", "wikidata-P1566", WD + "Q999999904"),
        ("place/kyaukphyu", "http://dbpedia.org/resource/Kyaukphyu"): ("1.0", "wikidata-enwiki", WD + "Q999999904"),
        # the continent, not the film; an article title with parentheses and an accent
        ("region/eurasia", WD + "Q999999906"): ("1.0", "wikidata-label", None),
        ("region/eurasia", "http://dbpedia.org/resource/Eurasia_(testé)"): ("1.0", "wikidata-enwiki", WD + "Q999999906"),
        # only an alias matches: a lower score
        ("region/arab-states", WD + "Q999999908"): ("0.7", "wikidata-alias", None),
        # one label match and one alias match: the label wins, with a lower score
        ("org/china-international-development-cooperation-agency", WD + "Q999999909"): ("0.9", "wikidata-label", None),
        # lexicon ids completed with GeoNames and DBpedia from their Wikidata item
        ("org/united-nations-development-programme", "http://dbpedia.org/resource/United_Nations_Development_Programme"):
            ("1.0", "wikidata-enwiki", WD + "Q161718"),
        ("region/002", "https://sws.geonames.org/6255146/"): ("1.0", "wikidata-P1566", WD + "Q15"),
        ("region/002", "http://dbpedia.org/resource/Africa"): ("1.0", "wikidata-enwiki", WD + "Q15"),
        # Asia has two GeoNames ids in the fixture: no GeoNames link, only the article
        ("region/142", "http://dbpedia.org/resource/Asia"): ("1.0", "wikidata-enwiki", WD + "Q48"),
    }
    assert {k: (float(v[0]), *v[1:]) for k, v in got.items()} == {k: (float(v[0]), *v[1:]) for k, v in expected.items()}


def test_ambiguous_and_unmatched_names_are_reported_not_linked(linked):
    store, _, proc = linked
    out = proc.stdout
    assert "ambiguous, not linked: person/wang-yi 王毅: Q999999902 Wang Yi, Q999999903 Wang Yi (footballer)" in out
    assert "no candidate of the right type: 3" in out and "太平洋岛国" in out and "外交部" in out
    same = select(store, f"SELECT ?e ?o WHERE {{ ?e owl:sameAs ?o FILTER(?e IN (<{ID}person/wang-yi>, "
                         f"<{ID}region/pacific-island-countries>, <{ID}project/皎漂港口项目>)) }}")
    assert same == []
    # the lexicon's own links are not touched, and get no link node
    assert select(store, f"SELECT ?l WHERE {{ ?l rdf:subject <{ID}country/PAK> }}") == []
    assert {r["o"] for r in select(store, f"SELECT ?o WHERE {{ <{ID}country/PAK> owl:sameAs ?o }}")} == {
        WD + "Q843", "https://sws.geonames.org/1168579/", "http://dbpedia.org/resource/Pakistan"}


def test_stats_and_the_dataset_description_count_links_per_target(linked):
    store, _, proc = linked
    assert "linked: wikidata 5, geonames 2, dbpedia 6" in proc.stdout
    stats = json.loads(run_kg("stats", "--store", str(store), "--json").stdout)
    # from the lexicon: CHN, PAK and BGD (nested in 孟加拉国航运公司) to all three, UNDP and two regions to
    # Wikidata; then what kg link added
    assert stats["links"] == {"wikidata": 3 + 3 + 5, "geonames": 3 + 2, "dbpedia": 3 + 6}
    text = run_kg("stats", "--store", str(store)).stdout
    assert "links      25" in text and "  wikidata     11" in text and "  geonames     5" in text
    sizes = {r["ls"].rsplit("-", 1)[1]: int(r["n"]) for r in select(store, """
        SELECT ?ls ?n WHERE { GRAPH <https://w3id.org/hezuo/id/void> { ?ls a void:Linkset ; void:triples ?n } }""")}
    assert sizes == stats["links"]


def test_second_run_makes_no_request_and_gives_the_same_graph(text_store, wikidata_store, tmp_path):
    store, cache = tmp_path / "store", tmp_path / "cache.json"
    shutil.copytree(text_store, store, symlinks=True)
    port = free_port()
    server = start_oxigraph(wikidata_store, port)
    endpoint = f"http://127.0.0.1:{port}/query"
    try:
        first = run_kg("link", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache))
    finally:
        stop(server)  # from here on every request would fail
    # one request per entity type with names to look up (5), one for the lexicon's Wikidata ids
    assert f"0 in the cache {cache}, 12 from {endpoint} in 6 requests" in first.stdout, first.stdout
    a, b = tmp_path / "a.nq", tmp_path / "b.nq"
    run_kg("export", "--store", str(store), "--format", "nquads", "--out", str(a))
    second = run_kg("link", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache))
    assert "12 in the cache" in second.stdout and "in 0 requests" in second.stdout, second.stdout
    run_kg("export", "--store", str(store), "--format", "nquads", "--out", str(b))
    assert a.read_bytes() == b.read_bytes()
    assert "<https://w3id.org/hezuo/id/links>" in a.read_text(encoding="utf-8")

    # no network and no cache: one line naming the endpoint, non-zero exit, and the links stay
    cache.unlink()
    failed = run_kg("link", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache), check=False)
    assert failed.returncode == 1
    errors = failed.stderr.strip().splitlines()
    assert len(errors) == 1 and errors[0].startswith(f"kg: error: {endpoint}: cannot reach the endpoint"), failed.stderr
    assert "Traceback" not in failed.stderr
    assert "kept from an earlier run: the links of 8 entities" in failed.stdout
    run_kg("export", "--store", str(store), "--format", "nquads", "--out", str(b))
    assert a.read_bytes() == b.read_bytes()

    # --offline: no request at all, nothing lost either
    offline = run_kg("link", "--store", str(store), "--endpoint", endpoint, "--cache", str(cache), "--offline")
    assert "not in the cache (--offline): 12" in offline.stdout
    run_kg("export", "--store", str(store), "--format", "nquads", "--out", str(b))
    assert a.read_bytes() == b.read_bytes()


def test_the_bundled_corpus_links_against_the_fixture(corpus_store, wikidata_endpoint, tmp_path):
    """Every country and region with an id is linked; names with quotes go to the endpoint intact."""
    store = tmp_path / "store"
    shutil.copytree(corpus_store, store, symlinks=True)
    proc = run_kg("link", "--store", str(store), "--endpoint", wikidata_endpoint, "--cache", str(tmp_path / "c.json"))
    assert "ambiguous" not in proc.stdout
    rows = select(store, """
        SELECT ?type (COUNT(DISTINCT ?e) AS ?all) (COUNT(DISTINCT ?linked) AS ?wd) WHERE {
          ?e a ?type ; hz:key ?key FILTER(?type IN (hz:Country, hz:Region, hz:Organization))
          OPTIONAL { ?e owl:sameAs ?w FILTER(STRSTARTS(STR(?w), "http://www.wikidata.org/entity/")) BIND(?e AS ?linked) }
        } GROUP BY ?type""")
    counts = {r["type"].rsplit("#", 1)[1]: (int(r["all"]), int(r["wd"])) for r in rows}
    assert counts["Country"] == (22, 22)
    # 11 regions from the lexicon, 欧亚大陆 and 阿拉伯国家 from the fixture
    assert counts["Region"] == (15, 13)
    assert counts["Organization"] == (25, 17 + 2)  # + 国家国际发展合作署 and 孟加拉国航运公司 (found by a rule)
    cache = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    names = next(iter(cache["endpoints"].values()))
    assert 'label FORUM zh "一带一路"国际合作高峰论坛' in names


def test_bad_cache_and_bad_endpoint_are_one_line_errors(text_store, tmp_path):
    bad = tmp_path / "cache.json"
    bad.write_text("{not json", encoding="utf-8")
    proc = run_kg("link", "--store", str(text_store), "--cache", str(bad), "--offline", check=False)
    assert proc.returncode == 1 and proc.stderr.startswith(f"kg: error: {bad}: cannot read the link cache")
    bad.write_text('{"something": "else"}', encoding="utf-8")
    proc = run_kg("link", "--store", str(text_store), "--cache", str(bad), "--offline", check=False)
    assert proc.returncode == 1 and "not a kg link cache" in proc.stderr
    proc = run_kg("link", "--store", str(text_store), "--endpoint", "ftp://example.org/", check=False)
    assert proc.returncode == 1 and "http:// or https://" in proc.stderr
    proc = run_kg("link", "--store", str(tmp_path / "nothing"), check=False)
    assert proc.returncode == 1 and "no graph store here" in proc.stderr


def test_link_does_not_load_spacy_or_jieba(linked, tmp_path):
    store, cache = tmp_path / "store", tmp_path / "cache.json"
    shutil.copytree(linked[0], store, symlinks=True)
    shutil.copy(linked[1], cache)
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from kg.cli import app\n"
        f"r = CliRunner().invoke(app, ['link', '--store', {str(store)!r}, '--cache', {str(cache)!r}, '--offline'])\n"
        "assert r.exit_code == 0, r.output\n"
        "print(sorted(m for m in ('spacy', 'jieba', 'thinc', 'opencc') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().splitlines()[-1] == "[]"
