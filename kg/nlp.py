"""Entity and value tagging: jieba inside a spaCy ``zh`` pipeline, lexicon spans with ids.

The pipeline, per sentence:

1. ``normalize``: NFKC, traditional -> simplified (OpenCC), white space between CJK
   characters dropped; an offset map leads every character back to the original text.
2. ``LexiconJiebaTokenizer``: an Aho-Corasick automaton over every lexicon name finds
   names on characters, longest match first; values are found by ``kg.values``.  Their
   edges become forced token boundaries, and jieba (with the lexicon as user dictionary)
   segments the text between them.  So every known name is token-aligned, even names
   jieba's user dictionary cannot keep whole (with —, ·, - or %, jieba #536), and
   苏丹 never matches inside 南苏丹.
3. spaCy's ``SpanRuler`` with one phrase pattern per lexicon name, ``id`` = entity key
   (so ``span.id_`` is the key), into ``doc.spans["entities"]``.
4. ``resolve_spans``: keeps the longest names, plus names nested in a meeting or
   project (中非合作论坛北京峰会 -> the meeting, the forum and 北京).
5. ``tag_values``: money, percentages, dates, periods and counts into ``doc.spans["values"]``.

The result leaves this module as plain ``kg.model.Mention`` objects.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator

import ahocorasick
import jieba
import opencc
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from . import lexicon as lexicon_mod
from .model import Document, Mention
from .values import find_values

jieba.setLogLevel(logging.WARNING)
_T2S = opencc.OpenCC("t2s")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")

# jieba POS tags for lexicon names in the user dictionary
_POS = {"COUNTRY": "ns", "REGION": "ns", "PLACE": "ns", "PERSON": "nr"}
NESTING_TYPES = {"MEETING", "PROJECT"}  # names whose parts are entities of their own

if not Doc.has_extension("lexicon_matches"):
    Doc.set_extension("lexicon_matches", default=None)
    Doc.set_extension("value_matches", default=None)
if not Span.has_extension("value"):
    Span.set_extension("value", default=None)


def to_simplified(text: str) -> str:
    out = _T2S.convert(text)
    if len(out) != len(text):  # a phrase conversion changed the length: go char by char
        out = "".join(c if len(s := _T2S.convert(c)) != 1 else s for c in text)
    return out


def normalize(text: str) -> tuple[str, list[int]]:
    """Return the text to match on and, for each of its characters, the original offset."""
    chars: list[str] = []
    offsets: list[int] = []
    n = len(text)
    for i, c in enumerate(text):
        if c.isspace():
            prev = next((text[j] for j in range(i - 1, -1, -1) if not text[j].isspace()), "")
            nxt = next((text[j] for j in range(i + 1, n) if not text[j].isspace()), "")
            if _CJK.match(prev or "a") or _CJK.match(nxt or "a"):
                continue  # stray space next to Chinese text
        norm = unicodedata.normalize("NFKC", c) if ord(c) > 127 else c
        for ch in norm:
            chars.append(ch)
            offsets.append(i)
    return to_simplified("".join(chars)), offsets


def match_name(name: str) -> str:
    """The form a lexicon name is matched in (same normalisation as the text)."""
    return to_simplified(lexicon_mod.normalize_name(name))


class Gazetteer:
    """Aho-Corasick over every lexicon name: all matches, then the longest ones."""

    def __init__(self, lex: lexicon_mod.Lexicon):
        self.automaton = ahocorasick.Automaton()
        self.types: dict[str, str] = {}
        seen: dict[str, str] = {}
        for key, entry in lex.entries.items():
            self.types[key] = entry.type
            for name in entry.names:
                form = match_name(name)
                if len(form) < 2 or form in lexicon_mod.NEVER_NAMES:
                    continue
                if seen.setdefault(form, key) != key:
                    raise ValueError(f"lexicon name {name!r} names both {seen[form]} and {key}")
                self.automaton.add_word(form, (len(form), key))
        self.names = seen
        self.automaton.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, str]]:
        out = []
        for end, (length, key) in self.automaton.iter(text):
            start, end = end - length + 1, end + 1
            if text[start].isascii() and text[start].isalnum() and start > 0 and text[start - 1].isascii() \
                    and text[start - 1].isalnum():
                continue  # an acronym inside a longer Latin word
            if text[end - 1].isascii() and text[end - 1].isalnum() and end < len(text) \
                    and text[end].isascii() and text[end].isalnum():
                continue
            out.append((start, end, key))
        return out

    def resolve(self, matches: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
        """Longest match first (leftmost on ties); plus names nested in a meeting or project."""
        chosen: list[tuple[int, int, str]] = []
        taken = set()
        for s, e, k in sorted(matches, key=lambda m: (m[0] - m[1], m[0])):
            if not taken.intersection(range(s, e)):
                chosen.append((s, e, k))
                taken.update(range(s, e))
        nested = [
            (s, e, k) for s, e, k in matches
            if (s, e, k) not in chosen and any(
                cs <= s and e <= ce and self.types[ck] in NESTING_TYPES and self.types[k] != self.types[ck]
                for cs, ce, ck in chosen)
        ]
        return sorted(chosen + nested)


class LexiconJiebaTokenizer:
    """jieba segmentation with lexicon names and values as forced token boundaries."""

    def __init__(self, vocab, gazetteer: Gazetteer, jieba_tokenizer: jieba.Tokenizer):
        self.vocab = vocab
        self.gazetteer = gazetteer
        self.jieba = jieba_tokenizer

    def __call__(self, text: str) -> Doc:
        matches = self.gazetteer.resolve(self.gazetteer.find(text))
        covered = bytearray(len(text))
        for s, e, _ in matches:
            covered[s:e] = b"\x01" * (e - s)
        values = [v for v in find_values(text) if not any(covered[v[0]:v[1]])]
        cuts = {0, len(text)}
        for s, e, *_ in matches + values:
            cuts.update((s, e))
        words: list[str] = []
        edges = sorted(cuts)
        for a, b in zip(edges, edges[1:]):
            words.extend(w for w in self.jieba.cut(text[a:b], HMM=True) if w)
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        doc._.lexicon_matches = matches
        doc._.value_matches = values
        return doc

    # spaCy calls these when it serialises a pipeline; ours is built from data, not saved
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self


@Language.component("hezuo_resolve_spans")
def resolve_spans(doc: Doc) -> Doc:
    """Keep the SpanRuler spans the gazetteer chose (longest names, allowed nesting)."""
    chosen = {(s, e, k) for s, e, k in doc._.lexicon_matches or ()}
    doc.spans["entities"] = [sp for sp in doc.spans.get("entities", ())
                             if (sp.start_char, sp.end_char, sp.id_) in chosen]
    return doc


@Language.component("hezuo_values")
def tag_values(doc: Doc) -> Doc:
    spans = []
    for s, e, typ, value in doc._.value_matches or ():
        span = doc.char_span(s, e, label=typ)
        if span is not None:
            span._.value = value
            spans.append(span)
    doc.spans["values"] = spans
    return doc


def build_pipeline(lex: lexicon_mod.Lexicon | None = None) -> Language:
    lex = lex or lexicon_mod.load()
    gazetteer = Gazetteer(lex)
    tk = jieba.Tokenizer()
    tk.initialize()
    for form, key in gazetteer.names.items():
        tk.add_word(form, freq=100000, tag=_POS.get(gazetteer.types[key], "nt"))
    nlp = spacy.blank("zh")
    nlp.tokenizer = LexiconJiebaTokenizer(nlp.vocab, gazetteer, tk)
    ruler = nlp.add_pipe("span_ruler", config={"spans_key": "entities", "phrase_matcher_attr": "ORTH"})
    patterns = []
    for form, key in sorted(gazetteer.names.items()):
        patterns.append({"label": gazetteer.types[key], "pattern": form, "id": key})
    ruler.add_patterns(patterns)
    nlp.add_pipe("hezuo_resolve_spans")
    nlp.add_pipe("hezuo_values")
    return nlp


class Extractor:
    """Turns documents into mentions.  Build once, reuse: the pipeline takes a second."""

    def __init__(self, lex: lexicon_mod.Lexicon | None = None):
        self.lexicon = lex or lexicon_mod.load()
        self.nlp = build_pipeline(self.lexicon)

    def __call__(self, document: Document) -> Document:
        document.mentions = list(self.mentions(document))
        return document

    def mentions(self, document: Document) -> Iterator[Mention]:
        normed = [normalize(s.text) for s in document.sentences]
        docs = self.nlp.pipe(text for text, _ in normed)
        for sentence, (_, offsets), doc in zip(document.sentences, normed, docs):
            spans: Iterable[Span] = sorted([*doc.spans["entities"], *doc.spans["values"]],
                                           key=lambda sp: (sp.start_char, -sp.end_char))
            for sp in spans:
                start = sentence.start + offsets[sp.start_char]
                end = sentence.start + offsets[sp.end_char - 1] + 1
                value = sp._.value
                key = sp.id_ if value is None else f"{sp.label_.lower()}/{_value_key(value)}"
                yield Mention(start, end, document.text[start:end], sp.label_, key, sentence.index, sp.text,
                              "lexicon" if value is None else "value", value)


def _value_key(value: dict) -> str:
    return "".join(str(value[k]) for k in ("value", "amount", "unit") if k in value) + ("+" if value.get("at_least") else "")
