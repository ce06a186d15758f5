"""The result types of an evaluation: scores, field accuracies, the report and its targets.

Why apart from the scoring: ``resgraph eval``, the CI gate and the per-set reports read these
types without needing the matching logic of :mod:`extract.evaluation.score`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["TARGETS", "EvalReport", "FieldScore", "Score"]

# (metric name, minimum): the targets of the issue; the CI gate fails below any of them.
TARGETS: dict[str, float] = {
    "citation.span.exact.f1": 0.98,
    "citation.field.number": 0.98,
    "citation.field.body": 0.97,
    "citation.field.venue": 0.98,
    "citation.field.year": 0.98,
    "citation.field.revised": 0.98,
    "assignment.operative.labels.exact.f1": 0.95,
}


@dataclass(frozen=True)
class Score:
    """Precision/recall/F1 of one comparison, e.g. ``assignment.operative.labels.exact``."""

    name: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted and nothing expected."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else float(self.fn == 0)

    @property
    def recall(self) -> float:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, Any]:
        """Counts and rates, rounded for reports."""
        return {
            **asdict(self),
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True)
class FieldScore:
    """Accuracy of one field on exactly matched spans (``citation.field.body``)."""

    name: str
    correct: int
    total: int

    @property
    def accuracy(self) -> float:
        """correct / total (1.0 on no matched span)."""
        return self.correct / self.total if self.total else 1.0

    def to_json(self) -> dict[str, Any]:
        """Counts and the rate."""
        return {**asdict(self), "accuracy": round(self.accuracy, 4)}


@dataclass(frozen=True)
class EvalReport:
    """All scores of one evaluation run, plus the target checks; JSON-able via :meth:`to_json`."""

    docs: tuple[str, ...]
    scores: tuple[Score, ...]
    fields: tuple[FieldScore, ...]
    errors: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    targets: dict[str, float] = field(default_factory=lambda: dict(TARGETS))

    def value(self, metric: str) -> float:
        """A metric by name: ``<score name>.f1|precision|recall`` or a field score name.

        Raises:
            ValueError: naming the known metrics when ``metric`` is not one.
        """
        for f in self.fields:
            if f.name == metric:
                return f.accuracy
        base, _, rate = metric.rpartition(".")
        for s in self.scores:
            if s.name == base and rate in {"f1", "precision", "recall"}:
                return float(getattr(s, rate))
        known = [f"{s.name}.f1" for s in self.scores] + [f.name for f in self.fields]
        raise ValueError(f"unknown metric {metric!r}; known: {', '.join(known)}")

    def checks(
        self, targets: dict[str, float] | None = None
    ) -> list[tuple[str, float, float, bool]]:
        """(metric, value, target, met) for every target."""
        out = []
        for name, minimum in (self.targets if targets is None else targets).items():
            v = self.value(name)
            out.append((name, v, minimum, v >= minimum))
        return out

    @property
    def passed(self) -> bool:
        """True when every target is met."""
        return all(ok for *_, ok in self.checks())

    def to_json(self) -> dict[str, Any]:
        """The report as plain JSON types."""
        return {
            "docs": list(self.docs),
            "scores": [s.to_json() for s in self.scores],
            "fields": [f.to_json() for f in self.fields],
            "targets": [
                {"metric": n, "value": round(v, 4), "target": t, "met": ok}
                for n, v, t, ok in self.checks()
            ],
            "passed": self.passed,
            "errors": self.errors,
        }
