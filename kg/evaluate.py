"""Score extraction against gold annotations (format of the annotation guide), cross-validated by document.

**Gold.** One JSON file per document (``<stem>.json`` with ``text_file``): the set of distinct entities,
the values and the facts.  Names are compared after NFKC, traditional -> simplified conversion and
removal of quotes, book-title marks and spaces (`norm`, which loads no tagger).

**Entities.** A predicted entity (all mentions of one key in the document) matches a gold one when any
of its surface forms (or its lexicon name) is the gold name or one of its aliases; pairs are one to one.
Untyped, typed, coarse-typed (LOC / ORG / PERSON / OTHER) and per type; link accuracy over gold entities
that have a Wikidata id, per type.  **Names in no other gold document**: a gold entity of document d none
of whose normalised names/aliases occurs among the entities (names and aliases) of any other gold file;
recall (typed match) on those, overall and per type, says whether the extractor finds names it never saw.

**Values.** Keyed by (normalised text, type): ``values`` counts text and type; ``values_normalised``
further needs the same normalised value (dates and periods by their value string, money by amount and
unit, percentages and counts by amount).

**Facts, by the event rule** (guide: "Facts are events seen two at a time").  Each predicted
`kg.model.Fact` is an event: its roles hold mentions.  A role whose name `ROLE_PREDICATES` maps to one of
the guide's predicates asserts (event, predicate, filler); every other role (``meeting``, ``body``,
``programme`` of a pledge, ``deliverable`` ...) and the event's label only *hold* the event's
participants.  A literal whose key maps to a predicate asserts too (``date`` of a meeting named with its
year).  An event with a single participant (a figure alone, a name alone) asserts nothing.  The guide's
"(or entity)": every entity the document names whose lexicon entry gives a forum or programme, a place or
a date is an event too (`kg.rdf.mapper` writes those into the graph): it asserts part_of, location, date.

- Recall: a gold fact (s, p, o) is found when one event asserts p with a filler that is o and holds s in
  another of its roles (or s is its label).  "Is" means: for an entity, any of the gold entity's names
  and aliases against any surface form of the predicted entity in the document; for a value, the same
  normalised text or the same normalised value (``date``/``period``/``founded`` objects by value string,
  a predicted date also standing for the coarser dates it refines, 2018-09-03 for 2018-09; amounts by
  number and unit).  A gold subject that is neither a gold entity nor a value (the older
  gold of the bundled white paper says "600亿元人民币援助") is held by an event whose clause contains it.
  Gold facts are deduplicated per document.
- Precision: the predicted assertions of a document, deduplicated (same participants, predicate and
  object).  One is correct when it explains a gold fact (as above); it is *neutral* (not counted) when its
  object is itself the subject of a gold fact that the same event explains (the amount of a pledge whose
  recipients the gold states as facts about that amount); otherwise it is a false positive.
  So P = correct / (correct + false), R = found / gold; ``tp`` counts gold facts found, ``tp_pred``
  correct assertions.

**Cross-validation.** Documents are split into K folds (default: leave one document out).  Each fold is
extracted by a pipeline that `kg.extract.train.fit` trained on the other folds only (the shipped
pipeline, trained on all of tests/gold, is never scored on it).  With
``train_on`` (another gold folder: tests/genre scored with a model of tests/gold) one pipeline learns
from that folder, less any document with the same text or stem as a tested one.  Figures
are micro-averaged over documents for the groups ``all``, ``tuning`` (documents rules may be tuned on) and
``held-out`` (`HELD_OUT`: nobody writes rules looking at them; a gain on tuning but not on held-out is
overfit), and kept per document.  Per-document rows and error lists leave the held-out documents out
unless asked (``--show-held-out``): whoever writes rules looks at their aggregate figures only.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from kg import ingest
from kg.extract.chinese import to_simplified
from kg.extract.lexicon import Lexicon
from kg.extract.values import find_values
from kg.model import ENTITY_TYPES, VALUE_TYPES, Document, Fact, InputError, Mention

COARSE = {"COUNTRY": "LOC", "REGION": "LOC", "PLACE": "LOC", "ORG": "ORG", "FORUM": "ORG", "MEETING": "ORG",
          "PERSON": "PERSON", "PROGRAMME": "OTHER", "PROJECT": "OTHER"}
PREDICATES = ("date", "location", "part_of", "announced_by", "announced_at", "amount", "period", "partner",
              "recipient", "parent", "founded")
# The extractor's role names -> the guide's predicates.  New roles are named after the predicates; the
# others are today's names.  "Kind.role" overrides "role" for one kind of fact.
ROLE_PREDICATES = {
    **{p: p for p in PREDICATES},
    "announcedBy": "announced_by", "announcedAt": "announced_at", "partOf": "part_of",
    "count": "amount", "share": "amount",  # a pledge of 100个 projects; a share of the total
    "forum": "part_of",  # MeetingReport: the meeting is part of the forum
    "AidDelivery.programme": "part_of",  # the deliverable belongs to the programme
}
VALUE_OBJECTS = frozenset({"date", "period", "founded"})  # objects compared by normalised value string
GROUPS = ("all", "tuning", "held-out")
# Development documents nobody writes rules, lexicon entries or fact patterns against (issue 12).
HELD_OUT = frozenset({
    "03-right-to-development-2016-common-development", "ap-04-celac-2015-cooperation-plan",
    "hard-06-trad-china-debt-relief", "news-04-gdssc-fund-wfp-laos-burkina-2022", "wp-04-china-africa-trade2013",
})
_STRIP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』]")


def norm(name: str) -> str:
    """A name as compared: NFKC, simplified characters, no quotes, book-title marks or spaces."""
    return _STRIP.sub("", to_simplified(unicodedata.normalize("NFKC", name)))


def group_of(stem: str) -> str:
    return "held-out" if stem in HELD_OUT else "tuning"


# ---------------------------------------------------------------------------------------------- counts
@dataclass
class PRF:
    """Counts for precision and recall.  ``tp`` counts gold items found (recall); ``tp_pred`` counts
    predictions judged right (precision) where that differs (facts), else it is ``tp``."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_pred: int | None = None

    @property
    def right(self) -> int:
        return self.tp if self.tp_pred is None else self.tp_pred

    @property
    def precision(self) -> float:
        return self.right / (self.right + self.fp) if self.right + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "PRF") -> None:
        if other.tp_pred is not None or self.tp_pred is not None:
            self.tp_pred = self.right + other.right
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict:
        d = {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
             "tp": self.tp, "fp": self.fp, "fn": self.fn}
        if self.tp_pred is not None:
            d["tp_pred"] = self.tp_pred
        return d


