"""The store layer: the store folder and its generations, the Oxigraph store, census, export, VoID, SHACL.

Never imports spaCy, jieba or OpenCC (checked by the import contracts in pyproject.toml).
"""
from kg.store.core import *  # noqa: F401,F403
from kg.store.core import __all__ as _core_all
from kg.store.exports import DATASET_FORMATS, RDF_FORMATS, ExportFormat, export  # noqa: F401

__all__ = [*_core_all, "DATASET_FORMATS", "ExportFormat", "RDF_FORMATS", "export"]
