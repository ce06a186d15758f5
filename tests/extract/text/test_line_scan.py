"""LineRegex gives exactly the matches of ``re.finditer`` on its ``^`` pattern, faster."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.structure.entries import _HEADING, _ROW, _ZH
from extract.structure.headings import _CAPTION, _DOC_ANNEX, _assembly_regex
from extract.structure.sections import _PARA, _candidates
from extract.structure.segment import _BOUNDARY
from extract.text.line_scan import LineRegex

CORPUS = sorted(Path("data/corpus").glob("*.txt"))
SCANS = {
    "paragraph": _PARA,
    "section heading": _candidates(),
    "resolution heading": _HEADING,
    "zh heading": _ZH,
    "table row": _ROW,
    "boundary": _BOUNDARY,
    "caption": _CAPTION,
    "document annex": _DOC_ANNEX,
    "assembly line": _assembly_regex(),
}
# shapes the packaged patterns lack: a match that takes its newline along, one over lines
GENERIC = {
    "line with its newline": LineRegex(r"^[^\n]*[1x][^\n]*\n"),
    "two lines": LineRegex(r"^ ?\t?[a-z]+\)?[^\n]*\n[^\n]*\n?"),
}
# pieces the patterns care about, so random texts hit them often
PIECES = st.sampled_from(
    [
        "\n", "\n\n", " ", "\t", " \t", "a)", "bc)", "iv)", "1", "2.1", "3)", "that ", "que ",
        "RESOLUTION 44", "Resolution 1 (Rev. Geneva, 2022)", "第44号决议", "Table 2", "ANNEX",
        "Annex\n", "considering", "instructs", "resolves", "The World Telecommunication "
        "Standardization Assembly (Geneva, 2022),", "x", "é", "\u00a0", "a）", "1、",
    ]
)  # fmt: skip


def spans(matches: object) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in matches]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(SCANS))
@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name[:3])
def test_same_matches_as_re_on_the_corpus(name: str, path: Path) -> None:
    rx = SCANS[name]
    text = path.read_text(encoding="utf-8")
    assert spans(rx.finditer(text)) == spans(rx.regex.finditer(text))
    third = len(text) // 3
    for pos, end in ((third, 2 * third), (third + 1, len(text)), (0, third - 7)):
        assert spans(rx.finditer(text, pos, end)) == spans(rx.regex.finditer(text, pos, end))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(PIECES, max_size=40).map("".join),
    st.integers(0, 400),
    st.integers(0, 400),
    st.sampled_from(sorted(SCANS | GENERIC)),
)
def test_same_matches_as_re_on_any_text_and_bounds(text: str, a: int, b: int, name: str) -> None:
    rx = (SCANS | GENERIC)[name]
    pos, end = min(a, b), max(a, b)
    assert spans(rx.finditer(text, pos, end)) == spans(rx.regex.finditer(text, pos, end))
    assert spans(rx.finditer(text)) == spans(rx.regex.finditer(text))


def test_a_pattern_without_caret_is_refused() -> None:
    with pytest.raises(ValueError, match="starts with"):
        LineRegex(r"[ \t]*x")
