"""Measure extracted records against the hand-made gold: precision, recall, F1, field accuracy.

Why here and not in tests only: "measured, not hoped" — the same numbers are printed by
``resgraph eval``, asserted by the CI gate and reported in pull requests, so they come from one
function. Span matching follows the gold README: a predicted span matches a gold span when
``(doc, start, end)`` are equal (``exact``); a ``relaxed`` match pairs overlapping spans one to
one, for diagnosing boundary errors. Citation fields (number, body, venue, year, revised) are
compared on exactly matched spans. Assignments are scored on span alone and on span + labels
(addressee and collaborators, in text order), for all heads and per gold ``source``
(``operative`` — the target —, ``summary`` and ``reported``).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["TARGETS", "EvalReport", "Score", "evaluate", "format_report", "load_gold"]

GOLD_FILES = {
    "citation": "citations.jsonl",
    "heading": "headings.jsonl",
    "assignment": "assignments.jsonl",
}
CITATION_FIELDS = ("number", "body", "venue", "year", "revised")
HEADING_FIELDS = ("number", "body", "status")
ASSIGNMENT_FIELDS = ("verb", "addressee", "collaborators", "resolution", "source")
SOURCES = ("operative", "summary", "reported")

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
        for name, minimum in (targets or TARGETS).items():
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


def load_gold(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Read the gold JSONL files (citations, headings, assignments) of ``gold_dir``.

    Raises:
        FileNotFoundError: naming the missing file.
        ValueError: naming the file and line of a record that is not JSON.

    Example:
        >>> len(load_gold(Path("tests/gold"))["assignment"])
        208
    """
    out: dict[str, list[dict[str, Any]]] = {}
    for kind, fname in GOLD_FILES.items():
        path = Path(gold_dir) / fname
        if not path.is_file():
            raise FileNotFoundError(f"{path}: gold file missing (expected in --gold directory)")
        rows = []
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    rows.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not a JSON record ({exc})") from exc
        out[kind] = rows
    return out


def _as_dict(record: Any) -> dict[str, Any]:
    if isinstance(record, dict):
        return record
    to_json = getattr(record, "to_json", None)
    if to_json is None:
        raise ValueError(f"cannot evaluate a {type(record).__name__}: expected a record or dict")
    return dict(to_json())


def _key(r: dict[str, Any]) -> tuple[str, int, int]:
    return (r["doc"], int(r["start"]), int(r["end"]))


def _exact(
    name: str,
    pred: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    same: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
) -> tuple[Score, list[dict[str, Any]]]:
    """Exact-span matching; with ``same``, a match must also agree on labels."""
    by_key = {_key(g): g for g in gold}
    tp, errors = 0, []
    matched: set[tuple[str, int, int]] = set()
    for p in pred:
        g = by_key.get(_key(p))
        if g is not None and _key(p) not in matched and (same is None or same(p, g)):
            tp += 1
            matched.add(_key(p))
        else:
            errors.append({"error": "fp", "pred": p, "gold": g})
    errors += [{"error": "fn", "gold": g} for g in gold if _key(g) not in matched]
    return Score(name, tp, len(pred) - tp, len(gold) - tp), errors


def _relaxed(
    name: str,
    pred: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    same: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
) -> Score:
    """One-to-one pairing of overlapping spans (same doc), first gold first."""
    free = sorted(pred, key=_key)
    tp = 0
    for g in sorted(gold, key=_key):
        for i, p in enumerate(free):
            overlap = p["doc"] == g["doc"] and p["start"] < g["end"] and g["start"] < p["end"]
            if overlap and (same is None or same(p, g)):
                tp += 1
                del free[i]
                break
    return Score(name, tp, len(pred) - tp, len(gold) - tp)


def _same_labels(p: dict[str, Any], g: dict[str, Any]) -> bool:
    return p.get("addressee") == g.get("addressee") and list(p.get("collaborators") or []) == list(
        g.get("collaborators") or []
    )


