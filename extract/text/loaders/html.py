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
from extract.models import SourcePosition
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


class _Out:
    """The raw text of the walk, and for each of its lines the block element that wrote its
    first visible text (the line's place in the page; its path is spelt out only for the lines
    kept, see :class:`_Paths`)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.line = 0
        self.owners: dict[int, html.HtmlElement] = {}
        self.need = True  # the current line has no owner yet

    def add(self, s: str, owner: html.HtmlElement) -> None:
        self.parts.append(s)
        if s == "\n":
            self.line += 1
            self.need = True
            return
        if "\n" not in s:  # a piece of one line
            if self.need and s and not s.isspace():
                self.owners[self.line] = owner
                self.need = False
            return
        for k, piece in enumerate(s.split("\n")):
            if k:
                self.need = True
            if self.need and piece and not piece.isspace():
                self.owners[self.line + k] = owner
                self.need = False
        self.line += s.count("\n")


def _walk(el: html.HtmlElement, out: _Out, block: html.HtmlElement) -> None:
    """Depth-first text walk; ``block`` is the innermost block element (or cell) around."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag in _DROP or not tag:
        return
    cell = tag in ("td", "th")
    if cell or tag in _BLOCK:
        block = el
    if cell:
        out.add("\t", block)
    if el.text:
        out.add(el.text, block)
    for child in el:
        _walk(child, out, block)
        if child.tail:
            out.add(child.tail, block)
    if tag == "br" or cell or tag in _BLOCK:
        out.add("\n", block)


class _Paths:
    """Element paths: ``body/div[2]/p[1]`` (1-based among siblings of the same tag), or from
    the nearest ancestor-or-self with an id, ``#res44/p[3]``. Each parent's children are
    numbered once (a page of thousands of sibling paragraphs costs one pass, not one per
    paragraph)."""

    def __init__(self, top: html.HtmlElement) -> None:
        self.top = top
        self.paths: dict[html.HtmlElement, str] = {}
        self.numbers: dict[html.HtmlElement, int] = {}

    def __call__(self, el: html.HtmlElement) -> str:
        path = self.paths.get(el)
        if path is not None:
            return path
        ident = el.get("id")
        parent = el.getparent()
        if ident:
            path = f"#{ident}"
        elif el is self.top or parent is None:
            path = str(el.tag)
        else:
            if el not in self.numbers:
                seen: dict[object, int] = {}
                for child in parent:
                    seen[child.tag] = seen.get(child.tag, 0) + 1
                    self.numbers[child] = seen[child.tag]
            path = f"{self(parent)}/{el.tag}[{self.numbers[el]}]"
        self.paths[el] = path
        return path


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


def read_html(
    data: bytes, display: str
) -> tuple[str, dict[str, str], tuple[str, ...], tuple[SourcePosition, ...]]:
    """Return the visible text of an HTML document, its title, the decoding's warnings and the
    element each line comes from.

    Whitespace runs inside a line collapse to one space (HTML renders them so); lines are kept,
    at most one blank line in a row. Each line with text has a :class:`SourcePosition` whose
    ``path`` is its block element (``body/div[2]/p[1]``, or ``#id/...`` from the nearest
    ancestor with an id), so a record can be found in the page.

    Raises:
        DocumentError: E007 when the bytes are not parseable HTML, E003 for binary content,
            E004 for an unknown encoding.

    Example:
        >>> text, meta, warnings, where = read_html(
        ...     b"<p>RESOLUTION 44</p><div id='ops'><p>considering</p></div>", "a.html")
        >>> text, [p.path for p in where]
        ('RESOLUTION 44\\nconsidering', ['body/p[1]', '#ops/p[1]'])
    """
    decoded = decode_html(data, display)
    markup = _XML_DECLARATION.sub("", decoded.text, count=1)  # lxml refuses it in a str
    try:
        root = html.document_fromstring(markup)
    except (etree.LxmlError, ValueError) as exc:
        raise DocumentError(display, "E007", f"not parseable HTML: {exc}") from exc
    body = root.find("body")
    out = _Out()
    start = body if body is not None else root
    _walk(start, out, start)
    path_of = _Paths(start)
    kept: list[tuple[str, str | None]] = []
    for i, raw in enumerate("".join(out.parts).split("\n")):
        lead = "\t" if raw.startswith("\t") else ""
        line = " ".join(raw.replace("\t", " ").split())
        line = lead + line if line else ""
        if not line and (not kept or not kept[-1][0]):
            continue  # blank lines at the start, or after a blank line, go
        owner = out.owners.get(i)
        kept.append((line, path_of(owner) if line and owner is not None else None))
    while kept and not kept[-1][0]:
        kept.pop()
    positions, at = [], 0
    for line, where in kept:
        if line and where:
            positions.append(SourcePosition(at, at + len(line), path=where))
        at += len(line) + 1
    text = "\n".join(line for line, _ in kept)
    title = root.findtext(".//title")
    meta = {"title": title.strip()} if title and title.strip() else {}
    return text, meta, decoded.warnings, tuple(positions)
