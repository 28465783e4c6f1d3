"""The build at its edges: a document over 16 MiB, a SIGKILL with worker processes, temporary files,
symbolic links out of the input folder, Markdown markup, and what a folder walk does not read."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from conftest import CORPUS, KG, SOURCE_DATE_EPOCH, run_kg

pytestmark = pytest.mark.e2e

NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"


def _children(pid: int) -> set[int]:
    """Every descendant of ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            parents[int(d.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    out, todo = set(), [pid]
    while todo:
        p = todo.pop()
        kids = [c for c, pp in parents.items() if pp == p]
        out.update(kids)
        todo.extend(kids)
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigkill_of_a_build_with_workers_leaves_no_process(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    text = next(CORPUS.glob("*.txt")).read_text(encoding="utf-8")
    for i in range(40):  # ~1 MB: many seconds of extraction for two workers
        (src / f"d{i:02}.txt").write_text(text, encoding="utf-8")
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    build = subprocess.Popen([KG, "build", str(src), "--store", str(tmp_path / "store"), "--workers", "2", "--quiet"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and len(_children(build.pid)) < 3:  # two workers and the resource tracker
            assert build.poll() is None, build.stderr.read()
            time.sleep(0.2)
        time.sleep(3)  # the workers import and build their pipelines, then extract
        helpers = _children(build.pid)
        assert len(helpers) >= 3, helpers
        build.kill()
        build.wait(timeout=30)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and any(_alive(p) for p in helpers):
            time.sleep(0.2)
        left = [p for p in helpers if _alive(p)]
        assert not left, [Path(f"/proc/{p}/cmdline").read_bytes() for p in left if _alive(p)]
    finally:
        for p in _children(build.pid) | {build.pid}:
            try:
                os.kill(p, signal.SIGKILL)
            except OSError:
                pass
    # and the next build finds the store as it was (no store), and leaves no temporary file
    run_kg("build", str(src / "d00.txt"), "--store", str(tmp_path / "store"), "--quiet", "--workers", "1")
    assert not (tmp_path / "store" / "spool").exists()


@pytest.fixture(scope="module")
def big_build(tmp_path_factory):
    """A 50 MB single-line document, as the README promises (a literal over 16 MiB could not be loaded), beside a
    small one.

    The long line is mostly white space, so that it takes seconds to extract, with Chinese sentences far
    into it: their offsets must still point into the whole text."""
    tmp = tmp_path_factory.mktemp("big")
    src = tmp / "in"
    src.mkdir()
    sentence = "中国向老挝提供援助。"
    pieces, marks = [], []
    pos = 0
    for _ in range(48):
        pad = " " * (1 << 20)
        pieces += [pad, sentence]
        pos += len(pad)
        marks.append(pos + sentence.index("老挝"))
        pos += len(sentence)
    big = "".join(pieces)
    assert len(big.encode()) > 50_000_000
    (src / "big.txt").write_text(big, encoding="utf-8")
    (src / "small.txt").write_text("中国向巴基斯坦提供援助。", encoding="utf-8")
    store = tmp / "store"
    proc = run_kg("build", str(src), "--store", str(store), "--workers", "1", "--strict", timeout=600)
    return store, big, marks, proc


def test_a_50_mb_document_builds_beside_a_small_one(big_build):
    store, big, marks, proc = big_build
    assert "2 extracted" in proc.stdout, proc.stdout
    assert "conforms to the SHACL shapes" in proc.stdout + proc.stderr  # --strict: the parts satisfy the shapes
    assert not (store / "spool").exists()
    rows = json.loads(run_kg("query", """SELECT ?b ?e ?t WHERE {
        ?p a nif:String ; nif:referenceContext <https://w3id.org/hezuo/id/doc/big> ;
           nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t } ORDER BY ?b""",
                             "--store", str(store), "--format", "json").stdout)["results"]["bindings"]
    parts = [(int(r["b"]["value"]), int(r["e"]["value"]), r["t"]["value"]) for r in rows]
    assert len(parts) == -(-len(big) // 1_000_000) and parts[0][0] == 0 and parts[-1][1] == len(big)
    assert all(a[1] == b[0] for a, b in zip(parts, parts[1:]))
    assert "".join(t for _, _, t in parts) == big  # the text, whole, in its parts
    found = json.loads(run_kg("query", """SELECT ?b ?e ?t WHERE {
        ?m nif:referenceContext <https://w3id.org/hezuo/id/doc/big> ; itsrdf:taIdentRef ?x ;
           nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?t FILTER(?t = "老挝") }""",
                              "--store", str(store), "--format", "json").stdout)["results"]["bindings"]
    starts = sorted(int(r["b"]["value"]) for r in found)
    assert starts == marks  # provenance offsets into the whole text, past 16 MiB too
    assert all(big[int(r["b"]["value"]):int(r["e"]["value"])] == "老挝" for r in found)


def test_the_export_of_a_big_document_loads_back_into_oxigraph(big_build, tmp_path):
    from pyoxigraph import RdfFormat, Store

    store = big_build[0]
    out = tmp_path / "all.nq"
    run_kg("export", "--store", str(store), "--format", "nquads", "--out", str(out))
    copy = Store()
    copy.bulk_load(path=str(out), format=RdfFormat.N_QUADS)  # no token over the parser's 16 MiB
    assert len(copy) == out.read_bytes().count(b"\n")


def _long_document(folder: Path, chars: int = 1_200_000) -> None:
    """A document over a million characters (its N-Quads spool to a file), quick to extract: mostly spaces."""
    folder.mkdir(exist_ok=True)
    (folder / "long.txt").write_text(("中国向老挝提供援助。" + " " * 9990) * (chars // 10_000), encoding="utf-8")


def _spool_files(store: Path) -> list[Path]:
    return list((store / "spool").glob("*")) if (store / "spool").exists() else []


@pytest.mark.parametrize("how", ["SIGTERM", "SIGKILL"])
def test_temporary_files_never_outlive_the_build(tmp_path, how):
    src, store = tmp_path / "in", tmp_path / "store"
    _long_document(src)
    env = {**os.environ, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "HEZUO_BATCH_BYTES": "65536"}
    build = subprocess.Popen([KG, "build", str(src), "--store", str(store), "--workers", "1", "--quiet"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not _spool_files(store) and build.poll() is None:
        time.sleep(0.05)
    assert _spool_files(store), "the long document's N-Quads never reached the spool folder"
    build.send_signal(getattr(signal, how))
    out, err = build.communicate(timeout=120)
    if how == "SIGTERM":  # ends as Ctrl-C does: its clean-up runs
        assert build.returncode == 130 and "kg: error: interrupted" in err, (build.returncode, err)
        assert not (store / "spool").exists()
    else:  # nothing runs after a SIGKILL: the next build (or kg link) clears what it left
        assert build.returncode == -signal.SIGKILL
    assert not (store / "active").exists()  # nothing was made active
    (tmp_path / "small.txt").write_text("中国向巴基斯坦提供援助。", encoding="utf-8")
    run_kg("build", str(tmp_path / "small.txt"), "--store", str(store), "--quiet", "--workers", "1")
    assert not (store / "spool").exists()
    assert sorted(p.name for p in (store / "generations").iterdir()) == ["000001"]


def test_progress_lines_when_stdout_is_not_a_terminal(tmp_path):
    src = tmp_path / "in"
    _long_document(src, 300_000)
    proc = run_kg("build", str(src), "--store", str(tmp_path / "store"), "--workers", "1",
                  env={"HEZUO_PROGRESS_SECONDS": "0.5"})
    lines = [line for line in proc.stderr.splitlines() if line.startswith("kg: building:")]
    assert lines, proc.stderr
    assert re.match(r"kg: building: \d+/1 documents, [\d,]+ characters extracted, [\d,]+ triples, \d+ s$", lines[-1])
    quiet = run_kg("build", str(src), "--store", str(tmp_path / "store2"), "--workers", "1", "--quiet",
                   env={"HEZUO_PROGRESS_SECONDS": "0.5"})
    assert "kg: building:" not in quiet.stderr


def test_a_full_disk_is_reported_as_such(corpus_store):
    with open("/dev/full", "w") as full:  # every write to it fails with ENOSPC
        proc = subprocess.run([KG, "export", "--store", str(corpus_store), "--format", "ntriples"], stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines() == ["kg: error: standard output: no space left on device; free some "
                                                "space and run the command again"], proc.stderr


def test_a_plain_string_param_that_matches_only_tagged_labels_says_so(corpus_store):
    sparql = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"
    proc = run_kg("query", sparql, "--param", "name=巴基斯坦", "--store", str(corpus_store))
    assert "0 rows" in proc.stdout
    assert "kg: note: --param name: the plain string \"巴基斯坦\" matched nothing" in proc.stderr
    assert "--param 'name=\"巴基斯坦\"@zh'" in proc.stderr
    tagged = run_kg("query", sparql, "--param", 'name="巴基斯坦"@zh', "--store", str(corpus_store))
    assert "0 rows" not in tagged.stdout and "note" not in tagged.stderr


def test_symlinks_out_of_the_input_folder_are_not_followed(tmp_path):
    src, store = tmp_path / "in", tmp_path / "store"
    src.mkdir()
    (src / "a.txt").write_text("中国向老挝提供援助。", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("机密：中国向巴基斯坦提供援助。", encoding="utf-8")
    (src / "pw.txt").symlink_to(secret)
    proc = run_kg("build", str(src), "--store", str(store), "--workers", "1", "--quiet")
    assert f"kg: note: not read: {src / 'pw.txt'}: symbolic link to {secret}, outside the input folder" in proc.stderr
    docs = run_kg("query", "SELECT ?d WHERE { ?d a hz:Document }", "--store", str(store), "--format", "csv").stdout
    assert "doc/a" in docs and "doc/pw" not in docs
    run_kg("build", str(src), "--store", str(store), "--workers", "1", "--quiet", "--follow-symlinks")
    docs = run_kg("query", "SELECT ?d WHERE { ?d a hz:Document }", "--store", str(store), "--format", "csv").stdout
    assert "doc/pw" in docs


def test_markdown_markup_stays_out_of_titles_and_fact_labels(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "w.md").write_text("# 中国援助老挝\n\n- 中国商务部宣布向老挝提供10亿元人民币无偿援助。\n"
                              "1. 2018年，中国向巴基斯坦提供5亿美元贷款。\n", encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", str(src), "--store", str(store), "--workers", "1", "--quiet")
    labels = run_kg("query", """SELECT ?l WHERE { { ?d a hz:Document ; schema:name ?l } UNION
        { ?f hz:evidence ?ev ; rdfs:label ?l } UNION { ?s a hz:Sentence ; nif:anchorOf ?l } }""",
                    "--store", str(store), "--format", "csv").stdout.splitlines()[1:]
    assert "中国援助老挝" in labels and len(labels) >= 4, labels
    assert not [label for label in labels if re.match(r"\s*([#>\-*+]|\d+\.)\s", label)], labels


def test_inline_markup_stays_out_of_fact_labels(tmp_path):
    """Bold, links and tags inside a sentence: the facts' labels are the text a reader sees (issue 12)."""
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text("<html><body><p>2022年8月30日，中国政府向<b>巴基斯坦</b>提供1亿元人民币"
                                "紧急人道主义援助&amp;物资。</p></body></html>", encoding="utf-8")
    (src / "b.md").write_text("# 援助\n\n中国商务部宣布向**老挝**提供**5000万元人民币**无偿援助，"
                              "用于[万象](http://example.org)的学校建设。\n", encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", str(src), "--store", str(store), "--workers", "1", "--quiet")
    labels = run_kg("query", "SELECT ?l WHERE { ?f hz:evidence ?ev ; rdfs:label ?l }",
                    "--store", str(store), "--format", "csv").stdout.splitlines()[1:]
    assert any("巴基斯坦提供1亿元人民币" in label for label in labels), labels
    assert any("老挝提供5000万元人民币" in label for label in labels), labels
    assert not [label for label in labels if re.search(r"<[a-z/]|\*\*|\]\(|&amp;", label)], labels
