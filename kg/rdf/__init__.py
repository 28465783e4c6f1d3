"""The RDF layer: the vocabulary, the mapping of model objects to RDF terms and quads, JSON-LD.

Terms only: nothing here opens a Store. Never imports spaCy, jieba or OpenCC.
"""
