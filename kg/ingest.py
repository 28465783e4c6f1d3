"""Files -> documents: find inputs, decode them, split sentences with original offsets.

Decoding: UTF-8 (with or without a BOM) is taken as it is; a UTF-16/UTF-32 BOM decides;
anything else is detected with charset-normalizer (GB18030 covers GBK and GB2312, Big5,
UTF-16 without a BOM ...).  Empty and binary files are one-line errors naming the file.

HTML (``.html``/``.htm``/``.xhtml``, or a file that starts like an HTML page) is read as
a *view*: tags, comments, scripts and styles are left out, entities are decoded and
block tags end paragraphs.  The document text stays the decoded file, markup and all,
and every offset (paragraphs, sentences, mentions) points into it: a mention's text is
``original[start:end]``, which holds the markup or the entity as written (``&amp;``).

Sentences are capped at ``MAX_SENTENCE`` characters: a longer run (a line with no
sentence punctuation) is cut after a comma, semicolon, colon or space, or else at the
cap, so a 50 MB single-line file is processed piece by piece.
"""

from __future__ import annotations

import codecs
import os
import hashlib
import html
import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from kg.errors import printable
from kg.model import Document, InputError, Paragraph, Sentence

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".shtml", ".xhtml")
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
FORMATS = "plain text (.txt), Markdown (.md, .markdown) and HTML (.html, .htm, .shtml, .xhtml)"
MAX_SENTENCE = 512  # characters; longer runs are cut (see split)
MAX_TITLE = 200

# A sentence ends at one of these, plus any closing quotes/brackets that follow.
_SENTENCE = re.compile(r"[^。！？!?]+(?:[。！？!?]+[”’」』）)\]]*)?|[。！？!?]+[”’」』）)\]]*")  # or punctuation alone (within a paragraph)
_SOFT_BREAK = re.compile(r"[，,；;：:、\s]")
_UNSAFE_ID = re.compile(r"[^\w\-.~/]")

