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
starting with a tab, and a blank line after the row (the layout of the seed text exports). A row
whose first cell holds only a paragraph label (``a)``, ``1``, ``iv)``) is one line, label, tab and
text, as a label typed before its paragraph is: the label stays with its paragraph.

Text boxes: Word writes each twice, as a DrawingML text box (``mc:Choice``) and a VML copy for
old readers (``mc:Fallback``); only the first is read, or every citation in it would be found
twice. Footnotes (``word/footnotes.xml``) are placed after the body, one line each
(``1<tab>text``), numbered in the order the body refers to them, with a
:class:`~extract.models.SourcePosition` saying which footnote each line is, so a citation in a
footnote has offsets and says "footnote 1". A paragraph mark a revision deletes or inserts is a
change too (its ``"\n"``), so the two layers stay aligned change by change.

Why the limits (docs/operations.md, "Builds"): a .docx is a zip archive, and a few hundred
kilobytes of it can expand to gigabytes. So the archive's number of parts is read from its end
record before anything else, the size each part declares is checked before it is read, and the
part is read through a cap, so a part whose header lies stops at the declared size (and then fails
its checksum). libxml2's own limits stay on (no ``huge_tree``): elements nest at most 256 deep, so
the recursive walk below cannot exhaust the stack.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from extract.exceptions import DocumentError
from extract.models import SourcePosition, TrackedChange

__all__ = ["DEFAULT_MAX_PART_BYTES", "MAX_PARTS", "DocxText", "read_docx"]

#: Largest uncompressed size of word/document.xml (about 0.6 GB of memory to read one this big).
DEFAULT_MAX_PART_BYTES = 64_000_000
#: Most parts (files) in the archive: Word writes tens, a few hundred with many images.
MAX_PARTS = 10_000
_MAX_CORE_BYTES = 1_000_000  # docProps/core.xml: metadata only, skipped when larger
_READ = 1 << 20
_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
# what a damaged archive raises while it is read (a corrupt deflate stream is a zlib.error)
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    KeyError,
    OSError,
    RuntimeError,  # an encrypted part
    NotImplementedError,  # an unknown compression method
    ValueError,
)

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_Q = f"{{{_W}}}"
_INS = {f"{_Q}ins", f"{_Q}moveTo"}
_DEL = {f"{_Q}del", f"{_Q}moveFrom"}
_SKIP = {f"{_Q}pPr", f"{_Q}rPr", f"{_Q}tblPr", f"{_Q}trPr", f"{_Q}tcPr", f"{_Q}sectPr"}
_SKIP |= {f"{_Q}tblGrid", f"{_Q}instrText", f"{_Q}delInstrText", f"{_Q}fldData"}
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP |= {f"{_MC}Fallback"}  # the VML copy of a text box already read from mc:Choice
_FOOTNOTE_REF = f"{_Q}footnoteReference"
_MAX_NOTES_BYTES = 16_000_000  # word/footnotes.xml: refused beyond this like the body
# a paragraph label alone in a table cell: "a)", "(b)", "bc)", "iv)", "1)", "2.", or a bare
# number ("1", "1.2") when the next cell goes on with a clause ("to organize ...", "that ...")
# and not with a title (a table of resolutions: "44 | Bridging the standardization gap")
_LABEL_CELL = re.compile(r"\(?(?:[a-z]{1,3}|[ivxl]{1,5}|\d{1,3}(?:\.\d{1,3})*)[).]")
_NUMBER_CELL = re.compile(r"\d{1,3}(?:\.\d{1,3})*")
_CHAR = {f"{_Q}tab": "\t", f"{_Q}br": "\n", f"{_Q}cr": "\n"}
_CHAR |= {f"{_Q}noBreakHyphen": "\u2011", f"{_Q}softHyphen": "\u00ad"}


@dataclass
class _Layer:
    """Accumulates the text of one layer and the revision marks seen in it."""

    keep: Literal["insert", "delete"]  # which kind of marked text this layer shows
    parts: list[str] = field(default_factory=list)
    size: int = 0
    changes: list[TrackedChange] = field(default_factory=list)
    positions: list[SourcePosition] = field(default_factory=list)

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
    after_positions: tuple[SourcePosition, ...] = ()
    before_positions: tuple[SourcePosition, ...] = ()


def _mark(
    layer: _Layer, kind: Literal["insert", "delete"], text: str, start: int, el: etree._Element
) -> None:
    author = el.get(f"{_Q}author")
    date = el.get(f"{_Q}date")
    end = start + len(text) if kind == layer.keep else start
    layer.changes.append(TrackedChange(kind, start, end, text, author, date))


def _cell_text(tc: etree._Element) -> str:
    return "".join(t.text or "" for t in tc.iter(f"{_Q}t")).strip()


