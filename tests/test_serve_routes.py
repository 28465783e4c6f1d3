"""The front mounts the routes of kg.serve.site before its own: a real `kg serve` whose site has
pages (a stand-in list of Starlette routes, given the way the site module gives them) answers them,
and still proxies everything else to Oxigraph, behind the same checks."""

from __future__ import annotations

import subprocess
import sys
import time

import httpx

from conftest import free_port

LAUNCH = """
import sys
from starlette.responses import PlainTextResponse
from starlette.routing import Route
import kg.serve.site as site

def routes(store_path, *, base, query_path="/query"):
    async def home(request):
        return PlainTextResponse(f"home of {store_path.name} base={base} query={query_path}")
    async def entity(request):
        body = await request.body()
        return PlainTextResponse(f"entity {request.path_params['key']} {len(body)}")
    return [Route("/", home), Route("/id/{key:path}", entity, methods=["GET", "POST"])]

site.routes = routes
from kg.cli import main
sys.argv = ["kg", *sys.argv[1:]]
main()
"""


def test_site_routes_come_first_and_the_rest_goes_to_oxigraph(corpus_store):
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", LAUNCH, "serve", "--store", str(corpus_store), "--port", str(port),
                             "--workers", "1", "--cors"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while "SPARQL endpoint" not in (line := proc.stdout.readline()):
            assert line and time.monotonic() < deadline, proc.stderr.read()
        url = f"http://127.0.0.1:{port}"
        r = httpx.get(f"{url}/", timeout=30)
        assert r.status_code == 200 and r.text == "home of store base=https://w3id.org/hezuo/id/ query=/query"
        assert r.headers["access-control-allow-origin"] == "*"  # the front's checks apply to the site too
        r = httpx.post(f"{url}/id/country/PAK", content=b"x" * 1000, timeout=30)
        assert r.text == "entity country/PAK 1000"  # the body the front read reaches the page
        r = httpx.get(f"{url}/query", params={"query": "ASK { ?s ?p ?o }"},
                      headers={"Accept": "application/sparql-results+json"}, timeout=30)
        assert r.status_code == 200 and r.json()["boolean"] is True
        assert httpx.get(f"{url}/", headers={"Host": "evil.example"}, timeout=30).status_code == 403
        assert httpx.post(f"{url}/id/x", content=b"x" * (17 * 1024 * 1024), timeout=30).status_code == 413
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert proc.returncode == 0
