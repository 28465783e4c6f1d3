"""Benchmarks for hezuo-kg (not tests): run with `make bench`; writes BENCHMARKS.md.

Every figure is a ratio against a baseline measured in the same run on the same machine, or
a time or size measured on the real command:

- extraction throughput against raw ``jieba.cut`` over the same text (one core);
- extraction with 2 worker processes against 1 (what ``--workers`` parallelises);
- ``kg build`` of a synthetic corpus (the sentences of the real texts, shuffled, numbers varied)
  of 2 MB and 20 MB: wall time with 1 and 2 workers, peak RSS of the build process
  (``os.wait4`` on the subprocess), the writer's time against ``pyoxigraph`` ``bulk_load`` of the
  same N-Quads, and a re-run with nothing changed against the full build;
- p50/p95 latency of every ``queries/*.rq`` over HTTP against ``kg serve`` on the 20 MB store.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import ingest  # noqa: E402
from kg.model import Document  # noqa: E402


def real_sentences() -> list[str]:
    """The sentences of the bundled corpus and of the gold documents, less the held-out ones (nobody
    who writes rules reads them: not even as the benchmark's text)."""
    from kg.evaluate import HELD_OUT

    gold = [p for p in sorted((ROOT / "tests" / "gold" / "texts").glob("*.txt")) if p.stem not in HELD_OUT]
    texts = [p.read_text(encoding="utf-8") for p in [*sorted((ROOT / "corpus").glob("*.txt")), *gold]]
    out = []
    for t in texts:
        _, sentences = ingest.split(t)
        out.extend(s.text for s in sentences if len(s.text) > 8)
    return out


def synthetic_corpus(chars: int, seed: int = 7) -> list[str]:
    """Documents of ~5,000 characters made of the real sentences, shuffled, with varied numbers."""
    rng = random.Random(seed)
    sentences = real_sentences()
    docs, doc, size, total = [], [], 0, 0
    while total < chars:
        s = re.sub(r"\d+", lambda m: str(rng.randint(1, 9999)) if len(m.group()) != 4 else str(rng.randint(1990, 2030)),
                   rng.choice(sentences))
        doc.append(s)
        size += len(s)
        total += len(s)
        if size > 5000:
            docs.append("\n".join(doc))
            doc, size = [], 0
    if doc:
        docs.append("\n".join(doc))
    return docs


def cpu_seconds(fn) -> float:
    """CPU time of this process while ``fn`` runs."""
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def bench_extraction(docs: list[str]) -> dict:
    import jieba

    from kg.extract.nlp import Extractor
    from kg.extract.relations import Relations

    jieba.setLogLevel(60)
    jieba.initialize()
    chars = sum(len(d) for d in docs)
    extractor = Extractor()
    extractor(_doc("warm-up", docs[0]))

    def run_jieba():
        for d in docs:
            for _ in jieba.cut(d):
                pass

    def run_extract():
        for i, d in enumerate(docs):
            extractor(_doc(str(i), d))

    relations = Relations()

    def run_facts():  # entities and values, then the facts (kg.extract.relations), as kg build runs them
        for i, d in enumerate(docs):
            relations(extractor(_doc(str(i), d)))

    # CPU time of this (single-threaded) process: the throughput of one core, which other work on a
    # shared machine changes much less than it changes wall time; runs interleaved, best of 3 each
    t_jieba = t_extract = t_facts = float("inf")
    for _ in range(3):
        t_jieba = min(t_jieba, cpu_seconds(run_jieba))
        t_extract = min(t_extract, cpu_seconds(run_extract))
        t_facts = min(t_facts, cpu_seconds(run_facts))
    return {"chars": chars, "jieba_cut_cps": chars / t_jieba, "extract_cps": chars / t_extract,
            "ratio": t_jieba / t_extract, "facts_cps": chars / t_facts, "ratio_facts": t_jieba / t_facts}


def _doc(doc_id: str, text: str) -> Document:
    doc = Document(id=doc_id, path=doc_id, text=text, sha256="")
    doc.paragraphs, doc.sentences = ingest.split(text)
    return doc


def synthetic_files(folder: Path, size_bytes: int, seed: int) -> dict:
    """Write documents of the synthetic corpus into ``folder`` until they hold ``size_bytes`` of UTF-8."""
    folder.mkdir(parents=True, exist_ok=True)
    total, n, chars = 0, 0, 0
    while total < size_bytes:
        for text in synthetic_corpus(1_000_000, seed=seed + n):
            data = text.encode("utf-8")
            (folder / f"doc{n:06d}.txt").write_bytes(data)
            total += len(data)
            chars += len(text)
            n += 1
            if total >= size_bytes:
                break
    return {"bytes": total, "documents": n, "chars": chars}


DRIVER = """
import json, sys
from kg.build import build
r = build(sys.argv[3:], sys.argv[1], workers=int(sys.argv[2]))
print(json.dumps({"seconds": r.seconds, "write_seconds": r.write_seconds, "quads": r.quads_written,
                  "documents": r.documents, "unchanged": r.unchanged, "stats": r.stats}))
"""


def run_build(store: Path, workers: int, *inputs: Path) -> dict:
    """``kg.build.build`` in its own process: wall time, its report, and the peak RSS of the process
    (``ru_maxrss`` from ``wait4``: the largest of the process and its worker processes)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", DRIVER, str(store), str(workers), *map(str, inputs)],
                            stdout=subprocess.PIPE, cwd=ROOT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"build failed with status {proc.returncode}")
    report = json.loads(out)
    report.update(wall=wall, maxrss_mb=usage.ru_maxrss / 1024, cpu=usage.ru_utime + usage.ru_stime)
    return report


def _spin(n: int) -> None:
    x = 0
    for i in range(n):
        x += i


def parallel_headroom(n: int = 20_000_000) -> float:
    """How much faster two processes do two equal pieces of pure CPU work than one process does both:
    2.0 on two idle cores; less when other work on the machine takes CPU.  The 2-worker speed-up of
    ``kg build`` cannot be better than this, measured at the same time."""
    import multiprocessing

    t0 = time.perf_counter()
    _spin(n)
    _spin(n)
    serial = time.perf_counter() - t0
    ctx = multiprocessing.get_context("fork")  # no start-up to speak of: the time is the spinning
    procs = [ctx.Process(target=_spin, args=(n,)) for _ in range(2)]
    t0 = time.perf_counter()
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    return serial / (time.perf_counter() - t0)


def worker_tasks(folder: Path) -> list[list]:
    """The corpus in ``folder`` as the build's extraction tasks: chunks of decoded documents."""
    from kg.build import CHUNK_CHARS

    chunks, chunk, size = [], [], 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chunk.append((path.name, str(path), text, "", False, "UTF-8", False))
        size += len(text)
        if size >= CHUNK_CHARS:
            chunks.append(chunk)
            chunk, size = [], 0
    return chunks + ([chunk] if chunk else [])


def extraction_speedup(folder: Path, pairs: int) -> dict:
    """Throughput of the extraction workers (what ``--workers N`` parallelises: extract, relations,
    N-Quads of each document, ``kg.workers.extract_chunk``): a pool of 2 worker processes against a
    pool of 1, the same tasks, the N-Quads sent back to this process, interleaved ``pairs`` times,
    best of each.  Both pools are started and their pipelines built before the clock starts."""
    from kg import workers
    from kg.build import DEFAULT_BASE

    chunks = worker_tasks(folder)
    chars = sum(len(t[2]) for c in chunks for t in c)
    pools, start = {}, {}
    try:
        for n in (1, 2):
            t0 = time.perf_counter()
            pools[n] = workers.ProcessPool(n, DEFAULT_BASE)
            warm = [pools[n].pool.submit(workers.extract_chunk, DEFAULT_BASE, [chunks[0][0]]) for _ in range(n)]
            for f in warm:  # n submits at once start the n processes; each builds its pipeline
                f.result()
            start[n] = time.perf_counter() - t0
        runs, out = [], {}
        for _ in range(pairs):
            run = {}
            for n in (1, 2):
                t0 = time.perf_counter()
                out[n] = sum(len(r.nquads) for rs in pools[n].map(DEFAULT_BASE, chunks) for r in rs)
                run[n] = time.perf_counter() - t0
            assert out[1] == out[2], out
            run.update(load=os.getloadavg()[0], headroom=parallel_headroom())
            runs.append(run)
    finally:
        for pool in pools.values():
            pool.close()
    best1, best2 = min(r[1] for r in runs), min(r[2] for r in runs)
    return {"chars": chars, "tasks": len(chunks), "runs": runs, "best1": best1, "best2": best2,
            "ratio": best1 / best2, "nquads_bytes": out[1], "start_1": start[1], "start_2": start[2]}


def bulk_load_seconds(store: Path, tmp: Path) -> tuple[float, int, float]:
    """The same quads as N-Quads, loaded into a new store with ``bulk_load`` (in its own process)."""
    nq = tmp / "dump.nq"
    from kg.store import locate
    code = ("import sys, time\nfrom pyoxigraph import Store, RdfFormat\n"
            "s = Store.read_only(sys.argv[1]); s.dump(sys.argv[2], format=RdfFormat.N_QUADS)\n")
    subprocess.run([sys.executable, "-c", code, str(locate(store)), str(nq)], check=True)
    code = ("import sys, time\nfrom pyoxigraph import Store, RdfFormat\ns = Store(sys.argv[1])\n"
            "t = time.perf_counter(); s.bulk_load(path=sys.argv[2], format=RdfFormat.N_QUADS, lenient=True); s.flush()\n"
            "import resource\n"
            "print(time.perf_counter() - t, len(s), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)\n")
    out = subprocess.run([sys.executable, "-c", code, str(tmp / "bulk"), str(nq)], check=True,
                         capture_output=True, text=True).stdout.split()
    nq.unlink()
    shutil.rmtree(tmp / "bulk")
    return float(out[0]), int(out[1]), float(out[2])


class Server:
    """`kg serve` on a free loopback port."""

    def __init__(self, store: Path, timeout_s: int):
        from kg.serve import free_loopback_port, wait_until_listening

        self.port = free_loopback_port()
        kg = str(Path(sys.executable).with_name("kg"))
        self.proc = subprocess.Popen([kg, "serve", "--store", str(store), "--port", str(self.port),
                                      "--timeout", str(timeout_s)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if not wait_until_listening(self.proc, "127.0.0.1", self.port, seconds=300):
            raise SystemExit("kg serve did not start")
        self.url = f"http://127.0.0.1:{self.port}/query"

    def stop(self) -> None:
        self.proc.terminate()  # kg serve stops its oxigraph child, which may still be evaluating
        self.proc.wait(timeout=60)


def query_latency(store: Path, reps: int, budget_s: float, timeout_s: float) -> list[dict]:
    """p50/p95 of each query over HTTP; a query slower than ``timeout_s`` is reported as timed out
    (and the server restarted: Oxigraph keeps evaluating a query after its deadline)."""
    import httpx

    headers = {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"}
    server = Server(store, int(timeout_s))
    rows = []
    try:
        for q in sorted((ROOT / "queries").glob("*.rq")):
            text = q.read_text(encoding="utf-8").encode()
            times: list[float] = []
            row = {"query": q.name, "n": 0, "rows": None, "p50": None, "p95": None}
            try:
                with httpx.Client(timeout=timeout_s) as client:
                    r = client.post(server.url, content=text, headers=headers)  # warm-up
                    r.raise_for_status()
                    t_start = time.perf_counter()
                    while len(times) < reps and (len(times) < 5 or time.perf_counter() - t_start < budget_s):
                        t0 = time.perf_counter()
                        r = client.post(server.url, content=text, headers=headers)
                        r.raise_for_status()
                        times.append(time.perf_counter() - t0)
                times.sort()
                row.update(n=len(times), rows=len(r.json()["results"]["bindings"]), p50=times[len(times) // 2],
                           p95=times[min(len(times) - 1, int(0.95 * len(times)))])
                print(f"  {q.name}: p50 {row['p50'] * 1000:.0f} ms", flush=True)
            except (httpx.TimeoutException, httpx.HTTPStatusError) as e:
                print(f"  {q.name}: {type(e).__name__}", flush=True)
                row["error"] = f"> {timeout_s:g} s" if isinstance(e, httpx.TimeoutException) else str(e.response.status_code)
                server.stop()
                server = Server(store, int(timeout_s))
            rows.append(row)
    finally:
        server.stop()
    return rows


def label_copies(store: Path) -> tuple[int, int]:
    """Documents, and how many times the union default graph repeats one entity's label (China's)."""
    from kg.store import open_store, query

    st = open_store(store, read_only=True)
    q = ("SELECT (COUNT(*) AS ?n) WHERE { <https://w3id.org/hezuo/id/country/CHN> "
         "<http://www.w3.org/2004/02/skos/core#prefLabel> ?l }")
    copies = int(next(iter(query(st, q)))["n"].value)
    docs = sum(1 for g in st.named_graphs()) - 1
    del st
    return docs, copies


def latency_cell(row: dict, key: str) -> str:
    if row.get("error"):
        return f"timed out ({row['error']})" if row["error"].startswith(">") else f"error {row['error']}"
    return f"{row[key] * 1000:,.0f} ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--chars", type=int, default=1_000_000, help="size of the text for extraction throughput")
    ap.add_argument("--small-mb", type=float, default=2, help="the small corpus, MB of UTF-8 text")
    ap.add_argument("--large-mb", type=float, default=20, help="the large corpus, MB of UTF-8 text")
    ap.add_argument("--speedup-mb", type=float, default=6, help="the corpus for the interleaved speed-up runs")
    ap.add_argument("--speedup-pairs", type=int, default=3, help="interleaved 1-worker/2-worker build pairs")
    ap.add_argument("--reps", type=int, default=20, help="requests per query for the latency figures")
    ap.add_argument("--query-timeout", type=float, default=20, help="seconds before a query counts as timed out")
    ap.add_argument("--build-only", action="store_true",
                    help="only the kg build figures (no extraction throughput, no query latency); printed, "
                         "BENCHMARKS.md is not written")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = ap.parse_args()
    t_all = time.perf_counter()
    load_start = os.getloadavg()

    if not args.build_only:
        print("extraction throughput ...", flush=True)
        ex = bench_extraction(synthetic_corpus(args.chars))

    tmp = Path(tempfile.mkdtemp(prefix="hezuo-bench-"))
    try:
        small_in, large_in, mid_in = tmp / "small", tmp / "large", tmp / "mid"
        small = synthetic_files(small_in, int(args.small_mb * 1e6), seed=11)
        large = synthetic_files(large_in, int(args.large_mb * 1e6), seed=23)
        mid = synthetic_files(mid_in, int(args.speedup_mb * 1e6), seed=37)
        print(f"corpora: {small} and {large}", flush=True)
        print("build small, 1 worker ...", flush=True)
        s1 = run_build(tmp / "s-small", 1, small_in)
        print(f"  {s1['wall']:.1f} s, {s1['maxrss_mb']:.0f} MB, load {os.getloadavg()[0]:.1f}", flush=True)
        print("build large, 1 worker ...", flush=True)
        l1 = run_build(tmp / "s-large-1", 1, large_in)
        print(f"  {l1['wall']:.1f} s, {l1['maxrss_mb']:.0f} MB, load {os.getloadavg()[0]:.1f}", flush=True)
        print("build large, 2 workers ...", flush=True)
        l2 = run_build(tmp / "s-large-2", 2, large_in)
        print(f"  {l2['wall']:.1f} s, {l2['maxrss_mb']:.0f} MB, load {os.getloadavg()[0]:.1f}", flush=True)
        shutil.rmtree(tmp / "s-large-2")
        print(f"speed-up: {args.speedup_pairs} interleaved pairs on {args.speedup_mb:g} MB ...", flush=True)
        pairs = []
        for i in range(args.speedup_pairs):
            pair = {}
            for w in (1, 2):
                pair[w] = run_build(tmp / f"s-mid-{w}", w, mid_in)
                shutil.rmtree(tmp / f"s-mid-{w}")
            pair["load"] = os.getloadavg()[0]
            pair["headroom"] = parallel_headroom()
            pairs.append(pair)
            print(f"  1 worker {pair[1]['wall']:.1f} s, 2 workers {pair[2]['wall']:.1f} s, load {pair['load']:.1f}, "
                  f"CPU work in 2 processes {pair['headroom']:.2f}x", flush=True)
        print(f"extraction workers: {args.speedup_pairs} interleaved runs of 1 and 2 on {args.speedup_mb:g} MB ...",
              flush=True)
        xw = extraction_speedup(mid_in, args.speedup_pairs)
        for r in xw["runs"]:
            print(f"  1 worker {r[1]:.1f} s, 2 workers {r[2]:.1f} s, load {r['load']:.1f}, "
                  f"CPU work in 2 processes {r['headroom']:.2f}x", flush=True)
        print("re-run large, nothing changed ...", flush=True)
        inc = run_build(tmp / "s-large-1", 1, large_in)
        assert inc["documents"] == 0 and inc["unchanged"] == large["documents"], inc
        print(f"  {inc['wall']:.2f} s", flush=True)
        print("bulk_load of the same N-Quads ...", flush=True)
        t_bulk, n_bulk, rss_bulk = bulk_load_seconds(tmp / "s-large-1", tmp)
        print(f"  {t_bulk:.1f} s for {n_bulk:,} quads, {rss_bulk:.0f} MB", flush=True)
        if args.build_only:
            load_end = os.getloadavg()
            best1 = min(p[1]["wall"] for p in pairs)
            best2 = min(p[2]["wall"] for p in pairs)
            print(f"peak RSS {args.large_mb:g} MB / {args.small_mb:g} MB, 1 worker: "
                  f"{l1['maxrss_mb']:.0f} / {s1['maxrss_mb']:.0f} MB = {l1['maxrss_mb'] / s1['maxrss_mb']:.2f}")
            print(f"store load rate {l1['quads'] / l1['write_seconds']:,.0f} quads/s (writer {l1['write_seconds']:.1f} s) "
                  f"/ bulk_load {n_bulk / t_bulk:,.0f} quads/s = {l1['quads'] / l1['write_seconds'] / (n_bulk / t_bulk):.2f}")
            print(f"extraction workers 2 / 1: {xw['ratio']:.2f} on {args.speedup_mb:g} MB (best of {args.speedup_pairs})")
            print(f"kg build speed-up 2 workers / 1: {best1 / best2:.2f} on {args.speedup_mb:g} MB (best of "
                  f"{args.speedup_pairs}), {l1['wall'] / l2['wall']:.2f} on {args.large_mb:g} MB; CPU work in 2 "
                  f"processes {max(p['headroom'] for p in pairs):.2f}x")
            print(f"load average {load_start[0]:.1f} at the start, {load_end[0]:.1f} at the end")
            return
        print("query latency over HTTP ...", flush=True)
        corpus_store = tmp / "s-corpus"
        run_build(corpus_store, 1, ROOT / "corpus")
        stores = (("corpus", corpus_store), ("small", tmp / "s-small"), ("large", tmp / "s-large-1"))
        copies = {name: label_copies(store) for name, store in stores}
        lat = {name: query_latency(store, args.reps, budget_s=30, timeout_s=args.query_timeout)
               for name, store in stores}
        load_end = os.getloadavg()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    best1 = min(p[1]["wall"] for p in pairs)
    best2 = min(p[2]["wall"] for p in pairs)
    speedup = best1 / best2
    speedup_large = l1["wall"] / l2["wall"]
    pair_text = "; ".join("1 worker %.1f s, 2 workers %.1f s, load %.1f, CPU work in 2 processes %.2f×"
                          % (p[1]["wall"], p[2]["wall"], p["load"], p["headroom"]) for p in pairs)
    headroom = max(p["headroom"] for p in pairs)
    # a 2-worker build cannot end before its CPU time over the 2 cores: the most its speed-up can be
    bound = max(p[1]["wall"] / (p[2]["cpu"] / 2) for p in pairs)
    bound_large = l1["wall"] / (l2["cpu"] / 2)
    rss_ratio = l1["maxrss_mb"] / s1["maxrss_mb"]
    write_rate = l1["quads"] / l1["write_seconds"]
    bulk_rate = n_bulk / t_bulk
    inc_fraction = inc["wall"] / l1["wall"]
    mb = lambda d: f"{d['bytes'] / 1e6:.1f} MB, {d['documents']:,} documents"  # noqa: E731
    ok = lambda good: "met" if good else "**not met**"  # noqa: E731
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}, run {time.strftime('%Y-%m-%d')} with `make bench` "
        f"({(time.perf_counter() - t_all) / 60:.0f} minutes). Synthetic corpus from the sentences of the bundled "
        "and gold texts, shuffled, numbers varied. Figures are ratios against a baseline measured in the same run, "
        "or times and sizes of the real `kg build` process. "
        f"Load average (1 min) at the start {load_start[0]:.1f}, at the end {load_end[0]:.1f}: other work on the "
        "machine slows the wall times, the 2-worker speed-up most of all.",
        "",
        "## Summary",
        "",
        "| what | measured | target | |",
        "|---|---|---|---|",
        f"| extraction / raw `jieba.cut` (one core) | {ex['ratio']:.2f} | ≥ 0.3 | {ok(ex['ratio'] >= 0.3)} |",
        f"| extraction with the facts / raw `jieba.cut` (one core) | {ex['ratio_facts']:.2f} | ≥ 0.3 | "
        f"{ok(ex['ratio_facts'] >= 0.3)} |",
        f"| extraction with 2 worker processes / 1 (what `--workers` parallelises), {args.speedup_mb:g} MB, best of "
        f"{args.speedup_pairs} interleaved | {xw['ratio']:.2f} | ≥ 1.7 | {ok(xw['ratio'] >= 1.7)} |",
        f"| `kg build --workers 2` / `--workers 1` end to end (with the store's writes), {args.speedup_mb:g} MB, best "
        f"of {args.speedup_pairs} interleaved | {speedup:.2f} | at most {bound:.2f} on this machine (below) | |",
        f"| peak RSS at {args.large_mb:g} MB / at {args.small_mb:g} MB (`--workers 1`) | {rss_ratio:.2f} | ≤ 1.2 | "
        f"{ok(rss_ratio <= 1.2)} |",
        f"| store load rate / `bulk_load` of the same N-Quads | {write_rate / bulk_rate:.2f} | ≥ 0.8 | "
        f"{ok(write_rate / bulk_rate >= 0.8)} |",
        f"| re-run with nothing changed / full build | {inc_fraction:.1%} | < 5 % | {ok(inc_fraction < 0.05)} |",
        "",
        "## Extraction throughput (one core)",
        "",
        "| what | characters/s |",
        "|---|---|",
        f"| raw `jieba.cut` (baseline) | {ex['jieba_cut_cps']:,.0f} |",
        f"| `kg.nlp.Extractor` (normalise, tokenise, lexicon, rules, values, references) | {ex['extract_cps']:,.0f} |",
        f"| the same, then the facts (`kg.extract.relations.Relations`) | {ex['facts_cps']:,.0f} |",
        "",
        f"**Extraction / jieba.cut = {ex['ratio']:.2f}**, with the facts **{ex['ratio_facts']:.2f}**, over "
        f"{ex['chars']:,} characters (target ≥ 0.3, issue 12); "
        "best of 3 interleaved runs each, in CPU time of the one process (one core).",
        "",
        "## Parallel extraction (`--workers`)",
        "",
        "What `--workers N` runs in parallel is extraction: each worker process turns whole documents into the "
        "N-Quads of their named graphs (`kg.workers.extract_chunk`: normalise, tokenise, lexicon, rules, values, "
        "relations, mapping); the one writer loads them into the store. Over the "
        f"{mb(mid)} corpus ({xw['chars']:,} characters in {xw['tasks']} tasks of the build), a pool of 1 worker "
        "process against a pool of 2 (the build's `kg.workers.ProcessPool`, the N-Quads sent back to this process), "
        "both started and their pipelines built before the clock starts (start-up apart: "
        f"{xw['start_1']:.1f} s for one, {xw['start_2']:.1f} s for two side by side), runs "
        "interleaved: " + "; ".join("1 worker %.2f s, 2 workers %.2f s (load %.1f)" % (r[1], r[2], r["load"])
                                    for r in xw["runs"])
        + f". **2 workers / 1 = {xw['ratio']:.2f}** (best of each; target ≥ 1.7), the same "
        f"{xw['nquads_bytes'] / 1e6:,.0f} MB of N-Quads from both.",
        "",
        "## `kg build`",
        "",
        f"Small corpus: {mb(small)}. Large corpus: {mb(large)}. Each build runs `kg.build.build` in a process "
        "of its own into an empty store; peak RSS is `ru_maxrss` of that process from `wait4` (with 2 workers: "
        "the largest of the writer and the worker processes).",
        "",
        "| build | wall time | CPU time (all processes) | peak RSS | quads written | writer time |",
        "|---|---|---|---|---|---|",
        *[f"| {what} | {r['wall']:.2f} s | {r['cpu']:.1f} s | {r['maxrss_mb']:.0f} MB | {r['quads']:,} | "
          f"{r['write_seconds']:.1f} s |"
          for what, r in ((f"{args.small_mb:g} MB, 1 worker", s1), (f"{args.large_mb:g} MB, 1 worker", l1),
                          (f"{args.large_mb:g} MB, 2 workers", l2), (f"{args.large_mb:g} MB again, nothing changed", inc))],
        "",
        f"- **`kg build` end to end, 2 workers over 1: {speedup:.2f}×** (extraction as above, and the store's "
        f"writes, the entities graph and the statistics): the best of {args.speedup_pairs} "
        f"builds each of a {mb(mid)} corpus, 1 and 2 workers interleaved so that other load on the machine "
        f"hits both alike ({pair_text}). "
        f"The single pair of {args.large_mb:g} MB builds above gives {speedup_large:.2f}×. Both include the "
        "start-up (about 3 s: imports and the pipeline, built in each worker in parallel). "
        f"**Pure CPU work in two processes against one ran {headroom:.2f}× faster** at best during these pairs "
        "(2.0 on two idle cores): the speed-up a build could show on this machine at that time; "
        "`--workers 1` extracts and writes in turn, `--workers 2` writes in threads while its workers extract. "
        f"The {args.large_mb:g} MB build with 1 worker kept **{l1['cpu'] / l1['wall']:.2f} cores busy** on average "
        f"(CPU time / wall time; with 2 workers {l2['cpu'] / l2['wall']:.2f}): the store's work — the bulk loader's "
        "threads and RocksDB's background compactions, more CPU than extraction — runs beside extraction "
        "even with one worker. A 2-worker build cannot end before its CPU time divided by the 2 cores "
        f"({l2['cpu'] / 2:.1f} s), so on this machine its speed-up over 1 worker ({l1['wall']:.1f} s) is at most "
        f"**{bound_large:.2f}** (at {args.speedup_mb:g} MB, from the pairs above: at most **{bound:.2f}**). "
        "The store's CPU per quad is Oxigraph's own (one `bulk_load` of the same N-Quads costs as much) and a "
        f"build writes {l1['quads'] / large['chars']:.2f} quads per character of text, so the writes take "
        "more CPU than the extraction they follow; extraction alone scales as the section above shows.",
        f"- **Peak RSS at {args.large_mb:g} MB / {args.small_mb:g} MB: {rss_ratio:.2f}** (target ≤ 1.2).",
        f"- **Store load rate: {write_rate:,.0f} quads/s** (the writer: bulk loads of the workers' N-Quads, graph "
        f"replacement, flush) against **`bulk_load` of the same {n_bulk:,} quads as one N-Quads file "
        f"(lenient, as the writer's loads): "
        f"{bulk_rate:,.0f} quads/s**, ratio **{write_rate / bulk_rate:.2f}** (target ≥ 0.8). The writer loads "
        f"batches of 8 MB, two at a time, so that its memory stays bounded; the one `bulk_load` of the whole "
        f"file peaked at {rss_bulk:.0f} MB RSS.",
        f"- **Re-run with nothing changed: {inc['wall']:.2f} s = {inc_fraction:.1%} of the full build** "
        "(target < 5 %): every file is read and hashed, nothing is extracted or written.",
        "",
        "## Query latency over HTTP (`kg serve`)",
        "",
        f"Each query of `queries/` sent {args.reps} times (fewer when a query is slow: at most 30 s each) after one "
        "warm-up, one at a time, by POST, results as SPARQL JSON, against three stores: the bundled white paper "
        f"(1 document), the {args.small_mb:g} MB and the {args.large_mb:g} MB synthetic corpus. A query that has "
        f"not answered after {args.query_timeout:g} s counts as timed out (and the server is restarted, since "
        "Oxigraph goes on evaluating a query past its deadline).",
        "",
        "| query | corpus p50 | corpus p95 | " + f"{args.small_mb:g} MB p50 | {args.small_mb:g} MB p95 | "
        f"{args.large_mb:g} MB p50 | {args.large_mb:g} MB p95 |",
        "|---|---|---|---|---|---|---|",
        *[f"| `{a['query']}` | " + " | ".join(latency_cell(r, k) for r in (a, b, c) for k in ("p50", "p95")) + " |"
          for a, b, c in zip(lat["corpus"], lat["small"], lat["large"])],
        "",
        "Oxigraph's union default graph (what `kg serve` and `kg query` use) is a bag: a triple stated in "
        "several graphs matches once per graph. Entity descriptions are therefore kept once, in the entities "
        "graph; China's `skos:prefLabel` is matched "
        + ", ".join(f"{c} time(s) in the store of {d:,} documents" for d, c in copies.values())
        + ". Latency still grows with the mentions and facts a query joins over: the questions that join "
        "every mention of a paragraph or every pledge with its optional parts are the slow ones.",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
