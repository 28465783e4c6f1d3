"""`kg query --param NAME=VALUE`: values are bound as RDF terms, never pasted into the SPARQL text."""

from __future__ import annotations

import json

import pytest

from conftest import run_kg
from kg.model import InputError
from kg.store import parse_term
from test_cli_errors import assert_one_line_error

HOSTILE = [
    '" } ; DROP ALL ; #',
    "x\" } ; DROP ALL ; INSERT DATA { <http://e/a> <http://e/b> <http://e/c> } #",
    "}\nDROP ALL\n# line three",
    "'; DELETE WHERE { ?s ?p ?o } ; '",
    '"巴基斯坦"@zh } UNION { ?c ?p ?o',
    "<http://e/x> } ; CLEAR ALL",
]


def query_json(store, sparql, *params):
    args = ["query", sparql, "--store", str(store), "--format", "json"]
    for p in params:
        args += ["--param", p]
    return json.loads(run_kg(*args).stdout)


def test_hostile_values_are_data(corpus_store):
    before = json.loads(run_kg("stats", "--store", str(corpus_store), "--json").stdout)
    args = ["query", "SELECT ?v (STRLEN(?v) AS ?n) ?c WHERE { OPTIONAL { ?c rdfs:label ?v } }",
            "--store", str(corpus_store), "--format", "json"]
    for i, value in enumerate(HOSTILE):
        out = json.loads(run_kg(*args, "--param", f"v={value}").stdout)
        rows = out["results"]["bindings"]
        assert len(rows) == 1, (value, rows)  # matched no label: the value stayed a string
        assert rows[0]["v"] == {"type": "literal", "value": value}, value
        assert int(rows[0]["n"]["value"]) == len(value)
        assert "c" not in rows[0]
    after = json.loads(run_kg("stats", "--store", str(corpus_store), "--json").stdout)
    assert after == before


def test_typed_values_match_the_graph(corpus_store):
    q = "SELECT ?c ?name WHERE { ?c rdfs:label ?name }"
    rows = query_json(corpus_store, q, 'name="巴基斯坦"@zh')["results"]["bindings"]
    assert [r["c"]["value"] for r in rows] == ["https://w3id.org/hezuo/id/country/PAK"]
    assert query_json(corpus_store, q, "name=巴基斯坦")["results"]["bindings"] == []  # plain string != @zh label
    q = "SELECT ?c ?code WHERE { ?c hz:isoAlpha3 ?code }"
    rows = query_json(corpus_store, q, "code=PAK")["results"]["bindings"]
    assert [r["c"]["value"] for r in rows] == ["https://w3id.org/hezuo/id/country/PAK"]
    q = "SELECT ?label ?c WHERE { ?c rdfs:label ?label FILTER(lang(?label) = 'en') }"
    rows = query_json(corpus_store, q, "c=<https://w3id.org/hezuo/id/country/PAK>")["results"]["bindings"]
    assert [r["label"]["value"] for r in rows] == ["Pakistan"]
    rows = query_json(corpus_store, q, "c=wd:Q843")["results"]["bindings"]
    assert rows == []  # an IRI, but not one that has labels here
    out = run_kg("query", "ASK { ?c a ?t ; hz:isoAlpha3 'PAK' }", "--store", str(corpus_store),
                 "--param", "t=hz:Country").stdout
    assert out.strip() == "true"


def test_parse_term():
    assert str(parse_term("42")) == '"42"^^<http://www.w3.org/2001/XMLSchema#integer>'
    assert str(parse_term("-4.5")) == '"-4.5"^^<http://www.w3.org/2001/XMLSchema#decimal>'
    assert str(parse_term("中国")) == '"中国"'
    assert str(parse_term('"中国"@zh')) == '"中国"@zh'
    assert str(parse_term('"2018"^^xsd:gYear')) == '"2018"^^<http://www.w3.org/2001/XMLSchema#gYear>'
    assert str(parse_term('"a "quoted" b"')) == r'"a \"quoted\" b"'
    assert str(parse_term("<http://example.org/a>")) == "<http://example.org/a>"
    assert str(parse_term("hz:Country")) == "<https://w3id.org/hezuo/ontology#Country>"
    assert str(parse_term("nope:x")) == '"nope:x"'
    with pytest.raises(InputError):
        parse_term("<not an iri>")


def test_param_errors_are_one_line(corpus_store):
    proc = run_kg("query", "SELECT ?c WHERE { ?c rdfs:label ?name }", "--store", str(corpus_store),
                  "--param", "name=中国", check=False)
    assert_one_line_error(proc, "--param", "SELECT ?name")
    proc = run_kg("query", "SELECT * WHERE { ?c rdfs:label ?name }", "--store", str(corpus_store),
                  "--param", "nam=中国", check=False)
    assert_one_line_error(proc, "--param nam", "no variable ?nam")
    proc = run_kg("query", "SELECT * WHERE { ?c rdfs:label ?name }", "--store", str(corpus_store),
                  "--param", "name", check=False)
    assert_one_line_error(proc, "--param", "NAME=VALUE")
