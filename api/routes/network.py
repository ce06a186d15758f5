"""Questions across the whole network: ``/path``, ``/assignments``, ``/citations/outdated``.

Why a router apart from ``/resolutions``: these answers are not about one resolution but about
pairs, actors or the whole graph; they share the snapshot cache and the error shape.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import SnapshotDep, cached_json
from api.errors import ApiError
from api.routes.resolutions import CONFERENCE_RE, ORGAN_RE
from api.schemas import AssignmentResults, CitationPath, OutdatedList
from graph import assignments as find_assignments
from graph import citation_path, organ_code, outdated_citations

__all__ = ["router"]

router = APIRouter(tags=["network"])

SHORT_ID_RE = r"^[A-Za-z]{2,10}/[0-9A-Za-z][0-9A-Za-z.\-]{0,15}(/[0-9]{4})?$"
ACTOR_RE = r"^[\w .,'()\-]{1,80}$"
ShortId = Annotated[str, Query(pattern=SHORT_ID_RE, examples=["wtsa/44"])]
Actor = Annotated[str | None, Query(pattern=ACTOR_RE, examples=["BDT"])]


@router.get("/path", response_model=CitationPath, summary="Shortest citation path")
async def path(
    snapshot: SnapshotDep,
    source: Annotated[str, Query(alias="from", pattern=SHORT_ID_RE, examples=["wtsa/44"])],
    target: Annotated[str, Query(alias="to", pattern=SHORT_ID_RE, examples=["pp/123"])],
    max_depth: Annotated[int, Query(ge=1, le=12)] = 8,
) -> Response:
    """A shortest chain of citations from one resolution to another (404 when there is none)."""

    def compute() -> object:
        found = citation_path(snapshot.store, source, target, max_depth=max_depth)
        if found is None:
            raise ApiError(
                404,
                f"no citation path from {source} to {target} within {max_depth} hops",
                code="no_path",
            )
        return found

    return await cached_json(
        snapshot, ("path", source.casefold(), target.casefold(), max_depth), compute, CitationPath
    )


@router.get("/assignments", response_model=AssignmentResults, summary="Work given to actors")
async def assignments(
    snapshot: SnapshotDep,
    actor: Actor = None,
    collaborator: Actor = None,
    involving: Annotated[
        str | None,
        Query(pattern=ACTOR_RE, description="A sector or actor involved in any role (ITU-D)."),
    ] = None,
    organ: Annotated[str | None, Query(pattern=ORGAN_RE)] = None,
    conference: Annotated[str | None, Query(pattern=CONFERENCE_RE, examples=["wtsa-2022"])] = None,
) -> Response:
    """Operative clauses assigning work: to ``actor``, with ``collaborator``, by organ or
    conference."""
    code = organ_code(organ) if organ else None
    key = ("assignments", actor, collaborator, involving, code, conference)
    return await cached_json(
        snapshot,
        key,
        lambda: find_assignments(
            snapshot.store,
            actor=actor,
            collaborator=collaborator,
            involving=involving,
            organ=code,
            conference=conference,
        ),
        AssignmentResults,
    )


@router.get(
    "/citations/outdated", response_model=OutdatedList, summary="Citations of superseded versions"
)
async def outdated(
    snapshot: SnapshotDep,
    organ: Annotated[str | None, Query(pattern=ORGAN_RE)] = None,
) -> Response:
    """Citations of a version older than the latest one known when the citing text was adopted."""
    code = organ_code(organ) if organ else None

    def compute() -> dict[str, object]:
        items = outdated_citations(snapshot.store, organ=code)
        return {"total": len(items), "items": [i.to_dict() for i in items]}

    return await cached_json(snapshot, ("outdated", code), compute, OutdatedList)
