"""Relations and events: each rule fires on short sentences of the genre and not on near misses;
the competency questions on the bundled text return the rows the text states; SHACL; GCDF CSV."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from pyoxigraph import Quad, Literal, NamedNode, RdfFormat, Store, parse

from conftest import BUNDLED_GOLD, CORPUS, GOLD, QUERIES, gold_subset, run_kg
from test_nlp import tag
from kg.extract.nlp import Extractor
from kg.extract.relations import Relations


@pytest.fixture(scope="module")
def read():
    extractor, relations = Extractor(), Relations()
    return lambda text: relations(tag(extractor, text)).facts


def roles(fact) -> set[tuple[str, str]]:
    return {(r, m.name if not m.is_value else m.text) for r, m in fact.roles}


def kinds(facts, kind):
    return [f for f in facts if f.kind == kind]


def test_an_announcement_gives_one_pledge_per_measure(read):
    facts = read("2018年9月，在中非合作论坛北京峰会上，习近平主席宣布未来3年中方将提供600亿美元支持，"
                 "设立中非发展基金，并向非洲联盟提供10亿元人民币援助。")
    pledges = kinds(facts, "Pledge")
    assert len(pledges) == 3
    for p in pledges:
        assert ("announced_by", "习近平") in roles(p)
        assert ("announced_at", "中非合作论坛北京峰会") in roles(p)
    assert ("amount", "600亿美元") in roles(pledges[0]) and ("period", "未来3年") in roles(pledges[0])
    assert ("programme", "中非发展基金") in roles(pledges[1])
    assert {("amount", "10亿元人民币"), ("recipient", "非洲联盟")} <= roles(pledges[2])


def test_listed_programmes_with_counts_are_separate_pledges(read):
    facts = read("李克强总理宣布，中方将实施50个“光明行”和30个“万村通”项目。")
    pledges = kinds(facts, "Pledge")
    assert [(p.label, [m.text for m in p.get("amount")]) for p in pledges] == [("光明行", ["50个"]), ("万村通", ["30个"])]


@pytest.mark.parametrize("sentence", [
    "习近平主席宣布会议开幕。",
    "中国提出了构建人类命运共同体的新理念。",
    "习近平主席宣布，双方关系提升为全面战略合作伙伴关系。",
])
def test_no_pledge_without_a_measure(read, sentence):
    assert kinds(read(sentence), "Pledge") == []


def test_aid_statistic_with_flow_type_share_and_period(read):
    facts = read("2016年至2020年，中国提供无偿援助500亿元人民币，占援助总额的40%，主要用于建设医院和学校。")
    stats = kinds(facts, "AidStatistic")
    assert len(stats) == 1
    s = stats[0]
    assert s.literals["flowType"] == "grant"
    assert ("amount", "500亿元人民币") in roles(s) and ("share", "40%") in roles(s)
    assert ("period", "2016年至2020年") in roles(s)
    assert s.literals["purpose"].startswith("建设医院")


def test_period_of_an_aid_figure_comes_from_the_paragraph(read):
    facts = read("2013年至2018年，中国对外援助金额为2702亿元人民币。其中，提供无息贷款113亿元人民币，占对外援助总额的4.18%。")
    loan = next(f for f in kinds(facts, "AidStatistic") if f.literals.get("flowType") == "interest-free-loan")
    assert ("period", "2013年至2018年") in roles(loan)


@pytest.mark.parametrize("sentence", [
    "中国经济总量达到100万亿元。",
    "暂缓最贫困国家债务偿付倡议得到20个国家支持。",
])
def test_no_aid_statistic_on_near_misses(read, sentence):
    assert [f.literals.get("flowType") for f in kinds(read(sentence), "AidStatistic")] in ([], [None])
    assert not any(f.literals.get("flowType") for f in read(sentence))


def test_partnership_of_a_fund_with_organisations(read):
    facts = read("截至2020年底，中国通过南南合作援助基金与联合国粮食及农业组织、世界粮食计划署等10个国际组织实施项目50个。")
    partners = {m.name for f in kinds(facts, "Partnership") for m in f.get("partner")}
    assert partners == {"联合国粮食及农业组织", "世界粮食计划署"}
    assert {m.name for f in kinds(facts, "Partnership") for m in f.get("programme")} == {"南南合作援助基金"}


def test_no_partnership_without_a_programme(read):
    assert kinds(read("中国与世界卫生组织保持密切沟通。"), "Partnership") == []


def test_recipients_of_aid(read):
    facts = read("中国帮助老挝、柬埔寨和缅甸建设乡村学校，向斯里兰卡援助了海水淡化设备。")
    got = {(f.literals.get("deliverable"), m.name) for f in kinds(facts, "AidDelivery") for m in f.get("recipient")}
    assert got == {("乡村学校", "老挝"), ("乡村学校", "柬埔寨"), ("乡村学校", "缅甸"), ("海水淡化设备", "斯里兰卡")}


def test_no_recipient_without_an_aid_verb(read):
    assert kinds(read("老挝和柬埔寨是东南亚国家。"), "AidDelivery") == []


def test_founding_with_date_and_parent(read):
    facts = read("2018年4月，中国成立国家国际发展合作署，作为国务院直属机构。")
    (f,) = kinds(facts, "Founding")
    assert roles(f) == {("body", "国家国际发展合作署"), ("founded", "2018年4月"), ("parent", "国务院")}


def test_meeting_report(read):
    facts = read("2018年9月，中非合作论坛北京峰会隆重举行。")
    (f,) = kinds(facts, "MeetingReport")
    assert roles(f) >= {("meeting", "中非合作论坛北京峰会"), ("part_of", "中非合作论坛"), ("location", "北京"),
                        ("date", "2018年9月")}


def test_parent_bodies_from_names_lists_and_subordination(read):
    facts = read("2018年，中国组建国家国际发展合作署，列为国务院直属机构；该署内设综合司、政策和规划司等机构。")
    got = {(f.get("body")[0].name, f.get("parent")[0].name) for f in kinds(facts, "Affiliation")}
    assert ("国家国际发展合作署", "国务院") in got
    assert all(parent == "国家国际发展合作署" for body, parent in got if body != "国家国际发展合作署")


def test_no_parent_between_unrelated_bodies(read):
    assert kinds(read("国务院和外交部的官员出席了会议。"), "Affiliation") == []


def test_meeting_held_gives_date_and_place(read):
    facts = read("中非合作论坛约翰内斯堡峰会于2015年12月在约翰内斯堡举行。")
    (f,) = kinds(facts, "MeetingReport")
    assert {("date", "2015年12月"), ("location", "约翰内斯堡")} <= roles(f)


def test_a_figure_in_news_has_its_speaker_recipient_and_date(read):
    facts = read("2022年8月30日，外交部发言人赵立坚表示，中国政府决定向巴基斯坦提供1亿元人民币紧急人道主义援助。")
    # (a decision of China's is its pledge: the sum is the pledge's amount)
    (s,) = [f for f in facts if ("theme", "1亿元人民币") in roles(f) or ("amount", "1亿元人民币") in roles(f)]
    assert {("announced_by", "赵立坚"), ("recipient", "巴基斯坦"), ("date", "2022年8月30日")} <= roles(s)


def test_a_table_row_gives_recipients_partner_and_date(read):
    facts = read("2015年11月 | 南苏丹 | 联合国世界粮食计划署 | 500万美元 | 用于购买谷物和油")
    (row,) = [f for f in facts if f.rule == "aid:table-row"]
    assert roles(row) == {("theme", "500万美元"), ("date", "2015年11月"), ("recipient", "南苏丹"),
                          ("partner", "联合国世界粮食计划署")}


def test_dates_without_a_year_are_completed_from_the_dateline():
    from kg.extract.values import complete_dates
    from kg.model import Mention
    dateline = Mention(0, 10, "2022-08-30", "DATE", "date/2022-08-30", 0, "2022-08-30", "value", {"value": "2022-08-30"})
    later = Mention(40, 45, "9月29日", "DATE", "date/--09-29", 2, "9月29日", "value", {"value": "--09-29"})
    day = Mention(50, 53, "12日", "DATE", "date/---12", 3, "12日", "value", {"value": "---12"})
    done = complete_dates([dateline, later, day])
    assert [m.value["value"] for m in done] == ["2022-08-30", "2022-09-29", "2022-08-12"]
    assert complete_dates([later]) == [later]  # nothing to complete it from: it stays --09-29


# ---------------------------------------------------------------- on the bundled text, through the CLI

CORPUS_TEXT = next(CORPUS.glob("*.txt")).read_text(encoding="utf-8")


def rows(store, name):
    out = run_kg("query", str(QUERIES / name), "--store", str(store), "--format", "json").stdout
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(out)["results"]["bindings"]]


def test_aid_by_flow_type_2013_2018(corpus_store):
    got = [(r["period"], r["flowType"], r["iati"], Decimal(r["amount"]), Decimal(r["share"]))
           for r in rows(corpus_store, "12-aid-by-flow-type.rq")]
    assert got == [("2013/2018", "concessional loan", "421", Decimal("131100000000"), Decimal("48.52")),
                   ("2013/2018", "grant", "110", Decimal("127800000000"), Decimal("47.3")),
                   ("2013/2018", "interest-free loan", "421", Decimal("11300000000"), Decimal("4.18"))]


def test_partners_of_the_fund(corpus_store):
    got = {(r["programme"], r["partner"]) for r in rows(corpus_store, "14-fund-partners.rq")}
    assert got == {("南南合作援助基金", o) for o in ("联合国开发计划署", "世界粮食计划署", "世界卫生组织", "联合国儿童基金会",
                                              "联合国人口基金", "联合国难民署", "国际移民组织", "国际红十字会")} | {
        ("中国—联合国和平与发展基金", "联合国"),  # named after both
        ("暂缓最贫困国家债务偿付倡议", "二十国集团")}  # 同二十国集团成员一道落实“…倡议”


def test_meetings_of_each_forum_in_order(corpus_store):
    got = [(r["forum"], r["meeting"], r.get("date", "")) for r in rows(corpus_store, "15-meetings-of-a-forum.rq")]
    focac = [(m, d) for f, m, d in got if f == "中非合作论坛"]
    assert focac == [("中非合作论坛约翰内斯堡峰会", "2015-12"), ("中非合作论坛北京峰会", "2018-09")]
    brf = [(m, d[:4]) for f, m, d in got if "高峰论坛" in f]
    assert brf == [("首届“一带一路”国际合作高峰论坛", "2017"), ("第二届“一带一路”国际合作高峰论坛", "2019")]
    assert ("世界卫生大会", "第73届世界卫生大会", "2020-05-18") in got


def test_pledges_by_meeting(corpus_store):
    got = rows(corpus_store, "11-pledges-by-meeting.rq")
    dates = [r["date"] for r in got]
    assert dates == sorted(dates)
    money = sorted((Decimal(r["amount"]), r["currency"], r["meeting"]) for r in got if "amount" in r)
    assert money == sorted([(Decimal("60000000000"), "CNY", "首届“一带一路”国际合作高峰论坛"),
                            (Decimal("2000000000"), "CNY", "首届“一带一路”国际合作高峰论坛"),
                            (Decimal("1000000000"), "USD", "首届“一带一路”国际合作高峰论坛"),
                            (Decimal("1000000000"), "USD", "首届“一带一路”国际合作高峰论坛"),
                            (Decimal("2000000000"), "USD", "第73届世界卫生大会")])
    programmes = {r.get("programme") for r in got}
    assert {"十大合作计划", "八大行动", "幸福家园", "爱心助困", "康复助医", "妇幼健康工程", "快乐校园工程",
            "南南合作援助基金"} <= programmes
    assert all(r["announcedBy"] == "习近平" for r in got)


def test_pledges_stay_one_row_each_when_documents_give_the_meeting_other_dates(tmp_path):
    # Two documents put the 2017 Belt and Road Forum in other years (2015, 2016): each document's graph states
    # its own date for the meeting.  A pledge still gives one row, dated by the lexicon (2017-05), not one
    # row per date that any document gives; the forum's meetings list each date once.
    sentence = next(s for s in (CORPUS_TEXT.split("。")) if "2017年首届“一带一路”国际合作高峰论坛上" in s) + "。"
    folder = tmp_path / "in"
    folder.mkdir()
    for year in ("2015", "2016"):
        (folder / f"{year}.txt").write_text(sentence.replace("2017年首届", f"{year}年首届"), encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", str(folder), "--store", str(store), "--quiet")
    got = rows(store, "11-pledges-by-meeting.rq")
    pledges = [r["pledge"] for r in got]
    assert len(pledges) == 14 and len(set(pledges)) == 7  # seven pledges in each of the two documents
    assert {r["date"] for r in got} == {"2017-05"}
    meetings = [(r["meeting"], r.get("date")) for r in rows(store, "15-meetings-of-a-forum.rq")]
    assert sorted(meetings) == [("首届“一带一路”国际合作高峰论坛", d) for d in ("2015", "2016", "2017-05")]


def test_recipients_by_project(corpus_store):
    got = {(r["deliverable"], r["iso3"]) for r in rows(corpus_store, "13-recipients-by-project.rq")}
    assert {("机场升级扩建项目", c) for c in ("PAK", "NPL", "MDV", "KHM", "ZMB", "ZWE", "TGO")} <= got
    assert {("集装箱检查设备", c) for c in ("GEO", "ARM", "TZA", "KEN", "PHL")} <= got
    assert {("毛里塔尼亚友谊港扩建项目", "MRT"), ("白沙瓦—卡拉奇高速公路", "PAK"), ("喀喇昆仑公路", "PAK")} <= got
    assert not any(c == "CHN" for _, c in got)


def test_institutions(corpus_store):
    assert rows(corpus_store, "16-institutions.rq") == [{"body": "国家国际发展合作署", "founded": "2018-04",
                                                          "parent": "国务院"}]


def test_built_graph_conforms_to_the_shapes(corpus_store):
    proc = run_kg("validate", "--store", str(corpus_store))
    assert "conforms" in proc.stdout


def test_broken_graph_does_not_conform(tmp_path, corpus_store):
    nq = tmp_path / "kg.nq"
    run_kg("export", "--store", str(corpus_store), "--format", "nquads", "--out", str(nq))
    hz = "https://w3id.org/hezuo/ontology#"
    quads = [q for q in parse(path=str(nq), format=RdfFormat.N_QUADS)
             if q.predicate.value != hz + "currency" and q.predicate.value != hz + "evidence"]
    g = quads[0].graph_name
    quads.append(Quad(NamedNode("https://w3id.org/hezuo/id/country/PAK"), NamedNode(hz + "isoAlpha3"),
                      Literal("Pakistan"), g))
    broken = tmp_path / "broken"
    store = Store(str(broken))
    store.extend(quads)
    store.flush()
    del store
    proc = run_kg("validate", "--store", str(broken), "--limit", "500", check=False)
    assert proc.returncode == 1
    assert "SHACL violation" in proc.stderr
    assert "hz:currency" in proc.stdout and "hz:evidence" in proc.stdout and "hz:isoAlpha3" in proc.stdout


def test_gcdf_csv_export(tmp_path, corpus_store):
    out = tmp_path / "gcdf.csv"
    run_kg("export", "--store", str(corpus_store), "--format", "gcdf-csv", "--out", str(out))
    data = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {"recipient", "recipient_iso3", "commitment_year", "amount_original_currency", "original_currency",
            "flow_type", "status", "source_title", "source_sentence"} <= set(data[0])
    pledge = next(r for r in data if r["amount_original_currency"] == "60000000000")
    assert (pledge["status"], pledge["original_currency"], pledge["commitment_year"]) == ("Pipeline: Pledge", "CNY", "2017")
    assert "600亿元人民币" in pledge["source_sentence"]
    grant = next(r for r in data if r["flow_type"] == "Grant")
    assert (grant["amount_original_currency"], grant["share_of_total_percent"], grant["flow_type_iati"]) == (
        "127800000000", "47.3", "110")
    again = tmp_path / "again.csv"
    run_kg("export", "--store", str(corpus_store), "--format", "gcdf-csv", "--out", str(again))
    assert again.read_bytes() == out.read_bytes()


def test_eval_reports_relation_precision_and_recall(tmp_path):
    bundled = gold_subset(tmp_path / "gold", BUNDLED_GOLD)  # the white paper the relations were written on
    result = json.loads(run_kg("eval", str(bundled), "--train-on", str(GOLD), "--json").stdout)
    facts = result["facts"]
    # a sum or a count that no named entity carries is the event's subject (role "theme", as the guide
    # says), not its amount: this scorer no longer counts it against the white paper's amount facts
    assert facts["f1"] >= 0.58 and facts["precision"] >= 0.65, facts
    assert result["facts_per_predicate"]["announced_at"]["precision"] >= 0.95


def test_a_project_with_its_builder_and_completion_date(read):
    facts = read("2015年2月14日，由中国铁建承建的本格拉铁路建成通车。")
    (f,) = kinds(facts, "ProjectReport")
    assert roles(f) == {("project", "本格拉铁路"), ("partner", "中国铁建"), ("date", "2015年2月14日")}


def test_parts_of_programmes_and_forums(read):
    facts = read("中方在中巴经济走廊框架下援建了瓜达尔港。")
    got = {(f.get("programme")[0].name, f.get("part_of")[0].name) for f in kinds(facts, "Component")}
    assert got == {("瓜达尔港", "中巴经济走廊")}
    assert kinds(read("中非合作论坛—达喀尔行动计划获得通过。"), "Component") == []  # a plan of the forum, no part


def test_the_lender_of_a_flow_of_aid_is_the_partner_of_its_figures(read):
    facts = read("优惠贷款由中国进出口银行受政府指定对外发放。2010年至2012年，中国提供优惠贷款497.6亿元人民币。")
    (s,) = [f for f in facts if ("amount", "497.6亿元人民币") in roles(f)]
    assert ("partner", "中国进出口银行") in roles(s) and s.literals["flowType"] == "concessional-loan"


def test_a_programme_said_to_be_announced_is_the_pledge(read):
    facts = read("南南合作援助基金是习近平主席2015年9月在联合国发展峰会上宣布设立的，首期资金20亿美元。")
    (p,) = kinds(facts, "Pledge")
    assert {("programme", "南南合作援助基金"), ("announced_by", "习近平"), ("announced_at", "联合国发展峰会"),
            ("date", "2015年9月"), ("amount", "20亿美元")} <= roles(p)


def test_the_list_after_a_figure_names_its_recipients(read):
    facts = read("近5年来，中国政府先后实施紧急援助近200次。其中包括：在海地地震后提供救灾物资；为缅甸和古巴提供现汇援助。")
    (f,) = [f for f in facts if ("amount", "200次") in roles(f)]  # the number of 紧急援助, named before it
    assert {("recipient", "海地"), ("recipient", "缅甸"), ("recipient", "古巴"), ("period", "5年来")} <= roles(f)


def test_what_a_plans_name_says(read):
    facts = read("会议审议通过了《中非合作论坛—达喀尔行动计划(2022-2024)》，东盟互联互通总体规划2025同时实施。")
    got = {(f.label, r, m.name if not m.is_value else m.value["value"]) for f in kinds(facts, "ProgrammeReport")
           for r, m in f.roles if r != "programme"}
    assert ("中非合作论坛—达喀尔行动计划(2022-2024)", "period", "2022/2024") in got
    assert ("东盟互联互通总体规划2025", "announced_by", "东盟") in got
    assert ("中非合作论坛—达喀尔行动计划(2022-2024)", "announced_at", "中非合作论坛") not in got  # a forum is no meeting


def test_the_year_a_meetings_name_begins_with_is_its_date(read):
    doc_facts = read("2018年中非合作论坛北京峰会取得丰硕成果。")
    (f,) = kinds(doc_facts, "MeetingReport")
    assert ("date", "2018年") in roles(f) and f.get("date")[0].value == {"value": "2018"}


@pytest.mark.parametrize("text, typ, value", [
    ("10亿剂", "COUNT", {"amount": "1000000000", "unit": "疫苗"}),  # in 提供10亿剂疫苗: the unit is the noun
    ("3304万", "COUNT", {"amount": "33040000", "unit": "人", "at_least": True}),  # 受灾人口逾3304万
    ("2009年底", "DATE", {"value": "2009-12"}),
    ("2022-08-30", "DATE", {"value": "2022-08-30"}),
    ("2021年11月29日至30日", "PERIOD", {"value": "2021-11-29/2021-11-30", "start": "2021-11-29", "end": "2021-11-30"}),
    ("20世纪50、60年代", "PERIOD", {"value": "1950/1969", "start": "1950", "end": "1969"}),
    ("上世纪70年代", "PERIOD", {"value": "1970/1979", "start": "1970", "end": "1979"}),  # (of this century's texts)
    ("3个月", "PERIOD", {"value": "P3M"}),
    ("47.30%", "PERCENT", {"amount": "47.3", "unit": "%"}),
])
def test_values_of_the_genre(text, typ, value):
    from kg.extract.values import find_values
    sentence = {"10亿剂": "中方将提供10亿剂疫苗。", "3304万": "受灾人口逾3304万。"}.get(text, f"在{text}，中方提供援助。")
    assert (text, typ, value) in [(sentence[s:e], t, v) for s, e, t, v in find_values(sentence)]


@pytest.mark.parametrize("sentence", ["铁路全长1344公里。", "运送大米3000多吨。", "第十三届全国人民代表大会召开。", "上午10时30分开始。"])
def test_no_values_in_lengths_tonnage_ordinals_and_clock_times(sentence):
    from kg.extract.values import find_values
    assert [(sentence[s:e], t) for s, e, t, _ in find_values(sentence)] == []


@pytest.mark.parametrize("sentence, body, date", [
    ("中国政府在2004年9月正式设立了人道主义紧急救灾援助应急机制。", "人道主义紧急救灾援助应急机制", "2004年9月"),
    ("2000年10月，中非合作论坛在北京宣告成立。", "中非合作论坛", "2000年10月"),
])
def test_foundings_before_and_after_the_verb(read, sentence, body, date):
    (f,) = kinds(read(sentence), "Founding")
    assert {("body", body), ("founded", date)} <= roles(f)


def test_no_founding_inside_a_name_or_a_pledge(read):
    assert kinds(read("习近平出席联合国成立70周年系列峰会。"), "Founding") == []
    assert kinds(read("习近平主席宣布，中方将设立南南合作援助基金。"), "Founding") == []


def test_rules_read_traditional_characters(read):
    facts = read("國家國際發展合作署副署長鄧波清表示，中方將向土耳其提供4000萬元人民幣緊急援助。")
    (s,) = [f for f in facts if any(r == "theme" or r == "amount" and m.type == "MONEY" for r, m in f.roles)]
    assert {("announced_by", "邓波清"), ("recipient", "土耳其")} <= {(r, m.name) for r, m in s.roles}


def test_the_size_of_a_named_fund_is_its_amount(read):
    facts = read("中方整合组建的全球发展和南南合作基金规模增至40亿美元，用于支持发展中国家。")
    assert any({("programme", "全球发展和南南合作基金"), ("amount", "40亿美元")} <= roles(f) for f in facts)


def test_goods_given_are_figures_of_the_aid(read):
    facts = read("外交部长王毅8月29日表示，中方将追加一批人道主义援助，其中有2.5万顶帐篷。")
    (s,) = [f for f in facts if ("theme", "2.5万顶") in roles(f)]
    assert ("announced_by", "王毅") in roles(s) and s.get("date")


def test_a_bare_number_of_years_is_a_value_but_no_figures_period(read):
    from kg.extract.values import find_values
    assert [(t, v) for _, _, t, v in find_values("持续27年的内战")] == [("PERIOD", {"value": "P27Y"})]
    facts = read("在持续27年的内战之后，中国提供了3亿元人民币援助。")
    assert all(not f.get("period") for f in facts)


def test_same_year_takes_the_year_of_the_date_before():
    from kg.extract.values import complete_dates, find_values
    from kg.model import Mention
    text = "2024-09-25 2022年6月，中方主办对话会；同年9月，小组会议举行。"
    ms = [Mention(s, e, text[s:e], t, f"{t.lower()}/{v['value']}", 0, text[s:e], "value", v) for s, e, t, v in find_values(text)]
    assert [(m.text, m.value["value"]) for m in complete_dates(ms)] == [
        ("2024-09-25", "2024-09-25"), ("2022年6月", "2022-06"), ("9月", "2022-09")]


def test_every_kind_of_event_conforms_to_the_shapes(tmp_path):
    """A news item whose sentences give each kind of event (a plan, a department, a forum's secretariat,
    a project's builder, a part of a programme, a table row, a figure with its speaker, a date without a
    year): the built graph holds them all and conforms to the SHACL shapes."""
    text = ("2022-08-30\n"
            "2021年11月29日至30日，中非合作论坛第八届部长级会议在达喀尔召开，会议审议通过了《中非合作论坛—达喀尔行动计划(2022-2024)》。\n"
            "澜湄合作国际秘书处设在澜湄合作框架内。澜湄合作中心于2017年成立。\n"
            "国家国际发展合作署地区一司负责相关工作，国家国际发展合作署列为国务院直属机构。\n"
            "2015年2月14日，由中国铁建承建的本格拉铁路建成通车。中方在中巴经济走廊框架下援建了瓜达尔港。\n"
            "2015年11月 | 南苏丹 | 联合国世界粮食计划署 | 500万美元 | 用于购买谷物\n"
            "外交部长王毅8月29日表示，中方将向巴基斯坦提供1亿元人民币紧急人道主义援助，其中有2.5万顶帐篷。\n"
            "拉丁美洲和非洲获得了中国对外援助总额的60%左右。\n"  # a share received alone
            "尼泊尔红十字会将获得中国红十字会20万美元的紧急现汇援助。\n")  # a body receives
    src = tmp_path / "news.txt"
    src.write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    run_kg("build", str(src), "--store", str(store), "--quiet", "--workers", "1")
    assert "conforms" in run_kg("validate", "--store", str(store)).stdout
    kinds_in_graph = run_kg("query", "--store", str(store), "--format", "csv",
                            "PREFIX hz: <https://w3id.org/hezuo/ontology#> SELECT DISTINCT ?c WHERE { ?f a ?c . "
                            "?c <http://www.w3.org/2000/01/rdf-schema#subClassOf> hz:Fact } ORDER BY ?c").stdout
    for kind in ("Affiliation", "AidStatistic", "MeetingReport", "ProgrammeReport", "ProjectReport", "Component"):
        assert f"ontology#{kind}" in kinds_in_graph, kinds_in_graph


# ---------------------------------------------------------------- issue 12: patterns that carry to unseen texts

def test_a_numbered_session_of_a_body_is_part_of_it(read):
    (f,) = kinds(read("2023年3月，第十四届全国人民代表大会第一次会议在北京召开。"), "MeetingReport")
    assert {("part_of", "全国人民代表大会"), ("date", "2023年3月"), ("location", "北京")} <= roles(f)


@pytest.mark.parametrize("sentence", ["中阿合作论坛北京峰会与利雅得峰会都取得了丰硕成果。",  # listed with one named in full
                                      "中阿合作论坛先后召开了北京峰会和利雅得峰会。"])  # the forum holds them
def test_a_meeting_named_without_its_forum_takes_it_from_the_sentence(read, sentence):
    got = {(f.get("meeting")[0].name, m.name) for f in kinds(read(sentence), "MeetingReport") for m in f.get("part_of")}
    assert got == {("北京峰会", "中阿合作论坛"), ("利雅得峰会", "中阿合作论坛")}


def test_no_forum_for_a_meeting_of_another_sentence_part(read):
    facts = read("中阿合作论坛取得丰硕成果；北京峰会将于明年举行。")
    assert not [f for f in kinds(facts, "MeetingReport") if f.get("part_of")]


@pytest.mark.parametrize("sentence, programme, partner", [
    ("中国—世界卫生组织合作基金已经启动。", "中国—世界卫生组织合作基金", "世界卫生组织"),  # named after both
    ("中国同非盟签署“一带一路”合作备忘录。", "一带一路", "非盟"),
    ("中方将同二十国集团成员一道落实“暂缓最贫困国家债务偿付倡议”。", "暂缓最贫困国家债务偿付倡议", "二十国集团"),
    ("“光明行”项目由联合国开发计划署负责实施。", "光明行", "联合国开发计划署"),
])
def test_partners_of_programmes(read, sentence, programme, partner):
    got = {(f.get("programme")[0].name.strip("“”"), m.name) for f in kinds(read(sentence), "Partnership")
           for m in f.get("partner")}
    assert got == {(programme, partner)}


@pytest.mark.parametrize("sentence", ["中国与世界卫生组织的“光明行”项目各自进行。", "“光明行”项目由中方出资，联合国开发计划署负责实施。"])
def test_no_partner_without_the_verb_in_the_clause(read, sentence):
    assert kinds(read(sentence), "Partnership") == []


def test_a_second_announcement_in_the_sentence_tops_up_the_fund_named_before(read):
    facts = read("2016年，李克强总理宣布设立中非产能合作基金，2019年他又宣布增资5亿美元。")
    first, second = kinds(facts, "Pledge")
    assert ("date", "2016年") in roles(first) and ("programme", "中非产能合作基金") in roles(first)
    assert {("date", "2019年"), ("programme", "中非产能合作基金"), ("amount", "5亿美元"),
            ("announced_by", "李克强")} <= roles(second)
    assert ("date", "2016年") not in roles(second)


def test_an_agenda_implemented_is_no_measure_announced(read):
    facts = read("习近平主席在多个场合宣布务实举措，为推动落实联合国2030年可持续发展议程提出中国方案。")
    assert kinds(facts, "Pledge") == []


def test_a_table_row_without_a_sum_gives_its_project_the_row(read):
    facts = read("2020年5月 | 尼泊尔 | 联合国开发计划署 | — | 签署协议，实施“尼泊尔山区学校重建项目”，惠及5000名学生")
    got = [roles(f) for f in kinds(facts, "AidDelivery") if f.rule == "aid:table-row-project"]
    assert len(got) == 1 and {("date", "2020年5月"), ("recipient", "尼泊尔"), ("partner", "联合国开发计划署")} <= got[0]


def test_a_project_paid_by_a_programme_is_part_of_it(read):
    facts = read("中方利用中非发展基金援建了蒙巴萨港口项目。")
    assert {(f.get("programme")[0].name, f.get("part_of")[0].name) for f in kinds(facts, "Component")} == {
        ("蒙巴萨港口项目", "中非发展基金")}
    assert kinds(read("中非发展基金成立后，中方援建了蒙巴萨港口项目。"), "Component") == []


def test_what_is_adopted_at_a_meeting_has_the_meetings_date_from_elsewhere(read):
    facts = read("中国—拉共体论坛首届部长级会议于2015年1月8日至9日在北京举行。"
                 "会后，中国—拉共体论坛首届部长级会议通过了《中国与拉美和加勒比国家合作规划（2015-2019）》。")
    (p,) = kinds(facts, "ProgrammeReport")
    assert {("announced_at", "中国—拉共体论坛首届部长级会议"), ("date", "2015年1月8日")} <= roles(p)


def test_the_place_one_comes_to_attend_a_meeting_is_its_location(read):
    (f,) = kinds(read("王毅来到纽约联合国总部，出席第79届联大。"), "MeetingReport")
    assert {("location", "纽约"), ("location", "联合国总部")} <= roles(f)
    (f,) = kinds(read("王毅离开纽约后，出席第79届联大。"), "MeetingReport")
    assert not f.get("location")


def test_a_sum_counts_the_flow_named_before_it_in_the_sentence(read):
    facts = read("2015年至2017年，中国对外援助资金分为三类。其二为无息贷款，三年共计50.5亿元人民币，占10.2%。")
    (f,) = [f for f in kinds(facts, "AidStatistic") if ("amount", "50.5亿元人民币") in roles(f)]
    assert f.literals["flowType"] == "interest-free-loan" and ("period", "2015年至2017年") in roles(f)
    (f,) = [f for f in kinds(read("中国免除了12个国家的到期无息贷款债务，累计金额达5亿元人民币。"), "AidStatistic")
            if {("theme", "5亿元人民币"), ("amount", "5亿元人民币")} & roles(f)]
    assert f.literals.get("flowType") != "interest-free-loan"  # a debt here, not the topic of the sum


def test_the_parts_of_a_total_after_a_colon_are_clauses_of_their_own(read):
    facts = read("到2015年底，中国对外提供的援助资金累计达到3000亿元人民币：无偿援助为1200亿元，优惠贷款为900亿元。")
    flows = {[*f.get("theme"), *f.get("amount")][0].text: f.literals.get("flowType") for f in kinds(facts, "AidStatistic")}
    assert flows == {"3000亿元人民币": None, "1200亿元": "grant", "900亿元": "concessional-loan"}


def test_the_lender_who_raises_a_loans_capital_is_its_partner(read):
    facts = read("优惠贷款的本金由中国进出口银行在市场上筹集。2016年，中国提供优惠贷款80亿元人民币。")
    (s,) = [f for f in facts if ("amount", "80亿元人民币") in roles(f)]
    assert ("partner", "中国进出口银行") in roles(s)


def test_the_size_and_term_after_a_named_measure_are_its_own(read):
    facts = read("习近平主席宣布，中国将设立中非和平发展基金，为期10年，总额10亿美元，并提供5亿美元紧急援助。")
    fund, aid = kinds(facts, "Pledge")
    assert {("programme", "中非和平发展基金"), ("period", "10年"), ("amount", "10亿美元")} <= roles(fund)
    assert ("amount", "5亿美元") in roles(aid) and ("amount", "5亿美元") not in roles(fund)
    (f,) = kinds(read("2015年，中国设立了南南合作援助基金，首期资金20亿美元。"), "AidStatistic")
    assert {("programme", "南南合作援助基金"), ("amount", "20亿美元")} <= roles(f)


def test_debt_cancelled_is_debt_relief_however_long_the_list_of_debtors(read):
    (p,) = kinds(read("中国宣布免除对有关最不发达国家截至2015年底到期未还的政府间无息贷款债务。"), "Pledge")
    assert p.literals["flowType"] == "debt-relief"


def test_the_fund_that_pays_and_the_organisation_that_runs_it(read):
    facts = read("由中国政府通过全球发展和南南合作基金支持、世界粮食计划署实施的老挝学校供餐项目在万象启动。")
    got = {(f.get("programme")[0].name, f.get("partner")[0].name) for f in kinds(facts, "Partnership")}
    assert got == {("全球发展和南南合作基金", "世界粮食计划署"), ("老挝学校供餐项目", "世界粮食计划署")}
    (p,) = kinds(facts, "ProjectReport")
    assert ("location", "万象") in roles(p)
    facts = read("中国通过全球发展和南南合作基金向老挝提供粮食援助，由世界粮食计划署负责实施。")
    assert {(f.get("programme")[0].name, f.get("partner")[0].name) for f in kinds(facts, "Partnership")} == {
        ("全球发展和南南合作基金", "世界粮食计划署")}
    assert kinds(read("全球发展和南南合作基金成立三年，世界粮食计划署发布了报告。"), "Partnership") == []


@pytest.mark.parametrize("sentence", [
    "根据中国—拉共体论坛首届部长级会议通过的《中国与拉美和加勒比国家合作规划（2015-2019）》，双方将加强合作。",
    "《中国与拉美和加勒比国家合作规划（2015-2019）》于2015年1月在中国—拉共体论坛首届部长级会议上通过。"])
def test_a_plan_adopted_at_a_meeting_either_way_round(read, sentence):
    (p,) = kinds(read(sentence), "ProgrammeReport")
    assert {("announced_at", "中国—拉共体论坛首届部长级会议"), ("period", "（2015-2019）")} <= roles(p)


def test_the_meeting_a_sentence_refers_to_without_naming_it(read):
    facts = read("2018年9月，中非合作论坛北京峰会在北京举行。会上，习近平主席宣布中方将提供600亿美元支持。")
    (p,) = kinds(facts, "Pledge")
    assert {("announced_at", "中非合作论坛北京峰会"), ("date", "2018年9月"), ("announced_by", "习近平")} <= roles(p)
    facts = read("中阿合作论坛第九届部长级会议在北京召开。会议审议通过了《中阿合作论坛2020年至2022年行动执行计划》。")
    (p,) = kinds(facts, "ProgrammeReport")
    assert ("announced_at", "中阿合作论坛第九届部长级会议") in roles(p)
    facts = read("中非合作论坛北京峰会在北京举行。发言人在例行记者会上宣布，中方将提供600亿美元支持。")
    assert not kinds(facts, "Pledge")[0].get("announced_at")  # 记者会上 is no reference to the summit


def test_a_title_line_naming_a_plan_with_its_years_gives_the_plan_and_its_period(read):
    facts = read("中非农业合作三年行动计划(2019-2021)(摘要)\n\n双方将落实行动计划。")
    got = {(f.get("programme")[0].name, m.value["value"]) for f in kinds(facts, "ProgrammeReport") for m in f.get("period")}
    assert got == {("中非农业合作三年行动计划(2019-2021)", "2019/2021")}
    facts = read("双方同意在2019年至2021年实施农业合作计划(2019-2021)等多个项目，并加强交流。")  # prose, not a title line
    assert not [m for f in facts for _, m in f.roles if m.rule == "title:plan-with-years"]


def test_a_running_count_has_no_date_but_a_sum_as_of_a_year_does(read):
    facts = read("截至2020年底，中国累计向58个国家派遣医疗队，累计援助金额达300亿元人民币。")
    dates = {[*f.get("theme"), *f.get("amount")][0].text: [m.text for m in f.get("date")] for f in kinds(facts, "AidStatistic")}
    assert dates == {"58个国家": [], "300亿元人民币": ["2020年底"]}


def test_measures_listed_with_their_own_verbs_are_pledges_of_their_own(read):
    facts = read("2021年，李克强总理在第76届世界卫生大会上宣布，提供5亿美元紧急援助、在曼谷设立东亚减贫中心、建立20个农业示范中心。")
    got = [(sorted(m.text for m in p.get("programme")), sorted(m.text for m in [*p.get("amount"), *p.get("theme")]))
           for p in kinds(facts, "Pledge")]
    assert len(got) == 3 and got[0] == ([], ["5亿美元"]) and all(p.get("announced_at") for p in kinds(facts, "Pledge"))
    facts = read("李克强总理宣布，中方将实施50个“光明行”、30个“万村通”项目。")  # no verb after 、: one measure
    assert len(kinds(facts, "Pledge")) == 2 and all(p.rule == "pledge:announcement" for p in kinds(facts, "Pledge"))


def test_who_receives_a_share_of_the_aid(read):
    facts = read("拉丁美洲和非洲获得了中国对外援助总额的60%左右。")
    (f,) = kinds(facts, "AidStatistic")
    assert {("recipient", "拉丁美洲"), ("recipient", "非洲"), ("theme", "60%")} <= roles(f)
    assert kinds(read("非洲获得了长足发展，占世界的20%。"), "AidStatistic") == []  # no aid received
    (f,) = kinds(read("尼泊尔红十字会将获得中国红十字会20万美元的紧急现汇援助。"), "AidStatistic")
    assert {("recipient", "尼泊尔红十字会"), ("theme", "20万美元")} <= roles(f)



def test_a_quoted_part_of_a_forum_is_named_and_part_of_it(read):
    for sentence, part, whole in (("双方支持“中非合作论坛—青年创新论坛”。", "中非合作论坛—青年创新论坛", "中非合作论坛"),
                                  ("“全球发展倡议合作平台”已经建立。", "全球发展倡议合作平台", "全球发展倡议")):
        got = {(f.get("programme")[0].name, f.get("part_of")[0].name) for f in kinds(read(sentence), "Component")}
        assert got == {(part, whole)}
    assert kinds(read("双方重申“中非合作论坛”的重要作用。"), "Component") == []  # the whole alone
    assert kinds(read("双方支持“中非合作论坛—智库联盟”。"), "Component") == []  # a body of a kind the name does not say


@pytest.mark.parametrize("sentence, whole, money", [
    ("蒙内铁路总投资38亿美元，由中国进出口银行提供贷款。", "蒙内铁路", "38亿美元"),  # a project's total investment
    ("中国企业捐出200万美元，注入南南合作援助基金。", "南南合作援助基金", "200万美元"),  # the fund it goes into
])
def test_the_sum_a_named_project_or_fund_amounts_to(read, sentence, whole, money):
    (f,) = kinds(read(sentence), "AidStatistic")
    assert {("programme", whole), ("amount", money)} <= roles(f)


def test_no_fund_for_a_sum_that_goes_elsewhere(read):
    (f,) = kinds(read("中国企业捐出200万美元，南南合作援助基金另行安排。"), "AidStatistic")
    assert not f.get("programme")


def test_the_fund_a_table_rows_prose_names_is_the_rows_programme(read):
    facts = read("2018年3月 | 尼泊尔 | 联合国开发计划署 | 300万美元 | 南南合作援助基金在尼实施的第三个项目")
    (f,) = [f for f in kinds(facts, "AidStatistic") if f.rule == "aid:table-row"]
    assert {("programme", "南南合作援助基金"), ("partner", "联合国开发计划署"), ("recipient", "尼泊尔")} <= roles(f)


@pytest.mark.parametrize("sentence, part, whole", [
    ("南南合作援助基金项目库公布了首批项目。", "南南合作援助基金项目库", "南南合作援助基金"),
    ("中方经由中巴经济走廊能源电力合作框架提供了物资。", "中巴经济走廊能源电力合作框架", "中巴经济走廊"),
])
def test_a_programmes_name_run_on_into_a_part_of_it(read, sentence, part, whole):
    got = {(f.get("programme")[0].name, f.get("part_of")[0].name) for f in kinds(read(sentence), "Component")}
    assert got == {(part, whole)}


@pytest.mark.parametrize("sentence", ["中方在中巴经济走廊合作框架下援建了学校。", "依托“一带一路”合作平台，加大援助力度。"])
def test_no_part_where_the_programme_is_the_frame_or_the_platform(read, sentence):
    assert not [f for f in kinds(read(sentence), "Component") if f.rule == "part_of:name-begins-with-whole"]


def test_the_date_of_a_sum_stops_at_a_semicolon(read):
    facts = read("2021年10月，中方签署了援助协议；同期中国对东非的粮食援助总额为4亿元人民币，2022年3月又追加了1亿元人民币。")
    dates = {[*f.get("theme"), *f.get("amount")][0].text: [m.text for m in f.get("date")] for f in kinds(facts, "AidStatistic")}
    assert dates == {"4亿元人民币": [], "1亿元人民币": ["2022年3月"]}


def test_the_country_a_headline_says_is_aided_receives_the_sums_that_name_none(read):
    facts = read("中国紧急驰援尼泊尔抗震救灾\n\n中方决定提供2000万元人民币紧急援助。另外，中国红十字会捐赠100万美元。")
    # (中方决定提供… is a pledge: its sum is its amount)
    got = {(f.get("theme") or f.get("amount"))[0].text: [m.name for m in f.get("recipient")]
           for f in kinds(facts, "AidStatistic") + kinds(facts, "Pledge")}
    assert got == {"2000万元人民币": ["尼泊尔"], "100万美元": ["尼泊尔"]}
    facts = read("中国紧急驰援尼泊尔和印度\n\n中方决定提供2000万元人民币紧急援助。")  # two countries: which one is not said
    assert [f.get("recipient") for f in kinds(facts, "AidStatistic") + kinds(facts, "Pledge")] == [[]]


def test_a_projects_handover_ceremony_gives_its_date_and_place(read):
    (p,) = kinds(read("老挝学校供餐项目交接仪式于10日在万象举行。"), "ProjectReport")
    assert {("date", "10日"), ("location", "万象")} <= roles(p)


def test_the_time_since_an_announcement_is_no_announcement(read):
    assert kinds(read("倡议提出5年来，中方设立的合作基金已为120多个项目提供资金。"), "Pledge") == []
    assert len(kinds(read("习近平主席宣布3年内提供20亿美元援助。"), "Pledge")) == 1  # a term, not a time since


def test_a_country_that_only_modifies_the_subject_is_no_announcer(read):
    (p,) = kinds(read("中国企业提出捐助5万支疫苗。"), "Pledge")
    assert not p.get("announced_by")
    (p,) = kinds(read("中国政府已宣布捐助5万支疫苗。"), "Pledge")
    assert [m.text for m in p.get("announced_by")] == ["中国政府"]


def test_the_number_of_the_countries_just_named_is_no_figure_of_aid(read):
    facts = read("中方决定援助尼泊尔和不丹两国，并向斯里兰卡等12个国家提供粮食援助。")
    # (a decision of China's is a pledge: the count of the countries it is for is one of its roles)
    assert [m.text for f in kinds(facts, "AidStatistic") + kinds(facts, "Pledge") for r, m in f.roles
            if r in ("theme", "amount")] == ["12个国家"]


def test_the_beneficiary_stops_before_adverbs_of_the_verb(read):
    facts = read("2021年11月，习近平宣布，中方将向非方再提供10亿剂疫苗，并向东盟国家继续提供5亿元人民币无偿援助。")
    pledges = kinds(facts, "Pledge")
    assert sorted(f.literals.get("beneficiary", "") for f in pledges) == ["", "东盟国家"]
    assert [m.text for f in pledges for m in f.get("recipient")] == ["非方", "东盟"]  # 非方: Africa


def test_a_list_item_labels_its_event_without_its_number(read):
    """A measure listed after an announcement is labelled by its text, not by （二） or 一是 before it."""
    facts = read("2018年9月3日，习近平在峰会上宣布，中国将再向非洲提供600亿美元支持，其中包括：\n"
                 "（一）提供150亿美元的无偿援助、无息贷款和优惠贷款；\n"
                 "（二）提供200亿美元的信贷资金额度；\n"
                 "一是提供30亿美元的发展资金。")
    labels = [f.label for f in facts if f.kind in ("Pledge", "AidStatistic")]
    assert "提供200亿美元的信贷资金额度" in labels and "提供30亿美元的发展资金" in labels, labels
    assert not [label for label in labels if label.startswith(("（", "(", "一是"))], labels
    # the figures listed after the announcement are measures announced: pledges, their sums pledged
    (credit,) = [f for f in facts if f.label == "提供200亿美元的信贷资金额度"]
    assert credit.kind == "Pledge" and {("amount", "200亿美元"), ("announced_by", "习近平")} <= roles(credit)


def test_what_was_given_is_named_without_what_happened_to_it_after(read):
    (delivery,) = kinds(read("中方向布基纳法索提供的紧急粮食援助项目近日交付，援助金额200万美元。"), "AidDelivery")
    assert delivery.label == "紧急粮食援助项目", delivery.label
    (delivery,) = kinds(read("中国政府向叙利亚提供的地震救灾物资已运抵大马士革。"), "AidDelivery")
    assert delivery.label == "地震救灾物资" and ("location", "大马士革") in roles(delivery), (delivery.label, roles(delivery))


@pytest.mark.parametrize("text, date, place", [
    ("中国政府援助汤加的第二批救灾物资27日运抵汤加首都努库阿洛法。", "27日", "努库阿洛法"),
    ("中国援助莫桑比克的首批救灾物资12日运抵贝拉市。", "12日", "贝拉市"),
    ("中国政府向斐济提供的第三批援助物资于2023年3月5日顺利运抵斐济首都苏瓦。", "2023年3月5日", "苏瓦"),
])
def test_goods_that_arrive_are_delivered_there_on_that_day(read, text, date, place):
    (delivery,) = kinds(read(text), "AidDelivery")
    assert ("date", date) in roles(delivery) and ("location", place) in roles(delivery), roles(delivery)
    assert "运抵" not in delivery.label  # the goods, not their arrival


def test_the_day_of_a_dateline_dates_a_pledge_only_when_no_other_day_is_said(read):
    said = read("新华社北京2021年8月3日电 外交部长王毅2日在中国—东盟外长会上宣布，中方将向东盟国家再提供1.5亿剂疫苗。")
    (pledge,) = kinds(said, "Pledge")
    assert ("date", "2日") in roles(pledge) and ("announced_by", "王毅") in roles(pledge)
    assert ("announced_at", "中国—东盟外长会") in roles(pledge), roles(pledge)
    (pledge,) = kinds(read("新华社北京2021年8月3日电 中国政府宣布向汤加提供100万美元紧急援助。"), "Pledge")
    assert ("date", "2021年8月3日") in roles(pledge)


def test_the_same_person_announcing_again_keeps_the_occasion_and_who_acts_is_a_partner(read):
    facts = read("2023年10月18日，第三届“一带一路”国际合作高峰论坛在北京开幕。国家主席习近平出席开幕式并发表主旨演讲，"
                 "宣布中国支持高质量共建“一带一路”的八项行动。习近平宣布，国家开发银行、中国进出口银行将各设立"
                 "3500亿元人民币融资窗口，丝路基金新增资金800亿元人民币，以市场化、商业化方式支持共建“一带一路”项目。")
    pledges = kinds(facts, "Pledge")
    # the programme a measure serves (共建“一带一路”) is no measure of its own; a count in a name is no amount
    assert [p.label for p in pledges][0] == "八项行动" and ("amount", "八项") not in roles(pledges[0])
    assert not [p for p in pledges if p.label == "一带一路"], [p.label for p in pledges]
    windows, fund = pledges[1:]
    for p in (windows, fund):  # the next sentence: the same person, so the same summit and day
        assert {("announced_by", "习近平"), ("date", "2023年10月18日"),
                ("announced_at", "第三届一带一路国际合作高峰论坛")} <= roles(p), roles(p)  # (names without quotes)
    # the banks that set the windows up act; the fund topped up is the programme
    assert {("partner", "国家开发银行"), ("partner", "中国进出口银行")} <= roles(windows)
    assert not windows.get("programme") and ("programme", "丝路基金") in roles(fund)


def test_another_occasion_between_keeps_its_own(read):
    facts = read("2018年9月3日，习近平在中非合作论坛北京峰会上宣布，中方将提供600亿美元支持。"
                 "2021年11月29日，习近平宣布，中方将向非方提供10亿剂疫苗。")
    first, second = kinds(facts, "Pledge")
    assert ("date", "2021年11月29日") in roles(second) and not second.get("announced_at"), roles(second)


@pytest.mark.parametrize("text, partners, date", [
    # builders and lenders listed before the project, each with what it does
    ("2022年5月31日，由中国路桥公司承建、中国进出口银行提供贷款的肯尼亚蒙内铁路迎来通车五周年。",
     {"中国路桥公司", "中国进出口银行"}, "2022年5月31日"),
    # who carried out the works (施工), and a plant that went into operation (投产) on a day
    ("中国水电八局施工的卡鲁玛水电站于2024年投产。", {"中国水电八局"}, "2024年"),
])
def test_the_makers_of_a_project_named_before_it_are_its_partners(read, text, partners, date):
    (report,) = kinds(read(text), "ProjectReport")
    assert {m.name for m in report.get("partner")} == partners and ("date", date) in roles(report), roles(report)


def test_what_china_will_do_is_a_pledge_of_china(read):
    """A plan's measures (3.1.1 中方将…): pledges of China's, their figures the amounts pledged, the clause that
    goes on with the same subject too; what China has done stays a figure."""
    facts = read("3.1.1 中方将为非洲援助实施10个减贫和农业项目，向非洲派遣500名农业专家。"
                 "中国已向非洲派遣500名农业专家。")
    pledges = kinds(facts, "Pledge")
    assert [p.label for p in pledges] == ["中方将为非洲援助实施10个减贫和农业项目", "向非洲派遣500名农业专家"]
    assert all(("announced_by", "中方") in roles(p) and p.get("amount") for p in pledges)
    (done,) = kinds(facts, "AidStatistic")
    assert not done.get("announced_by") and done.get("theme")


def test_a_table_row_names_its_project_and_one_event_tells_it(read):
    """A row with a cell of the project's name: the project delivered, to the country of its cell, with the
    organisation of its cell; one event for the row, not also one for the country in the project's name."""
    facts = read("序号 | 项目名称 | 合作伙伴 | 受援国 | 金额（万美元）\n"
                 "2 | 也门儿童营养改善项目 | 联合国儿童基金会 | 也门 | 200")
    (row,) = kinds(facts, "AidDelivery")
    assert roles(row) == {("deliverable", "也门儿童营养改善项目"), ("recipient", "也门"), ("partner", "联合国儿童基金会")}


