"""The citation forms of real ITU text beyond the seeds: text -> records, table-driven.

Each case is a sentence written for this test, the way ITU-R, WRC, Council and non-English ITU
texts (and texts damaged by PDF or Word conversion) write citations, with the facts a reader
would state: surface, kind, number, ITU-R version, organ, venue, year, revision. The whole chain
runs (normalize, pre-scan, spaCy component, organ inference), in a WTSA host unless the case says
otherwise. Near-misses (UN and other organisations' resolutions) are in test_citation_near_misses.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_citations import cite

from extract.nlp.pipeline import build_nlp

# (surface, kind, number, version, body, venue, year, revised) of each citation
Row = tuple[str, str, str, str | None, str, str | None, int | None, bool]


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

COUNCIL = [
    (
        "the fees of Decision 482 (C19) and of Resolution 1305 (C09) apply",
        [
            ("Decision 482 (C19)", "decision", "482", None, "Council", None, 2019, False),
            ("Resolution 1305 (C09)", "resolution", "1305", None, "Council", None, 2009, False),
        ],
    ),
    (
        "under Resolution 1333 (C-2010, last amended C23) and Resolution 1380 (C16, Amended C19)",
        [
            (
                "Resolution 1333 (C-2010, last amended C23)",
                "resolution",
                "1333",
                None,
                "Council",
                None,
                2023,
                True,
            ),
            (
                "Resolution 1380 (C16, Amended C19)",
                "resolution",
                "1380",
                None,
                "Council",
                None,
                2019,
                True,
            ),
        ],
    ),
    (
        "see Council Resolution 1372 (Modified 2019) and Council Resolution 1282 (Mod. 2011)",
        [
            (
                "Council Resolution 1372 (Modified 2019)",
                "resolution",
                "1372",
                None,
                "Council",
                None,
                2019,
                True,
            ),
            (
                "Council Resolution 1282 (Mod. 2011)",
                "resolution",
                "1282",
                None,
                "Council",
                None,
                2011,
                True,
            ),
        ],
    ),
    (
        "in line with Council Decision 535 modified (C2011), the fees",
        [
            (
                "Council Decision 535 modified (C2011)",
                "decision",
                "535",
                None,
                "Council",
                None,
                2011,
                True,
            )
        ],
    ),
    (
        "as foreseen in Council Resolution 1305 (2009) on Internet issues",
        [
            (
                "Council Resolution 1305 (2009)",
                "resolution",
                "1305",
                None,
                "Council",
                None,
                2009,
                False,
            )
        ],
    ),
    (
        "Ref.: Document C17/120.\nR 1386 Council Working Group on child online protection (C17)\n"
        "The Council,",
        [("R 1386", "resolution", "1386", None, "Council", None, 2017, False)],
    ),
    (
        "R 1305 (C09) Rôle de l'UIT dans les questions de politiques publiques",
        [("R 1305 (C09)", "resolution", "1305", None, "Council", None, 2009, False)],
    ),
    (
        "第1305号决议 国际电联在互联网公共政策问题中的作用 (C09) 理事会，",
        [("第1305号决议", "resolution", "1305", None, "Council", None, 2009, False)],
    ),
    (
        "the Council, in Decision 584, decided to hold the forum",
        [("Decision 584", "decision", "584", None, "Council", None, None, False)],
    ),
    (
        "Resolution 1380 (C16) Preparations for the WRC-19 Decision 600 (C17) Budget of the Union",
        [
            ("Resolution 1380 (C16)", "resolution", "1380", None, "Council", None, 2016, False),
            ("Decision 600 (C17)", "decision", "600", None, "Council", None, 2017, False),
        ],
    ),
]

DAMAGED = [
    (
        "considering\na)Resolution 123 (Rev. Dubai, 2018) on the gap;\n•Resolution 36 (Rev. "
        "Guadalajara, 2010) on assistance; e)WTSA Resolution 96 (Hammamet, 2016) on counterfeiting",
        [
            (
                "Resolution 123 (Rev. Dubai, 2018)",
                "resolution",
                "123",
                None,
                "PP",
                "Dubai",
                2018,
                True,
            ),
            (
                "Resolution 36 (Rev. Guadalajara, 2010)",
                "resolution",
                "36",
                None,
                "PP",
                "Guadalajara",
                2010,
                True,
            ),
            (
                "WTSA Resolution 96 (Hammamet, 2016)",
                "resolution",
                "96",
                None,
                "WTSA",
                "Hammamet",
                2016,
                False,
            ),
        ],
    ),
    (
        "CONTENTS\n15.Resolution 40 - Regulatory aspects of telecommunications",
        [("Resolution 40", "resolution", "40", None, "WTSA", None, None, False)],
    ),
    (
        "as decided in Resolution No.101 (Rev. Dubai, 2018) and Res 58(Rev. Antalya, 2006)",
        [
            (
                "Resolution No.101 (Rev. Dubai, 2018)",
                "resolution",
                "101",
                None,
                "PP",
                "Dubai",
                2018,
                True,
            ),
            ("Res 58(Rev. Antalya, 2006)", "resolution", "58", None, "PP", "Antalya", 2006, True),
        ],
    ),
    (
        "DRAFT RESOLUTION17(Rev.Doha,2006 Hyderabad, 2010)\nThe role of",
        [
            (
                "RESOLUTION17(Rev.Doha,2006 Hyderabad, 2010)",
                "resolution",
                "17",
                None,
                "WTDC",
                "Hyderabad",
                2010,
                True,
            )
        ],
    ),
    (
        "and Resolution15(Istanbul,2002)oftheWorldTelecommunication Development Conference",
        [
            (
                "Resolution15(Istanbul,2002)",
                "resolution",
                "15",
                None,
                "WTDC",
                "Istanbul",
                2002,
                False,
            )
        ],
    ),
    (
        "Web viewRESOLUTION 64 (Rev. Dubai, 2012) and the SummaryResolution 70 (Rev. Dubai, 2018)",
        [
            (
                "RESOLUTION 64 (Rev. Dubai, 2012)",
                "resolution",
                "64",
                None,
                "unknown",
                "Dubai",
                2012,
                True,
            ),
            (
                "Resolution 70 (Rev. Dubai, 2018)",
                "resolution",
                "70",
                None,
                "PP",
                "Dubai",
                2018,
                True,
            ),
        ],
    ),
    (
        "Related texts: Resolution 139 (Rev. Dubai, 2018",
        [
            (
                "Resolution 139 (Rev. Dubai, 2018",
                "resolution",
                "139",
                None,
                "PP",
                "Dubai",
                2018,
                True,
            )
        ],
    ),
    (
        "in accordance with Resolution 122 (R\n5、ev. Antalya, 2006) of the Conference",
        [
            (
                "Resolution 122 (R\n5、ev. Antalya, 2006)",
                "resolution",
                "122",
                None,
                "PP",
                "Antalya",
                2006,
                True,
            )
        ],
    ),
]

ORGAN_PHRASE = [
    (
        "Resolution 66 of the Plenipotentiary Conference (Minneapolis, 1998) on documents",
        [("Resolution 66", "resolution", "66", None, "PP", "Minneapolis", 1998, False)],
    ),
    (
        "that Resolution 808 of the World Radiocommunication Conference\n(Geneva, 2012): resolved",
        [("Resolution 808", "resolution", "808", None, "WRC", "Geneva", 2012, False)],
    ),
    (
        "in line with Resolutions 64 and 101 of the 2014 Plenipotentiary Conference.",
        [
            ("Resolutions 64", "resolution", "64", None, "PP", "Busan", 2014, False),
            ("101", "resolution", "101", None, "PP", "Busan", 2014, False),
        ],
    ),
    (
        "set up by Resolution 1336 adopted by the 2011 session of the Council.",
        [("Resolution 1336", "resolution", "1336", None, "Council", None, 2011, False)],
    ),
    (
        "la Résolution 71 de la Conférence de plénipotentiaires (Dubaï, 2018) prévoit",
        [("Résolution 71", "resolution", "71", None, "PP", "Dubai", 2018, False)],
    ),
    (
        "WTSA-08 Resolution 68 on the evolving role of industry",
        [("WTSA-08 Resolution 68", "resolution", "68", None, "WTSA", "Johannesburg", 2008, False)],
    ),
    (  # a label before that names another conference than the mention's is context
        "agenda items of the WRC-23 Resolution 811 (WRC-19) and WTSA-20 Resolution 2 (Rev. "
        "Geneva, 2022)",
        [
            (
                "Resolution 811 (WRC-19)",
                "resolution",
                "811",
                None,
                "WRC",
                "Sharm el-Sheikh",
                2019,
                False,
            ),
            (
                "WTSA-20 Resolution 2 (Rev. Geneva, 2022)",
                "resolution",
                "2",
                None,
                "WTSA",
                "Geneva",
                2022,
                True,
            ),
        ],
    ),
    (
        "the Dedicated Group of Resolution 75 (WTSA, 2008) met",
        [
            (
                "Resolution 75 (WTSA, 2008)",
                "resolution",
                "75",
                None,
                "WTSA",
                "Johannesburg",
                2008,
                False,
            )
        ],
    ),
]

CASE = [
    (
        "DECISION 11 (REV. BUSAN, 2014) Creation of Council working groups",
        [("DECISION 11 (REV. BUSAN, 2014)", "decision", "11", None, "PP", "Busan", 2014, True)],
    ),
    (
        "WTSA Resolution 64 (rev. Johannesburg, 2008) on IP addresses",
        [
            (
                "WTSA Resolution 64 (rev. Johannesburg, 2008)",
                "resolution",
                "64",
                None,
                "WTSA",
                "Johannesburg",
                2008,
                True,
            )
        ],
    ),
    (
        "In accordance with Resolution 91 rev of the Plenipotentiary Conference (Marrakech, 2002)",
        [("Resolution 91 rev", "resolution", "91", None, "PP", "Marrakesh", 2002, True)],
    ),
    (
        "building confidence and security (Resolution 130, Rev. Dubai 2018)",
        [("Resolution 130, Rev. Dubai 2018", "resolution", "130", None, "PP", "Dubai", 2018, True)],
    ),
]

LANGUAGES = [
    (
        "в соответствии с Резолюцией 70 (Пересм. Дубай, 2018 г.) Полномочной конференции",
        [
            (
                "Резолюцией 70 (Пересм. Дубай, 2018 г.)",
                "resolution",
                "70",
                None,
                "PP",
                "Dubai",
                2018,
                True,
            )
        ],
    ),
    (
        "согласно Резолюции 64 (Хаммамет, 2016 г.) и Реш. 495 Совета",
        [
            (
                "Резолюции 64 (Хаммамет, 2016 г.)",
                "resolution",
                "64",
                None,
                "WTSA",
                "Hammamet",
                2016,
                False,
            ),
            ("Реш. 495", "decision", "495", None, "Council", None, None, False),
        ],
    ),
    (
        "وفقاً للقرار 1 للمؤتمر العالمي لتنمية الاتصالات والقرار 71 (المراجَع في دبي، 2018)",
        [
            ("لقرار 1", "resolution", "1", None, "WTDC", None, None, False),
            (
                "القرار 71 (المراجَع في دبي، 2018)",
                "resolution",
                "71",
                None,
                "PP",
                "Dubai",
                2018,
                True,
            ),
        ],
    ),
    (
        'تنشر الوثائق بموجب قرار المجلس رقم 1386 وعملاً بقرار المجلس رقم " 482".',
        [
            ("قرار المجلس رقم 1386", "resolution", "1386", None, "Council", None, None, False),
            ('قرار المجلس رقم " 482', "decision", "482", None, "Council", None, None, False),
        ],
    ),
    (
        "conforme à la Décision 5 (Rév. Dubaï, 2018) et à la Resolución 66 (Rev.Minneápolis, 1998)",
        [
            ("Décision 5 (Rév. Dubaï, 2018)", "decision", "5", None, "PP", "Dubai", 2018, True),
            (
                "Resolución 66 (Rev.Minneápolis, 1998)",
                "resolution",
                "66",
                None,
                "PP",
                "Minneapolis",
                1998,
                True,
            ),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    ITU_R + WRC + COUNCIL + DAMAGED + ORGAN_PHRASE + CASE + LANGUAGES,
    ids=lambda x: x[:40] if isinstance(x, str) else "",
)
def test_citation_forms(nlp: Language, text: str, expected: list[Row]) -> None:
    assert rows(nlp, text) == expected


def test_a_wrc_label_in_french_is_not_read_as_another_organ(nlp: Language) -> None:
    """ "CMR" is the French and Spanish WRC, never the WTSA of the host."""
    (row,) = rows(nlp, "la Résolution 229 (Rév.CMR-12) sur les RLAN", host="WTSA")
    assert row[4:7] == ("WRC", "Geneva", 2012)


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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "con excepción de los acuerdos del anterior resuelve 3, encarga al Director",
            [("anterior resuelve 3", "resolves 3")],
        ),
        (
            "según lo dispuesto en el invita 2 de la presente Resolución",
            [("invita 2 de la presente Resolución", "invites 2")],
        ),
        (
            "в рамках, указанных впункте 4 раздела поручает, выше, и",
            [("пункте 4 раздела поручает, выше", "instructs 4")],
        ),
        ("在上述做出决议3所述的框架内", [("上述做出决议3", "resolves 3")]),
        (
            "décide 1 que le groupe est créé; 2 que l'UIT assiste; charge le Secrétaire "
            "général de donner suite au point 2 ci-dessus",
            [("point 2 ci-dessus", "resolves 2")],
        ),
    ],
)
def test_internal_references_in_other_languages(
    nlp: Language, text: str, expected: list[tuple[str, str]]
) -> None:
    got = [(c["surface"], c["number"]) for c in cite(nlp, text) if c["kind"] == "internal"]
    assert got == expected


def test_a_point_above_without_a_numbered_section_is_not_read(nlp: Language) -> None:
    assert cite(nlp, "les mesures décrites au point 4 ci-dessus, charge le Directeur") == []


def test_an_arabic_itu_r_resolution(nlp: Language) -> None:
    assert rows(nlp, "يعقد الاجتماع التحضيري وفقاً للقرار ITU-R 2-9 وبعده") == [
        ("لقرار ITU-R 2-9", "resolution", "2", "9", "RA", None, None, True)
    ]


def test_a_sector_letter_before_a_number_is_no_council_abbreviation(nlp: Language) -> None:
    assert rows(nlp, "see ITU-R 1238 (C05) for the study") == []


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
