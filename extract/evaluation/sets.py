"""Gold sets: the seed annotations and every set of real passages under ``tests/gold/``.

Why sets: the seeds are what the extractor was developed on; a set of passages written by others
(``tests/gold/dev``: ITU-R, WRC, Council, damaged PDF text, six languages, hard negatives) shows
whether its rules hold on text nobody tuned them to. Each set is scored on its own, and per
passage class and language where the set says them (``passages.jsonl``), so a gain on one set
cannot hide a loss on another.

A gold set is a directory with ``citations.jsonl``, ``headings.jsonl`` and ``assignments.jsonl``;
its documents are in ``texts/`` beside them, or (the seed set, the gold root itself) in the
corpus directory given by the caller.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.evaluation.score import GOLD_FILES, TARGETS, EvalReport, evaluate

__all__ = ["SET_TARGETS", "GoldSet", "SetReport", "discover_gold_sets", "evaluate_set"]

# Targets per set name; a set with no entry is reported without a gate. The passage sets (dev:
# real text by others; probe, probe2: passages the team wrote as fresh examples of the forms,
# measured blind before any rule was written for them) share the targets of issue 15.
_PASSAGE_TARGETS = {
    "citation.itu.span.exact.f1": 0.97,
    "citation.field.body": 0.97,
    "citation.field.year": 0.97,
    "citation.field.revised": 0.97,
    "citation.nearmiss.not_itu": 1.0,
    "assignment.all.span.exact.f1": 0.90,
    "assignment.field.addressee": 0.95,
    "assignment.field.collaborators": 0.95,
}
SET_TARGETS: dict[str, dict[str, float]] = {
    "seeds": dict(TARGETS),
    "dev": dict(_PASSAGE_TARGETS),
    "probe": dict(_PASSAGE_TARGETS),
    "probe2": dict(_PASSAGE_TARGETS),
}

# The breakdowns a set's passages can give, and the scores each breakdown row shows.
GROUPS = ("cls", "language")


@dataclass(frozen=True)
class GoldSet:
    """One gold set: where its annotations and documents are, and what each passage is."""

    name: str
    gold_dir: Path
    corpus: Path
    passages: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @property
    def targets(self) -> dict[str, float]:
        """The gate of this set (empty: reported only)."""
        return dict(SET_TARGETS.get(self.name, {}))


@dataclass(frozen=True)
class SetReport:
    """The report of one set, its per-class/per-language rows and the documents that failed."""

    gold: GoldSet
    report: EvalReport
    breakdown: tuple[tuple[str, str, EvalReport], ...] = ()
    failed: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """Every target met and no document failed to load."""
        return self.report.passed and not self.failed

    def to_json(self) -> dict[str, Any]:
        """The set's report, with the breakdown rows' headline scores."""
        return {
            "set": self.gold.name,
            "corpus": str(self.gold.corpus),
            **self.report.to_json(),
            "failed": list(self.failed),
            "breakdown": [
                {
                    "group": group,
                    "value": value,
                    "docs": len(r.docs),
                    **{m: round(r.value(m), 4) for m in BREAKDOWN_METRICS},
                }
                for group, value, r in self.breakdown
            ],
        }


BREAKDOWN_METRICS = (
    "citation.itu.span.exact.f1",
    "citation.itu.span.exact.recall",
    "citation.itu.span.exact.precision",
    "citation.field.body",
    "assignment.all.span.exact.f1",
)


def _passages(path: Path) -> dict[str, dict[str, str]]:
    """``passages.jsonl`` rows by document name (``<id>.txt``); empty when the set has none."""
    if not path.is_file():
        return {}
    out: dict[str, dict[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[f"{row['id']}.txt"] = {g: str(row.get(g, "")) for g in GROUPS}
    return out


def _is_set(path: Path) -> bool:
    return (path / GOLD_FILES["citation"]).is_file() and (path / GOLD_FILES["assignment"]).is_file()


def discover_gold_sets(root: Path, corpus: Path) -> tuple[GoldSet, ...]:
    """The gold sets under ``root``: ``root`` itself (documents in ``corpus``), then each
    subdirectory that holds ``citations.jsonl``, ``assignments.jsonl`` and a ``texts/`` folder
    (``headings.jsonl`` is optional), by name.

    Raises:
        FileNotFoundError: when ``root`` holds no gold set at all.

    Example:
        >>> [s.name for s in discover_gold_sets(Path("tests/gold"), Path("data/corpus"))][:2]
        ['seeds', 'dev']
    """
    sets: list[GoldSet] = []
    if _is_set(root):
        sets.append(GoldSet("seeds", root, corpus, _passages(root / "passages.jsonl")))
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        if _is_set(sub) and (sub / "texts").is_dir():
            sets.append(GoldSet(sub.name, sub, sub / "texts", _passages(sub / "passages.jsonl")))
    if not sets:
        raise FileNotFoundError(
            f"{root}: no gold set (expected {', '.join(GOLD_FILES.values())} in it or in a "
            "subdirectory with texts/)"
        )
    return tuple(sets)


def evaluate_set(
    records: Iterable[Any],
    gold: GoldSet,
    texts: Mapping[str, str] | None = None,
    failed: Iterable[str] = (),
) -> SetReport:
    """Score ``records`` against one set, overall and per passage class and language.

    Example:
        >>> from extract.evaluation.score import load_gold
        >>> s = discover_gold_sets(Path("tests/gold"), Path("data/corpus"))[1]
        >>> rows = [r for rows in load_gold(s.gold_dir).values() for r in rows]
        >>> rep = evaluate_set(rows, s)
        >>> rep.passed, rep.report.value("citation.itu.span.exact.f1")
        (True, 1.0)
    """
    recs = list(records)
    # A set of passages scores all of them, pure negatives (no gold record) included.
    docs = set(gold.passages) or None
    report = evaluate(recs, gold.gold_dir, docs=docs, texts=texts, targets=gold.targets)
    rows: list[tuple[str, str, EvalReport]] = []
    for group in GROUPS:
        values = sorted({p[group] for p in gold.passages.values() if p.get(group)})
        for value in values:
            docs = {d for d, p in gold.passages.items() if p.get(group) == value}
            rows.append(
                (group, value, evaluate(recs, gold.gold_dir, docs=docs, texts=texts, targets={}))
            )
    return SetReport(gold, report, tuple(rows), tuple(failed))
