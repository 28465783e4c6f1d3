"""Values in Chinese text: money, percentages, dates, periods and counts, normalised.

Works on normalised (NFKC, simplified) text and returns plain tuples; no spaCy.
Examples: 600亿元人民币 -> 60000000000 CNY; 47.30% -> 47.3; 2015年12月 -> 2015-12;
2013年至2018年 -> 2013/2018; 3年内 -> P3Y; 122个国家 -> 122 国家; 20万多名 -> >= 200000.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from decimal import Decimal, InvalidOperation

import cn2an

from kg.model import Mention

_CN_DIGITS = "零〇一二两三四五六七八九十百千"
NUM = rf"(?:\d+(?:,\d{{3}})*(?:\.\d+)?|[{_CN_DIGITS}]+(?:点[{_CN_DIGITS}]+)?)"
MAG = r"(?:万亿|千亿|百亿|亿|千万|百万|万|千)"
APPROX = r"(?:多|余|以上|左右)"


def _led(first: str, pattern: str) -> re.Pattern:
    """``pattern``, tried only where a match can begin: ``first`` is a character class holding every
    character a match of it can start with.  The same matches; ``re`` otherwise tries the whole
    pattern at every position of the text (two to three times slower on these)."""
    return re.compile(f"(?={first})(?:{pattern})")


CURRENCIES = [  # longest first; 卢比 alone does not say whose rupee: the document's country does (`complete_currencies`)
    ("元人民币", "CNY"), ("亿元人民币", "CNY"), ("人民币", "CNY"), ("美元", "USD"), ("欧元", "EUR"),
    ("英镑", "GBP"), ("日元", "JPY"), ("特别提款权", "XDR"), ("元", "CNY"), ("港元", "HKD"), ("港币", "HKD"),
    ("澳元", "AUD"), ("加元", "CAD"), ("瑞士法郎", "CHF"), ("卢布", "RUB"), ("兰特", "ZAR"), ("奈拉", "NGN"),
    ("巴基斯坦卢比", "PKR"), ("印度卢比", "INR"), ("印尼盾", "IDR"), ("泰铢", "THB"), ("土耳其里拉", "TRY"),
    ("韩元", "KRW"), ("新台币", "TWD"), ("卢比", "卢比"),
    ("美金", "USD"), ("新西兰元", "NZD"), ("新加坡元", "SGD"), ("澳大利亚元", "AUD"), ("加拿大元", "CAD"),
    ("越南盾", "VND"), ("肯尼亚先令", "KES"), ("坦桑尼亚先令", "TZS"), ("乌干达先令", "UGX"), ("埃及镑", "EGP"),
]
RUPEE = "卢比"  # the unit of a rupee whose country the text has not said yet
# the countries whose currency is called 卢比, by the key of the country (kg.extract.lexicon)
RUPEE_COUNTRIES = {"country/PAK": "PKR", "country/IND": "INR", "country/LKA": "LKR", "country/NPL": "NPR",
                   "country/MUS": "MUR", "country/SYC": "SCR"}
_CUR = "|".join(sorted({re.escape(c) for c, _ in CURRENCIES}, key=len, reverse=True))
_CUR_CODE = dict(CURRENCIES)

# Classifiers and the nouns a count is most often about.
# (not 吨, 公里 ...: tonnage and lengths are no values; 第N届 is an ordinal inside a name)
CLASSIFIERS = ("个|名|所|批次|批|期|项|笔|座|艘|家|位|支|人次|次|人|国|种|届|件|条|块|间|顶|栋|只|章|类|台|辆|套|架|份|"
               "箱|袋|剂|户|张|株|头|枚")
COUNT_NOUNS = ("国家和地区", "国际组织", "国家", "地区", "项目", "城市", "医院", "学校", "专业", "领域", "医疗队员",
               "人员", "志愿者", "代表", "官员", "学员", "医疗点", "减贫项目")
# after 个 the unit is the noun counted when it ends in one of these heads (100多个民生类项目,
# 30多个合作平台): a modifier of up to 6 characters and the head; the text takes only 国家 (the guide)
COUNTED_HEADS = ("国家和国际组织", "国家和地区", "国际组织", "国家", "地区", "组织", "项目", "平台", "省份", "省区",
                 "家庭", "城市", "机构", "领域", "部门", "学校", "医院", "中心", "村庄", "社区", "企业", "成员国")
_COUNTED = re.compile(r"[^\d，。；、,;:：（(）)“”\"\s的和与及在为将已]{0,6}?(?:" + "|".join(COUNTED_HEADS) + ")")

_PHASE_NUMBERS = set("二三四五六七八九")  # 一期 is no count either way (一: a determiner)
_PHASE_AFTER = ("工程", "项目", "扩建", "改造", "建设", "工地")
_PHASE_BEFORE = ("项目", "工程", "园区", "港", "铁路", "公路", "机场")

MONEY = _led(rf"[人美\d{_CN_DIGITS}]", rf"(?:人民币|美元)?(?P<num>{NUM})(?P<mag>{MAG})?(?P<approx>{APPROX})?(?P<cur>{_CUR})")
# 8.7个百分点: percentage points, a percentage (not a count of 8.7)
PERCENT_POINTS = _led(r"[\d" + _CN_DIGITS + "]", rf"(?P<num>{NUM})个?百分点")
# 二〇二一年十一月二十九日: a date in Chinese numerals, as official documents write it
_CN_DIGIT = dict(zip("〇零一二三四五六七八九", "00123456789"))
_CN_YEAR = re.compile(r"(?:一九|二[〇零])[〇零一二三四五六七八九]{2}年")
_CN_DAY = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])"
CN_DATE = re.compile(rf"(?P<y>(?:一九|二[〇零])[〇零一二三四五六七八九]{{2}})年(?:(?P<m>十[一二]?|[一二三四五六七八九])月"
                     rf"(?:(?P<d>{_CN_DAY})日(?:至(?P<d2>{_CN_DAY})日)?)?)?")  # (…二十九日至三十日: days)
PERCENT = _led(r"[\d百]", rf"(?P<num>\d+(?:\.\d+)?)\s*%|百分之(?P<cn>[{_CN_DIGITS}点\d.]+)")
PERIOD_RANGE = _led(r"\d", r"(?P<a>\d{4})年?(?P<am>\d{1,2}月)?\s*(?:至|到|—|–|-|~|～)\s*(?P<b>\d{4})年(?P<bm>\d{1,2}月)?")
# (在40年前援建: 40年前, a time ago, not 在40年)
DURATION = _led(rf"[未今近过此在\d{_CN_DIGITS}]", rf"(?:(?P<pre>未来|今后|近|过去|此后|在)(?P<n1>{NUM})(?P<a1>多|余)?年(?:内|间|来)?(?!前)|"
                      rf"(?P<n2>{NUM})(?P<a2>多|余)?年(?P<post>内|间|来|之内|前|中(?!期))|"
                      # 熬过13年战争, 持续27年: a bare number of years (not a year: 2018年; not 第三年, 年级)
                      # (not 每两年: how often; not 五年行动计划: a plan's term in its name)
                      rf"(?<![\d第每{_CN_DIGITS}])(?P<n3>[1-9]\d?|[一二两三四五六七八九十]{{1,3}})(?P<a3>多|余)?年"
                      rf"(?![级代度初底末中内间来前\d]|(?:行动)?(?:计划|规划|纲要)))")
DATE = re.compile(r"(?P<y>\d{4})年(?:(?P<m>\d{1,2})月(?:(?P<d>\d{1,2})日)?|(?P<end>底|末|初))?")
ISO_DATE = _led(r"\d", r"(?<![\d-])(?P<y>(?:19|20)\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])")
# 2021年11月29日至30日: a range of days
DAY_RANGE = re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<a>\d{1,2})日?\s*(?:至|到|—|–|-|~|～)\s*(?P<b>\d{1,2})日")
MONTH_RANGE = re.compile(r"(?P<y>\d{4})年(?P<a>\d{1,2})月\s*(?:至|到|—|–|-|~|～)\s*(?P<b>\d{1,2})月(?![\d份]|\d{0,2}日)")
# a date without a year joined to one with it (2013年9月和10月, 2021年11月29日、30日): in its year
_JOINED_TO_A_DATE = re.compile(r"\d{4}年\d{1,2}月(?:\d{1,2}日)?(?:和|、|及|与|以及|至|到|—|–|-|~|～)$")
# 20世纪50年代, 20世纪50、60年代, 上世纪70年代 (the texts are of this century: the 20th): decades
DECADES = re.compile(r"(?:(?P<c>1\d|20)|上)世纪(?P<a>[1-9]0)(?:(?:、|至|到|和)(?P<b>[1-9]0))?年代")
# dates without a year (8月29日, 9月中旬, 12日), completed from the document's dateline by
# ``complete_dates``: the value is the XSD form of the part the text gives (--08-29, --09, ---12)
PARTIAL_DATE = _led(r"[今去明同当\d]", r"(?<![\d年月.第])(?P<rel>今年|去年|明年|同年|当年)?(?:(?P<m>1[0-2]|0?[1-9])月(?:(?P<d>[12]\d|3[01]|0?[1-9])日|"
                          r"(?P<part>上旬|中旬|下旬|初|底|末)?(?![\d份])))|(?<![\d年月.第])(?P<dd>[12]\d|3[01]|0?[1-9])日(?!内|以内|之内)")
# 今年年初, 去年年底: a part of a year the dateline says (not 今年 alone, nor 今年2月: PARTIAL_DATE)
RELATIVE_YEAR = re.compile(r"(?P<rel>今年|去年|明年)(?P<part>年初|年底|年末)")
# durations shorter than a year: 3个月, 两天内, 一周内, 10小时
SHORT_DURATION = _led(rf"[\d{_CN_DIGITS}]", rf"(?<![\d第{_CN_DIGITS}])(?P<n>{NUM})(?P<a>多|余)?(?P<u>个月|个多月|周|个星期|天|日|个小时|小时)(?P<post>内|以内|之内|来|间)?")
_SHORT_UNIT = {"个月": "M", "个多月": "M", "周": "W", "个星期": "W", "天": "D", "日": "D", "个小时": "H", "小时": "H"}
_SHORT_UNIT_END = re.compile("[" + "".join(sorted({u[-1] for u in _SHORT_UNIT})) + "]")  # ends every unit
_REL_YEAR = {"今年": 0, "去年": -1, "明年": 1, None: 0}
# the value's text takes the noun only for 国家 (122个国家), as the annotation guide does; the unit
# is the noun that follows whenever there is one (20万多名人员 -> unit 人员)
COUNT = _led(rf"[\d{_CN_DIGITS}]", rf"(?<![第\d.{_CN_DIGITS}数几上成])(?P<num>{NUM})(?P<approx0>多|余)?(?P<mag>万|亿)?(?P<approx>多|余)?(?P<cls>{CLASSIFIERS})"
                   rf"(?P<country>国家)?(?=(?P<noun>{'|'.join(COUNT_NOUNS)})?)")
# a measure word counts the noun after it (顶 帐篷, 剂 疫苗, 条 毛毯): up to four characters, not a verb or
# function word after it
_MEASURE_WORDS = {"件", "条", "块", "间", "顶", "栋", "只", "台", "辆", "套", "架", "份", "箱", "袋", "剂", "张", "株", "头", "枚", "支"}
_THING = re.compile(r"[^\d\s，。；、,;:：（()）“”\"的和与及在为已将于是到给向等这并就都也一发运送交捐提投用被倒塌受损获得抵达]{1,4}")
# people counted by the noun before the number (受灾人口逾3304万, 灾民超过200万): the unit is 人
PEOPLE = re.compile(rf"(?:人口|人数|民众|灾民|群众|难民|患者|儿童|学生|游客)(?P<pre>逾|超过|超|达到|达|约|近|共|为)?"
                    rf"(?P<num>{NUM})(?P<mag>万|亿)(?P<approx>多|余)?(?![\d元美欧英日人个名万亿])")
# every value holds a number: sentences without a digit or a Chinese numeral are skipped at once
_ANY_NUMBER = re.compile(rf"[\d{_CN_DIGITS}]")
_CURRENCY_CHAR = re.compile("[" + "".join(sorted({c[-1] for c, _ in CURRENCIES})) + "]")  # ends every currency name

_MAG = {"万亿": Decimal(10) ** 12, "千亿": Decimal(10) ** 11, "百亿": Decimal(10) ** 10, "亿": Decimal(10) ** 8,
        "千万": Decimal(10) ** 7, "百万": Decimal(10) ** 6, "万": Decimal(10) ** 4, "千": Decimal(10) ** 3}


def number(text: str) -> Decimal | None:
    text = text.replace(",", "")
    try:
        return Decimal(text)
    except InvalidOperation:
        pass
    if text[:1] in "十百千万":
        text = "一" + text  # 千名 -> 一千名
    try:
        return Decimal(str(cn2an.cn2an(text, "smart")))
    except (ValueError, KeyError, IndexError, TypeError):
        return None


def plain(d: Decimal) -> str:
    """A decimal without exponent or trailing zeros: 6E+10 -> '60000000000', 47.30 -> '47.3'."""
    s = format(d.normalize(), "f")
    return s


def find_values(text: str) -> list[tuple[int, int, str, dict]]:
    """All values in ``text`` as ``(start, end, type, value)``, non-overlapping, in order."""
    found: list[tuple[int, int, str, dict]] = []
    taken = bytearray(len(text))

    def add(start, end, typ, value):
        if value is None or any(taken[start:end]):
            return
        taken[start:end] = b"\x01" * (end - start)
        found.append((start, end, typ, value))

    for m in RELATIVE_YEAR.finditer(text) if "年" in text else ():  # 今年年初: the year, completed from the dateline
        add(m.start(), m.end(), "DATE", {"value": "--12" if m["part"][-1] in "底末" else "--",
                                         "year_offset": _REL_YEAR[m["rel"]]})
    if not _ANY_NUMBER.search(text):
        return found
    has_year = "年" in text
    for m in MONEY.finditer(text) if _CURRENCY_CHAR.search(text) else ():
        add(m.start(), m.end(), "MONEY", _money(m))
    for m in PERCENT.finditer(text) if "%" in text or "百分之" in text else ():
        n = number(m["num"] or m["cn"].replace("点", "."))
        add(m.start(), m.end(), "PERCENT", n is not None and {"amount": plain(n), "unit": "%"} or None)
    for m in PERCENT_POINTS.finditer(text) if "百分点" in text else ():
        n = number(m["num"])
        add(m.start(), m.end(), "PERCENT", n is not None and {"amount": plain(n), "unit": "%"} or None)
    for m in CN_DATE.finditer(text) if has_year and _CN_YEAR.search(text) else ():
        y, mo, d = "".join(_CN_DIGIT[c] for c in m["y"]), number(m["m"]) if m["m"] else None, number(m["d"]) if m["d"] else None
        if mo is not None and not 1 <= mo <= 12 or d is not None and not 1 <= d <= 31:
            continue
        value = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
        if m["d2"] and 1 <= (d2 := number(m["d2"])) <= 31:
            last = f"{y}-{int(mo):02d}-{int(d2):02d}"
            add(m.start(), m.end(), "PERIOD", {"value": f"{value}/{last}", "start": value, "end": last})
        else:
            add(m.start(), m.end() if not m["d2"] else m.end("d") + 1, "DATE", {"value": value})
    for m in PERIOD_RANGE.finditer(text) if has_year else ():
        a = m["a"] + (f"-{int(m['am'][:-1]):02d}" if m["am"] else "")
        b = m["b"] + (f"-{int(m['bm'][:-1]):02d}" if m["bm"] else "")
        add(m.start(), m.end(), "PERIOD", {"value": f"{a}/{b}", "start": a, "end": b})
    for m in DURATION.finditer(text) if has_year else ():
        if m["pre"] == "在" and not m["n1"]:
            continue
        n = number(m["n1"] or m["n2"] or m["n3"])
        if n is None or n != n.to_integral() or n <= 0 or n > 100:
            continue
        start = m.start() if m["pre"] not in ("在", "近") else m.start() + 1  # 近5年来: the value is 5年来
        value = {"value": f"P{int(n)}Y"}
        if m["a1"] or m["a2"] or m["a3"]:
            value["at_least"] = True
        add(start, m.end(), "PERIOD", value)
    for m in DAY_RANGE.finditer(text) if has_year and "日" in text else ():
        y, mo, a, b = m["y"], int(m["m"]), int(m["a"]), int(m["b"])
        if 1 <= mo <= 12 and 1 <= a < b <= 31:
            lo, hi = f"{y}-{mo:02d}-{a:02d}", f"{y}-{mo:02d}-{b:02d}"
            add(m.start(), m.end(), "PERIOD", {"value": f"{lo}/{hi}", "start": lo, "end": hi})
    for m in MONTH_RANGE.finditer(text) if has_year else ():  # 2019年4月至6月
        y, a, b = m["y"], int(m["a"]), int(m["b"])
        if 1 <= a < b <= 12:
            lo, hi = f"{y}-{a:02d}", f"{y}-{b:02d}"
            add(m.start(), m.end(), "PERIOD", {"value": f"{lo}/{hi}", "start": lo, "end": hi})
    for m in DECADES.finditer(text) if "世纪" in text else ():
        century = (int(m["c"] or 20) - 1) * 100
        lo, hi = century + int(m["a"]), century + int(m["b"] or m["a"]) + 9
        add(m.start(), m.end(), "PERIOD", {"value": f"{lo}/{hi}", "start": str(lo), "end": str(hi)})
    for m in DATE.finditer(text) if has_year else ():
        y, mo, d = m["y"], m["m"], m["d"]
        if mo and not 1 <= int(mo) <= 12 or d and not 1 <= int(d) <= 31:
            continue
        if m["end"] in ("底", "末"):  # 2009年底: the year's last month
            mo = "12"
        value = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
        add(m.start(), m.end(), "DATE", {"value": value})
    for m in ISO_DATE.finditer(text) if "-" in text else ():
        add(m.start(), m.end(), "DATE", {"value": m.group()})
    for m in PARTIAL_DATE.finditer(text) if "月" in text or "日" in text else ():
        if m["dd"]:
            value = {"value": f"---{int(m['dd']):02d}"}
            if _JOINED_TO_A_DATE.search(text, 0, m.start()):
                value["same_year"] = True  # 2021年11月29日、30日: the month and year of the date before
        else:
            value = {"value": f"--{int(m['m']):02d}" + (f"-{int(m['d']):02d}" if m["d"] else "")}
            if m["rel"] in ("同年", "当年") or not m["rel"] and _JOINED_TO_A_DATE.search(text, 0, m.start()):
                # 同年9月: the year of the date before, not the dateline's (the text is 9月); so is 2013年9月和10月's
                value["same_year"] = True
            elif m["rel"]:
                value["year_offset"] = _REL_YEAR[m["rel"]]
        add(m.start("m") if m["rel"] in ("同年", "当年") else m.start(), m.end(), "DATE", value)
    for m in SHORT_DURATION.finditer(text) if _SHORT_UNIT_END.search(text) else ():
        n = number(m["n"])
        if n is None or n <= 0 or n != n.to_integral():
            continue
        if m["u"] == "周" and text.startswith("年", m.end("u")):
            continue  # 两周年, 建交50周年: an anniversary, not weeks
        u = _SHORT_UNIT[m["u"]]
        value = {"value": f"PT{int(n)}H" if u == "H" else f"P{int(n)}{u}"}
        if m["a"] or "多" in m["u"]:
            value["at_least"] = True
        add(m.start(), m.end(), "PERIOD", value)
    for m in PEOPLE.finditer(text):
        n = number(m["num"])
        if n is not None:
            value = {"amount": plain(n * _MAG[m["mag"]]), "unit": "人"}
            if m["pre"] in ("逾", "超过", "超") or m["approx"]:
                value["at_least"] = True
            add(m.start("num"), m.end(), "COUNT", value)
    for m in COUNT.finditer(text):
        if m["num"] == "一":
            continue  # 一个国家: a determiner, not a count (两国, 两批, 两个联络组 count)
        if m["cls"] == "期" and m["num"] in _PHASE_NUMBERS and m.end() == m.end("cls") and (text.startswith(_PHASE_AFTER, m.end())
                                                               or text.endswith(_PHASE_BEFORE, 0, m.start())):
            continue  # 环路改造项目二期, 二期工程: a phase of a project, not a count (举办7000余期项目 counts)
        n = number(m["num"])
        if n is None:
            continue
        if m["mag"]:
            n *= _MAG[m["mag"]]
        value = {"amount": plain(n), "unit": m["country"] or m["noun"] or m["cls"]}
        end = m.end()
        if m["cls"] == "个" and not m["country"] and (counted := _COUNTED.match(text, m.end("cls"))):
            value["unit"] = counted.group()  # 100多个民生类项目: the unit is what is counted; the text stays 100多个
        elif m["cls"] in _MEASURE_WORDS and not m["noun"] and (thing := _THING.match(text, m.end("cls"))):
            value["unit"] = thing.group()  # 2.5万顶帐篷, 10亿剂疫苗: the unit is the thing counted
        if m["approx"] or m["approx0"]:
            value["at_least"] = True
        add(m.start(), end, "COUNT", value)
    found.sort()
    return found


def _money(m: re.Match) -> dict | None:
    n = number(m["num"])
    if n is None:
        return None
    if m["mag"]:
        n *= _MAG[m["mag"]]
    cur = m["cur"]
    prefix = m.group(0)[: m.start("num") - m.start()]
    code = _CUR_CODE[cur] if cur != "元" else {"美元": "USD"}.get(prefix, "CNY")
    value = {"amount": plain(n), "unit": code}
    if m["approx"]:
        value["at_least"] = True
    return value


def complete_currencies(mentions: list[Mention]) -> list[Mention]:
    """Sums in bare 卢比 take the rupee of the country of rupees the document names most (巴基斯坦: PKR); with
    none named, whose rupee it is stays unsaid and the sum is no value."""
    if not any(m.type == "MONEY" and (m.value or {}).get("unit") == RUPEE for m in mentions):
        return mentions
    named: dict[str, int] = {}
    for m in mentions:
        if m.key in RUPEE_COUNTRIES:
            named[m.key] = named.get(m.key, 0) + 1
    code = RUPEE_COUNTRIES[max(sorted(named), key=named.__getitem__)] if named else None
    out = []
    for m in mentions:
        if m.type == "MONEY" and (m.value or {}).get("unit") == RUPEE:
            if code is None:
                continue
            value = {**m.value, "unit": code}
            m = replace(m, value=value, key=m.key.replace(RUPEE, code))
        out.append(m)
    return out


def complete_dates(mentions: list[Mention]) -> list[Mention]:
    """Dates without a year (8月29日, 12日, 今年2月14日) completed from the document's dateline:
    its first date written as 2022-08-30, else a full date in its first sentences; without one,
    the last date before them that gives the year (and the month).  A date nothing completes (no
    dateline, no full date before it: 新华社…3月5日电 before 该项目于2017年8月开工) keeps its partial XSD form
    (--08-29, ---12), except a date relative to this year (今年2月), taken from the document's first full
    date; a year alone (今年年初) goes when there is none."""
    full = sorted((m.start, m.value["value"], m.text) for m in mentions
                  if m.type == "DATE" and m.value and re.match(r"\d{4}-\d{2}", m.value.get("value", "")))
    if not full:  # nothing to complete them from: a year alone (今年年初) says nothing then
        return [m for m in mentions if not (m.type == "DATE" and (m.value or {}).get("value") == "--")]
    # the dateline: a date written 2022-08-30 (as datelines are), else a full date in the first sentences
    dateline = next((v for _, v, t in full if ISO_DATE.fullmatch(t)), None)
    first = min(m.sentence for m in mentions)
    early = {m.value["value"] for m in mentions if m.type == "DATE" and m.sentence <= first + 2 and m.value}
    dateline = dateline or next((v for _, v, _ in full if len(v) == 10 and v in early), None)
    starts = [s for s, _, _ in full]
    out = []
    for m in mentions:
        value = (m.value or {}).get("value", "")
        if m.type != "DATE" or not value.startswith("--"):
            out.append(m)
            continue
        before = bisect_left(starts, m.start)  # the full dates that begin before it
        if not before and not dateline and "year_offset" not in m.value:
            out.append(m)  # 新华社加德满都3月5日电 …该项目于2017年8月开工: no year says which 3月5日 (not the works' 2017)
            continue
        last = full[before - 1 if before else 0][1]
        ref = last if m.value.get("same_year") else dateline or last
        year = int(ref[:4]) + m.value.get("year_offset", 0)
        if value == "--":  # a year: 今年年初
            done = f"{year:04d}"
        elif value.startswith("---"):  # a day: year and month from the reference
            done = f"{year:04d}-{ref[5:7]}-{value[3:]}"
        else:  # --MM or --MM-DD
            done = f"{year:04d}-{value[2:]}"
        out.append(replace(m, key=f"date/{done}", value={"value": done}))
    return out
