"""``/documents/{key}``: the source view — a document's text with every edge in place.

Why: every citation, heading and assignment of the graph was read from exact characters of a
source text (``rg:start``/``rg:end`` of its mention). This page shows the stored text
(:func:`graph.document_source`) with each mark highlighted and anchored by its offsets
(``#c-1148-1176`` for a citation, ``#h-...`` a heading, ``#a-...`` an assignment), each linking
to the resolution it names; a Word file's revision marks show as inserted and deleted text. Where
the loader knew the place in the original file, a marker shows where each PDF page (``p. 3``),
HTML element (its path) or Word footnote (``fn. 2``) starts, and each mark's title names its page
or element, so a reader can find the words in the printed file. The
resolution pages, REST rows and the network tooltip link here. ``Accept: application/json`` or
``?format=json`` gives the same facts as JSON (announced by ``Link: rel=alternate``).

Rendering keeps the marks' text intact: marks nest (a citation inside a heading); an insertion is
cut at mark boundaries so it nests too; a deleted text and a place marker are shown through CSS
(``data-text``, ``data-pos``), so the text content of a mark is exactly its surface. A mark
crossing another (rare) keeps its anchor as an empty element at its start.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, SnapshotDep
from api.errors import ApiError, error_responses
from api.twins import JSON, page_media, twin_headers, twin_responses
from graph import DocumentSource, document_source, id_path

__all__ = ["original", "render_text", "router"]

router = APIRouter(tags=["identifiers"])

#: Inner-first order of spans that start and end at the same offsets.
_RANK = {"heading": 0, "assignment": 1, "citation": 2, "insert": 3}


@dataclass(frozen=True)
class _Span:
    """A span to render: a mark (kind heading/citation/assignment) or an inserted fragment."""

    start: int
    end: int
    kind: str
    anchor: str | None = None
    href: str | None = None
    title: str | None = None
    parent: bool = False


def _spans(doc: DocumentSource) -> tuple[list[_Span], list[_Span]]:
    """(spans that nest, marks that cross another and keep only their anchor)."""
    marks = []
    for m in doc.marks:
        where = " ".join(x for x in (m.section, m.paragraph) if x)
        title = " · ".join(
            x
            for x in (m.kind, m.verb, m.target, where, original(m.page, m.element_path, m.footnote))
            if x
        )
        href = "/" + id_path(m.target) if m.target else None
        marks.append(_Span(m.start, m.end, m.kind, m.anchor, href, title))
    marks.sort(key=lambda s: (s.start, -s.end, _RANK[s.kind]))
    kept: list[_Span] = []
    crossing: list[_Span] = []
    stack: list[_Span] = []
    for s in marks:
        while stack and stack[-1].end <= s.start:
            stack.pop()
        if stack and s.end > stack[-1].end:  # starts inside the open mark, ends beyond it
            crossing.append(s)
            continue
        kept.append(s)
        stack.append(s)
    has_child = {
        id(p) for p in kept for c in kept if c is not p and p.start <= c.start and c.end <= p.end
    }
    kept = [_Span(**{**s.__dict__, "parent": id(s) in has_child}) for s in kept]
    cuts = sorted({b for s in kept for b in (s.start, s.end)})
    for c in doc.changes:
        if c.kind != "insert" or c.end <= c.start:
            continue
        points = [c.start, *(b for b in cuts if c.start < b < c.end), c.end]
        title = (
            f"inserted{f' by {c.author}' if c.author else ''}{f' on {c.date}' if c.date else ''}"
        )
        for a, b in itertools.pairwise(points):
            kept.append(_Span(a, b, "insert", title=title))
    kept.sort(key=lambda s: (s.start, -s.end, _RANK[s.kind]))
    return kept, crossing


def original(page: int | None, path: str | None, footnote: str | None) -> str | None:
    """A place in the original file in words: ``page 3``, an HTML element path, ``footnote 2``
    (None when the loader did not know, as for .txt).

    Example:
        >>> original(3, None, None), original(None, "#res44/p[2]", None), original(None, None, None)
        ('page 3', '#res44/p[2]', None)
    """
    if page is not None:
        return f"page {page}"
    if footnote:
        return f"footnote {footnote}"
    return path or None


def _open(s: _Span) -> str:
    if s.kind == "insert":
        return f'<ins title="{escape(s.title)}">'
    attrs = f'id="{s.anchor}" class="mark {s.kind}" title="{escape(s.title or "")}"'
    if s.href and not s.parent:
        return f'<a {attrs} href="{escape(s.href)}">'
    return f"<span {attrs}>"


def _close(s: _Span) -> str:
    if s.kind == "insert":
        return "</ins>"
    if s.href and not s.parent:
        return "</a>"
    go = f'<a class="go" href="{escape(s.href)}" title="open">↗</a>' if s.href else ""
    return "</span>" + go


def render_text(doc: DocumentSource) -> Markup:
    """The document's text as HTML: escaped, with its marks and tracked changes in place.

    Example:
        >>> from graph.queries.page_results import SourceMark
        >>> m = SourceMark("citation", 4, 9, "Res 1", "pp/1", None, None, None, "c-4-9")
        >>> d = DocumentSource("k", "i", "n", "txt", "en", "See Res 1.", (m,), ())
        >>> str(render_text(d))  # doctest: +NORMALIZE_WHITESPACE
        'See <a id="c-4-9" class="mark citation" title="citation · pp/1"
        href="/id/resolution/pp/1">Res 1</a>.'
    """
    text = doc.text or ""
    spans, crossing = _spans(doc)
    opens: dict[int, list[_Span]] = {}
    for s in spans:
        opens.setdefault(s.start, []).append(s)
    points: dict[int, list[str]] = {}
    for pos in doc.positions:  # where each PDF page, HTML element or Word footnote starts
        title = original(pos.page, pos.path, pos.footnote) or ""
        points.setdefault(pos.start, []).append(
            f'<span class="pos" data-pos="{escape(pos.label())}" title="{escape(title)}"></span>'
        )
    for s in crossing:  # the anchor of a crossing mark, at its start
        points.setdefault(s.start, []).append(f'<span id="{s.anchor}" class="anchor"></span>')
    for c in doc.changes:
        if c.kind == "delete":
            label = f"deleted{f' by {c.author}' if c.author else ''}"
            points.setdefault(c.start, []).append(
                f'<del data-text="{escape(c.text)}" title="{escape(label)}"></del>'
            )
    bounds = sorted({0, len(text), *opens, *(s.end for s in spans), *points})
    out: list[str] = []
    stack: list[_Span] = []
    for i, at in enumerate(bounds):
        while stack and stack[-1].end <= at:
            out.append(_close(stack.pop()))
        out.extend(points.get(at, ()))
        for s in opens.get(at, ()):
            out.append(_open(s))
            stack.append(s)
        nxt = bounds[i + 1] if i + 1 < len(bounds) else len(text)
        out.append(str(escape(text[at:nxt])))
    while stack:
        out.append(_close(stack.pop()))
    return Markup("".join(out))


@router.get(
    "/documents/{key}",
    summary="A source document's text with its citations, headings and assignments (HTML/JSON)",
    responses={
        **twin_responses("The source view, or its facts as JSON."),
        **error_responses(404, 406, 422, s404="No source document with that key."),
    },
)
async def source_view(
    request: Request,
    snapshot: SnapshotDep,
    settings: SettingsDep,
    key: Annotated[
        str,
        Path(
            pattern="^[0-9a-f]{16}$",
            description="The document key (16 lowercase hex digits) of its IRIs.",
        ),
    ],
    format: Annotated[
        str | None, Query(pattern="^(html|json)$", description="Override Accept.")
    ] = None,
) -> Response:
    """The text of document ``key`` with every mark anchored by its offsets (``#c-start-end``)."""
    media = page_media(request, format, "a source document")
    try:
        doc = await run_in_threadpool(document_source, snapshot.store, key)
    except ValueError as exc:
        raise ApiError(400, f"key: {exc}", code="bad_identifier") from None
    if doc is None:
        raise ApiError(404, f"no source document with key {key!r} in the graph")
    here = f"/documents/{key}"
    headers = twin_headers(here, media)
    if media == JSON:
        return JSONResponse(doc.to_dict(), headers=headers)
    counts = {k: sum(1 for m in doc.marks if m.kind == k) for k in _RANK if k != "insert"}
    headed = sorted({m.target for m in doc.marks if m.kind == "heading" and m.target})
    page = request.app.state.templates.get_template("source.html").render(
        doc=doc,
        here=here,
        body=render_text(doc) if doc.text is not None else None,
        counts=counts,
        headed=headed,
        link=lambda short_id: "/" + id_path(short_id),
        inserts=sum(1 for c in doc.changes if c.kind == "insert"),
        deletes=sum(1 for c in doc.changes if c.kind == "delete"),
        # the document's own /id/ page (its statements): its IRI below this server's base
        doc_link="/" + doc.iri.removeprefix(settings.base_iri),
    )
    return HTMLResponse(page, headers=headers)
