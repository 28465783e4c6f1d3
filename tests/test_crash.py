"""Crash safety: `kg build` killed with SIGKILL at random points while it writes.

After every kill the store must open and hold either the previous graph or the new one,
each document graph entirely old or entirely new, never a mixture.  The builds are the real
`kg build` in its own process, writing in small batches (HEZUO_BATCH_BYTES) so that a kill
lands between many separate writes.
"""

from __future__ import annotations

import gc
import os
import random
import shutil
import subprocess
import time
from collections import defaultdict
from pathlib import Path

from conftest import CORPUS, GOLD, KG, ROOT, SOURCE_DATE_EPOCH, run_kg
from kg.store import folder as storedir
from kg.store import open_store

GENRE = ROOT / "tests" / "genre"


def write_corpus(folder: Path, docs: dict[str, str]) -> None:
    for f in folder.iterdir():
        f.unlink()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")


def snapshot(store: Path) -> dict[str, frozenset[str]]:
    """Every named graph of the store as a set of quads (the store must open)."""
    st = open_store(store, read_only=True)
    out: dict[str, set[str]] = defaultdict(set)
    for q in st:
        out[q.graph_name.value].add(str(q))
    del st
    gc.collect()
    return {g: frozenset(qs) for g, qs in out.items()}


def staging_exists(store: Path) -> bool:
    active = storedir.active_generation(store)
    gens = store / storedir.GENERATIONS
    try:
        return any(p.name > (active.name if active else "") for p in gens.iterdir())
    except FileNotFoundError:
        return False


def test_sigkill_at_random_points_leaves_the_old_graph_or_the_new(tmp_path):
    seed = time.time_ns() % 1_000_000
    rng = random.Random(seed)
    texts = {f.name: f.read_text(encoding="utf-8")
             for f in [*CORPUS.glob("*.txt"), *(GOLD / "texts").glob("0*.txt"), *GENRE.glob("*.txt")]}
    old_docs = dict(texts)
    new_docs = {name: text + f"\n第{i}次修订：中国同马拉维签署合作协议。\n" for i, (name, text) in enumerate(texts.items())}
    del new_docs["noisy.txt"]
    new_docs["added.txt"] = "中国与埃塞俄比亚在亚的斯亚贝巴举行会谈。"
    src = tmp_path / "in"
    src.mkdir()
    store = tmp_path / "store"
    env = {**os.environ, "HEZUO_BATCH_BYTES": "50000", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH}
    env.pop("HEZUO_STORE", None)

    def start(docs: dict[str, str]) -> subprocess.Popen:
        write_corpus(src, docs)
        return subprocess.Popen([KG, "build", str(src), "--store", str(store), "--quiet", "--workers", "1"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    def wait_for_staging(proc: subprocess.Popen) -> bool:
        """Wait until the build has made its staging copy; False if it ended first."""
        deadline = time.monotonic() + 120
        while proc.poll() is None and not staging_exists(store) and time.monotonic() < deadline:
            time.sleep(0.002)
        return proc.poll() is None

    # a whole build first, timed: how long it runs, and how long it writes its staging copy
    t0 = time.monotonic()
    proc = start(old_docs)
    assert wait_for_staging(proc)
    t_staging = time.monotonic()
    assert proc.wait(timeout=120) == 0
    total, writing = time.monotonic() - t0, time.monotonic() - t_staging
    old = snapshot(store)
    state, snapshots, interrupted = "old", [], 0
    for i in range(6):
        target = "new" if state == "old" else "old"
        proc = start(new_docs if target == "new" else old_docs)
        if i % 2 == 0:  # wait until it writes its staging copy, then kill while it writes
            wait_for_staging(proc)
            time.sleep(rng.uniform(0, 0.8 * writing))
        else:  # any moment from the start to a little after the end
            time.sleep(rng.uniform(0.2, 1.2 * total))
        writing_now = staging_exists(store)
        proc.kill()
        proc.wait()
        killed = proc.returncode == -9
        snap = snapshot(store)  # opens, or this fails
        snapshots.append((i, target, killed, snap))
        state = "old" if snap == old else "new"
        interrupted += killed and writing_now and (snap == old) == (target == "new")

    # finish a build to the new corpus: the reference for "new"
    write_corpus(src, new_docs)
    run_kg("build", str(src), "--store", str(store), "--quiet", "--workers", "1")
    new = snapshot(store)
    assert new != old
    for i, target, killed, snap in snapshots:
        where = f"seed {seed}, kill {i} (towards {target}, killed={killed})"
        for graph in set(snap) | set(old) | set(new):
            assert snap.get(graph) in (old.get(graph), new.get(graph)), f"{where}: graph {graph} is a mixture"
        assert snap in (old, new), f"{where}: the store mixes the old and the new build"
    assert interrupted >= 2, (f"seed {seed}: only {interrupted} kills landed while a build was writing "
                              f"(builds take {total:.1f} s, writing {writing:.1f} s)")
    # what the killed builds left behind is cleared by the next build
    assert len(list((store / storedir.GENERATIONS).iterdir())) <= 2
    shutil.rmtree(src)
