"""Anaphors (该项目, 该基金, 该国 ...): a mention of the entity named before, which the fact rules then read.
Sentences of our own, not from a gold document; near misses that must give nothing."""

from __future__ import annotations

import pytest

from test_nlp import tag
from kg.extract.nlp import Extractor
from kg.extract.relations import Relations


@pytest.fixture(scope="module")
def read():
    extractor, relations = Extractor(), Relations()
    return lambda text: relations(tag(extractor, text))


def anaphors(doc) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in doc.mentions if m.rule.startswith("anaphor")]


def test_the_project_before_is_the_one_its_builder_builds(read):
    doc = read("中国援建的瓜达尔港项目于2016年竣工。该项目由中国港湾工程有限责任公司承建。")
    assert anaphors(doc) == [("该项目", "瓜达尔港")]
    assert any(("partner", "中国港湾工程有限责任公司") in {(r, m.name) for r, m in f.roles}
               and f.get("project") and f.get("project")[0].name == "瓜达尔港" for f in doc.facts)


def test_that_country_is_the_recipient_named_before_never_china(read):
    doc = read("巴基斯坦遭受洪灾后，中国向该国提供了紧急人道主义援助。")
    assert anaphors(doc) == [("该国", "巴基斯坦")]
    assert any(("recipient", "巴基斯坦") in {(r, m.name) for r, m in f.roles} for f in doc.facts)
    assert anaphors(read("中国政府高度重视对外援助，该国还设立了专门机构。")) == []


def test_a_head_tagged_alone_gives_way_to_its_anaphor(read):
    doc = read("2015年，中国设立南南合作援助基金。截至2021年，该基金已同14个国际组织合作。")
    assert anaphors(doc) == [("该基金", "南南合作援助基金")]
    assert not [m for m in doc.mentions if m.text == "基金"]


@pytest.mark.parametrize("text", [
    "“中非青年交流营”这一平台的作用受到双方重视。",  # an apposition: the name just before is the entity itself
    "双方应该加强合作，该项目尚未确定。",  # 应该 is a word; no project was named before 该项目
    "因此项目进展顺利。",  # 因此 is a word
    "老挝和柬埔寨遵守联合国宪章及本国的法律法规。",  # 本国: each one's own country
])
def test_near_misses_give_no_anaphor(read, text):
    assert anaphors(read(text)) == []


def test_a_side_is_the_country_named_by_its_first_character(read):
    doc = read("中国驻斯里兰卡大使出席仪式。他表示，中方宣布向斯方提供5亿元人民币紧急人道主义援助。")
    assert anaphors(doc) == [("斯方", "斯里兰卡")]
    (pledge,) = [f for f in doc.facts if f.kind == "Pledge"]
    assert ("recipient", "斯里兰卡") in {(r, m.name) for r, m in pledge.roles} and "beneficiary" not in pledge.literals
    # not a side: 双方, 西方 (西班牙 begins so), nor a country the document does not name, nor one of two
    assert anaphors(read("西班牙代表出席。双方同意，西方国家也应支持。")) == []
    assert anaphors(read("中方向巴方提供援助。")) == []
    assert anaphors(read("尼泊尔和尼日利亚代表出席，尼方表示感谢。")) == []
