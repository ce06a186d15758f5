"""Extract the visible text of HTML pages (ITU web pages, "Save as HTML" exports) with lxml.

Why a small walk instead of ``text_content()``: block elements (p, div, li, headings, table rows)
must become line breaks, or section headings and numbered paragraphs run together and the
segmenter cannot see them; table cells become tab-prefixed lines like the Word exports.
"""

from __future__ import annotations

from lxml import etree, html

from extract.exceptions import DocumentError

__all__ = ["read_html"]

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


def read_html(data: bytes, display: str) -> tuple[str, dict[str, str]]:
    """Return the visible text of an HTML document and its title.

    Whitespace runs inside a line collapse to one space (HTML renders them so); lines are kept.

    Raises:
        DocumentError: E007 when the bytes are not parseable HTML.

    Example:
        >>> read_html(b"<p>RESOLUTION 44</p><p>considering</p>", "a.html")[0]
        'RESOLUTION 44\\nconsidering'
    """
    try:
        root = html.document_fromstring(data)
    except (etree.ParserError, ValueError) as exc:
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
    return text.strip("\n"), ({"title": title.strip()} if title and title.strip() else {})
