"""What the server and its query workers say to each other (pickled over a pipe).

Why plain frozen dataclasses: a message must mean the same on both sides of the pipe and carry
no live object (no store handle, no exception with a traceback holding engine results), so a
worker's answer is either a value or a :class:`Failure` with an HTTP status, a stable code and a
message written for the client.

Example:
    >>> Failure(503, "query_timeout", "too slow").status
    503
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Failure", "Job", "StoreSource", "WorkerConfig"]


@dataclass(frozen=True)
class StoreSource:
    """Which store a worker opens, read-only.

    Attributes:
        key: identity of the snapshot (a worker serves one source for its whole life).
        root: the store directory (None for a store held in memory by the server).
        path: the Oxigraph database to open (a generation directory), or None.
        generation: the generation number.
        base: the base IRI the graph was minted with.
        dump: N-Quads of a store the server holds only in memory (tests, notebooks).
    """

    key: str
    root: str | None
    path: str | None
    generation: int
    base: str
    dump: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class WorkerConfig:
    """How to start one worker.

    Attributes:
        role: ``sparql`` (evaluates protocol queries) or ``rest`` (runs the REST graph functions).
        source: the store it serves.
        address_space_mb: its ``RLIMIT_AS``.
        network: a pickled :class:`graph.SnapshotIndex` (or bare citation network) to adopt
            instead of building it (warm start).
    """

    role: str
    source: StoreSource
    address_space_mb: int
    network: bytes | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Job:
    """One unit of work: ``kind`` names the handler in the worker, ``payload`` its arguments."""

    kind: str
    payload: Any = None


@dataclass(frozen=True)
class Failure:
    """A job that did not produce a value: what the client is told.

    Attributes:
        status: the HTTP status.
        code: a stable machine code (``query_timeout``, ``memory_limit``, ``not_found``...).
        message: one sentence for a person; never quotes anything fetched from elsewhere.
        suggestions: "did you mean" identifiers (404s of unknown resolutions).
        retire: the worker must not be used again (it hit a memory error).
    """

    status: int
    code: str
    message: str
    suggestions: tuple[str, ...] = ()
    retire: bool = False
