"""The ``/viz`` network page and its ``/viz.json`` twin.

Why one data function for both: datasette's habit, every page has a JSON twin built from the same
call, so the numbers a script reads at ``/viz.json`` are the numbers drawn at ``/viz``. The citation
network is read from the served snapshot once per store generation and kept in
``app.state.viz_sources``; each request then only filters and lays out (in memory).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from pydantic import BaseModel, StringConstraints

from api.deps import GraphSnapshot, SnapshotDep
from api.errors import ApiError, error_responses
from api.routes.resolutions import ORGAN_RE, any_case_choice
from api.viz.data import BUREAUX, lineage_data, viz_data
from api.viz.model import FocusNotFound, VizData, VizParams
from api.viz.render import render_html
from api.viz.source import VizSource, load_source

__all__ = ["VizPayload", "router"]

router = APIRouter(tags=["viz"])


class VizCounts(BaseModel):
    """How much is drawn, and how much matched before the cap."""

    nodes: int
    edges: int
    total_nodes: int
    capped: bool


class VizPayload(BaseModel):
    """The JSON twin of the network page (see :meth:`api.viz.model.VizData.to_dict`)."""

    view: str
    params: dict[str, Any]
    counts: VizCounts
    organs: list[str]
    nodes: list[dict[str, Any]]
    edges: list[dict[str, Any]]


def viz_source(request: Request, snapshot: GraphSnapshot, versions: bool) -> VizSource:
    """The network of the served snapshot at one level, read on first use, kept in app.state.

    Keyed by the snapshot's generation, so a rebuilt store (swapped in while serving) is read
    again and the old network is dropped. Tooltips quote clauses from the documents in the
    app's ``settings.corpus``. A source put there beforehand under the snapshot's
    generation (a notebook, a test) is used as is.

    Example:
        >>> viz_source(request, snapshot, versions=False).level  # doctest: +SKIP
        'work'
    """
    state = request.app.state
    sources: dict[tuple[str, str], VizSource] = getattr(state, "viz_sources", None) or {}
    state.viz_sources = sources
    key = (snapshot.generation, "version" if versions else "work")
    if key not in sources:
        for old in [k for k in sources if k[0] != snapshot.generation]:
            del sources[old]
        settings = getattr(state, "settings", None)
        corpus = Path(settings.corpus) if settings is not None else None
        sources[key] = load_source(snapshot.store, versions=versions, corpus=corpus)
    return sources[key]


#: The addressees the assignment filter knows (any letter case).
BUREAU_RE = any_case_choice(BUREAUX)

#: Views kept per app (the default page of a 1M-triple store takes seconds to select and quote).
VIEW_CACHE_SIZE = 16


def _cached_build(request: Request, snapshot: GraphSnapshot, params: VizParams) -> VizData:
    """:func:`_build`, remembered per (store generation, params) for the last few views."""
    state = request.app.state
    if getattr(state, "viz_views", None) is None:
        state.viz_views = OrderedDict()
        state.viz_lock = threading.Lock()
    key = (snapshot.generation, params)
    with state.viz_lock:
        data: VizData | None = state.viz_views.get(key)
        if data is not None:
            state.viz_views.move_to_end(key)
            return data
    data = _build(request, snapshot, params)
    with state.viz_lock:
        state.viz_views[key] = data
        while len(state.viz_views) > VIEW_CACHE_SIZE:
            state.viz_views.popitem(last=False)
    return data


def _build(request: Request, snapshot: GraphSnapshot, params: VizParams) -> VizData:
    try:
        if params.lineage:
            source = viz_source(request, snapshot, versions=True)
            return lineage_data(source, params.lineage, params)
        return viz_data(viz_source(request, snapshot, params.versions), params)
    except FocusNotFound as exc:
        raise ApiError(404, str(exc), suggestions=exc.suggestions) from exc


def _params(
    focus: Annotated[str | None, Query(description="Short id to centre on, e.g. wtsa/44.")] = None,
    depth: Annotated[int, Query(ge=0, le=10, description="Citation steps around the focus.")] = 1,
    organ: Annotated[
        list[Annotated[str, StringConstraints(pattern=ORGAN_RE)]] | None,
        Query(description="Keep these organs (repeatable)."),
    ] = None,
    from_year: Annotated[int | None, Query(ge=1800, le=2200)] = None,
    to_year: Annotated[int | None, Query(ge=1800, le=2200)] = None,
    bureau: Annotated[
        list[Annotated[str, StringConstraints(pattern=BUREAU_RE)]] | None,
        Query(description="TSB, BDT, BR or SG (repeatable)."),
    ] = None,
    versions: Annotated[bool, Query(description="One node per version.")] = False,
    assignments: Annotated[bool, Query(description="Draw the bureau layer.")] = False,
    max_nodes: Annotated[int, Query(ge=1, le=5000, description="Cap of the view.")] = 400,
    lineage: Annotated[str | None, Query(description="Lay out this resolution's versions.")] = None,
) -> VizParams:
    try:
        return VizParams(
            focus=focus, depth=depth, organs=tuple(organ or ()), from_year=from_year,
            to_year=to_year, bureaux=tuple(bureau or ()), versions=versions,
            assignments=assignments, max_nodes=max_nodes, lineage=lineage,
        )  # fmt: skip
    except ValueError as exc:
        raise ApiError(422, str(exc)) from exc


@router.get(
    "/viz",
    response_class=HTMLResponse,
    summary="Interactive citation network",
    responses=error_responses(
        404, 422, json_ref=True, s404="The focus or lineage resolution is not in the graph."
    ),
)
def viz_html(
    request: Request, snapshot: SnapshotDep, params: Annotated[VizParams, Depends(_params)]
) -> HTMLResponse:
    """The network page: filters, focus, search, legend; every asset inline, nothing external.

    The page always carries the bureau layer, so its checkbox shows and hides it without a
    reload; ``assignments`` only says whether it is shown at first.
    """
    data = _cached_build(request, snapshot, replace(params, assignments=True))
    return HTMLResponse(render_html(data, link_base="/", show_assignments=params.assignments))


@router.get(
    "/viz.json",
    response_model=VizPayload,
    summary="Citation network data (JSON twin)",
    responses=error_responses(
        404, 422, s404="The focus or lineage resolution is not in the graph."
    ),
)
def viz_json(
    request: Request, snapshot: SnapshotDep, params: Annotated[VizParams, Depends(_params)]
) -> dict[str, Any]:
    """The nodes, edges and counts the page at ``/viz`` with the same parameters draws."""
    return _cached_build(request, snapshot, params).to_dict()
