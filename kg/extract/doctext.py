"""The text of a Doc and where its tokens start, without building a Token object per token.

``Doc.text`` joins the text of every token (a Python object each) on every call; the tagger
asks for it in every component, so the tokenizer keeps the text it was given in
``doc.user_data`` (plain data: it survives ``Doc.to_bytes``) and these helpers read it.
"""

from __future__ import annotations

from spacy.attrs import IDX
from spacy.tokens import Doc

TEXT = "hezuo.text"  # doc.user_data key of the sentence text


def text(doc: Doc) -> str:
    cached = doc.user_data.get(TEXT)
    if cached is None:
        cached = doc.user_data[TEXT] = doc.text
    return cached


def token_starts(doc: Doc) -> list[int]:
    """The character where each token starts, and the text's length (tokens have no trailing space)."""
    return [*doc.to_array(IDX).tolist(), len(text(doc))]
