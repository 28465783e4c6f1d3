"""Amounts, periods and dates of pledges, funds, projects and aid deliveries (issue 12, i13amount): each
sum or number attaches to the event it measures — the fund topped up, the loan raised, the project's cost,
the measure of a list announced — and not to a neighbour.  Sentences written in the style of a ministry,
Xinhua, an embassy site or a forum action plan; traditional characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)


def _with(facts, role: str, text: str):
    return [f for f in facts if (role, text) in roles(f)]


# ---------------------------------------------------------------------------------------------- funds
def test_a_fund_topped_up_with_a_sum_has_the_sum_as_its_amount(read):
    # 向X基金增资/注资N: the fund named after 向 is topped up, with or without an announcement verb
    for text, fund, money in (
            ("中方将向全球发展和南南合作基金增资10亿美元。", "全球发展和南南合作基金", "10亿美元"),
            ("中国政府还将向南南合作援助基金增资5亿美元。", "南南合作援助基金", "5亿美元"),
            ("中國將向中拉合作基金注資50億美元。", "中拉合作基金", "50億美元")):
        (fact,) = _with(read(text), "amount", money)
        assert ("programme", fund) in roles(fact), text


def test_a_loan_or_fund_raised_to_a_sum_has_that_sum(read):
    # 将/把X(额度|规模)提高到/增至/扩大到N: the size X reaches
    for text, fund, money in (
            ("中方将把中拉基础设施专项贷款额度提高到200亿美元。", "中拉基础设施专项贷款", "200亿美元"),
            ("南南合作援助基金规模已扩大为30亿美元。", "南南合作援助基金", "30亿美元"),
            ("中方決定將中非發展基金規模提升至100億美元。", "中非发展基金", "100億美元")):
        facts = _with(read(text), "amount", money)
        assert facts and all(("programme", fund) in roles(f) for f in facts), text


# ---------------------------------------------------------------------------------------------- pledges
def test_a_donation_verb_opens_a_measure_of_an_announcement(read):
    # 宣布…，向X捐款N / （二）向X捐资N: 捐款, 捐资, 注资, 拨款 are verbs of a measure like 提供
    facts = read("中方宣布向阿富汗提供2亿元人民币紧急援助，向联合国难民署捐款100万美元。")
    (gift,) = _with(facts, "amount", "100万美元")
    assert gift.kind == "Pledge" and ("announced_by", "中方") in roles(gift)
    facts = read("王毅表示，中方将采取以下措施：（一）向阿富汗提供2亿元人民币紧急援助；（二）向世界粮食计划署捐资300万美元。")
    (gift,) = _with(facts, "amount", "300万美元")
    assert ("announced_by", "王毅") in roles(gift)


# ---------------------------------------------------------------------------------------------- projects
def test_what_a_named_project_costs_is_its_amount(read):
    # X总投资/总造价/造价/耗资N: the project's cost
    for text, project, money in (
            ("蒙内铁路耗资38亿美元。", "蒙内铁路", "38亿美元"),
            ("卡洛特水电站总造价约17亿美元。", "卡洛特水电站", "17亿美元"),
            ("亞吉鐵路總造價約40億美元。", "亚吉铁路", "40億美元")):
        (fact,) = _with(read(text), "amount", money)
        assert ("programme", project) in roles(fact), text


def test_items_listed_after_the_colon_of_the_leads_own_sentence_are_its_measures(read):
    # 中方决定：一是…；二是…: each item, in the lead's sentence, is pledged by the side that leads, on its day
    facts = read("2022年1月，中方决定：（一）向汤加提供1000万元人民币紧急援助；（二）向汤加红十字会捐款10万美元。")
    for money in ("1000万元人民币", "10万美元"):
        (p,) = _with(facts, "amount", money)
        assert p.kind == "Pledge" and {("announced_by", "中方"), ("date", "2022年1月")} <= roles(p), money
    facts = read("中方决定：一是再向东帝汶提供5000万元人民币援助；二是提供100万剂疫苗。")
    (doses,) = _with(facts, "amount", "100万剂")
    assert doses.kind == "Pledge" and ("announced_by", "中方") in roles(doses)
    facts = read("中國將採取以下舉措：一是向東盟國家提供3億美元援助；二是設立10億美元的中國—東盟合作基金。")
    (fund,) = _with(facts, "amount", "10億美元")
    assert {("programme", "中国—东盟合作基金"), ("announced_by", "中国")} <= roles(fund)


def test_a_list_item_after_a_lead_sentence_is_pledged_with_its_sum(read):
    # 中方将采取以下举措：一是…。二是…。三是…。: the items that follow in sentences of their own
    facts = read("中方将采取以下举措：一是向非洲国家提供10亿剂疫苗。二是设立50亿美元的中非合作专项基金。"
                 "三是向非洲提供100亿美元信贷额度。")
    for money in ("10亿剂", "50亿美元", "100亿美元"):
        (p,) = _with(facts, "amount", money)
        assert p.kind == "Pledge" and ("announced_by", "中方") in roles(p), money


# ---------------------------------------------------------------------------------------------- aid figures
def test_a_number_of_countries_stays_a_figure_when_countries_are_named_after_it(read):
    # 向30个国家提供了粮食援助，受援国包括A、B和C: the countries named later are no list the number counts
    # just before it (not 土耳其和叙利亚两国), the figure keeps its day and gets them as recipients
    facts = read("2022年，中国向30个国家提供了粮食援助，受援国包括索马里、肯尼亚和埃塞俄比亚。")
    (fig,) = _with(facts, "theme", "30个国家")
    assert {("date", "2022年"), ("recipient", "索马里")} <= roles(fig)
    facts = read("2021年，中國向40多個國家提供了疫苗援助，其中包括柬埔寨和老撾。")
    assert _with(facts, "theme", "40多個國家")
    assert not _with(read("土耳其和叙利亚两国共获得中国援助1亿元人民币。"), "theme", "两国")


def test_a_project_built_with_a_sum_given_by_a_lender_has_that_amount(read):
    # X由Y提供N(优惠)贷款建设 / Z由中国政府出资N实施: the project the sum builds or pays for
    for text, project, money in (
            ("卡洛特水电站由中方提供17亿美元贷款建设。", "卡洛特水电站", "17亿美元"),
            ("蒙内铁路由中国进出口银行提供32亿美元优惠贷款建设。", "蒙内铁路", "32亿美元"),
            ("亞吉鐵路由中國進出口銀行提供約30億美元貸款修建。", "亚吉铁路", "30億美元")):
        (fact,) = _with(read(text), "amount", money)
        assert ("programme", project) in roles(fact), text


def test_a_sum_then_the_body_that_carries_out_the_named_project_with_it(read):
    # 出资N，通过/委托/由X实施“Y”: the sum pays for Y
    for text in ("中国政府出资200万美元，通过世界粮食计划署实施“老挝学校供餐项目”。",
                 "中國政府出資200萬美元，委託世界糧食計劃署實施“老撾學校供餐項目”。"):
        (fact,) = [f for f in read(text) if f.get("amount")]
        assert {r for r, _ in fact.roles} >= {"programme", "amount"}, text
        assert fact.get("programme")[0].name == "老挝学校供餐项目"
    # (出资N，用于…: no named project, no programme)
    (fact,) = kinds(read("中国政府出资200万美元，通过联合国开发计划署在柬埔寨实施清洁能源项目。"), "AidStatistic")
    assert not fact.get("programme")


def test_the_time_the_next_clause_gives_the_aid_is_its_period(read):
    # 提供…援助，为期两年: the period of the aid just named
    facts = read("中方决定向南苏丹提供价值2000万元人民币的粮食援助，为期两年。")
    (aid,) = _with(facts, "amount", "2000万元人民币")
    assert ("period", "两年") in roles(aid)
    facts = read("中國政府向東帝汶提供500萬美元援助，為期三年。")
    assert [f for f in facts if ("period", "三年") in roles(f) and f.get("amount") + f.get("theme")]


def test_the_year_a_time_since_begins_is_no_date_of_the_sum(read):
    # 2000年以来，…免除…债务，总额约300亿元人民币: 2000年 opens a time since, the sum is not dated 2000
    facts = read("2000年以来，中国先后免除了非洲35个国家的债务，总额约300亿元人民币。")
    (relief,) = _with(facts, "amount", "300亿元人民币")
    assert not relief.get("date")
    facts = read("2013年起，中國向太平洋島國提供了5億元人民幣無償援助。")
    assert not [f for f in facts if f.get("date") and f.get("amount")]
    # (2019年，…捐款100万美元: a year that heads the sentence is its day)
    (gift,) = _with(read("2019年，中国政府向马拉维捐款100万美元，用于救灾。"), "theme", "100万美元")
    assert ("date", "2019年") in roles(gift)


def test_the_number_of_the_countries_listed_is_no_amount_of_the_pledge(read):
    # 免除A、B等16国…债务: 16国 counts the countries listed (recipients), it is no means of the measure
    facts = read("中國政府宣佈免除阿富汗、貝寧等16國截至2015年底到期未償還的政府間無息貸款債務。")
    (relief,) = kinds(facts, "Pledge")
    assert not relief.get("amount") and {("recipient", "阿富汗"), ("recipient", "贝宁")} <= roles(relief)
    # (为50个国家提供: a number of countries with none listed stays the figure)
    facts = read("中方宣布将为50个发展中国家提供1000个培训名额。")
    assert _with(facts, "amount", "1000个")


def test_sums_given_respectively_to_named_projects_go_each_to_its_project(read):
    # 为“X”和“Y”分别提供A和B: A to X, B to Y
    facts = read("中国政府为“柬埔寨农村供水项目”和“缅甸学校建设项目”分别提供300万美元和200万美元。")
    got = {(f.get("programme")[0].name, f.get("amount")[0].text) for f in facts if f.get("programme") and f.get("amount")}
    assert got == {("柬埔寨农村供水项目", "300万美元"), ("缅甸学校建设项目", "200万美元")}


def test_a_named_project_that_gets_a_sum_has_it_as_its_amount(read):
    # “X”获得N(资助)。/ “X”资金规模为N / “X”总金额达N: the sum is the project's
    for text, project, money in (
            ("“柬埔寨农村供水项目”获得300万美元，“缅甸学校建设项目”获得200万美元。", "缅甸学校建设项目", "200万美元"),
            ("“埃塞俄比亚干旱应急项目”资金规模为200万美元。", "埃塞俄比亚干旱应急项目", "200万美元"),
            ("“斯里兰卡粮食援助项目”总金额达500萬美元。", "斯里兰卡粮食援助项目", "500萬美元")):
        (fact,) = _with(read(text), "amount", money)
        assert ("programme", project) in roles(fact), text
    # (the countries that get a sum are its recipients, not a programme of it)
    facts = read("柬埔寨获得中国援助300万美元。")
    assert not [f for f in facts if f.get("programme")]


# ---------------------------------------------------------------------------------------------- days of pledges
def test_a_body_that_announces_on_a_day_said_without_yu(read):
    # news style: X9日宣布 / X10月5日宣佈 (no 于 before the day): X announces, on that day
    for text, body, day in (("中国驻斐济大使馆9日宣布，中国政府将向斐济提供20万美元现汇援助。", "中国驻斐济大使馆", "9日"),
                            ("中國駐湯加使館10月5日宣佈，中國政府向湯加提供100萬元人民幣緊急援助。", "中国驻汤加使馆", "10月5日")):
        (p,) = kinds(read(text), "Pledge")
        assert {("announced_by", body), ("date", day)} <= roles(p) and p.get("amount"), text


def test_a_decision_after_a_news_dateline_is_pledged_on_that_day(read):
    # 新华社北京9月21日电 中国政府决定向X提供N: the dateline does not hide the side that decides
    facts = read("新华社北京9月21日电 中国政府决定向古巴提供1亿元人民币紧急人道主义援助。")
    (p,) = _with(facts, "amount", "1亿元人民币")
    assert p.kind == "Pledge" and {("announced_by", "中国政府"), ("date", "9月21日"), ("recipient", "古巴")} <= roles(p)
    facts = read("新華社萬象2022年5月10日電（記者張三）中國政府決定向老撾提供500萬美元援助。")
    (p,) = _with(facts, "amount", "500萬美元")
    assert ("announced_by", "中国政府") in roles(p)
    # (what China has given, reported after the dateline, is a figure, not a pledge)
    facts = read("新华社北京9月21日电 中国已向古巴提供1亿元人民币援助。")
    assert not kinds(facts, "Pledge")


# ---------------------------------------------------------------------------------------------- values
def test_sums_in_the_currencies_of_partners_and_in_plain_words_are_money():
    from kg.extract.values import find_values
    for text, amount, unit in (("提供300万美金", "3000000", "USD"), ("捐赠20万新西兰元", "200000", "NZD"),
                               ("援助5亿肯尼亚先令", "500000000", "KES"), ("提供100万新加坡元", "1000000", "SGD")):
        (found,) = [v for v in find_values(text) if v[2] == "MONEY"]
        assert (found[3]["amount"], found[3]["unit"]) == (amount, unit), text


def test_a_sum_in_a_partners_currency_is_the_amount_of_the_pledge(read):
    facts = read("中國政府宣佈向新西蘭紅十字會捐款20萬新西蘭元。")
    assert [f for f in kinds(facts, "Pledge") if f.get("amount") and f.get("amount")[0].value["unit"] == "NZD"]


def test_a_country_named_in_a_currency_is_no_name_of_the_text(read):
    # 1500万巴基斯坦卢比: the sum, not 巴基斯坦 (the country of a sentence that names it elsewhere stays)
    facts = read("巴基斯坦总理宣布捐出1500万巴基斯坦卢比。")
    (gift,) = [f for f in facts if f.get("theme") + f.get("amount")]
    assert [m.value["unit"] for m in gift.get("theme") + gift.get("amount")] == ["PKR"]


# ---------------------------------------------------------------------------------------------- aid deliveries
def test_the_people_of_a_named_team_are_its_amount(read):
    # 第N批援X医疗队一行15人 / 共有队员12名: the team's size (not the patients it treats)
    facts = read("中国第26批援塞拉利昂医疗队一行15人于2023年6月抵达弗里敦。")
    (team,) = _with(facts, "amount", "15人")
    assert {("programme", "第26批援塞拉利昂医疗队"), ("date", "2023年6月")} <= roles(team)
    (team,) = _with(read("中國第21批援多哥醫療隊共有隊員12名。"), "amount", "12名")
    assert ("programme", "第21批援多哥医疗队") in roles(team)
    facts = read("中国第26批援塞拉利昂医疗队在弗里敦为200名患者义诊。")
    assert not [f for f in facts if f.get("programme") and ("amount", "200名") in roles(f)]


def test_the_worth_of_goods_is_a_sum_given_to_the_country(read):
    # 向X提供/捐赠价值N的物资: the sum (the subject of the aid) and whom it went to
    for text, country, money in (("中方向阿富汗提供了价值2亿元人民币的紧急人道主义援助物资。", "阿富汗", "2亿元人民币"),
                                 ("中國向巴基斯坦提供了價值1億元人民幣的救災物資。", "巴基斯坦", "1億元人民幣")):
        facts = [f for f in read(text) if ("recipient", country) in roles(f)]
        assert [f for f in facts if ("theme", money) in roles(f) or ("amount", money) in roles(f)], text


def test_the_size_in_brackets_after_a_fund_or_loan_is_its_amount(read):
    # X（N）/ X（总规模N）: the sum in brackets right after the name is its size
    for text, fund, money in (
            ("双方将用好中拉基础设施专项贷款（200亿美元）和优惠性质贷款（100亿美元）。", "中拉基础设施专项贷款", "200亿美元"),
            ("中方设立中拉产能合作专项基金（总规模100亿美元）。", "中拉产能合作专项基金", "100亿美元"),
            ("中方將積極推動中拉合作基金（50億美元）投入運營。", "中拉合作基金", "50億美元")):
        (fact,) = _with(read(text), "amount", money)
        assert ("programme", fund) in roles(fact), text
    # (a sum in brackets after a country is no size of it)
    facts = read("中国向巴基斯坦（1亿元人民币）和阿富汗提供了紧急援助。")
    assert not [f for f in facts if f.get("programme") and f.get("amount")]


# ---------------------------------------------------------------------------------------------- periods
def test_the_age_of_what_was_set_up_is_no_period_of_the_figures(read):
    # 倡议提出3年来 / 论坛成立20年来: how old the initiative is; 近5年来 / 过去三年: the span of the figures
    for text in ("倡议提出3年来，中方设立的全球发展和南南合作基金已为150多个项目提供资金。",
                 "中非合作論壇成立20年來，中國共向非洲提供了1000億美元貸款。"):
        assert not [f for f in read(text) if f.get("period")], text
    for text, span in (("近5年来，中国政府先后实施紧急援助近200次。", "5年来"),
                       ("过去三年，中国向非洲提供了1000亿美元贷款。", "过去三年")):
        assert [f for f in read(text) if ("period", span) in roles(f)], text


def test_periods_written_in_the_ways_of_the_genre_go_to_the_figure(read):
    for text, span, figure in (("2009—2012年，中国对非洲提供了100亿美元优惠性质贷款。", "2009—2012年", "100亿美元"),
                               ("从2010年到2012年，中国对外援助金额为893.4亿元人民币。", "2010年到2012年", "893.4亿元人民币"),
                               ("中國在2013—2018年間共派遣志願者2萬餘名。", "2013—2018年", "2萬餘名"),
                               ("2013年至2015年間，中國共提供援助金額400億元人民幣。", "2013年至2015年", "400億元人民幣")):
        facts = [f for f in read(text) if ("amount", figure) in roles(f) or ("theme", figure) in roles(f)]
        assert facts and all(("period", span) in roles(f) for f in facts), text


# ---------------------------------------------------------------------------------------------- dates of projects
def test_a_day_of_another_project_or_counted_from_is_not_the_projects(read):
    # 2014年8月X全线贯通，3个月后，…Y宣告竣工: Y was not done in 2014年8月
    facts = read("2014年8月安哥拉本格拉铁路全线贯通，3个月后，连接尼日利亚首都阿布贾和卡杜纳的阿卡铁路宣告竣工。")
    assert not [f for f in facts if ("project", "阿卡铁路") in roles(f) and f.get("date")]
    facts = read("2016年10月，亞吉鐵路正式通車，半年之後，蒙內鐵路也建成通車。")
    assert not [f for f in facts if ("project", "蒙内铁路") in roles(f) and ("date", "2016年10月") in roles(f)]
    # (a day that heads the project's own clause stays)
    (works,) = [f for f in read("2015年1月1日，中国承建的蒙内铁路动工。") if f.get("project")]
    assert ("date", "2015年1月1日") in roles(works)


def test_the_time_ahead_a_lead_names_is_each_listed_measures_period(read):
    # 中方将在未来三年内采取以下措施：\n（一）…。\n（二）…。: each item is pledged for that time
    facts = read("中方将在未来三年内采取以下措施：\n（一）向东盟国家提供3亿元人民币无偿援助。\n（二）设立10亿美元的中国—东盟合作基金。\n")
    for money in ("3亿元人民币", "10亿美元"):
        (p,) = _with(facts, "amount", money)
        assert {("announced_by", "中方"), ("period", "未来三年内")} <= roles(p), money
    facts = read("習近平主席宣佈，未來三年中方將採取以下舉措：\n（一）向非洲提供100億美元信貸額度。\n（二）設立20億美元的中非合作專項基金。\n")
    (fund,) = _with(facts, "amount", "20億美元")
    assert {("announced_by", "习近平"), ("period", "未來三年"), ("programme", "中非合作专项基金")} <= roles(fund)
    # (a time that looks back is no time of what is to come)
    facts = read("近年来，中方采取了以下措施：\n（一）向东盟国家提供3亿元人民币无偿援助。\n")
    assert not [f for f in facts if f.get("period")]


def test_a_word_that_joins_or_opens_a_phrase_is_no_noun_a_count_counts(read):
    # 派遣了一支由30人组成的医疗队: 一支由 is not what 30人 counts (建设成套项目423个: 成套项目 is)
    (team,) = [f for f in read("中国向巴基斯坦派遣了一支由30人组成的医疗队。") if f.get("theme") + f.get("amount")]
    assert "counts" not in team.literals and team.label != "一支由"
    (sets,) = [f for f in read("中国共建设成套项目423个。") if f.get("amount")]
    assert sets.literals.get("counts") == "成套项目"


def test_no_fund_or_project_for_sums_of_trade_or_a_base(read):
    # a sum of trade raised, or the sum a top-up starts from, is no size of a body named before it
    assert not [f for f in read("中国同东盟贸易额提高到6000亿美元。") if f.get("programme")]
    facts = read("中方将在30亿美元基础上增资10亿美元。")
    assert not _with(facts, "amount", "30亿美元") and not _with(facts, "theme", "30亿美元")


def test_a_body_given_a_sum_for_itself_receives_it(read):
    # 向非洲联盟/东盟提供N: the body receives the sum (as a pledge of the same words reads it); 向WFP捐款N，用于老挝…:
    # the body runs it for the country named after, a partner
    for text, body in (("中国向非洲联盟提供了10亿元人民币援助。", "非洲联盟"), ("中國政府將向東盟提供5億美元無償援助。", "东盟")):
        assert [f for f in read(text) if ("recipient", body) in roles(f) and f.get("theme") + f.get("amount")], text
    facts = read("中国向世界粮食计划署捐款300万美元，用于老挝学校供餐。")
    (gift,) = _with(facts, "theme", "300万美元")
    assert ("partner", "世界粮食计划署") in roles(gift) and ("recipient", "世界粮食计划署") not in roles(gift)


def test_a_measure_pledged_through_a_fund_or_body_has_it(read):
    # 中方将通过X基金向Y提供N: the fund pays (programme); 通过世界粮食计划署: the body runs it (partner)
    facts = read("中方将通过南南合作援助基金向东帝汶提供300万美元援助。")
    (p,) = _with(facts, "amount", "300万美元")
    assert p.kind == "Pledge" and {("programme", "南南合作援助基金"), ("recipient", "东帝汶")} <= roles(p)
    facts = read("中方將通過世界糧食計劃署向阿富汗提供價值1億元人民幣的糧食援助。")
    (p,) = _with(facts, "amount", "1億元人民幣")
    assert {("partner", "世界粮食计划署"), ("recipient", "阿富汗")} <= roles(p)


def test_the_day_a_measure_is_due_by_is_no_date_of_it(read):
    # 在2024年底前 / 2030年以前: a deadline; (2022年，…: the year the figure is given for stays)
    (p,) = _with(read("中方将在2024年底前向非洲提供1亿美元援助。"), "amount", "1亿美元")
    assert not p.get("date")
    (f,) = _with(read("2022年，中方向非洲提供了1亿美元援助。"), "theme", "1亿美元")
    assert ("date", "2022年") in roles(f)


def test_a_sum_to_invest_promised_is_pledged(read):
    # 承诺…向X投资N: a measure with its sum (not 中国对非投资存量…: a stock of investment)
    (p,) = _with(read("中国承诺在2030年以前向最不发达国家投资120亿美元。"), "amount", "120亿美元")
    assert p.kind == "Pledge" and ("announced_by", "中国") in roles(p) and not p.get("date")
    assert not kinds(read("习近平宣布，中国对非投资存量已超过400亿美元。"), "Pledge")


def test_what_china_is_willing_to_give_is_pledged(read):
    # 中方愿…为X培训N / 中國願向X提供N: a commitment like 将 (not 已…提供: a figure reported)
    (p,) = _with(read("中方愿在未来3年内为东盟国家培训1000名农业技术人员。"), "amount", "1000名")
    assert p.kind == "Pledge" and {("announced_by", "中方"), ("period", "未来3年内")} <= roles(p)
    (p,) = _with(read("中國願向太平洋島國提供1億元人民幣援助。"), "amount", "1億元人民幣")
    assert p.kind == "Pledge" and ("announced_by", "中国") in roles(p)
    assert not kinds(read("中方已向东盟国家提供了5亿元人民币援助。"), "Pledge")


def test_a_sum_of_what_was_done_under_a_programme_the_sentence_frames_it_with(read):
    # 在X框架下…，总额达N / 在X框架下向Y提供N: the programme of the sum (no other sum between)
    facts = read("2020年以来，中国在二十国集团缓债倡议框架下与19个非洲国家签署了缓债协议，缓债总额达13.5亿美元。")
    (relief,) = _with(facts, "amount", "13.5亿美元")
    assert ("programme", "二十国集团缓债倡议") in roles(relief) and not relief.get("date")
    facts = read("在“一帶一路”框架下，中國向老撾提供了20億美元貸款。")
    (loan,) = _with(facts, "amount", "20億美元")
    assert {("programme", "一带一路"), ("recipient", "老挝")} <= roles(loan)
    # (a sum before the frame is named is not its)
    facts = read("中国向老挝提供了20亿美元贷款，并在“一带一路”框架下开展合作。")
    assert not [f for f in facts if f.get("programme") and ("amount", "20亿美元") in roles(f)]
