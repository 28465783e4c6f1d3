"""Benchmarks for hezuo-kg (not tests): run with `make bench`; writes BENCHMARKS.md.

Every figure is a ratio against a baseline measured in the same run on the same machine:
extraction throughput against raw ``jieba.cut`` over the same text.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import ingest  # noqa: E402
from kg.model import Document  # noqa: E402


def real_sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in [*(ROOT / "corpus").glob("*.txt"),
                                                     *(ROOT / "tests" / "gold" / "texts").glob("*.txt")]]
    out = []
    for t in texts:
        _, sentences = ingest.split(t)
        out.extend(s.text for s in sentences if len(s.text) > 8)
    return out


def synthetic_corpus(chars: int, seed: int = 7) -> list[str]:
    """Documents of ~5,000 characters made of the real sentences, shuffled, with varied numbers."""
    rng = random.Random(seed)
    sentences = real_sentences()
    docs, doc, size, total = [], [], 0, 0
    while total < chars:
        s = re.sub(r"\d+", lambda m: str(rng.randint(1, 9999)) if len(m.group()) != 4 else str(rng.randint(1990, 2030)),
                   rng.choice(sentences))
        doc.append(s)
        size += len(s)
        total += len(s)
        if size > 5000:
            docs.append("\n".join(doc))
            doc, size = [], 0
    if doc:
        docs.append("\n".join(doc))
    return docs


def best_of(n: int, fn) -> float:
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def bench_extraction(docs: list[str]) -> dict:
    import jieba

    from kg.nlp import Extractor

    jieba.setLogLevel(60)
    jieba.initialize()
    chars = sum(len(d) for d in docs)
    extractor = Extractor()
    extractor(_doc("warm-up", docs[0]))

    def run_jieba():
        for d in docs:
            for _ in jieba.cut(d):
                pass

    def run_extract():
        for i, d in enumerate(docs):
            extractor(_doc(str(i), d))

    t_jieba = best_of(3, run_jieba)
    t_extract = best_of(3, run_extract)
    return {"chars": chars, "jieba_cut_cps": chars / t_jieba, "extract_cps": chars / t_extract,
            "ratio": t_jieba / t_extract}


def _doc(doc_id: str, text: str) -> Document:
    doc = Document(id=doc_id, path=doc_id, text=text, sha256="")
    doc.paragraphs, doc.sentences = ingest.split(text)
    return doc


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--chars", type=int, default=1_000_000, help="size of the text for extraction throughput")
    ap.add_argument("--out", default=str(ROOT / "BENCHMARKS.md"))
    args = ap.parse_args()
    docs = synthetic_corpus(args.chars)
    ex = bench_extraction(docs)
    lines = [
        "# Benchmarks",
        "",
        f"Machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        f"run {time.strftime('%Y-%m-%d')}. Synthetic corpus from the sentences of the bundled and gold texts, "
        "shuffled, numbers varied. Each time is the best of 3 runs; figures are ratios against a baseline "
        "measured in the same run.",
        "",
        "## Extraction throughput (one core)",
        "",
        "| what | characters/s |",
        "|---|---|",
        f"| raw `jieba.cut` (baseline) | {ex['jieba_cut_cps']:,.0f} |",
        f"| `kg.nlp.Extractor` (normalise, tokenise, lexicon, rules, values, references) | {ex['extract_cps']:,.0f} |",
        "",
        f"**Extraction / jieba.cut = {ex['ratio']:.2f}** over {ex['chars']:,} characters (target ≥ 0.6).",
        "",
    ]
    Path(args.out).write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
