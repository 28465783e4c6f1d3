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


# ------------------------------------------------------------------ announced_at / announced_by
def test_relief_of_loans_announced_at_a_meeting_is_a_pledge_there(read):
    # 在X会议上，中国宣布免除…到期未还的无息和低息贷款: the loans' debts relieved (no word 债务)
    facts = read("在2005年聯合國發展籌資高級別會議上，中國宣布免除所有同中國有外交關係的重債窮國2004年底前到期未還的無息和低息貸款。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_at", "联合国发展筹资高级别会议"), ("announced_by", "中国"), ("date", "2005年")} <= roles(pledge)
    assert pledge.literals["flowType"] == "debt-relief"
    facts = read("2005年9月，胡锦涛主席在联合国发展筹资高级别会议上宣布，中国将免除所有同中国有外交关系的重债穷国和"
                 "最不发达国家截至2004年底到期未还的无息和低息政府贷款。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_at", "联合国发展筹资高级别会议"), ("announced_by", "胡锦涛")} <= roles(pledge)


def test_a_long_list_of_debtors_before_the_debt_is_still_relief(read):
    facts = read("2015年，中國在聯合國發展峰會上宣布，免除對有關最不發達國家、內陸發展中國家、小島嶼發展中國家截至2015年底"
                 "到期未還的政府間無息貸款債務。")
    (pledge,) = kinds(facts, "Pledge")
    assert pledge.literals["flowType"] == "debt-relief" and ("announced_at", "联合国发展峰会") in roles(pledge)


