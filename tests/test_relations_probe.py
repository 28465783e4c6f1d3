"""Facts read from texts of the genre written as a new user would (issue 12, stop 22): reports of projects
handed over, loans, teams sent abroad, goods given.  Each test is the grammar of a kind of sentence, not
one document's wording; traditional characters read as the simplified."""

from __future__ import annotations

from test_relations import kinds, read, roles  # noqa: F401  (read: the module's fixture)
from test_nlp import tag
from kg.extract.nlp import Extractor
from kg.extract.relations import Relations


def test_a_sum_given_to_a_fund_referred_to_by_its_head_is_the_funds():
    # 为该基金出资: the anaphor's mention is the head noun 基金, after 该
    doc = Relations()(tag(Extractor(), "中国设立了南南合作援助基金。中方为该基金累计出资1.3亿美元。"))
    (fund,) = {m.key for m in doc.mentions if m.name == "南南合作援助基金"}
    assert [f for f in doc.facts if {("programme", fund), ("amount", "1.3亿美元")}
            <= {(r, m.text if m.is_value else m.key) for r, m in f.roles}]


def test_goods_given_to_a_country_with_no_unit_of_their_own_are_delivered(read):
    # tonnage is no value (the guide): the delivery is still read, with what was given
    (aid,) = kinds(read("灾情发生后，中国向巴基斯坦捐赠了2000吨大米。"), "AidDelivery")
    assert ("recipient", "巴基斯坦") in roles(aid) and aid.literals["deliverable"] == "2000吨大米"


def test_a_count_of_lots_is_labelled_by_the_goods_after_it(read):
    facts = read("此前，中國已向巴基斯坦捐贈了兩批防疫物資。")
    (figure,) = [f for f in kinds(facts, "AidStatistic") if ("recipient", "巴基斯坦") in roles(f)]
    assert figure.label == "防疫物资" and ("theme", "兩批") in roles(figure)  # (labels are read simplified)


def test_a_team_sent_to_a_place_is_delivered_to_the_country_the_next_clause_helps(read):
    facts = read("应巴基斯坦政府请求，中国政府派出抗疫医疗专家组赴伊斯兰堡，协助巴方开展疫情防控工作。")
    (aid,) = [f for f in kinds(facts, "AidDelivery") if f.literals.get("deliverable") == "抗疫医疗专家组"]
    assert {("recipient", "巴基斯坦"), ("location", "伊斯兰堡")} <= roles(aid)


def test_a_team_sent_to_a_country_and_a_province_in_it(read):
    facts = read("土耳其发生强烈地震。中国政府派遣救援队前往土耳其哈塔伊省开展救援。")
    (aid,) = [f for f in kinds(facts, "AidDelivery") if f.literals.get("deliverable") == "救援队"]
    assert {("recipient", "土耳其"), ("location", "哈塔伊省")} <= roles(aid)


def test_a_team_sent_to_a_meeting_is_no_delivery(read):
    facts = read("中国政府派出代表团赴纽约出席联合国大会。")
    assert not [f for f in kinds(facts, "AidDelivery") if f.rule == "recipient:team-sent-to"]


def test_a_sentence_opening_with_the_head_of_the_project_before_is_about_it(read):
    facts = read("由中国港湾工程有限责任公司承建的肯尼亚蒙巴萨港新集装箱码头日前竣工。码头位于蒙巴萨市，年吞吐能力55万标准箱。")
    assert [f for f in facts if {("project", "肯尼亚蒙巴萨港新集装箱码头"), ("location", "蒙巴萨市")} <= roles(f)]


def test_a_head_word_opening_a_sentence_after_another_paragraph_is_not_read_so(read):
    facts = read("肯尼亚蒙巴萨港新集装箱码头日前竣工。\n\n码头位于城市东部的港区。")
    assert not [f for f in facts if ("location", "蒙巴萨市") in roles(f)]


