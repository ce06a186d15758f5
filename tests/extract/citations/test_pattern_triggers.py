"""The pre-scan's triggers and the token patterns describe the same forms.

Why: the pre-scan (extract.nlp.prescan) decides where spaCy runs at all; a spelling the token
pattern accepts but the trigger regex does not would be silently lost on real documents while
every whole-text test passed. The keywords the pre-scan looks for are derived from each
pattern's anchor token (``anchor_spellings``); these tests check the rest against the patterns:
every spelling the anchor token accepts, put in the pattern's own example, is found through the
windows exactly as the component finds it on the whole text.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from spacy.language import Language

from extract.citations.find import find_citation_parts
from extract.citations.parts import anchor_spellings, load_patterns
from extract.nlp.pipeline import build_nlp
from extract.text.normalize import normalize

PATTERNS = load_patterns()


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _whole(nlp: Language, text: str) -> list[tuple[int, int, str, str]]:
    doc = nlp(text)
    return sorted(
        (p.start, p.end, p.number, p.pattern) for p in (s._.itu for s in doc.spans["itu_citations"])
    )


def _windowed(nlp: Language, text: str) -> list[tuple[int, int, str, str]]:
    return sorted((p.start, p.end, p.number, p.pattern) for p in find_citation_parts(text, nlp))


def _variants(p: dict[str, Any]) -> list[str]:
    """The pattern's example with its anchor word written in every spelling the anchor token
    accepts (the example itself for a regex anchor)."""
    example = normalize(p["example"]).text
    spellings = anchor_spellings(p)
    found = [s for s in spellings if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", example)]
    if not found:
        return [example]
    written = max(found, key=len)
    at = re.search(rf"(?<!\w){re.escape(written)}(?!\w)", example)
    assert at is not None
    return [example[: at.start()] + s + example[at.end() :] for s in spellings]


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p["id"] for p in PATTERNS])
def test_every_spelling_of_the_anchor_is_found_through_the_windows(
    nlp: Language, pattern: dict[str, Any]
) -> None:
    for text in _variants(pattern):
        whole = _whole(nlp, text)
        assert any(f[3] == pattern["id"] for f in whole), (pattern["id"], text, whole)
        assert _windowed(nlp, text) == whole, (pattern["id"], text)


@pytest.mark.parametrize("pattern", PATTERNS, ids=[p["id"] for p in PATTERNS])
def test_explicit_keywords_narrow_the_anchor_spellings(
    nlp: Language, pattern: dict[str, Any]
) -> None:
    """A pattern that names its keywords ("Res." for the anchor "Res") names spellings of its
    anchor token (in any case for a LOWER anchor: "RÃ©solution" of "rã©solution"), so the two
    cannot drift apart; a regex anchor accepts each keyword as a word ("قرار" for the anchor
    that also takes "القرار" and "لقرار"); a shape anchor holds it in a word of the example
    ("/Res" of "C22/Res" in "C22/Res. 1411")."""
    spellings = anchor_spellings(pattern)
    anchor = pattern["pattern"][int(pattern.get("anchor", 0))]
    for kw in pattern["keywords"]:
        if spellings:
            lower = "LOWER" in anchor
            assert any(
                kw.startswith(s) or (lower and kw.lower().startswith(s)) for s in spellings
            ), (pattern["id"], kw)
        elif "SHAPE" in anchor:  # "C22/Res": the keyword inside a word of that shape
            words = nlp.make_doc(normalize(pattern["example"]).text)
            shapes = anchor["SHAPE"]["IN"]
            assert any(t.shape_ in shapes and kw.rstrip(".") in t.text for t in words), kw
        else:
            regex = anchor["TEXT"]["REGEX"]
            assert re.fullmatch(regex, kw), (pattern["id"], kw)


def test_a_pattern_with_a_regex_anchor_must_name_its_keywords(tmp_path: Any) -> None:
    path = tmp_path / "p.jsonl"
    path.write_text(
        '{"id": "x", "label": "resolution", "trigger": "x", "example": "x 1", '
        '"pattern": [{"TEXT": {"REGEX": "^x$"}}, {"IS_DIGIT": true}]}\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="give its 'keywords'"):
        load_patterns(path)