def test_a_delivery_that_tells_no_more_than_its_clauses_pledge_is_not_a_second_event(read):
    facts = read("新华社北京2021年8月3日电 中国政府宣布向汤加提供100万美元紧急援助。")
    assert [f.kind for f in facts] == ["Pledge"], [(f.kind, roles(f)) for f in facts]


def test_measures_listed_after_an_announcement_are_its_pledges(read):
    """The items after …宣布…其中包括： are measures announced, each read like the clauses after the verb:
    a fund set up with its sum, by the person, at the meeting, on the day the lead says."""
    facts = read("2018年9月3日，国家主席习近平在中非合作论坛北京峰会开幕式上宣布，中国将再向非洲提供600亿美元支持，"
                 "其中包括：\n（一）提供150亿美元的无偿援助、无息贷款和优惠贷款；\n"
                 "（三）支持设立100亿美元的中非开发性金融专项资金和50亿美元的自非洲进口贸易融资专项资金。\n"
                 "会议期间，双方签署了多项合作文件。")
    funds = [f for f in kinds(facts, "Pledge") if f.get("programme")]
    assert {m.name for f in funds for m in f.get("programme")} >= {"中非开发性金融专项资金"}, [roles(f) for f in funds]
    for f in funds:
        assert {("announced_by", "习近平"), ("announced_at", "中非合作论坛北京峰会"), ("date", "2018年9月3日")} <= roles(f)
    fund = next(f for f in funds if ("programme", "中非开发性金融专项资金") in roles(f))
    assert ("amount", "100亿美元") in roles(fund), roles(fund)
    # the list ends where a sentence is no item: nothing after it is announced
    assert not [f for f in facts if "签署" in f.text and f.kind == "Pledge"]
    # items with no figure are measures too: the programmes they set up or carry out
    facts = read("2018年9月3日，国家主席习近平在中非合作论坛北京峰会开幕式上宣布：\n（一）设立中非发展基金；\n"
                 "（二）实施“八大行动”，支持非洲国家发展。\n会议期间，双方签署了多项合作文件。")
    named = {m.name: f for f in kinds(facts, "Pledge") for m in f.get("programme")}
    assert set(named) == {"中非发展基金", "八大行动"}, [roles(f) for f in facts]
    assert all(("announced_by", "习近平") in roles(f) and ("date", "2018年9月3日") in roles(f) for f in named.values())


