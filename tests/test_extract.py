"""`kg extract`: one JSON object per mention, offsets into the original file text."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import GOLD, QUERIES, run_kg


def test_extract_jsonl_contract(tmp_path):
    texts = sorted((GOLD / "texts").glob("*.txt"))
    noisy = tmp_path / "noisy.txt"
    noisy.write_text("\ufeff  中國—加勒比經貿合作論壇 在 ２０１８年９月 召開，ＵＮＤＰ 與 巴基斯坦\n合作。\r\n寮國、南蘇丹。",
                     encoding="utf-8")
    proc = run_kg("extract", *map(str, texts), str(noisy))
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) > 500
    originals = {str(p): p.read_bytes().decode("utf-8-sig") for p in [*texts, noisy]}  # \r kept
    for r in rows:
        assert {"doc", "sentence", "start", "end", "text", "type", "key"} <= set(r)
        assert originals[r["doc"]][r["start"]:r["end"]] == r["text"]
        if r["type"] in ("MONEY", "PERCENT", "DATE", "PERIOD", "COUNT"):
            assert isinstance(r["value"], dict)
        else:
            assert r["iri"].startswith("https://w3id.org/hezuo/id/") and isinstance(r["links"], dict)
    pak = next(r for r in rows if r["key"] == "country/PAK")
    assert pak["links"]["wikidata"] == "Q843"
    xi = next(r for r in rows if r["key"] == "person/xi-jinping")  # an id the pipeline learned: as the graph has it
    assert xi["links"]["wikidata"] == "Q15031"
    trad = [r for r in rows if r["doc"] == str(noisy)]
    assert {r["key"] for r in trad} >= {"forum/china-caribbean-economic-and-trade-cooperation-forum",
                                        "org/united-nations-development-programme", "country/PAK", "country/LAO",
                                        "country/SSD", "date/2018-09"}


def test_extract_table(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("中国向老挝提供援助。", encoding="utf-8")
    out = run_kg("extract", str(f), "--format", "table").stdout
    assert "country/LAO" in out


def test_extract_prints_the_facts_with_their_roles(tmp_path):
    f = tmp_path / "a.txt"
    text = "中国驻斯里兰卡大使出席仪式。2022年6月，中方宣布向斯方提供5亿元人民币紧急人道主义援助。"
    f.write_text(text, encoding="utf-8")
    rows = [json.loads(line) for line in run_kg("extract", str(f), "--facts").stdout.splitlines()]
    mentions, facts = [r for r in rows if "fact" not in r], [r for r in rows if "fact" in r]
    assert ("斯方", "country/LKA") in {(r["text"], r["key"]) for r in mentions}  # an anaphor, as the graph has it
    (pledge,) = [r for r in facts if r["fact"] == "Pledge"]
    got = {(x["role"], x["key"]) for x in pledge["roles"]}
    assert {("recipient", "country/LKA"), ("date", "date/2022-06"), ("amount", "money/500000000CNY")} <= got
    assert all(text[x["start"]:x["end"]] == x["text"] for x in pledge["roles"])
    out = run_kg("extract", str(f), "--facts", "--format", "table").stdout
    assert "Pledge" in out and "recipient: 斯方" in out
    assert not [r for r in map(json.loads, run_kg("extract", str(f)).stdout.splitlines()) if "fact" in r]


def test_querying_does_not_load_spacy_or_jieba(corpus_store):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from kg.cli import app\n"
        f"r = CliRunner().invoke(app, ['query', {str(QUERIES / '01-airport-upgrade-recipients.rq')!r},"
        f" '--store', {str(corpus_store)!r}, '--format', 'csv'])\n"
        "assert r.exit_code == 0, r.output\n"
        "assert 'PAK' in r.output\n"
        "print(sorted(m for m in ('spacy', 'jieba', 'thinc', 'opencc') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
