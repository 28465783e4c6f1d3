"""Load test for `kg serve`: N concurrent clients for T seconds with the queries/ mix.

Loopback only, bounded in time and in count.  Starts `kg serve` itself on a free
127.0.0.1 port over a store (``--store``; default: the bundled corpus, built into a
temporary folder), runs the clients, stops the server, and reports requests/s, latency
percentiles (p50/p95/p99/max) and errors.  Exit status 1 if any request failed.

    .venv/bin/python benchmarks/load.py --clients 8 --seconds 20
    .venv/bin/python benchmarks/load.py --clients 4 --seconds 3 --json     # as the test runs it
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from kg.serve import free_loopback_port

ROOT = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def start_server(store: Path, port: int, workers: int | None, timeout: float) -> subprocess.Popen:
    cmd = [KG, "serve", "--store", str(store), "--port", str(port), "--timeout", str(timeout)]
    if workers:
        cmd += ["--workers", str(workers)]
    log = tempfile.TemporaryFile("w+")
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, text=True)
    proc.log = log
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if not line:
            log.seek(0)
            raise SystemExit(f"kg serve did not start: {log.read()}")
        if "SPARQL endpoint" in line:
            return proc
    proc.kill()
    raise SystemExit("kg serve did not start within 60 s")


def run_clients(url: str, queries: list[tuple[str, str]], clients: int, seconds: float, max_requests: int) -> dict:
    lock = threading.Lock()
    latencies: list[float] = []
    errors: list[str] = []
    per_query: dict[str, int] = {name: 0 for name, _ in queries}
    issued = 0
    start = time.perf_counter()
    stop_at = start + seconds

    def client(cid: int) -> None:
        nonlocal issued
        i = cid
        with httpx.Client(timeout=60) as http:
            while time.perf_counter() < stop_at:
                with lock:
                    if issued >= max_requests:
                        return
                    issued += 1
                name, text = queries[i % len(queries)]
                i += 1
                t0 = time.perf_counter()
                try:
                    r = http.get(f"{url}/query", params={"query": text},
                                 headers={"Accept": "application/sparql-results+json"})
                    ok = r.status_code == 200 and ("results" in r.json() or "boolean" in r.json())
                    problem = None if ok else f"{name}: HTTP {r.status_code} {r.text[:100]!r}"
                except (httpx.HTTPError, ValueError) as e:
                    problem = f"{name}: {type(e).__name__}: {e}"
                dt = time.perf_counter() - t0
                with lock:
                    if problem:
                        errors.append(problem)
                    else:
                        latencies.append(dt)
                        per_query[name] += 1

    threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - start
    lat = sorted(latencies)
    ms = lambda v: round(v * 1000, 2)  # noqa: E731
    return {
        "clients": clients, "seconds": round(elapsed, 2), "requests": len(lat) + len(errors), "ok": len(lat),
        "errors": len(errors), "error_samples": errors[:5],
        "requests_per_s": round((len(lat) + len(errors)) / elapsed, 1),
        "latency_ms": {"p50": ms(percentile(lat, 50)), "p95": ms(percentile(lat, 95)),
                       "p99": ms(percentile(lat, 99)), "max": ms(lat[-1] if lat else 0.0)},
        "per_query": per_query,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, help="store to serve (default: build the bundled corpus into a temp folder)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20)
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop after this many requests in all")
    ap.add_argument("--workers", type=int, help="kg serve --workers (default: its own)")
    ap.add_argument("--timeout", type=float, default=30, help="kg serve --timeout")
    ap.add_argument("--queries", type=Path, default=ROOT / "queries")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args()
    if not 1 <= args.clients <= 256 or not 0 < args.seconds <= 600:
        ap.error("--clients must be 1..256 and --seconds 0..600")

    queries = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(args.queries.glob("*.rq"))]
    if not queries:
        ap.error(f"no .rq files in {args.queries}")
    with tempfile.TemporaryDirectory(prefix="hezuo-load-") as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([KG, "build", "--store", str(store), "--quiet"], check=True, stdout=subprocess.DEVNULL)
        port = free_loopback_port()
        server = start_server(store, port, args.workers, args.timeout)
        try:
            url = f"http://127.0.0.1:{port}"
            with httpx.Client(timeout=60) as http:  # warm up: each query once
                for _, text in queries:
                    http.get(f"{url}/query", params={"query": text}, headers={"Accept": "application/sparql-results+json"})
            report = run_clients(url, queries, args.clients, args.seconds, args.max_requests)
            if report["errors"]:
                server.send_signal(signal.SIGUSR1)  # the server's threads, for the report below
                time.sleep(0.5)
        finally:
            server.send_signal(signal.SIGINT)
            try:
                server.wait(timeout=20)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    server.log.seek(0)
    report["server_log"] = server.log.read()[-20000:]
    report["workers"] = args.workers or max(2, os.cpu_count() or 2)
    report["queries"] = len(queries)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        lat = report["latency_ms"]
        print(f"kg serve load test: {report['clients']} clients x {report['seconds']} s, {report['workers']} workers, "
              f"{report['queries']} queries from {args.queries.name}/")
        print(f"requests {report['requests']}  ok {report['ok']}  errors {report['errors']}  "
              f"{report['requests_per_s']} requests/s")
        print(f"latency ms  p50 {lat['p50']}  p95 {lat['p95']}  p99 {lat['p99']}  max {lat['max']}")
        for e in report["error_samples"]:
            print(f"  error: {e}")
        if report["errors"] and report["server_log"]:
            print("kg serve's log:\n" + report["server_log"])
    return 1 if report["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
