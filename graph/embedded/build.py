"""Incremental, atomic builds of the embedded store: one named graph per source document.

Why incremental: extraction (spaCy) is the slow step, so a rebuild after adding one document must
process only that document. Each document's triples live in the named graph ``id/graph/<key>``
(the key of its file name and content, :func:`graph.mint.document_key`) and the meta graph records
file name -> SHA-256 -> graph. A build compares the files it is given with that manifest:
unchanged files are skipped, new and changed ones are extracted and (re)loaded, and files no
longer given are dropped. An entry whose graph is not the one its name and hash give (a store built
before graphs were keyed by name) counts as changed, so such a store converts itself. Then the
graphs that span documents are refreshed (ontology, gazetteer, derived: what documents state
about shared resources lives once, there, see :mod:`graph.rdf.derived`; it is updated from the
changed documents only, :mod:`graph.embedded.derived_update`, so adding a document costs the same
in a small and a large store). All of it happens in a new store generation that becomes current
only when complete (:func:`graph.embedded.store.new_generation`).

A document that fails to extract is reported and skipped; if an earlier version of it was in the
store, that version stays (the store never loses a document to a bad edit).
:func:`graph.build.build_store` checks the inputs and calls :func:`build_embedded` for a directory.

Example:
    >>> import tempfile
    >>> from graph.rdf.input import DocumentInput
    >>> doc = DocumentInput(name="a.txt", sha256="1" * 64, records=())
    >>> root = tempfile.mkdtemp()
    >>> report = build_embedded(Path(root), [], [doc], {"a.txt": "1" * 64}, extractor=list)
    >>> report.added, report.generation
    (('a.txt',), 1)
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from extract import DocumentError, ExtractionResult
from graph import mint
from graph.backend import BuildReport, ManifestEntry
from graph.embedded.changes import DocumentChanges
from graph.embedded.derived_full import Prepared, prepare_fresh
from graph.embedded.derived_update import refresh_derived
from graph.embedded.fact_counts import stored_total
from graph.embedded.generations import current_generation
from graph.embedded.store import Generation, new_generation, open_embedded
from graph.rdf.document import document_triples
from graph.rdf.input import DocumentInput
from graph.rdf.manifest import manifest_triples
from graph.rdf.text import nquads
from graph.rdf.workers import Extractor, Progress, RenderedDocument
from graph.vocab import RG

__all__ = ["build_embedded"]

RG_NAMED_GRAPH = ox.NamedNode(str(RG.namedGraph))

# N-Quads bytes queued before a bulk load: the first batch is small and each next one as large as
# everything loaded so far, up to BATCH_BYTES (see _Run.flush)
FIRST_BATCH_BYTES = 1_000_000
BATCH_BYTES = 64_000_000  # about 350k quads, 2 s of bulk loading
# bulk loads running at once, each on a core of its own (see _Run.flush)
LOADERS = 2


class _NothingToCommit(Exception):
    """Raised inside a generation to discard it: every document to process failed."""


def _manifest_nquads(doc: DocumentInput | RenderedDocument, graph_iri: str, base: str) -> str:
    return nquads(manifest_triples(doc, graph_iri, base), str(mint.meta_graph_iri(base)))  # type: ignore[arg-type]


def _bulk_load(store: ox.Store, data: bytes) -> None:
    # lenient: the text is ours and its IRIs are minted (quoted) from a base checked when the
    # build starts, so re-validating every IRI would only cost time (~10%)
    try:
        store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    except BaseException:
        # the traceback keeps this frame, and a store it keeps open would write its files again
        # into the generation's directory once the build has removed it (new_generation)
        del store, data
        raise


def _drop(gen: Generation, entry: ManifestEntry, base: str, changes: DocumentChanges) -> None:
    """Remove a document's graph and its manifest entry (found by its graph, whatever IRI
    scheme the entry was written with), noting in ``changes`` what it stated."""
    graph = ox.NamedNode(entry.graph)
    changes.dropping(gen.store, graph)
    gen.store.remove_graph(graph)
    meta = ox.NamedNode(mint.meta_graph_iri(base))
    for link in list(gen.store.quads_for_pattern(None, RG_NAMED_GRAPH, graph, meta)):
        for q in list(gen.store.quads_for_pattern(link.subject, None, None, meta)):
            gen.store.remove(q)


def build_embedded(
    root: Path,
    files: Sequence[Path],
    given: Sequence[DocumentInput],
    hashes: dict[str, str],
    *,
    base: str = mint.DEFAULT_BASE,
    extractor: Extractor,
    progress: Progress | None = None,
    force: bool = False,
    started: float | None = None,
) -> BuildReport:
    """Bring the store directory ``root`` up to date with the given documents.

    Args mirror :func:`graph.build.build_store`, which calls this for a directory; ``hashes``
    maps every given file name to its SHA-256.

    Raises:
        graph.backend.StoreError: when another build holds the store.
    """
    t0 = time.perf_counter() if started is None else started
    before = open_embedded(root, read_only=True, base=base)
    previous, generation = before.manifest(), before.generation
    force = force or (generation > 0 and _old_layout(before.store, previous.values()))
    before.close()
    todo = {n for n, h in hashes.items() if force or _stale(previous.get(n), n, h, base)}
    removed = sorted(set(previous) - set(hashes))
    unchanged = tuple(sorted(set(hashes) - todo))
    if not todo and not removed and generation > 0:
        return BuildReport(generation, unchanged=unchanged, triples=_count(root, base), seconds=0.0)
    run = _Run(base, todo, progress)
    try:
        with new_generation(root, base) as gen:
            run.changes.begin(gen.store, base)
            for name in removed:
                _drop(gen, gen.previous[name], base, run.changes)
            try:
                for doc in given:
                    if doc.name in todo:
                        run.put(gen, doc)
                work = [f for f in files if f.name in todo]
                if work:
                    for out in extractor(work):
                        run.take(gen, out)
                run.flush(gen)
                # a new store holds only what this build loaded: its derived graph is computed
                # from what was counted, while the last documents load
                prepared = None if generation > 0 else run.prepare()
                if prepared is not None:  # loaded after the documents, counted meanwhile
                    run.submit(gen, prepared.nquads)
                    prepared.write_counts(gen.path)
                run.settle()
            finally:
                run.close()  # no load may outlive the block: the generation closes after it
            if generation > 0 and not (run.added or run.updated or removed):
                raise _NothingToCommit
            compact = _worth_optimizing(len(todo), len(hashes))
            if prepared is not None and compact:
                triples = _count_while_compacting(gen, base, prepared)
            else:
                triples = refresh_derived(
                    gen.store, gen.path, base, run.changes, full=force, prepared=prepared
                )
                if compact:
                    gen.store.optimize()
            number = gen.number
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
        notes=tuple(run.notes),
    )


def _count_while_compacting(gen: Generation, base: str, prepared: Prepared) -> int:
    """Compact a new store (every document written: always worth it) and count its quads at the
    same time; the count, recorded in its counts file.

    Why together: the count reads every quad (0.3-0.6 s at 1.9M) and compaction rewrites every
    file (3-4 s) on one core each; both only read the data, which is complete once the loads
    have settled, so on two cores the count costs no time. Nothing writes meanwhile: a new
    store's derived graph and counts were prepared and loaded with its documents.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="resgraph-optimize") as pool:
        compacting = pool.submit(gen.store.optimize)
        triples = refresh_derived(gen.store, gen.path, base, None, prepared=prepared)
        compacting.result()
    return triples


