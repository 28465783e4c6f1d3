"""Relations and events from tagged sentences: pledges, aid figures, partners, recipients,
institutions and meetings.  Rules over the mentions of one sentence (and its paragraph);
pure Python over ``kg.model`` objects — no spaCy, no RDF.

- Pledge: an announcement (宣布, 承诺, 提出 ...) splits into measures at ；and ，; each measure
  with an amount, a count, a named programme/project/body or a flow of aid becomes one pledge,
  with the announcer, the meeting and the date given before the verb; the period said before the
  first verb is the first measure's.  Its sums and numbers are its amount (提供600亿元人民币援助).  A
  measure that lists several named programmes with their counts (100个“幸福家园”、100个“爱心助困”)
  gives one pledge each.  A verb of saying whose object is what China will do (王毅表示，中方将…) announces too; 他宣布
  is the person named before, at the meeting and on the day of the sentence that named him; a clause that only
  names a frame or channel (在X框架下，/通过X基金，) gives the next measure its programme; a sum the announced set
  includes (其中包括向…提供100亿美元) is a measure of its own.
- AidStatistic: an amount or count of aid in a clause about aid (援助, 贷款, 项目, 提供 ...), with
  its flow type (无偿援助 grant, 无息贷款 interest-free loan, 优惠贷款 concessional loan, 债务减免
  debt relief), also figures of trade and investment (贸易额, 贸易总额, 双边贸易规模, 投资流量/存量, in the
  clauses after the one that names them: a flow given for a year alone has the year as its period, a stock
  counted 截至…年底 that day as its date), the share of the total, the period (from the clause, else the sentence or the
  paragraph before it; none for a figure of one year, 当年), the region it counts (亚洲地区30国) and the
  purpose (用于 …).  The sum of a named flow or total (援助总额为Y) and the number of what the clause names
  before it (提供物资援助890批) are its amount; other sums and numbers are its subject (theme).  Not
  figures of aid: a number of kinds, of meetings held, or of the countries a later figure went to.
- Partnership: a programme or fund and the organisations it works with (中国与 A、B、C 等14个国际
  组织实施项目 under the fund named in the sentence or the paragraph's heading; a fund named after both,
  中国—联合国和平与发展基金; 与/同 X (合作在…)签署/落实/设立 Y; Y 由 X 实施; the fund that pays and the body
  that runs it, 基金支持/资助/委托 X 实施; parties that work together, A与B共同实施的Y, A、B和C三方合作开展Y;
  the organisation's own, X的Y / X牵头的Y);
  the organisation aid goes through (通过/经由/委托 X 向…提供) is the partner of the clause's figures and
  deliveries; 由X建设 after a chain of clauses builds the sentence's topic.
- Component (part_of): a name that begins with its whole's, 在X框架下 / 在X(支持)下 … Y, X支持的Y,
  Y是/成为X的组成部分/…节点; the deliveries of 为推进A、B建设 serve every programme of the list; a forum's
  sub-forum (Y是X的分论坛, X—Y论坛).
- AidDelivery (recipients): countries listed with an aid verb and what they received (a named project, or the
  object of the verb: 机场升级扩建项目, 集装箱检查设备); a country inside a project's name.
- Founding: 成立 + body, with the date and the parent body (作为国务院直属机构).
- MeetingReport: a meeting's forum and place from its name (or the forum of the meeting it is listed
  with, or that holds it; a numbered session of a body), and its date from the sentence.
- Discourse: 会上/会议 refers to the meeting named last; what is adopted or announced at a meeting takes
  its date from the document; a headline's one aided country receives the sums that name none.
- Names the tagger missed that the rules read (a title line naming a plan with its years, a quoted or
  run-on part of a forum or programme) join the document's mentions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import replace
from functools import lru_cache

from kg.extract import lexicon as lexicon_mod
from kg.extract.anaphora import resolve as resolve_anaphors
from kg.extract.chinese import to_simplified
from kg.extract.values import complete_currencies, complete_dates
from kg.model import Document, Fact, Mention, Sentence

_WILL_DO = re.compile(r"投资|邀请|资助|接收|接待|支持[^，；。]{0,12}?(?:赴华|来华|访华)")  # the measures of a plan with no word of aid
# 为推动…，中方将采取以下措施： / 中方愿：: the lead of a list of what China will do (``start()``: after who)
_WILL_LEAD = re.compile(r"(?<=中方|中国|我国|我方)(?:还|也|再|继续|同时)*(?:将|愿|决定)(?=[^。；：]{0,16}：\s*$)")
# …采取以下举措：一是…；二是…: the list begins in the lead's own sentence, after the colon
_WILL_LEAD_ITEMS = re.compile(r"(?<=中方|中国|我国|我方)(?:还|也|再|继续|同时)*(?:将|愿|决定)(?=[^。；：]{0,16}：\s*"
                              r"(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是]|\d{1,2}[、.．](?!\d)|"
                              r"第[一二三四五六七八九十]{1,3}[，、,]|其[一二三四五六七八九十][，、,]|[①-⑳]))")
ANNOUNCE = re.compile(r"宣布|承诺|宣告|提出")
# a verb of saying whose object is what China will do (王毅表示，中方将…提供; 他说，中国愿…): an announcement too
_TRIGGER = re.compile(r"宣布|承诺|宣告|提出|(?:表示|说)(?=[，,：:]?\s*(?:中方|中国政府|中国|我国|我方)?(?:还|也|再|继续|同时|已|已经)*"
                      r"(?:将|愿|愿意|决定))")
MEASURE_VERBS = re.compile(r"^(?:[^，；。]{0,16}?)(提供|实施|设立|增资|免除|减免|豁免|取消|建设|援建|派遣|邀请|培训|帮助|支持|开展|举办|"
                           r"建立|落实|捐赠|捐助|捐款|捐资|出资|注资|拨款|拨付|援助|资助|设置|推出|启动|新增|追加|"
                           r"投资(?=[□■]))")  # (承诺…向最不发达国家投资120亿美元: a sum invested; not 对非投资存量)
FLOW_TYPES = [  # (pattern, code): our own concept names, coded to IATI in the ontology
    # (免除…到期未还的无息和低息政府贷款: the loans' debts; 免除对…截至2015年底到期未还的…债务: a long list before it)
    # (豁免…债务: the word of Hong Kong and Taiwan texts; 取消/勾销…债务: cancelled debts)
    (r"(?:免除|减免|豁免)[^，。；]{0,60}?(?:债务|贷款)|(?:取消|勾销|注销)[^，。；]{0,60}?债务|债务减免|免债", "debt-relief"),
    (r"无偿援助|赠款", "grant"), (r"无息贷款", "interest-free-loan"),
    (r"援外优惠贷款|优惠贷款|优惠出口买方信贷", "concessional-loan"),
]
_FLOW = re.compile("|".join(f"({p})" for p, _ in FLOW_TYPES))


def _flow_code(m: re.Match) -> str:
    return FLOW_TYPES[m.lastindex - 1][1]
AID_WORDS = re.compile(r"援助|援建|援赠|拨款|拨付|贷款|缓债|免债|债务重组|债务减免|捐|出资|注资|增资|提供|派遣|派出|培训|项目|举办|减免|免除|实施|建设|建成|协助|志愿者|医疗队")
_ATTENDED = re.compile(r"与会|出席|列席|参加(?:了)?(?:会议|峰会|论坛|开幕式|闭幕式)")
_TRADE = re.compile(r"贸易(?:总)?额|贸易(?:规模|总量|量)|双边贸易|进出口|进口额|出口额|投资(?:存量|流量|额|总额)|直接投资|承包工程|合同额|"
                    r"营业额")
_TRADE_GOES_ON = re.compile(r"^(?:其中|同比|比上年|较上年|占|增长|下降|增幅|降幅|分别)|进口|出口|投资|企业|公司|合同|工程|项目")
# a year alone (2012年，中非贸易额…): the year a figure of trade or investment sums up, its period; not the day of a
# stock (截至2012年底), which is its date
_BARE_YEAR = re.compile(r"\d{4}年")
_BATCH = r"(?:首批|新一批|一批|第[一二三四五六七八九十\d]{1,3}批)?"  # which lot of goods
_GOODS = r"物资|粮食|大米|疫苗|药品|设备|帐篷"
_HAND_TO = r"(?:(?:分发|发放|移交|交付|赠送|捐赠|转交|提供)给|惠及)"
RECIPIENT_VERBS = re.compile(r"帮助|援建|援助|向|为|在|支持|协助|免除|减免|豁免|" + _HAND_TO
                             + r"|对(?=[^，；。]{2,40}?(?:提供|援建|捐赠|捐助))")  # 对X、Y等国提供了优惠贷款
# goods handed to the country after them (中国援助的首批抗疫物资已分发给斯里兰卡…): what was given, the verb
_GIVEN_TO_BODY = re.compile(r"(?:捐赠|捐助|提供|援助|交付|移交|赠送)了?")  # 向非洲联盟捐赠了…: a body that receives aid
_GIVEN_TO = re.compile(r"(?:将|已|已经|陆续|顺利)*" + _HAND_TO + "$")
# what a delivery gave, after its verb (实施了…项目, 捐赠了2000吨大米)
_DELIVERED = re.compile(r"(?:实施|援建|援助了?|援赠|提供|建设|建立|捐赠|捐助|捐献|赠送|派遣|派出|开展|举办)(了)?([^，。；、]{2,30}?(?:项目|工程|设施|"
                        r"援助|体系|中心|学校|医院|道路|桥梁|基础设施项目|医疗队|专家组|志愿者|培训班|研修班|" + _GOODS + r"|等))(?=[，。；]|$)")
# 向马达加斯加派遣的第21批援马医疗队于2月抵达…: the team sent to the country, named after the verb and 的
_TEAM_AFTER = re.compile(r"(?:派遣|派出|选派|组派)(了)?的?([^，。；]{0,12}?(?:医疗队|专家组|救援队|志愿者|教师|工作组|技术组|"
                         r"技术人员)[^，。；]{0,20})")
# 项目将在老挝的丰沙里省、琅南塔省和乌多姆赛省实施: aid carried out in a country (and in its places)
_CARRIED_OUT_IN = re.compile(r"(?:将|已|已经|正|还|也|主要|分别|先后)*在")
_CARRIED_OUT_BEFORE = re.compile(r"()((?:援助)?(?:项目|援助|工程))" + _CARRIED_OUT_IN.pattern + "$")
_CARRIED_OUT_AFTER = re.compile(r"(?:的)?(?:[^，。；]{2,40}?)?(?:实施|开展|落地|执行)")
_GOODS_NEXT = re.compile(r"[^，。；、的了\d]{0,6}?(?:" + _GOODS + r")")  # 两批|防疫物资
_GOODS_BEFORE = re.compile(r"()(" + _BATCH + r"[^，。；的由把将]{0,12}?(?:" + _GOODS + r"))$")
# 援助X的(首批)救灾物资: the aid verb right before the country, what it gave after 的
_AID_VERB_BEFORE = re.compile(r"(?:援助|援建)$")
_GOODS_AFTER = re.compile(r"的()(" + _BATCH + r"[^，。；的由]{0,12}?(?:" + _GOODS + r"|医疗队|专家组|项目))")
# 免除(了)X(、Y等国)的(到期)债务: the countries whose debts are relieved
_RELIEF_BEFORE = re.compile(r"(?:免除|减免|豁免)了?(?:对)?$")
_DEBT_AFTER = re.compile(r"等?(?:[\d一二三四五六七八九十两]*个?国家?)?(?:所欠(?:中国政府|中国|中方|我国)?|对华)?的?(?:截至[^，。；的]{2,10}?到期(?:未偿还)?的)?()([^，。；的]{0,16}?债务|[^，。；的]{0,16}?贷款(?!债务))")
# 与安哥拉、赞比亚等19个国家签署缓债协议: the countries a deal on their debts is made with are given the relief
_DEBT_DEAL = re.compile(r"(?:签署|签订|达成|商签)了?((?:缓债|减债|免债|债务重组|债务减免|债务处理|债务延期)(?:协议|共识|安排))")
_WITH_BEFORE = re.compile(r"(?:与|同)$")  # (与X: the partner of a deal, a signing, a joint verb after it)
# 由中国援助的新冠疫苗于2021年2月运抵柬埔寨, 中国政府出资的粮食援助项目在老挝琅南塔省启动: aid goods or a project
# given before, then the country they reach or where they are handed over (its place and verb after it)
_GIVEN_THEN_REACH = re.compile(r"(?:援助|援建|捐赠|捐助|赠送|提供|出资|资助|实施)的()(" + _BATCH + r"[^，。；的由]{0,16}?(?:"
                               + _GOODS + r"|项目|援助))(?:近日|日前)?(?:已|已经|将)?(?:于[^，。；在]{2,14}?)?"
                               r"(?:顺利|先后|陆续|正式)?(运抵|抵达|送抵|运达|在)$")
# 加蓬的4万人座体育场由中国援建, 老挝的学校供餐项目由中国政府资助: the country's own thing, given by China
_OWN_GIVEN_BY = re.compile(r"的()([^，。；的由]{2,20}?)由(?:中国|中方|我国)(?:政府)?(?:无偿|出资)?(?:援建|援助|捐建|捐赠|资助|援助建设)")
# 中国对最不发达国家的免债措施，惠及了埃塞俄比亚、卢旺达等国: the aid that reaches the countries after 惠及
_REACHES = re.compile(r"()([^，。；的]{2,16}?(?:措施|援助|项目|政策|举措|倡议|物资|疫苗|粮食))[，,]?"
                      r"(?:已|已经|先后|共|累计|还|也|直接)*惠及了?$")
_TOPIC_COUNTRY = re.compile(r"\s*(?:在|对于|对)\|(?:方面)?[，,]")  # a clause 在X， / 对于X， (the country at |)
_WITH_HELP = re.compile(r"在(?:中国|中方|我国)(?:政府)?(?:的)?(?:帮助|援助|支持|资助|协助)下[，,]\s*$")
_BUILT_WITH_HELP = re.compile(r"等?(?:[\d一二三四五六七八九十两]*个?国家?)?(?:先后|已|已经|陆续|顺利|共|相继)*"
                              r"(?:建成|建设|修建|实施|开展|完成|落成|建立)(了)?([^，。；]{2,30})")
_LISTED_IN = re.compile(r"(?:主要)?(?:包括|包含|涵盖)")
_JOINED_AFTER = re.compile(r"和|及|以及|、|与")
# what may stand between 运抵/在 and the place the goods reach: 运抵该国首都X, 在港口城市X
_TOWN_WORDS = r"(?:该国|当地)?(?:首都|首府|港口城市|城市|港口|最大城市)?"
_REACHED_BEFORE = re.compile(r"(?:运抵|抵达|送抵|运达|在)" + _TOWN_WORDS + "$")
_REACHED_AFTER = re.compile(r"(?:顺利|正式)?(?:完成)?(?:了)?(?:交接|移交|交付|卸货)")


def _reached(sent, p: Mention) -> bool:
    """A port or place named as a project that goods reach (运抵马普托港) or are handed over in (在苏瓦港交接)."""
    before = _REACHED_BEFORE.search(sent.text, 0, p.start - sent.start)
    return before is not None and before.end() == p.start - sent.start and _zh(p).endswith(("港", "机场", "码头")) and (
        before.group().startswith(("运", "抵", "送")) or _REACHED_AFTER.match(sent.text, p.end - sent.start) is not None)


_HANDED_OVER_THERE = re.compile(r"[^，。；]{0,14}?(?:交接|移交|交付|启动|开工|竣工|落成|发放|分发|举行)")
CONTINUATION = re.compile(r"^(?:包括|其中|即|如|例如|涵盖|主要包括)")
_DETAIL = re.compile(r"(?:其中)?(?:主要)?(?:包括|即|如|例如|涵盖|有)?[：:]?")  # the words that open a detail
_CLAUSE = re.compile(r"[^，；。,;！？：:]+[，；。,;！？：:]?")
_HEADING = re.compile(r"^——([^。]{2,30})。")
ENTITY_LIKE = {"PROGRAMME", "PROJECT", "ORG", "FORUM"}
GEO = {"COUNTRY", "REGION"}


def _clauses(text: str, base: int, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Clauses of ``text[start:end]`` as absolute offsets (``base`` is the sentence start)."""
    end = len(text) if end is None else end
    out = []
    for m in _CLAUSE.finditer(text, start, end):
        s, e = m.span()
        if text[s:e].strip("，；。,; "):
            out.append((base + s, base + e))
    return out


def _within(ms: Iterable[Mention], s: int, e: int) -> list[Mention]:
    return [m for m in ms if s <= m.start and m.end <= e]


_INDEX: list = [None]  # (the mentions list last indexed, its mentions by sentence, its spans by start)


def _index(doc: Document) -> tuple[dict[int, list[Mention]], list[tuple[int, int, Mention]]]:
    """The document's mentions by sentence, and (start, end, mention) by start, longest first: built once for its
    list of mentions (every step replaces the list, never changes it in place), so that the steps that look
    back at a fact's sentence do not scan every mention of the document for each fact."""
    entry = _INDEX[0]  # one tuple, read and replaced whole: safe if threads extract side by side
    if entry is None or entry[0] is not doc.mentions:
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        spans = sorted(((m.start, m.end, m) for m in doc.mentions), key=lambda t: (t[0], -t[1]))  # as the tagger
        entry = _INDEX[0] = (doc.mentions, by_sentence, spans)
    return entry[1], entry[2]


def _in_sentence(doc: Document, index: int) -> list[Mention]:
    """The mentions of one sentence, in document order."""
    return _index(doc)[0].get(index, [])


def _spanned(doc: Document, lo: int, hi: int) -> list[Mention]:
    """The mentions that lie within [lo, hi), in document order (by start, longest first)."""
    spans = _index(doc)[1]
    i = bisect.bisect_left(spans, lo, key=lambda t: t[0])
    out = []
    while i < len(spans) and spans[i][0] < hi:
        if spans[i][1] <= hi:
            out.append(spans[i][2])
        i += 1
    return out


def _outermost(ms: list[Mention]) -> list[Mention]:
    """The mentions no mention of another span contains, in their order (one sweep by start)."""
    if len(ms) < 2:
        return list(ms)
    inner: set[tuple[int, int]] = set()
    reach = -1  # the furthest end of the spans that start before (or at, and end after) the current one
    spans = sorted({(m.start, m.end) for m in ms}, key=lambda se: (se[0], -se[1]))
    for start, end in spans:
        if reach >= end:
            inner.add((start, end))
        reach = max(reach, end)
    return [m for m in ms if (m.start, m.end) not in inner]


_OUTER: list = [None]  # (the mentions list last read, its outermost names)


def _outer_names(ms: list[Mention]) -> list[Mention]:
    """The outermost names (no values) of a sentence's mentions: the rule steps of one sentence read them in
    turn, so the last list's are kept (one tuple, read and replaced whole; callers filter, never change it)."""
    entry = _OUTER[0]
    if entry is None or entry[0] is not ms:
        entry = _OUTER[0] = (ms, _outermost([m for m in ms if not m.is_value]))
    return entry[1]


_HALF_STOPS = re.compile(r"(?<!\d)[,;:!?]|[,;:!?](?!\d)")
_FULL_STOPS = {",": "，", ";": "；", ":": "：", "!": "！", "?": "？"}
_CORNER_QUOTES = str.maketrans("「」『』", "“”“”")  # (Hong Kong, Taiwan) quotation marks


@lru_cache(maxsize=4096)  # a sentence is read by many rules
def _rule_view(text: str) -> str:
    """What the rules read of a sentence: simplified characters, and the stops of Chinese prose full-width
    (many texts write ``,`` and ``;`` for ，and ；; not 1,000 nor 4:30), corner brackets as quotation marks.
    Of the same length: offsets hold."""
    return _REGIONAL.sub(lambda m: _REGIONAL_WORDS[m.group()],
                         _HALF_STOPS.sub(lambda m: _FULL_STOPS[m.group()], to_simplified(text).translate(_CORNER_QUOTES)))


# words of Taiwan and Hong Kong usage the rules read in their mainland form (of the same length)
_REGIONAL_WORDS = {"透过": "通过", "藉由": "通过", "经由": "通过"}
_REGIONAL = re.compile("|".join(_REGIONAL_WORDS))


def _zh(m: Mention) -> str:
    """The mention's text in simplified characters, of the same length (the rules read 兩國 as 两国)."""
    return to_simplified(m.text)


def _chinese(m: Mention) -> bool:
    return m.key == "country/CHN"


# (patterns of the hottest loops, compiled once)
_AS_OF = re.compile(r"(?:截至|截止到?|到)(\d{4})年(?:底|末)?")  # 截至2019年底: the day a count is reached
# 给予…97%税目产品零关税待遇, 对…190个税目产品实行零关税: who is given the treatment, and how much of the goods
_DUTY_FREE = re.compile(r"(?:给予|对|向|为)(?P<who>[^，；。]{2,60}?)(?:实行|实施|享受)?(?P<kind>(?:零|免|特惠)关税)")
_SENT_OUT = re.compile(r"\s*(?:并|还|先后|共|累计|已)*(?:派遣|派出|选派|培训|援建)(?:了)?")  # …，派遣农业专家1100多名
_DUTY_GOODS = re.compile(r"(?:个|种|项)?(?:税目|商品|产品)")  # 190个税目产品 (not 25个最不发达国家)
_GOT_AID = re.compile(r"(?:也|共|累计|先后|将|已)?(?:获得|得到|接受)了?[^，；。]{0,24}?援助")  # who receives aid
_UNITS_UNDER = re.compile(r"内设|下设|下辖|设有")
_SUBORDINATE = re.compile(r"(?:作为|列为|隶属于?|是)([^，。；]{2,20}?)(?:的)?(?:直属|下属|组成|派出|旗下|所属)(?:的[^，。；的]{0,6}?)?"
                          r"(?:机构|部门|单位|银行|子公司|公司|企业)")
_WORKS_WITH = re.compile(r"(?:中国|中方|我国|政府|基金[”\"》]?，?|双方)(?:已|还|先后|共|积极|将|正|继续|同时)*(?:与|同)"
                         r"([^。；，,]{2,200}?)(?:等)?(?:\d+个)?(?:国际组织|机构|组织)?(?:实施|开展|合作|共同|签署)")
_TOPIC_WORKS_WITH = re.compile(r"[，,]\s*(?:并|还|也)?(?:已|先后|共|积极|将|正|继续|同时)*(?:与|同)"
                               r"([^。；，,]{2,200}?)(?:等)?(?:\d+个)?(?:国际组织|机构|组织)?(?:实施|开展|合作|共同|签署)")
_FOUNDED_VERB = re.compile(r"(?:正式|宣告)?(?:成立|设立|组建|创建|创立)(?:了)?")
_FRAME_WORDS = r"框架(?:下|内)|项下|名义下"  # 在X框架下 / X项下: what frames a measure
_UNDER_FRAME = re.compile(_FRAME_WORDS + r"|机制(?:下|内)")
# 依托中非合作论坛，举办X论坛: the forum a clause leans on frames the forums and meetings held after it
_LEANS_ON = re.compile(r"(?:依托|借助)[“\"《]?$")
_HOLDS_AFTER = re.compile(r"[”\"》]?(?:机制|平台)?[，,]\s*(?:双方|中方|各方)?(?:将|还|也|共同|定期|继续)*(?:举办|召开|举行|设立)")
# 将X纳入Y框架: X becomes part of Y
_BROUGHT_INTO = re.compile(r"[”\"》]?(?:纳入|列入)[“\"《]?")
_FRAME_AFTER = re.compile(r"[”\"》]?(?:的)?(?:合作)?(?:" + _FRAME_WORDS + ")")
_REGION_WORD = re.compile(r"(?:地区|方面)$")


def _read_visible(doc: Document, read) -> Document:
    """An HTML or Markdown document is read as a reader sees it: ``read`` gets a twin whose text is the
    document's visible text (``doc.view``: no tags, no inline markup), its sentences and mentions moved
    there; the facts and mentions it finds are moved back to the file's offsets.  (Read on the file's own
    text, a clause would end at the colon of a link's ``https:`` and a label hold ``href=``.)"""
    view = doc.view
    originals: dict[int, Mention] = {}
    moved, kept = [], []
    for m in doc.mentions:
        at = view.view_span(m.start, m.end)
        if at is None:
            kept.append(m)  # (in markup: nothing a reader sees; kept as it was)
            continue
        t = replace(m, start=at[0], end=at[1], text=view.text[at[0]:at[1]])
        originals[id(t)] = m
        moved.append(t)
    sentences = [Sentence(s.index, s.view_start, s.view_start + len(s.view), s.view, s.paragraph)
                 for s in doc.sentences if s.view is not None]
    paragraphs = [replace(p, start=at[0], end=at[1]) if (at := view.view_span(p.start, p.end)) else p
                  for p in doc.paragraphs]
    twin = read(replace(doc, text=view.text, view=None, paragraphs=paragraphs, sentences=sentences, mentions=moved,
                        facts=[]))
    done: dict[int, Mention] = {}

    def back(m: Mention) -> Mention:
        if id(m) not in done:
            start, end = view.span(m.start, m.end)
            done[id(m)] = originals.get(id(m)) or replace(m, start=start, end=end, text=doc.text[start:end])
        return done[id(m)]

    doc.mentions = sorted([*kept, *map(back, twin.mentions)], key=lambda m: (m.start, -m.end))
    facts = []
    for f in twin.facts:
        start, end = view.span(f.start, f.end)
        facts.append(replace(f, start=start, end=end, text=doc.text[start:end], roles=[(r, back(m)) for r, m in f.roles]))
    doc.facts = facts
    return doc


