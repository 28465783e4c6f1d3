"""Names no gold document has, round 2 (issue 12): persons, places and works the name grammar finds with the
names learned from the gold files removed (the grammar and the lexicon alone, as in each fold of `kg eval`),
in probe texts of the genre written for this file (Xinhua items, an embassy's release, a ministry's note;
simplified and traditional), each case a pattern of Chinese, with words beside it that must stay unnamed.

The sentences are made up: none is taken from a gold document."""

from __future__ import annotations

import pytest

from test_names_probe import assert_named
from test_nlp import tag

GENERIC = frozenset({"港口城市", "非洲铁路", "基础设施项目", "有关项目", "该项目", "有关部门", "当地政府", "国家", "项目"})


@pytest.fixture(scope="module")
def unlearned():
    """A tagger without the names learned from the gold files: the grammar and the lexicon alone."""
    from kg.extract.nlp import Extractor

    extractor = Extractor()
    extractor.nlp.tokenizer.set_patterns([])
    return extractor


def probe(extractor, sentence, names, not_names=frozenset()):
    assert_named(tag(extractor, sentence), set(names), set(not_names) | GENERIC)


# ---------------------------------------------------------------------------------------------- persons
@pytest.mark.parametrize("sentence, names, not_names", [
    # a Chinese name whose given name is a word of the language (刘|海星, 吴|海涛, 李|红梅), before a title or a
    # verb of saying at the start of a clause
    ("刘海星部长会见了来访的客人。", {("刘海星", "PERSON")}, {"海星"}),
    ("吴海涛表示，中方将继续为有关项目提供支持。", {("吴海涛", "PERSON")}, set()),
    ("李红梅说，该项目将于明年完工。", {("李红梅", "PERSON")}, set()),
    ("會上，吳海濤表示，中方願同當地政府合作。", {("吴海涛", "PERSON")}, set()),
    # (a surname and a title, a side, words of the language before a verb of saying are none)
    ("王部长表示，李大使说，张主任指出。", set(), {"李大使", "王部长", "张主任"}),
    ("会上，双方表示将加强合作，报告指出，马方表示感谢，高官表示关注，宋体说明问题。",
     set(), {"双方", "马方", "高官", "宋体"}),
    # what a titled person does: leads, visits, goes (队长郑一鸣带领队员)
    ("记者获悉，中国医疗队队长郑一鸣带领队员开展义诊。", {("郑一鸣", "PERSON")}, set()),
    ("援外专家组组长孙立平率领专家前往有关项目现场。", {("孙立平", "PERSON")}, set()),
])
def test_chinese_names_jieba_cuts_into_words(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # the dots that join a foreign name's parts in other scripts: ‧ (Taiwan), ・ and ･ (scraped pages)
    ("肯尼亚卫生部长苏珊‧瓦法拉出席了仪式。", {("苏珊·瓦法拉", "PERSON")}, set()),
    ("塞內加爾外長亞辛‧法勒表示感謝。", {("亚辛·法勒", "PERSON")}, set()),
    ("马里总统阿西米・戈伊塔会见了中国大使。", {("阿西米·戈伊塔", "PERSON")}, set()),
    ("加纳总统约翰･马哈马出席。", {("约翰·马哈马", "PERSON")}, set()),
    # a first part the lexicon knows whole (谭德塞) is the name's first part, not cut by the transliteration rule
    ("世界卫生组织总干事谭德塞·盖布雷耶苏斯表示欢迎。", {("谭德塞·盖布雷耶苏斯", "PERSON")}, {"德塞·盖布雷耶苏斯"}),
])
def test_foreign_names_joined_by_any_dot(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # the honorific after a titled name ends it (部长|拉米|扎纳|女士, 大使|姜再|冬|夫人)
    ("布基纳法索人道主义行动部长拉米扎纳女士感谢中方支持。", {("拉米扎纳", "PERSON")}, {"拉米扎纳女士"}),
    ("中国驻老挝大使姜再冬夫人出席活动。", {("姜再冬", "PERSON")}, {"姜再冬夫人"}),
    # (a surname and an honorific, a title and an honorific: no name)
    ("记者王先生、张女士和李博士出席，总统夫人出席，大使先生表示感谢。", set(), {"王先生", "张女士", "李博士", "总统夫人"}),
    # a word jieba does not know right after a title is the whole first part of a dotted name (副部长|通萨万|·)
    ("老挝外交部副部长通萨万·丰威汉表示感谢。", {("通萨万·丰威汉", "PERSON")}, {"萨万·丰威汉"}),
    ("寮國計劃與投資部副部長坎萬‧本坎表示，中方的援助非常及時。", {("坎万·本坎", "PERSON")}, set()),
])
def test_honorifics_and_first_parts_after_titles(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a photo's credit in brackets or after 新华社发: the photographer
    ("新华社发（凯伊摄）", {("凯伊", "PERSON")}, set()),
    ("新华社发（坎塔·萨瓦摄）", {("坎塔·萨瓦", "PERSON")}, set()),
    ("（新华社发 萨娃摄）", {("萨娃", "PERSON")}, set()),
    ("新華社發（奧馬爾攝）", {("奥马尔", "PERSON")}, set()),
    # who stands where in a photo (陆山（左）与…): the name before the bracket, at a clause's start
    ("6月20日，陆山（左）与世界粮食计划署驻布基纳法索代表签署协议。", {("陆山", "PERSON")}, set()),
    ("图为卡布雷（右）与中国专家交流。", {("卡布雷", "PERSON")}, set()),
    # (works, bodies, countries and kinds of people in a caption, and a credit with no name, are none)
    ("中国援建的体育场（左）和医院（右）已经完工。", set(), {"体育场", "医院"}),
    ("（本报记者摄）（新华社发 中方供图）图为中方人员（左）与当地居民交流，专家（右二）指导农民。",
     set(), {"本报记者", "中方人员", "专家"}),
])
def test_photo_credits_and_captions(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a person named after a title like a town the lexicon knows (恩戈齐 is a town of Burundi), before what he says
    ("该国财政部长恩戈齐指出，债务问题需要解决。", {("恩戈齐", "PERSON")}, set()),
    ("該國財政部長恩戈齊表示感謝。", {("恩戈齐", "PERSON")}, set()),
    # (the town where a place goes, and after a role, stays a place)
    ("医疗队抵达恩戈齐后开展工作，队长前往恩戈齐。", {("恩戈齐", "PLACE")}, set()),
])
def test_a_person_named_like_a_known_town(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a transliterated name with no title at a clause's start, before what he says (after a quote, after 据, with
    # where he says it between), however jieba cut it (卡|布雷|表示, 据萨瓦多戈|介绍)
    ("“中国的援助非常及时。”萨瓦多戈说。", {("萨瓦多戈", "PERSON")}, set()),
    ("萨瓦多戈在致辞中表示，感谢中国政府的支持。", {("萨瓦多戈", "PERSON")}, set()),
    ("据萨瓦多戈介绍，项目惠及2万人。", {("萨瓦多戈", "PERSON")}, {"据萨瓦多戈"}),
    ("“我们感谢中方。”卡布雷表示。", {("卡布雷", "PERSON")}, set()),
    ("對此，基邦古表示歡迎。", {("基邦古", "PERSON")}, set()),
    # the function word jieba glued after a name is not its last character (努安在|接受采访时说)
    ("12岁的学生努安在接受采访时说，她很喜欢学校的午餐。", {("努安", "PERSON")}, {"努安在"}),
    # (sides, bodies, documents and kinds of people before a verb of saying are none)
    ("会上，马方表示感谢，各方强调团结，报告指出，专家认为，全体成员表示支持。", set(), {"马方", "各方", "专家"}),
])
def test_untitled_speakers(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a ministry of fields joined by 与, the first an adjective to jieba (团结|a|与|人道主义|行动|部)
    ("布基纳法索团结与人道主义行动部部长出席。", {("布基纳法索团结与人道主义行动部", "ORG")}, set()),
    ("布基納法索團結與人道主義行動部部長出席。", {("布基纳法索团结与人道主义行动部", "ORG")}, set()),
    # (a country, an adverb and 与 are no ministry)
    ("肯尼亚积极与中方合作，巴基斯坦主要和中国开展合作的部门。", set(), {"肯尼亚积极与中方合作", "巴基斯坦主要和中国开展合作的部门"}),
])
def test_ministries_of_joined_fields(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


# ---------------------------------------------------------------------------------------------- places
@pytest.mark.parametrize("sentence, names, not_names", [
    # a river or a lake named before its banks, basin or course (尼日尔|河畔, 坦噶尼喀湖|畔, 乍得|湖|沿岸)
    ("该水厂位于尼日尔河畔的莫普提。", {("尼日尔河", "PLACE"), ("莫普提", "PLACE")}, {"河畔"}),
    ("中方援建了坦噶尼喀湖畔的码头。", {("坦噶尼喀湖", "PLACE")}, set()),
    ("洪水影响了沃尔特河流域和乍得湖沿岸地区。", {("沃尔特河", "PLACE"), ("乍得湖", "PLACE")}, set()),
    ("中國援建的碼頭位於維多利亞湖畔。", {("维多利亚湖", "PLACE")}, set()),
    # (the banks, hills and areas of the language where a place goes are none)
    ("项目位于河畔，专家抵达湖畔后开展工作，在山区开展义诊，抵达灾区后，前往牧区。",
     set(), {"河畔", "湖畔", "山区", "灾区", "牧区"}),
])
def test_rivers_and_lakes_by_their_banks(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a foreign place known by its name, with 地区 after it: the area is the place (萨凡纳|地区)
    ("项目惠及加纳萨凡纳地区的农民。", {("萨凡纳地区", "PLACE")}, set()),
    # a transliteration after its country, before a bare head, however jieba tags it (莫桑比克|加扎/v|地区)
    ("中国向莫桑比克加扎地区提供粮食援助。", {("加扎地区", "PLACE")}, set()),
    ("中國向莫桑比克加扎省提供援助。", {("加扎省", "PLACE")}, set()),
    # (a Chinese place and 地区, a verb and 地区 after a country, a direction and 地区: no new place)
    ("北京地区和广东地区的企业参加。", set(), {"北京地区", "广东地区"}),
    ("中方在巴基斯坦发展地区经济，向埃及开展地区合作，在肯尼亚东部地区。", set(), {"发展地区", "开展地区", "东部地区"}),
])
def test_areas_after_a_place_or_a_country(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # an area jieba knows as a proper noun, whose countries are spoken of (安第斯|国家): a region of several
    ("中国与安第斯国家加强对话。", {("安第斯", "REGION")}, set()),
    # (countries of a faith, of a kind, of an area of the language are no region)
    ("伊斯兰国家和发展中国家，沿海地区国家和内陆国家，周边国家和西方国家。", set(),
     {"伊斯兰", "沿海地区", "内陆", "周边", "西方"}),
])
def test_regions_by_their_countries(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


# ---------------------------------------------------------------------------------------------- works
@pytest.mark.parametrize("sentence, names, not_names", [
    # a secondary or primary school named by its place, built with aid: works like a 学校
    ("中国援建的卡莫迪中学和基塔小学竣工。", {("卡莫迪中学", "PROJECT"), ("基塔小学", "PROJECT")}, set()),
    ("中國—馬拉維友誼中學舉行揭牌儀式。", {("中国—马拉维友谊中学", "PROJECT")}, set()),
    # (a school numbered in a Chinese city's system is a body; schools of a kind are none)
    ("他毕业于北京市第一中学，在当地小学和乡村中学任教。", {("北京市第一中学", "ORG")}, {"当地小学", "乡村中学"}),
    # the meals of schools (学校|营养餐计划, 学校|供餐项目) are a programme or a project, no school inside it
    ("该基金向老挝国家学校营养餐计划提供支持。", {("老挝国家学校营养餐计划", "PROGRAMME")}, {"老挝国家学校"}),
    ("中方支持的柬埔寨农村学校供餐项目惠及2万名学生。", {("柬埔寨农村学校供餐项目", "PROJECT")}, {"柬埔寨农村学校"}),
])
def test_schools_and_school_meals(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a zone named by a place of two characters jieba does not know, right after its country (尼日利亚|莱基|自由贸易区)
    ("尼日利亚莱基自由贸易区吸引了大量投资。", {("尼日利亚莱基自由贸易区", "PROJECT"), ("莱基", "PLACE")}, set()),
    ("中国企业在坦桑尼亚巴加经贸合作区投资建厂。", {("巴加", "PLACE")}, set()),
    # (works named by a word after their country name no place)
    ("肯尼亚东方公路和坦桑尼亚友谊大桥通车。", set(), {"东方", "友谊"}),
])
def test_two_character_places_in_zones(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a job on projects after a title (副主任兼|项目|官员) names no project; a named project's manager keeps it
    ("粮食署布基纳法索国家办事处副主任兼项目官员伊萨·萨诺出席。",
     {("粮食署布基纳法索国家办事处", "ORG"), ("伊萨·萨诺", "PERSON")}, {"粮食署布基纳法索国家办事处副主任兼项目"}),
    ("恩戈罗水电站项目负责人表示，工程进展顺利。", {("恩戈罗水电站项目", "PROJECT")}, set()),
])
def test_jobs_on_projects(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a trade fair named by its country, what it trades and its head (中国|国际|投资|贸易|洽谈会), its city bracketed
    ("中国（厦门）国际投资贸易洽谈会吸引了非洲企业。", {("中国(厦门)国际投资贸易洽谈会", "FORUM"), ("厦门", "PLACE")}, set()),
    ("第二十届中国国际投资贸易洽谈会在厦门举行。",
     {("第二十届中国国际投资贸易洽谈会", "MEETING"), ("中国国际投资贸易洽谈会", "FORUM")}, set()),
    # (a fair of a kind, with no country or city, is none)
    ("企业参加了投资贸易洽谈会和国际商品交易会。", set(), {"投资贸易洽谈会", "国际商品交易会"}),
])
def test_trade_fairs(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # who meets at a forum, a word that alone names no body, after the partners' abbreviation (中拉|智库|交流论坛)
    ("举办中拉智库交流论坛、中非媒体合作论坛和中阿企业家大会。", {("中拉智库交流论坛", "FORUM")}, set()),
    # a programme named by a quoted name, whom it trains and how many (“未来之桥”|中拉青年领导人|千人|培训计划)
    ("实施“未来之桥”中拉青年领导人千人培训计划。", {("未来之桥中拉青年领导人千人培训计划", "PROGRAMME")}, set()),
    ("實施「光華」中非青年領導人千人研修計劃。", {("光华中非青年领导人千人研修计划", "PROGRAMME")}, set()),
    # (a kind of forum with no partners named is none)
    ("企业参加了智库交流论坛和媒体论坛。", set(), {"智库交流论坛", "媒体论坛"}),
])
def test_forums_and_programmes_of_kinds_of_people(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


# ---------------------------------------------------------------------------------------------- what a name found says
from test_relations import read  # noqa: E402,F401  (read: the module's fixture)


@pytest.mark.parametrize("sentence, figure", [
    # a person now found before 表示 tells of what was done since a fund was announced (自…宣布设立以来): he
    # announces no pledge
    ("吴海涛表示，自基金宣布设立以来，已为老挝提供300万美元。", "300万美元"),
    ("屈四喜表示，從該基金宣佈啟動至今，已向柬埔寨提供500萬美元。", "500万美元"),
])
def test_what_was_done_since_an_announcement_is_announced_by_no_one(read, sentence, figure):
    facts = read(sentence)
    assert not [m.name for f in facts if f.kind == "Pledge" and any(m.text.replace("萬", "万") == figure for _, m in f.roles)
                for r, m in f.roles if r == "announced_by"]