def test_builders_listed_before_one_verb_are_all_partners(read):
    facts = read("中国援建的亚的斯亚贝巴—吉布提铁路投入运营。该铁路由中国中铁和中国铁建联合承建，于2016年10月通车。")
    (report,) = [f for f in kinds(facts, "ProjectReport") if f.get("partner")]
    assert {("partner", "中国中铁"), ("partner", "中国铁建"), ("date", "2016年10月")} <= roles(report)


def test_a_builder_beside_a_government_and_the_day_of_a_later_clause(read):
    facts = read("中老铁路是共建“一带一路”的标志性工程，由中国国家铁路集团有限公司与老挝政府合资建设，全长1035公里，"
                 "于2021年12月3日全线开通运营。")
    (report,) = [f for f in kinds(facts, "ProjectReport") if f.get("partner")]
    assert {("partner", "中国国家铁路集团有限公司"), ("date", "2021年12月3日")} <= roles(report)
    assert ("partner", "老挝") not in roles(report)


def test_a_later_clause_of_another_subject_gives_no_date(read):
    facts = read("中老铁路是共建“一带一路”的标志性工程，另一条铁路于2021年12月3日全线开通运营。")
    assert not [f for f in kinds(facts, "ProjectReport") if ("date", "2021年12月3日") in roles(f)]


def test_the_bank_that_lends_for_a_project_built_after_it_is_its_partner(read):
    facts = read("中国进出口银行向埃塞俄比亚提供优惠贷款，用于建设亚的斯亚贝巴—吉布提铁路。")
    assert [f for f in kinds(facts, "ProjectReport")
            if {("project", "亚的斯亚贝巴—吉布提铁路"), ("partner", "中国进出口银行")} <= roles(f)]


def test_a_verb_and_its_object_tagged_as_a_place_by_jieba_is_no_name():
    names = {m.text for m in tag(Extractor(), "中国援建的喀麦隆克里比深水港项目正式开港。该港口于2018年开港运营。").mentions}
    assert "开港" not in names and "克里比深水港" in names


def test_an_organisation_worked_with_in_a_clause_before_the_project_is_its_partner(read):
    facts = read("中國政府同聯合國開發計劃署合作，在尼泊爾啟動了“尼泊爾災後重建項目”。")
    assert [f for f in facts if {("programme", "尼泊尔灾后重建项目"), ("partner", "联合国开发计划署")} <= roles(f)]


def test_a_body_led_by_another_has_it_for_parent(read):
    for text in ("中国国际扶贫中心由国务院扶贫开发领导小组办公室领导。", "中国国际扶贫中心是由商务部主管的事业单位。",
                 "中国国际扶贫中心归商务部管理。", "商务部下属的中国国际扶贫中心负责培训。"):
        facts = kinds(read(text), "Affiliation")
        assert [f for f in facts if f.label == "中国国际扶贫中心" and f.get("parent")], text


def test_a_body_that_funds_another_is_not_its_parent(read):
    facts = read("中国国际扶贫中心由商务部和财政部共同出资。")
    assert not [f for f in kinds(facts, "Affiliation") if f.label == "中国国际扶贫中心"]


def test_places_in_the_name_of_the_cooperation_are_not_where_its_meeting_was(read):
    facts = read("澜沧江—湄公河合作第四次领导人会议于2023年12月25日以视频方式举行。")
    (meeting,) = kinds(facts, "MeetingReport")
    assert ("part_of", "澜沧江—湄公河合作") in roles(meeting) and not meeting.get("location")
    (meeting,) = kinds(read("2018年9月，中非合作论坛北京峰会举行。"), "MeetingReport")
    assert ("location", "北京") in roles(meeting)


def test_the_names_of_a_web_pages_byline_are_persons():
    text = "2021-06-15 10:23:15  来源：新华网  作者：张三  【打印】\n责任编辑：王五\n作者：阿卜杜拉·汗 编辑：刘明 来源：人民网\n"
    persons = {m.text for m in tag(Extractor(), text).mentions if m.type == "PERSON"}
    assert persons == {"张三", "王五", "阿卜杜拉·汗", "刘明"}


def _names(text: str) -> dict[str, str]:
    return {m.text: m.type for m in tag(Extractor(), text).mentions if not m.is_value}


