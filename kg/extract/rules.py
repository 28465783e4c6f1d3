"""Rules for names the lexicon does not know (most names in a new document).

They work on *units*: jieba tokens with their dictionary POS tag, where a lexicon name or a
value already found counts as one unit carrying its type.  Pure Python; the spaCy component
in ``kg.nlp`` feeds them.

- suffix rules: a run of name-like units ending in a type suffix (…署, …银行, …论坛, …峰会,
  …计划, …走廊, …港, …机场, …公路, …工业园, …项目 ...) that holds an *anchor* — a known
  country/place/organisation or a proper noun — so generic nouns (国际组织, 发展中国家,
  援外医疗队) never fire;
- meetings: an ordinal (首届, 第N届) before a forum, a forum followed by a place and
  峰会/部长级会议, with an adjacent year;
- quoted names: “X” after a count (100个“幸福家园”) or after a country (巴基斯坦“新巴基斯坦”),
  and 《X》 titles that end like a plan or agenda;
- persons: a 2–4 character name next to a title (主席, 总理, 秘书长 ...), a title inside a token
  (卫生部|长), a role of people quoted in news (村民, 志愿者: stricter), a name before a verb of
  saying at the start of a clause, names listed with known persons, and foreign names joined with ·;
- context: places where a place goes (在X举行, 抵达X后, 首都X), coordinated with known places
  (阿布贾和卡杜纳, X、Y等城市), parts of a country by direction (中北部大区), a place after a place
  (贵州省|毕节市); outlets (《先锋报》, 据X报报道, 半岛电视台记者); teams sent to a country
  (第26批援塞拉利昂医疗队); companies with their country in brackets.

``TRIGGERS`` (with the suffixes and titles) tell the tagger which sentences can hold a rule name.
"""

from __future__ import annotations

# The text the rules see is NFKC-normalised (kg.extract.nlp.normalize): full-width ，；：（）！？ arrive as
# ASCII , ; : ( ) ! ? (、 and 。 stay): every pattern that looks at punctuation takes both forms.

import re
from dataclasses import dataclass

# longest suffix first within each type; the first type listed wins on ties
SUFFIXES: list[tuple[str, str]] = [
    ("部长级会议", "MEETING"), ("高级别会议", "MEETING"), ("高级官员会议", "MEETING"), ("高官会", "MEETING"), ("峰会", "MEETING"),
    ("外长会", "MEETING"), ("外长会议", "MEETING"), ("部长会议", "MEETING"), ("领导人会议", "MEETING"), ("会晤", "FORUM"),
    ("论坛", "FORUM"), ("合作机制", "FORUM"), ("机制", "FORUM"), ("博览会", "FORUM"), ("交易会", "FORUM"),
    ("洽谈会", "FORUM"), ("圆桌会", "FORUM"), ("圆桌会议", "MEETING"), ("对话会", "MEETING"), ("研讨会", "MEETING"), ("对话", "FORUM"),
    ("奖学金项目", "PROGRAMME"), ("经济走廊", "PROGRAMME"), ("走廊", "PROGRAMME"), ("行动计划", "PROGRAMME"), ("合作行动", "PROGRAMME"),
    ("计划", "PROGRAMME"), ("倡议", "PROGRAMME"), ("议程", "PROGRAMME"), ("战略", "PROGRAMME"), ("规划", "PROGRAMME"),
    ("基金会", "ORG"), ("基金", "PROGRAMME"), ("专项贷款", "PROGRAMME"), ("专项资金", "PROGRAMME"), ("工程", "PROGRAMME"),
    ("高速公路", "PROJECT"), ("公路", "PROJECT"), ("铁路", "PROJECT"), ("高铁", "PROJECT"), ("港口", "PROJECT"),
    ("国际机场", "PLACE"), ("机场", "PLACE"), ("大桥", "PROJECT"), ("工业园", "PROJECT"), ("产业园", "PROJECT"), ("经贸合作区", "PROJECT"), ("自由贸易区", "PROJECT"),
    ("合作区", "PROJECT"), ("经济特区", "PROJECT"), ("体育中心", "PROJECT"), ("工业园区", "PROJECT"), ("产业园区", "PROJECT"), ("科技园", "PROJECT"),
    ("水电站", "PROJECT"), ("电站", "PROJECT"), ("示范园", "PROJECT"), ("大剧院", "PROJECT"), ("剧院", "PROJECT"), ("体育馆", "PROJECT"), ("大厦", "PROJECT"),
    ("大楼", "PROJECT"), ("科技城", "PROJECT"),
    ("门诊楼", "PROJECT"), ("轻轨", "PROJECT"), ("大坝", "PROJECT"), ("体育场", "PROJECT"), ("会议中心", "PROJECT"),
    ("医院", "PROJECT"), ("学校", "PROJECT"), ("中学", "PROJECT"), ("小学", "PROJECT"), ("实验室", "PROJECT"), ("项目", "PROJECT"), ("港", "PROJECT"), ("渔港", "PROJECT"), ("深水港", "PROJECT"), ("桥", "PROJECT"),
    ("炼油厂", "PROJECT"), ("发电厂", "PROJECT"), ("电厂", "PROJECT"), ("水泥厂", "PROJECT"), ("风电场", "PROJECT"),
    ("博物馆", "PROJECT"), ("图书馆", "PROJECT"), ("航站楼", "PROJECT"), ("码头", "PROJECT"), ("隧道", "PROJECT"), ("水库", "PROJECT"),
    ("储备库", "PROJECT"), ("仓库", "PROJECT"),
    ("委员会", "ORG"), ("共同体", "ORG"), ("银行", "ORG"), ("组织", "ORG"), ("联盟", "ORG"), ("协会", "ORG"), ("学院", "ORG"),
    ("大学", "ORG"), ("研究院", "ORG"), ("研究所", "ORG"), ("研究中心", "ORG"), ("中心", "ORG"), ("公司", "ORG"),
    ("集团", "ORG"), ("办公室", "ORG"), ("秘书处", "ORG"), ("理事会", "ORG"), ("总局", "ORG"), ("署", "ORG"),
    ("部", "ORG"), ("局", "ORG"), ("委", "ORG"), ("司", "ORG"), ("小组", "ORG"),
    ("大使馆", "ORG"), ("总领事馆", "ORG"), ("办事处", "ORG"), ("联络处", "ORG"), ("经济商务处", "ORG"), ("经商处", "ORG"), ("领事馆", "ORG"), ("使馆", "ORG"), ("代表处", "ORG"), ("代表团", "ORG"),
    ("日报", "ORG"), ("时报", "ORG"), ("晚报", "ORG"), ("通讯社", "ORG"), ("新闻社", "ORG"), ("电视台", "ORG"),
    ("广播电台", "ORG"), ("新闻网", "ORG"), ("网", "ORG"), ("社", "ORG"), ("救援队", "ORG"), ("总队", "ORG"),
    ("工作组", "ORG"), ("合作网络", "ORG"), ("网络", "ORG"), ("空军", "ORG"), ("海军", "ORG"), ("陆军", "ORG"), ("之友小组", "ORG"), ("红新月会", "ORG"), ("红十字会", "ORG"), ("商会", "ORG"),
    ("自治区", "PLACE"), ("地区", "PLACE"), ("特别行政区", "PLACE"), ("大区", "PLACE"), ("群岛", "PLACE"), ("省", "PLACE"), ("州", "PLACE"),
    ("市", "PLACE"), ("县", "PLACE"), ("郡", "PLACE"), ("邦", "PLACE"), ("区", "PLACE"), ("岛", "PLACE"), ("镇", "PLACE"), ("乡", "PLACE"), ("村", "PLACE"),
]
PLACE_SUFFIX_MAX_UNITS = 2  # 克孜勒奥尔达州, 南巴县: short names
SUFFIXES.sort(key=lambda s: -len(s[0]))
_HEAD_SET = frozenset(s for s, _ in SUFFIXES)
_BY_LAST: dict[str, list[tuple[str, str]]] = {}
for _s in SUFFIXES:
    _BY_LAST.setdefault(_s[0][-1], []).append(_s)
SINGLE_CHAR_OK_TAGS = {"nt", "nz", "ns", "j"}  # 外交部 yes, 全部/东部/滞港 no
_SINGLE_CHAR_OK_PLACE = SINGLE_CHAR_OK_TAGS | {"?"}

BODY_HEADS = set("部局署司委")  # one-character heads of government bodies (管理局, 规划司, 卫生部)
FUNCTION_CHARS = set("的和与同在对向为并后时于将从把被及或这是其该此每各也就很")
DIRECTIONS = set("东南西北中上下内外前后左右")  # 西南部, 东北部: parts of a place, not bodies
NAME_TAGS = {"n", "nr", "nrt", "nrfg", "ns", "nt", "nz", "nw", "ng", "j", "eng", "vn", "v", "a", "an", "b", "f", "s",
             "l", "i", "?", "x", "vi"}
PROPER_TAGS = {"nr", "nrt", "nrfg", "ns", "nt", "j", "eng", "?"}  # not nz: jieba gives it to terms (农田水利)
ANCHOR_TYPES = {"COUNTRY", "REGION", "PLACE", "ORG", "FORUM", "PERSON", "PROGRAMME"}
STOP_WORDS = set("""
实施 援建 建设 建成 支持 帮助 提供 开展 推进 设立 成立 参与 参加 举办 召开 启动 落实 完成 签署 加入 推动 深化 加强 配合
派遣 援助 资助 投资 承建 修建 兴建 新建 包括 通过 利用 依托 实现 促进 举行 出席 宣布 提出 发起 共建 共同 相关 有关
其他 其它 各国 各类 多个 一系列 重要 重大 主要 积极 广泛 进一步 不断 全面 以及 作为 成为 属于 对外 向 在 为 同 与 和 及
是 有 将 已 被 把 让 使 等 的 了 着 过 之 中 这 该 其 我国 我们 他们 各 每 所有 一些 这些 那些 一个 首届 历届 此次 本届
一是 二是 三是 四是 五是 六是 七是 八是 九是 十是 第一 第二 第三 第四 第五 前条 上述 下列 所列 所述 本条 这一 该项 签订
评价 修 建 干 干过 智库 全体 广大 众多 若干 部分 大城市 内设 下设 设立 原 前 党委 暨 中长期 长期 短期 中期
""".split())
GENERIC = set("""
地区 社区 园区 城区 市区 港区 景区 辖区 灾区 郊区 山区 牧区 林区 农村 城市 城镇 乡镇 全省 全市 全县 各省 各州 本州 该州
大港 大岛 第二大岛 光伏电站 水电站 火电站 电站 医院 学校 大桥 公路 铁路 港口 机场 海岛 岛屿 小岛 本岛 全岛 该岛 自贸区 开发区 经济区
发展中国家 最不发达国家 受援国 国际组织 区域组织 多边组织 国际机构 医疗队 援外医疗队 成套项目 民生项目 援助项目 合作项目 技术合作项目
基础设施项目 示范项目 培训项目 研修项目 建设项目 项目 工程 计划 倡议 论坛 峰会 银行 基金 中心 组织 委员会 政府 国家 地区
经济特区 自由贸易区 体育中心 经贸合作区 境外经贸合作区 合作区 工业园 工业园区 产业园 产业园区
""".split())
DASHES = {"—", "–", "-", "－", "·", "•", "・"}
CONJ = {"和", "与", "及"}
TITLES = ("国家主席", "主席", "副主席", "总理", "副总理", "总统", "副总统", "国王", "首相", "部长", "副部长", "外长", "外交部长",
          "秘书长", "副秘书长", "总干事", "副总干事", "行长", "副行长", "大使", "国务委员", "委员长", "主任", "副主任", "署长",
          "副署长", "总裁", "特使", "司长", "副司长", "局长", "处长", "参赞", "首席代表", "会长", "校长", "院长",
          "董事长", "总经理", "经理", "教授", "研究员", "队长", "领队", "省长", "州长", "市长", "县长", "议长", "酋长",
          "发言人", "协调员", "驻华代表", "代表", "记者", "博士", "负责人", "首任行长", "创始人", "临时代办", "代办",
          "执行主任", "国家主任", "国别主任", "执行秘书", "首席执行官", "总督", "议员", "顾问", "团长", "组长", "站长",
          "所长", "厂长", "社长", "主编", "总编辑", "专员", "高级专员", "官员", "医疗队长", "书记", "副书记", "总书记", "委员", "执行干事", "特别代表",
          "常驻代表", "干事", "助理秘书长", "助理总干事", "国务部长", "国务秘书", "王储", "亲王", "女王", "大臣", "常务秘书",
          "常秘", "秘书", "队员", "助理", "部长助理", "国务卿", "副国务卿", "总领事", "副总领事", "领事")
# what a person quoted in news is (村民阿卜杜拉说, 志愿者王芳表示): a name after one only where jieba
# tags it as a name or it is a transliteration (weaker context than a title)
ROLES = ("村民", "农民", "牧民", "渔民", "居民", "市民", "农户", "学生", "学员", "留学生", "教师", "老师", "医生", "护士",
         "工程师", "技术员", "志愿者", "专家", "员工", "职工", "工人", "翻译", "司机", "患者", "妇女", "母亲", "父亲",
         "受益人", "店主", "商人", "企业家", "学者", "教练", "厨师", "校友")
_ROLE_SET = frozenset(ROLES)
TITLES = TITLES + ROLES
_TITLE_SET = frozenset(TITLES)
# a title inside a longer token (外交部长, 卫生部长): the token ends with one
_TITLE_ENDINGS = tuple(sorted({t for t in TITLES if len(t) >= 2 and t not in _ROLE_SET}, key=len, reverse=True))
_TITLE_LAST = {t[-1] for t in TITLES}
_HEAD_BEFORE_CHIEF = tuple("部局署司市省州县院校行")  # 卫生部|长, 内罗毕市|长: a body or place and 长 after it
ANY_TITLE = re.compile("|".join(TITLES))
_ORDINAL_TEXT = r"(?:第[0-9一二三四五六七八九十百零〇]+[届次]|首届)"  # 第二届, 第10次, 首届
_ORDINAL = re.compile(f"^{_ORDINAL_TEXT}$")
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


@dataclass(slots=True)
class Unit:
    text: str
    start: int
    end: int
    tag: str  # jieba POS; "?" unknown word, "?c" unknown but made of known words; "ENT"/"VAL" found before
    type: str = ""  # entity or value type for ENT/VAL units


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    type: str
    rule: str
    name: str = ""  # the canonical form the entity is keyed by, when it is not the text (使馆 for 大使馆)


def _known(units: list[Unit], known: list[int], types: tuple[str, ...]) -> list[int]:
    """Where the names found before of these types are, of ``known``: where every name found before is
    (most rules start from one)."""
    return [k for k in known if units[k].type in types]


_LEGAL_FORM = re.compile(r"(?:股份)?(?:有限)?(?:责任)?公司")
_COMPANY_HEADS = ("公司", "集团", "银行")
_VERB_CHARS = set("开建离出进扩返抵靠停滞入回到驻赴")


def _suffix(u: Unit) -> tuple[str, str] | None:
    if u.tag in ("ENT", "VAL") or not u.text:
        return None
    for suffix, typ in _BY_LAST.get(u.text[-1], ()):
        if u.text.endswith(suffix):
            if len(u.text) == 2 and u.text[0] in _VERB_CHARS:
                return None  # 开港, 离港, 入市: a verb and its object, which jieba may tag as a place
            ok = _SINGLE_CHAR_OK_PLACE if typ == "PLACE" else SINGLE_CHAR_OK_TAGS
            if len(suffix) == 1 and u.text == suffix and u.tag not in ok and u.tag not in ("n", "ng", "q", "zg") \
                    and not (u.tag == "nr" and suffix in BODY_HEADS):  # 关系|司: jieba tags a lone 司 as a surname
                continue
            if len(suffix) == 1 and u.text != suffix and u.tag not in ok and not (
                    suffix in BODY_HEADS and len(u.text) >= 3 and u.tag in ("n", "vn", "nr", "?", "?c", "l")  # (发展署|l)
                    and u.text[0] not in DIRECTIONS) and not (
                    suffix in BODY_HEADS and _CN_NUMERAL.match(u.text[:-1])):  # 地区一司, 第二局
                continue  # 全部, 东部, 干部, 地区: words, not names; 管理局, 规划司: a body's head
            return suffix, typ
    return None


def _works(u: Unit) -> bool:
    """A word that names works by its head (卡宴港, 恩德培公路): the 工程 after it is works too."""
    return u.tag not in ("ENT", "VAL") and len(u.text) >= 3 and (hit := _suffix(u)) is not None and hit[1] == "PROJECT"


_WORKS_HEADS_OF_NAMES = tuple(sorted({suf for suf, typ in SUFFIXES if typ == "PROJECT" and suf not in ("项目", "工程")},
                                     key=len, reverse=True))


def _ends_in_works(name: str) -> bool:
    """Whether a run of units is a name of works by its head (卡宴|港, 恩德培|公路), two characters or more before
    the head, as jieba may cut it: 卡宴港|疏浚|工程 is works on works, a project."""
    return any(name.endswith(h) and len(name) >= len(h) + 2 for h in _WORKS_HEADS_OF_NAMES) and bool(_HAN.match(name))


def _works_of_known(units: list[Unit], i: int) -> int:
    """Where the known project starts that a bare 项目/工程 at ``i`` names with works of its own between
    (帕德玛大桥|铁路|连接线|项目, 蒙内铁路|货运站|工程): one or two common nouns, one of them a head of works;
    else -1."""
    for e in (i - 2, i - 3):
        if e >= 0 and units[e].tag == "ENT" and units[e].type == "PROJECT" \
                and all(units[x].tag in ("n", "l", "vn") for x in range(e + 1, i)) \
                and any((h := _suffix(units[x])) is not None and h[1] == "PROJECT" for x in range(e + 1, i)):
            return e
    return -1


def _namey(u: Unit) -> bool:
    if u.tag == "ENT":
        return u.type in ANCHOR_TYPES
    if u.tag == "VAL" or u.text in STOP_WORDS:
        return False
    if u.tag in ("?", "?c"):
        if u.tag == "?" and any(c in FUNCTION_CHARS for c in u.text):
            return False  # 后同, 时在: function words jieba left together, not a name
        return bool(_HAN.match(u.text)) or u.text.isascii() and u.text.isalpha()
    return u.tag in NAME_TAGS or u.tag == "t" and u.text in TIME_MODIFIERS


AGE_GROUPS = {"青年", "少年", "青少年", "老年", "中青年"}  # jieba tags them as time words (t): 中拉青年政治家论坛
# after a disaster (尼泊尔震后重建项目, 灾后重建工程): time words too, inside names of works
TIME_MODIFIERS = AGE_GROUPS | {"震后", "灾后", "战后", "疫后", "汛后"}

PROJECT_ANCHORS = {"COUNTRY", "REGION", "PLACE", "PERSON"}


def _anchor(u: Unit, typ: str = "") -> bool:
    if u.tag == "ENT":
        return u.type in (PROJECT_ANCHORS if typ == "PROJECT" else ANCHOR_TYPES)
    if u.tag == "eng":
        return u.text.isupper() and len(u.text) >= 2
    if u.tag == "r" and typ == "PLACE":  # 多里|市: a transliteration jieba tags as a pronoun (not 这里, 哪里)
        return len(u.text) >= 2 and TRANSLIT.issuperset(u.text)
    if u.tag == "?":  # a word jieba did not know: a name, unless it is two known words (农田水利)
        return bool(_HAN.match(u.text)) and len(u.text) >= 2 and not any(c in FUNCTION_CHARS for c in u.text)
    if u.tag in ("ns", "j") and len(u.text) == 1 and u.text in ABBREVIATIONS:
        return True  # 叙|地方管理与环境部: a country's one-character abbreviation
    return u.tag in PROPER_TAGS and _namey(u) and len(u.text) >= 2


KINDS_OF_BODY = ("示范中心", "非政府组织", "民间组织", "民间友好组织", "社会组织", "国际组织", "区域组织", "多边组织", "青年组织",
                 "妇女组织", "智库", "企业", "媒体")
