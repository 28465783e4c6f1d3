"""Pledges on texts of the genre written for the test (issue 12, facts that generalise): who announced, at which
meeting, when, how much, over what period and for whom, read by the grammar of the announcement (a pronoun that
refers to the speaker named before, a meeting referred to and not named, a verb of saying with a commitment
after it ...), not by the wording of one document.  Traditional characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def test_he_announces_is_the_person_named_before_at_his_meeting_and_on_his_day(read):
    facts = read("2015年9月26日，习近平主席在联合国总部出席联合国发展峰会并发表讲话。"
                 "他宣布，中国将设立“南南合作援助基金”，首期提供20亿美元。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "20亿美元") in roles(f)]
    assert {("announced_by", "习近平"), ("announced_at", "联合国发展峰会"), ("date", "2015年9月26日")} <= roles(pledge)
    facts = read("2021年9月21日，國家主席習近平出席第七十六屆聯合國大會一般性辯論並發表重要講話。"
                 "他宣佈，中方將在未來3年內再提供30億美元國際援助。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "30億美元") in roles(f)]
    assert {("announced_by", "习近平"), ("announced_at", "第七十六届联合国大会一般性辩论")} <= roles(pledge)
    # (he, paragraphs later, is nobody named long before)
    facts = read("习近平出席联合国发展峰会。\n\n中方重视合作。\n\n各方支持。\n\n他宣布，中国将提供20亿美元。")
    assert not [f for f in kinds(facts, "Pledge") if ("announced_by", "习近平") in roles(f)]


def test_a_body_that_announces_at_the_meeting_named_before_is_the_announcer(read):
    facts = read("2012年7月，中非合作论坛第五届部长级会议在北京召开。"
                 "中国政府在会上宣布向非洲国家提供200亿美元贷款额度。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "中国政府"), ("announced_at", "中非合作论坛第五届部长级会议"),
            ("amount", "200亿美元")} <= roles(pledge)


def test_a_verb_of_saying_with_what_china_will_do_after_it_is_an_announcement(read):
    facts = read("2022年5月30日，外交部长王毅在第二次中国—太平洋岛国外长会上表示，中方将于2022至2024年向太平洋岛国提供"
                 "3亿元人民币无偿援助。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "3亿元人民币") in roles(f)]
    assert {("announced_by", "王毅"), ("announced_at", "第二次中国—太平洋岛国外长会"), ("date", "2022年5月30日"),
            ("period", "2022至2024年"), ("recipient", "太平洋岛国")} <= roles(pledge)
    # (what he says of results is no announcement; nor is the aid an official of the receiving side tells of)
    assert not kinds(read("王毅表示，中非合作成果丰硕。"), "Pledge")
    assert not [f for f in read("老挝教育部长坎佩表示，中方决定向老挝提供300万美元。") if f.get("announced_by")]
    # (a body China will work with is no measure it announces)
    facts = read("国合署副署长邓波清表示，中国政府愿同联合国开发计划署一道，帮助发展中国家落实2030年议程。")
    assert not [f for f in kinds(facts, "Pledge") if f.get("programme")]


def test_the_fund_a_clause_names_as_the_frame_holds_the_sum_of_the_next_measure(read):
    facts = read("中国驻老挝大使姜再冬宣布，中方将通过全球发展和南南合作基金，向老挝提供300万美元援助。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "300万美元") in roles(f)]
    assert {("announced_by", "姜再冬"), ("programme", "全球发展和南南合作基金"), ("recipient", "老挝")} <= roles(pledge)


def test_a_sum_the_announced_set_of_measures_includes_is_a_measure_of_its_own(read):
    facts = read("2009年11月，温家宝总理在中非合作论坛第四届部长级会议上宣布对非合作新八项举措，"
                 "其中包括向非洲国家提供100亿美元优惠性质贷款。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "100亿美元") in roles(f)]
    assert {("announced_by", "温家宝"), ("announced_at", "中非合作论坛第四届部长级会议"), ("date", "2009年11月"),
            ("recipient", "非洲")} <= roles(pledge)
    # (a number of what a measure holds is a detail of it, no measure of its own)
    facts = read("中方宣布将为非洲实施农业项目，包括100个减贫项目。")
    assert not [f for f in kinds(facts, "Pledge") if ("amount", "100个") in roles(f)]


def test_the_side_that_heads_the_sentence_commits_to_the_figure_of_a_later_clause(read):
    facts = read("中方将继续向拉美和加勒比国家提供力所能及的援助，在未来5年内实施100个民生项目。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "100个") in roles(f)]
    assert {("announced_by", "中方"), ("period", "未来5年内")} <= roles(pledge)
    # (a later clause with a subject of its own: not China's)
    facts = read("中方将继续支持非洲发展，非方将在未来5年内实施100个民生项目。")
    assert not [f for f in facts if ("announced_by", "中方") in roles(f)]


def test_a_top_up_of_the_fund_named_before_is_its_amount_and_the_sum_it_starts_from_none(read):
    facts = read("中方愿将南南合作援助基金整合升级为“全球发展和南南合作基金”，并在30亿美元基础上增资10亿美元。")
    assert [f for f in facts if {("programme", "全球发展和南南合作基金"), ("amount", "10亿美元")} <= roles(f)]
    assert not [f for f in facts if ("amount", "30亿美元") in roles(f)]


def test_a_decision_of_the_government_to_give_is_its_pledge(read):
    (pledge,) = kinds(read("中国政府决定向斯里兰卡提供1000万美元紧急人道主义援助。"), "Pledge")
    assert {("announced_by", "中国政府"), ("amount", "1000万美元"), ("recipient", "斯里兰卡")} <= roles(pledge)
    (pledge,) = kinds(read("中國政府已決定向湯加提供價值500萬元人民幣的緊急救災物資。"), "Pledge")
    assert ("announced_by", "中国政府") in roles(pledge)


def test_a_sum_the_announced_measure_pushes_towards_is_its_amount(read):
    facts = read("2015年1月8日，习近平出席中国—拉共体论坛首届部长级会议开幕式并发表讲话，"
                 "宣布中方将在未来10年内推动对拉美投资存量达到2500亿美元。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "习近平"), ("announced_at", "中国—拉共体论坛首届部长级会议"), ("date", "2015年1月8日"),
            ("amount", "2500亿美元"), ("period", "未来10年内")} <= roles(pledge)


def test_the_number_of_the_countries_of_a_region_is_part_of_whom_the_measure_is_for(read):
    facts = read("外交部长王毅在会上宣布，中国将向中亚五国提供5亿元人民币无偿援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "王毅"), ("amount", "5亿元人民币"), ("recipient", "中亚")} <= roles(pledge)
    assert ("amount", "五国") not in roles(pledge)


def test_the_person_named_again_in_the_next_sentence_announces_at_the_meeting_of_the_one_before(read):
    facts = read("2023年5月19日，习近平主席在西安主持首届中国—中亚峰会并发表主旨讲话。"
                 "习近平宣布，中方将向中亚国家提供总额260亿元人民币的融资支持和无偿援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "习近平"), ("announced_at", "首届中国—中亚峰会"), ("date", "2023年5月19日"),
            ("amount", "260亿元人民币")} <= roles(pledge)


def test_the_member_states_of_a_body_a_measure_is_for_are_its_recipients_not_a_programme(read):
    facts = read("国务院总理李强在第26次中国—东盟领导人会议上宣布，未来三年中方将为东盟国家提供1000个研修名额。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_at", "第26次中国—东盟领导人会议"), ("amount", "1000个"), ("recipient", "东盟")} <= roles(pledge)
    assert ("programme", "东盟") not in roles(pledge)


def test_a_name_with_no_title_that_announces_is_the_announcer(read):
    (pledge,) = kinds(read("王毅宣布，中国将向中亚提供5亿元人民币无偿援助。"), "Pledge")
    assert ("announced_by", "王毅") in roles(pledge)
    (pledge,) = kinds(read("2022年1月5日，王毅在访问肯尼亚期间宣布，中方将向非洲提供价值1亿美元的援助。"), "Pledge")
    assert {("announced_by", "王毅"), ("date", "2022年1月5日"), ("amount", "1亿美元"), ("recipient", "非洲")} <= roles(pledge)


def test_the_means_given_for_the_measure_just_named_are_its_amount(read):
    facts = read("2015年，在中非合作论坛约翰内斯堡峰会上，中方提出了中非“十大合作计划”，并为此提供总额600亿美元的资金支持。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "600亿美元") in roles(f)]
    assert {("programme", "中非十大合作计划"), ("announced_at", "中非合作论坛约翰内斯堡峰会")} <= roles(pledge)
    # (基金总额…: 基金 is the fund just named)
    facts = read("在2006年中非合作论坛北京峰会上，中国宣布了对非务实合作8项政策措施，包括设立中非发展基金，基金总额逐步达到50亿美元。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "50亿美元") in roles(f)]
    assert {("programme", "中非发展基金"), ("announced_by", "中国"), ("announced_at", "2006年中非合作论坛北京峰会")} <= roles(pledge)


def test_a_measure_that_names_no_one_after_a_comma_is_for_whom_the_one_before_is(read):
    facts = read("2013年3月，习近平主席访问非洲期间宣布，中国将在未来3年为非洲培训3万名各类人才，提供政府奖学金名额1.8万个。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "1.8万个") in roles(f)]
    assert {("recipient", "非洲"), ("announced_by", "习近平"), ("date", "2013年3月")} <= roles(pledge)
    # (after a ；the measure is one of its own)
    facts = read("中方宣布：为非洲培训3万名各类人才；提供政府奖学金名额1.8万个。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "1.8万个") in roles(f)]
    assert not pledge.get("recipient")


def test_a_plan_titled_with_its_years_written_with_nian_is_adopted_at_the_meeting(read):
    facts = read("2012年7月，中非合作论坛第五届部长级会议在北京举行，"
                 "会议通过了《中非合作论坛第五届部长级会议北京行动计划（2013年至2015年）》。")
    (plan,) = [f for f in kinds(facts, "ProgrammeReport") if f.get("announced_at")]
    assert {("announced_at", "中非合作论坛第五届部长级会议"), ("date", "2012年7月"),
            ("programme", "中非合作论坛第五届部长级会议北京行动计划（2013年至2015年）")} <= roles(plan)
    assert [m.value["value"] for m in plan.get("period")] == ["2013/2015"]


def test_aid_for_the_member_states_of_a_body_is_a_measure_and_its_total_after_it_its_sum(read):
    facts = read("商务部副部长钱克明在会上宣布，中方将在未来三年向东盟国家提供一揽子援助，总额为5亿美元。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if any(m.text == "5亿美元" for _, m in f.roles)]
    assert {("announced_by", "钱克明"), ("recipient", "东盟"), ("period", "未来三年")} <= roles(pledge)


def test_the_named_project_the_next_clause_says_a_sum_pays_for_has_that_sum(read):
    facts = read("中國政府通過南南合作援助基金向世界糧食計劃署捐款100萬美元，用於布基納法索緊急糧食援助項目。")
    assert [f for f in facts if {("programme", "布基纳法索紧急粮食援助项目"), ("amount", "100萬美元")} <= roles(f)]
    # (what it is for, with no name: no project's sum)
    facts = read("中国政府向世界粮食计划署提供200万美元，用于支持当地学校供餐。")
    assert not [f for f in facts if f.get("programme") and ("amount", "200万美元") in roles(f)]


def test_a_listed_commitment_for_the_member_states_of_a_body_is_for_the_body(read):
    facts = read("（一）中方将在2025年至2027年期间向拉共体成员国提供5000个政府奖学金名额。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "中方"), ("recipient", "拉共体"), ("amount", "5000个"), ("period", "2025年至2027年")} <= roles(pledge)


def test_a_body_china_donates_to_is_the_recipient_and_a_duration_after_the_measure_its_period(read):
    (pledge,) = kinds(read("中国政府宣布，将在五年内向世界卫生组织捐款2000万美元。"), "Pledge")
    assert {("recipient", "世界卫生组织"), ("amount", "2000万美元")} <= roles(pledge)
    assert ("programme", "世界卫生组织") not in roles(pledge)
    (pledge,) = kinds(read("中方宣布向非洲联盟提供10亿元人民币援助，为期三年。"), "Pledge")
    assert {("recipient", "非洲联盟"), ("period", "三年")} <= roles(pledge)


def test_a_session_named_by_its_series_at_which_he_says_it_while_attending_is_where(read):
    facts = read("2014年7月，习近平主席在巴西利亚出席中国—拉美和加勒比国家领导人会晤时宣布，中方将提供100亿美元优惠性质贷款。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "习近平"), ("announced_at", "中国—拉美和加勒比国家领导人会晤"), ("date", "2014年7月"),
            ("amount", "100亿美元")} <= roles(pledge)


def test_he_on_a_day_of_his_own_is_at_no_meeting_of_the_sentence_before(read):
    facts = read("2013年，习近平出席中非合作论坛北京峰会。他2015年宣布，中国将提供20亿美元。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "20亿美元") in roles(f)]
    assert ("announced_by", "习近平") in roles(pledge) and not pledge.get("announced_at")
    facts = read("2013年，习近平出席中非合作论坛北京峰会。他2015年在联合国发展峰会上宣布，中国将提供20亿美元。")
    (pledge,) = [f for f in kinds(facts, "Pledge") if ("amount", "20亿美元") in roles(f)]
    assert {("announced_by", "习近平"), ("announced_at", "联合国发展峰会"), ("date", "2015年")} <= roles(pledge)
    assert ("announced_at", "中非合作论坛北京峰会") not in roles(pledge)
