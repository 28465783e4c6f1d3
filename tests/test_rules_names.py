"""The grammar of names the lexicon does not know: heads, modifiers, left and right edges, context.

The sentences are made up for the patterns of the language (none is taken from a gold document);
the last tests measure the rules with the eval on annotated documents (tests/genre)."""

from __future__ import annotations

import pytest

from test_nlp import tag
from kg.evaluate import evaluate
from kg.extract import lexicon, rules
from conftest import entity_names as found


@pytest.mark.parametrize("sentence, name, typ", [
    # a body's head after a country and common nouns
    ("据马拉维国家灾害管理局统计，受灾人数继续上升。", "马拉维国家灾害管理局", "ORG"),
    ("埃塞俄比亚卫生部与中方签署了协议。", "埃塞俄比亚卫生部", "ORG"),
    # a department after its body, numbered departments
    ("国家国际发展合作署地区三司负责人介绍了情况。", "国家国际发展合作署地区三司", "ORG"),
    # missions: 驻 inside the name, also at its start
    ("中国驻加纳大使馆举行招待会。", "中国驻加纳大使馆", "ORG"),
    ("救援物资运抵驻尼泊尔使馆后分发。", "驻尼泊尔使馆", "ORG"),
    ("东盟驻华代表处发表声明。", "东盟驻华代表处", "ORG"),
    # numbered bodies: a numeral before 局 belongs to the name, the name goes on to the next head
    ("中国水电八局集团承建了大坝。", "中国水电八局集团", "ORG"),
    # bodies every country has one of
    ("孟加拉国红新月会向灾民发放物资。", "孟加拉国红新月会", "ORG"),
    # media: a proper noun with a media head
    ("据新华网消息，会议于当天闭幕。", "新华网", "ORG"),
    # a quoted name with a head after it
    ("双方同意成立“丝路青年”研究中心。", "“丝路青年”研究中心", "ORG"),
    # airports are places
    ("救援队从内罗毕乔莫·肯雅塔国际机场出发。", "内罗毕", "PLACE"),
    # a known place and a bare administrative head are one place
    ("洪水淹没了肯尼亚蒙巴萨县的村庄。", "蒙巴萨县", "PLACE"),
    # a gazetteer city (GeoNames) and a province (ISO 3166-2 zh_CN) that no entry of ours has
    ("地震波及土耳其加济安泰普和哈塔伊省。", "加济安泰普", "PLACE"),
    ("地震波及土耳其加济安泰普和哈塔伊省。", "哈塔伊省", "PLACE"),
])
def test_a_name_by_its_head(extractor, sentence, name, typ):
    doc = tag(extractor, sentence)
    assert name.replace("“", "").replace("”", "") in found(doc, typ), [(m.name, m.type, m.rule) for m in doc.mentions]


@pytest.mark.parametrize("sentence, names", [
    # departments listed with one head, the list closed by 等机构
    ("该部内设办公厅、规划司、财务司、条约法律司等机构。", {"规划司", "财务司", "条约法律司"}),
    # places listed with one head
    ("援助覆盖北部省、东部省、西部省等地区。", {"北部省", "东部省", "西部省"}),
])
def test_an_enumeration_with_one_head(extractor, sentence, names):
    doc = tag(extractor, sentence)
    assert names <= found(doc), [(m.name, m.type, m.rule) for m in doc.mentions]


@pytest.mark.parametrize("sentence, name, typ", [
    ("出席大湄公河次区域合作首次领导人会议。", "大湄公河次区域合作首次领导人会议", "MEETING"),
    ("全国政协第十四届委员会第二次会议开幕。", "委员会第二次会议", ""),
])
def test_a_session_of_a_body(extractor, sentence, name, typ):
    doc = tag(extractor, sentence)
    if typ:
        assert name in found(doc, typ), [(m.name, m.type, m.rule) for m in doc.mentions]
    else:
        assert name not in found(doc), [(m.name, m.type, m.rule) for m in doc.mentions]


def test_a_year_before_a_known_meeting_keeps_its_key(extractor):
    doc = tag(extractor, "2018年中非合作论坛北京峰会取得成功。")
    meetings = [m for m in doc.mentions if m.type == "MEETING"]
    assert meetings and all(not m.key.startswith("meeting/2018") for m in meetings), meetings


def test_missions_in_two_wordings_are_one_entity(extractor):
    doc = tag(extractor, "中国驻加纳大使馆表示，中国驻加纳使馆将继续提供协助。")
    keys = {m.key for m in doc.mentions if m.type == "ORG"}
    assert len(keys) == 1, keys


