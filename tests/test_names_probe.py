"""Names the extractor has never seen, found by probing it with texts of the genre written for it (news
of aid deliveries and handovers in Africa, Asia, Latin America and the Pacific, a ministry's release, a
regulation): each case is a pattern of Chinese that a rule now reads, and the near misses beside it
(generic phrases, words around the name) stay unnamed.

The sentences are made up (none is taken from a gold document)."""

from __future__ import annotations

import pytest

from test_nlp import tag
from conftest import entity_names as found, tagged


def assert_named(doc, names: set[tuple[str, str]], not_names: set[str] = frozenset()) -> None:
    """Each (name, type) of ``names`` is tagged in ``doc``; no name of ``not_names`` is."""
    for name, typ in names:
        assert name in found(doc, typ), tagged(doc)
    assert not not_names & found(doc), tagged(doc)


@pytest.mark.parametrize("sentence, names, not_names", [
    # the dateline's 电 (after a date or a place) is no part of the name that follows it
    ("新华社利马9月20日电 中国援秘鲁钱凯港配套道路项目20日竣工。",
     {("中国援秘鲁钱凯港配套道路项目", "PROJECT")}, {"电中国援秘鲁钱凯港配套道路项目"}),
    ("新华社河内电 越南胡志明市人民委员会与中方签署合作协议。",
     {("越南胡志明市人民委员会", "ORG")}, {"新华社河内电越南胡志明市人民委员会"}),
    # a verb after a body ends the name before it: the body does it
    ("中国江苏国际经济技术合作集团负责项目施工。",
     {("中国江苏国际经济技术合作集团", "ORG")}, {"中国江苏国际经济技术合作集团负责项目"}),
    # a kind of institution (公立医院), which jieba tags as a name, beside a hospital with a name
    ("受援国政府部门、地方政府和公立医院可以提出援助需求，斐济纳武阿医院已经提出。", {("斐济纳武阿医院", "PROJECT")},
     {"公立医院"}),
    # what a person does, which jieba tags a noun (会见), and the person before it are no words of a name
    # after them (罗照辉|会见|儿童|基金会); the agency by its name with 中国, simplified or traditional
    ("中国国际发展合作署署长罗照辉会见儿童基金会执行主任。", {("中国国际发展合作署", "ORG"), ("罗照辉", "PERSON")},
     {"中国国际发展合作署署长罗照辉会见儿童基金会"}),
    ("中國國際發展合作署署長羅照輝出席。", {("中国国际发展合作署", "ORG")}, set()),  # (names are read simplified)
])
def test_the_edges_of_a_name(extractor, sentence, names, not_names):
    assert_named(tag(extractor, sentence), names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a body's head jieba glued to its chief's title (储备|局局长, 矿产|部副|部长)
    ("肯尼亚国家粮食储备局局长姆万吉出席仪式。", {("肯尼亚国家粮食储备局", "ORG"), ("姆万吉", "PERSON")}, set()),
    ("厄瓜多尔能源和矿产部副部长卡洛斯·奥尔特加说，专家培训了技术人员。",
     {("厄瓜多尔能源和矿产部", "ORG"), ("卡洛斯·奥尔特加", "PERSON")}, set()),
    # a ministry of several fields whose minister follows (…技术|部长)
    ("坦桑尼亚教育、科学和技术部长阿道夫·姆肯达出席。", {("坦桑尼亚教育、科学和技术部", "ORG")}, set()),
    # 公共|工程|部长: the ministry of public works, not works
    ("玻利维亚公共工程部长埃德加·蒙塔尼奥出席通车仪式。",
     {("玻利维亚公共工程部", "ORG"), ("埃德加·蒙塔尼奥", "PERSON")}, {"玻利维亚公共工程"}),
    # a ministry named by a verb and its field after a country (计划|投资部)
    ("越南计划投资部副部长陈光芳出席签字仪式。", {("越南计划投资部", "ORG"), ("陈光芳", "PERSON")}, set()),
    # a country, a word, and a body China has by the same name: the country's body, not China's
    ("马里国民教育部秘书长阿马杜·图雷表示感谢。", {("马里国民教育部", "ORG")}, {"教育部"}),
    # an ordinal inside a company's name (第八|工程局)
    ("项目由中国建筑第八工程局有限公司承建。", {("中国建筑第八工程局有限公司", "ORG")}, set()),
    # a known body's department named by its field and a one-character head (对外|援助|司), and a province's
    # department (云南省|商务厅); a body's minister or its offices in general (有关司局) are none
    ("商务部对外援助司有关负责人答记者问，外交部部长出席。", {("商务部对外援助司", "ORG")}, {"外交部部长"}),
    ("联合国开发计划署驻华代表处与云南省商务厅签署合作备忘录。", {("云南省商务厅", "ORG"), ("云南省", "PLACE")}, set()),
    ("商务部有关司局负责人表示。", set(), {"商务部有关司"}),
])
def test_bodies_and_their_chiefs(extractor, sentence, names, not_names):
    assert_named(tag(extractor, sentence), names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a province's government: the province (省|政府)
    ("巴基斯坦开伯尔-普赫图赫瓦省政府与中国企业签署协议。", {"开伯尔-普赫图赫瓦省"}, set()),
    # the first character of a transliteration, cut off by jieba before a known place or a piece
    ("救援队抵达苏瓦市后前往拉苏瓦县。", {"拉苏瓦县", "苏瓦市"}, {"达苏瓦市", "苏瓦县"}),
    ("在奇通圭扎市举行的揭牌仪式上，院长致辞。", {"奇通圭扎市"}, {"通圭扎市"}),
    ("在斐济瓦努阿岛的拉巴萨镇，中国援建的农业示范站投入使用。", {"拉巴萨镇", "瓦努阿岛"}, {"巴萨镇"}),
    # a province and a town in it after 在: two places
    ("仪式在磅湛省斯昆镇举行。", {"磅湛省", "斯昆镇"}, {"磅湛省斯昆镇"}),
    # a province's head jieba glued to the village after it
    ("专家在坦桑尼亚莫罗戈罗省佩雅佩雅村开展试验。", {"佩雅佩雅村"}, {"省佩雅佩雅村"}),
    # transliterations jieba cut into two name pieces, listed with places
    ("该项目途经蒙希甘杰、马达里布尔和纳拉伊尔等地。", {"马达里布尔", "纳拉伊尔"}, {"马达里"}),
    ("洪水袭击了巴基斯坦信德省的拉尔卡纳和苏库尔等地。", {"拉尔卡纳"}, set()),
    # places listed before a count and a kind of place; a conjunction jieba left inside a word
    ("粮食分发至马拉维南部的恩桑杰、奇夸瓦和姆兰杰三个县。", {"恩桑杰", "奇夸瓦", "姆兰杰"}, {"奇夸瓦和姆兰杰"}),
    # a place after a place, not when it is a word of a longer name
    ("缅甸仰光省省长表示，中方援建的仰光新城项目进展顺利。", {"仰光省"}, {"新城"}),
    ("赞比西河沿岸的卡里巴湖水电项目同期启动。", set(), {"湖水"}),
    # townships (乡); home, town and country, a fellow villager are no places
    ("学员赴宁德市下党乡参观，他回到家乡，推进城乡一体化，住在老乡家里。", {"下党乡"}, {"家乡", "城乡", "老乡"}),
])
def test_places(extractor, sentence, names, not_names):
    doc = tag(extractor, sentence)
    assert names <= found(doc, "PLACE"), tagged(doc)
    assert not not_names & found(doc), tagged(doc)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a transliteration's piece jieba tagged as a numeral (科卡科|多|辛克雷)
    ("中国援厄瓜多尔的科卡科多辛克雷水电站技术合作项目在纳波省举行交接仪式。",
     {("科卡科多辛克雷水电站技术合作项目", "PROJECT")}, set()),
    # ports by their kind (渔港); a port of no name stays unnamed
    ("当地渔港很繁忙，中方援建的姆万扎渔港将带动当地经济。", {("姆万扎渔港", "PROJECT")}, {"当地渔港"}),
    # buildings (大楼)
    ("由中国援建的塔那那利佛市政大楼落成。", {("塔那那利佛市政大楼", "PROJECT")}, set()),
    # works after a disaster: 震后 is a time word inside the name
    ("中国援助的尼泊尔震后重建项目进展顺利。", {("尼泊尔震后重建项目", "PROJECT")}, set()),
    # a store of relief goods (储备库) named by the region it serves
    ("中国—太平洋岛国应急物资储备库在广州启用。", {("中国—太平洋岛国应急物资储备库", "PROJECT")}, set()),
    # more works of a known project, named by it (铁路|连接线 between the bridge and 项目)
    ("中国援助的帕德玛大桥铁路连接线项目在达卡举行开工仪式。", {("帕德玛大桥铁路连接线项目", "PROJECT")}, set()),
])
def test_works(extractor, sentence, names, not_names):
    assert_named(tag(extractor, sentence), names, not_names)