def _worth_optimizing(rebuilt: int, documents: int) -> bool:
    """True when a build wrote much of the store, so compacting it is worth its time.

    Why: a bulk load leaves many small sorted files; ``Store.optimize`` merges them (37 -> 19 files
    on the 1M-triple synthetic store, 4 s) and makes two-pattern joins about 2x faster for every
    later query. A build that adds one document to a large store would pay those seconds for
    little; one that (re)wrote a quarter of the documents or more pays them once for all readers.

    Example:
        >>> _worth_optimizing(5, 5), _worth_optimizing(1, 400), _worth_optimizing(120, 400)
        (True, False, True)
    """
    return rebuilt * 4 >= max(documents, 1)


def _stale(entry: ManifestEntry | None, name: str, sha256: str, base: str) -> bool:
    """True when a document must be (re)built: new, changed, or in a graph of an older scheme."""
    return (
        entry is None
        or entry.sha256 != sha256
        or entry.graph != str(mint.document_graph_iri(name, sha256, base))
    )


def _old_layout(store: ox.Store, entries: Iterable[ManifestEntry]) -> bool:
    """True for a store built before each fact was stored once: its documents' graphs describe
    versions themselves (now only the derived graph does), so every document is rebuilt.

    Why one lookup per document's graph rather than a scan of every ``rg:versionOf``: the scan
    grew with the store (0.26 s of adding one document at 1.9M triples)."""
    version_of = ox.NamedNode(RG.versionOf)
    return any(
        next(store.quads_for_pattern(None, version_of, None, ox.NamedNode(e.graph)), None)
        is not None
        for e in entries
    )


