"""Amounts, periods, parts and partners of events (issue 12): each pattern on sentences written for
the test (not taken from the gold), and a near miss that must not fire."""

from __future__ import annotations

from test_nlp import tag
from test_relations import kinds, read, roles  # noqa: F401  (read: the module's extractor, a fixture)
from kg.extract.nlp import Extractor
from kg.extract.relations import Relations


def test_a_sum_pledged_without_a_name_is_the_amount_of_its_measure(read):
    facts = read("在2019年峰会上，李克强总理宣布今后两年内提供30亿元人民币援助，并向东盟提供5000万美元。")
    sums = {m.text for p in kinds(facts, "Pledge") for m in p.get("amount")}
    assert sums == {"30亿元人民币", "5000万美元"}
    assert not any(p.get("theme") for p in kinds(facts, "Pledge"))


def test_the_period_before_the_first_verb_is_the_first_measures_only(read):
    facts = read("王毅部长宣布5年内提供20亿美元援助，设立中国—东盟合作基金，免除有关国家债务。")
    pledges = kinds(facts, "Pledge")
    assert len(pledges) == 3
    assert [[m.text for m in p.get("period")] for p in pledges] == [["5年内"], [], []]
    # a measure that says its own period keeps it
    facts = read("王毅部长宣布5年内提供20亿美元援助，未来3年培训1000名官员。")
    assert [[m.text for m in p.get("period")] for p in kinds(facts, "Pledge")] == [["5年内"], ["未来3年"]]


def test_a_number_of_countries_before_the_figure_is_where_it_went_not_a_figure(read):
    facts = read("2015年至2020年，中国在60个国家建成了300个农业项目。")
    figures = [m.text for f in kinds(facts, "AidStatistic") for m in [*f.get("theme"), *f.get("amount")]]
    assert figures == ["300个"]
    # alone, the number of countries aided is the figure
    facts = read("2015年至2020年，中国向60个国家提供了援助。")
    assert [m.text for f in kinds(facts, "AidStatistic") for m in f.get("theme")] == ["60个国家"]


def test_a_number_of_kinds_is_no_figure_of_aid(read):
    facts = read("2015年至2020年，中国对外援助资金分为赠款和贷款两种方式。")
    assert not kinds(facts, "AidStatistic")


def test_every_programme_of_a_list_the_deliveries_serve_is_their_whole(read):
    facts = read("为推进中巴经济走廊、孟中印缅经济走廊建设，在缅甸和巴基斯坦援建了道路和桥梁等基础设施项目。")
    (f,) = [f for f in kinds(facts, "AidDelivery") if f.get("part_of")]
    assert {m.name for m in f.get("part_of")} == {"中巴经济走廊", "孟中印缅经济走廊"}
    # a programme named in another role of the sentence is none
    facts = read("中巴经济走廊、孟中印缅经济走廊建设以来，在缅甸和巴基斯坦援建了道路和桥梁等基础设施项目。")
    assert not any(f.get("part_of") for f in kinds(facts, "AidDelivery"))


def test_a_project_the_programme_supports_or_frames_is_part_of_it(read):
    facts = read("澜湄合作专项基金支持的柬埔寨农业项目已完成。")
    assert any(("part_of", "澜湄合作专项基金") in roles(f) and ("programme", "柬埔寨农业项目") in roles(f)
               for f in kinds(facts, "Component"))
    facts = read("在“一带一路”倡议下，中国援建了蒙内铁路等项目。")
    assert any(f.rule == "part_of:under-the-programme" for f in kinds(facts, "Component"))
    # a programme that is no frame (落实X下一步工作): nothing
    facts = read("中方落实南南合作援助基金下一步工作，柬埔寨农业项目已完成。")
    assert not any(f.rule.startswith("part_of:under") for f in kinds(facts, "Component"))


def test_the_organisation_aid_goes_through_is_its_partner(read):
    facts = read("中国通过世界粮食计划署向老挝提供200万美元粮食援助。")
    (f,) = kinds(facts, "AidStatistic")
    assert ("partner", "世界粮食计划署") in roles(f)
    # an organisation that receives the aid is none
    facts = read("中国向世界粮食计划署提供200万美元粮食援助。")
    assert not any(f.get("partner") for f in kinds(facts, "AidStatistic"))


def test_a_place_between_the_partner_and_the_verb(read):
    facts = read("中国与联合国开发计划署合作在北京设立南南合作援助基金。")
    assert any(("partner", "联合国开发计划署") in roles(f) and ("programme", "南南合作援助基金") in roles(f)
               for f in kinds(facts, "Partnership"))


