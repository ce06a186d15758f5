"""Language of a document and of each run of it (extract/text/language.py), on sentences of ours."""

from __future__ import annotations

from itertools import pairwise

import pytest

from extract.models import SourceDoc
from extract.structure.segment import segment
from extract.text.language import detect_lang, language_runs

EN = "The Assembly, considering that the Director of the Bureau instructs the study groups. "
ES = "La Asamblea, considerando que el Director de la Oficina encarga a las comisiones. "
FR = "L'Assemblée, considérant que le Directeur du Bureau charge les commissions d'études. "
ZH = "全会考虑到，电信标准化局主任应与各研究组合作，并责成其向理事会报告。"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # short Spanish with "la" (French and Spanish alike): Spanish, not French
        ("la Resolución 12 de la Asamblea para el Sector", "es"),
        ("Resolución 70 del Consejo, con los Estados Miembros", "es"),
        ("la Résolution 12 de la Conférence pour le Secteur", "fr"),
        ("Résolution 70 du Conseil, avec les États Membres", "fr"),
        ("Resolution 70 of the Council, with the Member States", "en"),
        ("Резолюция 70 Полномочной конференции", "ru"),
        ("القرار 70 لمؤتمر المندوبين المفوضين", "ar"),
    ],
)
def test_short_texts(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


def test_a_one_language_text_is_one_run() -> None:
    text = EN * 40
    assert [(r.start, r.end, r.lang) for r in language_runs(text)] == [(0, len(text), "en")]


def test_a_spanish_part_of_an_english_document_is_its_own_run() -> None:
    text = EN * 20 + "\n\n" + ES * 20 + "\n\n" + EN * 20
    runs = language_runs(text)
    assert [r.lang for r in runs] == ["en", "es", "en"]
    assert runs[0].start == 0 and runs[-1].end == len(text)
    assert all(a.end == b.start for a, b in pairwise(runs))
    spanish = text.index(ES)
    assert runs[1].start <= spanish < runs[1].end


def test_blocks_without_evidence_take_their_neighbours_language() -> None:
    numbers = "\n\n" + "1234 5678 ITU-T ITU-D\n" * 30 + "\n\n"
    text = FR * 20 + numbers + FR * 5 + "\n\n" + EN * 30
    runs = language_runs(text)
    assert [r.lang for r in runs] == ["fr", "en"]


def test_a_chinese_report_with_an_english_annex() -> None:
    text = ZH * 60 + "\n\n" + EN * 30
    runs = language_runs(text)
    assert [r.lang for r in runs] == ["zh", "en"]


def test_the_segmentation_carries_the_runs_and_reads_headings_of_each_language() -> None:
    text = (
        "RESOLUTION 12 (Rev. Dubai, 2018)\n\n" + EN * 10 + "\n\n"
        "considering\na)\tthat the Bureau helps;\n\n" + ES * 12 + "\n\n"
        "considerando\na)\tque la Oficina ayuda a los Estados Miembros;\n"
    )
    doc = SourceDoc("t.txt", "t.txt", "txt", text, "0", lang=detect_lang(text))
    s = segment(doc)
    assert s.lang == "en"
    assert s.lang_at(text.index(ES)) == "es" and s.lang_at(0) == "en"
    names = [sec.name for r in s.resolutions for sec in r.sections]
    assert names == ["considering", "considering"]
