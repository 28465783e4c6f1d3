"""The learned part of the tagger: a span ruler trained on gold annotations.

``fit(gold, out_dir)`` reads the entities of the training documents' gold (name, aliases in
the text, type, Wikidata id) and turns them into SpanRuler-style patterns with ids
(``{"label", "pattern", "id", "qid"}``) for the tokenizer's dictionary, then saves the whole
pipeline with ``nlp.to_disk(out_dir)``.  The patterns are applied with the lexicon's guards
(longest match first, no one-character names, no names inside longer names, names that are
also ordinary words only where jieba keeps them as a word or, for short person names, near a
title), and a name of the lexicon keeps its lexicon entity (the gold's aliases of a lexicon
entity become aliases of it).  What it learns comes from gold, so it is only ever scored on
documents it was not trained on (cross-validation by document, ``kg eval``).

Deterministic: the same gold gives the same patterns in the same order (no randomness at all).

``make train`` writes the shipped pipeline (``kg/extract/data/model/``) from a folder of gold
files: ``python -m kg.extract.train GOLD_DIR [OUT_DIR] [--classifier]``.
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from kg.errors import InputError
from kg.extract import learned
from kg.extract import lexicon as lexicon_mod
from kg.extract import nlp as nlp_mod
from kg.extract import rules
from kg.ingest import split

# words the gold may list as a name or alias but that are, on their own, generic, a bare head noun
# or a reference back to a name (论坛, 行动计划, 该基金, 中方): never learned as patterns
_NOT_NAMES = (rules.GENERIC | set(nlp_mod.REFERENCE_HEADS) | lexicon_mod.NEVER_NAMES
              | {suffix for suffix, _ in rules.SUFFIXES} | {"中方", "我国", "本国", "双方", "各方", "该国", "两国"})
_STRIP = re.compile(r"[\s“”\"'‘’《》〈〉「」『』]")
# a one-character abbreviation and a side or government (巴方, 叙方, 巴政府): who it is depends on the
# document (巴方 is Pakistan in one text, Palestine or Brazil in another)
_ABBREVIATED_SIDE = re.compile(r"^.(?:方|政府)$")


def _form(name: str) -> str:
    return nlp_mod.match_name(_STRIP.sub("", name))


def patterns_from_gold(gold: list[tuple[str, dict]], lex: lexicon_mod.Lexicon | None = None) -> list[dict]:
    """Patterns ``{"label", "pattern", "id", "qid"}`` for every name and alias of the gold entities.

    A name that several documents type differently gets the type most documents give it (none
    on a tie); a name that is not in its document's text is left out."""
    lex = lex or lexicon_mod.load()
    known = nlp_mod.Gazetteer(lex)  # lexicon name (matching form) -> key
    votes: dict[str, Counter] = defaultdict(Counter)  # form -> (key, label, qid) -> documents
    for text, doc in gold:
        seen_text = nlp_mod.normalize(text)[0]
        in_doc: set[tuple[str, tuple[str, str, str]]] = set()
        for ent in doc.get("entities", []):
            label = ent.get("type")
            if label not in lexicon_mod.ENTITY_TYPES:
                continue
            forms = [f for f in (_form(n) for n in [ent["name"], *ent.get("aliases_in_text", [])]) if f]
            if not forms:
                continue
            key = next((known.names[f] for f in forms if f in known.names), None)
            if key is None:
                key = f"{label.lower()}/{forms[0]}"
            elif known.types[key] != label:
                continue  # the gold types a lexicon entity otherwise: the lexicon decides
            for f in forms:
                if len(f) >= 2 and f not in _NOT_NAMES and not _ABBREVIATED_SIDE.match(f) and f in seen_text:
                    in_doc.add((f, (key, label, ent.get("qid") or "")))
        for f, choice in in_doc:
            votes[f][choice] += 1
    patterns = []
    for form, counter in votes.items():
        (choice, n), *rest = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
        if rest and rest[0][1] == n and rest[0][0][1] != choice[1]:
            continue  # as many documents give it another type: ambiguous
        key, label, qid = choice
        if form in known.names:  # the lexicon has this name: only the Wikidata id it lacks, if the gold gives one
            entry = lex.entries.get(key)
            if qid and entry is not None and not entry.links.get("wikidata") and known.names[form] == key:
                patterns.append({"label": label, "pattern": form, "id": key, "qid": qid})
            continue
        pattern = {"label": label, "pattern": form, "id": key}
        entry = lex.entries.get(key)
        if qid and (entry is None or not entry.links.get("wikidata")):
            pattern["qid"] = qid
        patterns.append(pattern)
    return sorted(patterns, key=lambda p: (p["id"], p["pattern"], p["label"]))


_BASE: list = []  # the pipeline without anything learned, built once per process


def _base_pipeline():
    if not _BASE:
        _BASE.append(nlp_mod.build_pipeline())
    return _BASE[0]


