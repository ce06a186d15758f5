"""Measure the extractor against hand-made gold: per set, per passage class and language.

- :func:`evaluate` scores records against one gold directory (:mod:`.score`);
- :func:`discover_gold_sets` / :func:`evaluate_set` find and score every set under
  ``tests/gold/`` (:mod:`.sets`);
- :func:`format_report` / :func:`format_sets` print them (:mod:`.report`).
"""

from extract.evaluation.report import format_report, format_sets
from extract.evaluation.score import TARGETS, EvalReport, FieldScore, Score, evaluate, load_gold
from extract.evaluation.sets import (
    SET_TARGETS,
    GoldSet,
    SetReport,
    discover_gold_sets,
    evaluate_set,
)

__all__ = [
    "SET_TARGETS",
    "TARGETS",
    "EvalReport",
    "FieldScore",
    "GoldSet",
    "Score",
    "SetReport",
    "discover_gold_sets",
    "evaluate",
    "evaluate_set",
    "format_report",
    "format_sets",
    "load_gold",
]
