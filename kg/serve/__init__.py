"""The HTTP front of `kg serve`: SPARQL over Oxigraph worker processes.

Never imports spaCy, jieba or OpenCC (checked by the import contracts in pyproject.toml).
"""
from kg.serve.server import *  # noqa: F401,F403
from kg.serve.server import free_loopback_port, serve, wait_until_listening  # noqa: F401
