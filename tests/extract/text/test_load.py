"""Loading each format from real files: .txt encodings, .docx tracked changes, .pdf, .html."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from files_factory import make_docx, make_html, make_pdf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from extract.exceptions import DocumentError
from extract.structure.segment import headings, segment
from extract.text.language import detect_lang
from extract.text.load import load_document

CORPUS = Path(__file__).resolve().parents[3] / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))

TEXT = "RESOLUTION 44 (Rev. Hammamet, 2016)\nRéduire l’écart – «considérant»\n"


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name[:3])
def test_txt_seed_is_exactly_the_utf8_text(seed: Path) -> None:
    doc = load_document(seed)
    assert doc.text == seed.read_text(encoding="utf-8")
    assert (doc.format, doc.encoding, doc.layer, doc.changes) == ("txt", "utf-8", "after", ())
    assert len(doc.sha256) == 64


def test_seed_languages() -> None:
    langs = {p.name[:3]: load_document(p).lang for p in SEEDS}
    assert langs == {"000": "en", "001": "en", "002": "en", "003": "en", "004": "zh"}


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT.encode("utf-16-le"), "utf-16"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf16-no-bom", "cp1252"],
)
def test_txt_encodings_are_detected(tmp_path: Path, raw: bytes, encoding: str) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(raw)
    doc = load_document(path)
    assert doc.text == TEXT
    assert doc.encoding == encoding


def test_gb18030_chinese_text(tmp_path: Path) -> None:
    text = "第44号决议（2016年，哈马马特）\n缩小发展中国家与发达国家之间的标准化工作差距\n考虑到\n"
    path = tmp_path / "zh.txt"
    path.write_bytes(text.encode("gb18030"))
    doc = load_document(path)
    assert doc.text == text
    assert doc.lang == "zh"


def _proposal_docx(tmp_path: Path) -> Path:
    return make_docx(
        tmp_path / "proposal.docx",
        [
            "MOD\tACP/12A3/1",
            [
                ("", "RESOLUTION 123 (Rev. "),
                ("del", "Busan, 2014"),
                ("ins", "Dubai, 2018"),
                ("", ")"),
            ],
            "Bridging the standardization gap",
            "considering",
            [("", "a)\tthat "), ("ins", "new text "), ("", "is added;")],
        ],
    )


def test_docx_tracked_changes_after_layer(tmp_path: Path) -> None:
    doc = load_document(_proposal_docx(tmp_path))
    assert doc.format == "docx"
    assert "RESOLUTION 123 (Rev. Dubai, 2018)\n" in doc.text
    assert "Busan" not in doc.text
    assert doc.other_layer is not None and "(Rev. Busan, 2014)" in doc.other_layer
    kinds = [(c.kind, c.text) for c in doc.changes]
    assert kinds == [("delete", "Busan, 2014"), ("insert", "Dubai, 2018"), ("insert", "new text ")]
    for c in doc.changes:
        if c.kind == "insert":
            assert doc.text[c.start : c.end] == c.text
        else:
            assert c.start == c.end
        assert c.author == "Proposer"


def test_docx_tracked_changes_before_layer(tmp_path: Path) -> None:
    doc = load_document(_proposal_docx(tmp_path), layer="before")
    assert "RESOLUTION 123 (Rev. Busan, 2014)\n" in doc.text
    assert "a)\tthat is added;" in doc.text
    deleted = [c for c in doc.changes if c.kind == "delete"]
    assert [doc.text[c.start : c.end] for c in deleted] == ["Busan, 2014"]


def test_docx_layers_segment_to_different_versions(tmp_path: Path) -> None:
    path = _proposal_docx(tmp_path)
    after, before = load_document(path), load_document(path, layer="before")
    h_after = headings(after, segment(after))
    h_before = headings(before, segment(before))
    assert [(h.number, h.version_venue, h.version_year, h.status) for h in h_after] == [
        ("123", "Dubai", 2018, "Rev")
    ]
    assert [(h.version_venue, h.version_year) for h in h_before] == [("Busan", 2014)]
    assert h_after[0].body == "PP"  # Dubai 2018 can only be the Plenipotentiary Conference


def test_docx_table_cells_become_tab_lines(tmp_path: Path) -> None:
    path = make_docx(
        tmp_path / "table.docx",
        ["Table 1"],
        table=[["状态", "决议号", "标题"], ["修订", "44", "缩小标准化工作差距"]],
    )
    doc = load_document(path)
    assert "\t修订\n\t44\n\t缩小标准化工作差距\n" in doc.text
    entries = headings(doc, segment(doc))
    assert [(h.surface, h.status, h.title) for h in entries] == [
        ("44", "Rev", "缩小标准化工作差距")
    ]


def test_pdf_made_with_fpdf2(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "acts.pdf",
        [
            "RESOLUTION 68 (Rev. Hammamet, 2016)",
            "Evolving role of industry",
            "(Johannesburg, 2008; Dubai, 2012; Hammamet, 2016)",
            "considering",
            "a) that developing countries participate;",
        ],
    )
    doc = load_document(path)
    assert doc.format == "pdf"
    assert "RESOLUTION 68 (Rev. Hammamet, 2016)" in doc.text
    (h,) = headings(doc, segment(doc))
    assert (h.number, h.body, h.version_year, h.title) == (
        "68",
        "WTSA",
        2016,
        "Evolving role of industry",
    )
    assert [v.venue for v in h.history or ()] == ["Johannesburg", "Dubai", "Hammamet"]


def test_html_page(tmp_path: Path) -> None:
    path = make_html(
        tmp_path / "res.html",
        "<h1>RESOLUTION 86 (Hammamet, 2016)</h1><p>Facilitating the <b>Smart Africa</b> "
        "Manifesto</p><p><i>recalling</i></p><p>a)\tResolution 195 (Busan, 2014);</p>",
        charset="cp1252",
    )
    doc = load_document(path)
    assert doc.format == "html"
    assert "RESOLUTION 9" not in doc.text  # scripts are not text
    assert doc.text.splitlines()[:3] == [
        "RESOLUTION 86 (Hammamet, 2016)",
        "Facilitating the Smart Africa Manifesto",
        "recalling",
    ]
    s = segment(doc)
    loc = s.locate(doc.text.index("Resolution 195"))
    assert (loc.resolution.number, loc.section.name, loc.paragraph.label) == (
        "86",
        "recalling",
        "a)",
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The World Telecommunication Standardization Assembly, considering that", "en"),
        ("L'Assemblée mondiale de normalisation des télécommunications, considérant que les", "fr"),
        ("La Asamblea Mundial de Normalización de las Telecomunicaciones, considerando que", "es"),
        ("世界电信标准化全会，考虑到 ITU-T 和 ITU-D 的工作", "zh"),
        ("Всемирная ассамблея по стандартизации электросвязи, учитывая", "ru"),
    ],
)
def test_detect_lang(text: str, lang: str) -> None:
    assert detect_lang(text) == lang


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_any_utf8_text_loads_back_exactly(tmp_path: Path, text: str) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(text.encode("utf-8"))
    doc = load_document(path)
    assert doc.text == text.removeprefix("\ufeff")
    assert doc.lang in {"en", "fr", "es", "zh", "ru", "ar"}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(min_size=1, max_size=2000))
def test_any_bytes_load_or_fail_with_document_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "any.txt"
    path.write_bytes(data)
    try:
        doc = load_document(path)
    except DocumentError as err:
        assert err.code in {"E001", "E003", "E004"}
    else:
        assert doc.text.strip()


def test_detect_lang_weighs_the_whole_text_not_its_ends() -> None:
    """A short block in another script (a cover page, an appendix) does not decide a long text."""
    en = "The Assembly, considering that the Director of the Bureau resolves and instructs. " * 2400
    zh = (
        "第44号决议 缩小发展中国家与发达国家之间的标准化工作差距，考虑到，做出决议，责成主任。"
        * 150
    )
    assert len(zh) < len(en) // 20
    assert detect_lang(en + zh) == "en" and detect_lang(zh + en) == "en"
    assert detect_lang(zh * 20 + en[: len(en) // 4]) == "zh"


def test_detect_lang_votes_over_the_whole_sample_not_its_start() -> None:
    """Function words are counted on slices spread over the sample: a long English front
    matter does not make a French text English, nor the reverse."""
    en = "The Assembly, considering that the Director of the Bureau resolves and instructs. " * 700
    fr = "L'Assemblée, considérant que les travaux des commissions et la charge du Bureau. " * 1800
    assert len(en) > 50_000 and len(fr) > 2 * len(en)
    assert detect_lang(en + fr) == "fr"
    assert detect_lang(fr[: len(en)] + en * 3) == "en"
