"""kg.serve.guard without a server: what counts as a SERVICE call, how deep a query nests, which
endpoints an --allow-service prefix opens, which Host headers a loopback server answers."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.serve.guard import (MAX_NESTING, QueryGuard, Refused, host_allowed, loopback_bind, nesting_depth,
                            passes_encoded, service_targets)

E = "http://example.org/sparql"


@pytest.mark.parametrize("query, targets", [
    (f"SELECT * {{ SERVICE <{E}> {{ ?s ?p ?o }} }}", [E]),
    (f"select * {{ service silent <{E}> {{ ?s ?p ?o }} }}", [E]),
    ("PREFIX e: <http://example.org/> SELECT * { SERVICE e:sparql { ?s ?p ?o } }", [E]),
    ("PREFIX : <http://example.org/> SELECT * { SERVICE :sparql { ?s ?p ?o } }", [E]),
    ("SELECT * { SERVICE x:sparql { ?s ?p ?o } }", [None]),  # unknown prefix
    ("SELECT * { SERVICE ?where { ?s ?p ?o } }", [None]),  # a variable
    ("SELECT * { SERVICE <sparql> { ?s ?p ?o } }", [None]),  # relative
    (f"BASE <http://example.org/> SELECT * {{ SERVICE <{E}> {{ ?s ?p ?o }} }}", [None]),  # a base in play
    (f"SELECT * {{ ?s ?p ?o # SERVICE <{E}> {{ }}\n }}", []),  # a comment
    (f'SELECT * {{ BIND("SERVICE <{E}> {{ }}" AS ?x) }}', []),  # a string
    (f"SELECT * {{ BIND('''it's \"SERVICE\" <{E}>''' AS ?x) }}", []),  # a long string with quotes inside
    ("SELECT * { ?s <http://example.org/a#SERVICE> ?o }", []),  # inside an IRI
    ("SELECT ?service { ?service ?p ?o }", []),  # a variable named service
    ("PREFIX ex: <http://example.org/> SELECT * { ?s ex:service ?o }", []),  # a prefixed name
    (f"SELECT * {{ SERVICE <{E}> {{ SERVICE <{E}2> {{ }} }} }}", [E, E + "2"]),
])
def test_service_targets(query, targets):
    assert service_targets(query) == targets


def test_codepoint_escapes_are_decoded_before_the_check():
    guard = QueryGuard()
    with pytest.raises(Refused, match="SERVICE"):
        guard.check(f"SELECT * {{ \\u0053ERVICE <{E}> {{ ?s ?p ?o }} }}")
    with pytest.raises(Refused, match="SERVICE"):
        guard.check(f"SELECT * {{ \\U00000053\\U00000045RVICE <{E}> {{ ?s ?p ?o }} }}")


def test_nesting():
    assert nesting_depth("ASK { { ?s ?p ?o } FILTER((1 + (2))) }") == 4
    assert nesting_depth('ASK { ?s ?p "((((((" }') == 1  # a string's parentheses do not count
    assert nesting_depth("ASK {" * 1000, limit=MAX_NESTING) == MAX_NESTING + 1  # the scan stops early
    QueryGuard().check("ASK " + "{" * MAX_NESTING + "}" * MAX_NESTING)
    with pytest.raises(Refused, match="nested"):
        QueryGuard().check("ASK " + "{" * (MAX_NESTING + 1) + "}" * (MAX_NESTING + 1))
    with pytest.raises(Refused, match="nested"):
        QueryGuard().check("ASK { [ :p [ :p " * 40)


def test_allowed_prefixes_and_the_servers_own_ports():
    guard = QueryGuard(["http://example.org/sparql", "https://data.example/"], forbidden_ports=lambda: {7000})
    for ok in (E, E + "?default-graph-uri=x", E + "/sub", "https://data.example/any/thing"):
        guard.check(f"SELECT * {{ SERVICE <{ok}> {{ ?s ?p ?o }} }}")
    for bad in (E + "x", "http://example.org/", "http://example.org.evil/sparql", "http://example.org@evil/sparql",
                "https://data.example.evil/", "http://data.example/"):
        with pytest.raises(Refused, match="not allowed"):
            guard.check(f"SELECT * {{ SERVICE <{bad}> {{ ?s ?p ?o }} }}")
    local = QueryGuard(["http://127.0.0.1:7000/", "http://127.1:7000/", "http://localhost:7000/", "http://[::1]:7000/",
                        "http://127.0.0.1:7001/"], forbidden_ports=lambda: {7000})
    for own in ("http://127.0.0.1:7000/query", "http://127.1:7000/query", "http://localhost:7000/query",
                "http://[::1]:7000/query"):
        with pytest.raises(Refused, match="own workers"):
            local.check(f"SELECT * {{ SERVICE <{own}> {{ ?s ?p ?o }} }}")
    local.check("SELECT * { SERVICE <http://127.0.0.1:7001/query> { ?s ?p ?o } }")
    with pytest.raises(ValueError):
        QueryGuard(["file:///etc/"])


def test_host_header_on_loopback():
    assert loopback_bind("127.0.0.1") and loopback_bind("::1") and not loopback_bind("0.0.0.0")
    for host in ("localhost:7878", "127.0.0.1:7878", "[::1]:7878", "LOCALHOST:7878", "localhost", None):
        assert host_allowed(host, "127.0.0.1", 7878), host
    for host in ("evil.example:7878", "evil.example", "localhost:7879", "127.0.0.1.nip.io:7878", "127.0.0.2:7878"):
        assert not host_allowed(host, "127.0.0.1", 7878), host
    assert host_allowed("127.0.0.2:7878", "127.0.0.2", 7878)


# ------------------------------------------------------------ deciding on the percent-encoded bytes
_PIECES = ["SELECT", "ASK", "SERVICE", "service", "Service", "{", "}", "(", ")", "[", "]", " ", "+", "?s", "<http://e/x>",
           "\\u0053", "\\", "#", '"', "'", "&", "=", "%", "查询", "ſ", "query=", "format=json"]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(_PIECES), max_size=80),
       st.sampled_from(["plus", "quote", "quote_all", "raw_braces"]))
def test_encoded_fast_path_never_passes_what_the_full_check_refuses(pieces, how):
    """``passes_encoded`` may say no to a harmless query (it then gets the full check), never yes to
    one the full check refuses, however the client percent-encodes it (letters too)."""
    from urllib.parse import quote, urlencode

    text = "".join(pieces)
    if how == "plus":
        raw = urlencode({"query": text})
    elif how == "quote":
        raw = "query=" + quote(text, safe="")
    elif how == "quote_all":  # every byte percent-encoded, letters included
        raw = "query=" + "".join(f"%{b:02X}" for b in text.encode())
    else:  # braces and parentheses sent as they are, as some clients do
        raw = "query=" + quote(text, safe="{}()[]")
    if passes_encoded(raw.encode("ascii")):
        for _, value in parse_qsl(raw, keep_blank_values=True):
            QueryGuard().check(value)  # must not raise


def test_encoded_fast_path_says_yes_to_an_ordinary_query():
    from urllib.parse import urlencode

    q = "PREFIX hz: <https://w3id.org/hezuo/ontology#> SELECT ?c WHERE { ?c a hz:Country } LIMIT 10"
    assert passes_encoded(urlencode({"query": q}).encode())
    assert not passes_encoded(urlencode({"query": q.replace("SELECT", "SELECT * { SERVICE <http://x/> {} }")}).encode())
    assert not passes_encoded(b"query=%53ERVICE")  # a letter sent encoded: decoded and checked in full
    from urllib.parse import quote
    for open_ in "{([":
        deep = "ASK " + open_ * (MAX_NESTING + 1)
        for safe in ("", "{}()[]"):
            assert not passes_encoded(("query=" + quote(deep, safe=safe)).encode())
