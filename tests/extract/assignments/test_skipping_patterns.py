"""``skipping``: the searched patterns led by a look-ahead of their first characters find the same
matches as the patterns as written (the head finder and the quoted-clause reader search with
the led ones)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.assignments.table import load_assignment_patterns
from extract.assignments.verbs import skipping

CORPUS = Path(__file__).resolve().parents[3] / "data" / "corpus"
#: the kinds whose patterns are searched along a text (not matched at one place)
SEARCHED = ("second_object", "discourse", "lead", "clause_end", "sentence_end", "anaphor")
ROWS = [p for p in load_assignment_patterns(None) if p.kind in SEARCHED]
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
TEXTS += [p.example for p in load_assignment_patterns(None)]


def _spans(rx: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in rx.finditer(text)]


@pytest.mark.parametrize("row", ROWS, ids=lambda p: p.id)
def test_led_pattern_finds_what_the_pattern_finds(row) -> None:
    for flags in (0, re.MULTILINE):
        rx = re.compile(row.pattern, flags)
        led = skipping(rx)
        for text in TEXTS:
            assert _spans(led, text) == _spans(rx, text), (row.id, text[:80])


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.sampled_from(["and ", ", and ", "; ", ". ", "It also ", "The ", "\n", "x", "“", "1) "]),
        max_size=30,
    ).map("".join)
)
def test_led_patterns_agree_on_arbitrary_text(text: str) -> None:
    for row in ROWS:
        rx = re.compile(row.pattern, re.MULTILINE)
        assert _spans(skipping(rx), text) == _spans(rx, text), row.id


def test_what_is_led_and_what_is_left() -> None:
    assert skipping(re.compile(r"(?:[,;][ \t]*)?\band[ \t]+")).pattern.startswith("(?=[,;a])")
    unknown = re.compile(r"[^\S\n]*and")  # may begin with any blank: nothing to lead with
    assert skipping(unknown) is unknown
    folded = re.compile("and", re.IGNORECASE)  # case folding: the look-ahead would miss "AND"
    assert skipping(folded) is folded
    assert skipping(None) is None
