"""``/id/...``: the graph's IRIs, dereferenceable, in JSON-LD, Turtle or HTML by ``Accept``.

Why: the graph mints IRIs under ``<base>id/`` (DESIGN.md section 3); when the service runs at
the base IRI, following an IRI must give its description — RDF for programs, a small readable
page for people, with links to what it cites and what cites it. All formats come from one data
function, :func:`graph.describe`, so the page and the RDF never disagree; this module only
negotiates and renders. The "Cites" and "Cited by" lists of a resolution or version page come
from :func:`graph.citation_links`, the function ``/resolutions/{id}`` and the CLI's ``deps`` and
``impact --depth 1`` use (a work cites what any of its versions cites; raw ``cito:cites``
triples hang on versions and documents, so listing them would disagree with the REST answer).

Resolution and version pages (``/id/resolution/wtsa/44``, ``.../wtsa/44/2022``): a browser gets
the page an analyst reads (titles, versions timeline, what it cites and what cites it with the
clause and a link to the exact characters of the source text, assignments, changes between
versions, outdated citations) from :func:`graph.resolution_page`; ``Accept: application/json``
or ``?format=json`` gives the same facts as JSON (announced by ``Link: rel=alternate``), and
``?view=statements`` the raw statements. The RDF formats are unchanged.

Path safety: the path only ever becomes an IRI looked up in the store (never a file name), and
anything but plain IRI path segments (``..``, backslashes, control characters, over-long paths)
is refused with a 400 before any lookup.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pyoxigraph import Literal, NamedNode, RdfFormat, serialize
from starlette.concurrency import run_in_threadpool

from api.deps import SettingsDep, SnapshotDep
from api.errors import ApiError, choice_pattern, error_responses
from api.sparql.negotiate import choose
from graph import (
    PREFIXES,
    ResolutionNotFound,
    ResourceView,
    Store,
    citation_links,
    describe,
    did_you_mean,
    id_iri,
    id_path,
    parse_short_id,
    resolution_page,
    short,
    short_iri,
)

__all__ = ["router"]

router = APIRouter(prefix="/id", tags=["identifiers"])

FORMATS: Mapping[str, RdfFormat | None] = MappingProxyType(
    {
        "application/ld+json": RdfFormat.JSON_LD,
        "text/turtle": RdfFormat.TURTLE,
        "text/html": None,
        "application/n-triples": RdfFormat.N_TRIPLES,
        "application/rdf+xml": RdfFormat.RDF_XML,
        "application/json": RdfFormat.JSON_LD,
    }
)
ALIASES = MappingProxyType(
    {
        "jsonld": "application/ld+json",
        "json": "application/ld+json",
        "ttl": "text/turtle",
        "turtle": "text/turtle",
        "html": "text/html",
        "nt": "application/n-triples",
        "rdfxml": "application/rdf+xml",
    }
)
#: The page and its JSON twin of a resolution or version (the ``view`` parameter).
VIEWS = ("page", "statements")
#: What the ``format`` parameter accepts: the aliases and the media types themselves.
FORMAT_CHOICES = (*ALIASES, *FORMATS)
_SEGMENT = re.compile(r"^[A-Za-z0-9._~%\-]+$")
_DOCUMENT = re.compile(r"^document/([0-9a-f]{16})(?:/(citation|heading|assignment)/(\d+-\d+))?$")


def _check_path(path: str) -> None:
    segments = path.split("/")
    if (
        len(path) > 300
        or not path
        or any(s in ("", ".", "..") or not _SEGMENT.match(s) for s in segments)
    ):
        raise ApiError(
            400,
            f"malformed identifier path {path[:80]!r}: expected segments of letters, digits and "
            "'._~-', e.g. /id/resolution/wtsa/44",
            code="bad_identifier",
        )


def _media(request: Request, fmt: str | None) -> str:
    if fmt is not None:
        forced = ALIASES.get(fmt.lower(), fmt.lower())
        if forced not in FORMATS:
            raise ApiError(422, f"unknown format {fmt!r}; valid: {', '.join(ALIASES)}")
        return forced
    media = choose(request.headers.get("accept"), list(FORMATS))
    if media is None:
        raise ApiError(
            406,
            f"cannot describe a resource as {request.headers.get('accept')!r}; acceptable: "
            f"{', '.join(FORMATS)}",
        )
    return media


def _local(iri: str, base: str) -> str:
    """A link target: IRIs of this graph become local /id/ paths, so the pages are navigable."""
    return "/" + iri[len(base) :] if iri.startswith(str(id_iri("", base))) else iri


@router.get(
    "/{path:path}",
    summary="Dereference a graph IRI",
    responses={
        200: {"content": {m: {} for m in FORMATS}, "description": "The resource description."},
        **error_responses(
            400,
            404,
            406,
            422,
            s400="A malformed identifier path (empty, '.' or '..' segments, other characters).",
            s404="Unknown IRI (with did-you-mean for resolutions).",
        ),
    },
)
async def dereference(
    request: Request,
    snapshot: SnapshotDep,
    settings: SettingsDep,
    path: Annotated[
        str,
        Path(description="The identifier after /id/, e.g. resolution/wtsa/44 (400 if malformed)."),
    ],
    format: Annotated[
        str | None,
        Query(
            pattern=choice_pattern(FORMAT_CHOICES),
            description="Override Accept: jsonld, ttl, html, nt, rdfxml or a media type "
            "(json: the JSON twin of a resolution page, JSON-LD elsewhere)",
        ),
    ] = None,
    view_mode: Annotated[
        str | None,
        Query(
            alias="view",
            pattern=choice_pattern(VIEWS),
            description="For a resolution or version in HTML: the page (default) or its raw "
            "statements",
        ),
    ] = None,
) -> Response:
    """``<base>id/<path>`` described in JSON-LD, Turtle, N-Triples, RDF/XML or HTML; a
    resolution or version as its page (HTML) or the page's JSON twin."""
    _check_path(path)
    media = _media(request, format)
    base = settings.base_iri
    ident = _page_ident(path)
    wants_json = (format or "").lower() in ("json", "application/json") or (
        format is None and media == "application/json"
    )
    if ident is not None and view_mode != "statements" and (media == "text/html" or wants_json):
        page = await _resolution_page(request, snapshot.store, ident, base, path, wants_json)
        if page is not None:
            return page
    iri = str(id_iri(path, base))
    view = describe(snapshot.store, iri)
    if view is None:
        hints: tuple[str, ...] = ()
        if path.startswith("resolution/"):
            ident = path.removeprefix("resolution/")
            found = did_you_mean(snapshot.store, ident, base=base)
            hints = tuple(f"/{id_path(h)}" for h in found)
        raise ApiError(404, f"nothing in the graph has the IRI {iri}", suggestions=hints)
    headers = {"Vary": "Accept", "Content-Location": f"/id/{path}"}
    fmt = FORMATS[media]
    if fmt is None:
        view = _with_links(snapshot.store, view, path, base)
        page = request.app.state.templates.get_template("resource.html").render(
            view=view,
            rest=_rest_links(path),
            local=lambda i: _local(i, base),
            name=lambda i: short(i, base),
            curie=_curie,
            term=_term,
            path=path,
            page_link=f"/id/{path}" if _page_ident(path) else None,
            source_link=_source_link(path),
        )
        return HTMLResponse(page, headers=headers)
    body = serialize(
        view.triples(), format=fmt, prefixes=dict(PREFIXES) if fmt == RdfFormat.TURTLE else None
    )
    return Response(body, media_type=media, headers=headers)


