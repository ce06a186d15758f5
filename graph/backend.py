"""What every store backend offers and returns: the ``Store`` protocol and the types it uses.

Why a protocol: the query functions, the exports, the SHACL check and the whole API run on two
backends, the embedded pyoxigraph store (:class:`graph.embedded.store.GraphStore`) and a SPARQL
1.1 server (:class:`graph.remote.store.RemoteStore`). They share no base class (one wraps a
database, the other an HTTP client); what they share is this surface, which a type checker
verifies for both. Which backend opens a location is decided once, by
:func:`graph.store.open_store`; everything else takes a :class:`Store` and asks it, never probes it.

Two levels: :class:`Queryable` is what the query functions of ``graph.queries`` need (SELECT over
the union of the graphs, the base IRI, a size), so an rdflib graph can serve as the benchmark
baseline through :func:`graph.store.as_store`; :class:`Store` adds what a server and the exports
need (any SPARQL form, quads, named graphs, the manifest, generations).

Example:
    >>> parse_store_url("sparql+http://127.0.0.1:8890/sparql")
    'http://127.0.0.1:8890/sparql'
    >>> parse_store_url("data/store") is None
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, Self

import pyoxigraph as ox

__all__ = [
    "BuildReport",
    "GraphName",
    "ManifestEntry",
    "QueryResult",
    "Queryable",
    "Solution",
    "Store",
    "StoreError",
    "parse_store_url",
]

_REMOTE = re.compile(r"^sparql\+(https?):/+(.+)$")

#: What SPARQL answers on either backend: solutions, a boolean or triples (pyoxigraph objects).
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples
#: A graph of a query dataset.
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph


class StoreError(RuntimeError):
    """The store cannot be opened or written; the message names the location and why."""


@dataclass(frozen=True)
class ManifestEntry:
    """One source document in the store: its file name, content hash and named graph."""

    name: str
    sha256: str
    graph: str


@dataclass(frozen=True)
class BuildReport:
    """What a build did (either backend).

    Attributes:
        generation: the store generation now current.
        added: documents new to the store; ``updated``: changed ones; ``removed``: dropped ones;
        unchanged: skipped because their content hash matched.
        failed: (file, reason) for documents that could not be extracted.
        notes: warnings about documents that were loaded but had to be repaired (e.g. invalid
            UTF-8 bytes replaced), each naming the file and where.
        triples: total triples in the store after the build.
        seconds: wall time of the build.
    """

    generation: int
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()
    triples: int = 0
    seconds: float = 0.0
    notes: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        """True when the build wrote a new generation."""
        return bool(self.added or self.updated or self.removed)


def parse_store_url(location: str | Path) -> str | None:
    """The SPARQL endpoint of a ``sparql+http(s)://`` store location, else None.

    A location that went through :class:`pathlib.Path` (which folds ``//``) is accepted too.

    Example:
        >>> parse_store_url(Path("sparql+http://127.0.0.1:8890/sparql"))
        'http://127.0.0.1:8890/sparql'
    """
    m = _REMOTE.match(str(location))
    return f"{m.group(1)}://{m.group(2)}" if m else None


class Solution(Protocol):
    """One SELECT solution: ``solution["var"]`` is the bound term, or None when unbound."""

    def __getitem__(self, name: str, /) -> Any: ...


class Queryable(Protocol):
    """What the query functions need: SELECT over the union of all graphs, and the base IRI."""

    @property
    def base(self) -> str:
        """The base IRI the graph was minted with."""
        ...

    def select(self, text: str) -> tuple[list[str], Iterable[Solution]]:
        """Run a SELECT query with every graph in the default graph.

        Returns:
            The projected variable names and the solutions (terms, None when unbound).

        Raises:
            ValueError: when the text is not a SELECT query.
            SyntaxError: for invalid SPARQL (the engine's message).
        """
        ...

    def __len__(self) -> int:
        """Quads (or triples) held."""
        ...


class Store(Queryable, Protocol):
    """One opened generation of resgraph's graphs, embedded or on a server."""

    @property
    def generation(self) -> int:
        """The generation read (0 before the first build)."""
        ...

    @property
    def location(self) -> str:
        """Where the store lives: a directory, a ``sparql+http(s)://`` URL, or ``memory``."""
        ...

    @property
    def read_only(self) -> bool:
        """True when opened for reading only."""
        ...

    def ox_query(
        self,
        query: str,
        *,
        use_default_graph_as_union: bool = True,
        default_graph: Sequence[GraphName] | None = None,
        named_graphs: Sequence[ox.NamedNode | ox.BlankNode] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """Any SPARQL query, with :meth:`pyoxigraph.Store.query`'s dataset arguments and results
        (the SPARQL endpoint serialises them as they come).

        The dataset, as in the SPARQL 1.1 Protocol: ``default_graph``/``named_graphs`` given (an
        empty list: no graph) replace the query's own ``FROM``/``FROM NAMED``; without them a
        query naming its dataset is answered on it when ``use_default_graph_as_union`` is False,
        and on the union of every graph when it is True. ``base_iri`` resolves relative IRIs."""
        ...

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | ox.BlankNode | ox.Triple | None = None,
        predicate: ox.NamedNode | None = None,
        obj: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None = None,
        graph: GraphName | None = None,
    ) -> Iterable[ox.Quad]:
        """The quads matching a pattern in any graph (None matches anything)."""
        ...

    def named_graphs(self) -> set[str]:
        """IRIs of the named graphs of this generation."""
        ...

    def manifest(self) -> dict[str, ManifestEntry]:
        """File name -> entry for every source document in this generation."""
        ...

    def snapshot(self) -> ox.Store:
        """Every quad of this generation in a pyoxigraph store (exports and SHACL read it)."""
        ...

    def is_stale(self) -> bool:
        """True when a build has made a newer generation current since this one was opened."""
        ...

    def reopen(self) -> Store:
        """A new handle on the current generation."""
        ...

    def close(self) -> None:
        """Release the database or the connections."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...
