"""Traditional -> simplified conversion (OpenCC ``t2s``), one character for one character.

Light on purpose: it imports OpenCC only, never spaCy or jieba, so that `kg.evaluate` can
normalise names without loading a tagger.  `kg.extract.nlp` matches text in the same form.
"""

from __future__ import annotations

from functools import lru_cache

import opencc

_T2S = opencc.OpenCC("t2s")


@lru_cache(maxsize=8192)
def to_simplified(text: str) -> str:
    """``text`` in simplified characters, of the same length (offsets stay valid): where OpenCC's
    phrase table would change the length, each character is converted alone.  (Remembered: the rules
    read a sentence in this form several times.)"""
    out = _T2S.convert(text)
    if len(out) != len(text):
        out = "".join(c if len(s := _T2S.convert(c)) != 1 else s for c in text)
    return out
