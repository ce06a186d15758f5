"""Parallel builds: each worker process turns one document into the text of its named graph.

Why the workers do more than extract: extraction (spaCy) is a pure function from one document to
records, and so is turning those records into triples; both are the per-document work that grows
with the corpus. Shipping the document's named graph back as N-Quads bytes (one buffer per
document, ready for Oxigraph's bulk loader) is cheaper than pickling the records and lets the
builder, the only process writing the store, do no per-document work but the write itself. So
``resgraph build --jobs N`` runs :func:`render_document` in ``N`` processes while the builder
loads what has come back (:func:`graph.build.build_store`); the store writes stay serialized and
atomic.

Why the workers cannot outlive the builder or take the build down: each worker asks the kernel
to kill it when the builder dies (``PR_SET_PDEATHSIG``), so a SIGTERM or SIGKILL of
``resgraph build --jobs N`` leaves no process behind (and none keeps the store's build lock, which
forked children close anyway, see :mod:`graph.embedded.store`). A worker that dies itself (killed
by the kernel for memory, a crash in a parser) fails only its document: the pool is restarted and
the first unfinished document run alone, so the one that kills a worker is named and skipped.

The same function maps onto a cluster engine for millions of documents (docs/scaling.md):
``dask.bag.from_sequence(paths).map(render_document)`` or ``ray.remote(render_document)``.

Example:
    >>> out = render_document("data/corpus/003_fb0deb38008239bc.txt")
    >>> out.name, out.nquads.count(b"\\n") > 100, out.graph == str(mint.document_graph_iri(
    ...     out.name, out.sha256))
    ('003_fb0deb38008239bc.txt', True, True)
"""

from __future__ import annotations

import ctypes
import dataclasses
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from extract import (
    DocumentError,
    ExtractionResult,
    languages_of,
    old_objects_frozen,
    warm_for_workers,
)
from graph import mint
from graph.rdf.input import DocumentInput

__all__ = [
    "Extractor",
    "Progress",
    "RenderedDocument",
    "parallel_extractor",
    "render_document",
    "render_input",
]

#: Code of a document whose records cannot be turned into triples.
RENDER_ERROR = "E200"
#: Code of a document whose worker process died while extracting it (killed, out of memory).
WORKER_DIED = "E201"

_PR_SET_PDEATHSIG = 1  # linux/prctl.h


@dataclass(frozen=True)
class RenderedDocument:
    """One document as the builder stores it: name, content hash, the IRI of its named graph
    and that graph's content as UTF-8 N-Quads (every line ends ``<graph> .``), and what loading
    it warned about (e.g. bytes replaced while decoding), for the build report."""

    name: str
    sha256: str
    graph: str
    nquads: bytes
    warnings: tuple[str, ...] = ()

    @property
    def ntriples(self) -> str:
        """The same triples as N-Triples text (for a Graph Store Protocol PUT of the graph)."""
        return self.nquads.decode("utf-8").replace(f" <{self.graph}> .\n", " .\n")


#: What a build runs on the files to (re)load: ``files -> results, rendered graphs or errors``.
Extractor = Callable[
    [Sequence[Path]], Iterable[ExtractionResult | RenderedDocument | DocumentError]
]
#: Called as ``progress(step, done, total)`` while a build processes documents.
Progress = Callable[[str, int, int], None]


def render_document(
    path: str | Path, base: str = mint.DEFAULT_BASE
) -> RenderedDocument | DocumentError:
    """Extract one document and render its named graph (a failure is returned, not raised).

    Why returned: one bad document must not stop a corpus run, and a worker's exception would
    cross the process boundary badly; :class:`DocumentError` names the file and the problem.
    Any other error (memory, recursion in a deeply nested file) is turned into one too.
    """
    from extract import extract_document

    try:
        result = extract_document(path)
        rendered = render_input(DocumentInput.from_result(result), base)
    except DocumentError as exc:
        return exc
    except ValueError as exc:
        return DocumentError(str(path), RENDER_ERROR, str(exc))
    except (Exception, RecursionError, MemoryError) as exc:  # one document, not the build
        return DocumentError(str(path), RENDER_ERROR, f"{type(exc).__name__}: {exc}")
    return dataclasses.replace(rendered, warnings=tuple(result.doc.warnings))


def render_input(doc: DocumentInput, base: str = mint.DEFAULT_BASE) -> RenderedDocument:
    """A document whose records are known, rendered as a worker renders it (the N-Quads of its
    named graph), e.g. for measuring the build apart from extraction.

    Raises:
        ValueError: naming the document and record that cannot be mapped.

    Example:
        >>> from graph.rdf.input import DocumentInput
        >>> render_input(DocumentInput(name="e.txt", sha256="0" * 64, records=())).name
        'e.txt'
    """
    from graph.rdf.document import collector_paused, document_triples
    from graph.rdf.text import nquads_utf8

    graph = str(mint.document_graph_iri(doc.name, doc.sha256, base))
    with collector_paused():  # until the triples are text and freed: see collector_paused
        data = nquads_utf8(document_triples(doc, base), graph)
    return RenderedDocument(doc.name, doc.sha256, graph, data)


