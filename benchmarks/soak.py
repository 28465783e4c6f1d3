"""Soak test for `kg serve`: clients that pause as people do (loopback only, bounded in time).

8 clients (threads, each with its own kept-alive httpx client, as a notebook has) run the
``queries/`` mix in bursts; between bursts everyone is idle for a gap drawn from 35–120 s (seeded),
longer than the workers' own socket timeout (the deadline + 1 s = 31 s by default), after which
Oxigraph writes an unsolicited ``500`` on an idle connection.  The first query of every client after
each gap is the one that used to fail.  Target: 0 errors.

    .venv/bin/python benchmarks/soak.py                    # 10 minutes (make soak)
    .venv/bin/python benchmarks/soak.py --minutes 3 --gap-min 35 --gap-max 50
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
from load import JSON, KG, ROOT, percentile, start_server, stop  # noqa: E402

from kg.serve import free_loopback_port  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", type=Path, help="store to serve (default: build the bundled corpus into a temp folder)")
    ap.add_argument("--minutes", type=float, default=10)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--burst", type=float, default=10, help="seconds of queries between gaps")
    ap.add_argument("--gap-min", type=float, default=35)
    ap.add_argument("--gap-max", type=float, default=120)
    ap.add_argument("--timeout", type=float, default=30, help="kg serve --timeout")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not 0 < args.minutes <= 60 or not 1 <= args.clients <= 64 or not 0 < args.gap_min <= args.gap_max <= 600:
        ap.error("--minutes 0..60, --clients 1..64, 0 < --gap-min <= --gap-max <= 600")
    queries = [(p.name, p.read_text(encoding="utf-8")) for p in sorted((ROOT / "queries").glob("*.rq"))]
    rng = random.Random(args.seed)
    lock = threading.Lock()
    latencies: list[float] = []
    first_after_gap: list[float] = []
    errors: list[str] = []
    gaps: list[float] = []

    with tempfile.TemporaryDirectory(prefix="hezuo-soak-") as tmp, tempfile.TemporaryFile("w+") as log:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([KG, "build", "--store", str(store), "--quiet"], check=True, stdout=subprocess.DEVNULL)
        port = free_loopback_port()
        server = start_server(store, port, None, args.timeout, log)
        url = f"http://127.0.0.1:{port}"
        clients = [httpx.Client(timeout=60) for _ in range(args.clients)]
        end = time.monotonic() + args.minutes * 60

        def burst(c: int, until: float) -> None:
            i, first = c, True
            while time.monotonic() < until:
                name, text = queries[i % len(queries)]
                i += 1
                t0 = time.perf_counter()
                try:
                    r = clients[c].get(f"{url}/query", params={"query": text}, headers=JSON)
                    problem = None if r.status_code == 200 else f"{name}: HTTP {r.status_code} {r.text[:100]!r}"
                except httpx.HTTPError as e:
                    problem = f"{name}: {type(e).__name__}: {e}"
                dt = time.perf_counter() - t0
                with lock:
                    if problem:
                        errors.append(f"{time.strftime('%H:%M:%S')} {'first after a gap: ' if first else ''}{problem}")
                    else:
                        latencies.append(dt)
                        if first:
                            first_after_gap.append(dt)
                first = False

        try:
            started = time.monotonic()
            while True:
                until = min(end, time.monotonic() + args.burst)
                threads = [threading.Thread(target=burst, args=(c, until)) for c in range(args.clients)]
                for t in threads:
                    t.start()
                for t in threads:
                    t.join()
                gap = rng.uniform(args.gap_min, args.gap_max)
                if time.monotonic() + gap + 1 >= end:
                    break
                gaps.append(round(gap, 1))
                if not args.json:
                    print(f"  {time.monotonic() - started:6.0f} s: {len(latencies)} ok, {len(errors)} errors; "
                          f"idle for {gap:.0f} s", flush=True)
                time.sleep(gap)
        finally:
            for client in clients:
                client.close()
            stop(server)
        log.seek(0)
        server_log = log.read()[-5000:]
    lat = sorted(latencies)
    first = sorted(first_after_gap)
    ms = lambda v: round(v * 1000, 2)  # noqa: E731
    report = {"minutes": args.minutes, "clients": args.clients, "gaps_s": gaps, "ok": len(lat), "errors": len(errors),
              "error_samples": errors[:10],
              "latency_ms": {"p50": ms(percentile(lat, 50)), "p95": ms(percentile(lat, 95)), "max": ms(lat[-1] if lat else 0)},
              "first_after_gap_ms": {"n": len(first), "p50": ms(percentile(first, 50)), "max": ms(first[-1] if first else 0)},
              "server_log": server_log}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"soak: {args.minutes:g} min, {args.clients} clients, {len(gaps)} idle gaps "
              f"({', '.join(f'{g:.0f}' for g in gaps)} s): {report['ok']} ok, {report['errors']} errors; "
              f"p50 {report['latency_ms']['p50']} ms, p95 {report['latency_ms']['p95']} ms; first query after a gap "
              f"(n={len(first)}) p50 {report['first_after_gap_ms']['p50']} ms, max {report['first_after_gap_ms']['max']} ms")
        for e in errors[:10]:
            print(f"  error: {e}")
        if errors and server_log:
            print("kg serve's log:\n" + server_log)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
