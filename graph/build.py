"""Builds of the store: check the documents given, then update the store where it lives.

Why one entry point: ``resgraph build``, the tests and the benchmarks build a directory (the
embedded store, :mod:`graph.embedded.build`) or a SPARQL server (:mod:`graph.remote.build`) with
the same call; the location decides which, here and only here. Both builds are incremental (only
new and changed documents are extracted) and atomic (readers see the old generation or the new
one, never a mixture).

Example:
    >>> import tempfile
    >>> from graph.rdf.input import DocumentInput
    >>> root = tempfile.mkdtemp()
    >>> report = build_store(root, inputs=[DocumentInput(name="a.txt", sha256="1" * 64,
    ...                                                  records=())])
    >>> report.added, report.generation
    (('a.txt',), 1)
    >>> build_store(root, inputs=[DocumentInput(name="a.txt", sha256="1" * 64,
    ...                                         records=())]).changed
    False
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from stat import S_ISREG

import pyoxigraph as ox

from extract import DocumentError, ExtractionResult, expand_paths
from graph import mint
from graph.backend import BuildReport, ManifestEntry, parse_store_url
from graph.embedded.build import build_embedded
from graph.rdf.input import DocumentInput
from graph.rdf.workers import Extractor, Progress

__all__ = ["BuildReport", "build_store", "source_files", "stored_documents"]

#: The formats a directory is searched for (``extract.load_document`` reads these), for messages.
SUPPORTED = ".txt, .docx, .pdf, .html, .md"


def source_files(paths: Iterable[str | Path]) -> list[Path]:
    """The supported files under ``paths`` (directories expanded, sorted), names unique.

    Raises:
        ValueError: if a path does not exist, a directory holds no document of a supported
            format (a build from it would drop every document of the store), or two files share
            a name (records and the manifest identify documents by file name).

    Example:
        >>> [p.name for p in source_files(["data/corpus"])][:1]
        ['000_4e58da7c9791f56a.txt']
    """
    files: list[Path] = []
    seen: dict[str, Path] = {}
    for given in paths:
        found = list(expand_paths([given]))
        if Path(given).is_dir() and not found:
            raise ValueError(f"{given}: no document of a supported format ({SUPPORTED})")
        for p in found:
            if not p.exists():
                raise ValueError(f"{p}: no such file or directory")
            if p.name in seen and seen[p.name] != p:
                raise ValueError(f"two documents named {p.name!r}: {seen[p.name]} and {p}")
            seen[p.name] = p
            files.append(p)
    return files


def stored_documents(
    root: str | Path, *, base: str = mint.DEFAULT_BASE, graph_store: str | None = None
) -> dict[str, ManifestEntry]:
    """The documents the store at ``root`` holds now (file name -> manifest entry).

    Why: ``resgraph build PATH`` makes the store exactly PATH's documents, so the CLI asks this
    first to name what such a build would drop; ``keep_others`` builds read it to keep them.

    Returns:
        An empty dict before the first build (or for a directory that does not exist yet).

    Raises:
        graph.backend.StoreError: if the store cannot be opened.

    Example:
        >>> import tempfile
        >>> stored_documents(tempfile.mkdtemp())
        {}
    """
    from graph.store import current_generation, open_store

    if parse_store_url(root) is None and (
        not Path(root).exists() or current_generation(root) is None
    ):
        return {}
    with open_store(root, read_only=True, base=base, graph_store=graph_store) as store:
        return store.manifest()


#: The hash given to a file that cannot be read: it counts as changed, so the extractor reports
#: why (E009) and an earlier version in the store stays.
UNREADABLE = "0" * 64
#: Files larger than the loader accepts (``extract.load_document``'s ``max_bytes``, 50 MB) are
#: not hashed: the loader refuses them by their size alone (E002), so reading them would only
#: cost time (seconds for a file of gigabytes, at every build).
MAX_HASHED_BYTES = 50_000_000


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks (a 50 MB file costs a few kilobytes of memory).

    A file over :data:`MAX_HASHED_BYTES` gets a key of its size and modification time instead,
    which never equals a stored hash: it is handed to the extractor, which refuses it. So does
    anything but a regular file (a FIFO or ``/dev/zero`` behind a ``.txt`` name would never end).

    Example:
        >>> file_sha256(Path("missing.txt")) == UNREADABLE
        True
    """
    try:
        stat = path.stat()
        if not S_ISREG(stat.st_mode):
            return UNREADABLE
        if stat.st_size > MAX_HASHED_BYTES:
            key = f"oversized {stat.st_size} {stat.st_mtime_ns}".encode()
            return hashlib.sha256(key).hexdigest()
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return UNREADABLE


