"""Load any ITU document (.txt, .docx, .pdf, .html) into a :class:`SourceDoc`.

Why one entry point: every later step (normalize, segment, citations, assignments) works on
``SourceDoc.text`` and its offsets, whatever the format. Bad input fails here, early, with a
:class:`DocumentError` naming the file and the reason (empty, too big, binary, corrupt, unknown
encoding), so a corpus run can log it and carry on.

Error codes: E001 empty, E002 too large, E003 binary, E004 unknown encoding, E005 corrupt .docx,
E006 corrupt/encrypted .pdf, E007 bad HTML, E008 unsupported format, E009 not found/unreadable.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Literal

from extract.exceptions import DocumentError
from extract.models import SourceDoc, TrackedChange
from extract.text.language import detect_lang
from extract.text.loaders.docx import read_docx
from extract.text.loaders.html import read_html
from extract.text.loaders.pdf import read_pdf
from extract.text.loaders.text import decode_text

__all__ = ["DEFAULT_MAX_BYTES", "FORMATS", "expand_paths", "load_document"]

#: Default size limit: larger files are refused before being read.
DEFAULT_MAX_BYTES = 50_000_000

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
) -> SourceDoc:
    """Load a document; its ``text`` is what every record's offsets refer to.

    Args:
        path: a .txt, .docx, .pdf or .html file.
        layer: for Word files with tracked changes, the text "after" (default) or "before" the
            changes; the other layer is kept in ``SourceDoc.other_layer``.
        max_bytes: refuse larger files (checked before reading).

    Returns:
        The loaded document (for .txt exactly the decoded file, BOM removed).

    Raises:
        DocumentError: the file is missing, empty, too large, binary, corrupt, in an unknown
            encoding or of an unsupported format.
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
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise DocumentError(display, "E009", f"cannot read file: {exc.strerror or exc}") from exc
    if not p.is_file():
        raise DocumentError(display, "E009", "not a regular file")
    if size == 0:
        raise DocumentError(display, "E001", "file is empty")
    if size > max_bytes:
        raise DocumentError(
            display, "E002", f"file is {size:,} bytes, over the limit of {max_bytes:,} bytes"
        )
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise DocumentError(display, "E009", f"cannot read file: {exc.strerror or exc}") from exc
    sha = hashlib.sha256(data).hexdigest()
    encoding: str | None = None
    changes: tuple[TrackedChange, ...] = ()
    other: str | None = None
    meta: dict[str, str] = {}
    if fmt == "txt":
        text, encoding = decode_text(data, display)
    elif fmt == "docx":
        dt = read_docx(str(p), display)
        text, other = (dt.after, dt.before) if layer == "after" else (dt.before, dt.after)
        changes = dt.after_changes if layer == "after" else dt.before_changes
        other = other if changes else None
        meta = dt.meta
    elif fmt == "pdf":
        text, meta = read_pdf(str(p), display)
    else:
        text, meta = read_html(data, display)
    if not text.strip():
        raise DocumentError(display, "E001", "no text in file (only whitespace)")
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
    )


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
