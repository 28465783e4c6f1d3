"""Property-based tests (hypothesis) over ingest and the extractor: random Unicode, mixed
scripts, random spacing, HTML markup.  Nothing raises, and every mention's text is the
original text between its offsets.  Bounded: a fixed number of examples, no deadline."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import ingest

WORDS = ["中国", "巴基斯坦", "老挝", "南苏丹", "苏丹", "印度尼西亚", "中非合作论坛", "北京峰会", "联合国开发计划署",
         "UNDP", "援助", "提供", "发展合作", "6亿元人民币", "1500万美元", "２０１８年９月", "35%", "百分之三十",
         "寮國", "南蘇丹", "香港特別行政區", "论坛", "峰会", "项目", "工业园", "主席", "习近平", "·", "—", "“幸福家园”",
         "《2030年可持续发展议程》", "国际发展合作署", "机场", "公路", "3年", "2019年至2021年", "100个", "ＵＮＤＰ"]
SPACES = [" ", "  ", "\u3000", "\t", "\n", "\r\n", "\xa0", "\u2028", "\u200b", "\n\n"]
PUNCT = list("。，！？；：、“”‘’《》()（）[]【】—·-%.,!?…0123456789０１２３")
MARKUP = ["<p>", "</p>", "<b>", "</b>", "<br/>", "<div class=\"a\">", "</div>", "&amp;", "&lt;", "&nbsp;", "&#20013;",
          "&#x56FD;", "&foo;", "<!-- 中国 -->", "<script>巴基斯坦</script>", "<a href='x?a=1&b=2'>", "</a>", "<"]

piece = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(SPACES),
    st.sampled_from(PUNCT),
    st.text(max_size=6),  # any Unicode character (no surrogates): emoji, combining marks, RTL, controls ...
    st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF), min_size=1, max_size=6),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=6),
)
texts = st.lists(piece, max_size=40).map("".join)
html_texts = st.lists(st.one_of(piece, st.sampled_from(MARKUP)), max_size=40).map("".join)
PROPS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                 derandomize=True)


def check(doc) -> None:
    text = doc.text
    for s in doc.sentences:
        assert 0 <= s.start < s.end <= len(text) and s.text == text[s.start:s.end]
    for m in doc.mentions:
        assert 0 <= m.start < m.end <= len(text), m
        assert text[m.start:m.end] == m.text, m
        s = doc.sentences[m.sentence]
        assert s.start <= m.start and m.end <= s.end, (m, s)


@PROPS
@given(text=texts)
def test_extractor_never_raises_and_offsets_hold(extractor, text):
    if not text.strip():
        return
    check(extractor(ingest.make_document("p", "p.txt", text)))


@PROPS
@given(text=html_texts)
def test_html_extraction_offsets_point_into_the_source(extractor, text):
    page = "<html><body>" + text + "</body></html>"
    try:
        doc = ingest.make_document("p", "p.html", page, html=True)
    except ingest.InputError:  # a page with no visible text
        return
    check(extractor(doc))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(parts=st.lists(st.one_of(piece, st.text(alphabet="中国援助，, ", min_size=100, max_size=700)), max_size=12))
def test_sentences_are_bounded_ordered_and_lose_no_text(parts):
    text = "".join(parts)
    _, sentences = ingest.split(text)
    covered = bytearray(len(text))
    last = 0
    for s in sentences:
        assert s.end - s.start <= ingest.MAX_SENTENCE
        assert s.start >= last
        last = s.end
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    assert all(covered[i] or c.isspace() for i, c in enumerate(text))


@settings(max_examples=200, deadline=None, derandomize=True)
@given(text=st.text(min_size=1, max_size=200), codec=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]))
def test_unicode_files_decode_to_their_text(text, codec):
    if not text.strip() or "\x00" in text:
        return
    data = text.encode(codec)
    try:
        decoded = ingest.decode("f.txt", data)
    except ingest.InputError as e:  # control characters can make it look binary: then it says so
        assert "binary" in str(e) and str(e).startswith("f.txt: ")
        return
    assert decoded.text == (text[1:] if codec == "utf-8" and text.startswith("\ufeff") else text)
