"""Roles of facts that must hold across genres: who announced, at which meeting, when, where, to whom, under
which body.  Each pattern on sentences written for the test (no gold sentence), with a near miss where one
is easy to mistake for it; traditional characters and ASCII stops read as the simplified, full-width prose."""

from __future__ import annotations

import pytest

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture, a tagger and the relations)
from kg.extract.relations import _rule_view


FIGURE = ("theme", "amount")  # a sum or number: the subject of its event, or the amount of what it names


def holding(facts, role: str, text: str):
    """The facts with ``text`` in ``role`` ("figure": as a sum or number of any kind)."""
    roles_ = FIGURE if role == "figure" else (role,)
    return [f for f in facts if any(r in roles_ and (m.text == text or m.name == text) for r, m in f.roles)]


def test_the_rule_view_is_simplified_with_full_width_stops():
    assert _rule_view("援助1,000噸,兩國;4:30抵達:") == "援助1,000吨，两国；4:30抵达："
    assert len(_rule_view("中國,蘇丹;")) == len("中國,蘇丹;")


def test_the_number_of_countries_just_named_is_no_figure_in_traditional_characters(read):
    facts = read("中國政府決定同時援助老撾和緬甸兩國。")
    assert not holding(facts, "figure", "兩國")


def test_a_plan_in_book_title_marks_is_adopted_at_the_meeting(read):
    facts = read("2016年5月，中国—南太平洋合作论坛第二届部长级会议在苏瓦举行，会议审议通过了《南太渔业合作三年行动方案》。")
    (plan,) = [f for f in kinds(facts, "ProgrammeReport") if f.label == "南太渔业合作三年行动方案"]
    assert ("announced_at", "中国—南太平洋合作论坛第二届部长级会议") in roles(plan)


def test_a_declaration_in_book_title_marks_is_no_programme(read):
    facts = read("会议审议通过了《南太渔业合作苏瓦宣言》。")
    assert not [f for f in facts if "宣言" in f.label]


def test_he_says_gives_the_day_the_speaker_spoke(read):
    facts = read("国家国际发展合作署副署长李明在7日接受媒体采访时表示，中方已启动紧急援助。"
                 "他说，中方将向马拉维提供首批援助，金额为3000万元人民币。")
    (sum_,) = holding(facts, "figure", "3000万元人民币")
    assert ("date", "7日") in roles(sum_)


def test_he_says_without_a_day_of_speaking_gives_no_date(read):
    facts = read("国家国际发展合作署副署长李明表示，中方已启动紧急援助。他说，中方将向马拉维提供首批援助，金额为3000万元人民币。")
    (sum_,) = holding(facts, "figure", "3000万元人民币")
    assert not sum_.get("date")


def test_a_body_that_sets_up_another_is_its_parent(read):
    facts = read("非洲联盟还专门成立了疫苗采购工作组，负责协调各国采购。")
    got = {(f.get("body")[0].name, f.get("parent")[0].name) for f in kinds(facts, "Affiliation")}
    assert ("疫苗采购工作组", "非洲联盟") in got


def test_a_country_that_sets_up_a_body_is_no_parent(read):
    facts = read("老挝成立了疫苗采购工作组。")
    assert not [f for f in kinds(facts, "Affiliation") if f.get("parent")[0].name == "老挝"]


def test_a_meeting_whose_sentence_begins_with_its_days_is_dated_its_first_day(read):
    facts = read("2015年1月8日至9日，中国—拉共体论坛首届部长级会议在北京举行。")
    (meeting,) = kinds(facts, "MeetingReport")
    assert ("date", "2015年1月8日") in roles(meeting) and ("location", "北京") in roles(meeting)


def test_the_body_before_a_meeting_announces_and_the_clause_date_dates_the_meeting(read):
    facts = read("2012年，中国在中非合作论坛第五届部长级会议上宣布，向非洲国家提供200亿美元贷款额度。")
    (pledge,) = holding(facts, "figure", "200亿美元")
    assert {("announced_by", "中国"), ("date", "2012年")} <= roles(pledge)
    (meeting,) = kinds(facts, "MeetingReport")
    assert ("date", "2012年") in roles(meeting)


