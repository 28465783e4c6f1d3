"""Shared fixtures: the real `kg` command, a store built once from the bundled corpus."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.serve import free_loopback_port as free_port  # noqa: F401 - the tests take it from here
from kg.serve import wait_until_listening

ROOT = Path(__file__).resolve().parent.parent
KG = str(Path(sys.executable).with_name("kg"))
CORPUS = ROOT / "corpus"
QUERIES = ROOT / "queries"
GOLD = ROOT / "tests" / "gold"
BUNDLED_GOLD = "000_faed074d8c3da792"  # the gold of the bundled white paper, corpus/000_faed074d8c3da792.txt


def gold_subset(dest: Path, *stems: str) -> Path:
    """A gold folder at ``dest`` holding only the documents ``stems`` of tests/gold."""
    (dest / "texts").mkdir(parents=True)
    for stem in stems:
        (dest / f"{stem}.json").write_bytes((GOLD / f"{stem}.json").read_bytes())
        (dest / "texts" / f"{stem}.txt").write_bytes((GOLD / "texts" / f"{stem}.txt").read_bytes())
    return dest


# The dataset description's date (kg/store/void.py): fixed, so every build in the tests gives the same bytes
SOURCE_DATE_EPOCH = "1700000000"  # 2023-11-14


def run_kg(*args: str, check: bool = True, cwd: Path | None = None, timeout: float = 300,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, **(env or {})}
    env.pop("HEZUO_STORE", None)
    env.pop("HEZUO_DEBUG", None)
    for name in [k for k, v in env.items() if v is None]:
        env.pop(name)
    proc = subprocess.run([KG, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=timeout)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(args)} exited {proc.returncode}:\n{proc.stdout}\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def extractor():
    """One tagger for the session (building the pipeline takes a second)."""
    from kg.extract.nlp import Extractor

    return Extractor()


def tagged(doc) -> list[tuple[str, str, str]]:
    """Every mention of ``doc`` as (name, type, rule): what a failing assertion shows."""
    return [(m.name, m.type, m.rule) for m in doc.mentions]


def entity_names(doc, typ: str | None = None) -> set[str]:
    """The names of the entities tagged in ``doc`` (of type ``typ``)."""
    return {m.name for m in doc.mentions if not m.is_value and (typ is None or m.type == typ)}


@pytest.fixture(scope="session")
def corpus_store(tmp_path_factory) -> Path:
    """The bundled corpus built once through the CLI, as a user would."""
    store = tmp_path_factory.mktemp("corpus") / "store"
    run_kg("build", "--store", str(store), "--quiet")
    return store


FIXTURES = ROOT / "tests" / "fixtures"
OXIGRAPH = str(Path(sys.executable).with_name("oxigraph"))


def start_oxigraph(location: Path, port: int) -> subprocess.Popen:
    """The real Oxigraph server, read-only, on loopback; returns once it accepts connections."""
    proc = subprocess.Popen([OXIGRAPH, "serve-read-only", "--location", str(location), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if wait_until_listening(proc, "127.0.0.1", port):
        return proc
    assert proc.poll() is None, proc.stderr.read()
    proc.kill()
    raise AssertionError("the Oxigraph server did not start")


def stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        proc.wait(timeout=20)


@pytest.fixture(scope="session")
def wikidata_store(tmp_path_factory) -> Path:
    """tests/fixtures/wikidata.ttl loaded into an Oxigraph store folder."""
    location = tmp_path_factory.mktemp("wikidata") / "store"
    subprocess.run([OXIGRAPH, "load", "--location", str(location), "--file", str(FIXTURES / "wikidata.ttl")],
                   check=True, capture_output=True)
    return location


@pytest.fixture(scope="session")
def wikidata_endpoint(wikidata_store) -> str:
    """The Wikidata-shaped fixture served by a real Oxigraph server on loopback: its SPARQL endpoint URL."""
    port = free_port()
    proc = start_oxigraph(wikidata_store, port)
    yield f"http://127.0.0.1:{port}/query"
    stop(proc)


# ---------------------------------------------------------------- tiers (markers registered in pyproject.toml)
_TIERS = ("unit", "e2e", "browser")
_BROWSER = ("chromium", "playwright", "selenium", "headless")
_END_TO_END = ("run_kg(", "subprocess", "Popen", "start_oxigraph", "corpus_store", "wikidata_endpoint", "LocalCluster",
               "ProcessPool", "workers=2", "serve(")


def pytest_collection_modifyitems(config, items):
    """A test without a tier marker gets one from what its module does: a browser, the kg command, a server
    or worker processes (e2e), or nothing of these (unit), so that ``pytest -m unit`` (make test-fast) is fast."""
    sources: dict[str, str] = {}
    for item in items:
        if any(item.get_closest_marker(t) for t in _TIERS):
            continue
        path = str(item.fspath)
        if path not in sources:
            try:
                sources[path] = Path(path).read_text(encoding="utf-8")
            except OSError:
                sources[path] = ""
        source = sources[path]
        tier = ("browser" if any(w in source for w in _BROWSER)
                else "e2e" if any(w in source for w in _END_TO_END) else "unit")
        item.add_marker(getattr(pytest.mark, tier))
