"""Entity and value tagging: a spaCy ``zh`` pipeline with jieba inside, lexicon spans with ids.

Per sentence (``Extractor.mentions``):

1. ``normalize``: NFKC, traditional -> simplified (OpenCC), white space between CJK
   characters dropped; an offset map leads every character back to the original text.
2. the tokenizer ``hezuo.LexiconJiebaTokenizer.v1`` (registered, a ``DummyTokenizer``): jieba
   (rjieba) with every lexicon name and every learned name (``patterns.jsonl``, the
   gold-trained span ruler of ``kg.extract.train``) as user dictionary, found by Aho-Corasick
   and kept whole as tokens, values too; it leaves them on the Doc as ``doc._.hezuo_names``
   and ``doc._.hezuo_values`` (plain data, serialisable).
3. ``hezuo_lexicon``: those names as spans with their type and entity key (``span.id_``) in
   ``doc.spans["lexicon"]``: what a ``SpanRuler`` with an id on each pattern gives.
4. ``hezuo_values``: money, percentages, dates, periods and counts into ``doc.spans["values"]``.
5. ``hezuo_rules``: names found by ``kg.extract.rules`` (over tokens, the lexicon spans and the
   value spans) merged with the dictionary names (longest first) into ``doc.spans["entities"]``
   and ``doc._.hezuo_entities``.

The pipeline is saved and loaded as spaCy saves any pipeline (``config.cfg``, ``meta.json``,
the tokenizer's patterns): ``nlp.to_disk(path)`` / ``spacy.load(path)``; the shipped one is in
``kg/extract/data/model/`` (``make train``).  The result leaves this module as plain
``kg.model.Mention`` objects.
"""

from __future__ import annotations

import csv
import functools
import itertools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import ahocorasick
import jieba
import jieba.posseg
import rjieba
import spacy
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry

from kg.errors import InputError
from kg.extract import doctext
from kg.extract import learned  # noqa: F401 - registers the hezuo_classifier factory
from kg.extract import lexicon as lexicon_mod
from kg.extract import rules
from kg.extract.chinese import to_simplified
from kg.model import Document, Mention
from kg.extract.values import find_values
from kg.resources import package_file

jieba.setLogLevel(logging.WARNING)
_CURRENCY_TAILS = {"元", "卢比", "里拉", "先令", "镑", "盾", "法郎", "比索", "兰特", "雷亚尔"}  # what follows a country in a currency
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]")

# jieba POS tags for lexicon names in the user dictionary
_POS = {"COUNTRY": "ns", "REGION": "ns", "PLACE": "ns", "PERSON": "nr"}


# the dots that join the parts of a foreign name (玛丽‧居里 in Taiwan's usage, 夏巴兹・谢里夫 on scraped pages):
# read as the middle dot ·, one character for one (offsets do not move)
_NAME_DOTS = {"\u2027": "·", "\u30fb": "·", "\uff65": "·"}


def _nfkc_tables() -> tuple[dict[int, str], re.Pattern]:
    """For str.translate: the characters NFKC maps to one other character; and a pattern of the
    characters it maps to none or several (those take the slow path that tracks offsets)."""
    table: dict[int, str] = {}
    irregular = []
    for cp in range(128, 0x10000):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF:
            continue
        n = _NAME_DOTS.get(c) or unicodedata.normalize("NFKC", c)
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
        norm = (_NAME_DOTS.get(c) or unicodedata.normalize("NFKC", c)) if ord(c) > 127 else c
        for ch in norm:
            chars.append(ch)
            offsets.append(i)
    return to_simplified("".join(chars)), offsets


def match_name(name: str) -> str:
    """The form a lexicon name is matched in (same normalisation as the text)."""
    return to_simplified(lexicon_mod.normalize_name(name))


