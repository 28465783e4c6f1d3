"""Exports are byte-identical for the same input and parse back to the same graph."""

from __future__ import annotations

import json

import rdflib
import rdflib.compare
from pyoxigraph import RdfFormat, Store, Triple, parse

from conftest import CORPUS, ROOT, run_kg
from kg.store import locate


def test_two_builds_give_byte_identical_exports(tmp_path, corpus_store):
    other = tmp_path / "again"
    run_kg("build", str(CORPUS), "--store", str(other), "--quiet")
    for fmt in ("turtle", "nquads", "jsonld"):
        a, b = tmp_path / f"a.{fmt}", tmp_path / f"b.{fmt}"
        run_kg("export", "--store", str(corpus_store), "--format", fmt, "--out", str(a))
        run_kg("export", "--store", str(other), "--format", fmt, "--out", str(b))
        assert a.read_bytes() == b.read_bytes(), fmt
        assert a.stat().st_size > 100_000


def test_turtle_reparses_with_pyoxigraph_and_rdflib_to_the_same_graph(tmp_path, corpus_store):
    out = tmp_path / "kg.ttl"
    run_kg("export", "--store", str(corpus_store), "--out", str(out))
    store = Store.read_only(str(locate(corpus_store)))  # the active generation of the store folder
    in_store = {Triple(q.subject, q.predicate, q.object) for q in store}
    reparsed = {q.triple for q in parse(path=str(out), format=RdfFormat.TURTLE)}
    assert reparsed == in_store

    nt = tmp_path / "kg.nt"
    run_kg("export", "--store", str(corpus_store), "--format", "ntriples", "--out", str(nt))
    g_ttl = rdflib.Graph().parse(str(out), format="turtle")
    g_nt = rdflib.Graph().parse(str(nt), format="nt")
    assert len(g_ttl) == len(in_store)
    assert rdflib.compare.isomorphic(g_ttl, g_nt)


def test_nquads_keep_one_graph_per_document_and_the_ontology(tmp_path, corpus_store):
    out = tmp_path / "kg.nq"
    run_kg("export", "--store", str(corpus_store), "--format", "nquads", "--out", str(out))
    graphs = {q.graph_name.value for q in parse(path=str(out), format=RdfFormat.N_QUADS)}
    assert graphs == {"https://w3id.org/hezuo/ontology",
                      "https://w3id.org/hezuo/id/doc/000_faed074d8c3da792",
                      "https://w3id.org/hezuo/id/entities",
                      "https://w3id.org/hezuo/id/void"}


def test_one_graph_export_and_jsonld(tmp_path, corpus_store):
    out = tmp_path / "doc.jsonld"
    run_kg("export", "--store", str(corpus_store), "--format", "jsonld", "--out", str(out),
           "--graph", "https://w3id.org/hezuo/ontology")
    data = json.loads(out.read_text(encoding="utf-8"))
    ids = set()

    def walk(nodes):
        for node in nodes:
            ids.add(node["id"])
            walk(node.get("@graph", []))

    walk(data["@graph"])
    assert "hz:Country" in ids and "https://w3id.org/hezuo/ontology" in ids
    assert not any("/id/doc/" in i or "hzid:" in i for i in ids)


def test_jsonld_is_compacted_with_the_ontology_context_and_expands_to_the_same_quads(tmp_path, corpus_store):
    out, nq = tmp_path / "kg.jsonld", tmp_path / "kg.nq"
    run_kg("export", "--store", str(corpus_store), "--format", "jsonld", "--out", str(out))
    run_kg("export", "--store", str(corpus_store), "--format", "nquads", "--out", str(nq))
    data = json.loads(out.read_text(encoding="utf-8"))
    context = json.loads((ROOT / "ontology" / "context.jsonld").read_text(encoding="utf-8"))
    assert data["@context"] == context["@context"]

    # readable keys
    doc = next(g for g in data["@graph"] if g["id"] == "hzid:doc/000_faed074d8c3da792")
    entities = next(g for g in data["@graph"] if g["id"] == "hzid:entities")
    pak = next(n for n in entities["@graph"] if n["id"] == "hzid:country/PAK")
    pak_in_doc = next(n for n in doc["@graph"] if n["id"] == "hzid:country/PAK")
    assert pak["type"] == "Country"
    assert pak["label"] == {"en": "Pakistan", "zh": "巴基斯坦"}
    assert pak["isoAlpha3"] == "PAK"
    assert set(pak["sameAs"]) == {"wd:Q843", "geonames:1168579/", "dbpedia:Pakistan"}
    mention = next(n for n in doc["@graph"] if n["id"] == pak_in_doc["hasMention"][0])
    assert mention["taClassRef"] == "Country" and mention["taIdentRef"] == "hzid:country/PAK"
    assert set(mention) >= {"anchorOf", "beginIndex", "endIndex", "sentence", "referenceContext"}

    # expanding it (rdflib's JSON-LD parser) gives exactly the quads of the N-Quads export
    def quads(ds):
        return {(s, p, o, str(g)) for s, p, o, g in ds.quads((None, None, None, None))}

    from_jsonld = quads(rdflib.Dataset().parse(str(out), format="json-ld"))
    from_nquads = quads(rdflib.Dataset().parse(str(nq), format="nquads"))
    assert len(from_nquads) > 8000
    assert from_jsonld == from_nquads


def test_export_to_stdout(corpus_store):
    proc = run_kg("export", "--store", str(corpus_store), "--format", "ntriples")
    assert proc.stdout.count("\n") > 1000


def test_the_builds_nquads_lines_are_what_oxigraph_serialises_even_for_awkward_text():
    """The workers write each quad as the terms' own N-Triples forms; a text with quotes,
    backslashes, control characters, line and paragraph separators and astral characters must
    give the bytes Oxigraph's serialiser gives and parse back to the same quads."""
    from pyoxigraph import serialize

    from kg.extract import lexicon
    from kg.ingest import make_document
    from kg.rdf.mapper import Mapper
    from kg.extract.nlp import Extractor
    from kg.extract.relations import Relations

    lex = lexicon.load()
    text = ('中国向"老挝"提供\\援助\t20亿元人民币。\r\n巴基斯坦\x01瓜达尔港\u2028建成😀。\n\n'
            '中非合作论坛北京峰会上，中方宣布600亿美元支持“一带一路”倡议\x7f。')
    doc = make_document("awkward \"name\"", "awkward.txt", text, sha256="0" * 64)
    Relations()(Extractor(lex)(doc))
    mapper = Mapper(lex)
    quads = mapper.document(doc)
    lines = "".join(dict.fromkeys(mapper.nquads(doc))).encode()
    assert len(quads) > 50
    assert lines == serialize(quads, format=RdfFormat.N_QUADS)
    assert list(parse(lines, format=RdfFormat.N_QUADS)) == quads
