"""The Wikidata ids of places and regions: from data with a recorded origin, one place per id, never guessed.

The ids of cities come from the dr5hn countries-states-cities database (``make gazetteer``); they are
checked here against capitals of countries whose Wikidata ids are common knowledge (not names of the gold).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict

import pytest

from kg.extract import lexicon
from kg.resources import package_file
from test_nlp import tag

# Capitals (and two very large cities) with their Wikidata items, by ISO country code and GeoNames English name.
CAPITALS = {
    ("FR", "Paris"): "Q90", ("GB", "London"): "Q84", ("DE", "Berlin"): "Q64", ("IT", "Rome"): "Q220",
    ("ES", "Madrid"): "Q2807", ("RU", "Moscow"): "Q649", ("JP", "Tokyo"): "Q1490", ("CN", "Beijing"): "Q956",
    ("KR", "Seoul"): "Q8684", ("IN", "New Delhi"): "Q987", ("PK", "Islamabad"): "Q1362", ("EG", "Cairo"): "Q85",
    ("KE", "Nairobi"): "Q3870", ("ET", "Addis Ababa"): "Q3624", ("AT", "Vienna"): "Q1741", ("CA", "Ottawa"): "Q1930",
    ("AU", "Canberra"): "Q3114", ("BR", "Brasília"): "Q2844", ("AR", "Buenos Aires"): "Q1486", ("PE", "Lima"): "Q2868",
    ("TH", "Bangkok"): "Q1861", ("VN", "Hanoi"): "Q1858", ("ID", "Jakarta"): "Q3630", ("PH", "Manila"): "Q1461",
    ("AF", "Kabul"): "Q5838", ("IR", "Tehran"): "Q3616", ("IQ", "Baghdad"): "Q1530", ("SA", "Riyadh"): "Q3692",
    ("TR", "Ankara"): "Q3640", ("GR", "Athens"): "Q1524", ("PT", "Lisbon"): "Q597", ("PL", "Warsaw"): "Q270",
    ("CZ", "Prague"): "Q1085", ("HU", "Budapest"): "Q1781", ("SE", "Stockholm"): "Q1754", ("NO", "Oslo"): "Q585",
    ("FI", "Helsinki"): "Q1757", ("DK", "Copenhagen"): "Q1748", ("IE", "Dublin"): "Q1761", ("BE", "Brussels"): "Q239",
    ("NL", "Amsterdam"): "Q727", ("CH", "Bern"): "Q70", ("UA", "Kyiv"): "Q1899", ("BY", "Minsk"): "Q2280",
    ("BD", "Dhaka"): "Q1354", ("NP", "Kathmandu"): "Q3037", ("LA", "Vientiane"): "Q9326", ("KH", "Phnom Penh"): "Q1850",
    ("MY", "Kuala Lumpur"): "Q1865", ("MX", "Mexico City"): "Q1489", ("CU", "Havana"): "Q1563",
    ("CL", "Santiago"): "Q2887", ("CO", "Bogotá"): "Q2841", ("VE", "Caracas"): "Q1533", ("SN", "Dakar"): "Q3718",
    ("GH", "Accra"): "Q3761", ("NG", "Abuja"): "Q3787", ("CD", "Kinshasa"): "Q3838", ("AO", "Luanda"): "Q3897",
    ("ZW", "Harare"): "Q3921", ("ZM", "Lusaka"): "Q3881", ("UG", "Kampala"): "Q3894", ("RW", "Kigali"): "Q3859",
    ("SD", "Khartoum"): "Q1963", ("DZ", "Algiers"): "Q3561", ("TN", "Tunis"): "Q3572", ("MA", "Rabat"): "Q3551",
    ("SY", "Damascus"): "Q3766", ("LB", "Beirut"): "Q3820", ("JO", "Amman"): "Q3805", ("QA", "Doha"): "Q3861",
    ("UZ", "Tashkent"): "Q269", ("KG", "Bishkek"): "Q9361", ("TJ", "Dushanbe"): "Q9365", ("AZ", "Baku"): "Q9248",
    ("GE", "Tbilisi"): "Q994", ("AM", "Yerevan"): "Q1953", ("RS", "Belgrade"): "Q3711", ("RO", "Bucharest"): "Q19660",
    ("BG", "Sofia"): "Q472", ("HR", "Zagreb"): "Q1435", ("LT", "Vilnius"): "Q216", ("LV", "Riga"): "Q1773",
    ("EE", "Tallinn"): "Q1770", ("NZ", "Wellington"): "Q23661", ("UY", "Montevideo"): "Q1335", ("EC", "Quito"): "Q2900",
    ("SO", "Mogadishu"): "Q2449", ("US", "New York City"): "Q60", ("PK", "Karachi"): "Q8660",
}


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with package_file("extract", "data", "lexicon", "places.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_capitals_get_their_own_item_or_none(rows):
    by_name = {(r["country"], r["name_en"]): r["wikidata"] for r in rows}
    present = {k: by_name[k] for k in CAPITALS if k in by_name}
    assert len(present) >= 85
    wrong = {k: q for k, q in present.items() if q and q != CAPITALS[k]}
    assert wrong == {}  # e.g. dr5hn gives Tbilisi the id of a town elsewhere in Georgia: dropped, not used
    assert sum(1 for q in present.values() if q) >= 65  # 68: ids filled down in dr5hn go to the first of the run only


def test_every_id_has_its_origin_and_a_geonames_city(rows):
    linked = [r for r in rows if r["wikidata"]]
    assert len(linked) > 6500
    for r in linked:
        assert re.fullmatch(r"Q[1-9][0-9]*", r["wikidata"]), r
        assert r["geonames"] and "dr5hn wikiDataId" in r["source"], r
    assert not any("dr5hn" in r["source"] for r in rows if not r["wikidata"])


def test_no_id_names_two_entities():
    lex = lexicon.load()
    for target in ("wikidata", "geonames", "dbpedia"):
        keys_of = defaultdict(set)
        for key, e in lex.entries.items():
            if e.links.get(target):
                keys_of[e.links[target]].add(key)
        assert {q: k for q, k in keys_of.items() if len(k) > 1} == {}, target
    assert lex["country/SGP"].links["wikidata"] == "Q334"  # a city-state's id stays the country's


def test_own_places_join_the_city_of_their_country_only():
    lex = lexicon.load()
    assert lex["place/shanghai"].links.get("geonames") == "1796236"  # by English name and country (上海 → Shanghai)
    assert lex["place/shanghai"].links.get("wikidata") == "Q8686"  # dr5hn filled it down to Shangjie and Shangmei too
    assert lex["place/karachi"].links == {"geonames": "1174872", "wikidata": "Q8660"}
    # 湖南 is also GeoNames' Chinese name of Konan, Japan: the province of China does not take that city's ids
    assert "geonames" not in lex["place/hunan"].links
    # the province 基特加省 is not the city 基特加 (our entry, a capital): it stays a place of its own
    assert "iso3166_2" not in lex["place/gitega"].links and lex.by_name["基特加省"] == "place/iso-bi-gi"


def test_provinces_get_geonames_and_dbpedia_by_their_iso_code(rows):
    from pyoxigraph import NamedNode

    subdivisions = [r for r in rows if r["iso3166_2"]]
    with_ids = [r for r in subdivisions if r["geonames"]]
    assert len(with_ids) > 1400
    assert all("iso3166-2-db" in r["source"] and not r["wikidata"] for r in with_ids)  # no Wikidata id for provinces
    hatay = next(r for r in rows if r["iso3166_2"] == "TR-31")
    assert (hatay["geonames"], hatay["dbpedia"]) == ("312394", "http://dbpedia.org/resource/Hatay_Province")
    for r in rows:  # every article is a valid IRI (the mapper makes a NamedNode of it)
        if r["dbpedia"]:
            assert NamedNode(r["dbpedia"]).value.startswith("http://dbpedia.org/resource/")


def test_latin_america_is_not_latin_america_and_the_caribbean():
    lex = lexicon.load()
    lac = "region/419"
    assert lex[lac].links["wikidata"] == "Q72829598"
    for form in ("拉丁美洲和加勒比", "拉丁美洲和加勒比地区", "拉美和加勒比", "拉美和加勒比地区"):
        assert lex.by_name[form] == lac
    for form in ("拉丁美洲", "拉美", "拉美地区", "拉丁美洲地区"):
        assert lex.by_name[form] == "region/latin-america"
    assert "wikidata" not in lex["region/latin-america"].links  # no source here gives its id


def test_a_region_name_is_not_split_into_a_country(extractor, tmp_path):
    from kg import ingest

    text = tmp_path / "t.txt"
    text.write_text("中国同加勒比海地区国家合作，也援助海地。", encoding="utf-8")
    doc = extractor(ingest.read_document(text, "t"))
    got = [(m.text, m.key) for m in doc.mentions if not m.is_value]
    assert ("加勒比海地区", "region/029") in got  # CLDR zh_Hant's 加勒比海 with 地区, not 加勒比 + 海地 (Haiti)
    assert [k for t, k in got if k == "country/HTI"] == ["country/HTI"]  # only the 海地 of its own


def test_the_ids_reach_the_graph(extractor, tmp_path):
    from kg import ingest
    from kg.rdf.mapper import Mapper

    text = tmp_path / "t.txt"
    text.write_text("中国援建索马里首都摩加迪沙的医院，援助拉丁美洲和加勒比地区国家。", encoding="utf-8")
    doc = extractor(ingest.read_document(text, "t"))
    keys = {(m.key, m.type) for m in doc.mentions if not m.is_value}
    assert {("place/mogadishu", "PLACE"), ("region/419", "REGION")} <= keys
    same = {(str(q.subject.value).rsplit("/id/", 1)[1], q.object.value)
            for q in Mapper(extractor.lexicon).describe(keys) if q.predicate.value.endswith("#sameAs")}
    assert {("place/mogadishu", "http://www.wikidata.org/entity/Q2449"),
            ("place/mogadishu", "https://sws.geonames.org/53654/"),
            ("region/419", "http://www.wikidata.org/entity/Q72829598")} <= same
    # a province lies in its country (schema:containedInPlace): not a location in the sense of a meeting's
    placed = {(q.predicate.value, q.object.value.rsplit("/id/", 1)[-1]) for q in
              Mapper(extractor.lexicon).describe({("place/iso-tr-31", "PLACE")}) if q.subject.value.endswith("/id/place/iso-tr-31")}
    assert ("http://schema.org/containedInPlace", "country/TUR") in placed  # Hatay Province
    assert not [p for p, _ in placed if p.endswith("#location")]


def test_a_division_named_only_by_its_direction_is_no_place_of_its_own(extractor, tmp_path):
    """南部地区, 东部省, 西北省 name a part of any country: the gazetteer does not hold them (New Zealand's
    Southland was 南部地区 in ISO 3166-2's Chinese names); named after its country it is a part of that one."""
    from kg import ingest

    lex = lexicon.load()
    for form in ("南部地区", "北部地区", "东部省", "西北省", "中央省"):
        assert form not in lex.by_name, form
    text = tmp_path / "t.txt"
    text.write_text("马达加斯加南部地区遭受旱灾。中国向肯尼亚西部省提供援助。", encoding="utf-8")
    doc = extractor(ingest.read_document(text, "t"))
    got = {(m.text, m.type, m.key) for m in doc.mentions if not m.is_value}
    assert not any("iso-nz" in k for _, _, k in got)
    assert ("西部省", "PLACE", "place/西部省") in got and ("肯尼亚", "COUNTRY", "country/KEN") in got


def test_a_city_named_inside_its_eastern_neighbour_is_a_place_of_its_own(extractor):
    # 洛杉矶 in 东洛杉矶, 芝加哥 in 东芝加哥, 东京 in 西东京 (make_places: a direction before a name is no
    # transliteration the name is a piece of); 高山 (high mountains) stays a word; a consulate names its city
    doc = tag(extractor, "中国驻洛杉矶总领事馆、芝加哥和孟买的代表来到东京；援建学校位于尼泊尔高山地区。")
    places = {m.name: m.key for m in doc.mentions if m.type == "PLACE"}
    assert {"洛杉矶", "芝加哥", "孟买", "东京"} <= places.keys() and "高山" not in places, places
    lex = lexicon.load()
    assert lex[places["洛杉矶"]].links.get("geonames") == "5368361"


def test_a_two_character_city_before_another_known_name_in_one_jieba_word(extractor):
    # jieba may hold 纽约联合国总部 as one word: the city is still named, as before 联合国 alone
    doc = tag(extractor, "外交部长王毅来到纽约联合国总部，出席会议。")
    assert "纽约" in {m.name for m in doc.mentions if m.type == "PLACE"}