def classifier_examples(gold: list[tuple[str, dict]], augment: int = 2, seed: int = 0) -> list[tuple[list[str], str]]:
    """(features, type or "O") for every candidate of the gold texts, tagged by the pipeline without
    anything learned (so the gold's names are candidates, as new names are); each named candidate
    also ``augment`` times with its name swapped for another gold name of the same type."""
    nlp = _base_pipeline()
    tokenizer = nlp.tokenizer
    rng = random.Random(seed)
    pool: dict[str, list[str]] = defaultdict(set)
    for _, doc in gold:
        for ent in doc.get("entities", []):
            pool[ent.get("type")].add(_form(ent["name"]))
    pool = {t: sorted(n for n in names if 2 <= len(n) <= learned.MAX_CHARS) for t, names in sorted(pool.items())}
    examples = []
    for text, doc in gold:
        for feats, label in _labelled_candidates(text, doc):
            examples.append((feats, label))
            if label == learned.OUTSIDE or not pool.get(label):
                continue
            context = [f for f in feats if not f.startswith(_NAME_FEATURES)]
            for _ in range(augment):
                other = rng.choice(pool[label])
                tags = [tokenizer.tag(w) for w in tokenizer.jieba.cut(other, True)]
                examples.append((["bias", *learned.name_features(other, tags), *context], label))
    return examples


_CANDIDATES: dict[str, list[tuple[list[str], str]]] = {}  # one document's labelled candidates, by its text and gold


def _labelled_candidates(text: str, doc: dict) -> list[tuple[list[str], str]]:
    """The candidates of one gold document with their features and gold type (or "O"); computed
    once per process (cross-validation fits on the same documents again and again)."""
    key = text + "\x00" + json.dumps(doc.get("entities", []), sort_keys=True, ensure_ascii=False)
    if key not in _CANDIDATES:
        nlp = _base_pipeline()
        names = {}
        for ent in doc.get("entities", []):
            for n in [ent["name"], *ent.get("aliases_in_text", [])]:
                names.setdefault(_form(n), ent.get("type"))
        out = []
        sentences = [nlp_mod.normalize(s.text)[0] for s in split(text)[1]]
        for sdoc in nlp.pipe(sentences):
            for s, e, feats in learned.featurise(sdoc, nlp.tokenizer.tag):
                label = names.get(_form(sdoc.text[s:e]), learned.OUTSIDE)
                out.append((feats, label if label in lexicon_mod.ENTITY_TYPES else learned.OUTSIDE))
        _CANDIDATES[key] = out
    return _CANDIDATES[key]


_NAME_FEATURES = ("bias", "tags=", "ntok=", "len=", "last=", "last2=", "first=", "translit=", "surname=")


def fit(gold: list[tuple[str, dict]], out_dir: Path, classifier: bool = False) -> Path:
    """Train on ``gold`` (document text, gold JSON dict) and save the pipeline to ``out_dir``.

    ``classifier``: also train the candidate-name classifier (``kg.extract.learned``).  Off by
    default: under leave-one-document-out cross-validation on the 20 gold documents it added 1 of
    332 names found in no other document and moved typed F1 by 0.001 (0.852 -> 0.853; held-out
    documents unchanged), for a sixth of the extraction time."""
    out_dir = Path(out_dir)
    weights = learned.Perceptron.train(classifier_examples(gold)).weights if classifier and gold else None
    nlp = nlp_mod.build_pipeline(patterns=patterns_from_gold(gold), weights=weights)
    nlp.meta["sources"] = [{"name": "gold annotations", "documents": len(gold)}]
    nlp.to_disk(out_dir)
    return out_dir


def read_gold(folder: Path) -> list[tuple[str, dict]]:
    """(text, gold) for every ``*.json`` gold file of ``folder`` (format of the annotation guide)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(str(folder), "no such folder of gold files")
    out = []
    for f in sorted(folder.glob("*.json")):
        try:
            gold = json.loads(f.read_text(encoding="utf-8"))
            text = (folder / gold["text_file"]).read_text(encoding="utf-8-sig")
        except (OSError, ValueError, KeyError) as e:
            raise InputError(str(f), f"not a gold file with its text ({type(e).__name__}: {e})") from None
        out.append((text, gold))
    if not out:
        raise InputError(str(folder), "folder holds no gold .json files")
    return out


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    classifier = "--classifier" in args
    args = [a for a in args if a != "--classifier"]
    if not 1 <= len(args) <= 2:
        print("usage: python -m kg.extract.train GOLD_DIR [OUT_DIR] [--classifier]", file=sys.stderr)
        return 2
    out = Path(args[1]) if len(args) == 2 else Path(str(nlp_mod.SHIPPED_MODEL))
    try:
        gold = read_gold(Path(args[0]))
        fit(gold, out, classifier=classifier)
    except InputError as e:
        print(f"kg: error: {e}", file=sys.stderr)
        return 1
    n = sum(1 for _ in (out / "tokenizer" / nlp_mod.PATTERNS_FILE).open(encoding="utf-8"))
    print(f"trained on {len(gold)} gold documents: {n} patterns -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
