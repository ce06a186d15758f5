"""More citation forms of real text: Council abbreviations, mojibake, hyphenation, lists that
repeat their prefix, session labels, cut-off parentheses, glued prefixes, amendment phrases in
French and Russian, Arabic lists and digits. Text -> records, table-driven, sentences written for
this test. The whole chain runs (normalize, pre-scan, spaCy component, organ inference).
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_citation_forms import Row, rows
from test_citations import cite

from extract.nlp.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


FORMS: list[tuple[str, list[Row], str | None]] = [
    # the Council's "Dec." before a number with a session parenthesis, beside its "Res."
    (
        "the Council kept Dec. 517 (C05, last amended C19) and Res. 1306 (C09) in force",
        [
            (
                "Dec. 517 (C05, last amended C19)",
                "decision",
                "517",
                None,
                "Council",
                None,
                2019,
                True,
            ),
            ("Res. 1306 (C09)", "resolution", "1306", None, "Council", None, 2009, False),
        ],
        None,
    ),
    (
        "under DEC. 558 (C2011), the Secretary-General reports",
        [("DEC. 558 (C2011)", "decision", "558", None, "Council", None, 2011, False)],
        None,
    ),
    # French read through a Latin-1 decoder upstream: keywords, venues and "Rév." as written
    (
        "conformément à la RÃ©solution 71 (RÃ©v. DubaÃ¯, 2018) et à la DÃ©cision 11 "
        "(RÃ©v. Bucarest, 2022)",
        [
            (
                "RÃ©solution 71 (RÃ©v. DubaÃ¯, 2018)",
                "resolution",
                "71",
                None,
                "PP",
                "Dubai",
                2018,
                True,
            ),
            (
                "DÃ©cision 11 (RÃ©v. Bucarest, 2022)",
                "decision",
                "11",
                None,
                "PP",
                "Bucharest",
                2022,
                True,
            ),
        ],
        None,
    ),
    (
        "RÃ‰SOLUTION 2 (RÃ‰V. HAMMAMET, 2016) de l'AssemblÃ©e",
        [
            (
                "RÃ‰SOLUTION 2 (RÃ‰V. HAMMAMET, 2016)",
                "resolution",
                "2",
                None,
                "WTSA",
                "Hammamet",
                2016,
                True,
            )
        ],
        None,
    ),
    # line breaks inside an ITU-R list, a keyword hyphenated across a line
    (
        "the procedures of Resolutions ITU-R\n22-3 and 23-2 remain in force",
        [
            ("Resolutions ITU-R\n22-3", "resolution", "22", "3", "RA", None, None, True),
            ("23-2", "resolution", "23", "2", "RA", None, None, True),
        ],
        None,
    ),
    (
        "the bands are shared as laid down in Reso-\nlution 750 (WRC-19) and its annex",
        [
            (
                "Reso-\nlution 750 (WRC-19)",
                "resolution",
                "750",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                False,
            )
        ],
        None,
    ),
    (
        "the Council confirmed Deci-\nsion 563 (C12, modified C19) on its groups",
        [
            (
                "Deci-\nsion 563 (C12, modified C19)",
                "decision",
                "563",
                None,
                "Council",
                None,
                2019,
                True,
            )
        ],
        None,
    ),
    # a list member repeating the Sector prefix starts at it
    (
        "las Resoluciones UIT-R 1-8 y UIT-R 12-2 se aplican a las Comisiones",
        [
            ("Resoluciones UIT-R 1-8", "resolution", "1", "8", "RA", None, None, True),
            ("UIT-R 12-2", "resolution", "12", "2", "RA", None, None, True),
        ],
        None,
    ),
    (
        "the Resolutions ITU-R 5-1 and ITU-R 19-2 were revised",
        [
            ("Resolutions ITU-R 5-1", "resolution", "5", "1", "RA", None, None, True),
            ("ITU-R 19-2", "resolution", "19", "2", "RA", None, None, True),
        ],
        None,
    ),
    # a Council session label before "/Res."
    (
        "the budget follows C22/Res. 1411 on the financial plan",
        [("C22/Res. 1411", "resolution", "1411", None, "Council", None, 2022, False)],
        None,
    ),
    # a parenthesis cut off by the end of the text (a final line break is not part of it)
    (
        "the last page of the report cites Resolution 750 (WRC-19\n",
        [
            (
                "Resolution 750 (WRC-19",
                "resolution",
                "750",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                False,
            )
        ],
        None,
    ),
    # an organ prefix glued to the word before it
    (
        "in line ofCouncil Resolution 1386(C17,modified C19)and the plan",
        [
            (
                "Council Resolution 1386(C17,modified C19)",
                "resolution",
                "1386",
                None,
                "Council",
                None,
                2019,
                True,
            )
        ],
        None,
    ),
    # amendment phrases of Council versions in French and Russian
    (
        "RÉSOLUTION 1386 (C17, dernière modification C21) du Conseil",
        [
            (
                "RÉSOLUTION 1386 (C17, dernière modification C21)",
                "resolution",
                "1386",
                None,
                "Council",
                None,
                2021,
                True,
            )
        ],
        None,
    ),
    (
        "согласно Резолюции 1386 Совета (измененной в 2021 г.) и Решению 563 Совета "
        "(изменено в 2019 г.)",
        [
            ("Резолюции 1386", "resolution", "1386", None, "Council", None, 2021, True),
            ("Решению 563", "decision", "563", None, "Council", None, 2019, True),
        ],
        None,
    ),
    # the abbreviated WRC Recommendation: a near-miss kind, never a resolution
    (
        "maritime frequencies are used as in Rec. 71 (Rev.WRC-19) for the bands",
        [
            (
                "Rec. 71 (Rev.WRC-19)",
                "recommendation",
                "71",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                True,
            )
        ],
        None,
    ),
    # Arabic: a list joined by و, Arabic-Indic digits (recorded in ASCII), a stretched keyword
    (
        "وفقاً للقراران 71 و 140 لمؤتمر المندوبين المفوضين",
        [
            ("لقراران 71", "resolution", "71", None, "PP", None, None, False),
            ("140", "resolution", "140", None, "PP", None, None, False),
        ],
        None,
    ),
    (
        "عملاً بالقرار ٧١ لمؤتمر المندوبين المفوضين",
        [("القرار ٧١", "resolution", "71", None, "PP", None, None, False)],
        None,
    ),
    (
        "يشير الـقرار 71 لمؤتمر المندوبين المفوضين إلى الخطة",
        [("الـقرار 71", "resolution", "71", None, "PP", None, None, False)],
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected", "host"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_damaged_and_abbreviated_forms(
    nlp: Language, text: str, expected: list[Row], host: str | None
) -> None:
    assert rows(nlp, text, host=host) == expected


@pytest.mark.parametrize(
    "text",
    [
        "the meeting of Dec. 5 ended at noon",  # a date, no version parenthesis
        "see the Rec. 12 of the study group",  # no version: not read
        "the re-\ntion 5 was cancelled",  # pieces that make no keyword
        "the Re-\nport 5 (2019) was adopted",
    ],
)
def test_look_alikes_of_these_forms_give_no_itu_work(nlp: Language, text: str) -> None:
    assert [c for c in cite(nlp, text) if c["kind"] in ("resolution", "decision")] == []


def test_a_text_naming_the_arab_league_keeps_its_bare_resolutions_out_of_itu(
    nlp: Language,
) -> None:
    """Only the host (a WRC contribution) ties "القرار رقم 4" to ITU, and the text names the
    League, which numbers its own resolutions: not an ITU work. A WRC-labelled one still is."""
    text = (
        "مساهمة المجموعة العربية في المؤتمر العالمي للاتصالات الراديوية\n"
        "عملاً بالقرار رقم 4 لمجلس جامعة الدول العربية والقرار 750 (WRC-19)"
    )
    found = [(c["surface"], c["kind"], c["body"]) for c in cite(nlp, text, host="WRC")]
    assert found == [
        ("القرار رقم 4", "non_itu", "other"),
        ("القرار 750 (WRC-19)", "resolution", "WRC"),
    ]


def test_a_glued_prefix_is_only_a_whole_organ_name_after_a_short_word(nlp: Language) -> None:
    """ "ofSecurityCouncil" ends in "Council" but names the UN organ: the span stays at the
    keyword and the mention is no ITU work: the Security Council's, as with the spaces kept."""
    found = cite(nlp, "in line ofSecurityCouncil resolution 338 (1973)", host=None)
    assert [(c["surface"], c["kind"], c["body"]) for c in found] == [
        ("resolution 338 (1973)", "un_resolution", "UNSC")
    ]