def test_the_sum_of_a_named_flow_is_its_amount(read):
    facts = read("2016年至2019年，中国提供无息贷款85亿元人民币，占对外援助总额的6.5%。")
    (f,) = kinds(facts, "AidStatistic")
    assert ("amount", "85亿元人民币") in roles(f) and f.literals.get("flowType") == "interest-free-loan"
    # a sum of aid with no flow named is the subject of its facts, not an amount of something
    facts = read("2016年至2019年，中国向非洲提供援助85亿元人民币。")
    (f,) = kinds(facts, "AidStatistic")
    assert ("theme", "85亿元人民币") in roles(f) and not f.get("amount")


def test_a_bare_rupee_is_the_rupee_of_the_country_the_text_names(read):
    from kg.extract.values import complete_currencies

    extractor, relations = Extractor(), Relations()
    doc = relations(tag(extractor, "斯里兰卡遭受洪灾，当地华人商会捐出500万卢比。"))
    (m,) = [m for m in doc.mentions if m.type == "MONEY"]
    assert m.value == {"amount": "5000000", "unit": "LKR"} and m.key.endswith("LKR")
    # no country of rupees named: whose rupee it is stays unsaid, and the sum is no value
    doc = relations(tag(extractor, "当地华人商会捐出500万卢比。"))
    assert not [m for m in doc.mentions if m.type == "MONEY"]
    assert complete_currencies([]) == []


def test_the_project_a_sentence_is_about_becomes_part_of_the_programme(read):
    facts = read("中国援建的蒙内铁路，带动了当地就业，成为“一带一路”的重要物流枢纽。")
    assert any(("part_of", "一带一路") in roles(f) and f.rule == "part_of:is-part-of" for f in kinds(facts, "Component"))
    # another name before the verb: whose part it is, the rule does not guess
    facts = read("中国援建的蒙内铁路，带动了亚吉铁路建设，成为“一带一路”的重要物流枢纽。")
    assert not [f for f in kinds(facts, "Component") if f.rule == "part_of:is-part-of"]


def test_the_sum_of_a_named_total_of_aid_is_its_amount(read):
    facts = read("2016年至2020年，中国对东盟的援助总额为300亿元人民币。")
    (f,) = kinds(facts, "AidStatistic")
    assert ("amount", "300亿元人民币") in roles(f)
    # a sum that is no total of aid named before it: the subject
    facts = read("2016年至2020年，中国向东盟提供援助300亿元人民币。")
    (f,) = kinds(facts, "AidStatistic")
    assert ("theme", "300亿元人民币") in roles(f)


def test_organisations_that_work_together_on_a_project_are_its_partners(read):
    facts = read("中国、联合国开发计划署和柬埔寨三方合作开展中柬木薯项目。")
    got = {(f.get("programme")[0].name, f.get("partner")[0].name) for f in kinds(facts, "Partnership")}
    assert ("中柬木薯项目", "联合国开发计划署") in got and not any(p in ("中国", "柬埔寨") for _, p in got)
    facts = read("世界粮食计划署与中国政府共同实施的老挝学校供餐项目已惠及10万名学生。")
    assert any(f.rule == "partner:jointly" and ("partner", "世界粮食计划署") in roles(f) for f in kinds(facts, "Partnership"))
    # one party alone is no joint work
    facts = read("世界粮食计划署共同实施的老挝学校供餐项目已惠及10万名学生。")
    assert not any(f.rule == "partner:jointly" for f in kinds(facts, "Partnership"))


def test_a_number_of_what_the_clause_names_before_it_is_its_amount(read):
    facts = read("2016年至2020年，中国共在30个国家完成农业示范项目52个。")
    (f,) = kinds(facts, "AidStatistic")
    assert ("amount", "52个") in roles(f) and f.literals["counts"] == "农业示范项目"
    # a number with nothing named before it is the subject
    facts = read("2016年至2020年，中国援外医疗队员共计3000名。")
    assert not any(f.get("amount") for f in kinds(facts, "AidStatistic"))


def test_the_organisation_a_fund_pays_to_do_the_work_is_its_partner(read):
    for text in ("中国政府通过全球发展和南南合作基金支持世界粮食计划署在老挝实施学校供餐项目。",
                 "全球发展和南南合作基金向世界粮食计划署提供300万美元，用于布基纳法索的粮食援助。"):
        facts = read(text)
        assert any(f.rule == "partner:fund-pays-the-implementer" and ("partner", "世界粮食计划署") in roles(f)
                   for f in kinds(facts, "Partnership")), text
    # an organisation that only praises the fund is none
    facts = read("世界粮食计划署高度评价全球发展和南南合作基金。")
    assert not kinds(facts, "Partnership")