class Gazetteer:
    """Aho-Corasick over every lexicon name: all matches, then the longest ones."""

    def __init__(self, lex: lexicon_mod.Lexicon, patterns: Iterable[dict] = (), tags: dict[str, str] | None = None):
        self.automaton = ahocorasick.Automaton()
        self.types: dict[str, str] = {}
        self.learned: set[str] = set()  # keys of entities known only from the learned patterns
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
        for p in patterns:  # learned names, with the same guards; a lexicon name keeps its entity
            form, key = match_name(p["pattern"]), p["id"]
            if len(form) < 2 or form in lexicon_mod.NEVER_NAMES or form in seen or key in lex.entries \
                    and self.types.get(key) != p["label"]:
                continue
            if key not in lex.entries:
                self.types[key] = p["label"]
                self.learned.add(key)
            kind = _learned_weak_kind(p["label"], form, tags or {})
            if kind:
                self.weak[form] = kind
            seen[form] = key
            self.automaton.add_word(form, (len(form), key))
        self.names = seen
        self.automaton.make_automaton()
        # words that hold a name across their own parts (发展中国家: 中国; 沿海地区: 海地): that name is no mention there
        self.compounds: dict[str, list[tuple[int, int]]] = {}
        for compound, name, start in _compound_rows():
            if match_name(name) in seen and match_name(compound) not in seen:
                self.compounds.setdefault(match_name(compound), []).append((start, start + len(name)))
        self.compound_automaton = ahocorasick.Automaton()
        for compound, spans in self.compounds.items():
            self.compound_automaton.add_word(compound, (len(compound), tuple(spans)))
        self.compound_automaton.make_automaton()

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
        if out and self.compounds:
            held = {(end + 1 - length + a, end + 1 - length + b)
                    for end, (length, spans) in self.compound_automaton.iter(text) for a, b in spans}
            if held:
                out = [m for m in out if (m[0], m[1]) not in held]
        return out

    def resolve(self, matches: list[tuple[int, int, str]], bounds: set[int] | None = None,
                text: str = "") -> list[tuple[int, int, str]]:
        """Longest match first; on a tie, the one that agrees with jieba's segmentation (``bounds``:
        its token edges; 其中亚洲 -> 亚洲, not 中亚), then the leftmost; plus names nested in a
        meeting, project, programme or forum, and places in a local institution's name."""
        ordered = sorted(matches)
        if all(a[1] <= b[0] for a, b in zip(ordered, ordered[1:])):
            return ordered  # no two overlap: every one is chosen (most sentences)
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
                cs <= s and e <= ce and k != ck and _nests(self.types[ck], self.types[k], text[cs:ce], text[s:e])
                for cs, ce, ck in chosen)  # not another name of the same entity (粮食计划署 in 世界粮食计划署)
        ]
        # only the largest names inside a name: 太平洋岛国 in a forum's name, not also 太平洋
        nested = [(s, e, k) for s, e, k in nested
                  if not any(ns <= s and e <= ne and (ns, ne) != (s, e) for ns, ne, _ in nested)]
        return sorted(chosen + nested)


_nests = rules.nests  # which names inside a name are entities of their own: a rule of the names grammar


@functools.lru_cache(maxsize=1)
def _compound_rows() -> tuple[tuple[str, str, int], ...]:
    """``data/lexicon/compounds.csv`` (made by ``data/sources/make_compounds.py``): (word, name, start)."""
    file = package_file("extract", "data", "lexicon", "compounds.csv")
    if not file.is_file():
        return ()
    with file.open(encoding="utf-8", newline="") as f:
        return tuple((r["compound"], r["name"], int(r["start"])) for r in csv.DictReader(f))


def _crossing(found: list[tuple[int, int, str]]) -> bool:
    spans = sorted({(s, e) for s, e, _ in found})
    return any(b[0] < a[1] < b[1] and a[0] < b[0] for a, b in zip(spans, spans[1:]))


_PLACE_TAILS = ("地区", "省", "市", "县", "一带", "境内", "全境")
_TITLE_NEAR = rules.ANY_TITLE
# what a sentence must hold for a rule name: a character (a suffix's last, a quote, a dot, 届) or a word (a title,
# a trigger); two patterns, each of which re scans quickly (one pattern of both tries every word at every position)
_RULE_TRIGGER_CHAR = re.compile("[" + re.escape("".join(sorted({suffix[-1] for suffix, _ in rules.SUFFIXES
                                                                    if suffix not in rules.WORD_TRIGGERED}))) + "“”《·•届]")
