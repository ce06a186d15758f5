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
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

from extract.evaluation.results import TARGETS, EvalReport, FieldScore, Score

__all__ = ["TARGETS", "EvalReport", "FieldScore", "Score", "evaluate", "load_gold"]

GOLD_FILES = {
    "citation": "citations.jsonl",
    "heading": "headings.jsonl",
    "assignment": "assignments.jsonl",
}
CITATION_FIELDS = ("number", "body", "venue", "year", "revised")
# Fields compared only where the gold states them (the seed gold has no ``version``).
OPTIONAL_CITATION_FIELDS = ("version",)
# Near-misses: mentions that look like ITU citations but are not (UN, other organisations).
NEAR_MISS_KINDS = frozenset({"un_resolution", "non_itu"})
NON_ITU_BODIES = frozenset({"UNGA", "UNSC", "other"})
ITU_KINDS = frozenset({"resolution", "decision"})
HEADING_FIELDS = ("number", "body", "status")
ASSIGNMENT_FIELDS = ("verb", "addressee", "collaborators", "resolution", "source")
SOURCES = ("operative", "summary", "reported")


def load_gold(gold_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """Read the gold JSONL files (citations, headings, assignments) of ``gold_dir``.

    ``headings.jsonl`` is optional (a set of passages may annotate headings as citations with
    ``role: "heading"`` only); a set without it is not scored on heading records.

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
        if not path.is_file() and kind == "heading":
            continue
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


# What may follow a gold span inside an accepted longer span: a trailing organ phrase with its
# venue parenthesis ("Resolution 66 of the Plenipotentiary Conference (Minneapolis, 1998)"), which
# the dev guidelines accept as an alternative surface.
_ORGAN_TAIL = re.compile(
    r"\s+(?:of|adopted\s+by|from|de|del|des|du)\b[^()\n]{0,160}\([^()\n]{0,60}\)", re.I
)


def _gold_for(
    p: dict[str, Any],
    by_key: dict[tuple[str, int, int], dict[str, Any]],
    by_start: dict[tuple[str, int], dict[str, Any]],
    texts: Mapping[str, str] | None,
) -> dict[str, Any] | None:
    """The gold record ``p`` matches: same span, or (with texts) gold span + organ tail."""
    g = by_key.get(_key(p))
    if g is not None or texts is None:
        return g
    g = by_start.get((p["doc"], int(p["start"])))
    text = texts.get(p["doc"])
    if g is None or text is None or int(p["end"]) <= int(g["end"]):
        return None
    return g if _ORGAN_TAIL.fullmatch(text, int(g["end"]), int(p["end"])) else None


def _exact(
    name: str,
    pred: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    same: Callable[[dict[str, Any], dict[str, Any]], bool] | None = None,
    texts: Mapping[str, str] | None = None,
) -> tuple[Score, list[dict[str, Any]]]:
    """Exact-span matching; with ``same``, a match must also agree on labels.

    With ``texts`` (document name -> text), a predicted span that is the gold span followed by a
    trailing organ phrase and its parenthesis counts as exact too (see ``_ORGAN_TAIL``).
    """
    by_key = {_key(g): g for g in gold}
    by_start = {(g["doc"], int(g["start"])): g for g in gold}
    tp, errors = 0, []
    matched: set[tuple[str, int, int]] = set()
    for p in pred:
        g = _gold_for(p, by_key, by_start, texts)
        if g is not None and _key(g) not in matched and (same is None or same(p, g)):
            tp += 1
            matched.add(_key(g))
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
    prefix: str,
    names: tuple[str, ...],
    pred: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    texts: Mapping[str, str] | None = None,
    optional: tuple[str, ...] = (),
) -> list[FieldScore]:
    """Field accuracy on matched spans; ``optional`` fields only where the gold states them."""
    by_key = {_key(g): g for g in gold}
    by_start = {(g["doc"], int(g["start"])): g for g in gold}
    pairs = [(p, g) for p in pred if (g := _gold_for(p, by_key, by_start, texts)) is not None]
    out = [
        FieldScore(f"{prefix}.field.{f}", sum(p.get(f) == g.get(f) for p, g in pairs), len(pairs))
        for f in names
    ]
    for f in optional:
        stated = [(p, g) for p, g in pairs if f in g]
        if stated:
            out.append(
                FieldScore(
                    f"{prefix}.field.{f}", sum(p.get(f) == g[f] for p, g in stated), len(stated)
                )
            )
    return out


def _is_near_miss(r: dict[str, Any]) -> bool:
    return r.get("kind") in NEAR_MISS_KINDS or r.get("body") in NON_ITU_BODIES


def _is_itu(r: dict[str, Any]) -> bool:
    """An ITU resolution or decision: what becomes a work in the graph."""
    return r.get("kind") in ITU_KINDS and not _is_near_miss(r)


def _near_miss_kept_out(pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> FieldScore:
    """Gold near-misses (UN, other organisations) that no predicted ITU citation overlaps."""
    misses = [g for g in gold if _is_near_miss(g)]
    itu = [p for p in pred if _is_itu(p)]
    ok = sum(
        not any(
            p["doc"] == g["doc"] and p["start"] < g["end"] and g["start"] < p["end"] for p in itu
        )
        for g in misses
    )
    return FieldScore("citation.nearmiss.not_itu", ok, len(misses))


def evaluate(
    records: Iterable[Any],
    gold_dir: Path,
    docs: set[str] | None = None,
    texts: Mapping[str, str] | None = None,
    targets: Mapping[str, float] | None = None,
) -> EvalReport:
    """Compare extracted records with the gold of ``gold_dir``.

    Args:
        records: Heading/Citation/Assignment records or their JSON dicts (``"type"`` key).
        gold_dir: directory with citations.jsonl, headings.jsonl, assignments.jsonl.
        docs: restrict both sides to these document names (default: every gold document).
        texts: document name -> text; lets a span that runs on over a trailing organ phrase to
            its venue parenthesis match the gold span it starts with.
        targets: metric -> minimum for :meth:`EvalReport.checks` (default :data:`TARGETS`).

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
    # Citations: near-misses (UN, other organisations) are scored apart; "itu" is what becomes a
    # work in the graph (resolutions and decisions of ITU organs).
    cp = [r for r in pred["citation"] if not _is_near_miss(r)]
    cg = [r for r in gold["citation"] if not _is_near_miss(r)]
    s, errors["citation"] = _exact("citation.span.exact", cp, cg, texts=texts)
    itu, _ = _exact(
        "citation.itu.span.exact",
        [r for r in cp if _is_itu(r)],
        [r for r in cg if _is_itu(r)],
        texts=texts,
    )
    scores += [s, _relaxed("citation.span.relaxed", cp, cg), itu]
    fields += _fields("citation", CITATION_FIELDS, cp, cg, texts, OPTIONAL_CITATION_FIELDS)
    fields.append(_near_miss_kept_out(pred["citation"], gold["citation"]))
    if "heading" in gold:
        s, errors["heading"] = _exact("heading.span.exact", pred["heading"], gold["heading"])
        scores += [s, _relaxed("heading.span.relaxed", pred["heading"], gold["heading"])]
        fields += _fields("heading", HEADING_FIELDS, pred["heading"], gold["heading"])
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
    return EvalReport(
        tuple(sorted(wanted)),
        tuple(scores),
        tuple(fields),
        errors,
        dict(TARGETS if targets is None else targets),
    )
