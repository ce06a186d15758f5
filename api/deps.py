"""What a route may ask for: the served graph snapshot, the settings, the query workers.

Why a holder with snapshots: the store is opened once and shared by every request, and a rebuild
must swap in atomically while serving. A route takes the current :class:`GraphSnapshot` once, at
the start of the request, and uses only it; the swap replaces the holder's reference in one
assignment. So a request sees the old graph or the new one, never a mix, and the old store stays
open until the last request holding it finishes (then Python closes it). Each snapshot carries its
own answer cache, so a swap invalidates every cached answer at once, without locks.

Example:
    >>> from pyoxigraph import Store
    >>> from graph import as_store
    >>> holder = GraphHolder(GraphSnapshot(as_store(Store()), "g1", "memory"))
    >>> holder.current.generation
    'g1'
    >>> holder.swap(GraphSnapshot(as_store(Store()), "g2", "memory")).generation
    'g1'
"""

from __future__ import annotations

import asyncio
import functools
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Annotated, Any

import networkx as nx
from fastapi import Depends, Request, Response

from api.settings import Settings
from api.workers.engines import Engine, Engines
from graph import Store, citation_network

__all__ = [
    "AnswerCache",
    "Answers",
    "AnswersDep",
    "GraphHolder",
    "GraphSnapshot",
    "SettingsDep",
    "SnapshotDep",
    "get_answers",
    "get_engines",
    "get_settings_dep",
    "get_snapshot",
]


class AnswerCache:
    """A bounded LRU map of serialised answers, owned by one snapshot.

    Bounded twice: at most ``size`` entries and ``max_bytes`` of answers (an answer larger than
    a sixteenth of ``max_bytes`` is not kept), so a crawl of every dependency graph cannot eat
    the memory. Only the event-loop thread touches it (answers computed in worker threads are
    stored after the await), so it needs no lock. ``size == 0`` disables it.

    Example:
        >>> c = AnswerCache(1)
        >>> c.put("a", b"1"); c.put("b", b"2")
        >>> c.get("a") is None, c.get("b")
        (True, b'2')
    """

    def __init__(self, size: int, max_bytes: int = 64 * 2**20) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.bytes = 0
        self._data: OrderedDict[Hashable, bytes] = OrderedDict()
        self.inflight: dict[Hashable, asyncio.Future[bytes]] = {}

    def get(self, key: Hashable) -> bytes | None:
        """The cached answer, or None."""
        value = self._data.get(key)
        if value is not None:
            self._data.move_to_end(key)
        return value

    def put(self, key: Hashable, value: bytes) -> None:
        """Remember an answer, evicting the least recently used beyond the bounds."""
        if self.size <= 0 or len(value) > self.max_bytes // 16:
            return
        old = self._data.pop(key, None)
        if old is not None:
            self.bytes -= len(old)
        self._data[key] = value
        self.bytes += len(value)
        while len(self._data) > self.size or self.bytes > self.max_bytes:
            _, dropped = self._data.popitem(last=False)
            self.bytes -= len(dropped)

    def __len__(self) -> int:
        return len(self._data)


@dataclass(frozen=True)
class GraphSnapshot:
    """One opened build of the graph.

    Attributes:
        store: the opened store (:class:`graph.Store`: embedded or on a SPARQL server), as the
            graph functions, the SPARQL endpoint and the ``/id/`` pages take it.
        generation: identifies the build (changes when the store is rebuilt).
        location: where it was opened from (a directory, or ``memory``).
        opened_at: when it was opened (epoch seconds).
        cache: answers computed from this snapshot.
    """

    store: Store
    generation: str
    location: str
    opened_at: float = field(default_factory=time.time)
    cache: AnswerCache = field(default_factory=lambda: AnswerCache(4096), compare=False)

    @functools.cached_property
    def triples(self) -> int:
        """Quads in the store, counted once (counting walks the whole store)."""
        return len(self.store)

    @functools.cached_property
    def network(self) -> nx.DiGraph:
        """The work-level citation network (networkx), built on first use for this build, when
        the server computes answers itself (a remote store; query workers build their own).

        Why: transitive walks (dependencies/impact at depth > 1) are what SPARQL does badly; on
        the 1M-triple benchmark graph a depth-5 walk takes ~1 s in SPARQL and ~20-35 ms on this
        view, which the graph tests show gives identical answers. It is built once per store
        generation (a few seconds at 1M triples) and dropped with the snapshot on a rebuild.
        """
        return citation_network(self.store)


