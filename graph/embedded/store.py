"""The embedded, persistent store: an open generation of pyoxigraph on disk, and its queries.

One of the two backends of the :class:`graph.backend.Store` protocol (the other is
:mod:`graph.remote.store`); :func:`graph.store.open_store` chooses between them.

Why this module holds only the reading side: the store directory is a series of immutable
generations swapped atomically by builds, and the rules for that directory (its pointer, the
build lock, the readers' leases, reclaiming old generations) live in
:mod:`graph.embedded.generations`. Here a generation is opened (:func:`open_embedded`) and
queried (:class:`GraphStore`). The names of that module that callers have always imported from
here (:data:`POINTER`, :class:`Generation`, :func:`current_generation`, :func:`new_generation`,
:func:`read_manifest`) are re-exported, so ``graph.embedded.store`` stays the one import.

A bare Oxigraph directory (no pointer file, e.g. written by ``pyoxigraph.Store(path)``) opens as
generation 0, so benchmark and test stores need not be built by resgraph.

Example:
    >>> import tempfile
    >>> root = tempfile.mkdtemp()
    >>> with new_generation(root) as gen:
    ...     gen.store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> 1 } }")
    >>> s = open_embedded(root, read_only=True)
    >>> s.generation, len(s)
    (1, 1)
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox

from graph import mint
from graph.backend import GraphName, ManifestEntry, QueryResult, StoreError
from graph.embedded.generations import (
    POINTER,
    Generation,
    close_fd,
    current_generation,
    is_bare_oxigraph,
    leased_current,
    new_generation,
    only_build_artefacts,
    read_manifest,
)

__all__ = [
    "POINTER",
    "Generation",
    "GraphStore",
    "current_generation",
    "new_generation",
    "open_embedded",
    "read_manifest",
    "union_store",
]


class GraphStore:
    """An open generation of the store: the pyoxigraph ``Store`` plus what resgraph keeps in it.

    Implements :class:`graph.backend.Store`.

    Attributes:
        root: the store directory given by the user (None for a store held only in memory,
            see :meth:`in_memory`).
        path: the Oxigraph directory of the open generation (None in memory).
        generation: its number (0 for a bare Oxigraph directory).
        store: the :class:`pyoxigraph.Store` (query it with ``use_default_graph_as_union=True``:
            the data lives in named graphs).
        base: the base IRI the graph was minted with.

    Example:
        >>> import tempfile
        >>> s = open_embedded(tempfile.mkdtemp())
        >>> (s.generation, len(s), s.manifest())
        (0, 0, {})
    """

    def __init__(
        self,
        root: Path | None,
        path: Path | None,
        generation: int,
        store: ox.Store,
        read_only: bool,
        base: str,
        lease: int | None = None,
    ) -> None:
        self.root = root
        self.path = path
        self.generation = generation
        self.store = store
        self.read_only = read_only
        self.base = base
        # the reader's lease on its generation directory (graph.embedded.generations), released
        # on close or when the handle is collected
        self._release = weakref.finalize(self, close_fd, lease) if lease is not None else None

    @classmethod
    def in_memory(cls, store: ox.Store, base: str = mint.DEFAULT_BASE) -> GraphStore:
        """A pyoxigraph store built in this process, as a store generation 0 (never stale).

        Example:
            >>> GraphStore.in_memory(ox.Store()).location
            'memory'
        """
        return cls(None, None, 0, store, False, base)

    @property
    def location(self) -> str:
        """The store directory, or ``memory``."""
        return "memory" if self.root is None else str(self.root)

    def __len__(self) -> int:
        return len(self.store)

    def __repr__(self) -> str:
        return f"GraphStore({self.location!r}, generation={self.generation})"

    def __enter__(self) -> GraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Release the database (pyoxigraph closes it when the last reference goes) and the
        lease on the generation, which a later build may then reclaim."""
        if hasattr(self, "store"):
            del self.store
        if self._release is not None:
            self._release()

    def select(self, text: str) -> tuple[list[str], ox.QuerySolutions]:
        """A SELECT over the union of all graphs (see :meth:`graph.backend.Queryable.select`).

        Example:
            >>> GraphStore.in_memory(ox.Store()).select("SELECT ?s WHERE { ?s ?p ?o }")[0]
            ['s']
        """
        solutions = self.store.query(text, use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise ValueError("not a SELECT query")
        return [v.value for v in solutions.variables], solutions

    def ox_query(
        self,
        query: str,
        *,
        use_default_graph_as_union: bool = True,
        default_graph: Sequence[GraphName] | None = None,
        named_graphs: Sequence[ox.NamedNode | ox.BlankNode] | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        """:meth:`pyoxigraph.Store.query` on this generation (an empty ``default_graph`` list
        is an empty default graph, an empty ``named_graphs`` list no named graph)."""
        return self.store.query(
            query,
            base_iri=base_iri,
            use_default_graph_as_union=use_default_graph_as_union,
            default_graph=None if default_graph is None else list(default_graph),
            named_graphs=None if named_graphs is None else list(named_graphs),
        )

    def quads_for_pattern(
        self,
        subject: ox.NamedNode | ox.BlankNode | ox.Triple | None = None,
        predicate: ox.NamedNode | None = None,
        obj: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple | None = None,
        graph: GraphName | None = None,
    ) -> Iterator[ox.Quad]:
        """The quads matching a pattern (None = any), in any graph unless ``graph`` is given."""
        return self.store.quads_for_pattern(subject, predicate, obj, graph)

    def snapshot(self) -> ox.Store:
        """The pyoxigraph store itself: a generation never changes once committed."""
        return self.store

    def is_stale(self) -> bool:
        """True when a newer generation has been committed since this one was opened.

        Example:
            >>> import tempfile
            >>> open_embedded(tempfile.mkdtemp()).is_stale()
            False
        """
        if self.root is None:
            return False
        cur = current_generation(self.root)
        return cur is not None and cur[0] != self.generation

    def reopen(self) -> GraphStore:
        """A new handle on the current generation (for a server that found itself stale)."""
        if self.root is None:
            return self
        return open_embedded(self.root, read_only=self.read_only, base=self.base)

    def manifest(self) -> dict[str, ManifestEntry]:
        """File name -> entry for every source document in this generation."""
        return read_manifest(self.store, self.base)

    def named_graphs(self) -> set[str]:
        """IRIs of all named graphs."""
        return {g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode)}


def union_store(store: ox.Store) -> ox.Store:
    """An in-memory store whose default graph is the union (a set) of all graphs of ``store``.

    Why: exports and SHACL work on one graph, and the same triple asserted by several documents
    must count once.

    Example:
        >>> s = ox.Store()
        >>> q = lambda g: ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal(1), g)
        >>> s.extend([q(ox.NamedNode("urn:g1")), q(ox.NamedNode("urn:g2"))])
        >>> len(union_store(s))
        1
    """
    mem = ox.Store()
    mem.extend(ox.Quad(q.subject, q.predicate, q.object) for q in store)
    return mem


def open_embedded(
    path: str | Path, read_only: bool = False, base: str = mint.DEFAULT_BASE
) -> GraphStore:
    """Open the current generation of the store directory ``path``.

    Why ``read_only`` for servers and queries: a read-only handle takes no lock, so any number of
    readers can share a generation while a builder prepares the next one elsewhere. Opening
    without ``read_only`` is for tools that write a bare store directly; builds go through
    :func:`new_generation`. An empty or missing directory opens as an empty generation 0
    (read-only: an in-memory empty store, so that a server can start before the first build).

    Raises:
        StoreError: naming the directory when it is neither a resgraph store nor an Oxigraph one,
            or when Oxigraph refuses to open it (e.g. another process holds the write lock).

    Example:
        >>> import tempfile
        >>> open_embedded(tempfile.mkdtemp(), read_only=True).generation
        0
    """
    root = Path(path)
    cur = current_generation(root)
    if cur is not None:
        gen, gen_dir = cur
        if read_only:
            gen, gen_dir, lease = leased_current(root, gen, gen_dir)
            try:
                store = ox.Store.read_only(str(gen_dir))
            except OSError as exc:
                close_fd(lease)
                raise StoreError(f"{gen_dir}: cannot open the Oxigraph store ({exc})") from exc
            return GraphStore(root, gen_dir, gen, store, True, base, lease)
    elif root.is_dir() and is_bare_oxigraph(root):
        gen, gen_dir = 0, root
    elif not root.exists() or (root.is_dir() and only_build_artefacts(root)):
        if read_only:
            return GraphStore(root, root, 0, ox.Store(), True, base)
        gen, gen_dir = 0, root
    else:
        raise StoreError(
            f"{root}: not a resgraph store (no {POINTER}) nor an Oxigraph database; "
            "build one with `resgraph build --store DIR`"
        )
    try:
        store = ox.Store.read_only(str(gen_dir)) if read_only else ox.Store(str(gen_dir))
    except OSError as exc:
        raise StoreError(f"{gen_dir}: cannot open the Oxigraph store ({exc})") from exc
    return GraphStore(root, gen_dir, gen, store, read_only, base)
