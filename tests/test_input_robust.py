"""Strange input: encodings, BOMs, HTML, empty/binary/unreadable files, odd names, one very long line.

Each file is either processed correctly (offsets into the decoded text) or skipped with a
one-line error naming it; a build carries on, reports what it skipped, and exits non-zero.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time

import pytest

from pyoxigraph import RdfFormat, parse

from conftest import KG, run_kg
from kg import ingest
from kg.model import InputError
from test_cli_errors import assert_one_line_error

TEXT = "2018年4月，中国成立国家国际发展合作署。中国向巴基斯坦、老挝提供援助。\n"
TRAD = "香港特別行政區政府向寮國和柬埔寨提供援助。\n"


def extract(*paths, check=True):
    proc = run_kg("extract", *map(str, paths), check=check)
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    return proc, rows


def test_encodings_are_detected_and_offsets_point_into_the_decoded_text(tmp_path):
    files = {
        "gbk.txt": (TEXT.encode("gbk"), "GB18030", TEXT),
        "gb18030.txt": ((TEXT + "㐀䶵\n").encode("gb18030"), "GB18030", TEXT + "㐀䶵\n"),  # beyond GBK
        "big5.txt": (TRAD.encode("big5"), "Big5", TRAD),
        "utf16.txt": (TEXT.encode("utf-16"), "UTF-16", TEXT),  # with a BOM
        "utf16le.txt": (TEXT.encode("utf-16-le"), "UTF-16LE", TEXT),  # without one
        "bom.txt": (TEXT.encode("utf-8-sig"), "UTF-8", TEXT),
    }
    for name, (data, _, _) in files.items():
        (tmp_path / name).write_bytes(data)
    proc, rows = extract(*(tmp_path / n for n in files))
    for name, (_, encoding, decoded) in files.items():
        mine = [r for r in rows if r["doc"].endswith("/" + name)]
        keys = {r["key"] for r in mine}
        if name == "big5.txt":
            assert {"country/HKG", "country/LAO", "country/KHM"} <= keys, (name, keys)
        else:
            assert {"country/CHN", "country/PAK", "country/LAO", "date/2018-04"} <= keys, (name, keys)
        for r in mine:
            assert decoded[r["start"]:r["end"]] == r["text"], (name, r)
        if encoding != "UTF-8":
            assert f"{name}: read as {encoding}" in proc.stderr, proc.stderr


def test_strict_stops_at_the_first_bad_file(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    (corpus / "a_bad.txt").write_bytes(b"\x00\x01\x02" * 100)
    (corpus / "b_good.txt").write_text(TEXT, encoding="utf-8")
    proc = run_kg("build", str(corpus), "--store", str(tmp_path / "s"), "--quiet", "--strict", check=False)
    assert_one_line_error(proc, "a_bad.txt", "binary")
    assert len(proc.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "s").exists()  # nothing built: it stopped before the good file


HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>中国与老挝 &amp; 柬埔寨</title>
<style>p { color: red } /* 巴基斯坦 */</style>
<script>var country = "巴基斯坦";</script></head>
<body><!-- 埃塞俄比亚 -->
<p>2018年4月，中国向<b>巴基斯坦</b>提供援助，金额为&nbsp;6亿元人民币。</p>
<p>援助&#32;对象包括&#x8001;挝和<a href="https://example.org/?a=1&amp;b=2">柬埔寨</a>。</p>
</body></html>
"""


