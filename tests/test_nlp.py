"""Entity and value tagging on sentences of the genre (not only the bundled text)."""

from __future__ import annotations

import pytest

from kg.ingest import split
from kg.model import Document
from kg.extract.nlp import Extractor, normalize


@pytest.fixture(scope="module")
def extractor():
    return Extractor()


def tag(extractor, text: str) -> Document:
    doc = Document(id="t", path="t.txt", text=text, sha256="")
    doc.paragraphs, doc.sentences = split(text)
    return extractor(doc)


def keys(doc: Document, typ: str | None = None) -> list[str]:
    return [m.key for m in doc.mentions if typ is None or m.type == typ]


def test_offsets_point_into_the_original_text(extractor):
    text = "  中國—加勒比經貿合作論壇 在 ２０１８年９月 召開，ＵＮＤＰ 與 巴基斯坦 合作。\n\n寮國、南蘇丹。"
    doc = tag(extractor, text)
    assert doc.mentions
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


def test_traditional_characters_match_the_simplified_lexicon(extractor):
    doc = tag(extractor, "中國向寮國、巴基斯坦和南蘇丹提供援助。")
    assert keys(doc, "COUNTRY") == ["country/CHN", "country/LAO", "country/PAK", "country/SSD"]


def test_longest_match_wins_over_names_inside_names(extractor):
    doc = tag(extractor, "南苏丹、印度尼西亚、白俄罗斯、几内亚比绍和赤道几内亚都参加了。")
    assert keys(doc, "COUNTRY") == ["country/SSD", "country/IDN", "country/BLR", "country/GNB", "country/GNQ"]


def test_a_place_in_a_local_institutions_name_is_an_entity_too_but_not_in_an_international_organisations(extractor):
    doc = tag(extractor, "湖南农业大学和四川省人民医院的专家参加了上海合作组织的活动。")
    assert "place/hunan" in keys(doc, "PLACE") and "place/sichuan" in keys(doc, "PLACE")
    assert "place/shanghai" not in keys(doc)
    assert {m.text for m in doc.mentions if m.type == "ORG"} >= {"湖南农业大学", "上海合作组织"}


def test_names_with_dashes_stay_whole(extractor):
    doc = tag(extractor, "在中国—阿拉伯国家合作论坛和中国-太平洋岛国经济发展合作论坛上。")
    assert keys(doc, "FORUM") == ["forum/china-arab-states-cooperation-forum",
                                  "forum/china-pacific-island-countries-economic-development-and-cooperation-forum"]


def test_stray_spaces_inside_a_name(extractor):
    doc = tag(extractor, "联合国 开发计划署与世界 粮食计划署。")
    assert keys(doc, "ORG") == ["org/united-nations-development-programme", "org/world-food-programme"]
    assert doc.mentions[0].text == "联合国 开发计划署"


def test_acronyms_only_as_whole_words(extractor):
    doc = tag(extractor, "The UNDP and WHO met; FUNDS and WHOLE are not names.")
    assert keys(doc) == ["org/united-nations-development-programme", "org/world-health-organization"]


def test_ambiguous_strings_are_not_countries(extractor):
    doc = tag(extractor, "中非关系和中美合作，以及刚果河流域。")
    assert keys(doc, "COUNTRY") == []


def test_values_are_normalised(extractor):
    doc = tag(extractor, "2013年至2018年，中国对外援助金额为2702亿元人民币，其中无偿援助占47.30%，"
                         "习近平主席宣布未来3年内提供20亿美元，向122个国家派遣20万多名人员。")
    values = {m.text: (m.type, m.value) for m in doc.mentions if m.is_value}
    assert values["2013年至2018年"] == ("PERIOD", {"value": "2013/2018", "start": "2013", "end": "2018"})
    assert values["2702亿元人民币"] == ("MONEY", {"amount": "270200000000", "unit": "CNY"})
    assert values["47.30%"] == ("PERCENT", {"amount": "47.3", "unit": "%"})
    assert values["未来3年内"] == ("PERIOD", {"value": "P3Y"})
    assert values["20亿美元"] == ("MONEY", {"amount": "2000000000", "unit": "USD"})
    assert values["122个国家"] == ("COUNT", {"amount": "122", "unit": "国家"})
    assert values["20万多名"] == ("COUNT", {"amount": "200000", "unit": "人员", "at_least": True})


def test_chinese_numerals(extractor):
    doc = tag(extractor, "提供二十亿美元，覆盖十四个国家，时间为2015年12月4日。")
    values = {m.text: m.value for m in doc.mentions if m.is_value}
    assert values["二十亿美元"] == {"amount": "2000000000", "unit": "USD"}
    assert values["十四个国家"] == {"amount": "14", "unit": "国家"}
    assert values["2015年12月4日"] == {"value": "2015-12-04"}


def test_normalize_keeps_an_offset_for_every_character():
    text = "ＵＮ　２０１８年，中國 援助"
    norm, offsets = normalize(text)
    assert len(norm) == len(offsets)
    assert norm.startswith("UN")
    assert "中国援助" in norm
    assert all(0 <= o < len(text) for o in offsets) and offsets == sorted(offsets)