@pytest.mark.parametrize("sentence, persons, not_names", [
    # a person named in the works named after them (as the guide nests names), not in an airport's name
    ("中国企业承建的阿卜杜拉·姆泽水电站输电线路已竣工，专家从乔莫·肯雅塔国际机场回国。",
     {"阿卜杜拉·姆泽"}, {"阿卜杜拉·姆泽水电站输电线路", "乔莫·肯雅塔"}),
    ("中国援建的纪念恩克鲁玛体育场焕然一新。", {"恩克鲁玛"}, set()),
    # a dot-joined name starts after a place jieba knows whole
    ("中国政府资助的桑给巴尔阿卜杜拉·姆泽医院已服务民众十年。", {"阿卜杜拉·姆泽"}, {"巴尔阿卜杜拉·姆泽"}),
    # 历 and 山 inside a transliteration
    ("萨尔瓦多外交部长亚历山德拉·伊尔说，双方合作成果丰硕。", {"亚历山德拉·伊尔"}, {"德拉·伊尔"}),
    # whose title it is stands before a title its holder follows: no person
    ("埃塞总理阿比·艾哈迈德出席仪式。", {"阿比·艾哈迈德"}, {"埃塞"}),
    # jieba glued 说 to the last piece of a name
    ("肯尼亚卫生部长卡加维说，疫苗已经运抵。", {"卡加维"}, {"卡加维说"}),
    # an assistant minister (部长助理), a secretary of state (国务卿) and a consul general (总领事) are titles
    ("埃塞俄比亚总理在亚的斯亚贝巴会见中国外交部部长助理吴鹏。", {"吴鹏"}, set()),
    ("美国国务卿布林肯表示，中国驻洛杉矶总领事张平出席。", {"布林肯", "张平"}, set()),
])
def test_persons(extractor, sentence, persons, not_names):
    doc = tag(extractor, sentence)
    assert persons <= found(doc, "PERSON"), tagged(doc)
    assert not not_names & found(doc, "PERSON"), tagged(doc)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a rank among works is a description, not a name
    ("蒙内铁路连接东非第一大港蒙巴萨与首都内罗毕。", {("蒙巴萨", "PLACE")}, {"东非第一大港"}),
    # a quoted name and the head of works after it; not a quoted initiative and the countries in it
    ("中方援建的“中柬友谊”光伏电站并网发电，共建“一带一路”国家公路建设加快。",
     {("中柬友谊光伏电站", "PROJECT")}, {"一带一路国家公路"}),
    # the body that runs known works names them, and the place in them
    ("招商局港口取得了汉班托塔港港务局的股权。",
     {("汉班托塔港港务局", "ORG"), ("汉班托塔港", "PROJECT"), ("汉班托塔", "PLACE")}, set()),
    # a people's hospital is a body of China's health system, not works
    ("浙江省人民医院派出专家赴斐济。", {("浙江省人民医院", "ORG")}, set()),
])
def test_works_and_the_bodies_named_by_them(extractor, sentence, names, not_names):
    assert_named(tag(extractor, sentence), names, not_names)


