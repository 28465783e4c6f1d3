"""SHACL validation of a store against ``ontology/shapes.ttl`` with pySHACL.

rdflib and pySHACL stay here (they are slow for bulk data, fine for checking a graph);
nothing else imports them at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Literal, RdfFormat, Store, Triple, serialize

from kg.resources import resource
from kg.rdf.vocab import shorten


@dataclass(frozen=True)
class Violation:
    focus: str
    path: str
    message: str
    severity: str

    def __str__(self) -> str:
        path = f" {self.path}" if self.path else ""
        return f"{self.severity}: <{self.focus}>{path}: {self.message}"


LONG_LITERAL = 10_000  # characters


def _checked_form(term):
    """A literal over ``LONG_LITERAL`` characters (a document's text) as a short stand-in of the same datatype
    and language, distinct for distinct texts: no shape looks at the length of a text, and rdflib parses a
    literal of millions of characters in minutes."""
    if isinstance(term, Literal) and len(term.value) > LONG_LITERAL:
        import hashlib

        short = term.value[:100] + " ... " + hashlib.sha256(term.value.encode()).hexdigest()
        return Literal(short, language=term.language) if term.language else Literal(short, datatype=term.datatype)
    return term


def validate(store: Store) -> list[Violation]:
    """Every violation of the shapes by the union of the store's graphs (ontology included)."""
    import rdflib
    from pyshacl import validate as shacl_validate

    triples = {Triple(q.subject, q.predicate, _checked_form(q.object)) for q in store}
    data = rdflib.Graph()
    data.parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")  # order is rdflib's own
    shapes = rdflib.Graph().parse(str(resource("ontology") / "shapes.ttl"), format="turtle")
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    if conforms:
        return []
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    out = []
    for result in report.subjects(rdflib.RDF.type, sh.ValidationResult):
        focus = report.value(result, sh.focusNode)
        path = report.value(result, sh.resultPath)
        message = report.value(result, sh.resultMessage) or report.value(result, sh.sourceConstraintComponent)
        severity = report.value(result, sh.resultSeverity)
        out.append(Violation(str(focus), shorten(str(path)) if path is not None else "", " ".join(str(message).split()),
                             str(severity).rsplit("#", 1)[-1] if severity else "Violation"))
    return sorted(out, key=lambda v: (v.focus, v.path, v.message))