@dataclass
class Ratio:
    """``hit`` of ``total`` (link accuracy, recall on names seen nowhere else)."""

    hit: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def add(self, other: "Ratio") -> None:
        self.hit += other.hit
        self.total += other.total

    def count(self, ok: bool) -> None:
        self.hit += bool(ok)
        self.total += 1


@dataclass
class Scores:
    untyped: PRF = field(default_factory=PRF)
    typed: PRF = field(default_factory=PRF)
    coarse: PRF = field(default_factory=PRF)
    per_type: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    values: PRF = field(default_factory=PRF)
    values_normalised: PRF = field(default_factory=PRF)
    facts: PRF = field(default_factory=PRF)
    facts_per_predicate: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    links: Ratio = field(default_factory=Ratio)
    links_per_type: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    novel: Ratio = field(default_factory=Ratio)  # gold names in no other gold document, found (typed)
    seen: Ratio = field(default_factory=Ratio)  # the other gold names, found (typed): the contrast
    novel_per_type: dict[str, Ratio] = field(default_factory=lambda: defaultdict(Ratio))
    documents: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def link_accuracy(self) -> float:
        return self.links.rate

    def add(self, other: "Scores") -> None:
        for name in ("untyped", "typed", "coarse", "values", "values_normalised", "facts", "links", "novel", "seen"):
            getattr(self, name).add(getattr(other, name))
        for name in ("per_type", "facts_per_predicate", "links_per_type", "novel_per_type"):
            mine = getattr(self, name)
            for k, v in getattr(other, name).items():
                mine[k].add(v)
        self.documents += other.documents
        self.errors += other.errors

    def as_dict(self) -> dict:
        def ratios(d: dict[str, Ratio]) -> dict:
            return {t: round(d[t].rate, 4) for t in ENTITY_TYPES if t in d and d[t].total}

        return {
            "documents": self.documents,
            "untyped": self.untyped.as_dict(), "typed": self.typed.as_dict(), "coarse": self.coarse.as_dict(),
            "per_type": {t: self.per_type[t].as_dict() for t in ENTITY_TYPES if t in self.per_type},
            "link_accuracy": round(self.link_accuracy, 4), "links": f"{self.links.hit}/{self.links.total}",
            "link_accuracy_per_type": ratios(self.links_per_type),
            "novel_recall": round(self.novel.rate, 4), "novel": f"{self.novel.hit}/{self.novel.total}",
            "novel_recall_per_type": ratios(self.novel_per_type),
            "seen_recall": round(self.seen.rate, 4), "seen": f"{self.seen.hit}/{self.seen.total}",
            "values": self.values.as_dict(), "values_normalised": self.values_normalised.as_dict(),
            "facts": self.facts.as_dict(),
            "facts_per_predicate": {p: self.facts_per_predicate[p].as_dict()
                                    for p in sorted(self.facts_per_predicate)},
        }


