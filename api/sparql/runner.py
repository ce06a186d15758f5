"""Run SPARQL evaluations sent to a remote store in a small, bounded pool of threads.

Why threads here: with a remote store (a SPARQL server) the evaluation happens on that server and
this process only waits for it, so a thread is enough; the embedded store's evaluations run in
killable worker processes instead (:mod:`api.workers`). The query text is checked in a worker
first either way.

What the timeout guarantees:

* the client gets its answer — the result, or a 503 ``query_timeout`` error — no later than
  ``timeout`` seconds (plus scheduling noise) after its evaluation started;
* a timed-out evaluation is told to stop and does so at the next solution it produces;
* an evaluation stuck in one long step that yields no row (a huge ORDER BY or GROUP BY) cannot be
  killed from Python: it keeps its worker slot until that step ends, so at most ``workers`` such
  evaluations exist at once, and while every slot is held new queries are refused at once with
  503 ``busy`` (and ``Retry-After``) rather than queued without bound.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from api.sparql.execute import SparqlFailure

__all__ = ["SparqlRunner"]

T = TypeVar("T")


class SparqlRunner:
    """A bounded worker pool with per-call deadlines.

    Args:
        workers: evaluations allowed at once (abandoned ones included).
        queue_wait: seconds a call may wait for a free slot before it is refused as busy.

    Example:
        >>> import asyncio, threading
        >>> runner = SparqlRunner(workers=1)
        >>> asyncio.run(runner.run(lambda cancel: 6 * 7, timeout=1.0))
        42
        >>> runner.close()
    """

    def __init__(self, workers: int = 2, queue_wait: float = 2.0) -> None:
        if workers < 1:
            raise ValueError(f"workers must be >= 1, got {workers}")
        self.workers = workers
        self.queue_wait = queue_wait
        self._slots = threading.BoundedSemaphore(workers)
        self._lock = threading.Lock()
        self._held = 0
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="sparql")

    def busy(self) -> int:
        """Slots held right now (running or abandoned evaluations)."""
        with self._lock:
            return self._held

    def _take(self) -> bool:
        if not self._slots.acquire(blocking=False):
            return False
        with self._lock:
            self._held += 1
        return True

    def _give(self) -> None:
        with self._lock:
            self._held -= 1
        self._slots.release()

    async def _acquire(self) -> None:
        loop = asyncio.get_running_loop()
        give_up = loop.time() + self.queue_wait
        while not self._take():
            if loop.time() >= give_up:
                raise SparqlFailure(
                    503,
                    "busy",
                    f"all {self.workers} SPARQL workers are busy (long queries still running); "
                    "retry in a moment",
                )
            await asyncio.sleep(0.005)

    async def run(self, fn: Callable[[threading.Event], T], timeout: float) -> T:
        """Call ``fn(cancel)`` in a worker; answer within ``timeout`` seconds whatever it does.

        Raises:
            SparqlFailure: 503 ``busy`` when no slot frees up in time, 503 ``query_timeout`` when
                ``fn`` has not returned after ``timeout`` seconds (``cancel`` is then set).
        """
        await self._acquire()
        cancel = threading.Event()

        def job() -> T:
            try:
                return fn(cancel)
            finally:
                self._give()

        try:
            future = self._pool.submit(job)
        except RuntimeError:
            self._give()
            raise
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout)
        except TimeoutError:
            cancel.set()
            raise SparqlFailure(
                503,
                "query_timeout",
                f"query did not finish within {timeout:g} s; narrow it (a LIMIT, more specific "
                "patterns) and try again",
            ) from None

    def close(self) -> None:
        """Stop accepting work; running evaluations finish in the background."""
        self._pool.shutdown(wait=False, cancel_futures=True)