def _fields(
    prefix: str, names: tuple[str, ...], pred: list[dict[str, Any]], gold: list[dict[str, Any]]
) -> list[FieldScore]:
    by_key = {_key(g): g for g in gold}
    pairs = [(p, by_key[_key(p)]) for p in pred if _key(p) in by_key]
    return [
        FieldScore(f"{prefix}.field.{f}", sum(p.get(f) == g.get(f) for p, g in pairs), len(pairs))
        for f in names
    ]


def evaluate(records: Iterable[Any], gold_dir: Path, docs: set[str] | None = None) -> EvalReport:
    """Compare extracted records with the gold of ``gold_dir``.

    Args:
        records: Heading/Citation/Assignment records or their JSON dicts (``"type"`` key).
        gold_dir: directory with citations.jsonl, headings.jsonl, assignments.jsonl.
        docs: restrict both sides to these document names (default: every gold document).

    Returns:
        An :class:`EvalReport`; ``report.value("assignment.operative.labels.exact.f1")``.

    Example:
        >>> gold = load_gold(Path("tests/gold"))
        >>> r = evaluate(gold["assignment"], Path("tests/gold"))
        >>> r.value("assignment.operative.labels.exact.f1")
        1.0
    """
    gold = load_gold(gold_dir)
    wanted = docs if docs is not None else {r["doc"] for rows in gold.values() for r in rows}
    pred: dict[str, list[dict[str, Any]]] = {k: [] for k in GOLD_FILES}
    for rec in records:
        d = _as_dict(rec)
        if d.get("type") in pred and d.get("doc") in wanted:
            pred[d["type"]].append(d)
    gold = {k: [r for r in rows if r["doc"] in wanted] for k, rows in gold.items()}
    scores: list[Score] = []
    fields: list[FieldScore] = []
    errors: dict[str, list[dict[str, Any]]] = {}
    for kind, names in (("citation", CITATION_FIELDS), ("heading", HEADING_FIELDS)):
        s, err = _exact(f"{kind}.span.exact", pred[kind], gold[kind])
        scores += [s, _relaxed(f"{kind}.span.relaxed", pred[kind], gold[kind])]
        fields += _fields(kind, names, pred[kind], gold[kind])
        errors[kind] = err
    for subset in ("all", *SOURCES):
        p = [r for r in pred["assignment"] if subset == "all" or r.get("source") == subset]
        g = [r for r in gold["assignment"] if subset == "all" or r.get("source") == subset]
        base = f"assignment.{subset}"
        span, _ = _exact(f"{base}.span.exact", p, g)
        labels, err = _exact(f"{base}.labels.exact", p, g, _same_labels)
        scores += [
            span,
            labels,
            _relaxed(f"{base}.labels.relaxed", p, g, _same_labels),
        ]
        if subset == "all":
            errors["assignment"] = err
            fields += _fields("assignment", ASSIGNMENT_FIELDS, p, g)
    return EvalReport(tuple(sorted(wanted)), tuple(scores), tuple(fields), errors)


def format_report(report: EvalReport) -> str:
    """A plain-text table of the report (the CLI prints it with rich when available).

    Example:
        >>> gold = load_gold(Path("tests/gold"))
        >>> "assignment.operative.labels.exact" in format_report(evaluate(gold["assignment"],
        ...     Path("tests/gold")))
        True
    """
    lines = [f"{'metric':44} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>7} {'R':>7} {'F1':>7}"]
    for s in report.scores:
        lines.append(
            f"{s.name:44} {s.tp:5d} {s.fp:5d} {s.fn:5d} "
            f"{s.precision:7.4f} {s.recall:7.4f} {s.f1:7.4f}"
        )
    lines.append("")
    lines.append(f"{'field (on exact spans)':44} {'ok':>5} {'n':>5} {'acc':>7}")
    for f in report.fields:
        lines.append(f"{f.name:44} {f.correct:5d} {f.total:5d} {f.accuracy:7.4f}")
    lines.append("")
    for name, value, target, ok in report.checks():
        lines.append(f"{'PASS' if ok else 'FAIL'} {name} = {value:.4f} (target >= {target})")
    return "\n".join(lines)
