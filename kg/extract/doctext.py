"""The text of a Doc and where its tokens start (without building a Token object per token), spans
by character offsets, and splitting tokens: what every component of the tagger shares.

``Doc.text`` joins the text of every token (a Python object each) on every call; the tagger
asks for it in every component, so the tokenizer keeps the text it was given in
``doc.user_data`` (plain data: it survives ``Doc.to_bytes``) and these helpers read it.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from spacy.attrs import IDX
from spacy.tokens import Doc, Span

TEXT = "hezuo.text"  # doc.user_data key of the sentence text
STARTS = "hezuo.starts"  # doc.user_data key of token_starts (the tokenizer knows them: it cut the tokens)


def text(doc: Doc) -> str:
    cached = doc.user_data.get(TEXT)
    if cached is None:
        cached = doc.user_data[TEXT] = doc.text
    return cached


def token_starts(doc: Doc) -> list[int]:
    """The character where each token starts, and the text's length (tokens have no trailing space);
    kept on the Doc for the next component (callers do not change the list)."""
    starts = doc.user_data.get(STARTS)
    if starts is None or len(starts) != len(doc) + 1:  # (a Doc retokenised since)
        starts = doc.user_data[STARTS] = [*doc.to_array(IDX).tolist(), len(text(doc))]
    return starts


def spans(doc: Doc, starts: list[int], items: Iterable[tuple]) -> list[Span]:
    """Spans for ``(start, end, label, span_id)`` character spans, by the tokens they begin and end on."""
    out = []
    for s, e, label, span_id in items:
        i = bisect_left(starts, s)  # the tokens are few, the spans fewer: no index of every start
        j = bisect_left(starts, e, i)
        if j < len(starts) and starts[i] == s and starts[j] == e:
            out.append(Span(doc, i, j, label=label, span_id=span_id))
    return out


def split_tokens(doc: Doc, starts: list[int], cuts: set[int]) -> Doc:
    """The Doc with its tokens also split at ``cuts``, its extensions and span groups kept."""
    edges = sorted(set(starts) | cuts)
    chars = text(doc)
    words = [chars[s:e] for s, e in zip(edges, edges[1:])]
    new = Doc(doc.vocab, words=words, spaces=[False] * len(words), user_data={**doc.user_data, STARTS: edges})
    for key, group in doc.spans.items():
        new.spans[key] = spans(new, edges, ((sp.start_char, sp.end_char, sp.label_, sp.id_) for sp in group))
    return new
