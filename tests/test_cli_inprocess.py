"""The CLI in-process (typer.testing.CliRunner): the error translation lives in the typer app, so these see the
real one-line messages and exit codes; and the ingest unit cases behind the build's edges."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from kg import __version__, ingest
from kg.errors import InputError, ParameterError, printable

runner = CliRunner()


def kg(*args: str):
    from kg.cli import app

    return runner.invoke(app, list(args))


def one_error_line(result) -> str:
    lines = [line for line in result.output.splitlines() if line.startswith("kg: error:")]
    assert len(lines) == 1, result.output
    assert "Traceback" not in result.output and "╭" not in result.output  # one line, no box
    return lines[0]


def test_version():
    result = kg("--version")
    assert result.exit_code == 0 and result.output.strip() == f"kg (hezuo-kg) {__version__}"


def test_a_port_out_of_range_is_a_one_line_usage_error():
    result = kg("serve", "--port", "99999")
    assert result.exit_code == 2
    line = one_error_line(result)
    assert "--port" in line and "65535" in line and "kg serve" in line


def test_a_file_name_with_a_newline_stays_one_line(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a\nb\x1b[2J.txt").write_text("   \n", encoding="utf-8")  # empty: nothing to extract
    result = kg("build", str(src), "--store", str(tmp_path / "store"), "--quiet")
    assert result.exit_code == 1
    line = one_error_line(result)
    assert "a\\nb\\x1b[2J.txt" in line and "empty" in line and "\x1b" not in result.output
    assert not (tmp_path / "store").exists()


def test_library_errors_name_parameters_and_the_cli_names_flags(tmp_path):
    from kg.build import build

    with pytest.raises(ParameterError) as caught:
        build([tmp_path], tmp_path / "store", workers=0)
    assert str(caught.value) == "workers: must be at least 1"
    result = kg("link", "--store", str(tmp_path / "store"), "--endpoint", "ftp://example.org/sparql")
    assert result.exit_code == 1
    assert one_error_line(result).startswith("kg: error: --endpoint: must be an http:// or https:// URL")
    result = kg("query", "SELECT * WHERE { ?s ?p ?o }", "--param", "x", "--store", str(tmp_path))
    assert one_error_line(result) == "kg: error: --param: expected NAME=VALUE, got 'x'"


def test_build_help_names_every_input_format():
    text = " ".join(kg("build", "--help").output.split())
    for suffix in ingest.SUFFIXES:
        assert suffix in text, suffix
    assert "--follow-symlinks" in text


def test_printable_escapes_controls_and_keeps_chinese():
    assert printable("援助\n报告\x1b[31m.txt") == "援助\\n报告\\x1b[31m.txt"
    assert printable("a\u2028b\u202ec") == "a\\u2028b\\u202ec"
    assert str(InputError("x\ny", "bad\nthing")) == "x\\ny: bad thing"


def test_a_walk_reads_shtml_and_markdown_and_lists_what_it_skips(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    outside = tmp_path / "secret.txt"
    outside.write_text("机密", encoding="utf-8")
    for name in ("a.txt", "b.markdown", "c.shtml", "d.md", "sub/e.htm"):
        (src / name).write_text("中国", encoding="utf-8")
    (src / "scan.pdf").write_bytes(b"%PDF-1.4")
    (src / ".git").mkdir()
    (src / "pw.txt").symlink_to(outside)
    (src / "link-in.txt").symlink_to(src / "a.txt")
    (src / "loop").symlink_to(src)
    skipped: list = []
    found = [doc_id for _, doc_id in ingest.find_files([src], skipped=skipped)]
    assert found == ["a", "b", "c", "d", "link-in", "sub/e"]
    why = {s.path.rsplit("/", 1)[1]: s.reason for s in skipped}
    assert why[".git"] == "hidden"
    assert why["scan.pdf"].startswith("not an input format (.pdf)")
    assert "outside the input folder" in why["pw.txt"] and "--follow-symlinks" in why["pw.txt"]
    assert why["loop"].startswith("symbolic link to the folder")
    followed = [doc_id for _, doc_id in ingest.find_files([src], follow_symlinks=True, skipped=[])]
    assert "pw" in followed


def test_markdown_markers_stay_out_of_titles_and_sentences_offsets_unchanged():
    text = ("# 中国援助**白皮书** #\n\n- 中国商务部负责对外援助。\n2. [老挝](https://example.org)获得援助。\n"
            "> 引用：中国向巴基斯坦提供援助。\n\n---\n| a | b |\n|---|---|\n")
    doc = ingest.make_document("w", "w.md", text)
    assert doc.title == "中国援助白皮书" and doc.media_type == "text/markdown"
    # (a sentence spans the file from its first visible character to its last; it is read as its view)
    assert [s.text for s in doc.sentences][:3] == ["中国援助**白皮书", "中国商务部负责对外援助。",
                                                   "老挝](https://example.org)获得援助。"]
    assert [s.view for s in doc.sentences][:3] == ["中国援助白皮书", "中国商务部负责对外援助。", "老挝获得援助。"]
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)
    assert not any(re.match(r"[#>\-*+]|\d+\.", s.text) for s in doc.sentences)
    assert "---" not in [s.text for s in doc.sentences]
    plain = ingest.make_document("w", "w.txt", text)  # the same text as plain text keeps every character
    assert plain.title.startswith("# ")