KIND_MODIFIERS = {"公立", "私立", "国立", "综合", "地方", "基层", "乡村", "农村", "社区", "省级", "市级", "县级", "各级",
                  "当地", "公办", "民办", "教学", "专科", "定点", "职业", "技术"}
DONOR = {"中国", "中方", "我国", "中华人民共和国", "中國"}
NOT_HEADS = {"党委", "党支部", "总部", "额度", "项下"}  # a company's party committee, headquarters, a loan's amount, under a fund: not the body named
OOV_TAILS = {"等", "的", "和", "与", "及"}  # 司等: a word jieba did not know, joined to a function word
MEDIA_HEADS = {"网", "社", "日报", "时报", "晚报"}
# bodies each country has one of: 巴基斯坦红新月会, 中国救援队, 中国空军 are names
COUNTRY_BODY_HEADS = {"红新月会", "红十字会", "救援队", "大使馆", "使馆", "总领事馆", "代表处", "代表团", "空军", "海军",
                      "陆军", "新闻网", "日报", "时报", "通讯社", "新闻社", "电视台", "广播电台"}  # (中国新闻网: an outlet)
MISSION_SUFFIXES = {"大使馆", "总领事馆", "领事馆", "使馆", "代表处", "代表团"}
_CN_NUMERAL = re.compile(r"^[一二三四五六七八九十百零〇两]+$")
NUMBERED_HEADS = set("局处司师团队院所厂")  # 中铁二十局, 第三师: a numeral inside a name


# 巴马科|第三|大桥, 农村供水|二期|工程: the third bridge of a city, the second phase of a project
_ORDINAL_NUMBER = re.compile(r"^(?:第[一二三四五六七八九十0-9]{1,3}|[一二三四五六七八九十0-9]期|[一二三四五六七八九十0-9]{1,3}号)$")


_DATELINE_ENDS = ("电", "讯")
_INNER_QUOTES = frozenset("“”「」")
_CHINESE_HOSPITALS = ("人民医院", "中医医院", "中医院", "妇幼保健院")
_RANKED = re.compile("第[一二三四五六七八九十]大(.*)$|最大")
_CHIEF_OF_BODY = {"部长", "局长", "署长", "部副", "局副"}  # a body's head glued to its chief's title (工程|部长)


def _translit_piece(units: list[Unit], k: int) -> bool:
    """A one-character piece of a transliteration jieba tagged as a word of its own (科卡科|多|辛克雷水电站):
    a transliteration character after a word jieba does not know."""
    v = units[k]
    return len(v.text) == 1 and v.text in TRANSLIT and v.text not in FUNCTION_CHARS and v.tag not in ("ENT", "VAL") \
        and k > 0 and units[k - 1].tag == "?" and len(units[k - 1].text) >= 2 and bool(_HAN.match(units[k - 1].text))


def _numbered(units: list[Unit], k: int) -> bool:
    """A Chinese numeral right before a head that bodies are numbered with (二十局集团)."""
    return units[k].tag == "m" and k + 1 < len(units) and (
        bool(_CN_NUMERAL.match(units[k].text)) and units[k + 1].text[:1] in NUMBERED_HEADS
        or units[k].text[:1] == "第" and bool(_CN_NUMERAL.match(units[k].text[1:]))  # 中国建筑|第八|工程局
        and units[k + 1].text[-1:] in NUMBERED_HEADS and units[k + 1].tag not in ("ENT", "VAL"))


def _aid_of_a_kind(units: list[Unit], k: int, i: int, suffix: str) -> bool:
    """援助 right before 项目 after a noun of what is given (布基纳法索紧急粮食援助项目): a noun of the name, not the
    verb it is elsewhere (援助|布基纳法索…项目)."""
    return suffix == "项目" and k == i - 1 and units[k].text == "援助" and k > 0 and units[k - 1].tag in ("n", "vn", "nz")


COMPOUND_HEADS = {"论坛", "中心", "工作组", "网络", "合作网络", "联盟", "委员会", "平台", "基金"}


def _long_compound(units: list[Unit], j: int, i: int, suffix: str) -> bool:
    """A name made of common words only, long enough to be one (全球共享发展行动论坛, 倡议推进工作组):
    three or more content words before a head that names a body or a forum, seven characters or more,
    after a clear left edge (punctuation, a verb, a preposition, the start)."""
    if suffix not in COMPOUND_HEADS or i - j < 3 or units[i].end - units[j].start < 7:
        return False
    if j > 0 and units[j - 1].tag not in ("x", "?", "v", "p", "c", "uj") and units[j - 1].text not in STOP_WORDS:
        return False
    return all(units[x].tag in ("n", "vn", "nz", "j", "ENT") or units[x].tag == "v" and units[x + 1].tag in ("n", "vn")
               for x in range(j, i))


_INNER_TAGS = {"n", "vn", "nz", "l", "?"}
_PLAN_HEADS = {"规划", "计划", "行动计划", "纲要", "议程", "方案"}  # the heads of a plan China and a partner adopt
_CHINA = {"中国", "中华人民共和国"}
_PLAN_LEFT = {"《", "“", "\"", "，", "。", "；", "：", "、", "\n", "和", "及"}  # (at the head of the name: not 推动中国与X合作规划)


# what persons and bodies do in news, which jieba may tag as nouns: never a word inside a name
_DOINGS = frozenset({"会见", "会晤", "出席", "表示", "宣布", "主持", "访问", "考察", "视察", "签署", "致辞", "致电", "致信"})


_FAIR_HEADS = frozenset({"博览会", "交易会", "洽谈会", "展览会", "投洽会"})
_TRADE_WORDS = frozenset({"投资", "贸易", "进出口", "商品", "进口", "出口", "经贸", "经济", "农业", "工业", "科技", "服务",
                          "服务贸易", "消费品", "高新技术", "文化", "旅游", "产业", "数字", "商务", "合作", "国际", "中小企业"})
_NUMBERED_SCHOOL = re.compile(r"第[一二三四五六七八九十百0-9]+(?:中学|小学)$")
_INNER_KINDS = frozenset({"智库", "企业", "媒体", "领导人", "政党"})
_PROJECT_JOBS = ("官员", "经理", "负责人", "主管", "协调员", "专员", "主任", "助理", "顾问", "人员", "团队", "部经理", "总监", "工程师")
_SCHOOL_MEALS = ("供餐", "营养餐", "营养", "午餐", "餐", "膳食", "配餐")


def suffix_names(units: list[Unit]) -> list[Found]:
    out: list[Found] = []
    for i in [i for i, u in enumerate(units) if u.text[-1:] in _BY_LAST]:
        u = units[i]
        hit = _suffix(u)
        if hit is None:
            continue
        suffix, typ = hit
        if i + 1 < len(units) and typ == "ORG" and (nxt := _suffix(units[i + 1])) is not None and nxt[1] == "ORG" \
                and units[i + 1].text == nxt[0]:
            continue  # 二十局|集团: the name goes on to the next head
        if u.text in ("项目", "工程") and i + 1 < len(units) and units[i + 1].start == u.end \
                and units[i + 1].text.startswith(_PROJECT_JOBS) \
                and (i == 0 or units[i - 1].tag in ("v", "b", "c", "p", "d", "x") or units[i - 1].text in _TITLE_SET):
            continue  # 副主任兼|项目|官员: a person's job, no project (not X水电站|项目|负责人: that project's)
        if typ == "PROJECT" and u.text.endswith(("学校", "小学", "中学")) and i + 1 < len(units) \
                and units[i + 1].start == u.end and units[i + 1].text.startswith(_SCHOOL_MEALS):
            continue  # 老挝国家学校|营养餐计划: the meals of schools, a programme, no school
        if suffix in ("机制", "合作机制") and i > 0 and units[i - 1].tag == "ENT" and units[i - 1].type == "FORUM":
            continue  # 中非合作论坛机制: the forum itself
        if suffix == "共同体" and not (i > 0 and (units[i - 1].tag == "ENT" and units[i - 1].type in ("ORG", "REGION")
                                               or units[i - 1].text in ("经济", "政治安全", "社会文化"))):
            continue  # 东盟共同体, 东盟经济共同体 are bodies; 中非命运共同体 is an idea
        if suffix == "会晤" and i > 0 and (units[i - 1].text in _TITLE_SET or units[i - 1].text.endswith("长")
                                          or units[i - 1].tag == "ENT" and units[i - 1].type == "PERSON"):
            continue  # 阿拉伯国家联盟秘书长|会晤: what a person does
        stem = u.text[:len(u.text) - len(suffix)]
        if stem and stem in STOP_WORDS and not (suffix in BODY_HEADS and len(stem) >= 2 and i > 0 and (
                units[i - 1].tag == "ENT" and units[i - 1].type in ("COUNTRY", "PLACE") or units[i - 1].tag in ("n", "vn"))):
            continue  # 修铁路: a verb and a head word (越南计划|投资部: a ministry by its field)
        j, of_known = i, False  # of_known: the name is known works' (their body, or more works of theirs)
        after_country = False  # the name is a transliteration after a known country or place, before a bare head
        anchored = len(u.text) > len(suffix) and (u.tag in PROPER_TAGS or u.tag in ("nz", "nt") and suffix in MEDIA_HEADS)
        k = i - 1
        reach = PLACE_SUFFIX_MAX_UNITS if typ == "PLACE" else 8
        if typ == "PLACE" and any(x.text in DASHES for x in units[max(0, i - 3):i]):
            reach += 2  # 开伯尔-普赫图|赫瓦省: a hyphenated place
        if typ == "PROJECT" and u.text in ("项目", "工程") and (e := _works_of_known(units, i)) >= 0:
            j, anchored, of_known, k = e, True, True, -1  # 帕德玛大桥|铁路|连接线|项目: more works of a known project
        while k >= 0 and i - k <= reach:
            v = units[k]
            if typ == "PLACE" and k == i - 1 and u.text == suffix and suffix in ADMIN_HEADS and v.tag == "ENT" \
                    and v.type == "PLACE":
                j, anchored = k, True  # 克孜勒奥尔达|州, 苏拉威西|岛: a known place and a bare head are one name
                break
            if typ == "PLACE" and k == i - 1 and u.text == suffix == "地区" and v.tag == "ENT" and v.type == "PLACE" \
                    and TRANSLIT.issuperset(v.text):
                j, anchored = k, True  # 萨凡纳|地区: a foreign place known by its name and its area (not 北京|地区)
                break
            if typ == "PLACE" and k == i - 1 and k > 0 and u.text == suffix and (suffix in ADMIN_HEADS or suffix == "地区") \
                    and v.tag not in ("ENT", "VAL") and 2 <= len(v.text) <= 4 and TRANSLIT.issuperset(v.text) \
                    and v.text not in STOP_WORDS and units[k - 1].tag == "ENT" and units[k - 1].type in ("COUNTRY", "PLACE"):
                j, anchored, after_country = k, True, True  # 莫桑比克|加扎|地区: a transliteration after its country,
                break  # however jieba tags it
            if typ == "PLACE" and (v.tag == "ENT" or _suffix(v) is not None):
                break  # 印度尼西亚|苏拉威西岛, 琅勃拉邦省|南巴县: one place each
            if typ == "PLACE" and k == i - 1 and u.tag == "?" and len(v.text) == 1 and v.text in TRANSLIT \
                    and v.text not in FUNCTION_CHARS and v.tag not in ("ENT", "VAL") and u.text != suffix:
                j, anchored = k, True  # 奇|夸瓦县: the first character of a transliteration jieba cut off
                k -= 1
                continue
            if typ == "PLACE" and len(v.text) == 1 and v.tag in ("zg", "ng") and k > 0 and _HAN.match(v.text) \
                    and v.text not in FUNCTION_CHARS and units[k - 1].tag in ("nr", "nrt", "nrfg", "?", "ns") \
                    and len(units[k - 1].text) >= 2 and _HAN.match(units[k - 1].text):
                j = k  # 萨拉|湾|省: a character of the name jieba left as a morpheme, after a transliteration
                k -= 1
                continue
            if typ == "PLACE" and k == i - 1 and u.text == suffix and v.tag == "r" and len(v.text) >= 2 \
                    and TRANSLIT.issuperset(v.text):
                j, anchored = k, True  # 多里|市: a transliteration jieba tags as a pronoun (not 这里, 哪里)
                break
            if typ == "PLACE" and u.text != suffix and u.tag in PROPER_TAGS and v.tag not in PROPER_TAGS \
                    and not (units[k + 1].text in DASHES and _translit_piece(units, k)):
                break  # 发给|俾路支省: a place jieba knows whole takes no common word before it
            if v.tag == "v" and v.text != "驻" and (k == 0 or units[k - 1].tag != "ENT") \
                    and (units[k + 1].tag not in ("n", "vn") or units[k + 1].text == "援"):
                break  # 救援队|抵达|驻土耳其使馆, 部署|派出|中国救援队: a verb is not inside a name
            if v.tag in ("v", "vn") and k > 0 and units[k - 1].tag == "ENT" and units[k - 1].type == "PERSON":
                break  # 李强|视察|项目: what a person does
            if v.text in _DOINGS or v.tag == "ENT" and v.type == "PERSON" and k < i - 1:
                break  # 罗照辉|会见|儿童|基金会: what a person does (jieba tags 会见 a noun), not a word of the name
            if v.tag == "v" and k > 0 and units[k - 1].tag not in ("ENT", "VAL") \
                    and (head := _suffix(units[k - 1])) is not None and head[1] == "ORG":
                break  # …合作集团|负责|项目: what a body does, not a word of the name
            if v.text in _DATELINE_ENDS and k > 0 and (units[k - 1].tag == "VAL" or units[k - 1].tag == "ENT"
                                                        and units[k - 1].type in ("PLACE", "COUNTRY")):
                break  # 新华社利马9月20日|电|中国援…项目, 新华社河内|电|越南…: the dateline's 电, not the name's first word
            if v.text in DASHES and k > 0 and (_namey(units[k - 1]) or _translit_piece(units, k - 1)) \
                    and _namey(units[k + 1]):
                j = k  # (阿齐|莫|-|安德烈|法纳区: the last character of the first half, cut off by jieba)
            elif typ == "PROJECT" and v.text == "者" and k > 0 and k < i - 1 and units[k - 1].tag in ("n", "vn", "l", "i") \
                    and units[k - 1].end == v.start:
                j = k  # 布基纳法索境内|流离失所|者|粮食援助项目: who the aid is for, a noun of the name
            elif typ == "PROJECT" and v.text == "号" and k > 0 and units[k - 1].text.isdigit() and k + 1 <= i \
                    and (k == i - 1 or _works(units[k + 1]) or (h := _suffix(units[k + 1])) is not None and h[1] == "PROJECT"):
                j = k - 1  # 杜尚别|2|号|热电厂, 国家|1|号|公路|项目: works numbered among their kind in one place
                k -= 2
                continue
            elif typ == "PROJECT" and k < i - 1 and _ORDINAL_NUMBER.match(v.text) and v.text.endswith("号") \
                    and (h := _suffix(units[k + 1])) is not None and h[1] == "PROJECT":
                j = k  # 国家|一号|公路|项目: the number of the works inside the project's name
            elif v.text in _INNER_QUOTES and typ == "PROJECT" and k > 0:
                j = k  # 考拉克|“|中塞友谊医院|”|扩建项目: a quoted name inside the project's name
            elif v.text in "”」" and typ == "PROGRAMME" and k >= 3 and k < i - 1 and any(
                    units[x].text in "“「" for x in range(max(0, k - 4), k - 1)):
                x = max(x for x in range(max(0, k - 4), k - 1) if units[x].text in "“「")
                j, anchored = x, anchored or all(_HAN.match(units[y].text) for y in range(x + 1, k))
                k = x - 1  # “未来之桥”|中拉青年领导人千人培训计划: the programme's quoted name before its words
                break
            elif typ == "PROGRAMME" and v.tag == "VAL" and v.type == "COUNT" and v.text.endswith("人") and k < i \
                    and k > 0 and (_namey(units[k - 1]) or units[k - 1].text in STOP_WORDS and units[k - 1].tag == "n"):
                j = k  # 中拉青年领导人|千人|培训计划: how many it trains, inside its name
            elif typ in ("FORUM", "MEETING", "PROGRAMME") and v.text in _INNER_KINDS and k < i and k > 0 \
                    and (units[k - 1].tag in ("?", "ENT", "j") or units[k - 1].text in AGE_GROUPS):
                j = k  # 中拉|智库|交流论坛: who meets at the forum, a word that alone names no body
            elif _namey(v) or _numbered(units, k) or _translit_piece(units, k) or typ in ("PROJECT", "PROGRAMME") and k == i - 1 and _ORDINAL_NUMBER.match(v.text) \
                    or _aid_of_a_kind(units, k, i, suffix):
                j = k
                anchored = anchored or _anchor(v, typ)
            elif typ == "ORG" and v.tag == "ENT" and v.type == "PROJECT" and k == i - 1 and len(u.text) > len(suffix) \
                    and u.tag not in ("ENT", "VAL"):
                j, anchored, of_known = k, True, True  # 比雷埃夫斯港|港务局, 蒙内铁路|运营公司: the body that runs known works
                break
            elif typ == "ORG" and v.tag == "vn" and k > 0 and (units[k - 1].tag == "ENT" and units[k - 1].type in ("PLACE", "COUNTRY")
                                                             or units[k - 1].tag in ("n", "nz") and _namey(units[k - 1])) \
                    and units[i].text.endswith(_COMPANY_HEADS):
                j = k  # 青岛|建设|集团|有限公司, 中国交通|建设|股份有限公司: a company named by its place and its trade
            elif typ == "PROJECT" and suffix in ("项目", "工程") and v.tag == "ENT" and v.type == "PROJECT" and k < i - 1 \
                    and any(units[x].tag in PROPER_TAGS or units[x].tag == "ENT" and units[x].type in PROJECT_ANCHORS
                            for x in range(k + 1, i)):
                j, anchored = k, True  # 瓜达尔港|东湾|快速路|项目: works inside a known project, named by a place in it
            elif v.text in CONJ and k > 1 and units[k - 1].tag == "ENT" and units[k - 1].type in ("COUNTRY", "PLACE") \
                    and not anchored and all(units[x].tag not in ("ENT",) for x in range(k + 1, i)):
                j = k  # 孟加拉国油轮和散货船项目: a conjunction inside a name that starts with a place
            elif v.text in ("与", "和") and k > 1 and (k + 1 < i or u.text != suffix) \
                    and typ in ("FORUM", "MEETING", "PROGRAMME", "ORG") \
                    and units[k - 1].tag in _INNER_TAGS and units[k + 1].tag in _INNER_TAGS \
                    and units[k - 1].text not in _TITLE_SET \
                    and (units[k - 2].tag in PROPER_TAGS | {"ENT"} or suffix in BODY_HEADS):
                j = k  # 中美战略与经济对话, 中国—联合国和平与发展基金: two common words joined after a proper one
            elif v.text in ("与", "同") and k == j - 1 and typ == "PROGRAMME" and suffix in _PLAN_HEADS and k > 0 \
                    and units[k - 1].tag == "ENT" and units[k - 1].text in _CHINA and units[k + 1].tag == "ENT" \
                    and (k == 1 or units[k - 2].text in _PLAN_LEFT):
                j = k - 1  # 中国与|拉美和加勒比国家合作规划: the plan of China and its partner, as a title names it
                break
            elif typ == "FORUM" and suffix in _FAIR_HEADS and v.tag in ("vn", "n") and len(v.text) >= 2 and v.text in _TRADE_WORDS:
                j = k  # 中国|国际|投资|贸易|洽谈会: what a fair is of, nouns of trade between its anchor and its head
            elif typ == "FORUM" and suffix in _FAIR_HEADS and v.text in (")", "）") and k >= 3 \
                    and units[k - 1].tag == "ENT" and units[k - 1].type == "PLACE" and units[k - 2].text in ("(", "（") \
                    and units[k - 3].tag == "ENT" and units[k - 3].type == "COUNTRY":
                j, anchored = k - 3, True  # 中国（厦门）国际投资贸易洽谈会: the city it is held in, bracketed in its name
                k -= 4
                continue
            elif v.text in ("与", "和") and k > 0 and typ in ("FORUM", "MEETING") and k + 1 < i \
                    and units[k - 1].tag in ("ns", "nt", "j") and len(units[k - 1].text) >= 3 \
                    and units[k + 1].tag in _INNER_TAGS:
                j = k  # 南南合作|与|发展|高级别|论坛: a proper word and a common one joined, then the forum's head
            else:
                break
            k -= 1
        if j == i and len(u.text) == len(suffix):
            continue
        if typ == "PLACE" and _CN_NUMERAL.match(u.text[:len(u.text) - len(suffix)] or "-") and j == i:
            continue  # 雅温得和杜阿拉|两市: how many cities, not one
        if typ == "PLACE" and j > 0 and units[j - 1].tag == "m" and units[j - 1].end == units[j].start:
            continue  # 十八|洞村: a numeral the name starts with, cut off by jieba
        if typ == "PLACE" and j > 0 and j < i and (units[j].tag == "?" or units[j].tag in _NAME_PIECE_TAGS | {"ns"}
                                                    and TRANSLIT.issuperset(units[j].text)) and _lead_char(units, j - 1) \
                or typ == "PLACE" and j == i and j > 0 and u.tag == "?" and _lead_char(units, j - 1):
            j -= 1  # 在|奇|通圭|扎市: the first character of the transliteration, cut off by jieba
            lead = j
        else:
            lead = -1
        # a name does not start with a dash, a conjunction or a verb
        while j < i and j != lead and (units[j].text in DASHES or units[j].text in CONJ or units[j].tag in ("v", "vn", "a", "f")
                         and units[j].tag != "ENT") \
                and not (typ == "PLACE" and anchored and j == i - 1 and len(units[j].text) >= 2
                         and TRANSLIT.issuperset(units[j].text)):  # (莫桑比克|加扎|地区: jieba's verb, a transliteration)
            if units[j].text == "驻" and suffix in MISSION_SUFFIXES:
                break  # 驻土耳其使馆: the mission of a country named by where it is
            j += 1
        if (not anchored or not any(_anchor(units[x], typ) for x in range(j, i + 1)) and not (
                len(u.text) > len(suffix) and (u.tag in PROPER_TAGS or u.tag in ("nz", "nt") and suffix in MEDIA_HEADS))) \
                and not _long_compound(units, j, i, suffix) and not of_known and not after_country:
            continue
        while j < i and units[j].text in _INNER_QUOTES and not (
                typ == "PROGRAMME" and units[j].text in "“「" and any(units[y].text in "”」" for y in range(j + 2, i - 2))):
            j += 1  # (“未来之桥”中拉…计划: a quoted name that opens the programme's name stays in it)  # (an opening quote stays out when the name starts with the quoted name)
        name = "".join(x.text for x in units[j:i + 1])
        if (name.count("“") + name.count("「")) != (name.count("”") + name.count("」")):
            continue  # a quote opened outside the name or closed after it
        if name in GENERIC or len(name) <= len(suffix) or typ == "PLACE" and name.endswith("城市"):
            continue  # 港口城市, 边境城市: kinds of city
        if (rank := _RANKED.search(name)) and (rank.group(1) is None or "大" + rank.group(1) not in _HEAD_SET):
            continue  # 东非第一大港, 非洲最大的水电站: what the works are among others, not their name (not 第三|大桥)
        if suffix == "地区" and all(x.tag not in ("ENT", "?") for x in units[j:i + 1]) \
                and not all(c in TRANSLIT for c in name[:-2]):
            continue  # 沿海地区, 偏远|地区, 内陆地区: a kind of area, named by words of the dictionary (not 克什米尔地区)
        if suffix == "地区" and _REGION_ABBREVIATIONS.fullmatch(name):
            typ = "REGION"  # 印太地区, 亚太地区: a region named by two continents or oceans, no province
        if i - j == 1 and units[j].tag == "ENT" and units[j].type in ("COUNTRY", "REGION") and u.text == suffix \
                and not (units[j].type == "COUNTRY" and suffix in COUNTRY_BODY_HEADS):
            continue  # 中国倡议, 巴基斯坦项目, 非洲铁路: a country or region and a bare head word
        if j > 0 and units[j - 1].tag == "VAL" and units[j - 1].type == "COUNT":
            continue  # 100个减贫项目: what is counted is a kind of thing, not a name
        if units[j].tag == "ENT" and j == i - 0:
            continue
        if name[:len(name) - len(suffix)] in KIND_MODIFIERS:
            continue  # 公立医院, 国立大学: a kind of institution, which jieba may tag as a name
        aided = any(units[x].text == "援" and units[x + 1].tag == "ENT" and units[x + 1].type in ("COUNTRY", "PLACE")
                    and units[x + 1].text not in DONOR for x in range(j, i))
        if aided and typ == "ORG" and suffix not in MISSION_SUFFIXES:
            typ = "PROJECT"  # 中国援卢旺达农业技术示范中心, 援赞比亚职业技术学院: a facility China built, as the aided form says
        if name.endswith("示范中心") and not aided and any(
                units[x].tag == "?" and _anchor(units[x]) or units[x].tag == "ENT" and units[x].type == "PLACE"
                for x in range(j, i)):
            typ, aided = "PROJECT", True  # 托伊马|农业|示范中心: a demonstration centre named by its place, works built there
        if name.endswith(KINDS_OF_BODY) and not aided:
            continue  # 非洲非政府组织, 中非民间友好组织: a kind of organisation, not one
        if suffix == "工程" and any(units[x].tag == "ENT" and units[x].type in ("COUNTRY", "PLACE")
                                   and units[x].text not in DONOR or _works(units[x])
                                   or _ends_in_works("".join(w.text for w in units[j:x + 1])) for x in range(j, i)):
            typ = "PROJECT"  # 捷斯大区农村供水二期工程: works in one place (卡宴港|疏浚|工程: on works); 妇幼健康工程: a programme
        if suffix == "工程" and (u.text != suffix and _ORDINAL_NUMBER.match(u.text[:-2]) and i - j >= 1
                                and units[i - 1].text.endswith("项目")
                                or i - j >= 2 and _ORDINAL_NUMBER.match(units[i - 1].text) and units[i - 2].text.endswith("项目")) \
                and "期" in name[-4:]:
            typ = "PROJECT"  # 卡巴莱市政供水项目|二期|工程: a phase of a project is works too
        if typ == "PROJECT" and not of_known and not any(_anchor(units[x], typ) and units[x].text not in DONOR
                                                         for x in range(j, i + 1)):
            continue  # 中国援外项目: a project is named by where it is, not by the donor
        if typ == "ORG" and units[i].text in NOT_HEADS:
            continue
        if typ == "PROJECT" and name.endswith(_CHINESE_HOSPITALS) or typ == "PROJECT" and _NUMBERED_SCHOOL.search(name):
            typ = "ORG"  # (北京市第一中学: a school numbered in its city's system, no works built abroad)  # 四川省人民医院, 北京中医医院: a hospital of China's own system, not works built abroad
        if i + 1 < len(units) and units[i + 1].start == u.end and units[i + 1].text in _CHIEF_OF_BODY \
                and typ in ("PROJECT", "PROGRAMME"):
            out.append(Found(units[j].start, u.end + 1, "ORG", "org:body+chief"))  # 公共工程|部长: its minister
            continue
        out.append(Found(units[j].start, u.end, typ, f"suffix:{suffix}",
                         name.replace("大使馆", "使馆") if suffix in MISSION_SUFFIXES else ""))
        if typ == "PROJECT" and (place := _place_in_works(units, j, i, suffix)) is not None:
            out.append(place)
    return out


