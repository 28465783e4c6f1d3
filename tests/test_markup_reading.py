"""An HTML or Markdown document is read as a reader sees it (issue 12: clean names): its names, values and
facts come from the visible text, never from a link's URL or a tag, and every offset still points into
the file.  Read on the file's own text, a clause ended at the colon of ``https:`` and a fact's label
began with ``//zh.wikipedia.org/wiki/…">``."""

from __future__ import annotations

import pytest

from kg.extract.nlp import Extractor
from kg.extract.relations import Relations
from kg.ingest import make_document

MARKDOWN = """# 中国援助**巴基斯坦**抗洪

- 2022年8月30日，中国政府宣布向[巴基斯坦](https://zh.wikipedia.org/wiki/巴基斯坦)追加提供3亿元人民币援助。
- **中国红十字会**向巴方捐赠30万美元。
"""
HTML = """<html><head><title>中国援助巴基斯坦</title></head><body>
<p>2022年8月30日，中国政府宣布向<a href="https://zh.wikipedia.org/wiki/巴基斯坦">巴基斯坦</a>追加提供3亿元人民币援助。</p>
<p><b>中国红十字会</b>向巴方捐赠30万美元。</p>
</body></html>
"""


@pytest.fixture(scope="module")
def read():
    extractor, relations = Extractor(), Relations()
    return lambda name, text: relations(extractor(make_document("d", name, text, html=name.endswith(".html"))))


@pytest.mark.parametrize("name,text", [("a.md", MARKDOWN), ("b.html", HTML)])
def test_a_documents_facts_are_read_from_its_visible_text(read, name, text):
    doc = read(name, text)
    (pledge,) = [f for f in doc.facts if f.kind == "Pledge"]
    assert pledge.label == "向巴基斯坦追加提供3亿元人民币援助"
    roles = {(r, m.text) for r, m in pledge.roles}
    assert {("announced_by", "中国政府"), ("recipient", "巴基斯坦"), ("amount", "3亿元人民币"),
            ("date", "2022年8月30日")} <= roles
    assert not any(c in f.label for f in doc.facts for c in "<>[]()*#/\"=")


@pytest.mark.parametrize("name,text", [("a.md", MARKDOWN), ("b.html", HTML)])
def test_offsets_point_into_the_file_and_no_name_is_read_from_a_url(read, name, text):
    doc = read(name, text)
    assert all(doc.text[m.start:m.end] == m.text for m in doc.mentions)
    assert all(doc.text[f.start:f.end] == f.text for f in doc.facts)
    url = text.index("https://")
    assert not [m for m in doc.mentions if url <= m.start < text.index("巴基斯坦", url) + 4]
    assert all(doc.text[m.start:m.end] == m.text for f in doc.facts for _, m in f.roles)


def test_a_markdown_file_without_inline_markup_is_read_as_plain_text(read):
    doc = read("c.md", "# 标题\n\n中国政府宣布向巴基斯坦提供3亿元人民币援助。\n")
    assert doc.view is None and [f for f in doc.facts if f.kind == "Pledge"]


def test_a_line_of_its_own_in_a_page_is_read_in_the_pages_visible_text(read):
    # the twin's paragraphs are in its own offsets: a plan's title on a line of its own is still found
    doc = read("p.html", "<html><body><h1>提升民生福祉合作方案(2025-2027)</h1><p>双方将落实该方案。</p></body></html>")
    assert [m.text for m in doc.mentions if m.type == "PROGRAMME"] == ["提升民生福祉合作方案(2025-2027)"]
