"""The layering of the package is a checked contract (pyproject.toml [tool.importlinter]), not a comment."""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "0 broken" in done.stdout


def test_query_and_serve_load_no_tagger():
    code = ("import sys, kg.cli, kg.serve, kg.store, kg.store.void, kg.rdf.mapper, kg.rdf.jsonld; "
            "bad = [m for m in ('spacy', 'jieba', 'rjieba', 'opencc') if m in sys.modules]; "
            "assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT, timeout=120)


def test_ruff_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    done = subprocess.run([str(ruff), "check", "kg", "tests"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]


def test_no_import_cycles():
    """No module of kg imports, directly or through others, a module that imports it (lazy imports count too)."""
    import grimp

    graph = grimp.build_graph("kg", cache_dir=None)
    cycles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            if imported == importer or imported.startswith(importer + "."):
                continue  # a package importing its own modules (an __init__ re-exporting) is no cycle
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back and not importer.startswith(imported + "."):
                cycles.append(" -> ".join((importer, *back)))
    assert not cycles, "\n".join(cycles)
