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
3. ``hezuo_entities``: the names chosen there — longest first, plus names nested in a
   meeting or project (中非合作论坛北京峰会 -> the meeting, the forum and 北京), plus the
   names found by ``kg.rules`` — become spans labelled with their type whose ``id`` is the
   entity key (``span.id_``), in ``doc.spans["entities"]``: what spaCy's ``SpanRuler`` gives
   with an id on each pattern, without matching every lexicon name a second time on tokens
   (that cost a fifth of the extraction time and found nothing the automaton had not).
4. ``hezuo_values``: money, percentages, dates, periods and counts into ``doc.spans["values"]``.

The tokenizer leaves what it found as plain data in ``doc.user_data["hezuo"]`` (``Found``)
for the components; the result leaves this module as plain ``kg.model.Mention`` objects.
"""

from __future__ import annotations

import itertools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator

import ahocorasick
import jieba
import jieba.posseg
import rjieba
import opencc
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from kg.extract import lexicon as lexicon_mod
from kg.extract import rules
from kg.model import Document, Mention
from kg.extract.values import find_values

jieba.setLogLevel(logging.WARNING)
_T2S = opencc.OpenCC("t2s")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")

# jieba POS tags for lexicon names in the user dictionary
_POS = {"COUNTRY": "ns", "REGION": "ns", "PLACE": "ns", "PERSON": "nr"}

FOUND = "hezuo"  # doc.user_data key of what the tokenizer found (plain data: Found)


class Found:
    """What the tokenizer found in a sentence, as plain data for the components after it:
    the text, its tokens as character spans, the chosen names ``(start, end, key)`` with their
    types, the values ``(start, end, type, value)``."""

    __slots__ = ("text", "tokens", "names", "types", "values", "_index")

    def __init__(self, text, tokens, names, types, values):
        self.text, self.tokens, self.names, self.types, self.values = text, tokens, names, types, values
        self._index = None

    def token_index(self) -> tuple[dict[int, int], dict[int, int]]:
        """Token index by the character where a token starts, and (one past) by where one ends."""
        if self._index is None:
            starts, ends = {}, {}
            for i, (s, e) in enumerate(self.tokens):
                starts[s] = i
                ends[e] = i + 1
            self._index = starts, ends
        return self._index


def to_simplified(text: str) -> str:
    out = _T2S.convert(text)
    if len(out) != len(text):  # a phrase conversion changed the length: go char by char
        out = "".join(c if len(s := _T2S.convert(c)) != 1 else s for c in text)
    return out


def _nfkc_tables() -> tuple[dict[int, str], re.Pattern]:
    """For str.translate: the characters NFKC maps to one other character; and a pattern of the
    characters it maps to none or several (those take the slow path that tracks offsets)."""
    table: dict[int, str] = {}
    irregular = []
    for cp in range(128, 0x10000):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        n = unicodedata.normalize("NFKC", c)
        if n != c:
            if len(n) == 1:
                table[cp] = n
            else:
                irregular.append(re.escape(c))
    return table, re.compile("[" + "".join(irregular) + r"\s\U00010000-\U0010FFFF]")


_NFKC_TABLE, _SLOW = _nfkc_tables()


def normalize(text: str) -> tuple[str, list[int] | range]:
    """Return the text to match on and, for each of its characters, the original offset."""
    if not _SLOW.search(text):  # the common case: every character maps to exactly one
        return to_simplified(text.translate(_NFKC_TABLE)), range(len(text))
    chars: list[str] = []
    offsets: list[int] = []
    n = len(text)
    # the nearest non-space character after each position (one pass, so long runs of spaces stay linear)
    after = [""] * (n + 1)
    for j in range(n - 1, -1, -1):
        after[j] = after[j + 1] if text[j].isspace() else text[j]
    prev = ""
    for i, c in enumerate(text):
        if c.isspace():
            if _CJK.match(prev or "a") and _CJK.match(after[i] or "a"):
                continue  # stray space inside Chinese text
        else:
            prev = c
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
        self.weak: dict[str, str] = {}  # form -> "token" | "title": names that are also ordinary words
        seen: dict[str, str] = {}
        for key, entry in lex.entries.items():
            self.types[key] = entry.type
            for name in entry.names:
                form = match_name(name)
                if len(form) < 2 or form in lexicon_mod.NEVER_NAMES:
                    continue
                if key in lexicon_mod.CATEGORY_KEYS:
                    continue
                kind = _weak_kind(entry, form)
                if kind == "quoted":
                    continue  # only the quoted alias (“幸福家园”) names it
                if kind:
                    self.weak[form] = kind
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

    def resolve(self, matches: list[tuple[int, int, str]], bounds: set[int] | None = None,
                text: str = "") -> list[tuple[int, int, str]]:
        """Longest match first; on a tie, the one that agrees with jieba's segmentation (``bounds``:
        its token edges; 其中亚洲 -> 亚洲, not 中亚), then the leftmost; plus names nested in a
        meeting, project, programme or forum, and places in a local institution's name."""
        chosen: list[tuple[int, int, str]] = []
        taken = set()
        aligned = (lambda s, e: 0 if s in bounds and e in bounds else 1) if bounds else (lambda s, e: 0)
        for s, e, k in sorted(matches, key=lambda m: (m[0] - m[1], aligned(m[0], m[1]), m[0])):
            if not taken.intersection(range(s, e)):
                chosen.append((s, e, k))
                taken.update(range(s, e))
        nested = [
            (s, e, k) for s, e, k in matches
            if (s, e, k) not in chosen and any(
                cs <= s and e <= ce and _nests(self.types[ck], self.types[k], text[cs:ce], text[s:e]) for cs, ce, ck in chosen)
        ]
        # only the largest names inside a name: 太平洋岛国 in a forum's name, not also 太平洋
        nested = [(s, e, k) for s, e, k in nested
                  if not any(ns <= s and e <= ne and (ns, ne) != (s, e) for ns, ne, _ in nested)]
        return sorted(chosen + nested)