def test_traditional_text_gives_one_event_per_thing_told_and_a_handed_over_project_its_day(read):
    facts = read("中國政府透過聯合國兒童基金會向馬拉維提供100萬美元人道主義援助，用於受災兒童及其家庭重建生活。")
    assert [f.kind for f in facts] == ["AidStatistic"], [(f.kind, roles(f)) for f in facts]
    (report,) = kinds(read("中國援建的寮國國家體育場已於2021年11月交付使用。"), "ProjectReport")
    assert ("date", "2021年11月") in roles(report)


@pytest.mark.parametrize("text, goods, country", [
    ("中国援助的首批抗疫物资已分发给斯里兰卡北部受灾民众。", "首批抗疫物资", "斯里兰卡"),
    ("中国捐赠的疫苗已交付给柬埔寨卫生部。", "疫苗", "柬埔寨"),
    ("中方将把这批粮食移交给阿富汗。", "这批粮食", "阿富汗"),
])
def test_goods_handed_to_a_country_are_delivered_to_it(read, text, goods, country):
    (delivery,) = kinds(read(text), "AidDelivery")
    assert delivery.label == goods and ("recipient", country) in roles(delivery), (delivery.label, roles(delivery))


def test_a_pledge_said_in_a_speech_at_a_summit_is_announced_there(read):
    (pledge,) = kinds(read("习近平以视频方式出席中国—中亚峰会并发表讲话，宣布中方将向中亚国家提供260亿元人民币融资支持。"), "Pledge")
    assert {("announced_by", "习近平"), ("announced_at", "中国—中亚峰会"), ("amount", "260亿元人民币")} <= roles(pledge)
