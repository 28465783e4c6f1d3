"""Generate ``kg/extract/data/lexicon/compounds.csv``: words of jieba's dictionary that hold a known name
across their own parts (发展中国家 = 发展|中|国家 holds 中国; 沿海地区 = 沿海|地区 holds 海地, Haiti; 欧美国家 =
欧美|国家 holds 美国).  Where such a word stands in a text, the name inside it is no mention: the tagger
(`kg.extract.nlp.Gazetteer`) drops it and keeps the word whole.

A word's parts are jieba's segmentation of the word with the word itself taken out of the dictionary
(HMM off).  A name that a boundary of those parts cuts is held across the parts; one that the parts
keep whole (上海 in 中共|上海市委, 长江 in 南京|长江大桥, 地中海 in 地中海|地区) is a name inside a longer
word, and stays, as does a name the word begins with (上海 of 上|海港, 中国石化 of 中国|石化集团: a word named
after it).  Sources: jieba's dictionary (the package's ``dict.txt``) and the names the shipped
tagger knows (lexicon and learned patterns).  Run by ``make gazetteer`` and ``make train``; a test checks
that the shipped file is what this script writes.
"""

from __future__ import annotations

import csv
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent / "lexicon" / "compounds.csv"
HEADER = ("compound", "name", "start", "parts")


def rows(names) -> list[tuple[str, str, int, str]]:
    """(compound, name, start of the name in it, the compound's parts joined by |) for every name a word of
    jieba's dictionary holds across its parts."""
    import ahocorasick
    import jieba

    jieba.setLogLevel(60)
    tk = jieba.Tokenizer()
    tk.initialize()
    automaton = ahocorasick.Automaton()
    for name in names:
        if len(name) >= 2:
            automaton.add_word(name, name)
    automaton.make_automaton()
    out = []
    for word, freq in sorted(tk.FREQ.items()):
        if freq <= 0 or len(word) < 3 or word in names:
            continue
        # not a name the word begins with (上海 of 上|海港, 中国石化 of 中国|石化集团): the word is named after it
        inside = [(end - len(n) + 1, n) for end, n in automaton.iter(word) if len(n) < len(word) and end + 1 > len(n)]
        if not inside:
            continue
        tk.del_word(word)
        parts = tk.lcut(word, HMM=False)
        tk.add_word(word, freq)
        cuts, at = set(), 0
        for p in parts[:-1]:
            at += len(p)
            cuts.add(at)
        for start, name in sorted(set(inside)):
            if any(start < c < start + len(name) for c in cuts):
                out.append((word, name, start, "|".join(parts)))
    return out


def known_names() -> set[str]:
    from kg.extract.nlp import Extractor

    return set(Extractor().nlp.tokenizer.gazetteer.names)


def render(table: list[tuple[str, str, int, str]]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(table)
    return buf.getvalue()


def main() -> None:
    table = rows(known_names())
    OUT.write_text(render(table), encoding="utf-8")
    print(f"{OUT}: {len(table)} names held across the parts of {len({r[0] for r in table})} words", file=sys.stderr)


if __name__ == "__main__":
    main()
