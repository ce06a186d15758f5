"""The paragraph scan's shortcuts read what the plain scans read.

``LineRegex.scan`` (one C-level pass, no Python step per match) must give the groups of
``finditer`` for the paragraph pattern, and ``NormalizedText.copied_shift`` the offsets of
``to_source`` for every span of a region inside one copied piece.
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from extract.structure.sections import _PARA
from extract.text.normalize import normalize

TEXTS = sorted(Path("data/corpus").glob("*.txt")) + sorted(Path("tests/gold/dev/texts").glob("*"))
PIECES = st.sampled_from(
    ["\n", "\n\n", " ", "\t", "a)", "bc)", "iv)", "(b)", "1", "2.1", "3)", "that ", "que ",
     "x", "é", "a）", "1、", "ITUT", "\u00ad", "., "]
)  # fmt: skip


def groups(matches: object) -> list[tuple[tuple[int, int], ...]]:
    """Each match's group spans (scan's own span is the newline's, so it is left out)."""
    return [tuple(m.span(g) for g in range(1, 1 + m.re.groups)) for m in matches]  # type: ignore[attr-defined]


def windows(n: int) -> list[tuple[int, int]]:
    third = n // 3
    return [(0, n), (third, 2 * third), (third + 1, n), (0, max(0, third - 7)), (n, n)]


def test_scan_reads_the_groups_of_finditer_on_real_texts() -> None:
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")][::7]
        for pos, end in [*windows(len(text)), *((s, len(text)) for s in starts)]:
            assert groups(_PARA.scan(text, pos, end)) == groups(_PARA.finditer(text, pos, end))


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40), st.integers(0, 60), st.integers(0, 80))
def test_scan_reads_the_groups_of_finditer_on_any_text(parts: list[str], a: int, b: int) -> None:
    text = "".join(parts)
    pos, end = min(a, len(text)), min(max(a, b), len(text))
    assert groups(_PARA.scan(text, pos, end)) == groups(_PARA.finditer(text, pos, end))


def check_shift(source: str) -> int:
    nt = normalize(source)
    n = len(nt.text)
    lines = (i for i, c in enumerate(nt.text) if c == "\n")
    cuts = sorted({0, n, *range(0, n, max(1, n // 40)), *lines})
    shifted = 0
    for lo, hi in pairwise(cuts):
        d = nt.copied_shift(lo, hi)
        if d is None:
            continue
        shifted += 1
        for s in range(lo, hi, max(1, (hi - lo) // 5)):
            for e in (s + 1, hi):
                assert nt.to_source(s, e) == (s + d, e + d)
    return shifted


def test_copied_shift_maps_like_to_source_on_real_texts() -> None:
    assert sum(check_shift(p.read_text(encoding="utf-8")) for p in TEXTS) > 100


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40))
def test_copied_shift_maps_like_to_source_on_any_text(parts: list[str]) -> None:
    check_shift("".join(parts))