def test_a_date_after_the_meeting_does_not_date_it(read):
    facts = read("中国在中非合作论坛第五届部长级会议上宣布，2013年向非洲国家提供200亿美元贷款额度。")
    (meeting,) = kinds(facts, "MeetingReport")
    assert not meeting.get("date")


def test_items_after_an_announcement_with_a_colon_share_its_announcer_meeting_and_date(read):
    facts = read("2018年9月，习近平主席在中非合作论坛北京峰会上宣布：\n（一）向非洲提供600亿美元支持。\n"
                 "（二）为非洲培训1000名农业人才。")
    for figure in ("600亿美元", "1000名"):
        (f,) = holding(facts, "figure", figure)
        assert {("announced_by", "习近平"), ("announced_at", "中非合作论坛北京峰会"), ("date", "2018年9月")} <= roles(f)


def test_items_after_a_statement_without_a_colon_are_their_own(read):
    facts = read("2018年9月，习近平主席在中非合作论坛北京峰会上宣布了一系列举措。\n（一）中国向非洲提供了600亿美元支持。")
    (f,) = holding(facts, "figure", "600亿美元")
    assert not f.get("announced_by")


def test_a_measure_after_including_that_names_a_fund_is_pledged(read):
    facts = read("会上，中国政府宣布了八项政策措施，包括设立中非发展基金，总额达50亿美元。")
    (fund,) = holding(facts, "programme", "中非发展基金")
    assert fund.kind == "Pledge" and ("amount", "50亿美元") in roles(fund) and ("announced_by", "中国政府") in roles(fund)


def test_a_figure_of_work_done_in_a_country_is_located_there(read):
    facts = read("中国农业专家在莫桑比克协助建成农业示范中心3个。")
    (f,) = holding(facts, "figure", "3个")
    assert ("location", "莫桑比克") in roles(f)


def test_countries_after_benefits_received_the_sum(read):
    facts = read("该项目惠及老挝、柬埔寨和缅甸三国，总金额达500万美元。")
    (f,) = holding(facts, "figure", "500万美元")
    assert {("recipient", "老挝"), ("recipient", "柬埔寨"), ("recipient", "缅甸")} <= roles(f)


def test_a_sum_for_a_purpose_in_a_country_was_received_by_it(read):
    facts = read("中国政府向世界粮食计划署捐款300万美元，用于在老挝北部开展学校供餐项目。")
    (f,) = holding(facts, "figure", "300万美元")
    assert ("recipient", "老挝") in roles(f)


def test_a_sum_followed_by_whom_it_serves_was_received_by_them(read):
    # the clause right after the sum: 为/向/帮助 + (a few words of who) the country + a verb of delivery
    for sentence in ("中国政府向世界粮食计划署提供100万美元，为马达加斯加受灾民众提供粮食援助。",
                     "中国政府向世界粮食计划署提供100万美元紧急援助，为受灾的马达加斯加民众提供粮食。"):
        (f,) = holding(read(sentence), "figure", "100万美元")
        assert ("recipient", "马达加斯加") in roles(f), sentence
    # what someone else then says they will do: not whom the sum serves
    (f,) = holding(read("中国向世界粮食计划署提供100万美元，该署表示将为马达加斯加灾民提供帮助。"), "figure", "100万美元")
    assert not f.get("recipient")


def test_the_total_after_an_unnamed_measure_is_its_sum(read):
    facts = read("中国宣布免除埃塞俄比亚、苏丹等15个非洲国家的无息贷款债务，共计16亿元人民币。")
    (f,) = holding(facts, "figure", "16亿元人民币")
    assert f.kind == "Pledge" and ("recipient", "埃塞俄比亚") in roles(f)


def test_the_sum_of_the_aid_just_told_of_goes_to_its_recipients(read):
    facts = read("中国向布基纳法索提供的粮食援助项目近日完成交付，援助金额200万美元。")
    (f,) = holding(facts, "figure", "200万美元")
    assert ("recipient", "布基纳法索") in roles(f)


