"""Plain data objects passed between the stages.  No spaCy, no RDF."""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.errors import InputError  # noqa: F401  (re-exported: model users see one error type)

ENTITY_TYPES = ("COUNTRY", "REGION", "PLACE", "ORG", "FORUM", "MEETING", "PROGRAMME", "PROJECT", "PERSON")
VALUE_TYPES = ("MONEY", "PERCENT", "DATE", "PERIOD", "COUNT")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int  # code-point offsets into Document.text (the original text)
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int  # code-point offsets into Document.text (the original text)
    end: int
    text: str  # the original text from start to end
    paragraph: int = 0
    view: str | None = None  # HTML: the visible text of the sentence (tags out, entities decoded)
    view_start: int = 0  # HTML: where ``view`` starts in the document's view (kg.ingest.TextView)


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity or a value in a document.

    ``start``/``end`` are code-point offsets into the original text, so that
    ``document.text[start:end] == text`` always holds.
    """

    start: int
    end: int
    text: str
    type: str  # one of ENTITY_TYPES or VALUE_TYPES
    key: str  # entity key (lexicon key or "<type>/<name>"), or value key
    sentence: int
    name: str  # normalised (NFKC, simplified) surface form
    rule: str = "lexicon"  # what produced the mention
    value: dict | None = None  # normalised value for VALUE_TYPES

    @property
    def is_value(self) -> bool:
        return self.type in VALUE_TYPES


@dataclass
class Document:
    id: str  # stable id from the file name, used in IRIs
    path: str  # path as given by the user (for messages)
    text: str  # the original decoded text; all offsets point into it
    sha256: str
    title: str = ""
    encoding: str = "UTF-8"  # the file's encoding, as detected (kg.ingest.decode)
    encoding_detected: bool = False  # chosen by charset-normalizer (no UTF-8, no byte-order mark)
    media_type: str = "text/plain"  # or text/html, text/markdown; ``view`` (if any) maps the visible text to ``text``
    view: object | None = None  # kg.ingest.TextView for HTML, and for Markdown with inline markup
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    facts: list["Fact"] = field(default_factory=list)


FACT_KINDS = ("Pledge", "AidStatistic", "Partnership", "AidDelivery", "Founding", "MeetingReport", "Affiliation",
              "ProjectReport", "Component", "ProgrammeReport")


@dataclass
class Fact:
    """A relation read from one clause: a pledge, an aid figure, a partnership, a recipient,
    an institution's founding, or what a sentence says about a meeting.

    ``roles`` pair a role name with the mention that fills it (entities and values alike);
    ``literals`` hold what the text says without a mention (a flow type, a purpose, a
    beneficiary named only generically).
    """

    kind: str
    sentence: int
    start: int  # the clause, as code-point offsets into the original text
    end: int
    text: str
    rule: str
    label: str = ""  # a short name for the fact (the programme, the flow type, the clause)
    roles: list[tuple[str, Mention]] = field(default_factory=list)
    literals: dict[str, str] = field(default_factory=dict)

    def get(self, role: str) -> list[Mention]:
        return [m for r, m in self.roles if r == role]
