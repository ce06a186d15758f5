"""first_chars / ascii_first_chars never rule out a place where the regex matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from extract.actors import load_actor_table
from extract.regex_first import ascii_first_chars, first_chars

PIECES = st.sampled_from(
    [
        "the ", "The ", "THE ", "Director", "directors", "TSB", "BDT", "BR ", "Council",
        "Secretary-General", "Study Group 17", "study groups", "Member States", "ITU-T ",
        "ITU ", "Sector Members", "all ", "relevant ", "to ", "that ", "a) ", "1 ", "\n", " ",
        "ſ", "K", "İ", "ı", "Ｔ", "理事会", "秘书长", "电信标准化局", "各成员国", "第",
    ]
)  # fmt: skip


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_actor_starter_has_a_known_first_set(lang: str) -> None:
    starter = load_actor_table(lang).starter
    assert starter is not None
    assert ascii_first_chars(starter.pattern, starter.flags)


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from(["en", "zh"]))
def test_no_position_where_the_starter_matches_is_ruled_out(text: str, lang: str) -> None:
    starter = load_actor_table(lang).starter
    assert starter is not None
    first = ascii_first_chars(starter.pattern, starter.flags)
    assert first is not None
    for pos, ch in enumerate(text):
        if starter.match(text, pos):
            assert not ch.isascii() or ch in first, (text, pos)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", "[ab]", "(?:ab|c)", "x?", "y*", "\\b", "(?i:k)", "ſ"]),
             min_size=1, max_size=4).map("".join),
    st.text("abcxyKkSsſ ", max_size=6),
)  # fmt: skip
@example("(?i:k)", "K")
@example("ſ", "s")
def test_small_patterns(pattern: str, text: str) -> None:
    chars = first_chars(pattern)
    for flags in (0, re.IGNORECASE):
        rx = re.compile(pattern, flags)
        first = ascii_first_chars(pattern, flags)
        for pos in range(len(text)):
            m = rx.match(text, pos)
            if m and m.end() > pos:
                if not flags and "(?i" not in pattern:  # as written: no case variants
                    assert chars is None or text[pos] in chars
                assert first is None or not text[pos].isascii() or text[pos] in first


def test_unknown_constructs_answer_none() -> None:
    assert first_chars(r"[^a]b") is None
    assert first_chars(r".x") is None
    assert first_chars(r"\w+") is None
    assert first_chars(r"(a)\1") == frozenset("a")
    assert first_chars(r"x*") is None
