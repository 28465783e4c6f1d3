"""The search index: entity names in SQLite FTS5 with the trigram tokenizer (Python's own sqlite3).

Oxigraph has no text index, so ``kg build`` writes one beside each generation's store
(``generations/NNNNNN/search.sqlite``) from the entities graph: every entity's labels (Chinese and
English), aliases and short forms (acronyms are aliases in the lexicon), and the traditional forms of
its Chinese names (the build hands in OpenCC's conversions as ``forms``: this module may not load
OpenCC).  Names are kept normalised (NFKC, case folded, traditional characters mapped to simplified
with a table written from the same conversions), so a query in either script finds them.

Beside the names, it keeps for each entity named as recipient of a fact the year of the fact and its
amounts (the aid a country received over time, drawn on its page), worked out once here rather than
on every page view.

Chinese has no spaces between words, so matching is by substring: the trigram tokenizer answers a
query of three characters or more from the index; one or two characters (below the trigram length)
fall back to a scan with ``instr``.  Results are ranked: an exact name first, then a name that starts
with the query, then one that contains it; within each, entities mentioned more often first.

No spaCy, jieba or OpenCC here.
"""
from __future__ import annotations

import os
import sqlite3
import threading
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import NamedNode, Store

from kg.store.folder import SEARCH_INDEX
from kg.rdf.vocab import ENTITY_CLASS, HZ, NIF, RDF, RDFS, SKOS

INDEX_FILE = SEARCH_INDEX
FORMAT = 2
TRIGRAM = 3  # the tokenizer's token length: shorter queries are scanned
EXACT, PREFIX, SUBSTRING = 0, 1, 2
TYPES = {cls.value.rsplit("#", 1)[1]: cls.value for cls in ENTITY_CLASS.values()}  # Country -> class IRI

_SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE entity(id INTEGER PRIMARY KEY, iri TEXT UNIQUE NOT NULL, key TEXT NOT NULL, type TEXT NOT NULL,
                    label_zh TEXT NOT NULL, label_en TEXT NOT NULL, mentions INTEGER NOT NULL);
CREATE TABLE name(entity INTEGER NOT NULL REFERENCES entity(id), name TEXT NOT NULL, norm TEXT NOT NULL,
                  kind TEXT NOT NULL, PRIMARY KEY(entity, norm)) WITHOUT ROWID;
