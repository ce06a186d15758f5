"""The generations of the embedded store on disk: the directory, its pointer, leases and locks.

Why its own module: everything here is about files and locks in the store directory, never about
what the graph holds; :mod:`graph.embedded.store` opens and queries a generation and
:mod:`graph.embedded.build` fills a new one, and both lean on the rules kept here.

Why generations: a build must never leave a half-written or corrupted store, even when the
process is killed, and a server must be able to read while a builder writes (pyoxigraph says that
reading a store another process writes is undefined behaviour). So the store directory holds
complete, immutable Oxigraph databases ("generations") and a pointer file naming the current one::

    STORE/
      resgraph-current.json      {"generation": 3, "dir": "gen-000003"}  (replaced atomically)
      gen-000003/                the current Oxigraph database
      gen-000002/                the previous one (kept only while a reader still has it open)
      gen-000004.tmp-<pid>/      a build in progress (removed by the next build if it died)
      .build.lock                the builder's lock (an flock; the file stays, the lock goes)

A build takes a cheap hard-link copy (``Store.backup``) of the current generation into a
temporary directory, changes only what changed there (one named graph per source document),
flushes and closes it, renames it into place and only then replaces the pointer file with
``os.replace``. A kill at any moment leaves the pointer naming the old, complete generation.
Readers open generations read-only and can check :meth:`graph.embedded.store.GraphStore.is_stale`
to pick up a rebuild.

Why a killed build can never wedge the store (docs/operations.md, "Builds"):

- The build lock is an ``flock`` on a descriptor that no child keeps: forked children (the
  ``--jobs N`` workers) close their copy at once (``os.register_at_fork``) and exec'd ones never
  get it (close-on-exec). The kernel releases it when the builder dies, whatever killed it.
- Everything a dead build leaves is recognised and cleared by the next one, under the lock:
  temporary generations, a generation renamed into place whose pointer was never written (never
  current, so nobody reads it), a pointer's temporary file. New generation numbers are above every
  directory present, so a leftover that cannot be removed is never written over.
- Old generations are reclaimed only when no reader uses them: a read-only handle holds a shared
  ``flock`` on its generation directory (its lease) until closed, and the collector removes a
  generation only under an exclusive one. Only the current generation is kept otherwise: an
  incremental build hard-links the files it did not change, so the disk holds what changed once
  more only while a reader keeps the old generation open.

Example:
    >>> import tempfile
    >>> root = tempfile.mkdtemp()
    >>> with new_generation(root) as gen:
    ...     gen.store.update("INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:p> 1 } }")
    >>> current_generation(root)[0]
    1
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import mint
from graph.backend import ManifestEntry, StoreError
from graph.embedded.fact_counts import SIDECAR
from graph.vocab import RG

__all__ = [
    "KEEP_GENERATIONS",
    "LOCK_FILE",
    "POINTER",
    "Generation",
    "close_fd",
    "current_generation",
    "is_bare_oxigraph",
    "leased_current",
    "new_generation",
    "only_build_artefacts",
    "read_manifest",
]

POINTER = "resgraph-current.json"
LOCK_FILE = ".build.lock"
_GEN = re.compile(r"^gen-(\d{6})$")
_TMP = re.compile(r"^gen-(\d{6})\.tmp-\d+$")
#: Generations kept besides leased ones: the current one. Why not the one before too: readers
#: hold leases, so nobody needs it, and a second generation (whose files a build's compaction
#: no longer shares) nearly doubled the disk after one incremental build (322 -> 562 MB).
KEEP_GENERATIONS = 1

#: Descriptors of the build locks this process holds (closed in forked children, see below).
_HELD_LOCKS: set[int] = set()


def _drop_inherited_locks() -> None:
    """In a forked child: close the build-lock descriptors inherited from the builder.

    Why: an ``flock`` belongs to the open file description, which ``fork`` shares; a pool worker
    keeping a copy would hold the lock after the builder dies, and every later build would fail
    "another build is running". Closing (not unlocking) the copy leaves the builder's lock alone.
    """
    for fd in _HELD_LOCKS:
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD_LOCKS.clear()


os.register_at_fork(after_in_child=_drop_inherited_locks)


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


def only_build_artefacts(root: Path) -> bool:
    """True for an empty directory, or one holding only a lock or an unfinished first build
    (a temporary generation, or one renamed into place before its pointer was written)."""
    return all(
        c.name.startswith(".") or _TMP.match(c.name) or _GEN.match(c.name) for c in root.iterdir()
    )


def is_bare_oxigraph(root: Path) -> bool:
    """True for an Oxigraph database written straight into ``root`` (no generations): it opens
    as generation 0, so benchmark and test stores need not be built by resgraph."""
    return (root / "CURRENT").is_file() and any(root.glob("MANIFEST-*"))


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


def close_fd(fd: int) -> None:
    """Close a lease's descriptor, which releases its flock; twice, or after a fork, is harmless."""
    with contextlib.suppress(OSError):
        os.close(fd)


