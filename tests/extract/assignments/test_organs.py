"""The Sectors, bureaux and organs assignments are read against (patterns/organs.jsonl)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.assignments.hosts import enacting_formulas
from extract.assignments.organs import load_organs


def test_sectors_bureaux_and_organs() -> None:
    table = load_organs()
    assert table.bureaux == ("TSB", "BR", "BDT")
    assert [s.label for s in table.sectors] == ["ITU-T", "ITU-R", "ITU-D"]
    got = {b: table.sector_of_body(b) for b in ("WTSA", "WTDC", "RA", "WRC", "PP", "Council")}
    assert got == {
        "WTSA": "ITU-T",
        "WTDC": "ITU-D",
        "RA": "ITU-R",
        "WRC": "ITU-R",
        "PP": None,
        "Council": None,
    }


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("Adopted by the World Telecommunication Standardization Assembly in 2024.", "ITU-T"),
        ("Texte adopté par la CMR-23 et par l'Assemblée des radiocommunications.", "ITU-R"),
        ("Texto de la Conferencia Mundial de Desarrollo de las Telecomunicaciones.", "ITU-D"),
        ("Решение ВКР-23 о повестке дня", "ITU-R"),
        ("世界电信发展大会通过的决议", "ITU-D"),
        ("A text that names no conference at all.", None),
    ],
)
def test_the_sector_a_text_names_most(text: str, sector: str | None) -> None:
    assert load_organs().guess_sector(text) == sector


@pytest.mark.parametrize(
    ("text", "itu"),
    [
        ("The Council of ITU met in Geneva.", True),
        ("Le Conseil de l'UIT s'est réuni.", True),
        ("Совет МСЭ провел сессию.", True),
        ("国际电联理事会举行了会议。", True),
        ("The Security Council met in New York.", False),
    ],
)
def test_texts_that_are_itu_s(text: str, itu: bool) -> None:
    assert load_organs().is_itu(text) is itu


def test_a_bad_row_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "organs.jsonl"
    bad.write_text('{"id": "x", "kind": "sector", "label": "ITU-X"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"organs.jsonl line 1: bad entry"):
        load_organs(bad)


@pytest.mark.parametrize(
    ("text", "organs"),
    [
        (
            "RESOLUTION 99 (Lomé, 2031)\n\nThe World Telecommunication Development Conference "
            "(Lomé, 2031),\n\nconsidering",
            [("The World Telecommunication Development Conference (Lomé, 2031)", True)],
        ),
        ("Title\n\nThe Council,\n\nrecalling", [("The Council", True)]),
        (
            "The Executive Board of our example,\n\nrecalling",
            [("The Executive Board of our example", False)],
        ),
        (
            "L'Assemblée des radiocommunications de l'UIT,\n\nconsidérant",
            [("L'Assemblée des radiocommunications de l'UIT", True)],
        ),
        (
            "El Consejo Ejecutivo de la región,\n\nconsiderando",
            [("El Consejo Ejecutivo de la región", False)],
        ),
        ("Совет Безопасности,\n\nссылаясь", [("Совет Безопасности", False)]),
        ("国际电联理事会，\n\n忆及", [("国际电联理事会", True)]),
        ("大会，\n\n回顾", [("大会", False)]),
        (
            "إن مؤتمر المندوبين المفوضين للاتحاد الدولي للاتصالات،\n\nإذ يذكّر",
            [("مؤتمر المندوبين المفوضين للاتحاد الدولي للاتصالات", True)],
        ),
        # lines that end with a comma but name no organ, or do not start as a formula does
        ("a) that Resolution 71 of the Plenipotentiary Conference,\nb) that", []),
        ("2 to report to the next world radiocommunication conference,\n3 to", []),
        ("The plan of action,\n\nconsidering", []),
    ],
)
def test_enacting_formulas(text: str, organs: list[tuple[str, bool]]) -> None:
    assert [(f.organ, f.itu) for f in enacting_formulas(text)] == organs


_NAMES = sorted({n for s in load_organs().sectors for n in s.names})


@settings(max_examples=200, deadline=None)
@given(
    pieces=st.lists(
        st.tuples(
            st.sampled_from([*_NAMES, "the", "xWRC", "WTSAs", "RRBx", "-", "é", "的"]),
            st.sampled_from(["", " ", "\n", ", ", "-"]),
        ),
        max_size=30,
    )
)
def test_sector_counts_in_one_pass_are_the_findall_counts(pieces: list[tuple[str, str]]) -> None:
    """The one-pass counts of guess_sector are what a findall per Sector counts (names glued,
    inside words, overlapping, in every script)."""
    text = "".join(w + sep for w, sep in pieces)
    table = load_organs()
    assert table._counts(text) == [len(s.hint.findall(text)) for s in table.sectors]


def test_the_radio_regulations_board_speaks_for_itu_r() -> None:
    assert load_organs().guess_sector("The Radio Regulations Board approved the rules.") == "ITU-R"
