"""Names no gold document has, found by the name grammar (issue 12: new-name recall): projects, places,
regions, bodies and persons in probe texts of the genre written for this file (Xinhua items on handovers and
ground-breakings, an embassy's release, a ministry's note, a forum plan; simplified and traditional), each
case a pattern of Chinese, with the generic phrases beside it that must stay unnamed (港口城市, 非洲铁路,
基础设施项目, 有关项目, 该项目).

The sentences are made up: none is taken from a gold document."""

from __future__ import annotations

import pytest

from test_names_probe import assert_named
from test_nlp import tag

# phrases of the genre that name nothing: every probe text below may hold some, and none may be tagged
GENERIC = frozenset({"港口城市", "非洲铁路", "基础设施项目", "有关项目", "该项目", "沿岸国家", "岛国", "有限公司", "建设有限公司",
                     "国家", "项目", "工程", "铁路", "公路"})


def probe(extractor, sentence, names, not_names=frozenset()):
    assert_named(tag(extractor, sentence), set(names), set(not_names) | GENERIC)


# ---------------------------------------------------------------------------------------------- persons
@pytest.mark.parametrize("sentence, names", [
    # a leader's name after his title, before what the two sides hold (举行会谈, 通话) or do at a ceremony
    ("国家主席习近平同肯尼亚总统鲁托举行会谈，双方同意推进该项目。", {("鲁托", "PERSON")}),
    ("马拉维总统查克维拉剪彩并参观了有关项目。", {("查克维拉", "PERSON")}),
    ("中国驻多哥大使陈志宏见证了基础设施项目的签约。", {("陈志宏", "PERSON")}),
    ("赞比亚总统希奇莱马通话时感谢中方。", {("希奇莱马", "PERSON")}),
    ("國家主席習近平同烏干達總統穆塞韋尼舉行會談。", {("穆塞韦尼", "PERSON")}),
    ("所罗门群岛总理马内莱陪同中方代表参观港口城市。", {("马内莱", "PERSON")}),
])
def test_a_person_before_what_leaders_do(extractor, sentence, names):
    probe(extractor, sentence, names)