_RULE_TRIGGER_WORD = re.compile("|".join(map(re.escape, rules.TITLES + rules.TRIGGERS)))
_CHIEF_BEFORE = re.compile("(?:" + "|".join(sorted({t for t in rules.TITLES if t.endswith("长") and len(t) >= 2
                                                      and t[-2] not in "省市州县"},  # (湖南省|长沙: a place in a place)
                                                     key=len, reverse=True)) + ")$")
_WEAK_NOTE = re.compile(r"ordinary word|common personal name|also a place name|is generic")


def _learned_weak_kind(label: str, form: str, tags: dict[str, str]) -> str | None:
    """A learned name that is also an ordinary word counts only in context, as in the lexicon: a
    two-character person only near a title; a word of jieba's dictionary that is not a proper
    noun (and a two-character place) only where jieba's own segmentation has it as a word."""
    if label == "PERSON" and len(form) <= 3:
        return "title" if len(form) == 2 or tags.get(form, "nr")[:2] != "nr" else None
    tag = tags.get(form)
    if tag is not None and tag not in rules.PROPER_TAGS or label == "PLACE" and len(form) == 2:
        return "token"
    return None


def _weak_kind(entry: lexicon_mod.Entry, form: str) -> str | None:
    """Names that are also ordinary words (汪洋, 海口, 万象) count only in context."""
    if entry.type == "PERSON" and (len(form) == 2 or _WEAK_NOTE.search(entry.note)):
        return "title"
    if _WEAK_NOTE.search(entry.note) and "“" not in form and any("“" in a for a in entry.aliases):
        return "quoted"
    if _WEAK_NOTE.search(entry.note) or entry.type == "PLACE" and len(form) == 2:
        return "token"
    return None


def _doc_extension(name: str) -> None:
    if not Doc.has_extension(name):
        Doc.set_extension(name, default=None)


# The state the stages pass on, as plain (msgpack-serialisable) data on the Doc:
#   doc._.hezuo_names    [(start, end, key, type, source)]: dictionary names the tokenizer kept whole
#                        (source "lexicon", or "learned" for names of the gold-trained patterns)
#   doc._.hezuo_values   [(start, end, type, value)]: values the tokenizer kept whole, normalised
#   doc._.hezuo_entities [(start, end, key, type, source)]: the names chosen (lexicon, learned, rules)
for _name in ("hezuo_names", "hezuo_values", "hezuo_entities"):
    _doc_extension(_name)


# Words of the genre that jieba's dictionary tags as proper names (深化 j, 友谊 nr, 惠及 ns, 光伏 j, 惠民 nr):
# common words, so that they anchor no name (小型光伏发电项目, 惠民工程 are kinds of project, not names)
COMMON_WORD_TAGS = {w: t for t, words in (
    ("v", "深化 惠及 惠民 崇尚 中断 弘扬 改扩建 最大化 本地化 治国 夷平 同化 研发 广泛开展 重建家园 高度肯定 相衔接 统一安排 修铁路 施以援"),
    ("n", "城市 福祉 宣言 深度 范畴 顾问 通信 环保 智慧 贡献者 大国 文明 原始森林 幸存者 友谊 交通运输 中医 麻醉 医学专业 小岛屿 廉政 "
          "明珠 航空运输 安全性 仓储 白皮书 玉米 特惠 大城市 港口城市 楼宇 麻醉机 光伏 新进展"),
    ("a", "古老 公正 宝贵 崇高 美丽"), ("b", "非政府"), ("i", "任重道远 言必信"))
    for w in words.split()}


