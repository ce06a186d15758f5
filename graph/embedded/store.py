"""The embedded, persistent store: pyoxigraph on disk, in generations swapped atomically.

One of the two backends of the :class:`graph.backend.Store` protocol (the other is
:mod:`graph.remote.store`); :func:`graph.store.open_store` chooses between them.

Why generations: a build must never leave a half-written or corrupted store, even when the
process is killed, and a server must be able to read while a builder writes (pyoxigraph says that
reading a store another process writes is undefined behaviour). So the store directory holds
complete, immutable Oxigraph databases ("generations") and a pointer file naming the current one::

    STORE/
      resgraph-current.json      {"generation": 3, "dir": "gen-000003"}  (replaced atomically)
      gen-000003/                the current Oxigraph database
      gen-000002/                the previous one (kept for readers that still have it open)
      gen-000004.tmp-<pid>/      a build in progress (removed by the next build if it died)

A build takes a cheap hard-link copy (``Store.backup``) of the current generation into a
temporary directory, changes only what changed there (one named graph per source document),
flushes and closes it, renames it into place and only then replaces the pointer file with
``os.replace``. A kill at any moment leaves the pointer naming the old, complete generation.
Readers open generations read-only and can check :meth:`GraphStore.is_stale` to pick up a rebuild.

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

import contextlib
import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import mint
from graph.backend import GraphName, ManifestEntry, QueryResult, StoreError
from graph.vocab import RG

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

POINTER = "resgraph-current.json"
_GEN = re.compile(r"^gen-(\d{6})$")
_TMP = re.compile(r"^gen-\d{6}\.tmp-\d+$")
KEEP_GENERATIONS = 2


def current_generation(root: str | Path) -> tuple[int, Path] | None:
    """The current generation number and directory, or None when the store has no pointer.

    Raises:
        StoreError: if the pointer file is unreadable or names a missing directory.

    Example:
        >>> import tempfile
        >>> current_generation(tempfile.mkdtemp()) is None
        True
    """
    root = Path(root)
    pointer = root / POINTER
    if not pointer.exists():
        return None
    try:
        data = json.loads(pointer.read_text("utf-8"))
        gen, name = int(data["generation"]), str(data["dir"])
    except (ValueError, KeyError, OSError) as exc:
        raise StoreError(f"{pointer}: unreadable store pointer ({exc})") from exc
    if not (root / name).is_dir():
        raise StoreError(f"{pointer}: names {name!r}, which does not exist in {root}")
    return gen, root / name


def _only_build_artefacts(root: Path) -> bool:
    """True for an empty directory, or one holding only a lock or an unfinished first build."""
    return all(c.name.startswith(".") or _TMP.match(c.name) for c in root.iterdir())


def _is_bare_oxigraph(root: Path) -> bool:
    return (root / "CURRENT").is_file() and any(root.glob("MANIFEST-*"))


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
    ) -> None:
        self.root = root
        self.path = path
        self.generation = generation
        self.store = store
        self.read_only = read_only
        self.base = base

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
        """Release the database (pyoxigraph closes it when the last reference goes)."""
        if hasattr(self, "store"):
            del self.store

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
    ) -> QueryResult:
        """:meth:`pyoxigraph.Store.query` on this generation."""
        return self.store.query(
            query,
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


def read_manifest(store: ox.Store, base: str = mint.DEFAULT_BASE) -> dict[str, ManifestEntry]:
    """The build manifest kept in the meta graph of ``store``."""
    q = f"""SELECT ?name ?sha ?g WHERE {{ GRAPH <{mint.meta_graph_iri(base)}> {{
        ?d <{RG.fileName}> ?name ; <{RG.sha256}> ?sha ; <{RG.namedGraph}> ?g }} }}"""
    out: dict[str, ManifestEntry] = {}
    solutions = store.query(q)
    assert isinstance(solutions, ox.QuerySolutions)
    for row in solutions:
        name = row["name"].value
        out[name] = ManifestEntry(name, row["sha"].value, row["g"].value)
    return out


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
    elif root.is_dir() and _is_bare_oxigraph(root):
        gen, gen_dir = 0, root
    elif not root.exists() or (root.is_dir() and _only_build_artefacts(root)):
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


@dataclass
class Generation:
    """A generation being written: a private, writable copy of the current one.

    Attributes:
        store: the writable pyoxigraph store of the new generation.
        number: the generation number it will get.
        path: its temporary directory.
        previous: the manifest of the generation it was copied from.
    """

    store: ox.Store
    number: int
    path: Path
    previous: dict[str, ManifestEntry]


def _write_pointer(root: Path, gen: int, name: str) -> None:
    tmp = root / f".{POINTER}.tmp-{os.getpid()}"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump({"generation": gen, "dir": name}, fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, root / POINTER)
    dir_fd = os.open(root, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _collect_garbage(root: Path, keep: int) -> None:
    """Remove dead temporary builds and all but the newest ``keep`` generations."""
    for child in root.iterdir():
        if _TMP.match(child.name) or child.name.startswith(f".{POINTER}.tmp-"):
            shutil.rmtree(child, ignore_errors=True) if child.is_dir() else child.unlink()
    gens = sorted(c for c in root.iterdir() if _GEN.match(c.name))
    for old in gens[:-keep]:
        shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def _build_lock(root: Path) -> Iterator[None]:
    """One builder at a time per store (an flock, released by the kernel if the builder dies)."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".build.lock", "w") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"{root}: another build is running on this store") from None
        yield


@contextlib.contextmanager
def new_generation(root: str | Path, base: str = mint.DEFAULT_BASE) -> Iterator[Generation]:
    """Write a new generation of the store; it becomes current only if the block succeeds.

    The block gets a writable copy of the current generation (hard links, so cheap even for
    millions of triples). If the block raises, or the process dies, the copy is discarded and the
    current generation is untouched.

    Raises:
        StoreError: if another build holds the store, or ``root`` is a bare Oxigraph directory
            (generations need a directory of their own).

    Example:
        >>> import tempfile
        >>> root = tempfile.mkdtemp()
        >>> with new_generation(root) as gen:
        ...     gen.number
        1
    """
    root = Path(root)
    if _is_bare_oxigraph(root):
        raise StoreError(f"{root}: a bare Oxigraph database; build into an empty directory")
    with _build_lock(root):
        _collect_garbage(root, KEEP_GENERATIONS)
        cur = current_generation(root)
        number = (cur[0] if cur else 0) + 1
        tmp = root / f"gen-{number:06d}.tmp-{os.getpid()}"
        previous: dict[str, ManifestEntry] = {}
        if cur is not None:
            source = ox.Store.read_only(str(cur[1]))
            previous = read_manifest(source, base)
            source.backup(str(tmp))
            del source
        try:
            gen = Generation(ox.Store(str(tmp)), number, tmp, previous)
            yield gen
            gen.store.flush()
            del gen.store  # the last reference: pyoxigraph closes the database here
            final = root / f"gen-{number:06d}"
            os.rename(tmp, final)
            _write_pointer(root, number, final.name)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _collect_garbage(root, KEEP_GENERATIONS)
