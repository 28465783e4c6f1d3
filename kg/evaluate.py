"""Score extraction against gold annotations (format of the annotation guide).

A gold file describes one document at the document level: the set of distinct entities,
the values and the facts.  Entities are compared after NFKC, traditional -> simplified
conversion and removal of quotes, book-title marks and spaces; a predicted entity
matches a gold one when any of its surface forms is the gold name or one of its aliases.
Scores are micro-averaged over documents: untyped, typed, coarse-typed and per type,
plus link accuracy over gold entities that have a Wikidata id, and value scores.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from kg import ingest
from kg.extract.lexicon import Lexicon
from kg.model import ENTITY_TYPES, VALUE_TYPES, Document, InputError
from kg.extract.values import find_values

COARSE = {"COUNTRY": "LOC", "REGION": "LOC", "PLACE": "LOC", "ORG": "ORG", "FORUM": "ORG", "MEETING": "ORG",
          "PERSON": "PERSON", "PROGRAMME": "OTHER", "PROJECT": "OTHER"}
_STRIP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』]")


def norm(name: str) -> str:
    from kg.extract.nlp import to_simplified  # conversion table shared with the tagger
    import unicodedata
    return _STRIP.sub("", to_simplified(unicodedata.normalize("NFKC", name)))


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


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
    links_correct: int = 0
    links_total: int = 0
    links_by_type: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    documents: int = 0
    errors: list[dict] = field(default_factory=list)

    @property
    def link_accuracy(self) -> float:
        return self.links_correct / self.links_total if self.links_total else 0.0

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "untyped": self.untyped.as_dict(), "typed": self.typed.as_dict(), "coarse": self.coarse.as_dict(),
            "per_type": {t: self.per_type[t].as_dict() for t in ENTITY_TYPES if t in self.per_type},
            "link_accuracy": round(self.link_accuracy, 4), "links": f"{self.links_correct}/{self.links_total}",
            "link_accuracy_per_type": {t: round(c / n, 4) for t, (c, n) in sorted(self.links_by_type.items()) if n},
            "values": self.values.as_dict(), "values_normalised": self.values_normalised.as_dict(),
            "facts": self.facts.as_dict(),
            "facts_per_predicate": {p: v.as_dict() for p, v in sorted(self.facts_per_predicate.items())},
        }


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
        names = {norm(g["name"]), *(norm(a) for a in g.get("aliases_in_text", []))}
        for i, p in enumerate(pred):
            if i not in used and names & p.forms and same(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _count(prf: PRF, n_gold: int, n_pred: int, n_match: int) -> None:
    prf.tp += n_match
    prf.fp += n_pred - n_match
    prf.fn += n_gold - n_match


def load_gold(gold_dir: str | Path) -> list[tuple[Path, dict]]:
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
            text_file = root / gold["text_file"]
        except (json.JSONDecodeError, KeyError, UnicodeDecodeError) as e:
            raise InputError(str(f), f"not a gold file ({type(e).__name__}: {e})") from None
        if not text_file.is_file():
            raise InputError(str(f), f"its text_file {gold['text_file']} does not exist")
        out.append((text_file, gold))
    return out


def evaluate(gold_dir: str | Path, extractor=None) -> Scores:
    from kg.extract.nlp import Extractor
    from kg.extract.relations import Relations

    extractor = extractor or Extractor()
    relations = Relations()
    lexicon = extractor.lexicon
    scores = Scores()
    for text_file, gold in load_gold(gold_dir):
        doc = relations(extractor(ingest.read_document(text_file, ingest.doc_id(Path(text_file.name)))))
        score_document(scores, doc, gold, lexicon)
    return scores


def score_document(scores: Scores, doc: Document, gold: dict, lexicon: Lexicon) -> None:
    scores.documents += 1
    g_ents = gold.get("entities", [])
    pred = predicted_entities(doc, lexicon)
    untyped = _match(g_ents, pred, lambda g, p: True)
    typed = _match(g_ents, pred, lambda g, p: g["type"] == p.type)
    coarse = _match(g_ents, pred, lambda g, p: COARSE[g["type"]] == COARSE[p.type])
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
            scores.links_total += 1
            scores.links_correct += ok
            scores.links_by_type[g["type"]][0] += ok
            scores.links_by_type[g["type"]][1] += 1
    typed_ids = {id(g) for g, _ in typed}
    typed_keys = {p.key for _, p in typed}
    for g in g_ents:
        if id(g) not in typed_ids:
            scores.errors.append({"doc": doc.id, "kind": "missed", "name": g["name"], "type": g["type"]})
    for p in pred:
        if p.key not in typed_keys:
            scores.errors.append({"doc": doc.id, "kind": "spurious", "name": sorted(p.forms)[0], "type": p.type,
                                  "key": p.key})

    g_vals = {(norm(v["text"]), v["type"]): v for v in gold.get("values", []) if v.get("type") in VALUE_TYPES}
    p_vals: dict[tuple[str, str], dict] = {}
    for m in doc.mentions:
        if m.is_value:
            p_vals.setdefault((norm(m.text), m.type), m.value or {})
    hits = set(g_vals) & set(p_vals)
    _count(scores.values, len(g_vals), len(p_vals), len(hits))
    good = sum(1 for k in hits if _same_value(g_vals[k], p_vals[k]))
    _count(scores.values_normalised, len(g_vals), len(p_vals), good)
    if gold.get("facts"):
        score_facts(scores, doc, gold)


FACT_PREDICATES = {
    "announcedBy": "announced_by", "announcedAt": "announced_at", "amount": "amount", "count": "amount",
    "share": "amount", "period": "period", "recipient": "recipient", "partner": "partner", "parent": "parent",
    "founded": "founded", "date": "date", "location": "location", "forum": "part_of",
    # roles named after the guide's predicates (kg.extract.relations)
    "announced_by": "announced_by", "announced_at": "announced_at", "part_of": "part_of",
}
VALUE_OBJECT = {"date", "period", "founded"}  # compared by normalised value; other values by their text


def fact_triples(doc: Document) -> list[tuple[set[str], str, set[str]]]:
    """Our facts as the guide's (subject, predicate, object) triples; subject and object are sets
    of acceptable names (a fact's label, its clause, its subject entity's name)."""
    out = []
    for f in doc.facts:
        if f.kind == "MeetingReport":
            subject = {norm(m.name) for m in f.get("meeting")}
        elif f.kind == "Partnership":
            subject = {norm(m.name) for m in f.get("programme")}
        elif f.kind in ("Founding", "Affiliation"):
            subject = {norm(m.name) for m in f.get("body")}
        else:
            subject = {norm(f.label), norm(f.text), *(norm(m.name) for m in f.get("programme")),
                       *(norm(m.name) for m in f.get("deliverable")), *(norm(m.text) for m in f.get("theme"))}
            for key in ("deliverable", "topic"):
                if key in f.literals:
                    subject.add(norm(f.literals[key]))
        for role, m in f.roles:
            p = FACT_PREDICATES.get(role)
            if role == "programme" and f.kind == "AidDelivery":
                p = "part_of"
            if p is None or p == "date" and f.kind == "Pledge":
                continue
            if f.kind == "AidDelivery" and role == "programme":
                subject_of_part = {norm(x.name) for x in f.get("deliverable")} or subject
                out.append((subject_of_part, p, {norm(m.name), norm(m.text)}))
                continue
            if m.is_value:
                obj = {str(m.value.get("value"))} if p in VALUE_OBJECT else {norm(m.text), _number(m.value)}
            else:
                obj = {norm(m.name), norm(m.text)}
            out.append((subject, p, obj))
        if f.kind == "MeetingReport" and "date" in f.literals:
            out.append((subject, "date", {f.literals["date"]}))
    return out


def score_facts(scores: Scores, doc: Document, gold: dict) -> None:
    aliases: dict[str, set[str]] = {}
    for e in gold.get("entities", []):
        names = {norm(e["name"]), *(norm(a) for a in e.get("aliases_in_text", []))}
        for n in names:
            aliases[n] = names
    gold_facts = [(norm(f["s"]), f["p"], norm(str(f["o"])) if f["p"] not in VALUE_OBJECT else str(f["o"]))
                  for f in gold.get("facts", [])]
    numbers = {go: _number(v[0][3]) for _, gp, go in gold_facts if gp == "amount" and (v := find_values(go))}
    predicted = fact_triples(doc)
    used: set[int] = set()
    hits = Counter()
    for gs, gp, go in gold_facts:
        g_objs = aliases.get(go, {go}) | ({numbers[go]} if go in numbers else set())
        for i, (ps, pp, po) in enumerate(predicted):
            if i in used or pp != gp or not (po & g_objs):
                continue
            if gs in ps or aliases.get(gs, set()) & ps or any(gs and gs in x for x in ps):
                used.add(i)
                hits[gp] += 1
                break
    for p in {gp for _, gp, _ in gold_facts} | {pp for _, pp, _ in predicted}:
        n_gold = sum(1 for _, gp, _ in gold_facts if gp == p)
        n_pred = sum(1 for _, pp, _ in predicted if pp == p)
        _count(scores.facts_per_predicate[p], n_gold, n_pred, hits[p])
    _count(scores.facts, len(gold_facts), len(predicted), sum(hits.values()))


def _number(value: dict | None) -> str:
    """A value as a comparable number: 1万名 and 1万名代表 are both 10000."""
    if not value or "amount" not in value:
        return "?"
    return "num:" + format(float(value["amount"]), "g") + ("%" if "unit" not in value else "")


def _same_value(gold: dict, pred: dict) -> bool:
    if "value" in gold:
        return str(gold["value"]) == str(pred.get("value"))
    try:
        same_amount = float(gold["amount"]) == float(pred.get("amount", "nan"))
    except (KeyError, ValueError):
        return False
    return same_amount and (gold.get("unit") in (None, pred.get("unit")) or gold["type"] == "COUNT")
