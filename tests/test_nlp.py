"""Entity and value tagging on sentences of the genre (not only the bundled text)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
import srsly
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, registry

from kg.errors import InputError
from kg.ingest import split
from kg.model import Document
from kg.extract.lexicon import load, load_with_learned
from kg.extract.nlp import SHIPPED_MODEL, Extractor, create_tokenizer, normalize
from kg.extract.train import fit, patterns_from_gold, read_gold


def tag(extractor, text: str) -> Document:
    doc = Document(id="t", path="t.txt", text=text, sha256="")
    doc.paragraphs, doc.sentences = split(text)
    return extractor(doc)


def keys(doc: Document, typ: str | None = None) -> list[str]:
    return [m.key for m in doc.mentions if typ is None or m.type == typ]


def test_offsets_point_into_the_original_text(extractor):
    text = "  中國—加勒比經貿合作論壇 在 ２０１８年９月 召開，ＵＮＤＰ 與 巴基斯坦 合作。\n\n寮國、南蘇丹。"
    doc = tag(extractor, text)
    assert doc.mentions
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text


def test_traditional_characters_match_the_simplified_lexicon(extractor):
    doc = tag(extractor, "中國向寮國、巴基斯坦和南蘇丹提供援助。")
    assert keys(doc, "COUNTRY") == ["country/CHN", "country/LAO", "country/PAK", "country/SSD"]


def test_longest_match_wins_over_names_inside_names(extractor):
    doc = tag(extractor, "南苏丹、印度尼西亚、白俄罗斯、几内亚比绍和赤道几内亚都参加了。")
    assert keys(doc, "COUNTRY") == ["country/SSD", "country/IDN", "country/BLR", "country/GNB", "country/GNQ"]


def test_a_place_in_a_local_institutions_name_is_an_entity_too_but_not_in_an_international_organisations(extractor):
    doc = tag(extractor, "湖南农业大学和四川省人民医院的专家参加了上海合作组织的活动。")
    assert "place/hunan" in keys(doc, "PLACE") and "place/sichuan" in keys(doc, "PLACE")
    assert "place/shanghai" not in keys(doc)
    assert {m.text for m in doc.mentions if m.type == "ORG"} >= {"湖南农业大学", "上海合作组织"}


def test_names_with_dashes_stay_whole(extractor):
    doc = tag(extractor, "在中国—阿拉伯国家合作论坛和中国-太平洋岛国经济发展合作论坛上。")
    assert keys(doc, "FORUM") == ["forum/china-arab-states-cooperation-forum",
                                  "forum/china-pacific-island-countries-economic-development-and-cooperation-forum"]


def test_stray_spaces_inside_a_name(extractor):
    doc = tag(extractor, "联合国 开发计划署与世界 粮食计划署。")
    assert keys(doc, "ORG") == ["org/united-nations-development-programme", "org/world-food-programme"]
    assert doc.mentions[0].text == "联合国 开发计划署"


def test_acronyms_only_as_whole_words(extractor):
    doc = tag(extractor, "The UNDP and WHO met; FUNDS and WHOLE are not names.")
    assert keys(doc) == ["org/united-nations-development-programme", "org/world-health-organization"]


def test_ambiguous_strings_are_not_countries(extractor):
    doc = tag(extractor, "中非关系和中美合作，以及刚果河流域。")
    assert keys(doc, "COUNTRY") == []


def test_values_are_normalised(extractor):
    doc = tag(extractor, "2013年至2018年，中国对外援助金额为2702亿元人民币，其中无偿援助占47.30%，"
                         "习近平主席宣布未来3年内提供20亿美元，向122个国家派遣20万多名人员。")
    values = {m.text: (m.type, m.value) for m in doc.mentions if m.is_value}
    assert values["2013年至2018年"] == ("PERIOD", {"value": "2013/2018", "start": "2013", "end": "2018"})
    assert values["2702亿元人民币"] == ("MONEY", {"amount": "270200000000", "unit": "CNY"})
    assert values["47.30%"] == ("PERCENT", {"amount": "47.3", "unit": "%"})
    assert values["未来3年内"] == ("PERIOD", {"value": "P3Y"})
    assert values["20亿美元"] == ("MONEY", {"amount": "2000000000", "unit": "USD"})
    assert values["122个国家"] == ("COUNT", {"amount": "122", "unit": "国家"})
    assert values["20万多名"] == ("COUNT", {"amount": "200000", "unit": "人员", "at_least": True})


def test_chinese_numerals(extractor):
    doc = tag(extractor, "提供二十亿美元，覆盖十四个国家，时间为2015年12月4日。")
    values = {m.text: m.value for m in doc.mentions if m.is_value}
    assert values["二十亿美元"] == {"amount": "2000000000", "unit": "USD"}
    assert values["十四个国家"] == {"amount": "14", "unit": "国家"}
    assert values["2015年12月4日"] == {"value": "2015-12-04"}


def test_normalize_keeps_an_offset_for_every_character():
    text = "ＵＮ　２０１８年，中國 援助"
    norm, offsets = normalize(text)
    assert len(norm) == len(offsets)
    assert norm.startswith("UN")
    assert "中国援助" in norm
    assert all(0 <= o < len(text) for o in offsets) and offsets == sorted(offsets)


# --- the spaCy pipeline: registered parts, saved and loaded as any spaCy pipeline -------------------------

GOLD = Path(__file__).parent / "gold"


def sentences(text: str) -> list[str]:
    return [normalize(s.text)[0] for s in split(text)[1]]


def gold_sentences(n: int = 200) -> list[str]:
    """Sentences of several gold texts (all the gold documents of tests/gold)."""
    out = []
    for text, _ in read_gold(GOLD):
        out.extend(sentences(text)[:n])
    return out


def analysed(nlp, texts: list[str]) -> list[tuple]:
    """Everything the pipeline says about each text: tokens, the three span groups, the Doc state."""
    out = []
    for doc in nlp.pipe(texts):
        groups = {name: [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_) for s in doc.spans[name]]
                  for name in ("lexicon", "values", "entities")}
        state = srsly.json_loads(srsly.json_dumps([doc._.hezuo_names, doc._.hezuo_values, doc._.hezuo_entities]))
        out.append(([t.text for t in doc], groups, state))
    return out


def test_the_tagger_is_a_spacy_pipeline_of_registered_parts(extractor):
    nlp = extractor.nlp
    assert isinstance(nlp.tokenizer, DummyTokenizer)
    assert nlp.config["nlp"]["tokenizer"]["@tokenizers"] == "hezuo.LexiconJiebaTokenizer.v1"
    assert registry.tokenizers.get("hezuo.LexiconJiebaTokenizer.v1") is create_tokenizer
    assert nlp.pipe_names == ["hezuo_lexicon", "hezuo_values", "hezuo_rules", "hezuo_classifier"]
    analysis = nlp.analyze_pipes(pretty=False)
    assert analysis["problems"] == {name: [] for name in nlp.pipe_names}
    assert analysis["summary"]["hezuo_rules"]["requires"] == ["doc.spans"]
    assert "doc._.hezuo_entities" in analysis["summary"]["hezuo_rules"]["assigns"]


def test_to_disk_and_spacy_load_give_the_same_spans(tmp_path):
    gold = read_gold(GOLD)
    # with a document holding a name the rules miss (the first three: none left), so the classifier learns weights
    nlp = Extractor(model_dir=fit(gold[:3] + gold[7:8], tmp_path / "trained", classifier=True)).nlp
    assert nlp.tokenizer.patterns  # the round trip carries learned patterns too
    nlp.to_disk(tmp_path / "copy")
    assert {p.name for p in (tmp_path / "copy").iterdir()} >= {"config.cfg", "meta.json", "tokenizer"}
    loaded = spacy.load(tmp_path / "copy")
    assert loaded.tokenizer.patterns == nlp.tokenizer.patterns
    weights = nlp.get_pipe("hezuo_classifier").model.weights
    assert weights and loaded.get_pipe("hezuo_classifier").model.weights == weights
    texts = gold_sentences()
    before, after = analysed(nlp, texts), analysed(loaded, texts)
    assert sum(len(groups["entities"]) for _, groups, _ in before) > 100
    assert after == before


def test_a_new_process_loads_the_shipped_pipeline_by_name():
    """spacy.load on the shipped folder, in a process that never imported kg: the entry points name our parts."""
    script = ("import sys, spacy; nlp = spacy.load(sys.argv[1]); d = nlp('中国向巴基斯坦和南苏丹提供援助。');"
              "print(sorted(s.id_ for s in d.spans['entities'])); print('kg' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", script, str(SHIPPED_MODEL)], capture_output=True, text=True,
                         check=True, timeout=120).stdout.split("\n")
    assert out[0] == str(["country/CHN", "country/PAK", "country/SSD"])


def test_the_doc_state_survives_doc_serialisation(extractor):
    nlp = extractor.nlp
    text = "2015年12月，中非合作论坛约翰内斯堡峰会在南非举行，习近平主席宣布提供600亿美元支持。"
    doc = nlp(text)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert analysed(nlp, [text]) == [([t.text for t in again],
                                      {name: [(s.start, s.end, s.start_char, s.end_char, s.label_, s.id_)
                                              for s in again.spans[name]] for name in ("lexicon", "values", "entities")},
                                      srsly.json_loads(srsly.json_dumps([again._.hezuo_names, again._.hezuo_values,
                                                                         again._.hezuo_entities])))]
    assert again._.hezuo_entities and again.spans["values"]


# --- the learned span ruler (kg.extract.train) ----------------------------------------------------------

TRAIN_TEXT = "中方与青禾同心会签署协议，援建的绿洲学堂投入使用。新华社记者仉林报道。"  # 仉: a surname the rules do not know
TRAIN_GOLD = {"entities": [
    {"name": "青禾同心会", "type": "ORG", "qid": "Q999999901", "aliases_in_text": ["同心会"]},
    {"name": "绿洲学堂", "type": "PROJECT", "aliases_in_text": []},
    {"name": "仉林", "type": "PERSON", "aliases_in_text": []},
    {"name": "锦屏", "type": "PLACE", "aliases_in_text": []},  # not in the text: not learned
    {"name": "澳", "type": "PLACE", "aliases_in_text": []},  # one character: never a pattern
    {"name": "论坛", "type": "FORUM", "aliases_in_text": []},  # a generic head word: never a pattern
]}
NEW_TEXT = "青禾同心会今年在绿洲学堂开课。记者仉林表示。仉林里有树。"


def learned(extractor, text: str) -> set[tuple[str, str, str]]:
    return {(m.text, m.type, m.key) for m in tag(extractor, text).mentions if m.rule == "learned"}


def test_fit_learns_the_names_of_the_gold_with_types_ids_and_links(tmp_path):
    patterns = patterns_from_gold([(TRAIN_TEXT, TRAIN_GOLD)])
    assert {p["pattern"] for p in patterns} == {"青禾同心会", "同心会", "绿洲学堂", "仉林"}
    ex = Extractor(model_dir=fit([(TRAIN_TEXT, TRAIN_GOLD)], tmp_path / "m"))
    found = learned(ex, NEW_TEXT)
    assert found == {("青禾同心会", "ORG", "org/青禾同心会"), ("绿洲学堂", "PROJECT", "project/绿洲学堂"),
                     ("仉林", "PERSON", "person/仉林")}  # 仉林 next to a title only, as the lexicon's short names
    assert ex.lexicon["org/青禾同心会"].links == {"wikidata": "Q999999901"}
    assert ex.lexicon["org/青禾同心会"].aliases == ["同心会"]
    untrained = Extractor(model_dir=fit([], tmp_path / "empty"))
    assert not {m.text for m in tag(untrained, NEW_TEXT).mentions} & {"青禾同心会", "绿洲学堂"}


def test_the_graph_knows_what_the_pipeline_learned_without_loading_spacy(tmp_path, extractor):
    """``lexicon.load_with_learned`` (what kg build's mapper describes and links) reads a pipeline folder's
    learned names and ids as ``Extractor(...).lexicon`` has them: the same links for every entity."""
    model = fit([(TRAIN_TEXT, TRAIN_GOLD)], tmp_path / "m")
    assert load_with_learned(model)["org/青禾同心会"].links == {"wikidata": "Q999999901"}
    shipped = load_with_learned()
    assert {k: e.links for k, e in shipped.entries.items()} == {k: e.links for k, e in extractor.lexicon.entries.items()}
    learned_ids = {k for k, e in shipped.entries.items() if e.links.get("wikidata") and not
                   (k in load().entries and load()[k].links.get("wikidata"))}
    assert learned_ids, "the shipped pipeline adds Wikidata ids the lexicon's tables lack (from the gold)"


def test_fit_is_deterministic_and_drops_names_the_documents_type_differently(tmp_path):
    other = {"entities": [{"name": "绿洲学堂", "type": "ORG", "aliases_in_text": []}]}
    gold = [(TRAIN_TEXT, TRAIN_GOLD), (TRAIN_TEXT, other)]
    a, b = fit(gold, tmp_path / "a"), fit(list(reversed(gold)), tmp_path / "b")
    for name in ("config.cfg", "meta.json", "tokenizer/patterns.jsonl"):
        assert (a / name).read_bytes() == (b / name).read_bytes()  # patterns do not depend on the order
    places = ("援助物资已送达卡杜纳。", {"entities": [{"name": "卡杜纳", "type": "PLACE"}]})  # a context no rule has
    c, d = fit([*gold, places], tmp_path / "c", classifier=True), fit([*gold, places], tmp_path / "d", classifier=True)
    weights = "hezuo_classifier/weights.json"
    assert (c / weights).read_bytes() == (d / weights).read_bytes() != (a / weights).read_bytes()  # fixed seed
    assert "绿洲学堂" not in {p["pattern"] for p in patterns_from_gold(gold)}  # ORG in one, PROJECT in the other
    assert "绿洲学堂" in {p["pattern"] for p in patterns_from_gold([*gold, (TRAIN_TEXT, TRAIN_GOLD)])}  # 2 to 1


def test_sides_named_by_an_abbreviation_are_not_learned():
    """巴方 is Pakistan in one text and Palestine in another: the document decides, not the gold of others."""
    text = "巴方感谢中方援助，巴政府表示欢迎，巴基斯坦人民铭记。"
    gold = {"entities": [{"name": "巴基斯坦", "type": "COUNTRY", "aliases_in_text": ["巴方", "巴政府"]}]}
    assert patterns_from_gold([(text, gold)]) == []


def test_a_learned_name_never_splits_a_longer_known_name(tmp_path):
    gold = [("巴基斯坦的项目。", {"entities": [{"name": "巴基", "type": "PLACE", "aliases_in_text": []}]})]
    ex = Extractor(model_dir=fit(gold, tmp_path / "m"))
    assert [m.key for m in tag(ex, "巴基斯坦的项目。").mentions] == ["country/PAK"]


def test_the_shipped_pipeline_is_what_make_train_writes(tmp_path):
    fit(read_gold(GOLD), tmp_path / "m")
    for name in ("config.cfg", "tokenizer/patterns.jsonl"):
        assert (tmp_path / "m" / name).read_bytes() == (Path(str(SHIPPED_MODEL)) / name).read_bytes(), \
            f"{name} differs from kg/extract/data/model: run `make train`"


def test_a_model_folder_that_is_not_one_is_a_one_line_error(tmp_path):
    with pytest.raises(InputError, match="not a pipeline folder"):
        Extractor(model_dir=tmp_path)


# --- the learned classifier of candidate names (kg.extract.learned) ------------------------------------

def test_the_classifier_types_names_it_never_saw_by_their_context(tmp_path):
    """Trained on persons before 在会上发言 and places after 向/送达 (contexts no rule has), it finds other
    names in those contexts."""
    # surnames the rules do not know (they find names after a title by the surname): only the context tells
    persons = ["仉愿东", "厍宏微", "亓波清", "佴基荣", "甪立新", "禚德明", "笪志远"]
    places = ["卡杜纳", "洛比托", "本格拉", "奎托", "卢埃纳", "伯丁"]
    gold = []
    for k, place in enumerate(places):
        text = f"{persons[k]}在会上发言，中方向{place}提供了援助。{persons[k + 1]}在会上发言，援助物资已送达{place}。"
        gold.append((text, {"entities": [{"name": persons[k], "type": "PERSON"}, {"name": persons[k + 1], "type": "PERSON"},
                                         {"name": place, "type": "PLACE"}]}))
    new = "仉海燕在会上发言，物资已送达瓦乌。"  # a surname the rules do not know: only the context says it is a name
    ex = Extractor(model_dir=fit(gold, tmp_path / "m", classifier=True))
    found = {(m.text, m.type) for m in tag(ex, new).mentions if m.rule == "learned:classifier"}
    assert found == {("仉海燕", "PERSON"), ("瓦乌", "PLACE")}
    untrained = Extractor(model_dir=fit(gold, tmp_path / "ruler"))
    assert not {m.text for m in tag(untrained, new).mentions} & {"仉海燕", "瓦乌"}
