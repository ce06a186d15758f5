"""Assignments outside a clean operative section, in every language the extractor reads.

Each case is a short text we wrote in the forms real ITU pages use (summaries in the passive,
"This Resolution invites ...", numbered action lines, past tense in a reported clause, operative
clauses whose lines were run together, words glued by a PDF conversion) and the records the whole
extractor (:func:`extract.corpus.extract_document`) must give for it: surface, verb, addressee,
collaborators, source and resolution. The negatives are as important: a wrong assignment edge is
worse than a missing one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.corpus import extract_document
from tests.extract.assignments.outside_operative_cases import (
    ARABIC,
    CHINESE,
    FRENCH,
    RUSSIAN,
    SPANISH,
)

# text -> [(surface, verb, addressee, collaborators, source, resolution)]
ENGLISH = [
    (
        "The ITU Council met in June. The Director of BDT is instructed to prepare a toolkit "
        "for small island developing States.",
        [("The Director of BDT is instructed", "instructs", "BDT", (), "summary", None)],
    ),
    (
        "Action requestedThe Council is asked to approve the report.\n"
        "Member States are invited to send comments on the ITU plan.",
        [
            ("The Council is asked", "requests", "Council", (), "summary", None),
            ("Member States are invited", "invites", "Member States", (), "summary", None),
        ],
    ),
    (
        "On climate change, ITU is called upon to keep supporting small island States.",
        [("ITU is called upon", "calls upon", "ITU", (), "summary", None)],
    ),
    (
        "The new ITU resolution on space sustainability was adopted in 2023. This Resolution "
        "invites the Director of the Radiocommunication Bureau to publish a handbook.",
        [
            (
                "invites the Director of the Radiocommunication Bureau",
                "invites",
                "BR",
                (),
                "summary",
                None,
            )
        ],
    ),
    (
        "Council 2024 approved the financial plan of ITU. The Decision also requests the "
        "Secretary-General to report on savings each year.",
        [("requests the Secretary-General", "requests", "SG", (), "summary", None)],
    ),
    (
        "The meeting recalled that Resolution 71 (Rev. Bucharest, 2022) of the Plenipotentiary "
        "Conference invites Member States to contribute to the strategic plan.",
        [("invites Member States", "invites", "Member States", (), "reported", "71")],
    ),
    (
        "Working methods of the ITU Council group\n"
        "1) instructs the CWG-FHR, through the Council, to review the financial plan;\n"
        "2) instructs and authorizes the Secretary-General to publish the report.",
        [
            ("instructs the CWG-FHR", "instructs", "CWG-FHR", (), "operative", None),
            (
                "instructs and authorizes the Secretary-General",
                "instructs",
                "SG",
                (),
                "operative",
                None,
            ),
        ],
    ),
    (
        "In its Resolution 812 (WRC-23), the World Radiocommunication Conference resolved to "
        "meet again in 2027. It also invited the Council to set the dates of that conference.",
        [("invited the Council", "invites", "Council", (), "reported", "812")],
    ),
    (
        "Regarding Resolution 101 (Rev. Bucharest, 2022), the group discussed \u2018instructs "
        "the SG 2\u2019 and agreed that no change was needed.",
        [("instructs the SG", "instructs", "SG", (), "reported", "101")],
    ),
    (
        "WORLD TELECOMMUNICATION DEVELOPMENT CONFERENCE (Kigali, 2022)\n"
        "resolves to invite the Director ofthe Radiocommunication Bureau to support training",
        [
            (
                "resolves to invite the Director ofthe Radiocommunication Bureau",
                "resolves to invite",
                "BR",
                (),
                "operative",
                None,
            )
        ],
    ),
    (
        "- 7 - (Standards matters) resolves 2 that training courses be offered, "
        "instructs the Director of the Telecommunication Standardization Bureau to run them, "
        "instructs the Secretary-General to report their costs to the Council.",
        [
            (
                "instructs the Director of the Telecommunication Standardization Bureau",
                "instructs",
                "TSB",
                (),
                "operative",
                None,
            ),
            ("instructs the Secretary-General", "instructs", "SG", (), "operative", None),
        ],
    ),
    (
        "instructs the Director of the Telecommunication Standardization Bureau, in "
        "collaboration with the\nDirector of the Telecommunication Development Bureau,\n"
        "1\tto hold workshops;\n2\tto report to TSAG",
        [
            (
                "instructs the Director of the Telecommunication Standardization Bureau, in "
                "collaboration with the\nDirector of the Telecommunication Development Bureau",
                "instructs",
                "TSB",
                ("BDT",),
                "operative",
                None,
            )
        ],
    ),
    (
        "Report of the chairman to the plenary of the World Radiocommunication Conference\n"
        "1) WRC-23 invites the CPM to hold two sessions.",
        [("invites the CPM", "invites", "CPM", (), "summary", None)],
    ),
    (
        "resolves to instruct the Radio Regulations Board\n1\tto publish its rules of procedure",
        [
            (
                "resolves to instruct the Radio Regulations Board",
                "resolves to instruct",
                "RRB",
                (),
                "operative",
                None,
            )
        ],
    ),
    (
        "instructs the Secretary-General, working in close cooperation with the Bureau "
        "Directors and the COG, to draft a staffing plan",
        [
            (
                "instructs the Secretary-General, working in close cooperation with the Bureau "
                "Directors and the COG",
                "instructs",
                "SG",
                ("TSB", "BR", "BDT", "COG"),
                "operative",
                None,
            )
        ],
    ),
    (
        "The Resolution invites ITU's membership - its Sector Members, Academia and "
        "Member States - to share their experience.",
        [
            (
                "invites ITU's membership - its Sector Members, Academia and Member States",
                "invites",
                "Sector Members, Academia and Member States",
                (),
                "summary",
                None,
            )
        ],
    ),
]

ENGLISH += [
    (
        "ITU Council 2026 reviewed the plan. The Director of TSB is instructed, in consultation "
        "with the Director of BR, to hold a workshop; the Secretary-General is requested to "
        "report in consultation with regional organizations.",
        [
            (
                "The Director of TSB is instructed, in consultation with the Director of BR",
                "instructs",
                "TSB",
                ("BR",),
                "summary",
                None,
            ),
            ("the Secretary-General is requested", "requests", "SG", (), "summary", None),
        ],
    ),
    (
        "The Regional Postal Union,\n\nnoting that Resolution 72 (Rev. Sharm el-Sheikh, 2019) of "
        "the World Radiocommunication Conference invites regional telecommunication "
        "organizations to coordinate their preparations,\n\nresolves to take part.",
        [
            (
                "invites regional telecommunication organizations",
                "invites",
                "regional telecommunication organizations",
                (),
                "reported",
                "72",
            )
        ],
    ),
    (
        "The World Telecommunication Development Conference (Baku, 2025),\n\nconsidering the "
        "plan,\n\ninvites Member States to contribute;\nrequests the Secretary-General to report",
        [
            ("invites Member States", "invites", "Member States", (), "operative", None),
            ("requests the Secretary-General", "requests", "SG", (), "operative", None),
        ],
    ),
    (
        "ITU Council 2025 adopted the plan. The Decision requests the ITU Secretary-General to "
        "report every year and invites Member States to contribute to the fund.",
        [
            ("requests the ITU Secretary-General", "requests", "SG", (), "summary", None),
            ("invites Member States", "invites", "Member States", (), "summary", None),
        ],
    ),
]

# texts that give no assignment at all
NEGATIVES = [
    # another organ's resolution that names ITU: its operative verbs are its own
    "Regional Broadcasting Union\nThe General Council of the Regional Broadcasting Union,\n\n"
    "Welcoming the work of the International Telecommunication Union on spectrum,\n\n"
    "1. Invites Member States to take part in the ITU studies;\n"
    "2. Instructs the Director of the Telecommunication Standardization Bureau liaison office "
    "to report.",
    "La Conférence régionale des postes de notre exemple,\n\nrappelant les travaux de l'UIT,\n\n"
    "invite les États Membres à contribuer aux études de l'UIT-R.",
    "Региональная конференция почтовых служб,\n\nотмечая работу МСЭ,\n\n"
    "поручает Генеральному секретарю представить отчет.",
    "区域邮政大会，\n\n注意到国际电联的工作，\n\n请各成员国参与国际电联的研究。",
    # the same in a resolution the segmenter reads (heading, sections)
    "RESOLUTION 12 (Lomé, 2031)\n\nRegional cooperation on spectrum\n\nThe General Assembly of "
    "the Regional Broadcasting Union,\n\nconsidering\na)\tthat the International "
    "Telecommunication Union studies the bands;\n\ninvites Member States\n1\tto contribute to "
    "the studies of ITU-R;\n\ninstructs the Secretary-General\n1\tto report to the Assembly",
    # "requests" with a result, not an addressee; a verb glued to "and"
    "ويطلب القرار 2 (المراجَع في جنيف، 2022) تعزيز التعاون بين القطاعات في الاتحاد الدولي "
    "للاتصالات.",
    # another organisation's operative verbs
    "The Security Council,\nrequests the Secretary-General to report within 90 days;\n"
    "invites Member States to contribute troops.",
    "The Permanent Council of the Organization of American States,\nrequests the Secretary "
    "General to support the working group;\nurges member states to pay their quotas.",
    "Le Conseil de sécurité,\nprie le secrétaire général de lui faire rapport;\ninvite les "
    "États membres à fournir des contingents.",
    "Совет Безопасности,\nпросит Генерального секретаря представить доклад;",
    # a General Assembly resolution in the same clause is no ITU resolution
    "ITU noted that General Assembly resolution 70/1 invites Member States to report on the "
    "Sustainable Development Goals.",
    # modal verbs, verbs outside the vocabulary
    "The BR should keep its database current. The plan authorizes the ITU Council to adjust "
    "fees; the Council is tasked with oversight.",
    # recommends is no assignment, nor bare resolves with numbered items
    "The Plenipotentiary Conference (Busan, 2014)\nresolves to recommend to the Council that "
    "the next conference be held in 2027\nresolves\n1\tthat ITU-T continue its studies",
    # a verb after "and" with no head before it in its sentence
    "The delegates of ITU met and invites Member States to the next session.",
    # a reference to a clause, a narrative in the past tense
    "to report to TSAG on the progress regarding invites the Secretary-General below",
    "WTSA-24 instructed the TSB Director to inform the other Bureaux.",
    "Resolution 12 (Rev. Dubai, 2018) was discussed at length. In 2019 the Secretary-General "
    "invited Member States to a briefing on ITU matters.",
    # the actor of a passive governed by a preposition or part of a longer name
    "Comments on the report of the Council are invited by the ITU secretariat.",
    "ITU notes that the Security Council is invited to a briefing.",
]


def _records(tmp_path: Path, text: str) -> list[tuple]:
    path = tmp_path / "passage.txt"
    path.write_text(text, encoding="utf-8")
    result = extract_document(path)
    for a in result.assignments:
        assert result.doc.text[a.start : a.end] == a.surface
    return [
        (a.surface, a.verb, a.addressee, a.collaborators, a.source, a.resolution)
        for a in result.assignments
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [*ENGLISH, *FRENCH, *SPANISH, *CHINESE, *RUSSIAN, *ARABIC],
    ids=lambda x: x[:40] if isinstance(x, str) else "",
)
def test_assignments_outside_a_clean_operative_section(
    tmp_path: Path, text: str, expected: list[tuple]
) -> None:
    assert _records(tmp_path, text) == expected


@pytest.mark.parametrize("text", NEGATIVES, ids=lambda x: x[:40])
def test_texts_without_an_assignment(tmp_path: Path, text: str) -> None:
    assert _records(tmp_path, text) == []


def test_an_item_number_between_verb_and_addressee_points_back_at_the_verb(
    tmp_path: Path,
) -> None:
    text = next(t for t, _ in SPANISH if t.startswith("resuelve 2"))
    path = tmp_path / "passage.txt"
    path.write_text(text, encoding="utf-8")
    [a] = extract_document(path).assignments
    assert a.addressee_only
    assert a.verb_start is not None and a.verb_end is not None
    assert text[a.verb_start : a.verb_end] == "invita"


def test_passives_carry_their_voice(tmp_path: Path) -> None:
    path = tmp_path / "passage.txt"
    path.write_text(ENGLISH[1][0], encoding="utf-8")
    records = extract_document(path).assignments
    assert [a.voice for a in records] == ["passive", "passive"]
    assert all(a.to_json()["voice"] == "passive" for a in records)