def test_an_announced_measure_for_a_region_is_a_pledge_with_its_recipient(read):
    facts = read("习近平主席在峰会上宣布，中国将继续全力支持非洲国家抗击疫情。")
    (p,) = kinds(facts, "Pledge")
    assert {("announced_by", "习近平"), ("recipient", "非洲")} <= roles(p)


def test_the_same_day_dates_the_sums_of_its_clause(read):
    facts = read("2022年9月20日，中国驻老挝大使出席项目启动仪式。当天，中方宣布向老挝提供500万美元援助。")
    (f,) = holding(facts, "figure", "500万美元")
    assert ("date", "2022年9月20日") in roles(f)


def test_without_the_same_day_the_day_before_does_not_date_a_sum(read):
    facts = read("2022年9月20日，中国驻老挝大使出席项目启动仪式。此后，中方宣布向老挝提供500万美元援助。")
    assert not [f for f in holding(facts, "figure", "500万美元") if f.get("date")]


def test_a_plan_adopted_with_other_titles_and_this_plan_later(read):
    facts = read("南南渔业合作规划(2016-2020)\n\n2016年5月9日至10日，中国—南太平洋合作论坛第二届部长级会议在苏瓦举行。"
                 "会议通过了《苏瓦宣言》和《南南渔业合作规划(2016-2020)》。\n\n本规划由双方共同落实。")
    adopted = [f for f in kinds(facts, "ProgrammeReport") if f.get("announced_at")]
    assert {(f.get("programme")[0].name, f.get("announced_at")[0].name) for f in adopted} == {
        ("南南渔业合作规划(2016-2020)", "中国—南太平洋合作论坛第二届部长级会议")}


def test_this_plan_adopted_at_a_meeting(read):
    facts = read("南南渔业合作规划\n\n一、总则\n本规划由中国—南太平洋合作论坛第二届部长级会议审议通过。")
    (f,) = [f for f in kinds(facts, "ProgrammeReport") if f.get("announced_at")]
    assert roles(f) == {("programme", "南南渔业合作规划"), ("announced_at", "中国—南太平洋合作论坛第二届部长级会议")}


def test_a_forums_own_plan_no_meeting_adopted_was_announced_by_the_forum(read):
    facts = read("中国—太平洋岛国经济发展合作论坛行动计划\n\n双方制订本行动计划，以期深化合作。")
    (f,) = [f for f in kinds(facts, "ProgrammeReport") if f.get("announced_at")]
    assert ("announced_at", "中国—太平洋岛国经济发展合作论坛") in roles(f)
    facts = read("中国—太平洋岛国经济发展合作论坛渔业合作规划\n\n双方制订本规划。")  # a plan of a field: whose, the name does not say
    assert not [f for f in kinds(facts, "ProgrammeReport") if f.get("announced_at")]


def test_goods_and_figures_before_a_pledge_have_their_recipients(read):
    facts = read("中国援助马拉维的首批帐篷当天运抵，共计3000顶。")
    (f,) = holding(facts, "figure", "3000顶")
    assert ("recipient", "马拉维") in roles(f)
    facts = read("巴基斯坦驻华使馆开设募捐账户后，中国民众捐来100万元人民币；还有中国企业提出捐助10万支疫苗。")
    assert holding(facts, "figure", "100万元人民币")


def test_a_figure_a_person_announces_at_the_meeting_of_the_sentence(read):
    facts = read("中国—南太平洋合作论坛第二届部长级会议于2016年5月9日在苏瓦召开，习近平主席出席开幕式并发表重要讲话，"
                 "宣布未来3年中方将为太平洋岛国培训2000名各类人才。")
    (f,) = holding(facts, "figure", "2000名")
    assert {("announced_by", "习近平"), ("announced_at", "中国—南太平洋合作论坛第二届部长级会议")} <= roles(f)


def test_a_project_that_lies_in_a_place(read):
    facts = read("中国援建的万象国际会议中心位于老挝首都万象，2016年投入使用。")
    (f,) = [f for f in kinds(facts, "ProjectReport") if f.rule == "project:lies-in"]
    assert {("location", "老挝"), ("location", "万象")} <= roles(f)