class GraphHolder:
    """The snapshot being served, swapped atomically when a rebuilt store appears.

    Args:
        snapshot: the first snapshot.
        reload: called by :meth:`refresh` with the current generation; returns a new snapshot
            when the store on disk was rebuilt, else None.
    """

    def __init__(
        self,
        snapshot: GraphSnapshot,
        reload: Callable[[str], GraphSnapshot | None] | None = None,
    ) -> None:
        self._current = snapshot
        self._reload = reload
        self.swaps = 0

    @property
    def current(self) -> GraphSnapshot:
        """The snapshot to use for one whole request."""
        return self._current

    def swap(self, snapshot: GraphSnapshot) -> GraphSnapshot:
        """Serve ``snapshot`` from now on; return the previous one (closed when unreferenced)."""
        previous, self._current = self._current, snapshot
        self.swaps += 1
        return previous

    def fresh(self) -> GraphSnapshot | None:
        """A snapshot of the rebuilt store when there is one (not yet served), else None.

        Blocking (it opens the store): call it through ``asyncio.to_thread``. The server warms
        the new snapshot's workers before it calls :meth:`swap` (see :mod:`api.workers.engines`).
        """
        if self._reload is None:
            return None
        fresh = self._reload(self._current.generation)
        if fresh is None or fresh.generation == self._current.generation:
            return None
        return fresh

    def refresh(self) -> bool:
        """Swap in a rebuilt store if there is one, unwarmed; True when a swap happened."""
        fresh = self.fresh()
        if fresh is None:
            return False
        self.swap(fresh)
        return True


async def get_snapshot(request: Request) -> GraphSnapshot:
    """The snapshot for this request (taken once; see the module docstring).

    Example:
        >>> async def route(snapshot: SnapshotDep) -> int:  # how routes ask for it
        ...     return len(snapshot.store)
    """
    taken: GraphSnapshot | None = request.scope.get("resgraph.snapshot")
    if taken is not None:
        return taken
    holder: GraphHolder = request.app.state.graph
    return holder.current


async def get_settings_dep(request: Request) -> Settings:
    """The settings the app was built with."""
    settings: Settings = request.app.state.settings
    return settings


async def get_engines(request: Request) -> Engines:
    """The app's query workers (:class:`api.workers.engines.Engines`)."""
    engines: Engines = request.app.state.engines
    return engines


class Answers:
    """The snapshot of one request and the workers that compute answers from it.

    Why one object: a REST route needs both, always together — the snapshot's cache (a hit
    costs one dictionary lookup) and, on a miss, the snapshot's worker processes, which compute
    the answer under the REST timeout (:mod:`api.workers`). Identical requests arriving while an
    answer is computed wait for that one computation instead of starting their own.

    Example:
        >>> async def route(answers: AnswersDep) -> Response:  # how routes ask for it
        ...     return await answers.json(("conferences",), "conferences")
    """

    def __init__(self, snapshot: GraphSnapshot, engines: Engines) -> None:
        self.snapshot = snapshot
        self.engines = engines

    @property
    def engine(self) -> Engine:
        """The workers of this request's snapshot."""
        return self.engines.get(self.snapshot)

    async def json(self, key: Hashable, task: str, **kwargs: Any) -> Response:
        """The JSON answer of ``task`` (see :mod:`api.workers.tasks`), cached under ``key``.

        Raises:
            api.workers.pool.WorkerFailure: the computation's error (404, 422) or a limit (503).
        """
        cache = self.snapshot.cache
        body = cache.get(key)
        if body is None:
            pending = cache.inflight.get(key)
            if pending is None:
                pending = asyncio.ensure_future(self.engine.task(task, kwargs))
                cache.inflight[key] = pending
                pending.add_done_callback(lambda _: cache.inflight.pop(key, None))
            body = await asyncio.shield(pending)
            cache.put(key, body)
        return Response(body, media_type="application/json")


async def get_answers(request: Request) -> Answers:
    """The :class:`Answers` of this request."""
    return Answers(await get_snapshot(request), await get_engines(request))


SnapshotDep = Annotated[GraphSnapshot, Depends(get_snapshot)]
SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
AnswersDep = Annotated[Answers, Depends(get_answers)]