class Relations:
    """Reads facts from a document whose mentions are tagged."""

    def __call__(self, doc: Document) -> Document:
        if doc.view is None:
            return self._read(doc)
        return _read_visible(doc, self._read)

    def _read(self, doc: Document) -> Document:
        doc.mentions = complete_currencies(doc.mentions)  # 卢比: whose rupee
        doc.mentions = complete_dates(doc.mentions)
        doc.mentions = resolve_anaphors(doc)  # 该项目, 此次会议: the entity named before
        if titled := (_titled_plans(doc) + _quoted_parts(doc) + _named_parts(doc) + _wholes_before_a_dash(doc)
                      + _quoted_plans(doc) + _bodies_set_up(doc) + _units_named(doc) + _sessions_of_the_forum(doc)):
            doc.mentions = sorted([*doc.mentions, *titled], key=lambda m: (m.start, -m.end))
        facts = list(self.facts(doc))
        # roles read across clauses and sentences: what a sum was for, whose aid it sums up, where it was done,
        # the lead of a list, the same day, who lends, when the meeting was, the headline, a forum's own plan
        for step in (_aided_by_purpose, _sum_of_the_aid, _done_in, _announced_figures, _list_items, _same_day,
                     _same_announcer, _same_occasion, _dated_after, _counted_to_the_day, _handed_to,
                     _one_of_the_announced, _lenders, _arrived, _places_of_the_recipient, _worth_of_the_delivery, _beneficiaries, _one_each, _commitments,
                     _shares_of_the_sum):
            facts = step(doc, facts)
        doc.facts = _forum_plans(doc, _headline_recipient(doc, _closing_day(doc, _meeting_dates(facts))))
        doc.facts = _channels(doc, doc.facts)
        for f in doc.facts:  # one role per name: 拉丁美洲和加勒比 and the 拉丁美洲和加勒比地区 around it are one recipient
            seen: set[tuple[str, str]] = set()
            f.roles = [(r, m) for r, m in f.roles if (r, _plain_name(m)) not in seen and not seen.add((r, _plain_name(m)))]
        doc.facts = _no_echoes(doc.facts)
        # the year a meeting's name begins with (2018年中非合作论坛北京峰会) is a date of the text too
        years = {(m.start, m.end): m for f in doc.facts for _, m in f.roles if m.rule == "value:in-name"}
        if years:
            doc.mentions = sorted([*doc.mentions, *years.values()], key=lambda m: (m.start, -m.end))
        return doc

    def facts(self, doc: Document) -> Iterable[Fact]:
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        last_person: Mention | None = None  # the last person named, whom 他说 refers to
        said_on: Mention | None = None  # the day the last person spoke (…在7日…表示), the day of 他说 after it
        last_figures: list[Fact] = []  # the figures that end the sentence before (a list of what they count may follow)
        bodies = {m.name: m for m in doc.mentions if m.type in ("ORG", "FORUM") and len(m.name) >= 2}
        said: set[tuple[str, str, str]] = set()  # what a programme's name says, said once per document
        wholes = {m.name: m for m in doc.mentions if m.type in ("PROGRAMME", "FORUM") and len(m.name) >= 2}
        last_period: dict[int, list[Mention]] = {}  # paragraph -> the last period named in it (a list of one)
        last_range: list[Mention] = []  # the last period named in the document
        heading: dict[int, list[Mention]] = {}  # paragraph -> programmes named in its ——heading。
        topic: dict[int, str] = {}  # paragraph -> its ——heading。, the topic of its figures
        last_meeting: tuple[int, Mention] | None = None  # the last meeting named, and in which paragraph
        # the paragraph of the last person named, the person, and the sentence and mentions that named him (他宣布 after it)
        scene: tuple[int, Mention, Sentence, list[Mention]] | None = None
        listing = False  # an announcement's measures are listed in the sentences that follow
        for sent in doc.sentences:
            ms = by_sentence.get(sent.index, [])
            # 会议通过了…, 峰会期间…宣布: the meeting named last, in this paragraph or the one before
            recent_meeting = last_meeting[1] if last_meeting and sent.paragraph - last_meeting[0] <= 1 else None
            # the rules read simplified characters (宣佈 is 宣布); the conversion keeps every offset
            sent = replace(sent, text=_rule_view(sent.text))
            clauses = _clauses(sent.text, sent.start)
            periods = [m for m in ms if m.type == "PERIOD" and "/" in m.value.get("value", "")]
            if sent.text.startswith("——") and (h := _HEADING.match(sent.text)):
                heading[sent.paragraph] = [m for m in ms if m.type in ("PROGRAMME", "ORG")]
                topic[sent.paragraph] = h.group(1)
            yield from self._meetings(sent, ms)
            pledges = list(self._pledges(doc, sent, ms, recent_meeting,
                                         scene if scene and sent.paragraph - scene[0] <= 1 else None))
            item = _ITEM.match(sent.text)
            if not pledges and listing and item:  # （一）提供150亿美元的无偿援助…: a measure listed after the announcement
                pledges = list(self._pledge(doc, sent, ms, _HERE.match(sent.text, item.end()), [], len(sent.text), [],
                                            listed=True))
            # the announcement ends in a colon (…宣布：/ …其中包括：): the items that follow are its measures
            # (四、双方同意：a heading of its own ends the list)
            listing = bool(item and listing and not sent.text.rstrip().endswith("：") or _announces_a_list(doc, sent.index, sent.text)
                           or listing and _LIST_AFTER.match(sent.text) and sent.text.rstrip().endswith("："))
            yield from pledges
            rows = list(self._table_row(sent, ms))
            yield from rows
            if rows:  # the row's sums are read; the prose of its cells may hold others
                done = {id(m) for f in rows for m in f.get("theme")}
                ms = [m for m in ms if id(m) not in done]
            if last_figures and _LIST_AFTER.match(sent.text):
                # …实施紧急援助近200次。其中包括：为东南亚国家…；在几内亚比绍…: the countries of the list
                # after a figure received it
                for f in last_figures:
                    named = {m.name for m in f.get("recipient")}
                    f.roles += [("recipient", g) for g in _outer_names(ms)
                                if g.type in GEO and not _chinese(g) and g.name not in named
                                and not named.add(g.name)]
            last_figures = []
            # 就有中国民众捐来100万元人民币；还有中国企业提出捐助…: the figures before the first pledge are read too
            head = [c for c in clauses if c[1] <= min(f.start for f in pledges)] if pledges else clauses
            if head:
                # 在这三年中 / 三年间 / 同期: the period named before, in this paragraph or an earlier one
                back = last_period.get(sent.paragraph) or (last_range if _BACK_PERIOD.search(sent.text) else [])
                # the sentence's own span of years (近5年来, 2010年至2012年), not 一个月 or 一周内
                # (倡议提出3年来, 论坛成立20年来: the age of what was set up, no span of the sentence's figures)
                spans = [m for m in ms if m.type == "PERIOD" and not _BACK_PERIOD.fullmatch(_zh(m))
                         and _YEARS.search(m.value.get("value", "")) and _SPAN_OF_TIME.search(_zh(m))
                         and not _AGE_OF.search(sent.text, 0, m.start - sent.start)]
                last_figures = list(self._aid_statistics(sent, ms, head, periods or spans or back,
                                                         topic.get(sent.paragraph, ""), _speaker(sent, ms, last_person)))
                _said_then(sent, last_figures, said_on)
                yield from last_figures
                last_figures = [f for f in last_figures if not sent.text[f.end - sent.start:].strip("。；;！!？? \n")]
            partnerships = list(self._partnerships(sent, ms, heading.get(sent.paragraph, [])))
            yield from partnerships
            # the steps below read a pair of names, one of them of a type the sentence must hold: a sentence
            # without one is not read by them
            types = {m.type for m in ms}
            if types & _ITEM_TYPES:
                yield from self._partners(sent, ms, {(f.label, m.name) for f in partnerships for m in f.get("partner")})
            yield from self._recipients(sent, ms, clauses)
            if "PROJECT" in types:
                yield from _owned_projects(sent, ms)
                yield from _lies_in(sent, ms)
            if types & _BODY_TYPES:
                yield from self._foundings(sent, ms)
            yield from self._affiliations(sent, ms, bodies)
            if "ORG" in types:
                yield from _set_up_by(sent, ms)
                yield from _units_of(sent, ms)
            yield from self._builders(sent, ms)
            if types & _PART_TYPES:
                yield from self._components(sent, ms, wholes)
            if "PROGRAMME" in types:
                yield from self._supported(sent, ms)
            yield from self._joint(sent, ms)
            if "PROGRAMME" in types:
                yield from self._fund_partners(sent, ms)
            yield from self._programmes(sent, ms, said, recent_meeting)
            yield from _this_plan(doc, sent, ms, recent_meeting)
            yield from _lasting(sent, ms)
            if periods:
                last_period[sent.paragraph] = last_range = periods[-1:]
            last_person = ([m for m in ms if m.type == "PERSON"] or [last_person])[-1]
            if last_person is not None and last_person.sentence == sent.index:
                scene = (sent.paragraph, last_person, sent, ms)
            said_on = _said_on(sent, ms) or (said_on if _HE_SAYS.match(sent.text) else None)
            if named_meetings := _outermost([m for m in ms if m.type == "MEETING"]):
                last_meeting = (sent.paragraph, named_meetings[-1])

    # ------------------------------------------------------------------ meetings
    def _meetings(self, sent, ms: list[Mention]) -> Iterable[Fact]:
        for m in ms:
            if m.type != "MEETING":
                continue
            fact = Fact("MeetingReport", sent.index, m.start, m.end, m.text, "meeting:name+date", m.name,
                        [("meeting", m)])
            inside = [x for x in ms if x is not m and m.start <= x.start and x.end <= m.end]
            # (a place in the name of the forum or body inside is that one's: 澜沧江—湄公河合作第四次领导人会议)
            named = [x for x in inside if x.type in ("FORUM", "ORG", "PROGRAMME") and not x.is_value]
            for inner in inside:
                if inner.type == "FORUM" or inner.type == "ORG" and _session_of(m, inner):
                    fact.roles.append(("part_of", inner))
                elif inner.type in ("PLACE", "COUNTRY") and not _chinese(inner) and not any(
                        x.start <= inner.start and inner.end <= x.end and (x.start, x.end) != (inner.start, inner.end)
                        for x in named):
                    fact.roles.append(("location", inner))
            if not fact.get("part_of"):
                fact.roles += [("part_of", f) for f in _series_of(sent, m, ms)[:1]]
            # 在2018年9月中非合作论坛北京峰会上 / 2015年9月，在…峰会期间: a date just before the meeting;
            # 于2000年10月在北京举行…会议 / …会议于2021年11月29日在达喀尔召开: the date and place of 举行
            # (not the day of a dateline, 新华社利马11月20日电 X会议19日…开幕: the day the report was filed)
            dates = [d for d in ms if d.type == "DATE" and d.end <= m.start and m.start - d.end <= 3
                     and not sent.text.startswith(("电", "電"), d.end - sent.start)]
            # 2015年1月8日至9日，X会议在北京举行: its first day
            dates = dates or [d for x in ms if x.type == "PERIOD" and x.end <= m.start and m.start - x.end <= 3
                              and (d := _first_day(x))]
            # 2013年，中国在第五届…会议上宣布: the date that heads the clause of the meeting it was said at
            dates = dates or [d for d in ms if d.type == "DATE" and d.end <= m.start and re.fullmatch(
                r"[，]?[^，；。]{0,10}?(?:在|于|出席|参加)(?:第[^，；。]{1,5}届)?", sent.text[d.end - sent.start:m.start - sent.start])
                and re.match(r"(?:上|期间|之际|时)", sent.text[m.end - sent.start:])][-1:]
            held = _held(sent, m, ms)
            if dates:
                fact.roles.append(("date", dates[-1]))
                fact.start = min(fact.start, dates[-1].start)
            elif held and held[0]:
                fact.roles.append(("date", held[0]))
            elif year := re.match(r"(\d{4})年", m.text):  # 2017年首届…: the year is part of the name
                fact.roles.append(("date", replace(m, end=m.start + 5, text=m.text[:5], type="DATE",
                                                   key=f"date/{year.group(1)}", name=m.text[:5], rule="value:in-name",
                                                   value={"value": year.group(1)})))
            if held:
                named = {x.name for r, x in fact.roles if r == "location"}
                fact.roles += [("location", x) for x in held[1] if x.name not in named]
                # 新华社达喀尔11月30日电 X会议30日闭幕: a meeting held with no place said, in the dateline's story, is
                # in the dateline's city
                if not fact.get("location") and (line := _DATELINE.match(sent.text)):
                    fact.roles += [("location", x) for x in ms if x.type == "PLACE" and x.start - sent.start == line.start(1)
                                   and x.end < m.start][:1]
            if len(fact.roles) > 1 or fact.literals:
                yield fact

    # ------------------------------------------------------------------ pledges
    def _pledges(self, doc: Document, sent, ms: list[Mention], recent_meeting: Mention | None = None,
                 scene: tuple[int, Mention, Sentence, list[Mention]] | None = None) -> Iterable[Fact]:
        """Each announcement of the sentence with the measures up to the next one (…宣布设立的，…；此后他又在
        …上宣布增资10亿美元): a later one keeps the meeting and date of the one before unless it names its own
        or says it came later (此后, 随后 ...).  ``scene``: the last person named before the sentence, with the
        sentence and mentions that named him, whom 他宣布 refers to."""
        if recent_meeting is not None:  # (在峰会上宣布, 在论坛上宣布 after the meeting was named: at that meeting)
            ms = [m for m in ms if not (m.type in ("MEETING", "FORUM") and _GENERIC_MEETING.fullmatch(_zh(m)))]
        # not 倡议提出3年来 / 宣布以来: a time since an announcement, no announcement in the sentence
        # (自基金宣布设立以来: a time since, framed by 自/从 before and 以来 after the verb's few words)
        triggers = [t for t in _TRIGGER.finditer(sent.text)
                    if not re.match(r"(?:以来|之后|至今|[\d一二三四五六七八九十两]+(?:多|余)?(?:周)?年(?:来|以来))", sent.text[t.end():])
                    and not (_SINCE_OPEN.search(sent.text, 0, t.start()) and _SINCE_CLOSE.match(sent.text, t.end()))]
        context: list[tuple[str, Mention]] = []
        for i, trigger in enumerate(triggers):
            lo = triggers[i - 1].end() if i else 0
            hi = triggers[i + 1].start() if i + 1 < len(triggers) else len(sent.text)
            gap = [m for m in ms if sent.start + lo <= m.start and m.end <= sent.start + trigger.start()]
            later = i and (any(m.type in ("DATE", "MEETING", "FORUM") for m in gap)
                           or re.search(r"此后|随后|之后|后来|其后", sent.text[lo:trigger.start()]))
            inherited = [] if later else [(r, m) for r, m in context if r in ("announced_at", "date")]
            # the mentions before the trigger that may give its announcer, meeting and date: after the trigger before
            # (…；此后他又在…上宣布), or from the sentence's start while no trigger before read a measure (两国宣布将
            # 关系提升为…，中方宣布…提供: the date that heads the sentence is the second one's too)
            own = [m for m in ms if m.end <= sent.start + trigger.start() and (not context or m.start >= sent.start + lo
                                                                                or m.type in ("PERSON", "ORG", "COUNTRY"))]
            if not i and recent_meeting and not any(m.type == "MEETING" for m in own) and _meeting_ref(sent, ms, 0, trigger.start()):
                inherited = [("announced_at", recent_meeting)]
            # …习近平出席联合国发展峰会并发表讲话。他宣布，…: the person named before announces, at the meeting and on
            # the day of the sentence that named him (unless this one names its own)
            # (…习近平主持首届中国—中亚峰会并发表主旨讲话。习近平宣布，…: named again in the next sentence, the same)
            he = not i and scene and _HE.search(sent.text, 0, trigger.start()) and not any(
                m.type in ("PERSON", "ORG", "COUNTRY") for m in _outermost(own))  # (not 联合国 in 联合国发展峰会)
            again = not i and scene and not he and scene[2].index == sent.index - 1 and (
                people := [m for m in own if m.type == "PERSON"]) and all(m.name == scene[1].name for m in people)
            if he or again:
                if he:
                    own.append(scene[1])
                # (他2015年在…宣布: a day or a meeting of its own, another occasion: neither is inherited)
                if not any(x.type in ("MEETING", "DATE") for x in own):
                    inherited += [(r, m) for r, m in zip(("announced_at", "date"), _scene(scene[2], scene[3], scene[1]))
                                  if m is not None and not any(r == o for o, _ in inherited)]
            facts = list(self._pledge(doc, sent, ms, trigger, own, hi, inherited))
            context = facts[0].roles if facts else context
            yield from facts

    def _pledge(self, doc: Document, sent, ms: list[Mention], trigger: re.Match, before: list[Mention], limit: int,
                inherited: list[tuple[str, Mention]], listed: bool = False) -> Iterable[Fact]:
        """The measures announced by ``trigger``, up to ``limit`` in the sentence; ``before``: the mentions
        that may give its announcer, meeting and date; ``inherited``: the meeting and date of the one before;
        ``listed``: the sentence is an item listed after the announcement (``trigger``: where its text begins)."""
        t_abs = sent.start + trigger.start()
        ms = [m for m in ms if m.end <= sent.start + limit or m.end <= t_abs]
        # 在北京峰会上宣布的八大行动: the measure is the name after 的 (宣布的第三轮援助举措: none, no pledge)
        # (宣布了…的六项举措: the verb has its object, 了 is no attributive)
        attributive = not listed and re.match(r"(?!了)[^，；。,;]{0,8}的", sent.text[trigger.end():])
        if attributive and not _ATTRIBUTIVE_END.search(attributive.group()):
            attributive = None  # 宣布免除阿富汗的债务: 的 after a noun joins it to what follows (its debt), the verb has its object
        if attributive:
            lo = sent.start + trigger.end() + attributive.end()
            # (…提出的“全球发展倡议”: the quote before the name; …宣布成立的中非联合研究中心: a body set up)
            # (宣布的中非合作“九项工程”: a few words that qualify the name may stand before it, not a verb or a stop)
            named = _outermost([m for m in ms if m.type in ("PROGRAMME", "PROJECT", "ORG") and lo <= m.start
                                and _QUALIFIER.fullmatch(sent.text, lo - sent.start, m.start - sent.start)
                                and (m.type != "ORG" or re.search(r"(?:设立|成立|建立|组建)$", sent.text[:lo - sent.start - 1]))])[:1]
            # 南南合作援助基金是习近平…宣布设立的，首期资金20亿美元: the subject of 是 is the measure
            subject = [m for m in ms if m.type in ("PROGRAMME", "PROJECT", "ORG") and m.end <= t_abs
                       and sent.text[m.end - sent.start:m.end - sent.start + 1] == "是"]
            # 中方在约翰内斯堡峰会上宣布的600亿美元资金支持: the sum right after 的 is what was announced
            sums = [] if named or subject else [m for m in ms if m.type == "MONEY" and m.start == lo]
            if not named and not subject and not sums:
                return
        elif trigger.group() == "提出" and not any(m.type in ("MONEY", "COUNT") for m in ms) and not any(
                m.type == "PROGRAMME" and (0 <= m.start - (sent.start + trigger.end()) <= 2
                                           or _PROPOSED.fullmatch(sent.text, trigger.end(), m.start - sent.start)) for m in ms):
            return  # 提出…新倡议: a proposal of ideas, not a measure with means (提出全球发展倡议, 提出了…的“X倡议”: a programme)
        # (not an envoy to China or an official of the receiving side, who tells of China's aid: 老挝教育部长X表示)
        people = [m for m in before if m.type == "PERSON"]
        if people and people[-1].sentence == sent.index and _other_side(sent, ms, people[-1]):
            people = []
        # the body just before the verb (中国政府已宣布), not a modifier (中国企业提出: firms, not China)
        bodies = [m for m in before if m.type in ("ORG", "COUNTRY") and (t_abs - m.end <= 8 and re.fullmatch(
            _BODY_TO_VERB, sent.text[m.end - sent.start:trigger.start()])
            or _at_meeting(sent, ms, m.end, t_abs) or _on_a_day(sent, ms, m.end, t_abs) or _in_a_frame(sent, ms, m.end, t_abs))]
        # (古特雷斯表示，中方宣布设立X: the body that heads the verb's own clause announces, not who tells of it)
        if people and bodies and bodies[-1].start > people[-1].end and _TELLS_OF.search(
                sent.text, people[-1].end - sent.start, bodies[-1].start - sent.start):
            people = []
        announcer = (people or bodies or [None])[-1]
        meetings = _outermost([m for m in before if m.type == "MEETING"])
        meeting = meetings[0] if meetings else None
        if meeting is None:  # 在“一带一路”国际合作高峰论坛上宣布: a session of the forum, named by the forum
            # (在2014年7月举行的中拉领导人会晤上宣布: the session held then)
            meeting = next((m for m in _outermost([m for m in before if m.type == "FORUM"])
                            if _AT_A_SESSION.match(sent.text, m.end - sent.start)
                            and _AT_THE_FORUM.search(sent.text, 0, m.start - sent.start)), None)
        # 2000年以来…先后6次宣布: a time since, no day of the announcement
        dates = [m for m in before if m.type == "DATE" and not re.match(r"(?:以来|来|起|至今)", sent.text[m.end - sent.start:])]
        # 新华社北京2021年8月3日电 王毅2日…宣布: the day of the report's dateline only when no other is said
        dates = [m for m in dates if not sent.text.startswith("电", m.end - sent.start)] or dates
        date = dates[0] if dates else None
        after = [m for m in ms if m.start >= sent.start + trigger.end()]
        head_period = next((m for m in after if m.type == "PERIOD" and m.start - (sent.start + trigger.end()) <= 2),
                           None)
        context = [(r, m) for r, m in (("announced_by", announcer), ("announced_at", meeting), ("date", date))
                   if m is not None]
        context += [(r, m) for r, m in inherited if not any(r == own for own, _ in context)]
        # 增资 with no fund named: the fund named before the announcement (…基金…；此后他又宣布增资10亿美元)
        funds = [m for m in ms if m.type == "PROGRAMME" and m.end <= t_abs and m.name.endswith("基金")]
        if attributive and named:
            fact = Fact("Pledge", sent.index, t_abs, named[0].end, doc.text[t_abs:named[0].end], "pledge:announced-name",
                        named[0].name, [*context, ("programme", named[0])])
            yield fact
            return
        if attributive and sums:
            yield Fact("Pledge", sent.index, t_abs, sums[0].end, doc.text[t_abs:sums[0].end], "pledge:announced-sum",
                       sums[0].text, [*context, ("amount", sums[0])])
            return
        if attributive:  # the subject's means follow, up to the next ；or 。
            rest = re.match(r"[^；。;]*", sent.text[trigger.end():limit])
            hi = sent.start + trigger.end() + rest.end()
            money = [m for m in ms if m.type == "MONEY" and sent.start + trigger.end() <= m.start and m.end <= hi]
            fact = Fact("Pledge", sent.index, subject[-1].start, hi, doc.text[subject[-1].start:hi],
                        "pledge:subject-announced", subject[-1].name, [*context, ("programme", subject[-1])])
            fact.roles += [("amount", m) for m in money]
            yield fact
            return
        last: Fact | None = None  # the last measure that named its programme
        prev: Fact | None = None  # the last measure
        head_used = False  # a measure took the period said before the first verb
        framed: Mention | None = None  # the programme the clause before names as the frame of the next measure
        for cs, ce in _measures(sent, _clauses(sent.text, sent.start, trigger.end(), limit)):
            clause = sent.text[cs - sent.start:ce - sent.start]  # simplified: the patterns read 設立 as 设立
            inner = _within(after, cs, ce)
            # 中方将在X基金框架下，再提供10亿美元 / 将通过X基金，向老挝提供…: the frame or channel of the measure
            # after it, no measure of its own
            if (frame := _frame(sent, inner, cs, ce)) is not None:
                framed = frame
                continue
            if CONTINUATION.match(clause) and not any(m.type in ("PROGRAMME", "PROJECT") for m in inner) and not (
                    any(m.type == "MONEY" for m in inner)
                    and _measure_verb(clause[(cont := _DETAIL.match(clause)).end():], inner, cs + cont.end())):
                continue  # 包括100个减贫项目…: details of the measure before (包括向非洲提供100亿美元贷款: a measure of the set)
            # (在30亿美元基础上增资10亿美元: the sum it starts from is no sum of the measure)
            base_sum = _ON_THE_BASIS.search(clause)
            money = [m for m in inner if m.type == "MONEY" and not (base_sum and base_sum.start() <= m.start - cs < base_sum.end())]
            # (中亚五国: the number of the countries of the region just named is no means of the measure)
            # (免除阿富汗、贝宁等16国…债务: the number of the countries just listed, neither)
            counts = [m for m in inner if m.type == "COUNT" and not (
                any(g.type in GEO and g.end <= m.start and re.fullmatch(r"(?:等|共|这)?", sent.text[g.end - sent.start:m.start - sent.start])
                    for g in inner) and re.search(r"国(?:家)?$", _zh(m)))]
            # (提出“十大合作计划”，并为此提供总额600亿美元的资金支持: the means of the measure just named)
            # (…设立中非发展基金，基金总额逐步达到50亿美元: 基金 is the fund just named)
            if last is not None and (_SIZE_OF_LAST.match(clause) or _FOR_THIS.match(clause)) and not any(
                    m.type in ENTITY_LIKE and m.key not in {x.key for r, x in last.roles if r == "programme"} for m in inner):  # 设立X基金，首期提供20亿美元 / 为期10年，总额10亿美元
                last.roles += [("amount", m) for m in money]
                last.roles += [("period", m) for m in inner if m.type == "PERIOD" and not _LOOKS_BACK.search(_zh(m))]
                continue
            if last is None and prev is not None and not money and _SIZE_OF_LAST.match(clause) and (spans := [
                    m for m in inner if m.type == "PERIOD" and not _LOOKS_BACK.search(_zh(m))]) and not prev.get("period"):
                prev.roles += [("period", m) for m in spans]  # 向非洲联盟提供10亿元人民币援助，为期三年: its period
                continue
            # (免除X所欠债务，并向其提供…援助: 其 is the country relieved, the aid a measure of its own)
            if last is None and prev is not None and money and _SIZE_OF_LAST.match(clause) and not any(
                    m.type in ENTITY_LIKE for m in inner) and not any(m.type == "MONEY" for _, m in prev.roles) \
                    and not (prev.get("recipient") and re.match(r"\s*(?:并|还|将|已|先后)*(?:为|向)其", clause)):
                prev.roles += [("theme", m) for m in money]  # 免除15个国家…债务，共计16亿元人民币: the sum of it
                continue
            # 推动落实联合国2030年可持续发展议程: a programme that exists is implemented, not announced
            # (共建“一带一路”的八项行动: the count inside a name is no means of the measure)
            own_counts = [c for c in counts if not any(not n.is_value and n.start <= c.start and c.end <= n.end for n in inner)]
            named = [m for m in _outermost([m for m in inner if not m.is_value]) if m.type in ENTITY_LIKE
                     and (money or own_counts or not re.search(r"(?:落实|对接|服务于?|围绕|共建|推进)[“\"《]?$",
                                                                sent.text[:m.start - sent.start]))]
            # 提供200亿美元贷款额度，重点支持非洲基础设施…发展: after a comma, what the sum of the measure before
            # goes to, no measure of its own (its region is whom the measure is for, if it names no one)
            if prev is not None and not (money or own_counts or named) and _FOCUS.match(clause) and prev.get("amount") \
                    and sent.text[prev.end - sent.start - 1] in "，,":
                if not prev.get("recipient"):
                    prev.roles += [("recipient", m) for m in inner if m.type in GEO and not _chinese(m)]
                continue
            flow = _FLOW.search(_blank_names(clause, inner, cs))
            # 中方将继续通过X基金支持老挝发展: a fund named as the channel of support with no means is no measure
            # (通过X基金向老挝提供300万美元: the sum's, see _frame)
            if named and not (money or own_counts or flow) and all(
                    m.type == "PROGRAMME" and _CHANNEL_BEFORE.search(sent.text, 0, m.start - sent.start) for m in named):
                continue
            # (the first clause after 宣布 may name its measure with no verb; not after 表示/说, which may say anything:
            # 表示，中国政府愿同UNDP一道，…)
            first = (cs == sent.start + trigger.end() or not sent.text[trigger.end():cs - sent.start].strip("，,： :")) \
                and trigger.group() not in ("表示", "说")
            aided = _aided_in(clause, inner, cs)  # 宣布将继续全力支持非洲国家抗疫行动: a measure for whom it names
            if not (named or money or counts or flow or aided) or not _measure_verb(clause, inner, cs) and not (
                    (named or _measures_counted(sent, counts)) and first) and not (money and _AIMED.match(clause)):
                continue  # 全球发展项目库实施的项目超过600个: a result reported after the measures, not one
                # (…增加对最不发达国家投资，力争2030年达到120亿美元: the sum a measure aims at is pledged)
            # a pledge looks ahead (未来3年, 5年内): 3年来 looks back and is no period of it
            # 宣布5年内提供A，设立B: the time before the first verb is the first measure's (B has a verb of its own)
            period = [m for m in inner if m.type == "PERIOD" and not _LOOKS_BACK.search(_zh(m))] or (
                [head_period] if head_period and not _LOOKS_BACK.search(_zh(head_period)) else [])
            if head_period is not None:
                period = [m for m in period if m is not head_period or not head_used]
                # (未来3年中方将采取以下举措：一是…；二是…: the time heads a list, each measure of it is in that time)
                head_used = not _HEADS_A_LIST.match(sent.text, head_period.end - sent.start)
            recipients = [m for m in inner if m.type in GEO and not _chinese(m)]
            # 向南南合作援助基金增资10亿美元: the fund is topped up; 向有关国际组织提供: a beneficiary;
            # 向非洲联盟提供10亿元人民币援助: the body receives, it is not created
            to = re.search(r"向([^，；。]{2,12}?)(?:再|又|还|继续|将|已|共|累计|分别|陆续|无偿|免费)*(提供|增资|捐赠|捐助|捐款|捐资|出资)",
                           clause)  # 向非方再提供: the beneficiary is 非方, not 非方再
            given = [m for m in named if to and to.group(2) != "增资" and m.type == "ORG"
                     and to.start(1) <= m.start - cs and m.end - cs <= to.end(1)]
            # 为东盟国家提供 / 向拉共体成员国提供: the members of the body are whom it is for, the body is not created
            members = [m for m in _member_states(doc, clause, cs, ce) if m in named] if any(m.type == "ORG" for m in named) else []
            given += [m for m in members if m not in given]
            created = [m for m in named if m.type in ("PROGRAMME", "PROJECT", "ORG") and m not in given]
            if not created and funds and re.match(r"(?:在[^，；。]{1,16}?基础上)?[^，；。]{0,6}增资", clause):
                created = funds[-1:]
            if not created and framed is not None and (money or own_counts):
                created = [framed]
            framed = None
            groups: list[tuple[list[Mention], list[Mention]]]
            if len(created) >= 2 and not money:
                groups = []  # one pledge per named programme, with the count just before it
                for i, m in enumerate(created):
                    lo = created[i - 1].end if i else cs
                    groups.append(([m], [c for c in counts if lo <= c.start and c.end <= m.start]))
            else:
                groups = [(created, own_counts)]
            if not (created or money or counts or flow or aided or members):
                continue  # 向非洲联盟提供援助 and nothing more: a recipient, not a measure of its own (向东盟国家提供援助: for countries)
            actors = _actors(clause, created, cs)  # 国家开发银行、中国进出口银行将各设立…窗口: who does it
            for items, cnts in groups:
                label = items[0].name if len(items) == 1 and not money else _short(clause)
                fact = Fact("Pledge", sent.index, cs, ce, doc.text[cs:ce], "pledge:announcement", label, list(context))
                fact.roles += [("partner" if m in actors else "programme", m) for m in items]
                # the sums and numbers of a measure are its amount, named or not (提供600亿元人民币援助: the aid
                # is 600亿元人民币; the gold may also make the sum the subject of the announcement's facts)
                fact.roles += [("amount", m) for m in [*money, *cnts]]
                fact.roles += [("period", m) for m in period]
                # 为非洲培训3万名人才，提供奖学金名额1.8万个: a measure that names no one it is for, after a comma, is
                # for whom the measure before is (not after a ；: a measure of its own)
                shared = [] if recipients or given or to or prev is None or sent.text[prev.end - sent.start - 1] not in "，," \
                    else [m for r, m in prev.roles if r == "recipient"]
                fact.roles += [("recipient", m) for m in [*recipients, *given, *shared]]
                if flow:
                    fact.literals["flowType"] = _flow_code(flow)
                if to and not any(to.start(1) <= m.start - cs and m.end - cs <= to.end(1) for m in [*items, *recipients]):
                    fact.literals["beneficiary"] = to.group(1)  # 向有关国际组织: no name (向尼方: the country)
                if items:
                    last = fact
                prev = fact
                yield fact

    # ------------------------------------------------------------------ aid statistics
    def _aid_statistics(self, sent, ms: list[Mention], clauses: list[tuple[int, int]],
                        outer_periods: list[Mention], topic: str, speaker: Mention | None = None) -> Iterable[Fact]:
        """``outer_periods``: the sentence's periods, else the last period of its paragraph;
        ``speaker``: who says the sentence (郑愿东…通报，中国政府已决定向巴方提供1亿元人民币)."""
        as_of = _AS_OF.search(sent.text)
        as_of_date = next((d for d in ms if as_of and d.type == "DATE" and d.start == sent.start + as_of.start(1)), None)
        for cs, ce in clauses:
            clause = sent.text[cs - sent.start:ce - sent.start]
            inner = _within(ms, cs, ce)
            # 亚洲和非洲获得了中国援助总量的80%左右: who receives it, and the share they receive
            got = _GOT_AID.search(clause)
            receivers = [g for g in _outermost([x for x in inner if not x.is_value]) if got and (
                g.type in GEO and not _chinese(g) or g.type == "ORG") and g.end <= cs + got.start()]
            receivers = receivers if receivers and receivers[-1].end == cs + got.start() else []
            amounts = [m for m in inner if m.type in ("MONEY", "COUNT") or receivers and m.type == "PERCENT"
                       and m.start >= cs + got.end()]
            if "关税" in clause and (duty := _DUTY_FREE.search(clause)):
                # 给予埃塞俄比亚等30个最不发达国家97%税目产品零关税待遇: the countries given the treatment, the share
                # (or number) of the goods it covers its figure
                given = [g for g in _outermost([x for x in inner if not x.is_value]) if g.type in GEO and not _chinese(g)
                         and cs + duty.start("who") <= g.start and g.end <= cs + duty.end("who")]
                goods = [m for m in inner if given and given[-1].end <= m.start and m.end <= cs + duty.end("who") and (
                    m.type == "PERCENT" or m.type == "COUNT" and _DUTY_GOODS.match(sent.text, m.end - sent.start))][:1]
                if given and goods:
                    fact = Fact("AidStatistic", sent.index, cs, ce, clause, "aid:duty-free", duty.group("kind"))
                    fact.roles = [("theme", goods[0]), *(("recipient", g) for g in _list_run(sent.text, given, sent.start))]
                    fact.roles += [("period", p) for p in outer_periods]
                    yield fact
                    continue
            if not amounts:
                continue
            if "基础上" in clause and (base_sum := _ON_THE_BASIS.search(clause)):
                # 在30亿美元基础上增资10亿美元: the sum it starts from is no figure of its own
                amounts = [m for m in amounts if not base_sum.start() <= m.start - cs < base_sum.end()]
            if _ATTENDED.search(clause) and not AID_WORDS.search(clause.replace("派出", "")):
                continue  # 53个非洲国家派出的代表团团长与会: who came to the meeting, no figure of aid
            flow = _FLOW.search(_blank_names(clause, inner, cs))
            # what the flow says, in the text's own words (it was found with the names blanked out)
            flow_text = clause[flow.start():flow.end()] if flow else ""
            if flow is None and (flow := _flow_before(sent, ms, cs)):
                flow_text = sent.text[flow.start():flow.end()]
            sized = any(x.type in ("PROGRAMME", "PROJECT", "ORG") and x.end <= a.start and a.type == "MONEY" and (
                        _FUND_SIZE.fullmatch(sent.text[x.end - sent.start:a.start - sent.start]) or _in_brackets(sent, x, a))
                        for a in amounts for x in inner) \
                or any(_sum_of_named(sent, a, inner) for a in amounts)
            # 中非贸易额达…，同比增长…；其中中国对非出口…: the clauses after one that names trade or investment count it
            # (a clause that goes on with the trade: 其中, 同比, its goods, firms or investment; not 该国人口达…)
            trade = _TRADE.search(clause) or _TRADE.search(sent.text, 0, cs - sent.start) and _TRADE_GOES_ON.search(clause)
            # 设立X基金，在第一阶段投入30亿元: a sum put into the fund named before in the sentence
            sized = sized or any(a.type == "MONEY" for a in amounts) and _SIZE_OF_LAST.match(clause) and any(
                x.type == "PROGRAMME" and x.end <= cs for x in ms)
            sized = sized or any(a.type == "MONEY" and _COST_OF_LAST.fullmatch(sent.text, cs - sent.start, a.start - sent.start)
                                 for a in amounts) and any(x.type == "PROJECT" and x.end <= cs for x in ms)
            # 各类灾害已致1136人丧生, 遇难人数升至1678人: the toll of the disaster the aid answers is a figure of the news too
            toll = any(a.type == "COUNT" for a in amounts) and _TOLL.search(clause) and [
                a for a in amounts if a.type == "COUNT" and re.search(r"人(?:次)?$", _zh(a))]
            if toll:
                amounts = toll
            if not AID_WORDS.search(clause) and not flow and not sized and not trade and not toll and not (
                    any(a.type == "MONEY" or _goods(a) for a in amounts)
                    and (AID_WORDS.search(sent.text) or _FLOW.search(sent.text))) and not (
                    # 中方将在今后10年内向拉美地区投资2500亿美元, 中方将邀请1000名…访华: a measure China commits to
                    _WILL_DO.search(clause) and _WILL.match(clause, (item := _ITEM.match(clause)) and item.end() or 0)):
                continue  # a sum or goods in a sentence about aid (…免除了债务，…累计金额14.2亿元; 其中有2.5万顶帐篷)
            period = [m for m in inner if m.type == "PERIOD" and _YEARS.search(m.value.get("value", ""))
                      and _SPAN_OF_TIME.search(_zh(m))] or ([] if _ONE_YEAR.search(clause) else outer_periods)
            # 提供价值2000万元人民币的粮食援助，为期两年: the time the next clause gives the aid
            period = [m for m in ms if m.type == "PERIOD" and m.start >= ce and _YEARS.search(m.value.get("value", ""))
                      and _LASTS.fullmatch(sent.text, ce - sent.start, m.start - sent.start)] or period
            # 提供无偿援助1278亿元人民币，占对外援助总额的47.30%: the share may follow in the next clause
            # (not a rate of growth: 年均增长20.5%, 比上年增长8%)
            shares = [m for m in ms if m.type == "PERCENT" and m.start >= cs and
                      not any(o.type == "MONEY" and ce <= o.start < m.start for o in ms)
                      and re.search(r"占[^，；。]{0,16}$|比重|份额", sent.text[cs - sent.start:m.start - sent.start])]
            purpose = re.search(r"用于([^，。；]{2,40})", sent.text[ce - sent.start:]) or re.search(r"用于([^，。；]{2,40})", clause)
            for i, m in enumerate(amounts):
                if not _a_figure(m, amounts) or m.text[-1:] in ("次", "届", "场") and _MEETINGS_COUNTED.match(
                        sent.text, m.end - sent.start):
                    continue
                if m.type == "COUNT" and re.search(r"国(?:家)?$", _zh(m)) and any(
                        g.type in GEO and g.end <= m.start and re.fullmatch(r"(?:共|这)?", sent.text[g.end - sent.start:m.start - sent.start])
                        and (g.type == "COUNTRY" or sent.text[g.end - sent.start:m.start - sent.start])
                        for g in ms):
                    continue  # 土耳其和叙利亚两国, …苏丹共9国: the number of the countries just named, no figure of aid
                region = [r for r in inner if r.type == "REGION" and r.end <= m.start and
                          sent.text[r.end - sent.start:m.start - sent.start] in ("", "地区")]
                what = _object_before(sent.text, m.start - sent.start, cs - sent.start) if m.type == "COUNT" else ""
                # 捐赠了两批防疫物资: what was counted follows the count (its label; the count stays the subject)
                goods = m.type == "COUNT" and not what and not _countries(m) and _GOODS_NEXT.match(sent.text, m.end - sent.start,
                                                                                                  ce - sent.start)
                label = flow_text or what or goods and goods.group() or topic or _short(clause)
                fact = Fact("AidStatistic", sent.index, cs, ce, clause, "aid:amount-in-clause", label)
                if topic:
                    fact.literals["topic"] = topic
                to = re.search(r"向|对|为|帮助|免除|减免|惠及|援助?(?=[^\d])", clause)
                if to:  # 中国共向亚洲、非洲…等地区122个国家…提供援助, 援土4000万元: who received it
                    fact.roles += [("recipient", g) for g in inner if g.type in GEO and not _chinese(g)
                                   and cs + to.start() < g.start < m.start and not region]
                    fact.roles = _respectively(sent, fact.roles, m, amounts)
                if m.type == "MONEY":  # 向世界粮食计划署捐款300万美元，用于在老挝…: the body the sum goes through
                    fact.roles += [("partner", o) for o in _channel_to(sent, ms, cs, ce, m)]
                if to and not fact.get("recipient") and not region:  # 向东盟十国提供了1.9亿剂疫苗: the body's members
                    fact.roles += [("recipient", o) for o in inner if o.type == "ORG" and _MEMBERS.match(clause, o.end - cs)
                                   and cs + to.start() < o.start < m.start]
                if to and not fact.get("recipient") and not fact.get("partner") and not region and (m.type == "MONEY" or _goods(m)):
                    # 向非洲联盟提供了10亿元人民币援助: a body given the aid for itself (as a pledge reads it), not one that
                    # runs it for the countries named after it (its partner, _channel_to)
                    fact.roles += [("recipient", o) for o in _given_body(sent, ms, cs, m)]
                if receivers and m.start >= cs + got.start():
                    fact.roles += [("recipient", g) for g in _list_run(sent.text, receivers, sent.start)]
                if not fact.get("recipient") and not region and (m.type == "MONEY" or _goods(m) or what and _SENT_OUT.match(clause)):
                    # 中国为坦桑尼亚、赞比亚…9国免除了…债务，…累计金额14.2亿元: the countries of an earlier clause
                    # (向贝宁、乍得等国提供了农业技术援助，派遣农业专家1100多名: the people sent to them)
                    fact.roles += [("recipient", g) for g in _given_to(sent, ms, m.start)]
                # 全球发展和南南合作基金规模增至40亿美元: the sum of a named fund is its amount
                # (中拉合作基金（50亿美元）, X（总规模100亿美元）: the size in brackets after the name)
                fund = [x for x in inner if x.type in ("PROGRAMME", "PROJECT", "ORG") and x.end <= m.start and m.type == "MONEY"
                        and (_FUND_SIZE.fullmatch(sent.text[x.end - sent.start:m.start - sent.start]) or _in_brackets(sent, x, m))]
                if not fund and m.type == "MONEY":  # 捐出1500万卢比，注入巴总理抗洪赈灾基金: the fund it goes into
                    fund = [x for x in ms if x.type == "PROGRAMME" and x.start > m.end and re.fullmatch(
                        r"[^，；。,;]{0,4}[，,]?(?:注入|捐给|捐入|拨入|存入)", sent.text[m.end - sent.start:x.start - sent.start])][:1]
                if not fund and m.type == "MONEY":  # 在X基金框架下，再提供10亿美元 / 通过X基金，…提供: what the fund pays
                    fund = [x for x in ms if x.type == "PROGRAMME" and x.end <= cs and _zh(x).endswith(("基金", "专项贷款"))
                            and _THROUGH_FUND.search(sent.text, 0, x.start - sent.start)
                            and _THROUGH_FUND_AFTER.fullmatch(sent.text, x.end - sent.start, cs - sent.start)
                            and not any(o.type == "MONEY" and x.end <= o.start < m.start for o in ms)][-1:]
                if not fund and m.type == "MONEY":  # 设立50亿美元的中非产能合作基金: the sum names the fund's size
                    fund = _sum_of_named(sent, m, inner)
                if not fund and m.type == "MONEY" and ("框架" in sent.text or "项下" in sent.text):
                    # 在二十国集团缓债倡议框架下与19国签署缓债协议，缓债总额达13.5亿美元: the sum of what was done
                    # under the programme the sentence names as its frame (no other sum between)
                    fund = [x for x in ms if x.type == "PROGRAMME" and x.end <= m.start
                            and _THROUGH_FUND.search(sent.text, 0, x.start - sent.start)
                            and _FRAME_AFTER.match(sent.text, x.end - sent.start)
                            and not any(o.type == "MONEY" and x.end <= o.start < m.start for o in ms)
                            and not re.search(r"[；;]", sent.text[x.end - sent.start:m.start - sent.start])][-1:]
                if not fund and m.type == "MONEY":  # 为老挝学校供餐项目提供300万美元, 提供300万美元支持X项目: what it pays for
                    fund = [x for x in inner if x.type in ("PROJECT", "PROGRAMME") and (
                        x.end <= m.start and _FOR_IT.search(sent.text, 0, x.start - sent.start)
                        and _GIVES.fullmatch(sent.text, x.end - sent.start, m.start - sent.start)
                        or x.start >= m.end and _PAYS_FOR.fullmatch(sent.text, m.end - sent.start, x.start - sent.start))][:1]
                if not fund and m.type == "MONEY" and sent.text[ce - sent.start - 1:ce - sent.start] in "，,":
                    # 提供200万美元，用于实施布基纳法索紧急粮食援助项目: the named project the next clause says it pays for
                    fund = [x for x in ms if x.type in ("PROJECT", "PROGRAMME") and x.start >= ce
                            and _SUM_THEN_PAYS.fullmatch(sent.text, m.end - sent.start, x.start - sent.start)][:1]
                if not fund and m.type == "MONEY" and "由" in clause and _BUILDS_AFTER.match(sent.text, m.end - sent.start, ce - sent.start):
                    # 卡洛特水电站由中方提供17亿美元贷款建设: the project built with the sum
                    fund = [x for x in inner if x.type in ("PROJECT", "PROGRAMME") and x.end <= m.start
                            and _BUILT_WITH_SUM.fullmatch(sent.text, x.end - sent.start, m.start - sent.start)][-1:]
                if not fund and m.type == "MONEY" and "获" in clause:
                    # “老挝学校供餐项目”获得全球发展和南南合作基金300万美元资助: the project the sum goes to
                    fund = [x for x in inner if x.type in ("PROJECT", "PROGRAMME") and x.end <= m.start
                            and _GETS.fullmatch(sent.text, x.end - sent.start, m.start - sent.start)
                            and (_GOT_AS.match(sent.text, m.end - sent.start)  # (X项目获得300万美元。: the sum alone)
                                 or _CLAUSE_ENDS.match(sent.text, m.end - sent.start) and not re.search(r"[，,]", sent.text[x.end - sent.start:m.start - sent.start]))][:1]
                if not fund and m.type == "MONEY" and "分别" in clause:
                    # 为“X”和“Y”分别提供300万美元和200万美元: each sum to the named project in its place
                    fund = _respective_named(sent, inner, m, amounts)
                if not fund and m.type == "MONEY" and _TOPS_UP.search(sent.text, 0, m.start - sent.start):
                    # 将X基金整合升级为Y基金，并在30亿美元基础上增资10亿美元: the fund named last is topped up
                    fund = [x for x in ms if x.type == "PROGRAMME" and x.end <= m.start and _zh(x).endswith("基金")][-1:]
                if not fund and m.type == "MONEY" and _SIZE_OF_LAST.match(clause):
                    # 中国设立了南南合作援助基金，首期资金20亿美元: the size of the fund named just before
                    fund = [x for x in ms if x.type == "PROGRAMME" and x.end <= cs and not any(
                        o.type == "MONEY" and x.end <= o.start < m.start for o in ms)][-1:]
                if not fund and m.type == "MONEY" and _COST_OF_LAST.fullmatch(sent.text, cs - sent.start, m.start - sent.start):
                    # 中老铁路…，全长1035公里，总投资374亿元人民币 / 大桥横跨…，耗资2亿美元: what the project the
                    # sentence is about costs (no other project or sum between)
                    fund = [x for x in ms if x.type == "PROJECT" and x.end <= cs and not any(
                        o.type in ("MONEY", "PROJECT") and x.end <= o.start < m.start for o in ms)][-1:]
                if not fund and m.type == "COUNT" and re.search(r"[人名]$", _zh(m)):
                    # 第26批援塞拉利昂医疗队一行15人 / 该医疗队共有队员12名: the people of the named team
                    fund = [x for x in inner if x.type == "PROJECT" and x.end <= m.start and _TEAM_WORDS.search(_zh(x))
                            and _TEAM_OF.fullmatch(sent.text, x.end - sent.start, m.start - sent.start)][-1:]
                if fund:
                    fact.roles += [("programme", fund[-1]), ("amount", m)]
                else:  # a sum of a named flow (提供无偿援助1278亿元人民币) or total (对外援助金额为2702亿元人民币), or
                    # a number of what the clause names before it (提供物资援助890批), is its amount; else the
                    # sum or number is the subject
                    total = _TOTAL_OF.search(sent.text[cs - sent.start:m.start - sent.start])
                    fact.roles.append(("amount" if m.type == "MONEY" and (flow or total) or what else "theme", m))
                # 截至2009年底 …, 8月30日…: the date the figure is given for
                # (not across a ；: what follows it is a statement of its own)
                when = [d for d in ms if d.type == "DATE" and d.end <= m.start
                        and (m.type == "MONEY" or speaker or d.start >= cs or _REPORTED.match(sent.text, d.end - sent.start)
                             or d.start == sent.start
                             and sent.text[d.end - sent.start:d.end - sent.start + 1] in "，,")  # 2020年，中国向150个国家…
                        and not re.search(r"[；;]", sent.text[d.end - sent.start:m.start - sent.start])
                        # (2000年以来, 2013年起: the start of a time since, no day the figure is given for)
                        and not _SINCE.match(sent.text, d.end - sent.start)
                        # (在2024年底前, 2030年以前: the day it is due by, no day it is given for)
                        and not _BY_THEN.match(sent.text, d.end - sent.start)]
                # 截至2019年底，…投资存量…，…设立企业3500多家: a stock of trade or investment is counted up to that day
                stock = as_of_date and (m.type == "MONEY" or m.type == "COUNT" and _SO_FAR.search(clause) and not _countries(m) or trade and not AID_WORDS.search(clause))
                if stock or when:
                    day = as_of_date if stock else when[-1]
                    # a figure of trade or investment given for a year alone (2012年，…贸易额…) sums up that year
                    flows = trade and not period and day is not as_of_date and not AID_WORDS.search(clause) \
                        and _BARE_YEAR.fullmatch(day.text) and not re.search(r"(?:截至|截止到?|到)$", sent.text[:day.start - sent.start])
                    fact.roles.append(("period" if flows else "date", day))
                if speaker and speaker.end <= m.start:
                    fact.roles.append(("announced_by", speaker))
                if m.type == "MONEY":
                    fact.roles += [("share", p) for p in shares if p.start > m.start][:1]
                fact.roles += [("period", p) for p in period]
                fact.roles += [("region", r) for r in region]
                if flow:
                    fact.literals["flowType"] = _flow_code(flow)
                if what:
                    fact.literals["counts"] = what
                if as_of and not period and not as_of_date:
                    fact.literals["asOf"] = as_of.group(1)
                if purpose and m.type == "MONEY":
                    fact.literals["purpose"] = purpose.group(1)
                yield fact

    # ------------------------------------------------------------------ partnerships
    def _partnerships(self, sent, ms: list[Mention], heading: list[Mention]) -> Iterable[Fact]:
        # 中国与A、B、C等14个国际组织实施项目: China (or the fund) and the organisations it works with —
        # not 澜湄合作将与“一带一路”倡议对接 (one programme and another)
        # (通过X基金，与Y合作: the fund's clause and the partner's read on)
        m = _WORKS_WITH.search(sent.text)
        funds = [x for x in ms if x.type == "PROGRAMME"] or heading
        if m is None and funds and funds[0].start == sent.start:
            # 该基金由X管理，已与A、B等10个国际组织开展合作: a later clause of the fund the sentence opens with
            m = _TOPIC_WORKS_WITH.search(sent.text)
        if m is None or not funds:
            return
        lo, hi = sent.start + m.start(1), sent.start + m.end(1)
        # organisations of the list, not one inside a name (东盟 in 《东盟2025:携手前行》)
        # (拉共体成员国, 东盟国家: the member states are parties, not the organisation)
        partners = [x for x in _outer_names(ms) if x.type == "ORG" and lo <= x.start and x.end <= hi
                    and not _MEMBERS.match(sent.text, x.end - sent.start)]
        if not partners:
            return
        fund = funds[0]
        for p in partners:
            fact = Fact("Partnership", sent.index, sent.start, sent.end, sent.text, "partner:fund-with-organisations",
                        fund.name, [("programme", fund), ("partner", p)])
            yield fact

    def _partners(self, sent, ms: list[Mention], said: set[tuple[str, str]]) -> Iterable[Fact]:
        """A programme or project and the organisation it is run with: named after both (中国—联合国和平与
        发展基金, 中国-联合国粮农组织南南合作信托基金); 与/同 X (一道|共同)? 签署/落实/实施/设立 Y; Y 由 X
        实施/执行/管理; 通过/委托 X 实施 Y."""
        text, base = sent.text, sent.start
        fact = _pair_facts(sent, "Partnership", "programme", "partner", said)
        names = _outer_names(ms)
        items = [m for m in names if m.type in ("PROGRAMME", "PROJECT")]
        orgs = [m for m in ms if m.type == "ORG"]
        parties = _outermost([m for m in ms if m.type in ("ORG", "COUNTRY") and not m.is_value])
        runs = _runs(text, base, parties)
        for p in items:
            lead = re.match(r"中国?[—－\-–―]", _zh(p))
            named = next((o for o in orgs if lead and o.start == p.start + lead.end() and o.end < p.end), None)
            # (粮农组织—中国南南合作信托基金: the body first, China after the dash)
            named = named or next((o for o in orgs if o.start == p.start and o.end < p.end
                                   and re.match(r"[—－\-–―](?:中国|中方)", text[o.end - base:p.end - base])), None)
            if named is not None:
                yield from fact(p, named, "partner:named-after-both")
        # X的合作伙伴包括A、B和C / X的合作方为A和B: the bodies listed after are its partners
        for t in _PARTNERS_ARE.finditer(text):
            whose = [p for p in items if p.end - base in (t.start(), t.start() - 1)]
            stop = re.search(r"[，；。,;]", text[t.end():])
            hi = base + t.end() + (stop.start() if stop else len(text) - t.end())
            for p in whose[:1]:
                for o in names:
                    if o.type == "ORG" and base + t.end() <= o.start and o.end <= hi:
                        yield from fact(p, o, rule="partner:listed")
        for o in orgs:
            if o not in names:
                continue
            before, after = text[:o.start - base], text[o.end - base:]
            # 同二十国集团成员一道落实“暂缓…倡议”; 中国同非盟签署“三网一化”合作备忘录
            # (与联合国合作在华设立X: where, between the partner and the verb)
            # (与世界粮食计划署驻华代表屈四喜签署…: the body's envoy signs for it)
            envoy = next((x.end - o.end for x in ms if x.type == "PERSON" and o.end < x.start <= o.end + 12
                          and not re.search(r"[，；。,;、和与及]", text[o.end - base:x.start - base])), 0)
            # (与A、B和C共同实施Y: each body of the list works on Y; 中方和X共同出资设立Y: a party joined by 和
            # works with China when the verb says they act together; 携手X/会同X实施Y)
            head, end = _listed_with(text, base, parties, o)
            lead, tail = text[:head - base], text[end - base:]
            if end > o.end:
                envoy = 0
            else:
                tail = after
            verb = _WITH_VERB.match(tail[envoy:]) if _WITH_BEFORE.search(lead) else None
            if verb is None and head < o.start and not _chinese(o) and any(
                    x.start == head and _chinese(x) for x in parties):  # 中方和X共同…: China's list
                verb = _TOGETHER_VERB.match(tail)
            if verb:
                start = end + envoy + verb.end()
                stop = re.search(r"[，；。,;]", text[start - base:])
                hi = start + (stop.start() if stop else len(text) - (start - base))
                # (与X签署谅解备忘录，共同实施Y: the clause after the signing says what they carry out together)
                if stop and text[hi - base] in "，," and (nxt := _THEN_TOGETHER.match(text, hi - base + 1)):
                    more = re.search(r"[，；。,;]", text[nxt.end():])
                    hi = base + nxt.end() + (more.start() if more else len(text) - nxt.end())
                for p in items:
                    if start <= p.start and p.end <= hi:
                        yield from fact(p, o, rule="partner:signed-with")
            # X与中国合作(实施)的Y: the body that works with China on it
            if (along := _WITH_CHINA_OF.match(after)) is not None:
                for p in items:
                    if p.start - base - (o.end - base + along.end()) in (0, 1) and not re.search(r"[，；。,;]", text[o.end - base:p.start - base]):
                        yield from fact(p, o, rule="partner:jointly")
            # 由A和B共同出资设立的Y基金 / Y基金由A和B共同出资设立: the bodies that set up and pay into a fund
            if (made := _SET_UP_BY.match(tail)) is not None and re.search(r"由$", lead):
                for p in items:
                    if p.type == "PROGRAMME" and (made.group(1) and p.start - base - (end - base + made.end()) in (0, 1)
                                                  or p.end <= head and re.fullmatch(r"[”\"》]?(?:已|将|是)?", text[p.end - base:head - base - 1])):
                        yield from fact(p, o, rule="partner:set-up-by")
            # Y的实施单位为X, Y的执行机构是X: the body that runs the project the sentence is about
            if _RUNNER_IS.search(before) and not re.search(r"[，；。,;]", before):
                for p in items[:1]:
                    if p.end <= o.start:
                        yield from fact(p, o, rule="partner:run-by")
            # Y由X实施 / 通过X实施Y / 委托X实施Y
            run = re.match(r"(?:负责)?(?:实施|执行|管理|运营)", after)
            # Y由中国与X合作实施, 由A和X共同执行: the parties listed before the verb; Y由中国政府出资、X执行: the
            # one that carries it out after the one that pays
            first, last = runs.get((o.start, o.end), (o.start, o.end))
            if run is None and (o.start, o.end) in runs and re.search(r"(?:由|通过|委托)$", text[:first - base]) \
                    and _RUN_TOGETHER.match(text, last - base):
                run, before = _RUN_TOGETHER.match(text, last - base), "由"
            if run and _PAID_THEN_RUN.search(before):
                before = "由"
            if run and re.search(r"(?:由|通过|委托)$", before):
                for p in items:
                    gap = text[p.end - base:o.start - base] if p.end <= o.start else text[o.end - base + run.end():p.start - base]
                    # X项目为期3年，由Y实施: the topic of the sentence, its clauses chained by commas
                    topic = p.end <= o.start and not re.search(r"[；。;]", gap) and _agent_of(sent, items, o)[:1] == [p] \
                        and not text[:p.start - base].strip("“\"《")
                    if not re.search(r"[，；。,;]", gap) and len(gap) <= 20 or topic:
                        yield from fact(p, o, rule="partner:run-by")
            # 世界粮食计划署实施的老挝学校供餐项目; 粮食署(牵头)的学校供餐项目: the organisation's own is run by it
            done = re.match(r"(?:(?:负责|具体)?(?:实施|执行|承办|运营|管理|牵头|主导|开展|发起)(?:实施)?)?的([^，；。,;]{0,20})", after)
            # (after a bare 的 the name follows at once, not 粮食署的工作人员参观了X项目; 中国与X的Y项目 is theirs
            # together, unless each has its own: 中国与X的Y项目各自进行)
            bare = done is not None and done.start(1) == 1
            if done and not (bare and re.search(r"(?:与|和|同|及|、)$", before)
                             and re.match(r"[^，；。,;]*?(?:各自|分别)", after)):
                for p in items:
                    if o.end + done.start(1) <= p.start <= o.end + done.end() and (
                            not bare or not text[o.end - base + 1:p.start - base].strip("“\"《")):
                        yield from fact(p, o, rule="partner:run-by")
            # the fund that pays and the organisation that runs it: 通过X基金…，由Y负责实施; X支持、Y实施的
            if run and re.search(r"(?:由|、|委托|联合)$", before):
                for x in items:
                    if x.type == "PROGRAMME" and x.end <= o.start and (
                            re.search(r"(?:通过|经由|利用|依托|借助)$", text[:x.start - base])
                            or re.match(r"(?:的)?(?:支持|资助)", text[x.end - base:])):
                        yield from fact(x, o, rule="partner:fund-and-implementer")

    # ------------------------------------------------------------------ recipients
    def _recipients(self, sent, ms: list[Mention], clauses: list[tuple[int, int]]) -> Iterable[Fact]:
        # (a port the goods reach or are handed over in is where they went, not what was given: 运抵马普托港,
        # 在苏瓦港交接)
        projects = [m for m in ms if m.type == "PROJECT" and not _reached(sent, m)]
        for p in projects:  # 毛里塔尼亚友谊港扩建项目: the country is in the name
            inside = [c for c in ms if c.type == "COUNTRY" and not _chinese(c) and p.start <= c.start and c.end <= p.end]
            for c in inside:
                yield Fact("AidDelivery", sent.index, p.start, p.end, p.text, "recipient:country-in-name", p.name,
                           [("deliverable", p), ("recipient", c)])
        sending = "派" in sent.text  # (every verb of sending a team has it)
        topic: list[Mention] = []  # 在布基纳法索，项目将向…提供紧急粮食援助: the country a clause of its own names
        for k, (cs, ce) in enumerate(clauses):
            clause = sent.text[cs - sent.start:ce - sent.start]
            aside, topic = topic, [c for c in _within(ms, cs, ce) if c.type == "COUNTRY" and not _chinese(c)
                                   and _TOPIC_COUNTRY.fullmatch(clause[:c.start - cs] + "|" + clause[c.end - cs:])
                                   ] if len(clause) <= 24 and clause.lstrip()[:1] in ("在", "对") else []
            if sending and (sent_to := _sent_to(sent, ms, clauses, k)) is not None:
                yield sent_to
                continue
            inner = _within(ms, cs, ce)
            # (a body given goods receives them; one given a sum passes it on: its partner, see _channel_to)
            countries = [c for c in inner if (c.type == "COUNTRY" and not _chinese(c) or c.type == "ORG"
                                              and _GIVEN_TO_BODY.match(sent.text, c.end - sent.start)
                                              and sent.text[c.start - sent.start - 1:c.start - sent.start] == "向"
                                              and not any(x.type == "MONEY" for x in inner)
                                              or c.type == "ORG" and _BUILT_FOR.search(sent.text, 0, c.start - sent.start)
                                              and _BUILT_FOR_BODY.match(sent.text, c.end - sent.start))
                         and not any(p.start <= c.start and c.end <= p.end for p in projects)]
            if not countries and aside and not any(c.type in GEO for c in inner) and _DELIVERED.search(clause):
                countries = aside  # (the clause after the country's own names no other)
            if not countries:
                continue
            deal = "债" in clause and _DEBT_DEAL.search(clause)
            # 在中国的帮助下，埃塞俄比亚、肯尼亚等国建成了…: the countries that open the clause after China's help
            helped = k > 0 and "下" in sent.text[clauses[k - 1][0] - sent.start:cs - sent.start] and _WITH_HELP.search(
                sent.text, clauses[k - 1][0] - sent.start, cs - sent.start) and re.fullmatch(
                r"\s*", sent.text[cs - sent.start:countries[0].start - sent.start])
            if not RECIPIENT_VERBS.search(clause) and not deal and not helped \
                    and not ("由" in clause and _OWN_GIVEN_BY.search(clause)):
                continue
            listed = _list_run(sent.text, countries, sent.start)
            items = [p for p in projects if cs <= p.start and p.end <= ce]
            if items:  # 支持老挝学校供餐项目和布基纳法索紧急粮食援助: a country joined to the list after the project
                listed = [c for c in listed if not any(_JOINED_AFTER.fullmatch(sent.text, p.end - sent.start, c.start - sent.start)
                                                       for p in items)]
                if not listed:
                    continue
            obj, done_in, shown = "", [], []
            if not items:
                tail = sent.text[listed[-1].end - sent.start:ce - sent.start]
                o = _DELIVERED.search(tail)
                if o is None:
                    o = re.search(r"(?:实施|援建|援助了?|提供|建设|建立|修建|捐赠|捐助|赠送)(了)?([^，。；]{2,30})", tail)
                if o is None and _AID_VERB_BEFORE.search(sent.text[:listed[0].start - sent.start]):
                    o = _GOODS_AFTER.match(tail)  # 中国援助莫桑比克的首批救灾物资运抵…: what the aid verb gave
                if o is None and (given := _GIVEN_TO.search(sent.text, cs - sent.start, listed[0].start - sent.start)):
                    o = _GOODS_BEFORE.search(sent.text, cs - sent.start, given.start())  # …物资已分发给X: the goods
                if o is None and _RELIEF_BEFORE.search(sent.text[cs - sent.start:listed[0].start - sent.start]):
                    o = _DEBT_AFTER.match(tail)  # 免除了坦桑尼亚、赞比亚等国的债务: the debts of those countries
                if o is None and helped:
                    o = _BUILT_WITH_HELP.match(tail)
                if o is None:
                    o = _TEAM_AFTER.match(tail)
                if o is None and "惠及" in clause:
                    o = _REACHES.search(sent.text, 0, listed[0].start - sent.start)
                if o is None and re.fullmatch(r"\s*", sent.text[cs - sent.start:listed[0].start - sent.start]):
                    o = _OWN_GIVEN_BY.match(tail)  # (the country opens the clause)
                    shown = [x for x in inner if o and x.type in ("COUNT", "MONEY") and x.start < listed[-1].end + o.end(2)]
                if o is None and (o := _CARRIED_OUT_BEFORE.search(sent.text, cs - sent.start, listed[0].start - sent.start)):
                    o = o if _CARRIED_OUT_AFTER.match(tail) else None  # 项目将在老挝的…省实施: the places it is done in
                    done_in = [x for x in inner if o and x.type == "PLACE" and x.start >= listed[-1].end]
                if o is None and (reach := _GIVEN_THEN_REACH.search(sent.text, cs - sent.start, listed[0].start - sent.start)) \
                        and (reach.group(3) != "在" or _HANDED_OVER_THERE.match(tail)):
                    o = reach  # 由中国援助的疫苗运抵柬埔寨: the goods that reach the country
                if o is None and deal and _WITH_BEFORE.search(sent.text, cs - sent.start, listed[0].start - sent.start):
                    o = re.match(r"()(.*)", deal.group(1))  # 同19个国家签署缓债协议: the deal on their debts
                if o is None:
                    continue
                obj = re.sub(r"^的", "", o.group(2).rstrip("等"))  # 在塞内加尔援建的国家大剧院: the building
                obj = _ARRIVAL_AFTER.split(obj, 1)[0] or obj  # …物资于3月5日运抵苏瓦: the goods, not their arrival
                # 提供的紧急援助包括医疗物资和食品: the aid, not its list (对X的援助主要包括粮食、药品: the list, if it alone)
                obj = next((part for part in _LISTED_IN.split(obj, 1) if part), obj)
            fact = Fact("AidDelivery", sent.index, cs, ce, clause, "recipient:countries-with-aid-verb",
                        items[0].name if len(items) == 1 else (obj or _short(clause)))
            # 配合中巴经济走廊建设，在巴基斯坦先后实施了…: the programme the deliveries belong to
            fact.roles += [("part_of", x) for x in _served(sent, ms, cs)]
            # 与X签署协议，利用…在老挝实施…: the body the sentence's subject signed with, the clause going on
            fact.roles += _signed_with_before(sent, ms, clauses, k)
            fact.roles += [("deliverable", p) for p in items]
            fact.roles += [("recipient", c) for c in listed]
            fact.roles += [("theme", x) for x in shown]  # 加蓬的4万人座体育场: the figure in what was given
            if items and _CARRIED_OUT_IN.fullmatch(sent.text, items[-1].end - sent.start, listed[0].start - sent.start) \
                    and _CARRIED_OUT_AFTER.match(sent.text, listed[-1].end - sent.start, ce - sent.start):
                done_in = [x for x in inner if x.type == "PLACE" and x.start >= listed[-1].end]  # 该项目将在老挝的…省实施
            if done_in:
                done = _CARRIED_OUT_AFTER.match(sent.text, listed[-1].end - sent.start).end()
                fact.roles += [("location", x) for x in done_in if x.end - sent.start <= done]

            if obj:
                fact.literals["deliverable"] = obj
            yield fact

    # ------------------------------------------------------------------ institutions
    def _foundings(self, sent, ms: list[Mention]) -> Iterable[Fact]:
        """成立/设立/组建/创建 X with the date before it; X(于DATE)(宣告|正式)成立; the parent body."""
        founded = ("ORG", "FORUM", "PROGRAMME")
        announced = ANNOUNCE.search(sent.text)
        runner: list[Mention] = []
        for m in _FOUNDED_VERB.finditer(sent.text):
            pos = sent.start + m.end()
            if any(x.start <= sent.start + m.start() < x.end for x in ms) or (
                    announced and announced.end() <= m.start() and not m.group().startswith("宣告")) or _ANNIVERSARY.match(
                    sent.text, m.end()):
                continue  # 联合国成立70周年系列峰会: inside a name, or an anniversary; 宣布…设立X: a measure pledged (see _pledges)
            body = next((x for x in ms if x.type in founded and x.start == pos and not x.is_value), None)
            dates = [d for d in ms if d.type == "DATE" and d.end <= sent.start + m.start()]
            if body is None:  # 论坛由此宣告成立, 该署于2018年4月成立, 丝路基金2014年12月在北京注册成立: the body before the verb
                body = next((x for x in reversed(ms) if x.type in founded and x.end <= sent.start + m.start()
                             and _BODY_THEN_FOUNDED.fullmatch(_after_a_date(sent, ms, x.end, sent.start + m.start()))), None)
                if body is None and (lead := _TOPIC_FOUNDED.search(sent.text, 0, m.start())):
                    # 国家国际发展合作署作为国务院直属机构，于2018年4月18日正式挂牌成立, 中非发展基金是…基金，成立于2007年,
                    # X由北京大学主办，于…成立: the body the sentence opens with (its first clause the body alone, or
                    # with what it is, or who runs it)
                    body = next((x for x in ms if x.type in founded and x.start == sent.start and _TOPIC_IS.fullmatch(
                        sent.text[x.end - sent.start:lead.start()])), None)
                    if body is not None and (run := re.match(r"由([^，。；]{2,20}?)(?:主办|创办|组建|发起设立|管理)",
                                                             sent.text[body.end - sent.start:lead.start()])):
                        lo, hi = body.end + run.start(1), body.end + run.end(1)
                        runner = [x for x in ms if x.type == "ORG" and lo <= x.start and x.end <= hi]
                if body is None or not (m.group().endswith(("成立", "成立了")) or _CLAUSE_ENDS.match(sent.text, m.end())):
                    continue  # (中国—联合国和平与发展基金于2016年设立，…: set up, its clause done; not …设立了X)
                dates = [d for d in ms if d.type == "DATE" and d.end <= sent.start + m.start()]
                # 中国—东盟中心成立于2011年11月: the date after 于
                dates = [d for d in ms if d.type == "DATE" and sent.text.startswith("于", m.end()) and d.start == pos + 1] or dates
            elif body.type == "PROGRAMME" and not re.search(r"基金|机制|中心|平台|学院|银行", body.name):
                continue  # 设立…计划 is a pledge's measure, not a founding
            fact = Fact("Founding", sent.index, sent.start, sent.end, sent.text, "institution:founded", body.name,
                        [("body", body)])
            if dates:  # (a fund set up has a date, as the gold says of 南南合作援助基金; a body or mechanism is founded)
                fact.roles.append(("date" if body.type == "PROGRAMME" and body.name.endswith("基金") else "founded", dates[-1]))
            if runner:  # X由北京大学主办: the body that runs it is its parent
                fact.roles += [("parent", x) for x in runner[:1]]
                runner = []
            parent = re.search(r"(?:作为|隶属于?|为)([^，。；]{2,20}?)(?:直属机构|下属机构|直属|下属|的组成部门)", sent.text[m.end():])
            if parent:
                lo = pos + parent.start(1)
                hi = pos + parent.end(1)
                fact.roles += [("parent", x) for x in ms if x.type == "ORG" and lo <= x.start and x.end <= hi]
            if len(fact.roles) > 1:
                yield fact


    # ------------------------------------------------------------------ parent bodies
    def _affiliations(self, sent, ms: list[Mention], bodies: dict[str, Mention]) -> Iterable[Fact]:
        """A body and its parent: a department named after its body (国家国际发展合作署地区一司,
        联合国世界粮食计划署, 中国驻埃及大使馆 has none: 中国 is a country), the units listed after
        内设/下设/下辖 (该署内设综合司、政策和规划司等机构), and 作为/列为/隶属于 X (直属)机构."""
        fact = _pair_facts(sent, "Affiliation", "body", "parent")

        countries = {(c.start, c.end) for c in ms if c.type == "COUNTRY"}
        for body in ms:
            if body.type != "ORG":
                continue
            name = body.name
            # a country's name first (中华人民共和国国务院新闻办公室): the body's name follows it
            lead = max((e - body.start for s, e in countries if s == body.start and e < body.end), default=0)
            for cut in (0, lead) if lead else (0,):
                rest = name[cut:]
                parent = max((b for b in _prefixes(rest, bodies)), key=lambda b: len(b.name), default=None)
                if parent is not None:
                    yield from fact(body, parent, "parent:name-begins-with-parent")
                    break
        text, base = sent.text, sent.start
        for t in _UNITS_UNDER.finditer(text):
            owners = [x for x in ms if x.type in ("ORG", "FORUM") and x.end - base <= t.start()]
            this = re.search(r"(?:该|本)(\w)$", text[:t.start()])  # 该署内设…: the last body named …署
            owners = [x for x in owners if x.name.endswith(this.group(1))] if this else [
                x for x in owners if not re.search(r"[；;。]", text[x.end - base:t.start()])]
            if not owners:
                continue
            stop = re.search(r"[；。]|等", text[t.end():])
            hi = t.end() + (stop.start() if stop else len(text))
            for unit in _outer_names(ms):  # (not 农业部 inside 中拉农业部长论坛)
                if unit.type == "ORG" and t.end() <= unit.start - base and unit.end - base <= hi:
                    yield from fact(unit, owners[-1], "parent:units-listed")
        for t in _SUBORDINATE.finditer(text):
            parents = [x for x in ms if x.type == "ORG" and base + t.start(1) <= x.start and x.end <= base + t.end(1)]
            children = [x for x in ms if x.type == "ORG" and x.end - base <= t.start()]
            if parents and children:
                yield from fact(children[-1], parents[0], "parent:subordinate-body")

    # ------------------------------------------------------------------ projects: builders, lenders, milestones
    def _builders(self, sent, ms: list[Mention]) -> Iterable[Fact]:
        """A project and who builds or finances it (由X承建/建设, 承建单位是X, X承建的(肯尼亚)Y, X承建了Y, X提供贷款,
        X为Y提供贷款): the partner; and the day it was begun or finished (Y于…建成通车, …开工): its date, or the
        years from the one its works began to the one they were done (于2013年开工，2024年建成): its period."""
        text, base = sent.text, sent.start
        projects = [m for m in ms if m.type == "PROJECT"]
        if not projects:
            return
        orgs = [m for m in ms if m.type == "ORG"]
        # 由中国中铁和中国铁建联合承建, 由X与老挝政府合资建设: builders listed, the verb after the last
        runs = _runs(text, base, _outermost([m for m in ms if m.type in ("ORG", "COUNTRY") and not m.is_value]))
        for p in projects:
            fact = Fact("ProjectReport", sent.index, sent.start, sent.end, text, "project:builder-date", p.name,
                        [("project", p)])
            for o in orgs:
                between = text[min(o.end, p.end) - base:max(o.start, p.start) - base]
                first, last = runs.get((o.start, o.end), (o.start, o.end))
                before_o = text[:first - base]
                # (由中国交建投资建设; 承建商为X, 施工单位是X: who builds it, named by its part)
                if (re.search(r"由$", before_o)
                        and re.search(r"^(?:政府)?(?:共同|联合|合资|合作)?(?:投资)?(?:承建|建设|施工|修建|援建|负责|提供)", text[last - base:])
                        or _BUILDER_IS.search(before_o)) \
                        and not re.search(r"[。；]", between) and o.start > p.start and p in _agent_of(sent, projects, o):
                    fact.roles.append(("partner", o))
                elif o.end <= p.start and not _BUILT_FOR.search(text, 0, o.start - base) and (_BUILT_BY_BEFORE.fullmatch(bare := _blank_geo(between, ms, o.end, p.start))
                                           or _BUILDS_BEFORE.fullmatch(bare)
                                           or _MAKERS_BEFORE.fullmatch(_blank(between, orgs, o.end, p.start, ms))
                                           or _FOR.fullmatch(bare) and _LENDS_AFTER.match(text, p.end - base)
                                           or _LENDS_FOR.fullmatch(between)):
                    # 中国铁建承建的(肯尼亚)本格拉铁路, (由)中国进出口银行提供贷款的蒙内铁路; 中国路桥承建了蒙内铁路;
                    # 中国进出口银行为…项目提供优惠贷款
                    fact.roles.append(("partner", o))
                elif o.start > p.end and re.match(r"[^，；。]{0,4}提供[^，；。]{0,8}(?:贷款|融资)", text[o.end - base:]):
                    fact.roles.append(("partner", o))  # …铁路由中国进出口银行提供贷款
            # …由中国进出口银行提供贷款，中国中铁和中国电建承建: a clause of builders alone after the project
            for c in _BUILDERS_CLAUSE.finditer(text, p.end - base):
                inside = [o for o in orgs if base + c.start(1) <= o.start and o.end <= base + c.end(1)]
                rest = text[c.start(1):c.end(1)]
                for o in reversed(inside):
                    rest = rest[:o.start - base - c.start(1)] + rest[o.end - base - c.start(1):]
                if inside and not rest.strip("和与及、 ") and not re.search(r"[。；;]", text[p.end - base:c.start(1)]):
                    fact.roles += [("partner", o) for o in inside if ("partner", o) not in fact.roles]
            after = text[p.end - base:]
            done = _DONE.match(after)  # …交接仪式10日在万象启动
            later = None
            if done is None and not _CLAUSE_BREAK.search(text, 0, p.start - base) and (later := _DONE_LATER.search(after)) and not any(
                    x.type == "PROJECT" and p.end < x.start < p.end + later.start() for x in ms):
                # 中老铁路是…工程，由…建设，全长1035公里，于2021年12月3日全线开通运营: a later clause with no subject of its
                # own, of the project the sentence opens with
                done = later
            if done is None and "于" in after and (later := _done_later_by_head(_zh(p)[-2:]).search(after)) and not any(
                    x.type == "PROJECT" and p.end < x.start < p.end + later.start() for x in ms):
                # 中国援建的帕德玛大桥连接…，大桥于2022年6月25日通车 / …，该项目于2018年开工: a later clause whose
                # subject is the project's head word (or 该项目), of the project named before
                done = later
            if done:  # Y于2015年建成; 2015年1月1日，中国承建的Y动工; Y 10日在万象启动
                dates = [d for d in ms if d.type == "DATE" and p.end <= d.start and d.end - base <= p.end - base + done.end()
                         and (text[d.start - base - 1:d.start - base] == "于"
                              or done is later and text[d.start - base - 1:d.start - base] in "，,")]
                # (2014年8月X全线贯通，3个月后，…Y宣告竣工: the day of another project, or a time counted from it)
                dates = dates or [d for d in ms if d.type == "DATE" and d.end <= p.start and
                                  not re.search(r"[；。;]", text[d.end - base:p.start - base])
                                  and not _LATER_BY.search(text, d.end - base, p.start - base)
                                  and not any(x.type == "PROJECT" and d.end <= x.start and x.end <= p.start for x in ms)]
                works = _works_span(sent, ms, p)
                fact.roles += [("period", works)] if works else [("date", d) for d in dates[-1:]]
                fact.roles += [("location", x) for x in ms if x.type in ("PLACE", "COUNTRY") and not _chinese(x)
                               and p.end <= x.start and x.end - base <= p.end - base + done.end()
                               and re.search(r"在$", text[:x.start - base])]
            if len(fact.roles) > 1:
                yield fact

    # ------------------------------------------------------------------ programmes and plans
    def _programmes(self, sent, ms: list[Mention], said: set[tuple[str, str, str]],
                    recent_meeting: Mention | None = None) -> Iterable[Fact]:
        """What a plan's name and its sentence say: its period (…行动计划(2022-2024)), the body whose plan
        it is (东盟互联互通总体规划2025: 东盟 announced it; 中阿合作论坛行动计划: the forum's), the meeting
        that adopted it (…会议…审议通过了《X》) and when."""
        text, base = sent.text, sent.start
        for p in ms:
            if p.type != "PROGRAMME" or len(p.name) < 4:
                continue
            fact = Fact("ProgrammeReport", sent.index, p.start, p.end, p.text, "programme:name-and-adoption", p.name,
                        [("programme", p)])
            years = re.search(r"[(（]?((?:19|20)\d\d)年?\s*[-—–~～－―至到]\s*((?:19|20)\d\d)年?[)）]?", p.text)
            if years and int(years.group(1)) < int(years.group(2)):
                a, b = years.group(1), years.group(2)
                fact.roles.append(("period", replace(
                    p, start=p.start + years.start(), end=p.start + years.end(), text=years.group(), type="PERIOD",
                    key=f"period/{a}/{b}", name=years.group(), rule="value", value={"value": f"{a}/{b}", "start": a, "end": b})))
            # 2015年至2019年，中方将实施“X计划”: the span heading the sentence is the time of a programme it is to carry out
            if not years and (head := _HEAD_SPAN.match(text)) and _TO_CARRY_OUT.fullmatch(text, head.end(), p.start - base):
                fact.roles += [("period", m) for m in ms if m.type == "PERIOD" and m.start == base + head.start(1)][:1]
            # 双方同意在2015年至2019年间共同实施“X计划”, 中方将于2022年至2024年实施X: the span the verb is put in
            elif not years:
                fact.roles += [("period", m) for m in ms if m.type == "PERIOD" and m.end <= p.start and _YEARS.search(
                    m.value.get("value", "")) and _SPAN_TO_CARRY_OUT.fullmatch(text, m.end - base, p.start - base)
                    and _WILL_DO_IN.search(text, 0, m.start - base)][-1:]
            # 东盟互联互通总体规划2025: 东盟's plan (a forum's plan, 中非合作论坛—达喀尔行动计划, is adopted at one
            # of its meetings: the forum is no meeting it was announced at)
            owner = [o for o in ms if p.start <= o.start <= p.start + 1 and o.end < p.end and o.type == "ORG"
                     and p.name.startswith(o.name)
                     and not _PART_HEAD.search(p.name[len(o.name):])]
            for o in owner[:1]:
                fact.roles.append(("announced_by", o))
            # 2016年，中国政府发布了《X方案》: the body that issues a plan announces it, on the day heading the sentence
            issuer = [] if owner else [o for o in ms if o.type in ("ORG", "COUNTRY") and o.end <= p.start and _ISSUED.fullmatch(
                text, o.end - base, p.start - base) and not any(x.start < o.start < x.end for x in ms)][-1:]
            if issuer and (p.rule == "quoted:plan" or text[p.start - base - 1:p.start - base] == "《"):
                fact.roles.append(("announced_by", issuer[0]))
                fact.roles += [("date", d) for d in ms if d.type == "DATE" and d.start == base and text[d.end - base:d.end - base + 1] in "，,"][:1]
            # …会议审议通过了《X》, 会议通过的《X》; 《X》于2015年1月在…会议上通过
            adopted = [mt for mt in ms if mt.type == "MEETING" and mt.end <= p.start and re.search(
                _ADOPTED, text[:p.start - base])
                and not re.search(r"[。；]", text[mt.end - base:p.start - base])]
            # (《X》由Y峰会审议通过, 《X》经Y会议于…通过: the meeting after it adopted it)
            after = [mt for mt in ms if mt.type == "MEETING" and mt.start >= p.end and re.fullmatch(
                r"[”》\"]?(?:已|于[^，；。]{2,16}?)?(?:在|由|经)?", text[p.end - base:mt.start - base]) and re.match(
                r"(?:于[^，；。]{2,16}?)?(?:在[^，；。]{1,10}?)?(?:上|期间)?(?:获得|得到)?(?:审议)?(?:通过|发表|发布|签署|批准)", text[mt.end - base:])]
            # (《X》于2015年1月9日在会上通过: the meeting named before, on the day said)
            on_it = recent_meeting and not adopted and not after and _ADOPTED_THERE.match(text, p.end - base)
            if on_it:
                fact.roles.append(("announced_at", recent_meeting))
                fact.roles += [("date", d) for d in ms if d.type == "DATE" and p.end < d.start and d.end <= base + on_it.end()][:1]
            ref = recent_meeting and re.search(_ADOPTED, text[:p.start - base])
            if ref and not adopted and not after and _meeting_ref(sent, ms, 0, ref.start()) and not any(
                    m.type == "MEETING" and m.end - base <= ref.start() for m in ms):
                fact.roles.append(("announced_at", recent_meeting))  # 会议审议通过了《X》: the meeting named before
            if adopted or after:
                mt = _outermost(adopted)[-1] if adopted else after[0]
                fact.roles.append(("announced_at", mt))
                when = [d for d in ms if d.type == "DATE" and (d.end <= mt.start and mt.start - d.end <= 2
                                                               or p.end <= d.start and d.end <= mt.start)]
                fact.roles += [("date", d) for d in when[-1:]]
            new = [(r, m) for r, m in fact.roles[1:] if (p.name, r, m.name) not in said]
            said.update((p.name, r, m.name) for r, m in new)
            if new:
                fact.roles[1:] = new
                yield fact

    # ------------------------------------------------------------------ parts of programmes and forums
    def _components(self, sent, ms: list[Mention], wholes: dict[str, Mention]) -> Iterable[Fact]:
        """A programme, project or forum and the whole it belongs to: a name that begins with the
        whole's (全球发展倡议项目库, 中巴经济走廊社会民生合作框架, 中非合作论坛—智库论坛), 在X框架下
        (实施的) Y, Y是X的(重要)组成部分/旗舰项目."""
        text, base = sent.text, sent.start
        fact = _pair_facts(sent, "Component", "programme", "part_of")

        for part in ms:
            if part.type not in ("PROGRAMME", "PROJECT", "FORUM"):
                continue
            # the rest of the name must name a part (…项目库, …框架, …智库论坛), not a plan or forum of the
            # whole (…行动计划 is adopted at a forum, …高峰论坛 is held for a programme)
            whole = max((w for w in _prefixes(part.name, wholes)
                         if (w.type == part.type or w.type == "PROGRAMME" and part.type == "PROJECT")
                         and _PART_HEAD.search(part.name[len(w.name):])),
                        key=lambda w: len(w.name), default=None)
            if whole is not None:
                yield from fact(part, whole, "part_of:name-begins-with-whole")
                # 全球发展和南南合作基金老挝学校供餐项目和布基纳法索难民粮食援助项目: the whole the first of a list
                # of projects begins with is the whole of the others too
                for nxt in _joined_after(text, base, ms, part) if part.type == "PROJECT" else ():
                    yield from fact(nxt, whole, "part_of:name-begins-with-whole")
        for t in _UNDER_FRAME.finditer(text):
            wholes_here = [w for w in ms if w.type in ("PROGRAMME", "FORUM") and w.end - base <= t.start()
                           and not re.search(r"[，；。,;]", text[w.end - base:t.start()])]
            if not wholes_here:
                continue
            stop = re.search(r"[；。]", text[t.end():])
            hi = t.end() + (stop.start() if stop else len(text))
            whole = wholes_here[-1]
            # (在中非合作论坛框架下举办中非民间论坛: a forum's own forums and meetings are its parts too)
            kinds_ = ("PROJECT", "PROGRAMME", "FORUM", "MEETING") if whole.type == "FORUM" else ("PROJECT", "PROGRAMME")
            for part in _outer_names(ms):
                if part.type in kinds_ and t.end() <= part.start - base and part.end - base <= hi:
                    yield from fact(part, whole, "part_of:under-the-framework")
        for w in ms:
            if w.type != "FORUM" or not _LEANS_ON.search(text, 0, w.start - base):
                continue
            if (t := _HOLDS_AFTER.match(text, w.end - base)) is None:
                continue
            stop = re.search(r"[；。]", text[t.end():])
            hi = t.end() + (stop.start() if stop else len(text))
            for part in _outer_names(ms):
                if part.type in ("FORUM", "MEETING") and t.end() <= part.start - base and part.end - base <= hi:
                    yield from fact(part, w, "part_of:under-the-framework")
        for part in ms:  # 将中非民间论坛纳入中非合作论坛框架
            if part.type not in ("FORUM", "PROGRAMME", "PROJECT") or (t := _BROUGHT_INTO.match(text, part.end - base)) is None:
                continue
            whole = [w for w in ms if w.type in ("FORUM", "PROGRAMME") and w.start - base == t.end()
                     and re.match(r"[”\"》]?(?:框架|机制|合作框架)", text[w.end - base:])]
            if whole:
                yield from fact(part, whole[0], "part_of:brought-into")
        # 通过南南合作援助基金实施的X项目, 利用中非发展基金援建X: a project the programme pays for
        for w in ms:
            if w.type != "PROGRAMME" or not re.search(r"(?:经|通过|利用|依托|借助|使用)$", text[:w.start - base]):
                continue
            # (通过X基金，中方支持粮食署在布基纳法索开展Y项目: the clause after the fund's says what it paid for)
            by = re.match(r"(?:的)?(?:资金|资助)?(?:[，,]?[^，；。]{0,12}?|[^，；。]{0,8}?)(?:实施|援建|建设|资助|支持|开展|建成)(?:了|的)?",
                          text[w.end - base:])
            if not by:
                continue
            stop = re.search(r"[，；。,;]", text[w.end - base + by.end():])
            hi = w.end - base + by.end() + (stop.start() if stop else len(text))
            for part in ms:
                if part.type == "PROJECT" and w.end - base + by.end() <= part.start - base and part.end - base <= hi:
                    yield from fact(part, w, "part_of:paid-by-the-programme")
            # (通过南南合作援助基金实施的“非洲疟疾防控行动”: a programme named right after 的 is paid for by it too)
            if by.group().endswith("的"):
                for part in _outer_names(ms):
                    if part.type == "PROGRAMME" and part.start - base in (w.end - base + by.end(), w.end - base + by.end() + 1):
                        yield from fact(part, w, "part_of:paid-by-the-programme")
        # (…是中巴经济走廊首个水电投资项目: the first, the flagship … project of the programme, 的 or not)
        # (…是澜湄合作专项基金支持的项目, 系X资助实施的项目: the programme that pays for it)
        for t in _IS_PART_OF.finditer(text):
            whole = [w for w in ms if w.type in ("PROGRAMME", "FORUM") and base + t.start(1) <= w.start and w.end <= base + t.end(1)]
            # (该论坛是中国—拉共体论坛的组成部分: a forum is part of a forum)
            kinds_ = ("PROJECT", "PROGRAMME", "FORUM") if whole and whole[0].type == "FORUM" else ("PROJECT", "PROGRAMME")
            part = [p for p in _outer_names(ms) if p.type in kinds_ and p.end - base <= t.start()
                    and not re.search(r"[，；。]", text[p.end - base:t.start()])] or _topic(sent, ms, t.start())
            if whole and part:
                yield from fact(part[-1], whole[0], "part_of:is-part-of")

        # a forum's sub-forum: Y是X的(专业)分论坛; 作为X的分论坛，Y…; X—Y论坛 (two forums joined by a dash)
        if "论坛" in text or "分会" in text:
            forums = [m for m in _outer_names(ms) if m.type in ("FORUM", "MEETING")]
            for t in _SUB_FORUM.finditer(text):
                whole = [w for w in forums if w.type == "FORUM" and base + t.start(2) <= w.start and w.end <= base + t.end(2)]
                if t.group(1):  # 作为X的分论坛，Y: the forum the sentence goes on with; Y作为X的分论坛: the one before
                    part = [p for p in forums if p.end - base == t.start()] or [
                        p for p in forums if p.start - base >= t.end() and not re.search(r"[；。]", text[t.end():p.start - base])][:1]
                else:  # Y是X的分论坛: the forum before 是
                    part = [p for p in forums if p.end - base <= t.start() and not re.search(r"[，；。]", text[p.end - base:t.start()])][-1:]
                if whole and part:
                    yield from fact(part[0], whole[0], "part_of:sub-forum")
            for a, b in zip(forums, forums[1:]):
                if a.type == "FORUM" and b.type == "FORUM" and text[a.end - base:b.start - base] in DASH_CHARS:
                    yield from fact(b, a, "part_of:sub-forum")  # 中非合作论坛—中非民间论坛

        # 中国—拉共体论坛下设中拉农业部长论坛、…等分论坛: the forums listed under a forum are its parts
        for t in _FORUMS_UNDER.finditer(text):
            owner = [w for w in ms if w.type == "FORUM" and w.end - base == t.start()]
            stop = re.search(r"[；。]|等", text[t.end():])
            hi = t.end() + (stop.start() if stop else len(text) - t.end())
            for part in _outer_names(ms) if owner else ():
                if part.type in ("FORUM", "MEETING") and t.end() <= part.start - base and part.end - base <= hi:
                    yield from fact(part, owner[0], "part_of:sub-forums-listed")
        # 作为“一带一路”重点项目，蒙内铁路…: the project the sentence goes on with is the programme's
        # (作为X“十大合作计划”的重要内容，中方设立了Y: the programme the sentence sets up; the whole is the last named)
        for t in re.finditer(r"作为([^，；。]{2,30}?)的?(?:(?:首个|第一个|重点|重要|旗舰|标志性|示范|早期收获)[^，；。的]{0,8}?(?:项目|工程)"
                             r"|(?:重要)?(?:组成部分|一部分)|(?:重要|主要|核心)(?:内容|举措)|(?:重要|重大|标志性|早期|首批)?(?:成果|收获))[，,]", text):  # 作为“一带一路”倡议的一部分，Y…
            whole = _outermost([w for w in ms if w.type in ("PROGRAMME", "FORUM") and base + t.start(1) <= w.start
                                and w.end <= base + t.end(1)])
            part = [p for p in ms if (p.type == "PROJECT" or p.type == "PROGRAMME" and _SETS_UP.search(
                text, t.end(), p.start - base)) and p.start - base >= t.end()
                    and not re.search(r"[，；。]", text[t.end():p.start - base])][:1]
            if whole and part:
                yield from fact(part[0], whole[-1], "part_of:as-a-project-of")
        # “十大合作计划”中的中非工业化合作计划, X项下的Y: a programme or project named as one of a programme's
        for t in _ONE_OF.finditer(text):
            # (a name's mention may hold its quotes: “十大合作计划”|中的)
            whole = [w for w in _outer_names(ms) if w.type == "PROGRAMME" and t.start() <= w.end - base <= t.start() + 1]
            part = [p for p in _outer_names(ms) if p.type in ("PROGRAMME", "PROJECT") and t.end() - 1 <= p.start - base <= t.end()]
            if whole and part:
                yield from fact(part[0], whole[0], "part_of:one-of-the-programme")

    # ------------------------------------------------------------------ projects a programme supports
    def _supported(self, sent, ms: list[Mention]) -> Iterable[Fact]:
        """A project and the programme or fund that pays for it or frames it: X支持的Y / X资助实施的Y
        (全球发展和南南合作基金支持的老挝学校供餐项目), 在X(的支持)下 … Y (在“一带一路”倡议下，…援建了Y),
        in the clause or sentence up to the next ；or 。"""
        text, base = sent.text, sent.start
        fact = _pair_facts(sent, "Component", "programme", "part_of")
        partner = _pair_facts(sent, "Partnership", "programme", "partner")
        programmes = [m for m in _outer_names(ms) if m.type == "PROGRAMME"]
        projects = [m for m in ms if m.type == "PROJECT"]
        # (X支持的老挝国家学校供餐计划: a programme the fund pays for, named right after it, is its part too; not a
        # project inside its name, 老挝国家学校)
        named_after = [m for m in _outer_names(ms) if m.type in ("PROJECT", "PROGRAMME")]
        for w in programmes:
            after = text[w.end - base:]
            # (全球发展和南南合作基金（GDSSCF）支持的…: the abbreviation in brackets after the name is part of it)
            if abbr := _ABBREVIATION.match(after):
                w, after = replace(w, end=w.end + abbr.end()), after[abbr.end():]
            paid = re.match(_PAID_BY, after) or _FUND_BACKED.match(after)
            if paid:  # X支持的Y: the project right after (X基金支持了Y)
                for p in named_after:
                    if _right_after(text, base, w.end + paid.end(), p):
                        yield from fact(p, w, "part_of:supported-by-the-programme")
            # 由X基金资助、世界粮食计划署实施的Y: the fund that pays, the organisation that runs it, the project
            elif paid := _PAYS_AND.match(after):
                for o in ms:
                    run = o.type == "ORG" and o.start == w.end + paid.end() and _RUN_BY_THEN.match(text, o.end - base)
                    for p in named_after if run else ():
                        if _right_after(text, base, base + run.end(), p):
                            yield from fact(p, w, "part_of:supported-by-the-programme")
            under = re.match(_UNDER, after)
            if under and re.search(r"在[“\"《]?$", text[:w.start - base]):
                stop = re.search(r"[；。;]", after[under.end():])
                hi = w.end + under.end() + (stop.start() if stop else len(after))
                for p in projects:
                    if w.end + under.end() <= p.start and p.end <= hi:
                        yield from fact(p, w, "part_of:under-the-programme")
                # 在X基金支持下，世界粮食计划署在布基纳法索实施了…: the organisation that does the work is the fund's partner
                if under.group() and re.search(r"(?:支持|资助)下", under.group()):
                    for o in ms:
                        if o.type == "ORG" and o.start == w.end + under.end() and re.match(
                                r"(?:已|将|还|也|正|先后|共同)*(?:在[^，；。]{1,16}?)?(?:成功|顺利)?(?:实施|开展|执行|落实|运营|启动)",
                                text[o.end - base:]):
                            yield from partner(w, o, "partner:works-with-the-fund")
            # Y获得X基金300万美元资助; X基金向Y提供300万美元: the project the fund gives to
            for p in projects:
                if p.end <= w.start and _GETS_FROM.fullmatch(text, p.end - base, w.start - base) and _FUNDING.match(after) \
                        or p.start >= w.end and _FUND_TO.fullmatch(text, w.end - base, p.start - base) \
                        and _FUNDS_IT.match(text, p.end - base):
                    yield from fact(p, w, "part_of:paid-by-the-programme")
            # 老挝学校供餐项目由全球发展和南南合作基金资助，世界粮食计划署负责实施: the project the sentence opens
            # with is paid by the fund after 由, and run by the body that opens the next clause
            if (paid := _PAID_BY_FUND.match(after)) and re.search(r"由[“\"《]?$", text[:w.start - base]):
                for p in projects[:1]:
                    if p.start == base and re.fullmatch(r"[”\"》]?(?:已|将|是|主要|全部)*由[“\"《]?", text[p.end - base:w.start - base]):
                        yield from fact(p, w, "part_of:paid-by-the-programme")
                        for o in ms:
                            if o.type == "ORG" and o.start - base == w.end - base + paid.end() and _RUNS_IT.match(text, o.end - base):
                                yield from partner(p, o, "partner:run-by")
            # 老挝学校供餐项目由世界粮食计划署负责实施，全球发展和南南合作基金提供资金: the project the sentence
            # opens with is paid by the fund named at the start of a later clause
            if re.match(r"[”\"》]?(?:为其|为此|为该项目)?(?:提供(?:了)?(?:资金|资助|经费|全部资金)|出资|资助)", after) \
                    and re.search(r"[，,；;][“\"《]?$", text[:w.start - base]):
                for p in projects[:1]:
                    if p.end <= w.start and p.start == base:
                        yield from fact(p, w, "part_of:paid-by-the-programme")

    # ------------------------------------------------------------------ joint work
    def _joint(self, sent, ms: list[Mention]) -> Iterable[Fact]:
        """Parties that run a project or programme together (A与B共同实施的Y, A、B和C三方合作开展Y,
        A同中方联合设立Y): the organisations of the clause before the verb are partners of what follows
        it in the clause (the countries among them are parties, not partners)."""
        text, base = sent.text, sent.start
        fact = _pair_facts(sent, "Partnership", "programme", "partner")
        items = [m for m in _outer_names(ms) if m.type in ("PROGRAMME", "PROJECT")]
        for t in _JOINTLY.finditer(text):
            lo = max(text.rfind(c, 0, t.start()) for c in "，；。,;：:") + 1
            stop = re.search(r"[，；。,;]", text[t.end():])
            hi = t.end() + (stop.start() if stop else len(text) - t.end())
            left = text[lo:t.start()]
            if not re.search(r"与|和|同|、|及", left):
                continue  # one party named: not work done together
            orgs = [o for o in _outer_names(ms) if o.type == "ORG"
                    and lo <= o.start - base and o.end - base <= t.start()]
            for p in items:
                if t.end() <= p.start - base and p.end - base <= hi:
                    for o in orgs:
                        yield from fact(p, o, "partner:jointly")

    def _fund_partners(self, sent, ms: list[Mention]) -> Iterable[Fact]:
        """A fund and the organisation it pays to do the work: (通过)X基金支持/资助/委托Y(在…)实施…, X基金向Y
        提供/拨付…: Y is the fund's partner."""
        text, base = sent.text, sent.start
        fact = _pair_facts(sent, "Partnership", "programme", "partner")
        project = _pair_facts(sent, "Partnership", "programme", "partner")
        orgs = [o for o in _outer_names(ms) if o.type == "ORG"]
        for x in ms:
            if x.type != "PROGRAMME" or not x.name.endswith("基金"):
                continue
            for o in orgs:
                if o.start < x.end:
                    continue
                between, after = text[x.end - base:o.start - base], text[o.end - base:]
                if re.fullmatch(r"[”\"》]?(?:还|已|将|继续|又)?(?:出资)?(?:支持|资助|委托|帮助)", between) and re.match(
                        r"(?:在[^，；。]{1,12}?)?(?:实施|开展|执行|落实|提供|采购|发放)", after):
                    yield from fact(x, o, "partner:fund-pays-the-implementer")
                elif re.fullmatch(r"[”\"》]?(?:还|已|将|继续|又)?向", between) and re.match(r"(?:提供|捐赠|捐助|捐款|捐资|出资|注资|拨款|拨付|划拨)", after):
                    yield from fact(x, o, "partner:fund-pays-the-implementer")
            # 世界粮食计划署利用南南合作援助基金在布基纳法索实施…: the organisation that uses the fund to do the work
            # (and the project it does with it, in the clause)
            for o in orgs:
                if o.end <= x.start and _USES.fullmatch(text, o.end - base, x.start - base) and (
                        done := _USED_FOR.match(text, x.end - base)) and not _CHINAS_OWN.search(_zh(o)):
                    yield from fact(x, o, "partner:uses-the-fund")
                    stop = re.search(r"[，；。,;]", text[done.end():])
                    hi = done.end() + (stop.start() if stop else len(text) - done.end())
                    for p in ms:
                        if p.type == "PROJECT" and done.end() <= p.start - base and p.end - base <= hi:
                            yield from project(p, o, "partner:uses-the-fund")

    # ------------------------------------------------------------------ tables
    def _table_row(self, sent, ms: list[Mention]) -> Iterable[Fact]:
        """A row of a table written as text (日期 | 国家 | 机构 | 金额 | 说明): the sum in its own cell,
        given to the countries of a cell of countries, through the organisation of a cell that
        holds only it, on the date of a cell that holds only a date."""
        text, base = sent.text, sent.start
        if text.count("|") < 3 and text.count("｜") < 3:
            return
        cells, pos = [], 0
        for part in re.split(r"[|｜]", text):
            cells.append((base + pos, base + pos + len(part)))
            pos += len(part) + 1
        dates, geo, orgs, sums, prose, funds, named = [], [], [], [], [], [], []
        for cs, ce in cells:
            inner = _outermost([m for m in _within(ms, cs, ce) if not m.is_value]) + [
                m for m in _within(ms, cs, ce) if m.is_value]  # 联合国世界粮食计划署, not also 联合国 inside it
            bare = re.sub(r"[\s、，,和及与]", "", sent.text[cs - base:ce - base])
            names = "".join(x.text for x in inner)
            if not inner or len(re.sub(r"[\s、，,和及与]", "", names)) < len(bare) - 4:
                if any(x.type == "MONEY" for x in inner) and len(bare) <= 20:  # 每国200万美元,合计600万美元
                    sums += [x for x in inner if x.type == "MONEY"]
                prose += [x for x in inner if x.type == "PROJECT"]
                funds += [x for x in inner if x.type == "PROGRAMME"]  # 南南合作援助基金在巴实施的首个项目
                continue  # a cell of prose
            dates += [x for x in inner if x.type == "DATE"]
            geo += [x for x in inner if x.type in GEO and not _chinese(x) and not any(
                p.type == "PROJECT" and p.start <= x.start and x.end <= p.end for p in inner)]  # (not 也门 of 也门…项目)
            orgs += [x for x in inner if x.type == "ORG"]
            sums += [x for x in inner if x.type == "MONEY"]
            named += [x for x in inner if x.type == "PROJECT"]  # a cell of the project's name (项目名称)
        prose = prose or named
        if not sums:  # no sum: the project the row's prose names has the row's date, countries and partner
            for p in prose[:1]:
                fact = Fact("AidDelivery", sent.index, sent.start, sent.end, text, "aid:table-row-project", p.name,
                            [("deliverable", p)])
                fact.roles += [("date", d) for d in dates[:1]]
                fact.roles += [("recipient", g) for g in geo]
                fact.roles += [("partner", o) for o in orgs]
                fact.roles += [("programme", f) for f in funds[:1]]
                if len(fact.roles) > 1:
                    yield fact
            return
        for m in sums:  # 每国200万美元,合计600万美元: one figure each
            fact = Fact("AidStatistic", sent.index, sent.start, sent.end, text, "aid:table-row", m.text, [("theme", m)])
            fact.roles += [("date", d) for d in dates[:1]]
            fact.roles += [("recipient", g) for g in geo]
            fact.roles += [("partner", o) for o in orgs]
            fact.roles += [("programme", f) for f in funds[:1]]  # the fund the row's prose says paid for it
            yield fact