_nests = rules.nests  # which names inside a name are entities of their own: a rule of the names grammar


def _crossing(found: list[tuple[int, int, str]]) -> bool:
    spans = sorted({(s, e) for s, e, _ in found})
    return any(b[0] < a[1] < b[1] and a[0] < b[0] for a, b in zip(spans, spans[1:]))


_TITLE_NEAR = re.compile("|".join(rules.TITLES))
_RULE_TRIGGER = re.compile("[" + re.escape("".join(sorted({suffix[-1] for suffix, _ in rules.SUFFIXES}))) + "“”《·•届]|"
                           + "|".join(rules.TITLES))
_WEAK_NOTE = re.compile(r"ordinary word|common personal name|also a place name|is generic")


def _weak_kind(entry: lexicon_mod.Entry, form: str) -> str | None:
    """Names that are also ordinary words (汪洋, 海口, 万象) count only in context."""
    if entry.type == "PERSON" and (len(form) == 2 or _WEAK_NOTE.search(entry.note)):
        return "title"
    if _WEAK_NOTE.search(entry.note) and "“" not in form and any("“" in a for a in entry.aliases):
        return "quoted"
    if _WEAK_NOTE.search(entry.note) or entry.type == "PLACE" and len(form) == 2:
        return "token"
    return None


