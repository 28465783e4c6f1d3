"""Load tests for `kg serve` (loopback only; every loop bounded in count and time).

Starts `kg serve` itself on a free 127.0.0.1 port over a store (``--store``; default: the bundled
corpus, built into a temporary folder), runs client processes, stops the server and reports
requests/s, latency percentiles (p50/p95/p99/max) and errors.  Exit status 1 if a target is missed.

Scenarios (``--scenario``):

- ``mix``: N clients for T seconds with the ``queries/`` mix (what tests/test_load.py runs, short);
- ``compare``: throughput of simple queries through `kg serve` against a bare ``oxigraph
  serve-read-only`` on the same store, one after the other in the same run (target: ≥ 0.8×), and
  against the same with Oxigraph's own deadline (``--timeout-s``, which kg serve's workers do without);
- ``attack``: N clients quiet, then again under a slowloris of ``--slowloris`` half-open connections
  (from other loopback addresses, 127.0.0.2–5) and a client looping SERVICE and deeply nested queries
  (target: 0 errors, p95 within 2× the quiet p95);
- ``all``: the three, in that order (``make load``).

    .venv/bin/python benchmarks/load.py --scenario all
    .venv/bin/python benchmarks/load.py --clients 4 --seconds 3 --json     # as the test runs it
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from kg.serve import free_loopback_port, wait_until_listening

ROOT = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))
OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))
JSON = {"Accept": "application/sparql-results+json"}
HZ = "PREFIX hz: <https://w3id.org/hezuo/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
SIMPLE = [  # small answers, quick to evaluate: the front's own cost shows
    ("ask", "ASK { ?s a hz:Country }"),
    ("countries", "SELECT ?c WHERE { ?c a hz:Country } LIMIT 10"),
    ("label", "SELECT ?l WHERE { ?c a hz:Country ; rdfs:label ?l } LIMIT 5"),
]
SIMPLE = [(name, HZ + text) for name, text in SIMPLE]
NICE = 5  # the clients' niceness, the same against kg serve and against bare oxigraph


def percentile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return 0.0
    k = min(len(sorted_values) - 1, max(0, round(q / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def start_server(store: Path, port: int, workers: int | None, timeout: float, log) -> subprocess.Popen:
    cmd = [KG, "serve", "--store", str(store), "--port", str(port), "--timeout", str(timeout)]
    if workers:
        cmd += ["--workers", str(workers)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=log, text=True)
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


def start_bare(store: Path, port: int, timeout: float | None) -> subprocess.Popen:
    """Oxigraph's own server, as kg serve starts its workers (no deadline of its own), but alone; with
    ``timeout``, also with Oxigraph's own query deadline (``--timeout-s``), as one would serve it alone."""
    location = store / "active" / "store" if (store / "active").exists() else store
    deadline = ["--timeout-s", str(max(1, round(timeout)))] if timeout else []
    proc = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}",
                             "--union-default-graph", *deadline],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not wait_until_listening(proc, "127.0.0.1", port):
        raise SystemExit("oxigraph serve-read-only did not start")
    return proc


def stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _client(url: str, queries: list[tuple[str, str]], first: int, stop_at: float, budget: int, out) -> None:
    """One client process: its queries in turn until ``stop_at`` (wall clock) or ``budget`` requests.
    Niced: on a machine of 2 cores the load generator runs beside the server it measures, and 8
    client processes would otherwise outweigh a front of one process in the scheduler."""
    os.nice(NICE)
    latencies, errors, per_query = [], [], {name: 0 for name, _ in queries}
    i = first
    with httpx.Client(timeout=60) as http:
        while time.time() < stop_at and len(latencies) + len(errors) < budget:
            name, text = queries[i % len(queries)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = http.get(f"{url}/query", params={"query": text}, headers=JSON)
                ok = r.status_code == 200 and ("results" in r.json() or "boolean" in r.json())
                problem = None if ok else f"{name}: HTTP {r.status_code} {r.text[:100]!r}"
            except (httpx.HTTPError, ValueError) as e:
                problem = f"{name}: {type(e).__name__}: {e}"
            if problem:
                errors.append(problem)
            else:
                latencies.append(time.perf_counter() - t0)
                per_query[name] += 1
    out.put((latencies, errors, per_query))


def run_clients(url: str, queries: list[tuple[str, str]], clients: int, seconds: float, max_requests: int) -> dict:
    """``clients`` processes (not threads: the client must not be the bottleneck it measures)."""
    ctx = multiprocessing.get_context("fork")
    out = ctx.Queue()
    start = time.time()
    procs = [ctx.Process(target=_client, args=(url, queries, c, start + seconds, max(1, max_requests // clients), out))
             for c in range(clients)]
    for p in procs:
        p.start()
    results = [out.get(timeout=seconds + 120) for _ in procs]
    for p in procs:
        p.join(timeout=30)
    elapsed = time.time() - start
    lat = sorted(x for r in results for x in r[0])
    errors = [e for r in results for e in r[1]]
    per_query = {name: sum(r[2][name] for r in results) for name, _ in queries}
    ms = lambda v: round(v * 1000, 2)  # noqa: E731
    return {
        "clients": clients, "seconds": round(elapsed, 2), "requests": len(lat) + len(errors), "ok": len(lat),
        "errors": len(errors), "error_samples": errors[:5],
        "requests_per_s": round((len(lat) + len(errors)) / elapsed, 1),
        "ok_per_s": round(len(lat) / elapsed, 1),  # answered, not failed: what throughput compares
        "latency_ms": {"p50": ms(percentile(lat, 50)), "p95": ms(percentile(lat, 95)),
                       "p99": ms(percentile(lat, 99)), "max": ms(lat[-1] if lat else 0.0)},
        "per_query": per_query,
    }


def warm_up(url: str, queries: list[tuple[str, str]]) -> None:
    with httpx.Client(timeout=60) as http:
        for _, text in queries:
            http.get(f"{url}/query", params={"query": text}, headers=JSON)


class Background:
    """A thread that runs ``_run`` until the ``with`` block ends."""

    def __init__(self):
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.thread.join(timeout=30)

    def _run(self) -> None:
        raise NotImplementedError


class Slowloris(Background):
    """``n`` half-open connections from 127.0.0.2–5, one header byte every 3–6 s each; a connection
    the server closes (or refuses) is opened again 3–6 s later.  Stops when told."""

    def __init__(self, port: int, n: int):
        super().__init__()
        self.port, self.n = port, n
        self.opened = self.refused = 0

    def _run(self) -> None:
        import selectors

        rng = random.Random(13)
        sel = selectors.DefaultSelector()
        due: list[tuple[float, int]] = [(time.monotonic() + i * 0.002, i) for i in range(self.n)]  # (when, slot)
        socks: dict[int, socket.socket] = {}
        while not self.stopping.is_set():
            now = time.monotonic()
            for k, (when, slot) in enumerate(due):
                if when > now:
                    continue
                s = socks.get(slot)
                try:
                    if s is None:
                        s = socket.socket()
                        s.setblocking(False)
                        s.bind((f"127.0.0.{2 + slot % 4}", 0))
                        s.connect_ex(("127.0.0.1", self.port))
                        socks[slot] = s
                        sel.register(s, selectors.EVENT_READ, slot)
                        self.opened += 1
                        s.send(b"GET /query HTTP/1.1\r\n")
                    else:
                        s.send(b"X")  # one more byte of a header that never ends
                    due[k] = (now + rng.uniform(3, 6), slot)
                except OSError:
                    due[k] = (now + rng.uniform(1, 2), slot)
            for key, _ in sel.select(timeout=0.05):  # the server answered (408, 503) or closed: reopen later
                slot = key.data
                s = socks.pop(slot)
                sel.unregister(s)
                try:
                    if s.recv(64).startswith(b"HTTP/1.1 503"):
                        self.refused += 1
                except OSError:
                    pass
                s.close()
                due = [(when if sl != slot else time.monotonic() + rng.uniform(3, 6), sl) for when, sl in due]
        for s in socks.values():
            s.close()


class Hostile(Background):
    """One client looping SERVICE calls and deeply nested queries; each must get 400."""

    QUERIES = ["SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }",
               "ASK {" + "{" * 5000 + "}" * 5000 + "}"]

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.sent = self.not_refused = 0

    def _run(self) -> None:
        with httpx.Client(timeout=30) as http:
            while not self.stopping.is_set():
                q = self.QUERIES[self.sent % 2]
                r = http.post(f"{self.url}/query", content=q.encode(),
                              headers={**JSON, "Content-Type": "application/sparql-query"})
                self.sent += 1
                self.not_refused += r.status_code != 400


def _stat(pid: int) -> list[str]:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().rsplit(")", 1)[1].split()


def on_cpu_ns(pid: int) -> tuple[int, int]:
    """CPU time (user and system, threads that have ended included) of a process, and of its children
    (kg serve's workers), so far, in ns; 0 where /proc is not there."""
    kids = []
    for d in os.listdir("/proc") if os.path.isdir("/proc") else ():
        try:
            if d.isdigit() and _stat(int(d))[1] == str(pid):
                kids.append(int(d))
        except OSError:  # ended meanwhile
            pass
    totals = [0, 0]
    for i, p in enumerate((pid, *kids)):
        try:
            fields = _stat(p)
        except OSError:
            continue
        totals[min(i, 1)] += (int(fields[11]) + int(fields[12])) * 1_000_000_000 // os.sysconf("SC_CLK_TCK")
    return totals[0], totals[1]


BARE = "oxigraph"  # the baseline of the target: Oxigraph's server alone, no deadline (its fastest)
BARE_DEADLINE = "oxigraph --timeout-s"  # the same with Oxigraph's own query deadline: what kg serve's front replaces


def scenario_compare(store: Path, queries, args, log) -> dict:
    """Simple queries (the target), then the queries/ mix, against bare oxigraph without and with its
    own deadline and against kg serve, in ``--rounds`` alternating rounds (other load on the machine then
    hits all alike), the servers' order reversed every other round (a drift of the machine's speed within
    a round favours none); each ratio is the median of the rounds'.  Also the server side's CPU per
    request (its process and workers)."""
    out = {"scenario": "compare"}
    for label, mix in (("simple", SIMPLE), ("mix", queries)):
        rounds = []
        for turn in range(args.rounds):
            rows = {}
            for name in (BARE, BARE_DEADLINE, "kg serve")[::1 if turn % 2 == 0 else -1]:
                port = free_loopback_port()
                proc = start_server(store, port, args.workers, args.timeout, log) if name == "kg serve" else \
                    start_bare(store, port, args.timeout if name == BARE_DEADLINE else None)
                try:
                    url = f"http://127.0.0.1:{port}"
                    warm_up(url, mix)
                    before = on_cpu_ns(proc.pid)
                    rows[name] = run_clients(url, mix, args.clients, args.seconds, args.max_requests)
                    after = on_cpu_ns(proc.pid)
                    n = max(rows[name]["requests"], 1)
                    rows[name]["server_cpu_us_per_request"] = {
                        "process": round((after[0] - before[0]) / 1000 / n, 1),
                        "workers": round((after[1] - before[1]) / 1000 / n, 1)}
                finally:
                    stop(proc)
            # answers per second, not requests: bare Oxigraph fails some under load (a fast 500 "Resource
            # temporarily unavailable (os error 11)"), and a failure is not throughput
            for base in (BARE, BARE_DEADLINE):
                rows[f"ratio {base}"] = rows["kg serve"]["ok_per_s"] / max(rows[base]["ok_per_s"], 1e-9)
            rounds.append(rows)
        mid = sorted(rounds, key=lambda r: r[f"ratio {BARE}"])[len(rounds) // 2]  # the median round, shown
        deadline = sorted(r[f"ratio {BARE_DEADLINE}"] for r in rounds)[len(rounds) // 2]
        out[label] = {"bare": mid[BARE], "bare_deadline": mid[BARE_DEADLINE], "kg_serve": mid["kg serve"],
                      "throughput_ratio": round(mid[f"ratio {BARE}"], 3), "throughput_ratio_deadline": round(deadline, 3),
                      "round_ratios": [round(r[f"ratio {BARE}"], 3) for r in rounds],
                      "round_ratios_deadline": [round(r[f"ratio {BARE_DEADLINE}"], 3) for r in rounds],
                      "round_ok_per_s": [[r[BARE]["ok_per_s"], r[BARE_DEADLINE]["ok_per_s"], r["kg serve"]["ok_per_s"]]
                                         for r in rounds],
                      "bare_errors": sum(r[BARE]["errors"] + r[BARE_DEADLINE]["errors"] for r in rounds),
                      "errors": sum(r["kg serve"]["errors"] for r in rounds)}
    out["met"] = out["simple"]["throughput_ratio"] >= 0.8 and not out["simple"]["errors"] and not out["mix"]["errors"]
    return out


def scenario_attack(store: Path, queries, args, log) -> dict:
    port = free_loopback_port()
    proc = start_server(store, port, args.workers, args.timeout, log)
    url = f"http://127.0.0.1:{port}"
    try:
        warm_up(url, queries)
        quiet = run_clients(url, queries, args.clients, args.seconds, args.max_requests)
        with Slowloris(port, args.slowloris) as loris, Hostile(url) as hostile:
            time.sleep(3)  # the half-open connections are in place
            attacked = run_clients(url, queries, args.clients, args.seconds, args.max_requests)
        ratio = attacked["latency_ms"]["p95"] / max(quiet["latency_ms"]["p95"], 1e-9)
        return {"scenario": "attack", "quiet": quiet, "attacked": attacked, "p95_ratio": round(ratio, 2),
                "slowloris": {"connections": args.slowloris, "opened": loris.opened, "refused_503": loris.refused},
                "hostile": {"sent": hostile.sent, "not_refused": hostile.not_refused},
                "met": attacked["errors"] == 0 and quiet["errors"] == 0 and ratio <= 2.0 and hostile.not_refused == 0}
    finally:
        stop(proc)


def scenario_mix(store: Path, queries, args, log) -> dict:
    port = free_loopback_port()
    server = start_server(store, port, args.workers, args.timeout, log)
    try:
        url = f"http://127.0.0.1:{port}"
        warm_up(url, queries)
        report = run_clients(url, queries, args.clients, args.seconds, args.max_requests)
    finally:
        stop(server)
    report.update(scenario="mix", met=report["errors"] == 0)
    return report


def show(report: dict) -> None:
    def line(label: str, r: dict) -> str:
        lat = r["latency_ms"]
        return (f"  {label:<12} {r['clients']} clients x {r['seconds']} s: {r['requests']} requests, "
                f"{r['errors']} errors, {r['requests_per_s']} requests/s ({r.get('ok_per_s', '-')} answered/s), p50 {lat['p50']} ms, p95 {lat['p95']} ms, "
                f"p99 {lat['p99']} ms, max {lat['max']} ms")
    kind = report["scenario"]
    print(f"{kind}: {'OK' if report['met'] else 'TARGET MISSED'}")
    if kind == "mix":
        print(line("kg serve", report))
        for e in report["error_samples"]:
            print(f"    error: {e}")
    elif kind == "compare":
        for label in ("simple", "mix"):
            r = report[label]
            print(f"  {label} queries:")
            print(line(BARE, r["bare"]))
            print(line("oxigraph -t", r["bare_deadline"]))
            print(line("kg serve", r["kg_serve"]))
            print(f"  throughput kg serve / bare oxigraph ({label}): {r['throughput_ratio']}"
                  + (" (target >= 0.8)" if label == "simple" else "") + f", median of rounds {r['round_ratios']}; "
                  f"against {BARE_DEADLINE} {r['throughput_ratio_deadline']}, rounds {r['round_ratios_deadline']} "
                  f"(answers/s bare, bare with deadline, kg serve: {r['round_ok_per_s']}; "
                  f"bare oxigraph failed {r['bare_errors']} requests)")
            cpu = r["kg_serve"]["server_cpu_us_per_request"]
            print(f"  server CPU per request: kg serve front {cpu['process']} us + workers {cpu['workers']} us, "
                  f"bare oxigraph {r['bare']['server_cpu_us_per_request']['process']} us, with its deadline "
                  f"{r['bare_deadline']['server_cpu_us_per_request']['process']} us")
    else:
        print(line("quiet", report["quiet"]))
        print(line("attacked", report["attacked"]))
        print(f"  p95 attacked / quiet: {report['p95_ratio']} (target <= 2); slowloris "
              f"{report['slowloris']}; SERVICE/nesting attacker {report['hostile']}")
        for e in report["attacked"]["error_samples"]:
            print(f"    error: {e}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scenario", choices=("mix", "compare", "attack", "all"), default="mix")
    ap.add_argument("--store", type=Path, help="store to serve (default: build the bundled corpus into a temp folder)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=20, help="per measured phase")
    ap.add_argument("--max-requests", type=int, default=200_000, help="stop a phase after this many requests in all")
    ap.add_argument("--slowloris", type=int, default=1000, help="half-open connections in the attack scenario")
    ap.add_argument("--workers", type=int, help="kg serve --workers (default: its own)")
    ap.add_argument("--rounds", type=int, default=3, help="alternating rounds of the compare scenario (median ratio)")
    ap.add_argument("--timeout", type=float, default=30, help="kg serve --timeout")
    ap.add_argument("--queries", type=Path, default=ROOT / "queries")
    ap.add_argument("--json", action="store_true", help="print the report as JSON")
    args = ap.parse_args()
    if not 1 <= args.clients <= 64 or not 0 < args.seconds <= 600 or not 0 <= args.slowloris <= 2000 \
            or not 1 <= args.rounds <= 9:
        ap.error("--clients must be 1..64, --seconds 0..600, --slowloris 0..2000, --rounds 1..9")
    queries = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(args.queries.glob("*.rq"))]
    if not queries:
        ap.error(f"no .rq files in {args.queries}")
    reports = []
    with tempfile.TemporaryDirectory(prefix="hezuo-load-") as tmp, tempfile.TemporaryFile("w+") as log:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([KG, "build", "--store", str(store), "--quiet"], check=True, stdout=subprocess.DEVNULL)
        if args.scenario in ("mix", "all"):
            reports.append(scenario_mix(store, queries, args, log))
        if args.scenario in ("compare", "all"):
            reports.append(scenario_compare(store, queries, args, log))
        if args.scenario in ("attack", "all"):
            reports.append(scenario_attack(store, queries, args, log))
        log.seek(0)
        server_log = log.read()[-20000:]
    if args.json:
        report = reports[0] if len(reports) == 1 else {"scenarios": reports, "met": all(r["met"] for r in reports)}
        report["server_log"] = server_log
        print(json.dumps(report, indent=2))
    else:
        for r in reports:
            show(r)
        if not all(r["met"] for r in reports) and server_log:
            print("kg serve's log:\n" + server_log)
    return 0 if all(r["met"] for r in reports) else 1


if __name__ == "__main__":
    sys.exit(main())
