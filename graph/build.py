"""Incremental, atomic builds of the store: one named graph per source document.

Why incremental: extraction (spaCy) is the slow step, so a rebuild after adding one document must
process only that document. Each document's triples live in the named graph
``id/graph/<sha256[:16]>`` and the meta graph records file name -> SHA-256 -> graph. A build
compares the files it is given with that manifest: unchanged files are skipped, new and changed
ones are extracted and (re)loaded, and files no longer given are dropped. Then the graphs that span
documents are refreshed (ontology, gazetteer, derived). All of it happens in a new store generation
that becomes current only when complete (:func:`graph.store.new_generation`).

A document that fails to extract is reported and skipped; if an earlier version of it was in the
store, that version stays (the store never loses a document to a bad edit).

Example:
    >>> import tempfile
    >>> from graph.rdf.document import DocumentInput
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

from extract.exceptions import DocumentError
from extract.models import ExtractionResult
from extract.text.load import expand_paths
from graph import mint
from graph.rdf.derived import derived_quads
from graph.rdf.document import DocumentInput, document_triples
from graph.rdf.static import gazetteer_graph, ontology_graph
from graph.rdf.text import load_graph, nquads
from graph.rdf.workers import RenderedDocument
from graph.store import Generation, ManifestEntry, new_generation, open_store, parse_store_url
from graph.vocab import DCTERMS, RG, XSD

__all__ = [
    "BuildReport",
    "build_store",
    "manifest_triples",
    "source_files",
]

Progress = Callable[[str, int, int], None]
# N-Quads bytes queued before a bulk load: the first batch is small and each next one as large as
# everything loaded so far, up to BATCH_BYTES (see _Run.flush)
FIRST_BATCH_BYTES = 1_000_000
BATCH_BYTES = 16_000_000  # about 90k quads, 0.5 s of bulk loading
Extractor = Callable[
    [Sequence[Path]], Iterable[ExtractionResult | RenderedDocument | DocumentError]
]


class _NothingToCommit(Exception):
    """Raised inside a generation to discard it: every document to process failed."""


@dataclass(frozen=True)
class BuildReport:
    """What a build did.

    Attributes:
        generation: the store generation now current.
        added: documents new to the store; ``updated``: changed ones; ``removed``: dropped ones;
        unchanged: skipped because their content hash matched.
        failed: (file, reason) for documents that could not be extracted.
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


def source_files(paths: Iterable[str | Path]) -> list[Path]:
    """The supported files under ``paths`` (directories expanded, sorted), names unique.

    Raises:
        ValueError: if a path does not exist, or two files share a name (records and the
            manifest identify documents by file name).

    Example:
        >>> [p.name for p in source_files(["data/corpus"])][:1]
        ['000_4e58da7c9791f56a.txt']
    """
    files: list[Path] = []
    seen: dict[str, Path] = {}
    for p in expand_paths(paths):
        if not p.exists():
            raise ValueError(f"{p}: no such file or directory")
        if p.name in seen and seen[p.name] != p:
            raise ValueError(f"two documents named {p.name!r}: {seen[p.name]} and {p}")
        seen[p.name] = p
        files.append(p)
    return files


def _default_extractor(paths: Sequence[Path]) -> Iterable[ExtractionResult | DocumentError]:
    from extract.corpus import extract_corpus

    return extract_corpus(paths)


def manifest_triples(
    doc: DocumentInput | RenderedDocument, graph_iri: str, base: str
) -> list[tuple[Node, ...]]:
    """The meta-graph entry of one document: file name -> SHA-256 -> named graph."""
    d = mint.document_iri(doc.sha256, base)
    stamp = Literal(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), datatype=XSD.dateTime)
    return [
        (d, RG.fileName, Literal(doc.name)),
        (d, RG.sha256, Literal(doc.sha256)),
        (d, RG.namedGraph, URIRef(graph_iri)),
        (d, DCTERMS.modified, stamp),
    ]


def _manifest_nquads(doc: DocumentInput | RenderedDocument, graph_iri: str, base: str) -> str:
    return nquads(manifest_triples(doc, graph_iri, base), str(mint.meta_graph_iri(base)))  # type: ignore[arg-type]


def _drop(gen: Generation, entry: ManifestEntry, base: str) -> None:
    gen.store.remove_graph(ox.NamedNode(entry.graph))
    d = ox.NamedNode(mint.document_iri(entry.sha256, base))
    meta = ox.NamedNode(mint.meta_graph_iri(base))
    for q in list(gen.store.quads_for_pattern(d, None, None, meta)):
        gen.store.remove(q)