class LexiconJiebaTokenizer:
    """jieba segmentation with lexicon names, values and rule names as token boundaries."""

    def __init__(self, vocab, gazetteer: Gazetteer, jieba_tokenizer: "rjieba.Jieba"):
        self.vocab = vocab
        self.gazetteer = gazetteer
        self.jieba = jieba_tokenizer
        self.tags = jieba.posseg.dt.word_tag_tab
        self._oov_tags: dict[str, str] = {}

    def __call__(self, text: str) -> Doc:
        found = self.gazetteer.find(text)
        bounds = self._bounds(text)  # jieba's own segmentation: one call per sentence
        if any(text[s:e] in self.gazetteer.weak for s, e, _ in found):
            found = self._drop_weak(text, found, bounds)
        matches = self.gazetteer.resolve(found, bounds if _crossing(found) else None, text)
        covered = bytearray(len(text))
        for s, e, _ in matches:
            covered[s:e] = b"\x01" * (e - s)
        values = [v for v in find_values(text) if not any(covered[v[0]:v[1]])]
        cuts = {0, len(text)}
        for s, e, *_ in values:
            cuts.update((s, e))
            covered[s:e] = b"\x01" * (e - s)
        # every name inside a chosen name cuts tokens, as when the name is tokenised alone (patterns)
        outer = [(s, e) for s, e, _ in matches]
        for s, e, _ in found:
            if any(os <= s and e <= oe for os, oe in outer):
                cuts.update((s, e))
        # jieba's boundaries, except inside a name or value (which stays one token between the
        # edges of the names nested in it)
        n = len(text)
        edges = sorted(cuts.union(b for b in bounds if not (0 < b < n and covered[b - 1] and covered[b])))
        spans = list(zip(edges, edges[1:]))
        names = self._rule_names(text, spans, matches, values)
        if names:
            matches = self._merge(text, matches, names)
            kept = {k for _, _, k in matches}
            extra = {x for s, e, k, *_ in names if k in kept for x in (s, e)}
            spans = _split_at(spans, extra)
        words = [text[s:e] for s, e in spans]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words))
        types = {k: (self.gazetteer.types[k], "lexicon") for _, _, k in matches if k in self.gazetteer.types}
        types.update((k, (t, r)) for _, _, k, t, r in names)
        doc.user_data[FOUND] = Found(text, spans, matches, types, values)
        return doc

    def _tag(self, word: str) -> str:
        tag = self.tags.get(word)
        if tag is None:
            tag = self._oov_tags.get(word)
            if tag is None:
                pieces = self.jieba.cut(word, False)
                tag = "?c" if len(pieces) > 1 and all(len(p) > 1 for p in pieces) else "?"
                if len(self._oov_tags) < 200_000:
                    self._oov_tags[word] = tag
        return tag

    def _bounds(self, text: str) -> set[int]:
        return {0, *itertools.accumulate(map(len, self.jieba.cut(text, True)))}

    def _drop_weak(self, text: str, found: list[tuple[int, int, str]], bounds: set[int]) -> list[tuple[int, int, str]]:
        keep = []
        for s, e, k in found:
            kind = self.gazetteer.weak.get(text[s:e])
            if kind and any(fs <= s and e <= fe and (fs, fe) != (s, e) and text[fs:fe] not in self.gazetteer.weak
                            for fs, fe, _ in found):
                kind = None  # part of a longer known name: 北京 in 中非合作论坛北京峰会
            if kind == "title" and not _TITLE_NEAR.search(text, max(0, s - 5), min(len(text), e + 5)):
                continue
            if kind == "token" and not (s in bounds and e in bounds):
                continue
            keep.append((s, e, k))
        return keep

    def _rule_names(self, text, spans, matches, values) -> list[tuple[int, int, str, str, str]]:
        if not _RULE_TRIGGER.search(text):
            return []  # no suffix, title, quote or ordinal: no rule can fire (about half the sentences)
        outer = [(s, e, k) for s, e, k in matches
                 if not any(cs <= s and e <= ce and (cs, ce) != (s, e) for cs, ce, _ in matches)]
        units: list[rules.Unit] = []
        ents = {s: (e, k) for s, e, k in outer}
        vals = {s: (e, t) for s, e, t, _ in values}
        marked = ents.keys() | vals.keys()
        tags, tag, Unit = self.tags, self._tag, rules.Unit
        i, n = 0, len(spans)
        while i < n:
            s, e = spans[i]
            if s in marked:
                if s in ents:
                    end, key = ents[s]
                    units.append(Unit(text[s:end], s, end, "ENT", self.gazetteer.types[key]))
                else:
                    end, typ = vals[s]
                    units.append(Unit(text[s:end], s, end, "VAL", typ))
                while i < n and spans[i][1] <= end:
                    i += 1
                continue
            w = text[s:e]
            units.append(Unit(w, s, e, tags.get(w) or tag(w)))
            i += 1
        found = []
        for f in rules.find(text, units):
            name = f.name or _clean_name(text[f.start:f.end])  # the rule may give the name's canonical form
            if name in self.gazetteer.names:  # a known name in another form: the lexicon's entity
                key = self.gazetteer.names[name]
                found.append((f.start, f.end, key, self.gazetteer.types[key], "lexicon"))
            else:
                found.append((f.start, f.end, f"{f.type.lower()}/{name}", f.type, f.rule))
        return found

    def _merge(self, text, matches, names):
        """Add rule names: longest first; known names win ties; parts of a meeting or project stay."""
        types = dict(self.gazetteer.types)
        types.update({k: t for _, _, k, t, _ in names})
        candidates = [(s, e, k, "lexicon") for s, e, k in matches] + [(s, e, k, r) for s, e, k, _, r in names]
        chosen: list[tuple[int, int, str, str]] = []
        for c in sorted(candidates, key=lambda c: (c[0] - c[1], c[3] != "lexicon", c[0])):
            s, e = c[0], c[1]
            clash = False
            for d in chosen:
                ds, de = d[0], d[1]
                if e <= ds or de <= s:
                    continue
                inside = ds <= s and e <= de
                if inside and _nests(types[d[2]], types[c[2]], text[ds:de], text[s:e]) and (s, e) != (ds, de):
                    continue
                clash = True
                break
            if not clash:
                chosen.append(c)
        return sorted((s, e, k) for s, e, k, _ in chosen)

    # spaCy calls these when it serialises a pipeline; ours is built from data, not saved
    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs):
        return self


