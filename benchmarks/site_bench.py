"""Benchmark of the pages for people (kg.serve.site), not a test: run by `make bench` after bench.py.

On the synthetic corpus of bench.py (20 MB of UTF-8 text by default, built with ``kg build``), over real
HTTP on loopback against the site as tests/site_server.py serves it (``kg serve`` when its front mounts
the site, else the site's routes under uvicorn):

- entity pages: p50 / p95 of ``GET /id/{key}`` over entities drawn from the search index (seeded), the most
  mentioned ones included;
- search: p50 / p95 of ``GET /api/search?q=`` for names, their first one and two characters (below the
  trigram length: a scan) and parts of names;
- reconciliation: 100 names sent as OpenRefine sends them (form POSTs of ``batchSize`` queries), whole, cut
  short or in traditional characters, half of them with a type: total time.

Targets: entity page and search p95 <= 100 ms, 100 names <= 1 s.  Appends its section to BENCHMARKS.md.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import httpx  # noqa: E402

import site_server  # noqa: E402
from bench import run_build, synthetic_files  # noqa: E402
from kg.extract.script import forms  # noqa: E402
from kg.store.core import locate  # noqa: E402

MARK = "<!-- site benchmark -->"


def percentile(times: list[float], p: float) -> float:
    s = sorted(times)
    return s[min(len(s) - 1, int(p * len(s)))]


def timed(client: httpx.Client, method: str, url: str, **kw) -> tuple[float, httpx.Response]:
    t0 = time.perf_counter()
    r = client.request(method, url, **kw)
    elapsed = time.perf_counter() - t0
    r.raise_for_status()
    return elapsed, r


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20, help="MB of synthetic text to build the store from")
    ap.add_argument("--store", type=Path, help="an existing store folder to use instead of building one")
    ap.add_argument("--pages", type=int, default=300, help="entity pages to fetch")
    ap.add_argument("--searches", type=int, default=400, help="searches to send")
    ap.add_argument("--out", type=Path, default=ROOT / "BENCHMARKS.md")
    args = ap.parse_args()
    rng = random.Random(14)
    with tempfile.TemporaryDirectory(prefix="kg-site-bench-") as tmp:
        store = args.store
        built = ""
        if store is None:
            corpus = synthetic_files(Path(tmp) / "corpus", int(args.mb * 1e6), seed=7)
            store = Path(tmp) / "store"
            print(f"building {corpus['bytes'] / 1e6:.1f} MB, {corpus['documents']} documents ...", flush=True)
            report = run_build(store, 2, Path(tmp) / "corpus")
            built = (f"{corpus['bytes'] / 1e6:.1f} MB of text, {corpus['documents']:,} documents, "
                     f"{report['stats']['quads']:,} quads, {report['stats']['entities']:,} entities")
            print(f"  {report['wall']:.0f} s: {built}", flush=True)
        if not built:
            from kg.store.folder import read_manifest

            st = read_manifest(store).get("stats", {})
            built = (f"{store} ({st.get('documents', 0):,} documents, {st.get('quads', 0):,} quads, "
                     f"{st.get('entities', 0):,} entities)")
        db = sqlite3.connect(locate(store).parent / "search.sqlite")
        entities = db.execute("SELECT key, label_zh, mentions FROM entity ORDER BY mentions DESC, key").fetchall()
        entity_types = db.execute("SELECT label_zh, type FROM entity ORDER BY key").fetchall()
        top = entities[:20]
        keys = [k for k, _, _ in top] + [k for k, _, _ in rng.sample(entities, min(len(entities), args.pages))]
        keys = keys[: args.pages]
        names = [label for _, label, _ in rng.sample(entities, min(len(entities), args.searches))]
        queries = []
        for i, name in enumerate(names):
            cut = (len(name), 1, 2, max(3, len(name) // 2))[i % 4]
            start = 0 if i % 4 != 3 else rng.randrange(0, max(1, len(name) - cut))
            queries.append(name[start:start + cut])
        served = site_server.start(store)
        load = os.getloadavg()
        try:
            with httpx.Client(base_url=served.url, timeout=60) as client:
                timed(client, "GET", "/id/" + keys[0])  # warm-up
                page_times = [timed(client, "GET", "/id/" + k)[0] for k in keys]
                search_times = [timed(client, "GET", "/api/search", params={"q": q})[0] for q in queries]
                batch = json.loads(client.get("/reconcile").text).get("batchSize", 50)
                # names as a spreadsheet holds them: whole, cut short, in traditional characters, with a type
                sample = rng.sample(entity_types, min(100, len(entity_types)))
                hundred = [{"query": (label, label[: max(2, len(label) - 2)], forms(label)[1][0] if forms(label)[1]
                                      else label)[i % 3], **({"type": typ} if i % 2 else {})}
                           for i, (label, typ) in enumerate(sample)]
                t0 = time.perf_counter()
                matched = 0
                for i in range(0, len(hundred), batch):
                    qs = {f"q{j}": q for j, q in enumerate(hundred[i:i + batch])}
                    _, r = timed(client, "POST", "/reconcile", data={"queries": json.dumps(qs, ensure_ascii=False)})
                    matched += sum(1 for a in r.json().values() if a["result"] and a["result"][0]["match"])
                reconcile_s = time.perf_counter() - t0
        finally:
            served.stop()
    rows = [
        ("entity page `GET /id/{key}`", len(page_times), percentile(page_times, 0.5), percentile(page_times, 0.95),
         "p95 ≤ 100 ms"),
        ("search `GET /api/search?q=`", len(search_times), percentile(search_times, 0.5),
         percentile(search_times, 0.95), "p95 ≤ 100 ms"),
    ]
    lines = [MARK, "", "## Pages for people, search and reconciliation (benchmarks/site_bench.py)", "",
             f"Store: {built or store}; served by {served.how}, over HTTP on loopback, one request at a time; "
             f"load average {load[0]:.1f} before and {os.getloadavg()[0]:.1f} after the requests (2 cores).", "",
             "| what | requests | p50 | p95 | target |", "|---|---|---|---|---|"]
    for what, n, p50, p95, target in rows:
        met = "met" if p95 <= 0.1 else "NOT met"
        lines.append(f"| {what} | {n} | {p50 * 1000:.1f} ms | {p95 * 1000:.1f} ms | {target}: {met} |")
    lines.append(f"| reconciliation of {len(hundred)} names (form POSTs of {batch}, as OpenRefine sends them) | "
                 f"{-(-len(hundred) // batch)} | | {reconcile_s * 1000:.0f} ms in all | ≤ 1 s: "
                 f"{'met' if reconcile_s <= 1 else 'NOT met'} ({matched} of them `match`) |")
    section = "\n".join(lines) + "\n"
    print(section)
    text = args.out.read_text(encoding="utf-8") if args.out.exists() else ""
    text = text.split(MARK)[0].rstrip("\n") + "\n\n" + section if text else section
    args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