class LexiconJiebaTokenizer(DummyTokenizer):
    """jieba segmentation (rjieba) that keeps dictionary names and values whole.

    An Aho-Corasick automaton over every name of the lexicon and of the learned patterns finds
    names on characters, longest first; values are found by ``kg.extract.values``.  Their edges
    become forced token boundaries and jieba (with the names as user dictionary) segments the
    text between them, so every known name is token-aligned, even names jieba's user dictionary
    cannot keep whole (with —, ·, - or %, jieba #536), and 苏丹 never matches inside 南苏丹.
    What it kept whole goes on the Doc (``doc._.hezuo_names``, ``doc._.hezuo_values``).

    Its serialised state is the learned patterns (``patterns.jsonl``, SpanRuler's format:
    ``{"label", "pattern", "id"}`` plus the gold ``qid``); the lexicon is package data.
    """

    def __init__(self, vocab, lex: lexicon_mod.Lexicon | None = None, patterns: Iterable[dict] = ()):
        self.vocab = vocab
        self.tags = {**jieba.posseg.dt.word_tag_tab, **COMMON_WORD_TAGS}  # (a copy: jieba's own table stays as it is)
        self._oov_tags: dict[str, str] = {}
        self._lexicon = lex
        self.patterns: list[dict] = list(patterns)
        self._gazetteer: Gazetteer | None = None
        self._jieba: rjieba.Jieba | None = None

    # the gazetteer and jieba are built on first use, after from_disk has set the patterns
    @property
    def lexicon(self) -> lexicon_mod.Lexicon:
        return self._lexicon or lexicon_mod.load()

    def set_lexicon(self, lex: lexicon_mod.Lexicon) -> None:
        self._lexicon = lex
        self._gazetteer = self._jieba = None

    def set_patterns(self, patterns: Iterable[dict]) -> None:
        self.patterns = sorted(patterns, key=lambda p: (p["id"], p["pattern"], p["label"]))
        self._gazetteer = self._jieba = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = Gazetteer(self.lexicon, self.patterns, self.tags)
        return self._gazetteer

    @property
    def jieba(self) -> "rjieba.Jieba":
        if self._jieba is None:
            tk = rjieba.Jieba()  # jieba's dictionary and algorithm (HMM included) in Rust: jieba-rs
            gazetteer = self.gazetteer
            for form, key in gazetteer.names.items():
                tk.add_word(form, 100000, _POS.get(gazetteer.types[key], "nt"))
            self._jieba = tk
        return self._jieba

    def __call__(self, text: str) -> Doc:
        gazetteer = self.gazetteer
        found = gazetteer.find(text)
        bounds = self._bounds(text)  # jieba's own segmentation: one call per sentence
        if any(text[s:e] in gazetteer.weak for s, e, _ in found):
            found = self._drop_weak(text, found, bounds)
        matches = gazetteer.resolve(found, bounds if _crossing(found) else None, text)
        all_values = find_values(text)
        if matches and any(v[2] == "MONEY" for v in all_values):
            # 20万新西兰元, 1500万巴基斯坦卢比: a country named in the currency of a sum is no name of the text
            matches = [(s, e, k) for s, e, k in matches if not any(
                v[2] == "MONEY" and v[0] < s and e < v[1] and text[e:v[1]] in _CURRENCY_TAILS for v in all_values)]
        covered = bytearray(len(text))
        for s, e, _ in matches:
            covered[s:e] = b"\x01" * (e - s)
        values = [v for v in all_values if not any(covered[v[0]:v[1]])]
        cuts = {0, len(text)}
        inside: set[int] = set()  # every character of a name or value but its first
        for s, e, *_ in values:
            cuts.update((s, e))
            inside.update(range(s + 1, e))
        # every name inside a chosen name cuts tokens, as when the name is tokenised alone (patterns)
        outer = [(s, e) for s, e, _ in matches]
        for s, e in outer:
            inside.update(range(s + 1, e))
        for s, e, _ in found:
            if any(os <= s and e <= oe for os, oe in outer):
                cuts.update((s, e))
        # jieba's boundaries, except inside a name or value (which stays one token between the
        # edges of the names nested in it; the edges of every name and value are cuts)
        edges = sorted(cuts.union(bounds.difference(inside)))
        words = [text[s:e] for s, e in zip(edges, edges[1:])]
        doc = Doc(self.vocab, words=words, spaces=[False] * len(words),
                  user_data={doctext.TEXT: text, doctext.STARTS: edges})
        types, learned, ext = gazetteer.types, gazetteer.learned, doc._
        ext.hezuo_names = [(s, e, k, types[k], "learned" if k in learned else "lexicon") for s, e, k in matches]
        ext.hezuo_values = values
        return doc

    def tag(self, word: str) -> str:
        """jieba's dictionary POS of a token; "?" for a word it does not know, "?c" for one made of known words."""
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
        weak = self.gazetteer.weak
        for s, e, k in found:
            kind = weak.get(text[s:e])
            if kind and any(fs <= s and e <= fe and (fs, fe) != (s, e) and text[fs:fe] not in weak
                            for fs, fe, _ in found):
                kind = None  # part of a longer known name: 北京 in 中非合作论坛北京峰会
            if kind == "title" and not _TITLE_NEAR.search(text, max(0, s - 5), min(len(text), e + 5)):
                continue
            if kind and text[s] == "长" and _CHIEF_BEFORE.search(text, max(0, s - 4), s + 1):
                continue  # 外|长沙|伦赛: the 长 of a chief's title (外长) before a name, not the city 长沙
            if kind == "token" and not (s in bounds and (e in bounds or any(
                    text.startswith(t, e) and e + len(t) in bounds for t in _PLACE_TAILS) or any(
                    fs == e and fe in bounds and text[fs:fe] not in weak for fs, fe, _ in found))):
                continue  # (青海地区, 西藏地区: jieba's one word is the place and a head after it; 纽约|联合国总部:
                # the place and another known name)
            keep.append((s, e, k))
        return keep

    # serialisation: the learned patterns (the lexicon is package data, loaded by name)
    def to_bytes(self, **kwargs) -> bytes:
        return srsly.msgpack_dumps({"patterns": self.patterns})

    def from_bytes(self, data: bytes, **kwargs) -> "LexiconJiebaTokenizer":
        self.set_patterns(srsly.msgpack_loads(data).get("patterns", []))
        return self

    def to_disk(self, path, **kwargs) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / PATTERNS_FILE, self.patterns)

    def from_disk(self, path, **kwargs) -> "LexiconJiebaTokenizer":
        file = Path(path) / PATTERNS_FILE
        self.set_patterns(srsly.read_jsonl(file) if file.is_file() else [])
        return self