def _count(root: Path, base: str) -> int:
    """Quads of the current generation: as its build counted them, else counted now."""
    cur = current_generation(root)
    total = None if cur is None else stored_total(cur[1])
    if total is not None:
        return total
    with open_embedded(root, read_only=True, base=base) as s:
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
        self.notes: list[str] = []  # what loading warned about, per document
        self.pending: list[bytes] = []
        self.pending_size = 0
        self.loaded_size = 0
        self.changes = DocumentChanges()  # what the derived graph is updated from
        # the bulk loads run in these threads, LOADERS at a time (see flush)
        self.loader = ThreadPoolExecutor(max_workers=LOADERS, thread_name_prefix="resgraph-load")
        self.loading: deque[Future[None]] = deque()

    def step(self, name: str) -> None:
        self.done += 1
        if self.progress is not None:
            self.progress(name, self.done, self.total)

    def put(self, gen: Generation, doc: DocumentInput | RenderedDocument) -> None:
        """Replace (or add) the named graph of one document in the new generation."""
        graph_iri = str(mint.document_graph_iri(doc.name, doc.sha256, self.base))
        if isinstance(doc, RenderedDocument):
            if doc.graph != graph_iri:
                raise ValueError(f"{doc.name}: rendered for the graph {doc.graph}, not {graph_iri}")
            data = doc.nquads
        else:
            data = nquads(document_triples(doc, self.base), graph_iri).encode("utf-8")
        old = gen.previous.get(doc.name)
        if old is not None:
            self.settle()  # a drop reads and writes the store while no load runs
            _drop(gen, old, self.base, self.changes)
        self.changes.loaded(ox.NamedNode(graph_iri), data)
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

        Why in threads: Oxigraph releases the GIL while it loads, and the load is partly spent
        waiting on the disk, so the builder takes the next documents (counting their shared
        texts, :class:`graph.embedded.fact_counts.LedgerTally`) meanwhile.

        Why two at a time (``LOADERS``): one bulk load of fewer than a million quads (every
        batch here) parses, sorts and writes its files on one core, while a raw load of all the
        quads in one call overlaps its chunks on two; two batches loading side by side use both
        cores again. They write distinct graphs (a document is dropped only once the loads have
        settled), and Oxigraph's own loader ingests files from several threads the same way. The
        builder waits only while both loaders are busy, so when the last document is taken the
        derived graph is computed (:meth:`prepare`) while they still load. :meth:`settle` waits
        for every load.
        """
        if self.pending:
            data = b"".join(self.pending)
            self.loaded_size += self.pending_size
            self.pending, self.pending_size = [], 0
            self.submit(gen, data)

    def submit(self, gen: Generation, data: bytes) -> None:
        """Bulk-load the N-Quads ``data`` in a loading thread (waiting first, while ``LOADERS``
        loads run, for the oldest)."""
        while len(self.loading) >= LOADERS:
            self.loading.popleft().result()
        self.loading.append(self.loader.submit(_bulk_load, gen.store, data))

    def prepare(self) -> Prepared | None:
        """The static and derived graphs of a new store from what this build counted."""
        return prepare_fresh(self.base, self.changes.tally.stated(), self.changes.confirmations)

    def settle(self) -> None:
        """Wait for the loads queued or in progress, raising what the first failing one raised."""
        while self.loading:
            self.loading.popleft().result()

    def close(self) -> None:
        """Wait for the loads in progress, if any, and stop the loading threads."""
        self.loader.shutdown(wait=True)

    def take(
        self, gen: Generation, out: ExtractionResult | RenderedDocument | DocumentError
    ) -> None:
        """One extractor output: load it, or record why it failed (the old graph stays)."""
        if isinstance(out, RenderedDocument):
            self.notes.extend(out.warnings)
            self.put(gen, out)
            return
        if isinstance(out, DocumentError):
            name = Path(out.path).name
            self.failed.append((name, f"[{out.code}] {out.reason}"))
            self.step(name)
            return
        self.notes.extend(out.doc.warnings)
        try:
            self.put(gen, DocumentInput.from_result(out))
        except ValueError as exc:
            self.failed.append((out.doc.name, str(exc)))
            self.step(out.doc.name)