# works named by the place they are in or join (卡鲁玛|水电站, 恩德培|公路, 塔纳瓦|深水港|扩建项目): the guide nests
# that place (喀喇昆仑 in 喀喇昆仑公路); not works named after a person or an idea (体育场, 医院, 会议中心 ...)
_PLACE_NAMED_WORKS = ("水电站", "电站", "大坝", "水库", "公路", "高速公路", "铁路", "大桥", "桥", "港", "深水港", "渔港", "码头",
                      "机场", "国际机场", "工业园", "工业园区", "经济特区", "自由贸易区", "经贸合作区", "供水", "隧道", "电厂",
                      "发电厂", "炼油厂", "风电场")


_PLACE_NAMED_WORKS_LONGEST = sorted(_PLACE_NAMED_WORKS, key=len, reverse=True)


def places_in_known_works(units: list[Unit], known: list[int]) -> list[Found]:
    """The place a known project is named by (本格拉|铁路): a transliteration of three characters or more before a
    head of works named by their place (two are mostly the abbreviations of two ends: 蒙内铁路, 阿卡铁路)."""
    out = []
    for k in _known(units, known, ("PROJECT",)):
        u = units[k]
        head = next((h for h in _PLACE_NAMED_WORKS_LONGEST if u.text.endswith(h)), None)
        stem = u.text[:len(u.text) - len(head)] if head else ""
        if 3 <= len(stem) <= 6 and TRANSLIT.issuperset(stem) and not DIRECTIONS.issuperset(stem):
            out.append(Found(u.start, u.start + len(stem), "PLACE", "place:in-known-works"))
    return out


def _place_in_works(units: list[Unit], j: int, i: int, suffix: str) -> Found | None:
    """The unknown transliteration that names works by their place, right before the works' head (in the name
    of the works or of the project on them: 卡鲁玛|水电站, 恩|戈罗|水电站, 塔纳|瓦港|扩建|项目), in as many pieces as
    jieba cut it: a PLACE nested in the project."""
    for x in range(j, i + 1):
        v = units[x]
        if v.tag in ("ENT", "VAL") or x == i and suffix not in _PLACE_NAMED_WORKS:
            continue
        head = next((h for h in _PLACE_NAMED_WORKS_LONGEST if v.text.endswith(h)), None)
        if head is None:
            continue
        end = v.end - len(head)
        if not TRANSLIT.issuperset(v.text[:len(v.text) - len(head)]):
            return None  # 东方|公路, 友谊|大桥: named by a word, not a place
        start, k = v.start, x - 1
        while k >= j and units[k].tag in _NAME_PIECE_TAGS | {"ns", "n"} and _HAN.match(units[k].text) \
                and TRANSLIT.issuperset(units[k].text) and units[k].text not in STOP_WORDS and end - units[k].start <= 6:
            start, k = units[k].start, k - 1  # (塔纳|瓦港: the pieces before the one the head is glued to)
        pieces = [u for u in units[k + 1:x + 1] if u.start >= start]
        name = "".join(u.text for u in pieces)[:end - start]
        before = [u for u in pieces if u.start < end]
        after_country = k >= 0 and units[k].tag == "ENT" and units[k].type == "COUNTRY" and len(before) == 1 \
            and before[0].tag in ("?", "nrt") and before[0].end == end  # 尼日利亚|莱基|自由贸易区: two characters will do
        if (3 if not after_country else 2) <= end - start <= 6 and any(u.tag in _NAME_PIECE_TAGS | {"ns"} for u in pieces) \
                and not DIRECTIONS.issuperset(name) and not (len(name) == 2 and ABBREVIATIONS.issuperset(name)) \
                and not (k >= 0 and units[k].tag == "ENT" and units[k].type == "PERSON"):
            return Found(start, end, "PLACE", "place:in-works")
        return None
    return None


_INSTITUTES = ("研究院", "研究所", "研究中心")  # 浙江师范大学|非洲研究院: an institute of a university names it
NESTING_TYPES = {"MEETING", "PROJECT", "PROGRAMME", "FORUM"}  # names whose parts are all entities of their own
DEPARTMENT_HEADS = ("司", "局", "处", "厅", "室", "办公室", "委员会", "部")
ADMIN_HEADS = ("省", "市", "州", "县", "区", "岛", "郡", "邦")
LOCAL_INSTITUTION_ENDINGS = ("大学", "学院", "医院", "研究院", "研究所", "中学", "小学", "学校", "政府", "厅", "商务局")


def nests(outer: str, inner: str, outer_name: str = "", inner_name: str = "") -> bool:
    """Whether a name inside a name of type ``outer`` is an entity of its own (annotation guide:
    nested names give all their entities): any other type in a meeting, project, programme or
    forum; a place at the start of a place; in an organisation, a country (中国驻埃及大使馆, 巴基斯坦国家灾害管理局)
    and the body a department belongs to (国务院 in 国务院新闻办公室, not 联合国 in 联合国儿童基金会), and a place only in the name of a local
    institution (浙江师范大学, 四川省人民医院), not in an organisation named after a city (上海合作组织)."""
    if outer in NESTING_TYPES:  # (and works quoted in the name of a project on them: 考拉克“中塞友谊医院”扩建项目)
        return inner != outer or outer == "PROJECT" and bool(inner_name) and (
            "“" + inner_name + "”" in outer_name or "「" + inner_name + "」" in outer_name)
    if outer == "ORG" and inner == "COUNTRY":
        return True
    if outer == "REGION" and inner in ("PLACE", "REGION") and inner_name and outer_name.startswith(inner_name):
        return outer_name[len(inner_name):].startswith("沿岸")  # 湄公河|沿岸国家: the river, and the lands on it
        # (not 太平洋 in 太平洋岛国: the islands' group is named by its ocean as a whole)
    if outer == "ORG" and inner == "PROJECT":  # 比雷埃夫斯港|港务局: the body that runs the works names them
        return bool(inner_name) and outer_name.startswith(inner_name) and not outer_name.endswith(LOCAL_INSTITUTION_ENDINGS)
    if outer == "ORG" and inner == "ORG":  # a department after its body; not 联合国 in 联合国儿童基金会 (an agency)
        return not inner_name or outer_name.startswith(inner_name) and outer_name.endswith(
            DEPARTMENT_HEADS + ("集团", "公司") + _INSTITUTES) and not _LEGAL_FORM.fullmatch(outer_name[len(inner_name):])
        # (中国铁建|中土集团: a subsidiary names its parent; 青岛建设集团|有限公司 is that company by its legal form)
    if inner == "PLACE":
        if outer == "PLACE":  # 北京市 in 北京市朝阳区; not 莱州 in 琼莱州, 尼罗州 in 上尼罗州, 克孜勒 in 克孜勒奥尔达州
            rest = outer_name[len(inner_name):]
            return not inner_name or outer_name.startswith(inner_name) and rest not in ADMIN_HEADS and (
                inner_name.endswith(ADMIN_HEADS) or rest[:1] not in TRANSLIT)  # 克孜勒奥尔达州: one place, its head
        return outer == "ORG" and (outer_name.endswith(LOCAL_INSTITUTION_ENDINGS) or "驻" + inner_name in outer_name
                                   and outer_name.endswith(tuple(MISSION_SUFFIXES)))  # 中国驻洛杉矶总领事馆: where it is
    return False


def _sub_place(u: Unit) -> bool:
    """A word that ends in an administrative head, right after a place (贵州省|毕节市): a place in it."""
    return u.tag not in ("ENT", "VAL") and 3 <= len(u.text) <= 6 and u.text.endswith(ADMIN_HEADS) \
        and bool(_HAN.match(u.text)) and u.text not in GENERIC and u.text[:-1] not in STOP_WORDS \
        and u.text[0] not in "全各该本每首省市县区" and u.text[:-1] not in GENERIC and not u.text.endswith("城市")


def _lead_char(units: list[Unit], k: int) -> bool:
    """A transliteration character standing alone before a place (在|拉|苏瓦|县, 在|奇|通圭|扎市): the first
    character of its name, which jieba cut off; not after another character of a word (达 of 抵达 is a token)."""
    v = units[k]
    return len(v.text) == 1 and v.text in TRANSLIT and v.text not in FUNCTION_CHARS and v.text not in STOP_WORDS \
        and v.tag not in ("ENT", "VAL", "m", "p", "c", "d", "r", "uj") \
        and (k == 0 or len(units[k - 1].text) != 1 or units[k - 1].text in FUNCTION_CHARS
             or not _HAN.match(units[k - 1].text))


def places_with_heads(text: str, units: list[Unit], known: list[int]) -> list[Found]:
    """A known place and a bare administrative head after it (蒙巴萨|县, 克孜勒奥尔达|州), and a short known
    place that is the end of a longer transliteration (琼|莱州: 琼莱州, not 莱州): one place each."""
    out = []
    for k in _known(units, known, ("PLACE",)):
        u = units[k]
        if k + 1 < len(units) and units[k + 1].text in ADMIN_HEADS and units[k + 1].start == u.end:
            start = u.start
            if k > 0 and _lead_char(units, k - 1):
                start = units[k - 1].start  # 拉|苏瓦|县: a county whose name ends like a known place
            out.append(Found(start, units[k + 1].end, "PLACE", "place:place+head"))
        if k + 1 < len(units) and units[k + 1].start == u.end and (
                _sub_place(units[k + 1]) or units[k + 1].tag == "ns" and _place_candidate(units[k + 1])
                and units[k + 1].text not in GENERIC  # 巴加莫约|经济特区: a kind of zone, not a place in a place
                and not (k + 2 < len(units) and units[k + 2].start == units[k + 1].end  # 仰光|新城|项目, 卡里巴|湖水|电
                         and (_suffix(units[k + 2]) is not None or len(units[k + 2].text) == 1 and _HAN.match(units[k + 2].text)))):
            out.append(Found(units[k + 1].start, units[k + 1].end, "PLACE", "place:place+place"))  # 四川|汶川
        if k + 1 < len(units) and units[k + 1].start == u.end and units[k + 1].text in ("次", "次区域") \
                and text.startswith("次区域", u.end):
            out.append(Found(u.start, u.end + 3, "REGION", "region:place+subregion"))  # 湄公河|次|区域
        if k + 1 < len(units) and units[k + 1].text == "地区" and units[k + 1].start == u.end and u.text.endswith("洋"):
            out.append(Found(u.start, units[k + 1].end, "REGION", "region:sea+area"))  # 太平洋|地区: the lands around an ocean (not 青海|地区, a province)
        if k + 1 < len(units) and units[k + 1].text in ("国际机场", "机场", "山区") and units[k + 1].start == u.end:
            out.append(Found(u.start, units[k + 1].end, "PLACE", "place:place+kind"))  # 大马士革|国际机场, 武陵|山区
        if k > 0 and len(u.text) == 2 and u.text.endswith(ADMIN_HEADS) and len(units[k - 1].text) == 1 \
                and _HAN.match(units[k - 1].text) and units[k - 1].tag in ("?", "ns", "nr", "zg", "ng", "j") \
                and units[k - 1].text not in STOP_WORDS and units[k - 1].text not in FUNCTION_CHARS:
            out.append(Found(units[k - 1].start, u.end, "PLACE", "place:transliteration"))
    return out


BODY_ENDINGS = ("部", "局", "署", "委员会", "委", "办公室")
_MODIFIER_TAGS = frozenset({"n", "vn", "b", "nz"})


def foreign_bodies(units: list[Unit], known: list[int]) -> list[Found]:
    """A country followed by a ministry-like body: 赞比亚农业部 is Zambia's, not China's 农业部; and a
    known body followed by a known department (国家国际发展合作署|地区一司): the department of that body."""
    out = []
    for k in _known(units, known, ("COUNTRY", "ORG", "PLACE")):
        if k + 1 == len(units):
            break
        a, b = units[k], units[k + 1]
        if a.tag == "ENT" and a.type == "COUNTRY" and a.text not in ("中国", "中华人民共和国") \
                and b.tag == "ENT" and b.type == "ORG" and b.text.endswith(BODY_ENDINGS) and a.end == b.start:
            out.append(Found(a.start, b.end, "ORG", "org:country+body"))
        elif a.type == "COUNTRY" and a.text not in DONOR and b.tag in _MODIFIER_TAGS and b.start == a.end:
            m = k + 1  # 马里|国民|教育部: a country, a word or two, and a body known by the same name in China
            while m + 1 < len(units) and m - k <= 2 and units[m].tag in _MODIFIER_TAGS and units[m].end == units[m + 1].start:
                m += 1
            c = units[m] if m < len(units) else None
            if c is not None and m > k + 1 and c.tag == "ENT" and c.type == "ORG" and c.text.endswith(BODY_ENDINGS) \
                    and len(c.text) <= 5 and units[m - 1].end == c.start:
                out.append(Found(a.start, c.end, "ORG", "org:country+body"))
        elif a.tag == "ENT" and a.type == "ORG" and b.tag == "ENT" and b.type == "ORG" and a.end == b.start \
                and (a.text.endswith(BODY_ENDINGS + ("署", "院", "银行")) and b.text.endswith(DEPARTMENT_HEADS)
                     or b.text.endswith(("集团", "公司")) and len(b.text) <= 5) \
                and len(b.text) <= 8 and not b.text.startswith(("中国", "国家", "国务院")):
            out.append(Found(a.start, b.end, "ORG", "org:body+department"))
        elif (dept := _department_of(units, k)) > k:
            out.append(Found(a.start, units[dept].end, "ORG", "org:body+department"))
    return out


