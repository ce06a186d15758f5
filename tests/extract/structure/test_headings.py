"""Heading records against the hand-made gold (tests/gold/headings.jsonl): strict P/R.

A heading counts as found only when its span (doc, start, end) matches and every field the
brief names is right: number, body, version venue/year, status and history (also title,
status marker and title language, which the gold carries too).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from extract.structure.segment import headings, segment
from extract.text.load import load_document

ROOT = Path(__file__).resolve().parents[3]
GOLD = ROOT / "tests" / "gold" / "headings.jsonl"
CORPUS = ROOT / "data" / "corpus"
FIELDS = ("number", "body", "version_venue", "version_year", "status", "history")
# later_number is not compared: the gold took it from another document (002), not the text.
EXTRA = ("title", "status_marker", "title_lang")


@cache
def _gold() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line)


@cache
def _predicted() -> dict[tuple[str, int, int], dict[str, Any]]:
    out: dict[tuple[str, int, int], dict[str, Any]] = {}
    for name in sorted({g["doc"] for g in _gold()}):
        doc = load_document(CORPUS / name)
        for h in headings(doc, segment(doc)):
            out[(h.doc, h.start, h.end)] = h.to_json()
    return out


def _score(fields: tuple[str, ...]) -> tuple[float, float, list[str]]:
    gold = {(g["doc"], g["start"], g["end"]): g for g in _gold()}
    pred = _predicted()
    errors: list[str] = []
    tp = 0
    for key, g in gold.items():
        p = pred.get(key)
        if p is None:
            errors.append(f"missed {key} {g['surface']!r}")
            continue
        wrong = [f"{f}: gold {g.get(f)!r} got {p.get(f)!r}" for f in fields if g.get(f) != p.get(f)]
        if wrong:
            errors.append(f"{key}: " + "; ".join(wrong))
        else:
            tp += 1
    for key in pred.keys() - gold.keys():
        errors.append(f"spurious {key} {pred[key]['surface']!r}")
    return tp / len(pred), tp / len(gold), errors


def test_gold_has_the_documented_count() -> None:
    assert len(_gold()) == 138


def test_every_gold_heading_found_with_all_fields_right() -> None:
    precision, recall, errors = _score(FIELDS)
    assert errors == []
    assert (precision, recall) == (1.0, 1.0)


def test_titles_markers_and_languages_match_gold() -> None:
    _, _, errors = _score(EXTRA)
    assert errors == []


@pytest.mark.parametrize("doc", ["000", "001", "002", "003", "004"])
def test_surfaces_slice_the_source(doc: str) -> None:
    for (name, start, end), h in _predicted().items():
        if name.startswith(doc):
            text = (CORPUS / name).read_text(encoding="utf-8")
            assert text[start:end] == h["surface"]


def test_side_by_side_headings_carry_their_proposal() -> None:
    proposals = [h["proposal"] for k, h in sorted(_predicted().items()) if k[0].startswith("001")]
    assert proposals[0] == "Proposal 2, AFCP/35A8/1 (ATU)"
    assert proposals[1] == "Proposal 3, IAP/39A18/1 (CITEL)"
    assert proposals[2] == "column 3"  # no reference given in the document


def test_compilation_entries_report_their_part() -> None:
    parts = {(k[0][:3], h["section"]) for k, h in _predicted().items()}
    assert parts == {
        ("000", "body"),
        ("001", "body"),
        ("003", "body"),
        ("002", "Table 1"),
        ("002", "Table 2"),
        ("004", "Table 1"),
        ("004", "Table 2"),
        ("004", "Annex"),
    }