def _source_link(path: str) -> str | None:
    """The source view of a document's or a mention's path (``document/<key>[/...]``)."""
    m = _DOCUMENT.match(path)
    return f"/documents/{m[1]}" + (f"#{m[2][0]}-{m[3]}" if m[2] else "") if m else None


def _page_ident(path: str) -> str | None:
    """The short id of a resolution or version path (``resolution/wtsa/44``), else None."""
    ident = path.removeprefix("resolution/")
    if ident == path:
        return None
    try:
        parse_short_id(ident)
    except ValueError:
        return None
    return ident


async def _resolution_page(
    request: Request, store: Store, ident: str, base: str, path: str, as_json: bool
) -> Response | None:
    """The page of a resolution or version (or its JSON twin); None when the graph knows the IRI
    but not as a resolution (the statements page then describes it)."""
    try:
        page = await run_in_threadpool(resolution_page, store, ident, base)
    except ResolutionNotFound:
        return None
    here = f"/id/{path}"
    headers = {"Vary": "Accept", "Content-Location": here}
    if as_json:
        headers["Link"] = f'<{here}?format=html>; rel="alternate"; type="text/html"'
        return JSONResponse(page.to_dict(), headers=headers)
    headers["Link"] = f'<{here}?format=json>; rel="alternate"; type="application/json"'
    html = request.app.state.templates.get_template("resolution.html").render(
        page=page,
        here=here,
        rest=_rest_links(path),
        link=lambda short_id: "/" + id_path(short_id),
        conference=lambda conf: "/" + id_path(f"conference/{conf}"),
    )
    return HTMLResponse(html, headers=headers)


def _with_links(store: Store, view: ResourceView, path: str, base: str) -> ResourceView:
    """The view with the cited and citing works of :func:`graph.citation_links` when ``path``
    names a resolution or a version (other resources keep their own ``cito:cites`` links)."""
    ident = path.removeprefix("resolution/")
    if ident == path:
        return view
    try:
        parse_short_id(ident)
    except ValueError:  # a part of a resolution (not a work or version id)
        return view
    try:
        cites, cited_by = citation_links(store, ident, base=base)
    except ResolutionNotFound:  # an IRI only pointed at: nothing cites or is cited
        cites, cited_by = (), ()
    return dataclasses.replace(
        view,
        cites=tuple(str(short_iri(c, base)) for c in cites),
        cited_by=tuple(str(short_iri(c, base)) for c in cited_by),
    )


def _rest_links(path: str) -> list[tuple[str, str]]:
    """Links to the REST twins of a resolution or version page."""
    if not path.startswith("resolution/"):
        return []
    ident = path.removeprefix("resolution/")
    parts = ident.split("/")
    links = [("JSON (REST)", f"/resolutions/{ident}")]
    if len(parts) == 2:
        links.append(("lineage", f"/resolutions/{ident}/lineage"))
    links += [
        ("what it cites", f"/resolutions/{ident}/dependencies"),
        ("what cites it", f"/resolutions/{ident}/impact"),
    ]
    return links


def _curie(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


def _term(term: object) -> tuple[str, str | None]:
    """(text, IRI or None) of an RDF term, for the page."""
    if isinstance(term, NamedNode):
        return term.value, term.value
    if isinstance(term, Literal):
        lang = f" @{term.language}" if term.language else ""
        return term.value + lang, None
    return str(term), None
