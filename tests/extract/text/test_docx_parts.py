"""Word parts beyond plain paragraphs (text boxes, footnotes, label cells, revised paragraph
marks) and where a record sits in the original file (PDF page, HTML element), on real files."""

from __future__ import annotations

from pathlib import Path

from files_factory import dele, ins, make_html, make_pdf_pages, make_raw_docx, p, r
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import extract_document
from extract.text.load import load_document

_CITE = "Resolution 123 (Rev. Dubai, 2018)"


def _text_box(text: str) -> str:
    """A text box as Word writes it: DrawingML in mc:Choice, a VML copy in mc:Fallback."""
    content = f"<w:txbxContent>{p(r(text))}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wp:anchor><a:graphic><a:graphicData>'
        f"<wps:wsp><wps:txbx>{content}</wps:txbx></wps:wsp>"
        "</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>"
        f"<mc:Fallback><w:pict><v:shape><v:textbox>{content}</v:textbox></v:shape></w:pict>"
        "</mc:Fallback></mc:AlternateContent></w:r>"
    )


def test_text_box_is_read_once(tmp_path: Path) -> None:
    body = (
        p(r("RESOLUTION 44 (Rev. Geneva, 2022)"))
        + p(r("considering"))
        + p(r("a)\tthat "), _text_box(f"{_CITE} of the Plenipotentiary Conference applies;"))
    )
    doc = load_document(make_raw_docx(tmp_path / "box.docx", body))
    assert doc.text.count(_CITE) == 1
    cites = [c for c in extract_document(doc).citations if c.number == "123"]
    assert len(cites) == 1
    assert doc.text[cites[0].start : cites[0].end] == cites[0].surface


def test_footnotes_are_read_after_the_body_and_say_footnote_n(tmp_path: Path) -> None:
    body = (
        p(r("RESOLUTION 44 (Rev. Geneva, 2022)"))
        + p(r("considering"))
        + p(
            r("a)\tthat developing countries"),
            '<w:r><w:footnoteReference w:id="2"/></w:r>',
            r(" need support;"),
        )
    )
    notes = (
        '<w:footnote w:type="separator" w:id="-1">' + p(r("----")) + "</w:footnote>"
        '<w:footnote w:id="2">'
        + p("<w:r><w:footnoteRef/></w:r>", r(f" These include those named in {_CITE}."))
        + "</w:footnote>"
        '<w:footnote w:id="3">' + p(r("A note nothing refers to.")) + "</w:footnote>"
    )
    doc = load_document(make_raw_docx(tmp_path / "notes.docx", body, notes))
    assert "----" not in doc.text and "nothing refers" not in doc.text
    line = f"1\t These include those named in {_CITE}."
    assert line in doc.text
    at = doc.text.index(line)
    assert doc.text.index("need support") < at  # after the body
    pos = doc.position_at(at + 5)
    assert pos is not None and pos.footnote == "1"
    assert doc.text[pos.start : pos.end] == line
    (cite,) = [c for c in extract_document(doc).citations if c.number == "123"]
    assert (cite.section, cite.paragraph) == ("footnote", "1")
    assert doc.text[cite.start : cite.end] == cite.surface == _CITE


def test_label_in_its_own_table_cell_stays_with_its_paragraph(tmp_path: Path) -> None:
    def cell(text: str) -> str:
        return f"<w:tc>{p(r(text))}</w:tc>"

    row = (
        "<w:tbl><w:tr>"
        + cell("a)")
        + cell(f"that {_CITE} of the Plenipotentiary Conference applies;")
        + "</w:tr><w:tr>"
        + cell("b)")
        + cell("that Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference too;")
        + "</w:tr></w:tbl>"
    )
    body = p(r("RESOLUTION 44 (Rev. Geneva, 2022)")) + p(r("considering")) + row
    doc = load_document(make_raw_docx(tmp_path / "cells.docx", body))
    assert f"a)\tthat {_CITE}" in doc.text
    found = {c.number: (c.section, c.paragraph) for c in extract_document(doc).citations}
    assert found["123"] == ("considering", "a)")
    assert found["71"] == ("considering", "b)")


def test_a_deleted_paragraph_mark_is_a_change_and_the_layers_stay_aligned(
    tmp_path: Path,
) -> None:
    body = (
        p(r("considering"))
        + p(dele("b)\tthat an old paragraph goes;"), mark="del")
        + p(r("c)\tthat "), dele("Busan, 2014"), ins("Dubai, 2018"), r(" stays;"))
    )
    doc = load_document(make_raw_docx(tmp_path / "del.docx", body))
    assert "old paragraph" not in doc.text and doc.other_layer is not None
    assert "b)\tthat an old paragraph goes;\n" in doc.other_layer
    # putting every deletion back and taking every insertion out gives the other layer
    rebuilt, at = [], 0
    for ch in doc.changes:
        rebuilt.append(doc.text[at : ch.start])
        rebuilt.append(ch.text if ch.kind == "delete" else "")
        at = ch.end
    rebuilt.append(doc.text[at:])
    assert "".join(rebuilt) == doc.other_layer
    assert ("delete", "\n") in [(c.kind, c.text) for c in doc.changes]


