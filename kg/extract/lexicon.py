"""The gazetteer: every known entity with its key, type, names and links.

Data files live in ``kg/extract/data/lexicon/``: ``countries.csv``, ``regions.csv`` and
``organizations.csv`` are the verified reference tables (with Wikidata / GeoNames /
DBpedia ids); ``entities.csv`` holds our own entries (forums, meetings, programmes,
projects, persons, places, Chinese bodies).  Plain data: no spaCy, no jieba, no RDF.
"""

from __future__ import annotations

import copy
import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from kg.resources import package_file

from kg.model import ENTITY_TYPES

# Strings that must never be matched as names on their own (see the data README:
# ambiguous between a country/region and an adjective or another entity).
NEVER_NAMES = frozenset({"中非", "中美", "刚果", "论坛", "峰会"})
# M49 entries that are categories, not places, by the annotation guide (发展中国家 is a category)
# or too common as words (世界): kept for linking, never tagged.
CATEGORY_KEYS = frozenset({"region/001", "region/199", "region/432", "region/722"})


@dataclass
class Entry:
    key: str
    type: str
    name_zh: str
    name_en: str = ""
    aliases: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)  # wikidata, geonames, dbpedia, iso2, iso3, m49
    part_of: str = ""  # meeting -> forum key, project -> programme key
    location: str = ""  # meeting/project -> place or country key
    date: str = ""  # meeting date, ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD)
    note: str = ""

    @property
    def names(self) -> list[str]:
        return [self.name_zh, *self.aliases]


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _split(cell: str | None) -> list[str]:
    if not cell:
        return []
    return [a for a in map(str.strip, cell.split("|")) if a]