CREATE TABLE chars(traditional TEXT PRIMARY KEY, simplified TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE aid(entity INTEGER NOT NULL REFERENCES entity(id), fact TEXT NOT NULL, year TEXT NOT NULL,
                 currency TEXT, amount REAL);
CREATE INDEX aid_entity ON aid(entity);
CREATE VIRTUAL TABLE name_fts USING fts5(norm, entity UNINDEXED, tokenize='trigram');
"""
# how a name came to be indexed, best first (one entity-name pair keeps the best)
KINDS = ("label", "en", "alias", "traditional")


def index_path(generation_dir: str | Path) -> Path:
    return Path(generation_dir) / INDEX_FILE


def fold(text: str, table: dict[str, str] | None = None) -> str:
    """The normalised form names are compared in: NFKC, case folded, white space collapsed, and
    traditional characters mapped to simplified by ``table``."""
    text = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    if table:
        text = "".join(table.get(c, c) for c in text)
    return text


def _char_table(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Traditional -> simplified characters from (simplified name, traditional form) pairs of equal length."""
    table: dict[str, str] = {}
    for simplified, traditional in pairs:
        if len(simplified) != len(traditional):
            continue
        for s, t in zip(simplified, traditional):
            if s != t:
                table.setdefault(t, s)
    return table


def _entity_rows(store: Store, graph: NamedNode) -> dict[str, dict]:
    """Every entity of the entities graph: type, key, labels and aliases."""
    classes = {cls.value for cls in ENTITY_CLASS.values()}
    rows: dict[str, dict] = {}
    for q in store.quads_for_pattern(None, RDF.type, None, graph):
        if q.object.value in classes and isinstance(q.subject, NamedNode):
            rows.setdefault(q.subject.value, {"type": q.object.value.rsplit("#", 1)[1], "key": "",
                                              "zh": "", "en": "", "names": []})
    for prop in (HZ.key, SKOS.prefLabel, RDFS.label, SKOS.altLabel):
        for q in store.quads_for_pattern(None, prop, None, graph):
            row = rows.get(q.subject.value)
            if row is None:
                continue
            value, lang = q.object.value, getattr(q.object, "language", None)
            if prop == HZ.key:
                row["key"] = value
            elif prop == SKOS.prefLabel or (prop == RDFS.label and lang == "zh" and not row["zh"]):
                row["zh"] = value
                row["names"].append((value, "label"))
            elif prop == RDFS.label and lang == "en":
                row["en"] = row["en"] or value
                row["names"].append((value, "en"))
            else:
                row["names"].append((value, "label" if prop == RDFS.label else "alias"))
    return rows


def _mention_counts(store: Store) -> dict[str, int]:
    counts: dict[str, int] = {}
    for sol in store.query("SELECT ?e (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?e <%s> ?m } } GROUP BY ?e"
                           % HZ.hasMention.value):
        counts[sol["e"].value] = int(sol["n"].value)
    return counts


def _first(store: Store, s, p, graph=None):
    return next((q.object for q in store.quads_for_pattern(s, p, None, graph)), None)


def fact_year(store: Store, fact: NamedNode) -> str:
    """The year a fact is of: its date (or as-of date), else the start of its period, else a date or period
    named in the sentence of its evidence, else the date of the meeting it was announced at; "" if none."""
    graph = NamedNode(fact.value.split("#", 1)[0])
    for p in (HZ.date, HZ.asOf):
        v = _first(store, fact, p, graph)
        if v is not None:
            return v.value[:4]
    for q in store.quads_for_pattern(fact, HZ.period, None, graph):
        v = _first(store, q.object, HZ.periodStart, graph)
        if v is not None:
            return v.value[:4]
    clause = _first(store, fact, HZ.evidence, graph)
    sentence = _first(store, clause, NIF.sentence, graph) if clause is not None else None
    for q in store.quads_for_pattern(None, NIF.sentence, sentence, graph) if sentence is not None else ():
        v = _first(store, q.subject, HZ.date, graph) or _first(store, q.subject, HZ.periodStart, graph)
        if v is not None and v.value[:4].isdigit():
            return v.value[:4]
    for q in store.quads_for_pattern(fact, HZ.announcedAt, None, graph):
        v = _first(store, q.object, HZ.startDate)
        if v is not None:
            return v.value[:4]
    return ""


def fact_amounts(store: Store, fact: NamedNode) -> list[tuple[str, str]]:
    """The fact's money amounts: ``(amount, ISO 4217 currency)``."""
    graph = NamedNode(fact.value.split("#", 1)[0])
    out = []
    for q in store.quads_for_pattern(fact, HZ.moneyAmount, None, graph):
        amount, currency = _first(store, q.object, HZ.amount, graph), _first(store, q.object, HZ.currency, graph)
        if amount is not None and currency is not None:
            out.append((amount.value, currency.value))
    return out


def _aid_rows(store: Store, ids: dict[str, int]):
    """``(entity, fact, year, currency, amount)`` for every fact that names an entity as recipient."""
    known: dict[str, tuple[str, list]] = {}  # a fact with several recipients is looked at once
    for q in store.quads_for_pattern(None, HZ.recipient, None):
        entity = ids.get(q.object.value)
        if entity is None or not isinstance(q.subject, NamedNode):
            continue
        if q.subject.value not in known:
            known[q.subject.value] = (fact_year(store, q.subject), fact_amounts(store, q.subject))
        year, amounts = known[q.subject.value]
        for amount, currency in amounts or [(None, None)]:
            yield entity, q.subject.value, year, currency, float(amount) if amount is not None else None


def build_index(store: Store, store_generation_dir: str | Path, *, base: str | None = None,
                forms: Callable[[str], tuple[str, list[str]]] | None = None) -> Path:
    """Write the search index of ``store`` (an open generation) into ``store_generation_dir``.

    ``base``: the base IRI (default: the one of the entities graph found in the store).
    ``forms(name)``: the simplified form of a Chinese name and its traditional forms
    (``kg.extract.script.forms``); without it only the names in the store are indexed.
    Returns the index file, written atomically (a temporary file renamed).
    """
    graph = _entities_graph(store, base)
    rows = _entity_rows(store, graph) if graph is not None else {}
    counts = _mention_counts(store)
    names: list[tuple[str, str, str]] = []  # (iri, name, kind)
    pairs: list[tuple[str, str]] = []  # (simplified, traditional) forms of a name
    for iri, row in rows.items():
        for name, kind in row["names"]:
            names.append((iri, name, kind))
            if forms is not None and kind != "en":
                simplified, traditional = forms(name)
                for form in (simplified, *traditional):
                    if form != name:
                        names.append((iri, form, "traditional"))
                pairs += [(simplified, t) for t in traditional]
    table = _char_table(pairs)
    target = index_path(store_generation_dir)
    tmp = target.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    try:
        db.executescript(_SCHEMA)
        db.executemany("INSERT INTO chars VALUES (?, ?)", sorted(table.items()))
        ids: dict[str, int] = {}
        for n, iri in enumerate(sorted(rows), 1):
            row = rows[iri]
            ids[iri] = n
            db.execute("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (n, iri, row["key"], row["type"], row["zh"] or row["en"], row["en"], counts.get(iri, 0)))
        best: dict[tuple[int, str], tuple[str, str]] = {}
        for iri, name, kind in names:
            k = (ids[iri], fold(name, table))
            if k[1] and (k not in best or KINDS.index(kind) < KINDS.index(best[k][1])):
                best[k] = (name, kind)
        db.executemany("INSERT INTO name VALUES (?, ?, ?, ?)",
                       [(e, name, norm, kind) for (e, norm), (name, kind) in sorted(best.items())])
        db.execute("INSERT INTO name_fts(norm, entity) SELECT norm, entity FROM name")
        db.executemany("INSERT INTO aid VALUES (?, ?, ?, ?, ?)", sorted(_aid_rows(store, ids), key=str))
        db.executemany("INSERT INTO meta VALUES (?, ?)", [("format", str(FORMAT)), ("graph", graph.value if graph else "")])
        db.commit()
        db.execute("INSERT INTO name_fts(name_fts) VALUES ('optimize')")
        db.commit()
    finally:
        db.close()
    os.replace(tmp, target)
    return target


def _entities_graph(store: Store, base: str | None) -> NamedNode | None:
    if base is not None:
        return NamedNode(base + "entities")
    for g in store.named_graphs():
        if g.value.endswith("/entities") or g.value.endswith("#entities"):
            return g
    return None


@dataclass(frozen=True)
class Hit:
    iri: str
    key: str
    type: str  # class local name: Country, Organization ...
    label: str  # the Chinese label (English when there is none)
    label_en: str
    mentions: int
    name: str  # the name that matched
    kind: str  # label, en, alias, traditional
    rank: int  # EXACT, PREFIX or SUBSTRING

    def as_json(self) -> dict:
        return {"id": self.iri, "key": self.key, "type": self.type, "label": self.label, "label_en": self.label_en,
                "mentions": self.mentions, "matched": self.name, "match": ("exact", "prefix", "substring")[self.rank]}


class SearchIndex:
    """A generation's search index, read-only; safe to share between threads (one connection each)."""

    def __init__(self, generation_dir: str | Path):
        self.path = index_path(generation_dir)
        if not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: no search index; run 'kg build' again to make one")
        self._local = threading.local()
        db = self._db()
        self.table = dict(db.execute("SELECT traditional, simplified FROM chars"))

    def _db(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
            self._local.db = db
        return db

    def normalise(self, query: str) -> str:
        return fold(query, self.table)

    def search(self, query: str, *, types: Iterable[str] = (), limit: int = 20, offset: int = 0) -> list[Hit]:
        """Entities whose names contain ``query`` (any script, any case), best first; ``types`` are class
        local names (Country ...) or IRIs; an unknown type is a ValueError."""
        q = self.normalise(query)
        wanted = sorted({_type_name(t) for t in types if t})
        if not q:  # no name: the entities of the types asked for, the most mentioned first
            return self._of_types(wanted, limit, offset) if wanted else []
        params: dict = {"q": q, "limit": max(0, int(limit)), "offset": max(0, int(offset))}
        params.update({f"t{i}": t for i, t in enumerate(wanted)})
        type_sql = f"AND e.type IN ({', '.join(f':t{i}' for i in range(len(wanted)))})" if wanted else ""
        if len(q) >= TRIGRAM:  # from the index: the query as one phrase, i.e. a substring
            params["arg"] = '"' + q.replace('"', '""') + '"'
            found = "SELECT entity, norm FROM name_fts WHERE name_fts MATCH :arg"
        else:  # below the trigram length: a scan
            params["arg"] = q
            found = "SELECT entity, norm FROM name WHERE instr(norm, :arg) > 0"
        sql = f"""
            SELECT e.iri, e.key, e.type, e.label_zh, e.label_en, e.mentions, n.name, n.kind,
                   MIN((CASE WHEN n.norm = :q THEN 0 WHEN substr(n.norm, 1, length(:q)) = :q THEN 1 ELSE 2 END) * 8
                       + CASE n.kind WHEN 'label' THEN 0 WHEN 'en' THEN 1 WHEN 'alias' THEN 2 ELSE 3 END) AS r
            FROM ({found}) f JOIN name n ON n.entity = f.entity AND n.norm = f.norm
                 JOIN entity e ON e.id = f.entity
            WHERE 1 {type_sql}
            GROUP BY e.id ORDER BY r / 8, e.mentions DESC, r % 8, length(e.label_zh), e.key
            LIMIT :limit OFFSET :offset"""
        rows = self._db().execute(sql, params).fetchall()
        return [Hit(iri, key, typ, zh, en, mentions, name, kind, r // 8)
                for iri, key, typ, zh, en, mentions, name, kind, r in rows]

    def _of_types(self, wanted: list[str], limit: int, offset: int) -> list[Hit]:
        rows = self._db().execute(
            f"SELECT iri, key, type, label_zh, label_en, mentions FROM entity WHERE type IN "
            f"({', '.join('?' * len(wanted))}) ORDER BY mentions DESC, key LIMIT ? OFFSET ?",
            (*wanted, max(0, int(limit)), max(0, int(offset)))).fetchall()
        return [Hit(iri, key, typ, zh, en, n, zh, "label", SUBSTRING) for iri, key, typ, zh, en, n in rows]

    def entity(self, iri: str) -> dict | None:
        """The entity's row: key, type, labels and the number of its mentions."""
        row = self._db().execute("SELECT key, type, label_zh, label_en, mentions FROM entity WHERE iri = ?",
                                 (iri,)).fetchone()
        if row is None:
            return None
        return dict(zip(("key", "type", "label", "label_en", "mentions"), row))

    def names(self, iri: str) -> list[tuple[str, str]]:
        return self._db().execute("SELECT n.name, n.kind FROM name n JOIN entity e ON e.id = n.entity "
                                  "WHERE e.iri = ? ORDER BY n.kind, n.name", (iri,)).fetchall()

    def aid_by_year(self, iri: str) -> dict[str, dict]:
        """The facts that name the entity as recipient, per year ("" when none is known): their number and
        the sum of their amounts per currency."""
        db = self._db()
        years = {year: {"facts": n, "amounts": {}} for year, n in db.execute(
            "SELECT a.year, COUNT(DISTINCT a.fact) FROM aid a JOIN entity e ON e.id = a.entity WHERE e.iri = ? "
            "GROUP BY a.year ORDER BY a.year = '', a.year", (iri,))}
        for year, currency, amount in db.execute(
                "SELECT a.year, a.currency, SUM(a.amount) FROM aid a JOIN entity e ON e.id = a.entity "
                "WHERE e.iri = ? AND a.currency IS NOT NULL GROUP BY a.year, a.currency ORDER BY a.currency", (iri,)):
            years[year]["amounts"][currency] = amount
        return years

    def type_counts(self) -> dict[str, int]:
        return dict(self._db().execute("SELECT type, COUNT(*) FROM entity GROUP BY type ORDER BY type"))


def _type_name(t: str) -> str:
    """``Country``, ``country``, ``COUNTRY``, ``hz:Country`` or the class IRI -> ``Country``."""
    local = t.rsplit("#", 1)[-1].rsplit(":", 1)[-1]
    for name in TYPES:
        if name.lower() == local.lower() or (local.upper() in ENTITY_CLASS and
                                             ENTITY_CLASS[local.upper()].value == TYPES[name]):
            return name
    raise ValueError(f"unknown type {t!r}; one of {', '.join(TYPES)}")


__all__ = ["Hit", "INDEX_FILE", "SearchIndex", "TYPES", "build_index", "fact_amounts", "fact_year", "fold",
           "index_path"]
