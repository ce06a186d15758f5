"""The sentence start of an internal reference is the regex definition's, read from the right."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.citations.internal_refs import _may_cite, _sentence_start, read_internal

# the definition: ";", ":", a newline, or a full stop not closing "Rev." / "No.", then a
# space, tab, newline or the end of the stretch
SENTENCE_END = re.compile(r"(?:[;:\n]|(?<!Rev)(?<!No)\.)(?=[ \t\n]|$)")
PIECES = st.sampled_from(["Rev", "No", ".", ";", ":", "\n", " ", "\t", "a", "R", "N", "o", "é"])


@settings(max_examples=500, deadline=None)
@given(st.lists(PIECES, max_size=16).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_same_start_as_the_last_regex_match(text: str, a: int, b: int) -> None:
    lo, hi = min(a, b, len(text)), min(max(a, b), len(text))
    stops = list(SENTENCE_END.finditer(text, lo, hi))
    assert _sentence_start(text, lo, hi) == (stops[-1].end() if stops else lo)


@given(st.text(max_size=80))
def test_the_cheap_test_never_hides_a_citation(sentence: str) -> None:
    hint = re.compile(r"(?i:\b(?:resolution|decision)s?[ \t]+\d)|第\d+号决")
    assert _may_cite(sentence) or hint.search(sentence) is None


RULES = {
    "suffixes": ["of this resolution", "above"],
    "not_line_start": True,
    "not_followed_by": ["that", "to"],
}


def test_a_reference_after_a_citation_in_the_same_sentence_is_not_internal() -> None:
    t = "Resolution 34 (Rev. Rev. Dubai, 2018) states, under invites 10, that"
    s = t.index("invites")
    assert read_internal(t, s, s + 10, ["invites", "10"], RULES, 200) is None
    t2 = "Resolution 34 applies. Under invites 10, the Council acts"
    s2 = t2.index("invites")
    assert read_internal(t2, s2, s2 + 10, ["invites", "10"], RULES, 200) == ("invites 10", s2 + 10)