_DEPARTMENT_ONE = ("司", "局", "处", "厅")  # a department's head word (对外援助|司, 商务厅)
_FIELD_WORD_TAGS = frozenset({"n", "vn", "an", "nz", "s", "b", "j"})


def _department_of(units: list[Unit], k: int) -> int:
    """Where a department of the known body at ``k`` ends, named by a field or two and a head of one
    character (商务部|对外|援助|司, 农业部|国际合作|司), or a province's department (云南省|商务厅); else -1."""
    a = units[k]
    if a.type == "ORG" and a.text.endswith(BODY_ENDINGS + ("署", "院")):
        m = k + 1
        while m + 1 < len(units) and m - k <= 3 and units[m].tag in _FIELD_WORD_TAGS and units[m].end == units[m + 1].start:
            m += 1
        if m > k + 1 and m < len(units) and units[m].text in _DEPARTMENT_ONE and units[m].tag != "ENT" \
                and units[m - 1].end == units[m].start:
            return m
    elif a.type == "PLACE" and a.text.endswith(("省", "市", "自治区")) and k + 1 < len(units):
        b = units[k + 1]
        if b.tag in ("n", "nt", "nz") and 3 <= len(b.text) <= 5 and b.text.endswith(("厅", "局", "委")) \
                and b.start == a.end and b.text not in STOP_WORDS:
            return k + 1
    return -1


_FIELD_TAGS = frozenset({"n", "vn", "an", "a", "nz", "nt", "j", "?", "b", "ns"})  # (海洋|ns: a field jieba tags as a place; 团结|a)
_FIELD_JOINS = ("、", "和", "与", "及")


def foreign_ministries(units: list[Unit], known: list[int]) -> list[Found]:
    """A country and its ministry of several fields, joined by 、/和/与 (乌干达农业、畜牧业和渔业部, 肯尼亚外交与
    国际合作部, 巴基斯坦卫生与人口部): one body, which the suffix rule, stopping at the conjunction, misses."""
    out = []
    for k in known:
        a = units[k]
        if a.type != "COUNTRY" or a.text in DONOR:
            continue
        joined = False
        for m in range(k + 1, min(k + 12, len(units))):
            u = units[m]
            if u.text in _FIELD_JOINS:
                if m == k + 1 or units[m - 1].text in _FIELD_JOINS:
                    break
                joined = True
                continue
            if u.tag not in _FIELD_TAGS or u.tag == "ns" and len(u.text) < 2 or u.text in _TITLE_SET and u.text != "部长":
                break  # (叙利亚|大使|史宏微|与|叙…部: a title and a person are no fields; 叙 is the country again)
            if u.text == "部长" and joined and units[m - 1].text not in _FIELD_JOINS and units[m - 1].tag != "ENT":
                out.append(Found(a.start, u.start + 1, "ORG", "org:country+ministry"))  # …科学和技术|部长: its minister
                break  # (巴基斯坦|电力|部长: a minister's title, no body named; gold names none)
            if len(u.text) >= 3 and u.text.endswith("部长") and u.tag != "ENT" and joined \
                    and units[m - 1].text not in _FIELD_JOINS:
                out.append(Found(a.start, u.end - 1, "ORG", "org:country+ministry"))  # 渔业和海洋|经济部长
                break
            if u.text == "部" or len(u.text) >= 3 and u.text.endswith("部"):  # (not 东部, 全部, 干部)
                if joined and (u.text != "部" or units[m - 1].text not in _FIELD_JOINS):
                    out.append(Found(a.start, u.end, "ORG", "org:country+ministry"))
                break
    return out


LISTED_HEADS = {"办公室": "ORG", "司": "ORG", "局": "ORG", "处": "ORG", "厅": "ORG", "室": "ORG", "部": "ORG",
                "委员会": "ORG", "中心": "ORG", "州": "PLACE", "省": "PLACE", "市": "PLACE", "县": "PLACE"}


def listed_bodies(text: str, units: list[Unit]) -> list[Found]:
    """An enumeration of departments or places, each ending in the same head (设综合司、政策和规划司、地区一司
    和国际合作司; 团结州、上尼罗州、琼莱州等): the items are names even without a proper noun in them, since the
    list says what they are."""
    out: list[Found] = []
    if text.count("、") < 2 or not any(text.count(head) >= 3 for head in LISTED_HEADS):
        return out  # a list of three items or more, each ending in the same head
    items: list[list[int]] = []  # [first, last + 1] unit index of each item of the current list
    start = 0
    for k, u in enumerate([*units, Unit("。", 0, 0, "x")]):
        if u.text == "、" or not (_namey(u) or _numbered(units, k) or u.text in CONJ or u.tag == "m"):
            if k > start:
                items.append([start, k])
            if u.text != "、":
                _emit_list(units, items, out)
                items = []
            start = k + 1
    return out


def _item_name(units: list[Unit], a: int, b: int) -> str:
    return "".join(u.text for u in units[a:b])


def _emit_list(units: list[Unit], items: list[list[int]], out: list[Found]) -> None:
    if len(items) < 3:
        return
    a, b = items[0]  # the first item starts after the verb that opens the list (内设, 包括)
    for k in range(b - 1, a - 1, -1):
        if units[k].text in STOP_WORDS or units[k].tag in ("v", "p") or units[k].tag == "ENT" \
                or units[k].tag == "vn" and k == a and b - a > 2:  # 救助|团结州
            items[0][0] = k + 1
            break
    a, b = items[-1]  # the last one may hold two joined by 和 (监督评估司和国际合作司)
    for k in range(a + 1, b - 1):
        if units[k].text in CONJ:
            items[-1:] = [[a, k], [k + 1, b]]
            break
    head = next((h for h in LISTED_HEADS if _item_name(units, *items[1]).endswith(h)), None)
    if head is None:
        return
    if not _item_name(units, *items[-1]).endswith(head):
        items = items[:-1]  # …、国际合作司等机构: the list's last word says what the items are
    if not _item_name(units, *items[0]).endswith(head):
        items = items[1:]  # 办公厅、规划司、财务司: a first item of another kind
    if len(items) < 3:
        return
    for a, b in items:
        name = _item_name(units, a, b)
        if b <= a or not name.endswith(head) or len(name) <= len(head) or len(name) > 10:
            return
    for a, b in items:
        if not (units[a].tag == "ENT" and b - a == 1):
            out.append(Found(units[a].start, units[b - 1].end, LISTED_HEADS[head], "listed:same-head"))


_ORDINAL_BEFORE = re.compile(rf"(?:\d{{4}}年)?{_ORDINAL_TEXT}$")


_MEETING_HEADS = ("峰会", "部长级会议", "部长会议", "外长会", "外长会议", "高官会", "领导人会议", "会晤", "大会", "年会", "会议")
_ATTENDEES = ("领导人", "外长", "部长", "元首")
_ANNIVERSARY_SUMMIT = re.compile(r"(成立[\d一二三四五六七八九十百]+周年)?(系列)?(?:特别)?(?:峰会|首脑会议|高级别会议)")
_MEETING_HEAD_AFTER = re.compile(r"峰会|部长级会议|部长会议|高官会议|高官会|(?:领导人|外长|部长|元首)(?:会议|会晤|会)")  # 二十国集团领导人第十五次峰会, 澜湄合作外长会


def meeting_names(text: str, units: list[Unit], known: list[int]) -> list[Found]:
    """首届/第N届 + forum (+ its meeting head) -> meeting (with an adjacent year); forum + place +
    峰会/部长级会议 -> meeting; a forum or body + who meets + 第N次/第N届 + 峰会/会议 -> meeting."""
    out: list[Found] = []
    for i in _known(units, known, ("FORUM", "ORG")):
        u = units[i]
        start, end = u.start, u.end
        m = i + 1
        if m < len(units) and units[m].text in _ATTENDEES and units[m].start == end:
            m += 1
        if m + 1 < len(units) and _ORDINAL.match(units[m].text) and units[m + 1].text in _MEETING_HEADS:
            out.append(Found(start, units[m + 1].end, "MEETING", "meeting:body+ordinal+head"))
            continue
        if i + 1 < len(units) and units[i + 1].tag == "VAL" and units[i + 1].type == "DATE" \
                and units[i + 1].start == end and text.startswith("年会", units[i + 1].end):
            # 博鳌亚洲论坛2023年年会, 世界经济论坛2024年年会: the session of a year of a forum or body
            out.append(Found(start, units[i + 1].end + 2, "MEETING", "meeting:forum+year+annual"))
            continue
        if (summit := _ANNIVERSARY_SUMMIT.match(text, end)) and (summit.group(1) or summit.group(2)):
            # 联合国成立60周年首脑会议, 联合国系列峰会: the summit a body holds on its anniversary, or its series of them
            out.append(Found(start, summit.end(), "MEETING", "meeting:body+anniversary+summit"))
            continue
        if u.type != "FORUM":
            continue
        before = _ORDINAL_BEFORE.search(text, max(0, start - 12), start)
        if before:
            # 第三届澜湄合作外长会(上): the meeting head after the forum is the meeting's (not a bare 会议)
            if head := _MEETING_HEAD_AFTER.match(text, end):
                end = head.end()
            out.append(Found(before.start(), end, "MEETING", "meeting:ordinal+forum"))
            continue
        m = i + 1
        if m < len(units) and _ORDINAL.match(units[m].text):
            m += 1
        if m < len(units) and units[m].tag == "ENT" and units[m].type in ("PLACE", "COUNTRY"):
            m += 1
        if m < len(units) and units[m].text in ("峰会", "部长级会议", "部长会议", "高官会", "领导人会议", "会议") \
                and m > i + 1 or m < len(units) and units[m].text in ("峰会", "部长级会议"):
            out.append(Found(start, units[m].end, "MEETING", "meeting:forum+place+summit"))
    # 第一次中国—太平洋岛国外长会, 首届中国—中亚外长会晤: an ordinal, China and its partners, who meets;
    # the ordinal after the pair too (中国—太平洋岛国第二次外长会, 中国—太平洋岛国外长第三次会议)
    for i in range(len(units) - 2):
        u, dash, v = units[i], units[i + 1], units[i + 2]
        if u.tag == "ENT" and u.type == "COUNTRY" and dash.text in DASHES and v.tag == "ENT" \
                and v.type in ("COUNTRY", "REGION") and u.end == dash.start and dash.end == v.start:
            if (head := _PAIR_MEETING_HEAD.match(text, v.end)) \
                    and (before := _ORDINAL_BEFORE.search(text, max(0, u.start - 12), u.start)):
                out.append(Found(before.start(), head.end(), "MEETING", "meeting:ordinal+pair+head"))
            elif head := _PAIR_SESSION.match(text, v.end):
                out.append(Found(u.start, head.end(), "MEETING", "meeting:pair+ordinal+head"))
    return out


_WHO = "(?:领导人|外长|部长|元首)"
# after a pair of parties: 中东欧|国家领导人会晤 (the region's countries), 太平洋岛国|第二次外长会
_PAIR_MEETING_HEAD = re.compile(r"(?:国家)?(?:" + _MEETING_HEAD_AFTER.pattern + ")")
_PAIR_SESSION = re.compile(rf"(?:国家)?{_WHO}?(?:{_ORDINAL_TEXT}|首次)(?:部长级会议|高官会议?|峰会|{_WHO}?(?:会议|会晤)|{_WHO}会)")


_HEAD_TYPE = {suffix: typ for suffix, typ in SUFFIXES if len(suffix) >= 2 and typ in ("ORG", "FORUM", "MEETING")}
_HEAD_TYPE.update({"会议": "MEETING", "活动": "MEETING"})
_QUOTED_HEAD = re.compile(r"“([^“”，。；、！？,;!?]{2,30})”(" + "|".join(sorted(_HEAD_TYPE, key=len, reverse=True)) + ")")


# a quoted name that ends in its head (“中非农业现代化合作行动”): typed by the head
_QUOTED_INNER_TYPE = {suffix: typ for suffix, typ in SUFFIXES if len(suffix) >= 2 and typ != "PLACE"}
_QUOTED_INNER_TYPE.update({"行动": "PROGRAMME", "方案": "PROGRAMME", "框架": "PROGRAMME", "平台": "PROGRAMME"})  # “中非民间投资促进平台”
_QUOTED_WITH_HEAD = re.compile(r"[“\"]([^“”\"，。；！？,;!?]{1,40}?(" + "|".join(sorted(_QUOTED_INNER_TYPE, key=len, reverse=True))
                               + r")(?:\d\.\d)?)[”\"]")  # (“中非科技伙伴计划2.0”: a version of the plan)


# a quoted name and the head of a programme after it (“健康卫生”行动): the programme is the quoted name
_QUOTED_PROGRAMME = re.compile(r"“([^“”，。；、！？,;!?]{2,20})”(行动计划|行动|计划|倡议|工程|基金)(?![\u4e00-\u9fff]{0,2}(?:署|会|组))")


# 宣布的“X”, 提出的中拉合作“X”框架: a quoted name announced or proposed (a qualifier between, no stop)
_ANNOUNCED_QUOTED = re.compile(r"(?:宣布|宣佈|提出|发起|發起)的(?:[^“”，。；、\s]{0,8}?)“([^“”，。；、！？,;!?]{2,20})”")


# a quoted name before the document two parties sign on it: “三网一化”合作备忘录, "一带一路"合作谅解备忘录
_QUOTED_COOPERATION = re.compile(r"[“\"]([^“”\"，。；、！？,;!?\s]{2,12})[”\"]合作(?:谅解)?(?:备忘录|协议|协定|框架协议|文件)")


_WORKS_HEADS = ("光伏电站", "水电站", "电站", "大桥", "医院", "体育场", "体育馆", "会议中心", "大厦", "公路", "铁路", "港", "工业园",
                "产业园", "学校", "机场")
_QUOTED_WORKS = re.compile(r"“([^“”，。；、！？,;!?]{2,12})”((?:[\u4e00-\u9fff]{0,3}?)(?:"
                           + "|".join(sorted(_WORKS_HEADS, key=len, reverse=True)) + r"))(?![\u4e00-\u9fff]{0,1}(?:项目|工程|建设|局|公司))")


_QUOTED_RUN = re.compile(r"((?:“[^“”，。；、！？]{2,12}”[、和及与]?){2,})等?[^，。；“”]{0,8}?(?:项目|计划|行动|工程)")


def quoted_names(text: str, units: list[Unit]) -> list[Found]:
    out: list[Found] = []
    if "“" not in text and "《" not in text and '"' not in text:
        return out
    by_end = {u.end: u for u in units}
    for m in re.finditer(r"“([^“”，。；、！？,;!?]{2,20})”", text):
        before = by_end.get(m.start())
        if before is not None and (before.tag == "VAL" and before.type == "COUNT" or
                                   before.tag == "ENT" and before.type == "COUNTRY"):
            out.append(Found(m.start(1), m.end(1), "PROGRAMME", "quoted:after-count-or-country"))
    for m in _ANNOUNCED_QUOTED.finditer(text):
        # 中方在…会议上宣布的“四个一批”工作, 习近平主席宣布的中拉合作“1+3+6”框架: what was announced is a programme
        if m.group(1) not in GENERIC:
            out.append(Found(m.start(1), m.end(1), "PROGRAMME", "quoted:announced"))
    for m in _QUOTED_WITH_HEAD.finditer(text):  # “中非农业现代化合作行动”, "向……提供紧急营养食物援助项目"
        inner = m.group(1)
        if m.group().startswith('"') and text.count('"', 0, m.start()) % 2:
            continue  # the closing quote of a name before
        if inner not in GENERIC and inner not in _QUOTED_INNER_TYPE and not inner.endswith(KINDS_OF_BODY) \
                and not inner.endswith(("在行动", "命运共同体")):  # “…中国在行动”, “构建人类命运共同体”: slogans
            out.append(Found(m.start(1), m.end(1), _QUOTED_INNER_TYPE[m.group(2)], "quoted:name-with-head"))
    for m in _QUOTED_HEAD.finditer(text):  # “全球南方”研究中心, “全球发展倡议之友小组”部长级会议
        out.append(Found(m.start(), m.end(), _HEAD_TYPE[m.group(2)], "quoted:name+head"))
    for m in _QUOTED_WORKS.finditer(text):  # “中哈友谊”光伏电站, “太平洋之光”医院: the works, quotes and all
        known = by_end.get(m.end(1))  # (the unit that ends where the quoted name ends)
        if m.group(1) not in GENERIC and not m.group(2).startswith("国家") \
                and not (known is not None and known.tag == "ENT" and known.start == m.start(1)):
            out.append(Found(m.start(), m.end(), "PROJECT", "quoted:name+works"))  # (not 共建“一带一路”国家|公路)
    for m in _QUOTED_PROGRAMME.finditer(text):  # “健康卫生”行动, “百校百企”计划, “丝路书香”工程: the quoted name
        if m.group(1) not in GENERIC:
            out.append(Found(m.start(1), m.end(1), "PROGRAMME", "quoted:name+programme-head"))
    for m in _QUOTED_COOPERATION.finditer(text):  # 签署“三网一化”合作备忘录: what the parties cooperate on
        if m.group().startswith('"') and text.count('"', 0, m.start()) % 2:
            continue  # the closing quote of a name before
        if m.group(1) not in GENERIC:
            out.append(Found(m.start(1), m.end(1), "PROGRAMME", "quoted:name+cooperation-document"))
    for m in _QUOTED_RUN.finditer(text) if "”“" in text or "”、“" in text else ():
        # “光明行”“爱心行”等医疗援助项目: names listed before what they all are
        for q in re.finditer(r"“([^“”]+)”", m.group(1)):
            if q.group(1) not in GENERIC:
                out.append(Found(m.start(1) + q.start(1), m.start(1) + q.end(1), "PROGRAMME", "quoted:listed+programme-head"))
    for m in re.finditer(r"《([^《》]{2,40})》", text):
        inner = m.group(1)
        if re.search(r"(议程|规划|计划|战略|倡议|纲要|愿景|行动)(\d{4})?(（\d{4}[—–-]\d{4}）|\(\d{4}[—–-]\d{4}\))?$", inner):
            out.append(Found(m.start(1), m.end(1), "PROGRAMME", "quoted:title"))
    return out


_NOT_AN_OUTLET = "(?!据|当地|该|这|其|各|有关|相关|一家|多家|本|国家|地方|官方|外国|国外|西方|主流)"  # 据当地电视台报道: a kind
_MEDIA_NAMED = re.compile(r"(?:^|(?<=[，。；：、“”（）(\s据向对,;:)])|(?<=接受))" + _NOT_AN_OUTLET + r"([\u4e00-\u9fff]{2,8}?(?:电视台|通讯社|广播公司|广播电台|"
                          r"日报|时报|晚报|新闻网|新闻社))(?=记者|报道|援引|消息|称|网站|发表|刊登|的报道)")
_MEDIA_TITLE = re.compile(r"《([^《》，。,]{1,12}?(?:日报|时报|晚报|早报|周报|邮报|报|周刊|杂志))》")
_MEDIA_SOURCE = re.compile(r"据[^，。；《》“”,;]{0,10}?《([^《》，。,]{2,15})》(?:网站|网|报道|消息|援引|称|披露|刊文|发表)"
                           r"|据" + _NOT_AN_OUTLET + r"([\u4e00-\u9fff]{2,10}?[报社台网])(?:报道|消息|援引)")