@pytest.mark.parametrize("sentence, names", [
    # an institute of a university names the university
    ("云南大学东南亚研究院研究员李明说，合作成果丰硕。", {("云南大学东南亚研究院", "ORG"), ("云南大学", "ORG")}),
    # 位于X的: a place before 的
    ("中国援建的医院位于姆巴拉拉的郊外。", {("姆巴拉拉", "PLACE")}),
])
def test_names_inside_and_before(extractor, sentence, names):
    assert_named(tag(extractor, sentence), names)


@pytest.mark.parametrize("sentence, names", [
    # a quoted name inside a project's name: the project, and the works quoted in it
    ("双方签署了援马拉维姆祖祖“中马友谊学校”扩建项目。",
     {("马拉维姆祖祖中马友谊学校扩建项目", "PROJECT"), ("中马友谊学校", "PROJECT")}),
    # a cooperation action by its head (合作行动), as a plan or an initiative is named
    ("中拉青年科学家交流计划和中非卫生健康合作行动也在同期启动。", {("中非卫生健康合作行动", "PROGRAMME")}),
])
def test_projects_and_programmes_by_their_heads(extractor, sentence, names):
    assert_named(tag(extractor, sentence), names)


@pytest.mark.parametrize("sentence, person, not_name", [
    # the Japanese middle dot of scraped pages joins a foreign name as · does; 夏 inside a transliteration
    ("巴基斯坦总理夏巴兹・谢里夫对中方表示感谢。", "夏巴兹・谢里夫", "巴兹・谢里夫"),
])
def test_dot_joined_names_in_other_dots(extractor, sentence, person, not_name):
    doc = tag(extractor, sentence)
    names = {m.text for m in doc.mentions if m.type == "PERSON"}
    assert person in names and not_name not in names, tagged(doc)


