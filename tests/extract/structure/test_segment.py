"""Segmentation: resolutions -> sections -> paragraphs, on the seeds and on small texts."""

from __future__ import annotations

import hashlib
import json
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.models import DocumentStructure, SourceDoc, VersionRef
from extract.structure.segment import format_structure, headings, segment
from extract.text.language import detect_lang
from extract.text.load import load_document

ROOT = Path(__file__).resolve().parents[3]
CORPUS = ROOT / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))


def _doc(text: str, name: str = "t.txt") -> SourceDoc:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return SourceDoc(name, name, "txt", text, sha, lang=detect_lang(text))


@cache
def _seed(prefix: str) -> tuple[SourceDoc, DocumentStructure]:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    doc = load_document(path)
    return doc, segment(doc)


def _gold_mentions() -> list[dict[str, object]]:
    lines = (ROOT / "tests" / "gold" / "citations.jsonl").read_text("utf-8").splitlines()
    return [r for r in map(json.loads, lines) if r["role"] == "citation"]


def test_locate_matches_gold_section_paragraph_and_host() -> None:
    """Every non-heading gold citation: our tree puts it in the gold's section/paragraph/host."""
    wrong = []
    mentions = _gold_mentions()
    for g in mentions:
        _, s = _seed(str(g["doc"])[:3])
        loc = s.locate(int(g["start"]))  # type: ignore[call-overload]
        got = (
            loc.section.name if loc.section else None,
            loc.paragraph.label if loc.paragraph else None,
            loc.resolution.number if loc.resolution else None,
        )
        want = (g.get("section"), g.get("paragraph"), g.get("host"))
        if got != want:
            wrong.append((g["doc"], g["start"], g["surface"], want, got))
    assert len(mentions) == 108
    assert wrong == []


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_tree_is_nested_and_ordered(prefix: str) -> None:
    doc, s = _seed(prefix)
    starts = [r.start for r in s.resolutions]
    assert starts == sorted(starts)
    for a, b in zip(s.resolutions, s.resolutions[1:], strict=False):
        assert a.end <= b.start  # blocks do not overlap
    for r in s.resolutions:
        assert 0 <= r.start <= r.end <= len(doc.text)
        for sec in r.sections:
            assert r.start <= sec.start <= sec.end <= r.end
            assert sec.heading_start <= sec.heading_end <= sec.end
            for p in sec.paragraphs:
                assert sec.start <= p.start < p.end <= sec.end
                if p.label:
                    assert doc.text[p.start :].startswith(p.label)


@pytest.mark.parametrize("prefix", ["000", "001", "004"])
def test_windows_line_ends_give_the_same_tree(prefix: str, tmp_path: Path) -> None:
    doc, s = _seed(prefix)
    path = tmp_path / doc.name
    path.write_bytes(doc.text.replace("\n", "\r\n").encode("utf-8"))
    crlf = load_document(path)
    s2 = segment(crlf)

    def shape(d: SourceDoc, st: DocumentStructure) -> list[object]:
        return [
            (h.number, h.title, h.history, h.status, h.surface, h.proposal) for h in headings(d, st)
        ] + [
            (r.number, [(x.name, [p.label for p in x.paragraphs]) for x in r.sections])
            for r in st.resolutions
        ]

    assert shape(crlf, s2) == shape(doc, s)


def test_single_resolution_documents() -> None:
    doc, s = _seed("000")
    assert (s.body, s.conference, s.lang) == ("WTSA", VersionRef("Hammamet", 2016), "en")
    (r,) = s.resolutions
    names = [sec.name for sec in r.sections]
    assert names == [
        "recalling",
        "considering",
        "taking into account",
        "recognizing",
        "resolves",
        "instructs",
    ]
    assert [p.label for p in r.sections[0].paragraphs] == ["a)", "b)", "c)"]
    assert [sec.kind for sec in r.sections][-2:] == ["operative", "operative"]
    (foreword,) = s.sections
    assert foreword.name == "foreword"
    assert s.locate(doc.text.index("WTSA Resolution")).resolution is None


def test_side_by_side_blocks_keep_their_proposal() -> None:
    doc, s = _seed("001")
    blocks = [r for r in s.resolutions if r.sections]
    # Each clause appears once per column, in column order.
    considering = [r.proposal for r in blocks if r.sections[0].name == "considering"]
    assert considering == [
        "Proposal 2, AFCP/35A8/1 (ATU)",
        "Proposal 3, IAP/39A18/1 (CITEL)",
        "column 3",
    ]
    # The flattened "taking into accountrecognizing further" heading is the inserted one.
    assert "recognizing further" in {sec.name for r in blocks for sec in r.sections}
    # Flattened paragraph letters are kept as written.
    labels = {p.label for r in blocks for sec in r.sections for p in sec.paragraphs}
    assert {"bc)", "cd)", "gh)"} <= labels
    assert {r.heading_start for r in s.resolutions} == {h.start for h in headings(doc, s)}


