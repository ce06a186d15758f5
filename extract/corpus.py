"""Extraction of one document or a whole corpus: load -> segment -> headings -> citations ->
assignments.

Why here: the graph builder, the CLI, the API and the benchmarks all need "the records of these
files", with the same failure policy: one bad document yields a
:class:`~extract.exceptions.DocumentError` naming the file and the problem, and the run carries
on (STYLE.md habit 10). ``jobs > 1`` spreads documents over processes, each building its
pipeline once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language

from extract.assignments.actor_table import load_actor_table
from extract.assignments.find import find_assignments
from extract.citations.find import find_citation_parts, find_citations
from extract.exceptions import DocumentError
from extract.io import record_json
from extract.models import (
    Citation,
    ExtractionResult,
    ProposalChange,
    SourceDoc,
)
from extract.nlp.gc_scope import old_objects_frozen
from extract.nlp.pipeline import build_nlp
from extract.proposals import Layer, find_proposals, layer_changes, tracked_also
from extract.structure.segment import headings, segment
from extract.text.load import expand_paths, load_document

__all__ = [
    "expand_paths",
    "extract_corpus",
    "extract_document",
    "extract_rendered",
    "result_jsonl",
    "warm_for_workers",
]

T = TypeVar("T")

#: Code of an unexpected failure while processing a loaded document.
PROCESSING_ERROR = "E100"


@cache
def _default_nlp(lang: str) -> Language:
    """One pipeline per process and language (building it costs ~0.1 s)."""
    return build_nlp(lang)


def extract_document(
    source: str | Path | SourceDoc,
    nlp: Language | None = None,
    *,
    layer: str = "after",
) -> ExtractionResult:
    """Every record of one document.

    Args:
        source: a path (.txt, .docx, .pdf, .html) or an already loaded :class:`SourceDoc`.
        nlp: the pipeline (default: :func:`extract.build_nlp` for the document's language,
            built once per process).
        layer: for .docx with tracked changes, the "after" (default) or "before" text.

    Returns:
        The document, its structure, and its heading, citation and assignment records.

    Raises:
        DocumentError: when the file cannot be loaded, or processing it fails (code E100).

    Example:
        >>> r = extract_document("data/corpus/003_fb0deb38008239bc.txt")
        >>> sorted({c.body for c in r.citations})
        ['PP', 'WTSA']
    """
    doc = source if isinstance(source, SourceDoc) else load_document(source, layer=layer)  # type: ignore[arg-type]
    try:
        pipeline = nlp or _default_nlp("zh" if doc.lang.startswith("zh") else "en")
        structure = segment(doc)
        heads = tuple(headings(doc, structure))
        parts = find_citation_parts(doc.text, pipeline)  # read once, used twice
        citations = tuple(find_citations(doc, structure, pipeline, parts))
        assignments = tuple(find_assignments(doc, structure, pipeline, parts))
        tracked: list[ProposalChange] = []
        if doc.changes and doc.other_layer is not None and doc.layer == "after":
            citations = tracked_also(doc, citations)
            after = Layer(doc, structure, citations, assignments)
            tracked = layer_changes(after, _other_layer(doc, pipeline), citations)
        if doc.positions:
            citations = _in_footnotes(doc, citations)
        proposals = find_proposals(doc, structure.resolutions, citations, tracked)
    except DocumentError:
        raise
    except Exception as exc:  # one document must not stop a corpus run
        raise DocumentError(
            doc.path or doc.name, PROCESSING_ERROR, f"{type(exc).__name__}: {exc}"
        ) from exc
    return ExtractionResult(
        doc=doc,
        structure=structure,
        headings=heads,
        citations=citations,
        assignments=assignments,
        proposals=proposals,
    )


def _other_layer(doc: SourceDoc, pipeline: Language) -> Layer:
    """The "before" layer of a Word file with tracked changes, extracted like the loaded one
    (what a proposal deletes only exists there)."""
    other = replace(
        doc, text=doc.other_layer or "", layer="before", changes=(), other_layer=None, positions=()
    )
    structure = segment(other)
    parts = find_citation_parts(other.text, pipeline)
    return Layer(
        other,
        structure,
        tuple(find_citations(other, structure, pipeline, parts)),
        tuple(find_assignments(other, structure, pipeline, parts)),
    )


def _in_footnotes(doc: SourceDoc, citations: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """Citations in a Word footnote (placed after the body by the loader) say so: section
    ``footnote``, paragraph its number, rather than the last section of the body."""
    out = []
    for c in citations:
        pos = doc.position_at(c.start)
        if pos is not None and pos.footnote is not None:
            c = replace(c, section="footnote", section_kind="other", paragraph=pos.footnote)
        out.append(c)
    return tuple(out)


def _work(path: str) -> ExtractionResult | tuple[str, str, str]:
    """Worker: a result, or (path, code, reason) since DocumentError does not pickle by args."""
    try:
        return extract_document(path)
    except DocumentError as exc:
        return (exc.path, exc.code, exc.reason)


def _pool_work(path: str) -> ExtractionResult | tuple[str, str, str]:
    """:func:`_work` in a pool process: the process is ours, so the collector may skip the
    pipeline's long-lived objects during the call (see :mod:`extract.nlp.gc_scope`)."""
    with old_objects_frozen():
        return _work(path)