PATTERNS_FILE = lexicon_mod.PATTERNS_FILE


@registry.tokenizers("hezuo.LexiconJiebaTokenizer.v1")
def create_tokenizer():
    def make(nlp: Language) -> LexiconJiebaTokenizer:
        return LexiconJiebaTokenizer(nlp.vocab)
    return make


_token_starts = doctext.token_starts


_spans = doctext.spans


@Language.factory("hezuo_lexicon", assigns=["doc.spans"])
def make_lexicon_spans(nlp: Language, name: str):
    return LexiconSpans()


class LexiconSpans:
    """The dictionary names the tokenizer kept whole (lexicon and learned patterns: longest first,
    with the names nested in a meeting, project, programme or forum) as spans labelled with their
    type whose ``id`` is the entity key, into ``doc.spans["lexicon"]`` — what spaCy's ``SpanRuler``
    gives with an id on each pattern, without matching every name a second time on tokens."""

    def __call__(self, doc: Doc) -> Doc:
        names = doc._.hezuo_names or []
        doc.spans["lexicon"] = _spans(doc, _token_starts(doc), ((s, e, t, k) for s, e, k, t, _ in names)) \
            if names else []
        return doc


@Language.factory("hezuo_rules", assigns=["doc.spans", "doc._.hezuo_entities"], requires=["doc.spans"])
def make_rule_names(nlp: Language, name: str):
    return RuleNames(nlp.tokenizer)