def test_a_figure_of_one_year_takes_no_span_named_before(read):
    facts = read("2015年至2020年，中国对非洲的粮食援助总额为10亿元人民币，当年中国向粮食署的捐款超过2000万美元。")
    periods = {[*f.get("theme"), *f.get("amount")][0].text: [m.text for m in f.get("period")]
               for f in kinds(facts, "AidStatistic")}
    assert periods == {"10亿元人民币": ["2015年至2020年"], "2000万美元": []}


def test_a_number_of_meetings_held_is_no_figure_of_aid(read):
    facts = read("二十余年来，论坛先后举办了4次峰会，并举办培训班300期。")
    figures = [m.text for f in kinds(facts, "AidStatistic") for m in [*f.get("theme"), *f.get("amount")]]
    assert figures == ["300期"]


def test_the_builder_of_the_sentences_topic_not_of_a_project_named_in_passing(read):
    facts = read("蒙内铁路贯穿肯尼亚，是继坦赞铁路之后中国在东非修建的最长铁路，由中国路桥工程有限责任公司承建。")
    built = {f.get("project")[0].name for f in kinds(facts, "ProjectReport") if f.get("partner")}
    assert built == {"蒙内铁路"}
    # no topic opening the sentence: every project before the agent
    facts = read("2016年，蒙内铁路和亚吉铁路均由中国路桥工程有限责任公司承建。")
    built = {f.get("project")[0].name for f in kinds(facts, "ProjectReport") if f.get("partner")}
    assert built == {"蒙内铁路", "亚吉铁路"}


def test_spans_of_years_ago_and_in_the_years():
    from kg.extract.values import find_values

    assert [(v[2], v[3]["value"]) for v in find_values("这所学校由中方在30年前援建。")] == [("PERIOD", "P30Y")]
    assert [v[3]["value"] for v in find_values("在这五年中，中国提供了援助。")] == ["P5Y"]
    assert find_values("中方在3年内完成") == [(3, 6, "PERIOD", {"value": "P3Y"})]  # 3年内: 在 is no part of it
    assert not [v for v in find_values("五年中期规划") if v[2] == "PERIOD"]  # 中期: mid-term, no span


def test_early_this_year_is_the_datelines_year(read):
    from kg.extract.values import find_values

    extractor, relations = Extractor(), Relations()
    doc = relations(tag(extractor, "2019年5月10日电 去年年底，中国同东盟签署合作文件；今年年初，双方启动了项目。"))
    dates = {m.text: m.value["value"] for m in doc.mentions if m.type == "DATE"}
    assert dates["去年年底"] == "2018-12" and dates["今年年初"] == "2019"
    # no full date to complete it from: no value
    doc = relations(tag(extractor, "今年年初，双方启动了项目。"))
    assert not [m for m in doc.mentions if m.type == "DATE"]
    assert not find_values("今年，双方启动了项目。")  # this year alone is no value


def test_how_often_and_a_plans_term_are_no_spans_of_years():
    from kg.extract.values import find_values

    assert not find_values("双方部长会议每三年举行一次。")
    assert not find_values("中国—东盟十年行动计划已经启动。")
    assert [v[3]["value"] for v in find_values("这条铁路持续运营了十年。")] == ["P10Y"]


def test_a_phase_of_a_project_is_no_count():
    from kg.extract.values import find_values

    assert not find_values("加德满都环路改造项目二期工程开工。")
    assert not find_values("瓜达尔港三期正在建设。")
    counted = [(v[3]["amount"], v[3]["unit"]) for v in find_values("举办培训班7000余期，举办能力建设项目2000多期，两期研修班。")]
    assert counted == [("7000", "期"), ("2000", "期"), ("2", "期")]


def test_an_anniversary_is_no_span_of_weeks():
    from kg.extract.values import find_values

    assert not find_values("中老铁路开通运营两周年。")
    assert not find_values("中国同埃及建交50周年之际。")
    assert [v[3]["value"] for v in find_values("援助物资在两周内运抵。")] == ["P2W"]