# ---------------------------------------------------------------------------------------------- places
@pytest.mark.parametrize("sentence, names, not_names", [
    # counties (郡) and states (邦) are administrative heads like 省, 州, 县: after a known place or a transliteration
    ("中国援建的水井位于肯尼亚马查科斯郡，惠及港口城市周边村庄。", {("马查科斯郡", "PLACE")}, {"马查科斯"}),
    ("医疗队抵达肯尼亚基图伊郡后开展义诊。", {("基图伊郡", "PLACE")}, set()),
    ("该项目在缅甸克钦邦实施。", {("克钦邦", "PLACE")}, set()),
    ("物资运抵印度尼西亚马鲁古省后，发往有关项目所在地。", {("马鲁古省", "PLACE")}, set()),
    # a hyphenated place whose first half jieba cut into a word and a character (阿齐|莫|-|安德烈|法纳区)
    ("救灾物资运抵马达加斯加阿齐莫-安德烈法纳区后立即分发。", {("阿齐莫-安德烈法纳区", "PLACE")}, {"安德烈法纳区"}),
    # (a word of the language before a place jieba knows whole stays out: 友邦 is a friend, not a state)
    ("中国是巴基斯坦的友邦，双方合作建设港口城市。", set(), {"友邦"}),
])
def test_places_by_their_administrative_head(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


# ---------------------------------------------------------------------------------------------- regions
@pytest.mark.parametrize("sentence, names, not_names", [
    # the countries on a sea's, a river's or an ocean's shores, and a region's island states: one group each
    ("中方支持印度洋沿岸国家和红海沿岸国家发展蓝色经济。",
     {("印度洋沿岸国家", "REGION"), ("红海沿岸国家", "REGION"), ("印度洋", "PLACE")}, set()),
    ("中国同湄公河沿岸国家开展合作，港口城市和沿岸国家受益。",
     {("湄公河沿岸国家", "REGION"), ("湄公河", "PLACE")}, set()),
    ("加勒比岛国受到飓风影响，中方提供了紧急援助。", {("加勒比岛国", "REGION")}, {"加勒比"}),
    ("中方向太平洋岛国和印度洋岛国提供援助。", {("太平洋岛国", "REGION"), ("印度洋岛国", "REGION")}, {"太平洋"}),
    ("中方願同地中海沿岸國家加強合作。", {("地中海沿岸国家", "REGION")}, set()),
    # (沿岸国家 and 岛国 alone, or after a country, are kinds, not names)
    ("许多岛国和沿岸国家面临海平面上升的威胁。", set(), set()),
])
def test_regions_by_their_waters(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


# ---------------------------------------------------------------------------------------------- bodies
@pytest.mark.parametrize("sentence, names, not_names", [
    # a company named by its trade (建设, a verbal noun) between its country's name and its legal form
    ("中国交通建设股份有限公司与当地政府签署基础设施项目合同。", {("中国交通建设股份有限公司", "ORG")}, set()),
    ("中国水利水电建设股份有限公司承建该项目。", {("中国水利水电建设股份有限公司", "ORG")}, set()),
    ("中國鐵路工程建設有限公司負責施工。", {("中国铁路工程建设有限公司", "ORG")}, set()),
    # (a company's trade and legal form with no name before them are no name)
    ("该项目由当地的投资建设有限公司参与。", set(), {"投资建设有限公司"}),
])
def test_companies_named_by_their_trade(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


# ---------------------------------------------------------------------------------------------- projects
@pytest.mark.parametrize("sentence, names, not_names", [
    # works numbered among their kind (一号公路, 2号热电厂): the number is part of the name
    ("中国援建的刚果（布）国家一号公路全线贯通，非洲铁路和公路网络不断完善。",
     {("刚果(布)国家一号公路", "PROJECT")}, set()),
    ("塔吉克斯坦杜尚别2号热电厂举行竣工仪式。", {("塔吉克斯坦杜尚别2号热电厂", "PROJECT"), ("杜尚别", "PLACE")}, set()),
    # works on works (疏浚 a port, 改造 a road): a project, not a programme, however jieba cuts the works' name
    ("卡宴港疏浚工程近日顺利完工。", {("卡宴港疏浚工程", "PROJECT")}, set()),
    ("中企承建的蒙巴萨公路改造工程竣工。", {("蒙巴萨公路改造工程", "PROJECT")}, set()),
])
def test_works_by_number_and_on_works(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a phase of a project (…项目|二期|工程, …项目二期工程 as one token): works, not a programme
    ("由中国援建的卡巴莱市政供水项目二期工程近日通过验收。", {("卡巴莱市政供水项目二期工程", "PROJECT")}, set()),
    ("中国援建的马拉维供水项目三期工程启动，有关项目进展顺利。", {("马拉维供水项目三期工程", "PROJECT")}, set()),
    # a demonstration centre named by a place or a transliteration: works built there (not a kind of body)
    ("中方援建的卡索马农业示范中心日前在基塔郡揭牌。", {("卡索马农业示范中心", "PROJECT"), ("基塔郡", "PLACE")}, set()),
    ("中國援建的恩賈梅納農業技術示範中心舉行移交儀式。", {("恩贾梅纳农业技术示范中心", "PROJECT")}, set()),
    # (a kind of centre, with no place in its name, is none)
    ("中国在非洲建设了多个农业技术示范中心。", set(), {"农业技术示范中心"}),
])
def test_phases_and_centres(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # where a thing is done (在X开展, 在X实施, 在X揭牌): a transliteration there is a place
    ("中国专家在恩扎雷科雷开展义诊，并参观了港口城市。", {("恩扎雷科雷", "PLACE")}, set()),
    ("中方在卡西塔实施了一批民生项目。", {("卡西塔", "PLACE")}, set()),
    # (words of the language there are no place)
    ("中国在教育领域开展合作，在当地开展培训，在多个国家实施项目。", set(), {"教育领域", "当地", "多个国家"}),
    # a news agency's dateline: where the item was filed
    ("新华社恩戈罗5月20日电 由中国企业承建的恩戈罗水电站项目20日开工。",
     {("恩戈罗", "PLACE"), ("恩戈罗水电站项目", "PROJECT")}, set()),
    ("新华社马诺瓦电 中国援建的学校日前竣工。", {("马诺瓦", "PLACE")}, set()),
    ("新華社塔庫巴10月3日電 中國援建的醫院移交。", {("塔库巴", "PLACE")}, set()),
    # (a body's seat in a dateline is the body, and a known place needs no rule)
    ("新华社联合国9月20日电 中方宣布提供援助。", {("联合国", "ORG")}, {"联合国9月20日"}),
])
def test_places_by_what_is_done_there(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a ministry of several fields before its minister's title, the last field glued to it (海洋|经济部长)
    ("塞内加尔渔业和海洋经济部长出席了有关项目的交接仪式。", {("塞内加尔渔业和海洋经济部", "ORG")}, set()),
    # (a minister of one field names no body: 电力部长 is a title; an ambassador and his name are no fields)
    ("巴基斯坦电力部长出席仪式。", set(), {"巴基斯坦电力部"}),
    ("中国驻叙利亚大使与叙地方管理与环境部副部长出席。", set(), {"叙利亚大使与叙地方管理与环境部"}),
    # a region of a country by its direction, which jieba cuts across (中|北大|区): not 北大区
    ("布基纳法索北部大区和中北大区的灾民收到了中国援助的粮食。",
     {("北部大区", "PLACE"), ("中北大区", "PLACE")}, {"北大区"}),
    # a double surname joined by a hyphen after a dot-joined name
    ("粮食计划署布基纳法索国家主任艾丽斯·马丁-达伊表示，中方援助非常及时。",
     {("艾丽斯·马丁-达伊", "PERSON")}, {"艾丽斯·马丁"}),
    ("法国专家让·皮埃尔-卢克说，该项目十分重要。", {("让·皮埃尔-卢克", "PERSON")}, set()),
])
def test_ministries_directions_and_hyphens(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # special economic zones and sports centres named by their place: works (not a place in a place)
    ("坦桑尼亚巴加莫约经济特区项目正在规划中。", {("坦桑尼亚巴加莫约经济特区项目", "PROJECT")}, {"经济特区"}),
    ("尼日利亚莱基自由贸易区和奥贡广东自由贸易区吸引了中国企业入驻。",
     {("尼日利亚莱基自由贸易区", "PROJECT"), ("奥贡广东自由贸易区", "PROJECT")}, {"自由贸易区"}),
    ("中國政府援建的肯尼亞莫伊國際體育中心完成改造。", {("肯尼亚莫伊国际体育中心", "PROJECT")}, set()),
    # (the kinds alone are none)
    ("中国在非洲建设了多个经济特区、体育中心和基础设施项目。", set(), {"经济特区", "体育中心"}),
])
def test_zones_and_centres_are_works(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a verb before 援 is no word of the aided project's name (签约|援乌干达…项目)
    ("中方代表与乌方签约援乌干达恩特比机场改扩建项目。", {("援乌干达恩特比机场改扩建项目", "PROJECT")},
     {"乌方签约援乌干达恩特比机场改扩建项目"}),
    ("双方签署援几内亚比绍卡松果渔港项目。", {("援几内亚比绍卡松果渔港项目", "PROJECT")}, {"双方签署援几内亚比绍卡松果渔港项目"}),
    # a known country or place that goes on a longer transliteration inside a project's name is none of its own
    ("中国援助建设的苏丹麦洛维大坝是该国最大的水利工程。", {("苏丹麦洛维大坝", "PROJECT")}, {"丹麦"}),
    ("双方签署了关于援建布隆迪穆哈马尔学校的协议。", {("布隆迪穆哈马尔学校", "PROJECT"), ("布隆迪", "COUNTRY")}, {"哈马尔"}),
    # (a place after a country's name, or a direction before a known place, stays one)
    ("2020年竣工的吉尔吉斯斯坦伊塞克湖环湖公路提升了当地交通条件。", {("吉尔吉斯斯坦", "COUNTRY")}, set()),
    ("中國援建的薩摩亞法雷奧洛國際機場新航站樓啟用。",
     {("萨摩亚法雷奥洛国际机场新航站楼", "PROJECT"), ("萨摩亚", "COUNTRY")}, set()),
])
def test_the_edges_of_aided_works(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a name jieba does not know before a title, at the start of a clause (宋赛|总理, 通伦|主席)
    ("宋赛总理感谢中方援助。", {("宋赛", "PERSON")}, set()),
    ("会上，通伦主席表示感谢，该项目惠及民众。", {("通伦", "PERSON")}, set()),
    ("仪式上，纳西姆总统为医院剪彩。", {("纳西姆", "PERSON")}, set()),
    # (a side or a country before a title is none: 巴方总理; nor a word after a verb: 随后总统)
    ("巴方总理出席，随后总统也出席了有关项目的仪式。", set(), {"巴方", "随后"}),
    # an office of an agency (办事处, 联络处) is a body like its 代表处
    ("据世界粮食计划署老挝国家办事处主任马科·斯坦科介绍，项目惠及万名儿童。",
     {("世界粮食计划署老挝国家办事处", "ORG"), ("马科·斯坦科", "PERSON")}, set()),
    ("聯合國兒童基金會駐華辦事處代表出席。", {("联合国儿童基金会驻华办事处", "ORG")}, set()),
])
def test_persons_before_titles_and_offices(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # two places with their heads joined by 和, which jieba glues across (萨拉|湾|省和色|贡省), and a character of
    # a name jieba leaves as a morpheme (湾|zg)
    ("项目惠及萨拉湾省和色贡省的5万名学生。", {("萨拉湾省", "PLACE"), ("色贡省", "PLACE")}, {"贡省"}),
    ("项目在老挝萨拉湾、色贡和阿速坡三省实施。", {("萨拉湾", "PLACE"), ("色贡", "PLACE")}, set()),
    # a list of places that ends in 等地, none known; a transliteration jieba tags as a pronoun (多里|r)
    ("粮食分发覆盖了多里、吉博和阿尔宾达等地。", {("多里", "PLACE"), ("吉博", "PLACE"), ("阿尔宾达", "PLACE")}, set()),
    ("世界粮食计划署在多里市、吉博市开展粮食援助。", {("多里市", "PLACE"), ("吉博市", "PLACE")}, set()),
    # (pronouns and words of the language in such a list are none)
    ("这里、那里和各地等地都有项目，这里市场很大。", set(), {"这里", "那里", "这里市"}),
    # 拿 is a character of transliterations: 沙湾拿吉 is one place, with no 沙湾 in it
    ("中方在万象、琅勃拉邦和沙湾拿吉设立了培训中心。", {("沙湾拿吉", "PLACE")}, {"沙湾"}),
])
def test_places_jieba_cuts(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a Chinese name jieba cuts into pieces before a title, at the start of a clause (姜再|冬|大使)
    ("姜再冬大使在仪式上致辞，感谢有关项目的建设者。", {("姜再冬", "PERSON")}, set()),
    ("会上，林松涛大使宣布了新的援助。", {("林松涛", "PERSON")}, set()),
    # (a side, a body or a word before a title is none: 马方大使, 欧盟主席, 高级代表)
    ("马方大使出席，高级代表和欧盟主席出席。", {("欧盟", "ORG")}, {"马方", "高级"}),
    # a chief's title whose 长 jieba glued to the name after it (外|长沙|伦赛): the name, and no city 长沙
    ("据老挝通讯社报道，老挝副总理兼外长沙伦赛出席了仪式。", {("沙伦赛", "PERSON"), ("老挝通讯社", "ORG")}, {"长沙"}),
    # (a province's 省 before 长沙 is a province and a city, not a governor)
    ("他在湖南省长沙县工作。", {("长沙县", "PLACE")}, {"沙县"}),
    # a rank or a title after a name ends it (特拉奥雷|上尉, 杰西·伍德|代表)
    ("布基纳法索过渡总统特拉奥雷上尉会见了中国大使。", {("特拉奥雷", "PERSON")}, {"特拉奥雷上尉"}),
    ("杰西·伍德代表感谢中方支持。", {("杰西·伍德", "PERSON")}, {"杰西·伍德代表"}),
    # who the aid is for, a noun of the project's name (流离失所|者)
    ("中方通过南南合作援助基金实施布基纳法索境内流离失所者粮食援助项目。",
     {("布基纳法索境内流离失所者粮食援助项目", "PROJECT")}, set()),
])
def test_persons_jieba_cuts_and_ranks(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # works named by the place they are in (a dam, a road, a port, a wharf): the place is nested in the project,
    # however many pieces jieba cut its transliteration into (恩|戈罗|水电站, 塔纳|瓦港, 卢甘|维尔|码头)
    ("由中国企业承建的恩戈罗水电站项目20日开工。", {("恩戈罗水电站项目", "PROJECT"), ("恩戈罗", "PLACE")}, set()),
    ("2022年11月竣工的塔纳瓦港扩建项目极大提升了港口吞吐能力。", {("塔纳瓦港扩建项目", "PROJECT"), ("塔纳瓦", "PLACE")}, set()),
    ("该国最大的巴迪亚水电站和基洛萨公路都是中国援建的。",
     {("巴迪亚水电站", "PROJECT"), ("巴迪亚", "PLACE"), ("基洛萨公路", "PROJECT"), ("基洛萨", "PLACE")}, set()),
    ("瓦努阿图卢甘维尔码头扩建项目在桑托岛启动。", {("卢甘维尔", "PLACE"), ("桑托岛", "PLACE")}, {"维尔"}),
    ("中國援建的馬努薩大橋日前合龍。", {("马努萨大桥", "PROJECT"), ("马努萨", "PLACE")}, set()),
    # (works named by a word or after a person name no place: 东方公路, 友谊大桥, 卡穆祖体育场)
    ("中国援建的东方公路和友谊大桥通车，马拉维卡穆祖体育场竣工。", set(), {"东方", "友谊", "卡穆祖"}),
])
def test_the_place_that_names_works(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a sub-region of a known region (东非|次|区域), as of a river (湄公河次区域)
    ("中方支持东非次区域和西非次区域的一体化进程。", {("东非次区域", "REGION"), ("西非次区域", "REGION")}, set()),
    # an area jieba knows as a proper noun, whose countries the text speaks of: a region of several countries
    ("安第斯地区国家和亚马孙地区国家参加了会议。", {("安第斯地区", "REGION"), ("亚马孙地区", "REGION")}, set()),
    # (kinds of area are none, even before 国家)
    ("沿海地区国家、偏远地区国家和贫困地区国家受益于有关项目。", set(), {"沿海地区", "偏远地区", "贫困地区"}),
])
def test_regions_by_their_parts(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # an agency whose head jieba keeps in an idiom-tagged word (发展署|l)
    ("赞比亚发展署和赞比亚国家电力公司参加了签约。", {("赞比亚发展署", "ORG"), ("赞比亚国家电力公司", "ORG")}, set()),
    # a group named by its trade, with no legal form after it (中国电力|建设|集团)
    ("项目由中国电力建设集团所属的公司承建。", {("中国电力建设集团", "ORG")}, set()),
    # an embassy's economic and commercial office
    ("新华社记者从中国驻尼日利亚使馆经济商务处获悉，该项目进展顺利。", {("中国驻尼日利亚使馆经济商务处", "ORG")}, set()),
    ("中國駐湯加使館經商處參贊出席。", {("中国驻汤加使馆经商处", "ORG")}, set()),
    # (a trade and a head with no name before them are none)
    ("该项目由当地的投资建设有限公司参与，援助建设集团也参与。", set(), {"投资建设有限公司", "援助建设集团"}),
])
def test_agencies_groups_and_offices(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # works joining two partners by their one-character abbreviations, China one of them or not
    ("坦赞铁路和肯乌铁路是东非的重要通道。", {("肯乌铁路", "PROJECT")}, set()),
    ("中缅油气管道和中泰高铁取得进展。", {("中泰高铁", "PROJECT")}, set()),
    # (two abbreviations are no place in the works' name; a country's short name and a direction are no partners)
    ("塞乌铁路和老泰铁路即将开工。", {("塞乌铁路", "PROJECT"), ("老泰铁路", "PROJECT")}, {"塞乌", "老泰"}),
    ("印尼铁路和东非铁路发展迅速，非洲铁路受到重视。", set(), {"印尼铁路", "东非铁路", "非洲铁路"}),
    ("该国修建了南北铁路和东西公路。", set(), {"东西", "南北"}),
])
def test_works_of_two_partners(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # the place a known project is named by (本格拉|铁路); two characters are the abbreviations of its two ends
    ("中国援助的安哥拉罗安达铁路和本格拉铁路修复工程完工。", {("本格拉", "PLACE")}, set()),
    ("蒙内铁路和阿卡铁路通车，坦赞铁路修复。", {("蒙内铁路", "PROJECT")}, {"蒙内", "阿卡", "坦赞"}),
    # a title before 与 is no word of a body's name (陆山|大使|与|粮食计划署)
    ("陆山大使与粮食计划署代表共同签署协议。", {("陆山", "PERSON")}, {"陆山大使与粮食计划署"}),
])
def test_known_works_and_titles_before_bodies(extractor, sentence, names, not_names):
    probe(extractor, sentence, names, not_names)


