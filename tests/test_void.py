"""The VoID / DCAT description of the built dataset, in its own graph, and its date."""

from __future__ import annotations

import json
from datetime import datetime, timezone

from pyoxigraph import NamedNode, Store

from kg.store import locate

import kg
from conftest import run_kg

VOID_GRAPH = "https://w3id.org/hezuo/id/void"
DATASET = "https://w3id.org/hezuo/id/dataset"


def select(store, sparql: str) -> list[dict[str, str]]:
    out = run_kg("query", sparql, "--store", str(store), "--format", "json").stdout
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


def one(store, sparql: str) -> dict[str, str]:
    got = select(store, sparql)
    assert len(got) == 1, got
    return got[0]


def test_description_counts_what_the_store_holds(corpus_store):
    stats = json.loads(run_kg("stats", "--store", str(corpus_store), "--json").stdout)
    d = one(corpus_store, f"""SELECT ?triples ?entities ?documents ?date ?version WHERE {{ GRAPH <{VOID_GRAPH}> {{
        <{DATASET}> a void:Dataset , dcat:Dataset ; void:triples ?triples ; void:entities ?entities ;
            void:documents ?documents ; dcterms:modified ?date ; prov:wasGeneratedBy/prov:wasAssociatedWith ?tool .
        ?tool schema:softwareVersion ?version }} }}""")
    assert int(d["entities"]) == stats["entities"]
    assert int(d["documents"]) == stats["documents"] == 1
    assert d["version"] == kg.__version__
    assert d["date"] == "2023-11-14"  # SOURCE_DATE_EPOCH=1700000000, set by conftest.run_kg

    # triples: the statements of every graph outside the description itself (graphs summed)
    store = Store.read_only(str(locate(corpus_store)))
    void = NamedNode(VOID_GRAPH)
    outside = [q for q in store if q.graph_name != void]
    assert int(d["triples"]) == len(outside) == stats["quads"] - len(list(store.quads_for_pattern(None, None, None, void)))
    assert len({(q.subject, q.predicate, q.object) for q in outside}) < len(outside)  # some triples in two graphs

    per_class = {r["c"].rsplit("#", 1)[1]: int(r["n"]) for r in select(corpus_store, f"""
        SELECT ?c ?n WHERE {{ GRAPH <{VOID_GRAPH}> {{ <{DATASET}> void:classPartition ?p . ?p void:class ?c ;
        void:entities ?n }} }}""")}
    assert {k: v for k, v in per_class.items() if v} == stats["entities_per_type"]

    linksets = {r["ls"].rsplit("-", 1)[1]: (int(r["n"]), r["t"]) for r in select(corpus_store, f"""
        SELECT ?ls ?n ?t WHERE {{ GRAPH <{VOID_GRAPH}> {{ <{DATASET}> void:subset ?ls . ?ls a void:Linkset ;
        void:linkPredicate owl:sameAs ; void:subjectsTarget <{DATASET}> ; void:objectsTarget ?t ; void:triples ?n }} }}""")}
    assert {k: n for k, (n, _) in linksets.items()} == stats["links"]
    assert stats["links"]["wikidata"] == 58 and stats["links"]["geonames"] == 29  # places: the gazetteer; 习近平: the gold, via the shipped pipeline
    assert linksets["wikidata"][1] == "https://www.wikidata.org/"

    sources = {r["s"] for r in select(corpus_store, f"SELECT ?s WHERE {{ GRAPH <{VOID_GRAPH}> {{ <{DATASET}> dcterms:source ?s }} }}")}
    assert sources == {"https://w3id.org/hezuo/id/doc/000_faed074d8c3da792"}


def test_description_is_exported(tmp_path, corpus_store):
    out = tmp_path / "void.ttl"
    run_kg("export", "--store", str(corpus_store), "--graph", VOID_GRAPH, "--out", str(out))
    text = out.read_text(encoding="utf-8")
    assert "void:Linkset" in text and "dcat:Dataset" in text and "void:classPartition" in text


def test_date_is_today_without_source_date_epoch_and_a_bad_one_is_an_error(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("中国向老挝提供援助。", encoding="utf-8")
    before = datetime.now(timezone.utc).date().isoformat()
    run_kg("build", str(f), "--store", str(tmp_path / "s"), "--quiet", env={"SOURCE_DATE_EPOCH": None})
    after = datetime.now(timezone.utc).date().isoformat()
    date = one(tmp_path / "s", f"SELECT ?d WHERE {{ GRAPH <{VOID_GRAPH}> {{ <{DATASET}> dcterms:modified ?d }} }}")["d"]
    assert date in (before, after)

    proc = run_kg("build", str(f), "--store", str(tmp_path / "t"), "--quiet", env={"SOURCE_DATE_EPOCH": "yesterday"},
                  check=False)
    assert proc.returncode == 1
    assert proc.stderr.strip() == "kg: error: SOURCE_DATE_EPOCH: not a number of seconds since 1970: 'yesterday'"
    assert not (tmp_path / "t").exists()
