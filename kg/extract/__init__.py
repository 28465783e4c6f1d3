"""Extraction: text -> entities, values and facts as plain `kg.model` objects.

The only package that imports spaCy, jieba or OpenCC; import its modules (`kg.extract.nlp`) to load them.
This file stays light so that `kg.extract.lexicon` can be read without loading a tagger.
"""