@pytest.fixture(scope="module")
def mixed_build(tmp_path_factory):
    """One build over a folder of everything: good files in several encodings, an HTML page,
    odd file names, and bad files (empty, blank, binary, PDF, ZIP, unreadable)."""
    tmp = tmp_path_factory.mktemp("mixed")
    corpus = tmp / "白皮书 2021"
    corpus.mkdir()
    (corpus / "a.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "b.txt").write_bytes(TEXT.encode("gbk"))
    (corpus / "c.txt").write_bytes(TRAD.encode("big5"))
    (corpus / "援助 报告 (2019) #1.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "a%20b?.md").write_text(TRAD, encoding="utf-8")
    (corpus / "page.htm").write_text(HTML, encoding="utf-8")
    (corpus / "x_empty.txt").write_bytes(b"")
    (corpus / "x_blank.txt").write_bytes(b" \n\t\r\n")
    (corpus / "x_binary.txt").write_bytes(bytes(range(256)) * 64)
    (corpus / "x_pdf.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>\n")
    (corpus / "x_zip.md").write_bytes(b"PK\x03\x04" + os.urandom(200))
    secret = corpus / "x_secret.txt"
    secret.write_text(TEXT, encoding="utf-8")
    secret.chmod(0)
    store = tmp / "s"
    args = [KG, "build", str(corpus), "--store", str(store), "--quiet"]
    if os.geteuid() == 0:  # root reads anything: drop the capabilities that let it
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (util-linux) is needed to test unreadable files as root"
        args = [setpriv, "--inh-caps=-dac_override,-dac_read_search",
                "--bounding-set=-dac_override,-dac_read_search", *args]
    proc = subprocess.run(args, capture_output=True, text=True, timeout=300)
    secret.chmod(0o644)
    return proc, store


def test_bad_files_are_skipped_named_and_the_build_carries_on(mixed_build):
    proc, store = mixed_build
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    errors = [x for x in proc.stderr.splitlines() if x.startswith("kg: error:")]
    assert len(errors) == 7, proc.stderr  # six files, one line each, and the count
    for name, problem in [("x_empty.txt", "file is empty"), ("x_blank.txt", "file is empty"),
                          ("x_binary.txt", "binary file"), ("x_pdf.txt", "PDF"), ("x_zip.md", "ZIP"),
                          ("x_secret.txt", "cannot read: Permission denied")]:
        assert any(name in e and problem in e for e in errors), (name, errors)
    assert errors[-1] == "kg: error: 6 input(s) skipped"
    assert "built" in proc.stdout  # the good files were built
    stats = json.loads(run_kg("stats", "--store", str(store), "--json").stdout)
    assert stats["documents"] == 6


def test_build_reports_encodings_and_records_them_in_the_graph(mixed_build):
    proc, store = mixed_build
    line = next(x for x in proc.stdout.splitlines() if x.startswith("encodings:"))
    assert "Big5 1 (" in line and "c.txt" in line and "GB18030 1 (" in line and "page.htm (HTML)" in line, line
    out = run_kg("query", "SELECT ?d ?f WHERE { ?d a hz:Document ; schema:encodingFormat ?f } ORDER BY ?d",
                 "--store", str(store), "--format", "csv").stdout
    assert "doc/a,text/plain; charset=UTF-8" in out
    assert "doc/b,text/plain; charset=GB18030" in out
    assert "doc/c,text/plain; charset=Big5" in out
    assert "doc/page,text/html; charset=UTF-8" in out


def test_file_names_with_spaces_and_chinese_make_valid_iris(mixed_build, tmp_path):
    _, store = mixed_build
    docs = run_kg("query", "SELECT ?d WHERE { ?d a hz:Document } ORDER BY ?d", "--store", str(store),
                  "--format", "csv").stdout.split()[1:]
    assert "https://w3id.org/hezuo/id/doc/a_20b_" in docs
    assert "https://w3id.org/hezuo/id/doc/援助_报告__2019___1" in docs
    out = tmp_path / "all.nq"
    run_kg("export", "--store", str(store), "--format", "nquads", "--out", str(out))
    quads = list(parse(path=str(out), format=RdfFormat.N_QUADS))  # every IRI parses back
    assert any("援助_报告__2019___1#char=" in q.subject.value for q in quads)


def test_html_document_in_the_graph_keeps_the_source_and_a_visible_title(mixed_build):
    _, store = mixed_build
    q = """SELECT ?title ?ok WHERE { <https://w3id.org/hezuo/id/doc/page> schema:name ?title ; nif:isString ?text .
             ?m nif:referenceContext <https://w3id.org/hezuo/id/doc/page> ; nif:anchorOf ?a ; nif:beginIndex ?b ;
             nif:endIndex ?e  BIND(SUBSTR(?text, ?b + 1, ?e - ?b) = ?a AS ?ok) }"""
    rows = json.loads(run_kg("query", q, "--store", str(store), "--format", "json").stdout)["results"]["bindings"]
    assert len(rows) > 10 and all(r["ok"]["value"] == "true" for r in rows)
    assert rows[0]["title"]["value"] == "中国与老挝 & 柬埔寨"


def test_html_tags_and_entities_are_stripped_offsets_point_into_the_source(tmp_path):
    page = tmp_path / "新闻 页面.html"
    page.write_text(HTML, encoding="utf-8")
    proc, rows = extract(page)
    assert "HTML" in proc.stderr
    for r in rows:
        assert HTML[r["start"]:r["end"]] == r["text"], r
    keys = [r["key"] for r in rows]
    assert {"country/CHN", "country/PAK", "country/LAO", "country/KHM", "money/600000000CNY", "date/2018-04"} <= set(keys)
    assert "country/ETH" not in keys  # in a comment
    pak = [r for r in rows if r["key"] == "country/PAK"]
    assert len(pak) == 1 and HTML.index("<b>巴基斯坦") + 3 == pak[0]["start"]  # not the one in <script>
    lao = next(r for r in rows if r["key"] == "country/LAO" and r["start"] > HTML.index("<body>"))
    assert lao["text"] == "&#x8001;挝"  # an entity inside the name: the text is the source, as written


def test_a_50_mb_line_without_punctuation_is_split_into_bounded_sentences():
    line = "中国向巴基斯坦和老挝提供援助" * 3_750_000  # 52.5 million characters, no punctuation at all
    t0 = time.perf_counter()
    paragraphs, sentences = ingest.split(line)
    assert time.perf_counter() - t0 < 30
    assert len(paragraphs) == 1
    assert max(s.end - s.start for s in sentences) <= ingest.MAX_SENTENCE
    assert sentences[0].start == 0 and sentences[-1].end == len(line)
    assert all(a.end == b.start for a, b in zip(sentences, sentences[1:]))  # nothing lost between pieces
    spaced = ("中国向巴基斯坦提供援助，" * 40 + " ") * 1000
    _, sentences = ingest.split(spaced)
    assert max(s.end - s.start for s in sentences) <= ingest.MAX_SENTENCE
    assert all(spaced[s.end - 1] in "，" for s in sentences[:-1])  # cut after a comma


def test_a_long_single_line_file_is_built(tmp_path):
    body = "中国向巴基斯坦提供援助" + "发展合作" * 150 + "老挝"  # 600+ characters, no punctuation
    text = body * 40 + "\n"
    f = tmp_path / "one line.txt"
    f.write_text(text, encoding="utf-8")
    _, rows = extract(f)
    assert sum(r["key"] == "country/PAK" for r in rows) == 40
    assert sum(r["key"] == "country/LAO" for r in rows) == 40
    assert all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    assert len({r["sentence"] for r in rows}) > 40  # capped: more sentences than repeats


def test_decode_unit_cases():
    assert ingest.decode("x", "中国".encode("utf-16-be")).text == "中国"
    assert ingest.decode("x", b"\xef\xbb\xbf" + "中国".encode()).text == "中国"
    assert ingest.decode("x", codecs_utf32()).text == "中国援助"
    utf16 = ingest.decode("x", "UNDP report 2020: 中国 and Laos, ASCII-heavy.".encode("utf-16-le"))
    assert utf16.encoding == "UTF-16LE" and utf16.detected and utf16.text.startswith("UNDP report")
    for data, problem in [(b"", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"), (b"\x00" * 50, "binary"),
                          (b"\xff\xfe\x00\xd8", "UTF-16")]:
        try:
            ingest.decode("f.txt", data)
        except InputError as e:
            assert problem in str(e) and str(e).startswith("f.txt: "), str(e)
        else:
            raise AssertionError(f"{data!r} was accepted")


def codecs_utf32() -> bytes:
    return "中国援助".encode("utf-32")


def test_a_hard_wrapped_line_of_prose_goes_on_on_the_next_line():
    """Text copied from a PDF breaks lines inside sentences and names: a line of prose cut inside a sentence
    is one paragraph with the next; headings, table rows, list items and blank lines still break."""
    text = ("中国政府高度重视南南合作。2022年8月，国家国际发展合\n作署署长罗照辉在北京会见巴基斯坦驻华大使。\n"
            "经济合作\n中方将提供援助，支持非洲国家发展经济和改善民生\n二是深化人文交流。\n"
            "2019年 | 老挝 | 世界粮食计划署，粮食援助\n2020年 | 缅甸 | 联合国开发计划署\n")
    paragraphs, sentences = ingest.split(text)
    got = [s.text for s in sentences]
    assert "2022年8月，国家国际发展合\n作署署长罗照辉在北京会见巴基斯坦驻华大使。" in got
    assert "经济合作" in got  # a heading: no comma
    assert "中方将提供援助，支持非洲国家发展经济和改善民生" in got and "二是深化人文交流。" in got  # 二是: an item
    assert "2020年 | 缅甸 | 联合国开发计划署" in got  # a row of a table
    assert all(s.text == text[s.start:s.end] for s in sentences)
    assert len(paragraphs) == 6
    doc = ingest.make_document("d", "d.txt", text)
    from kg.extract.nlp import Extractor

    Extractor()(doc)
    agency = [m for m in doc.mentions if m.key == "org/china-international-development-cooperation-agency"]
    assert [(m.text, m.name) for m in agency] == [("国家国际发展合\n作署", "国家国际发展合作署")]
