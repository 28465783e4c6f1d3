"""The pages for people (landing page, entity and document pages, search, reconciliation).

`routes()` gives the Starlette routes that the front (`kg.serve.server`) mounts before its own SPARQL
routes. Filled in by the browse/search/reconcile work; the front must work with any list it returns.
"""
from __future__ import annotations

from pathlib import Path


def routes(store_path: Path, *, base: str, query_path: str = "/query") -> list:
    """Starlette routes for the human-facing site of the store at `store_path` (its active generation)."""
    return []