@pytest.mark.parametrize("sentence, body, parent", [
    ("商务部下属的国际经济合作事务局负责援外项目的实施管理。", "国际经济合作事务局", "商务部"),
    ("国家国际发展合作署的地区一司负责亚洲事务。", "地区一司", "国家国际发展合作署"),
    ("中国国际扶贫中心隶属于国务院扶贫开发领导小组办公室。", "中国国际扶贫中心", "国务院扶贫开发领导小组办公室"),
])
def test_a_unit_and_the_body_it_belongs_to(read, sentence, body, parent):
    got = {(f.get("body")[0].name, f.get("parent")[0].name) for f in kinds(read(sentence), "Affiliation")}
    assert (body, parent) in got


def test_two_bodies_joined_by_de_are_no_unit_and_parent_unless_a_unit_is_named(read):
    got = {(f.get("body")[0].name, f.get("parent")[0].name)
           for f in kinds(read("商务部的世界粮食计划署联络人出席了会议。"), "Affiliation")}
    assert ("世界粮食计划署", "商务部") not in got


def test_a_pledge_that_names_no_one_has_the_announcer_of_the_one_before(read):
    facts = read("2000年，中国宣布减免非洲重债穷国100亿元人民币债务。此后又于2003年宣布，再减免31个非洲国家的债务。")
    (later,) = holding(facts, "figure", "31个")
    assert ("announced_by", "中国") in roles(later)
    facts = read("2000年，中国宣布减免非洲重债穷国100亿元人民币债务。2003年，法国宣布再减免31个非洲国家的债务。")
    (other,) = holding(facts, "figure", "31个")
    assert ("announced_by", "中国") not in roles(other)


def test_the_opening_ceremony_one_attends_is_the_meeting_named_before(read):
    facts = read("2018年11月5日，首届中国国际进口博览会在上海开幕。习近平出席开幕式并宣布，中国将为50个国家提供5000个培训名额。")
    (f,) = holding(facts, "figure", "5000个")
    assert {("announced_by", "习近平"), ("announced_at", "首届中国国际进口博览会")} <= roles(f)


def test_a_body_that_announced_several_times_and_a_time_since_no_date(read):
    facts = read("2000年以来，中国先后6次宣布免除有关国家100亿元人民币债务。")
    (f,) = holding(facts, "figure", "100亿元人民币")
    assert ("announced_by", "中国") in roles(f) and not f.get("date")


def test_the_same_month_dates_the_sums_of_its_clause_with_the_month(read):
    facts = read("2022年8月16日，老挝学校供餐项目在万象启动。同月，中方向布基纳法索提供的200万美元紧急粮食援助开始发放。")
    (f,) = holding(facts, "figure", "200万美元")
    assert f.literals.get("date") == "2022-08" and not f.get("date")


def test_what_a_meeting_adopts_on_its_closing_day_has_its_last_day(read):
    facts = read("中国—南太平洋合作论坛第二届部长级会议于2016年5月9日至10日在苏瓦召开，闭幕当天审议通过了《南太渔业合作规划》。")
    (plan,) = [f for f in kinds(facts, "ProgrammeReport") if f.get("announced_at")]
    assert [m.value["value"] for m in plan.get("date")] == ["2016-05-10"]
    (meeting,) = kinds(facts, "MeetingReport")
    assert [m.value["value"] for m in meeting.get("date")] == ["2016-05-09"]


def test_a_figure_dated_after_it_by_yu_and_a_verb_of_delivery(read):
    facts = read("中国政府提供的3000万元人民币援助已于2022年9月2日移交马拉维。")
    (f,) = holding(facts, "figure", "3000万元人民币")
    assert ("date", "2022年9月2日") in roles(f)
    facts = read("中国政府提供的3000万元人民币援助，相当于2022年9月2日全年预算的一半。")
    (f,) = holding(facts, "figure", "3000万元人民币")
    assert not f.get("date")


