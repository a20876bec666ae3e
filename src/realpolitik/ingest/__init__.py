"""Ingest: files and streams -> Article records -> duplicates dropped -> coded -> stored.

- ``text``      safe reading of text (size, binary, encoding, language, dates); used by ``realpolitik code``
- ``readers``   files, folders and globs of text, HTML, RSS/Atom, JSONL, CSV -> Article / Problem
- ``dedup``     exact (content hash) and near (MinHash-LSH) duplicates, before coding
- ``pipeline``  batches, one transaction each, resume after a crash: ``ingest``, ``ingest_articles``
- ``progress``  the Rich progress bar
"""
