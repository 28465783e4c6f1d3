"""hezuo-kg: knowledge graphs from Chinese policy documents on development cooperation.

Data flows one way: ``ingest`` (files -> documents with offsets) -> ``nlp`` (entities and
values as plain ``model`` objects) -> ``mapper`` (model -> RDF quads) -> ``store``
(pyoxigraph) -> ``serve``.  ``build`` joins the stages; ``cli`` is a thin layer over them.
"""

__version__ = "0.1.0"