def _default_extractor(paths: Sequence[Path]) -> Iterable[ExtractionResult | DocumentError]:
    from extract import extract_corpus

    return extract_corpus(paths)


def build_store(
    root: str | Path,
    paths: Iterable[str | Path] = (),
    *,
    inputs: Iterable[DocumentInput] = (),
    base: str = mint.DEFAULT_BASE,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    force: bool = False,
    graph_store: str | None = None,
    break_lock: bool = False,
    keep_others: bool = False,
) -> BuildReport:
    """Bring the store at ``root`` up to date with the given documents.

    Args:
        root: the store directory (created if missing), or a SPARQL server
            ``sparql+http(s)://host/sparql`` (see :mod:`graph.remote.build`).
        paths: files and directories to extract (the extractor runs only on new or changed ones).
        inputs: documents whose records are already known (e.g. read from JSONL); together with
            ``paths`` they are the complete set: anything else in the store is dropped (unless
            ``keep_others``).
        base: base IRI of minted IRIs.
        extractor: ``files -> results or DocumentErrors`` (default: extract.extract_corpus).
        progress: called as ``progress(step, done, total)`` while documents are processed.
        force: rebuild every document even when its hash is unchanged.
        graph_store: for a remote store (``root`` = ``sparql+http(s)://...``), its Graph Store
            Protocol URL (default: derived from the endpoint, see :mod:`graph.remote.store`).
        break_lock: for a remote store, first remove a build lock left by a build that died
            (:mod:`graph.remote.lock`); an embedded store's lock needs no breaking (the kernel
            releases it with the process).
        keep_others: keep the store's documents that are not given (``resgraph add``): the
            given ones are added or updated, nothing is dropped.

    Returns:
        A :class:`BuildReport`.

    Raises:
        ValueError: on a missing path, two documents with one name, or an invalid ``base``.
        graph.backend.StoreError: when another build holds the store (on a server:
            :class:`graph.remote.lock.BuildLockedError`).

    Example:
        >>> import tempfile
        >>> build_store(tempfile.mkdtemp(), inputs=[]).generation
        1
    """
    t0 = time.perf_counter()
    try:
        ox.NamedNode(base)
    except ValueError as exc:
        raise ValueError(f"base IRI {base!r} is not a valid IRI: {exc}") from None
    files = source_files(paths)
    given = list(inputs)
    hashes = {f.name: file_sha256(f) for f in files}
    hashes.update({d.name: d.sha256 for d in given})
    if len(hashes) != len(files) + len(given):
        raise ValueError("two documents share a file name among paths and inputs")
    if keep_others:
        # a kept document is "given" with the hash it is stored under: unchanged, so never read
        stored = stored_documents(root, base=base, graph_store=graph_store)
        hashes = {n: e.sha256 for n, e in stored.items()} | hashes
    if parse_store_url(root) is not None:
        from graph.remote.build import build_remote  # imported when used: httpx costs ~0.2 s

        return build_remote(
            str(root),
            files,
            given,
            hashes,
            base=base,
            extractor=extractor or _default_extractor,
            progress=progress,
            force=force,
            graph_store=graph_store,
            started=t0,
            break_lock=break_lock,
        )
    return build_embedded(
        Path(root),
        files,
        given,
        hashes,
        base=base,
        extractor=extractor or _default_extractor,
        progress=progress,
        force=force,
        started=t0,
    )
