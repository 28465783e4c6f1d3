"""Names no gold document has, round 2 (issue 12): persons, places and works the name grammar finds with the
names learned from the gold files removed (the grammar and the lexicon alone, as in each fold of `kg eval`),
in probe texts of the genre written for this file (Xinhua items, an embassy's release, a ministry's note;
simplified and traditional), each case a pattern of Chinese, with words beside it that must stay unnamed.

The sentences are made up: none is taken from a gold document."""

from __future__ import annotations

import pytest

from test_names_probe import assert_named
from test_nlp import tag

GENERIC = frozenset({"港口城市", "非洲铁路", "基础设施项目", "有关项目", "该项目", "有关部门", "当地政府", "国家", "项目"})


@pytest.fixture(scope="module")
def unlearned():
    """A tagger without the names learned from the gold files: the grammar and the lexicon alone."""
    from kg.extract.nlp import Extractor

    extractor = Extractor()
    extractor.nlp.tokenizer.set_patterns([])
    return extractor


def probe(extractor, sentence, names, not_names=frozenset()):
    assert_named(tag(extractor, sentence), set(names), set(not_names) | GENERIC)


# ---------------------------------------------------------------------------------------------- persons
@pytest.mark.parametrize("sentence, names, not_names", [
    # a Chinese name whose given name is a word of the language (刘|海星, 吴|海涛, 李|红梅), before a title or a
    # verb of saying at the start of a clause
    ("刘海星部长会见了来访的客人。", {("刘海星", "PERSON")}, {"海星"}),
    ("吴海涛表示，中方将继续为有关项目提供支持。", {("吴海涛", "PERSON")}, set()),
    ("李红梅说，该项目将于明年完工。", {("李红梅", "PERSON")}, set()),
    ("會上，吳海濤表示，中方願同當地政府合作。", {("吴海涛", "PERSON")}, set()),
    # (a surname and a title, a side, words of the language before a verb of saying are none)
    ("王部长表示，李大使说，张主任指出。", set(), {"李大使", "王部长", "张主任"}),
    ("会上，双方表示将加强合作，报告指出，马方表示感谢，高官表示关注，宋体说明问题。",
     set(), {"双方", "马方", "高官", "宋体"}),
    # what a titled person does: leads, visits, goes (队长郑一鸣带领队员)
    ("记者获悉，中国医疗队队长郑一鸣带领队员开展义诊。", {("郑一鸣", "PERSON")}, set()),
    ("援外专家组组长孙立平率领专家前往有关项目现场。", {("孙立平", "PERSON")}, set()),
])
def test_chinese_names_jieba_cuts_into_words(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # the dots that join a foreign name's parts in other scripts: ‧ (Taiwan), ・ and ･ (scraped pages), ∙
    ("肯尼亚卫生部长苏珊‧瓦法拉出席了仪式。", {("苏珊·瓦法拉", "PERSON")}, set()),
    ("塞內加爾外長亞辛‧法勒表示感謝。", {("亚辛·法勒", "PERSON")}, set()),
    ("马里总统阿西米・戈伊塔会见了中国大使。", {("阿西米·戈伊塔", "PERSON")}, set()),
    ("加纳总统约翰･马哈马出席。", {("约翰·马哈马", "PERSON")}, set()),
    ("布隆迪外长阿尔贝∙欣吉罗表示欢迎。", {("阿尔贝·欣吉罗", "PERSON")}, set()),
    # a first part the lexicon knows whole (谭德塞) is the name's first part, not cut by the transliteration rule
    ("世界卫生组织总干事谭德塞·盖布雷耶苏斯表示欢迎。", {("谭德塞·盖布雷耶苏斯", "PERSON")}, {"德塞·盖布雷耶苏斯"}),
])
def test_foreign_names_joined_by_any_dot(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


# ---------------------------------------------------------------------------------------------- what a name found says
from test_relations import read  # noqa: E402,F401  (read: the module's fixture)


@pytest.mark.parametrize("sentence, figure", [
    # a person now found before 表示 tells of what was done since a fund was announced (自…宣布设立以来): he
    # announces no pledge
    ("吴海涛表示，自基金宣布设立以来，已为老挝提供300万美元。", "300万美元"),
    ("屈四喜表示，從該基金宣佈啟動至今，已向柬埔寨提供500萬美元。", "500万美元"),
])
def test_what_was_done_since_an_announcement_is_announced_by_no_one(read, sentence, figure):
    facts = read(sentence)
    assert not [m.name for f in facts if f.kind == "Pledge" and any(m.text.replace("萬", "万") == figure for _, m in f.roles)
                for r, m in f.roles if r == "announced_by"]