# Files that are not text, by their first bytes: named in the error message
_MAGIC = (
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or .docx/.xlsx)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an MS Office document (.doc/.xls)"), (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"), (b"\x1f\x8b", "gzip-compressed"),
    (b"\x7fELF", "an executable"), (b"{\\rtf", "an RTF document"),
)
_BOMS = (  # longest first: the UTF-32 LE BOM starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
# charset-normalizer's codec names -> the names we report (and put in charset=...)
_NAMES = {"utf_8": "UTF-8", "ascii": "UTF-8", "gb18030": "GB18030", "gbk": "GB18030", "gb2312": "GB18030",
          "hz": "HZ-GB-2312", "big5": "Big5", "big5hkscs": "Big5-HKSCS", "cp950": "Big5", "utf_16": "UTF-16",
          "utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE", "utf_32": "UTF-32", "utf_32_le": "UTF-32LE",
          "utf_32_be": "UTF-32BE"}
# What a Chinese document may be in, besides UTF-8: GB18030 covers GBK and GB2312.  Single-byte
# codecs are left out on purpose: any bytes decode in them, so garbage would pass as text.
CANDIDATES = ["utf_8", "utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be", "gb18030", "big5",
              "cp950", "big5hkscs", "hz"]
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


@dataclass(frozen=True)
class Skipped:
    """A file or folder a walk did not read, and why (not an error: the build goes on and lists it)."""
    path: str
    reason: str

    def __str__(self) -> str:
        return f"{printable(self.path)}: {self.reason}"


def find_files(paths: Iterable[str | Path], *, follow_symlinks: bool = False,
               skipped: list[Skipped] | None = None) -> Iterator[tuple[Path, str]]:
    """Yield ``(file, doc_id)`` for every input file, folders walked in sorted order.

    The id is the path relative to the folder that was named (or the file name),
    without its suffix, so it is the same on every machine.  A walk does not leave the folder it
    was given: a symbolic link to a file or folder outside it is not read unless ``follow_symlinks``
    (one to a place inside it is read where it is, once).  What a walk does not read (hidden
    files, other formats, links out, special files) is appended to ``skipped`` with the reason.
    """
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = False
            for f in _walk(p, follow_symlinks, skipped if skipped is not None else []):
                found = True
                yield f, doc_id(f.relative_to(p))
            if not found:
                raise InputError(str(given), f"folder holds no input files: {FORMATS}")
        elif p.is_file():
            yield p, doc_id(Path(p.name))
        elif p.exists():
            raise InputError(str(given), "not a regular file or folder")
        else:
            raise InputError(str(given), "no such file or folder")


def _walk(root: Path, follow_symlinks: bool, skipped: list[Skipped]) -> Iterator[Path]:
    """The input files under ``root`` in sorted order (see ``find_files``)."""
    real_root = root.resolve()
    visited = {real_root}

    def inside(target: Path) -> bool:
        return target == real_root or target.is_relative_to(real_root)

    def walk(folder: Path) -> Iterator[Path]:
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as e:
            skipped.append(Skipped(str(folder), f"cannot read the folder: {e.strerror or e}"))
            return
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                skipped.append(Skipped(str(path), "hidden"))
                continue
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    skipped.append(Skipped(str(path), "broken symbolic link"))
                    continue
                if not inside(target) and not follow_symlinks:
                    skipped.append(Skipped(str(path), f"symbolic link to {target}, outside the input folder "
                                                      "(--follow-symlinks reads it)"))
                    continue
                if target.is_dir():
                    if inside(target) or target in visited:
                        skipped.append(Skipped(str(path), f"symbolic link to the folder {target}, read there"))
                        continue
                    visited.add(target)
                    yield from walk(path)
                    continue
            elif entry.is_dir(follow_symlinks=False):
                yield from walk(path)
                continue
            if not path.is_file():
                skipped.append(Skipped(str(path), "not a regular file"))
            elif path.suffix.lower() not in SUFFIXES:
                skipped.append(Skipped(str(path), f"not an input format ({path.suffix or 'no suffix'}); "
                                                  f"read are {FORMATS}"))
            else:
                yield path

    yield from walk(root)


def doc_id(relative: Path) -> str:
    """A stable id usable in an IRI: letters (Chinese too), digits and ``-._~/`` kept,
    anything else (spaces, ``#``, ``?``, ``%`` ...) becomes ``_``."""
    stem = relative.with_suffix("").as_posix()
    return _UNSAFE_ID.sub("_", stem) or "_"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # as reported: UTF-8, GB18030, Big5, UTF-16LE ...
    detected: bool  # True when charset-normalizer chose it (no UTF-8, no BOM)


def decode(path: str, data: bytes) -> Decoded:
    """Decode a file's bytes; an empty or binary file, or one in no detectable encoding,
    is an ``InputError`` naming the file."""
    if not data.strip():
        raise InputError(path, "file is empty")
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as e:
                raise InputError(path, f"starts with a {name} byte-order mark but is not valid {name} "
                                       f"(at byte {e.start})") from None
            return _checked(path, text, name, False)
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(path, f"binary file ({what}), not text; convert it to text first")
    sample = data[:65536]
    if b"\x00" not in sample:
        if len(_CONTROL.findall(sample)) > len(sample) // 20:
            raise InputError(path, "binary file, not text")
        try:
            return _checked(path, data.decode("utf-8"), "UTF-8", False)
        except UnicodeDecodeError as e:
            utf8_error = f"invalid byte 0x{data[e.start]:02x} at offset {e.start}"
    else:
        utf8_error = "holds NUL bytes"
    import charset_normalizer  # only for files that are not UTF-8

    best = charset_normalizer.from_bytes(data, cp_isolation=CANDIDATES).best()
    if best is None or (b"\x00" in sample and not best.encoding.startswith(("utf_16", "utf_32"))):
        if b"\x00" in sample:  # (without NUL bytes, too many control characters were refused above)
            raise InputError(path, "binary file, not text")
        raise InputError(path, f"not UTF-8 ({utf8_error}) and no other encoding fits; convert it to UTF-8")
    name = _NAMES.get(best.encoding, best.encoding.replace("_", "-").upper())
    return _checked(path, str(best), name, True)


def _checked(path: str, text: str, encoding: str, detected: bool) -> Decoded:
    if text.startswith("\ufeff"):
        text = text[1:]  # a BOM that the codec kept (charset-normalizer's UTF-16/32)
    if not text.strip():
        raise InputError(path, "file is empty (only white space)")
    if "\x00" in text:
        raise InputError(path, "binary file (NUL characters), not text")
    return Decoded(text, encoding, detected)


# --- HTML: a view of the visible text with a map back to the original ----------------

_HTML_START = re.compile(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>])", re.I | re.S)
_HTML_TOKEN = re.compile(
    r"<!--.*?(?:-->|\Z)"  # comment
    r"|<(script|style|noscript|template)\b[^>]*>.*?(?:</\1\s*>|\Z)"  # invisible element, content and all
    r"|<!\[CDATA\[.*?(?:\]\]>|\Z)"
    # start or end tag; bounded, and no "<" in it, so a stray "<a" costs little (no quadratic scans)
    r"|</?([A-Za-z][\w:-]{0,64})(?:\s+(?:[^<>\"']|\"[^\"]{0,2048}\"|'[^']{0,2048}'){0,4096})?/?>"
    r"|<![^>]*>|<\?[^>]*>"  # doctype, processing instruction
    r"|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?",  # character reference
    re.S | re.I,
)
_BLOCK_TAGS = frozenset("""
    address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure footer
    form h1 h2 h3 h4 h5 h6 head header hr html li main nav ol option p pre section summary table tbody td tfoot
    th thead title tr ul
""".split())