def test_a_figure_handed_over_to_a_country_after_it(read):
    facts = read("中国政府提供的3000万元人民币援助物资已于9月2日移交马拉维和赞比亚。")
    (f,) = holding(facts, "figure", "3000万元人民币")
    assert {("recipient", "马拉维"), ("recipient", "赞比亚")} <= roles(f)


def test_according_to_him_is_what_the_person_named_before_says(read):
    facts = read("国家国际发展合作署副署长李明在7日接受媒体采访时表示，中方已启动紧急援助。据他介绍，首批援助金额为3000万元人民币。")
    (f,) = holding(facts, "figure", "3000万元人民币")
    assert {("announced_by", "李明"), ("date", "7日")} <= roles(f)


def test_a_sum_of_debt_suspended_with_the_countries_it_was_agreed_with(read):
    facts = read("2020年，中国已同埃塞俄比亚、赞比亚、安哥拉等19个非洲国家签署了缓债协议，总额达13.5亿美元。")
    (f,) = holding(facts, "figure", "13.5亿美元")
    assert {("recipient", "埃塞俄比亚"), ("recipient", "赞比亚"), ("recipient", "安哥拉")} <= roles(f)


def test_a_figure_that_belongs_to_measures_someone_announced(read):
    facts = read("中国向马拉维提供500万美元紧急粮食援助，属国家主席习近平2019年4月宣布的第二轮援助举措。")
    (f,) = holding(facts, "figure", "500万美元")
    assert ("announced_by", "习近平") in roles(f)


def test_a_team_a_body_sends_is_its_own(read):
    got = {(f.get("body")[0].name, f.get("parent")[0].name)
           for f in kinds(read("应急管理部迅速派出中国国际救援队，赶赴灾区。"), "Affiliation")}
    assert ("中国国际救援队", "应急管理部") in got
    got = {(f.get("body")[0].name, f.get("parent")[0].name)
           for f in kinds(read("世界卫生组织派出专家组赶赴灾区，与中国红十字会合作。"), "Affiliation")}
    assert ("中国红十字会", "世界卫生组织") not in got


def test_a_number_counted_up_to_a_day_is_dated_that_day(read):
    facts = read("2023年2月16日报道。到8日为止，共有65个国家的2600多名救援人员赶赴灾区协助救灾。")
    (f,) = holding(facts, "figure", "2600多名")
    assert ("date", "8日") in roles(f)


def test_a_counted_set_of_measures_announced_is_a_pledge_with_its_meeting(read):
    facts = read("2024年5月，中国—太平洋岛国合作论坛部长级会议在苏瓦举行，李强总理宣布了深化合作的六项务实举措。")
    (p,) = kinds(facts, "Pledge")
    assert {("announced_by", "李强"), ("amount", "六项"), ("date", "2024年5月")} <= roles(p)


def test_a_count_in_a_statement_announced_is_no_pledge(read):
    assert not kinds(read("纳瓦兹宣布，全国12个地区进入为期2个月的紧急状态。"), "Pledge")


def test_a_measure_whose_verb_follows_a_long_period_and_recipient_is_pledged(read):
    facts = read("中国在中非合作论坛第九届部长级会议上承诺，在2025年至2027年期间向非洲国家提供30亿元人民币发展援助。")
    (p,) = kinds(facts, "Pledge")
    assert {("announced_by", "中国"), ("amount", "30亿元人民币"), ("period", "2025年至2027年")} <= roles(p)


def test_a_result_counted_before_its_verb_is_no_measure(read):
    facts = read("王毅部长宣布，合作清单中已有30多个援助项目完成实施。")
    assert not [p for p in kinds(facts, "Pledge") if p.get("amount")]


def test_a_speaker_announces_the_aid_decided_not_the_results_he_reports(read):
    facts = read("外交部发言人林剑表示，中国政府已决定向缅甸提供3000万元人民币紧急人道主义援助。")
    (f,) = holding(facts, "figure", "3000万元人民币")
    assert ("announced_by", "林剑") in roles(f)
    facts = read("外交部发言人林剑表示，中方设立的基金已为200多个项目提供资金。")
    assert not [f for f in holding(facts, "figure", "200多个") if f.get("announced_by")]


