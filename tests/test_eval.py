"""How `kg eval` scores: entities, values, facts by the event rule, names seen nowhere else, the folds.

Tiny hand-made gold/prediction pairs, so that each rule of the scoring is checked on its own; the
figures on the real gold are pinned in tests/test_quality.py.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from conftest import BUNDLED_GOLD, GOLD, ROOT, gold_subset, run_kg
from kg.evaluate import (HELD_OUT, PRF, Gold, Scores, cross_validate, load_gold, names_elsewhere, norm,
                         score_document, score_facts, splits)
from kg.extract.lexicon import Entry, Lexicon, load
from kg.model import Document, Fact, InputError, Mention


def mention(text: str, type_: str, key: str = "", start: int = 0, value: dict | None = None) -> Mention:
    return Mention(start, start + len(text), text, type_, key or f"{type_.lower()}/{text}", 0, text,
                   "test", value)


def facts_of(doc: Document, gold: dict) -> Scores:
    s = Scores()
    score_facts(s, doc, gold)
    return s


# ------------------------------------------------------------------------------------------- entities
def test_scoring_counts_matches_by_name_or_alias_and_type():
    doc = Document(id="d", path="d", text="中华人民共和国和老挝在万象会谈", sha256="")
    doc.mentions = [
        Mention(0, 7, "中华人民共和国", "COUNTRY", "country/CHN", 0, "中华人民共和国"),
        Mention(8, 10, "老挝", "PLACE", "country/LAO", 0, "老挝"),  # wrong type
        Mention(11, 13, "万象", "PLACE", "place/vientiane", 0, "万象"),
    ]
    gold = {"entities": [{"name": "中国", "type": "COUNTRY", "qid": "Q148", "aliases_in_text": ["中华人民共和国"]},
                         {"name": "老挝", "type": "COUNTRY", "qid": "Q819", "aliases_in_text": []},
                         {"name": "会谈", "type": "MEETING", "qid": None, "aliases_in_text": []}]}
    s = score_document(doc, gold, load())
    assert (s.untyped.tp, s.untyped.fp, s.untyped.fn) == (2, 1, 1)
    assert (s.typed.tp, s.typed.fp, s.typed.fn) == (1, 2, 2)
    assert (s.links.hit, s.links.total) == (2, 2)  # 老挝 links right even with the wrong type
    assert PRF(1, 2, 2).f1 == pytest.approx(1 / 3)


def test_traditional_forms_quotes_and_width_are_normalised():
    assert norm("「中國—東盟」 博覽會") == norm("“中国—东盟”博览会") == "中国—东盟博览会"
    assert norm("ＵＮＤＰ") == "UNDP"
    doc = Document(id="d", path="d", text="", sha256="")
    doc.mentions = [mention("中國駐埃及大使館", "ORG")]
    gold = {"entities": [{"name": "中国驻埃及大使馆", "type": "ORG", "qid": None, "aliases_in_text": []}]}
    assert score_document(doc, gold, load()).typed.tp == 1


def test_recall_on_names_seen_in_no_other_document(tmp_path):
    def gold(stem, *names):
        return Gold(stem, tmp_path / f"{stem}.txt",
                    {"entities": [{"name": n, "type": "ORG", "qid": None, "aliases_in_text": a}
                                  for n, a in names]})

    golds = [gold("a", ("世界银行", []), ("國家國際發展合作署", ["国合署"])),
             gold("b", ("国合署", []), ("亚洲开发银行", [])),
             gold("c", ("世界银行", []))]
    elsewhere = names_elsewhere(golds)
    assert "世界银行" in elsewhere["a"] and "国合署" in elsewhere["a"]  # from b and c
    assert elsewhere["b"] == {"世界银行", "国家国际发展合作署", "国合署"}  # its own names only where others have them
    doc = Document(id="b", path="b", text="", sha256="")
    doc.mentions = [mention("国合署", "ORG", "org/cidca")]
    s = score_document(doc, golds[1].data, load(), elsewhere["b"])
    assert (s.novel.hit, s.novel.total) == (0, 1)  # 亚洲开发银行 occurs nowhere else, and was missed
    assert (s.novel_per_type["ORG"].hit, s.novel_per_type["ORG"].total) == (0, 1)
    assert (s.seen.hit, s.seen.total) == (1, 1)  # 国合署 is named in document a too, and was found


# ------------------------------------------------------------------------------------------- values
def test_values_by_text_and_type_then_by_normalised_value():
    doc = Document(id="d", path="d", text="", sha256="")
    doc.mentions = [mention("1億元人民幣", "MONEY", value={"amount": "100000000", "unit": "CNY"}),
                    mention("2018年9月", "DATE", value={"value": "2018-09"}),
                    mention("3年", "PERIOD", value={"value": "P4Y"})]  # text right, value wrong
    gold = {"values": [{"text": "1亿元人民币", "type": "MONEY", "amount": 100000000, "unit": "CNY"},
                       {"text": "2018年9月", "type": "DATE", "value": "2018-09"},
                       {"text": "3年", "type": "PERIOD", "value": "P3Y"},
                       {"text": "47.3%", "type": "PERCENT", "amount": 47.3}]}
    s = score_document(doc, gold, load())
    assert (s.values.tp, s.values.fp, s.values.fn) == (3, 0, 1)
    assert (s.values_normalised.tp, s.values_normalised.fp, s.values_normalised.fn) == (2, 1, 2)


# ------------------------------------------------------------------------------------------- facts: the event rule
PAK = {"name": "巴基斯坦", "type": "COUNTRY", "qid": "Q843", "aliases_in_text": ["巴方"]}
ZHENG = {"name": "郑愿东", "type": "PERSON", "qid": None, "aliases_in_text": []}
MONEY = {"text": "1亿元人民币", "type": "MONEY", "amount": 100000000, "unit": "CNY"}


def pledge_doc(*roles: tuple[str, Mention], kind: str = "Pledge", label: str = "") -> Document:
    doc = Document(id="d", path="d", text="", sha256="")
    doc.mentions = [m for _, m in roles]
    doc.facts = [Fact(kind, 0, 0, 0, "郑愿东通报，中国政府向巴方提供价值1亿元人民币的援助", "test", label, list(roles))]
    return doc


def test_one_event_finds_every_gold_fact_about_its_subject():
    amount = mention("1亿元人民币", "MONEY", value={"amount": "100000000", "unit": "CNY"})
    doc = pledge_doc(("announcedBy", mention("郑愿东", "PERSON")), ("amount", amount),
                     ("recipient", mention("巴方", "COUNTRY", "country/PAK")),
                     ("date", mention("8月30日", "DATE", value={"value": "2022-08-30"})))
    doc.mentions.append(mention("巴基斯坦", "COUNTRY", "country/PAK"))  # the same key: 巴方 is 巴基斯坦
    gold = {"entities": [PAK, ZHENG], "values": [MONEY],
            "facts": [{"s": "1亿元人民币", "p": "recipient", "o": "巴基斯坦"},
                      {"s": "1亿元人民币", "p": "announced_by", "o": "郑愿东"},
                      {"s": "1亿元人民币", "p": "date", "o": "2022-08-30"}]}
    s = facts_of(doc, gold)
    assert (s.facts.tp, s.facts.fn) == (3, 0)
    # the amount role holds the subject of the facts it explains: neither right nor wrong
    assert (s.facts.tp_pred, s.facts.fp) == (3, 0)
    assert s.facts.precision == s.facts.recall == 1.0
    assert set(s.facts_per_predicate) == {"recipient", "announced_by", "date"}


def test_a_fact_needs_subject_and_object_in_the_same_event():
    amount = mention("1亿元人民币", "MONEY", value={"amount": "100000000", "unit": "CNY"})
    doc = Document(id="d", path="d", text="", sha256="")
    doc.facts = [Fact("AidStatistic", 0, 0, 0, "a", "test", "", [("amount", amount), ("period", mention(
                     "3年", "PERIOD", value={"value": "P3Y"}))]),
                 Fact("AidDelivery", 0, 0, 0, "b", "test", "", [("deliverable", mention("帐篷", "PROJECT")),
                                                                ("recipient", mention("巴基斯坦", "COUNTRY"))])]
    gold = {"entities": [PAK], "values": [MONEY], "facts": [{"s": "1亿元人民币", "p": "recipient", "o": "巴基斯坦"}]}
    s = facts_of(doc, gold)
    assert (s.facts.tp, s.facts.fn) == (0, 1)
    assert s.facts.fp == 3 and s.facts.right == 0  # amount, period and recipient, each explaining nothing
    errors = {e["kind"] for e in s.errors}
    assert errors == {"missed fact", "spurious fact"}


def test_subjects_match_by_alias_objects_by_role_and_values_by_number():
    fund = mention("南南基金", "PROGRAMME", "programme/ssf")
    doc = pledge_doc(("programme", fund), ("amount", mention("10億美元", "MONEY",
                                                             value={"amount": "1000000000", "unit": "USD"})),
                     ("partner", mention("世界粮食计划署", "ORG")))
    gold = {"entities": [{"name": "南南合作援助基金", "type": "PROGRAMME", "qid": None, "aliases_in_text": ["南南基金"]},
                         {"name": "联合国世界粮食计划署", "type": "ORG", "qid": None, "aliases_in_text": ["世界粮食计划署"]}],
            "values": [{"text": "10亿美元", "type": "MONEY", "amount": 1000000000, "unit": "USD"}],
            "facts": [{"s": "南南合作援助基金", "p": "amount", "o": "10亿美元"},
                      {"s": "南南合作援助基金", "p": "partner", "o": "联合国世界粮食计划署"},
                      {"s": "南南合作援助基金", "p": "recipient", "o": "联合国世界粮食计划署"}]}  # wrong role
    s = facts_of(doc, gold)
    assert (s.facts.tp, s.facts.fn, s.facts.fp) == (2, 1, 0)
    assert s.facts_per_predicate["recipient"].fn == 1
    # the same figure in another currency is another value
    other = pledge_doc(("programme", fund), ("amount", mention("10亿元", "MONEY",
                                                               value={"amount": "1000000000", "unit": "CNY"})))
    assert facts_of(other, gold).facts_per_predicate["amount"].tp == 0


def test_dates_and_periods_are_compared_by_normalised_value():
    meeting = mention("北京峰会", "MEETING")
    doc = pledge_doc(("meeting", meeting), ("date", mention("2018年9月", "DATE", value={"value": "2018-09"})),
                     ("location", mention("北京", "PLACE")), kind="MeetingReport")
    year_only = Document(id="d", path="d", text="", sha256="")
    year_only.facts = [Fact("MeetingReport", 0, 0, 0, "2017年首届峰会", "test", "首届峰会", [("meeting", meeting)],
                            {"date": "2017"})]
    gold = {"entities": [{"name": "中非合作论坛北京峰会", "type": "MEETING", "qid": None, "aliases_in_text": ["北京峰会"]}],
            "facts": [{"s": "中非合作论坛北京峰会", "p": "date", "o": "2018-09"},
                      {"s": "北京峰会", "p": "location", "o": "北京"},
                      {"s": "北京峰会", "p": "date", "o": "2017"}]}
    s = facts_of(doc, gold)
    assert s.facts_per_predicate["date"].tp == 1 and s.facts_per_predicate["location"].tp == 1
    assert facts_of(year_only, gold).facts_per_predicate["date"].tp == 1  # a literal date asserts too
    fund = Document(id="d", path="d", text="", sha256="")
    fund.facts = [Fact("Pledge", 0, 0, 0, "增资10亿美元", "test", "", [("programme", mention("南南合作援助基金", "PROGRAMME"))],
                       {"amount": "10億美元", "flowType": "110"})]
    gold = {"entities": [{"name": "南南合作援助基金", "type": "PROGRAMME", "qid": None, "aliases_in_text": []}],
            "facts": [{"s": "南南合作援助基金", "p": "amount", "o": "1000000000美元"}]}
    assert facts_of(fund, gold).facts.tp == 1  # a literal amount, by its value


def test_entities_the_graph_describes_from_the_lexicon_are_events_too():
    lex = Lexicon([Entry("forum/focac", "FORUM", "中非合作论坛", aliases=["中非合作論壇"]),
                   Entry("place/beijing", "PLACE", "北京"),
                   Entry("meeting/focac-2018", "MEETING", "中非合作论坛北京峰会", part_of="forum/focac",
                         location="place/beijing", date="2018-09-03")])
    doc = Document(id="d", path="d", text="", sha256="")
    doc.mentions = [mention("北京峰会", "MEETING", "meeting/focac-2018")]
    gold = {"entities": [{"name": "中非合作论坛北京峰会", "type": "MEETING", "qid": None, "aliases_in_text": ["北京峰会"]},
                         {"name": "中非合作論壇", "type": "FORUM", "qid": None, "aliases_in_text": []}],
            "facts": [{"s": "北京峰会", "p": "part_of", "o": "中非合作論壇"},
                      {"s": "北京峰会", "p": "date", "o": "2018-09"},  # the lexicon's day refines the month
                      {"s": "北京峰会", "p": "date", "o": "2018-10"}]}
    s = Scores()
    score_facts(s, doc, gold, lexicon=lex)
    assert (s.facts.tp, s.facts.fn) == (2, 1)
    assert s.facts.fp == 1 and s.facts_per_predicate["location"].fp == 1  # 北京: the gold does not say it
    assert score_document(doc, gold, lex).facts.tp == 2
    assert facts_of(doc, gold).facts.tp == 0  # without the lexicon: no event


def test_a_gold_subject_given_as_a_phrase_is_held_by_the_clause_that_says_it():
    doc = pledge_doc(("announcedBy", mention("习近平", "PERSON")),
                     ("amount", mention("600亿元人民币", "MONEY", value={"amount": "60000000000", "unit": "CNY"})))
    doc.facts[0].text = "习近平宣布未来3年内提供600亿元人民币援助"
    gold = {"entities": [{"name": "习近平", "type": "PERSON", "qid": "Q15031", "aliases_in_text": []}],
            "facts": [{"s": "600亿元人民币援助", "p": "announced_by", "o": "习近平"},
                      {"s": "800亿元人民币援助", "p": "announced_by", "o": "习近平"}]}
    s = facts_of(doc, gold)
    assert (s.facts.tp, s.facts.fn) == (1, 1)


def test_a_lone_figure_asserts_nothing_and_duplicates_count_once():
    amount = mention("7亿元", "MONEY", value={"amount": "700000000", "unit": "CNY"})
    doc = Document(id="d", path="d", text="", sha256="")
    doc.facts = [Fact("AidStatistic", 0, 0, 0, "提供7亿元援助", "test", "援助", [("amount", amount)])]
    assert facts_of(doc, {"facts": []}).facts.fp == 0
    twice = pledge_doc(("programme", mention("八大行动", "PROGRAMME")), ("announcedBy", mention("习近平", "PERSON")))
    twice.facts.append(twice.facts[0])
    assert facts_of(twice, {"facts": []}).facts.fp == 1


def test_roles_named_after_the_guide_and_todays_names_map_to_the_same_predicates():
    from kg.evaluate import PREDICATES, ROLE_PREDICATES, predicate_of
    assert all(ROLE_PREDICATES[p] == p for p in PREDICATES)
    f = Fact("AidDelivery", 0, 0, 0, "", "test")
    assert predicate_of(f, "programme") == "part_of" and predicate_of(Fact("Pledge", 0, 0, 0, "", "t"), "programme") is None
    assert predicate_of(f, "announcedBy") == predicate_of(f, "announced_by") == "announced_by"


# ------------------------------------------------------------------------------------------- folds, groups, CLI
def test_each_document_is_tested_once_by_a_model_that_never_saw_it():
    golds = load_gold(GOLD)
    assert len(golds) == 20 and {g.stem for g in golds} >= HELD_OUT
    for k in (None, 5):
        parts = splits(golds, k)
        assert len(parts) == (20 if k is None else 5)
        tested = [g.stem for test, _ in parts for g in test]
        assert sorted(tested) == sorted(g.stem for g in golds)
        for test, train in parts:
            assert not {g.stem for g in test} & {g.stem for g in train}
            assert len(test) + len(train) == 20


def test_one_document_cannot_be_cross_validated_alone(tmp_path):
    one = gold_subset(tmp_path / "one", BUNDLED_GOLD)
    with pytest.raises(InputError, match="nothing to train on"):
        cross_validate(one)
    assert cross_validate(one, train_on=GOLD).trained  # trained on the 19 others: 000 itself is left out


def test_gold_files_are_complete():
    for g in load_gold(GOLD):
        text = g.text_file.read_text(encoding="utf-8")
        assert g.data["entities"], g.stem
        for e in g.data["entities"]:
            assert e["type"] in ("COUNTRY", "REGION", "PLACE", "ORG", "FORUM", "MEETING", "PROGRAMME", "PROJECT",
                                 "PERSON"), (g.stem, e)
        if not g.stem.startswith("000_"):  # the new gold: every name and value as the text writes it
            for e in g.data["entities"]:
                for n in [e["name"], *e.get("aliases_in_text", [])]:
                    assert n in text, (g.stem, n)
            for v in g.data["values"]:
                assert v["text"] in text, (g.stem, v)


def test_kg_eval_prints_groups_and_json():
    # few folds: with a learned component each fold trains a model
    result = json.loads(run_kg("eval", str(GOLD), "--json", "--per-document", "--errors", "--folds", "2").stdout)
    assert result["documents"] == 20 and result["folds"] == 2 and result["train_on"] is None and result["trained"]
    assert result["seconds"]["train"] > 0
    assert set(result["groups"]) == {"all", "tuning", "held-out"}
    assert result["groups"]["held-out"]["documents"] == 5 and result["groups"]["tuning"]["documents"] == 15
    assert result["groups"]["all"]["typed"] == result["typed"]
    assert set(result) >= {"untyped", "typed", "coarse", "per_type", "link_accuracy", "values", "facts",
                           "facts_per_predicate", "novel_recall", "novel_recall_per_type"}
    assert not set(result["per_document"]) & HELD_OUT and len(result["per_document"]) == 15
    assert {e["doc"] for e in result["errors"]} <= set(result["per_document"])  # nothing of the held-out ones
    assert {e["kind"] for e in result["errors"]} >= {"missed", "spurious", "missed fact", "spurious fact"}
    table = run_kg("eval", str(GOLD), "--per-document", "--errors", "--folds", "2").stdout
    for word in ("typed", "link accuracy", "COUNTRY", "held-out", "tuning", "new-name recall", "facts",
                 "2-fold by document", "02-aid-whitepaper-2014", "missed fact"):
        assert word in table, word
    assert not any(stem in table for stem in HELD_OUT)
    shown = run_kg("eval", str(GOLD), "--per-document", "--show-held-out", "--folds", "2").stdout
    assert all(stem in shown for stem in HELD_OUT)
    genre = run_kg("eval", str(ROOT / "tests" / "genre"), "--train-on", str(GOLD)).stdout
    assert genre.startswith("6 documents") and f"--train-on {GOLD}" in genre


def test_bad_arguments_are_one_line_errors(tmp_path):
    proc = run_kg("eval", str(tmp_path / "none"), check=False)
    assert proc.returncode == 1 and "no such folder" in proc.stderr and "Traceback" not in proc.stderr
    for args in (["--folds", "1"], ["--folds", "3", "--train-on", str(GOLD)]):
        proc = run_kg("eval", str(GOLD), *args, check=False)
        assert proc.returncode == 1 and "--folds" in proc.stderr and "Traceback" not in proc.stderr
    proc = run_kg("eval", str(GOLD), "--train-on", str(tmp_path / "none"), check=False)
    assert proc.returncode == 1 and "no such folder" in proc.stderr and "Traceback" not in proc.stderr
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("中国", encoding="utf-8")
    (tmp_path / "bad.json").write_text('{"entities": []}', encoding="utf-8")
    proc = run_kg("eval", str(tmp_path), check=False)
    assert proc.returncode == 1 and "bad.json" in proc.stderr and "no text_file" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(("bad", "why"), [
    ({"text_file": "texts/a.txt", "facts": [{"s": "中国"}]}, "facts[0] needs s, p, o"),
    ({"text_file": "texts/a.txt", "entities": [{"name": "中国", "type": "COUNTRY", "aliases_in_text": "中方"}]},
     "aliases_in_text is not a list"),
    ({"text_file": "texts/a.txt", "entities": {}}, "entities is not a list"),
    ({"text_file": "texts/b.txt"}, "text_file texts/b.txt does not exist"),
    ([], "no text_file")])
def test_a_bad_gold_file_is_named_with_its_fault(tmp_path, bad, why):
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("中国", encoding="utf-8")
    (tmp_path / "bad.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(InputError, match=re.escape(why)) as e:
        load_gold(tmp_path)
    assert "bad.json" in str(e.value)


def test_name_normalisation_loads_no_tagger():
    code = ("import sys; from kg.evaluate import norm; assert norm('中國') == '中国'; "
            "bad = [m for m in ('spacy', 'jieba', 'rjieba', 'thinc') if m in sys.modules]; assert not bad, bad")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