def test_the_summit_named_by_its_kind_is_the_meeting_named_before(read):
    # …峰会在X举行。习近平在峰会上宣布…: the meeting of the sentence before, not a bare 峰会
    facts = read("2015年12月，中非合作论坛约翰内斯堡峰会在南非举行。习近平主席在峰会上宣布了中非“十大合作计划”。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_at", "中非合作论坛约翰内斯堡峰会"), ("announced_by", "习近平")} <= roles(pledge)
    facts = read("2017年5月，首届“一带一路”国际合作高峰论坛在北京举行。習近平主席在論壇上宣布，中國將向絲路基金新增資金1000億元人民幣。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("announced_at", "首届一带一路国际合作高峰论坛") in roles(pledge)
    facts = read("2012年7月，中非合作论坛第五届部长级会议在北京召开。在本届论坛上，中方宣布设立中非发展基金。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("announced_at", "中非合作论坛第五届部长级会议") in roles(pledge)


# ------------------------------------------------------------------ recipients
def test_countries_after_dui_given_aid_receive_it(read):
    # 对X、Y等国提供了…: 对 with a verb of giving after the countries
    facts = read("中国对埃塞俄比亚、苏丹、安哥拉等国提供了优惠贷款。")
    (aid,) = kinds(facts, "AidDelivery")
    assert {("recipient", "埃塞俄比亚"), ("recipient", "苏丹"), ("recipient", "安哥拉")} <= roles(aid)
    assert aid.literals["deliverable"] == "优惠贷款"


def test_dui_without_a_verb_of_giving_gives_no_recipient(read):
    facts = read("中国对埃塞俄比亚的经济发展前景充满信心。")
    assert not kinds(facts, "AidDelivery")


def test_a_country_helped_to_set_up_a_system_receives_it(read):
    # 支持/帮助X建立Y: the country receives what it is helped to set up, a list kept whole
    facts = read("支持老挝建立农村电子商务政策、规划和体系。")
    (aid,) = kinds(facts, "AidDelivery")
    assert ("recipient", "老挝") in roles(aid) and aid.literals["deliverable"] == "农村电子商务政策、规划和体系"


# ------------------------------------------------------------------ partners across clauses
def test_shares_of_a_sum_given_through_a_body_go_through_it(read):
    # 向X提供N，其中A用于Y项目，B用于Z项目: each share goes through X, a partner of what it pays for
    facts = read("中方将通过全球发展和南南合作基金向世界粮食计划署提供500万美元，其中300万美元用于老挝学校供餐项目，"
                 "200万美元用于布基纳法索难民紧急粮食援助项目。")
    assert partners_of(facts, "老挝学校供餐项目") == {"世界粮食计划署"}
    assert partners_of(facts, "布基纳法索难民紧急粮食援助项目") == {"世界粮食计划署"}


def test_sums_of_their_own_after_a_channelled_sum_keep_no_partner(read):
    facts = read("中方向世界粮食计划署捐款300万美元，用于老挝学校供餐；中方还向老挝提供了200万美元现汇援助。")
    assert not any(f.get("partner") for f in facts if any(m.text == "200万美元" for _, m in f.roles))


def test_the_body_signed_with_in_the_clause_before_is_a_partner_of_the_aid(read):
    # 与X签署协议/与X合作，(利用…)在A、B实施…: the clause goes on with no subject of its own
    facts = read("中國與聯合國兒童基金會合作，在馬拉維、莫桑比克開展兒童營養援助。")
    (aid,) = kinds(facts, "AidDelivery")
    assert {("partner", "联合国儿童基金会"), ("recipient", "马拉维"), ("recipient", "莫桑比克")} <= roles(aid)
    facts = read("国家国际发展合作署与世界粮食计划署签署协议，利用全球发展和南南合作基金在老挝和布基纳法索实施两个粮食援助项目。")
    aid = next(f for f in kinds(facts, "AidDelivery") if f.get("recipient"))
    assert ("partner", "世界粮食计划署") in roles(aid)


def test_a_clause_with_its_own_subject_takes_no_partner_from_the_one_before(read):
    facts = read("中国与世界粮食计划署签署协议，老挝政府在琅南塔省实施学校供餐援助。")
    assert not any(f.get("partner") for f in kinds(facts, "AidDelivery"))


def test_a_list_of_countries_between_zai_and_the_verb_after_with(read):
    # 与X合作，在A、B实施Y: the project is carried out with X
    facts = read("中方将与联合国开发计划署合作，在斐济、萨摩亚实施南南合作减灾项目。")
    assert partners_of(facts, "南南合作减灾项目") == {"联合国开发计划署"}


def test_this_plan_drawn_up_at_the_meeting_named_before(read):
    # (title: the plan) …举行X会议。…一致同意制定本行动计划: the plan was drawn up at that meeting
    facts = read("中非合作论坛—约翰内斯堡行动计划（2016-2018）\n\n"
                 "1.1 中华人民共和国和50个非洲国家的外交部长于2015年12月4日至5日在南非约翰内斯堡举行中非合作论坛第六届部长级会议。\n\n"
                 "1.2 部长们回顾了论坛成立15年来的成就，一致同意制定本行动计划。")
    assert any(("announced_at", "中非合作论坛第六届部长级会议") in roles(f) and f.get("programme")
               and f.get("programme")[0].name.startswith("中非合作论坛—约翰内斯堡行动计划")
               for f in kinds(facts, "ProgrammeReport"))


def test_carrying_out_this_plan_is_no_adoption(read):
    facts = read("中非合作论坛—约翰内斯堡行动计划（2016-2018）\n\n"
                 "1.1 中非合作论坛第六届部长级会议在约翰内斯堡举行。\n\n1.2 双方将共同落实本行动计划。")
    assert not any(f.rule == "programme:this-plan-adopted" for f in facts)


def test_the_bodies_that_set_up_and_pay_into_a_fund_are_its_partners(read):
    # 由A和B共同出资设立的X基金 / X基金由A和B共同出资设立
    facts = read("由中国进出口银行和国家开发银行共同出资设立的中非产能合作基金已投入运营。")
    assert partners_of(facts, "中非产能合作基金") == {"中国进出口银行", "国家开发银行"}
    facts = read("中非發展基金由國家開發銀行出資設立。")
    assert partners_of(facts, "中非发展基金") == {"国家开发银行"}


def test_a_fund_set_up_with_no_body_paying_has_no_partner(read):
    facts = read("由国家开发银行负责管理的中非发展基金设立于2007年。")
    assert "国家开发银行" not in {m.name for f in facts if f.rule == "partner:set-up-by" for m in f.get("partner")}


def test_forums_held_leaning_on_a_forum_or_under_its_mechanism_are_its_parts(read):
    # 依托X论坛，举办Y论坛 / 在X论坛机制下，举办Y论坛
    facts = read("依托中非合作论坛，举办中非农业合作论坛。")
    assert any({("programme", "中非农业合作论坛"), ("part_of", "中非合作论坛")} <= roles(f) for f in kinds(facts, "Component"))
    facts = read("在中非合作論壇機制下，雙方將舉辦中非民間論壇。")
    assert any({("programme", "中非民间论坛"), ("part_of", "中非合作论坛")} <= roles(f) for f in kinds(facts, "Component"))


def test_a_forum_brought_into_a_forums_framework_is_its_part(read):
    # 将Y纳入X框架
    facts = read("双方同意将中非民间论坛纳入中非合作论坛框架。")
    assert any({("programme", "中非民间论坛"), ("part_of", "中非合作论坛")} <= roles(f) for f in kinds(facts, "Component"))


def test_a_forum_merely_attended_frames_nothing(read):
    facts = read("中方代表出席中非合作论坛，并会见了中非民间论坛代表。")
    assert not kinds(facts, "Component")


# ------------------------------------------------------------------ location
def test_a_meeting_held_with_no_place_said_is_in_the_datelines_city(read):
    # 新华社X地M月D日电 Y会议D日闭幕: the dateline's city; the day is the meeting's own, not the dateline's
    facts = read("新华社达喀尔11月30日电 中非合作论坛第八届部长级会议30日闭幕。")
    (meeting,) = kinds(facts, "MeetingReport")
    assert ("location", "达喀尔") in roles(meeting)
    facts = read("新華社利馬11月20日電 亞太經合組織第二十四次領導人非正式會議19日在秘魯首都利馬開幕。")
    (meeting,) = kinds(facts, "MeetingReport")
    assert ("date", "19日") in roles(meeting) and ("date", "11月20日") not in roles(meeting)


def test_a_meeting_only_mentioned_in_a_dateline_story_gets_no_place(read):
    facts = read("新华社内罗毕3月5日电 肯尼亚总统表示，中非合作论坛第八届部长级会议成果丰硕。")
    assert not any(f.get("location") for f in kinds(facts, "MeetingReport"))


# ------------------------------------------------------------------ the topic of the sentence named before
def test_a_project_paid_by_a_fund_and_run_by_a_body_in_the_next_clause(read):
    # (该项目 = the project named before) 该项目由X基金资助，Y负责实施
    facts = read("2022年5月，老挝学校供餐项目在万象正式启动。該項目由全球發展和南南合作基金資助，世界糧食計劃署負責實施。")
    assert any({("programme", "老挝学校供餐项目"), ("part_of", "全球发展和南南合作基金")} <= roles(f) for f in kinds(facts, "Component"))
    assert partners_of(facts, "老挝学校供餐项目") == {"世界粮食计划署"}


def test_a_body_that_opens_a_clause_of_its_own_after_the_fund_runs_nothing(read):
    facts = read("老挝学校供餐项目由全球发展和南南合作基金资助，世界粮食计划署对此表示感谢。")
    assert "世界粮食计划署" not in partners_of(facts, "老挝学校供餐项目")


def test_the_bodies_a_fund_works_with_in_a_later_clause_of_its_sentence(read):
    # 该基金由X管理，已与A、B等N个国际组织开展合作
    facts = read("中方于2021年宣布设立全球发展和南南合作基金。该基金由国家国际发展合作署管理，已与联合国开发计划署、世界卫生组织等10个国际组织开展合作。")
    assert {"联合国开发计划署", "世界卫生组织"} <= partners_of(facts, "全球发展和南南合作基金")


def test_debts_waived_or_cancelled_are_relief_too(read):
    # 豁免…債務 (Hong Kong, Taiwan), 取消…债务: announced as 免除…债务 is
    facts = read("中國宣佈豁免非洲最不發達國家截至2018年底到期的政府間無息貸款債務。")
    (pledge,) = kinds(facts, "Pledge")
    assert pledge.literals["flowType"] == "debt-relief" and {("announced_by", "中国"), ("recipient", "非洲")} <= roles(pledge)
    facts = read("中國政府宣佈取消與中國有外交關係的重債窮國所欠的到期債務。")
    (pledge,) = kinds(facts, "Pledge")
    assert pledge.literals["flowType"] == "debt-relief"


def test_a_cancelled_meeting_is_no_relief(read):
    facts = read("中方宣布取消原定于本月举行的会议。")
    assert not any(f.literals.get("flowType") == "debt-relief" for f in facts)


def test_aid_to_the_country_whose_debts_were_relieved_is_a_measure_of_its_own(read):
    # 免除X所欠债务，并向其提供N援助: 其 is X; the sum is the aid's, not the relief's
    facts = read("中国还宣布免除阿富汗所欠债务，并向其提供5000万元人民币无偿援助。")
    (aid,) = [f for f in facts if f.get("amount")]
    assert {("amount", "5000万元人民币"), ("recipient", "阿富汗")} <= roles(aid)
    assert not any(f.literals.get("flowType") == "debt-relief" for f in facts if f.get("amount") or f.get("theme"))


def test_the_bodies_listed_as_a_programmes_partners_are_its_partners(read):
    # X的合作伙伴包括A、B和C / X的合作方为A
    facts = read("南南合作援助基金的合作伙伴包括世界粮食计划署、联合国儿童基金会和世界卫生组织。")
    assert partners_of(facts, "南南合作援助基金") == {"世界粮食计划署", "联合国儿童基金会", "世界卫生组织"}
    facts = read("老撾學校供餐項目的合作方為世界糧食計劃署。")
    assert partners_of(facts, "老挝学校供餐项目") == {"世界粮食计划署"}


def test_bodies_after_the_clause_of_the_partners_are_not_partners(read):
    facts = read("南南合作援助基金的合作伙伴包括世界粮食计划署，联合国儿童基金会对此表示欢迎。")
    assert partners_of(facts, "南南合作援助基金") == {"世界粮食计划署"}


def test_a_summit_named_by_its_head_paragraphs_later_is_the_summit_named_before(read):
    # 中非合作论坛北京峰会…闭幕。(…) 峰会通过了《X》/ 习近平在峰会开幕式上宣布…: that summit, however far back
    facts = read("新华社北京9月4日电 中非合作论坛北京峰会4日在北京闭幕。\n\n"
                 "峰会通过了《中非合作论坛—北京行动计划（2019-2021年）》。\n\n"
                 "习近平主席在峰会开幕式上宣布，中国将以政府援助、金融机构和企业投融资等方式，向非洲提供600亿美元支持。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("announced_at", "中非合作论坛北京峰会") in roles(pledge)
    assert any(("announced_at", "中非合作论坛北京峰会") in roles(f) for f in kinds(facts, "ProgrammeReport"))


def test_an_officer_of_an_international_body_tells_of_chinas_aid_and_announces_none(read):
    # 世界粮食计划署驻老挝代表X表示，中国政府已决定…: X is no announcer; China's own officers are
    facts = read("世界粮食计划署驻老挝代表黄江表示，中国政府已决定再提供300万美元支持学校供餐项目。")
    assert not any(("announced_by", "黄江") in roles(f) for f in facts)
    facts = read("国家国际发展合作署署长罗照辉表示，中国政府已决定向老挝提供300万美元紧急援助。")
    assert any(("announced_by", "罗照辉") in roles(f) for f in kinds(facts, "Pledge"))
    facts = read("中国驻老挝大使姜再冬表示，中方已决定向老挝提供300万美元援助。")
    assert any(("announced_by", "姜再冬") in roles(f) for f in kinds(facts, "Pledge"))


def test_a_fund_named_after_a_body_then_china_is_run_with_the_body(read):
    # 粮农组织—中国南南合作信托基金: the body first, China after the dash
    facts = read("粮农组织—中国南南合作信托基金已在20多个国家开展项目。")
    assert partners_of(facts, "粮农组织—中国南南合作信托基金") == {"粮农组织"}


def test_a_project_a_fund_supported_is_part_of_it(read):
    # X基金支持了Y项目
    facts = read("联合国开发计划署—中国南南合作基金支持了柬埔寨木薯项目。")
    assert any({("programme", "柬埔寨木薯项目"), ("part_of", "联合国开发计划署—中国南南合作基金")} <= roles(f)
               for f in kinds(facts, "Component"))


def test_a_meeting_of_leaders_attended_and_announced_at(read):
    # 出席X会晤/领导人会议并宣布: the session attended is where it was announced
    facts = read("2014年7月，习近平主席在巴西利亚出席中国—拉美和加勒比国家领导人会晤并宣布，中方将正式启动中拉基础设施专项贷款。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("announced_at", "中国—拉美和加勒比国家领导人会晤"), ("announced_by", "习近平")} <= roles(pledge)
    facts = read("李克強出席中國—東盟領導人會議並宣佈，中方將向東盟提供1000萬美元援助。")
    (pledge,) = kinds(facts, "Pledge")
    assert ("announced_at", "中国—东盟领导人会议") in roles(pledge)