# X 8月30日发布的数字显示，…: the figures the report gives are dated the day it came out
_REPORTED = re.compile(r"(?:发布|公布)的?(?:最新)?(?:数字|数据|统计|报告|消息)(?:显示|称|表明)")
_GETS = re.compile(r"[”\"》]?(?:已|共|累计|先后)*(?:获得|得到|获)了?[^，；。]{0,24}?")
_GOT_AS = re.compile(r"(?:的)?(?:资助|援助|支持|资金|捐款|赠款)")
_TOLL = re.compile(r"丧生|遇难|罹难|死亡|受伤|失踪|伤亡|受灾|无家可归|流离失所")
_MEMBERS = re.compile(r"[”\"》]?(?:各|其他|所有|全体)?(?:成员国|成员|成员方|国家|各国|[二三四五六七八九十两\d]{1,3}国)")  # 东盟十国
_SO_FAR = re.compile(r"累计|已经?|共有")  # 到2009年底，中国已帮助…建成…2000多个: a number reached by that day
_CHANNEL_BEFORE = re.compile(r"(?:通过|经由|利用|依托|借助)[“\"《]?$")
_TELLS_OF = re.compile(r"(?:表示|说|指出|强调|称|介绍|透露)[，,：:]")  # 古特雷斯表示，|中方宣布…
_HEADS_A_LIST = re.compile(r"[^；。：:]{0,24}?[：:]")  # 未来3年|中方将采取以下举措：
_FOCUS = re.compile(r"\s*(?:并|以|来|从而)?(?:(?:重点|主要|优先|着力|集中|专门|全部)(?:用于|支持|帮助|投向|投入)|(?:将|全部)?用于)")
_ON_THE_BASIS = re.compile(r"在[^，；。]{1,16}?基础上")
# (中方将在未来10年内推动对拉美投资存量达到2500亿美元: a subject and a time may come before the verb of aiming)
_AIMED = re.compile(r"[^，；。]{0,12}?(?:力争|争取|目标是|计划|推动|努力|促进)[^，；。]{0,16}?(?:达到|增至|增加到|增加至|扩大到|扩大至|超过)")
_COUNTED_MEASURES = re.compile(r"[^，；。]{0,4}?(?:政策)?(?:措施|举措|行动|计划|工程|倡议)")


