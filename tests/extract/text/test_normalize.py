"""Normalization: what it cleans, and that offsets always map back to the source."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.text.normalize import STEPS, normalize

CORPUS = Path(__file__).resolve().parents[3] / "data" / "corpus"

CASES = [
    ("Resolution\u00a044 (Rev.\u00a0Busan, 2014)", "Resolution 44 (Rev. Busan, 2014)"),
    ("ITU\u2011T study groups", "ITU-T study groups"),
    ("ITUT Recommendations and ITUR", "ITU-T Recommendations and ITU-R"),
    ("ITUTS stays", "ITUTS stays"),
    ("standard\u00adization", "standardization"),
    ("the Union\u2019s \u201cobjectives\u201d", 'the Union\'s "objectives"'),
    ("[bookmark: _Toc475345243]RESOLUTION 44", "RESOLUTION 44"),
    ("developing countries[footnoteRef:1]1 actively", "developing countries actively"),
    ("第196号决议（2014年，釜山）", "第196号决议（2014年，釜山）"),
    ("considering\r\na)\tthat\rb)", "considering\na)\tthat\nb)"),
]


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_normalize_cleans(raw: str, clean: str) -> None:
    assert normalize(raw).text == clean


@pytest.mark.parametrize(("raw", "clean"), CASES)
def test_every_word_maps_back_to_its_source(raw: str, clean: str) -> None:
    nt = normalize(raw)
    for m in re.finditer(r"[A-Za-z0-9]+", nt.text):
        s, e = nt.to_source(m.start(), m.end())
        # The source slice holds the word: normalizing it gives the word back (or, for a
        # piece of a replacement like the "T" of "ITUT" -> "ITU-T", text containing it).
        assert m.group(0) in normalize(raw[s:e]).text
        assert not raw[s:e].startswith("[")  # no residue before the word


def test_replaced_piece_maps_to_whole_source() -> None:
    raw = "see ITUT work"
    nt = normalize(raw)
    i = nt.text.index("ITU-T")
    assert nt.to_source(i, i + 5) == (4, 8)
    assert nt.source_slice(i, i + 5) == "ITUT"


def test_to_norm_inverts_to_source_on_kept_text() -> None:
    raw = "[bookmark: x]RESOLUTION\u00a044[footnoteRef:2]2 (Rev. Geneva, 2022)"
    nt = normalize(raw)
    src = raw.index("(Rev.")
    n = nt.to_norm(src)
    assert nt.text[n:].startswith("(Rev.")
    assert nt.to_source(n, n + 5) == (src, src + 5)


def test_steps_can_be_chosen() -> None:
    raw = "ITU\u2011T [bookmark: a]x"
    assert normalize(raw, steps=["bookmarks"]).text == "ITU\u2011T x"
    assert normalize(raw, steps=[]).text == raw
    with pytest.raises(ValueError, match="valid steps"):
        normalize(raw, steps=["nope"])
    assert set(STEPS) >= {"chars", "bookmarks", "footnote_refs", "itu_hyphen", "invisible"}


@pytest.mark.parametrize("seed", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_residue_is_gone_and_lines_are_kept(seed: Path) -> None:
    raw = seed.read_text(encoding="utf-8")
    nt = normalize(raw)
    assert "[bookmark:" not in nt.text
    assert "[footnoteRef:" not in nt.text
    assert "\u00a0" not in nt.text and "\u2011" not in nt.text
    assert nt.text.count("\n") == raw.count("\n")  # line structure survives
    for m in re.finditer(r"RESOLUTION \d+", nt.text):
        s, e = nt.to_source(m.start(), m.end())
        assert raw[s:e].replace("\u00a0", " ") == m.group(0)


_PIECES = st.sampled_from(
    [
        "ITUT",
        "ITU\u2011T",
        "\u00a0",
        "\u00ad",
        "[bookmark: _Toc1]",
        "[footnoteRef:3]3",
        "\u201c",
        "\u2019",
        "Resolution 44",
        "\n",
        "\t",
        "[",
        "]",
        "第2号决议",
    ]
)
_TEXT = st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.data())
def test_offsets_always_slice_back(raw: str, data: st.DataObject) -> None:
    nt = normalize(raw)
    n = len(nt.text)
    start = data.draw(st.integers(0, n))
    end = data.draw(st.integers(start, n))
    s, e = nt.to_source(start, end)
    assert 0 <= s <= e <= len(raw)
    if start < end:
        # Every kept character of the span is in the source slice, in order.
        kept = "".join(ch for ch in nt.text[start:end] if ch.isalnum())
        src = nt.source_slice(start, end)
        it = iter(src)
        assert all(ch in it for ch in kept) or "ITU-" in nt.text[max(0, start - 4) : end + 1]
    for off in (0, len(raw) // 2, len(raw)):
        assert 0 <= nt.to_norm(off) <= n
