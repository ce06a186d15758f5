"""Heading shapes, table-driven: text -> (surface, number, organ, version, status, title...)."""

from __future__ import annotations

import hashlib

import pytest

from extract.models import Heading, SourceDoc
from extract.structure.segment import headings, segment
from extract.text.language import detect_lang


def _headings(text: str) -> list[Heading]:
    doc = SourceDoc(
        "t.txt", "t.txt", "txt", text, hashlib.sha256(text.encode()).hexdigest(), detect_lang(text)
    )
    return headings(doc, segment(doc))


def _row(h: Heading) -> tuple[object, ...]:
    version = f"{h.version_venue} {h.version_year}" if h.version_venue else None
    history = [f"{v.venue} {v.year}" for v in h.history] if h.history else None
    return (h.surface, h.number, h.body, version, h.status, h.title, history)


CASES = [
    (
        "RESOLUTION 64 (Rev. Geneva, 2022)\nIP address allocation\n"
        "(Montreal, 2000; Florianópolis, 2004; Hammamet 2016: Geneva, 2022)\n",
        (
            "RESOLUTION 64 (Rev. Geneva, 2022)",
            "64",
            "WTSA",
            "Geneva 2022",
            None,
            "IP address allocation",
            ["Montreal 2000", "Florianópolis 2004", "Hammamet 2016", "Geneva 2022"],
        ),
    ),
    (
        "RESOLUTION 207 (REV.WRC-15)\nMeasures to address unauthorized use\n",
        (
            "RESOLUTION 207 (REV.WRC-15)",
            "207",
            "WRC",
            "Geneva 2015",
            None,
            "Measures to address unauthorized use",
            None,
        ),
    ),
    (
        "MOD\tACP/35A8/1\nRESOLUTION 123 (Rev. Busan, 2014Dubai, 2018)\nBridging the gap\n",
        (
            "RESOLUTION 123 (Rev. Busan, 2014Dubai, 2018)",
            "123",
            "PP",
            "Dubai 2018",
            "Rev",
            "Bridging the gap",
            None,
        ),
    ),
    (
        "MOD\tEUR/12A1/3\n\nRESOLUTION 2 (Rev. Geneva, 2022)\nStudy group responsibility\n",
        (
            "RESOLUTION 2 (Rev. Geneva, 2022)",
            "2",
            "WTSA",
            "Geneva 2022",
            "Rev",
            "Study group responsibility",
            None,
        ),
    ),
    (
        "ADD\tACP/35A1/1\nDRAFT NEW RESOLUTION [ACP-1]\nUse of artificial intelligence\n",
        (
            "DRAFT NEW RESOLUTION [ACP-1]",
            None,
            "unknown",
            None,
            "New",
            "Use of artificial intelligence",
            None,
        ),
    ),
    (
        "Table 1 – Overview of the WTSA Resolutions\n\tRESOLUTION 52 [NOC] on countering spam:\n"
        "Instructs the relevant study groups to continue.\n",
        ("RESOLUTION 52", "52", "WTSA", None, "NOC", "countering spam", None),
    ),
    (
        "Overview of WTDC resolutions\n\tResolution 37 [Sup] on bridging the digital divide "
        "instructs:\nText.\n",
        ("Resolution 37", "37", "WTDC", None, "Sup", "bridging the digital divide", None),
    ),
    (
        "RESOLUTION ITU-R 1-8\nWorking methods for the Radiocommunication Assembly\n"
        "The ITU Radiocommunication Assembly,\nconsidering\na)\tthat x;\n",
        (
            "RESOLUTION ITU-R 1-8",
            "ITU-R 1-8",
            "RA",
            None,
            None,
            "Working methods for the Radiocommunication Assembly",
            None,
        ),
    ),
    (
        "RESOLUCIÓN 44 (Rev. Ginebra, 2022)\nReducción de la disparidad\n",
        (
            "RESOLUCIÓN 44 (Rev. Ginebra, 2022)",
            "44",
            "WTSA",
            "Geneva 2022",
            None,
            "Reducción de la disparidad",
            None,
        ),
    ),
    (
        "第44号决议（2016年，哈马马特，修订版）\n缩小标准化工作差距\n（2004年，弗洛里亚诺波利斯；2016年，哈马马特）\n",
        (
            "第44号决议（2016年，哈马马特，修订版）",
            "44",
            "WTSA",
            "Hammamet 2016",
            None,
            "缩小标准化工作差距",
            ["Florianópolis 2004", "Hammamet 2016"],
        ),
    ),
    (
        "世界电信标准化全会概述\n\t新决议“国际移动漫游（IMR）”责成电信标准化局主任\n",
        ("新决议", None, "WTSA", None, "New", "国际移动漫游（IMR）", None),
    ),
    (
        "WTSA-16 表1\n\t状态\n\t决议号\n\t标题\n\n\t未修改\n\t58\n\t建立国家计算机事件响应组\n\n"
        "\t76\n\t修订\n\t一致性和互操作性测试\n",
        ("58", "58", "WTSA", None, "NOC", "建立国家计算机事件响应组", None),
    ),
]


@pytest.mark.parametrize(("text", "want"), CASES, ids=[str(i) for i in range(len(CASES))])
def test_heading_shapes(text: str, want: tuple[object, ...]) -> None:
    got = _headings(text)
    assert got, "no heading found"
    assert _row(got[0]) == want
    for h in got:
        assert text[h.start : h.end] == h.surface


def test_number_first_table_rows() -> None:
    text = CASES[-1][0]
    got = [(h.surface, h.status) for h in _headings(text)]
    assert got == [("58", "NOC"), ("76", "Rev")]


@pytest.mark.parametrize(
    "text",
    [
        "Resolution 59 (Rev. Buenos Aires, 2017) of the World Telecommunication Development "
        "Conference, on strengthening coordination\n",
        " Resolution 44 proposals side-by-side\n",
        "recalling\nResolution 44 (Rev. Geneva, 2022),\n",
        "第196号决议（2014年，釜山）中的规定\n",
    ],
)
def test_citations_in_running_text_are_not_headings(text: str) -> None:
    assert _headings(text) == []


def test_inline_title_with_clauses_is_resolution_text() -> None:
    text = "RESOLUTION 1 – Rules of procedure\nconsidering\na)\tthat x;\nresolves\n1\tto y.\n"
    doc = SourceDoc("t.txt", "t.txt", "txt", text, "0" * 64)
    (r,) = segment(doc).resolutions
    assert (r.source, r.title, [s.name for s in r.sections]) == (
        "operative",
        "Rules of procedure",
        ["considering", "resolves"],
    )