_RESPECTIVELY = re.compile(r"[^，；。]{0,8}?分别")
_RESPECTIVELY_BEFORE = re.compile(r"分别(?:向|为|给)$")  # 分别向老挝和布基纳法索提供300万美元和200万美元


def _respectively(sent, roles: list[tuple[str, Mention]], m: Mention, amounts: list[Mention]) -> list[tuple[str, Mention]]:
    """向汤加、斐济、瓦努阿图分别提供了100万美元、50万美元和30万美元 (分别向X和Y提供A和B): as many recipients as
    sums, 分别 between them or before the recipients: each sum to the country in its place in the list."""
    given = [g for r, g in roles if r == "recipient"]
    sums = [a for a in amounts if a.type == m.type and a.start > (given[-1].end if given else m.start)]
    if len(given) < 2 or len(given) != len(sums) or m not in sums \
            or not (_RESPECTIVELY.match(sent.text, given[-1].end - sent.start, sums[0].start - sent.start)
                    or _RESPECTIVELY_BEFORE.search(sent.text, 0, given[0].start - sent.start)):
        return roles
    mine = given[sums.index(m)]
    return [(r, g) for r, g in roles if r != "recipient" or g is mine]


def _respective_named(sent, inner: list[Mention], m: Mention, amounts: list[Mention]) -> list[Mention]:
    """为X和Y分别提供A和B (X、Y named projects or programmes): the one named in the place of ``m`` among the sums."""
    at = sent.text.find("分别", 0, m.start - sent.start)
    if at < 0:
        return []
    named = [x for x in _outermost([x for x in inner if not x.is_value]) if x.type in ("PROJECT", "PROGRAMME")
             and x.end - sent.start <= at]
    sums = [a for a in amounts if a.type == m.type and a.start - sent.start > at]
    if len(named) < 2 or len(named) != len(sums) or m not in sums \
            or not _RESPECTIVELY_FOR.search(sent.text, 0, named[0].start - sent.start) \
            or not _RESPECTIVELY.match(sent.text, named[-1].end - sent.start, sums[0].start - sent.start):
        return []
    return [named[sums.index(m)]]


