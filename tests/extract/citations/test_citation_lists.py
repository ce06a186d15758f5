"""Chinese lists of resolutions and decisions: one citation per number, through the pipeline.

"第70和175号决议（2018年，迪拜，修订版）" cites two resolutions, as "Resolutions 70 and 175 (Rev.
Dubai, 2018)" does in English; the cases are written the way ITU's Chinese texts write them.
"""

from __future__ import annotations

import pytest
from spacy.language import Language
from test_citations import cite

from extract.nlp.pipeline import build_nlp


@pytest.fixture(scope="module")
def zh_nlp() -> Language:
    return build_nlp("zh")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # one 第 for two numbers; the version and the organ before belong to both
            "重申全权代表大会第70和175号决议（2018年，迪拜，修订版）的规定，",
            [
                ("第70", "70", "resolution", "PP", "Dubai", 2018, True),
                (
                    "175号决议（2018年，迪拜，修订版）",
                    "175",
                    "resolution",
                    "PP",
                    "Dubai",
                    2018,
                    True,
                ),
            ],
        ),
        (  # each number with its own 第 and 号, an enumeration comma and 和; decisions
            "考虑到理事会第5号、第11号和第12号决定，",
            [
                ("第5号", "5", "decision", "Council", None, None, False),
                ("第11号", "11", "decision", "Council", None, None, False),
                ("第12号决定", "12", "decision", "Council", None, None, False),
            ],
        ),
        (  # no organ phrase: the conference of the shared version decides (gazetteer)
            "注意到第44号和第76号决议（2022年，日内瓦，修订版）",
            [
                ("第44号", "44", "resolution", "WTSA", "Geneva", 2022, True),
                (
                    "第76号决议（2022年，日内瓦，修订版）",
                    "76",
                    "resolution",
                    "WTSA",
                    "Geneva",
                    2022,
                    True,
                ),
            ],
        ),
    ],
)
def test_chinese_lists_give_one_citation_per_number(
    zh_nlp: Language, text: str, expected: list[tuple[object, ...]]
) -> None:
    got = [
        (c["surface"], c["number"], c["kind"], c["body"], c["venue"], c["year"], c["revised"])
        for c in cite(zh_nlp, text, host=None)
    ]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "第44和76号",  # no 决议/决定 after the list: paragraph numbers, not resolutions
        "第2和3段的规定",
        "第3、5号课题",  # Questions are not read as a list of resolutions
    ],
)
def test_chinese_lists_without_a_resolution_word_are_not_citations(
    zh_nlp: Language, text: str
) -> None:
    assert [c["kind"] for c in cite(zh_nlp, text, host=None)] == []
