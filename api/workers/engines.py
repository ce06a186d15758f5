"""The query workers of each served snapshot: started, warmed before a swap, retired after.

Why per snapshot: a worker opens one generation of the store read-only and keeps it (with the
snapshot index: citation network, search index, assignment and outdated tables, counts) for its
whole life, so a rebuilt store gets workers of its own. They are started and warmed — store
touched, index built once and handed to the other workers — *before* the snapshot is swapped
in (:meth:`Engines.prepare`), so the first requests after a swap find them ready; the old
snapshot's workers are retired once nobody has used them for a while.

A remote store (a SPARQL server) evaluates on that server: its SPARQL queries are still checked
in a worker (the parse is the part that must not crash the server), then sent from a thread with
the deadline of :class:`~api.sparql.runner.SparqlRunner`; its REST computations run in threads
with the REST timeout.

Example:
    >>> engines = Engines(Settings())  # doctest: +SKIP
    >>> await engines.get(snapshot).task("conferences", {})  # doctest: +SKIP
    b'[...]'
"""

from __future__ import annotations

import asyncio
import hashlib
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from starlette.concurrency import run_in_threadpool

from api.settings import Settings
from api.sparql.execute import SparqlAnswer, SparqlFailure, SparqlRequest, evaluate
from api.sparql.guard import QueryShape
from api.sparql.runner import SparqlRunner
from api.workers.pool import WorkerFailure, WorkerPool
from api.workers.protocol import Failure, Job, StoreSource, WorkerConfig
from graph import parse_store_url

if TYPE_CHECKING:
    from api.deps import GraphSnapshot

__all__ = ["Engine", "Engines", "source_of"]

# A worker's evaluation gets this much longer than the query's own deadline: it stops itself at
# the deadline between rows (a clean 503), and is killed only if stuck in one long step.
GRACE_SECONDS = 1.0
ALLOWED_TEXTS = 4096
#: Answers computed while a snapshot is warmed (cache key of the route, task, arguments).
PREFILL: tuple[tuple[tuple[Any, ...], str, dict[str, Any]], ...] = (
    (("conferences",), "conferences", {}),
    (("stats", 10), "stats", {"top": 10}),
)


def source_of(snapshot: GraphSnapshot) -> StoreSource | None:
    """How a worker opens ``snapshot``'s store; None for a remote store.

    An on-disk generation is opened by path (the Oxigraph directory of the very generation the
    snapshot holds, not whatever is current by then); a store held only in this process (tests,
    notebooks) is handed over as N-Quads.
    """
    store = snapshot.store
    if parse_store_url(store.location) is not None:
        return None
    base, gen = store.base, store.generation
    root = None if store.location == "memory" else store.location
    path = getattr(store, "path", None)  # an embedded generation's Oxigraph directory
    if path is not None and (Path(path) / "CURRENT").is_file():
        return StoreSource(f"dir:{path}:{gen}", root, str(path), gen, base)
    dump = store.snapshot().dump(format=ox.RdfFormat.N_QUADS)
    return StoreSource(f"mem:{id(store)}", root, None, gen, base, dump=dump)


def _timeout(seconds: float) -> Failure:
    return Failure(
        503,
        "query_timeout",
        f"query did not finish within {seconds:g} s; narrow it (a LIMIT, more specific "
        "patterns) and try again",
    )


def _rest_timeout(seconds: float) -> Failure:
    return Failure(
        503,
        "timeout",
        f"the answer took longer than {seconds:g} s to compute and was abandoned; retry later or "
        "narrow the request",
    )


@dataclass
class _Allowed:
    """Digests of query texts that passed the parsed check, with what the parse found (a
    repeated query skips the parse)."""

    size: int = ALLOWED_TEXTS
    digests: OrderedDict[bytes, QueryShape] = field(default_factory=OrderedDict)

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()

    def __contains__(self, key: bytes) -> bool:
        return key in self.digests

    def get(self, key: bytes) -> QueryShape | None:
        return self.digests.get(key)

    def add(self, key: bytes, shape: QueryShape) -> None:
        self.digests[key] = shape
        self.digests.move_to_end(key)
        while len(self.digests) > self.size:
            self.digests.popitem(last=False)


