"""Files -> documents: find inputs, decode them, split sentences with original offsets."""

from __future__ import annotations

import codecs
import hashlib
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .model import Document, InputError, Paragraph, Sentence

SUFFIXES = (".txt", ".md")

# A sentence ends at one of these, plus any closing quotes/brackets that follow.
_SENTENCE = re.compile(r"[^\n。！？!?]+(?:[。！？!?]+[”’」』）)\]]*)?")
_UNSAFE_ID = re.compile(r"[^\w\-.~/]")


def find_files(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str]]:
    """Yield ``(file, doc_id)`` for every input file, folders walked in sorted order.

    The id is the path relative to the folder that was named (or the file name),
    without its suffix, so it is the same on every machine.
    """
    for given in paths:
        p = Path(given)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                raise InputError(str(given), "folder holds no .txt or .md files")
            for f in files:
                yield f, doc_id(f.relative_to(p))
        elif p.is_file():
            yield p, doc_id(Path(p.name))
        elif p.exists():
            raise InputError(str(given), "not a regular file or folder")
        else:
            raise InputError(str(given), "no such file or folder")


def doc_id(relative: Path) -> str:
    stem = relative.with_suffix("").as_posix()
    return _UNSAFE_ID.sub("_", stem) or "_"


def decode(path: str, data: bytes) -> str:
    """Decode UTF-8 text (a BOM is allowed); anything else is a one-line error."""
    if not data.strip():
        raise InputError(path, "file is empty")
    if b"\x00" in data[:4096] and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(path, "binary file, not text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(path, f"not UTF-8 text (invalid byte 0x{data[e.start]:02x} at offset {e.start}); "
                               "convert it to UTF-8") from None


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(str(path), f"cannot read: {e.strerror or e}") from None


def read_document(path: Path, id: str) -> Document:
    data = read_bytes(path)
    return make_document(str(path), id, decode(str(path), data), hashlib.sha256(data).hexdigest())


def make_document(path: str, id: str, text: str, sha256: str) -> Document:
    """A document from decoded text: title, paragraphs and sentences with offsets."""
    doc = Document(id=id, path=path, text=text, sha256=sha256)
    doc.title = next((line.strip() for line in text.splitlines() if line.strip()), id)
    doc.paragraphs, doc.sentences = split(text)
    return doc


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split(text: str) -> tuple[list[Paragraph], list[Sentence]]:
    """Paragraphs (non-empty lines) and their sentences, with offsets into ``text``;
    surrounding white space is trimmed off."""
    paragraphs: list[Paragraph] = []
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        p_start, p_end = _trim(text, *line.span())
        if p_end == p_start:
            continue
        para = Paragraph(len(paragraphs), p_start, p_end)
        paragraphs.append(para)
        for m in _SENTENCE.finditer(text, p_start, p_end):
            start, end = _trim(text, *m.span())
            if end > start:
                sentences.append(Sentence(len(sentences), start, end, text[start:end], para.index))
    return paragraphs, sentences