def test_a_company_named_by_its_place_and_trade_is_one_body_with_its_legal_form():
    names = _names("该医院由青岛建设集团有限公司承建。")
    assert names.get("青岛建设集团有限公司") == "ORG" and "青岛建设集团" not in names
    assert "中国铁建" in _names("中国铁建中土集团承建。")  # a subsidiary still names its parent


def test_a_foreign_name_after_a_title_the_rules_do_not_list_is_cut_at_the_transliteration():
    names = _names("马拉维卫生部常务秘书查尔斯·姆万萨姆博出席仪式。")
    assert names.get("查尔斯·姆万萨姆博") == "PERSON" and names.get("马拉维卫生部") == "ORG"


def test_a_ministry_of_several_fields_is_one_body_of_its_country():
    for text, body in (("乌干达农业、畜牧业和渔业部部长出席。", "乌干达农业、畜牧业和渔业部"),
                       ("肯尼亚外交与国际合作部发表声明。", "肯尼亚外交与国际合作部"),
                       ("巴基斯坦卫生与人口部。", "巴基斯坦卫生与人口部")):
        assert _names(text).get(body) == "ORG", text
    names = _names("肯尼亚外交部和国防部发表声明。")  # two bodies, each known
    assert "肯尼亚外交部和国防部" not in names and "国防部" in names
    assert not [n for n in _names("中国与肯尼亚农业和东部地区合作。") if n.endswith("东部")]


def test_a_project_paid_by_a_fund_named_in_the_clause_before(read):
    facts = read("通过全球发展和南南合作基金，中方支持粮食署在布基纳法索开展布基纳法索难民粮食援助项目。")
    assert [f for f in facts if {("programme", "布基纳法索难民粮食援助项目"), ("part_of", "全球发展和南南合作基金")} <= roles(f)]


def test_a_project_introduced_as_a_part_of_a_programme(read):
    facts = read("作为“一带一路”倡议的一部分，瓜达尔港项目进展顺利。")
    assert [f for f in kinds(facts, "Component") if {("programme", "瓜达尔港"), ("part_of", "一带一路倡议")} <= roles(f)]


def test_works_of_china_and_a_partner_named_by_one_character_each():
    names = _names("中老铁路是中老经济走廊的重要组成部分。其中老挝铁路和中缅经济走廊。")
    assert names.get("中老经济走廊") == "PROGRAMME" and names.get("中缅经济走廊") == "PROGRAMME"
    assert not [n for n in names if n.startswith("中老挝")]


def test_a_figures_label_is_the_texts_words_not_its_names_blanked_out(read):
    # the flow of aid is found with the names blanked (□); the label is what the text says there
    facts = read("2000年至2009年，中國共免除了非洲35個國家的312筆債務，總金額達189.6億元人民幣。")
    labels = {f.label for f in kinds(facts, "AidStatistic")}
    assert labels == {"免除了非洲35个国家的312笔债务"}


def test_a_date_joined_to_one_with_a_year_is_in_that_year_not_the_datelines(read):
    doc = Relations()(tag(Extractor(), "2022-05-01 新华社北京电 2013年9月和10月，习近平先后提出倡议。2021年11月29日、30日举行。"
                                       "2019年4月至6月15日举办。4月，又举行。"))
    values = [(m.text, m.value["value"]) for m in doc.mentions if m.type == "DATE"]
    assert [v for t, v in values if t in ("10月", "30日", "6月15日", "4月")] == ["2013-10", "2021-11-30", "2019-06-15", "2022-04"]


def test_a_range_of_months_in_a_year_is_a_period():
    doc = tag(Extractor(), "2019年4月至6月，中方举办了培训班。")
    assert [(m.text, m.value["value"]) for m in doc.mentions if m.type == "PERIOD"] == [("2019年4月至6月", "2019-04/2019-06")]


def test_goods_that_reach_the_countries_after_them_are_delivered_to_them(read):
    (aid,) = kinds(read("中国援助的物资惠及马拉维、莫桑比克和津巴布韦三国灾民。"), "AidDelivery")
    assert {("recipient", "马拉维"), ("recipient", "莫桑比克"), ("recipient", "津巴布韦")} <= roles(aid)


