"""Load any ITU document (.txt, .docx, .pdf, .html) into a :class:`SourceDoc`.

Why one entry point: every later step (normalize, segment, citations, assignments) works on
``SourceDoc.text`` and its offsets, whatever the format. Bad input fails here, early, with a
:class:`DocumentError` naming the file and the reason (empty, too big, binary, corrupt, unknown
encoding), so a corpus run can log it and carry on.

Error codes: E001 empty, E002 too large (the file, or what it expands to), E003 binary, E004
unknown encoding, E005 corrupt .docx, E006 corrupt/encrypted .pdf, E007 bad HTML, E008 unsupported
format, E009 not found/unreadable. Warning codes (the document loads, but was repaired): W001
invalid UTF-8 bytes replaced.

Why every failure is a coded error: a loader meets zlib errors, recursion and memory errors, lxml
and pypdf exceptions; any of them escaping would abort a corpus run with a traceback naming no
file. Why the limits are on the uncompressed content (docs/operations.md, "Builds"): the file
size says nothing about what a .docx or a .pdf expands to, and a decompression bomb must be
refused before it is expanded, not after it has taken the machine's memory. Warnings are logged
(``extract.text.load``, on stderr by default) and kept in :attr:`SourceDoc.warnings`, which a
build reports.
"""

from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from extract.exceptions import DocumentError
from extract.models import SourceDoc, SourcePosition, TrackedChange
from extract.text.language import detect_lang
from extract.text.loaders.docx import DEFAULT_MAX_PART_BYTES, read_docx
from extract.text.loaders.html import read_html
from extract.text.loaders.pdf import DEFAULT_MAX_STREAM_BYTES, read_pdf
from extract.text.loaders.text import decode_text

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_MAX_PART_BYTES",
    "DEFAULT_MAX_STREAM_BYTES",
    "DEFAULT_MAX_TEXT",
    "FORMATS",
    "expand_paths",
    "file_sha256",
    "load_document",
]

#: Default size limit: larger files are refused before being read.
DEFAULT_MAX_BYTES = 50_000_000
#: Default limit of the loaded text, in characters (whatever the file expanded to).
DEFAULT_MAX_TEXT = 50_000_000
#: Code of a file that a loader could not read, by format.
_CORRUPT = {"txt": "E004", "docx": "E005", "pdf": "E006", "html": "E007"}
_CHUNK = 1 << 20

