"""Read Word (.docx) files into text, with both layers of tracked changes.

Why our own walk of ``word/document.xml`` (with lxml) rather than python-docx's ``paragraph.text``:
python-docx drops ``w:delText`` and does not say which runs sit inside ``w:ins``/``w:del``, and
ITU proposals (MOD/ADD documents) *are* tracked changes. We produce the "after" layer (insertions
kept, deletions dropped) or the "before" layer (the reverse), and a :class:`TrackedChange` for every
revision mark, with offsets into the layer returned, so a later step can say "this proposal
replaces (Rev. Busan, 2014) by (Rev. Dubai, 2018)". A change the layer shows (an insertion in
"after", a deletion in "before") has ``text == layer[start:end]``; a change it hides is a point
(``start == end``) where its text stood.

Layout: one line per paragraph; a table row becomes one line per cell paragraph, each cell
starting with a tab, and a blank line after the row (the layout of the seed text exports).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from extract.exceptions import DocumentError
from extract.models import TrackedChange

__all__ = ["DocxText", "read_docx"]

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_Q = f"{{{_W}}}"
_INS = {f"{_Q}ins", f"{_Q}moveTo"}
_DEL = {f"{_Q}del", f"{_Q}moveFrom"}
_SKIP = {f"{_Q}pPr", f"{_Q}rPr", f"{_Q}tblPr", f"{_Q}trPr", f"{_Q}tcPr", f"{_Q}sectPr"}
_SKIP |= {f"{_Q}tblGrid", f"{_Q}instrText", f"{_Q}delInstrText", f"{_Q}fldData"}
_CHAR = {f"{_Q}tab": "\t", f"{_Q}br": "\n", f"{_Q}cr": "\n"}
_CHAR |= {f"{_Q}noBreakHyphen": "\u2011", f"{_Q}softHyphen": "\u00ad"}


@dataclass
class _Layer:
    """Accumulates the text of one layer and the revision marks seen in it."""

    keep: Literal["insert", "delete"]  # which kind of marked text this layer shows
    parts: list[str] = field(default_factory=list)
    size: int = 0
    changes: list[TrackedChange] = field(default_factory=list)

    def add(self, s: str) -> None:
        self.parts.append(s)
        self.size += len(s)


@dataclass(frozen=True)
class DocxText:
    """Both layers of a .docx and the revision marks relative to each."""

    after: str
    before: str
    after_changes: tuple[TrackedChange, ...]
    before_changes: tuple[TrackedChange, ...]
    meta: dict[str, str]


def _mark(
    layer: _Layer, kind: Literal["insert", "delete"], text: str, start: int, el: etree._Element
) -> None:
    author = el.get(f"{_Q}author")
    date = el.get(f"{_Q}date")
    end = start + len(text) if kind == layer.keep else start
    layer.changes.append(TrackedChange(kind, start, end, text, author, date))


def _walk(el: etree._Element, layers: tuple[_Layer, _Layer], state: str | None) -> None:
    """Depth-first text walk; ``state`` is "insert"/"delete" inside a revision mark."""
    for child in el:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag in _INS or tag in _DEL:
            kind: Literal["insert", "delete"] = "insert" if tag in _INS else "delete"
            marks = [(layer.size, len(layer.parts)) for layer in layers]
            _walk(child, layers, kind)
            # The marked text as shown by the layer that keeps this kind of change.
            shown = next(i for i, layer in enumerate(layers) if layer.keep == kind)
            text = "".join(layers[shown].parts[marks[shown][1] :])
            if text:
                for layer, (start, _) in zip(layers, marks, strict=True):
                    _mark(layer, kind, text, start, child)
            continue
        if tag == f"{_Q}p":
            _walk(child, layers, state)
            deleted_mark = child.find(f"{_Q}pPr/{_Q}rPr/{_Q}del") is not None
            inserted_mark = child.find(f"{_Q}pPr/{_Q}rPr/{_Q}ins") is not None
            for layer in layers:
                hidden = (deleted_mark and layer.keep == "insert") or (
                    inserted_mark and layer.keep == "delete"
                )
                if not hidden:
                    layer.add("\n")
            continue
        if tag == f"{_Q}tc":
            for layer in layers:
                layer.add("\t")
            _walk(child, layers, state)
            continue
        if tag == f"{_Q}tr":
            _walk(child, layers, state)
            for layer in layers:
                layer.add("\n")
            continue
        if tag in (f"{_Q}t", f"{_Q}delText"):
            text = child.text or ""
            for layer in layers:
                if state is None or state == layer.keep:
                    layer.add(text)
            continue
        if tag in _CHAR:
            for layer in layers:
                if state is None or state == layer.keep:
                    layer.add(_CHAR[tag])
            continue
        _walk(child, layers, state)


def read_docx(data_path: str, display: str) -> DocxText:
    """Read both layers of a .docx file.

    Raises:
        DocumentError: E005 when the file is not a readable Word document.

    Example (a proposal that changes "(Rev. Busan, 2014)" into "(Rev. Dubai, 2018)"; real
    files with tracked changes are made in ``tests/extract/text/files_factory.py``)::

        >>> dt = read_docx("proposal.docx", "proposal.docx")  # doctest: +SKIP
        >>> dt.after, dt.before  # doctest: +SKIP
        ('RESOLUTION 123 (Rev. Dubai, 2018)\\n', 'RESOLUTION 123 (Rev. Busan, 2014)\\n')
        >>> [(c.kind, c.text, c.start, c.end) for c in dt.after_changes]  # doctest: +SKIP
        [('delete', 'Busan, 2014', 21, 21), ('insert', 'Dubai, 2018', 21, 32)]
    """
    try:
        with zipfile.ZipFile(data_path) as zf:
            xml = zf.read("word/document.xml")
            core = zf.read("docProps/core.xml") if "docProps/core.xml" in zf.namelist() else b""
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DocumentError(display, "E005", f"not a readable .docx (Word) file: {exc}") from exc
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(display, "E005", f"corrupt word/document.xml: {exc}") from exc
    body = root.find(f"{_Q}body")
    if body is None:
        raise DocumentError(display, "E005", "word/document.xml has no w:body")
    after, before = _Layer("insert"), _Layer("delete")
    _walk(body, (after, before), None)
    return DocxText(
        after="".join(after.parts),
        before="".join(before.parts),
        after_changes=tuple(after.changes),
        before_changes=tuple(before.changes),
        meta=_core_meta(core),
    )


def _core_meta(core: bytes) -> dict[str, str]:
    if not core:
        return {}
    try:
        root = etree.fromstring(core, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return {}
    meta: dict[str, str] = {}
    for el in root:
        if isinstance(el.tag, str) and el.text and el.text.strip():
            meta[etree.QName(el).localname] = el.text.strip()
    return meta
