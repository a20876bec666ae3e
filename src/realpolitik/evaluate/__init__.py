"""Measuring the coder against hand-coded gold sentences (``shared/benchmarks/README.md`` format).

    >>> from realpolitik.evaluate import evaluate_file
    >>> report = evaluate_file("../shared/benchmarks/petr2_gsr.jsonl", errors=10)
    >>> report.event_recall, report.no_event_precision

Each gold line is coded as one article (id = gold id; date = gold date, None when it is a
placeholder); ``matching`` holds the rules that decide what counts, ``report`` sums and shows.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from realpolitik.evaluate.gold import GoldEvent, GoldFile, GoldSentence, read_gold
from realpolitik.evaluate.matching import SentenceResult, country_matches, category_of, match_sentence
from realpolitik.evaluate.report import Report, aggregate, render_json, render_table
from realpolitik.records import Article

if TYPE_CHECKING:  # pragma: no cover
    from realpolitik.coder import Coder


def evaluate_gold(gold: GoldFile, coder: Coder | None = None, errors: int = 0) -> Report:
    """Code every sentence of an already read gold file and report."""
    if coder is None:
        from realpolitik.coder import default_coder

        coder = default_coder()
    by_id = {s.id: s for s in gold.sentences}
    articles = (Article(id=s.id, text=s.text, date=s.date) for s in gold.sentences)
    results = (match_sentence(by_id[article.id], records, gold.scheme) for article, records in coder.code_articles(articles))
    return aggregate(
        results,
        file=gold.path,
        scheme=gold.scheme,
        errors=errors,
        skipped=gold.skipped,
        placeholder_dates=gold.placeholder_dates,
    )


def evaluate_file(path: str | Path, coder: Coder | None = None, errors: int = 0) -> Report:
    """Read a gold file, code its sentences with ``coder`` (the shared default one when None) and
    report; ``errors`` keeps the first N misses with everything realpolitik produced for them."""
    return evaluate_gold(read_gold(path), coder=coder, errors=errors)


__all__ = [
    "GoldEvent",
    "GoldFile",
    "GoldSentence",
    "Report",
    "SentenceResult",
    "aggregate",
    "category_of",
    "country_matches",
    "evaluate_file",
    "evaluate_gold",
    "match_sentence",
    "read_gold",
    "render_json",
    "render_table",
]
