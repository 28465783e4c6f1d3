"""Simplified and traditional Chinese forms of a name (OpenCC), for the search index.

``kg.store.search`` may not load OpenCC itself (the import contracts keep taggers and converters in
``kg.extract``), so the build hands it ``forms``.
"""
from __future__ import annotations

from functools import lru_cache

import opencc

# simplified -> traditional characters: the OpenCC standard, Taiwan's and Hong Kong's (character tables, not
# phrase substitutions, so each form maps character for character onto the simplified one): a
# simplified character can have several traditional ones (发 -> 發 / 髮), the regional tables differ
_TO_TRADITIONAL = ("s2t", "s2tw", "s2hk")


@lru_cache(maxsize=None)
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def forms(name: str) -> tuple[str, list[str]]:
    """The simplified form of ``name`` and its traditional forms (each once, in a fixed order)."""
    simplified = _converter("t2s").convert(name)
    traditional = dict.fromkeys(_converter(c).convert(simplified) for c in _TO_TRADITIONAL)
    traditional.pop(simplified, None)
    return simplified, list(traditional)