class RuleNames:
    """Names the dictionaries do not know, by ``kg.extract.rules`` (head nouns, titles, quotes,
    ordinals) over units (tokens with jieba's POS; a name or value already found is one unit),
    merged with the dictionary names (longest first; known names win ties; parts of a meeting or
    project stay): ``doc.spans["entities"]`` and ``doc._.hezuo_entities``.  A rule name whose
    edge falls inside a token splits it (the Doc is rebuilt with the same extensions)."""

    def __init__(self, tokenizer: LexiconJiebaTokenizer):
        self.tokenizer = tokenizer

    def __call__(self, doc: Doc) -> Doc:
        text, ext = doctext.text(doc), doc._
        names, lexicon = ext.hezuo_names or [], doc.spans["lexicon"]
        if len(lexicon) == len(names):  # every name the tokenizer kept is a span (always): no Span to read
            chosen = list(names)
        else:
            learned = self.tokenizer.gazetteer.learned
            chosen = [(sp.start_char, sp.end_char, sp.id_, sp.label_, "learned" if sp.id_ in learned else "lexicon")
                      for sp in lexicon]
        starts = None
        # no suffix, title, quote or ordinal: no rule can fire (half the sentences)
        if _RULE_TRIGGER_CHAR.search(text) or _RULE_TRIGGER_WORD.search(text):
            starts = _token_starts(doc)
            values = ext.hezuo_values or []
            if len(doc.spans["values"]) == len(values):  # (always)
                values = [(s, e, t) for s, e, t, _ in values]
            else:
                values = [(sp.start_char, sp.end_char, sp.label_) for sp in doc.spans["values"]]
            names = self._rule_names(text, starts, chosen, values)
            if names:
                chosen, lexicon = _merge(text, chosen, names), None  # (no longer the entities' spans)
                edges = set(starts)
                cuts = {x for s, e, *_ in chosen for x in (s, e)} - edges
                if cuts:
                    doc = _split_tokens(doc, starts, cuts)
                    starts = None
        doc._.hezuo_entities = chosen
        if not chosen:
            doc.spans["entities"] = []
        elif lexicon is not None:  # no rule name: the dictionary names' spans, as they are
            doc.spans["entities"] = list(lexicon)
        else:
            doc.spans["entities"] = _spans(doc, starts or _token_starts(doc), ((s, e, t, k) for s, e, k, t, _ in chosen))
        return doc

    def _rule_names(self, text, starts, names, values) -> list[tuple[int, int, str, str, str]]:
        gazetteer = self.tokenizer.gazetteer
        inner = _inner(names)
        units: list[rules.Unit] = []
        ents = {s: (e, t) for s, e, _, t, _ in names if (s, e) not in inner}
        vals = {s: (e, t) for s, e, t in values}
        marked = ents.keys() | vals.keys()
        tags, tag, Unit = self.tokenizer.tags, self.tokenizer.tag, rules.Unit
        i, n = 0, len(starts) - 1
        while i < n:
            s, e = starts[i], starts[i + 1]
            if s in marked:  # a name or value found before: one unit
                end, typ = ents[s] if s in ents else vals[s]
                units.append(Unit(text[s:end], s, end, "ENT" if s in ents else "VAL", typ))
                while i < n and starts[i + 1] <= end:
                    i += 1
                continue
            w = text[s:e]
            units.append(Unit(w, s, e, tags.get(w) or tag(w)))
            i += 1
        found = []
        for f in rules.find(text, units):
            name = f.name or _clean_name(text[f.start:f.end])  # the rule may give the name's canonical form
            if name not in gazetteer.names and f.type == "ORG" and (base := _CORPORATE.sub("", name)) != name \
                    and gazetteer.types.get(gazetteer.names.get(base, "")) == "ORG":
                name = base  # 中国电建集团, 中国电建集团公司: the known company 中国电建 by its legal form
            if name in gazetteer.names and not (f.rule == rules.PERSON_NOT_PLACE
                                                and gazetteer.types[gazetteer.names[name]] != "PERSON"):
                # a known name in another form: the lexicon's entity (not a town's for a person named like it)
                key = gazetteer.names[name]
                found.append((f.start, f.end, key, gazetteer.types[key],
                              "learned" if key in gazetteer.learned else "lexicon"))
            else:
                found.append((f.start, f.end, f"{f.type.lower()}/{name}", f.type, f.rule))
        return found


_CORPORATE = re.compile(r"(?:集团)?(?:股份)?(?:有限)?(?:责任)?公司$|集团$")  # a company's legal form


def _inner(names: list[tuple]) -> set[tuple[int, int]]:
    """The (start, end) of the names inside another name of other extent: one sweep by start."""
    inside: set[tuple[int, int]] = set()
    if len(names) < 2:
        return inside
    reach = group_start = group_end = -1  # the furthest end of the names that start before this one's start
    for s, e in sorted({(n[0], n[1]) for n in names}, key=lambda se: (se[0], -se[1])):
        if s != group_start:
            reach, group_start, group_end = max(reach, group_end), s, e
        if reach >= e or group_end > e:
            inside.add((s, e))
    return inside