@pytest.mark.parametrize("sentence, person, not_name", [
    ("纳米比亚总统根哥布会见了代表团。", "根哥布", ""),
    ("会谈后，奥巴桑乔总统举行记者会。", "奥巴桑乔", ""),
    ("乌干达总理纳巴西再次表示感谢。", "纳巴西", "纳巴西再次"),
    ("外交部发言人林海说，中方愿提供帮助。", "林海", "林海说"),
    ("记者王平摄", "王平", "王平摄"),
    ("联合国副秘书长阿明娜·穆罕默德到场并致辞。", "阿明娜·穆罕默德", "阿明娜·穆罕默德到场"),
    ("外交部发言人赵宁3月5日在记者会上表示欢迎。", "赵宁", ""),
    ("国际司副司长陈立就此接受了采访。", "陈立", ""),
])
def test_a_person_ends_where_what_he_does_begins(extractor, sentence, person, not_name):
    doc = tag(extractor, sentence)
    names = found(doc, "PERSON")
    assert person in names and not_name not in names, [(m.name, m.type, m.rule) for m in doc.mentions]


@pytest.mark.parametrize("sentence, bad", [
    ("这是一座港口城市，也是边境城市。", "港口城市"),
    ("中国援外项目遍布各大洲。", "中国援外项目"),
    ("非洲铁路网络仍不完善。", "非洲铁路"),
    ("前条所列项目应当报批。", "前条所列项目"),
    ("非洲非政府组织和中非民间组织参加了活动。", "非洲非政府组织"),
    ("一是成套项目，二是物资援助。", "一是成套项目"),
    ("来肯尼亚修铁路的工人很多。", "肯尼亚修铁路"),
    ("按统一部署派出中国救援队。", "部署派出中国救援队"),
    ("他们抵达哈塔伊省后同当地救援队汇合。", "哈塔伊省后同当地救援队"),
    ("会议讨论了中非合作论坛机制建设。", "中非合作论坛机制"),
])
def test_generic_phrases_and_run_on_edges_are_not_names(extractor, sentence, bad):
    doc = tag(extractor, sentence)
    assert bad not in found(doc), [(m.name, m.type, m.rule) for m in doc.mentions]


def test_nested_names_give_their_entities(extractor):
    doc = tag(extractor, "中国驻埃及大使馆和国务院新闻办公室发布消息。")
    assert {"中国驻埃及大使馆", "埃及", "国务院新闻办公室", "国务院"} <= found(doc)


def test_a_fragment_of_a_longer_name_is_not_a_place(extractor):
    doc = tag(extractor, "峰会在约翰内斯堡举行，代表们随后前往琼莱州。")
    assert "约翰内斯堡" in found(doc, "PLACE")
    assert "内斯" not in found(doc) and "莱州" not in found(doc)


def test_nests_policy():
    assert rules.nests("ORG", "COUNTRY") and rules.nests("ORG", "ORG")
    assert rules.nests("PLACE", "PLACE", "北京市朝阳区", "北京市")
    assert not rules.nests("PLACE", "PLACE", "琼莱州", "莱州")
    assert not rules.nests("PLACE", "PLACE", "克孜勒奥尔达州", "克孜勒")
    assert not rules.nests("ORG", "PLACE", "上海合作组织", "上海")


def test_gazetteer_places_carry_ids_from_their_sources():
    lex = lexicon.load()
    beijing = lex["place/beijing"]  # our own entry, given its GeoNames id by the generated gazetteer
    assert beijing.links.get("geonames") == "1816670"
    hatay = lex["place/iso-tr-31"]
    assert hatay.links == {"iso3166_2": "TR-31", "geonames": "312394", "dbpedia": "http://dbpedia.org/resource/Hatay_Province"}
    assert "哈塔伊省" in hatay.names and hatay.location == "country/TUR"
    assert beijing.links.get("wikidata") == "Q956"  # from dr5hn, joined on name, country and coordinates
    assert all(e.links.get("geonames") for k, e in lex.entries.items()  # a city's Wikidata id came with its GeoNames one
               if k.startswith("place/") and e.links.get("wikidata") and not k.startswith("place/iso-"))


def test_derived_forms():
    lex = lexicon.load()
    assert lex.by_name["欧洲地区"] == "region/150"
    assert lex.by_name["中国国务院新闻办公室"] == lex.by_name["国务院新闻办公室"]


def test_rules_measured_on_annotated_documents(extractor):
    """The rules and the gazetteer on the genre documents, scored by the eval: precision stays high
    with the new names (measured 0.975 typed precision, 0.932 F1; before this work 0.961 / 0.900)."""
    scores = evaluate("tests/genre", extractor)
    assert scores.typed.precision >= 0.95, scores.as_dict()["typed"]
    assert scores.typed.f1 >= 0.92, scores.as_dict()["typed"]
    assert scores.per_type["PLACE"].precision >= 0.9, scores.as_dict()["per_type"]["PLACE"]