@pytest.fixture(scope="module")
def unlearned():
    """A tagger without the names learned from the gold files: the grammar and the lexicon alone, as on names
    no gold file has."""
    from kg.extract.nlp import Extractor

    extractor = Extractor()
    extractor.nlp.tokenizer.set_patterns([])
    return extractor


@pytest.mark.parametrize("sentence, names, not_names", [
    ("陆山大使与粮食计划署代表共同签署协议。", {("陆山", "PERSON")}, {"陆山大使与粮食计划署"}),
    ("中国援助的本格拉铁路修复工程完工。", {("本格拉", "PLACE")}, set()),
    ("湄公河次区域国家和东非次区域国家参加会议。", {("湄公河次区域", "REGION"), ("东非次区域", "REGION")}, set()),
    ("巴基斯坦国家灾害管理局主席表示感谢。", {("巴基斯坦国家灾害管理局", "ORG")}, set()),
])
def test_the_grammar_without_learned_names(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a preposition jieba glued to a name it does not know (为恩贡|医院): the name after it
    ("中方为恩贡医院捐赠了医疗设备。", {("恩贡医院", "PROJECT")}, {"为恩贡医院"}),
    ("中國向卡莫迪醫院捐贈了醫療設備。", {("卡莫迪医院", "PROJECT")}, set()),
    # the edges of works' names after an adverbial at a clause's start
    ("据介绍，塔纳瓦港扩建项目总投资5亿美元。", {("塔纳瓦港扩建项目", "PROJECT")}, {"据介绍塔纳瓦港扩建项目"}),
    ("目前，恩戈罗水电站二期工程正在建设中。", {("恩戈罗水电站二期工程", "PROJECT")}, set()),
    ("同时，中方还援建了基塔农业示范中心和托马学校。",
     {("基塔农业示范中心", "PROJECT"), ("托马学校", "PROJECT")}, {"中方还援建了基塔农业示范中心"}),
])
def test_the_left_edge_of_works(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # names listed after one title, joined by 、 and 和 (专家王伟、李明和张华)
    ("中方专家王伟、李明和张华参加了培训。",
     {("王伟", "PERSON"), ("李明", "PERSON"), ("张华", "PERSON")}, set()),
    ("出席仪式的有大使陈曦和参赞刘波。", {("陈曦", "PERSON"), ("刘波", "PERSON")}, set()),
    # (what follows 和 that is no name stays out: 夫人, a country)
    ("大使王伟和夫人出席，大使李明与老挝官员会谈。", {("王伟", "PERSON"), ("李明", "PERSON")}, {"王伟和夫", "夫人"}),
    # the person a delegation is named by (王小龙一行)
    ("老挝国家主席通伦·西苏里会见了王小龙一行。", {("王小龙", "PERSON"), ("通伦·西苏里", "PERSON")}, set()),
    ("會見了卡馬拉一行，卡马拉一行还参观了学校。", {("卡马拉", "PERSON")}, set()),
    # (a body or a side before 一行 is none; nor 统一行动)
    ("代表团一行抵达万象，中方一行参观了学校，各方统一行动。", set(), {"代表团", "中方一行", "各方统"}),
    # a double given name joined by a hyphen before the dot (玛丽-劳尔·伯特兰)
    ("世界粮食计划署驻老挝代表处主任玛丽-劳尔·伯特兰出席。", {("玛丽-劳尔·伯特兰", "PERSON")}, {"劳尔·伯特兰"}),
])
def test_lists_delegations_and_double_names(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a body's head and its chief's title in one token (协会会长): the body ends at its head
    ("中国—老挝友好协会会长出席了有关项目的仪式。", {("中国—老挝友好协会", "ORG")}, set()),
    ("中國—柬埔寨友好協會會長出席。", {("中国—柬埔寨友好协会", "ORG")}, set()),
    ("老挝红十字会会长出席。", {("老挝红十字会", "ORG")}, {"老挝红十字会会长"}),
])
def test_a_body_before_its_chief(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a partner's one-character abbreviation before 中 (老|中, 柬|中): the pair names a body, as 中老 does
    ("老挝总理府部长、老中合作委员会主席赛桑·苏蒂冯出席。", {("老中合作委员会", "ORG"), ("赛桑·苏蒂冯", "PERSON")}, set()),
    ("巴中友好协会和柬中友好协会举办活动。", {("巴中友好协会", "ORG"), ("柬中友好协会", "ORG")}, set()),
    # (中 after 在/其 is "in", not China)
    ("在土中发现，其中非中国的项目较少。", set(), {"土中", "其中"}),
])
def test_a_partner_and_china(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names, not_names", [
    # a line from a known place to one the lexicon does not know: the line, and its unknown end a place
    ("尼日利亚阿布贾至卡杜纳铁路已于2016年建成通车。", {("阿布贾至卡杜纳铁路", "PROJECT"), ("卡杜纳", "PLACE")},
     {"卡杜纳铁路"}),
    # the project on a line, with the country it is in (肯尼亚|内罗毕至蒙巴萨高速公路|项目)
    ("中国企业承建的肯尼亚内罗毕至蒙巴萨高速公路项目相继建成。",
     {("肯尼亚内罗毕至蒙巴萨高速公路项目", "PROJECT"), ("内罗毕", "PLACE"), ("蒙巴萨", "PLACE")}, set()),
    # the number of the works inside a project's name (国家|1|号|公路|项目)
    ("中国援建的刚果（布）国家1号公路项目竣工。", {("刚果(布)国家1号公路项目", "PROJECT")}, set()),
])
def test_lines_and_numbered_works(unlearned, sentence, names, not_names):
    probe(unlearned, sentence, names, not_names)