def test_compilation_tables() -> None:
    _, s2 = _seed("002")
    summaries = [r for r in s2.resolutions if r.source == "summary"]
    assert len(summaries) == 28
    assert all(r.sections[0].name == "summary" for r in summaries)
    assert s2.conference == VersionRef("Geneva", 2022)
    _, s4 = _seed("004")
    assert (s4.lang, s4.body, s4.conference) == ("zh", "WTSA", VersionRef("Hammamet", 2016))
    unnumbered = [r for r in s4.resolutions if r.number is None]
    assert len(unnumbered) == 30  # 10 rows of 表1, 10 新决议 entries, 10 NEW RESOLUTION
    assert {r.status for r in unnumbered} == {"New"}


SMALL = [
    (
        "RESOLUTION 1 (Rev. Dubai, 2012)\nRules of procedure\n(Helsinki, 1993; Dubai, 2012)\n"
        "The World Telecommunication Standardization Assembly (Dubai, 2012),\n"
        "considering\na)\tthat x;\nresolves\n1\tthat y;\n2\tthat z.\n",
        ("1", "WTSA", "Dubai", 2012, ["considering", "resolves"], ["a)", "1", "2"]),
    ),
    (
        "RÉSOLUTION 44 (Rév. Genève, 2022)\nRéduire l'écart\nL'Assemblée mondiale,\n"
        "considérant\na)\tque les pays en développement;\ncharge le Directeur\n1\tde faire.\n",
        ("44", "WTSA", "Geneva", 2022, ["considering", "instructs"], ["a)", "1"]),
    ),
    (
        "第44号决议（2016年，哈马马特，修订版）\n缩小标准化工作差距\n世界电信标准化全会（2016年，哈马马特），\n"
        "考虑到\na)\t发展中国家；\n责成电信标准化局主任\n1\t继续工作；\n",
        ("44", "WTSA", "Hammamet", 2016, ["considering", "instructs"], ["a)", "1"]),
    ),
    (
        "RESOLUTION 123 (Rev. Busan, 2014)\nBridging the gap\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Busan, 2014),\n"
        "recognizing also\nthat x,\ninstructs the Secretary-General\n1\tto act;\n"
        "ANNEX TO RESOLUTION 123\nAction plan\n",
        ("123", "PP", "Busan", 2014, ["recognizing also", "instructs", "annex"], ["1"]),
    ),
]


SMALL_ALL = [
    *SMALL,
    (
        "第73号决议（2022年，日内瓦，修订版）\n信息通信技术与环境\n忆及\na）第66号决议；\n"
        "请\n1、各成员国参与；\n",
        ("73", "WTSA", "Geneva", 2022, ["recalling", "invites"], ["a）", "1、"]),
    ),
]


@pytest.mark.parametrize(
    ("text", "want"), SMALL_ALL, ids=["en", "fr", "zh", "pp-annex", "zh-fullwidth"]
)
def test_small_resolutions(text: str, want: tuple[object, ...]) -> None:
    number, body, venue, year, sections, labels = want
    doc = _doc(text)
    s = segment(doc)
    (r,) = s.resolutions
    assert (r.number, r.body) == (number, body)
    assert r.version == VersionRef(str(venue), int(year))  # type: ignore[call-overload]
    assert [sec.name for sec in r.sections] == sections
    assert [p.label for sec in r.sections for p in sec.paragraphs] == labels
    assert format_structure(s).count("\n") >= len(sections)


def test_heading_in_running_text_is_a_citation_not_a_heading() -> None:
    text = "RESOLUTION 5\nTitle\nrecalling\nResolution 59 (Rev. Buenos Aires, 2017) of the WTDC,\n"
    s = segment(_doc(text))
    assert [r.number for r in s.resolutions] == ["5"]


def test_no_resolution_in_plain_prose() -> None:
    s = segment(_doc("Minutes of the meeting.\nThe chairman opened the session.\n"))
    assert s.resolutions == ()
    assert s.locate(5).resolution is None


_LINES = st.sampled_from(
    [
        "RESOLUTION 44 (Rev. Hammamet, 2016Geneva, 2022)",
        "\tRESOLUTION 2 [Rev] on things:",
        "NEW RESOLUTION",
        "\t新决议“标题”责成电信标准化局主任",
        "\t第2号决议“标题”规定",
        "\t修订",
        "\t待定",
        "\t44",
        "(Florianópolis, 2004; Hammamet 2016: Geneva, 2022)",
        "considering",
        "taking into accountrecognizing further",
        "a)\tthat",
        "bc)\tthat Resolution 123 (Rev. Busan, 2014Dubai, 2018)",
        "1\tto do",
        "\tMOD\tAFCP/35A8/1",
        "Table 2 - Detailed",
        "ANNEX",
        "FOREWORD",
        "",
        "\t",
        "[bookmark: x]RESOLUTION 9[footnoteRef:1]1",
    ]
)
_DOCS = st.lists(st.one_of(_LINES, st.text(max_size=20)), max_size=25).map("\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCS)
def test_segment_never_crashes_and_offsets_slice(text: str) -> None:
    doc = _doc(text)
    s = segment(doc)
    n = len(text)
    for r in s.resolutions:
        assert 0 <= r.start <= r.end <= n
        assert 0 <= r.heading_start <= r.heading_end <= n
        for sec in r.sections:
            assert 0 <= sec.start <= sec.end <= n
            for p in sec.paragraphs:
                assert 0 <= p.start <= p.end <= n
    for h in headings(doc, s):
        assert text[h.start : h.end] == h.surface
    for off in range(0, n + 1, max(1, n // 7)):
        s.locate(off)
    format_structure(s)
