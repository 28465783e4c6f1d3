"""Extraction quality, cross-validated by document on tests/gold, pinned so that a regression fails.

One `kg.evaluate.cross_validate` run (leave one document out) feeds every test.  The floors sit a
little below what the tree measures; raise them when the extractor improves, lower one only with a
reason written next to it.  "held-out" are the documents nobody writes rules against
(`kg.evaluate.HELD_OUT`): a floor there guards against rules that only fit the tuning documents.
"""

from __future__ import annotations

import pytest

from conftest import BUNDLED_GOLD, GOLD, ROOT, gold_subset
from kg.evaluate import cross_validate, evaluate

# (group, figure) -> floor.  Figures: kg.evaluate.Scores.as_dict() keys, "a.b" for nested ones.
FLOORS = {  # measured on the merged tree (issue 12 end, a pipeline trained per fold): floors 0.01-0.02 below
    ("all", "typed.f1"): 0.95,  # 0.965 (0.964 at stop 22, 0.962 before i12names3, 0.935 before i12names2, 0.959 before i12names)
    ("all", "typed.recall"): 0.94,  # 0.959
    ("all", "typed.precision"): 0.96,  # 0.971
    ("all", "values.f1"): 0.90,  # 0.911 (0.903 before i12facts3)
    ("all", "values_normalised.f1"): 0.90,  # 0.911
    ("all", "facts.f1"): 0.78,  # 0.798 (0.795 at stop 23, 0.784 at stop 22, 0.781 before i12facts7, 0.768 before i12facts6, 0.762 before i12facts5, 0.737 before i12facts4)
    ("all", "facts.precision"): 0.79,  # 0.805 (0.797 at stop 22, 0.794 before traditional pledges were read as simplified)
    ("all", "facts.recall"): 0.77,  # 0.786 (0.770 at stop 22, 0.766 before i12facts7, 0.746 before i12facts6)
    ("all", "link_accuracy"): 0.98,  # 0.987 (0.970 before i12links, 0.978 before the dr5hn fill-down rule)
    ("all", "novel_recall"): 0.91,  # 0.931 (0.925 before i12names3, 0.919 before i12facts6, 0.913 before i12names)
    ("tuning", "typed.f1"): 0.96,  # 0.978
    ("tuning", "facts.f1"): 0.815,  # 0.833 (0.827 at stop 22, 0.824 before i12facts7, 0.821 before i12facts6)
    ("held-out", "typed.f1"): 0.89,  # 0.906 (0.901 at stop 22, 0.896 before i12facts6: a session named with its forum's short form)
    ("held-out", "values.f1"): 0.86,  # 0.882
    ("held-out", "link_accuracy"): 0.94,  # 0.952
    ("held-out", "novel_recall"): 0.77,  # 0.788 (0.769 before i12facts6)
    ("held-out", "facts.f1"): 0.485,  # 0.505 (0.491 at stop 23; 0.466 before i12plan's rules for action plans: one more announcer and
    # one more period found; 0.444 at stop 22, before i12proj2 read a plan of China and a partner as
    # one name and a top-up of a sum as a measure: 5 false positives fewer; 0.333 before i12facts6: trade figures by their totals and years, a
    # session named with its forum's short form in brackets, an organisation's own programme; 0.317 before
    # i12facts5: figures of trade read, growth rates no
    # shares; 0.340 before traditional pledges were read as simplified: 7 more
    # pledges in one traditional text that its gold does not state; the same text in simplified gives 0.314)
}
PER_TYPE_F1_FLOORS = {"COUNTRY": 0.98, "REGION": 0.92, "PLACE": 0.92, "ORG": 0.94, "FORUM": 0.96, "MEETING": 0.93,
                      "PROGRAMME": 0.91, "PROJECT": 0.88, "PERSON": 0.94}
LINK_FLOORS = {"COUNTRY": 0.99, "ORG": 0.99, "FORUM": 0.99, "PERSON": 0.99, "REGION": 0.93, "PLACE": 0.90}  # PLACE 0.929 (13 of 14)
BUNDLED_TYPED_F1 = 0.97  # 0.985; the white paper the lexicon and rules were first written on
GENRE_TYPED_F1 = 0.91  # 0.932; tests/genre: texts written alongside the rules (i12names keeps them)


PIN_FOLDS = None  # leave one document out, as `kg eval tests/gold` reports; 5 if training makes it too slow


@pytest.fixture(scope="module")
def report():
    return cross_validate(GOLD, PIN_FOLDS)


def figure(scores: dict, path: str) -> float:
    for part in path.split("."):
        scores = scores[part]
    return scores


@pytest.mark.parametrize(("group", "path"), sorted(FLOORS))
def test_cross_validated_figure_stays_above_its_floor(report, group, path):
    scores = report.groups[group].as_dict()
    assert scores["documents"] == {"all": 20, "tuning": 15, "held-out": 5}[group]
    assert figure(scores, path) >= FLOORS[group, path], (group, path, figure(scores, path))


def test_every_type_stays_above_its_floor(report):
    per_type = report.all.as_dict()["per_type"]
    low = {t: per_type[t]["f1"] for t, floor in PER_TYPE_F1_FLOORS.items() if per_type[t]["f1"] < floor}
    assert not low, low


def test_links_per_type(report):
    per_type = report.all.as_dict()["link_accuracy_per_type"]
    low = {t: per_type.get(t) for t, floor in LINK_FLOORS.items() if per_type.get(t, 0.0) < floor}
    assert not low, low


def test_groups_add_up_to_all(report):
    a, t, h = (report.groups[g] for g in ("all", "tuning", "held-out"))
    for name in ("typed", "values", "facts"):
        x, y, z = getattr(a, name), getattr(t, name), getattr(h, name)
        assert (x.tp, x.fp, x.fn) == (y.tp + z.tp, y.fp + z.fp, y.fn + z.fn)
    assert a.novel.total == t.novel.total + h.novel.total > 100
    assert sum(s.documents for s in report.per_document.values()) == 20


def test_bundled_white_paper(tmp_path):
    s = evaluate(gold_subset(tmp_path / "gold", BUNDLED_GOLD), train_on=GOLD)
    assert s.documents == 1 and s.typed.f1 >= BUNDLED_TYPED_F1, s.as_dict()["typed"]


def test_genre_documents():
    """Documents written in the genre without looking at the extractor: names it does not know."""
    s = evaluate(ROOT / "tests" / "genre", train_on=GOLD)
    assert s.documents == 6
    assert s.typed.f1 >= GENRE_TYPED_F1, s.as_dict()
    assert s.values.f1 >= 0.95, s.as_dict()["values"]  # 0.973