@pytest.mark.parametrize("sentence, names", [
    # the same grammar on traditional characters (read simplified), with no gold-learned names
    ("中國援建的塔納瓦港擴建項目竣工，肯尼亞馬查科斯郡受益。",
     {("塔纳瓦港扩建项目", "PROJECT"), ("塔纳瓦", "PLACE"), ("马查科斯郡", "PLACE")}),
    ("中方支持印度洋沿岸國家和加勒比島國發展藍色經濟。", {("印度洋沿岸国家", "REGION"), ("加勒比岛国", "REGION")}),
    ("老撾總理宋賽感謝中方，王小龍一行參觀了項目。", {("宋赛", "PERSON"), ("王小龙", "PERSON")}),
    ("新華社恩戈羅5月20日電 中國援建的學校竣工。", {("恩戈罗", "PLACE")}),
    ("據介紹，項目惠及薩拉灣省和色貢省的學生。", {("萨拉湾省", "PLACE"), ("色贡省", "PLACE")}),
    ("中國交通建設股份有限公司承建的阿布賈至卡杜納鐵路通車。",
     {("中国交通建设股份有限公司", "ORG"), ("阿布贾至卡杜纳铁路", "PROJECT"), ("卡杜纳", "PLACE")}),
])
def test_traditional_characters(unlearned, sentence, names):
    probe(unlearned, sentence, names)


@pytest.mark.parametrize("sentence", [
    # kinds of works, areas and people the grammar above reads around: no name in any
    "该项目是港口城市的重要基础设施项目，有关项目和非洲铁路建设同步推进。",
    "中方在当地援建的体育中心、经济特区和示范中心均已竣工，二期工程即将开工。",
    "许多岛国和沿岸国家关注气候变化，该国一号公路和2号码头正在修复。",
    "中国企业承建的水电站项目和公路项目惠及当地民众，项目二期工程顺利推进。",
    "中国医疗队在当地开展义诊，在首都开展培训，在该省实施项目。",
    "专家和志愿者、代表团一行参观了项目，大使和参赞出席。",
])
def test_generic_phrases_stay_unnamed(unlearned, sentence):
    names = {(m.name, m.type) for m in tag(unlearned, sentence).mentions if not m.is_value}
    assert {t for _, t in names} <= {"COUNTRY", "REGION"}, names
