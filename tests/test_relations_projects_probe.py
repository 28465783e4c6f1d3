"""Projects, funds and who does them, read from texts of the genre written for the test (issue 12, facts that
generalise): the organisation a project is run by or with (partner), the fund or initiative it is part of
(part_of), where it is done, and the measures of forum plans and cooperation plans.  Each test is the grammar
of a kind of sentence, not one document's wording; traditional characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)
from test_nlp import tag
from kg.extract.nlp import Extractor


def test_the_parties_listed_before_a_verb_of_running_it_together_run_the_project(read):
    facts = read("老挝学校供餐项目于2022年启动。该项目由中国与世界粮食计划署合作实施。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "世界粮食计划署")} <= roles(f)]
    facts = read("老撾學校供餐項目於2022年啟動。該項目由聯合國兒童基金會和世界糧食計劃署共同執行。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "世界粮食计划署")} <= roles(f)]
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "联合国儿童基金会")} <= roles(f)]


def test_the_body_that_carries_out_a_project_after_the_one_that_pays_for_it(read):
    facts = read("中国援柬埔寨农村供水项目近日启动。该项目由中国政府出资、联合国开发计划署执行，旨在改善饮水条件。")
    assert [f for f in facts if {("programme", "中国援柬埔寨农村供水项目"), ("partner", "联合国开发计划署")} <= roles(f)]


def test_a_project_said_to_be_one_a_fund_supports_is_part_of_it(read):
    facts = read("缅甸农业示范项目是澜沧江—湄公河合作专项基金支持的项目，由云南省农业科学院与缅甸农业部共同实施。")
    assert [f for f in facts if {("programme", "缅甸农业示范项目"), ("part_of", "澜沧江—湄公河合作专项基金")} <= roles(f)]
    assert [f for f in facts if {("programme", "缅甸农业示范项目"), ("partner", "云南省农业科学院")} <= roles(f)]


def test_an_organisation_that_uses_a_fund_to_carry_out_a_project_is_a_partner_of_both(read):
    facts = read("聯合國開發計劃署通過全球發展和南南合作基金在老撾實施了減貧示範項目。")
    assert [f for f in facts if {("programme", "全球发展和南南合作基金"), ("partner", "联合国开发计划署")} <= roles(f)]
    assert [f for f in facts if {("programme", "减贫示范项目"), ("partner", "联合国开发计划署")} <= roles(f)]
    # (China's own agency runs the fund: no partner of it)
    facts = read("国家国际发展合作署通过全球发展和南南合作基金在老挝实施了老挝学校供餐项目。")
    assert not [f for f in facts if ("partner", "国家国际发展合作署") in roles(f)]
    # (a body that reads of the fund does no work with it)
    facts = read("联合国开发计划署通过全球发展和南南合作基金的年度报告了解项目进展。")
    assert not [f for f in facts if ("partner", "联合国开发计划署") in roles(f)]


def test_a_plan_of_china_and_a_partner_named_at_the_head_of_a_sentence_is_one_name():
    for text in ("中国与拉美和加勒比国家合作规划（2015—2019）于2015年1月通过。", "中国与拉美和加勒比国家合作规划（2015—2019）",
                 "中國與拉美和加勒比國家合作規劃（2015—2019）於2015年1月通過。"):
        names = {m.name for m in tag(Extractor(), text).mentions if m.type == "PROGRAMME"}
        assert names == {"中国与拉美和加勒比国家合作规划(2015—2019)"}, text
    # (after a verb, China and the partner are who does it: 推动中国与非洲合作计划的落实)
    names = {m.name for m in tag(Extractor(), "推动中国与非洲合作计划的落实。").mentions if m.type == "PROGRAMME"}
    assert not [n for n in names if n.startswith("中国")]


def test_a_programme_a_subject_will_or_agrees_to_carry_out_in_a_span_of_years_has_that_period(read):
    for text in ("双方同意在2015年至2019年间共同实施“中拉青年科学家交流计划”。", "中方将于2022年至2024年实施“中非卫生健康合作计划”。",
                 "雙方將於2016年至2020年期間實施“澜湄合作五年行動計劃”。"):
        (plan,) = [f for f in kinds(read(text), "ProgrammeReport") if f.get("period")]
        assert plan.get("period")[0].value["value"] in ("2015/2019", "2022/2024", "2016/2020"), text
    # (a span after which it was done is no programme's time to come)
    facts = read("2015年至2019年间，中方实施的“中拉青年科学家交流计划”取得成效。")
    assert not [f for f in kinds(facts, "ProgrammeReport") if f.get("period")]


def test_a_project_a_fund_pays_for_and_an_organisation_runs_named_before_it(read):
    facts = read("近日，由全球发展和南南合作基金资助、世界粮食计划署实施的老挝学校供餐项目在琅勃拉邦省启动。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("part_of", "全球发展和南南合作基金")} <= roles(f)]
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "世界粮食计划署")} <= roles(f)]
    assert [f for f in facts if {("project", "老挝学校供餐项目"), ("location", "琅勃拉邦省")} <= roles(f)]


def test_the_fund_the_first_of_a_list_of_projects_is_named_after_holds_the_others(read):
    facts = read("全球发展和南南合作基金老挝学校供餐项目和布基纳法索难民粮食援助项目签约仪式在北京举行。")
    assert [f for f in facts if {("programme", "布基纳法索难民粮食援助项目"), ("part_of", "全球发展和南南合作基金")} <= roles(f)]
    # (a project named after the list is no part of it)
    facts = read("全球发展和南南合作基金老挝学校供餐项目启动后，布基纳法索难民粮食援助项目也已开始。")
    assert not [f for f in facts if ("programme", "布基纳法索难民粮食援助项目") in roles(f) and f.get("part_of")]


def test_an_organisation_whose_envoy_signs_for_the_projects_is_their_partner(read):
    facts = read("2022年5月10日，國家國際發展合作署副署長鄧波清與世界糧食計劃署駐華代表屈四喜簽署老撾學校供餐項目和"
                 "布基納法索難民糧食援助項目協議。")
    for project in ("老挝学校供餐项目", "布基纳法索难民粮食援助项目"):
        assert [f for f in facts if {("programme", project), ("partner", "世界粮食计划署")} <= roles(f)], project


def test_what_the_sum_of_a_measure_goes_to_after_a_comma_is_no_measure_of_its_own(read):
    facts = read("在2012年7月召开的中非合作论坛第五届部长级会议上，中国宣布今后三年将向非洲国家提供200亿美元贷款额度，"
                 "重点支持非洲基础设施、农业、制造业和中小企业发展。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_at", "中非合作论坛第五届部长级会议"), ("amount", "200亿美元"), ("recipient", "非洲")} <= roles(pledge)
    # (a measure of its own after a ；)
    facts = read("中国宣布将向非洲国家提供200亿美元贷款额度；支持非洲国家建设100个农业项目。")
    assert len(kinds(facts, "Pledge")) == 2


def test_the_summit_a_body_holds_on_its_anniversary_is_the_meeting_announced_at(read):
    (pledge,) = kinds(read("2005年9月，胡锦涛主席在联合国成立60周年首脑会议上宣布，中国将在今后3年内为发展中国家培训3万名各类人才。"),
                      "Pledge")
    assert {("announced_by", "胡锦涛"), ("announced_at", "联合国成立60周年首脑会议"), ("period", "今后3年内")} <= roles(pledge)
    (pledge,) = kinds(read("2015年9月，習近平主席在聯合國系列峰會上宣佈，中方將設立國際發展知識中心。"), "Pledge")
    assert ("announced_at", "联合国系列峰会") in roles(pledge)


def test_the_builder_a_project_is_invested_and_built_by_or_named_as_its_contractor(read):
    (report,) = kinds(read("科伦坡港口城项目由中国交建投资建设，总投资14亿美元。"), "ProjectReport")
    assert ("partner", "中国交建") in roles(report)
    (report,) = kinds(read("蒙巴薩—內羅畢標準軌距鐵路的承建商為中國路橋工程有限責任公司。"), "ProjectReport")
    assert ("partner", "中国路桥工程有限责任公司") in roles(report)


def test_the_body_named_as_a_projects_implementing_agency_is_its_partner(read):
    facts = read("老挝学校供餐项目的执行机构是世界粮食计划署。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("partner", "世界粮食计划署")} <= roles(f)]


def test_an_organisation_china_joins_hands_with_to_carry_out_a_project_is_its_partner(read):
    facts = read("中国与联合国开发计划署携手实施的老挝减贫示范项目成效显著。")
    assert [f for f in facts if {("programme", "老挝减贫示范项目"), ("partner", "联合国开发计划署")} <= roles(f)]


def test_the_named_project_a_sum_is_used_to_support_has_that_sum(read):
    facts = read("中国政府向联合国开发计划署捐款500万美元，用于支持“柬埔寨农村减贫项目”。")
    assert [f for f in facts if {("programme", "柬埔寨农村减贫项目"), ("amount", "500万美元")} <= roles(f)]


def test_a_project_that_gets_a_funds_money_or_that_a_fund_gives_to_is_part_of_it(read):
    facts = read("布基纳法索难民粮食援助项目获得全球发展和南南合作基金300万美元资助。")
    assert [f for f in facts if {("programme", "布基纳法索难民粮食援助项目"), ("part_of", "全球发展和南南合作基金")} <= roles(f)]
    facts = read("全球發展和南南合作基金向老撾學校供餐項目提供300萬美元資金。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("part_of", "全球发展和南南合作基金")} <= roles(f)]
    # (a project that gets praise of the fund's partner gets no money of the fund)
    facts = read("老挝学校供餐项目获得世界粮食计划署的高度评价，全球发展和南南合作基金将继续支持。")
    assert not [f for f in facts if ("part_of", "全球发展和南南合作基金") in roles(f)]


def test_the_abbreviation_in_brackets_after_a_funds_name_is_part_of_it(read):
    facts = read("全球发展和南南合作基金（GDSSCF）支持的老挝学校供餐项目由世界粮食计划署实施。")
    assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("part_of", "全球发展和南南合作基金")} <= roles(f)]


def test_a_top_up_announced_on_the_sum_it_starts_from_is_a_measure(read):
    facts = read("中方在全球发展高层对话会期间宣布，将在现有30亿美元基础上增资10亿美元。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "中方"), ("announced_at", "全球发展高层对话会"), ("amount", "10亿美元")} <= roles(pledge)
    assert ("amount", "30亿美元") not in roles(pledge)


def test_a_name_that_announces_after_where_he_is_announces_at_the_meeting_he_attends(read):
    facts = read("王毅在出席中国—太平洋岛国外长会时宣布，中方将设立中国—太平洋岛国应对气候变化合作中心。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "王毅"), ("announced_at", "中国—太平洋岛国外长会")} <= roles(pledge)
    (pledge,) = kinds(read("王毅在北京宣布，中方将向非洲提供1亿美元援助。"), "Pledge")
    assert ("announced_by", "王毅") in roles(pledge)


def test_a_measure_whose_verb_comes_after_its_time_partners_and_field_is_announced(read):
    facts = read("习近平宣布，中方将在今后三年内同非洲国家一道在农业领域实施100个示范项目。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "习近平"), ("amount", "100个"), ("period", "今后三年内")} <= roles(pledge)


def test_a_programme_set_up_as_the_main_content_of_another_is_part_of_it(read):
    facts = read("作为中非合作论坛约翰内斯堡峰会“十大合作计划”的重要内容，中方设立了中非产能合作基金。")
    assert [f for f in facts if {("programme", "中非产能合作基金"), ("part_of", "十大合作计划")} <= roles(f)]
    assert not [f for f in facts if {("programme", "中非产能合作基金"), ("part_of", "中非合作论坛")} <= roles(f)]
    facts = read("鲁班工坊是“九项工程”中能力建设工程的重要内容。")
    assert [f for f in facts if {("programme", "鲁班工坊"), ("part_of", "九项工程")} <= roles(f)]


def test_a_programme_named_as_one_in_another_is_part_of_it(read):
    facts = read("“十大合作计划”中的中非工业化合作计划已全面落实。")
    assert [f for f in facts if {("programme", "中非工业化合作计划"), ("part_of", "十大合作计划")} <= roles(f)]


def test_the_time_that_heads_a_list_of_measures_is_the_time_of_each(read):
    facts = read("习近平宣布，未来3年中方将采取以下举措：一是向非洲提供100亿美元信贷资金；二是为非洲培训1万名专业人才；三是在非洲援建10所学校。")
    pledges = kinds(facts, "Pledge")
    assert len(pledges) == 3 and all(("period", "未来3年") in roles(p) for p in pledges)
    # (before the first verb and no list: the first measure's time only)
    facts = read("习近平宣布，5年内中方将提供100亿美元，设立中非发展基金。")
    assert not [p for p in kinds(facts, "Pledge") if ("programme", "中非发展基金") in roles(p) and p.get("period")]


def test_where_a_project_settles_or_was_built_before_its_name_is_its_location(read):
    facts = read("中国援建的卡拉奇核电站项目落户巴基斯坦信德省。")
    assert [f for f in facts if {("project", "卡拉奇核电站项目"), ("location", "信德省")} <= roles(f)]
    facts = read("中方在老挝万象援建的玛霍索综合医院项目正式移交。")
    assert [f for f in facts if {("project", "玛霍索综合医院项目"), ("location", "万象")} <= roles(f)]


def test_a_programme_a_fund_pays_for_named_right_after_it_is_part_of_it(read):
    facts = read("南南合作援助基金资助的“埃塞俄比亚妇幼健康计划”由联合国人口基金实施。")
    assert [f for f in facts if {("programme", "埃塞俄比亚妇幼健康计划"), ("part_of", "南南合作援助基金")} <= roles(f)]
    facts = read("通過南南合作援助基金實施的“非洲瘧疾防控行動”取得進展。")
    assert [f for f in facts if {("programme", "非洲疟疾防控行动"), ("part_of", "南南合作援助基金")} <= roles(f)]
    # (a programme a later clause names is no part of the fund)
    facts = read("通过南南合作援助基金实施的项目取得进展，推动了“联合国2030年可持续发展议程”的落实。")
    assert not [f for f in facts if ("part_of", "南南合作援助基金") in roles(f)]


def test_the_body_that_heads_the_announcing_verbs_own_clause_announces_not_who_tells_of_it(read):
    facts = read("联合国秘书长古特雷斯表示，中方宣布设立全球发展和南南合作基金，这是对多边主义的有力支持。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("announced_by", "中方") in roles(pledge) and ("announced_by", "古特雷斯") not in roles(pledge)
    # (the person who announces after his own comma-less clause is still the announcer)
    (pledge,) = kinds(read("习近平主席在峰会上宣布，中方将设立南南合作援助基金。"), "Pledge")
    assert ("announced_by", "习近平") in roles(pledge)


def test_this_project_is_no_fund_named_before(read):
    facts = read("中方将继续通过全球发展和南南合作基金支持老挝发展。该项目为期3年。")
    assert not [f for f in facts if ("programme", "全球发展和南南合作基金") in roles(f) and f.get("period")]
    facts = read("老挝学校供餐项目得到全球发展和南南合作基金支持。该项目为期3年。")
    assert [f for f in facts if ("programme", "老挝学校供餐项目") in roles(f) and f.get("period")]


def test_a_fund_named_as_the_channel_of_support_with_no_means_is_no_measure(read):
    facts = read("中国驻老挝大使姜再冬在启动仪式上表示，中方将继续通过全球发展和南南合作基金支持老挝发展。")
    assert not [f for f in kinds(facts, "Pledge") if ("programme", "全球发展和南南合作基金") in roles(f)]
    # (with a sum, the fund holds it)
    facts = read("中国驻老挝大使姜再冬宣布，中方将通过全球发展和南南合作基金向老挝提供300万美元援助。")
    assert [f for f in kinds(facts, "Pledge") if {("programme", "全球发展和南南合作基金"), ("amount", "300万美元")} <= roles(f)]