def _lease(gen_dir: Path) -> int | None:
    """A shared flock on a generation directory (its descriptor), or None if it is gone.

    Why: the collector removes a generation only under an exclusive flock, so a reader holding
    this one never has its files deleted under it. The lock waits only while a collector is
    deleting that very directory; afterwards the directory is gone and None says so.
    """
    try:
        fd = os.open(gen_dir, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    fcntl.flock(fd, fcntl.LOCK_SH)
    try:
        same = os.stat(gen_dir).st_ino == os.fstat(fd).st_ino
    except FileNotFoundError:
        same = False
    if not same:
        os.close(fd)
        return None
    return fd


def leased_current(root: Path, gen: int, gen_dir: Path) -> tuple[int, Path, int]:
    """The current generation with a reader's lease on it, re-reading the pointer if a build
    committed and reclaimed in between (a reader that was very slow to open)."""
    for _ in range(5):
        lease = _lease(gen_dir)
        if lease is not None:
            return gen, gen_dir, lease
        cur = current_generation(root)
        if cur is None:
            break
        gen, gen_dir = cur
    raise StoreError(f"{root}: the current generation keeps disappearing; is a build looping?")


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


def _reclaim(path: Path) -> bool:
    """Remove a generation directory unless a reader holds a lease on it; True if removed."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except FileNotFoundError:
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return False  # in use: a later build reclaims it
    try:
        shutil.rmtree(path, ignore_errors=True)
    finally:
        os.close(fd)
    return not path.exists()


def _collect_garbage(root: Path, keep: int) -> None:
    """Clear what dead builds left and reclaim old generations no reader uses.

    Cleared: temporary generations and pointer files (a build in progress holds the lock, so any
    found here are dead), and generations above the current one (renamed into place by a build
    killed before it wrote the pointer: never current, never read). Kept: the current generation
    and the ``keep - 1`` before it; older ones are removed unless a reader still has them open.
    Runs under the build lock only.
    """
    cur = current_generation(root)
    current = cur[0] if cur is not None else 0
    for child in root.iterdir():
        if child.name.startswith(f".{POINTER}.tmp-"):
            child.unlink(missing_ok=True)
        elif _TMP.match(child.name):
            shutil.rmtree(child, ignore_errors=True)
    gens = sorted((int(m.group(1)), c) for c in root.iterdir() if (m := _GEN.match(c.name)))
    for number, path in gens:
        if number > current:
            _reclaim(path)
    committed = [(n, c) for n, c in gens if n <= current]
    for number, path in committed[:-keep]:
        if number != current:
            _reclaim(path)


def _next_number(root: Path) -> int:
    """One above the current generation and above every generation directory still present
    (one that could not be removed is never reused)."""
    cur = current_generation(root)
    numbers = [cur[0] if cur is not None else 0]
    for child in root.iterdir():
        m = _GEN.match(child.name) or _TMP.match(child.name)
        if m:
            numbers.append(int(m.group(1)))
    return max(numbers) + 1


@contextlib.contextmanager
def _build_lock(root: Path) -> Iterator[None]:
    """One builder at a time per store: an flock the kernel releases when the builder dies.

    The descriptor is close-on-exec and closed in forked children (:func:`_drop_inherited_locks`),
    so no worker process can outlive the builder holding it. The builder's pid is written into
    the file, to name it when another build is refused.
    """
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.read(fd, 32).decode("ascii", "replace").strip()
        os.close(fd)
        who = f" (pid {holder})" if holder.isdigit() else ""
        raise StoreError(f"{root}: another build is running on this store{who}") from None
    _HELD_LOCKS.add(fd)
    try:
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        _HELD_LOCKS.discard(fd)
        os.close(fd)


@contextlib.contextmanager
def new_generation(root: str | Path, base: str = mint.DEFAULT_BASE) -> Iterator[Generation]:
    """Write a new generation of the store; it becomes current only if the block succeeds.

    The block gets a writable copy of the current generation (hard links, so cheap even for
    millions of triples). If the block raises, or the process dies, the copy is discarded and the
    current generation is untouched; whatever a killed build left is cleared by the next one.

    Raises:
        StoreError: if another build holds the store, or ``root`` is a bare Oxigraph directory
            (generations need a directory of their own), or the new generation cannot be put
            in place (naming the directory).

    Example:
        >>> import tempfile
        >>> root = tempfile.mkdtemp()
        >>> with new_generation(root) as gen:
        ...     gen.number
        1
    """
    root = Path(root)
    if is_bare_oxigraph(root):
        raise StoreError(f"{root}: a bare Oxigraph database; build into an empty directory")
    with _build_lock(root):
        _collect_garbage(root, KEEP_GENERATIONS)
        cur = current_generation(root)
        number = _next_number(root)
        tmp = root / f"gen-{number:06d}.tmp-{os.getpid()}"
        previous: dict[str, ManifestEntry] = {}
        if cur is not None:
            source = ox.Store.read_only(str(cur[1]))
            previous = read_manifest(source, base)
            source.backup(str(tmp))
            del source
            if (cur[1] / SIDECAR).is_file():  # the derived graph's counts go with the graph
                shutil.copyfile(cur[1] / SIDECAR, tmp / SIDECAR)
        gen: Generation | None = None
        try:
            gen = Generation(ox.Store(str(tmp)), number, tmp, previous)
            yield gen
            gen.store.flush()
            del gen.store  # the last reference: pyoxigraph closes the database here
            final = root / f"gen-{number:06d}"
            try:
                os.rename(tmp, final)
            except OSError as exc:
                raise StoreError(
                    f"{final}: cannot put the new generation in place ({exc})"
                ) from exc
            _write_pointer(root, number, final.name)
        except BaseException:
            if gen is not None:
                # close the database before removing its directory: the traceback keeps the
                # block's frames (and so ``gen``) alive, and a store dropped later would write
                # its files again into a fresh ``tmp`` that no build ever clears
                gen.store = ox.Store()
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        _collect_garbage(root, KEEP_GENERATIONS)
