"""Anaphors of the genre: 该项目, 此次会议, 这一机制, 该国 ... A demonstrative and a head noun refer to the
last entity named before them (in the same paragraph or the one before, at most ``WINDOW`` sentences
back) whose type the head allows, preferring one whose name ends in that head.  Each becomes a mention of that entity at the
anaphor, so that the relation rules read 该项目由X承建 as they read 瓜达尔港项目由X承建, and the graph
records where the text refers to the entity again.  Nothing is found where no such entity was named.

Works on the simplified text as the tagger's mentions do (traditional text is read through
``to_simplified``, which keeps offsets: one character for one).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from kg.extract.chinese import to_simplified
from kg.model import Document, Mention

WINDOW = 3  # sentences back
# head noun -> the types it may refer to, the first preferred
HEADS = {
    "项目": ("PROJECT", "PROGRAMME"), "工程": ("PROJECT", "PROGRAMME"), "铁路": ("PROJECT",), "大桥": ("PROJECT",),
    "港口": ("PROJECT",), "机场": ("PROJECT", "PLACE"), "医院": ("PROJECT", "ORG"), "学校": ("PROJECT", "ORG"),
    "基金": ("PROGRAMME", "ORG"), "计划": ("PROGRAMME",), "倡议": ("PROGRAMME",), "机制": ("PROGRAMME", "FORUM", "ORG"),
    "平台": ("PROGRAMME", "ORG"), "行动": ("PROGRAMME",), "行动计划": ("PROGRAMME",), "框架": ("PROGRAMME",), "规划": ("PROGRAMME",),
    "会议": ("MEETING",), "峰会": ("MEETING",), "论坛": ("FORUM", "MEETING"), "组织": ("ORG",), "机构": ("ORG",),
    "中心": ("ORG", "PROJECT"), "公司": ("ORG",), "银行": ("ORG",), "国": ("COUNTRY",),
}
# 该国 (that country) is never China in a text about what China gives: the country referred to is the other one
_DEMONSTRATIVE = r"(?:该|此|这一|这个|这|本|上述|此次|这次|本次)"
ANAPHOR = re.compile(_DEMONSTRATIVE + "(" + "|".join(sorted(HEADS, key=len, reverse=True)) + ")")
# a character before 该/此/这/本 that makes it part of another word (应该, 因此, 日本, 基本, 为此 ...)
_WORD_BEFORE = set("应活日基资成根版剧样课文读彼因如从由对为至自借据就特藉原账脚")
_CHINA = "country/CHN"
# 该项目 is no fund, initiative or agenda named before (…通过全球发展和南南合作基金支持老挝发展。该项目为期3年)
_WORKS = ("项目", "工程")
_NOT_WORKS = ("基金", "倡议", "议程", "机制", "论坛", "走廊")


def resolve(doc: Document) -> list[Mention]:
    """The document's mentions with one more for each anaphor whose entity is found (sorted as the
    tagger sorts them: by start, longest first).  Linear in the document: each anaphor looks at the
    mentions of its own sentence and the ``WINDOW`` before it, and at the mentions around it.  A meeting
    named by its head alone (峰会, 会议: 习近平在峰会开幕式上宣布) is the last meeting named before with that head."""
    return _bare_meetings(_resolve(doc))


# a meeting named by its kind alone, with no demonstrative: 峰会通过了…, 在峰会开幕式上宣布
_BARE_MEETING = frozenset({"峰会", "会议", "大会", "峰會", "會議"})


def _bare_meetings(mentions: list[Mention]) -> list[Mention]:
    """Each MEETING mention that is a bare head (峰会, 会议, 大会) becomes a mention of the last meeting named before
    it whose name ends in that head (中非合作论坛北京峰会…。习近平在峰会开幕式上宣布: the Beijing summit); kept as it
    is where none was named."""
    if not any(m.type == "MEETING" and m.text in _BARE_MEETING for m in mentions):
        return mentions
    out: list[Mention] = []
    last: dict[str, Mention] = {}  # head -> the last meeting named with a name of its own ending in it
    for m in mentions:
        if m.type == "MEETING" and not m.is_value:
            head = to_simplified(m.text)
            if m.text in _BARE_MEETING and m.rule != "anaphor:meeting":
                ref = last.get(head)
                if ref is not None:
                    m = Mention(m.start, m.end, m.text, ref.type, ref.key, m.sentence, ref.name, rule="anaphor:meeting")
            else:
                name = to_simplified(m.name)
                for h in ("峰会", "会议", "大会"):
                    if name.endswith(h) and len(name) > len(h):
                        last[h] = m
        out.append(m)
    return out


def _resolve(doc: Document) -> list[Mention]:
    text = to_simplified(doc.text)
    if not any(not m.is_value for m in doc.mentions):
        return doc.mentions
    paragraph_of = {s.index: s.paragraph for s in doc.sentences}
    by_sentence: dict[int, list[Mention]] = defaultdict(list)
    for m in doc.mentions:
        if not m.is_value:
            by_sentence[m.sentence].append(m)
    starts = sorted((m.start, m.end) for m in doc.mentions)
    if not ANAPHOR.search(text):
        more = _without_demonstrative(doc, text, starts, by_sentence, paragraph_of)
        return sorted([*doc.mentions, *more], key=lambda m: (m.start, -m.end)) if more else doc.mentions
    sentence_starts = [s.start for s in doc.sentences]
    reach = max((e - s for s, e in starts), default=0)  # the longest mention: how far back one may start
    ends = {e for _, e in starts}
    added, replaced = [], []
    for a in ANAPHOR.finditer(text):
        if a.start() > 0 and text[a.start() - 1] in _WORD_BEFORE:
            continue
        k = bisect.bisect_right(sentence_starts, a.start()) - 1
        if k < 0:
            continue
        sentence = doc.sentences[k].index
        here = [m for i in range(sentence - WINDOW, sentence + 1) for m in by_sentence.get(i, ())]
        head_alone = next((m for m in here if (m.start, m.end) == (a.start(1), a.end(1)) and m.text in HEADS), None)
        around = starts[bisect.bisect_left(starts, (a.start() - reach, -1)):bisect.bisect_left(starts, (a.end(), -1))]
        if any(a.start() < e and (head_alone is None or (s, e) != (a.start(1), a.end(1))) for s, e in around):
            continue  # inside a name (本次会议 of a meeting's own name)
        if a.start() in ends or a.start() - 1 in ends and text[a.start() - 1] in "”\"》":
            continue  # “中非民间友好组织负责人会晤”这一平台: an apposition to the name just before, no other entity
        head = a.group(1)
        if head == "国" and not a.group().startswith("该"):
            continue  # 本国, 此国: one's own country, not a country named before
        types = HEADS[head]
        before = [m for m in here if m.end <= a.start() and m.type in types and m.key != _CHINA
                  and paragraph_of.get(sentence, 0) - paragraph_of.get(m.sentence, 0) <= 1
                  and not (head in _WORKS and m.name.endswith(_NOT_WORKS))]
        if not before:
            continue
        named = [m for m in before if m.name.endswith(head) or head in m.name]
        pool = named or [m for m in before if m.type == types[0]] or before
        ref = max(pool, key=lambda m: (m.end, m.end - m.start))
        added.append(Mention(a.start(), a.end(), doc.text[a.start():a.end()], ref.type, ref.key, sentence, ref.name,
                             rule="anaphor:" + head))
        if head_alone is not None:
            replaced.append(id(head_alone))
    added += _without_demonstrative(doc, text, starts, by_sentence, paragraph_of)
    if not added:
        return doc.mentions
    return sorted([*(m for m in doc.mentions if id(m) not in replaced), *added], key=lambda m: (m.start, -m.end))


# 斯方, 尼方, 马方: a country's side, by the first character of its name (the guide: 中方 and 非方 are aliases of
# China and Africa); a region's side so too (拉丁美洲…向拉方提供, 阿拉伯国家…阿方); not 双方, 各方, 西方, 南方 ... (西班牙 and 南非 begin so too)
_SIDE = re.compile(r"([\u4e00-\u9fff])方(?![面式法案向针略位圆便])")
_NOT_SIDES = set("双各多一两三四对我他外己本东西南北上下前后地官军警校甲乙资买卖男女有远四八大")


def _sides(doc: Document, text: str, starts: list[tuple[int, int]]) -> list[Mention]:
    """Each X方 whose X begins the name of exactly one country or region the document names (nearest before it,
    else the first after it, if no other one so named comes between): a mention of that country or region."""
    countries = [m for m in doc.mentions if (m.type == "COUNTRY" and m.key != _CHINA or m.type == "REGION")
                 and not m.is_value]
    if not countries or "方" not in text:
        return []
    by_initial: dict[str, set[str]] = defaultdict(set)
    for m in countries:
        by_initial[to_simplified(m.name)[:1]].add(m.key)
    taken = {s for s, _ in starts}
    out = []
    for a in _SIDE.finditer(text):
        initial = a.group(1)
        if initial in _NOT_SIDES or len(by_initial.get(initial, ())) != 1 or a.start() in taken:
            continue
        if a.start() > 0 and "\u4e00" <= text[a.start() - 1] <= "\u9fff" and text[a.start() - 1] not in _BEFORE_SIDE:
            continue  # 东南方, 亚太方: part of a longer word
        (key,) = by_initial[initial]
        ref = next(m for m in countries if m.key == key)
        k = bisect.bisect_right([x.start for x in doc.sentences], a.start()) - 1
        if k < 0:
            continue
        out.append(Mention(a.start(), a.end(), doc.text[a.start():a.end()], ref.type, key, doc.sentences[k].index,
                           ref.name, rule="anaphor:side"))
    return out


def _without_demonstrative(doc: Document, text: str, starts, by_sentence, paragraph_of) -> list[Mention]:
    """The anaphors with no 该/此/这: 巴方 (`_sides`), 土叙两国 (`_pairs`), 向其提供 (`_its`), a bare head (`_bare_heads`)."""
    return (_sides(doc, text, starts) + _pairs(doc, text, starts) + _its(doc, text, by_sentence, paragraph_of)
            + _bare_heads(doc, text, starts, by_sentence, paragraph_of))


# 土叙两国, 土叙双方: two countries named before, each by the first character of its name
_PAIR = re.compile(r"两国|双方")  # (the two characters before it are read from the text)


def _initials(doc: Document) -> tuple[list[Mention], dict[str, set[str]]]:
    countries = [m for m in doc.mentions if m.type == "COUNTRY" and m.key != _CHINA and not m.is_value]
    by_initial: dict[str, set[str]] = defaultdict(set)
    for m in countries:
        by_initial[to_simplified(m.name)[:1]].add(m.key)
    return countries, by_initial


def _pairs(doc: Document, text: str, starts: list[tuple[int, int]]) -> list[Mention]:
    """Each XY两国 / XY双方 whose X and Y each begin the name of exactly one country (not China) the document
    names before it (土耳其…叙利亚…向土叙双方各拨出20万美元): a mention of each country, at its character."""
    if "两国" not in text and "双方" not in text:
        return []
    countries, by_initial = _initials(doc)
    taken = {s for s, _ in starts}
    sentence_starts = [x.start for x in doc.sentences]
    out = []
    for a in _PAIR.finditer(text):
        at = a.start() - 2
        pair = text[max(at, 0):a.start()]
        if at < 0 or pair[0] == pair[1] or at in taken or at + 1 in taken:
            continue
        keys = [by_initial.get(c, set()) for c in pair]
        if any(len(k) != 1 for k in keys):
            continue
        refs = [next((m for m in countries if m.key == next(iter(k)) and m.end <= at), None) for k in keys]
        k = bisect.bisect_right(sentence_starts, at) - 1
        if None in refs or k < 0:
            continue
        out += [Mention(at + i, at + i + 1, doc.text[at + i], "COUNTRY", ref.key, doc.sentences[k].index,
                        ref.name, rule="anaphor:pair") for i, ref in enumerate(refs)]
    return out


# 向其提供, 帮助其, 免除其…债务: 其 the object of a verb of giving or relief
_ITS = re.compile(r"(?:向|为|给|帮助|协助|支持|免除|减免|豁免)了?(其)(?![中他它余次实后间])")


def _its(doc: Document, text: str, by_sentence, paragraph_of) -> list[Mention]:
    """Each 其 that a verb of giving or relief takes (并向其提供5000万元人民币无偿援助, 免除了其…债务): a mention of
    the last country other than China named before it, in its sentence or the one before in its paragraph."""
    if "其" not in text or not any(m.type == "COUNTRY" for ms in by_sentence.values() for m in ms):
        return []
    sentence_starts = [x.start for x in doc.sentences]
    out = []
    for a in _ITS.finditer(text):
        k = bisect.bisect_right(sentence_starts, a.start(1)) - 1
        if k < 0:
            continue
        sentence = doc.sentences[k].index
        before = [m for i in (sentence - 1, sentence) for m in by_sentence.get(i, ()) if m.type in ("COUNTRY", "ORG")
                  and m.key != _CHINA and m.end <= a.start() and paragraph_of.get(i) == paragraph_of.get(sentence)]
        ref = max(before, key=lambda m: (m.end, -m.start), default=None)
        if ref is not None and ref.type == "COUNTRY":  # (向世界粮食计划署捐款，支持其…: 其 is the body, no country)
            out.append(Mention(a.start(1), a.end(1), doc.text[a.start(1):a.end(1)], "COUNTRY", ref.key, sentence, ref.name,
                               rule="anaphor:its"))
    return out


_BEFORE_SIDE = set("向与同和及对为由经给让请使据在将把被从跟叫令助持谢促")  # 协助巴方, 支持, 感谢


# what may follow a project's bare head that opens a sentence: a predicate about the project
_AFTER_HEAD = re.compile(r"(?:位于|坐落|地处|全长|总长|总投资|投资|由|于|建成|建设|是|将|已|共|占地|包括|可|设计|采用|年|日|装机|的)")


def _bare_heads(doc: Document, text: str, starts: list[tuple[int, int]], by_sentence, paragraph_of) -> list[Mention]:
    """A sentence that opens with the last two to four characters of the project named in the sentence
    before, in the same paragraph (…新集装箱码头日前竣工。码头位于蒙巴萨市; 大桥全长3公里), refers to that
    project: a mention of it there.  Not where a name of its own begins the sentence."""
    if not any(m.type == "PROJECT" for ms in by_sentence.values() for m in ms):
        return []
    taken = {s for s, _ in starts}
    out = []
    for k in range(1, len(doc.sentences)):
        sent = doc.sentences[k]
        lead = len(text[sent.start:sent.end]) - len(text[sent.start:sent.end].lstrip())
        begin = sent.start + lead
        prior = [m for m in by_sentence.get(doc.sentences[k - 1].index, ()) if m.type == "PROJECT"
                 and paragraph_of.get(m.sentence) == sent.paragraph]
        if not prior or begin in taken:
            continue
        ref = max(prior, key=lambda m: (m.end, m.end - m.start))
        name = to_simplified(ref.name)
        for size in (4, 3, 2):
            head = name[-size:]
            if len(name) > size and text.startswith(head, begin) and _AFTER_HEAD.match(text, begin + size):
                out.append(Mention(begin, begin + size, doc.text[begin:begin + size], ref.type, ref.key, sent.index,
                                   ref.name, rule="anaphor:bare-head"))
                break
    return out
