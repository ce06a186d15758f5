"""``/conferences`` and ``/stats``: what the graph holds, at a glance.

Why together: both describe the store as a whole (its conferences, its counts and most cited
resolutions) rather than answering a question about one resolution.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from api.deps import AnswersDep
from api.errors import RESPONSES
from api.schemas import ConferenceInfo, GraphStats

__all__ = ["router"]

router = APIRouter(tags=["catalog"])


@router.get(
    "/conferences",
    response_model=list[ConferenceInfo],
    summary="Conferences",
    responses=RESPONSES,
)
async def conferences(answers: AnswersDep) -> Response:
    """Every conference of the gazetteer with the number of versions in the store it adopted."""
    return await answers.json(("conferences",), "conferences")


@router.get(
    "/stats", response_model=GraphStats, summary="Counts and most cited", responses=RESPONSES
)
async def stats(answers: AnswersDep, top: Annotated[int, Query(ge=1, le=100)] = 10) -> Response:
    """Counts of resolutions, versions, citations, assignments... and the ``top`` most cited."""
    return await answers.json(("stats", top), "stats", top=top)