def _split_at(spans: list[tuple[int, int]], cuts: set[int]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        inner = sorted(c for c in cuts if s < c < e)
        for c in inner:
            out.append((s, c))
            s = c
        out.append((s, e))
    return out


def _token_spans(doc: Doc, found: Found, items: list[tuple[int, int, str, str | int]]) -> list[Span]:
    """Spans for ``(start, end, label, span_id)`` character spans, by the tokens they begin and end on."""
    if not items:
        return []  # no token index to build
    starts, ends = found.token_index()
    out = []
    for s, e, label, span_id in items:
        i, j = starts.get(s), ends.get(e)
        if i is not None and j is not None:
            out.append(Span(doc, i, j, label=label, span_id=span_id))
    return out


@Language.component("hezuo_entities")
def entity_spans(doc: Doc) -> Doc:
    """The names the tokenizer chose (lexicon names by Aho-Corasick, longest first, with the names
    nested in a meeting or project; rule names) as spans labelled with their type whose ``id`` is
    the entity key, into ``doc.spans["entities"]`` — what a ``SpanRuler`` with an id on each
    pattern gives, without matching the lexicon a second time."""
    found: Found = doc.user_data[FOUND]
    doc.spans["entities"] = _token_spans(doc, found, [(s, e, found.types[k][0], k) for s, e, k in found.names])
    return doc


@Language.component("hezuo_values")
def tag_values(doc: Doc) -> Doc:
    """Money, percentages, dates, periods and counts into ``doc.spans["values"]``; each span's
    normalised value is in ``doc.user_data`` (``Found.values``), keyed by its start."""
    found: Found = doc.user_data[FOUND]
    doc.spans["values"] = _token_spans(doc, found, [(s, e, typ, 0) for s, e, typ, _ in found.values])
    return doc


def build_pipeline(lex: lexicon_mod.Lexicon | None = None) -> Language:
    lex = lex or lexicon_mod.load()
    gazetteer = Gazetteer(lex)
    tk = rjieba.Jieba()  # jieba's dictionary and algorithm (HMM included) in Rust: jieba-rs
    for form, key in gazetteer.names.items():
        tk.add_word(form, 100000, _POS.get(gazetteer.types[key], "nt"))
    nlp = spacy.blank("zh")
    nlp.tokenizer = LexiconJiebaTokenizer(nlp.vocab, gazetteer, tk)
    nlp.add_pipe("hezuo_entities")
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
        normed = (normalize(s.text if s.view is None else s.view) for s in document.sentences)
        normed, texts = _tee(normed)
        docs = self.nlp.pipe(texts)
        recent: list[Mention] = []  # entity mentions so far, for short references (论坛 -> 中非合作论坛)
        view = document.view
        for sentence, (_, offsets), doc in zip(document.sentences, normed, docs):
            tagged: Found = doc.user_data[FOUND]
            text = tagged.text
            values = {s: v for s, _, _, v in tagged.values}
            spans = sorted([(sp.start_char, sp.end_char, sp.label_, sp.id_, None) for sp in doc.spans["entities"]]
                           + [(sp.start_char, sp.end_char, sp.label_, "", values[sp.start_char])
                              for sp in doc.spans["values"]],
                           key=lambda sp: (sp[0], -sp[1]))
            if view is None:
                def span(a: int, b: int, _base=sentence.start, _o=offsets) -> tuple[int, int]:
                    return _base + _o[a], _base + _o[b - 1] + 1
            else:  # HTML: normalised text -> the sentence's visible text -> the original
                def span(a: int, b: int, _base=sentence.view_start, _o=offsets) -> tuple[int, int]:
                    return view.span(_base + _o[a], _base + _o[b - 1] + 1)
            found = []
            for a, b, label, key, value in spans:
                start, end = span(a, b)
                if value is None:
                    rule = tagged.types[key][1]
                else:
                    key, rule = f"{label.lower()}/{_value_key(value)}", "value"
                found.append(Mention(start, end, document.text[start:end], label, key, sentence.index,
                                     _clean_name(text[a:b]), rule, value))
            if _REFERENCE_HEAD.search(text):
                found.extend(self._references(document, sentence, span, tagged, spans, recent, found))
            found.sort(key=lambda m: (m.start, -m.end))
            recent.extend(m for m in found if not m.is_value)
            del recent[:-50]
            yield from found

    def _references(self, document, sentence, span, tagged: Found, spans, recent, found) -> Iterator[Mention]:
        """A bare head word (论坛, 峰会, 工业园, 议程 ...) that refers back to the last entity named
        with that head, within a few sentences: 中非合作论坛 ... 论坛成立20年来."""
        text = tagged.text
        covered = bytearray(len(text))
        for a, b, *_ in spans:
            covered[a:b] = b"\x01" * (b - a)
        for i, (s, e) in enumerate(tagged.tokens):
            word = text[s:e]
            head = REFERENCE_HEADS.get(word)
            if head is None or covered[s]:
                continue
            if i > 0:
                prev = text[tagged.tokens[i - 1][0]:s]
                if prev not in REFERENCE_DETERMINERS and not (
                        self.nlp.vocab[prev].is_punct or self.nlp.tokenizer.tags.get(prev, "x")[:1] in ("p", "c")):
                    continue  # 多边论坛, 区域基金: a generic noun, not a reference
            start, end = span(s, e)
            earlier = [m for m in [*recent, *(f for f in found if f.start < start)]
                       if m.type in head and m.name.endswith(word) and m.name != word
                       and sentence.index - m.sentence <= 3]
            if not earlier:
                continue
            ante = earlier[-1]
            yield Mention(start, end, document.text[start:end], ante.type, ante.key, sentence.index, word,
                          "reference:antecedent", None)


REFERENCE_HEADS = {"论坛": {"FORUM"}, "峰会": {"MEETING"}, "工业园": {"PROJECT"}, "园区": {"PROJECT"},
                   "议程": {"PROGRAMME"}, "基金": {"PROGRAMME", "ORG"}, "倡议": {"PROGRAMME"},
                   "走廊": {"PROGRAMME"}, "银行": {"ORG"}}
_REFERENCE_HEAD = re.compile("|".join(REFERENCE_HEADS))
REFERENCE_DETERMINERS = {"该", "本", "此", "这一", "上述", "本届", "这个", "该项"}


_NAME_MARKS = re.compile(r"[\s“”\"《》]")


def _clean_name(text: str) -> str:
    """A name without spaces, quotes and book-title marks (“幸福家园” -> 幸福家园)."""
    return _NAME_MARKS.sub("", text)


def _value_key(value: dict) -> str:
    return "".join(str(value[k]) for k in ("value", "amount", "unit") if k in value) + ("+" if value.get("at_least") else "")


def _tee(pairs: Iterable[tuple[str, list[int]]]):
    """Two views of a lazy stream of (text, offsets): the pairs, and the texts for nlp.pipe
    (which reads ahead by a batch), so a long document is never normalised all at once."""
    import itertools
    a, b = itertools.tee(pairs)
    return a, (text for text, _ in b)
