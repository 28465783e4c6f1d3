"""build() in phases: plan -> extract -> load -> finalise, each testable; the post-build steps in finalise."""

from __future__ import annotations

import pytest

from kg import build as build_mod
from kg.build import BuildReport, Plan, _line_batches, plan
from kg.errors import InputError
from kg.store.folder import StoreFolder


def test_plan_finds_the_inputs_and_reads_no_document(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("中国", encoding="utf-8")
    (src / "b.shtml").write_text("<p>老挝</p>", encoding="utf-8")
    (src / "c.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    report = BuildReport(str(tmp_path / "store"))
    with StoreFolder(tmp_path / "store") as folder:
        p = plan([src], folder, report)
    assert isinstance(p, Plan)
    assert [doc_id for _, doc_id, _ in p.files] == ["a", "b"]
    assert p.roots == {str(src.resolve())} and p.old == {} and p.rebuild_all
    assert [s.path.rsplit("/", 1)[1] for s in report.not_read] == ["c.doc"]
    assert not (tmp_path / "store").exists()  # planning touches no store
    with StoreFolder(tmp_path / "store") as folder, pytest.raises(InputError, match="no such file"):
        plan([tmp_path / "missing.txt"], folder, BuildReport(""))


def test_line_batches_keep_every_line_whole(tmp_path):
    f = tmp_path / "x.nq"
    lines = [f"<urn:s{i}> <urn:p> \"{'文' * (i % 50)}\" <urn:g> .\n".encode() for i in range(3000)]
    f.write_bytes(b"".join(lines))
    batches = list(_line_batches(str(f), 4096))
    assert b"".join(batches) == f.read_bytes()
    assert len(batches) > 10 and all(b.endswith(b"\n") for b in batches)
    assert max(len(b) for b in batches) <= 2 * 4096  # what was left of one read, and the next


@pytest.mark.e2e
def test_post_build_steps_run_in_finalise_and_a_failing_one_leaves_the_store(tmp_path, monkeypatch):
    from kg.store import open_store, stats

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    doc = tmp_path / "a.txt"
    doc.write_text("中国向老挝提供援助。", encoding="utf-8")
    seen = []

    def step(store, p, counted):
        seen.append((len(store) > 0, p.plan.base, counted.documents))

    monkeypatch.setattr(build_mod, "POST_BUILD_STEPS", [step])
    report = build_mod.build([doc], tmp_path / "store")
    assert report.changed and seen == [(True, "https://w3id.org/hezuo/id/", ("https://w3id.org/hezuo/id/doc/a",))]
    before = stats(open_store(tmp_path / "store", read_only=True))

    def failing(store, p, counted):
        raise OSError("the search index could not be written")

    monkeypatch.setattr(build_mod, "POST_BUILD_STEPS", [failing])
    doc.write_text("中国向巴基斯坦提供援助。", encoding="utf-8")
    with pytest.raises(OSError, match="search index"):
        build_mod.build([doc], tmp_path / "store")
    assert stats(open_store(tmp_path / "store", read_only=True)) == before  # atomic: the old generation stays