def _count(prf: PRF, n_gold: int, n_pred: int, n_match: int) -> None:
    prf.tp += n_match
    prf.fp += n_pred - n_match
    prf.fn += n_gold - n_match


# ---------------------------------------------------------------------------------------------- gold
@dataclass
class Gold:
    stem: str
    text_file: Path
    data: dict

    @property
    def group(self) -> str:
        return group_of(self.stem)


def load_gold(gold_dir: str | Path) -> list[Gold]:
    root = Path(gold_dir)
    if not root.is_dir():
        raise InputError(str(gold_dir), "no such folder of gold files")
    files = sorted(root.glob("*.json"))
    if not files:
        raise InputError(str(gold_dir), "folder holds no gold .json files")
    out = []
    for f in files:
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
            if not isinstance(gold, dict) or not isinstance(gold.get("text_file"), str):
                raise ValueError("no text_file")
            text_file = root / gold["text_file"]
            _check_gold(gold)
        except (json.JSONDecodeError, ValueError, UnicodeDecodeError) as e:
            raise InputError(str(f), f"not a gold file ({type(e).__name__}: {e})") from None
        if not text_file.is_file():
            raise InputError(str(f), f"its text_file {gold['text_file']} does not exist")
        out.append(Gold(f.stem, text_file, gold))
    return out


_GOLD_KEYS = {"entities": ("name", "type"), "values": ("text", "type"), "facts": ("s", "p", "o")}


def _check_gold(gold: dict) -> None:
    """Each list of the guide's format holds objects with the keys scoring reads."""
    for part, keys in _GOLD_KEYS.items():
        items = gold.get(part, [])
        if not isinstance(items, list):
            raise ValueError(f"{part} is not a list")
        for i, item in enumerate(items):
            if not isinstance(item, dict) or any(not isinstance(item.get(k), (str, int, float)) for k in keys):
                raise ValueError(f"{part}[{i}] needs {', '.join(keys)}: {json.dumps(item, ensure_ascii=False)[:80]}")
            if part == "entities" and not isinstance(item.get("aliases_in_text", []), list):
                raise ValueError(f"{part}[{i}]: aliases_in_text is not a list")


def gold_names(entity: dict) -> set[str]:
    return {norm(entity["name"]), *(norm(a) for a in entity.get("aliases_in_text", []))}


def names_elsewhere(golds: list[Gold]) -> dict[str, set[str]]:
    """For each document, the normalised entity names and aliases of all the other gold documents."""
    own = {g.stem: set().union(*(gold_names(e) for e in g.data.get("entities", []))) for g in golds}
    counts = Counter(n for names in own.values() for n in names)
    return {stem: {n for n in counts if counts[n] > (n in names)} for stem, names in own.items()}


# ---------------------------------------------------------------------------------------------- entities
@dataclass
class Predicted:
    key: str
    type: str
    forms: set[str]
    qid: str | None


def predicted_entities(doc: Document, lexicon: Lexicon) -> list[Predicted]:
    by_key: dict[str, Predicted] = {}
    for m in doc.mentions:
        if m.is_value:
            continue
        entry = lexicon.get(m.key)
        p = by_key.setdefault(m.key, Predicted(m.key, m.type, set(), entry.links.get("wikidata") if entry else None))
        p.forms.add(norm(m.text))
        if entry is not None:
            p.forms.add(norm(entry.name_zh))
    return list(by_key.values())


