"""Make real .docx (with tracked changes), .pdf and .html files in a temporary directory.

Why real files: the loaders read zip/XML/PDF structure; mocks would test nothing. Word revision
marks are added with a little OOXML (python-docx has no API for them), exactly as Word writes
them: ``w:ins`` around runs, ``w:del`` around runs whose text is in ``w:delText``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

# A paragraph is a sequence of (kind, text) runs; kind is "" (plain), "ins" or "del".
Run = tuple[str, str]


def _run(text: str, deleted: bool) -> OxmlElement:
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if deleted else "w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    r.append(t)
    return r


def _fill(paragraph: Any, runs: Sequence[Run]) -> None:
    p = paragraph._p
    for i, (kind, text) in enumerate(runs):
        if kind == "":
            p.append(_run(text, False))
            continue
        mark = OxmlElement("w:ins" if kind == "ins" else "w:del")
        mark.set(qn("w:id"), str(100 + i))
        mark.set(qn("w:author"), "Proposer")
        mark.set(qn("w:date"), "2022-02-01T00:00:00Z")
        mark.append(_run(text, kind == "del"))
        p.append(mark)


def make_docx(
    path: Path,
    paragraphs: Sequence[Sequence[Run] | str],
    table: Sequence[Sequence[str]] | None = None,
) -> Path:
    """Write a .docx whose paragraphs may carry tracked insertions and deletions.

    Example:
        make_docx(tmp / "p.docx", ["RESOLUTION 44", [("", "(Rev. "), ("del", "Busan, 2014"),
                  ("ins", "Dubai, 2018"), ("", ")")]])
    """
    doc = Document()
    for para in paragraphs:
        p = doc.add_paragraph()
        _fill(p, [("", para)] if isinstance(para, str) else para)
    if table:
        t = doc.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, text in enumerate(row):
                t.cell(r, c).text = text
    doc.save(str(path))
    return path


def make_pdf(path: Path, lines: Sequence[str]) -> Path:
    """Write a text PDF (core Helvetica font: Latin-1 text only) with fpdf2."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    for line in lines:
        pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path


def make_html(path: Path, body: str, charset: str = "utf-8") -> Path:
    """Write an HTML page with the given body markup, encoded in ``charset``."""
    page = (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>ITU</title>'
        f"<style>p {{color: red}}</style><script>var x = 'RESOLUTION 9';</script></head>"
        f"<body>{body}</body></html>"
    )
    path.write_bytes(page.encode(charset))
    return path


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.footnotes+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
)
#: the namespaces Word declares on its parts (w, mc, wps, v, wp, a)
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" '
    'mc:Ignorable="wps"'
)


def make_raw_docx(path: Path, body_xml: str, footnotes_xml: str | None = None) -> Path:
    """Write a .docx from raw WordprocessingML: ``body_xml`` goes inside ``w:body``, and
    ``footnotes_xml`` (the ``w:footnote`` elements) into word/footnotes.xml. For what
    python-docx cannot write: text boxes (``mc:AlternateContent``), footnotes, revision marks
    on paragraph marks."""
    import zipfile

    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f"<w:document {NAMESPACES}><w:body>{body_xml}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _ROOT_RELS)
        zf.writestr("word/document.xml", document)
        if footnotes_xml is not None:
            zf.writestr("word/_rels/document.xml.rels", _DOC_RELS)
            zf.writestr(
                "word/footnotes.xml",
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                f"<w:footnotes {NAMESPACES}>{footnotes_xml}</w:footnotes>",
            )
    return path


def p(*runs: str, mark: str = "") -> str:
    """A paragraph of raw runs (``w:r`` elements, :func:`r`, :func:`ins`, :func:`dele`);
    ``mark`` "del"/"ins" tracks the paragraph mark itself (a deleted/inserted paragraph)."""
    rpr = ""
    if mark:
        tag = "w:del" if mark == "del" else "w:ins"
        attrs = 'w:id="9" w:author="Proposer" w:date="2022-02-01T00:00:00Z"'
        rpr = f"<w:pPr><w:rPr><{tag} {attrs}/></w:rPr></w:pPr>"
    return f"<w:p>{rpr}{''.join(runs)}</w:p>"


def r(text: str) -> str:
    """A plain run."""
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def ins(text: str) -> str:
    """A run inside a tracked insertion."""
    return f'<w:ins w:id="1" w:author="Proposer" w:date="2022-02-01T00:00:00Z">{r(text)}</w:ins>'


def dele(text: str) -> str:
    """A run inside a tracked deletion (its text in ``w:delText``)."""
    return (
        '<w:del w:id="2" w:author="Proposer" w:date="2022-02-01T00:00:00Z"><w:r>'
        f'<w:delText xml:space="preserve">{text}</w:delText></w:r></w:del>'
    )


def make_pdf_pages(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """Write a text PDF of several pages, each a list of lines (core Helvetica: Latin-1 only)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.output(str(path))
    return path
