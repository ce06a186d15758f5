"""``/conferences`` and ``/stats``: what the graph holds, at a glance.

Why together: both describe the store as a whole (its conferences, its counts and most cited
resolutions) rather than answering a question about one resolution.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response
from pydantic import TypeAdapter

from api.deps import SnapshotDep, cached_json
from api.schemas import ConferenceInfo, GraphStats
from graph import graph_stats, list_conferences

__all__ = ["router"]

router = APIRouter(tags=["catalog"])

_CONFERENCES = TypeAdapter(list[ConferenceInfo])


@router.get("/conferences", response_model=list[ConferenceInfo], summary="Conferences")
async def conferences(snapshot: SnapshotDep) -> Response:
    """Every conference of the gazetteer with the number of versions in the store it adopted."""
    return await cached_json(
        snapshot, ("conferences",), lambda: list_conferences(snapshot.store), _CONFERENCES
    )


@router.get("/stats", response_model=GraphStats, summary="Counts and most cited")
async def stats(snapshot: SnapshotDep, top: Annotated[int, Query(ge=1, le=100)] = 10) -> Response:
    """Counts of resolutions, versions, citations, assignments... and the ``top`` most cited."""
    return await cached_json(
        snapshot, ("stats", top), lambda: graph_stats(snapshot.store, top=top), GraphStats
    )
