"""``/health``: is the service up, and which build of the graph is it serving?

Why it reports the generation: after a rebuild, an operator (or a test) can see the swap happen
without guessing from query results.
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
    triples = await run_in_threadpool(lambda: snapshot.triples)
    return Health(ok=True, generation=snapshot.generation, store=snapshot.location, triples=triples)
