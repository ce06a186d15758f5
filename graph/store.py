"""Where a store lives decides its backend: the one place that opens a store.

Why one place: the embedded pyoxigraph store (:mod:`graph.embedded.store`) and a SPARQL server
(:mod:`graph.remote.store`) implement the same :class:`graph.backend.Store` protocol; a directory
opens the first, a ``sparql+http(s)://host/sparql`` location the second. Callers (the CLI, the
API, the notebooks) pass the location in and get a ``Store`` back; nothing downstream asks which
backend it holds.

:func:`as_store` is the one adapter for engine objects made in-process: a bare
:class:`pyoxigraph.Store` (tests, ``pyoxigraph.Store(path)``) becomes an in-memory
:class:`~graph.embedded.store.GraphStore`, and an rdflib graph (the benchmark baseline) a
:class:`~graph.backend.Queryable` the query functions accept.

Example:
    >>> import tempfile
    >>> open_store(tempfile.mkdtemp(), read_only=True).generation
    0
    >>> import pyoxigraph
    >>> as_store(pyoxigraph.Store()).location
    'memory'
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast, overload

import pyoxigraph as ox
import rdflib

from graph import mint
from graph.backend import Solution, Store, parse_store_url
from graph.embedded import store as embedded
from graph.embedded.store import GraphStore

__all__ = ["RdflibSource", "as_store", "current_generation", "open_store"]


def open_store(
    location: str | Path,
    read_only: bool = False,
    base: str = mint.DEFAULT_BASE,
    graph_store: str | None = None,
) -> Store:
    """Open the current generation of the store at ``location``.

    A directory opens the embedded store (:func:`graph.embedded.store.open_embedded`: read-only
    handles take no lock; an empty or missing directory opens as an empty generation 0). A
    ``sparql+http(s)://host/sparql`` location opens the current generation on that SPARQL server
    (:class:`graph.remote.store.RemoteStore`, always read-only; ``graph_store`` is its Graph Store
    Protocol URL, derived from the endpoint by default).

    Raises:
        graph.backend.StoreError: naming the location when it holds no store that can be opened.
    """
    if parse_store_url(location) is not None:
        from graph.remote.store import RemoteStore  # imported when used: httpx costs ~0.2 s

        return RemoteStore(location, graph_store, base)
    return embedded.open_embedded(location, read_only=read_only, base=base)


def current_generation(location: str | Path) -> tuple[int, Path] | None:
    """The current generation at ``location`` and its directory, or None before the first build.

    For a remote store (``sparql+http(s)://...``), the generation recorded on the server and the
    location as given.

    Raises:
        graph.backend.StoreError: if the pointer file is unreadable or the server unreachable.

    Example:
        >>> import tempfile
        >>> current_generation(tempfile.mkdtemp()) is None
        True
    """
    if parse_store_url(location) is not None:
        from graph.remote.store import RemoteStore

        with RemoteStore(location, connect=False) as remote:
            remote.refresh()
            return (remote.generation, Path(str(location))) if remote.generation else None
    return embedded.current_generation(location)


class RdflibSource:
    """An rdflib graph behind the :class:`graph.backend.Queryable` surface.

    Why: the query benchmark runs the same query functions on rdflib's SPARQL engine as its
    baseline; nothing else uses it.

    Example:
        >>> RdflibSource(rdflib.Graph()).select("SELECT ?s WHERE { ?s ?p ?o }")[0]
        ['s']
    """

    def __init__(self, graph: rdflib.Graph, base: str = mint.DEFAULT_BASE) -> None:
        self.graph = graph
        self.base = base

    def select(self, text: str) -> tuple[list[str], Iterable[Solution]]:
        """A SELECT on the graph (rows hold rdflib terms, None when unbound)."""
        result = self.graph.query(text)
        if result.type != "SELECT":
            raise ValueError("not a SELECT query")
        rows = cast(Iterable[Solution], result)
        return [str(v) for v in result.vars or ()], rows

    def __len__(self) -> int:
        return len(self.graph)


@overload
def as_store(raw: ox.Store, base: str = ...) -> Store: ...
@overload
def as_store(raw: rdflib.Graph, base: str = ...) -> RdflibSource: ...


def as_store(raw: Any, base: str = mint.DEFAULT_BASE) -> Store | RdflibSource:
    """A store object made in this process, behind the protocol the graph functions take.

    Raises:
        TypeError: for anything but a :class:`pyoxigraph.Store` or an rdflib graph.

    Example:
        >>> len(as_store(rdflib.Graph()))
        0
    """
    if isinstance(raw, ox.Store):
        return GraphStore.in_memory(raw, base)
    if isinstance(raw, rdflib.Graph):
        return RdflibSource(raw, base)
    raise TypeError(f"not a pyoxigraph Store nor an rdflib Graph: {type(raw).__name__}")
