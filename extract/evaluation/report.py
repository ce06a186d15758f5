"""Plain-text tables of evaluation reports, as ``resgraph eval`` prints them.

Why apart from the scoring: the numbers are data (JSON for CI and notes); how a person reads
them is another concern that changes for other reasons.
"""

from __future__ import annotations

from collections.abc import Sequence

from extract.evaluation.score import EvalReport, Score
from extract.evaluation.sets import SetReport

__all__ = ["format_report", "format_sets"]


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


def format_sets(reports: Sequence[SetReport]) -> str:
    """Every set's table, its per-class and per-language rows, and one gate line per target.

    Gate lines start with ``PASS``/``FAIL`` and the set name, so a script can grep them.
    """
    out: list[str] = []
    for sr in reports:
        name = sr.gold.name
        out.append(f"== gold set {name!r}: {len(sr.report.docs)} documents in {sr.gold.corpus}")
        body = format_report(sr.report).splitlines()
        out += [line for line in body if not line.startswith(("PASS", "FAIL"))]
        if sr.breakdown:
            out.append(
                f"{'by':9} {'value':16} {'docs':>4} {'cit tp':>6} {'fp':>4} {'fn':>4} "
                f"{'cit F1':>7} {'body':>6} {'asg tp':>6} {'fp':>4} {'fn':>4} {'asg F1':>7}"
            )
            for group, value, r in sr.breakdown:
                c = _score(r, "citation.itu.span.exact")
                a = _score(r, "assignment.all.span.exact")
                out.append(
                    f"{group:9} {value:16} {len(r.docs):4d} {c.tp:6d} {c.fp:4d} {c.fn:4d} "
                    f"{c.f1:7.4f} {r.value('citation.field.body'):6.3f} "
                    f"{a.tp:6d} {a.fp:4d} {a.fn:4d} {a.f1:7.4f}"
                )
            out.append("")
        for failed in sr.failed:
            out.append(f"FAIL {name}: document failed: {failed}")
        for metric, score, target, ok in sr.report.checks():
            out.append(
                f"{'PASS' if ok else 'FAIL'} {name} {metric} = {score:.4f} (target >= {target})"
            )
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def _score(report: EvalReport, name: str) -> Score:
    return next(s for s in report.scores if s.name == name)
