"""trie_pattern matches what a longest-first alternation of the same words matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.structure.sections import heading_words
from extract.text.word_trie import trie_pattern

WORDS = st.lists(st.text("abc ()é.", min_size=1, max_size=5), min_size=1, max_size=12)


def longest_first(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@settings(max_examples=400, deadline=None)
@given(WORDS, st.text("abc ()é.x", max_size=12))
def test_same_match_as_a_longest_first_alternation(words: list[str], text: str) -> None:
    trie, alt = re.compile(trie_pattern(words)), re.compile(longest_first(words))
    for pos in range(len(text) + 1):
        a, b = trie.match(text, pos), alt.match(text, pos)
        assert (a and a.group(0)) == (b and b.group(0))


def test_every_heading_word_matches_itself_whole() -> None:
    words = sorted({w.text for w in heading_words()})
    rx = re.compile(trie_pattern(words))
    assert all(rx.fullmatch(w) for w in words)
    assert rx.match("considering") and not rx.match("consider ")