_RESPECTIVELY_FOR = re.compile(r"(?:为|向|给|对)[“\"《]?$")


def _measures_counted(sent, counts: list[Mention]) -> bool:
    """A count of the measures announced (宣布了…八项政策措施, 宣布新八项措施): a set of measures, the object of the
    verb itself (not 宣布，全国10个省份进入…: a statement)."""
    return any(_COUNTED_MEASURES.match(sent.text, c.end - sent.start) for c in counts)


# the agencies of the United Nations system (and the Red Cross), which run the aid they are given: no recipients
_RUNS_AID = re.compile(r"^联合国|计划署|开发署|难民署|粮农组织|卫生组织|移民组织|劳工组织|儿童基金会|人口基金|红十字")
_GIVEN = r"(?:再|又|还|继续|将|已|共|累计|分别|陆续|无偿|紧急|首批)*(?:提供|捐款|捐赠|捐助|捐资|出资|拨付|拨款|交付)"


def _channel_to(sent, ms: list[Mention], cs: int, ce: int, figure: Mention) -> list[Mention]:
    """The organisation a sum is given to, when the sentence names the countries it is for after it (向世界粮食
    计划署捐款300万美元，用于老挝…, 向联合国儿童基金会提供50万美元，帮助马拉维…): it runs the aid, a partner; a
    body given aid for itself (向非洲联盟提供10亿元人民币援助) or of a country (向巴基斯坦红新月会提供…) is none."""
    text, base = sent.text, sent.start
    orgs = [o for o in _outermost([x for x in ms if not x.is_value and cs <= x.start and x.end <= figure.start])
            if o.type == "ORG" and text[o.start - base - 1:o.start - base] == "向"
            and re.match(_GIVEN, text[o.end - base:figure.start - base])]
    if not orgs or any(c.type == "COUNTRY" and orgs[0].start <= c.start and c.end <= orgs[0].end for c in ms):
        return []
    later = [g for g in ms if g.type in GEO and not _chinese(g) and g.start >= figure.end]
    return orgs[:1] if later else []


def _given_body(sent, ms: list[Mention], cs: int, figure: Mention) -> list[Mention]:
    """The organisation right after 向 that is given ``figure`` (向东盟提供5亿美元): none when countries are named
    after the figure (the body then runs the aid for them), nor an agency of the UN system (it runs the aid it is
    given, _RUNS_AID), nor a body whose members are named (向东盟十国: they receive it)."""
    text, base = sent.text, sent.start
    orgs = [o for o in _outermost([x for x in ms if not x.is_value and cs <= x.start and x.end <= figure.start])
            if o.type == "ORG" and text[o.start - base - 1:o.start - base] == "向"
            and re.match(_GIVEN, text[o.end - base:figure.start - base])
            and not _RUNS_AID.search(_zh(o)) and not _MEMBERS.match(text, o.end - base)]
    if not orgs or any(g.type in GEO and not _chinese(g) and g.start >= figure.end for g in ms):
        return []
    return orgs[:1]


def _measure_verb(clause: str, inner: list[Mention], base: int) -> bool:
    """The clause begins with a verb of a measure, names, dates and periods counted as one character each (在2013年至2015年
    间向非洲国家提供 reads 在□间向□国家提供: a verb after long names is as near the head of its clause as after short ones);
    not after a sum or number, the subject of a result reported (已有10多个项目完成实施), but after those it is for
    (为50个国家提供)."""
    out, pos, prev = [], 0, None
    for m in _outermost(inner):
        if m.start - base >= pos:
            # (向中亚五国提供: the number of the countries of the region just named is part of whom it is for)
            subject = m.type in ("MONEY", "COUNT", "PERCENT") and not re.search(r"(?:向|为|给|对|在|帮助)$", clause[:m.start - base]) \
                and not (m.type == "COUNT" and prev is not None and prev.type in GEO and prev.end == m.start)
            prev = m
            out += [clause[pos:m.start - base], "■" if subject else "□"]
            pos = m.end - base
    # (将在现有30亿美元基础上增资10亿美元: the sum it starts from is no subject, the verb after it heads the measure)
    verb = MEASURE_VERBS.match(_ON_THE_BASIS.sub("", "".join(out) + clause[pos:]))
    return bool(verb) and "■" not in verb.group()[:verb.start(1)]


def _blank_names(clause: str, inner: list[Mention], base: int) -> str:
    """The clause with entity names blanked out, so 债务 in 暂缓最贫困国家债务偿付倡议 is no flow of aid."""
    chars = list(clause)
    for m in inner:
        if not m.is_value:
            for i in range(max(0, m.start - base), min(len(chars), m.end - base)):
                chars[i] = "□"
    return "".join(chars)


_NEXT_MEASURE = re.compile(r"、(?=(?:在[^、，；。]{1,6}?|(?:与|同)[^、，；。]{1,12}?(?:合作|一道|共同))?"
                           r"(?:提供|设立|建立|实施|援建|派遣|邀请|培训|帮助|支持|开展|举办|捐赠|捐助|捐款|捐资|出资|注资|资助|"
                           r"设置|推出|启动|新增|追加|免除|减免|增资|建设))")


def _measures(sent, clauses: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses of an announcement, each cut again where 、 lists another measure with its own verb
    (提供20亿美元国际援助、在华设立…枢纽、建立30个…机制): one measure each."""
    out = []
    for cs, ce in clauses:
        cuts = [cs] + [sent.start + m.end() for m in _NEXT_MEASURE.finditer(sent.text, cs - sent.start, ce - sent.start)]
        out += [(a, b) for a, b in zip(cuts, cuts[1:] + [ce])]
    return out


def _flow_before(sent, ms: list[Mention], cs: int) -> re.Match | None:
    """The one flow of aid the sentence names as the topic of the clauses after it (其一为无偿援助，三年共计
    323.2亿元人民币): the flow the clause's sum counts."""
    head = sent.text[:cs - sent.start]
    flows = list(_FLOW.finditer(_blank_names(head, [m for m in ms if m.end <= cs], sent.start)))
    if not flows or len({_flow_code(f) for f in flows}) > 1:
        return None
    if re.sub(r"[，,：:\s]|方面|部分", "", head[flows[-1].end():]):
        return None  # …共计98笔到期无息贷款债务，累计金额…: the loans are a debt here, no topic of the clause
    return flows[-1]


# a list item's number or bullet before its text: （二）, 一、, 2., 3.1.1 (a plan's section), 一是, 第一，, 其一，,
# ③, —; not 1.5亿
_ITEM = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]|\d{1,2}(?:[.．]\d{1,2})+\s|"
                   r"\d{1,2}[、.．](?!\d)|[一二三四五六七八九十]{1,3}是|第[一二三四五六七八九十]{1,3}[，、,]|"
                   r"第[一二三四五六七八九十百\d]{1,4}条(?:[：:]|\s)|"  # 第三条 中方将…: an article's number
                   r"其[一二三四五六七八九十][，、：,]|[①-⑳]|[—\-·•●]\s*(?!—))\s*")


def _short(clause: str) -> str:
    """A clause as an event's label: no punctuation at its edges, no list item's number before it."""
    return _ITEM.sub("", clause.strip("，；。,; "))


def _object_before(text: str, pos: int, floor: int) -> str:
    """The noun phrase a count counts when it follows it: 建设成套项目423个 -> 成套项目."""
    m = re.search(r"(?:建设|完成|提供|举办|派遣|实施|培训)([^\d，、；。]{2,12})$", text[floor:pos])
    if not m:
        return ""
    thing = _HEDGES.sub("", m.group(1))  # 提供了超过22亿剂: no noun before the count, only 了 and 超过
    # (派遣了一支由30人组成的医疗队, …名额以及400个: a word that joins or opens a phrase, no noun counted)
    if _NO_NOUN_END.search(thing) or thing.startswith(("一支", "一批", "一个")):
        return ""
    return thing if len(thing) >= 2 else ""


_NO_NOUN_END = re.compile(r"(?:由|以及|和|及|与|的|为|向|给|对|在|了)$")


_HEDGES = re.compile(r"^(?:了|过|共|累计|总计|约|近|超过|逾|达|多达|高达|总共)+|(?:超过|约|近|逾|达到?|共|累计|多达|高达|总计)+$")


# a team sent to a country or place: 派出抗疫医疗专家组赴伊斯兰堡, 派遣救援队前往土耳其
_SENT_TO = re.compile(r"(?:派出|派遣|选派|组派|派)(?:了)?([^，。；、]{2,20}?(?:医疗队|专家组|救援队|专家|志愿者|教师|工作组|"
                      r"技术组|技术人员|维和部队|队))(?:分别|先后|紧急)*(?:赴|前往|派往|抵达|到)$")
_HELPS = re.compile(r"(?:协助|帮助|支持|援助)$")


def _sent_to(sent, ms: list[Mention], clauses: list[tuple[int, int]], k: int) -> Fact | None:
    """A team sent to a country or a place (派出X赴伊斯兰堡，协助巴方…): the team is delivered; the place
    is where, the country (of the clause, else the one the next clause helps) who receives it."""
    cs, ce = clauses[k]
    where = [x for x in _outermost([x for x in _within(ms, cs, ce) if not x.is_value]) if x.type in ("COUNTRY", "PLACE")
             and not _chinese(x)]
    if not where:
        return None
    went = _SENT_TO.search(sent.text, cs - sent.start, where[0].start - sent.start)
    if went is None:
        return None
    listed = where[:1]  # 赴巴基斯坦、阿富汗, 前往土耳其哈塔伊省: the places one after the other
    for x in where[1:]:
        if sent.text[listed[-1].end - sent.start:x.start - sent.start] not in ("", "、", "和", "及", "与"):
            break
        listed.append(x)
    countries = [x for x in listed if x.type == "COUNTRY"]
    if not countries and k + 1 < len(clauses):  # …，协助巴方开展…: the country helped
        ns, ne = clauses[k + 1]
        countries = [x for x in _within(ms, ns, ne) if x.type == "COUNTRY" and not _chinese(x)
                     and _HELPS.search(sent.text, ns - sent.start, x.start - sent.start)][:1]
    fact = Fact("AidDelivery", sent.index, cs, ce, sent.text[cs - sent.start:ce - sent.start], "recipient:team-sent-to",
                went.group(1))
    fact.roles += [("recipient", c) for c in countries]
    fact.roles += [("location", x) for x in listed if x.type == "PLACE"]
    fact.literals["deliverable"] = went.group(1)
    return fact


_DONE_WORDS = r"(?:宣告|正式|顺利|全线)?(?:建成|通车|开工|动工|竣工|落成|启用|移交|交付|投入运营|投入运行|投产|并网发电|开通|启动|交接|揭牌|投入使用)"
_DONE = re.compile(r"[^，；。]{0,30}?" + _DONE_WORDS + r"(?:仪式[^，；。]{0,20}?举行)?")
_CLAUSE_BREAK = re.compile(r"[，,；;：:。]")
_DONE_LATER = re.compile(r"[^；。]*?[，,](?:于|(?=(?:19|20)\d\d年))[^，；。]{4,16}?" + _DONE_WORDS)  # (…，2012年1月落成)


@lru_cache(maxsize=256)
def _done_later_by_head(head: str) -> re.Pattern:
    """…，大桥于2022年6月25日通车: a later clause whose subject is the project's head word (the last two
    characters of its name, ``head``) or 该项目/该工程, and the day it was begun or finished."""
    head = re.escape(head)
    return re.compile(rf"[^；。]*?[，,](?:该|此|这一?)?(?:项目|工程|{head})(?:已|已经|也)?于[^，；。]{{4,16}}?" + _DONE_WORDS)


# X向埃塞俄比亚提供优惠贷款，用于建设Y: the lender of what the loan is for
_LENDS_FOR = re.compile(r"(?:将|已|还)*(?:向[^，；。]{1,12}?)?提供了?[^，；。]{0,8}?(?:贷款|融资|资金)(?:支持)?[，,]?(?:主要)?(?:用于|支持)"
                        r"(?:建设|修建|实施|兴建)?[“\"《]?")
_JOINS = ("和", "与", "及", "、", "以及", "同")


def _runs(text: str, base: int, names: list[Mention]) -> dict[tuple[int, int], tuple[int, int]]:
    """Each name's span -> the span of the list it is in (A、B和C), where it is in one of two or more."""
    out: dict[tuple[int, int], tuple[int, int]] = {}
    i = 0
    while i < len(names):
        j = i
        while j + 1 < len(names) and text[names[j].end - base:names[j + 1].start - base] in _JOINS:
            j += 1
        if j > i:
            for m in names[i:j + 1]:
                out[(m.start, m.end)] = (names[i].start, names[j].end)
        i = j + 1
    return out


# 与/同/携手 X (一道|共同|合作) (在…) 签署/实施/设立… Y: the body a programme or project is carried out with
_DO_WITH = (r"(?:在[^，；。]{1,12}?)?(?:出资)?(?:签署|签订|落实|实施|执行|设立|建立|启动|开展|发起|建设|推进|资助|运营|举办)(?:了)?")
_WITH_VERB = re.compile(r"(?:成员|等[^，；。]{0,8}?)?(?:一道|一起|共同|联合|携手|合作[，,]?)*" + _DO_WITH)
_TOGETHER_VERB = re.compile(r"(?:等[^，；。]{0,8}?)?(?:一道|一起|共同|联合|携手)(?:合作)?" + _DO_WITH)
_THEN_TOGETHER = re.compile(r"\s*(?:并|将|还|也|拟|正)*(?:一道|一起|共同|联合|携手)(?:合作)?(?:实施|开展|推进|建设|落实|执行|运营)(?:了)?[“\"《]?")
_WITH_CHINA_OF = re.compile(r"(?:与|同|和)(?:中国|中方|我国)(?:政府)?(?:共同|合作|联合)(?:实施|开展|建设|执行|运营|资助)?的[“\"《]?")
_LISTED = ("、", "和", "及", "以及")


def _listed_with(text: str, base: int, names: list[Mention], o: Mention) -> tuple[int, int]:
    """The span of the list of names ``o`` is in, joined by 、和及 (not by 与/同, which join the parties to
    what is said: 中国与A、B和C共同实施: A、B和C)."""
    i = names.index(o) if o in names else -1
    if i < 0:
        return o.start, o.end
    j = k = i
    while j > 0 and text[names[j - 1].end - base:names[j].start - base] in _LISTED:
        j -= 1
    while k + 1 < len(names) and text[names[k].end - base:names[k + 1].start - base] in _LISTED:
        k += 1
    return names[j].start, names[k].end


# 中国为非洲联盟援建了Y: the body a project is built for receives it; it does not build it
_BUILT_FOR = re.compile(r"(?:为|给|替)$")
_BUILT_FOR_BODY = re.compile(r"(?:新|援|修|兴|捐)?建(?:设|造)?了?")
_SET_UP_BY = re.compile(r"(?:共同|联合)?(?:出资|注资|投资)(?:发起)?(?:设立|成立|组建|创设)?(的[“\"《]?)?")
_PARTNERS_ARE = re.compile(r"的(?:主要|国际)?(?:合作伙伴|合作方|合作机构|合作单位)(?:主要)?(?:包括|有|是|为)[：:]?")
_RUNNER_IS = re.compile(r"(?:实施|执行)(?:单位|机构|方|伙伴|合作伙伴)(?:是|为)$")
# China's own bodies, which run its funds rather than work with them (国家国际发展合作署, 商务部, 国务院…)
_CHINAS_OWN = re.compile(r"^(?:国家|国务院|中国|中华人民共和国|中方)|部$")
# an organisation that uses a fund to do the work (X利用Y基金在Z实施…, X通过Y基金开展…)
_USES = re.compile(r"(?:已|将|还|也|正|先后|共同)*(?:利用|通过|借助|依托|使用|经由)[“\"《]?")
_USED_FOR = re.compile(r"[”\"》]?(?:的)?(?:资金|资助|支持)?[，,]?(?:在[^，；。]{1,16}?)?(?:已|成功|顺利)?(?:实施|开展|执行|落实|启动)(?:了)?[“\"《]?")
# the verb after the parties that run a project together (由中国与X合作实施, 由A和B共同执行), and the one that pays
# before the one that runs it (由中国政府出资、X执行)
_RUN_TOGETHER = re.compile(r"(?:共同|联合|合作|一道)(?:负责)?(?:实施|执行|管理|运营)")
_PAID_THEN_RUN = re.compile(r"由[^，；。,;]{1,24}?(?:出资|资助|提供资金|筹资|捐资)、$")  # (not after a comma: a clause of its own)


def _joined_after(text: str, base: int, ms: list[Mention], first: Mention) -> list[Mention]:
    """The projects listed after ``first`` (X项目和Y项目、Z项目), each joined to the one before by 和/与/及/、."""
    out, last = [], first
    for m in _outermost([m for m in ms if not m.is_value and m.start >= first.end]):
        if m.type != "PROJECT" or text[last.end - base:m.start - base] not in _JOINS:
            break
        out.append(last := m)
    return out


def _list_run(text: str, countries: list[Mention], base: int) -> list[Mention]:
    """The countries of the first list (A、B、C和D): consecutive, joined by 、，和 及 or 与."""
    run = [countries[0]]
    for c in countries[1:]:
        gap = text[run[-1].end - base:c.start - base]
        if gap in ("、", "和", "及", "与", "，", ",", "以及"):
            run.append(c)
        else:
            break
    return run


_HELD = re.compile(r"举行|召开|举办|开幕|闭幕")
_ORDINAL = r"(?:第[\d一二三四五六七八九十百]+(?:届|次)|首届|首次)"


def _session_of(meeting: Mention, body: Mention) -> bool:
    """A numbered session of a body is part of it: 第十三届全国人民代表大会第一次会议, 联合国大会第76届会议
    (not 联合国发展峰会: a summit the body hosts)."""
    before = _zh(meeting)[:body.start - meeting.start]
    after = _zh(meeting)[body.end - meeting.start:]
    return bool(re.fullmatch(rf"(?:\d{{4}}年)?{_ORDINAL}?", before) and (
        re.fullmatch(rf"(?:\d{{4}}年)?{_ORDINAL}", before) or re.match(_ORDINAL, after)))


def _series_of(sent, meeting: Mention, ms: list[Mention]) -> list[Mention]:
    """The forum a meeting named without it belongs to, from its sentence: the forum just before its name
    (中阿合作论坛 and 北京峰会 read apart), the forum of the meeting it is listed with (中非合作论坛约翰内斯堡峰会与北京峰会: the second shares the first's forum), or the forum
    said to hold it (论坛先后举办了3次峰会，分别是…北京峰会)."""
    text, base = sent.text, sent.start

    def named_in(m: Mention) -> list[Mention]:  # the forum inside the name, or just before it (中阿合作论坛|北京峰会)
        return [f for f in ms if f.type == "FORUM" and (m.start <= f.start and f.end <= m.end or f.end == m.start)]

    if own := named_in(meeting):
        return own
    listed = [o for o in ms if o.type == "MEETING" and o.end <= meeting.start]
    if listed and re.fullmatch(r"与|和|及|以及|、|，|,", text[listed[-1].end - base:meeting.start - base]):
        if inner := named_in(listed[-1]):
            return inner
    for f in ms:
        if f.type == "FORUM" and f.end <= meeting.start and not any(
                o.type == "MEETING" and o.start <= f.start and f.end <= o.end for o in ms):
            held = re.match(r"(?:先后|已|已经|共|曾|还|又|再次|累计|成功)*(?:举办|召开|举行)(?:了|过)?", text[f.end - base:])
            if held and not re.search(r"[；。;]", text[f.end - base:meeting.start - base]):
                return [f]
    return []


_HELD_AFTER = re.compile(r"[^，；。,;]{0,40}?(?:举行|召开|举办|开幕(?!式)|闭幕(?!式))")


# 新华社北京9月21日电 (（记者 X）): a news item's dateline; group 1 is where its city begins
_DATELINE = re.compile(r"^\s*[^，。；：\s]{1,10}?(?:社|报|報|台|网|網)()[^，。；：\s\d]{2,8}?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日[电電]"
                       r"\s*(?:[（(][^（）()]{0,30}[)）])?\s*")


def _held(sent, meeting: Mention, ms: list[Mention]) -> tuple[Mention | None, list[Mention]] | None:
    """The date and places of a meeting the sentence says was held (举行, 召开 ...): 于2000年10月在北京
    举行X, X于…在达喀尔召开, 在纽约联合国总部举行的X; the clause of the verb, up to the meeting or from it."""
    text, base = sent.text, sent.start
    lo, hi = meeting.start - base, meeting.end - base
    after = _HELD_AFTER.match(text, hi)  # (not 出席…开幕式: the ceremony, a noun)
    if after and "分别" in after.group():
        return None  # A与B分别于2015年和2018年召开: which date goes with which is not for a rule
    before = None
    # 王毅来到纽约联合国总部，出席…: the place one comes to attend it
    for b in re.finditer(r"(?:于|在)[^，；。,;]{0,40}?(?:举行|召开|举办|出席|参加|主持)(?:的)?|"
                         r"(?:来到|抵达|前往|赴)[^，；。,;]{1,20}?[，,]?(?:出席|参加|主持)(?:了)?", text[:lo]):
        if b.end() >= lo - 2:
            before = b
    if after:
        span = (hi, after.end())
    elif before:
        span = (before.start(), before.end())
    else:
        return None
    # 习近平2015年9月26日在纽约出席…峰会: a date just before the span belongs to it too
    inside = [x for x in ms if span[0] <= x.start - base and x.end - base <= span[1]
              or x.type in ("DATE", "PERIOD") and 0 <= span[0] - (x.end - base) <= 1]
    date = next((x for x in inside if x.type == "DATE"), None)
    if date is None:  # 于2021年11月29日至30日在达喀尔召开: the meeting's date is its first day
        date = next((d for x in inside if x.type == "PERIOD" and (d := _first_day(x))), None)
    # (China too where it is the place itself: 将于2024年在中国举行)
    places = [x for x in inside if x.type in ("PLACE", "COUNTRY") and (not _chinese(x) or text[x.start - base - 1:x.start - base] == "在"
                                                                      and x.type == "COUNTRY" and x.name in ("中国", "中國"))
              and re.search(r"(?:在|来到|抵达|前往|赴)[^，；。]{0,12}$", text[span[0]:x.start - base])]
    return date, places


# between a body and the verb it says (中国政府已宣布): only adverbs
# 宣布(将)设立的X, 宣布的X, 宣布向非洲提供的X: 的 right after the verb's own verb (or the verb itself) makes X its object
_ATTRIBUTIVE_END = re.compile(r"(?:^|设立|成立|建立|组建|创建|提供|实施|启动|推出|设置|援建|发起|举办|开展|落实|资助|捐赠|捐助|出资|"
                              r"增资|免除|减免|支持|采取|出台|制定|通过|发表|发布|签署|提出|建设|派遣|培训)的$")
# …，于2018年4月18日正式挂牌成立: a clause that only says when (and where) the body the sentence opens with was set up
_ISSUED = re.compile(r"(?:政府|方面)?(?:已|还|也|正式|先后|于[^，；。]{2,12}?)*(?:发布|公布|出台|印发|制定|颁布)了?[“\"《]?")
_TOPIC_FOUNDED = re.compile(r"[，,](?:并|已)?(?:(?:于|在)[^，。；]{1,14}?)*(?:由此|已|正式|宣告|挂牌)*$")
_CLAUSE_ENDS = re.compile(r"[，。；,;]|$")
_TOPIC_IS = re.compile(r"(?:(?:作为|为|是)[^，。；]{2,30}|由[^，。；]{2,20}?(?:主办|创办|组建|发起设立|管理))?")
_BODY_THEN_FOUNDED = re.compile(r"(?:由此|已|正式|宣告|挂牌)*(?:(?:于|在)[^，。；]{1,14}?)*(?:由此|已|正式|宣告|挂牌|注册)*")


def _after_a_date(sent, ms: list[Mention], start: int, end: int) -> str:
    """The text between ``start`` and ``end`` of the sentence, less a date right at its start (丝路基金|2014年12月|在北京注册成立)."""
    date = next((d for d in ms if d.type == "DATE" and d.start == start and d.end <= end), None)
    return sent.text[(date.end if date else start) - sent.start:end - sent.start]
_ANNIVERSARY = re.compile(r"[\d一二三四五六七八九十百]+周年")
_BODY_TO_VERB = re.compile(r"(?:政府|方面|还|也|已|又|再|正式|郑重|将|曾|同时|随即|当天|今天|先后|多次|再次|一再|已经|曾经|"
                           r"[\d一二三四五六七八九十]+次)*")


def _on_a_day(sent, ms: list[Mention], lo: int, hi: int) -> bool:
    """Between ``lo`` and ``hi`` only the day it was said (中国政府于2001年宣布, 中方在2015年12月正式宣布, news style
    中国驻斐济大使馆9日宣布): the body before it is the subject of the verb after it."""
    day = next((d for d in ms if d.type == "DATE" and lo <= d.start and d.end <= hi), None)
    return day is not None and bool(re.fullmatch(r"(?:政府|方面)?(?:还|也|已|又|再|曾|先后)*(?:于|在)?", sent.text[lo - sent.start:day.start - sent.start])) \
        and bool(_BODY_TO_VERB.fullmatch(sent.text, day.end - sent.start, hi - sent.start))


def _in_a_frame(sent, ms: list[Mention], lo: int, hi: int) -> bool:
    """Between ``lo`` and ``hi`` only the frame it was said in (中国在中非合作论坛框架下先后6次宣布): the body before
    it is the subject of the verb after it."""
    whole = next((w for w in ms if w.type in ("FORUM", "PROGRAMME") and lo < w.start and w.end < hi), None)
    return whole is not None and bool(re.fullmatch(r"(?:政府|方面)?(?:还|也|已|又|曾)*(?:在|于)[“\"《]?", sent.text[lo - sent.start:whole.start - sent.start])) \
        and bool(re.fullmatch(r"[”\"》]?(?:的)?(?:框架|机制)(?:下|内)(?:先后|曾|多次|再次|[\d一二三四五六七八九十]+次)*",
                              sent.text[whole.end - sent.start:hi - sent.start]))


def _at_meeting(sent, ms: list[Mention], lo: int, hi: int) -> bool:
    """Between ``lo`` and ``hi`` only where and when (中国在第五届部长级会议上宣布, 中方于2018年峰会期间宣布):
    the body before it is the subject of the verb after it."""
    gap = sent.text[lo - sent.start:hi - sent.start]
    at = re.fullmatch(r"(?:政府|方面)?(?:还|也|已|又|再|曾|同时)*(?:在|于)([^，；。]{2,40}?)(?:上|期间|之际|时)(?:正式|郑重|还|也|又)*", gap)
    # (中国政府在会上宣布: the meeting named before, not named again)
    return bool(at) and any(m.type == "MEETING" and lo <= m.start and m.end <= hi for m in ms) or bool(_AT_IT.fullmatch(gap))


_FRAME_BEFORE = re.compile(r"\s*(?:中方|中国政府|中国|我国|我方)?(?:将|还|也|再|继续|愿|同时)*(?:在|通过|依托|利用|借助|经由)[“\"《]?")


def _frame(sent, inner: list[Mention], cs: int, ce: int) -> Mention | None:
    """The programme a clause names as the frame or channel of what follows and does nothing else in (中方将在X
    框架下，…; 通过X基金，…): a clause with no measure of its own."""
    if not any(m.type == "PROGRAMME" for m in inner) or any(m.is_value for m in inner):
        return None
    names = [m for m in _outermost(inner) if not (m.type == "COUNTRY" and m.start == cs)]
    if len(names) != 1 or names[0].type != "PROGRAMME":
        return None
    x = names[0]
    if _FRAME_BEFORE.fullmatch(sent.text, cs - sent.start, x.start - sent.start) and \
            _THROUGH_FUND_AFTER.fullmatch(sent.text, x.end - sent.start, ce - sent.start):
        return x
    return None


_AT_IT = re.compile(r"(?:政府|方面)?(?:还|也|已|又|再|曾|同时)*(?:在|于)?(?:本次|此次|这次|该次)?(?:会上|会议上|会议期间|峰会上|峰会期间|"
                    r"大会上|大会期间|论坛上|论坛期间)(?:正式|郑重|还|也|又)*")


# a meeting named by its kind alone (峰会, 本次会议, 论坛): the one named before
_GENERIC_MEETING = re.compile(r"(?:本次|此次|这次|该次|本届|此届|这届)?(?:会议|峰会|论坛|大会|会晤)")
_LEAD_ROLES = ("announced_by", "announced_at", "date")


def _announces_a_list(doc: Document, index: int, text: str) -> re.Match | None:
    """The announcement of sentence ``index`` (``text``, as the rules read it) whose measures are listed in the
    sentences after it: it ends in a colon (…在峰会上宣布：) or the next sentence begins 其中包括："""
    triggers = list(ANNOUNCE.finditer(text))
    if not triggers and "：" in text and (will := _WILL_LEAD.search(text) or _WILL_LEAD_ITEMS.search(text)):
        return will  # 中方将采取以下措施：（一）向拉方提供…: what China will do is listed after the colon
    if not triggers:
        return None  # (most sentences: the next one is not read)
    if any("：" in text[t.end():] for t in triggers):
        return next(t for t in triggers if "：" in text[t.end():])
    after = _rule_view(doc.sentences[index + 1].text) if index + 1 < len(doc.sentences) else ""
    return triggers[0] if _LIST_AFTER.match(after) else None


