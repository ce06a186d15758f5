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

Why the limits (docs/operations.md, "Builds"): a .docx is a zip archive, and a few hundred
kilobytes of it can expand to gigabytes. So the archive's number of parts is read from its end
record before anything else, the size each part declares is checked before it is read, and the
part is read through a cap, so a part whose header lies stops at the declared size (and then fails
its checksum). libxml2's own limits stay on (no ``huge_tree``): elements nest at most 256 deep, so
the recursive walk below cannot exhaust the stack.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Literal

from lxml import etree

from extract.exceptions import DocumentError
from extract.models import TrackedChange

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
    except etree.LxmlError:
        return {}
    meta: dict[str, str] = {}
    for el in root:
        if isinstance(el.tag, str) and el.text and el.text.strip():
            meta[etree.QName(el).localname] = el.text.strip()
    return meta
