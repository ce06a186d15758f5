"""A small, bounded HTTP/1.1 load generator for loopback benchmarks of the API.

Why our own: the benchmark must run on a bare 2-core machine with nothing but the project installed,
and the tools people reach for (wrk, ab, locust) are either absent or far heavier than the server
they measure. This one speaks just enough HTTP/1.1 (keep-alive GETs with a Content-Length or chunked
body) over asyncio streams to saturate a single uvicorn worker, and it records every latency.

Why bounded and loopback-only: a load generator is a weapon pointed at whatever address it gets.
:func:`run_load` refuses any host that does not resolve to a loopback address, and every run is
capped both in requests (:data:`MAX_REQUESTS`) and in wall time (:data:`MAX_SECONDS`); it stops by
itself at whichever bound comes first.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

__all__ = ["MAX_REQUESTS", "MAX_SECONDS", "LoadResult", "percentile", "run_load"]

MAX_REQUESTS = 500_000
MAX_SECONDS = 120.0


@dataclass(frozen=True)
class LoadResult:
    """What one load run measured.

    Attributes:
        requests: responses received (any status).
        errors: responses with a status >= 500, plus connection failures.
        seconds: wall time from the first request to the last response.
        latencies_ms: one latency per response, in milliseconds, in completion order.
        statuses: count of responses per HTTP status.
    """

    requests: int
    errors: int
    seconds: float
    latencies_ms: tuple[float, ...] = field(repr=False)
    statuses: dict[int, int]

    @property
    def rps(self) -> float:
        """Responses per second over the run."""
        return self.requests / self.seconds if self.seconds > 0 else 0.0

    def p(self, q: float) -> float:
        """The ``q``-th percentile latency in ms (``q`` in 0..100)."""
        return percentile(self.latencies_ms, q)


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile, the definition load tools report.

    Example:
        >>> percentile([1.0, 2.0, 3.0, 4.0], 50)
        2.0
        >>> percentile([1.0, 2.0, 3.0, 4.0], 99)
        4.0
    """
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), int(-(-q * len(ordered) // 100))))
    return ordered[rank - 1]


def _check_loopback(host: str) -> None:
    """Refuse any target that is not this machine's loopback interface."""
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror as exc:
        raise ValueError(f"load target {host!r} does not resolve: {exc}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_loopback:
            raise ValueError(
                f"load target {host!r} resolves to {address}, which is not a loopback address; "
                "the load generator only targets 127.0.0.0/8 or ::1"
            )


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response and return its status; the body is read and discarded."""
    head = await reader.readuntil(b"\r\n\r\n")
    status = int(head[9:12])
    length = -1
    chunked = False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        lname = name.strip().lower()
        if lname == b"content-length":
            length = int(value)
        elif lname == b"transfer-encoding" and b"chunked" in value.lower():
            chunked = True
    if chunked:
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length > 0:
        await reader.readexactly(length)
    return status


async def _worker(
    host: str,
    port: int,
    requests: list[bytes],
    offset: int,
    budget: _Budget,
    latencies: list[float],
    statuses: Counter[int],
) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    i = offset
    try:
        while budget.take():
            payload = requests[i % len(requests)]
            i += 1
            t0 = time.perf_counter()
            writer.write(payload)
            status = await _read_response(reader)
            latencies.append((time.perf_counter() - t0) * 1000.0)
            statuses[status] += 1
    finally:
        writer.close()


class _Budget:
    """Shared request and time budget of one run (no locks: asyncio runs one task at a time)."""

    def __init__(self, total: int, deadline: float) -> None:
        self.left = total
        self.deadline = deadline

    def take(self) -> bool:
        if self.left <= 0 or time.perf_counter() >= self.deadline:
            return False
        self.left -= 1
        return True


async def _run(
    host: str,
    port: int,
    paths: Sequence[str],
    total: int,
    concurrency: int,
    seconds: float,
    headers: dict[str, str],
) -> LoadResult:
    extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
    requests = [
        f"GET {p} HTTP/1.1\r\nHost: {host}:{port}\r\n{extra}\r\n".encode("ascii") for p in paths
    ]
    latencies: list[float] = []
    statuses: Counter[int] = Counter()
    started = time.perf_counter()
    budget = _Budget(total, started + seconds)
    results = await asyncio.gather(
        *(
            _worker(host, port, requests, n, budget, latencies, statuses)
            for n in range(concurrency)
        ),
        return_exceptions=True,
    )
    elapsed = time.perf_counter() - started
    failures = sum(1 for r in results if isinstance(r, BaseException))
    errors = failures + sum(c for s, c in statuses.items() if s >= 500)
    return LoadResult(
        requests=len(latencies),
        errors=errors,
        seconds=elapsed,
        latencies_ms=tuple(latencies),
        statuses=dict(statuses),
    )


def run_load(
    port: int,
    paths: Sequence[str],
    *,
    host: str = "127.0.0.1",
    total: int = 10_000,
    concurrency: int = 16,
    seconds: float = 10.0,
    headers: dict[str, str] | None = None,
) -> LoadResult:
    """Send ``total`` keep-alive GETs (round-robin over ``paths``) to a loopback server.

    Why round-robin over several paths: a benchmark that asks for one URL measures a cache; a
    rotation of real lookups measures the routes.

    Args:
        port: TCP port of the server.
        paths: request targets, e.g. ``["/resolutions/wtsa/44"]`` (percent-encoded already).
        host: a name or address that must resolve to loopback only.
        total: number of requests, at most :data:`MAX_REQUESTS`.
        concurrency: number of connections, each sending one request at a time.
        seconds: wall-time bound of the run, at most :data:`MAX_SECONDS`.
        headers: extra request headers (e.g. ``{"Accept": "application/json"}``).

    Returns:
        The :class:`LoadResult`; the run stops at whichever of ``total`` and ``seconds`` comes
        first.

    Raises:
        ValueError: for a non-loopback host, an empty path list or out-of-bounds limits.

    Example:
        >>> run_load(8000, ["/health"], host="10.0.0.1")
        Traceback (most recent call last):
        ...
        ValueError: load target '10.0.0.1' resolves to 10.0.0.1, which is not a loopback ...
    """
    if not paths:
        raise ValueError("run_load needs at least one path")
    if any(not p.startswith("/") for p in paths):
        raise ValueError("paths must be origin-form request targets starting with '/'")
    if not 0 < total <= MAX_REQUESTS:
        raise ValueError(f"total must be in 1..{MAX_REQUESTS}, got {total}")
    if not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"seconds must be in (0, {MAX_SECONDS}], got {seconds}")
    if not 0 < concurrency <= 256:
        raise ValueError(f"concurrency must be in 1..256, got {concurrency}")
    _check_loopback(host)
    return asyncio.run(_run(host, port, paths, total, concurrency, seconds, headers or {}))