def _list_items(doc: Document, facts: list[Fact]) -> list[Fact]:
    """The measures listed after an announcement that ends in a colon (…在峰会上宣布：/ …宣布了以下举措：一是…。
    二是…。/ …宣布…。其中包括：（一）…（二）…): each item's figures and measures were announced by the same
    person, at the same meeting, on the same date, as the lead says."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in facts:
        by_sentence.setdefault(f.sentence, []).append(f)
    mentions: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        mentions.setdefault(m.sentence, []).append(m)
    lead: list[tuple[str, Mention]] = []
    for sent in doc.sentences:
        text = _rule_view(sent.text)
        if lead and _ITEM.match(text) and not text.rstrip().endswith("："):  # (四、双方同意：a heading of its own)
            for f in by_sentence.get(sent.index, []):
                if f.kind in ("Pledge", "AidStatistic", "AidDelivery") and not f.get("announced_by") and not f.get("announced_at"):
                    f.roles += [(r, m) for r, m in lead if not f.get(r)]
                    if f.kind == "AidStatistic":  # a figure among the measures announced: pledged
                        _pledged(f)
            continue
        if lead and _LIST_AFTER.match(text) and text.rstrip().endswith("："):
            continue  # 其中包括：the items follow
        lead = []
        trigger = _announces_a_list(doc, sent.index, text)
        if trigger is None:
            continue
        said = [f for f in by_sentence.get(sent.index, []) if f.kind == "Pledge"]
        if said:
            lead = [(r, m) for r, m in said[0].roles if r in _LEAD_ROLES]
        else:  # 习近平主席在峰会上宣布：the lead names no measure of its own
            before = [m for m in mentions.get(sent.index, []) if m.end <= sent.start + trigger.start()]
            who = [m for m in before if m.type == "PERSON"] or [m for m in before if m.type in ("ORG", "COUNTRY")]
            lead = [("announced_by", m) for m in who[-1:]]
            lead += [("announced_at", m) for m in _outermost([m for m in before if m.type == "MEETING"])[:1]]
            lead += [("date", m) for m in before if m.type == "DATE"][:1]
            # 中方将在未来三年内采取以下措施：the time ahead the lead names is each measure's
            colon_at = text.find("：", trigger.end())
            lead += [("period", m) for m in mentions.get(sent.index, []) if m.type == "PERIOD"
                     and (colon_at < 0 or m.end <= sent.start + colon_at) and _YEARS.search(m.value.get("value", ""))
                     and not _LOOKS_BACK.search(_zh(m))][:1]
        # 中方将采取以下举措：一是…；二是…: the items after the colon of the lead's own sentence are its measures
        colon = text.find("：", trigger.end())
        if colon >= 0 and _ITEM.match(text[colon + 1:]):
            for f in by_sentence.get(sent.index, []):
                if f.start >= sent.start + colon + 1 and f.kind in ("Pledge", "AidStatistic", "AidDelivery") \
                        and not f.get("announced_by") and not f.get("announced_at"):
                    f.roles += [(r, m) for r, m in lead if not f.get(r)]
                    if f.kind == "AidStatistic":
                        _pledged(f)
    return facts


_DONE_IN = re.compile(r"在([^，；。、在]{2,16}?)(?:先后|已|已经|共|累计|还|也|又|陆续|协助|帮助)*(?:建成|建设|援建|实施|开展|修建|打造|"
                      r"落地|设立|兴建|举办|培训|派驻|完成)")


def _aided_by_purpose(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A sum given for a purpose in a country (向粮食署捐款300万美元，用于在老挝北部开展学校供餐项目; 用于帮助
    布基纳法索…): the countries the purpose names after 在/向/为/帮助/支持/援助 received it."""
    for f in facts:
        if f.kind != "AidStatistic" or any(m.type in GEO for m in f.get("recipient")):
            continue
        money = [m for _, m in f.roles if m.type == "MONEY"]
        if not money:
            continue
        sent = doc.sentences[f.sentence]
        text = _rule_view(sent.text)
        if "purpose" not in f.literals:
            # …提供100万美元，为缅甸受灾民众提供粮食援助: the clause right after the sum says whom it serves
            then = _SERVES.match(text, f.end - sent.start)
            if then and len(text[money[-1].end - sent.start:f.end - sent.start].strip("，, ")) <= 6:
                lo, hi = sent.start + then.start(), sent.start + then.end()
            else:
                continue
        elif (use := text.find("用于" + f.literals["purpose"], money[0].end - sent.start)) < 0:
            continue
        else:
            lo, hi = sent.start + use, sent.start + use + 2 + len(f.literals["purpose"])
        # (为受灾的缅甸民众: a few words of who they are may stand between)
        geo = [g for g in _in_sentence(doc, sent.index) if g.type in GEO and not _chinese(g) and lo <= g.start
               and g.end <= hi and re.search(r"(?:在|向|为|帮助|支持|援助|惠及)[^，；。,;的]{0,4}的?$", text[:g.start - sent.start])]
        if geo:
            f.roles += [("recipient", g) for g in _list_run(text, [g for g in _in_sentence(doc, sent.index)
                                                                   if g.type in GEO and g.start >= geo[0].start], sent.start)]
    return facts


# a clause that says whom the sum before it serves: 为/向/帮助 + who + a verb of delivery in the same clause
_SERVES = re.compile(r"[，,]?(?:以|并|来|从而)?(?:为|向|帮助|支持|援助)[^，；。,;]{2,30}?(?:提供|开展|实施|援建|建设|捐赠|采购|购买|运送|分发)")


_SUM_OF_IT = re.compile(r"^\s*(?:其中)?(?:涉及|所涉)?(?:该|此|这一?|上述)?(?:项目|援助|批援助|笔援助|批物资)?(?:的)?(?:援助)?(?:总)?(?:金额|总额|价值|规模|投资额?|资金|款项)"
                        r"(?:为|达|约|共计|合计|总计|逾|超过)*")


_SAME_DAY = re.compile(r"同日|当天|当日|同一天|(同月|当月)")


def _same_day(doc: Document, facts: list[Fact]) -> list[Fact]:
    """同日 / 当天 / 当日: the day named last before it, in its sentence or an earlier one (…20日在万象举行。
    当天，中方宣布向老挝提供500万美元援助): the date of the sums and pledges of its clause on."""
    dates = sorted((m for m in doc.mentions if m.type == "DATE"), key=lambda m: m.start)
    for f in facts:
        if f.kind not in ("AidStatistic", "Pledge") or f.get("date") or "date" in f.literals:
            continue
        sent = doc.sentences[f.sentence]
        text = _rule_view(sent.text)
        said = [d for d in _SAME_DAY.finditer(text, 0, f.end - sent.start) if not any(
            not m.is_value and m.start <= sent.start + d.start() < m.end for m in _in_sentence(doc, sent.index))]
        if not said:
            continue
        at = sent.start + said[-1].start()
        if said[-1].group(1):  # 同月: the month of the date before
            month = [d for d in dates if d.end <= at and re.match(r"\d{4}-\d\d", d.value.get("value", ""))]
            if month:  # a literal: the mention of the day before is no mention of the month
                f.literals["date"] = month[-1].value["value"][:7]
            continue
        day = [d for d in dates if d.end <= at and re.search(r"日|^\d{4}-\d\d-\d\d$", d.text)]
        if day:
            f.roles.append(("date", day[-1]))
    return facts


_THIS_PLAN = re.compile(r"(?:本|该|这一?|此)(?:合作)?(行动计划|规划|计划|纲要|方案|议程|战略)")
_ADOPTED_THERE = re.compile(r"[”》\"]?(?:已)?(?:于[^，；。]{2,16}?)?在(?:会上|会议上|峰会上)(?:获得|得到)?(?:审议)?(?:通过|批准)")
_DREW_UP = re.compile(r"共同(?:制定|制订|起草|编制)(?:了)?$")  # A同B共同制定|本规划


_MADE_THIS = re.compile(r"(?:共同|一致同意|同意|决定)?(?:制定|制订|审议通过|通过|签署|起草|编制)(?:了)?$")


def _the_plan(doc: Document, head: str) -> Mention | None:
    """The plan the document is: the first programme it names with that head (规划, 行动计划 ...)."""
    return next((m for m in doc.mentions if m.type == "PROGRAMME" and _QUOTES.sub("", m.name).split("(")[0]
                 .split("（")[0].endswith(head)), None)


def _this_plan(doc: Document, sent, ms: list[Mention], recent_meeting: Mention | None) -> Iterable[Fact]:
    """本规划由X会议审议通过 / 本行动计划经…会议通过: the plan the document is (the first programme it names
    with that head) was adopted at the meeting, named in the sentence or just before (会议)."""
    text, base = sent.text, sent.start
    for t in _THIS_PLAN.finditer(text):
        if "共同" in text[:t.start()] and (drew := _DREW_UP.search(text, 0, t.start())):
            # 中国同拉共体共同制定本合作规划: the bodies of the clause that drew it up together are its partners
            lo = max(text.rfind(c, 0, drew.start()) for c in "，；。,;：:") + 1
            bodies = _outermost([m for m in ms if m.type == "ORG" and base + lo <= m.start and m.end <= base + drew.start()])
            plan = _the_plan(doc, t.group(1))
            left = "".join("X" if any(b.start <= base + i < b.end for b in bodies) else c
                           for i, c in enumerate(text[lo:drew.start()], lo))  # (the 和 of 拉美和加勒比… is no party)
            if bodies and plan is not None and re.search(r"同|与|和|及", left):
                yield Fact("Partnership", sent.index, base + lo, base + t.end(), doc.text[base + lo:base + t.end()],
                           "partner:drawn-up-together", plan.name, [("programme", plan), *(("partner", b) for b in bodies)])
        rest = text[t.end():]
        by = re.match(r"[^。；]{0,30}?(?:由|经|在|于)?([^。；]{0,40}?)(?:上)?(?:审议)?(?:通过|批准|签署|发表|制定)", rest)
        # …举行X会议，共同制定本规划 / 部长们一致同意制定本行动计划: drawn up (or adopted) at the meeting named in the
        # sentence before the verb, or just before the sentence
        made = by is None and _MADE_THIS.search(text, 0, t.start())
        if made:
            plan = _the_plan(doc, t.group(1))
            meeting = _outermost([m for m in ms if m.type == "MEETING" and m.end <= base + made.start()])[-1:] or (
                [recent_meeting] if recent_meeting is not None and not any(m.type == "MEETING" for m in ms) else [])
            if plan is not None and meeting and plan.sentence != sent.index:
                yield Fact("ProgrammeReport", sent.index, base + made.start(), base + t.end(),
                           doc.text[base + made.start():base + t.end()], "programme:this-plan-adopted", plan.name,
                           [("programme", plan), ("announced_at", meeting[0])])
        if by is None:
            continue
        lo, hi = base + t.end() + by.start(1), base + t.end() + by.end(1)
        meeting = _outermost([m for m in ms if m.type == "MEETING" and lo <= m.start and m.end <= hi])
        if not meeting and recent_meeting and re.search(r"(?:会议|峰会|大会)", by.group(1)):
            meeting = [recent_meeting]
        plan = _the_plan(doc, t.group(1))
        if plan is not None and "共同" in by.group(1):
            # 本行动计划由中国政府和阿拉伯国家联盟共同制定: the bodies that drew it up together are its partners
            bodies = _outermost([m for m in ms if m.type == "ORG" and lo <= m.start and m.end <= hi])
            if bodies:
                yield Fact("Partnership", sent.index, base + t.start(), hi, doc.text[base + t.start():hi],
                           "partner:drawn-up-together", plan.name, [("programme", plan), *(("partner", b) for b in bodies)])
        if meeting and plan is not None:
            # (本规划由X会议于2015年1月9日在北京通过: the day it was adopted)
            when = [d for d in ms if d.type == "DATE" and meeting[0].end <= d.start and d.end <= hi]
            yield Fact("ProgrammeReport", sent.index, base + t.start(), hi, doc.text[base + t.start():hi],
                       "programme:this-plan-adopted", plan.name,
                       [("programme", plan), ("announced_at", meeting[0]), *(("date", d) for d in when[:1])])


