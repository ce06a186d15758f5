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