def _row(
    tr: etree._Element, layers: tuple[_Layer, _Layer], state: str | None, refs: list[str]
) -> None:
    """A table row; a first cell holding only a paragraph label is joined to the next cell."""
    cells = [c for c in tr if c.tag == f"{_Q}tc"]
    label = False
    if len(cells) >= 2:
        first, second = _cell_text(cells[0]), _cell_text(cells[1])
        label = _LABEL_CELL.fullmatch(first) is not None or (
            _NUMBER_CELL.fullmatch(first) is not None and second[:1].islower()
        )
    for child in tr:
        if label and child is cells[0]:
            _walk(child, layers, state, refs)
            for layer in layers:  # the label's paragraph end becomes the tab before its text
                if layer.parts and layer.parts[-1] == "\n":
                    layer.parts[-1] = "\t"
            continue
        if label and child is cells[1]:
            _walk(child, layers, state, refs)
            continue
        _walk_one(child, layers, state, refs)
    for layer in layers:
        layer.add("\n")


def _paragraph_mark(p: etree._Element, layers: tuple[_Layer, _Layer]) -> None:
    """The end of a paragraph: a line break in the layers that keep its mark; a revision of
    the mark itself is a change of one "\\n"."""
    deleted = p.find(f"{_Q}pPr/{_Q}rPr/{_Q}del")
    inserted = p.find(f"{_Q}pPr/{_Q}rPr/{_Q}ins")
    mark = deleted if deleted is not None else inserted
    if mark is None:
        for layer in layers:
            layer.add("\n")
        return
    kind: Literal["insert", "delete"] = "delete" if deleted is not None else "insert"
    for layer in layers:
        _mark(layer, kind, "\n", layer.size, mark)
        if layer.keep == kind:
            layer.add("\n")


def _walk_one(
    child: etree._Element, layers: tuple[_Layer, _Layer], state: str | None, refs: list[str]
) -> None:
    """One element of the walk (the body of :func:`_walk`'s loop)."""
    tag = child.tag
    if not isinstance(tag, str) or tag in _SKIP:
        return
    if tag in _INS or tag in _DEL:
        kind: Literal["insert", "delete"] = "insert" if tag in _INS else "delete"
        marks = [(layer.size, len(layer.parts)) for layer in layers]
        _walk(child, layers, kind, refs)
        # The marked text as shown by the layer that keeps this kind of change.
        shown = next(i for i, layer in enumerate(layers) if layer.keep == kind)
        text = "".join(layers[shown].parts[marks[shown][1] :])
        if text:
            for layer, (start, _) in zip(layers, marks, strict=True):
                _mark(layer, kind, text, start, child)
        return
    if tag == f"{_Q}p":
        _walk(child, layers, state, refs)
        _paragraph_mark(child, layers)
        return
    if tag == f"{_Q}tc":
        for layer in layers:
            layer.add("\t")
        _walk(child, layers, state, refs)
        return
    if tag == f"{_Q}tr":
        _row(child, layers, state, refs)
        return
    if tag in (f"{_Q}t", f"{_Q}delText"):
        text = child.text or ""
        for layer in layers:
            if state is None or state == layer.keep:
                layer.add(text)
        return
    if tag in _CHAR:
        for layer in layers:
            if state is None or state == layer.keep:
                layer.add(_CHAR[tag])
        return
    if tag == _FOOTNOTE_REF:
        note = child.get(f"{_Q}id")
        if note is not None and note not in refs:
            refs.append(note)
        return
    _walk(child, layers, state, refs)


def _walk(
    el: etree._Element, layers: tuple[_Layer, _Layer], state: str | None, refs: list[str]
) -> None:
    """Depth-first text walk; ``state`` is "insert"/"delete" inside a revision mark; the ids of
    the footnotes referred to are gathered in ``refs`` (in order)."""
    for child in el:
        _walk_one(child, layers, state, refs)


def _parts(data_path: str, display: str) -> None:
    """Refuse an archive claiming more parts than a Word file has, before zipfile reads its
    directory (which costs memory per part). Read from the end-of-directory record."""
    with open(data_path, "rb") as fh:
        fh.seek(0, 2)
        size = fh.tell()
        fh.seek(max(0, size - _EOCD_SIZE - 65535))
        tail = fh.read()
    at = tail.rfind(_EOCD)
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        return  # not a zip: zipfile says so
    parts = int.from_bytes(tail[at + 10 : at + 12], "little")
    if parts > MAX_PARTS:
        raise DocumentError(
            display,
            "E002",
            f"a zip archive of {parts:,} parts (a Word file has at most {MAX_PARTS:,}); not read",
        )


def _read_part(zf: zipfile.ZipFile, name: str, limit: int, display: str) -> bytes:
    """One part of the archive, refused if it declares or reaches more than ``limit`` bytes."""
    info = zf.getinfo(name)
    if info.file_size > limit:
        raise DocumentError(
            display,
            "E002",
            f"{name} expands to {info.file_size:,} bytes, over the limit of {limit:,} "
            f"({info.compress_size:,} bytes compressed); not read",
        )
    chunks, size = [], 0
    with zf.open(info) as fh:  # in small reads: each expands at most _READ bytes at once
        while chunk := fh.read(_READ):
            size += len(chunk)
            if size > limit:  # pragma: no cover - zipfile stops at the declared size
                raise DocumentError(display, "E002", f"{name} expands beyond {limit:,} bytes")
            chunks.append(chunk)
    return b"".join(chunks)