def _inside_transliteration(text: str, outer_start: int, s: int, typ: str, chosen: list[tuple]) -> bool:
    """Whether a known country or place at ``s``, inside a rule name starting at ``outer_start``, goes on a
    transliteration: the character before it is one of transliterations (苏, 穆), no direction (东|爪哇省), and
    the end of no other name (吉尔吉斯斯坦|伊塞克湖)."""
    if typ not in ("COUNTRY", "PLACE") or s <= outer_start:
        return False
    c = text[s - 1]
    return c in rules.TRANSLIT and c not in rules.FUNCTION_CHARS and c not in rules.DIRECTIONS \
        and not any(f[1] == s and f[0] < s for f in chosen) \
        and (s - 1 == outer_start or text[s - 2] not in rules.TRANSLIT
             or any(f[1] == s - 1 for f in chosen))


def _merge(text: str, names: list[tuple], rule_names: list[tuple]) -> list[tuple]:
    """Add rule names to the dictionary names: longest first; known names win ties; parts of a
    meeting or project stay."""
    chosen: list[tuple] = []
    # (a person named after a title like a place the lexicon knows wins the tie: 财政部长|恩戈齐|指出)
    for c in sorted([*names, *rule_names], key=lambda c: (c[0] - c[1], c[4] not in ("lexicon", "learned", rules.PERSON_NOT_PLACE),
                                                          c[4] != rules.PERSON_NOT_PLACE, c[0])):
        s, e = c[0], c[1]
        clash = False
        for d in chosen:
            ds, de = d[0], d[1]
            if e <= ds or de <= s:
                continue
            if ds <= s and e <= de and (s, e) != (ds, de) and c[2] != d[2] and _nests(d[3], c[3], text[ds:de], text[s:e]):
                if c[4] in ("lexicon", "learned") and _inside_transliteration(text, ds, s, c[3], chosen):
                    clash = True  # 苏|丹麦|洛维大坝, 穆|哈马尔|学校: a known name inside a longer transliteration
                    break
                continue
            if ds <= s and e <= de and any(  # 比雷埃夫斯 in 比雷埃夫斯港 in 比雷埃夫斯港港务局: a part of a part that nests
                    ds <= f[0] and f[1] <= de and f[0] <= s and e <= f[1] and (s, e) != (f[0], f[1]) and f is not d
                    and c[2] != f[2] and _nests(f[3], c[3], text[f[0]:f[1]], text[s:e]) for f in chosen):
                continue
            clash = True
            break
        if not clash:
            chosen.append(c)
    return sorted(chosen)


_split_tokens = doctext.split_tokens


@Language.factory("hezuo_values", assigns=["doc.spans"])
def make_value_spans(nlp: Language, name: str):
    return ValueSpans()


class ValueSpans:
    """Money, percentages, dates, periods and counts the tokenizer kept whole, into
    ``doc.spans["values"]``; each one's normalised value is in ``doc._.hezuo_values``."""

    def __call__(self, doc: Doc) -> Doc:
        values = doc._.hezuo_values or []
        doc.spans["values"] = _spans(doc, _token_starts(doc), ((s, e, t, "") for s, e, t, _ in values)) \
            if values else []
        return doc


PIPELINE = ("hezuo_lexicon", "hezuo_values", "hezuo_rules", "hezuo_classifier")
SHIPPED_MODEL = package_file("extract", "data", "model")


