"""``/id/...``: the graph's IRIs, dereferenceable, in JSON-LD, Turtle or HTML by ``Accept``.

Why: the graph mints IRIs under ``<base>id/`` (DESIGN.md section 3); when the service runs at
the base IRI, following an IRI must give its description — RDF for programs, a small readable
page for people, with links to what it cites and what cites it. All formats come from one data
function, :func:`describe`, so the page and the RDF never disagree.

Path safety: the path only ever becomes an IRI looked up in the store (never a file name), and
anything but plain IRI path segments (``..``, backslashes, control characters, over-long paths)
is refused with a 400 before any lookup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, serialize

from api.deps import SettingsDep, SnapshotDep
from api.errors import ApiError
from api.sparql.execute import DEFAULT_PREFIXES as PREFIXES
from api.sparql.negotiate import choose
from graph.queries.lookup import short, suggest

__all__ = ["ResourceView", "describe", "router"]

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
_SEGMENT = re.compile(r"^[A-Za-z0-9._~%\-]+$")
MAX_INCOMING = 500
CITES = "http://purl.org/spar/cito/cites"
VERSION_OF = "https://w3id.org/resgraph/ontology#versionOf"
LABELS = (
    "http://purl.org/dc/terms/title",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2000/01/rdf-schema#label",
)


@dataclass(frozen=True)
class ResourceView:
    """What the graph says about one IRI: its own triples, the triples pointing at it, and the
    links a reader wants first (label, what it cites, what cites it, its versions)."""

    iri: str
    label: str | None
    outgoing: tuple[Triple, ...]
    incoming: tuple[Triple, ...]
    cites: tuple[str, ...]
    cited_by: tuple[str, ...]
    versions: tuple[str, ...]

    def triples(self) -> list[Triple]:
        """Outgoing then incoming triples, as served in RDF formats."""
        return [*self.outgoing, *self.incoming]


def describe(store: Any, iri: str) -> ResourceView | None:
    """The description of ``iri`` in ``store`` (all graphs), or None when it appears nowhere.

    ``store`` is a pyoxigraph ``Store`` or anything with its ``quads_for_pattern`` (a remote
    store).

    Example:
        >>> from pyoxigraph import Quad, Store
        >>> s = Store()
        >>> s.add(Quad(NamedNode("urn:a"), NamedNode(CITES), NamedNode("urn:b")))
        >>> describe(s, "urn:b").cited_by
        ('urn:a',)
    """
    node = NamedNode(iri)
    outgoing = tuple(sorted({q.triple for q in store.quads_for_pattern(node, None, None)}, key=str))
    incoming_set: set[Triple] = set()
    for n, q in enumerate(store.quads_for_pattern(None, None, node)):
        if n >= MAX_INCOMING:
            break
        incoming_set.add(q.triple)
    incoming = tuple(sorted(incoming_set, key=str))
    if not outgoing and not incoming:
        return None
    label = None
    for predicate in LABELS:
        values = [t.object for t in outgoing if t.predicate.value == predicate]
        literals = [v for v in values if isinstance(v, Literal)]
        english = [v for v in literals if (v.language or "en").startswith("en")]
        if english or literals:
            label = (english or literals)[0].value
            break
    return ResourceView(
        iri=iri,
        label=label,
        outgoing=outgoing,
        incoming=incoming,
        cites=_iris(t.object for t in outgoing if t.predicate.value == CITES),
        cited_by=_iris(t.subject for t in incoming if t.predicate.value == CITES),
        versions=_iris(t.subject for t in incoming if t.predicate.value == VERSION_OF),
    )


def _iris(terms: Iterable[object]) -> tuple[str, ...]:
    """The distinct IRIs among ``terms``, sorted (blank nodes and literals left out)."""
    return tuple(sorted({t.value for t in terms if isinstance(t, NamedNode)}))


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
    return "/" + iri[len(base) :] if iri.startswith(base + "id/") else iri


@router.get(
    "/{path:path}",
    summary="Dereference a graph IRI",
    responses={
        200: {"content": {m: {} for m in FORMATS}, "description": "The resource description."},
        404: {"description": "Unknown IRI (with did-you-mean for resolutions)."},
        406: {"description": "No acceptable format."},
    },
)
async def dereference(
    request: Request,
    path: str,
    snapshot: SnapshotDep,
    settings: SettingsDep,
    format: Annotated[str | None, Query(description="Override Accept: jsonld, ttl, html")] = None,
) -> Response:
    """``<base>id/<path>`` described in JSON-LD, Turtle, N-Triples, RDF/XML or HTML."""
    _check_path(path)
    media = _media(request, format)
    base = settings.base_iri
    iri = f"{base}id/{path}"
    view = describe(snapshot.raw, iri)
    if view is None:
        hints: tuple[str, ...] = ()
        if path.startswith("resolution/"):
            ident = path.removeprefix("resolution/")
            hints = tuple(f"/id/resolution/{h}" for h in suggest(snapshot.store, ident, base=base))
        raise ApiError(404, f"nothing in the graph has the IRI {iri}", suggestions=hints)
    headers = {"Vary": "Accept", "Content-Location": f"/id/{path}"}
    fmt = FORMATS[media]
    if fmt is None:
        page = request.app.state.templates.get_template("resource.html").render(
            view=view,
            rest=_rest_links(path),
            local=lambda i: _local(i, base),
            name=lambda i: short(i, base),
            curie=_curie,
            term=_term,
            path=path,
        )
        return HTMLResponse(page, headers=headers)
    body = serialize(
        view.triples(), format=fmt, prefixes=dict(PREFIXES) if fmt == RdfFormat.TURTLE else None
    )
    return Response(body, media_type=media, headers=headers)


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
