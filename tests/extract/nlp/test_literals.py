"""LiteralFinder reports what one ``str.find`` loop per literal reports, in the same order."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.nlp.literals import LiteralFinder


def find_loops(literals: list[str], text: str) -> list[tuple[int, int]]:
    out = []
    for i, lit in enumerate(literals):
        k = text.find(lit)
        while k >= 0:
            out.append((i, k))
            k = text.find(lit, k + 1)
    return out


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.text("aeilnst第号 é–", min_size=1, max_size=4), min_size=1, max_size=8),
    st.text("aeilnst第号 é–\n", max_size=60),
)
def test_same_occurrences_as_find_loops(literals: list[str], text: str) -> None:
    assert LiteralFinder(literals).find(text) == find_loops(literals, text)


def test_offsets_are_characters_not_bytes() -> None:
    text = "第44号决议 – see Resolution 5 and instructs"
    assert LiteralFinder(["esolution", "nstructs"]).find(text) == find_loops(
        ["esolution", "nstructs"], text
    )


def test_an_empty_literal_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        LiteralFinder(["a", ""])