def test_a_pledge_at_a_session_of_a_forum_named_by_the_forum(read):
    (p,) = kinds(read("2017年5月，习近平在“一带一路”国际合作高峰论坛开幕式上宣布，向南南合作援助基金增资10亿美元。"), "Pledge")
    assert ("announced_at", "一带一路国际合作高峰论坛") in roles(p)
    (p,) = kinds(read("中方在中非合作论坛框架下宣布提供10亿美元援助。"), "Pledge")  # a framework, not a session
    assert not p.get("announced_at")


def test_builders_in_a_clause_of_their_own_after_the_lender(read):
    (p,) = kinds(read("中老铁路由中国进出口银行提供贷款，中国中铁股份有限公司和中国电建集团承建。"), "ProjectReport")
    assert {("partner", "中国进出口银行"), ("partner", "中国中铁股份有限公司"), ("partner", "中国电建集团")} <= roles(p)
    # a clause of other words before the verb: no builders (当地居民参与施工)
    facts = read("中老铁路由中国进出口银行提供贷款，沿线的中国企业员工和老挝工人参与施工。")
    assert {m.name for f in kinds(facts, "ProjectReport") for m in f.get("partner")} == {"中国进出口银行"}


def test_builders_and_lenders_named_before_the_project(read):
    # X承建了Y, X承建的(country) Y, X为Y提供贷款: the partners of the project
    for sentence, body in (("中国路桥公司承建了乌干达卡鲁玛水电站。", "中国路桥公司"),
                           ("中国路桥公司承建的乌干达卡鲁玛水电站于2024年建成。", "中国路桥公司"),
                           ("中国进出口银行为乌干达卡鲁玛水电站提供了优惠贷款。", "中国进出口银行"),
                           ("中国进出口银行为卡鲁玛水电站建设提供融资。", "中国进出口银行"),
                           ("由中国进出口银行提供优惠贷款的卡鲁玛水电站于2024年建成。", "中国进出口银行"),
                           ("中国路桥公司投资建设的乌干达卡鲁玛水电站已经投产。", "中国路桥公司")):
        partners = {m.name for f in kinds(read(sentence), "ProjectReport") for m in f.get("partner")}
        assert partners == {body}, sentence
    # near misses: a visit, a ceremony, a loan to those around the project
    for sentence in ("中国路桥公司参观了卡鲁玛水电站。", "中国路桥公司为卡鲁玛水电站举行了竣工仪式。",
                     "联合国开发计划署为卡鲁玛水电站周边社区提供贷款。",
                     "中国进出口银行提供贷款，当地居民参观的卡鲁玛水电站于2024年建成。",
                     "联合国开发计划署提供的卡鲁玛水电站照片在展览中展出。"):
        assert not any(f.get("partner") for f in kinds(read(sentence), "ProjectReport")), sentence


def test_a_body_founded_on_the_date_after_its_verb(read):
    for sentence, body, day in (("中国—东盟中心成立于2011年11月。", "中国—东盟中心", "2011年11月"),
                                ("2018年4月，国家国际发展合作署正式挂牌成立。", "国家国际发展合作署", "2018年4月")):
        (f,) = kinds(read(sentence), "Founding")
        assert {("body", body), ("founded", day)} <= roles(f), sentence
    assert not kinds(read("中国—东盟中心成立十多年来成果丰硕。"), "Founding")  # no day of founding


def test_a_second_announcement_takes_the_sentences_date_when_the_first_read_no_measure(read):
    facts = read("2019年10月，习近平对尼泊尔进行国事访问期间，两国宣布将中尼关系提升为战略合作伙伴关系，"
                 "中方宣布在2020年至2022年向尼方提供35亿元人民币援助。")
    (p,) = kinds(facts, "Pledge")
    assert {("date", "2019年10月"), ("announced_by", "习近平"), ("amount", "35亿元人民币")} <= roles(p)