def test_a_figure_of_trade_or_investment_sums_up_its_year(read):
    # a flow given for a year alone sums up that year: the year is its period, not a day
    facts = read("2018年，中国同东盟的贸易额达到5878亿美元。")
    (f,) = kinds(facts, "AidStatistic")
    assert {("theme", "5878亿美元"), ("period", "2018年")} <= roles(f)
    assert not f.get("date")
    (f,) = kinds(read("2015年，中国对东盟的投资流量为80亿美元。"), "AidStatistic")
    assert ("period", "2015年") in roles(f)
    # a sum of neither aid nor trade: no figure
    assert not kinds(read("2018年，该国国内生产总值达到5878亿美元。"), "AidStatistic")


def test_the_words_of_trade_name_its_total_and_size(read):
    for sentence in ("2012年，中国与东盟贸易总额达到4000亿美元。", "2012年，中国同拉美双边贸易规模达到4000亿美元。"):
        (f,) = kinds(read(sentence), "AidStatistic")
        assert {("theme", "4000亿美元"), ("period", "2012年")} <= roles(f)


def test_the_clauses_after_one_about_trade_are_figures_of_it(read):
    facts = read("2018年，中国同拉美双边贸易规模达到3000亿美元，其中中国自拉美进口1500亿美元。")
    assert [[m.text for m in f.get("theme")] for f in kinds(facts, "AidStatistic")] == [["3000亿美元"], ["1500亿美元"]]
    assert all(("period", "2018年") in roles(f) for f in kinds(facts, "AidStatistic"))
    # a clause before the one about trade is not, nor one after it about something else
    assert [[m.text for m in f.get("theme")] for f in kinds(read(
        "2018年，该国人口增至3000万人，中国同该国贸易额达到1500亿美元。"), "AidStatistic")] == [["1500亿美元"]]
    assert [[m.text for m in f.get("theme")] for f in kinds(read(
        "2018年，中国同该国贸易额达到1500亿美元，该国人口增至3000万人。"), "AidStatistic")] == [["1500亿美元"]]


def test_a_stock_of_trade_or_investment_is_counted_up_to_its_day(read):
    facts = read("截至2019年底，中国对非洲直接投资存量超过490亿美元，在非洲设立企业3500多家。")
    stats = kinds(facts, "AidStatistic")
    assert [[m.text for m in f.get("date")] for f in stats] == [["2019年底"], ["2019年底"]]
    assert not any(f.get("period") for f in stats)  # 截至…年底: a day, not a year summed up


def test_a_rate_of_growth_is_no_share_of_the_sum(read):
    facts = read("2016年至2020年，中国对东盟直接投资存量增至1200亿美元，年均增长15.3%。")
    (f,) = kinds(facts, "AidStatistic")
    assert not f.get("share")
    facts = read("三年间，中国提供无偿援助300亿元人民币，占援助总额的40.5%。")
    (f,) = kinds(facts, "AidStatistic")
    assert ("share", "40.5%") in roles(f)


def test_a_sum_given_to_an_organisation_for_a_country_has_it_as_partner(read):
    facts = read("中方向联合国儿童基金会捐款80万美元，帮助莫桑比克受灾儿童。")
    (f,) = kinds(facts, "AidStatistic")
    assert {("partner", "联合国儿童基金会"), ("recipient", "莫桑比克")} <= roles(f)
    # a body given aid for itself is no partner of it
    facts = read("中方向非洲联盟提供80万美元援助。")
    assert not [f for f in kinds(facts, "AidStatistic") if f.get("partner")]


def test_a_fund_that_donates_to_an_organisation_has_it_as_partner(read):
    facts = read("中方通过南南合作援助基金向联合国开发计划署捐款150万美元。")
    assert any(("partner", "联合国开发计划署") in roles(f) and ("programme", "南南合作援助基金") in roles(f)
               for f in kinds(facts, "Partnership"))
    facts = read("南南合作援助基金向联合国开发计划署介绍了项目进展。")
    assert not kinds(facts, "Partnership")


def test_the_organisation_that_works_under_a_funds_support_is_its_partner(read):
    facts = read("在南南合作援助基金支持下，联合国开发计划署在尼泊尔实施了灾后重建项目。")
    assert ("南南合作援助基金", "联合国开发计划署") in {
        (f.get("programme")[0].name, f.get("partner")[0].name) for f in kinds(facts, "Partnership")}
    # an organisation that does something else under it is none
    assert not kinds(read("在南南合作援助基金支持下，联合国开发计划署发布了年度报告。"), "Partnership")


def test_a_fund_named_in_a_clause_before_the_partner_it_works_with(read):
    facts = read("中方将通过南南合作援助基金，与联合国难民署合作，在乍得开展难民援助。")
    assert ("南南合作援助基金", "联合国难民署") in {
        (f.get("programme")[0].name, f.get("partner")[0].name) for f in kinds(facts, "Partnership")}
    assert not kinds(read("中方将通过南南合作援助基金提供资金，联合国难民署表示欢迎。"), "Partnership")


