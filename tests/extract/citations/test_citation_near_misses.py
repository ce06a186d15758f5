"""Near-misses: resolutions of the UN and of other organisations are typed, never ITU works.

A UN Security Council resolution has the same numbers as ITU Council resolutions ("resolution
1353"), a UNESCO decision reads "Decision 5", an OAU resolution "Res. 470": read as ITU
citations they would become wrong edges. Each case is a sentence written for this test; the
expected kind is ``un_resolution`` (body UNGA/UNSC) or ``non_itu`` (body ``other``), or no
record at all.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_citations import cite

from extract.nlp.pipeline import build_nlp
from extract.structure.segment import segment
from extract.text.load import load_document


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


# (text, host organ, [(surface, kind, body)])
CASES = [
    (  # an ITU text citing the Security Council
        "recalling United Nations Security Council resolution 1325 (2000) on women, peace",
        "PP",
        [("resolution 1325 (2000)", "un_resolution", "UNSC")],
    ),
    (
        "taking into account General Assembly resolution 70/1 and ITU Council Resolution 1353",
        "PP",
        [
            ("resolution 70/1", "un_resolution", "UNGA"),
            ("Council Resolution 1353", "resolution", "Council"),
        ],
    ),
    (  # a UN text: its own resolutions
        "The Security Council,\nRecalling its resolutions 1160 (1998) and 1199 (1998),",
        "UNSC",
        [
            ("resolutions 1160 (1998)", "un_resolution", "UNSC"),
            ("1199 (1998)", "un_resolution", "UNSC"),
        ],
    ),
    (  # "Council" alone, in a Security Council text, is the Security Council
        "Recalling its resolution 242 (1967) and Council resolution 338 (1973),",
        "UNSC",
        [
            ("resolution 242 (1967)", "un_resolution", "UNSC"),
            ("Council resolution 338 (1973)", "un_resolution", "UNSC"),
        ],
    ),
    (
        "RESOLUTION 1701 (2006) Adopted by the Security Council at its 5511th meeting",
        None,
        [("RESOLUTION 1701 (2006)", "un_resolution", "UNSC")],
    ),
    (
        "联合国安理会第1540号决议",
        None,
        [("第1540号决议", "un_resolution", "UNSC")],
    ),
    (  # sessions in Roman numerals: the General Assembly's old numbering, the OAU's
        "Recordando su resolución 2200 A (XXI) y sus resoluciones 2 (I)",
        None,
        [("resolución 2200", "non_itu", "other"), ("resoluciones 2", "non_itu", "other")],
    ),
    (
        "Report of the Council of Ministers\nCM/Res. 470 (XXVI) on documentation",
        None,
        [("Res. 470", "non_itu", "other")],
    ),
    (  # another organisation's code after the number
        "the Committee adopted Decision 39 COM 7B.1 and the Board Decisión 171 EX/20",
        None,
        [("Decision 39", "non_itu", "other"), ("Decisión 171", "non_itu", "other")],
    ),
    (
        "recalling UNSC Resolution 2250 (2015) and Резолюция 1325 Совета Безопасности ООН",
        "PP",
        [
            ("Resolution 2250 (2015)", "un_resolution", "UNSC"),
            ("Резолюция 1325", "un_resolution", "UNSC"),
        ],
    ),
    (  # numbers are given in time order: ITU Council's 1318 is of 2010, not 2000; no ITU
        # organ has numbered a resolution 2394
        "reaffirming resolutions 1318 (2000) and resolution 2394 (2017), and Resolution 1081 "
        "(modified 2019)",
        "PP",
        [
            ("resolutions 1318 (2000)", "non_itu", "other"),
            ("resolution 2394 (2017)", "non_itu", "other"),
            ("Resolution 1081 (modified 2019)", "resolution", "Council"),
        ],
    ),
    (  # another organisation named in the phrase after the mention
        "Recalling Resolution No. 7 of the 15th Session of the General Assembly of the APT on "
        "preparations for ITU conferences, and Resolution 72 (Rev.WRC-19),",
        "WRC",
        [
            ("Resolution No. 7", "non_itu", "other"),
            ("Resolution 72 (Rev.WRC-19)", "resolution", "WRC"),
        ],
    ),
    (  # the text of another organisation (its acting body), which mentions ITU
        "La Conférence générale des poids et mesures (CGPM), à sa 27e réunion,\n"
        "rappelant la Résolution 4 adoptée par la CGPM à sa 13e réunion et la Résolution 655 "
        "(CMR-15) de l'Union internationale des télécommunications,",
        None,
        [
            ("Résolution 4", "non_itu", "other"),
            ("Résolution 655 (CMR-15)", "resolution", "WRC"),
        ],
    ),
    (
        "Recalling 36 C/Resolution 56 of the General Conference",
        None,
        [("Resolution 56", "non_itu", "other")],
    ),
    (  # an OAS body's session in Roman numerals with its year
        "CITEL Resolution 77 (VII-14) on spectrum",
        None,
        [("Resolution 77", "non_itu", "other")],
    ),
    (  # a text that never speaks of ITU: nothing ties "Resolution No. 518" to ITU
        "The Executive Committee adopted RESOLUTION No. 518 on the strategic plan of the "
        "Institute.",
        None,
        [("RESOLUTION No. 518", "non_itu", "other")],
    ),
    (
        "أكد المؤتمر حق العودة بموجب القرار 194 الصادر عن الجمعية",
        None,
        [("القرار 194", "non_itu", "other")],
    ),
    # a UN organ's name whose spaces were lost in conversion, maybe glued to the word before:
    # read as the spaced name is, never as a resolution of the ITU host
    (
        "the parties, as recalled ofSecurityCouncil resolution 338 (1973), met again",
        "WTSA",
        [("resolution 338 (1973)", "un_resolution", "UNSC")],
    ),
    (
        "noting theUNSecurityCouncil resolutions 1325 (2000) and 1820 (2008) on women",
        "WTDC",
        [
            ("resolutions 1325 (2000)", "un_resolution", "UNSC"),
            ("1820 (2008)", "un_resolution", "UNSC"),
        ],
    ),
    (
        "as in SecurityCouncil resolution 242 (1967) and ofCouncil Resolution 1305",
        "PP",
        [
            ("resolution 242 (1967)", "un_resolution", "UNSC"),
            ("Council Resolution 1305", "resolution", "Council"),
        ],
    ),
    (
        "recordando ConsejodeSeguridad resolución 1540 (2004) sobre armas",
        "WTSA",
        [("resolución 1540 (2004)", "un_resolution", "UNSC")],
    ),
]


@pytest.mark.parametrize(("text", "host", "expected"), CASES, ids=lambda x: str(x)[:30])
def test_near_misses_are_typed(
    nlp: Language, text: str, host: str | None, expected: list[tuple[str, str, str]]
) -> None:
    got = [(c["surface"], c["kind"], c["body"]) for c in cite(nlp, text, host=host)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "RESOLUTION 61/16 on the Economic and Social Council",  # a UN symbol
        "under resolution AG/RES. 2908 (XLVII-O/17), the General Assembly",
        "Recalling resolution IICA/CE/RES. 512 (XXX-O/10)",
    ],
)
def test_no_near_miss_is_an_itu_work(nlp: Language, text: str) -> None:
    kinds = {c["kind"] for c in cite(nlp, text, host=None)}
    assert not kinds & {"resolution", "decision"}


def test_a_un_text_gets_a_un_host_from_its_own_words(nlp: Language, tmp_path: object) -> None:
    """The segmentation tells a Security Council text from an ITU Council one: "Security
    Council" is a name of its own, not "Council" after a word."""
    from pathlib import Path

    from extract.citations.find import find_citations

    path = Path(str(tmp_path)) / "unsc.txt"
    path.write_text(
        "Resolution 1888 (2009)\nAdopted by the Security Council at its 6195th meeting\n"
        "The Security Council,\nReaffirming its resolutions 1325 (2000), 1612 (2005) and "
        "1820 (2008),\n",
        encoding="utf-8",
    )
    doc = load_document(path)
    cits = find_citations(doc, segment(doc), nlp)
    assert cits and {(c.kind, c.body) for c in cits} == {("un_resolution", "UNSC")}
