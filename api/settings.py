"""Settings of resgraph, read from the environment in one place.

Why one place: STYLE.md says nothing else reads the environment; the CLI, the API and the notebooks
all take a :class:`Settings` object, so a test can build one with explicit values.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from graph import DEFAULT_BASE

__all__ = ["Settings", "get_settings"]


@dataclass(frozen=True)
class Settings:
    """Configuration values with their environment variable names.

    Attributes:
        store: directory of the on-disk store (``RESGRAPH_STORE``, default ``data/store``).
        corpus: directory of the default corpus (``RESGRAPH_CORPUS``, default ``data/corpus``).
        base_iri: base of minted IRIs (``RESGRAPH_BASE``).
        host: bind address of ``resgraph serve`` (``RESGRAPH_HOST``).
        port: port of ``resgraph serve`` (``RESGRAPH_PORT``).
        sparql_timeout: seconds before a SPARQL query is abandoned (``RESGRAPH_SPARQL_TIMEOUT``).
        sparql_max_rows: result-size cap of the SPARQL endpoint (``RESGRAPH_SPARQL_MAX_ROWS``).
        sparql_max_query_chars: longest SPARQL query text accepted
            (``RESGRAPH_SPARQL_MAX_QUERY_CHARS``).
        sparql_workers: SPARQL evaluations allowed at once, counting timed-out ones still running
            (``RESGRAPH_SPARQL_WORKERS``).
        sparql_queue_wait: seconds a query (SPARQL or REST) waits for a free worker before a
            503 "busy" (``RESGRAPH_SPARQL_QUEUE_WAIT``).
        sparql_max_depth: deepest nesting of brackets accepted in a SPARQL query, checked before
            any parser reads it (``RESGRAPH_SPARQL_MAX_DEPTH``).
        rest_workers: worker processes computing the REST answers (``RESGRAPH_REST_WORKERS``).
        rest_timeout: seconds before a REST computation is abandoned with a 503 and its worker
            killed (``RESGRAPH_REST_TIMEOUT``).
        worker_memory_mb: resident memory (MiB) a query worker may reach before it is killed
            (``RESGRAPH_WORKER_MEMORY_MB``).
        worker_address_space_mb: ``RLIMIT_AS`` of a query worker (MiB), the hard stop between
            two memory checks (``RESGRAPH_WORKER_ADDRESS_SPACE_MB``).
        header_timeout: seconds a client has to send a request's headers, on a new or an idle
            kept-alive connection, before it is closed (``RESGRAPH_HEADER_TIMEOUT``).
        keep_alive_timeout: seconds an idle kept-alive connection stays open
            (``RESGRAPH_KEEP_ALIVE_TIMEOUT``).
        body_timeout: seconds a client has to send a request body (``RESGRAPH_BODY_TIMEOUT``).
        limit_concurrency: connections and requests at once before new ones get 503
            (``RESGRAPH_LIMIT_CONCURRENCY``).
        graceful_shutdown_timeout: seconds running requests get to finish on shutdown
            (``RESGRAPH_GRACEFUL_SHUTDOWN_TIMEOUT``).
        reload_interval: seconds between checks for a rebuilt store while serving; 0 disables
            (``RESGRAPH_RELOAD_INTERVAL``).
        cache_size: JSON answers of the REST routes kept per store generation
            (``RESGRAPH_CACHE_SIZE``).
        graph_store: Graph Store Protocol URL of a remote store, when ``store`` is a SPARQL
            server ``sparql+http(s)://host/sparql`` (``RESGRAPH_GRAPH_STORE``; default: derived
            from the endpoint, ``.../sparql-graph-crud`` as on Virtuoso).

    Example:
        >>> Settings(store=Path("/tmp/s")).store
        PosixPath('/tmp/s')
    """

    store: Path = field(default_factory=lambda: Path("data/store"))
    corpus: Path = field(default_factory=lambda: Path("data/corpus"))
    base_iri: str = DEFAULT_BASE
    host: str = "127.0.0.1"
    port: int = 8000
    sparql_timeout: float = 10.0
    sparql_max_rows: int = 10_000
    sparql_max_query_chars: int = 50_000
    sparql_workers: int = 2
    sparql_queue_wait: float = 2.0
    sparql_max_depth: int = 64
    rest_workers: int = 2
    rest_timeout: float = 10.0
    worker_memory_mb: int = 1024
    worker_address_space_mb: int = 4096
    header_timeout: float = 10.0
    keep_alive_timeout: float = 5.0
    body_timeout: float = 10.0
    limit_concurrency: int = 1024
    graceful_shutdown_timeout: int = 5
    reload_interval: float = 2.0
    cache_size: int = 4096
    graph_store: str | None = None

    @property
    def remote(self) -> bool:
        """True when ``store`` names a SPARQL server rather than a directory (as
        :func:`graph.parse_store_url` reads locations, the one reader of them).

        Example:
            >>> Settings(store=Path("sparql+http://127.0.0.1:8890/sparql")).remote
            True
        """
        from graph import parse_store_url  # here: reading settings must not load a store backend

        return parse_store_url(self.store) is not None

    def with_(self, **changes: object) -> Settings:
        """A copy with some values changed (None values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]