log = logging.getLogger(__name__)


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file, read in chunks (a file of gigabytes costs a megabyte of memory).

    Raises:
        OSError: when the file cannot be read.

    Example:
        >>> file_sha256("data/corpus/003_fb0deb38008239bc.txt")[:12]
        '30534a9e0867'
    """
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


#: File suffix -> format.
FORMATS: dict[str, Literal["txt", "docx", "pdf", "html"]] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


def load_document(
    path: str | Path,
    layer: Literal["after", "before"] = "after",
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    max_part_bytes: int = DEFAULT_MAX_PART_BYTES,
    max_stream_bytes: int = DEFAULT_MAX_STREAM_BYTES,
    max_text: int = DEFAULT_MAX_TEXT,
) -> SourceDoc:
    """Load a document; its ``text`` is what every record's offsets refer to.

    Args:
        path: a .txt, .docx, .pdf or .html file.
        layer: for Word files with tracked changes, the text "after" (default) or "before" the
            changes; the other layer is kept in ``SourceDoc.other_layer``.
        max_bytes: refuse larger files (checked before reading).
        max_part_bytes: refuse a .docx whose word/document.xml expands beyond this (checked
            before expanding it).
        max_stream_bytes: refuse a .pdf with a stream expanding beyond this.
        max_text: refuse a document whose loaded text has more characters.

    Returns:
        The loaded document (for .txt exactly the decoded file, BOM removed).

    Raises:
        DocumentError: the file is missing, empty, too large (itself or expanded), binary,
            corrupt, in an unknown encoding or of an unsupported format; whatever the loader
            met (zlib, recursion, memory, parser errors) becomes one, naming the file.
        ValueError: for an invalid ``layer``.

    Example:
        >>> doc = load_document("data/corpus/003_fb0deb38008239bc.txt")
        >>> (doc.format, doc.lang, doc.text[953:966])
        ('txt', 'en', 'RESOLUTION 68')
    """
    if layer not in ("after", "before"):
        raise ValueError(f"layer must be 'after' or 'before', not {layer!r}")
    p = Path(path)
    display = str(path)
    fmt = FORMATS.get(p.suffix.lower())
    if fmt is None:
        valid = ", ".join(sorted(FORMATS))
        raise DocumentError(display, "E008", f"unsupported format {p.suffix!r}; valid: {valid}")
    data = _read(p, display, max_bytes)
    sha = hashlib.sha256(data).hexdigest()
    encoding: str | None = None
    changes: tuple[TrackedChange, ...] = ()
    other: str | None = None
    meta: dict[str, str] = {}
    warnings: tuple[str, ...] = ()
    positions: tuple[SourcePosition, ...] = ()
    try:
        if fmt == "txt":
            decoded = decode_text(data, display)
            text, encoding, warnings = decoded.text, decoded.encoding, decoded.warnings
        elif fmt == "docx":
            del data
            dt = read_docx(str(p), display, max_part_bytes)
            text, other = (dt.after, dt.before) if layer == "after" else (dt.before, dt.after)
            changes = dt.after_changes if layer == "after" else dt.before_changes
            positions = dt.after_positions if layer == "after" else dt.before_positions
            other = other if changes else None
            meta = dt.meta
        elif fmt == "pdf":
            del data
            text, meta, positions = read_pdf(str(p), display, max_stream_bytes, max_text)
        else:
            text, meta, warnings, positions = read_html(data, display)
    except DocumentError:
        raise
    except RecursionError as exc:
        raise DocumentError(display, _CORRUPT[fmt], "nested too deeply to read") from exc
    except MemoryError as exc:
        raise DocumentError(display, "E002", "ran out of memory reading it") from exc
    except Exception as exc:  # one bad file must not stop a corpus run
        raise DocumentError(
            display, _CORRUPT[fmt], f"cannot read it: {type(exc).__name__}: {exc}"
        ) from exc
    if len(text) > max_text:
        raise DocumentError(
            display, "E002", f"{len(text):,} characters of text, over the limit of {max_text:,}"
        )
    if not text.strip():
        raise DocumentError(display, "E001", "no text in file (only whitespace)")
    for warning in warnings:
        log.warning("%s", warning)
    return SourceDoc(
        name=p.name,
        path=str(p),
        format=fmt,
        text=text,
        sha256=sha,
        lang=detect_lang(text),
        encoding=encoding,
        layer=layer,
        changes=changes,
        other_layer=other,
        meta=meta,
        warnings=warnings,
        positions=positions,
    )


def _read(p: Path, display: str, max_bytes: int) -> bytes:
    """The file's bytes, refused before reading when larger than ``max_bytes`` (and read through
    a cap, in case it grows in between)."""
    # the path as a string once: each pathlib call converts it again (a few µs per document)
    name = os.fspath(p)
    try:
        st = os.stat(name)  # one system call for both questions (is_file() would ask again)
        size = st.st_size
        if not stat.S_ISREG(st.st_mode):
            raise DocumentError(display, "E009", "not a regular file")
        if size == 0:
            raise DocumentError(display, "E001", "file is empty")
        if size > max_bytes:
            raise DocumentError(
                display, "E002", f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
            )
        with open(name, "rb") as fh:
            # the size the file said it has (a buffer of max_bytes for each small file costs
            # more than reading it), then the rest up to the cap if it grew in between
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as exc:
        raise DocumentError(display, "E009", f"cannot read file: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise DocumentError(display, "E002", f"file grew over the limit of {max_bytes:,} bytes")
    if not data:
        raise DocumentError(display, "E001", "file is empty")
    return data


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files to process: files as given, directories expanded (sorted, supported suffixes).

    Why here and not beside the pipeline: graph/ expands paths before deciding whether anything
    needs extracting, and must not pay for importing spaCy on a no-op rebuild.

    Example:
        >>> [p.name for p in expand_paths(["data/corpus"])][:1]
        ['000_4e58da7c9791f56a.txt']
    """
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            yield from sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in FORMATS
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        else:
            yield p