def media_names(text: str) -> list[Found]:
    """Newspapers and outlets (ORG, as the guide says): a title in 《》 that ends like a newspaper
    (《先锋报》, 《每日时报》), any title or a name ending 报/社/台/网 a report is attributed to
    (据《民族报》报道, 据黎明报消息)."""
    out: list[Found] = []
    if "据" not in text and "《" not in text and "记者" not in text and "报道" not in text:
        return out
    for m in _MEDIA_TITLE.finditer(text):
        out.append(Found(m.start(1), m.end(1), "ORG", "media:title"))
    for m in _MEDIA_NAMED.finditer(text):  # 半岛电视台记者, 据今日时报报道: an outlet a report comes from
        out.append(Found(m.start(1), m.end(1), "ORG", "media:outlet"))
    for m in _MEDIA_SOURCE.finditer(text):
        g = 1 if m.group(1) else 2
        if m.group(g) not in STOP_WORDS and m.group(g) not in GENERIC:
            out.append(Found(m.start(g), m.end(g), "ORG", "media:source"))
    return out


SURNAMES = set("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
               "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
               "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
               "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
               "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝")
COMPOUND_SURNAMES = ("欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "司徒", "夏侯")
# characters of transliterated foreign names (Xinhua usage, the common part)
TRANSLIT = set("阿埃艾爱安昂奥巴拜班邦包保贝本比彼宾波伯博布查达戴丹道德迪蒂丁东杜敦多厄恩尔法凡菲费芬丰弗福盖甘冈戈格"
               "古瓜圭哈海汉豪赫亨洪胡华霍基吉加贾杰金卡凯坎康考柯科克肯库夸奎拉莱赖兰朗劳勒雷里理利莉连林琳卢鲁路伦罗洛"
               "马玛迈麦曼芒梅蒙孟米敏明莫姆穆纳娜奈南内尼涅宁纽努诺欧帕潘佩彭皮珀普奇齐乔琴丘萨塞桑瑟森沙莎善尚舍圣施史斯"
               "松苏索塔泰坦汤唐特提图托瓦万旺威韦维温沃乌伍西希谢辛休雅亚扬耶伊因英尤于约扎泽詹朱卓兹佐"
               "赛济茨楚恰什舒贡廷尧嫩喀锡哥瑙仑娃蓬汶坤堪孔隆列"
               "察丽黛蕾琪绍滕萝薇妮丝露茜卜罕默斐颂猜翁寇鲍勃珊芭琼逊黎廉钦茹撒汀萧迦拿")
# words that follow a person's name (the verbs and joiners of news about people)
_NAME_FOLLOWERS = ("多次|再次|曾|随即|当天|当日|一直|到场|摄|报道|致辞|讲话|发言|告诉|表示|说|指出|介绍|强调|会见|会晤|出席|在|与|和|及|等|称|认为|主持|致辞|发表|宣布|率|一行|共同|同|也|还|"
                   "分别|透露|访问|向|对|为|是|将|已|感谢|欢迎|祝贺|呼吁|希望|赞赏|回忆|接受|提出|访华|视察|参观|考察|致信|致电|"
                   "通电话|笑着|谈到|回应|坦言|补充|亲切|热情|高度|积极|还说|则|随后|日前|近日|今天|昨天|"
                   "举行|会谈|通话|剪彩|揭牌|见证|颁发|陪同|一同|亲临|致函|签约|"
                   "带领|率领|带队|看望|慰问|走访|前往|抵达|担任|出任|"  # 队长郑一鸣带领队员: what a titled person does
                   "女士|先生|夫人|博士|教授|"  # 部长拉米扎纳女士, 大使姜再冬夫人: the honorific after a name
                   "上尉|中尉|少校|中校|上校|准将|少将|中将|上将|将军|元帅|阁下|殿下|陛下")  # (特拉奥雷|上尉: his rank after)
# after a Chinese or transliterated name following a title: also punctuation and what a person does
_AFTER_NAME = re.compile(r"[，。、；：！？,.;:）)（(\s”0-9【\[|]|就|" + _NAME_FOLLOWERS + "|应邀|参加|代表|签署|来自|出生|毕业|来源|(?:责任)?编辑|作者|$")


# verbs that follow a name in news (说, 摄 of a photo credit, 到场), and the function words a
# sentence goes on with after its subject (王毅在出席…时, 李强将出席, 张明也表示): never the end of a
# given name when a verb follows them
_TRAILING_VERB = re.compile(r"说|摄|称|讲|到场|报道|表示|指出|介绍|强调|透露|致辞|发言|告诉"
                            r"|(?:在|将|已|也|曾|还|就|则)(?:" + "|".join(("出席", "会见", "会晤", "表示", "指出", "强调",
                                                                    "宣布", "主持", "访问", "参加", "率团", "致辞",
                                                                    "发表", "介绍", "说", "同", "与", "向", "对")) + ")")


_NAME_PIECE_TAGS = {"nr", "nrt", "nrfg", "?"}
_CHIEF_TITLE = re.compile("|".join(sorted({t for t in TITLES if t.endswith("长") and len(t) >= 2 and t[-2] not in "省市州县"},
                                          key=len, reverse=True)))  # (湖南省|长沙: a province and a city)
_TITLE_THEN_MEETING = ("会", "级", "理事会", "委员会")


# who wrote, edited or photographed a news item (作者：张三, 责任编辑：王五): a name after the colon
_BYLINE = re.compile(r"(?:作者|责任编辑|责编|编辑|摄影|撰稿|通讯员|记者)[：:][ \t\u3000]*")


def person_names(text: str, units: list[Unit]) -> list[Found]:
    """A name right after a title: a Chinese name (surname + one or two characters) or a
    transliterated foreign name, ending where a verb or punctuation begins; lists joined by 、."""
    out: list[Found] = []
    bylines = [(b.end(), False) for b in _BYLINE.finditer(text)] if "：" in text or ":" in text else []
    if "长" not in text and not ANY_TITLE.search(text) and not bylines:
        return out
    titled = [(u.end, u.text in _ROLE_SET) for u in units if u.text[-1:] in _TITLE_LAST and u.tag not in ("ENT", "VAL")
              and (u.text in _TITLE_SET or len(u.text) <= 7 and u.text.endswith(_TITLE_ENDINGS))] + bylines
    titled += [(u.end + 1, False) for u in units  # 卫生部|长, 内罗毕市|长萨科: jieba joins 长 to what follows
               if u.tag == "ENT" and u.text.endswith(_HEAD_BEFORE_CHIEF) and text.startswith("长", u.end)]
    if "长" in text:  # 兼外|长沙|伦赛: a chief's title whose 长 jieba glued to the name after it
        glued = {u.start for u in units if len(u.text) >= 2 and u.text[0] == "长" and u.tag not in ("ENT", "VAL")}
        titled += [(m.end(), False) for m in _CHIEF_TITLE.finditer(text) if m.end() - 1 in glued]
    if not titled:
        return out
    words = {(u.start, u.end) for u in units if u.tag not in ("nr", "nrfg", "nrt", "?", "?c")}
    after = {u.start: u for u in units if u.tag in ("nr", "nrt", "nrfg") and 2 <= len(u.text) <= 4}
    unknown = {(u.start, u.end) for u in units if u.tag == "?"}
    after.update({u.start: u for u in units if u.tag == "?" and 2 <= len(u.text) <= 4 and _HAN.match(u.text)
                  and u.start not in after and u.text not in STOP_WORDS})  # 主席|通伦: a word jieba does not know
    for k in range(len(units) - 1):  # 总理|普拉|昌达: pieces jieba cut a name it does not know into
        u, v = units[k], units[k + 1]
        if v.tag == "?" and len(v.text) >= 2 and v.text[-1] in "说称" and k + 2 < len(units):
            v = Unit(v.text[:-1], v.start, v.end - 1, "?")  # 卡加|维说: jieba glued 说 to the name's last piece
        if u.end == v.start and {u.tag, v.tag} <= _NAME_PIECE_TAGS and "?" in (u.tag, v.tag) \
                and _AFTER_NAME.match(text, v.end) and not (u.start in after and _AFTER_NAME.match(text, after[u.start].end)) \
                and 3 <= v.end - u.start <= 6 and _HAN.match(u.text + v.text) and u.text not in STOP_WORDS \
                and v.text not in STOP_WORDS and not any(c in _NOT_IN_NAMES for c in u.text + v.text):
            after[u.start] = Unit(u.text + v.text, u.start, v.end, "nr")
    known_places = {u.start: u for u in units if u.tag == "ENT" and u.type == "PLACE"}
    for pos, role in titled:
        if text.startswith(_TITLE_THEN_MEETING, pos):
            continue  # 外长会, 部长级会议, 部长会晤: who meets, not a title before a name
        place = known_places.get(pos)
        if place is not None and not role and 2 <= len(place.text) <= 5 and TRANSLIT.issuperset(place.text) \
                and _SAYS_OR_DOES.match(text, place.end):
            out.append(Found(pos, place.end, "PERSON", PERSON_NOT_PLACE))  # 财政部长|恩戈齐|指出: a person named like a town
            continue
        named = after.get(pos)
        if named is not None and named.text not in _TITLE_SET and _suffix(named) is None \
                and named.text[1:] not in _HONORIFICS and named.text[2:] not in _HONORIFICS \
                and _AFTER_NAME.match(text, named.end):
            end = named.end
            if len(named.text) >= 3 and named.text[0] in SURNAMES and named.text[-1] in "摄说称讲":
                end -= 1  # 记者|张三摄: a photo credit (or 说), not part of the name
            elif len(named.text) >= 3 and named.text[-1] in "在将已也还就则曾" and _AFTER_NAME.match(text, end - 1):
                end -= 1  # 学生|努安在|接受采访: the function word after the name, glued by jieba
            out.append(Found(pos, end, "PERSON", "person:title+name"))  # 根哥布: a name jieba knows as one
            if end < len(text) and text[end] in _NAME_LIST_JOINS:
                out += _listed_names(text, end, role, words, unknown)  # 专家王伟、李明和张华
            continue
        while pos < len(text):
            end = _name_at(text, pos)
            if role and end is not None and (pos, end) not in unknown and (end - pos < 3 or not all(
                    c in TRANSLIT or c in "·•・" for c in text[pos:end])):
                break  # after a role, only a word jieba does not know, or a transliteration (村民阿卜杜拉, 志愿者王芳)
            if end is None or (pos, end) in words:  # 专家顾问: a word, not 顾 + 问
                break
            out.append(Found(pos, end, "PERSON", "person:title+name"))
            if end < len(text) and text[end] in _NAME_LIST_JOINS:
                out += _listed_names(text, end, role, words, unknown)  # 记者李明远、张海燕, 参赞刘波和王平
            break
    return out


_NAME_LIST_JOINS = ("、", "和", "及", "与")
# a person's name after a title that the lexicon knows as a place's: the rule wins the tie (see kg.extract.nlp._merge)
PERSON_NOT_PLACE = "person:title+place-word"
# what a person says or does right after his name (not 的, 和, a place's head or a noun)
_SAYS_OR_DOES = re.compile(r"(?:说|表示|指出|强调|认为|介绍|称|致辞|讲话|发言|会见|会晤|出席|主持|宣布|感谢|欢迎|呼吁|希望|透露|告诉|在[^，。；]{1,20}?(?:上|时|期间)(?:说|表示|指出|强调|致辞|宣布)|[，,])")


def _listed_names(text: str, end: int, role: bool, words: set, unknown: set) -> list[Found]:
    """The names listed after a titled one, joined by 、/和/及/与 (王伟、李明和张华): persons with the same title."""
    out: list[Found] = []
    while end < len(text) and text[end] in _NAME_LIST_JOINS:
        pos = end + 1
        nxt = _name_at(text, pos)
        if nxt is None or (pos, nxt) in words or role and (pos, nxt) not in unknown and (nxt - pos < 3 or not all(
                c in TRANSLIT or c in "·•・" for c in text[pos:nxt])):
            break
        out.append(Found(pos, nxt, "PERSON", "person:title+name"))
        end = nxt
    return out


_SPEECH = re.compile(r"说(?![明服])|表示|指出|强调|认为|介绍|告诉|坦言|透露|宣布|承诺")
_ANNOUNCES = re.compile(r"宣布|承诺|表示")  # what he announces where and when: not what he tells of (介绍, 指出)
_SAID_AT = re.compile(r"(?:\d{1,2}日|当天|当日)?在[^，；。“”]{1,30}?(?:上|期间|时|之际|中)(?:还|也|又|再|正式|同时)*")
# (王毅在出席中国—太平洋岛国外长会时宣布: the shortest span that the verb follows, not one that ends at 中 of 中国;
# 王毅在北京宣布: where, with no 上 or 期间)
_SAID_AT_ANNOUNCES = re.compile(rf"(?:{_SAID_AT.pattern}|(?:\d{{1,2}}日|当天|当日)?在[^，；。“”]{{1,8}}?)(?:{_ANNOUNCES.pattern})")
_CLAUSE_START = {"，", ",", "。", "；", ";", "：", ":", "”", "“", "、"}
_TRANSLIT_PIECE_TAGS = {"?", "nr", "nrt", "nrfg", "n", "ns", "nz", "ng", "zg"}
# where a speaker says it, between his name and the verb (萨瓦多戈在致辞中表示, 努安在接受采访时说)
_SAID_IN = re.compile(r"(?:\d{1,2}日|当天|当日)?在(?:致辞|讲话|发言|接受[^，。；]{0,8}?采访|仪式上|会上|会议上)[^，。；]{0,6}?"
                      r"(?:中|时|上)?(?:还|也|又)?(?:说|表示|指出|强调|介绍)")


def speakers(text: str, units: list[Unit]) -> list[Found]:
    """A name jieba tags as a person's, at the start of a clause and right before a verb of saying
    (，古特雷斯表示; 。王芳说): a person, with no title needed."""
    out: list[Found] = []
    if not _SPEECH.search(text):
        return out
    for k, u in enumerate(units):
        if k + 1 < len(units) and _given_word(units[k:k + 2]) and (k == 0 or units[k - 1].text in _CLAUSE_START) \
                and (_SPEECH.match(text, units[k + 1].end) or _SAID_AT_ANNOUNCES.match(text, units[k + 1].end)) \
                and units[k + 1].text[-1] not in "方国军府界":
            out.append(Found(u.start, units[k + 1].end, "PERSON", "person:speaker"))  # 。吴|海涛|表示: a surname and a word
            continue
        if k == 0 or units[k - 1].text in _CLAUSE_START:  # ”萨瓦多戈说, ，基邦古表示, ”卡|布雷表示: a transliteration
            n = k
            while n < len(units) and n - k < 3 and units[n].tag in _TRANSLIT_PIECE_TAGS and units[n].end - u.start <= 7 \
                    and TRANSLIT.issuperset(units[n].text.removeprefix("据") if n == k else units[n].text):
                n += 1
            if n > k and (n - k >= 2 or units[k].tag in ("?", "nrt")):
                start, end = u.start + (1 if u.text.startswith("据") else 0), units[n - 1].end  # 据|萨瓦多戈|介绍
                name = text[start:end]
                if 3 <= len(name) <= 6 and name[-1] not in "方国军府界" and name not in STOP_WORDS \
                        and _suffix(units[n - 1]) is None and (_SPEECH.match(text, end) or _SAID_IN.match(text, end)):
                    out.append(Found(start, end, "PERSON", "person:speaker"))
                    continue
        if u.tag not in ("nr", "nrfg", "nrt", "?") or not 2 <= len(u.text) <= (3 if u.tag == "?" else 5) or not _HAN.match(u.text) \
                or u.text in _TITLE_SET or u.text in STOP_WORDS or _suffix(u) is not None \
                or u.text[1:] in _TITLE_SET or u.text.endswith(_TITLE_ENDINGS):  # 李大使说: a surname and a title
            continue
        if k > 0 and units[k - 1].text not in _CLAUSE_START:
            continue
        # (王毅在访问肯尼亚期间宣布, 李强5日在会议上表示: where and when he announces it may come between)
        if (_SPEECH.match(text, u.end) or _SAID_AT_ANNOUNCES.match(text, u.end)) \
                and (u.tag == "nrt" or u.text[0] in SURNAMES or u.text[:2] in COMPOUND_SURNAMES) \
                and not any(c in FUNCTION_CHARS for c in u.text) and u.text[-1] not in "方国军府界":  # 马方: a side
            out.append(Found(u.start, u.end, "PERSON", "person:speaker"))
    return out


def delegation_heads(text: str, units: list[Unit]) -> list[Found]:
    """The person a delegation is named by (王小龙一行, 会见了通伦一行): a Chinese name or a transliteration jieba
    does not know as a word, right before 一行, after a clause's start, a verb or 了."""
    out: list[Found] = []
    starts = {u.start: u for u in units}
    for m in re.finditer("一行", text):
        end = m.start()
        for n in (3, 2, 4):
            pos = end - n
            u = starts.get(pos)
            if pos < 0 or u is None or not _HAN.match(text[pos:end]) or any(c in _NOT_IN_NAMES for c in text[pos:end]):
                continue
            inside = [v for v in units if pos <= v.start < end]
            if any(v.tag in ("ENT", "VAL") or len(v.text) >= 2 and v.tag not in _NAME_PIECE_TAGS for v in inside) \
                    or inside and inside[-1].end != end:
                continue  # (代表团一行, 中方一行: a body or a side, not a person)
            if not (text[pos] in SURNAMES and n <= 3 or TRANSLIT.issuperset(text[pos:end])):
                continue
            before = text[pos - 1] if pos else "，"
            if before in _CLAUSE_START or before in "了及和与同见" or pos == 0:
                out.append(Found(pos, end, "PERSON", "person:delegation-head"))
                break
    return out


_BEFORE_NAME_TAGS = {"x", "p", "c", "uj", "d", "v"}
TITLES_AFTER_NAME = {"总统", "总理", "主席", "首相", "国王", "秘书长", "总干事", "外长", "部长", "大使", "副总统", "副总理",
                     "先生", "女士"}


_TITLE_AFTER_NAME = re.compile("|".join(TITLES_AFTER_NAME))


def names_before_titles(text: str, units: list[Unit]) -> list[Found]:
    """A name right before a title (埃尔多安总统, 王平大使): a transliterated foreign name, or one that
    jieba tags as a person's name, after a clear left edge (punctuation, 同/与/和, a country)."""
    out: list[Found] = []
    if not _TITLE_AFTER_NAME.search(text):
        return out
    for t, u in enumerate(units):
        if u.text not in TITLES_AFTER_NAME or u.tag in ("ENT", "VAL") or t == 0:
            continue
        if u.text not in ("先生", "女士") and _name_at(text, u.end) is not None:
            continue  # 埃塞|总理|阿比·艾哈迈德: the title's holder follows it; before it is whose title it is
        k = t
        while k > 0 and t - k < 4:
            v = units[k - 1]
            if v.tag in ("ENT", "VAL") or not _HAN.match(v.text) or not all(c in TRANSLIT for c in v.text):
                break
            k -= 1
        if k == t and (span := _chinese_name_before(text, units, t)) is not None and span < units[t - 1].start:
            out.append(Found(span, u.start, "PERSON", "person:name+title"))  # 林|松涛|大使: a surname jieba cut off
            continue
        if k == t and units[t - 1].tag in ("nr", "nrfg") and 2 <= len(units[t - 1].text) <= 3:
            k = t - 1  # a Chinese name jieba knows as one
        elif k == t and units[t - 1].tag == "?" and 2 <= len(units[t - 1].text) <= 4 and _HAN.match(units[t - 1].text) \
                and units[t - 1].text[-1] not in "方国军府界省市州县部" and units[t - 1].text not in STOP_WORDS \
                and not any(c in _NOT_IN_NAMES for c in units[t - 1].text) \
                and (t == 1 or units[t - 2].text in _CLAUSE_START):
            k = t - 1  # 宋赛|总理, 通伦|主席: a name jieba does not know, at the start of a clause
        elif k == t and (span := _chinese_name_before(text, units, t)) is not None:
            out.append(Found(span, u.start, "PERSON", "person:name+title"))  # 姜再|冬|大使: a Chinese name jieba cut
            continue
        if k == t or not 2 <= units[t - 1].end - units[k].start <= 6:
            continue
        left = units[k - 1] if k > 0 else None
        if left is None or left.text in ("、", "，", ",", "同", "与", "和", "及", "对", "向", "为") \
                or left.tag == "ENT" and left.type in ("COUNTRY", "REGION", "ORG") or left.tag in ("x", "?") and not _HAN.match(left.text):
            out.append(Found(units[k].start, units[t - 1].end, "PERSON", "person:name+title"))
    return out


# the tags of a word that is also a given name (刘|海星, 吴|海涛, 李|红梅): nouns, not verbs or function words
_GIVEN_WORD_TAGS = {"n", "nz", "ng", "nr", "nrfg", "nrt", "?"}


def _given_word(pieces: list[Unit]) -> bool:
    """A surname jieba left alone and a two-character word after it (刘|海星|部长): the word is a given name."""
    return len(pieces) == 2 and len(pieces[0].text) == 1 and pieces[0].text in SURNAMES and len(pieces[1].text) == 2 \
        and pieces[1].tag in _GIVEN_WORD_TAGS and pieces[1].text not in STOP_WORDS and pieces[1].text not in _TITLE_SET \
        and _suffix(pieces[1]) is None and not any(c in _NOT_IN_NAMES or c in FUNCTION_CHARS for c in pieces[1].text)


def _chinese_name_before(text: str, units: list[Unit], t: int) -> int | None:
    """Where a Chinese name (a surname and one or two characters) starts that ends right before the title at
    ``t``, at the start of a clause or after 同/与/和, in pieces jieba cut (姜再|冬|大使); else None."""
    end = units[t].start
    for n in (3, 2):
        start = end - n
        if start < 0 or text[start] not in SURNAMES or not _HAN.match(text[start:end]) \
                or text[end - 1] in "方国军府界省市州县部" or any(c in _NOT_IN_NAMES for c in text[start + 1:end]):
            continue
        pieces = [u for u in units[:t] if u.end > start]
        if not pieces or pieces[0].start != start or any(p.tag in ("ENT", "VAL") or len(p.text) >= 2 and p.tag not in _NAME_PIECE_TAGS
                                                         for p in pieces) and not _given_word(pieces):
            continue
        if start == 0 or text[start - 1] in _CLAUSE_START or text[start - 1] in "同与和及对向为":
            return start
    return None


_HONORIFICS = frozenset({"女士", "先生", "夫人", "博士", "教授"})


def _name_at(text: str, pos: int) -> int | None:
    if text.startswith(COMPOUND_SURNAMES, pos):
        starts = [pos + 2]
    elif pos < len(text) and text[pos] in SURNAMES:
        starts = [pos + 1]
    else:
        starts = []
    for given_start in starts:
        for n in (2, 1):
            end = given_start + n
            if n == 2 and _TRAILING_VERB.match(text, given_start + 1):
                continue  # 田林说, 倪涛摄: a one-character given name and what the person does
            if end <= len(text) and _HAN.match(text[given_start:end]) and _AFTER_NAME.match(text, end) \
                    and text[given_start:end] not in _TITLE_SET and text[given_start:end] not in _HONORIFICS:
                # (大使|和参赞: 和 and a title, not 和 as a surname; 记者|王先生: a surname and an honorific, no name)
                return end
    end = pos
    while end < len(text) and end - pos < 8 and (text[end] in TRANSLIT or text[end] in "·•・"):
        end += 1
    while end > pos + 1 and not _AFTER_NAME.match(text, end):
        end -= 1
    if end - pos >= 3 and text[end - 1] in "在将已也还就则曾" and _AFTER_NAME.match(text, end - 1):
        end -= 1  # 努安|在接受采访时说: the function word after the name, not its last character
    if end - pos >= 2 and _AFTER_NAME.match(text, end) and text[pos] in TRANSLIT:
        return end
    return None


_NAME_EDGE_LEFT = re.compile("|".join(sorted(TITLES + ("会见", "同", "和", "与", "及", "向", "对", "在", "由", "是", "从", "于",
                                                         "到", "自", "赴", "抵达"), key=len, reverse=True)))
# where a dot-joined foreign name ends: also a title or a time word after it
_NAME_EDGE_RIGHT = re.compile(_NAME_FOLLOWERS + "|先生|女士|总统|总理|主席|秘书长|一起|就|则|亲自|先后|此前|随后|今天|日前|近日|当天"
                              "|代表|大使|部长|署长|主任|执行干事|协调员|总干事|行长|博士|教授"  # 杰西·伍德|代表: his title after
                              "|今年|去年|现年|年仅"  # 姆万吉·卡马乌今年45岁: his age, not his name
                              "|以(?:视频|线上|书面|个人|特使)|通过|作为|应邀|的"  # 塔玛纳以视频方式出席, 古特雷斯的讲话
                              "|(?:责任)?编辑|作者|来源|摄影|记者")  # 作者：阿卜杜拉·汗 编辑：刘明: the next item of a byline


_TRANSLIT_INNER = set("历山夏")  # 亚历山德拉·伊尔, 夏巴兹·谢里夫: characters of transliterations that are also common words
_NOT_IN_NAMES = (FUNCTION_CHARS | set("了")) - TRANSLIT  # 的, 了, 向 ...: never in a transliterated name
_PLACE_OR_BODY_AFTER = re.compile("(?:国际机场|机场|大学|学院|医院|中心|大桥|体育场|体育馆|基金会|港|市|省|州|水电站|电站|大坝|会议中心"
                                  "|纪念馆|大厦|公园)(?!长)")


_WORKS_AFTER_PERSON = frozenset({"医院", "大桥", "体育场", "体育馆", "水电站", "电站", "大坝", "会议中心", "纪念馆", "大厦"})
# 纪念班达拉奈克国际会议中心: works in memory of a person, a transliterated name
_IN_MEMORY = re.compile("纪念([" + "".join(sorted(TRANSLIT)) + "]{3,8}?)(?:" + "|".join(sorted(_WORKS_AFTER_PERSON, key=len, reverse=True))
                        + "|国际会议中心)")


# names joined with ·, and a double surname joined by a hyphen after the last one (艾丽斯·马丁-达伊)
_DOT_JOINED = re.compile(r"(?:[" + "".join(sorted(TRANSLIT)) + r"]{1,5}[-－])?[\u4e00-\u9fff]{2,8}(?:[·•][\u4e00-\u9fff]{1,10})+"
                         r"(?:[-－][" + "".join(sorted(TRANSLIT)) + r"]{1,5})?")  # (玛丽-劳尔·伯特兰: a double given name)


def foreign_names(text: str, units: list[Unit] = ()) -> list[Found]:
    """Names joined with · (安东尼奥·古特雷斯), trimmed at titles and verbs around them; a transliterated name
    in the name of works in memory of a person (纪念班达拉奈克国际会议中心)."""
    out = []
    if "纪念" in text:
        out += [Found(m.start(1), m.end(1), "PERSON", "person:in-memory") for m in _IN_MEMORY.finditer(text)]
    if "・" in text:
        text = text.replace("・", "·")  # 夏巴兹・谢里夫: the Japanese middle dot of scraped pages (one character each)
    if "·" not in text and "•" not in text:
        return out
    for m in _DOT_JOINED.finditer(text):
        start, end = m.span()
        dot = text.index("·", start) if "·" in m.group() else text.index("•", start)
        left = list(_NAME_EDGE_LEFT.finditer(text, start, dot))
        if left:
            start = left[-1].end()
        for k in range(dot - 1, start - 1, -1):  # 他转达了安东尼奥·古特雷斯的问候: not a character of a name
            if text[k] in _NOT_IN_NAMES:
                start = k + 1
                break
        k = dot
        while k > start and (text[k - 1] in TRANSLIT or text[k - 1] in _TRANSLIT_INNER
                             or text[k - 1] in "-－" and k - 2 >= start and text[k - 2] in TRANSLIT):
            k -= 1
        whole = left and left[-1].group() in _TITLE_SET and left[-1].end() == start and any(
            u.start == start and u.end == dot and u.tag in ("?", "nr", "nrt", "nrfg") for u in units)
        if k > start and dot - k >= 2 and not whole:
            start = k  # 卫生部常务秘书|查尔斯·…: the name is the transliteration before the dot, not the words before it
            # (副部长|通萨万|·: a word jieba does not know right after a title is the name's first part, whole)
        cut = next((u for u in units if u.start < start < u.end), None) if units else None
        if cut is not None and len(cut.text) >= 3 and cut.end < dot and (cut.tag in ("ns", "nr", "nrt") or cut.tag == "ENT"):
            start = cut.end  # 桑给巴尔|阿卜杜拉·姆泽: a place jieba knows whole is not the name's first word
        elif cut is not None and cut.end == dot and start - cut.start <= 2 and 2 <= len(cut.text) <= 5 \
                and (cut.tag in ("nr", "nrt", "nrfg") or cut.tag == "ENT" and cut.type == "PERSON") \
                and not any(c in _NOT_IN_NAMES for c in cut.text):
            start = cut.start  # 总干事|谭德塞|·|盖布雷耶苏斯: a name known whole before the dot is the name's first part
        last_dot = max(text.rfind("·", start, end), text.rfind("•", start, end))
        right = _NAME_EDGE_RIGHT.search(text, last_dot + 2, end)
        if right:
            end = right.start()
        head = _PLACE_OR_BODY_AFTER.match(text, end) or _PLACE_OR_BODY_AFTER.search(text, last_dot, end)
        if head and head.group() not in _WORKS_AFTER_PERSON:
            continue  # 乔莫·肯雅塔国际机场: named after a person, not one
        if head:  # 朱利叶斯·尼雷尔|水电站: works named after a person, who is named in them (as the guide nests names)
            end = head.start()
        if dot - start >= 1 and end - last_dot > 1:
            out.append(Found(start, end, "PERSON", "person:dot-joined"))
    return out


_ALL_TAILS = NOT_HEADS | OOV_TAILS
_ORG_HEADS_OF_TWO = frozenset(suf for suf, typ in SUFFIXES if typ == "ORG" and len(suf) >= 2)


def _body_then_title(word: str) -> int:
    """Where a body's head of two characters or more ends and a title begins in one token (协会|会长), else 0."""
    for cut in range(2, len(word) - 1):
        if word[:cut] in _ORG_HEADS_OF_TWO and word[cut:] in _TITLE_SET and word[cut:] not in _ROLE_SET:
            return cut
    return 0
_LEAD_PREPOSITIONS = frozenset("为向在对从与和把被将给")  # (for, to, at ... before a name jieba does not know; not 于, a surname)
_WHEN_AFTER = frozenset("后前时内外里")
_HEAD_FIRST = frozenset("部局署司") | frozenset("省州县")  # a body's or a place's head that starts a token
_TAIL_LAST = {t[-1] for t in _ALL_TAILS}


def _split_heads(units: list[Unit]) -> list[Unit]:
    """A token that joins a body's head and what is not part of its name (公司党委 -> 公司 | 党委)."""
    units = list(units)  # (a piece of the next token may join it)
    if not [u for u in units if len(u.text) > 1 and (u.text[-1] in _TAIL_LAST or u.text[0] in _LEAD_PREPOSITIONS
                                                     or len(u.text) >= 4 and u.text[-1] in _TITLE_LAST or u.text[0] in _HEAD_FIRST and (
            u.text[1:] in _TITLE_SET or u.text[1:] in ("政府", "副")) or u.tag == "?" and (u.text[0] in ADMIN_HEADS or "和" in u.text))]:
        return units
    out = []
    for n, u in enumerate(units):
        if len(u.text) >= 4 and u.tag not in ("ENT", "VAL") and u.text[-1] in _TITLE_LAST \
                and (cut := _body_then_title(u.text)):
            out += [Unit(u.text[:cut], u.start, u.start + cut, "n"), Unit(u.text[cut:], u.start + cut, u.end, "n")]
            continue  # 协会会长 -> 协会 | 会长, 中心主任 -> 中心 | 主任: a body's head and its chief's title
        if u.tag == "?" and 3 <= len(u.text) <= 7 and u.text[0] in _LEAD_PREPOSITIONS and TRANSLIT.issuperset(u.text[1:]) \
                and u.text[1] not in FUNCTION_CHARS:
            cut = u.start + 1  # 为恩贡|医院 -> 为 | 恩贡: a preposition jieba glued to the name after it
            out += [Unit(u.text[0], u.start, cut, "p"), Unit(u.text[1:], cut, u.end, "?")]
            continue
        if u.tag == "?" and len(u.text) == 3 and u.text[0] in ADMIN_HEADS and u.text[1] in CONJ and _HAN.match(u.text) \
                and n + 1 < len(units) and units[n + 1].tag == "?" and units[n + 1].start == u.end \
                and units[n + 1].text.endswith(ADMIN_HEADS) and len(units[n + 1].text) <= 4:
            cut = u.start + 1  # 萨拉湾|省和色|贡省 -> 省 | 和 | 色贡省: the head of a place, and the first character of the next
            out += [Unit(u.text[0], u.start, cut, "n"), Unit(u.text[1], cut, cut + 1, "c")]
            units[n + 1] = Unit(u.text[2] + units[n + 1].text, cut + 1, units[n + 1].end, "?")
            continue
        if u.tag == "?" and len(u.text) >= 5 and (c := u.text.find("和", 2)) != -1 and c <= len(u.text) - 3 \
                and TRANSLIT.issuperset(u.text[:c] + u.text[c + 1:]):
            cut = u.start + c  # 奇夸瓦和姆兰杰 -> 奇夸瓦 | 和 | 姆兰杰: two transliterations joined
            out += [Unit(u.text[:c], u.start, cut, "?"), Unit("和", cut, cut + 1, "c"), Unit(u.text[c + 1:], cut + 1, u.end, "?")]
            continue
        if u.tag == "?" and len(u.text) == 2 and u.text[0] in ADMIN_HEADS and u.text[1] in _WHEN_AFTER and out \
                and out[-1].tag == "ENT" and out[-1].type == "PLACE" and out[-1].end == u.start:
            cut = u.start + 1  # 苏瓦|市后 -> 市 | 后: the place's head, then a time word
            out += [Unit(u.text[0], u.start, cut, "n"), Unit(u.text[1], cut, u.end, "f")]
            continue
        if u.tag == "?" and len(u.text) >= 3 and u.text[0] in ADMIN_HEADS and out and out[-1].tag == "ENT" \
                and out[-1].type == "PLACE" and out[-1].end == u.start:
            cut = u.start + 1  # 莫罗戈罗|省佩雅佩雅村 -> 省 | 佩雅佩雅村: the place's head, then a place in it
            out += [Unit(u.text[0], u.start, cut, "n"), Unit(u.text[1:], cut, u.end, "?")]
            continue
        if len(u.text) >= 2 and u.text[0] in _HEAD_FIRST and u.tag not in ("ENT", "VAL") and (
                u.text[1:] in _TITLE_SET or u.text[1:] in ("政府", "副") or u.text[0] in ADMIN_HEADS and u.text[1:] == "政府"):
            if u.text[0] in BODY_HEADS and u.text[1:] not in _TITLE_SET and u.text[1:] != "副":
                out.append(u)  # 部政府: no such thing
                continue
            cut = u.start + 1  # 储备|局局长 -> 局|局长, 矿产|部副|部长 -> 部|副, 赫瓦|省政府 -> 省|政府
            out += [Unit(u.text[0], u.start, cut, "n"), Unit(u.text[1:], cut, u.end, "n")]
            continue
        if len(u.text) < 2 or u.text[-1] not in _TAIL_LAST or u.tag in ("ENT", "VAL"):
            out.append(u)
            continue
        tails = NOT_HEADS if u.tag != "?" and not (  # 科松|加等: jieba glues 等 to the end of a foreign name
            len(u.text) == 2 and u.text[0] in TRANSLIT and out and out[-1].tag == "?") else _ALL_TAILS
        tail = next((t for t in tails if u.text.endswith(t) and len(u.text) > len(t)), None)
        if tail is None:
            out.append(u)
            continue
        cut = u.end - len(tail)
        out += [Unit(u.text[:-len(tail)], u.start, cut, "?" if u.tag == "?" else "n"), Unit(tail, cut, u.end, "n")]
    return out


_WHO_MEETS = ("领导人", "外长", "部长", "元首", "高官")
_WHEN_AT = {"时", "上", "后", "前", "间", "中", "期间", "于"}  # (外长|会于2018年…; not 在: 部长会在 is "the minister will")


def _rejoin_meetings(units: list[Unit]) -> list[Unit]:
    """Who meets and the 会 jieba joined to the time word after it (外长|会时, 部长|会上) -> 外长会 | 时."""
    out: list[Unit] = []
    for k, v in enumerate(units):
        if out and v.text[:1] == "会" and v.text[1:] in _WHEN_AT and out[-1].end == v.start \
                and out[-1].text.endswith(_WHO_MEETS) and out[-1].tag not in ("ENT", "VAL"):
            u = out.pop()
            out += [Unit(u.text + "会", u.start, v.start + 1, "n"), Unit(v.text[1:], v.start + 1, v.end, "f")]
        else:
            out.append(v)
    return out


_SESSION_AFTER = re.compile(r"(?:首届|首次|第[0-9一二三四五六七八九十百]+[届次])[\u4e00-\u9fff]{0,6}?(?:会议|峰会|大会)")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d年$")


_SHORT_FORM_AFTER = re.compile(r"[（(][^（()）。，；]{2,12}[)）]")  # a name's short form in brackets after it


def sessions(text: str, units: list[Unit], known: list[int], names: list[Found]) -> list[Found]:
    """One session of a body or forum: the name, an ordinal and a meeting head after it (澜湄合作首次领导人
    会议, 全国人民代表大会第一次会议, …论坛首届高级别会议), with an ordinal before it too (第十三届…);
    and a year with a place before a known meeting (1955年万隆亚非会议)."""
    out: list[Found] = []
    spans = []
    if "首" in text or "第" in text:  # an ordinal of _SESSION_AFTER
        spans = [(u.start, u.end) for u in units if u.tag == "ENT" and u.type in ("FORUM", "ORG")]
        spans += [(u.start, v.end) for u, v in zip(units, units[1:])  # 大湄公河次区域合作: a cooperation mechanism
                  if u.tag == "ENT" and u.type in ("REGION", "COUNTRY") and v.text == "合作" and v.start == u.end]
        spans += [(f.start, f.end) for f in names if f.type in ("FORUM", "ORG")]
    for start, end in spans:
        m = _SESSION_AFTER.match(text, end)
        if m is None and (short := _SHORT_FORM_AFTER.match(text, end)):
            m = _SESSION_AFTER.match(text, short.end())  # 中国—拉共体论坛（中拉论坛）首届部长级会议: the short form between
        if m:
            before = _ORDINAL_BEFORE.search(text, max(0, start - 12), start)
            out.append(Found(before.start() if before else start, m.end(), "MEETING", "meeting:name+ordinal+head"))
    for k in _known(units, known, ("MEETING",)):
        u = units[k]
        if k > 0:
            j = k - 1
            if units[j].tag == "ENT" and units[j].type == "PLACE" and j > 0:
                j -= 1
            if units[j].tag == "VAL" and units[j].type == "DATE" and _YEAR.match(units[j].text) and j < k - 1:
                out.append(Found(units[j].start, u.end, "MEETING", "meeting:year+place+meeting", u.text))
    return out


# one-character abbreviations of countries and regions after 中 (中非, 中拉, 中阿): jieba may join the
# character to the next word (中|非农业) and the name loses its first word
ABBREVIATIONS = set("非拉阿巴美俄欧日韩印老柬缅泰越哈蒙埃葡塞吉乌塔土伊叙苏坦赞肯尼")
_JOINED_BY_LAST: dict[str, list[str]] = {}
for _h in sorted({s for s, _ in SUFFIXES if len(s) >= 3}, key=len, reverse=True):
    _JOINED_BY_LAST.setdefault(_h[-1], []).append(_h)


def _join_units(units: list[Unit]) -> list[Unit]:
    """Tokens that are one word of the names grammar: a head jieba split (经贸合作|区 -> 经贸合作区,
    which then heads the name as 经贸合作区 does), and 中 with a one-character abbreviation after it
    (中|阿 -> 中阿, China and the Arab states: the first word of 中阿改革发展研究中心)."""
    if not [u for u in units if u.text[-1:] in _JOINED_BY_LAST or u.text[:1] == "中" and (u.text == "中" or u.tag == "j")]:
        return units  # nothing to join: no head's last character, no 中, no 中非 before a piece of a word
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        heads = _JOINED_BY_LAST.get(u.text[-1:], ())
        if prev is None or not heads and prev.text != "中" and (prev.tag != "?" or len(out) < 2 or out[-2].tag != "j") \
                and not (u.text == "中" and prev.text in ABBREVIATIONS) or prev.end != u.start or u.tag in ("ENT", "VAL") or prev.tag in ("ENT", "VAL"):
            out.append(u)
            continue
        joined = prev.text + u.text
        if prev.text == "中" and len(u.text) == 1 and u.tag in ("j", "ns", "?") and _HAN.match(u.text):
            out[-1] = Unit(joined, prev.start, u.end, "j")
        elif u.text == "中" and u.tag == "f" and prev.text in ABBREVIATIONS and prev.tag in ("a", "ns", "j", "?", "b") \
                and (len(out) < 2 or out[-2].text not in ("在", "于", "其", "从")):
            out[-1] = Unit(joined, prev.start, u.end, "j")  # 老|中 -> 老中, 柬|中: a partner and China, its name first
        elif prev.text == "中" and prev.tag == "f" and u.text[0] in ABBREVIATIONS and len(u.text) >= 2 \
                and _HAN.match(u.text):  # 中|非农业 -> 中非|农业, 中|非减|贫 -> 中非|减贫
            out[-1] = Unit(joined[:2], prev.start, u.start + 1, "j")
            out.append(Unit(u.text[1:], u.start + 1, u.end, "n" if len(u.text) > 2 else "?"))
        elif prev.tag == "?" and len(prev.text) == 1 and prev.start > 0 and len(out) > 1 \
                and out[-2].tag == "j" and out[-2].text[:1] == "中" and _HAN.match(u.text) and u.tag != "x":
            out[-1] = Unit(joined, prev.start, u.end, "n")  # the rest of a word split after 中非: 减|贫
        elif any(len(h) > len(u.text) and joined.endswith(h) for h in heads):
            out[-1] = Unit(joined, prev.start, u.end, "n")
        else:
            out.append(u)
    return out


COORDINATORS = {"、", "和", "与", "及", "至", "到", "以及", "或"}
_PLACE_KINDS_AFTER = ("城市", "地区", "省份", "街区", "地方", "港口", "省", "州", "市", "县", "镇", "村")
_CANDIDATE_TAGS = {"?", "ns", "nr", "nrt", "nrfg", "nz", "j"}


def _place_candidate(u: Unit) -> bool:
    return (u.tag in _CANDIDATE_TAGS or u.tag == "r" and TRANSLIT.issuperset(u.text)) and 2 <= len(u.text) <= 6 \
        and bool(_HAN.match(u.text)) and u.text not in STOP_WORDS and u.text not in GENERIC and _suffix(u) is None
    # (多里|r: a transliteration jieba tags as a pronoun; 这里, 那里 are none)


_DIRECTION = re.compile(r"^[东南西北中]{1,3}[部方]?$")
_PART_HEADS = {"大区", "省", "州", "专区"}


_PART_HEAD_END = re.compile("[" + "".join(sorted({h[-1] for h in _PART_HEADS})) + "]")


_DIRECTION_REGION = re.compile(r"(?<![东南西北中])[东南西北中]{1,3}部?大区")


def country_parts(text: str, units: list[Unit]) -> list[Found]:
    """A part of a country named by its direction, after the country (布基纳法索|中北部|大区, 肯尼亚|西部省,
    卢旺达|东方省): a place; the country stays an entity of its own.  大区 (a region of a French-speaking
    country) names one on its own: 东部|大区, 萨赫勒|大区."""
    out: list[Found] = []
    if not _PART_HEAD_END.search(text):
        return out
    if "大区" in text:  # 中|北大|区: a direction jieba cut across (北大, a university's short name)
        starts, ends = {u.start for u in units}, {u.end for u in units}
        out += [Found(m.start(), m.end(), "PLACE", "place:region-head") for m in _DIRECTION_REGION.finditer(text)
                if m.start() in starts and m.end() in ends and not any(u.start < m.end() and m.start() < u.end
                                                                       and u.tag in ("ENT", "VAL") for u in units)]
    for k in range(1, len(units)):
        a, u = units[k - 1], units[k]
        if u.text == "大区" and a.end == u.start and (
                a.tag == "ENT" and a.type in ("REGION", "PLACE") or a.tag not in ("ENT", "VAL") and _DIRECTION.match(a.text)):
            out.append(Found(a.start, u.end, "PLACE", "place:region-head"))
            continue
        if a.tag != "ENT" or a.type != "COUNTRY" or a.text in DONOR or a.end != u.start or u.tag in ("ENT", "VAL"):
            continue
        if k + 1 < len(units) and _DIRECTION.match(u.text) and units[k + 1].text in _PART_HEADS \
                and units[k + 1].start == u.end:
            out.append(Found(u.start, units[k + 1].end, "PLACE", "place:country+direction"))
        elif any(u.text.endswith(h) and _DIRECTION.match(u.text[:-len(h)]) for h in _PART_HEADS):
            out.append(Found(u.start, u.end, "PLACE", "place:country+direction"))
    return out


def _translit_runs(units: list[Unit]) -> list[Unit]:
    """Adjacent words made only of transliteration characters, one of them unknown to jieba, as one
    word (卡|杜塔 -> 卡杜塔): jieba cuts foreign names it does not know into pieces."""
    if not [u for u in units if u.tag in _NAME_PIECE_TAGS and u.text[:1] in TRANSLIT]:
        return units  # every run holds such a word
    out: list[Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if prev is not None and prev.end == u.start and prev.tag not in ("ENT", "VAL", "x") \
                and u.tag not in ("ENT", "VAL", "x") and ("?" in (prev.tag, u.tag) or {prev.tag, u.tag} <= _NAME_PIECE_TAGS
                                                         and len(prev.text + u.text) >= 3) \
                and TRANSLIT.issuperset(prev.text + u.text) and len(prev.text + u.text) <= 6:
            out[-1] = Unit(prev.text + u.text, prev.start, u.end, "?")
        elif prev is not None and prev.end == u.start and len(u.text) == 1 and u.tag in ("zg", "ng") \
                and _HAN.match(u.text) and u.text not in FUNCTION_CHARS and prev.tag in ("nr", "nrt", "nrfg", "?") \
                and 2 <= len(prev.text) <= 5 and TRANSLIT.issuperset(prev.text):
            out[-1] = Unit(prev.text + u.text, prev.start, u.end, "?")  # 萨拉|湾: a morpheme jieba left after a name
        else:
            out.append(u)
    return out


_LIST_WORDS = COORDINATORS | {"等"}
_LIST_WORD = re.compile("|".join(sorted(_LIST_WORDS)))


def coordinated_places(text: str, units: list[Unit], found: list[Found] = ()) -> list[Found]:
    """A word the dictionaries do not know, coordinated with known places (卢埃纳至卢奥, 阿布贾和卡杜纳;
    本格拉、万博、奎托、卢埃纳等重要城市): a place too; so are the items of a list that ends in
    等 and a kind of place (沃达巴什等3个街区)."""
    out: list[Found] = []
    if not _LIST_WORD.search(text):
        return out
    units = _translit_runs(units)
    known = {(f.start, f.end) for f in found if f.type == "PLACE"}  # places the context rules found
    if known:
        units = [Unit(u.text, u.start, u.end, "ENT", "PLACE") if (u.start, u.end) in known else u for u in units]
    k = 0
    for j in [j for j in range(1, len(units)) if units[j].text in _LIST_WORDS]:  # a coordinator or 等 at j
        if j - 1 < k or units[j].text not in COORDINATORS and not _place_candidate(units[j - 1]):
            continue
        k = j - 1
        items = [k]  # a coordination: one unit each, joined by 、/和/至 ...
        m = k
        while m + 2 < len(units) and units[m + 1].text in COORDINATORS:
            m += 2
            items.append(m)
        k = m + 1
        rest = units[m + 1:m + 4]
        kind_after = bool(rest) and rest[0].text == "等" and any(
            (r.text.endswith(_PLACE_KINDS_AFTER) or r.text == "地") and r.tag not in ("ENT",) for r in rest[1:]) \
            or len(rest) > 1 and rest[0].tag == "VAL" and rest[0].type == "COUNT" and rest[1].tag != "ENT" \
            and rest[1].text in _PLACE_KINDS_AFTER  # 恩桑杰、奇夸瓦和姆兰杰|三个|县
        places = sum(units[i].tag == "ENT" and units[i].type == "PLACE" for i in items)
        persons = sum(units[i].tag == "ENT" and units[i].type == "PERSON" for i in items)
        if persons and not places and not kind_after:  # 卢拉、罗塞夫、马杜罗: persons listed with persons
            out += [Found(units[i].start, units[i].end, "PERSON", "person:coordinated") for i in items
                    if _place_candidate(units[i]) and all(c in TRANSLIT for c in units[i].text)]
            continue
        if not places and not kind_after:
            continue
        for i in items:
            if _place_candidate(units[i]):
                out.append(Found(units[i].start, units[i].end, "PLACE", "place:coordinated"))
    return out


# the words of the language for a kind of site (河畔, 湖边, 山区, 市区): where a place goes, but none
_SITE_WORD = re.compile(r"[河湖江海山岸水][畔边滨岸区上]|(?:市|城|郊|山|灾|牧|林|矿|景|园)区|沿海|沿岸|边境|当地|农村|乡村|乡下|海岛|岛上")
_PLACE_BEFORE = re.compile(r"在|于|抵达|飞抵|运抵|运往|发往|送往|飞往|前往|途经|位于|到达|首都|首府|省会|港口城市|城市|小镇|村庄")
_PLACE_AFTER = {  # what follows a place after each left context (在X举行; 抵达X后; 首都X的)
    "在": re.compile(r"举行|召开|举办|开幕|闭幕|会见|会晤|签署|考察|郊区|附近|境内|开展|实施|援建|承建|设立|开设|启动|揭牌|工作"),
    "": re.compile(r"[，。、；,;]|后|时|和|与|及|等|举行|召开|开展|参加|出席|郊区|附近|境内"),
    "首都": re.compile(r"[，。、；）,;)]|的|等|和|与|及|举行|召开|开幕|郊区|附近|境内|市中心")}
_PLACE_AFTER["于"] = _PLACE_AFTER["在"]
_PLACE_AFTER["位于"] = re.compile(r"[，。、；,;]|的|附近|境内|郊区|市中心|以[东南西北]|[东南西北中]部")  # 位于兰巴萨的…医院
for _w in ("首府", "省会", "港口城市", "城市", "小镇", "村庄"):
    _PLACE_AFTER[_w] = _PLACE_AFTER["首都"]


def context_places(text: str, units: list[Unit]) -> list[Found]:
    """A transliterated name where a place goes (在X举行, 抵达X后, 位于X附近, 在乌拉圭X城举行): a place,
    unless a name or value already found overlaps it."""
    out: list[Found] = []
    if not _PLACE_BEFORE.search(text):
        return out
    taken = [(u.start, u.end) for u in units if u.tag in ("ENT", "VAL")]
    places = {u.start: u.end for u in units if u.tag == "ENT" and u.type in ("COUNTRY", "PLACE")}
    by_start = {u.start: u for u in units}
    for m in _PLACE_BEFORE.finditer(text):
        after = _PLACE_AFTER.get(m.group(), _PLACE_AFTER[""])
        start = m.end()
        while start in places:  # 在乌拉圭|埃斯特角城举行: a country or a province first
            start = places[start]
        end = start
        while end < len(text) and end - start < 6 and text[end] in TRANSLIT:
            end += 1
        while end - start >= 2 and not after.match(text, end):
            end -= 1
        if end - start < 2:  # 埃斯特角, 巴塔|贡戈: words jieba knows as names, or not at all
            word = by_start.get(start)
            while word is not None and word.tag in ("ns", "nrt", "nr", "?") and word.end - start <= 6 \
                    and _HAN.match(word.text) and not any(c in FUNCTION_CHARS for c in word.text):
                end, word = word.end, by_start.get(word.end)
            if end < len(text) and text[end] == "城" and end > start + 1:
                end += 1  # 埃斯特角城
            if not after.match(text, end):
                continue
        if end - start < 2 or any(s < end and start < e for s, e in taken) or _SITE_WORD.fullmatch(text, start, end):
            continue  # (位于河畔, 抵达山区后: a kind of site, no name)
        if (first := by_start.get(start)) is not None and first.end < end and first.text.endswith(ADMIN_HEADS) \
                and first.tag not in ("ENT", "VAL") and len(first.text) >= 3:
            continue  # 在|磅湛省|斯昆镇|举行: a province and a town in it, one place each
        out.append(Found(start, end, "PLACE", "place:context"))
    return out


# a river's or a lake's name before what lies on or along it (尼日尔|河畔, 坦噶尼喀湖|畔, 沃尔特河|流域, 乍得|湖|沿岸)
_WATERSIDE = re.compile(r"[河湖江](?=畔|沿岸|流域|两岸|上游|中游|下游|水域|岸边|之滨|沿线|入海口)")


def waters(text: str, units: list[Unit]) -> list[Found]:
    """A river or a lake named before its banks, basin or course: a place, the water's name a transliteration,
    a word jieba knows as a name, or a known country or place (尼日尔河, 乍得湖)."""
    out: list[Found] = []
    for m in _WATERSIDE.finditer(text):
        p = m.start()
        k = next((k for k, u in enumerate(units) if u.start <= p < u.end), None)
        if k is None:
            continue
        u = units[k]
        if u.start < p:  # 坦噶尼喀湖|畔, 沃尔特河|流域: jieba kept the name and the water together
            name = u.text[:p - u.start]
            if u.tag in ("ENT", "VAL") or len(name) < 2 or not (u.tag in ("ns", "nrt", "nr", "nz", "?") or TRANSLIT.issuperset(name)) \
                    or any(c in FUNCTION_CHARS for c in name):
                continue
            out.append(Found(u.start, p + 1, "PLACE", "place:water"))
        elif k > 0:  # 尼日尔|河畔, 乍得|湖|沿岸: the name is the word before
            v = units[k - 1]
            if v.end != p or not (v.tag == "ENT" and v.type in ("COUNTRY", "PLACE") or v.tag in ("ns", "nrt", "?")
                                  and len(v.text) >= 2 and TRANSLIT.issuperset(v.text)):
                continue
            out.append(Found(v.start, p + 1, "PLACE", "place:water"))
    return out


# a photo's credit: （凯伊摄）, 新华社发（坎塔摄）, （新华社发 萨娃摄）: the name before 摄 in brackets or after 发
_PHOTO_CREDIT = re.compile(r"(?:[(（]|新华社发|新華社發|发[(（])[ \t\u3000]*(?:新华社发[ \t\u3000]*)?"
                           r"([\u4e00-\u9fff]{1,8}(?:·[\u4e00-\u9fff]{1,8})*)[ \t\u3000]*摄[ \t\u3000]*(?=[)）]|$)")
# who stands where in a photo: 陆山（左）与…, 坎农·西旺萨（右二）出席: the name right before the bracket
_PHOTO_PLACE = re.compile(r"[(（](?:左|右|中|前排|后排)[一二三四五六七八九]?[)）]")


def _personal_name(name: str) -> bool:
    """A Chinese name (a surname and one or two characters) or a transliteration (with its dots)."""
    if "·" in name:
        return all(2 <= len(p) or p in TRANSLIT for p in name.split("·")) and not any(c in _NOT_IN_NAMES for c in name)
    if 2 <= len(name) <= 3 and (name[0] in SURNAMES or name[:2] in COMPOUND_SURNAMES):
        return not any(c in FUNCTION_CHARS for c in name[1:]) and name not in STOP_WORDS
    return 2 <= len(name) <= 6 and TRANSLIT.issuperset(name) and name not in STOP_WORDS


def photo_names(text: str, units: list[Unit]) -> list[Found]:
    """The persons a photo's caption names: its photographer (（凯伊摄）) and who stands where (陆山（左）)."""
    out: list[Found] = []
    if "摄" in text:
        for m in _PHOTO_CREDIT.finditer(text):
            name = m.group(1)
            if name.startswith("记者"):
                continue  # (新华社记者 X 摄: the byline's rule)
            if _personal_name(name) and not any(u.tag == "ENT" and u.start < m.end(1) and m.start(1) < u.end for u in units):
                out.append(Found(m.start(1), m.end(1), "PERSON", "person:photo-credit"))
    if "左" in text or "右" in text or "中" in text:
        ends = {u.end: k for k, u in enumerate(units)}
        for m in _PHOTO_PLACE.finditer(text):
            k = ends.get(m.start())
            if k is None or units[k].tag in ("ENT", "VAL") or units[k].text in _TITLE_SET:
                continue  # (姜再冬大使（右）: the name before the title, its own rule)
            start = units[k].start
            if k > 0 and units[k - 1].tag not in ("ENT", "VAL") and len(units[k - 1].text) <= 2 \
                    and units[k - 1].text not in _CLAUSE_START and _HAN.match(units[k - 1].text) \
                    and _personal_name(units[k - 1].text + units[k].text) \
                    and (k == 1 or units[k - 2].text in _CLAUSE_START or units[k - 2].text in ("图为", "和", "与", "同")):
                start = units[k - 1].start  # 陆|山（左）: a name jieba cut in two
            elif not (k == 0 or units[k - 1].text in _CLAUSE_START or units[k - 1].text in ("图为", "和", "与", "同")):
                continue
            name = text[start:m.start()]
            if _personal_name(name):
                out.append(Found(start, m.start(), "PERSON", "person:photo-place"))
    return out


# the dateline of a news agency's item (新华社恩戈罗5月20日电, 中新社基加利电): where it was filed, a place
_DATELINE = re.compile(r"(?:新华社|中新社|新华网|新華社|中新網|新华网)([\u4e00-\u9fff]{2,8}?)(?:\d{1,2}月\d{1,2}日)?电")


def datelines(text: str, units: list[Unit]) -> list[Found]:
    out: list[Found] = []
    for m in _DATELINE.finditer(text):
        start, end = m.span(1)
        inside = [u for u in units if u.start < end and start < u.end]
        if not inside or inside[0].start != start or inside[-1].end != end \
                or any(u.tag in ("ENT", "VAL") or u.text in STOP_WORDS or u.tag in ("v", "p", "c", "d", "r", "m", "uj")
                       for u in inside):
            continue  # 新华社|联合国|电: a body's seat, not a place; a place known already needs no rule
        out.append(Found(start, end, "PLACE", "place:dateline"))
    return out


_TEAM = re.compile(r"(第[0-9一二三四五六七八九十百]+批(?:赴|援)?|援)([\u4e00-\u9fff]{1,10}?)"
                   r"(?:抗疫)?(?:医疗队|医疗专家组|专家组|医疗分队|维和医疗分队|救援队)")


def teams(text: str, units: list[Unit]) -> list[Found]:
    """A team sent to a country (第26批援塞拉利昂医疗队, 援苏丹医疗队, 援埃塞俄比亚抗疫医疗专家组): a
    project with its recipient (annotation guide), when a country or place follows 援."""
    out: list[Found] = []
    if "队" not in text and "组" not in text:
        return out
    places = {u.start: u.end for u in units if u.tag == "ENT" and u.type in ("COUNTRY", "PLACE", "REGION")}
    for m in _TEAM.finditer(text):
        if places.get(m.start(2)) == m.end(2) or m.group(1).startswith("第") and m.group(2) in ("鄂", "湘", "汉"):
            out.append(Found(m.start(), m.end(), "PROJECT", "project:team"))
    return out


_AIDED_STOPS = {"x", "p", "c", "uj", "ul", "uz", "ug", "ud", "d", "r", "VAL", "y", "e", "o", "w"}
_AIDED_REACH = 10  # units from 援 to the head
# institutions China builds and hands over, named in the aided form (援马达加斯加杂交水稻示范中心, 援赞比亚职业技术学院)
_AIDED_FACILITIES = ("中心", "学院", "学校", "大学")


def aided_projects(units: list[Unit]) -> list[Found]:
    """A project named the way aid projects are (援 + the country + what is built or done + a project head):
    援塞内加尔竞技摔跤场项目, 援埃塞俄比亚修建公路工程项目.  Verbs and measure words may stand inside (修建, 场):
    the country after 援 anchors the name, the last head before a stop (a preposition, a conjunction, 的, an
    adverb, punctuation, a value) ends it."""
    out: list[Found] = []
    for a, u in enumerate(units[:-2]):
        if u.text != "援" or units[a + 1].tag != "ENT" or units[a + 1].type not in ("COUNTRY", "PLACE") \
                or units[a + 1].text in DONOR:
            continue
        head = None
        for b in range(a + 2, min(len(units), a + 1 + _AIDED_REACH)):
            v = units[b]
            if v.tag in _AIDED_STOPS or v.tag == "ENT" and v.type not in ("PLACE", "COUNTRY", "REGION") \
                    or v.tag == "?" and not _HAN.match(v.text):
                break
            if v.tag != "ENT" and ((hit := _suffix(v)) is not None and (hit[1] == "PROJECT" or hit[0] in _AIDED_FACILITIES)
                                   or v.text.endswith(("项目", "工程"))):
                head = b
        if head is not None:  # 中国援…项目: the donor just before 援 is part of the name, as the suffix rule reads it
            start = units[a - 1].start if a and units[a - 1].tag == "ENT" and units[a - 1].text in DONOR else u.start
            out.append(Found(start, units[head].end, "PROJECT", "project:aided"))
    return out


_PARTY_TYPES = ("COUNTRY", "REGION", "ORG", "PLACE")


_DASH = re.compile("[" + re.escape("".join(sorted(DASHES))) + "]")


def paired_cooperation(text: str, units: list[Unit]) -> list[Found]:
    """Two parties joined by a dash and 合作 (中国-东盟合作, 中国—中东欧国家合作): a cooperation mechanism,
    as 澜沧江-湄公河合作 is (a forum)."""
    out: list[Found] = []
    if "合作" not in text or not _DASH.search(text):
        return out
    for k in range(len(units) - 3):
        a, dash, b, coop = units[k:k + 4]
        if a.tag == "ENT" and a.type in _PARTY_TYPES and dash.text in DASHES and b.tag == "ENT" \
                and b.type in _PARTY_TYPES and coop.text == "合作" and a.end == dash.start and b.end == coop.start:
            out.append(Found(a.start, coop.end, "FORUM", "forum:pair+cooperation"))
    return out


# 中老经济走廊, 中缅经济走廊, 中尼铁路: China and its partners by one character each, and what they build together
_PAIR_WORKS = re.compile("中[" + "".join(sorted(ABBREVIATIONS)) + "]{1,3}(?:经济走廊|铁路|公路|友谊大桥|大桥|高铁|油气管道|输油管道|天然气管道)")
# two partners other than China, each by its one-character abbreviation (坦赞铁路, 肯乌铁路): works joining them
_PARTNERS_WORKS = re.compile("[" + "".join(sorted(ABBREVIATIONS)) + "]{2}(?:铁路|公路|友谊大桥|大桥|高铁|油气管道|输油管道|天然气管道)")
_PAIR_WORKS_AFTER = set("的和与及、在是为将了对把由同以")  # what may come before such a name


def partners_works(text: str, units: list[Unit]) -> list[Found]:
    """Works joining two partners named by their one-character abbreviations, neither China (坦赞铁路): a
    project, where the two characters are no word or name of their own (印尼|铁路, 非拉 are not)."""
    out: list[Found] = []
    for m in _PARTNERS_WORKS.finditer(text):
        a = m.start()
        if a > 0 and "\u4e00" <= text[a - 1] <= "\u9fff" and text[a - 1] not in _PAIR_WORKS_AFTER:
            continue  # (东非|铁路: the second character of another word)
        first = next((u for u in units if u.start <= a < u.end), None)
        if first is None or first.tag in ("ENT", "VAL") or first.start != a or first.end > a + 2 \
                or text[a:a + 2] in STOP_WORDS or first.end == a + 2 and first.tag not in ("j", "?", "ns", "nr", "nrt"):
            continue  # (印尼|铁路: a country's short name; 非拉: a word of the language)
        out.append(Found(a, m.end(), "PROJECT", "works:two-partners"))
    return out


def paired_works(text: str) -> list[Found]:
    out: list[Found] = []
    if "中" not in text:
        return out
    for m in _PAIR_WORKS.finditer(text):
        if m.start() > 0 and "\u4e00" <= text[m.start() - 1] <= "\u9fff" and text[m.start() - 1] not in _PAIR_WORKS_AFTER:
            continue  # 其中, 集中, 当中: 中 ends another word
        out.append(Found(m.start(), m.end(), "PROGRAMME" if m.group().endswith("走廊") else "PROJECT", "works:china+partners"))
    return out


_OPEN, _CLOSE = {"(", "（"}, {")", "）"}


def bracketed_companies(text: str, units: list[Unit]) -> list[Found]:
    """A company named with its country in brackets (天利纺纱(毛里求斯)有限公司, 中国路桥(肯尼亚)有限公司):
    the name starts after the left edge of the words before the bracket."""
    out: list[Found] = []
    if "(" not in text and "（" not in text or "公司" not in text and "集团" not in text:
        return out
    for k in range(1, len(units) - 3):
        if units[k].text not in _OPEN or units[k + 1].tag != "ENT" or units[k + 1].type not in ("COUNTRY", "PLACE") \
                or units[k + 2].text not in _CLOSE or not units[k + 3].text.endswith(("公司", "集团")):
            continue
        j = k
        while j > 0 and k - j < 4 and _namey(units[j - 1]) and units[j - 1].tag not in ("v", "vn", "a") \
                and not (units[j - 1].tag == "ENT" and units[j - 1].type != "ORG"):
            j -= 1
        if j < k and any(_anchor(units[x]) or units[x].tag in ("?", "nz") for x in range(j, k)):
            out.append(Found(units[j].start, units[k + 3].end, "ORG", "org:bracketed-country"))
    return out


_PLAN_YEARS = re.compile(r"[(（]\d{4}\s*[—–\-－~至]\s*\d{4}(?:年)?[)）]")  # the years of a plan belong to its name


# words that let a rule fire in a sentence with no head noun, title, quote or ordinal (the tagger skips
# the rules in the other sentences): coordinated places, places in context, a report's source
TRIGGERS = ("、", "和", "至", "等", "说", "表示", "指出", "宣布", "承诺", "举行", "召开", "举办", "开幕", "抵达", "飞抵", "运抵", "前往", "途经", "位于", "到达", "据",
            '"', "大行动", "项行动", "举措", "工坊",  # (named sets of measures, facilities of a programme)
            "作者", "编辑", "摄影", "撰稿", "通讯员",  # (a byline)
            "摄", "左)", "右)", "中)", "左）", "右）", "中）",  # (a photo's credit and caption)
            "开展", "实施", "援建", "承建", "设立", "开设", "启动", "揭牌")  # (在X开展: where a thing is done)


_LINE_HEADS = ("高速公路", "铁路", "公路", "输油管道", "天然气管道", "油气管道", "管道", "输电线路", "运河")
_LINE_REST = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:" + "|".join(_LINE_HEADS) + ")")  # 标准轨距铁路
_LINE_HEAD = re.compile("|".join(_LINE_HEADS))
_TO = ("至", "到", "—", "－", "-", "–")


# the lands around or in one part of an ocean or region: 环|印度洋地区, 南|太平洋岛国; 印太|地区, 亚太|地区 (a region
# named by the first characters of two continents or oceans); 拉丁美洲|及|加勒比地区 (two regions under one head)
_OCEANS = ("太平洋", "大西洋", "印度洋")
_REGION_ABBREVIATIONS = re.compile(r"[亚非欧美澳印太大拉][亚非欧美澳印太洋]地区")


# what kind of area a word says (沿海地区, 偏远地区, 贫困地区), which jieba may tag as a proper noun: no region's name
_AREA_KINDS = ("沿海", "偏远", "边远", "贫困", "内陆", "山区", "农村", "城市", "发达", "落后", "干旱", "受灾", "冲突", "边境",
               "周边", "热带", "沿边", "沿线", "民族", "牧区", "高原", "沿岸", "缺水", "偏僻", "重灾", "灾区", "战乱", "湿润",
               "寒冷", "温带", "边疆", "农牧", "欠发达", "不发达", "相关", "有关", "其他", "其它", "广大", "部分", "多数")
_WATERS = ("洋", "海", "湾", "河", "江", "湖")  # the waters whose shores a group of countries is named by
_LANDS_OF = re.compile(r"沿岸国家|沿岸地区|沿岸各国|岛国|岛屿国家")


_FAITHS = frozenset({"伊斯兰", "基督教", "天主教", "东正教"})  # (伊斯兰国家: countries of a faith, no region)


def wider_regions(text: str, units: list[Unit], names: list[Found]) -> list[Found]:
    spans = {(u.start, u.end) for u in units if u.tag == "ENT" and u.type == "REGION"}
    spans |= {(f.start, f.end) for f in names if f.type == "REGION"}
    waters = spans | {(u.start, u.end) for u in units if u.tag == "ENT" and u.type == "PLACE" and u.text.endswith(_WATERS)}
    # 印度洋沿岸国家, 红海沿岸地区, 加勒比岛国: the countries on a sea's shores or a region's islands, as a group
    lands = [Found(s, m.end(), "REGION", "region:lands-of") for s, e in waters if (m := _LANDS_OF.match(text, e))]
    # 东非|次|区域: a sub-region of a region
    lands += [Found(s, e + 3, "REGION", "region:subregion") for s, e in spans if text.startswith("次区域", e)]
    # 安第斯地区|国家: an area jieba knows as a proper noun, whose countries are spoken of, is a region of several
    lands += [Found(u.start, u.end, "REGION", "region:area-of-countries") for k, u in enumerate(units[:-1])
              if u.tag == "ns" and u.text.endswith("地区") and len(u.text) >= 4 and u.text not in GENERIC
              and not u.text[:-2].endswith(_AREA_KINDS)
              and units[k + 1].text in ("国家", "各国") and units[k + 1].start == u.end]
    # 安第斯|国家, 巴尔干|国家: a transliteration jieba knows as a place, whose countries are spoken of
    lands += [Found(u.start, u.end, "REGION", "region:area-of-countries") for k, u in enumerate(units[:-1])
              if u.tag == "ns" and len(u.text) >= 3 and _HAN.match(u.text) and u.text not in _FAITHS
              and not any(c in FUNCTION_CHARS for c in u.text) and not u.text.endswith(_AREA_KINDS + ("地区",))
              and units[k + 1].text in ("国家", "各国") and units[k + 1].start == u.end]
    # 环|印度洋地区合作联盟: a body named after the lands around an ocean keeps 环 too
    out = [Found(f.start - 1, f.end, f.type, f.rule, f.name) for f in names if f.type != "REGION" and f.start
           and text[f.start - 1] == "环" and text.startswith(_OCEANS, f.start) and not f.name]
    for s, e in spans:
        if s and text[s - 1] == "环" and (s < 2 or text[s - 2] not in "循"):
            out.append(Found(s - 1, e, "REGION", "region:around"))  # 环印度洋地区 (not 循环)
        elif s and text[s - 1] in "南北东西中" and text.startswith(_OCEANS, s):
            out.append(Found(s - 1, e, "REGION", "region:part-of-ocean"))  # 南太平洋岛国, 西太平洋地区
        if text.startswith("地区", e - 2):
            continue
        if text[e:e + 1] in CONJ:
            # (the 和 form is the name a lexicon knows; not two continents: 亚洲和非洲地区)
            out += [Found(s, f, "REGION", "region:two-under-one-head", text[s:e] + "和" + text[b:f])
                    for b, f in spans if b == e + 1 and text.endswith("地区", 0, f) and not text.endswith("洲地区", 0, f)]
    return out + lands


def routes(text: str, units: list[Unit]) -> list[Found]:
    """A line from one place to another (亚的斯亚贝巴至吉布提铁路, 蒙巴萨—内罗毕标准轨距铁路): a PROJECT
    from the first place to its head; places and countries inside it stay what they are."""
    out: list[Found] = []
    if not _LINE_HEAD.search(text):
        return out
    geo = ("PLACE", "COUNTRY")
    for i in range(len(units) - 2):
        u, to, v = units[i:i + 3]
        known_u, known_v = u.tag == "ENT" and u.type in geo, v.tag == "ENT" and v.type in geo
        if (known_u and (known_v or _translit_name(v)) or known_v and _translit_name(u)) and to.text in _TO \
                and to.start == u.end and v.start == to.end and (m := _LINE_REST.match(text, v.end)):
            start, end = u.start, m.end()
            if (project := _ROUTE_PROJECT.match(text, end)) is not None:
                end = project.end()  # 内罗毕至蒙巴萨高速公路|项目: the project on the line, named by it
                if i > 0 and units[i - 1].tag == "ENT" and units[i - 1].type == "COUNTRY" and units[i - 1].end == u.start:
                    start = units[i - 1].start  # 肯尼亚|…项目: the country the project is in, as other projects' names
            out.append(Found(start, end, "PROJECT", "project:route"))  # (阿布贾至|卡杜纳: one end unknown)
            for w in (u, v):
                if w.tag != "ENT":
                    out.append(Found(w.start, w.end, "PLACE", "place:route-end"))
    return out


_ROUTE_PROJECT = re.compile(r"(?:改扩建|扩建|修复|改造|升级|建设|[一二三四五六七八九十]期)?(?:项目|工程)")


def _translit_name(u: Unit) -> bool:
    """A word jieba does not know as a common word, made of transliteration characters (卡杜纳, 马库尼)."""
    return u.tag in ("?", "nr", "nrt", "ns") and 2 <= len(u.text) <= 6 and bool(_HAN.match(u.text)) \
        and TRANSLIT.issuperset(u.text) and u.text not in STOP_WORDS


# a named set of measures by its number (八大行动, 十大合作计划, 九项工程, 六项政策举措), "six hundreds"
# (六个100), a pair of hundreds (“百校百企”)
_MEASURE_SET = re.compile(r"(?<![0-9一二三四五六七八九十百千万两几数多这那每各])[一二三四五六七八九十]{1,2}(?:大|项)"
                          r"(?:合作|政策)?(?:行动|工程|计划|举措|倡议)(?![\u4e00-\u9fff]{0,2}(?:署|会|组))"
                          r"|(?<![0-9])[一二三四五六七八九十0-9]个100(?![0-9万亿%.])"
                          r"|(?<=“)([百千万])[\u4e00-\u9fff]\1[\u4e00-\u9fff](?=”)")
_MEASURE_SET_HINT = re.compile("[一二三四五六七八九十][大项]|个100|“[百千万]")


def measure_sets(text: str) -> list[Found]:
    """Named sets of measures: a number, 大 or 项 and a programme's head (八大行动, 九项工程), 六个100, “百校百企”
    (the caller asks _MEASURE_SET_HINT first)."""
    return [Found(m.start(), m.end(), "PROGRAMME", "programme:measure-set") for m in _MEASURE_SET.finditer(text)]


def numbered_sessions(text: str, names: list[Found]) -> list[Found]:
    """An ordinal right before a forum or meeting a rule named (第三届中国—非洲经贸博览会, 第二次联合国南南合作
    高级别会议, 第九次中国—中东欧国家领导人会晤): one session of it, a MEETING."""
    out: list[Found] = []
    for f in names:
        if f.start > 1 and text[f.start - 1] in "届次" and f.type in ("FORUM", "MEETING") \
                and (before := _ORDINAL_BEFORE.search(text, max(0, f.start - 12), f.start)):
            end = f.end
            if f.type == "FORUM" and (head := _MEETING_HEAD_AFTER.match(text, end)):
                end = head.end()
            out.append(Found(before.start(), end, "MEETING", "meeting:ordinal+name"))
    return out


_FACILITY_PROGRAMMES = ("工坊", "书屋", "示范村")  # 鲁班工坊: a programme of facilities, each one in a country


def facilities_of_programmes(units: list[Unit], known: list[int]) -> list[Found]:
    """A country or place and a known programme of facilities right after it (泰国鲁班工坊): the project there."""
    out = []
    for k in _known(units, known, ("COUNTRY", "PLACE")):
        if k + 1 < len(units) and units[k].text not in DONOR and units[k + 1].tag == "ENT" \
                and units[k + 1].type == "PROGRAMME" and units[k + 1].start == units[k].end \
                and units[k + 1].text.endswith(_FACILITY_PROGRAMMES):
            out.append(Found(units[k].start, units[k + 1].end, "PROJECT", "project:place+programme"))
    return out


def find(text: str, units: list[Unit]) -> list[Found]:
    """All rule names in a sentence; overlaps are resolved by the caller (longest first)."""
    units = _join_units(_split_heads(units))
    if "会" in text:
        units = _rejoin_meetings(units)
    known = [k for k, u in enumerate(units) if u.tag == "ENT"]
    placed = context_places(text, units)
    if "电" in text:
        placed += datelines(text, units)
    placed += coordinated_places(text, units, placed)
    names = [*meeting_names(text, units, known), *quoted_names(text, units), *suffix_names(units), *person_names(text, units),
             *foreign_names(text, units), *media_names(text), *foreign_bodies(units, known), *listed_bodies(text, units),
             *(foreign_ministries(units, known) if "部" in text else ()),
             *places_with_heads(text, units, known), *places_in_known_works(units, known), *names_before_titles(text, units), *country_parts(text, units),
             *teams(text, units), *bracketed_companies(text, units), *speakers(text, units),
             *(delegation_heads(text, units) if "一行" in text else ()),
             *(aided_projects(units) if "援" in text else ()),
             *paired_cooperation(text, units), *routes(text, units), *paired_works(text),
             *(waters(text, units) if "河" in text or "湖" in text or "江" in text else ()),
             *(photo_names(text, units) if "摄" in text or "左" in text or "右" in text else ()),
             *(partners_works(text, units) if "铁" in text or "路" in text or "桥" in text or "管道" in text else ()),
             *placed]
    names = [f for f in names if not text.startswith(("与", "和"), f.end) or not any(
        g.start <= f.start and f.end < g.end for g in names)]  # 中美战略|与经济对话: a part of the name
    names = [Found(f.start, m.end(), f.type, f.rule, f.name) if f.type == "PROGRAMME" and not f.name
             and (m := _PLAN_YEARS.match(text, f.end)) else f for f in names]  # …行动计划(2022-2024)
    if _MEASURE_SET_HINT.search(text):
        names += measure_sets(text)
    if "工坊" in text or "书屋" in text or "示范村" in text:
        names += facilities_of_programmes(units, known)
    if "洋" in text or "地区" in text or "岛国" in text or "沿岸" in text or "岛屿国家" in text or "次区域" in text \
            or "国家" in text or "各国" in text:
        names += wider_regions(text, units, names)
    out = names + sessions(text, units, known, names)
    if "届" in text or "次" in text:
        out += numbered_sessions(text, names)
    return out


# heads whose last character is too common to trigger the rules by itself (行动, 城市): the word does; and
# the Japanese middle dot of scraped pages (夏巴兹・谢里夫), as · does
WORD_TRIGGERED = ("合作行动", "科技城", "沿岸", "岛国", "岛屿国家", "次区域", "地区国家", "一行")
TRIGGERS = TRIGGERS + WORD_TRIGGERED + ("・",)