def _match(gold: list[dict], pred: list[Predicted], same) -> list[tuple[dict, Predicted]]:
    """Pair gold and predicted entities one-to-one: a pair needs a shared form and same(g, p)."""
    pairs = []
    used: set[int] = set()
    for g in gold:
        names = gold_names(g)
        for i, p in enumerate(pred):
            if i not in used and names & p.forms and same(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


# ---------------------------------------------------------------------------------------------- values
def value_key(type_: str, value: dict | None) -> str | None:
    """A value's normalised form: dates and periods by value string, money by amount and unit,
    percentages and counts by amount."""
    if not value:
        return None
    if "value" in value:
        return f"v:{value['value']}"
    if "amount" not in value:
        return None
    try:
        amount = format(float(value["amount"]), "g")
    except (TypeError, ValueError):
        return None
    return f"{type_}:{amount}" + (f" {value.get('unit')}" if type_ == "MONEY" else "")


def _same_value(gold: dict, pred: dict) -> bool:
    if "value" in gold:
        return str(gold["value"]) == str(pred.get("value"))
    try:
        same_amount = float(gold["amount"]) == float(pred.get("amount", "nan"))
    except (KeyError, TypeError, ValueError):
        return False
    return same_amount and (gold.get("unit") in (None, pred.get("unit")) or gold["type"] == "COUNT")


def score_values(scores: Scores, doc: Document, gold: dict) -> None:
    g_vals = {(norm(v["text"]), v["type"]): v for v in gold.get("values", []) if v.get("type") in VALUE_TYPES}
    p_vals: dict[tuple[str, str], dict] = {}
    for m in doc.mentions:
        if m.is_value:
            p_vals.setdefault((norm(m.text), m.type), m.value or {})
    hits = set(g_vals) & set(p_vals)
    _count(scores.values, len(g_vals), len(p_vals), len(hits))
    good = sum(1 for k in hits if _same_value(g_vals[k], p_vals[k]))
    _count(scores.values_normalised, len(g_vals), len(p_vals), good)
    for k in sorted(set(g_vals) - hits):
        scores.errors.append({"doc": doc.id, "kind": "missed", "name": g_vals[k]["text"], "type": k[1]})
    for k in sorted(set(p_vals) - hits):
        scores.errors.append({"doc": doc.id, "kind": "spurious", "name": k[0], "type": k[1]})


# ---------------------------------------------------------------------------------------------- facts
Forms = frozenset[str]
PHRASE = "phrase:"  # marks a gold subject that is neither a gold entity nor a value: "600亿元人民币援助"


@dataclass
class Event:
    """A predicted fact as the scorer sees it: the forms of each participant (role fillers and the
    label), and its assertions (predicate, object forms, index of the object among the participants)."""

    participants: list[Forms]
    assertions: list[tuple[str, Forms, int]]
    text: str = ""  # the clause, as written

    def __post_init__(self):
        self.normed = norm(self.text)

    def holds(self, subject: Forms, besides: int) -> bool:
        """``subject`` fills one of the roles other than ``besides`` (or names the event); a subject
        that the gold gives as a phrase (neither a gold entity nor a value) is held by the clause
        that contains it."""
        if len(subject) == 1 and (phrase := next(iter(subject))).startswith(PHRASE):
            return phrase[len(PHRASE):] in self.normed
        return any(i != besides and forms & subject for i, forms in enumerate(self.participants))


def predicate_of(fact: Fact, role: str) -> str | None:
    return ROLE_PREDICATES.get(f"{fact.kind}.{role}", ROLE_PREDICATES.get(role))


def events(doc: Document, entity_forms: dict[str, set[str]] | None = None,
           lexicon: Lexicon | None = None) -> list[Event]:
    """The document's facts as events, and (with ``lexicon``) the entities the graph describes with a
    forum or programme, a place or a date (`kg.rdf.mapper` writes the lexicon's part_of, location and
    date of every entity a document names).  ``entity_forms``: every surface form of each predicted
    entity key in the document (so that a role filled by 巴方 is also 巴基斯坦 when the extractor says so)."""
    entity_forms = entity_forms if entity_forms is not None else _entity_forms(doc)
    out = [] if lexicon is None else list(_entity_events(entity_forms, lexicon))
    for f in doc.facts:
        participants: list[Forms] = []
        assertions: list[tuple[str, Forms, int]] = []
        for role, m in f.roles:
            forms = _mention_forms(m, entity_forms)
            if (p := predicate_of(f, role)) is not None:
                assertions.append((p, forms, len(participants)))
            participants.append(forms)
        for key, literal in f.literals.items():  # what the text says without a mention: a year, an amount
            p = ROLE_PREDICATES.get(f"{f.kind}.{key}", ROLE_PREDICATES.get(key))
            if p is not None:
                forms = _date_forms(str(literal)) if p in VALUE_OBJECTS else _text_forms(norm(str(literal)))
                assertions.append((p, forms, len(participants)))
                participants.append(forms)
        if len(participants) < 2:
            continue  # a figure or a name alone: no relation to judge
        if f.label:
            participants.append(frozenset({norm(f.label)}))
        if assertions:
            out.append(Event(participants, assertions, f.text))
    return out


def _entity_events(entity_forms: dict[str, set[str]], lexicon: Lexicon) -> Iterator[Event]:
    for key in sorted(entity_forms):
        entry = lexicon.get(key)
        if entry is None:
            continue
        participants: list[Forms] = [frozenset(entity_forms[key] | _entry_forms(entry))]
        assertions: list[tuple[str, Forms, int]] = []
        # a place's country is not its location (the graph says schema:containedInPlace): a meeting's or project's is
        for predicate, related in (("part_of", entry.part_of), ("location", "" if entry.type == "PLACE" else entry.location)):
            other = lexicon.get(related) if related else None
            if other is not None:
                assertions.append((predicate, frozenset(_entry_forms(other) | entity_forms.get(other.key, set())),
                                   len(participants)))
                participants.append(assertions[-1][1])
        if entry.date:
            assertions.append(("date", _date_forms(entry.date), len(participants)))
            participants.append(assertions[-1][1])
        if assertions:
            yield Event(participants, assertions, "")


def _entry_forms(entry) -> set[str]:
    return {norm(entry.name_zh), *(norm(a) for a in entry.aliases)}


def _date_forms(value: str) -> Forms:
    """A date and the coarser dates it refines: 2018-09-03 is also 2018-09 and 2018 (the gold gives a
    date as precisely as the text does; a more precise one is not wrong)."""
    parts = value.split("-") if re.fullmatch(r"\d{4}(-\d{2}){0,2}", value) else [value]
    return frozenset(f"v:{'-'.join(parts[:i])}" for i in range(1, len(parts) + 1))


def _text_forms(n: str) -> Forms:
    """A normalised text, and its value's key when the whole text is one value (1億元 -> MONEY:1e+08 CNY)."""
    found = find_values(n)
    if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(n):
        if (k := value_key(found[0][2], found[0][3])) is not None:
            return frozenset({n, k})
    return frozenset({n})


def _entity_forms(doc: Document) -> dict[str, set[str]]:
    forms: dict[str, set[str]] = defaultdict(set)
    for m in doc.mentions:
        if not m.is_value:
            forms[m.key] |= {norm(m.text), norm(m.name)}
    return forms


def _mention_forms(m: Mention, entity_forms: dict[str, set[str]]) -> Forms:
    forms = {norm(m.text), norm(m.name)}
    if m.is_value:
        if m.type == "DATE" and m.value and "value" in m.value:
            forms |= _date_forms(str(m.value["value"]))
        elif (k := value_key(m.type, m.value)) is not None:
            forms.add(k)
    else:
        forms |= entity_forms.get(m.key, set())
    forms.discard("")
    return frozenset(forms)


class GoldForms:
    """What a gold fact's subject or object may be matched as, from the document's gold entities and values."""

    def __init__(self, gold: dict):
        self.entities: dict[str, Forms] = {}
        for e in gold.get("entities", []):
            names = frozenset(gold_names(e))
            for n in names:
                self.entities.setdefault(n, names)
        self.values: dict[str, Forms] = {}
        for v in gold.get("values", []):
            k = value_key(v.get("type", ""), v)
            self.values.setdefault(norm(v["text"]), frozenset({norm(v["text"])} | ({k} if k else set())))

    def __call__(self, text: str, predicate: str | None = None) -> Forms:
        text = str(text)
        if predicate in VALUE_OBJECTS and not re.search(r"[\u3400-\u9fff]", text):
            return frozenset({f"v:{text}"})
        n = norm(text)
        if n in self.entities:
            return self.entities[n]
        if n in self.values:
            return self.values[n]
        forms = _text_forms(n)
        if len(forms) > 1:  # a value the gold lists not
            return forms
        return frozenset({PHRASE + n}) if predicate is None else forms


def _shortest(forms: Forms) -> str:
    """The form to show: the shortest name, a value as written rather than its key."""
    plain = sorted(f for f in forms if not re.match(r"[A-Za-z]+:", f)) or sorted(f.split(":", 1)[-1] for f in forms)
    return max(plain, key=len) if plain[0][:1].isdigit() else min(plain, key=len)


def score_facts(scores: Scores, doc: Document, gold: dict, entity_forms: dict[str, set[str]] | None = None,
                lexicon: Lexicon | None = None) -> None:
    forms = GoldForms(gold)
    gold_facts: dict[tuple[str, str, str], tuple[Forms, Forms]] = {}
    for f in gold.get("facts", []):
        if f.get("p") in PREDICATES:
            key = (norm(str(f["s"])), f["p"], norm(str(f["o"])))
            gold_facts.setdefault(key, (forms(f["s"]), forms(f["o"], f["p"])))
    evs = events(doc, entity_forms, lexicon)
    found: set[tuple[str, str, str]] = set()
    # (participants, predicate, object) -> (correct / neutral / wrong, the clause): one per document
    judged: dict[tuple[Forms, str, Forms], tuple[str, str]] = {}
    for ev in evs:
        explained_subjects: list[Forms] = []
        verdicts = []
        for p, obj, i in ev.assertions:
            hits = [k for k, (s, o) in gold_facts.items() if k[1] == p and obj & o and ev.holds(s, i)]
            found.update(hits)
            explained_subjects += [gold_facts[k][0] for k in hits]
            verdicts.append((p, obj, bool(hits)))
        signature = frozenset(ev.participants)
        for (p, obj, hit), (_, _, i) in zip(verdicts, ev.assertions):
            verdict = "correct" if hit else "neutral" if any(obj & s for s in explained_subjects) else "wrong"
            about = next((_shortest(f) for j, f in enumerate(ev.participants) if j != i), "")
            judged.setdefault((signature, p, obj), (verdict, f"{about} → {_shortest(obj)}  « {ev.text[:60]} »"))
    per = {p: PRF(tp_pred=0) for p in PREDICATES}
    for k in gold_facts:
        if k in found:
            per[k[1]].tp += 1
        else:
            per[k[1]].fn += 1
            scores.errors.append({"doc": doc.id, "kind": "missed fact", "type": k[1], "name": f"{k[0]} → {k[2]}"})
    for (_, p, obj), (verdict, text) in judged.items():
        if verdict == "correct":
            per[p].tp_pred += 1
        elif verdict == "wrong":
            per[p].fp += 1
            scores.errors.append({"doc": doc.id, "kind": "spurious fact", "type": p, "name": text})
    for p, prf in per.items():
        if prf.tp or prf.fp or prf.fn or prf.tp_pred:
            scores.facts_per_predicate[p].add(prf)
            scores.facts.add(prf)


# ---------------------------------------------------------------------------------------------- a document
def score_document(doc: Document, gold: dict, lexicon: Lexicon, elsewhere: set[str] | None = None) -> Scores:
    """The scores of one document.  ``elsewhere``: the names of the other gold documents' entities
    (for recall on names seen in no other document; None: not counted)."""
    scores = Scores(documents=1)
    g_ents = gold.get("entities", [])
    pred = predicted_entities(doc, lexicon)
    untyped = _match(g_ents, pred, lambda g, p: True)
    typed = _match(g_ents, pred, lambda g, p: g["type"] == p.type)
    coarse = _match(g_ents, pred, lambda g, p: COARSE.get(g["type"]) == COARSE.get(p.type))
    _count(scores.untyped, len(g_ents), len(pred), len(untyped))
    _count(scores.typed, len(g_ents), len(pred), len(typed))
    _count(scores.coarse, len(g_ents), len(pred), len(coarse))
    g_types, p_types = Counter(g["type"] for g in g_ents), Counter(p.type for p in pred)
    m_types = Counter(g["type"] for g, _ in typed)
    for t in set(g_types) | set(p_types):
        _count(scores.per_type[t], g_types[t], p_types[t], m_types[t])
    matched = {id(g): p for g, p in untyped}
    for g in g_ents:
        if g.get("qid"):
            p = matched.get(id(g))
            ok = p is not None and p.qid == g["qid"]
            scores.links.count(ok)
            scores.links_per_type[g["type"]].count(ok)
    typed_ids = {id(g) for g, _ in typed}
    if elsewhere is not None:
        for g in g_ents:
            if not gold_names(g) & elsewhere:
                scores.novel.count(id(g) in typed_ids)
                scores.novel_per_type[g["type"]].count(id(g) in typed_ids)
            else:
                scores.seen.count(id(g) in typed_ids)
    typed_keys = {p.key for _, p in typed}
    for g in g_ents:
        if id(g) not in typed_ids:
            scores.errors.append({"doc": doc.id, "kind": "missed", "name": g["name"], "type": g["type"]})
    for p in pred:
        if p.key not in typed_keys:
            scores.errors.append({"doc": doc.id, "kind": "spurious", "name": sorted(p.forms)[0], "type": p.type,
                                  "key": p.key})
    score_values(scores, doc, gold)
    entity_forms = {p.key: p.forms for p in pred}
    score_facts(scores, doc, gold, entity_forms, lexicon)
    return scores


# ---------------------------------------------------------------------------------------------- the run
@dataclass
class Report:
    """Cross-validated scores: per group, per document, and how they were obtained."""

    groups: dict[str, Scores]
    per_document: dict[str, Scores]
    folds: int
    trained: bool
    seconds: dict[str, float]
    train_on: str | None = None  # the gold folder the models learned from, if not the tested one

    @property
    def all(self) -> Scores:
        return self.groups["all"]

    def as_dict(self, per_document: bool = False, show_held_out: bool = True) -> dict:
        out = {**self.all.as_dict(), "folds": self.folds, "trained": self.trained, "train_on": self.train_on,
               "seconds": {k: round(v, 2) for k, v in self.seconds.items()},
               "groups": {g: s.as_dict() for g, s in self.groups.items()}}
        if per_document:
            out["per_document"] = {stem: {"group": group_of(stem), **s.as_dict()}
                                   for stem, s in self.per_document.items()
                                   if show_held_out or stem not in HELD_OUT}
        return out


def folds_of(golds: list[Gold], k: int | None) -> list[list[Gold]]:
    """K folds over the documents in sorted order, dealt round-robin; None or K >= n: one document each."""
    n = len(golds)
    if k is None or k >= n:
        return [[g] for g in golds]
    if k < 2:
        raise InputError("--folds", f"needs at least 2 folds, got {k}")
    return [golds[i::k] for i in range(k)]


def splits(golds: list[Gold], k: int | None) -> list[tuple[list[Gold], list[Gold]]]:
    """(test, train) for each fold: a document is tested once, by a model trained on the others."""
    return [(fold, [g for g in golds if g not in fold]) for fold in folds_of(golds, k)]


def cross_validate(gold_dir: str | Path, folds: int | None = None, extractor=None,
                   train_on: str | Path | None = None) -> Report:
    """Extract every gold document with a pipeline that did not learn from it, and score it.

    ``folds``: K-fold by document (None: leave one out).  ``train_on``: another gold folder to learn
    from instead (one model for all of ``gold_dir``; its documents with the same text or stem as one
    of ``gold_dir`` are left out).  ``extractor``: a ready `kg.extract.nlp.Extractor` for every
    document (nothing is trained)."""
    from kg.extract.nlp import Extractor
    from kg.extract.relations import Relations
    from kg.extract.train import fit

    golds = load_gold(gold_dir)
    docs = {g.stem: _read(g) for g in golds}
    if train_on is not None:
        tested = {d.sha256 for d in docs.values()} | set(docs)
        pool = []
        for g in load_gold(train_on):
            d = _read(g)
            if d.sha256 not in tested and g.stem not in tested:
                pool.append(g)
                docs[g.stem] = d
        split = [(golds, pool)]
    else:
        pool = []
        split = splits(golds, folds)
    takes_model = extractor is None  # else a ready extractor serves every document, nothing is trained
    if takes_model and not all(train for _, train in split):
        raise InputError(str(gold_dir), "one gold document alone cannot be cross-validated: nothing to "
                                        "train on (give --train-on another gold folder)")
    relations = Relations()
    elsewhere = names_elsewhere(golds + pool)
    seconds = {"train": 0.0, "extract": 0.0}
    per_document: dict[str, Scores] = {}
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        shared = extractor if extractor is not None else (None if takes_model else Extractor())
        for i, (fold, train) in enumerate(split):
            ex = shared
            if ex is None:
                t = time.perf_counter()
                model = fit([(docs[g.stem].text, g.data) for g in train], Path(tmp) / f"fold-{i}")
                seconds["train"] += time.perf_counter() - t
                ex = Extractor(model_dir=model)
            t = time.perf_counter()
            for g in fold:
                doc = relations(ex(docs[g.stem]))
                per_document[g.stem] = score_document(doc, g.data, ex.lexicon, elsewhere[g.stem])
            seconds["extract"] += time.perf_counter() - t
    groups = {name: Scores() for name in GROUPS}
    for g in golds:
        groups["all"].add(per_document[g.stem])
        groups[g.group].add(per_document[g.stem])
    return Report(groups, {g.stem: per_document[g.stem] for g in golds}, len(split), takes_model, seconds,
                  str(train_on) if train_on is not None else None)


def _read(g: Gold) -> Document:
    return ingest.read_document(g.text_file, ingest.doc_id(Path(g.text_file.name)))


def evaluate(gold_dir: str | Path, extractor=None, folds: int | None = None,
             train_on: str | Path | None = None) -> Scores:
    """All documents together (cross-validated when the extractor learns)."""
    return cross_validate(gold_dir, folds, extractor, train_on).all


# ---------------------------------------------------------------------------------------------- printing
def _prf_cells(prf: dict | None) -> str:
    if prf is None:
        return f"{'':>20}"
    return f"{prf['precision']:>6.3f}{prf['recall']:>7.3f}{prf['f1']:>7.3f}"


def _ratio_cell(rate: float | None, hits: str = "") -> str:
    return f"{'':>20}" if rate is None else f"{rate:>6.3f} {hits:<13}"


def format_report(report: Report, per_document: bool = False, errors: bool = False,
                  show_held_out: bool = False) -> str:
    """The readable table of `kg eval`: P/R/F1 for all documents, the tuning and the held-out group."""
    data = {g: s.as_dict() for g, s in report.groups.items() if s.documents}
    groups = [g for g in GROUPS if g in data]
    n = {g: data[g]["documents"] for g in groups}
    if report.train_on is not None:
        how = f"--train-on {report.train_on}"
        learned = ("one pipeline trained on it (its documents with the same text left out)" if report.trained
                   else "one given extractor, nothing trained")
    else:
        how = "leave one document out" if report.folds == n["all"] else f"{report.folds}-fold by document"
        learned = ("each fold extracted by a pipeline trained on the others" if report.trained
                   else "one given extractor, nothing trained")
    lines = [f"{n['all']} documents (" + ", ".join(f"{g} {n[g]}" for g in groups[1:]) + f"); {how}; {learned}",
             f"{'':<20}" + "".join(f"{g:^20}" for g in groups) + f"{'(all)':^18}",
             f"{'':<20}" + f"{'P':>6}{'R':>7}{'F1':>7}" * len(groups) + f"{'TP':>6}{'FP':>6}{'FN':>6}"]

    def row(label: str, get) -> None:
        cells = "".join(_prf_cells(get(data[g])) for g in groups)
        a = get(data["all"])
        lines.append(f"{label:<20}{cells}" + (f"{a['tp']:>6}{a['fp']:>6}{a['fn']:>6}" if a else ""))

    for name, key in (("untyped", "untyped"), ("typed", "typed"), ("coarse-typed", "coarse")):
        row(name, lambda d, k=key: d[k])
    for t in ENTITY_TYPES:
        if t in data["all"]["per_type"]:
            row(f"  {t}", lambda d, t=t: d["per_type"].get(t))
    row("values", lambda d: d["values"])
    row("values normalised", lambda d: d["values_normalised"])
    row("facts (events)", lambda d: d["facts"])
    for p in PREDICATES:
        if p in data["all"]["facts_per_predicate"]:
            row(f"  {p}", lambda d, p=p: d["facts_per_predicate"].get(p))

    def ratios(label: str, rate: str, hits: str | None, per: str) -> None:
        lines.append(f"{label:<20}" + "".join(_ratio_cell(data[g][rate], data[g][hits]) for g in groups))
        for t in ENTITY_TYPES:
            if t in data["all"][per]:
                lines.append(f"{'  ' + t:<20}" + "".join(_ratio_cell(data[g][per].get(t)) for g in groups))

    ratios("link accuracy", "link_accuracy", "links", "link_accuracy_per_type")
    ratios("new-name recall", "novel_recall", "novel", "novel_recall_per_type")
    lines.append(f"{'seen-name recall':<20}" + "".join(_ratio_cell(data[g]["seen_recall"], data[g]["seen"])
                                                       for g in groups))
    lines.append("(new names: gold entities whose names occur in no other gold document; seen: the others; "
                 "typed recall)")
    if per_document:
        lines += ["", f"{'document':<58}{'group':<10}{'typed P':>8}{'R':>7}{'F1':>7}{'values':>8}"
                      f"{'facts P':>8}{'R':>7}{'F1':>7}{'new R':>7}"]
        for stem, s in report.per_document.items():
            if stem in HELD_OUT and not show_held_out:
                continue
            new = f"{s.novel.rate:>7.3f}" if s.novel.total else f"{'-':>7}"
            lines.append(f"{stem[:57]:<58}{group_of(stem):<10}{s.typed.precision:>8.3f}{s.typed.recall:>7.3f}"
                         f"{s.typed.f1:>7.3f}{s.values.f1:>8.3f}{s.facts.precision:>8.3f}{s.facts.recall:>7.3f}"
                         f"{s.facts.f1:>7.3f}{new}")
        if not show_held_out and any(stem in HELD_OUT for stem in report.per_document):
            lines.append("(held-out documents not listed: --show-held-out lists them)")
    if errors:
        lines.append("")
        for stem, s in report.per_document.items():
            if stem in HELD_OUT and not show_held_out:
                continue
            lines += [f"{e['kind']:<14} {e['type']:<12} {e['name']}  {e.get('key', '')}  [{stem}]" for e in s.errors]
        if not show_held_out and any(stem in HELD_OUT for stem in report.per_document):
            lines.append("(errors on held-out documents not listed: --show-held-out lists them)")
    seconds = ", ".join(f"{k} {v:.1f} s" for k, v in report.seconds.items() if v)
    lines.append(f"time: {seconds}")
    return "\n".join(lines)
