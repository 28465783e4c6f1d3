"""One way to reach the pages of kg.serve.site over real HTTP, for the site's tests and its benchmark.

``start(store)`` runs ``kg serve`` if its front mounts the site's routes (``/api/search`` answers JSON),
else the site's routes alone under uvicorn in a process of their own, beside the real Oxigraph server
(read-only, CORS on) whose ``/query`` the query form then sends to.  Either way the caller gets the
base URL of a server on a free loopback port and a ``stop()``.
"""
from __future__ import annotations

import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from kg.serve import free_loopback_port, wait_until_listening

KG = str(Path(sys.executable).with_name("kg"))
OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))
RUN_SITE = """
import sys, uvicorn
from kg.serve.site import app
uvicorn.run(app(sys.argv[1], base=sys.argv[4] or None, query_path=sys.argv[3]), host="127.0.0.1",
            port=int(sys.argv[2]), log_level="warning")
"""


@dataclass
class Served:
    url: str
    how: str  # "kg serve" or "site routes under uvicorn"
    procs: list[subprocess.Popen] = field(default_factory=list)

    def stop(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                p.terminate()
                try:
                    p.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    p.kill()


def _kg_serve(store: Path, base: str | None) -> Served | None:
    port = free_loopback_port()
    args = [KG, "serve", "--store", str(store), "--port", str(port)] + (["--base", base] if base else [])
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    served = Served(f"http://127.0.0.1:{port}", "kg serve", [proc])
    if not wait_until_listening(proc, "127.0.0.1", port, 60):
        served.stop()
        return None
    try:
        r = httpx.get(served.url + "/api/search", params={"q": "中国"}, timeout=30)
        if r.status_code == 200 and r.headers.get("content-type", "").startswith("application/json"):
            return served
    except httpx.HTTPError:
        pass
    served.stop()
    return None


def start(store: Path, base: str | None = None) -> Served:
    served = _kg_serve(store, base)
    if served is not None:
        return served
    from kg.store.core import locate

    ox_port, port = free_loopback_port(), free_loopback_port()
    ox = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(locate(store)), "--bind",
                           f"127.0.0.1:{ox_port}", "--union-default-graph", "--cors"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    site = subprocess.Popen([sys.executable, "-c", RUN_SITE, str(store), str(port),
                             f"http://127.0.0.1:{ox_port}/query", base or ""],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    served = Served(f"http://127.0.0.1:{port}", "site routes under uvicorn", [site, ox])
    if not (wait_until_listening(ox, "127.0.0.1", ox_port, 60) and wait_until_listening(site, "127.0.0.1", port, 60)):
        err = site.stderr.read() if site.poll() is not None else ""
        served.stop()
        raise AssertionError(f"the site did not start: {err}")
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:  # listening; the first answer proves the routes are mounted
        try:
            if httpx.get(served.url + "/api/search", params={"q": "中国"}, timeout=10).status_code == 200:
                return served
        except httpx.HTTPError:
            time.sleep(0.2)
    served.stop()
    raise AssertionError("the site does not answer /api/search")


@pytest.fixture(scope="module")
def site(corpus_store):
    """The base URL of the site over the corpus store (the test modules import this fixture)."""
    served = start(corpus_store)
    yield served.url
    served.stop()
