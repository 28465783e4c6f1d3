"""Scale: parallel workers, a real Dask cluster, incremental re-runs, the store-folder layout.

Every build here is the real `kg build` in its own process; parallel builds use real worker
processes, and the Dask test a real `distributed.LocalCluster` with process workers on loopback.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from conftest import CORPUS, GOLD, ROOT, run_kg

GENRE = ROOT / "tests" / "genre"
DOC = "https://w3id.org/hezuo/id/doc/"


def export(store: Path, tmp: Path, name: str) -> bytes:
    out = tmp / f"{name}.nq"
    run_kg("export", "--store", str(store), "--format", "nquads", "--out", str(out))
    return out.read_bytes()


def graphs(nquads: bytes) -> set[str]:
    return {line.rsplit(b" ", 2)[-2].decode().strip("<>") for line in nquads.splitlines() if line}


def stats(store: Path) -> dict:
    return json.loads(run_kg("stats", "--store", str(store), "--json").stdout)


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    """Ten real documents: the white paper (also a gold text), the three gold passages 01-03 and the genre texts."""
    d = tmp_path_factory.mktemp("many") / "corpus"
    d.mkdir()
    for f in [*CORPUS.glob("*.txt"), *(GOLD / "texts").glob("0*.txt"), *GENRE.glob("*.txt")]:
        shutil.copy(f, d / f.name)
    return d


@pytest.fixture(scope="module")
def one_worker_export(many, tmp_path_factory) -> bytes:
    tmp = tmp_path_factory.mktemp("w1")
    out = run_kg("build", str(many), "--store", str(tmp / "store"), "--workers", "1", "--quiet").stdout
    assert "10 extracted" in out
    return export(tmp / "store", tmp, "w1")


def test_two_workers_give_the_same_bytes_as_one(many, one_worker_export, tmp_path):
    out = run_kg("build", str(many), "--store", str(tmp_path / "store"), "--workers", "2", "--quiet").stdout
    assert "10 extracted" in out and "(2 workers)" in out
    assert export(tmp_path / "store", tmp_path, "w2") == one_worker_export
    assert len(graphs(one_worker_export)) == 13  # ten documents, the ontology, the entities, the dataset description


def test_dask_cluster_gives_the_same_bytes_as_a_local_build(many, one_worker_export, tmp_path):
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None) as cluster, Client(cluster) as client:
        out = run_kg("build", str(many), "--store", str(tmp_path / "store"), "--dask", cluster.scheduler_address,
                     "--quiet", timeout=120).stdout
        assert "10 extracted" in out and "(2 workers)" in out
        # the cluster's two worker processes did the extraction, each with its own pipeline
        done = client.run(lambda: __import__("kg.workers").workers.DONE)
        built = client.run(lambda: sorted(__import__("kg.workers").workers._PIPELINES))
        assert len(done) == 2 and sum(d["documents"] for d in done.values()) == 10
        assert all(v == ["https://w3id.org/hezuo/id/"] for v in built.values())
    assert export(tmp_path / "store", tmp_path, "dask") == one_worker_export


def test_unreachable_dask_scheduler_is_a_one_line_error(tmp_path):
    good = tmp_path / "a.txt"
    good.write_text("中国向巴基斯坦提供援助。", encoding="utf-8")
    proc = run_kg("build", str(good), "--store", str(tmp_path / "s"), "--dask", "tcp://127.0.0.1:9",
                  "--quiet", check=False, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.strip().count("\n") == 0 and "Dask scheduler" in proc.stderr, proc.stderr
    assert not (tmp_path / "s" / "active").exists()


def _corpus(folder: Path, docs: dict[str, str]) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_incremental_rerun_skips_replaces_and_removes(tmp_path):
    texts = {f.name: f.read_text(encoding="utf-8") for f in sorted(GENRE.glob("*.txt"))}
    src = _corpus(tmp_path / "in", texts)
    store = tmp_path / "store"
    run_kg("build", str(src), "--store", str(store), "--quiet")
    first = export(store, tmp_path, "first")
    active = os.readlink(store / "active")

    out = run_kg("build", str(src), "--store", str(store), "--quiet").stdout
    assert "0 extracted, 6 unchanged, 0 removed; the store was not changed" in out
    assert os.readlink(store / "active") == active
    assert export(store, tmp_path, "again") == first

    # change one document, delete one, add one
    changed = dict(texts)
    changed["news_focac.txt"] += "\n2024年，中国同马拉维签署合作协议（增补条目七号）。\n"
    del changed["noisy.txt"]
    changed["added.txt"] = "中国与埃塞俄比亚在亚的斯亚贝巴举行会谈。"
    _corpus(src, changed)
    out = run_kg("build", str(src), "--store", str(store), "--quiet").stdout
    assert "2 extracted, 4 unchanged, 1 removed" in out
    updated = export(store, tmp_path, "updated")
    assert DOC + "noisy" not in graphs(updated) and DOC + "added" in graphs(updated)
    assert "增补条目七号".encode() in updated and "增补条目七号".encode() not in first

    # the same bytes as building the changed folder from scratch: no stale or duplicate triples
    run_kg("build", str(src), "--store", str(tmp_path / "fresh"), "--quiet")
    assert export(tmp_path / "fresh", tmp_path, "fresh") == updated
    out = run_kg("build", str(src), "--store", str(store), "--quiet").stdout
    assert "0 extracted, 6 unchanged, 0 removed" in out
    assert stats(store) == stats(tmp_path / "fresh")
    assert len(list((store / "generations").iterdir())) <= 2  # the active one and the one before


def test_documents_from_other_inputs_are_kept(tmp_path):
    a = _corpus(tmp_path / "a", {"one.txt": "中国向巴基斯坦提供援助。", "two.txt": "中国向老挝提供援助。"})
    b = _corpus(tmp_path / "b", {"three.txt": "中国向柬埔寨提供援助。"})
    store = tmp_path / "store"
    run_kg("build", str(a), "--store", str(store), "--quiet")
    run_kg("build", str(b), "--store", str(store), "--quiet")
    (a / "two.txt").unlink()
    out = run_kg("build", str(a), "--store", str(store), "--quiet").stdout
    assert "0 extracted, 1 unchanged, 1 removed" in out
    assert graphs(export(store, tmp_path, "x")) == {DOC + "one", DOC + "three", "https://w3id.org/hezuo/ontology",
                                                     "https://w3id.org/hezuo/id/entities", "https://w3id.org/hezuo/id/void"}


def test_a_file_that_turned_bad_keeps_its_graph(tmp_path):
    src = _corpus(tmp_path / "in", {"good.txt": "中国向巴基斯坦提供援助。", "other.txt": "中国向老挝提供援助。"})
    store = tmp_path / "store"
    run_kg("build", str(src), "--store", str(store), "--quiet")
    before = export(store, tmp_path, "before")
    (src / "good.txt").write_bytes(b"\xff\xfe\x00garbage\x00")
    (src / "other.txt").write_text("中国向柬埔寨提供援助。", encoding="utf-8")
    proc = run_kg("build", str(src), "--store", str(store), "--quiet", check=False)
    assert proc.returncode == 1 and "good.txt" in proc.stderr
    after = export(store, tmp_path, "after")
    assert "巴基斯坦".encode() in after and "柬埔寨".encode() in after and "老挝".encode() not in after
    assert graphs(after) == graphs(before)
    # --strict stops at the bad file and writes nothing
    (src / "other.txt").write_text("中国向越南提供援助。", encoding="utf-8")
    proc = run_kg("build", str(src), "--store", str(store), "--quiet", "--strict", check=False)
    assert proc.returncode == 1 and "good.txt" in proc.stderr
    assert export(store, tmp_path, "strict") == after


def test_a_second_build_at_the_same_time_is_refused(tmp_path):
    src = _corpus(tmp_path / "in", {"a.txt": "中国向巴基斯坦提供援助。"})
    store = tmp_path / "store"
    run_kg("build", str(src), "--store", str(store), "--quiet")
    before = export(store, tmp_path, "before")
    (src / "a.txt").write_text("中国向老挝提供援助。", encoding="utf-8")
    with open(store / "build.lock", "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running build holds it
        proc = run_kg("build", str(src), "--store", str(store), "--quiet", check=False)
    assert proc.returncode == 1 and "another kg build" in proc.stderr
    assert export(store, tmp_path, "after") == before


def test_a_store_from_before_generations_is_read_and_converted(tmp_path):
    legacy = tmp_path / "store"
    st = Store(str(legacy))
    old_graph = NamedNode("http://example.org/old")
    st.add(Quad(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("kept"), old_graph))
    st.flush()
    del st
    assert stats(legacy)["quads"] == 1  # read as it is
    src = _corpus(tmp_path / "in", {"a.txt": "中国向巴基斯坦提供援助。"})
    run_kg("build", str(src), "--store", str(legacy), "--quiet")
    assert (legacy / "active").is_symlink() and not (legacy / "CURRENT").exists()
    assert graphs(export(legacy, tmp_path, "x")) == {"http://example.org/old", DOC + "a",
                                                      "https://w3id.org/hezuo/ontology", "https://w3id.org/hezuo/id/entities",
                                                      "https://w3id.org/hezuo/id/void"}