def test_an_ocean_and_its_area_is_a_region(extractor):
    doc = tag(extractor, "印度洋地区的岛国也受益，北京地区和青海地区的学校很多。")
    assert "印度洋地区" in found(doc, "REGION"), tagged(doc)
    assert not {"北京地区", "青海地区"} & found(doc) and "印度洋" not in found(doc, "PLACE"), tagged(doc)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a country and a media head: an outlet (as a country's red cross or embassy is a body)
    ("来源：中国新闻网 作者：刘洋", {("中国新闻网", "ORG")}, set()),
    # a numeral and a place's head counts places
    ("路灯项目覆盖雅温得和杜阿拉两市。", {("杜阿拉", "PLACE")}, {"两市"}),
])
def test_outlets_and_counted_places(extractor, sentence, names, not_names):
    assert_named(tag(extractor, sentence), names, not_names)


def test_a_round_table_of_ministers_is_a_meeting(extractor):
    doc = tag(extractor, "中国—小岛屿国家海洋合作部长圆桌会议在平潭召开，会议采用圆桌会议形式。")
    assert "中国—小岛屿国家海洋合作部长圆桌会议" in found(doc, "MEETING"), tagged(doc)
    assert "圆桌会议" not in found(doc), tagged(doc)


@pytest.mark.parametrize("sentence, name", [
    # the aided form (援 + the recipient) names a facility China built, whatever its head says
    ("中国援卢旺达农业技术示范中心培训了大批农民。", "中国援卢旺达农业技术示范中心"),
    ("中国援赞比亚职业技术学院开学。", "中国援赞比亚职业技术学院"),
    # a verb inside the name (示范) and no donor before 援: the aided form still names the facility
    ("援马达加斯加杂交水稻示范中心在塔那那利佛举行技术培训班结业典礼。", "援马达加斯加杂交水稻示范中心"),
])
def test_an_aided_facility_is_a_project(extractor, sentence, name):
    doc = tag(extractor, sentence)
    assert name in found(doc, "PROJECT") and name not in found(doc, "ORG"), tagged(doc)


def test_a_forum_of_a_proper_word_and_a_common_one(extractor):
    doc = tag(extractor, "中方在南南合作与发展高级别论坛上宣布了新举措。")
    assert "南南合作与发展高级别论坛" in found(doc, "FORUM"), tagged(doc)
    assert "发展高级别论坛" not in found(doc), tagged(doc)


@pytest.mark.parametrize("sentence, person, not_name", [
    # a team member (队员) is a title a name follows
    ("图为中国医疗队队员刘海（右）为当地患者检查身体。", "刘海", ""),
    # a person's age after the name is no part of it
    ("受访者姆万吉·卡马乌今年45岁，是一名菌草种植户。", "姆万吉·卡马乌", "姆万吉·卡马乌今年"),
])
def test_persons_in_feature_stories(extractor, sentence, person, not_name):
    doc = tag(extractor, sentence)
    names = found(doc, "PERSON")
    assert person in names and not_name not in names, tagged(doc)


def test_a_session_of_ministers_jieba_joined_to_the_when(extractor):
    # 外长|会于: the meeting's 会 and the 于 of its date, as 外长|会上; 部长会在 is "the minister will", no meeting
    doc = tag(extractor, "澜湄合作第四次外长会于2018年12月17日在老挝琅勃拉邦举行。外交部长会在北京会见客人。")
    assert "澜湄合作第四次外长会" in found(doc, "MEETING") and len(found(doc, "MEETING")) == 1, tagged(doc)


@pytest.mark.parametrize("sentence, names", [
    # quoted names listed before what they all are (等…项目)
    ("中方实施了“光明行”“爱心行”等医疗援助项目。", {"光明行", "爱心行"}),
    ("中方开展了“幸福家园”、“妇幼健康”和“快乐校园”等项目。", {"幸福家园", "妇幼健康", "快乐校园"}),
    # a version of a plan is part of its name
    ("中方将实施“中非科技伙伴计划2.0”。", {"中非科技伙伴计划2.0"}),
])
def test_quoted_programmes_listed_or_versioned(extractor, sentence, names):
    doc = tag(extractor, sentence)
    assert names <= {n.strip("“”") for n in found(doc, "PROGRAMME")}, tagged(doc)


def test_quoted_words_that_name_nothing_stay_unnamed(extractor):
    assert not found(tag(extractor, "他说“你好”“再见”，然后离开。")), "no head after them"
