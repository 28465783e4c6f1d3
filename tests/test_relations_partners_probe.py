"""Partners, places, frameworks, meetings and recipients of events read from texts of the genre written as a
ministry, a news agency or a forum's action plan would (issue 12, i13partner).  Each test is the grammar of a
kind of sentence, not one document's wording; traditional characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def partners_of(facts, item: str) -> set[str]:
    return {m.name for f in facts for r, m in f.roles if r == "partner" and any(x.name == item for _, x in f.roles)}


# ------------------------------------------------------------------ partners
def test_each_body_of_a_list_after_with_works_on_the_project(read):
    # 与A、B和C共同实施Y: every body of the list is a partner, not the first alone
    facts = read("中国与世界卫生组织、联合国儿童基金会和联合国人口基金共同实施“妇幼健康工程”。")
    assert partners_of(facts, "妇幼健康工程") == {"世界卫生组织", "联合国儿童基金会", "联合国人口基金"}


def test_a_body_listed_with_china_acting_together_is_a_partner(read):
    # 中方和X共同出资设立Y: joined to China by 和, the verb says they act together
    facts = read("中方和联合国开发计划署共同出资设立南南合作示范项目。")
    assert partners_of(facts, "南南合作示范项目") == {"联合国开发计划署"}


def test_a_country_listed_with_china_without_a_joint_verb_is_no_partner(read):
    facts = read("中国和老挝实施了老挝学校供餐项目。")
    assert not partners_of(facts, "老挝学校供餐项目")


def test_the_clause_after_a_signing_says_what_is_carried_out_together(read):
    # 与X签署谅解备忘录，共同实施Y
    facts = read("國家國際發展合作署與聯合國難民署簽署諒解備忘錄，共同實施阿富汗難民援助項目。")
    assert partners_of(facts, "阿富汗难民援助项目") == {"联合国难民署"}


def test_a_signing_alone_gives_no_partner_to_a_project_of_a_later_clause(read):
    facts = read("商务部与联合国开发计划署签署合作文件，中方还在柬埔寨实施了柬埔寨农业示范项目。")
    assert "联合国开发计划署" not in partners_of(facts, "柬埔寨农业示范项目")


def test_a_body_that_works_with_china_on_a_project_is_its_partner(read):
    # X与中国合作(实施)的Y
    facts = read("联合国开发计划署与中国合作的柬埔寨木薯产业项目取得成效。")
    assert partners_of(facts, "柬埔寨木薯产业项目") == {"联合国开发计划署"}
    facts = read("世界糧食計劃署與中方合作實施的老撾學校供餐項目惠及3萬名學生。")
    assert partners_of(facts, "老挝学校供餐项目") == {"世界粮食计划署"}


def test_a_sum_given_to_a_un_agency_is_not_received_by_it(read):
    # 向联合国X署捐款N: the agency runs aid, it is no recipient of the sum
    (aid,) = kinds(read("2019年，中國政府向聯合國兒童基金會提供100萬美元現匯援助。"), "AidStatistic")
    assert not aid.get("recipient")


def test_a_sum_given_to_a_regional_body_is_received_by_it(read):
    # 向非洲联盟提供N援助: the body receives it for itself
    (aid,) = kinds(read("中国向非洲联盟提供10亿元人民币援助。"), "AidStatistic")
    assert ("recipient", "非洲联盟") in roles(aid) and not aid.get("partner")


def test_the_body_a_project_is_built_for_receives_it_and_does_not_build_it(read):
    # 中国为X(body)援建了Y: X is the recipient, not a builder
    facts = read("中国为非洲联盟援建了非洲疾控中心总部项目。")
    assert "非洲联盟" not in partners_of(facts, "非洲疾控中心总部")
    assert any(("recipient", "非洲联盟") in roles(f) for f in kinds(facts, "AidDelivery"))


def test_the_builder_before_a_project_stays_its_partner(read):
    facts = read("中国交建承建的蒙巴萨港码头项目于2019年竣工。")
    assert partners_of(facts, "蒙巴萨港码头项目") == {"中国交建"}


# ------------------------------------------------------------------ part_of
def test_a_project_named_after_a_programme_and_xia_de_is_part_of_it(read):
    # X倡议下的Y / X框架内的Y / X下的Y
    facts = read("“一带一路”倡议下的中老铁路已经通车。")
    assert any(("part_of", "一带一路倡议") in roles(f) for f in kinds(facts, "Component"))
    facts = read("中巴經濟走廊框架內的瓜達爾港項目已經投入運營。")
    assert any(("part_of", "中巴经济走廊") in roles(f) for f in kinds(facts, "Component"))


def test_a_project_as_an_achievement_of_a_programme_is_part_of_it(read):
    # 作为X的重要成果，Y…
    facts = read("作为“一带一路”倡议的重要成果，中老铁路于2021年12月通车。")
    assert any({("programme", "中老铁路"), ("part_of", "一带一路倡议")} <= roles(f) for f in kinds(facts, "Component"))
