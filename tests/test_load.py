"""A short, bounded load test (4 clients x 3 s, loopback) through benchmarks/load.py: zero errors.

Figures (requests/s, latency) are for `make load`; here only correctness under concurrency.
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT


def test_concurrent_clients_get_no_errors(corpus_store):
    proc = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "load.py"), "--store", str(corpus_store),
                           "--clients", "4", "--seconds", "3", "--max-requests", "5000", "--json"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout)
    assert report["errors"] == 0, report["error_samples"]
    assert report["ok"] >= 20
    assert all(n > 0 for n in report["per_query"].values()), report["per_query"]  # the whole queries/ mix ran
