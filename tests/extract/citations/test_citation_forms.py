"""The citation forms of real ITU text beyond the seeds: text -> records, table-driven.

Each case is a sentence written for this test, the way ITU-R, WRC, Council and non-English ITU
texts (and texts damaged by PDF or Word conversion) write citations, with the facts a reader
would state: surface, kind, number, ITU-R version, organ, venue, year, revision. The whole chain
runs (normalize, pre-scan, spaCy component, organ inference), in a WTSA host unless the case says
otherwise. Near-misses (UN and other organisations' resolutions) are in test_citation_near_misses;
more forms in test_citation_forms_council.py and test_citation_forms_languages.py.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_citations import cite

from extract.nlp.pipeline import build_nlp
from tests.extract.citations.citation_form_cases import CASE, COUNCIL, ORGAN_PHRASE, Row


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def rows(nlp: Language, text: str, host: str | None = "WTSA") -> list[Row]:
    return [
        (
            c["surface"],
            c["kind"],
            c["number"],
            c.get("version"),
            c["body"],
            c["venue"],
            c["year"],
            c["revised"],
        )
        for c in cite(nlp, text, host=host)
    ]


ITU_R = [
    (
        "the Study Groups work as laid down in Resolution ITU-R 1-8, and the CPM under "
        "RESOLUTION ITU-R 2-9.",
        [
            ("Resolution ITU-R 1-8", "resolution", "1", "8", "RA", None, None, True),
            ("RESOLUTION ITU-R 2-9", "resolution", "2", "9", "RA", None, None, True),
        ],
    ),
    (
        "chairmen are appointed as in Res. ITU-R 15-6; handbooks follow Res.ITUR 12-2.",
        [
            ("Res. ITU-R 15-6", "resolution", "15", "6", "RA", None, None, True),
            ("Res.ITUR 12-2", "resolution", "12", "2", "RA", None, None, True),
        ],
    ),
    (
        "editorial changes to Resolution ITU R 2-7 were agreed",
        [("Resolution ITU R 2-7", "resolution", "2", "7", "RA", None, None, True)],
    ),
    (
        "a first reading of Resolution ITU-R 1 without its annexes",
        [("Resolution ITU-R 1", "resolution", "1", None, "RA", None, None, False)],
    ),
    (
        "the liaison rules of Resolutions ITU-R 22 and 23 apply",
        [
            ("Resolutions ITU-R 22", "resolution", "22", None, "RA", None, None, False),
            ("23", "resolution", "23", None, "RA", None, None, False),
        ],
    ),
    (
        "as set forth in Resolution ITU-R 9 (Rev. Geneva, 2012) of the Radiocommunication Assembly",
        [
            (
                "Resolution ITU-R 9 (Rev. Geneva, 2012)",
                "resolution",
                "9",
                None,
                "RA",
                "Geneva",
                2012,
                True,
            )
        ],
    ),
    (
        "conformément à la Résolution UIT-R 1-8 et à la RÉSOLUTION UIT-R 59-2,",
        [
            ("Résolution UIT-R 1-8", "resolution", "1", "8", "RA", None, None, True),
            ("RÉSOLUTION UIT-R 59-2", "resolution", "59", "2", "RA", None, None, True),
        ],
    ),
    (
        "  4. Résolution UIT-R2 : préparation des conférences",
        [("Résolution UIT-R2", "resolution", "2", None, "RA", None, None, False)],
    ),
    (
        "de conformidad con la Resolución UIT-R 12-1 y la RESOLUCIN UIT-R 5-2",
        [
            ("Resolución UIT-R 12-1", "resolution", "12", "1", "RA", None, None, True),
            ("RESOLUCIN UIT-R 5-2", "resolution", "5", "2", "RA", None, None, True),
        ],
    ),
    (
        "в соответствии с Резолюцией МСЭ-R 2-8 и Рез. МСЭ-R 19-5\nРЕЗОЛЮЦИЯ МСЭ-R 1-8",
        [
            ("Резолюцией МСЭ-R 2-8", "resolution", "2", "8", "RA", None, None, True),
            ("Рез. МСЭ-R 19-5", "resolution", "19", "5", "RA", None, None, True),
            ("РЕЗОЛЮЦИЯ МСЭ-R 1-8", "resolution", "1", "8", "RA", None, None, True),
        ],
    ),
    (
        "大会筹备会议按照ITU-R第2-9号决议召开",
        [("ITU-R第2-9号决议", "resolution", "2", "9", "RA", None, None, True)],
    ),
    (  # the Sector's name yields to the conference named after the mention
        "the programme is laid down in ITU-R Resolution 809 from WRC-15 and",
        [
            (
                "ITU-R Resolution 809",
                "resolution",
                "809",
                None,
                "WRC",
                "Geneva",
                2015,
                False,
            )
        ],
    ),
]

WRC = [
    (
        "studies under Res.155 (Rev.WRC-19) and Res. 156 (WRC-15) continue",
        [
            (
                "Res.155 (Rev.WRC-19)",
                "resolution",
                "155",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                True,
            ),
            ("Res. 156 (WRC-15)", "resolution", "156", None, "WRC", "Geneva", 2015, False),
        ],
    ),
    (
        "in accordance with Resolution 361 (WRC 15), Resolution 430 (WRC19) and Resolution 223 "
        "(Rev.WRC\u201119)",
        [
            ("Resolution 361 (WRC 15)", "resolution", "361", None, "WRC", "Geneva", 2015, False),
            (
                "Resolution 430 (WRC19)",
                "resolution",
                "430",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                False,
            ),
            (
                "Resolution 223 (Rev.WRC\u201119)",
                "resolution",
                "223",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                True,
            ),
        ],
    ),
    (
        "RESOLUTION 646 (REV.WRC-15) Public protection and disaster relief",
        [("RESOLUTION 646 (REV.WRC-15)", "resolution", "646", None, "WRC", "Geneva", 2015, True)],
    ),
    (
        "taking into account Resolution 27 (WARC-79) and Resolutions 300 (Mob-87) and 331 (Mob-87)",
        [
            ("Resolution 27 (WARC-79)", "resolution", "27", None, "WRC", "Geneva", 1979, False),
            ("Resolutions 300 (Mob-87)", "resolution", "300", None, "WRC", "Geneva", 1987, False),
            ("331 (Mob-87)", "resolution", "331", None, "WRC", "Geneva", 1987, False),
        ],
    ),
    (
        "la Résolution 750 (Rév.CMR-19) et la Resolución 212 (Rev.CMR-15)",
        [
            (
                "Résolution 750 (Rév.CMR-19)",
                "resolution",
                "750",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                True,
            ),
            ("Resolución 212 (Rev.CMR-15)", "resolution", "212", None, "WRC", "Geneva", 2015, True),
        ],
    ),
    (
        "согласно Резолюции 750 (Пересм. ВКР-19)",
        [
            (
                "Резолюции 750 (Пересм. ВКР-19)",
                "resolution",
                "750",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                True,
            )
        ],
    ),
    (
        "studies carried out under Recommendation 608 (Rev.WRC-07) continue",
        [
            (
                "Recommendation 608 (Rev.WRC-07)",
                "recommendation",
                "608",
                None,
                "WRC",
                "Geneva",
                2007,
                True,
            )
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    ITU_R + WRC + COUNCIL + ORGAN_PHRASE + CASE,
    ids=lambda x: x[:40] if isinstance(x, str) else "",
)
def test_citation_forms(nlp: Language, text: str, expected: list[Row]) -> None:
    assert rows(nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "costs R 1500 per unit and R 1200 in total",  # currency, not a Council abbreviation
        "see Res 58 for details",  # "Res" without a version is too weak alone
        "the solution 1 of the problem",
        "RES647-1 page code",
        "Resolution ITU 5 is not a Sector form",
    ],
)
def test_look_alikes_are_not_read(nlp: Language, text: str) -> None:
    assert cite(nlp, text) == []


def test_a_sector_letter_before_a_number_is_no_council_abbreviation(nlp: Language) -> None:
    assert rows(nlp, "see ITU-R 1238 (C05) for the study") == []