def test_a_programme_or_project_lasting_a_span_has_it_as_period(read):
    facts = read("中方将实施为期3年的“澜湄青年英才计划”。")
    assert any(("period", "3年") in roles(f) for f in kinds(facts, "ProgrammeReport"))
    facts = read("柬埔寨乡村供水项目为期2年，惠及5万人。")
    assert any(("period", "2年") in roles(f) and f.label == "柬埔寨乡村供水项目" for f in kinds(facts, "ProgrammeReport"))
    # no name that lasts: no period
    assert not [f for f in read("双方将开展为期3年的合作。") if f.get("period")]


def test_the_topic_of_a_sentence_run_by_an_organisation_clauses_later(read):
    facts = read("柬埔寨乡村供水项目为期2年，由联合国儿童基金会实施。")
    assert ("柬埔寨乡村供水项目", "联合国儿童基金会") in {
        (f.get("programme")[0].name, f.get("partner")[0].name) for f in kinds(facts, "Partnership")}
    # a project named in passing, not the topic the sentence opens with, is not the one run by it
    facts = read("中方介绍了柬埔寨乡村供水项目，下一步援助由联合国儿童基金会实施。")
    assert not kinds(facts, "Partnership")


def test_what_a_count_counts_is_a_noun_not_a_hedge(read):
    (f,) = kinds(read("中国已提供了超过22亿剂新冠疫苗。"), "AidStatistic")
    assert "counts" not in f.literals
    (f,) = kinds(read("中国累计建设成套项目423个。"), "AidStatistic")
    assert f.literals["counts"] == "成套项目"


def test_the_year_heading_a_sentence_dates_its_counts(read):
    facts = kinds(read("2020年，中国向150个国家和13个国际组织提供了抗疫物资援助。"), "AidStatistic")
    assert facts and all(("date", "2020年") in roles(f) for f in facts)


def test_a_sum_paid_through_a_fund_named_in_the_clause_before(read):
    for sentence, fund in (("王毅表示，中方将在全球发展和南南合作基金框架下，再提供10亿美元。", "全球发展和南南合作基金"),
                           ("通过南南合作援助基金，中国向世界粮食计划署提供了300万美元。", "南南合作援助基金")):
        # (王毅表示，中方将…: a pledge he announces)
        (f,) = [f for f in read(sentence) if f.kind in ("AidStatistic", "Pledge")]
        assert {("programme", fund)} <= roles(f) and f.get("amount"), sentence
    # an initiative, not a fund: its trade is no sum it pays
    (f,) = kinds(read("在“一带一路”倡议下，中国与东盟贸易额达到5000亿美元。"), "AidStatistic")
    assert not f.get("programme")


def test_dates_in_chinese_numerals_and_percentage_points():
    # official documents date themselves in Chinese numerals (二〇二一年十一月); a growth in percentage
    # points is a percentage, not a count of 8.7; a number of four characters that is no year stays none
    from kg.extract.values import find_values
    assert [(v[2], v[3]["value"]) for v in find_values("二〇二一年十一月，中方宣布；一九九九年十二月二十日。")] == [
        ("DATE", "2021-11"), ("DATE", "1999-12-20")]
    assert [(v[2], v[3]["value"]) for v in find_values("会议于二〇二一年十一月二十九日至三十日举行。")] == [
        ("PERIOD", "2021-11-29/2021-11-30")]
    assert [(v[2], v[3]["amount"]) for v in find_values("贸易额同比增长8.7个百分点，提高两个百分点。")] == [
        ("PERCENT", "8.7"), ("PERCENT", "2")]
    assert find_values("一二三四年") == []


def test_a_dateline_without_a_year_is_not_completed_from_a_later_date():
    # 新华社…3月5日电 with no year: the works begun 2017年8月 later in the text say nothing of the report's year
    doc = Relations()(tag(Extractor(), "新华社加德满都3月5日电 项目移交。该项目于2017年8月开工。"))
    assert [(m.text, m.value["value"]) for m in doc.mentions if m.type == "DATE"] == [
        ("3月5日", "--03-05"), ("2017年8月", "2017-08")]
    # a date after a full one takes its year, as before
    doc = Relations()(tag(Extractor(), "2022年8月30日，中方宣布援助。9月2日，首批物资运抵。"))
    assert [m.value["value"] for m in doc.mentions if m.type == "DATE"] == ["2022-08-30", "2022-09-02"]