def test_pdf_records_know_their_page(tmp_path: Path) -> None:
    path = make_pdf_pages(
        tmp_path / "acts.pdf",
        [
            ["RESOLUTION 44 (Rev. Geneva, 2022)", "considering"],
            [f"a) that {_CITE} of the Plenipotentiary Conference applies;"],
        ],
    )
    doc = load_document(path)
    assert [p.page for p in doc.positions] == [1, 2]
    (cite,) = [c for c in extract_document(doc).citations if c.number == "123"]
    pos = doc.position_at(cite.start)
    assert pos is not None and pos.page == 2
    first = doc.position_at(doc.text.index("considering"))
    assert first is not None and first.page == 1


def test_html_records_know_their_element(tmp_path: Path) -> None:
    path = make_html(
        tmp_path / "res.html",
        "<h1>RESOLUTION 44 (Rev. Geneva, 2022)</h1>"
        '<div id="res44"><p>considering</p>'
        f"<p>a) that <b>{_CITE}</b> of the Plenipotentiary Conference applies;</p></div>"
        "<div><p>end</p></div>",
    )
    doc = load_document(path)
    (cite,) = [c for c in extract_document(doc).citations if c.number == "123"]
    pos = doc.position_at(cite.start)
    assert pos is not None and pos.path == "#res44/p[2]"
    end = doc.position_at(doc.text.index("end"))
    assert end is not None and end.path == "body/div[2]/p[1]"
    heading = doc.position_at(0)
    assert heading is not None and heading.path == "body/h1[1]"


def test_a_number_cell_before_a_title_stays_a_table_entry(tmp_path: Path) -> None:
    """A table of resolutions ("44 | Bridging ...") is not a label and its paragraph: only a
    number followed by a clause ("to organize ...") is."""

    def row(*cells: str) -> str:
        return "<w:tr>" + "".join(f"<w:tc>{p(r(c))}</w:tc>" for c in cells) + "</w:tr>"

    table = (
        "<w:tbl>"
        + row("44", "Bridging the standardization gap")
        + row("1", "to organize workshops;")
        + row("the", "word alone is no label")
        + "</w:tbl>"
    )
    doc = load_document(make_raw_docx(tmp_path / "t.docx", table))
    assert "\t44\n\tBridging the standardization gap\n" in doc.text
    assert "1\tto organize workshops;\n" in doc.text
    assert "\tthe\n\tword alone is no label\n" in doc.text


def test_corrupt_footnotes_part_is_a_coded_error_naming_the_file(tmp_path: Path) -> None:
    import pytest

    from extract.exceptions import DocumentError

    body = p(r("x"), '<w:r><w:footnoteReference w:id="2"/></w:r>')
    path = make_raw_docx(tmp_path / "bad.docx", body, '<w:footnote w:id="2"><w:p>')
    with pytest.raises(DocumentError) as err:
        load_document(path)
    assert err.value.code == "E005" and "footnotes.xml" in str(err.value)
    assert "bad.docx" in str(err.value)


_TAGS = ["p", "div", "span", "b", "td", "tr", "table", "li", "h2", "script", "br"]


@st.composite
def _markup(draw: st.DrawFn, depth: int = 0) -> str:
    if depth > 3 or draw(st.booleans()):
        return draw(st.sampled_from(["RESOLUTION 44", " ", "  x  ", "\n", "\t", "a)", "é", ""]))
    tag = draw(st.sampled_from(_TAGS))
    ident = f' id="i{draw(st.integers(0, 3))}"' if draw(st.booleans()) else ""
    inner = "".join(draw(st.lists(_markup(depth + 1), max_size=3)))
    return f"<{tag}{ident}>{inner}</{tag}>" + draw(st.sampled_from(["", " tail ", "\n"]))


@settings(max_examples=200, deadline=None)
@given(st.lists(_markup(), min_size=1, max_size=4))
def test_html_positions_are_whole_lines_in_order(parts: list[str]) -> None:
    from extract.text.loaders.html import read_html

    text, _, _, positions = read_html(
        ("<html><body>" + "".join(parts) + "</body></html>").encode(), "p.html"
    )
    lines_with_text = [line for line in text.split("\n") if line.strip()]
    assert len(positions) == len(lines_with_text)
    last = -1
    for pos in positions:
        assert last < pos.start < pos.end <= len(text) and pos.path
        assert pos.start == 0 or text[pos.start - 1] == "\n"
        assert pos.end == len(text) or text[pos.end] == "\n"
        last = pos.end
