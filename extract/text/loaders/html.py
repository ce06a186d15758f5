"""Extract the visible text of HTML pages (ITU web pages, "Save as HTML" exports) with lxml.

Why a small walk instead of ``text_content()``: block elements (p, div, li, headings, table rows)
must become line breaks, or section headings and numbered paragraphs run together and the
segmenter cannot see them; table cells become tab-prefixed lines like the Word exports.

Why we decode the bytes ourselves: given bytes without a ``<meta charset>``, libxml2 reads them as
Latin-1, so a UTF-8 page without one (most pages saved by hand) turns every accented letter into
mojibake, silently. A BOM, then the charset the page declares, then the text-file rules
(:func:`extract.text.loaders.text.decode_text`: UTF-8, UTF-16, a measured guess; binary data
refused) decide, and lxml parses the decoded text.
"""

from __future__ import annotations

import codecs
import re

from lxml import etree, html

from extract.exceptions import DocumentError
from extract.text.loaders.text import BOMS, Decoded, decode_text

__all__ = ["decode_html", "read_html"]

_HEAD = 4096  # bytes searched for a declared charset (browsers look at the first 1024)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# labels that mean windows-1252 in HTML (the WHATWG encoding standard)
_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii", "cp1252"})

_BLOCK = frozenset(
    [
        "p",
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "section",
        "article",
        "header",
        "footer",
        "blockquote",
        "pre",
        "address",
        "figure",
        "figcaption",
        "caption",
        "main",
        "nav",
        "aside",
        "hr",
    ]
)
_DROP = frozenset({"script", "style", "noscript", "template", "head", "svg"})


def _walk(el: html.HtmlElement, out: list[str]) -> None:
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP or not tag:
        if el.tail:
            out.append(el.tail)
        return
    if tag in ("td", "th"):
        out.append("\t")
    if el.text:
        out.append(el.text)
    for child in el:
        _walk(child, out)
    if tag == "br" or tag in _BLOCK or tag in ("td", "th"):
        out.append("\n")
    if el.tail:
        out.append(el.tail)


def _declared(data: bytes) -> str | None:
    """The Python codec of the charset the page declares (meta or XML declaration), if any.

    A declared UTF-16 or UTF-32 is ignored (a page that spells its declaration in ASCII is not
    in either), as browsers do.
    """
    head = data[:_HEAD]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if m is None:
        return None
    try:
        codec = codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None
    if codec.startswith(("utf-16", "utf-32")):
        return None
    return "cp1252" if codec in _WINDOWS_1252 else codec


def decode_html(data: bytes, display: str) -> Decoded:
    """The text of an HTML file's bytes: BOM, else declared charset, else the text-file rules.

    Raises:
        DocumentError: E003 for binary content, E004 when no encoding explains the bytes.

    Example:
        >>> decode_html("<p>Résolution</p>".encode(), "a.html").encoding
        'utf-8'
        >>> decode_html(b'<meta charset="windows-1252"><p>R\\xe9solution</p>', "b.html").text[-14:]
        'Résolution</p>'
    """
    if not any(data.startswith(bom) for bom, _ in BOMS):
        codec = _declared(data)
        if codec is not None and codec != "utf-8":
            try:
                return Decoded(data.decode(codec), codec)
            except UnicodeDecodeError:
                pass  # mislabelled: the text-file rules decide
    return decode_text(data, display)


def read_html(data: bytes, display: str) -> tuple[str, dict[str, str], tuple[str, ...]]:
    """Return the visible text of an HTML document, its title and the decoding's warnings.

    Whitespace runs inside a line collapse to one space (HTML renders them so); lines are kept.

    Raises:
        DocumentError: E007 when the bytes are not parseable HTML, E003 for binary content,
            E004 for an unknown encoding.

    Example:
        >>> read_html(b"<p>RESOLUTION 44</p><p>considering</p>", "a.html")[0]
        'RESOLUTION 44\\nconsidering'
    """
    decoded = decode_html(data, display)
    markup = _XML_DECLARATION.sub("", decoded.text, count=1)  # lxml refuses it in a str
    try:
        root = html.document_fromstring(markup)
    except (etree.LxmlError, ValueError) as exc:
        raise DocumentError(display, "E007", f"not parseable HTML: {exc}") from exc
    body = root.find("body")
    out: list[str] = []
    _walk(body if body is not None else root, out)
    lines = []
    for raw in "".join(out).split("\n"):
        lead = "\t" if raw.startswith("\t") else ""
        line = " ".join(raw.replace("\t", " ").split())
        lines.append(lead + line if line else "")
    text = "\n".join(lines)
    while "\n\n\n" in text:
        text = text.replace("\n\n\n", "\n\n")
    title = root.findtext(".//title")
    meta = {"title": title.strip()} if title and title.strip() else {}
    return text.strip("\n"), meta, decoded.warnings
