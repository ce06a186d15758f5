"""``/health``: is the service up, and which build of the graph is it serving?

Why it reports the generation: after a rebuild, an operator (or a test) can see the swap happen
without guessing from query results. Why it touches no worker and, once the count is known, no
thread: it must answer while every query worker and every thread is busy (the count is taken
when a snapshot is warmed, before it is served).
"""

from __future__ import annotations

from fastapi import APIRouter
from starlette.concurrency import run_in_threadpool

from api.deps import SnapshotDep
from api.schemas import Health

__all__ = ["router"]

router = APIRouter(tags=["service"])


@router.get("/health", response_model=Health, summary="Liveness and the build being served")
async def health(snapshot: SnapshotDep) -> Health:
    """Always 200 while the app runs; ``triples`` counts the quads of the served store."""
    known = snapshot.__dict__.get("triples")  # the cached_property, once computed
    triples = known if known is not None else await run_in_threadpool(lambda: snapshot.triples)
    return Health(ok=True, generation=snapshot.generation, store=snapshot.location, triples=triples)