def _announced_figures(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A figure that a person announces (…会议于2014年6月5日在北京召开，习近平主席出席开幕式并…宣布未来3年中方将为
    阿拉伯国家培训6000名人才): announced at the meeting the sentence names before 宣布, on its date."""
    meetings: dict[int, list[Fact]] = {}
    for f in facts:
        if f.kind == "MeetingReport":
            meetings.setdefault(f.sentence, []).append(f)
    for f in facts:
        if f.kind != "AidStatistic" or not f.get("announced_by") or f.get("announced_at") or f.sentence not in meetings:
            continue
        sent = doc.sentences[f.sentence]
        figure = (f.get("theme") or f.get("amount") or [None])[0]
        said = [t for t in ANNOUNCE.finditer(_rule_view(sent.text)) if figure and sent.start + t.end() <= figure.start]
        held = [r for r in meetings[f.sentence] if said and r.get("meeting")[0].end <= sent.start + said[-1].start()]
        if held:
            f.roles.append(("announced_at", held[-1].get("meeting")[0]))
            f.roles += [("date", d) for d in held[-1].get("date")[:1] if not f.get("date")]
    return facts


_NO_SUBJECT = re.compile(r"^\s*(?:此后|随后|其后|之后|后来|同时|此外|另外|接着)?[，]?(?:[^，；。]{2,16}?[，])?"
                         r"(?:又|还|再|并|也|先后|再次|进一步|同时)*(?:在[^，；。]{2,30}?上|于[^，；。]{2,16}?)?"
                         r"(?:又|还|再|并|也|正式)*(?:宣布|承诺|宣告|提出)")


def _same_announcer(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A pledge whose sentence names no one before the verb (此后又于2003年宣布，再减免…): the announcer of the
    pledge before it, in its paragraph or the one before."""
    last: Fact | None = None
    for f in sorted(facts, key=lambda f: f.start):
        if f.kind != "Pledge":
            continue
        sent = doc.sentences[f.sentence]
        if not f.get("announced_by") and last is not None and \
                doc.sentences[last.sentence].paragraph >= sent.paragraph - 1 and last.sentence < f.sentence:
            head = _NO_SUBJECT.match(_rule_view(sent.text))
            if head and not any(m.type in ("PERSON", "ORG", "COUNTRY") and m.sentence == sent.index
                                and m.end <= sent.start + head.end() for m in doc.mentions):
                f.roles += [("announced_by", m) for m in last.get("announced_by")]
        if f.get("announced_by"):
            last = f
    return facts


_ACTS = re.compile(r"(?:将|各|分别|也|还|共同|联合|再)*(?:设立|提供|出资|安排|发起|实施|建立|设置|推出)")


def _actors(clause: str, named: list[Mention], cs: int) -> list[Mention]:
    """The organisations a measure's clause begins with, listed, right before its verb (国家开发银行、中国进出口银行
    将各设立…融资窗口): they carry it out, they are not what is set up (丝路基金新增资金…: the fund topped up is)."""
    heads: list[Mention] = []
    pos = 0
    for m in sorted(named, key=lambda m: m.start):
        gap = clause[pos:m.start - cs]
        if m.type != "ORG" or not re.fullmatch(r"[，,：:\s]*(?:并|还|也)?" if not heads else r"[、和与及]", gap):
            break
        heads.append(m)
        pos = m.end - cs
    return heads if heads and _ACTS.match(clause, pos) else []


def _same_occasion(doc: Document, facts: list[Fact]) -> list[Fact]:
    """The same person announcing again in the next sentences (…在高峰论坛开幕式上…宣布…八项行动。习近平宣布，
    国家开发银行…): where and when, as the pledge before said, when nothing between names another meeting
    or day, in its paragraph or the next."""
    last: Fact | None = None
    for f in sorted(facts, key=lambda f: f.start):
        if f.kind != "Pledge":
            continue
        who = {m.name for m in f.get("announced_by")}
        if last is not None and who and who == {m.name for m in last.get("announced_by")} \
                and doc.sentences[last.sentence].paragraph >= doc.sentences[f.sentence].paragraph - 1 \
                and not f.get("announced_at") and not f.get("date") and "date" not in f.literals:
            held = {(m.start, m.end) for _, m in last.roles}
            between = [m for m in _spanned(doc, last.end, f.start)
                       if m.type in ("MEETING", "DATE", "FORUM") and (m.start, m.end) not in held]
            if not between:
                f.roles += [(r, m) for r, m in last.roles if r in ("announced_at", "date")]
        if f.get("announced_at") or f.get("date"):
            last = f
    return facts


_ONE_OF_ANNOUNCED = re.compile(r"(?:属|属于|是|为|系|作为)[^，；。]{0,24}?(宣布|承诺|宣告|提出)的[^，；。]{0,20}?(?:举措|措施|承诺|援助|计划|项目)")


def _one_of_the_announced(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A figure the sentence says belongs to measures someone announced (…，属国家主席习近平2014年9月18日宣布的第三轮
    援助举措; 这笔援助是中方在峰会上宣布的措施之一): that person or body announced it."""
    for f in facts:
        if f.kind != "AidStatistic" or f.get("announced_by"):
            continue
        sent = doc.sentences[f.sentence]
        said = _ONE_OF_ANNOUNCED.search(_rule_view(sent.text))
        if said is None:
            continue
        lo, hi = sent.start + said.start(), sent.start + said.start(1)
        who = [m for m in _in_sentence(doc, sent.index) if m.type in ("PERSON", "ORG", "COUNTRY")
               and lo <= m.start and m.end <= hi]
        people = [m for m in who if m.type == "PERSON"]
        if who:
            f.roles.append(("announced_by", (people or who)[-1]))
    return facts


def _counted_to_the_day(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A number counted up to a day (到8日为止，共有…2600多名救援人员…; 截至9月29日…): dated that day.  (Up to a
    year's end, 截至2019年底, white papers date their sums, and their numbers only now and then.)"""
    for f in facts:
        if f.kind != "AidStatistic" or f.get("date") or "date" in f.literals or not f.get("theme"):
            continue
        figure = f.get("theme")[0]
        sent = doc.sentences[f.sentence]
        text = _rule_view(sent.text)
        days = [d for d in _in_sentence(doc, sent.index) if d.type == "DATE" and d.end <= figure.start
                and d.text.endswith(("日", "號", "号")) and re.search(r"(?:截至|截止到?|到)$", text[:d.start - sent.start])
                and not re.search(r"[；。]", text[d.end - sent.start:figure.start - sent.start])]
        if days:
            f.roles.append(("date", days[-1]))
    return facts


def _after_figure(doc: Document, f: Fact) -> tuple[Mention, Sentence, str, str] | None:
    """A figure's fact: its figure (theme or amount), its sentence, the sentence as the rules read it, and
    what follows the figure up to ；or 。; None when the fact has no figure."""
    figure = (f.get("theme") or f.get("amount") or [None])[0]
    if figure is None:
        return None
    sent = doc.sentences[f.sentence]
    text = _rule_view(sent.text)
    return figure, sent, text, re.match(r"[^；。]*", text[figure.end - sent.start:]).group()


def _handed_to(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A figure handed over to a country after it (3000万元人民币援助已移交马拉维, 物资交付布基纳法索, 赠送给…):
    the countries right after the verb received it."""
    for f in facts:
        if f.kind != "AidStatistic" or any(m.type in GEO for m in f.get("recipient")):
            continue
        if (stretch := _after_figure(doc, f)) is None:
            continue
        figure, sent, text, rest = stretch
        geo = sorted((m for m in _in_sentence(doc, sent.index) if m.type == "COUNTRY" and not _chinese(m)
                      and figure.end < m.start and m.end - figure.end <= len(rest)), key=lambda m: m.start)
        for i, g in enumerate(geo):
            if re.search(r"(?:移交|交付|交给|送给|赠送给?|捐赠给|提供给|转交|交付给|移交给)(?:了)?$", text[:g.start - sent.start]):
                f.roles += [("recipient", m) for m in _list_run(text, geo[i:], sent.start)]
                break
    return facts


def _dated_after(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A figure whose sentence dates it after it (200万美元粮食援助于2022年3月运抵, …已于3月交付): 于 DATE and a
    verb of delivery, in the same stretch up to ；or 。."""
    for f in facts:
        if f.kind != "AidStatistic" or f.get("date") or "date" in f.literals:
            continue
        if (stretch := _after_figure(doc, f)) is None:
            continue
        figure, sent, text, rest = stretch
        for d in _in_sentence(doc, sent.index):
            lo = d.start - figure.end
            if d.type == "DATE" and 0 < lo and d.end - figure.end <= len(rest) \
                    and rest[lo - 1:lo] == "于" and re.match(r"(?:前|起)?(?:运抵|抵达|交付|交接|启动|发放|到位|移交|落成|竣工|签署|送达|拨付)",
                                                             rest[d.end - figure.end:]):
                f.roles.append(("date", d))
                break
    return facts


_WILL = re.compile(r"\s*(?P<who>中方|中国政府|中国|我国|我方)(?:还|也|再|继续|愿|同时|已|已经)*(?:将|决定|愿意?(?!望))")  # (中方愿…: willing to)  # (after a list item's number)


def _commitments(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A figure of what China will do (中方将为非洲援助实施10个减贫和农业项目, an action plan's measures): a
    pledge of China's, its figure the amount pledged."""
    last: tuple[int, Mention] | None = None  # the sentence of the last commitment, and who commits
    for f in sorted(facts, key=lambda f: f.start):
        if f.kind != "AidStatistic" or f.get("announced_by"):
            continue
        clause = _rule_view(doc.text[f.start:f.end])
        who = None
        # (新华社北京9月21日电 中国政府决定…: the dateline before the sentence's subject)
        if will := _WILL.match(clause, (item := _ITEM.match(clause) or _DATELINE.match(clause)) and item.end() or 0):
            who = next((m for m in _spanned(doc, f.start + will.start("who"), f.start + will.end("who"))
                        if m.type == "COUNTRY" and m.start == f.start + will.start("who")), None)
        elif last is not None and last[0] == f.sentence and _GOES_ON.match(clause):
            who = last[1]  # …，并向非洲派遣500名农业专家: the same subject goes on
        else:  # 中方将继续向…提供援助，在未来5年内实施100个民生项目: the subject that heads the sentence goes on
            who = _will_head(doc, f)
        if who is None:
            continue
        last = (f.sentence, who)
        _pledged(f)
        f.roles.append(("announced_by", who))
        if "国" in clause or "成员" in clause:  # 中方将向拉共体成员国提供…: the body whose members it is for
            named = {m.name for r, m in f.roles if r == "recipient"}
            f.roles += [("recipient", m) for m in _member_states(doc, clause, f.start, f.end) if m.name not in named]
    return facts


def _member_states(doc: Document, clause: str, start: int, end: int) -> list[Mention]:
    """The bodies whose member states a measure is for (为东盟国家, 向拉共体成员国): in ``clause``, the simplified
    text of ``doc.text[start:end]``."""
    return [m for m in _spanned(doc, start, end) if m.type == "ORG" and _MEMBERS.match(clause, m.end - start)
            and RECIPIENT_VERBS.search(clause, max(0, m.start - start - 8), m.start - start)]


_STOP_BETWEEN = re.compile(r"[；;。]")
_OWN_SUBJECT = re.compile(r"\s*(?:[^，；。,;\s]{0,2}方|两国|各国)")  # 双方将…, 非方 …: a clause with a subject of its own


def _will_head(doc: Document, f: Fact) -> Mention | None:
    """The side that heads the sentence of ``f``, which is a later clause (中方将…，…): who will do what the clause
    says, where no ；or 。 comes between and the clause names no subject of its own."""
    sent = doc.sentences[f.sentence]
    if sent.index != f.sentence or sent.start >= f.start or _STOP_BETWEEN.search(doc.text, sent.start, f.start) \
            or _OWN_SUBJECT.match(doc.text, f.start):
        return None
    head = _rule_view(doc.text[sent.start:min(f.start, sent.start + 24)])  # (the list item's number, the side, 将)
    will = _WILL.match(head, (item := _ITEM.match(head)) and item.end() or 0)
    if will is None:
        return None
    if any(m.start == f.start and m.type in ("COUNTRY", "REGION", "ORG", "PERSON") for m in _spanned(doc, f.start, f.end)):
        return None
    return next((m for m in _spanned(doc, sent.start + will.start("who"), sent.start + will.end("who"))
                 if m.type == "COUNTRY" and m.start == sent.start + will.start("who")), None)


def _pledged(f: Fact) -> None:
    """A figure that is a measure announced or committed to: a pledge, its figure the amount pledged."""
    f.kind = "Pledge"
    f.roles = [("amount" if r == "theme" else r, m) for r, m in f.roles]


_GOES_ON = re.compile(r"[，,\s]*(?:并|还|同时|再)?(?:向|为|在|派遣|提供|实施|援建|培训|设立)")


# goods that arrive: the day right before the verb (27日运抵, 已于9月5日运抵), the place right after it
_ARRIVE = r"运抵|抵达|送抵|运达"
_ARRIVES = re.compile(_ARRIVE)
# what happened to the goods after them (…物资于3月5日运抵苏瓦, …援助项目近日交付): no part of what was given
_ARRIVAL_AFTER = re.compile(r"(?:近日|日前)?(?:已|已经)?于?(?:\d{4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:顺利|先后|陆续|正式)?"
                            r"(?:" + _ARRIVE + r"|交付|移交|启动|竣工|落成|开工)|(?:已|已经)?于\d|"
                            r"(?:近日|日前)?(?:已|已经|将)?在[^，。；在]{2,16}?(?:完成)?(?:交接|移交|交付)")  # …大米近日在哈瓦那港完成交接
_BEFORE_ARRIVAL = re.compile(r"(?:已|已经|均|先后|陆续|顺利|分别)*(?:于|在)?")
_TO_THE_PLACE = re.compile(r"(?:该国|当地)?(?:首都|首府|港口城市|城市|港口|最大城市)?")


# 粮食在首都利隆圭交接, 物资将在仰光交付, 交接仪式在维拉港举行: where aid is handed over (not where a project is
# begun or another ceremony held)
_IN_THE_PLACE = re.compile(r"在(?=" + _TOWN_WORDS + r"[^，。；在]{2,16}?"
                           r"(?:港|机场)?(?:顺利|正式)?(?:完成)?(?:了)?(?:交接|移交|交付|发放|分发))"
                           # 抗疫物资交接仪式在维拉港举行: the ceremony of the handover, and where it was held
                           r"|(?:交接|移交|交付|捐赠|发放)仪式(?:近日|日前|当天|当日|今天|\d{1,2}日)?(?:上午|下午)?在"
                           r"(?=[^，。；在]{2,16}?举行)")


def _arrived(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Aid goods that arrive (中国政府援助汤加的第二批救灾物资27日运抵汤加首都努库阿洛法, 首批物资已于9月5日
    运抵卡拉奇) or are handed over in a place (第二批粮食在首都利隆圭交接, 物资于5月在老挝万象交付): the
    place the verb reaches is where the delivery was made, the day right before the verb when it was made;
    in the delivery's own stretch of the sentence (up to ；or 。)."""
    for f in facts:
        # (a figure of the goods that arrive: 向叙利亚提供的3000万元人民币援助物资已运抵大马士革, its sum before the verb)
        figure = (f.get("theme") or f.get("amount") or [None])[0] if f.kind == "AidStatistic" else None
        if not (f.kind == "AidDelivery" or figure is not None) or (f.get("date") and f.get("location")):
            continue
        sent = doc.sentences[f.sentence]
        text = _rule_view(sent.text)
        lo = (figure.end if figure is not None else f.start) - sent.start
        stop = re.match(r"[^；。]*", text[lo:]).end() + lo
        arrival = _ARRIVES.search(text, lo, stop) or _IN_THE_PLACE.search(text, lo, stop)
        if arrival is None:
            continue
        ms = _in_sentence(doc, sent.index)
        at, to = sent.start + arrival.start(), sent.start + arrival.end()
        if not f.get("date") and "date" not in f.literals:
            f.roles += [("date", d) for d in ms if d.type == "DATE" and d.end <= at
                        and _BEFORE_ARRIVAL.fullmatch(text, d.end - sent.start, arrival.start())][-1:]
        if not f.get("location"):
            here = [m for m in ms if m.start >= to and m.type in ("PLACE", "COUNTRY") and not _chinese(m)]
            pos, places = to, []
            for m in here:  # 汤加首都努库阿洛法: the country, what the place is to it, the place
                if not _TO_THE_PLACE.fullmatch(text, pos - sent.start, m.start - sent.start):
                    break
                places.append(m)
                pos = m.end
            f.roles += [("location", m) for m in places if m.type == "PLACE"] or \
                [("location", m) for m in places[:1] if not any(m.name == r.name for r in f.get("recipient"))]
    return facts


_DELIVERS = ("AidStatistic", "Pledge")  # events that also say what was (to be) delivered to whom
# 受惠国家包括卢旺达、突尼斯…: the countries that benefit from the aid just told of, listed after it
_BENEFICIARIES = re.compile(r"(?:^|[，,；;])\s*(?:其中|这些|上述|此次|本次)?(?:受惠|受益|受援|获益|涉及)的?(?:国家|国|对象)"
                            r"(?:包括|有|为|是)[:：]?")


def _beneficiaries(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Countries listed as those who benefit (中国宣布免除非洲17国…债务。受惠国家包括卢旺达、突尼斯…等): recipients of
    the last aid told before the list, in its sentence or the one before in its paragraph."""
    aid = [f for f in facts if f.kind in ("Pledge", "AidStatistic", "AidDelivery")]
    if not aid:
        return facts
    for sent in doc.sentences:
        text = _rule_view(sent.text)
        if "国" not in text and "对象" not in text:
            continue
        for b in _BENEFICIARIES.finditer(text):
            at = sent.start + b.end()
            stop = sent.start + re.match(r"[^；;。]*", text[b.end():]).end() + b.end()
            listed = [m for m in _in_sentence(doc, sent.index) if m.type in GEO and not _chinese(m) and at <= m.start < stop]
            if not listed or listed[0].start != at:
                continue
            named = _list_run(text, listed, sent.start)
            told = [f for f in aid if f.end <= sent.start + b.start() + 1 and (f.sentence == sent.index or (
                f.sentence == sent.index - 1 and doc.sentences[f.sentence].paragraph == sent.paragraph))]
            if told:
                last = max(f.end for f in told)
                for f in told:
                    if f.end == last:
                        had = {m.name for m in f.get("recipient")}
                        f.roles += [("recipient", m) for m in named if m.name not in had]
    return facts


def _no_echoes(facts: list[Fact]) -> list[Fact]:
    """An event that tells nothing another of its kind does not, read from an overlapping stretch of its sentence
    (two rules reading one row: the project and the country in its name, then the whole row), is left out:
    one event, not two; so is a delivery whose roles the figure or pledge of its clause has, when what it
    names as delivered is that figure's sum."""
    roles = [{(r, _plain_name(m)) for r, m in f.roles} for f in facts]
    told = [r | set(f.literals.items()) for r, f in zip(roles, facts)]
    by_sentence: dict[int, list[int]] = {}
    for i, f in enumerate(facts):
        by_sentence.setdefault(f.sentence, []).append(i)

    def echo(i: int, j: int) -> bool:
        f, g = facts[i], facts[j]
        if i == j or not (g.start < f.end and f.start < g.end):
            return False
        if g.kind == f.kind:
            return told[i] <= told[j] and (told[i] != told[j] or j < i)
        # (what the delivery names as delivered is the figure's own sum: 提供10万美元紧急人道主义现金援助)
        # (or the pledge's words hold it: 宣布免除X、Y等国…到期的无息贷款债务)
        return f.kind == "AidDelivery" and g.kind in _DELIVERS and roles[i] <= roles[j] and all(
            any(to_simplified(m.text) in to_simplified(v) for _, m in g.roles if m.is_value)
            or g.kind == "Pledge" and to_simplified(v) in to_simplified(g.label) for v in f.literals.values())

    def shared(i: int) -> bool:  # 分别提供了100万美元、50万美元…援助: the figures of the clause, one a country, tell it all
        f = facts[i]
        if f.kind != "AidDelivery" or "deliverable" not in f.literals:
            return False
        given = to_simplified(f.literals["deliverable"])
        figures = [j for j in by_sentence[f.sentence] if facts[j].kind in _DELIVERS and facts[j].start < f.end
                   and f.start < facts[j].end and any(to_simplified(m.text) in given for _, m in facts[j].roles if m.is_value)]
        return len(figures) > 1 and roles[i] <= set().union(*(roles[j] for j in figures))

    return [f for i, f in enumerate(facts) if not any(echo(i, j) for j in by_sentence[f.sentence]) and not shared(i)]


def _forum_plans(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A forum's own plan (中国-阿拉伯国家合作论坛行动计划) that the document says no meeting adopted: the forum
    announced it (a meeting that adopted it, 中非合作论坛第八届部长级会议, is said where it is)."""
    adopted = {m.name for f in facts for m in f.get("programme") if f.get("announced_at")}
    done: set[str] = set()
    for p in doc.mentions:
        if p.type != "PROGRAMME" or p.name in adopted or p.name in done or not re.search(
                r"(?:行动计划|规划|计划|纲要|方案|议程)(?:[(（][^()（）]*[)）])?$", _QUOTES.sub("", p.name)):
            continue
        forum = next((f for f in _spanned(doc, p.start, p.end) if f.type == "FORUM" and f.start == p.start and f.end < p.end
                      and re.fullmatch(r"[—－\-–―]?(?:行动计划|规划|计划|纲要|方案|议程)(?:[(（][^()（）]*[)）])?",
                                       _zh(p)[f.end - p.start:])), None)
        if forum is not None:
            done.add(p.name)
            facts.append(Fact("ProgrammeReport", p.sentence, p.start, p.end, p.text, "programme:forum-plan", p.name,
                              [("programme", p), ("announced_at", forum)]))
    return facts


def _aided_in(clause: str, inner: list[Mention], cs: int) -> bool:
    """The clause of an announced measure names a country or region it aids right after a verb of aid
    (支持非洲国家抗疫, 向布基纳法索提供紧急粮食援助, 帮助巴基斯坦灾后重建)."""
    return any(m.type in GEO and not _chinese(m) and re.search(
        r"(?:支持|援助|帮助|支援|驰援|向|为)$", clause[:m.start - cs]) for m in inner)


def _sum_of_the_aid(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A sum given as the amount of the aid just told of (…向布基纳法索提供的粮食援助项目近日交付，援助金额200万美元;
    …在老挝实施的项目启动。该项目金额为300万美元): that aid's recipients, in its sentence or the one before."""
    told = sorted((f for f in facts if any(m.type in GEO for m in f.get("recipient"))), key=lambda f: f.end)
    for f in facts:
        if f.kind == "AidStatistic" and not f.get("recipient") and _SUM_OF_IT.match(_rule_view(f.text)) and any(
                m.type == "MONEY" for _, m in f.roles):
            para = doc.sentences[f.sentence].paragraph
            near = [t for t in told if t.end <= f.start and (t.sentence == f.sentence or t.sentence == f.sentence - 1
                                                              and doc.sentences[t.sentence].paragraph == para)]
            if near:
                f.roles += [(r, m) for r, m in near[-1].roles if r in ("recipient", "deliverable")]
                if any(r == "deliverable" and not m.is_value for r, m in near[-1].roles):  # 该项目金额为…: the named project's sum
                    f.roles = [("amount" if r == "theme" and m.type == "MONEY" else r, m) for r, m in f.roles]
    return facts


# 向巴基斯坦信德省灾区提供, 为埃塞俄比亚首都亚的斯亚贝巴的医院捐赠: the place of the country the aid went to
_IN_THE_COUNTRY = re.compile(r"(?:的)?(?:首都|首府|北部|南部|东部|西部|中部|东北部|西北部|东南部|西南部)?(?:的)?")


def _places_of_the_recipient(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A place named right after the country that receives aid (向巴基斯坦信德省灾区提供了5000顶帐篷): where the aid
    went, its location."""
    for f in facts:
        if f.kind not in ("AidStatistic", "AidDelivery", "Pledge") or f.get("location"):
            continue
        given = [m for m in f.get("recipient") if m.type == "COUNTRY" and f.start <= m.start < f.end]
        if not given:
            continue
        sent = doc.sentences[f.sentence]
        text = _rule_view(sent.text)
        ends = {m.end for m in given}
        f.roles += [("location", p) for p in _in_sentence(doc, sent.index) if p.type == "PLACE" and p.start < f.end and any(
            e <= p.start and _IN_THE_COUNTRY.fullmatch(text, e - sent.start, p.start - sent.start) for e in ends)][:1]
    return facts


def _one_each(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A pledge of sums given respectively (宣布分别向老挝和柬埔寨提供300万美元和200万美元, 向汤加、斐济分别提供…):
    one pledge for each sum, to the country in its place in the list."""
    out = []
    for f in facts:
        sums = [m for r, m in f.roles if r == "amount" and m.type == "MONEY"]
        given = [m for r, m in f.roles if r == "recipient"]
        if f.kind != "Pledge" or len(sums) < 2 or len(sums) != len(given) or "分别" not in _rule_view(f.text):
            out.append(f)
            continue
        for m, g in zip(sorted(sums, key=lambda x: x.start), sorted(given, key=lambda x: x.start)):
            out.append(replace(f, roles=[(r, x) for r, x in f.roles if r not in ("amount", "recipient") or x is m or x is g],
                               literals=dict(f.literals)))
    return out


_SHARE_OF_IT = re.compile(r"\s*其中[，,]?")  # 向X提供500万美元，其中300万美元用于…: a share of the sum before
_NEXT_SHARE = re.compile(r"\s*(?:另有|另外|其余|剩余)?[的]?")  # …，200万美元用于…: the next share of the list


def _shares_of_the_sum(doc: Document, facts: list[Fact]) -> list[Fact]:
    """The shares of a sum given through a body (向世界粮食计划署提供500万美元，其中300万美元用于老挝学校供餐项目，
    200万美元用于…): each share goes through the same body, a partner of what it pays for too."""
    for i, f in enumerate(facts):
        if not f.get("partner") or not any(m.type == "MONEY" for _, m in f.roles):
            continue
        partners = f.get("partner")
        sharing = False
        for g in sorted((g for g in facts if g.sentence == f.sentence and g.start >= f.end), key=lambda g: g.start):
            money = [m for _, m in g.roles if m.type == "MONEY"]
            text = _rule_view(g.text)
            if not money or g.kind not in ("AidStatistic", "Pledge"):
                continue  # (the recipient in a project's name, read from the same clause)
            if _SHARE_OF_IT.match(text):
                sharing = True
            elif not (sharing and (nxt := _NEXT_SHARE.match(text)) and text[nxt.end():].startswith(money[0].text)):
                break
            g.roles += [("partner", p) for p in partners if not any(p is x for x in g.get("partner"))]
    return facts


def _worth_of_the_delivery(doc: Document, facts: list[Fact]) -> list[Fact]:
    """The worth of goods just handed over (…第二批粮食在首都利隆圭交接，价值约300万元人民币): the sum was where the
    goods were, the delivery told before it in its sentence to the same recipients."""
    for f in facts:
        if f.kind == "AidStatistic" and not f.get("location") and f.get("recipient") and _SUM_OF_IT.match(_rule_view(f.text)):
            given = {_plain_name(m) for m in f.get("recipient")}
            near = [t for t in facts if t.kind == "AidDelivery" and t.sentence == f.sentence and t.end <= f.start
                    and t.get("location") and given == {_plain_name(m) for m in t.get("recipient")}]
            if near:
                f.roles += [("location", m) for m in near[-1].get("location")]
    return facts


def _done_in(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A figure of what was done in a place (农业专家在几内亚比绍协助建成示范点11个): the place is its location,
    where the clause names no one who received it."""
    for f in facts:
        if f.kind != "AidStatistic" or f.get("recipient") or f.get("location") or f.get("region"):
            continue
        figure = (f.get("theme") or f.get("amount") or [None])[0]
        if figure is None or not f.start <= figure.start < f.end:
            continue
        clause = _rule_view(doc.text[f.start:figure.start])
        for at in _DONE_IN.finditer(clause):
            lo, hi = f.start + at.start(1), f.start + at.end(1)
            f.roles += [("location", m) for m in _spanned(doc, lo, hi) if m.type in ("PLACE", "COUNTRY")
                        and not _chinese(m) and m.start == lo][:1]
    return facts


def _last_day(days: Mention) -> Mention | None:
    """The last day of a span of days (2021年11月29日至30日 -> 30日), as a date."""
    return _day_of(days, "end", re.search(r"(?:至|到|[—–~～-])\s*([^至到—–~～-]+)$", days.text))


def _closing_day(doc: Document, facts: list[Fact]) -> list[Fact]:
    """What a meeting adopted or announced on its closing day (…于2021年11月29日至30日召开，闭幕当天审议通过了《X》):
    the last day of the meeting's days, not its first."""
    for f in facts:
        if f.kind not in ("ProgrammeReport", "Pledge") or not f.get("announced_at"):
            continue
        sent = doc.sentences[f.sentence]
        text = _rule_view(sent.text)
        if not re.search(r"闭幕(?:当天|当日|之日|式上|时|前夕)", text):
            continue
        days = [d for m in _in_sentence(doc, sent.index) if m.type == "PERIOD" and (d := _last_day(m))]
        if days:
            f.roles = [(r, m) for r, m in f.roles if r != "date"] + [("date", days[0])]
    return facts


def _first_day(days: Mention) -> Mention | None:
    """The first day of a span of days (2021年11月29日至30日 -> 2021年11月29日), as a date."""
    return _day_of(days, "start", re.match(r"([^至到—–~～-]+)", days.text))


def _day_of(days: Mention, end: str, cut: re.Match | None) -> Mention | None:
    """The date of the ``end`` ("start" or "end") of a span of days, whose text ``cut`` group 1 holds."""
    if days.type != "PERIOD" or not cut or not re.fullmatch(r"\d{4}-\d\d-\d\d", days.value.get(end, "")):
        return None
    day = days.value[end]
    return replace(days, start=days.start + cut.start(1), end=days.start + cut.end(1), text=cut.group(1), type="DATE",
                   key=f"date/{day}", name=cut.group(1), value={"value": day})


def _lenders(doc: Document, facts: list[Fact]) -> list[Fact]:
    """Who lends a flow of aid (优惠贷款则由中国进出口银行受政府指定对外发放): the partner of every
    figure of that flow in the document that names no partner of its own."""
    lender: dict[str, Mention] = {}
    orgs_in: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        if m.type == "ORG":
            orgs_in.setdefault(m.sentence, []).append(m)
    for sent in doc.sentences:
        for f in _FLOW.finditer(to_simplified(sent.text)) if sent.index in orgs_in else ():
            by = re.match(r"[^，；。]{0,6}?由([^，；。]{2,20}?)(?:受[^，；。]{0,8})?(?:发放|提供|负责|承贷|管理|筹集|筹措)", f.string[f.end():])
            if by:
                lo, hi = sent.start + f.end() + by.start(1), sent.start + f.end() + by.end(1)
                orgs = [m for m in orgs_in[sent.index] if lo <= m.start and m.end <= hi]
                if orgs:
                    lender.setdefault(_flow_code(f), orgs[0])
    for fact in facts:
        code = fact.literals.get("flowType")
        if code in lender and not fact.get("partner") and fact.kind in ("AidStatistic", "Pledge"):
            fact.roles.append(("partner", lender[code]))
    return facts


_TITLED_PLAN = re.compile(r"^\s*《?([^，。；《》()（）]{4,50}?(?:计划|规划|纲要|议程|方案|战略))\s*[(（]\s*((?:19|20)\d\d)"
                          r"\s*[-—–~～－―至到]\s*((?:19|20)\d\d)\s*年?[)）]")


def _titled_plans(doc: Document) -> list[Mention]:
    """A line of its own that names a plan with its years (澜沧江-湄公河合作五年行动计划(2018-2022)(节选), the
    title of a plan): the plan, where no name was found over it."""
    out = []
    for sent in doc.sentences:
        para = doc.paragraphs[sent.paragraph] if sent.paragraph < len(doc.paragraphs) else None
        if para is None or doc.text[para.start:para.end].strip() != sent.text.strip() or len(sent.text) > 70:
            continue
        m = _TITLED_PLAN.match(to_simplified(sent.text))
        if m is None or int(m.group(2)) >= int(m.group(3)) or not re.fullmatch(
                r"》?\s*(?:[(（][^()（）]{1,6}[)）])?\s*", sent.text[m.end():]):
            continue  # the line is the plan's name, (节选) at most after it: a title, not prose
        start, end = sent.start + m.start(1), sent.start + m.end()
        if any(x.type == "PROGRAMME" and x.start <= start and end <= x.end for x in doc.mentions):
            continue
        # the same plan named short elsewhere (行动计划, the head of its name) is the same entity
        short = next((x.key for x in doc.mentions if x.type == "PROGRAMME" and len(x.name) >= 2
                      and to_simplified(m.group(1)).endswith(_QUOTES.sub("", x.name))), None)
        out.append(_found_name(doc, start, end, "PROGRAMME", sent.index, "title:plan-with-years", short))
    return out


_QUOTES = re.compile(r"[“”《》\"]")
# …审议通过了《X》, 通过了《北京宣言》和《X规划》: what a meeting adopted, just before the name
_ADOPTED = r"(?:审议)?(?:通过|发表|发布|签署|制定|出台)(?:了|的)?(?:[“《\"][^“”《》\"。；]{1,60}[”》\"](?:和|、|及|以及|与))*[“《\"]?$"
# the head of a plan's title (a declaration, charter, report or regulation is a document, no entity)
_PLAN_TITLE = re.compile(r"《([^《》\n，。；]{2,60}?(?:计划|规划|纲要|议程|方案|战略|清单)(?:\s*[(（]\s*(?:19|20)\d\d\s*年?\s*[-—–~～－―至到]\s*"
                         r"(?:19|20)\d\d\s*年?[)）])?)》")


def _quoted_plans(doc: Document) -> list[Mention]:
    """A plan, programme or list of measures named in book-title marks (…审议通过了《X行动计划(2022-2024)》,
    会后发布的《X成果清单》): a programme, where the tagger found no name over it."""
    out = []
    for sent in doc.sentences:
        for q in _PLAN_TITLE.finditer(to_simplified(sent.text)):
            start, end = sent.start + q.start(1), sent.start + q.end(1)
            if any(not x.is_value and x.start <= start and end <= x.end for x in _in_sentence(doc, sent.index)):
                continue
            out.append(_found_name(doc, start, end, "PROGRAMME", sent.index, "quoted:plan"))
    return out


def _found_name(doc: Document, start: int, end: int, kind: str, sentence: int, rule: str, key: str | None = None) -> Mention:
    """A name the rules find where the tagger found none: the key of a mention of the same name in the
    document, else one of its own."""
    name = to_simplified(doc.text[start:end])
    key = key or next((x.key for x in doc.mentions if x.type == kind and x.name == name),
                      f"{kind.lower()}/{_QUOTES.sub('', name)}")
    return Mention(start, end, doc.text[start:end], kind, key, sentence, name, rule=rule)


_SESSION_OF_IT = re.compile(rf"(?:的)?{_ORDINAL}(?:部长级会议|峰会|领导人会议|高官会|高级官员会议|外长会议?|部长会议|高级别会议)")


def _sessions_of_the_forum(doc: Document) -> list[Mention]:
    """A session named by the forum's short reference (2015年1月，论坛首届部长级会议在北京举行): a meeting of the forum
    named before, under its full name (中国—拉共体论坛首届部长级会议) where the tagger found none over it."""
    out = []
    names = {x.name: x for x in doc.mentions if x.type == "FORUM" and not x.rule.startswith("reference")}
    for m in doc.mentions:
        if m.type != "FORUM" or not m.rule.startswith("reference"):
            continue
        s = _SESSION_OF_IT.match(_rule_view(doc.text[m.end:m.end + 16]))
        forum = next((x for x in names.values() if x.key == m.key), None)
        if s is None or forum is None or any(x.type == "MEETING" and x.start <= m.start and m.end + s.end() <= x.end
                                              for x in doc.mentions):
            continue
        full = forum.name + to_simplified(doc.text[m.end:m.end + s.end()]).lstrip("的")
        key = next((x.key for x in doc.mentions if x.type == "MEETING" and x.name == full), f"meeting/{_QUOTES.sub('', full)}")
        out.append(Mention(m.start, m.end + s.end(), doc.text[m.start:m.end + s.end()], "MEETING", key, m.sentence, full,
                           rule="reference:session-of-forum"))
    return out


def _quoted_parts(doc: Document) -> list[Mention]:
    """A quoted name that begins with a forum or programme and ends with the head of a part (“中非合作论坛—智库
    论坛”, “全球发展倡议项目库”): the part, where no name was found over it (its whole: `_components`)."""
    out = []
    for q in re.finditer(r"[“《\"]([^“”《》\"，。；]{4,40})[”》\"]", doc.text):
        lo, hi = q.start(1), q.end(1)
        inner = [m for m in _spanned(doc, lo, hi) if not m.is_value]
        whole = next((w for w in inner if w.type in ("FORUM", "PROGRAMME") and w.start == lo and w.end < hi), None)
        if whole is None or any(m.start == lo and m.end == hi for m in inner) or not _PART_HEAD.search(
                to_simplified(doc.text[whole.end:hi])) or len(doc.text[whole.end:hi].strip("—-－ ")) < 2:
            continue
        if whole.type == "FORUM" and not to_simplified(doc.text[lo:hi]).endswith("论坛"):
            continue  # “中非合作论坛—智库联盟”: a body of the forum, of a kind the name does not say
        out.append(_found_name(doc, lo, hi, whole.type, whole.sentence, "quoted:part-of-a-whole"))
    return out


_DASH = re.compile(r"[—－\-–―]")


def _wholes_before_a_dash(doc: Document) -> list[Mention]:
    """The forum or programme of the lexicon a longer name begins with, before a dash (中非合作论坛—青年创新
    论坛) or before the head of a part (全球发展倡议合作平台), where the tagger kept only the longer name: a
    mention of its own with the lexicon's key, so that the part can be part of it (`_components`)."""
    out, spans, lex = [], {(m.start, m.end) for m in doc.mentions}, None
    for m in doc.mentions:
        if m.is_value or m.type not in ("FORUM", "PROGRAMME", "PROJECT"):
            continue
        if d := _DASH.search(m.text):
            cuts = [d.start()] if d.start() >= 2 else []
        elif _PART_HEAD.search(to_simplified(m.text)):
            cuts = range(len(m.text) - 2, 1, -1)  # the longest whole first
        else:
            continue
        for cut in cuts:
            if (m.start, m.start + cut) in spans:
                break
            lex = lex or lexicon_mod.load()
            entry = lex.get(lex.by_name.get(lexicon_mod.normalize_name(m.text[:cut]), ""))
            if entry is not None and entry.type in ("FORUM", "PROGRAMME"):
                out.append(_found_name(doc, m.start, m.start + cut, entry.type, m.sentence,
                                       "name:whole-at-the-start", entry.key))
                break
    return out


# 项目库 of the programme itself; a framework, platform or mechanism only with a field of its own (社会民生合作框架),
# not “一带一路”合作平台 (the programme as a platform)
_NAMED_PART = re.compile(r"(?:项目库|[^，；。,;、的和与及“”《》\"\s]{2,8}?(?:合作框架|合作平台|合作机制))(?![下内中])")


def _named_parts(doc: Document) -> list[Mention]:
    """A programme's name run on into a part of it (全球发展倡议项目库, 中巴经济走廊社会民生合作框架; not 中巴经济
    走廊框架下, which says where, nor a name found already)."""
    out = []
    for w in doc.mentions:
        if w.type != "PROGRAMME":
            continue
        m = _NAMED_PART.match(to_simplified(doc.text[w.end:w.end + 16]))
        if m is None or any(x.start <= w.start and w.end + m.end() <= x.end and x is not w for x in doc.mentions):
            continue
        out.append(_found_name(doc, w.start, w.end + m.end(), "PROGRAMME", w.sentence, "name:part-of-a-programme"))
    return out


def _meeting_ref(sent, ms: list[Mention], lo: int, hi: int) -> bool:
    """The sentence refers to a meeting without naming it (会议, 本次峰会, 会上, 会议期间) between ``lo`` and
    ``hi`` (offsets in the sentence), outside any name (联合国大会 is a name)."""
    for m in re.finditer(r"(?:^|(?<=[，,；;、在于])|(?<=出席)|(?<=参加))(?:本次|此次|这次|该次|本届|此届|这届)?"
                         r"(?:会议|峰会|会上|大会|开幕式|闭幕式|论坛(?=上|期间|开幕式|闭幕式))", sent.text[lo:hi]):
        at = sent.start + lo + m.start()  # not 记者会上: a word that ends in 会 is another thing
        if not any(x.start <= at < x.end for x in ms):
            return True
    return False


def _headline_recipient(doc: Document, facts: list[Fact]) -> list[Fact]:
    """A headline that names the one country aided (中国多渠道支援巴基斯坦抗洪): the recipient of the sums of
    aid in the text that name none."""
    if not doc.sentences:
        return facts
    head = doc.sentences[0]
    text = to_simplified(head.text)
    if re.search(r"[。；]", text.strip()[:-1]) or len(text) > 60:
        return facts
    geo = [m for m in _in_sentence(doc, head.index) if m.type == "COUNTRY" and not _chinese(m)
           and re.search(r"(?:援助?|支援|驰援|帮助|向)[^，。；\s]{0,4}$", text[:m.start - head.start])]
    if len({m.key for m in geo}) != 1:
        return facts
    for f in facts:
        if f.kind in ("AidStatistic", "Pledge") and not f.get("recipient") and any(
                m.type == "MONEY" for _, m in f.roles):  # (中方决定提供2000万元人民币: a pledge since i12pledge)
            f.roles.append(("recipient", geo[0]))
    return facts


# 通过世界粮食计划署向老挝提供, 委托粮食署采购, 经由联合国开发计划署实施: the organisation the aid goes through
_CHANNEL = re.compile(r"(?:通过|经由|委托|依托|借助|利用|由)$")


def _channels(doc: Document, facts: list[Fact]) -> list[Fact]:
    """An organisation the aid of a clause is given through (中国通过世界粮食计划署向老挝提供200万美元): the
    partner of the figures and deliveries of that clause and the clauses after it in the sentence."""
    by_sentence: dict[int, list[Fact]] = {}
    for f in facts:  # (中方将通过X基金向东帝汶提供300万美元: a measure pledged goes through it too)
        if f.kind in ("AidStatistic", "AidDelivery", "Pledge"):
            by_sentence.setdefault(f.sentence, []).append(f)
    if not by_sentence:
        return facts
    for m in doc.mentions:
        if m.type not in ("ORG", "PROGRAMME") or m.sentence not in by_sentence:
            continue
        sent = doc.sentences[m.sentence]
        before = _rule_view(doc.text[sent.start:m.start])
        if not _CHANNEL.search(before) and not (
                m.type == "ORG" and _BACKS.search(before) and _DOES_IT.match(_rule_view(doc.text[m.end:sent.end]))):
            continue  # (中方支持世界粮食计划署在布基纳法索开展…: the organisation the aid is done by)
        clause = max((i for i in (before.rfind(c) for c in "，；。,;") if i >= 0), default=-1) + sent.start + 1
        if m.type == "PROGRAMME":  # 通过全球发展和南南合作基金向布基纳法索提供…: the fund that pays for it
            for f in by_sentence[m.sentence] if not before.endswith("由") else ():
                if f.kind in ("AidStatistic", "Pledge") and f.start >= clause and not f.get("programme") and not any(x is m for _, x in f.roles):
                    f.roles.append(("programme", m))
            continue
        # …提供紧急粮食援助，通过世界粮食计划署实施: a clause of its own that only says who runs the aid before it
        after = _rule_view(doc.text[m.end:sent.end])
        runs = not before[clause - sent.start:-2] and _RUN_THROUGH.match(after)
        # 援助老挝的学校供餐项目由世界粮食计划署负责实施: who runs the aid the clause names before it
        run_by = before.endswith("由") and _RUN_BY.match(after)
        if before.endswith("由") and not run_by:
            continue
        for f in by_sentence[m.sentence]:
            if (f.start >= clause and not run_by or runs and f.end <= clause or run_by and f.start <= m.start) \
                    and not f.get("partner") and not any(x is m for _, x in f.roles):
                f.roles.append(("partner", m))
    return facts


_BACKS = re.compile(r"(?:支持|资助|协助)$")
_DOES_IT = re.compile(r"(?:在[^，；。,;]{1,16}?)?(?:实施|开展|执行)")
_RUN_BY = re.compile(r"(?:负责|具体)?(?:实施|执行|发放|分发|运送|交付)")
_RUN_THROUGH = re.compile(r"(?:负责|具体)?(?:实施|执行|落实|发放|分发|运送|交付)(?:[。；;]|$)")


_SIGNED = re.compile(r"(?:[^，；。,;]{0,12}?(?:驻华代表|代表|执行干事|署长|总干事))?[^，；。,;]{0,4}?(?:签署|签订|合作)[^，；。,;]{0,16}?[，,]$")
_GOES_ON_WITH = re.compile(r"\s*(?:并|将|还|共同|联合)*(?:利用|通过|依托|借助|在|向|为|共同|联合)")


def _signed_with_before(sent, ms: list[Mention], clauses: list[tuple[int, int]], k: int) -> list[tuple[str, Mention]]:
    """The body named in the clause before, as 与X签署协议，/ 与X合作，, when this clause goes on with no subject
    of its own (利用…在老挝实施…, 在布基纳法索开展…): a partner of the deliveries."""
    if k == 0:
        return []
    cs, ce = clauses[k]
    ps, _ = clauses[k - 1]
    if not _GOES_ON_WITH.match(sent.text, cs - sent.start):
        return []
    return [("partner", o) for o in _within(ms, ps, cs) if o.type == "ORG" and not _CHINAS_OWN.search(_zh(o))
            and _WITH_BEFORE.search(sent.text, 0, o.start - sent.start)
            and _SIGNED.fullmatch(sent.text, o.end - sent.start, cs - sent.start)][:1]


_PAID_BY_FUND = re.compile(r"[”\"》]?(?:出资|资助|提供资金|全额资助|支持)[，,]\s*")
_RUNS_IT = re.compile(r"(?:负责|具体)?(?:实施|执行|运营|管理)")


_FUND_BACKED = re.compile(r"[”\"》]?(?:已|还|先后|共|也)*(?:支持|资助)(?:实施)?了[“\"《]?")  # X基金支持了Y项目


def _served(sent, ms: list[Mention], cs: int) -> list[Mention]:
    """The programmes a clause before ``cs`` says the deliveries serve (配合中巴经济走廊建设，在巴基斯坦实施了…;
    为推进A、B经济走廊建设: every programme of the list; 根据二十国集团缓债倡议，中国已与…签署缓债协议)."""
    out: list[Mention] = []
    for x in ms:
        if x.type != "PROGRAMME" or x.end > cs:
            continue
        before = sent.text[:x.start - sent.start]
        if re.search(r"(配合|推进|为|在|围绕|根据|按照|依据)[^，。；]{0,4}$", before) or (
                out and re.fullmatch(r"、|和|及|与|以及", sent.text[out[-1].end - sent.start:x.start - sent.start])):
            out.append(x)
    return out


_SETS_UP = re.compile(r"(?:设立|实施|启动|建立|推出|发起)了?[“\"《]?$")
_ONE_OF = re.compile(r"[”\"》]?(?:中|项下|框架下|框架内|之下|下)的[“\"《]?")  # (“一带一路”倡议下的中老铁路)
_IS_PART_OF = re.compile(r"(?:是|成为|系|属于)([^，；。]{2,30}?)(?:的(?:重要)?(?:[^，；。的]{0,4}(?:节点|枢纽)|组成部分|一部分|"
                         r"(?<=重要)(?:内容|举措)|"
                         r"旗舰项目|重点项目|早期收获)|的?(?:首个|第一个|首批|重点|重要|旗舰|标志性|示范)[^，；。的]{0,8}?(?:项目|工程)|"
                         r"[”\"》]?(?:(?:框架|名义)下)?(?:支持|资助|出资)(?:实施|建设|开展)?的[^，；。的]{0,8}?(?:项目|工程))")


def _right_after(text: str, base: int, pos: int, m: Mention) -> bool:
    """``m`` begins at ``pos``, or after an opening quote there (支持的“X计划”)."""
    return m.start == pos or m.start == pos + 1 and text[pos - base:pos - base + 1] in ("“", "\"", "《")


def _topic(sent, ms: list[Mention], pos: int) -> list[Mention]:
    """The project a sentence is about, whose clauses follow it (中国援建的X项目，显著提高了…，成为…): the
    first name of the sentence, a project closed by a comma, when no other name comes before ``pos``."""
    names = _outermost([m for m in ms if not m.is_value and m.end - sent.start <= pos and not _chinese(m)])
    if len(names) == 1 and names[0].type == "PROJECT" and sent.text[names[0].end - sent.start:][:1] in ("，", ","):
        return names
    return []


# who builds or lends, named before the project: X (负责)承建了/建设了 Y, X为Y提供(优惠)贷款/融资/资金 (the verb's object
# follows the project: …提供了贷款支持); not X参观了Y, X为Y举行仪式
_BUILDS_BEFORE = re.compile(r"(?:还|也|已|曾|先后|共同|联合|负责)*(?:承建|援建|修建|兴建|建设|建成|投资建设|负责建设|负责施工)了?")
_FOR = re.compile(r"(?:还|也|已|曾|先后|共同)*(?:为|向)")
# who builds or lends, named before the project and joined to it by 的: X承建的Y, X投资建设的Y, X提供(优惠)贷款(建设)的Y
_BUILT_BY_BEFORE = re.compile(r"(?:(?:承建|援建|修建|建设|施工|投资|融资|贷款)|提供了?[^，；。的]{0,6}?(?:贷款|融资|资金)(?:支持)?)"
                              r"(?:建设|修建|兴建)?的")
# builders and lenders listed before the project, each with what it does (由中国路桥承建、中国进出口银行提供贷款的Y)
_BUILDER_IS = re.compile(r"(?:承建单位|承建方|承建商|承包商|总承包商|施工方|施工单位|施工企业|贷款方|融资方)(?:是|为)$")
_MAKER = r"(?:承建|援建|修建|建设|投资|融资|施工|提供了?[^，；。的、]{0,6}?(?:贷款|融资|资金)(?:支持)?)"
_MAKERS_BEFORE = re.compile(_MAKER + r"(?:[、和及并，,]由?" + _MAKER + r")+的")
_LENDS_AFTER = re.compile(r"(?:项目|建设|工程|的建设)?提供了?[^，；。]{0,8}?(?:贷款|融资|资金支持|信贷)")


def _blank(between: str, names: list[Mention], lo: int, hi: int, ms: list[Mention]) -> str:
    """The text between two names (from ``lo`` to ``hi``) less the places and ``names`` named in it."""
    cut = sorted(_outermost([m for m in [*ms, *names] if lo <= m.start and m.end <= hi
                             and (m.type in ("COUNTRY", "PLACE", "REGION") or m in names)]), key=lambda m: m.start)
    out, pos = [], lo
    for m in cut:
        if m.start >= pos:
            out.append(between[pos - lo:m.start - lo])
            pos = m.end
    return "".join(out) + between[pos - lo:]


def _blank_geo(between: str, ms: list[Mention], lo: int, hi: int) -> str:
    """The text between two names less the countries and places named in it (承建的肯尼亚|蒙内铁路)."""
    return _blank(between, [], lo, hi, ms)


# a span of time heading a sentence (2015年至2019年，/ 未来五年，), and a subject and a verb that will carry out what
# it names next (中方将实施“, 双方将共同实施): the programme is to be carried out in that span
_HEAD_SPAN = re.compile(r"\s*(?:在)?(\S{2,16}?)(?:内|间|期间)?[，,]")
# a subject's will or assent and the span it puts the verb in (双方同意在2015年至2019年间共同实施“, 中方将于…实施)
_WILL_DO_IN = re.compile(r"(?:^|[，,：:]|[^，；。,;：:]{1,6}?)(?:将|拟|计划|同意|决定|愿|一致同意)(?:继续|共同|联合)?(?:在|于)$")
_SPAN_TO_CARRY_OUT = re.compile(r"(?:内|间|期间|中)?(?:继续|共同|联合|积极|合作|同[^，；。,;]{1,6}?)*"
                                r"(?:实施|启动|开展|推出|设立|举办|落实|推进|执行)[“\"《]?")
_TO_CARRY_OUT = re.compile(r"[^，；。,;]{0,8}?(?:将|拟|计划)(?:继续|共同|联合|积极)*(?:实施|启动|开展|推出|设立|举办|落实|推进)[“\"《]?")
# a fund a sentence says its sums go through: 在X(框架)下，/ 通过X，/ 依托X，(the next clause pays)
_THROUGH_FUND = re.compile(r"(?:在|通过|依托|利用|借助|经由)[“\"《]?$")
_THROUGH_FUND_AFTER = re.compile(r"[”\"》]?(?:的)?(?:框架|名义|机制|渠道|平台)?(?:下|内|项下)?[，,]")
_WORKS_BEGUN = re.compile(r"[^，；。\d]{0,4}?(?:开工|动工|开建|开始(?:修建|建设|施工)|破土)")
_WORKS_DONE = re.compile(r"[^，；。\d]{0,6}?(?:建成|竣工|完工|通车|落成|投入使用|投入运营)")


def _works_span(sent, ms: list[Mention], p: Mention) -> Mention | None:
    """The years a project was built in, from the year its works began to the year they were done (Y于2014年开工，
    2017年建成通车; 1970年开工，到1976年全线建成): a period of the text, as a value of its own; the sentence's
    clauses chained without 。；."""
    text, base = sent.text, sent.start
    dates = [d for d in ms if d.type == "DATE" and re.fullmatch(r"\d{4}", str(d.value.get("value", ""))[:4])]
    begun = [d for d in dates if _WORKS_BEGUN.match(text, d.end - base)]
    done = [d for d in dates if _WORKS_DONE.match(text, d.end - base)]
    for a in begun:
        for b in done:
            lo, hi = min(a.start, b.start, p.start), max(a.end, b.end, p.end)
            if a.end <= b.start and not re.search(r"[；。;]", text[lo - base:hi - base]) and a.value["value"][:4] < b.value["value"][:4]:
                return replace(a, end=b.end, text=text[a.start - base:b.end - base], type="PERIOD", key=f"period/{a.value['value']}/{b.value['value']}",
                               name=text[a.start - base:b.end - base], rule="value:works-span",
                               value={"value": f"{a.value['value']}/{b.value['value']}", "start": a.value["value"],
                                      "end": b.value["value"]})
    return None


def _agent_of(sent, projects: list[Mention], o: Mention) -> list[Mention]:
    """The projects that 由X建设 (X the agent ``o``) says X builds: of the projects before it in the clause chain
    (no 。；between), the sentence's topic when it opens the sentence (本格拉铁路…，是继坦赞铁路之后…，由X建设:
    the other is named in passing), else all of them."""
    before = [p for p in projects if p.start < o.start and not re.search(r"[。；]", sent.text[p.end - sent.start:o.start - sent.start])]
    if len(before) > 1 and not sent.text[:before[0].start - sent.start].strip():
        return before[:1]
    return before


def _meeting_dates(facts: list[Fact]) -> list[Fact]:
    """What is announced or adopted at a meeting whose sentence gives no date has the meeting's date, as the
    document gives it elsewhere (…会议于2021年11月29日在达喀尔召开。… 会议通过了《X》)."""
    held: dict[str, Mention] = {}
    for f in facts:
        if f.kind == "MeetingReport" and f.get("date"):
            held.setdefault(f.get("meeting")[0].name, f.get("date")[0])
    for f in facts:
        if f.kind in ("Pledge", "ProgrammeReport") and not f.get("date"):
            at = [held[m.name] for m in f.get("announced_at") if m.name in held]
            f.roles += [("date", d) for d in at[:1]]
    return facts


def _prefixes(name: str, named: dict[str, Mention]) -> Iterable[Mention]:
    """The mentions whose name begins ``name`` and leaves at least two characters of it (a dict look-up
    per length, so a document with thousands of names costs no more per name)."""
    for k in range(2, len(name) - 1):
        if name[:k] in named:
            yield named[name[:k]]


# 基金规模增至40亿美元, 铁路总投资38亿美元: what a named fund or project amounts to
# (将X额度提高到200亿美元, 规模增至40亿美元, 增资后达到: the size the fund or loan reaches)
_SIZE_VERB = r"(?:(?:已|将|逐步|进一步)*(?:增至|增加到|增加至|增加为|扩大到|扩大至|扩大为|提高到|提高至|提升到|提升至|升至|达到|达|为|超过|共计)(?:约|近)?)"
_FUND_SIZE = re.compile(rf"[”\"》]?(?:的)?(?:(?:资金规模|规模|资金|总额|总金额|金额|额度|总额度|资本|首期资金|总规模){_SIZE_VERB}?|(?:总投资|投资总额|投资额|合同金额|"
                        rf"合同额|总造价|造价|工程造价|耗资|总耗资)(?:约|近)?{_SIZE_VERB}?|{_SIZE_VERB})")
_BRACKET_OPENS = re.compile(r"[”\"》]?\s*[（(]\s*(?:总规模|规模|总额|总金额|金额|额度|首期资金|首期|资金)?(?:为|约|达)?")
_BRACKET_CLOSES = re.compile(r"\s*(?:左右)?[)）]")


def _in_brackets(sent, x: Mention, m: Mention) -> bool:
    """``m`` stands in brackets right after the name ``x``, alone (中拉合作基金（50亿美元）)."""
    return bool(_BRACKET_OPENS.fullmatch(sent.text, x.end - sent.start, m.start - sent.start)
                and _BRACKET_CLOSES.match(sent.text, m.end - sent.start))


def _sum_of_named(sent, m: Mention, inner: list[Mention]) -> list[Mention]:
    """The fund or loan a sum is the size of, named right after it (50亿美元的中非产能合作基金, 200亿美元中拉基础设施
    专项贷款), not a project or what the sum is given to (向…提供300万美元的…援助)."""
    if m.type != "MONEY":
        return []
    return [x for x in inner if x.type == "PROGRAMME" and x.start >= m.end and _zh(x).endswith(("基金", "贷款", "专项贷款", "资金"))
            and re.fullmatch(r"的?[“\"《]?", sent.text[m.end - sent.start:x.start - sent.start])][:1]


# a sum given to a named project or programme: 为/向 X 提供 …, … 提供 Y(的资金)支持/用于 X
_FOR_IT = re.compile(r"(?:为|向)(?:[“\"《]|该|此|这一|上述)?$")  # 为该基金: an anaphor's mention is its head noun
_GIVES = re.compile(r"[”\"》]?(?:再|又|还|共|累计|已|将)*(?:提供|拨付|拨款|捐赠|捐款|出资|注资|增资)了?(?:资金|援助|赠款)?(?:共|总计|合计|约|近)?")
# (…出资200万美元，通过/委托/由X实施“Y”: the project the body carries out with the sum)
_SUM_THEN_PAYS = re.compile(r"(?:的)?(?:资金|援助|现汇|捐款|赠款|现汇援助)?[，,]\s*(?:并|将|已|主要|全部)*(?:(?:用于|支持|资助)(?:支持|资助)?"
                            r"(?:实施|开展|建设)?|(?:通过|委托|由)[^，；。,;“”\"《》]{2,30}?(?:负责|具体)?(?:实施|执行|开展)(?:了)?)[“\"《]?")
# X由中方提供17亿美元贷款建设 / Y由中国政府出资500万美元实施: the project or programme the sum builds or pays for
_BUILT_WITH_SUM = re.compile(r"[”\"》]?(?:项目|工程)?(?:是|系|主要)?由[^，；。,;]{1,20}?(?:提供|出资|投资|融资|资助)了?(?:约|近|总计|共计|总额)?")
_BUILDS_AFTER = re.compile(r"(?:的)?[^，；。,;\d]{0,8}?(?:建设|援建|修建|兴建|承建|建成|实施|执行)")
_PAYS_FOR = re.compile(r"(?:的)?(?:资金|援助|赠款)?(?:将|已|主要|全部)*(?:支持|用于|资助)(?:实施|开展)?[“\"《]?")
_GOODS_UNITS = {"件", "条", "块", "间", "顶", "台", "辆", "套", "架", "份", "箱", "袋", "剂", "张", "支", "吨"}


def _goods(m: Mention) -> bool:
    """A count of things given (2.5万顶帐篷, 10亿剂疫苗): its text ends in a measure word."""
    return m.type == "COUNT" and _zh(m)[-1:] in _GOODS_UNITS


def _countries(m: Mention) -> bool:
    return m.type == "COUNT" and bool(m.value) and str(m.value.get("unit", "")).startswith(("国家", "国"))


def _a_figure(m: Mention, amounts: list[Mention]) -> bool:
    """A figure of aid of its own, among the clause's ``amounts``: not a number of kinds (分为…三种方式), nor
    the number of countries a later figure of the clause is given to (在80个国家承建了580个成套项目: where
    the 580 projects are)."""
    if m.type != "COUNT":
        return True
    if m.value and m.value.get("unit") in ("种", "类"):
        return False
    return not (_countries(m) and any(o.start > m.end and not _countries(o) for o in amounts))


def _plain_name(m: Mention) -> str:
    return m.key if m.is_value else _REGION_WORD.sub("", m.name)


def _given_to(sent, ms: list[Mention], pos: int) -> list[Mention]:
    """The countries and regions listed after 向/为/对/与/帮助/援助 before ``pos`` in the sentence."""
    geo = [g for g in ms if g.type in GEO and not _chinese(g) and g.end <= pos]
    for i, g in enumerate(geo):
        if re.search(r"(?:向|为|对|与|同|帮助|援助|免除了?|减免了?|惠及|受援(?:国|方)(?:包括|有|为|是)|受益(?:国|方)(?:包括|有|为|是))$",
                     sent.text[:g.start - sent.start]):
            return _list_run(sent.text, geo[i:], sent.start)
    return []


# 全球发展和南南合作基金支持的Y, X资助实施的Y, X出资建设的Y: the programme pays for the project after it
_PAID_BY = re.compile(r"[”\"》]?(?:的)?(?:资金)?(?:支持|资助|出资|援助)(?:实施|建设|援建|开展)?的")
# 在“一带一路”倡议下, 在南南合作援助基金支持下, 在X的资助下: what follows is done under the programme
# (框架下 / 项下 / 名义下: `_components`)
_ABBREVIATION = re.compile(r"[（(][A-Za-z][A-Za-z\s\-&]{1,15}[)）]")  # 全球发展和南南合作基金（GDSSCF）
_GETS_FROM = re.compile(r"(?:已|还|也|共|先后|将)*(?:获得|得到)(?:了)?[“\"《]?")  # Y获得X基金…资助
_FUNDING = re.compile(r"[”\"》]?(?:的)?(?:[^，；。,;]{0,12}?)(?:资助|资金支持|支持|援助|资金)")
_FUND_TO = re.compile(r"[”\"》]?(?:已|还|也|共|先后|将|累计)*向[“\"《]?")  # X基金向Y提供
_FUNDS_IT = re.compile(r"[”\"》]?(?:已|还|也|共|先后|将|累计)*(?:提供|拨付|捐赠|捐助)")
_PAYS_AND = re.compile(r"[”\"》]?(?:出资)?(?:支持|资助|出资|提供资金)[、和及]")  # X基金资助、Y实施的Z
_RUN_BY_THEN = re.compile(r"(?:负责|具体)?(?:实施|执行|承办|运营)的[“\"《]?")
_UNDER = re.compile(r"[”\"》]?(?:的)?(?:支持|资助|帮助|推动|带动)?下[，,]?")
# 对外援助金额为, 粮食援助总额为, 援助资金累计达到: the sum after is the amount of the aid named before
_TOTAL_OF = re.compile(r"援助[^，；。\d]{0,4}?(?:金额|总额|总量|规模)(?:为|达到?|共计|合计|累计)?(?:约|近|超过)?$")
# A与B共同实施的, 三方合作开展, 联合设立: work the parties named before do together
_JOINTLY = re.compile(r"(?:三方|双方|多方|四方)?(?:共同|联合|合作|一道)(?:实施|开展|建设|设立|发起|推进|举办|资助|运营|执行)(?:了|的)?")
# 当年中国向粮食署的捐款…: one year of the span named before, not all of it
_ONE_YEAR = re.compile(r"当年|同年|该年|这一年|本年")
_LATER_BY = re.compile(r"[\d一二三四五六七八九十两几半]+(?:个)?(?:多)?(?:年|月|天|日|周|星期)(?:之|以)?(?:后|前)")
_AGE_OF = re.compile(r"(?:提出|成立|创立|创建|设立|建立|启动|发起|签署|开通|运营|运行|实施|举办|召开)(?:以|至今)?$")
_TEAM_WORDS = re.compile(r"(?:医疗队|救援队|专家组|志愿者团队|工作组|技术组)$")
_TEAM_OF = re.compile(r"[”\"》]?(?:一行|共|共有|全体|由)?(?:队员|成员|专家|医生)?(?:共|共计)?")
_BY_THEN = re.compile(r"(?:底|末)?(?:前|之前|以前)")
_SINCE = re.compile(r"(?:以来|起(?!草)|开始|至今)")  # (not 2019年来华: a year and a visit)
_LASTS = re.compile(r"\s*(?:并|且|援助|项目|合作)?(?:为期|期限为|期限)")  # …，为期两年
# 举办了3次峰会, 召开7届部长级会议: a number of meetings held, no figure of aid
_MEETINGS_COUNTED = re.compile(r"[^，；。\d]{0,4}?(?:峰会|会议|会晤|论坛|大会)")
# the words that may qualify a name after 宣布的 (中非合作“九项工程”, 新的“X计划”): no stop, verb or function word
_QUALIFIER = re.compile(r"(?:(?!包括|是|为|有|将|已|了|在|对|向|和|与|等|及|的)[^，；。,;：:、])"
                        r"{0,8}[“\"《「『'‘]?|新的[“\"《]?")
# what 提出 names as its object with an attributive before it: 提出了推动共同发展的“全球发展倡议”
_PROPOSED = re.compile(r"了?[^，；。,;：:]{0,20}的[“\"《]?")
# 总投资374亿元, 造价38亿美元, 耗资2亿美元, 合同金额约2亿元, 贷款金额1.2亿元: a clause that says what a project costs
_COST_OF_LAST = re.compile(r"\s*(?:该项目|项目|工程|其)?(?:的)?(?:总投资|投资总额|投资额|总造价|造价|耗资|总耗资|合同金额|合同总额|"
                           r"合同额|贷款金额|总金额|价值)(?:额)?(?:为|约|近|达到?|超过|共计|逾)*(?:人民币)?")
_SIZE_OF_LAST = re.compile(r"^\s*(?:涉及|所涉)?(?:其|该基金|该项目|该贷款|基金|贷款)?(?:首期|初期|一期|总额度|总额|总规模|规模|金额|额度|资金|为期|期限|每年|共计|合计)"
                           # …设立X基金，(在第一阶段)投入30亿元 / 为其提供20亿美元: what is put into the fund named before
                           r"|^(?:并|还|将|已|先后|首批|首期)*(?:在[^，；。]{1,8}?(?:阶段|期间|期内|内)|在[^，；。]{1,16}?基础上)?(?:再|又|追加)?(?:投入|注资|增资|注入)"
                           r"|^(?:并|还|将|已|先后)*(?:为|向)(?:其|该基金)(?:提供|注资|增资|注入|投入)")
_HERE = re.compile("")  # an empty match: where a listed item's text begins, as a trigger
_LIST_AFTER = re.compile(r"^\s*(?:其中(?:包括|有)?|包括|主要(?:包括|有))[:：，,]")
_ITEM_TYPES = frozenset({"PROGRAMME", "PROJECT"})  # what a partner works on
_BODY_TYPES = frozenset({"ORG", "FORUM", "PROGRAMME"})  # what is founded
_PART_TYPES = frozenset({"PROGRAMME", "PROJECT", "FORUM"})  # what is part of a whole
_FORUMS_UNDER = re.compile(r"(?:还|也|已|先后)*(?:下设|设有|设立了?|包括)(?=[^，；。]{2,80}?(?:等)?(?:分论坛|子论坛|专业论坛))")
_SUB_FORUM = re.compile(r"(?:(作为)|是|为|成为)([^，；。]{2,30}?)的?(?:专业|专题|重要)?(?:分论坛|子论坛|分会)")
DASH_CHARS = {"—", "–", "-", "－", "——"}
_BUILDERS_CLAUSE = re.compile(r"[，,]([^，,；;。]{2,60}?)(?:共同|联合)?(?:承建|施工|修建|负责建设|负责施工)")
_AT_THE_FORUM = re.compile(r"(?:在|出席)(?:[^，；。]{1,16}?(?:举行|召开|举办)的)?$")
# after a forum, the session it means: …开幕式上, …期间; 出席X峰会并发表讲话(，宣布…)
_AT_A_SESSION = re.compile(r"(?:开幕式|闭幕式|部长级会议|领导人会议)?(?:上|期间|时|之际)|并(?:发表|致)[^，；。]{0,10}?(?:讲话|致辞|演讲)"
                           r"|并(?=(?:正式|郑重)?(?:宣布|提出))")  # 出席X会晤并宣布
_PART_HEAD = re.compile(r"(?:项目库|框架|论坛|平台|中心|基金|机制|项目|工程|网络|联盟|工作组)$")
_SINCE_OPEN = re.compile(r"(?:自|从|從|自从|自從)[^，；。,;]{0,12}$")
_SINCE_CLOSE = re.compile(r"[^，；。,;]{0,8}?(?:以来|以來|至今)")
_LOOKS_BACK = re.compile(r"来$|^过去|^近|以来$")
_SPAN_OF_TIME = re.compile(r"来|内|间|中|^未来|^今后|^近|^过去|至|到|[-—–~～]")  # 近5年来, 3年内, 2013年至2018年; not 持续27年
_YEARS = re.compile(r"Y$|/")  # a span of years (P3Y) or a range (2013/2018): not 一个月, 一周内
_BACK_PERIOD = re.compile(r"(?:这|此|上述)?[一二两三四五六七八九十\d]+年(?:中|间|里|共计|累计|合计)|同期|此期间|(?:这|同)一时期")
_FOR_THIS = re.compile(r"\s*(?:并|还|将|也)*(?:为此|为之|对此)")
_TOPS_UP = re.compile(r"(?:^|[，,])(?:并|再|又|还|将|已)*(?:在[^，；。]{1,16}?基础上)?(?:再|又|还|将|已)*增资$")
_SAYS = re.compile(r"表示|说|通报|宣布|透露|介绍|指出|强调|称")
# what a speaker says is aid given or to come (决定向巴方提供, 将再追加, 宣布), not a result he reports (已为…提供资金)
# (将 as the giver's own future: 中方将向…提供; not 该项目将惠及…5万名学生, what the aid will do)
_DECIDED = re.compile(r"(?:决定|宣布|承诺|将(?:再|继续|尽快|立即|向|为|通过)?[^，；。]{0,12}?(?:提供|捐|援助|追加|派遣|派出|运送|交付|拨付|出资)|"
                      r"拟|同意|启动|追加|紧急|首批)(?![^，；。]{0,16}?(?:以来|之后|后的))")  # not 自…宣布设立以来: a time since


def _speaker(sent, ms: list[Mention], last_person: Mention | None) -> Mention | None:
    """The person who says what the sentence reports: a person named before 表示/说/通报 … (郑愿东…
    通报，…), or the last person named before when the sentence begins 他说 / 她表示."""
    says = _SAYS.search(sent.text)
    if says is None or not _DECIDED.search(sent.text, says.end()):
        return None  # 毛宁表示，…基金已为150多个项目提供资金: results reported, no aid he announces
    pos = sent.start + says.start()
    people = [m for m in ms if m.type == "PERSON" and m.end <= pos]
    if people and not re.search(r"[。；]", sent.text[people[-1].end - sent.start:says.start()]):
        return None if _other_side(sent, ms, people[-1]) else people[-1]
    if re.match(r"(?:据)?(?:他|她)(?:还|又|也)?$", sent.text[:says.start()].strip()):
        return last_person
    return None


def _other_side(sent, ms: list[Mention], person: Mention) -> bool:
    """A speaker of the receiving or partner side, who tells of China's aid but does not announce it: an envoy to
    China (世界粮食计划署驻华代表X), an official of another country (老挝教育部长X; not 中国驻老挝大使X)."""
    pre = sent.text[max(0, person.start - sent.start - 16):person.start - sent.start]
    if "驻华" in pre:
        return True
    if any(c.type == "COUNTRY" and not _chinese(c) and 0 <= person.start - c.end <= 10
           and not re.search(r"[，；。,;、和与]", sent.text[c.end - sent.start:person.start - sent.start])
           and not sent.text[:c.start - sent.start].endswith("驻") for c in ms):
        return True
    # an officer of an international body (世界粮食计划署驻老挝代表X, 联合国秘书长X): he tells of China's aid; not one
    # of China's own bodies (国家国际发展合作署署长X, 中国路桥董事长X)
    return any(o.type == "ORG" and 0 <= person.start - o.end <= 14 and not _CHINAS_OWN.search(_zh(o))
               and not re.search(r"[，；。,;、和与及]", sent.text[o.end - sent.start:person.start - sent.start])
               and not any(c.type == "COUNTRY" and _chinese(c) and c.start <= o.start < c.end for c in ms)
               for o in _outermost([m for m in ms if m.type == "ORG" and m.end <= person.start]))


# X位于/坐落于/地处/建在…, 连接内罗毕与蒙巴萨, 横跨马累岛和机场岛, 北起昆明(，南至万象): where a project lies, after it
_LIES_VERB = (r"(?:项目)?(?:位于|坐落于|坐落在|地处|建在|设在|落户(?:于|在)?|连接|连通|横跨|跨越|贯通|(?P<ends>(?:[北南东西])?(?:起于|起自)|[北南东西]起))"
              r"(?P<at>[^，；。]{2,24})")
_LIES_AT = re.compile(_LIES_VERB)
_LIES_LATER = re.compile(r"[，,]" + _LIES_VERB)
_LIES_TO = re.compile(r"[，,、]?(?:向?[北南东西]|止于|终于|直)?至([^，；。]{2,24})")
_LIES_BEFORE = re.compile(r"(?:位于|坐落于|坐落在|地处)([^，；。的]{2,24})的[“\"《]?$")
# (中方在老挝万象援建的X项目: where it was built, 的 before its name)
_BUILT_IN_BEFORE = re.compile(r"在([^，；。、在]{2,16}?)(?:先后|已|已经|还|也|又|陆续|共同)*(?:援建|建设|建成|修建|兴建)(?:了|的)?[“\"《]?$")


def _lies_in(sent, ms: list[Mention]) -> Iterable[Fact]:
    """A project that lies somewhere (X位于老挝首都万象, 坐落于…): the places after the verb are its location."""
    for p in ms:
        if p.type != "PROJECT":
            continue
        at = _LIES_AT.match(sent.text, p.end - sent.start)
        if at is None and not re.search(r"[，,；;：:]", sent.text[:p.start - sent.start]) \
                or at is None and sent.text[:p.start - sent.start].endswith(("，", "。")):
            # 卡洛特水电站是…项目，位于巴基斯坦旁遮普省: the subject of the sentence, in a later clause with no subject
            # of its own (no name between); also named in the first clause after what it is (中国援建的友谊港于1986年建成，
            # 位于首都努瓦克肖特)
            later = _LIES_LATER.search(sent.text, p.end - sent.start)
            if later and not any(x.type == "PROJECT" and p.end < x.start < sent.start + later.start()
                                 for x in ms):
                at = later
        if at is None:
            # 位于老挝首都万象的老挝国家会议中心 / 在亚的斯亚贝巴援建了非盟会议中心: where it was put, before it
            before = sent.text[:p.start - sent.start]
            here = _LIES_BEFORE.search(before) or _BUILT_IN_BEFORE.search(before)
            if here is None:
                continue
            lo, hi = sent.start + here.start(1), sent.start + here.end(1)
            places = [x for x in _outermost([x for x in ms if not x.is_value and lo <= x.start and x.end <= hi])
                      if (x.type == "PLACE" or x.type == "COUNTRY" and here.re is _LIES_BEFORE) and not _chinese(x)]
            if places:
                yield Fact("ProjectReport", sent.index, lo, p.end, sent.text[lo - sent.start:p.end - sent.start],
                           "project:lies-in", p.name, [("project", p), *(("location", x) for x in places)])
            continue
        lo, hi = sent.start + at.start("at"), sent.start + at.end("at")
        if at.group("ends") and (to := _LIES_TO.match(sent.text, at.end())):
            hi = sent.start + to.end(1)  # 北起昆明，南至万象: the clause of the other end too
        places = [x for x in _outermost([x for x in ms if not x.is_value and lo <= x.start and x.end <= hi])
                  if x.type in ("PLACE", "COUNTRY") and not _chinese(x)]
        if places:
            yield Fact("ProjectReport", sent.index, p.start, hi, sent.text[p.start - sent.start:hi - sent.start],
                       "project:lies-in", p.name, [("project", p), *(("location", x) for x in places)])


def _lasting(sent, ms: list[Mention]) -> Iterable[Fact]:
    """How long a programme or project runs: 为期5年的X计划, X项目为期3年 (its period; not 为期3年的合作, no name)."""
    text, base = sent.text, sent.start
    names = [x for x in _outer_names(ms) if x.type in ("PROGRAMME", "PROJECT")]
    for m in ms:
        if m.type != "PERIOD" or text[m.start - base - 2:m.start - base] != "为期":
            continue
        after = [x for x in names if x.start - m.end in (1, 2) and re.fullmatch(r"的[“\"《]?", text[m.end - base:x.start - base])]
        # (设立X基金，为期10年，总额10亿美元: the name just before the clause)
        before = [x for x in names if re.fullmatch(r"[”\"》]?(?:项目|计划)?(?:的)?(?:实施期|执行期|期限)?[，,]?", text[x.end - base:m.start - base - 2])]
        for x in (after or before[-1:]):
            yield Fact("ProgrammeReport", sent.index, min(x.start, m.start), max(x.end, m.end), x.text, "programme:lasting",
                       x.name, [("programme", x), ("period", m)])


def _owned_projects(sent, ms: list[Mention]) -> Iterable[Fact]:
    """A project named as a country's (斯里兰卡的X会议中心, 对斯里兰卡的X进行了维修) in a sentence about aid:
    the country received it (a country inside the name: `Relations._recipients`)."""
    if not AID_WORDS.search(sent.text) and not re.search(r"维修|修缮|改造|扩建|移交|交接", sent.text):
        return
    for p in ms:
        if p.type != "PROJECT":
            continue
        owner = [c for c in ms if c.type == "COUNTRY" and not _chinese(c) and c.end + 1 == p.start
                 and sent.text[c.end - sent.start] == "的"]
        if owner and not any(c.type == "COUNTRY" and p.start <= c.start and c.end <= p.end for c in ms):
            yield Fact("AidDelivery", sent.index, owner[0].start, p.end, sent.text[owner[0].start - sent.start:p.end - sent.start],
                       "recipient:country-of-project", p.name, [("deliverable", p), ("recipient", owner[0])])


_SET_UP = re.compile(r"(?:还|也|又|已|已经|专门|正式|决定|同意|共同|先后|将)*(?:成立|设立|组建|创建|创立|设置)了?(?:一个|一批)?")
_BODY_HEAD = r"(?:工作组|委员会|秘书处|办公室|小组|理事会|基金会|联络处)"


def _named_after_a_body(doc: Document, owners: tuple[str, ...], link: re.Pattern, name: str, rule: str) -> list[Mention]:
    """Organisations named right after a body and ``link`` (a verb that sets one up, 下属的 ...), a name that
    matches ``name``, where the tagger found none there."""
    out = []
    by_sentence: dict[int, list[Mention]] = {}
    for m in doc.mentions:
        by_sentence.setdefault(m.sentence, []).append(m)
    for sent in doc.sentences:
        ms = by_sentence.get(sent.index, [])
        text = _rule_view(sent.text)
        for o in ms:
            if o.type not in owners:
                continue
            v = link.match(text, o.end - sent.start)
            body = v and v.group() and re.match(name, text[v.end():])
            if not body:
                continue
            start, end = sent.start + v.end(), sent.start + v.end() + body.end()
            if not any(not x.is_value and x.start < end and start < x.end for x in ms):
                out.append(_found_name(doc, start, end, "ORG", sent.index, rule))
    return out


def _bodies_set_up(doc: Document) -> list[Mention]:
    """The body a body sets up, named with the head of a body (联合国还专门成立了倡议推进工作组): an
    organisation, where the tagger found no name there (its parent: `_set_up_by`)."""
    return _named_after_a_body(doc, ("ORG", "FORUM"), _SET_UP, rf"[^，；。、的和与及“”\"\s\d]{{2,12}}?{_BODY_HEAD}"
                               rf"(?![^，；。、\s]{{0,3}}(?:成员|会议|的))", "name:body-set-up")


_UNIT_HEAD = r"(?:(?<!公)司|局|处|厅|办公室|委员会|中心|研究院|研究所|学院|工作组|小组|秘书处)"  # (not 子公司: a company)
_DEPARTMENT = r"(?:(?<!公)司|局|处|厅|办公室|秘书处)"  # X的地区一司: a department by its head alone
_OWNS = r"(?:下属|所属|直属|旗下|下设|主管)的?"
_LED_BY = re.compile(r"(?:是|为)?(?:由|归|受)")  # X由Y领导, X是由Y主管的…, X归Y管理: who leads it, after it
_LEADS = re.compile(r"(?:直接|统一)?(?:领导|主管|管理|管辖|监管)")


def _units_named(doc: Document) -> list[Mention]:
    """A unit named after the body it belongs to (商务部下属的国际经济合作事务局, 商务部所属的X中心): an
    organisation, where the tagger found no name there (its parent: `_units_of`)."""
    return _named_after_a_body(doc, ("ORG",), re.compile(_OWNS), rf"[^，；。、的和与及“”\"\s\d]{{2,16}}?{_UNIT_HEAD}"
                               rf"(?=[^，；。、]{{0,1}}[负承是为在和与及，；。、]|$)", "name:unit-of-a-body")


def _units_of(sent, ms: list[Mention]) -> Iterable[Fact]:
    """A body and the body it belongs to: X下属的/所属的/直属的 Y, X的Y司 (a unit by its head), Y隶属于X,
    Y是X的直属事业单位."""
    fact = _pair_facts(sent, "Affiliation", "body", "parent")
    text, base = sent.text, sent.start
    orgs = [m for m in _outer_names(ms) if m.type == "ORG"]
    for a, b in zip(orgs, orgs[1:]):
        gap = text[a.end - base:b.start - base]
        if re.fullmatch(_OWNS, gap) or gap == "的" and re.search(rf"{_DEPARTMENT}$", b.name):
            yield from fact(b, a, "parent:unit-of")
        elif re.fullmatch(r"(?:隶属于?|归属于?|隶属于|直属于)", gap) or re.fullmatch(
                r"是", gap) and re.match(r"的?(?:直属|下属|所属)(?:事业)?(?:机构|部门|单位)", text[b.end - base:]):
            yield from fact(a, b, "parent:belongs-to")
        elif _LED_BY.fullmatch(gap) and _LEADS.match(text, b.end - base):
            yield from fact(a, b, "parent:led-by")


def _set_up_by(sent, ms: list[Mention]) -> Iterable[Fact]:
    """A body that sets up another (联合国还专门成立了倡议推进工作组, 该组织设立了X委员会): the new body's
    parent.  A country that sets one up is no parent (中国成立了国家国际发展合作署: see `_foundings`)."""
    fact = _pair_facts(sent, "Affiliation", "body", "parent")
    text, base = sent.text, sent.start
    for v in re.finditer(r"(?:成立|设立|组建|创建|创立|设置|(派出|派遣))了?(?:一个|一批|一支)?", text):
        if any(x.start - base < v.end() and v.start() < x.end - base for x in ms):
            continue  # 联合国成立70周年: inside a name
        # 应急管理部派出中国救援队: a team one sends is its own (not 派出专家 to a body)
        child = next((x for x in ms if x.type == "ORG" and x.start - base == v.end()
                      and (not v.group(1) or re.search(r"(?:队|团|组)$", x.name))), None)
        parent = [x for x in ms if x.type in ("ORG", "FORUM") and x.end - base <= v.start() and re.fullmatch(
            r"(?:还|也|又|已|已经|专门|正式|决定|同意|共同|先后|将|迅速|紧急|按[^，；。]{2,8}?|于[^，；。]{2,14}?)*",
            text[x.end - base:v.start()])]
        if child is not None and parent:
            yield from fact(child, _outermost(parent)[-1], "parent:set-up-by")


_HE = re.compile(r"(?:^|[，,；;：:\s])(?:他|她)(?:还|也|又|并|同时|随后|随即|当天|当日|于?\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}日|"
                 r"在[^，；。]{1,24}?(?:上|期间|时|中))*$")  # 他宣布, 他2015年在…上宣布: who


def _scene(sent, ms: list[Mention], person: Mention) -> tuple[Mention | None, Mention | None]:
    """The meeting and the day of the sentence that names ``person`` (2015年9月26日，习近平出席联合国发展峰会并
    发表讲话): where and when what he says next (他宣布) was said.  The meeting: the one named after him, or the
    one he is at before him; the day: the first of the sentence, not a time since (2000年以来)."""
    meetings = _outermost([m for m in ms if m.type == "MEETING"])
    meeting = next((m for m in meetings if m.start >= person.end), meetings[-1] if meetings else None)
    day = next((d for d in ms if d.type == "DATE" and not re.match(r"(?:以来|来|起|至今)", sent.text[d.end - sent.start:])),
               None)
    return meeting, day


_HE_SAYS = re.compile(r"^\s*(?:据)?(?:他|她)(?:还|又|也|并)?(?:说|表示|指出|强调|介绍|透露|称)")


def _said_on(sent, ms: list[Mention]) -> Mention | None:
    """The day a person named in the sentence says what he says: a date between the person and the verb
    (郑愿东在7日接受采访时表示) or at the head of the sentence before him (2022-08-30，…郑愿东…通报)."""
    says = _SAYS.search(sent.text)
    if says is None:
        return None
    pos = sent.start + says.start()
    people = [m for m in ms if m.type == "PERSON" and m.end <= pos]
    if not people or re.search(r"[。；;]", sent.text[people[-1].end - sent.start:says.start()]):
        return None
    person = people[-1]
    dates = [d for d in ms if d.type == "DATE" and person.end <= d.start and d.end <= pos]
    return dates[0] if dates else None


def _said_then(sent, figures: list[Fact], said_on: Mention | None) -> None:
    """The figures a sentence that begins 他说 gives, with no date of their own, were given the day he spoke."""
    if said_on is None or not _HE_SAYS.match(sent.text):
        return
    for f in figures:
        if not f.get("date"):
            f.roles.append(("date", said_on))


def _pair_facts(sent, kind: str, part_role: str, whole_role: str, said: set[tuple[str, str]] = frozenset()):
    """A maker of two-role facts of ``kind`` in ``sent`` (a body and its parent, a part and its whole):
    each pair once (``said``: pairs already given), never an entity with itself."""
    seen: set[tuple[str, str]] = set(said)

    def fact(part: Mention, whole: Mention, rule: str) -> Iterable[Fact]:
        if (part.name, whole.name) in seen or part.name == whole.name:
            return
        seen.add((part.name, whole.name))
        yield Fact(kind, sent.index, part.start, part.end, part.text, rule, part.name,
                   [(part_role, part), (whole_role, whole)])

    return fact
