"""Each competency question in queries/ returns the answers the bundled white paper gives.

Expected rows were written by reading corpus/000_faed074d8c3da792.txt, not by running the queries.
Queries run through the CLI (`kg query --format json`), as a user runs them.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from conftest import QUERIES, run_kg


def rows(store, name: str) -> list[dict[str, str]]:
    out = run_kg("query", str(QUERIES / name), "--store", str(store), "--format", "json").stdout
    data = json.loads(out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def column(store, name: str, var: str) -> list[str]:
    return [r.get(var) for r in rows(store, name)]


def test_every_query_file_says_what_it_answers():
    files = sorted(QUERIES.glob("*.rq"))
    assert len(files) >= 8
    for f in files:
        first = f.read_text(encoding="utf-8").lstrip().splitlines()[0]
        assert first.startswith("#") and len(first) > 20, f.name


def test_airport_upgrade_recipients(corpus_store):
    # 中国帮助巴基斯坦、尼泊尔、马尔代夫、柬埔寨、赞比亚、津巴布韦、多哥等国实施机场升级扩建项目
    assert set(column(corpus_store, "01-airport-upgrade-recipients.rq", "iso3")) == {
        "PAK", "NPL", "MDV", "KHM", "ZMB", "ZWE", "TGO"}


def test_fund_partner_organisations(corpus_store):
    # 中国与联合国开发计划署、世界粮食计划署、世界卫生组织、联合国儿童基金会、联合国人口基金、联合国难民署、
    # 国际移民组织、国际红十字会等14个国际组织实施项目82个
    names = set(column(corpus_store, "02-fund-partner-organisations.rq", "name"))
    assert names == {"联合国开发计划署", "世界粮食计划署", "世界卫生组织", "联合国儿童基金会", "联合国人口基金",
                     "联合国难民署", "国际移民组织", "国际红十字会"}
    wikidata = {r["name"]: r.get("wikidata") for r in rows(corpus_store, "02-fund-partner-organisations.rq")}
    assert wikidata["联合国开发计划署"] == "http://www.wikidata.org/entity/Q161718"
    assert wikidata["国际红十字会"] is None  # ICRC or IFRC: not linked on a guess


def test_summits_with_announcements_and_dates(corpus_store):
    got = rows(corpus_store, "03-summits-with-announcements.rq")
    dates = [r["date"] for r in got]
    assert dates == sorted(dates)
    # the text's dates; where a year is part of the meeting's name (2017年首届...), the lexicon's
    # date of that meeting (same year, finer) stands in
    expected = [("2015-09", "70周年"), ("2015-12", "约翰内斯堡峰会"), ("2017", "首届"), ("2018-09", "北京峰会"),
                ("2019", "第二届"), ("2020-05-18", "世界卫生大会"), ("2020-06", "抗疫特别峰会")]
    assert len(got) == len(expected)
    for row, (date, fragment) in zip(got, expected):
        assert row["date"].startswith(date) and fragment in row["name"], (row, date, fragment)


def test_aid_amounts_and_shares(corpus_store):
    got = {(Decimal(r["amount"]), r["currency"], Decimal(r["share"])) for r in
           rows(corpus_store, "04-aid-amounts-and-shares.rq")}
    # 无偿援助1278亿元人民币 47.30%; 无息贷款113亿元人民币 4.18%; 援外优惠贷款1311亿元人民币 48.52%
    assert got == {(Decimal("127800000000"), "CNY", Decimal("47.3")),
                   (Decimal("11300000000"), "CNY", Decimal("4.18")),
                   (Decimal("131100000000"), "CNY", Decimal("48.52"))}


def test_container_inspection_recipients(corpus_store):
    # 向格鲁吉亚、亚美尼亚、坦桑尼亚、肯尼亚、菲律宾等20多个国家援助了集装箱检查设备
    assert set(column(corpus_store, "05-container-inspection-recipients.rq", "iso3")) == {
        "GEO", "ARM", "TZA", "KEN", "PHL"}


def test_projects_by_country(corpus_store):
    got = {(r["countryName"], r["projectName"]) for r in rows(corpus_store, "06-projects-by-country.rq")}
    assert {("巴基斯坦", "白沙瓦—卡拉奇高速公路"), ("巴基斯坦", "喀喇昆仑公路"),
            ("毛里塔尼亚", "毛里塔尼亚友谊港扩建项目"), ("白俄罗斯", "中国—白俄罗斯工业园"),
            ("吉尔吉斯斯坦", "吉尔吉斯斯坦南北公路"), ("塔吉克斯坦", "塔吉克斯坦道路修复项目"),
            ("孟加拉国", "孟加拉国油轮和散货船项目")} <= got
    assert not any(country == "中国" for country, _ in got)


def test_countries_with_links_match_the_gold_countries(corpus_store):
    gold = json.loads((QUERIES.parent / "tests" / "gold" / "000_faed074d8c3da792.json").read_text(encoding="utf-8"))
    expected = {e["qid"] for e in gold["entities"] if e["type"] == "COUNTRY"}
    got = rows(corpus_store, "07-countries-with-links.rq")
    assert len(got) == len(expected)
    assert {r["wikidata"].rsplit("/", 1)[1] for r in got} == expected
    assert all(r["geonames"].startswith("https://sws.geonames.org/") for r in got)
    top = got[0]
    assert top["name"] == "中国" and int(top["mentions"]) > 100


def test_institution_founding(corpus_store):
    # 2018年4月，中国成立国家国际发展合作署，作为国务院直属机构
    got = rows(corpus_store, "08-institution-founding.rq")
    assert [(r["name"], r["date"]) for r in got] == [("国家国际发展合作署", "2018-04")]


def test_money_announced(corpus_store):
    got = [(Decimal(r["amount"]), r["currency"], r.get("meetingName", "")) for r in
           rows(corpus_store, "09-money-announced.rq")]
    amounts = [(a, c) for a, c, _ in got]
    # 2017 Belt and Road Forum: 600亿元人民币, 20亿元人民币, 10亿美元 (fund), 10亿美元 (organisations);
    # 73rd World Health Assembly: 20亿美元
    assert amounts == [(Decimal("60000000000"), "CNY"), (Decimal("2000000000"), "CNY"),
                       (Decimal("1000000000"), "USD"), (Decimal("1000000000"), "USD"),
                       (Decimal("2000000000"), "USD")]
    assert all("高峰论坛" in m for _, _, m in got[:4])
    assert "世界卫生大会" in got[4][2]


def test_regions_country_counts(corpus_store):
    # 亚洲地区30国，非洲地区53国，大洋洲地区9国，拉丁美洲和加勒比地区22国，欧洲地区8国
    got = {r["region"]: int(Decimal(r["countries"])) for r in rows(corpus_store, "10-regions-country-counts.rq")}
    assert got == {"亚洲": 30, "非洲": 53, "大洋洲": 9, "拉丁美洲和加勒比": 22, "欧洲": 8}


@pytest.mark.parametrize("query", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_query_runs_in_every_output_format(corpus_store, query):
    for fmt in ("table", "csv", "tsv"):
        proc = run_kg("query", str(QUERIES / query), "--store", str(corpus_store), "--format", fmt)
        assert proc.stdout.strip()


def test_aid_events_by_recipient(corpus_store):
    """The white paper: airports for Pakistan, Nepal ... (a delivery), and 中国 never as a recipient."""
    got = rows(corpus_store, "17-aid-events-by-recipient.rq")
    airports = {r["recipient"] for r in got if r["kind"] == "delivery" and "机场" in r["what"]}
    assert {"巴基斯坦", "尼泊尔", "马尔代夫", "柬埔寨", "赞比亚", "津巴布韦", "多哥"} <= airports
    assert "中国" not in {r["recipient"] for r in got}
    assert all(r["clause"] for r in got)
