"""Extract the text of PDF files (Final Acts, proceedings) with pypdf.

Why pypdf: pure Python, BSD-licensed, maintained; no AGPL dependency (PyMuPDF is AGPL). Pages are
joined with a form feed so a user can tell page breaks from line breaks in ``--text``.
"""

from __future__ import annotations

import logging

from extract.exceptions import DocumentError

__all__ = ["read_pdf"]


def read_pdf(data_path: str, display: str) -> tuple[str, dict[str, str]]:
    """Return the text of a PDF (pages joined by ``\\f``) and its metadata.

    Raises:
        DocumentError: E006 when the PDF is corrupt or encrypted, E001 when it has no text layer.

    Example (real PDFs are made with fpdf2 in ``tests/extract/text/files_factory.py``)::

        >>> text, meta = read_pdf("final_acts.pdf", "final_acts.pdf")  # doctest: +SKIP
        >>> text.splitlines()[0]  # doctest: +SKIP
        'RESOLUTION 68 (Rev. Hammamet, 2016)'
    """
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # pypdf warns loudly on odd files
    try:
        reader = PdfReader(data_path, strict=False)
        if reader.is_encrypted:
            raise DocumentError(display, "E006", "encrypted PDF; decrypt it first")
        pages = [page.extract_text() or "" for page in reader.pages]
        meta = {k.lstrip("/"): str(v) for k, v in (reader.metadata or {}).items() if v}
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, AttributeError) as exc:
        raise DocumentError(display, "E006", f"corrupt or unreadable PDF: {exc}") from exc
    text = "\f".join(p.replace("\r\n", "\n") for p in pages)
    if not text.strip():
        raise DocumentError(display, "E001", "PDF has no text layer (scanned image?); OCR it first")
    return text, meta
