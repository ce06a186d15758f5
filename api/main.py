"""The FastAPI application: :func:`create_app` builds it, its lifespan opens the store once.

Why a factory: tests, ``resgraph serve`` and the benchmark each build an app from an explicit
:class:`~api.settings.Settings` (and tests may hand in a ready store), so nothing here reads the
environment or keeps module-level state. The lifespan opens the store into ``app.state.graph`` (a
:class:`~api.deps.GraphHolder`), keeps the query worker processes in ``app.state.engines``
(:mod:`api.workers`: started and warmed before serving when the store is on disk, on demand
otherwise) and, when serving from disk, runs a watcher that swaps in a rebuilt store atomically
once its workers are warm (see :mod:`api.deps`).

Example:
    >>> from fastapi.testclient import TestClient
    >>> from pyoxigraph import Store
    >>> from graph import as_store
    >>> with TestClient(create_app(Settings(), store=as_store(Store()))) as client:
    ...     client.get("/health").json()["ok"]
    True
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from api.deps import AnswerCache, GraphHolder, GraphSnapshot
from api.errors import install_error_handlers
from api.settings import Settings
from api.workers.engines import Engines
from graph import DEFAULT_BASE, Store, current_generation, open_store

__all__ = ["AnswerCacheMiddleware", "create_app", "open_snapshot"]

log = logging.getLogger("resgraph.api")

ROUTERS: tuple[str, ...] = (
    "api.routes.home",
    "api.routes.docs",
    "api.routes.assets",
    "api.routes.health",
    "api.routes.proposals",  # before resolutions: "proposals" is no year
    "api.routes.resolutions",
    "api.routes.network",
    "api.routes.catalog",
    "api.routes.ids",
    "api.routes.documents",
    "api.routes.sparql",
    "api.viz.router",
)


def _generation(path: Path) -> str:
    """The generation of the store on disk (changes when a build commits a new one)."""
    current = current_generation(path)
    return "0" if current is None else str(current[0])


def open_snapshot(
    path: Path,
    cache_size: int = 4096,
    base: str = DEFAULT_BASE,
    graph_store: str | None = None,
) -> GraphSnapshot:
    """Open the store at ``path`` as a new :class:`~api.deps.GraphSnapshot`.

    ``path`` is a store directory or a ``sparql+http(s)://host/sparql`` location (a remote
    store; ``graph_store`` is its Graph Store Protocol URL): :func:`graph.open_store` chooses.

    Raises:
        graph.StoreError: naming the path when it holds no store that can be opened.

    Example:
        >>> import tempfile
        >>> open_snapshot(Path(tempfile.mkdtemp())).generation  # an empty store: generation 0
        '0'
    """
    store = open_store(path, read_only=True, base=base, graph_store=graph_store)
    return GraphSnapshot(
        store, str(store.generation), store.location, cache=AnswerCache(cache_size)
    )


def _reloader(settings: Settings) -> Callable[[str], GraphSnapshot | None]:
    path = Path(settings.store)

    def reload(current: str) -> GraphSnapshot | None:
        try:
            if _generation(path) == current:
                return None
            return open_snapshot(path, settings.cache_size, settings.base_iri, settings.graph_store)
        except Exception:  # a half-written build: keep serving the old one, retry next tick
            log.warning("store at %s changed but could not be opened yet", path, exc_info=True)
            return None

    return reload


async def _watch(holder: GraphHolder, engines: Engines, interval: float) -> None:
    """Swap in rebuilt stores, warm: the new snapshot's workers are started and prepared (store
    opened, citation network built) before the swap; workers of old snapshots are retired once
    no request uses them."""
    while True:
        await asyncio.sleep(interval)
        try:
            fresh = await asyncio.to_thread(holder.fresh)
            if fresh is not None:
                await engines.prepare(fresh)
                holder.swap(fresh)
                log.info("swapped in rebuilt store %s", fresh.generation)
            engines.retire(holder.current)
        except Exception:
            log.warning("store refresh failed", exc_info=True)


CACHED_PREFIXES = (
    "/resolutions",
    "/path",
    "/assignments",
    "/citations",
    "/conferences",
    "/stats",
)


class AnswerCacheMiddleware:
    """Serve repeated GETs of the JSON routes from the snapshot's cache, before routing.

    Why: the graph cannot change under a snapshot, so a 200 JSON answer to the same path and
    query string is the same bytes until the next swap. Serving them here skips routing,
    parameter validation and dependency solving, which cost more than the lookup itself (they
    are most of FastAPI's per-request overhead). Only the read-only JSON routes listed in
    :data:`CACHED_PREFIXES`, which ignore request headers, are cached, and only their 200s;
    the key is the raw path and query string, and a swap drops every entry with its snapshot.
    """

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if (
            scope["type"] != "http"
            or scope["method"] != "GET"
            or not scope["path"].startswith(CACHED_PREFIXES)
        ):
            await self.app(scope, receive, send)
            return
        snapshot: GraphSnapshot = scope["app"].state.graph.current
        scope["resgraph.snapshot"] = snapshot  # the route answers from this same snapshot
        key = ("raw", scope["path"], scope["query_string"])
        body = snapshot.cache.get(key)
        if body is not None:
            await send(
                {
                    "type": "http.response.start",
                    "status": 200,
                    "headers": [
                        (b"content-type", b"application/json"),
                        (b"content-length", str(len(body)).encode()),
                    ],
                }
            )
            await send({"type": "http.response.body", "body": body})
            return
        status = 0
        chunks: list[bytes] = []

        async def capture(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            elif message["type"] == "http.response.body" and status == 200:
                chunks.append(message.get("body", b""))
                if not message.get("more_body", False):
                    snapshot.cache.put(key, b"".join(chunks))
            await send(message)

        await self.app(scope, receive, capture)


def create_app(
    settings: Settings | None = None,
    *,
    store: Store | None = None,
    holder: GraphHolder | None = None,
) -> FastAPI:
    """Build the API app.

    Args:
        settings: configuration (default: ``Settings()``, never the environment directly).
        store: an already opened store to serve instead of ``settings.store`` (tests).
        holder: a ready :class:`~api.deps.GraphHolder` (tests of the atomic swap).

    Returns:
        The FastAPI app; the store is opened when its lifespan starts.

    Raises:
        ImportError: naming the router module that failed to import (a renamed or broken module
            must fail the app, not silently drop its routes).

    Example:
        >>> create_app(Settings()).title
        'resgraph'
    """
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if holder is not None:
            app.state.graph = holder
        elif store is not None:
            snap = GraphSnapshot(store, "given", "memory", cache=AnswerCache(settings.cache_size))
            app.state.graph = GraphHolder(snap)
        else:
            path = Path(settings.store)
            snap = await asyncio.to_thread(
                open_snapshot, path, settings.cache_size, settings.base_iri, settings.graph_store
            )
            app.state.graph = GraphHolder(snap, _reloader(settings))
        app.state.settings = settings
        app.state.engines = engines = Engines(settings)
        if store is None and holder is None:  # serving from disk: workers ready before serving
            await engines.prepare(app.state.graph.current)
        app.state.templates = jinja2.Environment(
            loader=jinja2.PackageLoader("api", "templates"),
            autoescape=jinja2.select_autoescape(["html"]),
        )
        watcher = None
        if store is None and holder is None and settings.reload_interval > 0:
            watcher = asyncio.create_task(
                _watch(app.state.graph, engines, settings.reload_interval)
            )
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher
            engines.close()

    app = FastAPI(
        title="resgraph",
        version="0.1.0",
        summary="A knowledge graph of cross-referenced ITU resolutions: REST and SPARQL.",
        lifespan=lifespan,
        docs_url=None,  # /docs and /redoc: api.routes.docs and .assets, no CDN
        redoc_url=None,
    )
    app.add_middleware(AnswerCacheMiddleware)
    app.add_middleware(
        CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "POST"], allow_headers=["*"]
    )
    install_error_handlers(app)
    for name in ROUTERS:
        app.include_router(_router(name))
    return app


def _router(name: str) -> APIRouter:
    """The ``router`` of the module ``name``; any failure to import it names the module."""
    try:
        module = importlib.import_module(name)
    except Exception as exc:
        raise ImportError(f"router module {name} failed to import: {exc}", name=name) from exc
    router = getattr(module, "router", None)
    if not isinstance(router, APIRouter):
        raise ImportError(f"router module {name} has no APIRouter named 'router'", name=name)
    return router