def _pool_render(render: Callable[[ExtractionResult], T], path: str) -> T | tuple[str, str, str]:
    """:func:`_pool_work`, then ``render`` of the result, in the worker."""
    out = _pool_work(path)
    return out if isinstance(out, tuple) else render(out)


def result_jsonl(result: ExtractionResult) -> str:
    """Every record of ``result`` as JSON lines, in document order (what ``resgraph extract``
    prints); a :func:`extract_rendered` renderer, so workers send text instead of objects.

    Example:
        >>> result = extract_document("data/corpus/000_4e58da7c9791f56a.txt")
        >>> result_jsonl(result).count("\\n") == len(result.records())
        True
    """
    return "".join(record_json(rec) + "\n" for rec in result.records())


def extract_rendered(
    paths: Iterable[str | Path],
    render: Callable[[ExtractionResult], T],
    jobs: int = 1,
    progress: bool = False,
    freeze_gc: bool = False,
) -> Iterator[T | DocumentError]:
    """:func:`extract_corpus`, each result turned by ``render`` (e.g. :func:`result_jsonl`)
    where it was extracted; ``render`` must be a module-level function (it is pickled).

    Why: with ``jobs > 1`` every result travels from a worker to this process, and unpickling
    the records objects of a document here cost about a quarter of extracting it (a result
    pickles to 1.75 times its text), on the one process that also hands out the work. A
    caller that only prints or stores the records lets the workers render them, and receives
    strings.

    Example:
        >>> rendered = list(extract_rendered(["data/corpus"], result_jsonl, jobs=2))
        >>> rendered == [result_jsonl(r) for r in extract_corpus(["data/corpus"])]
        True
    """
    if jobs < 1:
        raise ValueError(f"jobs must be >= 1, not {jobs}")
    files = [str(p) for p in expand_paths(paths)]
    bar = _progress(len(files)) if progress else None
    work = partial(_pool_render, render)
    try:
        if jobs == 1 or len(files) < 2:
            if not freeze_gc:
                outputs: Iterable[T | tuple[str, str, str]] = (
                    out if isinstance(out := _work(f), tuple) else render(out) for f in files
                )
            else:
                outputs = map(work, files)
            yield from _report(outputs, bar)
        else:
            warm_for_workers()
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                yield from _report(pool.map(work, files, chunksize=1), bar)
    finally:
        if bar is not None:
            bar[0].stop()


def extract_corpus(
    paths: Iterable[str | Path],
    jobs: int = 1,
    progress: bool = False,
    freeze_gc: bool = False,
) -> Iterator[ExtractionResult | DocumentError]:
    """Extract every document under ``paths``, in order; failures are yielded, not raised.

    Args:
        paths: files and directories (directories are expanded to supported files).
        jobs: worker processes (1 = in this process).
        progress: show a progress bar on stderr (rich).
        freeze_gc: while each document is extracted in this process, keep the garbage
            collector off the objects that existed before (about 6% faster). It freezes the
            whole process's heap during the call, so it is for programs that own their process
            (the CLI, a build); a library caller leaves it off. Pool workers always do it.

    Yields:
        An :class:`ExtractionResult` per document, or the :class:`DocumentError` that stopped it.

    Example:
        >>> results = list(extract_corpus(["data/corpus"]))
        >>> len(results), all(not isinstance(r, DocumentError) for r in results)
        (5, True)
    """
    return extract_rendered(paths, _same, jobs, progress, freeze_gc)


def warm_for_workers() -> None:
    """Build the English pipeline and actor table here, before a pool forks its workers.

    Why: forked workers inherit them (copy-on-write) instead of each building its own (about
    0.25 s of CPU per worker): the build is paid once, where ``jobs=1`` pays it too. Other
    languages are built by the workers that meet them. Under the ``spawn`` start method this
    only costs the parent the same build. Public for the programs that run their own pools of
    extracting workers (``resgraph build --jobs N``).

    Example:
        >>> warm_for_workers()  # idempotent: the second call finds everything built
        >>> warm_for_workers()
    """
    _default_nlp("en")
    load_actor_table("en")


def _same(result: ExtractionResult) -> ExtractionResult:
    return result


def _report(
    outputs: Iterable[T | tuple[str, str, str]], bar: tuple[Any, Any] | None
) -> Iterator[T | DocumentError]:
    for out in outputs:
        if bar is not None:
            bar[0].advance(bar[1])
        if isinstance(out, tuple):
            yield DocumentError(*out)
        else:
            yield out


def _progress(total: int) -> tuple[Any, Any]:
    from rich.console import Console
    from rich.progress import Progress

    prog = Progress(console=Console(stderr=True), transient=True)
    task = prog.add_task("extracting", total=total)
    prog.start()
    return prog, task
