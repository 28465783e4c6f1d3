"""Facts of aid read from texts of the genre written as a ministry or a news agency would (issue 12): aid
deliveries, humanitarian aid, debt relief, food aid, vaccines, teams sent abroad; their recipients, sums,
days and places.  Each test is the grammar of a kind of sentence, not one document's wording; traditional
characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def test_debts_owed_to_the_creditor_named_before_the_debt(read):
    # 免除X、Y和Z所欠中国政府的…债务: the creditor between 所欠 and the debt
    facts = read("中國政府決定免除盧旺達、布隆迪和多哥所欠中國政府的到期無息貸款債務。")
    (relief,) = kinds(facts, "AidDelivery")
    assert {("recipient", "卢旺达"), ("recipient", "布隆迪"), ("recipient", "多哥")} <= roles(relief)


def test_a_deal_on_debts_signed_with_countries_gives_them_the_relief(read):
    # 与X、Y等N个国家签署缓债协议: the countries the deal is signed with; the initiative it follows (根据…)
    facts = read("根據二十國集團緩債倡議，中國已與安哥拉、贊比亞等19個非洲國家簽署緩債協議。")
    (relief,) = kinds(facts, "AidDelivery")
    assert {("recipient", "安哥拉"), ("recipient", "赞比亚"), ("part_of", "二十国集团缓债倡议")} <= roles(relief)


def test_goods_an_aid_verb_gave_that_reach_a_country_are_delivered_to_it(read):
    # 由X援助的<goods>于DATE运抵<country>首都<city>: the country the goods reach received them
    facts = read("由中国援助的新冠疫苗于2021年2月运抵柬埔寨首都金边。")
    (aid,) = kinds(facts, "AidDelivery")
    assert {("recipient", "柬埔寨"), ("date", "2021年2月"), ("location", "金边")} <= roles(aid)
    assert aid.literals["deliverable"] == "新冠疫苗"


def test_a_project_an_aid_verb_paid_for_begun_in_a_country_is_delivered_to_it(read):
    facts = read("由中國政府出資、世界糧食計劃署實施的糧食援助項目於2022年5月在老撾琅南塔省啟動。")
    (aid,) = kinds(facts, "AidDelivery")
    assert ("recipient", "老挝") in roles(aid) and aid.literals["deliverable"] == "粮食援助项目"


def test_goods_handed_over_in_a_city_were_delivered_there(read):
    # <goods>在首都<city>交接: where the delivery was made
    facts = read("3月15日，中国援助马拉维的第二批粮食在首都利隆圭交接，价值约300万元人民币。")
    (aid,) = kinds(facts, "AidDelivery")
    assert {("recipient", "马拉维"), ("location", "利隆圭")} <= roles(aid)


def test_a_port_the_goods_reach_is_where_they_went_not_what_was_given(read):
    # <country><city>港 read as a project: after 运抵/抵达, or 在…交接, it is the place of the delivery
    facts = read("中国政府援助的第一批粮食于2022年8月抵达索马里摩加迪沙港。")
    (aid,) = kinds(facts, "AidDelivery")
    assert {("recipient", "索马里"), ("date", "2022年8月"), ("location", "摩加迪沙")} <= roles(aid)
    assert not aid.get("deliverable") and aid.literals["deliverable"] == "第一批粮食"


def test_goods_handed_over_in_a_port_lately_are_the_goods_alone(read):
    (aid,) = kinds(read("中方向古巴捐赠的1万吨大米近日在哈瓦那港完成交接。"), "AidDelivery")
    assert ("recipient", "古巴") in roles(aid) and aid.literals["deliverable"] == "1万吨大米"


def test_a_country_joined_after_a_named_project_does_not_receive_it(read):
    # 支持老挝学校供餐项目和布基纳法索紧急粮食援助: 布基纳法索 is no recipient of the Lao project
    facts = read("全球发展和南南合作基金向世界粮食计划署捐款500万美元，用于支持老挝学校供餐项目和布基纳法索紧急粮食援助。")
    assert not [f for f in kinds(facts, "AidDelivery")
                if {("deliverable", "老挝学校供餐项目"), ("recipient", "布基纳法索")} <= roles(f)]


def test_sums_given_respectively_go_each_to_the_country_in_its_place(read):
    # 向X、Y、Z分别提供了A、B和C: A to X, B to Y, C to Z (and no delivery besides, the figures tell it all)
    facts = read("中國政府向湯加、斐濟、瓦努阿圖分別提供了100萬美元、50萬美元和30萬美元緊急現匯援助。")
    given = {(f.get("theme")[0].text, tuple(m.name for m in f.get("recipient"))) for f in kinds(facts, "AidStatistic")}
    assert given == {("100萬美元", ("汤加",)), ("50萬美元", ("斐济",)), ("30萬美元", ("瓦努阿图",))}
    assert not kinds(facts, "AidDelivery")


def test_respectively_before_the_recipients(read):
    facts = read("中国政府将分别向老挝和布基纳法索提供300万美元和200万美元援助。")
    assert {(f.get("amount")[0].text, tuple(m.name for m in f.get("recipient"))) for f in facts if f.get("amount")} \
        == {("300万美元", ("老挝",)), ("200万美元", ("布基纳法索",))}


def test_two_countries_named_before_by_their_first_characters_receive_the_sum(read):
    # 向土叙双方各拨出20万美元: 土 and 叙 begin the names of the two countries named before
    facts = read("土耳其和敘利亞發生強烈地震。中國紅十字會已向土敘雙方各撥出20萬美元援助。")
    (figure,) = kinds(facts, "AidStatistic")
    assert {("recipient", "土耳其"), ("recipient", "叙利亚"), ("theme", "20萬美元")} <= roles(figure)


def test_a_pair_of_initials_with_china_in_it_names_no_recipient(read):
    facts = read("巴基斯坦发生洪灾。中巴两国各提供了援助。")
    assert not [f for f in facts if ("recipient", "巴基斯坦") in roles(f)]


def test_a_team_sent_to_a_country_named_after_the_verb_and_de(read):
    # 向X派遣的第N批…医疗队于DATE抵达<city>: the team, the day and the place it reached
    facts = read("中国政府向马达加斯加派遣的第21批援马医疗队于2月抵达塔那那利佛。")
    (aid,) = kinds(facts, "AidDelivery")
    assert {("recipient", "马达加斯加"), ("location", "塔那那利佛")} <= roles(aid)
    assert aid.literals["deliverable"] == "第21批援马医疗队"


def test_a_training_course_held_in_a_country_is_delivered_to_it(read):
    (aid,) = kinds(read("中方在瓦努阿图举办了农业技术培训班，培训当地农民200余名。"), "AidDelivery")
    assert ("recipient", "瓦努阿图") in roles(aid) and aid.literals["deliverable"] == "农业技术培训班"


def test_a_project_carried_out_in_provinces_of_a_country(read):
    # (该)项目将在X的A省、B省和C省实施: the country receives it, the provinces are where
    facts = read("中国援助的老挝学校供餐项目于2022年启动。该项目将在老挝的丰沙里省、琅南塔省和乌多姆赛省实施。")
    (aid,) = [f for f in kinds(facts, "AidDelivery") if f.get("location")]
    assert {("recipient", "老挝"), ("deliverable", "老挝学校供餐项目"), ("location", "丰沙里省"),
            ("location", "乌多姆赛省")} <= roles(aid)


def test_its_after_a_verb_of_giving_is_the_country_named_before(read):
    # 豁免X所欠债务，并向其提供…援助: 其 is X
    facts = read("中國還宣佈豁免阿富汗所欠債務，並向其提供5000萬元人民幣無償援助。")
    (pledge,) = [f for f in facts if f.get("amount")]
    assert ("recipient", "阿富汗") in roles(pledge)


def test_its_debts_due_by_a_day_are_relieved(read):
    # 对于X，中国免除了其截至…到期的无息贷款: the topic's country, its loans due by that day
    (relief,) = kinds(read("對於埃塞俄比亞，中國免除了其截至2018年底到期的無息貸款。"), "AidDelivery")
    assert ("recipient", "埃塞俄比亚") in roles(relief) and relief.literals["deliverable"] == "无息贷款"


def test_a_relief_announced_is_one_event_not_two(read):
    facts = read("中方宣布免除埃塞俄比亚、赞比亚和喀麦隆等国家截至2021年底到期的无息贷款债务。")
    assert [f.kind for f in facts if f.get("recipient")] == ["Pledge"]


def test_a_countrys_own_thing_given_by_china_passive(read):
    # X的Y由中国援建/由中国政府资助: X receives Y; a figure inside Y stays with it
    facts = read("加蓬的4万人座体育场由中国援建，2012年非洲杯决赛在这里举行。")
    (aid,) = kinds(facts, "AidDelivery")
    assert {("recipient", "加蓬"), ("theme", "4万人")} <= roles(aid)
    (aid,) = kinds(read("老撾的學校供餐項目由中國政府資助，世界糧食計劃署負責實施。"), "AidDelivery")
    assert ("recipient", "老挝") in roles(aid) and aid.literals["deliverable"] == "学校供餐项目"


def test_countries_listed_as_beneficiaries_after_the_aid_receive_it(read):
    # …免除非洲17国…债务。受惠国家包括X、Y、Z等: the list names the relief's recipients
    facts = read("中國宣佈免除非洲17國23筆無息貸款債務。受惠國家包括盧旺達、突尼斯、厄立特里亞和贊比亞等。")
    (pledge,) = kinds(facts, "Pledge")
    assert {("recipient", "卢旺达"), ("recipient", "突尼斯"), ("recipient", "赞比亚")} <= roles(pledge)


def test_the_sum_a_debt_deal_involves_is_the_deals(read):
    # 与X签署债务重组协议，涉及金额约…: the sum of the deal with X
    facts = read("中國進出口銀行與贊比亞財政部簽署債務重組協議，涉及金額約42億美元。")
    (figure,) = kinds(facts, "AidStatistic")
    assert {("recipient", "赞比亚"), ("theme", "42億美元")} <= roles(figure)


def test_the_toll_a_report_of_a_day_gives_is_dated_that_day(read):
    # X月X日发布的数字显示，…已致N人丧生: the toll of the disaster, dated by the report
    facts = read("孟加拉国灾害管理部门5月20日发布的数字显示，热带气旋已致312人遇难。中国政府决定向孟加拉国提供紧急援助。")
    (toll,) = [f for f in kinds(facts, "AidStatistic") if f.get("theme")]
    assert {("theme", "312人"), ("date", "5月20日")} <= roles(toll)


def test_the_sum_of_goods_that_reach_a_city_was_delivered_there(read):
    # 向X提供的<sum>援助物资已运抵<city>: the figure's place too
    facts = read("中国向叙利亚提供的3000万元人民币紧急援助物资已陆续运抵大马士革。")
    (figure,) = kinds(facts, "AidStatistic")
    assert {("recipient", "叙利亚"), ("theme", "3000万元人民币"), ("location", "大马士革")} <= roles(figure)


def test_what_the_aid_includes_is_no_part_of_its_name(read):
    (aid,) = kinds(read("中国政府向所罗门群岛提供的紧急援助包括医疗物资和食品。"), "AidDelivery")
    assert aid.literals["deliverable"] == "紧急援助"


def test_a_handover_ceremony_held_in_a_city_places_the_delivery(read):
    # <goods>交接仪式在<city>举行: where the goods were handed over
    (aid,) = kinds(read("中国政府援助瓦努阿图的抗疫物资交接仪式在维拉港举行。"), "AidDelivery")
    assert {("recipient", "瓦努阿图"), ("location", "维拉港")} <= roles(aid)


def test_the_worth_of_goods_just_handed_over_was_where_they_were(read):
    # …粮食在首都利隆圭交接，价值约300万元人民币: the sum's place is the delivery's
    facts = read("3月15日，中国援助马拉维的第二批粮食在首都利隆圭交接，价值约300万元人民币。")
    (figure,) = kinds(facts, "AidStatistic")
    assert {("recipient", "马拉维"), ("theme", "300万元人民币"), ("location", "利隆圭")} <= roles(figure)


def test_the_sum_a_relief_involves_after_a_comma_and_a_space_is_its_sum(read):
    # …债务, 总额约为…  / …贷款，涉及金额约…: the sum of the relief just announced (half-width comma, space)
    (pledge,) = kinds(read("中國宣佈免除非洲17國23筆無息貸款，涉及金額約6億元人民幣。"), "Pledge")
    assert ("theme", "6億元人民幣") in roles(pledge)
    (pledge,) = kinds(read("中國政府宣佈, 免除贊比亞、坦桑尼亞等國家的債務, 總額約為1.2億美元."), "Pledge")
    assert {("recipient", "赞比亚"), ("theme", "1.2億美元")} <= roles(pledge)


def test_aid_that_reaches_countries_after_benefit(read):
    # X的免债措施，惠及了A、B等国: the measure is delivered to the countries
    (aid,) = kinds(read("中國對最不發達國家的免債措施，惠及了埃塞俄比亞、盧旺達等國。"), "AidDelivery")
    assert {("recipient", "埃塞俄比亚"), ("recipient", "卢旺达")} <= roles(aid)


def test_a_country_named_in_a_clause_of_its_own_receives_the_aid_of_the_next(read):
    # 在X，项目将向…提供紧急粮食援助: the clause names the country, the next the aid
    facts = read("在布基纳法索，项目将向北部地区的国内流离失所者提供紧急粮食援助；在老挝，项目将支持学校供餐。")
    (aid,) = kinds(facts, "AidDelivery")
    assert ("recipient", "布基纳法索") in roles(aid) and aid.literals["deliverable"] == "紧急粮食援助"


def test_a_grant_of_money_and_goods_given_without_the_word_aid(read):
    # 向X拨款…, 向X无偿援赠一批…设备: verbs of giving of their own
    (figure,) = kinds(read("中國政府向尼泊爾撥款1000萬元人民幣，用於災後重建。"), "AidStatistic")
    assert {("recipient", "尼泊尔"), ("theme", "1000萬元人民幣")} <= roles(figure)
    (aid,) = kinds(read("中國政府決定向馬爾代夫無償援贈一批海水淡化設備。"), "AidDelivery")
    assert ("recipient", "马尔代夫") in roles(aid) and aid.literals["deliverable"] == "一批海水淡化设备"


def test_countries_that_build_with_chinas_help_receive_what_they_build(read):
    # 在中国的帮助下，X、Y等国建成了…: the countries opening the clause after China's help
    (aid,) = kinds(read("在中國的幫助下，埃塞俄比亞、肯尼亞等國建成了多個農業技術示範中心。"), "AidDelivery")
    assert {("recipient", "埃塞俄比亚"), ("recipient", "肯尼亚")} <= roles(aid)
    assert aid.literals["deliverable"] == "多个农业技术示范中心"


def test_the_list_of_what_the_aid_to_a_country_holds_is_what_was_given(read):
    (aid,) = kinds(read("中國對阿富汗的援助主要包括糧食、藥品和越冬物資。"), "AidDelivery")
    assert ("recipient", "阿富汗") in roles(aid) and aid.literals["deliverable"] == "粮食、药品和越冬物资"


def test_a_place_right_after_the_recipient_is_where_the_aid_went(read):
    # 向X信德省灾区提供…, 为X首都Y的医院捐赠…: the province or city of the country
    (figure,) = kinds(read("中国向巴基斯坦信德省灾区提供了5000顶帐篷。"), "AidStatistic")
    assert {("recipient", "巴基斯坦"), ("location", "信德省")} <= roles(figure)
    (aid,) = kinds(read("中方为埃塞俄比亚首都亚的斯亚贝巴的医院捐赠了一批医疗设备。"), "AidDelivery")
    assert {("recipient", "埃塞俄比亚"), ("location", "亚的斯亚贝巴")} <= roles(aid)


def test_the_sum_a_named_project_gets_is_its_amount(read):
    # “X项目”获得Y基金300万美元资助: the project the sum goes to
    facts = read("“老挝学校供餐项目”获得全球发展和南南合作基金300万美元资助。")
    (figure,) = kinds(facts, "AidStatistic")
    assert {("programme", "老挝学校供餐项目"), ("amount", "300万美元")} <= roles(figure)


def test_a_pledge_of_sums_given_respectively_is_one_pledge_each(read):
    # 宣布分别向X和Y提供A和B: A to X, B to Y, each a pledge of its own, announced alike
    facts = read("中国政府宣布分别向老挝和柬埔寨提供300万美元和200万美元紧急援助。")
    pledges = {(f.get("amount")[0].text, tuple(m.name for m in f.get("recipient"))) for f in kinds(facts, "Pledge")}
    assert pledges == {("300万美元", ("老挝",)), ("200万美元", ("柬埔寨",))}
    assert all(f.get("announced_by") for f in kinds(facts, "Pledge"))


def test_its_after_a_body_given_the_sum_is_the_body_not_a_country(read):
    # 向世界粮食计划署捐款…，支持其…: 其 is the programme, not the country named before
    facts = read("老挝发生洪灾。中国向世界粮食计划署捐款300万美元，支持其向灾民提供粮食。")
    assert not [f for f in facts if ("recipient", "老挝") in roles(f)]