def build_pipeline(lex: lexicon_mod.Lexicon | None = None, patterns: Iterable[dict] = (),
                   weights: dict | None = None) -> Language:
    """A fresh pipeline: the tokenizer with the lexicon (and learned patterns, if any), then the
    components (the name classifier with ``weights``, if any)."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "hezuo.LexiconJiebaTokenizer.v1"}}})
    if lex is not None:
        nlp.tokenizer.set_lexicon(lex)
    nlp.tokenizer.set_patterns(patterns)
    for name in PIPELINE:
        nlp.add_pipe(name)
    if weights:
        nlp.get_pipe("hezuo_classifier").model = learned.Perceptron(weights)
    nlp.meta.update(name="hezuo", version="1.0.0",
                    description="hezuo-kg tagger: jieba with the lexicon and gold-learned names as user dictionary, "
                                "rule names (head nouns, titles, quotes, ordinals), values")
    return nlp


def load_pipeline(model_dir: Path | None = None, lex: lexicon_mod.Lexicon | None = None) -> Language:
    """The pipeline saved in ``model_dir`` (``nlp.to_disk``); None: the shipped one, or a fresh pipeline
    without learned names if none is shipped."""
    path = Path(str(model_dir if model_dir is not None else SHIPPED_MODEL))
    if model_dir is None and not (path / "config.cfg").is_file():
        return build_pipeline(lex)
    if not (path / "config.cfg").is_file():
        raise InputError(str(path), "not a pipeline folder (no config.cfg); make one with `make train`")
    nlp = spacy.load(path)
    if lex is not None:
        nlp.tokenizer.set_lexicon(lex)
    return nlp


class Extractor:
    """Turns documents into mentions.  Build once, reuse: the pipeline takes a second.

    ``model_dir``: a pipeline folder written by ``kg.extract.train.fit`` (None: the shipped one)."""

    def __init__(self, lex: lexicon_mod.Lexicon | None = None, model_dir: Path | None = None):
        self.nlp = load_pipeline(model_dir, lex)
        self.lexicon = lexicon_mod.with_learned(lex or lexicon_mod.load(), self.nlp.tokenizer.patterns)

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
            text = doctext.text(doc)
            ext = doc._
            entities, values = ext.hezuo_entities or [], ext.hezuo_values or []
            sources = {k: src for _, _, k, _, src in entities}
            if len(doc.spans["entities"]) == len(entities) and len(doc.spans["values"]) == len(values):
                # every name and value is a span (always; no two names of one extent): no Span to read
                spans = [(s, e, t, k, None) for s, e, k, t, _ in entities] + [(s, e, t, "", v) for s, e, t, v in values]
            else:
                by_start = {s: v for s, _, _, v in values}
                spans = [(sp.start_char, sp.end_char, sp.label_, sp.id_, None) for sp in doc.spans["entities"]] \
                    + [(sp.start_char, sp.end_char, sp.label_, "", by_start[sp.start_char]) for sp in doc.spans["values"]]
            spans.sort(key=lambda sp: (sp[0], -sp[1]))
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
                    rule = sources[key]
                else:
                    key, rule = f"{label.lower()}/{_value_key(value)}", "value"
                found.append(Mention(start, end, document.text[start:end], label, key, sentence.index,
                                     _clean_name(text[a:b]), rule, value))
            if _REFERENCE_HEAD.search(text):
                found.extend(self._references(document, sentence, span, doc, spans, recent, found))
            found.sort(key=lambda m: (m.start, -m.end))
            recent.extend(m for m in found if not m.is_value)
            del recent[:-50]
            yield from found

    def _references(self, document, sentence, span, doc: Doc, spans, recent, found) -> Iterator[Mention]:
        """A bare head word (论坛, 峰会, 工业园, 议程 ...) that refers back to the last entity named
        with that head, within a few sentences: 中非合作论坛 ... 论坛成立20年来."""
        text = doctext.text(doc)
        covered = bytearray(len(text))
        for a, b, *_ in spans:
            covered[a:b] = b"\x01" * (b - a)
        starts = _token_starts(doc)
        tags = self.nlp.tokenizer.tags
        for i in range(len(starts) - 1):
            s, e = starts[i], starts[i + 1]
            word = text[s:e]
            head = REFERENCE_HEADS.get(word)
            if head is None or covered[s]:
                continue
            if i > 0:
                prev = text[starts[i - 1]:s]
                if prev not in REFERENCE_DETERMINERS and not (
                        self.nlp.vocab[prev].is_punct or tags.get(prev, "x")[:1] in ("p", "c")):
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


_NAME_MARKS = re.compile(r"[\s“”\"《》「」『』]")  # (「光华」: the corner quotes of traditional text too)


def _clean_name(text: str) -> str:
    """A name without spaces, quotes and book-title marks (“幸福家园” -> 幸福家园)."""
    return _NAME_MARKS.sub("", text)


def _value_key(value: dict) -> str:
    return "".join(str(value[k]) for k in ("value", "amount", "unit") if k in value) + ("+" if value.get("at_least") else "")


def _tee(pairs: Iterable[tuple[str, list[int]]]):
    """Two views of a lazy stream of (text, offsets): the pairs, and the texts for nlp.pipe
    (which reads ahead by a batch), so a long document is never normalised all at once."""
    a, b = itertools.tee(pairs)
    return a, (text for text, _ in b)
