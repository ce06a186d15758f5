"""Parallel builds: each worker process turns one document into the text of its named graph.

Why the workers do more than extract: extraction (spaCy) is a pure function from one document to
records, and so is turning those records into triples; both are the per-document work that grows
with the corpus. Shipping the document's named graph back as N-Quads bytes (one buffer per
document, ready for Oxigraph's bulk loader) is cheaper than pickling the records and lets the
builder, the only process writing the store, do no per-document work but the write itself. So
``resgraph build --jobs N`` runs :func:`render_document` in ``N`` processes while the builder
loads what has come back (:func:`graph.build.build_store`); the store writes stay serialized and
atomic.

The same function maps onto a cluster engine for millions of documents (docs/scaling.md):
``dask.bag.from_sequence(paths).map(render_document)`` or ``ray.remote(render_document)``.

Example:
    >>> out = render_document("data/corpus/003_fb0deb38008239bc.txt")
    >>> out.name, out.nquads.count(b"\\n") > 100, out.graph == str(mint.document_graph_iri(
    ...     out.name, out.sha256))
    ('003_fb0deb38008239bc.txt', True, True)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from extract import DocumentError, ExtractionResult, old_objects_frozen
from graph import mint

__all__ = ["Extractor", "Progress", "RenderedDocument", "parallel_extractor", "render_document"]

#: Code of a document whose records cannot be turned into triples.
RENDER_ERROR = "E200"


@dataclass(frozen=True)
class RenderedDocument:
    """One document as the builder stores it: name, content hash, the IRI of its named graph
    and that graph's content as UTF-8 N-Quads (every line ends ``<graph> .``)."""

    name: str
    sha256: str
    graph: str
    nquads: bytes

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
    """
    from extract import extract_document
    from graph.rdf.document import DocumentInput, document_triples
    from graph.rdf.text import nquads

    try:
        doc = DocumentInput.from_result(extract_document(path))
        graph = str(mint.document_graph_iri(doc.name, doc.sha256, base))
        data = nquads(document_triples(doc, base), graph).encode("utf-8")
    except DocumentError as exc:
        return exc
    except ValueError as exc:
        return DocumentError(str(path), RENDER_ERROR, str(exc))
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
        work = partial(_render, base=base, freeze_gc=True)
        paths = [str(f) for f in files]
        if jobs == 1 or len(paths) < 2:
            here = partial(_render, base=base, freeze_gc=freeze_gc)
            outputs: Iterator[RenderedDocument | tuple[str, str, str]] = map(here, paths)
            yield from (DocumentError(*o) if isinstance(o, tuple) else o for o in outputs)
            return
        import extract.corpus  # noqa: F401  (loaded once here; forked workers inherit spaCy)

        with ProcessPoolExecutor(max_workers=min(jobs, len(paths))) as pool:
            for o in pool.map(work, paths, chunksize=1):
                yield DocumentError(*o) if isinstance(o, tuple) else o

    return run
