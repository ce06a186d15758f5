"""Citation forms in other languages and in damaged text: text -> records, table-driven.

The French, Spanish, Russian, Arabic and Chinese ways ITU texts cite resolutions, and the forms
PDF or Word conversion damages (hyphens and spaces lost, words glued), each in a sentence written
for this test with the facts a reader would state; the whole chain runs in a WTSA host unless the
case says otherwise. The first table of forms is test_citation_forms.py.
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
    DAMAGED + LANGUAGES,
    ids=lambda x: x[:40] if isinstance(x, str) else "",
)
def test_damaged_and_other_language_forms(nlp: Language, text: str, expected: list[Row]) -> None:
    assert rows(nlp, text) == expected


def test_a_wrc_label_in_french_is_not_read_as_another_organ(nlp: Language) -> None:
    """ "CMR" is the French and Spanish WRC, never the WTSA of the host."""
    (row,) = rows(nlp, "la Résolution 229 (Rév.CMR-12) sur les RLAN", host="WTSA")
    assert row[4:7] == ("WRC", "Geneva", 2012)


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
