"""Bad input: one line on stderr naming the file and the problem, a non-zero exit, nothing lost."""

from __future__ import annotations

import json

from conftest import run_kg


def assert_one_line_error(proc, *needles: str) -> None:
    assert proc.returncode != 0
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert lines, "expected an error message"
    assert "Traceback" not in proc.stderr
    errors = [line for line in lines if line.startswith("kg: error:")]
    assert errors, proc.stderr
    for needle in needles:
        assert any(needle in line for line in errors), (needle, proc.stderr)


def test_missing_file_names_the_file(tmp_path):
    proc = run_kg("build", str(tmp_path / "nope.txt"), "--store", str(tmp_path / "s"), "--quiet", check=False)
    assert_one_line_error(proc, "nope.txt", "no such file")
    assert not (tmp_path / "s").exists()


def test_empty_folder_is_an_error(tmp_path):
    (tmp_path / "empty").mkdir()
    proc = run_kg("build", str(tmp_path / "empty"), "--store", str(tmp_path / "s"), "--quiet", check=False)
    assert_one_line_error(proc, "empty", "holds no input files", ".txt", ".shtml", ".markdown")
    assert not (tmp_path / "s").exists()


def test_non_utf8_file_is_detected_and_reported(tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes("中国对外援助：中国向巴基斯坦提供援助。".encode("gbk"))
    proc = run_kg("build", str(gbk), "--store", str(tmp_path / "s"), "--quiet")
    assert "GB18030 1 (" in proc.stdout and "gbk.txt" in proc.stdout, proc.stdout
    stats = json.loads(run_kg("stats", "--store", str(tmp_path / "s"), "--json").stdout)
    assert stats["entities_per_type"]["Country"] == 2


def test_text_in_no_encoding_is_an_error(tmp_path):
    bad = tmp_path / "mixed.txt"
    bad.write_bytes("中国".encode() + b"\xff\xfe\xfa" + "援助".encode("gbk") + "老挝".encode())
    proc = run_kg("build", str(bad), "--store", str(tmp_path / "s"), "--quiet", check=False)
    assert_one_line_error(proc, "mixed.txt", "not UTF-8", "no other encoding fits")


def test_bad_file_does_not_damage_an_existing_store(tmp_path):
    store = tmp_path / "s"
    good = tmp_path / "good.txt"
    good.write_text("2018年4月，中国成立国家国际发展合作署。", encoding="utf-8")
    run_kg("build", str(good), "--store", str(store), "--quiet")
    before = json.loads(run_kg("stats", "--store", str(store), "--json").stdout)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\x00garbage\x00")
    proc = run_kg("build", str(bad), "--store", str(store), "--quiet", check=False)
    assert_one_line_error(proc, "bad.txt")
    after = json.loads(run_kg("stats", "--store", str(store), "--json").stdout)
    assert after == before


def test_good_files_are_built_and_bad_ones_reported(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("中国向巴基斯坦提供援助。", encoding="utf-8")
    (corpus / "b.txt").write_bytes("老挝".encode("big5", errors="ignore") + b"\xff\xff")
    proc = run_kg("build", str(corpus), "--store", str(tmp_path / "s"), "--quiet", check=False)
    assert_one_line_error(proc, "b.txt", "skipped")
    stats = json.loads(run_kg("stats", "--store", str(tmp_path / "s"), "--json").stdout)
    assert stats["documents"] == 1
    assert stats["entities_per_type"]["Country"] == 2


def test_missing_store_is_an_error(tmp_path):
    for cmd in (["stats"], ["query", "SELECT * WHERE { ?s ?p ?o }"], ["export"], ["serve"]):
        proc = run_kg(*cmd, "--store", str(tmp_path / "none"), check=False)
        assert_one_line_error(proc, "none", "kg build")


def test_sparql_syntax_error_is_one_line(corpus_store):
    proc = run_kg("query", "SELECT * WHERE {", "--store", str(corpus_store), check=False)
    assert_one_line_error(proc, "SPARQL syntax error")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unreadable_query_file(tmp_path, corpus_store):
    proc = run_kg("query", str(tmp_path / "missing.rq"), "--store", str(corpus_store), check=False)
    assert_one_line_error(proc, "missing.rq")