def test_through_in_taiwan_and_hong_kong_usage_is_through(read):
    for sentence in ("中方透過世界糧食計劃署向阿富汗提供了價值100萬美元的糧食援助。",
                     "中方通过世界粮食计划署向阿富汗提供了价值100万美元的粮食援助。"):
        (f,) = kinds(read(sentence), "AidStatistic")
        assert ("recipient", "阿富汗") in roles(f) and {m.text for m in f.get("partner")} <= {"世界糧食計劃署", "世界粮食计划署"} \
            and f.get("partner"), sentence


def test_a_project_that_is_the_first_or_a_key_project_of_a_programme_is_part_of_it(read):
    facts = read("卡洛特水电站是中巴经济走廊首个水电投资项目，位于巴基斯坦旁遮普省。")
    (c,) = kinds(facts, "Component")
    assert {("programme", "卡洛特水电站"), ("part_of", "中巴经济走廊")} <= roles(c)
    (p,) = kinds(facts, "ProjectReport")  # where it lies: said in a later clause of the same subject
    assert ("location", "旁遮普省") in roles(p)
    (c,) = kinds(read("作为“一带一路”重点项目，蒙内铁路于2017年5月31日通车。"), "Component")
    assert {("programme", "蒙内铁路"), ("part_of", "一带一路")} <= roles(c)
    # another project between: the clause is its own (瓜达尔港 does not lie in 信德省)
    facts = read("瓜达尔港是中巴经济走廊的旗舰项目，卡拉奇港位于信德省。")
    assert {m.name for f in kinds(facts, "ProjectReport") for m in f.get("project")} == {"卡拉奇港"}


def test_a_project_paid_by_the_fund_named_in_a_later_clause_is_part_of_it(read):
    facts = read("老挝学校供餐项目由世界粮食计划署负责实施，全球发展和南南合作基金提供资金。")
    (c,) = kinds(facts, "Component")
    assert {("programme", "老挝学校供餐项目"), ("part_of", "全球发展和南南合作基金")} <= roles(c)
    # a fund that pays for something else, in a sentence that does not open with the project
    facts = read("世界粮食计划署在老挝实施学校供餐项目，全球发展和南南合作基金提供资金支持其他国家。")
    assert not kinds(facts, "Component")


def test_a_measure_named_after_its_announcement_in_quotes_or_a_body_set_up(read):
    # 在…上提出的“X”: the quote before the name; 宣布成立的 + a body: the body set up
    (p,) = kinds(read("习近平主席在第二届中国—中亚峰会上提出的“绿色丝路计划”得到广泛支持。"), "Pledge")
    assert {("announced_by", "习近平"), ("announced_at", "第二届中国—中亚峰会"), ("programme", "绿色丝路计划")} <= roles(p)
    (p,) = kinds(read("在2018年中非合作论坛北京峰会上宣布成立的中非联合研究交流中心已经运行。"), "Pledge")
    assert ("programme", "中非联合研究交流中心") in roles(p)
    # a body after 宣布的 that was not set up: no pledge
    assert not kinds(read("在峰会上宣布的中国外交部决定得到落实。"), "Pledge")


def test_a_session_named_with_its_forums_short_form_in_brackets(read):
    (f,) = kinds(read("中国—阿拉伯国家合作论坛（中阿合作论坛）第九届部长级会议于2020年7月在约旦举行。"), "MeetingReport")
    assert {("part_of", "中国—阿拉伯国家合作论坛"), ("date", "2020年7月"), ("location", "约旦")} <= roles(f)


def test_the_organisations_own_programme_is_run_by_it(read):
    # X的Y, X牵头的Y: the organisation runs the programme or project named right after
    for sentence in ("联合国儿童基金会的马拉维母婴健康项目惠及10万名妇女。", "联合国儿童基金会牵头的马拉维母婴健康项目正式启动。"):
        partners = {(f.label, m.name) for f in kinds(read(sentence), "Partnership") for m in f.get("partner")}
        assert partners == {("马拉维母婴健康项目", "联合国儿童基金会")}, sentence
    # China's and the organisation's together (中国与X的Y项目): the organisation is a partner of it
    partners = {m.name for f in kinds(read("中国与联合国儿童基金会的马拉维母婴健康项目正式启动。"), "Partnership")
                for m in f.get("partner")}
    assert partners == {"联合国儿童基金会"}
    # the organisation's staff, not its project
    assert not kinds(read("联合国儿童基金会的工作人员参观了马拉维母婴健康项目。"), "Partnership")