def _render(
    path: str, base: str, freeze_gc: bool = False
) -> RenderedDocument | tuple[str, str, str]:
    if freeze_gc:  # the process is a builder's own: see extract.old_objects_frozen
        with old_objects_frozen():
            out = render_document(path, base)
    else:
        out = render_document(path, base)
    return (out.path, out.code, out.reason) if isinstance(out, DocumentError) else out


def _die_with_builder(builder: int) -> None:
    """Pool-worker initializer: have the kernel kill this worker when the builder dies.

    Why: a worker blocked on its task queue would otherwise live on after a SIGKILL of the
    builder, an orphan holding memory and, before forked children closed it, the build lock.
    The death signal follows the thread that forked the worker, which is the builder's own
    (the pool forks all its workers in the thread that first submits). If the builder died before
    the signal was armed, the parent is already someone else: exit now.
    """
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != builder:
        os._exit(1)


def _pooled(
    paths: Sequence[str], jobs: int, base: str
) -> Iterator[RenderedDocument | DocumentError]:
    """Render ``paths`` in ``jobs`` worker processes, in order, surviving the death of workers.

    When a worker dies, every unfinished task fails. The first unfinished document (the oldest
    in flight: a suspect) is then run alone in a pool of its own: if that pool dies too, the
    document is the cause and is reported (E201); otherwise it was a bystander. The rest go on in
    a new pool, so each document that kills its worker costs a restart and nothing else.
    """
    work = partial(_render, base=base, freeze_gc=True)
    done = 0  # paths[:done] have been yielded
    while done < len(paths):
        pool = ProcessPoolExecutor(
            max_workers=min(jobs, len(paths) - done),
            initializer=_die_with_builder,
            initargs=(os.getpid(),),
        )
        broken = False
        futures: list[Future[RenderedDocument | tuple[str, str, str]]] = []
        try:
            try:
                for p in paths[done:]:
                    futures.append(pool.submit(work, p))
            except BrokenProcessPool:
                # a worker died while the tasks were handed out (forking a large builder takes
                # a while): the pool takes no more, and its tasks fail as below
                futures = []
                broken = True
            for future in futures:
                try:
                    out = future.result()
                except BrokenProcessPool:
                    broken = True
                    break
                done += 1
                yield DocumentError(*out) if isinstance(out, tuple) else out
        finally:
            # an early exit (the builder failed, or was closed) must not wait for the rest
            pool.shutdown(wait=True, cancel_futures=True)
        if broken:
            done += 1
            yield _alone(paths[done - 1], work)


def _alone(
    path: str, work: Callable[[str], RenderedDocument | tuple[str, str, str]]
) -> RenderedDocument | DocumentError:
    """Run one document in a worker of its own; its death names the document."""
    with ProcessPoolExecutor(
        max_workers=1, initializer=_die_with_builder, initargs=(os.getpid(),)
    ) as pool:
        try:
            out = pool.submit(work, path).result()
        except BrokenProcessPool:
            return DocumentError(
                path,
                WORKER_DIED,
                "the worker process extracting it died (killed for memory, or a crash in a "
                "parser); the rest of the build went on",
            )
    return DocumentError(*out) if isinstance(out, tuple) else out


def parallel_extractor(
    jobs: int, base: str = mint.DEFAULT_BASE, freeze_gc: bool = False
) -> Callable[[Sequence[Path]], Iterator[RenderedDocument | DocumentError]]:
    """An extractor for :func:`graph.build.build_store` rendering documents in ``jobs`` processes.

    Results come back in input order as they are ready, so the builder writes while the workers
    work. ``jobs=1`` renders in this process. ``freeze_gc``: this process is the caller's own
    (the CLI), so extraction may keep the collector off its long-lived objects
    (:func:`extract.old_objects_frozen`); pool workers, processes of their own, always do.

    Raises:
        ValueError: if ``jobs`` is below 1.

    Example:
        >>> [type(o).__name__ for o in parallel_extractor(1)([Path("missing.txt")])]
        ['DocumentError']
    """
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, not {jobs}")

    def run(files: Sequence[Path]) -> Iterator[RenderedDocument | DocumentError]:
        paths = [str(f) for f in files]
        if jobs == 1 or len(paths) < 2:
            here = partial(_render, base=base, freeze_gc=freeze_gc)
            outputs: Iterator[RenderedDocument | tuple[str, str, str]] = map(here, paths)
            yield from (DocumentError(*o) if isinstance(o, tuple) else o for o in outputs)
            return
        # the pipelines and tables of the run's languages built once here: forked workers
        # inherit them instead of each building its own
        warm_for_workers(languages_of(paths))
        yield from _pooled(paths, jobs, base)

    return run