def _refresh_shared(gen: Generation, base: str) -> None:
    for iri, graph in (
        (mint.ontology_graph_iri(base), ontology_graph()),
        (mint.gazetteer_graph_iri(base), gazetteer_graph(base)),
    ):
        gen.store.remove_graph(ox.NamedNode(iri))
        load_graph(gen.store, graph, str(iri))
    derived = ox.NamedNode(mint.derived_graph_iri(base))
    gen.store.remove_graph(derived)
    gen.store.extend(derived_quads(gen.store, base))


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
) -> BuildReport:
    """Bring the store at ``root`` up to date with the given documents.

    Args:
        root: the store directory (created if missing), or a SPARQL server
            ``sparql+http(s)://host/sparql`` (see :mod:`graph.remote.build`).
        paths: files and directories to extract (the extractor runs only on new or changed ones).
        inputs: documents whose records are already known (e.g. read from JSONL); together with
            ``paths`` they are the complete set: anything else in the store is dropped.
        base: base IRI of minted IRIs.
        extractor: ``files -> results or DocumentErrors`` (default: extract.extract_corpus).
        progress: called as ``progress(step, done, total)`` while documents are processed.
        force: rebuild every document even when its hash is unchanged.
        graph_store: for a remote store (``root`` = ``sparql+http(s)://...``), its Graph Store
            Protocol URL (default: derived from the endpoint, see :mod:`graph.remote.store`).
        break_lock: for a remote store, first remove a build lock left by a build that died
            (:mod:`graph.remote.lock`); an embedded store's lock needs no breaking (the kernel
            releases it with the process).

    Returns:
        A :class:`BuildReport`.

    Raises:
        ValueError: on a missing path, two documents with one name, or an invalid ``base``.
        graph.store.StoreError: when another build holds the store (on a server:
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
    root = Path(root)
    files = source_files(paths)
    given = list(inputs)
    hashes = {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files}
    hashes.update({d.name: d.sha256 for d in given})
    if len(hashes) != len(files) + len(given):
        raise ValueError("two documents share a file name among paths and inputs")
    if parse_store_url(root) is not None:
        from graph.remote.build import build_remote

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
    before = open_store(root, read_only=True, base=base)
    previous, generation = before.manifest(), before.generation
    before.close()
    todo = {n for n, h in hashes.items() if force or n not in previous or previous[n].sha256 != h}
    removed = sorted(set(previous) - set(hashes))
    unchanged = tuple(sorted(set(hashes) - todo))
    if not todo and not removed and generation > 0:
        with open_store(root, read_only=True, base=base) as s:
            return BuildReport(generation, unchanged=unchanged, triples=len(s), seconds=0.0)
    run = _Run(base, todo, progress)
    try:
        with new_generation(root, base) as gen:
            for name in removed:
                _drop(gen, gen.previous[name], base)
            for doc in given:
                if doc.name in todo:
                    run.put(gen, doc)
            work = [f for f in files if f.name in todo]
            if work:
                for out in (extractor or _default_extractor)(work):
                    run.take(gen, out)
            if generation > 0 and not (run.added or run.updated or removed):
                raise _NothingToCommit
            run.flush(gen)
            _refresh_shared(gen, base)
            number, triples = gen.number, len(gen.store)
    except _NothingToCommit:
        number, triples = generation, _count(root, base)
    return BuildReport(
        generation=number,
        added=tuple(sorted(run.added)),
        updated=tuple(sorted(run.updated)),
        removed=tuple(removed),
        unchanged=unchanged,
        failed=tuple(run.failed),
        triples=triples,
        seconds=time.perf_counter() - t0,
    )


def _count(root: Path, base: str) -> int:
    with open_store(root, read_only=True, base=base) as s:
        return len(s)


class _Run:
    """Bookkeeping of one build: what was added, updated, failed; progress reporting."""

    def __init__(self, base: str, todo: set[str], progress: Progress | None) -> None:
        self.base = base
        self.total = len(todo)
        self.done = 0
        self.progress = progress
        self.added: list[str] = []
        self.updated: list[str] = []
        self.failed: list[tuple[str, str]] = []
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.loaded_size = 0

    def step(self, name: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(name, self.done, self.total)

    def put(self, gen: Generation, doc: DocumentInput | RenderedDocument) -> None:
        """Replace (or add) the named graph of one document in the new generation."""
        graph_iri = str(mint.document_graph_iri(doc.sha256, self.base))
        if isinstance(doc, RenderedDocument):
            if doc.graph != graph_iri:
                raise ValueError(f"{doc.name}: rendered for the graph {doc.graph}, not {graph_iri}")
            data = doc.nquads
        else:
            data = nquads(document_triples(doc, self.base), graph_iri).encode("utf-8")
        old = gen.previous.get(doc.name)
        if old is not None:
            _drop(gen, old, self.base)
        self.pending.append(data)
        self.pending.append(_manifest_nquads(doc, graph_iri, self.base).encode("utf-8"))
        self.pending_size += len(data)
        if self.pending_size >= min(BATCH_BYTES, max(FIRST_BATCH_BYTES, self.loaded_size)):
            self.flush(gen)
        (self.updated if old is not None else self.added).append(doc.name)
        self.step(doc.name)

    def flush(self, gen: Generation) -> None:
        """Bulk-load the queued documents.

        Why batches, and why growing ones: one Oxigraph bulk load per document would write new
        files each time, while one load at the end would leave the writer idle while documents
        are extracted and then do all its work after the last one. With ``--jobs N`` the workers
        keep extracting while this process loads (Oxigraph releases the GIL), so the writer
        starts with a small batch and then loads, each time, about as much as it has loaded so
        far (capped at ``BATCH_BYTES``): it is busy early and the work left after the last
        document is one batch at most.
        """
        if self.pending:
            # lenient: the text is ours and its IRIs are minted (quoted) from a base checked
            # when the build starts, so re-validating every IRI would only cost time (~10%)
            gen.store.bulk_load(b"".join(self.pending), format=ox.RdfFormat.N_QUADS, lenient=True)
            self.loaded_size += self.pending_size
            self.pending, self.pending_size = [], 0

    def take(
        self, gen: Generation, out: ExtractionResult | RenderedDocument | DocumentError
    ) -> None:
        """One extractor output: load it, or record why it failed (the old graph stays)."""
        if isinstance(out, RenderedDocument):
            self.put(gen, out)
            return
        if isinstance(out, DocumentError):
            name = Path(out.path).name
            self.failed.append((name, f"[{out.code}] {out.reason}"))
            self.step(name)
            return
        try:
            self.put(gen, DocumentInput.from_result(out))
        except ValueError as exc:
            self.failed.append((out.doc.name, str(exc)))
            self.step(out.doc.name)
