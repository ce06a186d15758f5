"""The server side of the query workers: a small pool of processes, killed and replaced at will.

Why processes and not threads: a thread cannot be stopped from outside, so a query stuck in one
long step of the engine kept its slot and its CPU for hours, and a crash of the engine's parser
took the whole server down. A process can be killed, and its death is only its own. So every
evaluation runs in a worker (:mod:`api.workers.child`), and this pool:

* starts workers on demand up to ``size`` (from a fork server that has the engine, the parser
  and the graph functions preloaded, so a start costs milliseconds, not a Python start-up);
* sends one job at a time to an idle worker and waits in a thread of its own, checking every
  50 ms the deadline and the worker's resident memory (``/proc/PID/statm``); past either, the
  worker is SIGKILLed and the caller gets a 503 that says which limit was hit;
* notices a worker that died (a crash, ``RLIMIT_AS``) and answers 503 ``query_aborted``;
* replaces every lost worker in the background, so the pool is whole again within a moment;
* refuses at once with 503 ``busy`` when every worker stays busy for ``queue_wait`` seconds.

Workers die with the fork server, which dies with the server (``PR_SET_PDEATHSIG``), so no
evaluation outlives a killed server.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import os
import time
from collections import deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from multiprocessing.connection import Connection
from typing import Any

from api.workers.protocol import Failure, Job, WorkerConfig

__all__ = ["WorkerFailure", "WorkerPool"]

POLL_SECONDS = 0.05
_PAGE = os.sysconf("SC_PAGE_SIZE")


class WorkerFailure(Exception):
    """A job answered with a :class:`~api.workers.protocol.Failure` (raised to the route)."""

    def __init__(self, failure: Failure) -> None:
        super().__init__(failure.message)
        self.failure = failure


def _worker_main(conn: Connection, config: WorkerConfig) -> None:
    """Process target: imports the worker module only in the worker (the server stays light)."""
    from api.workers.child import main

    main(conn, config)


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["api.workers.child"])
    return ctx


class _Worker:
    """One live worker process and its end of the pipe (used by one thread at a time)."""

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.pid: int = process.pid
        self.peak_rss = 0
        self.dead = False

    @classmethod
    def start(cls, config: WorkerConfig, timeout: float) -> _Worker:
        """Start a worker and wait for its ``ready`` (blocking).

        Raises:
            WorkerFailure: when it fails to confine itself, to open the store or to answer.
        """
        ctx = _context()
        ours, theirs = ctx.Pipe(duplex=True)
        process = ctx.Process(
            target=_worker_main, args=(theirs, config), daemon=True, name=f"rg-{config.role}"
        )
        process.start()
        theirs.close()
        worker = cls(process, ours)
        try:
            if ours.poll(timeout):
                message = ours.recv()
                if message[0] == "ready":
                    return worker
                failure = message[1]
            else:
                failure = Failure(503, "worker_unavailable", "a query worker did not start")
        except (EOFError, OSError):
            failure = Failure(503, "worker_unavailable", "a query worker died while starting")
        worker.kill()
        raise WorkerFailure(failure)

    def rss(self) -> int:
        """Resident memory in bytes (0 once gone)."""
        try:
            with open(f"/proc/{self.pid}/statm", "rb") as fh:
                return int(fh.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def call(self, job: Job, timeout: float, rss_limit: int, on_timeout: Failure) -> Any:
        """Send ``job`` and wait for the answer (blocking); kill the worker past a limit.

        Returns:
            ``("ok", value)`` or ``("fail", Failure)``.
        """
        try:
            self.conn.send(job)
        except (OSError, ValueError):
            self.kill()
            return "fail", _aborted(None)
        deadline = time.monotonic() + timeout
        while True:
            if self.conn.poll(max(0.0, min(POLL_SECONDS, deadline - time.monotonic()))):
                try:
                    reply = self.conn.recv()
                except (EOFError, OSError):
                    break
                if reply[0] == "fail" and reply[1].retire:
                    self.kill()
                return reply
            rss = self.rss()
            self.peak_rss = max(self.peak_rss, rss)
            if rss > rss_limit:
                self.kill()
                return "fail", Failure(
                    503,
                    "memory_limit",
                    f"the query needed more than {rss_limit // 2**20} MiB and was stopped; "
                    "narrow it (a LIMIT, more specific patterns) and try again",
                )
            if time.monotonic() > deadline:
                self.kill()
                return "fail", on_timeout
            if not self.process.is_alive():
                break
        self.process.join(1)  # the pipe closed as it died: reap it to learn how
        code = self.process.exitcode
        self.kill()
        return "fail", _aborted(code)

    def kill(self) -> None:
        """SIGKILL the process and reap it (idempotent)."""
        self.dead = True
        with contextlib.suppress(Exception):
            self.process.kill()
            self.process.join(5)
        with contextlib.suppress(Exception):
            self.conn.close()


def _aborted(exitcode: int | None) -> Failure:
    how = f" (signal {-exitcode})" if exitcode is not None and exitcode < 0 else ""
    return Failure(
        503,
        "query_aborted",
        f"the evaluation was stopped{how}: it exceeded a worker's memory or crashed the query "
        "engine; the server is fine, narrow the query and try again",
    )


class WorkerPool:
    """Up to ``size`` workers of one role over one store.

    Args:
        config: how to start a worker.
        size: workers at most.
        memory_mb: resident memory a worker may reach before it is killed.
        start_timeout: seconds a worker may take to start.

    Example:
        >>> pool = WorkerPool(config, size=2, memory_mb=1024)  # doctest: +SKIP
        >>> await pool.run(Job("check", "ASK {}"), timeout=5, queue_wait=1, on_timeout=f)
        ... # doctest: +SKIP
        'ask'
    """

    def __init__(
        self, config: WorkerConfig, size: int, memory_mb: int, *, start_timeout: float = 60.0
    ) -> None:
        if size < 1:
            raise ValueError(f"a worker pool needs at least 1 worker, got {size}")
        self.config = config
        self.size = size
        self.rss_limit = memory_mb * 2**20
        self.start_timeout = start_timeout
        self.replaced = 0
        self.closed = False
        self._idle: list[_Worker] = []
        self._all: set[_Worker] = set()
        self._live = 0  # started or starting
        self._waiters: deque[asyncio.Future[None]] = deque()
        self._calls = ThreadPoolExecutor(max_workers=size, thread_name_prefix=f"{config.role}-call")
        # One long-lived thread starts every worker: PR_SET_PDEATHSIG follows the thread that
        # forked, so it must outlive the workers it starts.
        self._spawner = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"{config.role}-spawn")

    @property
    def pids(self) -> list[int]:
        """Process ids of the live workers."""
        return sorted(w.pid for w in self._all if not w.dead)

    @property
    def peak_rss(self) -> int:
        """The highest resident memory seen in any live worker during a job (bytes)."""
        return max((w.peak_rss for w in self._all), default=0)

    def adopt_network(self, network: bytes | None) -> None:
        """Workers started from now on take this pickled snapshot index (or citation network)
        instead of building it."""
        self.config = replace(self.config, network=network)

    async def start(self, count: int | None = None) -> list[int]:
        """Start workers up to ``count`` (default: ``size``) now; returns their pids."""
        want = min(self.size, self.size if count is None else count)
        while self._live < want and not self.closed:
            self._live += 1
            try:
                worker = await self._spawn()
            except BaseException:
                self._live -= 1
                raise
            self._idle.append(worker)
            self._wake()
        return self.pids

    async def _spawn(self) -> _Worker:
        loop = asyncio.get_running_loop()
        worker: _Worker = await loop.run_in_executor(
            self._spawner, _Worker.start, self.config, self.start_timeout
        )
        self._all.add(worker)
        return worker

    def _wake(self) -> None:
        while self._waiters:
            waiter = self._waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    async def _acquire(self, queue_wait: float) -> _Worker:
        loop = asyncio.get_running_loop()
        give_up = loop.time() + queue_wait
        while True:
            if self.closed:
                raise WorkerFailure(
                    Failure(503, "unavailable", "the server switched stores; retry the request")
                )
            if self._idle:
                return self._idle.pop()
            if self._live < self.size:
                self._live += 1
                try:
                    return await self._spawn()
                except BaseException:
                    self._live -= 1
                    self._wake()
                    raise
            remaining = give_up - loop.time()
            if remaining <= 0:
                raise WorkerFailure(
                    Failure(
                        503,
                        "busy",
                        f"all {self.size} {self.config.role} workers are busy; retry in a moment",
                    )
                )
            waiter: asyncio.Future[None] = loop.create_future()
            self._waiters.append(waiter)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(waiter, remaining)

    def _release(self, worker: _Worker) -> None:
        if not worker.dead and not self.closed:
            self._idle.append(worker)
            self._wake()
            return
        self._all.discard(worker)
        self._live -= 1
        if self.closed:
            worker.kill()
            return
        self.replaced += 1
        self._wake()
        if self._live < self.size:  # whole again soon, before anyone waits for it
            asyncio.get_running_loop().create_task(self._replace())

    async def _replace(self) -> None:
        with contextlib.suppress(Exception):
            await self.start(self._live + 1)

    async def run(self, job: Job, *, timeout: float, queue_wait: float, on_timeout: Failure) -> Any:
        """Run ``job`` in a worker and return its value.

        Raises:
            WorkerFailure: the job's own failure (a refused query, a 404...), or the pool's:
                ``busy``, ``memory_limit``, ``query_aborted`` or ``on_timeout``.
        """
        worker = await self._acquire(queue_wait)
        loop = asyncio.get_running_loop()
        future = self._calls.submit(worker.call, job, timeout, self.rss_limit, on_timeout)

        def release(_: object) -> None:  # in the call thread, whether or not anyone still waits
            loop.call_soon_threadsafe(self._release, worker)

        future.add_done_callback(release)
        kind, value = await asyncio.wrap_future(future)
        if kind == "ok":
            return value
        raise WorkerFailure(value)

    def close(self) -> None:
        """Kill every worker (busy ones as their job ends) and stop accepting jobs."""
        self.closed = True
        for worker in self._idle:
            worker.kill()
        self._idle.clear()
        self._spawner.shutdown(wait=False)
        self._calls.shutdown(wait=False)