def read_docx(
    data_path: str, display: str, max_part_bytes: int = DEFAULT_MAX_PART_BYTES
) -> DocxText:
    """Read both layers of a .docx file.

    Args:
        data_path: the file.
        display: how errors name it.
        max_part_bytes: refuse a word/document.xml larger than this once uncompressed.

    Raises:
        DocumentError: E005 when the file is not a readable Word document, E002 when it expands
            beyond the limits (a decompression bomb).

    Example (a proposal that changes "(Rev. Busan, 2014)" into "(Rev. Dubai, 2018)"; real
    files with tracked changes are made in ``tests/extract/text/files_factory.py``)::

        >>> dt = read_docx("proposal.docx", "proposal.docx")  # doctest: +SKIP
        >>> dt.after, dt.before  # doctest: +SKIP
        ('RESOLUTION 123 (Rev. Dubai, 2018)\\n', 'RESOLUTION 123 (Rev. Busan, 2014)\\n')
        >>> [(c.kind, c.text, c.start, c.end) for c in dt.after_changes]  # doctest: +SKIP
        [('delete', 'Busan, 2014', 21, 21), ('insert', 'Dubai, 2018', 21, 32)]
    """
    try:
        _parts(data_path, display)
        with zipfile.ZipFile(data_path) as zf:
            xml = _read_part(zf, "word/document.xml", max_part_bytes, display)
            core = b""
            names = set(zf.namelist())
            notes = b""
            if "word/footnotes.xml" in names:
                notes = _read_part(zf, "word/footnotes.xml", _MAX_NOTES_BYTES, display)
            if "docProps/core.xml" in names and (
                zf.getinfo("docProps/core.xml").file_size <= _MAX_CORE_BYTES
            ):
                core = _read_part(zf, "docProps/core.xml", _MAX_CORE_BYTES, display)
    except DocumentError:
        raise
    except _ZIP_ERRORS as exc:
        raise DocumentError(
            display, "E005", f"not a readable .docx (Word) file: {type(exc).__name__}: {exc}"
        ) from exc
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True)
        root = etree.fromstring(xml, parser)
    except etree.LxmlError as exc:
        raise DocumentError(display, "E005", f"corrupt word/document.xml: {exc}") from exc
    del xml
    body = root.find(f"{_Q}body")
    if body is None:
        raise DocumentError(display, "E005", "word/document.xml has no w:body")
    after, before = _Layer("insert"), _Layer("delete")
    refs: list[str] = []
    _walk(body, (after, before), None, refs)
    if notes and refs:
        _footnotes(notes, refs, (after, before), display)
    return DocxText(
        after="".join(after.parts),
        before="".join(before.parts),
        after_changes=tuple(after.changes),
        before_changes=tuple(before.changes),
        meta=_core_meta(core),
        after_positions=tuple(after.positions),
        before_positions=tuple(before.positions),
    )


def _footnotes(xml: bytes, refs: list[str], layers: tuple[_Layer, _Layer], display: str) -> None:
    """Append the footnotes the body refers to, one line each (``N<tab>text``), numbered in the
    order of reference (as Word numbers them), each line's span a footnote position."""
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.LxmlError as exc:
        raise DocumentError(display, "E005", f"corrupt word/footnotes.xml: {exc}") from exc
    by_id = {n.get(f"{_Q}id"): n for n in root.iter(f"{_Q}footnote")}
    for layer in layers:
        if layer.parts and not "".join(layer.parts[-2:]).endswith("\n\n"):
            layer.add("\n")
    for number, ref in enumerate(refs, 1):
        note = by_id.get(ref)
        if note is None or note.get(f"{_Q}type") in ("separator", "continuationSeparator"):
            continue
        starts = [layer.size for layer in layers]
        for layer in layers:
            layer.add(f"{number}\t")
        for k, p in enumerate(note.iter(f"{_Q}p")):
            if k:
                for layer in layers:
                    layer.add(" ")
            _walk(p, layers, None, [])
        for layer, start in zip(layers, starts, strict=True):
            layer.positions.append(SourcePosition(start, layer.size, footnote=str(number)))
            layer.add("\n")


def _core_meta(core: bytes) -> dict[str, str]:
    if not core:
        return {}
    try:
        root = etree.fromstring(core, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.LxmlError:
        return {}
    meta: dict[str, str] = {}
    for el in root:
        if isinstance(el.tag, str) and el.text and el.text.strip():
            meta[etree.QName(el).localname] = el.text.strip()
    return meta
