"""The pre-scan must not lose anything: windows + context find exactly what the full text does.

Why: the pre-scan is only an optimization (spaCy on a few percent of the text); the proof that
it is safe is to run the component on every whole seed document (no windows, no context) and
compare the findings.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.language import Language

from extract.citations.find import find_citation_parts
from extract.nlp.citation_component import CitationParts, load_patterns
from extract.nlp.pipeline import build_nlp
from extract.nlp.prescan import candidate_windows, compile_triggers, mention_end
from extract.text.normalize import normalize

ROOT = Path(__file__).resolve().parents[3]
SEEDS = sorted((ROOT / "data" / "corpus").glob("*.txt"))


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def _key(p: CitationParts) -> tuple[object, ...]:
    return (p.start, p.end, p.kind, p.number, p.version, p.organ, p.organ_basis, p.sector)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_windows_find_what_the_whole_text_finds(nlp: Language, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    norm = normalize(text)
    whole = nlp(norm.text)  # no context: the component reads the whole document
    expected = set()
    for span in whole.spans["itu_citations"]:
        p: CitationParts = span._.itu
        s, e = norm.to_source(p.start, p.end)
        expected.add(_key(CitationParts(**{**p.__dict__, "start": s, "end": e})))
    got = {_key(p) for p in find_citation_parts(text, nlp)}
    assert got == expected
    assert len(got) > 3


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_windows_cover_a_small_part_of_the_text(path: Path) -> None:
    text = normalize(path.read_text(encoding="utf-8")).text
    windows = candidate_windows(text)
    covered = sum(w.end - w.start for w in windows)
    assert covered < 0.2 * len(text)
    assert all(a.end < b.start for a, b in itertools.pairwise(windows))


def test_every_pattern_example_is_triggered() -> None:
    patterns = load_patterns()
    trigger = compile_triggers(patterns)
    for p in patterns:
        windows = candidate_windows(p["example"], trigger)
        assert windows, f"pattern {p['id']}: its example raises no trigger"


def test_mention_end_covers_coordinated_versions() -> None:
    text = "Resolutions 44 (Rev. Geneva, 2022) and 76 (Rev. Geneva, 2022) of this assembly"
    assert mention_end(text, len("Resolutions")) >= text.index(" of this")


def test_a_trigger_without_keywords_is_refused() -> None:
    with pytest.raises(ValueError, match="needs 'keywords' and 'trigger'"):
        compile_triggers([{"id": "x", "label": "resolution", "trigger": "Res"}])
    with pytest.raises(ValueError, match="bad trigger regex"):
        compile_triggers([{"id": "y", "keywords": ["a"], "trigger": "("}])


@pytest.mark.parametrize("blank", [" ", "\t", "\n"])
@pytest.mark.parametrize("n", [1, 5, 17, 40])
def test_many_blanks_before_the_number_are_read_as_without_windows(
    nlp: Language, blank: str, n: int
) -> None:
    """The pre-scan's windows find what the component finds on the whole text, however many
    blanks stand between "Resolution" and its number (a table cell, a wrapped heading)."""
    text = "as noted in Resolution" + blank * n + "5 (Rev. Dubai, 2018) of the Council, and"
    doc = nlp(text)
    whole = [(s.start_char, s.end_char) for s in doc.spans["itu_citations"]]
    windowed = [(p.start, p.end) for p in find_citation_parts(text, nlp)]
    assert windowed == whole and len(whole) == 1


PIECES = st.sampled_from(
    [
        "Resolution", "Resolutions", "RESOLUTION", "resolution", "Res.", "Decision", "Question",
        "Recommendation", "ITU-T", "ITU-D", "WTDC", "PP-18", "WTSA-20", "第", "号决议", "号决定",
        "和", "、", "5", "44", "175", "1353", "3/2", "14-3/2", "E.161.1", "70/1", " ", "  ",
        "\t", "\n", " and ", ", ", " et ", " y ", "(Rev. Dubai, 2018)", "(Busan, 2014)",
        "（2018年，迪拜，修订版）", "(Rév. Dubaï, 2018)", "[Rev]", " of the Council", " of PP",
        " of this assembly", " de la Conférence de plénipotentiaires", "Résolution",
        "Resoluciones", "resolves", "instructs", " above", " of this resolution", ";", ".",
        "ITU-R", "ITU R", "UIT-R", "МСЭ-R", "1-6", "Резолюция", "Резолюции", "Рез.", "Реш.",
        "قرار", "القرار", "لقرار", " المجلس", " رقم", '"', "R ", "1238", "(C05)", "(C19)",
        "(Mod. 2008)", " rev", " modified", ", Rev. Dubai 2018", "(Rev. Dubai, 2018", "(WRC 19)",
        "(Rev.WRC-15)", "(Mob-87)", "•", "a)", "Summary", "WTSA-08 ", "Res", "RES.", "No.",
        " of the 2010 Plenipotentiary Conference", " from WRC-19", "(XXVI)", "CM/", " EX/20",
        "Security Council ", "Decision", "Recommendation", "第1-8号决议", "(Istanbul,2002)",
        "88 rev", "1318 (2000)", "Резолюции 70 и 71", " Совета", " и ", "anterior resuelve 2",
        "пункте 2 раздела решает", ", выше", "上述做出决议2", "point 2 ci-dessus", "décide 1 ",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(PIECES, min_size=1, max_size=25).map("".join))
def test_windows_read_what_the_whole_text_reads_on_any_mix(nlp: Language, text: str) -> None:
    """Property: the pre-scan loses nothing and adds nothing, whatever the text."""
    norm = normalize(text).text
    doc = nlp(norm)
    found = (s._.itu for s in doc.spans["itu_citations"])
    whole = sorted((f.start, f.end, f.number) for f in found)
    windowed = sorted((p.start, p.end, p.number) for p in find_citation_parts(norm, nlp))
    assert windowed == whole