def test_a_programme_proposed_with_an_attributive_before_its_name(read):
    (p,) = kinds(read("习近平主席在第二届中国—中亚峰会上提出了推动绿色发展的“绿色丝路计划”。"), "Pledge")
    assert {("announced_by", "习近平"), ("announced_at", "第二届中国—中亚峰会"), ("programme", "绿色丝路计划")} <= roles(p)
    # an idea proposed, no programme named: no pledge
    assert not kinds(read("习近平主席在会上提出了构建人类命运共同体的新理念。"), "Pledge")


def test_the_years_a_project_was_built_in(read):
    # the year the works began to the year they were done: the project's period
    for sentence in ("乌干达卡鲁玛水电站于2013年开工，2024年建成投产。", "卡鲁玛水电站2013年开工，到2024年全面竣工。"):
        (f,) = kinds(read(sentence), "ProjectReport")
        (period,) = f.get("period")
        assert period.value["value"] == "2013/2024" and not f.get("date"), sentence
    # one year, or the other year in a statement of its own: the date of what the clause says
    for sentence in ("卡鲁玛水电站于2024年建成。", "2013年，乌干达卡鲁玛水电站开工；2024年建成。"):
        (f,) = kinds(read(sentence), "ProjectReport")
        assert not f.get("period") and f.get("date"), sentence


def test_a_programme_to_be_carried_out_in_the_span_heading_the_sentence(read):
    for sentence, span in (("2015年至2019年，中方将实施“百校百企”计划。", "2015年至2019年"),
                           ("未来五年，双方将共同实施“丝路书香”工程。", "未来五年")):
        (f,) = kinds(read(sentence), "ProgrammeReport")
        assert ("period", span) in roles(f), sentence
    # done already, or a framework the aid is given under: not the programme's time
    for sentence in ("2015年至2019年，中方已实施“百校百企”计划。", "2015年至2019年，中方在“一带一路”框架下提供援助。"):
        assert not any(f.get("period") for f in kinds(read(sentence), "ProgrammeReport")), sentence


def test_a_forums_sub_forum(read):
    for sentence, part, whole in (("中非合作论坛—中非民间论坛在北京举行。", "中非民间论坛", "中非合作论坛"),
                                  ("中拉基础设施合作论坛是中国—拉共体论坛的专业分论坛。", "中拉基础设施合作论坛", "中国—拉共体论坛"),
                                  ("作为中国—拉共体论坛的分论坛，中拉企业家高峰会在乌拉圭举行。", "中拉企业家高峰会", "中国—拉共体论坛")):
        parts = {(f.label, m.name) for f in kinds(read(sentence), "Component") for m in f.get("part_of")}
        assert (part, whole) in parts, sentence
    # two forums named side by side: neither is the other's
    assert not kinds(read("中非合作论坛和中非民间论坛在北京举行。"), "Component")


def test_what_an_aid_verb_gave_a_country_after_its_de_is_delivered_to_it(read):
    # 援助X的(首批)救灾物资: the aid verb right before the country, the goods after 的
    for sentence, country in (("3月15日，中国援助莫桑比克的首批救灾物资运抵贝拉市。", "莫桑比克"),
                              ("中国政府援助老挝的疫苗已运抵万象。", "老挝")):
        recipients = {m.name for f in kinds(read(sentence), "AidDelivery") for m in f.get("recipient")}
        assert recipients == {country}, sentence
    # near misses: no goods after 的, no aid verb before the country
    for sentence in ("中国援助莫桑比克的经验值得总结。", "莫桑比克的首批救灾物资运抵贝拉市。"):
        assert not kinds(read(sentence), "AidDelivery"), sentence
