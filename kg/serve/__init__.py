"""The HTTP front of `kg serve`: SPARQL over Oxigraph worker processes.

Never imports spaCy, jieba or OpenCC (checked by the import contracts in pyproject.toml).
"""
from kg.serve.pool import free_loopback_port, wait_until_listening
from kg.serve.server import serve

__all__ = ["free_loopback_port", "serve", "wait_until_listening"]