def test_a_body_given_aid_is_its_recipient_a_body_written_to_is_not(read):
    (aid,) = kinds(read("中国向非洲联盟捐赠了一批防疫物资。"), "AidDelivery")
    assert ("recipient", "非洲联盟") in roles(aid)
    assert not [f for f in read("中国向联合国提交了履约报告。") if f.get("recipient")]


def test_a_meeting_held_in_china_has_china_for_its_place_not_its_actor(read):
    (meeting,) = kinds(read("双方同意，中非合作论坛第九届部长级会议将于2024年在中国举行。"), "MeetingReport")
    assert {("date", "2024年"), ("location", "中国")} <= roles(meeting)
    (meeting,) = kinds(read("中国在北京举办了中非合作论坛峰会。"), "MeetingReport")
    assert ("location", "中国") not in roles(meeting) and ("location", "北京") in roles(meeting)


def test_the_opening_ceremony_after_a_meeting_is_no_verb_of_holding_it(read):
    # 出席…开幕式: where the person attended is where the meeting was (开幕式 is a noun, not 开幕)
    facts = read("习近平2023年10月18日在北京出席第三届“一带一路”国际合作高峰论坛开幕式并发表主旨演讲。")
    (meeting,) = kinds(facts, "MeetingReport")
    assert {("location", "北京"), ("date", "2023年10月18日")} <= roles(meeting)


def test_a_body_given_a_sum_to_pass_on_is_no_recipient(read):
    facts = read("中方将通过全球发展和南南合作基金向世界粮食计划署提供500万美元，用于在老挝实施学校供餐项目。")
    assert not [f for f in facts if ("recipient", "世界粮食计划署") in roles(f)]
    assert [f for f in facts if ("partner", "世界粮食计划署") in roles(f)]


def test_the_members_of_a_body_given_a_figure_of_aid_make_the_body_its_recipient(read):
    for text in ("王毅表示，中方已向东盟十国提供了1.9亿剂疫苗。", "中国向东盟国家提供了5000万美元援助。"):
        (figure,) = kinds(read(text), "AidStatistic")
        assert ("recipient", "东盟") in roles(figure), text
    (figure,) = kinds(read("中国与东盟国家贸易额达到9000亿美元。"), "AidStatistic")
    assert not figure.get("recipient")  # trade with them: no aid received


def test_a_body_founded_after_a_clause_of_who_runs_it_or_what_it_is(read):
    # X由Y主办，于…成立: founded then, Y its parent; X是…基金，成立于…: the body the sentence opens with
    (f,) = kinds(read("南南合作与发展学院由北京大学主办，于2016年4月成立。"), "Founding")
    assert {("body", "南南合作与发展学院"), ("founded", "2016年4月"), ("parent", "北京大学")} <= roles(f)
    (f,) = kinds(read("亚洲开发研究院是一家独立研究机构，成立于2007年。"), "Founding")
    assert ("founded", "2007年") in roles(f)
    # a date right after the body, then where it was registered (在北京注册成立)
    (f,) = kinds(read("丝路基金2014年12月在北京注册成立。"), "Founding")
    assert {("body", "丝路基金"), ("founded", "2014年12月")} <= roles(f)


def test_a_fund_set_up_has_a_date_and_a_body_setting_something_up_is_not_founded(read):
    (f,) = kinds(read("中国—联合国和平与发展基金于2016年设立，下设两个子基金。"), "Founding")
    assert ("date", "2016年") in roles(f)
    assert not kinds(read("联合国开发计划署于2016年设立了新的项目办公室。"), "Founding")


def test_a_company_under_a_group_is_its_subsidiary_not_a_department(read):
    # X是Y旗下的子公司: Y is X's parent; 子公司 is no body of its own (its 司 is a company's, not a department's)
    facts = read("中国路桥工程有限责任公司是中国交建旗下的子公司。")
    assert [roles(f) for f in kinds(facts, "Affiliation")] == [{("body", "中国路桥工程有限责任公司"), ("parent", "中国交建")}]
