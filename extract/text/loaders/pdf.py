"""Extract the text of PDF files (Final Acts, proceedings) with pypdf.

Why pypdf: pure Python, BSD-licensed, maintained; no AGPL dependency (PyMuPDF is AGPL). Pages are
joined with a form feed so a user can tell page breaks from line breaks in ``--text``.

Why the limits (docs/operations.md, "Builds"): a PDF of a few hundred kilobytes can hold page
streams that expand to hundreds of megabytes, and parsing those costs gigabytes. pypdf checks the
output of every decompression and the work of parsing one stream against its configuration; we
set them far below its defaults (a page of text is a few hundred kilobytes of operators) and stop
as soon as the text of the pages read so far passes the document's text limit.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterator
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from extract.exceptions import DocumentError
from extract.models import SourcePosition

__all__ = ["DEFAULT_MAX_STREAM_BYTES", "read_pdf"]

#: Largest uncompressed size of one PDF stream (a page's content, a form, a font map).
DEFAULT_MAX_STREAM_BYTES = 16_000_000
#: Most tokens (operators, operands) parsed in one stream: a dense page of text has tens of
#: thousands.
MAX_STREAM_TOKENS = 500_000


def _limits(max_stream: int) -> AbstractContextManager[Any]:
    """pypdf's resource limits for one read (only those this pypdf version knows)."""
    try:
        from pypdf import Configuration, apply_configuration
    except ImportError:  # pragma: no cover - pypdf < 6: its fixed limits and ours below
        return nullcontext()
    known = {f.name for f in dataclasses.fields(Configuration)}
    wanted = {
        "zlib_maximum_output_length": max_stream,
        "lzw_maximum_output_length": max_stream,
        "run_length_maximum_output_length": max_stream,
        "brotli_maximum_output_length": max_stream,
        "array_based_stream_maximum_output_length": max_stream,
        "stream_decoding_work_maximum_length": 2 * max_stream,
        "stream_parsing_work_maximum_count": MAX_STREAM_TOKENS,
    }
    return apply_configuration(None, **{k: v for k, v in wanted.items() if k in known})


def _pages(reader: Any, display: str, max_text: int) -> Iterator[str]:
    total = 0
    for page in reader.pages:
        text = (page.extract_text() or "").replace("\r\n", "\n")
        total += len(text) + 1
        if total > max_text:
            raise DocumentError(
                display, "E002", f"over {max_text:,} characters of text; not read further"
            )
        yield text


def read_pdf(
    data_path: str,
    display: str,
    max_stream_bytes: int = DEFAULT_MAX_STREAM_BYTES,
    max_text: int = 50_000_000,
) -> tuple[str, dict[str, str], tuple[SourcePosition, ...]]:
    """Return the text of a PDF (pages joined by ``\\f``), its metadata and its pages' spans.

    The spans (one :class:`SourcePosition` per page with text, ``page`` 1-based) let a record be
    found in the original file: ``doc.position_at(record.start).page``.

    Args:
        data_path: the file.
        display: how errors name it.
        max_stream_bytes: refuse a stream that expands beyond this many bytes.
        max_text: refuse a PDF whose text is longer (counted page by page, while reading).

    Raises:
        DocumentError: E006 when the PDF is corrupt or encrypted, E001 when it has no text layer,
            E002 when it expands beyond the limits (a decompression bomb).

    Example (real PDFs are made with fpdf2 in ``tests/extract/text/files_factory.py``)::

        >>> text, meta, pages = read_pdf("final_acts.pdf", "final_acts.pdf")  # doctest: +SKIP
        >>> text.splitlines()[0]  # doctest: +SKIP
        'RESOLUTION 68 (Rev. Hammamet, 2016)'
    """
    from pypdf import PdfReader
    from pypdf.errors import LimitReachedError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on odd files
    try:
        with _limits(max_stream_bytes):
            reader = PdfReader(data_path, strict=False)
            if reader.is_encrypted:
                raise DocumentError(display, "E006", "encrypted PDF; decrypt it first")
            pages = list(_pages(reader, display, max_text))
            meta = {k.lstrip("/"): str(v) for k, v in (reader.metadata or {}).items() if v}
    except DocumentError:
        raise
    except LimitReachedError as exc:
        raise DocumentError(
            display, "E002", f"a stream expands beyond the limits ({exc}); not read"
        ) from exc
    except Exception as exc:  # pypdf's own errors, zlib.error, RecursionError, MemoryError...
        raise DocumentError(
            display, "E006", f"corrupt or unreadable PDF: {type(exc).__name__}: {exc}"
        ) from exc
    text = "\f".join(pages)
    if not text.strip():
        raise DocumentError(display, "E001", "PDF has no text layer (scanned image?); OCR it first")
    spans, at = [], 0
    for number, page in enumerate(pages, 1):
        if page:
            spans.append(SourcePosition(at, at + len(page), page=number))
        at += len(page) + 1
    return text, meta, tuple(spans)