class Engine:
    """The workers of one snapshot."""

    def __init__(self, snapshot: GraphSnapshot, settings: Settings, allowed: _Allowed) -> None:
        self.snapshot = snapshot
        self.settings = settings
        self.allowed = allowed
        self.last_used = time.monotonic()
        self.active = 0
        source = source_of(snapshot)
        self.remote = source is None
        space = settings.worker_address_space_mb
        memory = settings.worker_memory_mb
        if source is None:  # the parse check only: an empty store
            source = StoreSource("check", None, None, 0, snapshot.store.base, dump=b"")
            self.sparql = WorkerPool(WorkerConfig("sparql", source, space), 1, memory)
            self.runner: SparqlRunner | None = SparqlRunner(
                settings.sparql_workers, settings.sparql_queue_wait
            )
            self.rest: WorkerPool | None = None
            self._threads = asyncio.Semaphore(settings.rest_workers)
        else:
            self.sparql = WorkerPool(
                WorkerConfig("sparql", source, space), settings.sparql_workers, memory
            )
            self.rest = WorkerPool(
                WorkerConfig("rest", source, space), settings.rest_workers, memory
            )
            self.runner = None

    @property
    def pools(self) -> list[WorkerPool]:
        """The worker pools of this engine."""
        return [p for p in (self.sparql, self.rest) if p is not None]

    async def warm(self, network: bool = True) -> None:
        """Start every worker and prepare it: the store touched, the snapshot index (the citation
        network, the search index, the assignment and outdated tables, the counts: see
        :func:`graph.snapshot_index`) built once in one REST worker and adopted by the others,
        the answers of :data:`PREFILL` cached."""
        if self.rest is not None:
            await self.rest.start(1)
            built = await self.rest.run(
                Job("warm", network),
                timeout=max(self.settings.rest_timeout, 600.0),
                queue_wait=60.0,
                on_timeout=_rest_timeout(600.0),
            )
            self.rest.adopt_network(built)
            await self.rest.start()
            await asyncio.gather(*(self._prefill(key, task, kw) for key, task, kw in PREFILL))
        await self.sparql.start()
        await run_in_threadpool(lambda: self.snapshot.triples)

    async def _prefill(self, key: tuple[Any, ...], task: str, kwargs: dict[str, Any]) -> None:
        """Compute one of the answers every client asks for first into the snapshot's cache
        (on the 1M-triple graph ``/stats`` takes ~9 s: paid here, before the swap)."""
        assert self.rest is not None
        try:
            body = await self.rest.run(
                Job("task", (task, kwargs)),
                timeout=max(self.settings.rest_timeout, 600.0),
                queue_wait=600.0,
                on_timeout=_rest_timeout(600.0),
            )
        except WorkerFailure:
            return  # an answer that fails is computed (and reported) on request
        self.snapshot.cache.put(key, body)

    async def sparql_answer(self, request: SparqlRequest) -> SparqlAnswer:
        """Check and evaluate one SPARQL request within the settings' limits.

        Raises:
            WorkerFailure: a refusal (403), a malformed query (400), a limit (503)...
        """
        settings = self.settings
        key = self.allowed.key(request.query)
        self._touch()
        try:
            shape = self.allowed.get(key)
            if self.runner is not None:  # remote: check in a worker, evaluate on the server
                if shape is None:
                    shape = await self.sparql.run(
                        Job("check", request.query),
                        timeout=settings.sparql_timeout,
                        queue_wait=settings.sparql_queue_wait,
                        on_timeout=_timeout(settings.sparql_timeout),
                    )
                checked: QueryShape = shape
                store = self.snapshot.store
                answer: SparqlAnswer = await self.runner.run(
                    lambda cancel: evaluate(
                        store,
                        request,
                        timeout=settings.sparql_timeout,
                        max_rows=settings.sparql_max_rows,
                        cancel=cancel,
                        query_dataset=checked.has_dataset,
                    ),
                    timeout=settings.sparql_timeout,
                )
            else:
                answer = await self.sparql.run(
                    Job(
                        "sparql",
                        (
                            request,
                            settings.sparql_timeout,
                            settings.sparql_max_rows,
                            shape,
                        ),
                    ),
                    timeout=settings.sparql_timeout + GRACE_SECONDS,
                    queue_wait=settings.sparql_queue_wait,
                    on_timeout=_timeout(settings.sparql_timeout),
                )
        except SparqlFailure as exc:
            raise WorkerFailure(Failure(exc.status, exc.code, exc.message)) from None
        finally:
            self._done()
        if shape is None:  # checked by the worker that evaluated it
            shape = QueryShape(answer.form, answer.query_dataset)
        self.allowed.add(key, shape)
        return answer

    async def task(self, name: str, kwargs: dict[str, Any]) -> bytes:
        """The JSON bytes of one REST computation (see :mod:`api.workers.tasks`).

        Raises:
            WorkerFailure: the computation's own error (404, 422) or a limit (503).
        """
        settings = self.settings
        self._touch()
        try:
            if self.rest is not None:
                body: bytes = await self.rest.run(
                    Job("task", (name, kwargs)),
                    timeout=settings.rest_timeout,
                    queue_wait=settings.sparql_queue_wait,
                    on_timeout=_rest_timeout(settings.rest_timeout),
                )
                return body
            return await self._task_in_thread(name, kwargs)
        finally:
            self._done()

    async def _task_in_thread(self, name: str, kwargs: dict[str, Any]) -> bytes:
        from api.workers.tasks import failure_of, run_task

        store = self.snapshot.store

        def compute() -> bytes:
            return run_task(name, store, lambda: self.snapshot.network, kwargs)

        try:
            async with asyncio.timeout(self.settings.sparql_queue_wait):
                await self._threads.acquire()
        except TimeoutError:
            raise WorkerFailure(
                Failure(503, "busy", "every REST worker is busy; retry in a moment")
            ) from None
        try:
            async with asyncio.timeout(self.settings.rest_timeout):
                return await run_in_threadpool(compute)
        except TimeoutError:
            raise WorkerFailure(_rest_timeout(self.settings.rest_timeout)) from None
        except Exception as exc:
            failure = failure_of(exc)
            if failure is None:
                raise
            raise WorkerFailure(failure) from None
        finally:
            self._threads.release()

    def _touch(self) -> None:
        self.active += 1
        self.last_used = time.monotonic()

    def _done(self) -> None:
        self.active -= 1
        self.last_used = time.monotonic()

    def close(self) -> None:
        """Kill this snapshot's workers."""
        for pool in self.pools:
            pool.close()
        if self.runner is not None:
            self.runner.close()


