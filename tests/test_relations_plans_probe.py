"""Measures of forum action plans, cooperation plans and declarations, on texts of the genre written for the test
(issue 12, facts that generalise): numbered articles (1.1, （一）, 第X条), 双方同意/中方将…向拉方/非方/阿方提供,
periods such as 今后三年内 — read by the grammar of the plan, not by the wording of one document.  Traditional
characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def test_a_regions_side_is_the_region_named_before_as_recipient(read):
    facts = read("中国同拉丁美洲国家友好合作。（一）中方将在今后五年内向拉方提供5000个政府奖学金名额。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("recipient", "拉丁美洲"), ("announced_by", "中方")} <= roles(pledge)
    facts = read("中國同阿拉伯國家友好合作源遠流長。中方將向阿方提供3億元人民幣無償援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("recipient", "阿拉伯国家") in roles(pledge)
    # (a side whose initial begins two places named is nobody's: 阿根廷 and 阿拉伯国家)
    facts = read("中国同阿根廷和阿拉伯国家合作。中方将向阿方提供3亿元人民币无偿援助。")
    assert not [f for f in facts if f.get("recipient")]


def test_a_span_of_years_in_traditional_characters_is_the_pledges_period(read):
    facts = read("雙方同意，中方將於今後三年內向非方提供3億元人民幣無償援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("period", "今後三年內"), ("recipient", "非方"), ("amount", "3億元人民幣")} <= roles(pledge)
    facts = read("中方將在未來三年內為非洲國家提供10億美元緊急糧食援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("period", "未來三年內") in roles(pledge)


def test_an_articles_number_before_what_china_will_do_keeps_china_the_announcer(read):
    facts = read("第三条 中方将向非方提供100亿美元无偿援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "中方"), ("amount", "100亿美元"), ("recipient", "非方")} <= roles(pledge)
    facts = read("第三條：中方將向非方提供100億美元無償援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("announced_by", "中方") in roles(pledge)
    # (an article referred to is no number before the item: 第三条规定…)
    assert not kinds(read("第三条规定的措施将落实。"), "Pledge")


def test_the_countries_given_duty_free_treatment_are_its_recipients_and_the_share_of_goods_its_figure(read):
    facts = read("中國政府宣布給予埃塞俄比亞、坦桑尼亞等30個最不發達國家95%稅目產品零關稅待遇。")
    (duty,) = [f for f in facts if f.rule == "aid:duty-free"]
    assert {("theme", "95%"), ("recipient", "埃塞俄比亚"), ("recipient", "坦桑尼亚")} <= roles(duty)
    facts = read("自2005年7月1日起，中国对非洲25个最不发达国家的190个税目产品实行零关税。")
    (duty,) = [f for f in facts if f.rule == "aid:duty-free"]
    assert {("theme", "190个"), ("recipient", "非洲")} <= roles(duty)
    # (a tariff level is no treatment given; nor is a treatment given to nobody named)
    assert not read("中国对越南出口的关税水平较低。")
    assert not read("中国政府决定给予同中国建交的最不发达国家97%税目产品零关税待遇。")


def test_the_bodies_that_drew_up_this_plan_together_are_its_partners(read):
    facts = read("中國－阿拉伯國家合作論壇行動計畫\n\n本行動計畫由中國政府和阿拉伯國家聯盟共同制定。")
    (partnership,) = [f for f in facts if f.rule == "partner:drawn-up-together"]
    assert ("partner", "阿拉伯国家联盟") in roles(partnership) and partnership.get("programme")
    # (a plan adopted by a meeting was drawn up by no body)
    facts = read("中国—拉共体论坛首届部长级会议于2015年1月在北京举行。《中国与拉美和加勒比国家合作规划（2015—2019）》\n\n"
                 "本规划由中国—拉共体论坛首届部长级会议审议通过。")
    assert not [f for f in facts if f.rule == "partner:drawn-up-together"]


def test_people_sent_in_a_later_clause_go_to_the_countries_of_the_clause_before(read):
    facts = read("中国政府向贝宁、乍得等国提供了农业技术援助，派遣农业专家1100多名。")
    (sent,) = [f for f in facts if ("amount", "1100多名") in roles(f)]
    assert {("recipient", "贝宁"), ("recipient", "乍得")} <= roles(sent)
    # (a count of its own, with no verb of sending, is not theirs)
    facts = read("中国政府向贝宁、乍得等国提供了农业技术援助，当地受益农民1100多名。")
    assert not [f for f in facts if ("recipient", "贝宁") in roles(f) and f.get("amount")
                and [m.text for r, m in f.roles if r == "amount"] == ["1100多名"]]


def test_a_quoted_name_announced_at_a_meeting_is_a_programme_announced_there(read):
    facts = read("双方赞赏中方在中阿合作论坛第八届部长级会议上宣布的“四个一批”工作。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("programme", "四个一批"), ("announced_by", "中方"),
            ("announced_at", "中阿合作论坛第八届部长级会议")} <= roles(pledge)
    facts = read("雙方高度評價2014年7月習近平主席在巴西利亞宣佈的中拉合作“1+3+6”框架。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("programme", "1+3+6"), ("announced_by", "习近平")} <= roles(pledge)
    # (a quote with no announcement before it is no programme so found)
    assert not kinds(read("双方同意加强“南南合作”。"), "Pledge")


def test_a_sum_right_after_announced_is_the_pledge_of_who_announced_it_at_the_meeting(read):
    facts = read("双方欢迎中方在约翰内斯堡峰会上宣布的600亿美元资金支持。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("amount", "600亿美元"), ("announced_by", "中方"), ("announced_at", "约翰内斯堡峰会")} <= roles(pledge)
    # (a sum that is not what was announced: 宣布的措施 … 总额600亿美元 is no sum right after 的)
    facts = read("双方欢迎中方在约翰内斯堡峰会上宣布的措施。")
    assert not kinds(facts, "Pledge")


def test_what_china_will_invest_or_invite_is_a_measure_of_the_plan_with_its_period(read):
    facts = read("中方将在今后10年内向拉美地区投资2500亿美元。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "中方"), ("amount", "2500亿美元"), ("period", "今后10年内")} <= roles(pledge)
    assert pledge.get("recipient")
    facts = read("中方將在未來五年內邀請1000名阿拉伯國家政黨領導人訪華。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_by", "中方"), ("amount", "1000名"), ("period", "未來五年內")} <= roles(pledge)
    # (an invitation with no commitment of China's is no measure: 双方将邀请…)
    assert not kinds(read("双方将邀请1000名青年代表参加活动。"), "Pledge")


def test_how_long_the_fund_named_just_before_runs_is_its_period(read):
    facts = read("中国设立中国—联合国和平与发展基金，为期10年，总额10亿美元。")
    assert [f for f in facts if f.rule == "programme:lasting"
            and {("programme", "中国—联合国和平与发展基金"), ("period", "10年")} <= roles(f)]
    # (a clause of another subject between: 基金设立后，双方合作为期10年 is the cooperation's, no fund's)
    facts = read("中国设立中国—联合国和平与发展基金后，双方的合作为期10年。")
    assert not [f for f in facts if f.rule == "programme:lasting"]


def test_the_measures_listed_after_china_will_take_the_following_are_chinas_pledges(read):
    facts = read("为推动中国同拉美国家经贸合作，中方将采取以下措施：\n\n（一）向拉方提供100亿美元优惠性质贷款；\n\n"
                 "（二）在今后五年内为拉方培训5000名各类人才。")
    pledges = kinds(facts, "Pledge")
    assert [f for f in pledges if {("announced_by", "中方"), ("amount", "100亿美元")} <= roles(f)]
    assert [f for f in pledges if {("announced_by", "中方"), ("amount", "5000名"), ("period", "今后五年内")} <= roles(f)]
    # (a heading of its own ends the list: what both sides will do is no pledge of China's)
    facts = read("中方将采取以下措施：\n\n（一）向拉方提供100亿美元优惠性质贷款；\n\n四、双方同意：\n\n"
                 "1.1 双方将在今后五年内共同实施100个合作项目。")
    assert not [f for f in facts if f.get("announced_by") and {("theme", "100个"), ("amount", "100个")} & roles(f)]


def test_the_bodies_with_which_china_drew_up_this_plan_are_its_partners(read):
    facts = read("中国与拉美和加勒比国家合作规划（2015—2019）\n\n中国同拉美和加勒比国家共同体共同制定本合作规划。")
    (partnership,) = [f for f in facts if f.rule == "partner:drawn-up-together"]
    assert ("partner", "拉美和加勒比国家共同体") in roles(partnership) and partnership.get("programme")
    # (one body alone that drew it up is its author, no partner: 国务院制定本规划)
    facts = read("中国与拉美和加勒比国家合作规划（2015—2019）\n\n拉美和加勒比国家共同体共同制定本合作规划。")
    assert not [f for f in facts if f.rule == "partner:drawn-up-together"]


def test_a_plan_adopted_at_the_meeting_or_approved_by_it_was_announced_there(read):
    facts = read("中国—拉共体论坛首届部长级会议于2015年1月8日至9日在北京举行。"
                 "《中国与拉美和加勒比国家合作规划（2015—2019）》于2015年1月9日在会上通过。")
    assert [f for f in kinds(facts, "ProgrammeReport") if {("announced_at", "中国—拉共体论坛首届部长级会议"),
                                                            ("date", "2015年1月9日")} <= roles(f)]
    facts = read("《澜湄合作五年行动计划（2018—2022）》经澜湄合作第二次领导人会议批准。")
    assert [f for f in kinds(facts, "ProgrammeReport") if ("announced_at", "澜湄合作第二次领导人会议") in roles(f)]
    # (adopted at no meeting named before: 会上 refers to nothing)
    facts = read("《中国与拉美和加勒比国家合作规划（2015—2019）》于2015年1月9日在会上通过。")
    assert not [f for f in facts if f.get("announced_at")]


def test_a_span_that_looks_back_in_traditional_characters_is_no_pledges_period(read):
    facts = read("中國宣布在過去三年中向非洲提供了100億美元貸款。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("amount", "100億美元") in roles(pledge) and not pledge.get("period")
    # (as in simplified characters; a span ahead stays the period)
    facts = read("中國宣布在未來三年內向非洲提供100億美元貸款。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("period", "未來三年內") in roles(pledge)
