"""Where projects lie and what they cost, read from texts of the genre written as a new user would (issue 12):
a later clause of the sentence about the project says its cost (总投资, 造价, 耗资, 合同金额) or its place
(连接A与B, 横跨A和B, 北起A南至B).  Each test is the grammar of a kind of sentence; traditional characters
read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def _amounts(facts, project: str) -> set[str]:
    return {m.text for f in facts if ("programme", project) in roles(f) or ("project", project) in roles(f)
            for r, m in f.roles if r == "amount"}


def test_a_later_clause_of_total_investment_is_the_cost_of_the_project_the_sentence_opens_with(read):
    facts = read("中老铁路北起中国云南省昆明市，南至老挝首都万象，全长1035公里，总投资374亿元人民币。")
    assert _amounts(facts, "中老铁路") == {"374亿元人民币"}
    # (not a sum after another project named between)
    facts = read("中老铁路已经通车，卡洛特水电站位于巴基斯坦境内，总投资约17.4亿美元。")
    assert not _amounts(facts, "中老铁路") and _amounts(facts, "卡洛特水电站") == {"17.4亿美元"}


def test_what_a_bridge_cost_after_where_it_crosses(read):
    facts = read("中国援建的马尔代夫中马友谊大桥横跨马累岛和机场岛，耗资2亿美元，于2018年8月30日开通。")
    assert _amounts(facts, "中马友谊大桥") == {"2亿美元"}


def test_a_price_in_traditional_characters_after_the_place(read):
    facts = read("卡洛特水電站位於巴基斯坦旁遮普省境內，總投資約17.4億美元，2022年6月全面投入商業運營。")
    assert _amounts(facts, "卡洛特水电站") == {"17.4億美元"}



def _places(facts, project: str) -> set[str]:
    return {m.name for f in facts if ("project", project) in roles(f) for r, m in f.roles if r == "location"}


def test_a_line_that_links_two_places_lies_in_both(read):
    facts = read("蒙内铁路连接肯尼亚首都内罗毕与港口城市蒙巴萨，全长480公里。")
    assert {"内罗毕", "蒙巴萨"} <= _places(facts, "蒙内铁路")


def test_a_line_from_one_end_to_the_other_lies_in_both_ends(read):
    facts = read("中老铁路北起中国云南省昆明市，南至老挝首都万象，全长1035公里。")
    assert {"昆明市", "万象"} <= _places(facts, "中老铁路") and "中国" not in _places(facts, "中老铁路")


def test_a_bridge_across_an_island_in_traditional_characters(read):
    facts = read("中國援建的馬爾代夫中馬友誼大橋橫跨馬累島和機場島，於2018年8月30日開通。")
    assert "马累岛" in _places(facts, "中马友谊大桥")


def _regions(text: str) -> set[str]:
    from kg.extract.nlp import Extractor
    from test_nlp import tag
    return {m.text for m in tag(Extractor(), text).mentions if m.type == "REGION"}


def test_the_lands_around_an_ocean_keep_the_word_around():
    assert {"环印度洋地区", "环太平洋地区"} <= _regions("中方支持环印度洋地区合作，推动环太平洋地区互联互通。")


def test_a_direction_before_an_ocean_is_part_of_the_region_in_either_script():
    assert "南太平洋岛国" in _regions("中国重视发展同南太平洋岛国的关系。")
    assert "南太平洋島國" in _regions("中國重視發展同南太平洋島國的關係。")


def test_a_region_named_by_two_oceans_or_continents_is_a_region_not_a_place():
    assert "印太地区" in _regions("一些国家在印太地区推动所谓战略。")


def test_two_regions_under_one_head_are_one_region_but_two_continents_are_two():
    assert "拉丁美洲及加勒比地区" in _regions("中国加强与拉丁美洲及加勒比地区的合作。")
    assert "亚洲和非洲地区" not in _regions("援助主要投向亚洲和非洲地区。")


def test_a_body_named_after_the_lands_around_an_ocean_keeps_the_word_around():
    from kg.extract.nlp import Extractor
    from test_nlp import tag
    assert "环印度洋地区合作联盟" in {m.text for m in tag(Extractor(), "中方支持环印度洋地区合作联盟的工作。").mentions}


def _dates(facts, project: str) -> set[str]:
    return {m.text for f in facts if ("project", project) in roles(f) for r, m in f.roles if r == "date"}


def test_a_later_clause_whose_subject_is_the_projects_head_word_gives_its_day(read):
    facts = read("中国援建的孟加拉国帕德玛大桥连接首都达卡与南部地区，大桥于2022年6月25日通车。")
    assert _dates(facts, "帕德玛大桥") == {"2022年6月25日"}


def test_a_later_clause_of_another_head_word_gives_no_day(read):
    facts = read("中国援建的孟加拉国帕德玛大桥连接首都达卡与南部地区，机场于2022年6月25日通车。")
    assert not _dates(facts, "帕德玛大桥")
    facts = read("中國援建的孟加拉國帕德瑪大橋連接首都達卡與南部地區，大橋於2022年6月25日通車。")
    assert _dates(facts, "帕德玛大桥") == {"2022年6月25日"}


def test_where_a_project_named_after_what_it_is_lies_in_a_later_clause(read):
    facts = read("中国援建的毛里塔尼亚友谊港于1986年建成，位于首都努瓦克肖特。")
    assert "努瓦克肖特" in _places(facts, "毛里塔尼亚友谊港")
    # (not after a clause of its own before the project)
    facts = read("中国援建了多个港口，毛里塔尼亚友谊港于1986年建成，中国援建的机场位于首都努瓦克肖特。")
    assert "努瓦克肖特" not in _places(facts, "毛里塔尼亚友谊港")


def test_a_later_clause_that_opens_with_a_year_gives_the_day_of_a_project_of_the_first_clause(read):
    facts = read("中方在埃塞俄比亚首都亚的斯亚贝巴援建了非盟会议中心，耗资2亿美元，2012年1月落成。")
    assert _dates(facts, "非盟会议中心") == {"2012年1月"}
    assert _amounts(facts, "非盟会议中心") == {"2亿美元"}


def test_what_a_project_is_worth_in_a_later_clause(read):
    facts = read("中国援助尼日尔的津德尔供水项目在津德尔市实施，项目价值1.3亿元人民币。")
    assert _amounts(facts, "津德尔供水项目") == {"1.3亿元人民币"}
