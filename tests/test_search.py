"""The search index (kg.store.search): built by kg build from the labels, any script, any length, ranked."""
from __future__ import annotations

import sqlite3

import pytest

from kg.store.core import locate
from kg.store.search import SearchIndex, build_index, index_path


@pytest.fixture(scope="module")
def index(corpus_store):
    generation = locate(corpus_store).parent
    assert index_path(generation).is_file(), "kg build writes the index beside the generation's store"
    return SearchIndex(generation)


def keys(hits):
    return [h.key for h in hits]


def test_fts5_trigram_table(index):
    db = sqlite3.connect(index.path)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'name_fts'").fetchone()[0]
    assert "fts5" in sql and "trigram" in sql


@pytest.mark.parametrize("query, key", [
    ("巴基斯坦", "country/PAK"),  # simplified label
    ("Pakistan", "country/PAK"),  # English label
    ("pakistan", "country/PAK"),  # any case
    ("聯合國", "org/united-nations"),  # traditional form of 联合国 (not in the lexicon: OpenCC at build time)
    ("联合国", "org/united-nations"),
    ("UN", "org/united-nations"),  # an acronym, two characters: below the trigram length
    ("UNDP", "org/united-nations-development-programme"),
    ("開發署", "org/united-nations-development-programme"),  # a short form (alias), in traditional characters
])
def test_exact_name_ranks_first(index, query, key):
    hits = index.search(query)
    assert hits and hits[0].key == key, keys(hits)
    assert hits[0].rank == 0


def test_substring_and_prefix(index):
    # Chinese has no spaces: a part of a name finds it, a prefix ranks before an infix
    hits = index.search("开发计划")
    assert "org/united-nations-development-programme" in keys(hits)
    prefix = index.search("联合国")
    assert all(h.rank <= 1 for h in prefix[:5])
    ranks = [h.rank for h in index.search("合作")]
    assert ranks == sorted(ranks)


def test_one_character_falls_back_to_a_scan(index):
    hits = index.search("中")
    assert hits and hits[0].key == "country/CHN"  # a prefix, the most mentioned
    assert all("中" in h.name or "中" in index.normalise(h.name) for h in hits)
    mentions = [h.mentions for h in hits if h.rank == hits[0].rank]
    assert mentions == sorted(mentions, reverse=True)


def test_type_filter(index):
    assert {h.type for h in index.search("联合国", types=["Organization"])} == {"Organization"}
    assert keys(index.search("中", types=["country"])) == ["country/CHN"]
    with pytest.raises(ValueError, match="unknown type"):
        index.search("中", types=["Planet"])


def test_no_name_lists_a_type(index):
    countries = index.search("", types=["Country"], limit=100)
    assert len(countries) == index.type_counts()["Country"] and {h.type for h in countries} == {"Country"}
    assert countries[0].key == "country/CHN"  # the most mentioned first
    assert [h.mentions for h in countries] == sorted((h.mentions for h in countries), reverse=True)


def test_nothing_found_and_odd_queries(index):
    assert index.search("") == []
    assert index.search("   ") == []
    assert index.search("no such name anywhere") == []
    for odd in ('"', "'", "a OR b", "NEAR(", "*", "%", "_"):
        index.search(odd)  # never an FTS5 syntax error: the query is one quoted phrase


def test_without_conversions_only_stored_names(corpus_store, tmp_path):
    # a store built before the index: the site builds one from the store's names alone
    from kg.store import open_store

    store = open_store(corpus_store, read_only=True)
    build_index(store, tmp_path)
    plain = SearchIndex(tmp_path)
    assert plain.search("巴基斯坦")[0].key == "country/PAK"
    assert plain.table == {}


def test_aid_by_year(index, corpus_store):
    """The facts naming a country as recipient, counted once per year at build time, as the page shows them."""
    from pyoxigraph import NamedNode

    from kg.rdf.vocab import HZ
    from kg.store import open_store

    store = open_store(corpus_store, read_only=True)
    khm = "https://w3id.org/hezuo/id/country/KHM"
    facts = {q.subject.value for q in store.quads_for_pattern(None, HZ.recipient, NamedNode(khm))}
    years = index.aid_by_year(khm)
    assert sum(y["facts"] for y in years.values()) == len(facts) >= 3
    assert all(y == "" or (len(y) == 4 and y.isdigit()) for y in years)
    assert index.aid_by_year("https://w3id.org/hezuo/id/no-such-thing") == {}


def test_a_new_generation_keeps_the_index(tmp_path):
    """kg link writes a new generation without rebuilding the index: the folder carries it over (a hard link
    the next build replaces, never writes into)."""
    from conftest import run_kg
    from kg.store.folder import StoreFolder

    text = tmp_path / "in" / "a.txt"
    text.parent.mkdir()
    text.write_text("中国向巴基斯坦和柬埔寨提供援助。", encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", str(text.parent), "--store", str(store), "--quiet", "--workers", "1")
    before = index_path(locate(store).parent)
    with StoreFolder(store) as folder:
        folder.lock(create=False)
        folder.begin()
        carried = index_path(folder.staging)
        assert carried.is_file() and carried.stat().st_ino == before.stat().st_ino
        assert SearchIndex(folder.staging).search("柬埔寨")[0].key == "country/KHM"