class Engines:
    """Every snapshot's :class:`Engine`, by snapshot; the app keeps one in ``app.state``.

    Args:
        settings: limits and pool sizes.
        retire_after: seconds an engine whose snapshot is no longer served stays alive after
            its last use (requests that took the old snapshot finish on it).
    """

    def __init__(self, settings: Settings, retire_after: float | None = None) -> None:
        self.settings = settings
        self.retire_after = (
            retire_after
            if retire_after is not None
            else max(settings.sparql_timeout, settings.rest_timeout) + 30.0
        )
        self._engines: dict[int, Engine] = {}
        self._allowed = _Allowed()

    def get(self, snapshot: GraphSnapshot) -> Engine:
        """The engine of ``snapshot`` (created on first use; its workers start on demand)."""
        engine = self._engines.get(id(snapshot))
        if engine is None or engine.snapshot is not snapshot:
            engine = Engine(snapshot, self.settings, self._allowed)
            self._engines[id(snapshot)] = engine
        return engine

    async def prepare(self, snapshot: GraphSnapshot) -> Engine:
        """Start and warm the workers of ``snapshot`` (before it is served)."""
        engine = self.get(snapshot)
        await engine.warm()
        return engine

    def retire(self, current: GraphSnapshot) -> int:
        """Close the engines of snapshots other than ``current`` unused for ``retire_after``
        seconds; returns how many were closed."""
        now = time.monotonic()
        closed = 0
        for key, engine in list(self._engines.items()):
            if engine.snapshot is current or engine.active:
                continue
            if now - engine.last_used >= self.retire_after:
                engine.close()
                del self._engines[key]
                closed += 1
        return closed

    def engines(self) -> list[Engine]:
        """The live engines."""
        return list(self._engines.values())

    def close(self) -> None:
        """Close every engine (the app is stopping)."""
        for engine in self._engines.values():
            engine.close()
        self._engines.clear()
