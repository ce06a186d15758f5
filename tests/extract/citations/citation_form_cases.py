"""Citation form cases for Council texts, organ phrases before the parenthesis and case or
spelling variants: text -> [(surface, kind, number, version, body, venue, year, revised)].

Why apart: the cases are data, each a sentence written for this test in the way such texts cite;
``test_citation_forms.py`` runs them with the ITU-R and WRC cases.
"""

from __future__ import annotations

#: (surface, kind, number, version, body, venue, year, revised) of each citation
Row = tuple[str, str, str, str | None, str, str | None, int | None, bool]

COUNCIL: list[tuple[str, list[Row]]] = [
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


ORGAN_PHRASE: list[tuple[str, list[Row]]] = [
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

CASE: list[tuple[str, list[Row]]] = [
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
