"""Citations in all their forms: text -> records, table-driven, through the real pipeline.

Each case is a sentence written the way ITU resolutions write it (none is copied from the seeds'
offsets) plus the facts a reader would state; the test runs the whole chain (normalize, pre-scan,
spaCy component, organ inference) with a small host structure, as a WTSA or PP text would have.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from extract.citations.find import find_citations
from extract.models import DocumentStructure, SourceDoc, VersionRef
from extract.nlp.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def cite(nlp: Language, text: str, host: str | None = "WTSA") -> list[dict[str, object]]:
    doc = SourceDoc(name="t.txt", path="t.txt", format="txt", text=text, sha256="0")
    structure = DocumentStructure(
        doc="t.txt", lang="en", body=host, conference=None, resolutions=()
    )
    out = []
    for c in find_citations(doc, structure, nlp):
        assert text[c.start : c.end] == c.surface
        out.append(c.to_json())
    return out


# (text, expected surfaces, expected fields of the first citation, pattern id of the first)
CASES = [
    (
        "recalling Resolution 123 (Rev. Dubai, 2018) on bridging the gap,",
        ["Resolution 123 (Rev. Dubai, 2018)"],
        {
            "number": "123",
            "body": "PP",
            "venue": "Dubai",
            "year": 2018,
            "revised": True,
            "body_basis": "inferred-from-venue",
            "kind": "resolution",
        },
        "res-en",
    ),
    (
        "noting resolution 86 (Hammamet, 2016), the assembly",
        ["resolution 86 (Hammamet, 2016)"],
        {"body": "WTSA", "revised": False, "body_basis": "inferred-from-venue"},
        "res-en",
    ),
    (
        "in line with WTDC Resolution 17 (Rev. Buenos Aires, 2017), to assist",
        ["WTDC Resolution 17 (Rev. Buenos Aires, 2017)"],
        {"number": "17", "body": "WTDC", "body_basis": "explicit", "venue": "Buenos Aires"},
        "res-en-organ",
    ),
    (
        "that Resolution 1353 of the Council recognizes that telecommunications",
        ["Resolution 1353"],
        {"number": "1353", "body": "Council", "body_basis": "explicit", "venue": None},
        "res-en",
    ),
    (
        "taking into account Resolution 207 (Rev.WRC-15) on maritime distress,",
        ["Resolution 207 (Rev.WRC-15)"],
        {"body": "WRC", "venue": "Geneva", "year": 2015, "revised": True, "body_basis": "explicit"},
        "res-en",
    ),
    (
        "recalling Resolutions 70 and 175 (Rev. Dubai, 2018) of the Plenipotentiary Conference,",
        ["Resolutions 70", "175 (Rev. Dubai, 2018)"],
        {"number": "70", "body": "PP", "body_basis": "explicit", "year": 2018},
        "res-en",
    ),
    (
        "as listed in Resolutions 44 (Rev. Geneva, 2022) and 76 (Rev. Geneva, 2022) of this "
        "assembly, and",
        ["Resolutions 44 (Rev. Geneva, 2022)", "76 (Rev. Geneva, 2022)"],
        {"number": "44", "body": "WTSA", "body_basis": "this-assembly"},
        "res-en",
    ),
    (
        "that Resolution 37 (Rev. Dubai, 2014Buenos Aires, 2017) of the World Telecommunication "
        "Development Conference (WTDC), on the digital divide",
        ["Resolution 37 (Rev. Dubai, 2014Buenos Aires, 2017)"],
        {
            "venue": "Buenos Aires",
            "year": 2017,
            "also": {"venue": "Dubai", "year": 2014},
            "also_revised": True,
            "body": "WTDC",
            "body_basis": "explicit",
        },
        "res-en",
    ),
    (
        "the heading RESOLUTION 44 (Rev. HammametGeneva, 20162022) follows",
        ["RESOLUTION 44 (Rev. HammametGeneva, 20162022)"],
        {
            "venue": "Geneva",
            "year": 2022,
            "also": {"venue": "Hammamet", "year": 2016},
            "body": "WTSA",
            "revised": True,
        },
        "res-en",
    ),
    (
        "that Resolution 191 (Busan, 2014Rev. Dubai, 2018) instructs the Directors",
        ["Resolution 191 (Busan, 2014Rev. Dubai, 2018)"],
        {"venue": "Dubai", "year": 2018, "revised": True, "also_revised": False, "body": "PP"},
        "res-en",
    ),
    (
        "see Resolution\n123 (Rev.\u00a0Busan,\n2014) for the action plan",
        ["Resolution\n123 (Rev.\u00a0Busan,\n2014)"],
        {"venue": "Busan", "year": 2014, "body": "PP"},
        "res-en",
    ),
    (
        "recalling General Assembly resolution 70/1 on transforming our world,",
        ["resolution 70/1"],
        {"number": "70/1", "body": "UNGA", "body_basis": "explicit"},
        "res-en-un",
    ),
    (
        "in line with ITU-R Resolution 9 (Rev. Sharm el-Sheikh, 2019) on liaison",
        ["ITU-R Resolution 9 (Rev. Sharm el-Sheikh, 2019)"],
        {"number": "9", "body": "RA", "body_basis": "explicit", "year": 2019},
        "res-en-sector",
    ),
    (
        "that Decision 12 (Rev. Busan, 2014) of the Plenipotentiary Conference confirmed",
        ["Decision 12 (Rev. Busan, 2014)"],
        {"kind": "decision", "number": "12", "body": "PP", "body_basis": "explicit"},
        "dec-en",
    ),
    (
        "work of ITU-D Study Group 2 under Question 14-3/2, on e-health",
        ["Question 14-3/2"],
        {"kind": "question", "number": "14-3/2", "body": "WTDC", "sector": "ITU-D"},
        "question-en-continued",
    ),
    (
        "in particular in the context of ITU-D Question 3/2 (Securing networks)",
        ["ITU-D Question 3/2"],
        {"kind": "question", "number": "3/2", "body": "WTDC", "sector": "ITU-D"},
        "question-en-sector",
    ),
    (
        "work closely with ITU-D, in the context of Question3/2, instructs",
        ["Question3/2"],
        {"number": "3/2", "body": "WTDC"},
        "question-en",
    ),
    (
        "the implementation of Recommendation ITU-T E.161.1 on numbering",
        ["Recommendation ITU-T E.161.1"],
        {
            "kind": "recommendation",
            "number": "E.161.1",
            "body": "unknown",
            "sector": "ITU-T",
            "body_basis": "unknown",
        },
        "rec-en",
    ),
    (
        "in accordance with resolves 4 of this resolution and with the work plan",
        ["resolves 4 of this resolution"],
        {"kind": "internal", "number": "resolves 4", "body": "WTSA", "body_basis": "context"},
        "internal-en-number",
    ),
    (
        "3\tbased on results of instructs 2 above, to assist developing countries",
        ["instructs 2 above"],
        {"kind": "internal", "number": "instructs 2"},
        "internal-en-number",
    ),
    (
        "to report to TSAG on the progress regarding invites the Secretary-General below",
        ["invites the Secretary-General below"],
        {"kind": "internal", "number": "invites the Secretary-General"},
        "internal-en-addressee",
    ),
    (
        "请电信标准化局主任协助电信发展局主任落实第196号决议（2014年，釜山）。",
        ["第196号决议（2014年，釜山）"],
        {"number": "196", "venue": "Busan", "year": 2014, "body": "PP", "revised": False},
        "res-zh",
    ),
    (
        "根据全权代表大会第71号决议（2018年，迪拜，修订版）的规定",
        ["第71号决议（2018年，迪拜，修订版）"],
        {"number": "71", "body": "PP", "body_basis": "explicit", "revised": True},
        "res-zh",
    ),
    (
        "考虑到本全会第54号决议（修订版，2016年，哈马马特）",
        ["第54号决议（修订版，2016年，哈马马特）"],
        {"body": "WTSA", "body_basis": "this-assembly", "venue": "Hammamet", "revised": True},
        "res-zh",
    ),
    (
        "注意到ITU-D第2研究组在第14-3/2号课题方面持续开展的工作",
        ["第14-3/2号课题"],
        {"kind": "question", "number": "14-3/2", "body": "WTDC"},
        "question-zh",
    ),
]


@pytest.mark.parametrize(("text", "surfaces", "fields", "pattern"), CASES)
def test_citation_forms(
    nlp: Language, text: str, surfaces: list[str], fields: dict[str, object], pattern: str
) -> None:
    got = cite(nlp, text)
    assert [c["surface"] for c in got] == surfaces
    first = got[0]
    assert first["pattern"] == pattern
    for key, value in fields.items():
        assert first.get(key) == value, (key, first)


@pytest.mark.parametrize(
    "text",
    [
        "the two above-mentioned resolutions and related resolutions",
        "WTSA-20 revised 36 Resolutions and three ITU-T A-Series Recommendations",
        "Annex A to this resolution; the Hyderabad Declaration (2010)",
        "resolves\n1\tthat the action plan annexed to this resolution should be continued",
        "instructs the Director of the Telecommunication Standardization Bureau\n1\tto act",
        "The World Telecommunication Standardization Assembly (Hammamet, 2016Geneva, 2022),",
        "本决议的附件以及相关决议",
    ],
)
def test_non_citations_are_not_annotated(nlp: Language, text: str) -> None:
    assert cite(nlp, text) == []


def test_a_conference_label_before_gives_organ_and_version(nlp: Language) -> None:
    (c,) = cite(nlp, "as revised, WTSA-20 Resolution 2 assigns the mandates", host="PP")
    # the label is an organ prefix that is part of the name, like "WTSA Resolution 2"
    assert (c["surface"], c["body"], c["body_basis"], c["venue"], c["year"]) == (
        "WTSA-20 Resolution 2",
        "WTSA",
        "explicit",
        "Geneva",
        2022,
    )


def test_coordinated_questions_each_get_a_record(nlp: Language) -> None:
    got = cite(nlp, "ongoing work of ITU-D under Questions 1/1, 2/1 and 14-3/2 on e-health")
    assert [(c["surface"], c["number"], c["body"]) for c in got] == [
        ("Questions 1/1", "1/1", "WTDC"),
        ("2/1", "2/1", "WTDC"),
        ("14-3/2", "14-3/2", "WTDC"),
    ]


def test_an_operative_paragraph_of_another_resolution_is_not_internal(nlp: Language) -> None:
    got = cite(nlp, "as set out in resolves 2 of Resolution 123 (Rev. Dubai, 2018), the Director")
    assert [c["kind"] for c in got] == ["resolution"]


def test_coordination_stops_at_an_item_number(nlp: Language) -> None:
    text = "Resolutions 44 (Rev. Geneva, 2022) and 76 (Rev. Geneva, 2022), 2 that ITU-T shall"
    assert [c["number"] for c in cite(nlp, text)] == ["44", "76"]


def test_a_prefix_on_the_previous_line_is_not_part_of_the_surface(nlp: Language) -> None:
    got = cite(nlp, "the work of ITU-D\n\tRESOLUTION 2 [Rev] on study groups:")
    assert [(c["surface"], c["revised"], c["pattern"]) for c in got] == [
        ("RESOLUTION 2", True, "res-en")
    ]


def test_a_paragraph_number_after_this_resolution_is_not_a_citation(nlp: Language) -> None:
    assert cite(nlp, "to report on the implementation of this resolution\n2\tto assist") == []


def test_operative_reference_inside_a_cited_resolution_is_not_internal(nlp: Language) -> None:
    text = (
        "Resolution 34 (Rev. Buenos Aires, 2017) of the World Telecommunication Development "
        "Conference states, under invites 10, Member States to consider"
    )
    assert [c["kind"] for c in cite(nlp, text)] == ["resolution"]


def test_an_ambiguous_venue_is_unknown_rather_than_a_guess(nlp: Language) -> None:
    text = "that Resolution 34 (Dubai, 2012) decides to encourage funding"
    for host in ("PP", "WTSA"):  # Dubai 2012 was both WTSA-12 and WCIT-12
        (c,) = cite(nlp, text, host=host)
        assert (c["venue"], c["year"], c["body"], c["body_basis"]) == (
            "Dubai",
            2012,
            "unknown",
            "unknown",
        )
    (c,) = cite(nlp, text.replace("(Dubai, 2012)", "(Dubai, 2012) of this assembly"))
    assert (c["body"], c["body_basis"]) == ("WTSA", "this-assembly")


def test_host_organ_decides_this_conference(nlp: Language) -> None:
    text = "recalling Resolution 25 (Rev. Dubai, 2018) of this Conference,"
    (c,) = cite(nlp, text, host="PP")
    assert (c["body"], c["body_basis"]) == ("PP", "this-assembly")


def test_numbering_decides_an_unversioned_pp_resolution_in_a_wtsa_text(nlp: Language) -> None:
    (c,) = cite(nlp, "The Resolution 123 Action Plan emphasizes capacity building")
    assert (c["body"], c["body_basis"]) == ("PP", "context")
    (c,) = cite(nlp, "see Resolution 44 on the gap")
    assert (c["body"], c["body_basis"]) == ("WTSA", "context")


def test_heading_role_comes_from_the_segment_heading(nlp: Language) -> None:
    from extract.models import ResolutionSegment

    text = "\tRESOLUTION 2 [Rev] on study group mandates:\nInvites TSAG to act."
    doc = SourceDoc(name="t.txt", path="t.txt", format="txt", text=text, sha256="0")
    seg = ResolutionSegment(
        number="2", body="WTSA", start=0, end=len(text), heading_start=1, heading_end=13
    )
    structure = DocumentStructure("t.txt", "en", "WTSA", VersionRef("Geneva", 2022), (seg,))
    (c,) = find_citations(doc, structure, nlp)
    assert (c.surface, c.role, c.revised, c.body_basis, c.host) == (
        "RESOLUTION 2",
        "heading",
        True,
        "context",
        "2",
    )
