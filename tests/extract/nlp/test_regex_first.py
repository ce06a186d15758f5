"""Beginnings never rule out a place where the regex matches; first_chars likewise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.assignments.actors import load_actor_table
from extract.nlp.regex_first import beginnings, first_chars

PIECES = st.sampled_from(
    [
        "the ", "The ", "THE ", "Director", "directors", "TSB", "BDT", "BR ", "Br", "Council",
        "Secretary-General", "Study Group 17", "study groups", "Member States", "ITU-T ",
        "ITU ", "Sector Members", "all ", "relevant ", "to ", "that ", "a) ", "1 ", "\n", " ",
        "ſ", "K", "İ", "ı", "Ｔ", "理事会", "秘书长", "电信标准化局", "各成员国", "第",
    ]
)  # fmt: skip
SMALL = st.lists(
    st.sampled_from(
        ["a", "b", "[ab]", "(?:ab|c)", "x?", "y*", "\\b", "(?i:k)", "ſ", "\\s", "[^a]", "z{2,3}",
         "(?:ba)+", "(?=a)", "\\d"]
    ),
    min_size=1,
    max_size=4,
).map("".join)  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_actor_starter_has_known_beginnings(lang: str) -> None:
    table = load_actor_table(lang)
    assert table.begins is not None
    assert not table.begins.admits("to report", 0) and not table.begins.admits("that x", 0)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from(["en", "zh"]))
def test_no_place_where_the_starter_matches_is_ruled_out(text: str, lang: str) -> None:
    table = load_actor_table(lang)
    assert table.starter is not None and table.begins is not None
    for pos in range(len(text) + 1):
        if table.starter.match(text, pos):
            assert table.begins.admits(text, pos), (text, pos)


@settings(max_examples=500, deadline=None)
@given(SMALL, st.text("abcxyzKkSsſ 1", max_size=7), st.integers(1, 4))
@example("(?i:k)", "K", 3)
@example("ſ", "s", 3)
@example("(?:ba)+", "bab", 2)
def test_small_patterns(pattern: str, text: str, k: int) -> None:
    chars = first_chars(pattern)
    for flags in (0, re.IGNORECASE):
        rx = re.compile(pattern, flags)
        begins = beginnings(pattern, flags, k)
        for pos in range(len(text) + 1):
            m = rx.match(text, pos)
            if m is None or m.end() == pos:
                continue
            assert begins is None or begins.admits(text, pos), (pattern, flags, text, pos)
            if not flags and "(?i" not in pattern:  # as written: no case variants
                assert chars is None or text[pos] in chars


def test_what_the_analysis_cannot_follow() -> None:
    assert first_chars(r"[^a]b") is None and first_chars(r".x") is None
    assert first_chars(r"\w+") is None and first_chars(r"x*") is None
    assert first_chars(r"(a)\1") == frozenset("a")
    b = beginnings(r"ab\s+cd|e[fg]h", 0, 3)
    assert b is not None
    assert b.admits("ab  cd", 0) and b.admits("egh", 0) and not b.admits("aX", 0)
    assert beginnings("\u212a", re.IGNORECASE, 3) is None  # the Kelvin sign folds to "k"


@pytest.mark.parametrize(
    ("pattern", "admitted", "refused"),
    [
        (r"ITU[-\u2010\u2011]?T\s+", ["ITU‑T ", "ITU-T ", "itut "], ["ITX", "IT "]),
        (r"\x41\u00e9b", ["Aéb"], ["Aeb"]),
        (r"(?P<q>relevant)\s+groups?|(?:all\s+)?members", ["relevant", "all x", "members"], ["x"]),
        (r"[a-c\]]{2}z", ["abz", "]]z"], ["dz"]),
        (r"(?=TSB)TS|BR\b", ["TSB", "BR"], ["TB"]),
    ],
)
def test_escapes_groups_and_classes_are_read(
    pattern: str, admitted: list[str], refused: list[str]
) -> None:
    b = beginnings(pattern, re.IGNORECASE, 3)
    assert b is not None
    assert all(b.admits(t, 0) for t in admitted)
    assert not any(b.admits(t, 0) for t in refused)


def test_no_private_module_of_python_is_imported() -> None:
    """The analysis parses patterns itself: ``re._parser`` and ``sre_parse`` are CPython's own."""
    for path in Path("extract").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for private in ("re._parser", "re._constants", "sre_parse", "sre_constants"):
            assert private not in text, (path, private)
