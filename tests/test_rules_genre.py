"""Rules for names the lexicon does not know, on sentences written in the style of other documents
of the genre (news reports, lists of projects, traditional characters), and near misses."""

from __future__ import annotations

import pytest

from test_nlp import tag
from conftest import entity_names as names, tagged


@pytest.mark.parametrize("sentence, name, typ", [
    ("中方援建的科特迪瓦阿比让体育场已经竣工。", "科特迪瓦阿比让体育场", "PROJECT"),
    ("中国企业承建的肯尼亚蒙巴萨港扩建工程顺利完工。", "肯尼亚蒙巴萨港扩建工程", "PROJECT"),  # works in one place
    ("中国在柬埔寨援建了暹粒吴哥国际机场。", "柬埔寨", "COUNTRY"),
    ("斯里兰卡卡图纳亚克机场升级项目由中方援建。", "斯里兰卡卡图纳亚克机场升级项目", "PROJECT"),
    ("中国援助的塞拉利昂金迪友谊医院正式移交。", "塞拉利昂金迪友谊医院", "PROJECT"),
    ("中方支持建设的莫桑比克马普托大桥通车。", "莫桑比克马普托大桥", "PROJECT"),
    ("乌干达卡鲁马水电站是当地最大的电站。", "乌干达卡鲁马水电站", "PROJECT"),
    ("中国—东盟海上合作基金支持了多个项目。", "中国—东盟海上合作基金", "PROGRAMME"),
    ("赞比亚农业部与中方签署协议。", "赞比亚农业部", "ORG"),
    ("坦桑尼亚达累斯萨拉姆大学孔子学院举办活动。", "坦桑尼亚达累斯萨拉姆大学孔子学院", "ORG"),
    ("会议通过了《中非合作论坛—达喀尔行动计划（2022—2024）》和《非洲农业现代化规划》。", "非洲农业现代化规划", "PROGRAMME"),
    ("中国向尼日利亚提供100个“光明乡村”项目。", "光明乡村", "PROGRAMME"),
    ("联合国秘书长安东尼奥·古特雷斯出席开幕式。", "安东尼奥·古特雷斯", "PERSON"),
    ("塞内加尔总统萨勒会见了中方代表团。", "萨勒", "PERSON"),
    ("中非合作论坛第八届部长级会议在达喀尔举行。", "中非合作论坛第八届部长级会议", "MEETING"),
    ("第二届中国—非洲经贸博览会在长沙举办。", "长沙", "PLACE"),
])
def test_rule_finds_a_name(extractor, sentence, name, typ):
    doc = tag(extractor, sentence)
    assert name in names(doc, typ), tagged(doc)


@pytest.mark.parametrize("sentence", [
    "中国向发展中国家和受援国提供援助，支持有关国际组织的工作。",
    "援外医疗队在当地开展工作，帮助建设成套项目和民生项目。",
    "我们要全部落实，加强内部管理，推动东部和西部协调发展。",
    "该计划得到了各方支持，相关倡议正在推进，有关论坛和峰会也在筹备。",
    "中国致力于增进福祉，拓展合作范畴，深化互利共赢。",
    "兴建农田水利工程，改善灌溉条件。",
])
def test_no_rule_fires_on_generic_nouns(extractor, sentence):
    doc = tag(extractor, sentence)
    assert names(doc) - {"中国"} == set(), tagged(doc)


def test_traditional_news_sentence(extractor):
    doc = tag(extractor, "國家主席習近平宣布，中方將向太平洋島國提供二十億元人民幣援助，支持斐濟和薩摩亞的醫院建設。")
    assert names(doc, "PERSON") == {"习近平"}
    assert {"斐济", "萨摩亚"} <= names(doc, "COUNTRY")
    assert "太平洋岛国" in names(doc, "REGION")
    money = [m for m in doc.mentions if m.type == "MONEY"]
    assert money[0].value == {"amount": "2000000000", "unit": "CNY"}
    assert money[0].text == "二十億元人民幣"


def test_short_reference_resolves_to_the_named_entity(extractor):
    doc = tag(extractor, "中国—白俄罗斯工业园是两国合作的旗舰项目。工业园已入驻企业100多家。多边论坛很多。")
    refs = [m for m in doc.mentions if m.rule.startswith("reference")]
    assert [(m.text, m.key) for m in refs] == [("工业园", "project/china-belarus-industrial-park")]


def test_nested_names_give_all_their_entities(extractor):
    doc = tag(extractor, "在中非合作论坛北京峰会上，双方达成共识。")
    assert {("中非合作论坛北京峰会", "MEETING"), ("中非合作论坛", "FORUM"), ("北京", "PLACE")} <= {
        (m.name, m.type) for m in doc.mentions}


def test_names_that_are_also_words_need_context(extractor):
    doc = tag(extractor, "一片汪洋之中，出海口万象更新。外长王毅在万象出席会议。")
    assert names(doc) == {"王毅", "万象"}
    assert [m.text for m in doc.mentions if m.type == "PLACE"] == ["万象"]