def is_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or bool(_HTML_START.match(text[:4096]))


class TextView:
    """The visible text of an HTML document and, for each of its characters, the span of
    the original text it comes from (one character, or a whole entity like ``&amp;``).  With
    ``markdown``: the text of a Markdown document without its inline markup (``**``, a link's
    ``](url)``, HTML tags), character for character."""

    def __init__(self, original: str, markdown: bool = False):
        parts: list[str] = []
        self._vstart = array("q")  # segments: view start, original start, original end, atomic
        self._ostart = array("q")
        self._oend = array("q")
        self._atomic = array("b")
        pos = 0
        vlen = 0

        def add(text: str, ostart: int, oend: int, atomic: bool) -> None:
            nonlocal vlen
            if not text:
                return
            parts.append(text)
            self._vstart.append(vlen)
            self._ostart.append(ostart)
            self._oend.append(oend)
            self._atomic.append(1 if atomic else 0)
            vlen += len(text)

        if markdown:
            for m in _MD_INLINE.finditer(original):
                add(original[pos:m.start()], pos, m.start(), False)
                if m.group(1):  # [text](url): the text stays
                    add(m.group(1), m.start(1), m.end(1), False)
                pos = m.end()
            add(original[pos:], pos, len(original), False)
            self.text = "".join(parts)
            return
        for m in _HTML_TOKEN.finditer(original):
            if m.start() > pos:  # plain text: white space (line breaks too) is a space, as a browser shows it
                add(re.sub(r"\s", " ", original[pos:m.start()]), pos, m.start(), False)
            token = m.group()
            if token.startswith("&"):
                add(html.unescape(token), m.start(), m.end(), True)
            else:
                tag = (m.group(1) or m.group(2) or "").lower()
                if tag in _BLOCK_TAGS or tag in ("script", "style", "noscript", "template"):
                    add("\n", m.start(), m.start(), True)  # a paragraph break, never inside a mention
            pos = m.end()
        if pos < len(original):
            add(re.sub(r"\s", " ", original[pos:]), pos, len(original), False)
        self.text = "".join(parts)

    def _segment(self, i: int) -> int:
        return bisect_right(self._vstart, i) - 1

    def start(self, i: int) -> int:
        """Original offset where view character ``i`` starts."""
        k = self._segment(i)
        return self._ostart[k] if self._atomic[k] else self._ostart[k] + i - self._vstart[k]

    def end(self, i: int) -> int:
        """Original offset where view character ``i`` ends."""
        k = self._segment(i)
        return self._oend[k] if self._atomic[k] else self._ostart[k] + i - self._vstart[k] + 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the view's characters ``start`` to ``end`` (exclusive)."""
        return self.start(start), self.end(end - 1)

    def _at(self, i: int) -> int | None:
        """The view offset of original character ``i``; None inside markup."""
        k = bisect_right(self._ostart, i) - 1
        while k >= 0 and self._oend[k] == self._ostart[k]:  # (a paragraph break of a tag: no character)
            k -= 1
        if k < 0 or i >= self._oend[k]:
            return None
        return self._vstart[k] if self._atomic[k] else self._vstart[k] + i - self._ostart[k]

    def view_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The view's span of the original characters ``start`` to ``end`` (exclusive); None if either
        end lies in markup."""
        a, b = self._at(start), self._at(end - 1)
        return None if a is None or b is None else (a, b + 1)


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None


def read_document(path: Path, id: str) -> Document:
    data = read_bytes(path)
    decoded = decode(str(path), data)
    doc = make_document(id, str(path), decoded.text, html=is_html(path, decoded.text),
                        sha256=hashlib.sha256(data).hexdigest())
    doc.encoding, doc.encoding_detected = decoded.encoding, decoded.detected
    return doc


def make_document(id: str, path: str, text: str, *, html: bool = False, sha256: str = "") -> Document:
    """A document from decoded text: paragraphs and sentences (HTML: of its visible text),
    offsets into ``text``.  A Markdown file (``.md``, ``.markdown``) keeps its text as it is;
    its block markers (``#`` of a heading, ``-``/``1.`` of a list item, ``>`` of a quote) are
    left out of paragraphs, sentences and the title, and lines of markup alone (``---``, a code
    fence) are no paragraphs."""
    doc = Document(id=id, path=path, text=text, sha256=sha256 or hashlib.sha256(text.encode()).hexdigest())
    if html:
        view = TextView(text)
        if not view.text.strip():
            raise InputError(path, "HTML page without any text")
        doc.media_type = "text/html"
        doc.view = view
        doc.paragraphs, doc.sentences = split(view.text, view=view, original=text)
        doc.title = _title(view.text)
    else:
        markdown = Path(path).suffix.lower() in MARKDOWN_SUFFIXES
        view = TextView(text, markdown=True) if markdown and _MD_INLINE.search(text) else None
        if markdown:
            doc.media_type = "text/markdown"
        if view is not None:  # inline markup: the text is read without it (names, facts), offsets into the file
            doc.view = view
            doc.paragraphs, doc.sentences = split(view.text, view=view, original=text, markdown=True)
        else:
            doc.paragraphs, doc.sentences = split(text, markdown=markdown)
        first = doc.paragraphs[0] if doc.paragraphs else None
        doc.title = _title(_markdown_inline(text[first.start:first.end]) if markdown and first else text)
    doc.title = doc.title or id
    return doc


def _title(text: str) -> str:
    for m in re.finditer(r"[^\n]+", text):
        line = " ".join(m.group()[:MAX_TITLE * 4].split())
        if line:
            return line[:MAX_TITLE]
    return ""


# Markdown: what starts a block (heading, quote, list item, task box), a closing "###" of a heading, and lines
# that are markup alone (rules, setext underlines, code fences, table rules)
_MD_LEAD = re.compile(r"(?:#{1,6}(?=[ \t]|$)|>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t])|\[[ xX]\](?=[ \t]))[ \t]*")
_MD_CLOSE = re.compile(r"[ \t]+#+[ \t]*$")
_MD_ONLY_MARKUP = re.compile(r"^[ \t]*(?:([-*_=])(?:[ \t]*\1){2,}|`{3,}[^`]*|~{3,}.*|\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?)[ \t]*$")
_MD_INLINE = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)|\*\*|__|`|<[^<>\n]{1,200}>")


def _markdown_inline(text: str) -> str:
    """Inline Markdown markup out (for a title): ``**bold**``, ``code``, ``[text](url)`` -> text, HTML tags."""
    return _MD_INLINE.sub(lambda m: m.group(1) or "", text)


_TAG = re.compile(r"<[^<>]{0,2000}>")


def visible(doc: Document, text: str) -> str:
    """A piece of ``doc``'s original text as a reader sees it (for labels): HTML tags out and character
    references decoded in an HTML document, inline markup out in a Markdown one; plain text as it is."""
    if doc.media_type == "text/html":
        return " ".join(html.unescape(_TAG.sub("", text)).split()) if "<" in text or "&" in text else text
    if Path(doc.path).suffix.lower() in MARKDOWN_SUFFIXES:
        return _markdown_inline(text)
    return text


def _markdown_block(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph ``text[start:end]`` without its block markers; empty if it is markup alone."""
    line = text[start:end]
    if _MD_ONLY_MARKUP.match(line):
        return start, start
    heading = line.startswith("#")
    while (m := _MD_LEAD.match(text, start, end)) and m.end() > start:
        start = m.end()
    if heading and (close := _MD_CLOSE.search(text, start, end)):
        end = close.start()
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Cut a run longer than MAX_SENTENCE: after the last comma, semicolon, colon or space in
    the second half of the window, else at the cap."""
    while end - start > MAX_SENTENCE:
        cut = start + MAX_SENTENCE
        for m in _SOFT_BREAK.finditer(text, start + MAX_SENTENCE // 2, cut):
            cut = m.end()  # the last one wins
        yield start, cut
        start = cut
    yield start, end


_HAN_CHAR = re.compile(r"[\u3400-\u9fff]")
# what starts a line of its own even right after a line of prose: an enumerator or a list item
_LINE_OF_ITS_OWN = re.compile(r"[一二三四五六七八九十]+[是、]|第[一二三四五六七八九十百零\d]+[条章节款]|其[一二三四五六七八九十]|首先|其次|最后")


def _paragraph_lines(text: str) -> Iterator[tuple[int, int]]:
    """The spans of the text's paragraphs: its non-empty lines, except that a line of prose cut inside a
    sentence (hard-wrapped text, copied from a PDF or an e-mail: ``国家国际发展合\n作署``) goes on on the
    next line.  A line is cut so when it holds a comma (prose, not a heading), is no row of a table, ends in a
    Chinese character and the next line starts with one (no enumerator: 二是, 第三条)."""
    start = end = None
    for line in re.finditer(r"[^\n]+", text):
        s, e = _trim(text, *line.span())
        if e <= s:
            if start is not None:
                yield start, end
                start = None
            continue
        if start is not None and _wrapped(text, start, end, s):
            end = e
            continue
        if start is not None:
            yield start, end
        start, end = s, e
    if start is not None:
        yield start, end




def _wrapped(text: str, start: int, end: int, next_start: int) -> bool:
    between = text[end:next_start]
    if between.count("\n") != 1:
        return False  # a blank line between: paragraphs
    line_start = text.rfind("\n", 0, end) + 1  # the last physical line of the paragraph so far
    last = text[max(start, line_start):end]
    return (len(last) >= 16 and ("，" in last or "," in last) and "|" not in last and "\t" not in last
            and bool(_HAN_CHAR.match(text[end - 1])) and bool(_HAN_CHAR.match(text[next_start]))
            and not _LINE_OF_ITS_OWN.match(text, next_start))


def split(text: str, *, view: TextView | None = None, original: str | None = None, markdown: bool = False
          ) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs (non-empty lines) and their sentences, with offsets into ``text``;
    surrounding white space is trimmed off.

    With a ``view`` (HTML), ``text`` is the view's text: the splitting happens on it and
    the offsets and sentence texts are those of ``original``; each sentence keeps its
    visible text in ``Sentence.view``.
    """
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []

    def span(s: int, e: int) -> tuple[int, int]:
        return view.span(s, e) if view is not None else (s, e)

    for p_start, p_end in _paragraph_lines(text):
        p_start, p_end = _trim(text, p_start, p_end)
        if markdown and p_end > p_start:
            p_start, p_end = _trim(text, *_markdown_block(text, p_start, p_end))
        if p_end == p_start:
            continue
        para = Paragraph(len(paragraphs), *span(p_start, p_end))
        paragraphs.append(para)
        for m in _SENTENCE.finditer(text, p_start, p_end):
            for a, b in _pieces(text, *m.span()):
                start, end = _trim(text, a, b)
                if end <= start:
                    continue
                if view is None:
                    sentences.append(Sentence(len(sentences), start, end, text[start:end], para.index))
                else:
                    o_start, o_end = span(start, end)
                    sentences.append(Sentence(len(sentences), o_start, o_end, original[o_start:o_end], para.index,
                                              view=text[start:end], view_start=start))
    return paragraphs, sentences
