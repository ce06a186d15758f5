"""Actor recognition and normalization (extract/assignments/actors.py, patterns/actors.jsonl)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extract.assignments.actors import (
    expand_labels,
    join_labels,
    load_actor_table,
    match_actor_list,
    sector_of_body,
)

PATTERNS = Path(__file__).parents[3] / "extract" / "assignments" / "patterns" / "actors.jsonl"

# phrase (as written in ITU resolutions), host sector -> (matched surface, labels, qualifier)
CASES = [
    (
        "the Director of the Telecommunication Standardization Bureau, in",
        "ITU-T",
        "the Director of the Telecommunication Standardization Bureau",
        ("TSB",),
        None,
    ),
    (
        "the BDT and BR Director, to continue",
        "ITU-T",
        "the BDT and BR Director",
        ("BDT", "BR"),
        None,
    ),
    (
        "RAG, TSAG and TDAG to continue",
        "ITU-T",
        "RAG, TSAG and TDAG",
        ("RAG", "TSAG", "TDAG"),
        None,
    ),
    (
        "the Directors of the Radiocommunication (BR), Telecommunication Standardization (TSB) and "
        "Telecommunication Development (BDT) Bureaux and ISC TF to report",
        "ITU-T",
        "the Directors of the Radiocommunication (BR), Telecommunication Standardization (TSB) and "
        "Telecommunication Development (BDT) Bureaux and ISC TF",
        ("BR", "TSB", "BDT", "ISC-TF"),
        None,
    ),
    (
        "the Secretary-General and the Directors of the three Bureaux to work",
        None,
        "the Secretary-General and the Directors of the three Bureaux",
        ("SG", "@all-bureaux"),
        None,
    ),
    ("Study Group 17\n", "ITU-T", "Study Group 17", ("ITU-T SG17",), None),
    ("ITU-D Study Group 2 on", "ITU-T", "ITU-D Study Group 2", ("ITU-D SG2",), None),
    (
        "the relevant study groups to",
        "ITU-T",
        "the relevant study groups",
        ("ITU-T study groups",),
        "relevant",
    ),
    (
        "Sector Members from developing countries\n",
        "ITU-T",
        "Sector Members from developing countries",
        ("Sector Members",),
        "from developing countries",
    ),
    (
        "ITU-T, in particular Study Group 5\n",
        "ITU-T",
        "ITU-T, in particular Study Group 5",
        ("ITU-T", "ITU-T SG5"),
        None,
    ),
    (
        "Member States and ITU-D Sector Members\n",
        "ITU-T",
        "Member States and ITU-D Sector Members",
        ("Member States", "ITU-D Sector Members"),
        None,
    ),
]

# actors that only pages outside a clean operative section name, and glued or abbreviated forms
MORE_CASES = [
    ("the Radio Regulations Board (RRB) to", "the Radio Regulations Board (RRB)", ("RRB",)),
    ("the CPM to prepare", "the CPM", ("CPM",)),
    (
        "the Council Working Group on child online protection (CWG-COP) to",
        "the Council Working Group on child online protection (CWG-COP)",
        ("CWG-COP",),
    ),
    ("the CWG\u2011FHR, through the Council", "the CWG\u2011FHR", ("CWG-FHR",)),
    (
        "the Bureau Directors and the COG, on",
        "the Bureau Directors and the COG",
        (
            "@all-bureaux",
            "COG",
        ),
    ),
    ("ITU to continue", "ITU", ("ITU",)),
    ("the SG to report", "the SG", ("SG",)),
    ("the SG 4\u2019 of", "the SG", ("SG",)),
    (
        "the Director ofthe Radiocommunication Bureau to",
        "the Director ofthe Radiocommunication Bureau",
        ("BR",),
    ),
    (
        "ITU's membership \u2013 its Member States and Sector Members \u2013 to",
        "ITU's membership \u2013 its Member States and Sector Members",
        ("Member States", "Sector Members"),
    ),
    ("regional organizations to join", "regional organizations", ("regional organizations",)),
]

RU_CASES = [
    ("Генеральному секретарю представить", "Генеральному секретарю", ("SG",)),
    (
        "Директорам Бюро радиосвязи и Бюро развития электросвязи оказать",
        "Директорам Бюро радиосвязи и Бюро развития электросвязи",
        ("BR", "BDT"),
    ),
    ("Директорами трех Бюро, ", "Директорами трех Бюро", ("@all-bureaux",)),
    (
        "Государствам-Членам и Членам Секторов принять",
        "Государствам-Членам и Членам Секторов",
        ("Member States", "Sector Members"),
    ),
    (
        "17-й Исследовательской комиссии МСЭ-Т",
        "17-й Исследовательской комиссии МСЭ-Т",
        ("ITU-T SG17",),
    ),
    ("КГСЭ, КГРЭ и КГР продолжать", "КГСЭ, КГРЭ и КГР", ("TSAG", "TDAG", "RAG")),
    ("Радиорегламентарному комитету пересмотреть", "Радиорегламентарному комитету", ("RRB",)),
    ("Совету МСЭ рассмотреть", "Совету МСЭ", ("Council",)),
]

ZH_CASES = [
    ("电信标准化局主任与", "电信标准化局主任", ("TSB",)),
    (
        "无线电通信局（BR）、电信标准化局（TSB）和电信发展局（BDT）主任以及跨部门协调任务组（ISC-TF）向",
        "无线电通信局（BR）、电信标准化局（TSB）和电信发展局（BDT）主任以及跨部门协调任务组（ISC-TF）",
        ("BR", "TSB", "BDT", "ISC-TF"),
    ),
    ("第13研究组和第20研究组在", "第13研究组和第20研究组", ("ITU-T SG13", "ITU-T SG20")),
    (
        "其它部门（特别是国际电联电信发展部门（ITU-D））协作",
        "其它部门（特别是国际电联电信发展部门（ITU-D））",
        ("@other-sectors", "ITU-D"),
    ),
    ("ITU-T各相关研究组开展", "ITU-T各相关研究组", ("ITU-T study groups",)),
    ("各区域组织参与", "各区域组织", ("regional organizations",)),
    ("无线电规则委员会审议", "无线电规则委员会", ("RRB",)),
]


@pytest.mark.parametrize(("text", "sector", "surface", "labels", "qualifier"), CASES)
def test_english_actor_lists(text, sector, surface, labels, qualifier):
    m = match_actor_list(text, 0, "en", sector)
    assert m is not None
    assert text[m.start : m.end] == surface
    assert m.labels == labels
    assert m.qualifier == qualifier


@pytest.mark.parametrize(("text", "surface", "labels"), MORE_CASES)
def test_more_english_actors(text, surface, labels):
    m = match_actor_list(text, 0, "en", "ITU-T")
    assert m is not None
    assert (text[m.start : m.end], m.labels) == (surface, labels)


@pytest.mark.parametrize(("text", "surface", "labels"), RU_CASES)
def test_russian_actor_lists(text, surface, labels):
    m = match_actor_list(text, 0, "ru", "ITU-T")
    assert m is not None
    assert (text[m.start : m.end], m.labels) == (surface, labels)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("the Council Working Group on languages to", "en"),  # no acronym: not the Council
        ("the Council of Ministers of the OAU", "en"),
        ("ITU-T Recommendation X.509", "en"),
        ("ITU's secretariat", "en"),
        ("SG17 to study", "en"),  # a study group, not the Secretary-General
        ("Совет Безопасности", "ru"),
    ],
)
def test_names_that_are_not_these_actors(text, lang):
    assert match_actor_list(text, 0, lang, "ITU-T") is None


@pytest.mark.parametrize(("text", "surface", "labels"), ZH_CASES)
def test_chinese_actor_lists(text, surface, labels):
    m = match_actor_list(text, 0, "zh", "ITU-T")
    assert m is not None
    assert (text[m.start : m.end], m.labels) == (surface, labels)


@pytest.mark.parametrize(
    "text", ["to continue the work", "the action plan annexed", "BRoadband access", "请参阅"]
)
def test_non_actors_are_rejected(text):
    lang = "zh" if text.startswith("请") else "en"
    assert match_actor_list(text, 0, lang, "ITU-T") is None


def test_every_pattern_matches_its_own_example():
    rows = [json.loads(line) for line in PATTERNS.read_text(encoding="utf-8").splitlines()]
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert re.search(r["pattern"], r["example"], re.IGNORECASE), r["id"]
        assert {"id", "lang", "kind", "labels", "pattern", "example"} <= set(r)


def test_other_bureaux_depend_on_the_addressee():
    assert expand_labels(("@other-bureaux",), addressees=("TSB",)) == ("BR", "BDT")
    assert expand_labels(("@other-bureaux",), addressees=("BDT",)) == ("TSB", "BR")
    assert expand_labels(("@other-bureaux",), addressees=("SG",), sector="ITU-T") == ("BR", "BDT")
    assert expand_labels(("@all-bureaux",)) == ("TSB", "BR", "BDT")
    assert expand_labels(("@other-sectors", "ITU-D"), addressees=("ITU-T",)) == ("ITU-R", "ITU-D")


def test_join_labels_and_sectors():
    assert join_labels(("TSB", "BR", "BDT")) == "TSB, BR and BDT"
    assert join_labels(("Council",)) == "Council"
    assert (sector_of_body("WTDC"), sector_of_body("Council")) == ("ITU-D", None)


def test_unknown_language_is_a_clear_error():
    with pytest.raises(ValueError, match="valid options"):
        load_actor_table("de")
