"""A learned classifier for names no dictionary or rule knows: candidates from jieba's proper-noun
tags, typed (PERSON, PLACE, ORG ...) or rejected by an averaged perceptron over strong features.

Candidates are the runs of up to four tokens that nothing has claimed yet and that jieba tags as a
proper noun, an abbreviation or a word it does not know (卢/nr 埃纳/ns, 田林/nr, 倪涛/?).  The
features describe the run (its POS tags, length, last characters, share of the characters of
transliterated names, a Chinese surname first) and its context (the words and tags around it,
the type of a name right before or after it): the context is what carries to names never seen.
Training (``kg.extract.train``) labels a candidate with the type of the gold name it spells, or
``O``; entity-swap augmentation adds copies of each named candidate with its name replaced by
other gold names of the same type, so that the weights rest on contexts and name shapes rather
than on the names themselves.  Deterministic (fixed seed, sorted features), weights saved as JSON.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from kg.extract import doctext, rules

CANDIDATE_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nz", "nt", "j", "?", "eng"})
MAX_TOKENS = 4
MAX_CHARS = 10
OUTSIDE = "O"
WEIGHTS_FILE = "weights.json"
# the margin a type must win by: chosen by cross-validation on the tuning documents (at 6 no false
# name among the 20 documents, at 4 half of what it added was wrong)
THRESHOLD = 6.0
_HAN = rules._HAN


# a word jieba did not know often swallows the function word after a name (加济安泰普等, 哈塔伊省后)
TRAILING = frozenset("等后前时里的和与及说摄在将已也则就到至")


def candidates(text: str, tokens: list[tuple[int, int]], tags: list[str], covered: bytearray) -> list[tuple[int, int, int, int]]:
    """Candidate runs of a sentence: token range (i, j) and character span (start, end); the end
    leaves out a function character an unknown last token swallowed."""
    out = []
    i, n = 0, len(tokens)
    while i < n:
        j = i
        while j < n and j - i < MAX_TOKENS and _candidate_token(text, tokens[j], tags[j], covered):
            j += 1
        if j > i:
            s, e = tokens[i][0], tokens[j - 1][1]
            if tags[j - 1] == "?" and text[e - 1] in TRAILING and e - tokens[j - 1][0] > 1:
                e -= 1
            if 2 <= e - s <= MAX_CHARS:
                out.append((i, j, s, e))
            i = j
        else:
            i += 1
    return out


def _candidate_token(text: str, token: tuple[int, int], tag: str, covered: bytearray) -> bool:
    s, e = token
    if tag not in CANDIDATE_TAGS or any(covered[s:e]):
        return False
    word = text[s:e]
    return bool(_HAN.match(word)) and word not in rules.STOP_WORDS and word not in rules.GENERIC


def name_features(name: str, tags: list[str]) -> list[str]:
    """What the candidate itself looks like."""
    translit = sum(c in rules.TRANSLIT for c in name) / len(name)
    return [
        "tags=" + "_".join(tags), "ntok=" + str(min(len(tags), 3)), "len=" + str(min(len(name), 6)),
        "last=" + name[-1], "last2=" + name[-2:], "first=" + name[0],
        "translit=" + ("all" if translit == 1 else "most" if translit >= 0.5 else "some" if translit else "none"),
        "surname=" + str(name[0] in rules.SURNAMES and len(name) in (2, 3)),
    ]


def context_features(text: str, tokens: list[tuple[int, int]], tags: list[str], i: int, j: int, s: int, e: int,
                     labels: dict[int, str], label_ends: dict[int, str]) -> list[str]:
    """What is around the candidate (tokens i..j-1, characters s..e): words, tags, names next to it."""
    def word(k: int) -> str:
        return text[tokens[k][0]:tokens[k][1]] if 0 <= k < len(tokens) else "#"

    def tag(k: int) -> str:
        return tags[k] if 0 <= k < len(tokens) else "#"

    return [
        "prevchar=" + (text[s - 1] if s else "#"), "nextchar=" + (text[e] if e < len(text) else "#"),
        "prev=" + word(i - 1), "prevtag=" + tag(i - 1), "prev2=" + word(i - 2) + "|" + word(i - 1),
        "next=" + word(j), "nexttag=" + tag(j), "next2=" + word(j) + "|" + word(j + 1),
        "prevname=" + label_ends.get(s, "-"), "nextname=" + labels.get(e, "-"),
        "prevtag+next=" + tag(i - 1) + "|" + tag(j),
    ]


class Perceptron:
    """Multiclass averaged perceptron: weights[feature][class]."""

    def __init__(self, weights: dict[str, dict[str, float]] | None = None):
        self.weights = weights or {}

    def scores(self, features: Iterable[str]) -> dict[str, float]:
        out: dict[str, float] = defaultdict(float)
        for f in features:
            for c, w in self.weights.get(f, {}).items():
                out[c] += w
        return out

    def predict(self, features: Iterable[str]) -> tuple[str, float]:
        scores = self.scores(features)
        if not scores:
            return OUTSIDE, 0.0
        best = max(sorted(scores), key=lambda c: scores[c])
        margin = scores[best] - max((v for c, v in scores.items() if c != best), default=0.0)
        return best, margin

    @classmethod
    def train(cls, examples: list[tuple[list[str], str]], epochs: int = 10, seed: int = 0) -> "Perceptron":
        classes = sorted({c for _, c in examples} | {OUTSIDE})
        w: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(classes, 0.0))
        total: dict[str, dict[str, float]] = defaultdict(lambda: dict.fromkeys(classes, 0.0))
        stamp: dict[tuple[str, str], int] = defaultdict(int)
        rng = random.Random(seed)
        order = list(range(len(examples)))
        step = 0

        def update(f: str, c: str, delta: float) -> None:
            total[f][c] += (step - stamp[f, c]) * w[f][c]
            stamp[f, c] = step
            w[f][c] += delta

        for _ in range(epochs):
            rng.shuffle(order)
            for k in order:
                feats, gold = examples[k]
                step += 1
                scores = dict.fromkeys(classes, 0.0)
                for f in feats:
                    if f in w:
                        for c, v in w[f].items():
                            scores[c] += v
                guess = max(classes, key=lambda c: (scores[c], c == OUTSIDE))
                if guess != gold:
                    for f in feats:
                        update(f, gold, 1.0)
                        update(f, guess, -1.0)
        averaged = {}
        for f in sorted(w):
            row = {}
            for c in classes:
                t = total[f][c] + (step - stamp[f, c]) * w[f][c]
                if abs(t / step) >= 1e-4:
                    row[c] = round(t / step, 4)
            if row:
                averaged[f] = row
        return cls(averaged)


def sentence_view(doc: Doc, tag_of) -> tuple[list[tuple[int, int]], list[str], bytearray, dict[int, str], dict[int, str]]:
    """Tokens as character spans, their tags, the characters already in a name or value, and the
    types of the names by where they start and end."""
    text = doctext.text(doc)
    starts = doctext.token_starts(doc)
    tokens = list(zip(starts, starts[1:]))
    tags = [tag_of(text[s:e]) for s, e in tokens]
    covered = bytearray(len(text))
    labels, label_ends = {}, {}
    for group in ("entities", "values"):
        for sp in doc.spans[group] if group in doc.spans else ():
            covered[sp.start_char:sp.end_char] = b"\x01" * (sp.end_char - sp.start_char)
            labels[sp.start_char] = sp.label_
            label_ends[sp.end_char] = sp.label_
    return tokens, tags, covered, labels, label_ends


def featurise(doc: Doc, tag_of) -> list[tuple[int, int, list[str]]]:
    """(start, end, features) for every candidate of a tagged sentence."""
    text = doctext.text(doc)
    tokens, tags, covered, labels, label_ends = sentence_view(doc, tag_of)
    out = []
    for i, j, s, e in candidates(text, tokens, tags, covered):
        out.append((s, e, ["bias", *name_features(text[s:e], tags[i:j]),
                           *context_features(text, tokens, tags, i, j, s, e, labels, label_ends)]))
    return out


@Language.factory("hezuo_classifier", assigns=["doc.spans", "doc._.hezuo_entities"], requires=["doc.spans"],
                  default_config={"threshold": THRESHOLD})
def make_classifier(nlp: Language, name: str, threshold: float):
    return NameClassifier(nlp.tokenizer, threshold)


class NameClassifier:
    """Types the candidates with the perceptron; a candidate becomes a name when a type wins by
    more than ``threshold``.  Adds to ``doc.spans["entities"]`` and ``doc._.hezuo_entities``."""

    def __init__(self, tokenizer, threshold: float = 6.0, weights: dict | None = None):
        self.tokenizer = tokenizer
        self.threshold = threshold
        self.model = Perceptron(weights)

    def __call__(self, doc: Doc) -> Doc:
        if not self.model.weights or len(doc) < 2:
            return doc
        found = []
        gazetteer = self.tokenizer.gazetteer
        text = doctext.text(doc)
        for s, e, feats in featurise(doc, self.tokenizer.tag):
            label, margin = self.model.predict(feats)
            if label != OUTSIDE and margin > self.threshold:
                name = text[s:e]
                key = gazetteer.names.get(name)  # a known name the context guards left out: its entity
                if key is not None and gazetteer.types[key] != label:
                    continue
                found.append((s, e, key or f"{label.lower()}/{name}", label, "learned:classifier"))
        if found:
            starts = doctext.token_starts(doc)
            cuts = {x for s, e, *_ in found for x in (s, e)} - set(starts)
            if cuts:
                doc = doctext.split_tokens(doc, starts, cuts)
            span = doc.char_span
            doc.spans["entities"] = sorted([*doc.spans["entities"], *(span(s, e, label=t, span_id=k) for s, e, k, t, _ in found)],
                                           key=lambda sp: (sp.start, -sp.end))
            doc._.hezuo_entities = sorted([*(doc._.hezuo_entities or []), *found])
        return doc

    def to_disk(self, path, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / WEIGHTS_FILE, self.model.weights, indent=0)

    def from_disk(self, path, exclude=()) -> "NameClassifier":
        file = Path(path) / WEIGHTS_FILE
        self.model = Perceptron(srsly.read_json(file) if file.is_file() else {})
        return self

    def to_bytes(self, exclude=()) -> bytes:
        return srsly.msgpack_dumps(self.model.weights)

    def from_bytes(self, data: bytes, exclude=()) -> "NameClassifier":
        self.model = Perceptron(srsly.msgpack_loads(data))
        return self
