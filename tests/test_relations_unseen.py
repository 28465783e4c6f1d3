"""Roles of facts on sentences of the genre written for the test (issue 12: facts that hold on documents the
extractor has never seen): the grammar of announcements, aid, funds and meetings, not the wording of one
document.  Traditional characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def test_a_debt_relief_of_a_country_named_before_de_is_announced(read):
    # 宣布免除X的债务: 的 after the country joins it to its debt, no attributive of the verb
    (pledge,) = kinds(read("中国政府宣布免除阿富汗的债务。"), "Pledge")
    assert {("announced_by", "中国政府"), ("recipient", "阿富汗")} <= roles(pledge)


def test_the_day_between_the_announcer_and_the_verb_keeps_the_announcer(read):
    (pledge,) = kinds(read("中國政府於2006年宣佈免除33個非洲國家的債務。"), "Pledge")
    assert {("announced_by", "中国政府"), ("recipient", "非洲")} <= roles(pledge)
    (pledge,) = kinds(read("中方在2015年12月正式宣布向非洲提供600亿美元支持。"), "Pledge")
    assert ("announced_by", "中方") in roles(pledge)


def test_an_attributive_after_the_verb_is_still_the_named_measure(read):
    (pledge,) = kinds(read("习近平主席宣布设立的南南合作援助基金已开始运作。"), "Pledge")
    assert ("programme", "南南合作援助基金") in roles(pledge)


def test_a_credit_line_in_the_next_clause_is_the_amount_of_the_loan_named_before(read):
    facts = read("中方将实施中拉基础设施专项贷款，额度为200亿美元。")
    assert [f for f in facts if {("programme", "中拉基础设施专项贷款"), ("amount", "200亿美元")} <= roles(f)]


def test_the_organisation_a_later_clause_says_runs_the_aid_is_its_partner(read):
    (aid,) = kinds(read("中方向布基纳法索捐赠粮食援助，通过世界粮食计划署实施。"), "AidDelivery")
    assert {("recipient", "布基纳法索"), ("partner", "世界粮食计划署")} <= roles(aid)


def test_an_organisation_in_a_later_clause_that_does_more_is_no_partner(read):
    facts = read("中方向布基纳法索捐赠粮食援助，通过世界粮食计划署向难民发放物资。")
    assert not [f for f in kinds(facts, "AidDelivery") if ("recipient", "布基纳法索") in roles(f) and f.get("partner")]


def test_a_sum_given_through_a_fund_is_held_with_the_fund(read):
    facts = read("中国政府通过南南合作援助基金向老挝提供100万美元。")
    (sum_,) = [f for f in kinds(facts, "AidStatistic") if ("theme", "100万美元") in roles(f)]
    assert {("programme", "南南合作援助基金"), ("recipient", "老挝")} <= roles(sum_)


def test_countries_whose_debts_are_relieved_are_recipients(read):
    (aid,) = kinds(read("中國政府免除了坦桑尼亞、贊比亞等國的債務。"), "AidDelivery")
    assert {("recipient", "坦桑尼亚"), ("recipient", "赞比亚")} <= roles(aid)
    (aid,) = kinds(read("2000年至2012年，中国免除了坦桑尼亚和赞比亚两国的到期无息贷款债务。"), "AidDelivery")
    assert {("recipient", "坦桑尼亚"), ("recipient", "赞比亚")} <= roles(aid)


def test_a_country_after_relief_of_something_else_is_no_recipient(read):
    assert not kinds(read("中国免除了赞比亚进口商品的关税。"), "AidDelivery")


def test_the_organisation_that_runs_the_aid_named_before_it_is_its_partner(read):
    (aid,) = kinds(read("中国政府援助老挝的学校供餐项目由世界粮食计划署负责实施。"), "AidDelivery")
    assert {("recipient", "老挝"), ("partner", "世界粮食计划署")} <= roles(aid) and aid.label == "学校供餐项目"
    (aid,) = kinds(read("中国向老挝提供粮食援助，由世界粮食计划署提供技术支持。"), "AidDelivery")
    assert not aid.get("partner")


def test_the_countries_that_came_to_a_meeting_are_no_figure_of_aid(read):
    facts = read("2015年1月8日至9日，中国—拉共体论坛首届部长级会议在北京举行。中国以及33个拉共体成员国派出的代表团团长与会。")
    assert not kinds(facts, "AidStatistic")
    (meeting,) = kinds(facts, "MeetingReport")
    assert {("part_of", "中国—拉共体论坛"), ("location", "北京")} <= roles(meeting)


def test_a_team_sent_to_a_country_is_delivered_to_it(read):
    (aid,) = kinds(read("中国向几内亚派遣了援外医疗队。"), "AidDelivery")
    assert ("recipient", "几内亚") in roles(aid)


def test_the_organisation_china_backs_to_do_the_aid_is_its_partner(read):
    (aid,) = kinds(read("中方支持世界粮食计划署在布基纳法索开展紧急粮食援助。"), "AidDelivery")
    assert {("recipient", "布基纳法索"), ("partner", "世界粮食计划署")} <= roles(aid)


def _parts(facts):
    return {(f.label, w.name) for f in kinds(facts, "Component") for w in f.get("part_of")}


def test_forums_held_under_a_forum_s_frame_are_its_parts(read):
    facts = read("双方将在中非合作论坛框架下继续举办中非民间论坛和中拉企业家高峰会。")
    assert {("中非民间论坛", "中非合作论坛"), ("中拉企业家高峰会", "中非合作论坛")} <= _parts(facts)


def test_under_a_programme_s_frame_a_forum_is_no_part(read):
    facts = read("在“一带一路”框架下，双方举办了中非民间论坛。")
    assert not [p for p in _parts(facts) if p[0] == "中非民间论坛"]


def test_a_forum_before_as_a_sub_forum_is_the_part(read):
    facts = read("中拉基础设施合作论坛作为中国—拉共体论坛的专业分论坛，每年举办一次。")
    assert ("中拉基础设施合作论坛", "中国—拉共体论坛") in _parts(facts)


def test_the_sub_forums_a_forum_lists_are_its_parts_and_no_body_inside_them_a_unit(read):
    facts = read("中国—拉共体论坛下设中拉农业部长论坛、中拉科技创新论坛等分论坛。")
    assert {("中拉农业部长论坛", "中国—拉共体论坛"), ("中拉科技创新论坛", "中国—拉共体论坛")} <= _parts(facts)
    assert not kinds(facts, "Affiliation")


def test_a_forum_that_is_a_component_of_a_forum_is_its_part(read):
    facts = read("双方欢迎中拉政党论坛的成立，该论坛是中国—拉共体论坛的组成部分。")
    assert [f for f in kinds(facts, "Component") if ("part_of", "中国—拉共体论坛") in roles(f)]


def test_the_years_of_a_plan_s_title_with_a_full_width_hyphen_are_its_period(read):
    for title in ("中国与拉美和加勒比国家合作规划（2015－2019）", "中拉论坛首届部长级会议通过了《中国与拉美和加勒比国家合作规划（2015－2019）》。"):
        (plan,) = kinds(read(title), "ProgrammeReport")
        assert [m for r, m in plan.roles if r == "period" and m.value["value"] == "2015/2019"]


def test_a_forum_s_session_held_on_a_day_is_where_it_was_announced(read):
    (pledge,) = kinds(read("在2014年7月举行的中拉领导人会晤上，习近平主席宣布设立中拉合作基金。"), "Pledge")
    assert {("announced_by", "习近平"), ("announced_at", "中拉领导人会晤"), ("programme", "中拉合作基金")} <= roles(pledge)


def test_the_sum_a_pledged_measure_aims_at_is_its_amount(read):
    facts = read("习近平主席宣布，中国将继续增加对最不发达国家投资，力争2030年达到120亿美元。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "120亿美元") in roles(f)]
    assert ("announced_by", "习近平") in roles(pledge)


def test_a_sum_given_to_a_named_project_is_its_amount(read):
    for text in ("中方为老挝学校供餐项目提供了300万美元资金支持。", "中方提供300万美元支持老挝学校供餐项目。",
                 "老挝学校供餐项目总金额300万美元。", "中方提供的300万美元将用于老挝学校供餐项目。"):
        facts = read(text)
        assert [f for f in facts if {("programme", "老挝学校供餐项目"), ("amount", "300万美元")} <= roles(f)], text


def test_the_sum_of_the_project_just_named_is_its_amount(read):
    facts = read("中国援老挝学校供餐项目，金额为300万美元。")
    assert [f for f in facts if {("deliverable", "中国援老挝学校供餐项目"), ("amount", "300万美元")} <= roles(f)]


def test_a_sum_given_to_a_country_stays_the_subject(read):
    (sum_,) = kinds(read("中国向老挝提供了300万美元。"), "AidStatistic")
    assert ("theme", "300万美元") in roles(sum_) and ("recipient", "老挝") in roles(sum_)


def test_an_anniversary_of_a_founding_is_no_founding(read):
    facts = read("2015年9月，习近平主席出席联合国成立70周年系列活动。")
    assert not kinds(facts, "Founding")


def test_the_frame_between_the_announcer_and_the_verb_keeps_the_announcer(read):
    (pledge,) = kinds(read("2000年以來，中國在中非合作論壇框架下先後6次宣佈免除非洲重債窮國的債務。"), "Pledge")
    assert {("announced_by", "中国"), ("recipient", "非洲")} <= roles(pledge)


def test_a_top_up_on_the_basis_of_a_sum_is_the_fund_s_and_the_base_no_amount(read):
    facts = read("习近平主席宣布设立全球发展和南南合作基金，在30亿美元基础上增资10亿美元。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("programme", "全球发展和南南合作基金") in roles(f)]
    assert ("amount", "10亿美元") in roles(pledge)
    assert not [f for f in facts if ("amount", "30亿美元") in roles(f)]


def test_a_country_s_food_aid_project_is_one_name_and_its_sum_its_amount(read):
    facts = read("中方将提供200万美元用于布基纳法索紧急粮食援助项目。")
    assert [f for f in facts if {("programme", "布基纳法索紧急粮食援助项目"), ("amount", "200万美元")} <= roles(f)]
    assert [f for f in kinds(facts, "AidDelivery") if ("recipient", "布基纳法索") in roles(f)]


def test_aid_as_the_verb_before_a_project_stays_out_of_its_name(read):
    facts = read("中国援助项目在非洲实施。")
    assert not [m for f in facts for _, m in f.roles if m.type == "PROJECT"]


def test_the_member_states_of_an_organisation_are_no_partner(read):
    facts = read("中方愿通过中拉合作基金与拉共体成员国开展合作。")
    assert not [f for f in kinds(facts, "Partnership") if f.get("partner")]
    facts = read("中方愿通过中拉合作基金与拉共体开展合作。")
    assert [f for f in kinds(facts, "Partnership") if ("partner", "拉共体") in roles(f)]


def test_the_body_a_sentence_opens_with_is_founded_in_a_later_clause(read):
    facts = read("国家国际发展合作署作为国务院直属机构，于2018年4月18日正式挂牌成立。")
    (founding,) = kinds(facts, "Founding")
    assert {("body", "国家国际发展合作署"), ("founded", "2018年4月18日")} <= roles(founding)
    assert [f for f in kinds(facts, "Affiliation") if ("parent", "国务院") in roles(f)]


def test_a_bank_directly_under_the_state_council_has_it_for_parent(read):
    facts = read("中国进出口银行是国务院直属的政策性银行。")
    assert [f for f in kinds(facts, "Affiliation") if {("body", "中国进出口银行"), ("parent", "国务院")} <= roles(f)]


def test_the_body_that_issues_a_plan_announces_it(read):
    (plan,) = kinds(read("2016年，中国政府发布了《中国落实2030年可持续发展议程国别方案》。"), "ProgrammeReport")
    assert {("programme", "中国落实2030年可持续发展议程国别方案"), ("announced_by", "中国政府"), ("date", "2016年")} <= roles(plan)


def test_a_body_that_reads_a_plan_does_not_announce_it(read):
    facts = read("中国政府研究了《中国落实2030年可持续发展议程国别方案》。")
    assert not [f for f in facts if f.get("announced_by")]


def test_where_a_project_lies_or_was_built_before_its_name_is_its_location(read):
    facts = read("位于老挝首都万象的老挝国家会议中心由中国援建。")
    assert [f for f in kinds(facts, "ProjectReport") if ("location", "万象") in roles(f)]
    facts = read("中国在埃塞俄比亚亚的斯亚贝巴援建了非盟会议中心。")
    (report,) = kinds(facts, "ProjectReport")
    assert ("location", "亚的斯亚贝巴") in roles(report) and ("location", "埃塞俄比亚") not in roles(report)


def test_a_number_reached_by_a_day_is_dated_that_day(read):
    facts = read("截至2012年底，中国已在非洲援建各类项目1000多个。")
    assert [f for f in facts if {("date", "2012年底")} <= roles(f) and any(m.type == "COUNT" for _, m in f.roles)]


def test_a_number_without_so_far_is_not_dated_by_the_as_of_day(read):
    facts = read("截至2012年底，中国在非洲的援建项目涉及30多个领域。")
    assert not [f for f in facts if ("date", "2012年底") in roles(f) and any(m.type == "COUNT" for _, m in f.roles)]


def _announced(facts, figure):
    return [m.name for f in facts if any(m.text == figure for _, m in f.roles) for r, m in f.roles if r == "announced_by"]


def test_a_speaker_announces_the_aid_the_giver_will_give(read):
    facts = read("国家国际发展合作署副署长李明表示，中方将向老挝提供3000万元人民币紧急援助。")
    assert "李明" in _announced(facts, "3000万元人民币")


def test_a_speaker_who_tells_what_the_aid_will_do_or_has_done_since_announces_nothing(read):
    facts = read("世界粮食计划署驻华代表屈四喜表示，该项目将惠及老挝约5万名小学生。")
    assert not _announced(facts, "5万名")
    facts = read("屈四喜表示，自基金宣布设立以来，已为老挝提供300万美元。")
    assert not _announced(facts, "300万美元")


def test_a_sum_right_before_a_fund_or_loan_is_its_amount(read):
    for text, fund, sum_ in (("中国设立了50亿美元的中非产能合作基金。", "中非产能合作基金", "50亿美元"),
                             ("中方将向拉美和加勒比国家提供200亿美元中拉基础设施专项贷款。", "中拉基础设施专项贷款", "200亿美元")):
        assert [f for f in read(text) if {("programme", fund), ("amount", sum_)} <= roles(f)], text


def test_a_sum_before_aid_that_is_no_fund_stays_the_subject(read):
    facts = read("中国向老挝提供了300万美元的紧急粮食援助。")
    assert not [f for f in facts if ("amount", "300万美元") in roles(f)]


def test_the_countries_a_figure_benefits_are_its_recipients(read):
    (figure,) = kinds(read("该项目将惠及老挝和布基纳法索约20万名受灾民众。"), "AidStatistic")
    assert {("recipient", "老挝"), ("recipient", "布基纳法索")} <= roles(figure)


def test_a_plan_adopted_by_a_meeting_after_it_was_announced_there(read):
    facts = read("《中非合作论坛—约翰内斯堡行动计划（2016－2018）》由中非合作论坛约翰内斯堡峰会审议通过。")
    (plan,) = [f for f in kinds(facts, "ProgrammeReport") if f.get("announced_at")]
    assert ("announced_at", "中非合作论坛约翰内斯堡峰会") in roles(plan)


def test_this_plan_adopted_on_a_day_is_dated_that_day(read):
    facts = read("中国与拉美和加勒比国家合作规划（2015－2019）\n\n本规划由中国—拉共体论坛首届部长级会议于2015年1月9日在北京通过。")
    assert [f for f in kinds(facts, "ProgrammeReport") if {("announced_at", "中国—拉共体论坛首届部长级会议"),
                                                          ("date", "2015年1月9日")} <= roles(f)]


def test_an_envoy_to_china_or_an_official_of_the_receiving_country_announces_no_aid(read):
    for text in ("世界粮食计划署驻华代表屈四喜表示，中方决定向老挝提供300万美元。",
                 "老挝教育部长坎佩表示，中方决定向老挝提供300万美元。"):
        assert not _announced(read(text), "300万美元"), text
    assert "姜再冬" in _announced(read("中国驻老挝大使姜再冬表示，中方决定向老挝提供300万美元。"), "300万美元")


def test_a_session_named_by_the_forum_s_short_reference_is_a_meeting_of_that_forum(read):
    facts = read("中国—拉共体论坛是中拉合作的主要平台。2015年1月，论坛首届部长级会议在北京成功举行。")
    (meeting,) = kinds(facts, "MeetingReport")
    assert meeting.label == "中国—拉共体论坛首届部长级会议"
    assert {("date", "2015年1月"), ("location", "北京")} <= roles(meeting) and meeting.get("part_of")
