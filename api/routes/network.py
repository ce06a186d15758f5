"""Questions across the whole network: ``/path``, ``/assignments``, ``/citations/outdated``.

Why a router apart from ``/resolutions``: these answers are not about one resolution but about
pairs, actors or the whole graph; they share the snapshot cache and the error shape.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import AnswersDep
from api.errors import LOOKUP_RESPONSES, RESPONSES
from api.routes.resolutions import CONFERENCE_RE, ORGAN_RE, organ_alternation
from api.schemas import AssignmentResults, CitationPath, OutdatedList
from graph import organ_code

__all__ = ["router"]

router = APIRouter(tags=["network"])

SHORT_ID_RE = f"^{organ_alternation()}/[0-9A-Za-z][0-9A-Za-z.\\-]{{0,15}}(/[0-9]{{4}})?$"
ACTOR_RE = r"^[\w .,'()\-]{1,80}$"
# The three Sectors, in any letter case, with a hyphen, a space or a Unicode hyphen (as
# graph.assignments reads them).
SECTOR_RE = "^[Ii][Tt][Uu][ \u2010\u2011\u2013-][DdTtRr]$"
ShortId = Annotated[str, Query(pattern=SHORT_ID_RE, examples=["wtsa/44"])]
Actor = Annotated[str | None, Query(pattern=ACTOR_RE, examples=["BDT"])]


@router.get(
    "/path",
    response_model=CitationPath,
    summary="Shortest citation path",
    responses=LOOKUP_RESPONSES,
)
async def path(
    answers: AnswersDep,
    source: Annotated[str, Query(alias="from", pattern=SHORT_ID_RE, examples=["wtsa/44"])],
    target: Annotated[str, Query(alias="to", pattern=SHORT_ID_RE, examples=["pp/123"])],
    max_depth: Annotated[int, Query(ge=1, le=12)] = 8,
) -> Response:
    """A shortest chain of citations from one resolution to another (404 when there is none)."""
    key = ("path", source.casefold(), target.casefold(), max_depth)
    return await answers.json(key, "path", source=source, target=target, max_depth=max_depth)


@router.get(
    "/assignments",
    response_model=AssignmentResults,
    summary="Work given to actors",
    responses=RESPONSES,
)
async def assignments(
    answers: AnswersDep,
    actor: Actor = None,
    collaborator: Actor = None,
    involving: Annotated[
        str | None,
        Query(pattern=SECTOR_RE, description="A sector whose actors are involved in any role."),
    ] = None,
    organ: Annotated[str | None, Query(pattern=ORGAN_RE)] = None,
    conference: Annotated[str | None, Query(pattern=CONFERENCE_RE, examples=["wtsa-2022"])] = None,
) -> Response:
    """Operative clauses assigning work: to ``actor``, with ``collaborator``, by organ or
    conference."""
    code = organ_code(organ) if organ else None
    key = ("assignments", actor, collaborator, involving, code, conference)
    args = {"actor": actor, "collaborator": collaborator, "involving": involving}
    return await answers.json(key, "assignments", **args, organ=code, conference=conference)


@router.get(
    "/citations/outdated",
    response_model=OutdatedList,
    summary="Citations of superseded versions",
    responses=RESPONSES,
)
async def outdated(
    answers: AnswersDep,
    organ: Annotated[str | None, Query(pattern=ORGAN_RE)] = None,
) -> Response:
    """Citations of a version older than the latest one known when the citing text was adopted."""
    code = organ_code(organ) if organ else None
    return await answers.json(("outdated", code), "outdated", organ=code)