def _rows(name: str):
    with package_file("extract", "data", "lexicon", name).open(encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _countries():
    for r in _rows("countries.csv"):
        links = {"wikidata": r["wikidata"], "geonames": r["geonames"], "dbpedia": r["dbpedia"],
                 "iso2": r["iso2"], "iso3": r["iso3"]}
        yield Entry(f"country/{r['iso3']}", "COUNTRY", r["name_zh"], r["name_en"], _split(r["aliases_zh"]),
                    {k: v for k, v in links.items() if v})


def _regions():
    for r in _rows("regions.csv"):
        key = f"region/{r['m49']}" if r["m49"] else f"region/{slug(r['name_en'])}"
        links = {"wikidata": r["wikidata"], "m49": r["m49"]}
        yield Entry(key, "REGION", r["name_zh"], r["name_en"], _split(r["aliases_zh"]),
                    {k: v for k, v in links.items() if v})


def _organizations():
    for r in _rows("organizations.csv"):
        key = f"{r['type'].lower()}/{slug(r['name_en'])}"
        links = {"wikidata": r["wikidata"]} if r["wikidata"] else {}
        aliases = _split(r["aliases_zh"])
        if r["acronym"]:
            aliases.append(r["acronym"])
        yield Entry(key, r["type"], r["name_zh"], r["name_en"], aliases, links)


def _own():
    for r in _rows("entities.csv"):
        links = {"wikidata": r["wikidata"]} if r.get("wikidata") else {}
        yield Entry(r["key"], r["type"], r["name_zh"], r.get("name_en", ""), _split(r.get("aliases_zh")), links,
                    part_of=r.get("part_of", ""), location=r.get("location", ""), date=r.get("date", ""),
                    note=r.get("note", ""))


class Lexicon:
    """All entries by key, and a name -> key index over every surface form."""

    def __init__(self, entries):
        self.entries: dict[str, Entry] = {}
        self.by_name: dict[str, str] = {}
        for e in entries:
            if e.type not in ENTITY_TYPES:
                raise ValueError(f"lexicon entry {e.key}: unknown type {e.type!r}")
            if e.key in self.entries:
                raise ValueError(f"lexicon key {e.key} is used twice")
            self.entries[e.key] = e
            for name in e.names:
                norm = normalize_name(name)
                if not norm or norm in NEVER_NAMES:
                    continue
                other = self.by_name.setdefault(norm, e.key)
                if other != e.key:
                    raise ValueError(f"lexicon name {name!r} names both {other} and {e.key}")

    def __getitem__(self, key: str) -> Entry:
        return self.entries[key]

    def get(self, key: str) -> Entry | None:
        return self.entries.get(key)

    def __len__(self) -> int:
        return len(self.entries)


_SPACE = re.compile(r"\s+")


def normalize_name(name: str) -> str:
    """The form names are compared in: NFKC, no white space."""
    if unicodedata.is_normalized("NFKC", name) and not _SPACE.search(name):
        return name  # most names: no work (the gazetteer holds tens of thousands)
    return _SPACE.sub("", unicodedata.normalize("NFKC", name))


def _places(entries: list[Entry]) -> list[Entry]:
    """Cities and provinces of the world (``places.csv``, made by ``data/sources/make_places.py``
    from GeoNames, CLDR and ISO 3166-2 names): new entries, or a GeoNames id / ISO code and more
    names for a place our own entries already have."""
    if not package_file("extract", "data", "lexicon", "places.csv").is_file():
        return []
    by_key = {e.key: e for e in entries}
    country = {e.links["iso2"]: e.key for e in entries if e.type == "COUNTRY" and "iso2" in e.links}
    new = []
    with package_file("extract", "data", "lexicon", "places.csv").open(encoding="utf-8", newline="") as f:
        rows = csv.reader(f)  # plain rows: the file is large and loaded in every worker
        header = next(rows)
        col = {name: i for i, name in enumerate(header)}
        k_key, k_name, k_alias, k_en, k_country = (col[c] for c in ("key", "name_zh", "aliases_zh", "name_en", "country"))
        k_links = [(c, col[c]) for c in ("geonames", "iso3166_2", "wikidata", "dbpedia") if c in col]
        for row in rows:
            links = {c: row[i] for c, i in k_links if row[i]}
            old = by_key.get(row[k_key])
            if old is None:
                new.append(Entry(row[k_key], "PLACE", row[k_name], row[k_en], _split(row[k_alias]), links,
                                 location=country.get(row[k_country], "")))
                continue
            names = [row[k_name], *_split(row[k_alias])]
            for k, v in links.items():
                old.links.setdefault(k, v)
            old.aliases.extend(n for n in names if n not in old.names)
    return new


CHINA_PREFIXES = ("中国", "中华人民共和国")


def derived_aliases(entries: list[Entry]) -> None:
    """Forms the language builds from a name, added where no other entry has them:
    a region with 地区 (欧洲地区, 大洋洲地区), and a Chinese body with its country before it
    (中国国务院新闻办公室, 中国应急管理部) — the lexicon's ORG entries without a country in their
    name are China's bodies or international ones, which never take 中国 before them."""
    taken = {normalize_name(n) for e in entries for n in e.names}
    for e in entries:
        extra = []
        if e.type == "REGION" and e.key not in CATEGORY_KEYS:
            extra = [f"{n}地区" for n in e.names if not n.endswith(("地区", "国家", "岛国")) and not n.isascii()]
        elif e.type == "ORG":
            extra = [f"{p}{n}" for n in e.names if not n.isascii() and not n.startswith(("中国", "中华", "中共", "国际"))
                     and len(n) >= 3 for p in CHINA_PREFIXES]
        for form in extra:
            norm = normalize_name(form)
            if norm not in taken:
                taken.add(norm)
                e.aliases.append(form)


PATTERNS_FILE = "patterns.jsonl"  # the learned names of a pipeline folder (kg.extract.nlp), under tokenizer/


def _relinked(entry: Entry, qid: str) -> Entry:
    out = copy.copy(entry)
    out.links = {**entry.links, "wikidata": qid}
    return out


def with_learned(lex: Lexicon, patterns: list[dict]) -> Lexicon:
    """The lexicon plus an entry for each learned entity that is not in it (its name, type and
    the Wikidata id its gold gave), so that evaluation, linking and the graph see them."""
    extra: dict[str, Entry] = {}
    for p in patterns:
        if p["id"] in lex.entries:
            entry = lex.entries[p["id"]]
            if p.get("qid") and not entry.links.get("wikidata"):  # an id the lexicon lacks, from the gold
                extra[p["id"]] = _relinked(entry, p["qid"])
            continue
        entry = extra.get(p["id"])
        if entry is None:  # a learned entity's key is its type and its name in the gold
            entry = extra[p["id"]] = Entry(p["id"], p["label"], p["id"].partition("/")[2] or p["pattern"],
                                           links={"wikidata": p["qid"]} if p.get("qid") else {},
                                           note="learned from gold")
        if p["pattern"] != entry.name_zh:
            entry.aliases.append(p["pattern"])
    if not extra:
        return lex
    out = copy.copy(lex)  # the same lexicon, with more entries: names of learned entities index them too
    out.entries = {**lex.entries, **extra}
    out.by_name = dict(lex.by_name)
    for key, entry in extra.items():
        for name in entry.names:
            out.by_name.setdefault(normalize_name(name), key)
    return out


def load_with_learned(model_dir=None) -> Lexicon:
    """The lexicon as a pipeline folder knows it (None: the shipped pipeline, kg/extract/data/model):
    with what ``make train`` learned from the gold, as ``Extractor(...).lexicon`` has it, without
    loading spaCy.  What the graph describes and links."""
    folder = model_dir if model_dir is not None else package_file("extract", "data", "model")
    file = folder / "tokenizer" / PATTERNS_FILE
    patterns = []
    if file.is_file():
        with file.open(encoding="utf-8") as f:
            patterns = [json.loads(line) for line in f if line.strip()]
    return with_learned(load(), patterns)


@lru_cache(maxsize=1)
def load() -> Lexicon:
    entries = [*_countries(), *_regions(), *_organizations()]
    if package_file("extract", "data", "lexicon", "entities.csv").is_file():
        entries.extend(_own())
    entries.extend(_places(entries))
    derived_aliases(entries)
    return Lexicon(entries)
