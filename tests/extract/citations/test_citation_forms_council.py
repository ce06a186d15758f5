"""More citation forms of real ITU text: Council compilations and session codes, and the ITU-R,
WTSA and Council forms that came after the first table (test_citation_forms.py).

Each case is a sentence written for this test with the facts a reader would state (surface, kind,
number, ITU-R version, organ, venue, year, revision); the whole chain runs in a WTSA host unless
the case says otherwise.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_citation_forms import Row, rows

from extract.nlp.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


MORE = [
    (
        "the ITU-R Resolution 1-8 on working methods",
        [("ITU-R Resolution 1-8", "resolution", "1", "8", "RA", None, None, True)],
    ),
    (
        "under Resolution 1305 (C09, last modified C19) and Decision 517 (modified 2019)",
        [
            (
                "Resolution 1305 (C09, last modified C19)",
                "resolution",
                "1305",
                None,
                "Council",
                None,
                2019,
                True,
            ),
            ("Decision 517 (modified 2019)", "decision", "517", None, "Council", None, 2019, True),
        ],
    ),
    (
        "Resolution 71 of the Plenipotentiary Conference of the International Telecommunication "
        "Union (Dubai, 2018) sets the plan",
        [("Resolution 71", "resolution", "71", None, "PP", "Dubai", 2018, False)],
    ),
    (
        "Резолюции 70 и 71 (Пересм. Дубай, 2018 г.) и Решение 482 Совета (изм. 2020 г.)",
        [
            ("Резолюции 70", "resolution", "70", None, "PP", "Dubai", 2018, True),
            ("71 (Пересм. Дубай, 2018 г.)", "resolution", "71", None, "PP", "Dubai", 2018, True),
            ("Решение 482", "decision", "482", None, "Council", None, 2020, True),
        ],
    ),
    (  # a nominative after the number starts a sentence: it is not the organ of the mention
        "в Резолюции 70 Совет МСЭ поручил",
        [("Резолюции 70", "resolution", "70", None, "WTSA", None, None, False)],
    ),
    (
        "la Resolución 1305 del Consejo (modificada en 2019) y la Résolution 1282 du Conseil "
        "(modifiée en 2011)",
        [
            ("Resolución 1305", "resolution", "1305", None, "Council", None, 2019, True),
            ("Résolution 1282", "resolution", "1282", None, "Council", None, 2011, True),
        ],
    ),
    (
        "第482号决定（2019年修改）",
        [("第482号决定（2019年修改）", "decision", "482", None, "Council", None, 2019, True)],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), MORE, ids=lambda x: x[:30] if isinstance(x, str) else ""
)
def test_more_citation_forms(nlp: Language, text: str, expected: list[Row]) -> None:
    assert rows(nlp, text) == expected


COMPILATIONS = [
    (
        "RESOLUTIONS\nR 1306  Role of the ITU in something (C09, last amended C19)\n"
        "R 1373  Council Working Group on things (CWG-X) (C15, Amended C18)\n"
        "DECISIONS\nD 517   Cost recovery for something (C01, last amended C20)\n"
        "D 611   Principles (C17)",
        [
            ("R 1306", "resolution", "1306", None, "Council", None, 2019, True),
            ("R 1373", "resolution", "1373", None, "Council", None, 2018, True),
            ("D 517", "decision", "517", None, "Council", None, 2020, True),
            ("D 611", "decision", "611", None, "Council", None, 2017, False),
        ],
    ),
    (
        "see R 1301, D 570 and R 1302 of the compilation",
        [
            ("R 1301", "resolution", "1301", None, "Council", None, None, False),
            ("D 570", "decision", "570", None, "Council", None, None, False),
            ("R 1302", "resolution", "1302", None, "Council", None, None, False),
        ],
    ),
    (
        "set up by Council Resolutions 1333 and 1372, and RESOLUTION 1374 (modified 2023)",
        [
            ("Council Resolutions 1333", "resolution", "1333", None, "Council", None, None, False),
            ("1372", "resolution", "1372", None, "Council", None, None, False),
            (
                "RESOLUTION 1374 (modified 2023)",
                "resolution",
                "1374",
                None,
                "Council",
                None,
                2023,
                True,
            ),
        ],
    ),
    (
        "ويُنظَّم العمل بموجب المقرر 517 للمجلس (المعدَّل في 2021) وقرار المجلس 1386 (المعدَّل في 2022).",
        [
            ("المقرر 517", "decision", "517", None, "Council", None, 2021, True),
            (
                "قرار المجلس 1386 (المعدَّل في 2022)",
                "resolution",
                "1386",
                None,
                "Council",
                None,
                2022,
                True,
            ),
        ],
    ),
    (
        "TABLE OF CONTENTS\nRESOLUTIONS\n1.Resolution 1 (Rev. Kigali, 2022) - Rules",
        [
            (
                "Resolution 1 (Rev. Kigali, 2022)",
                "resolution",
                "1",
                None,
                "WTDC",
                "Kigali",
                2022,
                True,
            )
        ],
    ),
    (
        "РЕЗОЛЮЦИЯ 64 (ПЕРЕСМ. БУХАРЕСТ, 2022 г.)",
        [
            (
                "РЕЗОЛЮЦИЯ 64 (ПЕРЕСМ. БУХАРЕСТ, 2022 г.)",
                "resolution",
                "64",
                None,
                "PP",
                "Bucharest",
                2022,
                True,
            )
        ],
    ),
    (
        "по методике Рекомендации МСЭ-R P.525 и 第5D工作组参考了ITU-R M.2083建议书",
        [
            (
                "Рекомендации МСЭ-R P.525",
                "recommendation",
                "P.525",
                None,
                "unknown",
                None,
                None,
                False,
            ),
            ("ITU-R M.2083建议书", "recommendation", "M.2083", None, "unknown", None, None, False),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), COMPILATIONS, ids=lambda x: x[:30] if isinstance(x, str) else ""
)
def test_council_compilations_and_other_forms(
    nlp: Language, text: str, expected: list[Row]
) -> None:
    assert rows(nlp, text, host="Council") == expected


# A Council session code in the parenthesis is the Council's version: an organ acronym before
# the keyword (no year of its own) then says what the text is about, not who issued it, and
# stays outside the surface as a conference label would. The host is WTSA, so a wrong reading
# would be a WTSA (or WCIT, PP, WTDC) edge.
SESSION_AFTER_ACRONYM = [
    (
        "the Rules of Procedure of the WCIT Decision 572 (C13) were applied",
        [("Decision 572 (C13)", "decision", "572", None, "Council", None, 2013, False)],
    ),
    (
        "the draft Agenda of the WTSA Decision 600 (C17) was revised",
        [("Decision 600 (C17)", "decision", "600", None, "Council", None, 2017, False)],
    ),
    (
        "as the PP Resolution 1305 (C-2009) on security was noted",
        [("Resolution 1305 (C-2009)", "resolution", "1305", None, "Council", None, 2009, False)],
    ),
    (
        "the budget for the WTDC Decision 555 (C2010) was met",
        [("Decision 555 (C2010)", "decision", "555", None, "Council", None, 2010, False)],
    ),
    (  # a lost space glues the acronym to "the"
        "the venue of theWRC Decision 583 (C15, last amended C18) was chosen",
        [
            (
                "Decision 583 (C15, last amended C18)",
                "decision",
                "583",
                None,
                "Council",
                None,
                2018,
                True,
            )
        ],
    ),
    (  # the same acronym with no session code still names the organ
        "see the WTSA Resolution 1 (Rev. Geneva, 2022) and the Council Resolution 1380 (C17)",
        [
            (
                "WTSA Resolution 1 (Rev. Geneva, 2022)",
                "resolution",
                "1",
                None,
                "WTSA",
                "Geneva",
                2022,
                True,
            ),
            (
                "Council Resolution 1380 (C17)",
                "resolution",
                "1380",
                None,
                "Council",
                None,
                2017,
                False,
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), SESSION_AFTER_ACRONYM, ids=lambda x: x[:30] if isinstance(x, str) else ""
)
def test_a_council_session_code_outranks_an_acronym_before_the_keyword(
    nlp: Language, text: str, expected: list[Row]
) -> None:
    assert rows(nlp, text, host="WTSA") == expected