def get_settings(environ: dict[str, str] | None = None) -> Settings:
    """Settings from the environment (or the given mapping), falling back to defaults."""
    env = dict(os.environ) if environ is None else environ
    s = Settings()
    return s.with_(
        store=Path(env["RESGRAPH_STORE"]) if env.get("RESGRAPH_STORE") else None,
        corpus=Path(env["RESGRAPH_CORPUS"]) if env.get("RESGRAPH_CORPUS") else None,
        base_iri=env.get("RESGRAPH_BASE") or None,
        host=env.get("RESGRAPH_HOST") or None,
        port=int(env["RESGRAPH_PORT"]) if env.get("RESGRAPH_PORT") else None,
        sparql_timeout=float(env["RESGRAPH_SPARQL_TIMEOUT"])
        if env.get("RESGRAPH_SPARQL_TIMEOUT")
        else None,
        sparql_max_rows=int(env["RESGRAPH_SPARQL_MAX_ROWS"])
        if env.get("RESGRAPH_SPARQL_MAX_ROWS")
        else None,
        sparql_max_query_chars=_int(env, "RESGRAPH_SPARQL_MAX_QUERY_CHARS"),
        sparql_workers=_int(env, "RESGRAPH_SPARQL_WORKERS"),
        sparql_queue_wait=float(env["RESGRAPH_SPARQL_QUEUE_WAIT"])
        if env.get("RESGRAPH_SPARQL_QUEUE_WAIT")
        else None,
        sparql_max_depth=_int(env, "RESGRAPH_SPARQL_MAX_DEPTH"),
        rest_workers=_int(env, "RESGRAPH_REST_WORKERS"),
        rest_timeout=_float(env, "RESGRAPH_REST_TIMEOUT"),
        worker_memory_mb=_int(env, "RESGRAPH_WORKER_MEMORY_MB"),
        worker_address_space_mb=_int(env, "RESGRAPH_WORKER_ADDRESS_SPACE_MB"),
        header_timeout=_float(env, "RESGRAPH_HEADER_TIMEOUT"),
        keep_alive_timeout=_float(env, "RESGRAPH_KEEP_ALIVE_TIMEOUT"),
        body_timeout=_float(env, "RESGRAPH_BODY_TIMEOUT"),
        limit_concurrency=_int(env, "RESGRAPH_LIMIT_CONCURRENCY"),
        graceful_shutdown_timeout=_int(env, "RESGRAPH_GRACEFUL_SHUTDOWN_TIMEOUT"),
        reload_interval=float(env["RESGRAPH_RELOAD_INTERVAL"])
        if env.get("RESGRAPH_RELOAD_INTERVAL")
        else None,
        cache_size=_int(env, "RESGRAPH_CACHE_SIZE"),
        graph_store=env.get("RESGRAPH_GRAPH_STORE") or None,
    )


def _int(env: dict[str, str], name: str) -> int | None:
    """An integer variable, or None when unset; a bad value names the variable."""
    raw = env.get(name)
    if not raw:
        return None
    try:
        return int(raw)
    except ValueError:
        raise ValueError(f"{name} must be an integer, got {raw!r}") from None


def _float(env: dict[str, str], name: str) -> float | None:
    """A number variable, or None when unset; a bad value names the variable."""
    raw = env.get(name)
    if not raw:
        return None
    try:
        return float(raw)
    except ValueError:
        raise ValueError(f"{name} must be a number, got {raw!r}") from None
