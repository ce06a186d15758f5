"""Extraction of one document or a whole corpus: load -> segment -> headings -> citations ->
assignments.

Why here: the graph builder, the CLI, the API and the benchmarks all need "the records of these
files", with the same failure policy: one bad document yields a
:class:`~extract.exceptions.DocumentError` naming the file and the problem, and the run carries
on (STYLE.md habit 10). ``jobs > 1`` spreads documents over processes that inherit the
pipelines and tables built here before they fork (see :func:`warm_for_workers`).
"""

from __future__ import annotations

import os
import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from functools import cache, partial
from pathlib import Path
from typing import Any, TypeVar

from spacy.language import Language

from extract.assignments.actor_table import LANGUAGES, load_actor_table
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
from extract.synth import generate_document
from extract.text.language import detect_lang
from extract.text.load import expand_paths, load_document

__all__ = [
    "expand_paths",
    "extract_corpus",
    "extract_document",
    "extract_rendered",
    "languages_of",
    "result_jsonl",
    "warm_for_workers",
]

T = TypeVar("T")

#: Code of an unexpected failure while processing a loaded document.
PROCESSING_ERROR = "E100"
#: Most input bytes in one pool task (about 0.1 s of extraction): tasks of one document each
#: cost the parent ~0.15 ms apiece to hand out and collect, 5% of a real-text run's CPU.
CHUNK_BYTES = 256_000
#: How many files (evenly spaced) and how many of their first bytes the parent reads to tell
#: which languages a run will meet, so that it builds their tables once before forking.
SNIFF_FILES, SNIFF_BYTES = 64, 4096


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


def _pool_render_all(
    render: Callable[[ExtractionResult], T], paths: list[str]
) -> list[T | tuple[str, str, str]]:
    """:func:`_pool_render` of each of ``paths``: one pool task, one message back."""
    return [_pool_render(render, p) for p in paths]


def _file_chunks(files: list[str], jobs: int) -> list[list[str]]:
    """``files`` cut, in order, into runs for ``jobs`` workers: each run about a quarter of the
    bytes left per worker, at most :data:`CHUNK_BYTES`, at least one file.

    Why: one task per document cost the parent more than a tenth of a second per 1,000
    documents (futures, pickles, wake-ups) on one of the cores the workers need; runs of
    documents cut that to a few dozen tasks. Runs shrink as the bytes left do (guided
    scheduling), so the last tasks are short and no worker waits long for the other's last one.
    File sizes stand for work (unreadable files count as empty: their error is reported by the
    worker).

    Example:
        >>> _file_chunks(["data/corpus/000_4e58da7c9791f56a.txt"], 2)
        [['data/corpus/000_4e58da7c9791f56a.txt']]
    """
    sizes = [_size(f) for f in files]
    left = sum(sizes)
    chunks: list[list[str]] = []
    run: list[str] = []
    run_bytes = 0
    for f, size in zip(files, sizes, strict=True):
        run.append(f)
        run_bytes += size
        if run_bytes >= min(CHUNK_BYTES, left // (4 * jobs)):
            chunks.append(run)
            left -= run_bytes
            run, run_bytes = [], 0
    if run:
        chunks.append(run)
    return chunks


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def languages_of(files: Sequence[str]) -> list[str]:
    """The languages of up to :data:`SNIFF_FILES` text files spread over ``files``, from their
    first :data:`SNIFF_BYTES` (English first and always; other formats are not read).

    Why: :func:`warm_for_workers` builds a language's tables before the pool forks only when
    the run has documents in it, as a worker meeting one would; read this way (a few ms for
    64 files) a language that makes a few percent of the documents is found almost surely, and
    one that is missed is still built, by the workers that meet it. Public for the programs that
    run their own pools (``resgraph build --jobs N`` passes it to :func:`warm_for_workers`).

    Example:
        >>> languages_of(["data/corpus/004_33ee2c9bbc9ab1b2.txt"])
        ['en', 'zh']
    """
    step = max(1, len(files) // SNIFF_FILES)
    found = {"en": None}
    for f in files[::step][:SNIFF_FILES]:
        if not f.lower().endswith(".txt"):
            continue
        try:
            with open(f, "rb") as fh:
                head = fh.read(SNIFF_BYTES)
        except OSError:
            continue
        found.setdefault(detect_lang(head.decode("utf-8", "ignore")))
    return list(found)


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
            warm_for_workers(languages_of(files))
            chunk_work = partial(_pool_render_all, render)
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                chunks = pool.map(chunk_work, _file_chunks(files, jobs))
                yield from _report((out for chunk in chunks for out in chunk), bar)
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


def warm_for_workers(languages: Iterable[str] = ("en",)) -> None:
    """Build, before a pool forks its workers, what each worker would otherwise build for itself
    on its first documents: the pipelines, the actor tables of ``languages``, and whatever the
    steps compile on first use (a synthetic resolution of 4,000 characters is extracted in
    English, and in Chinese when asked).

    Why: forked workers inherit them (copy-on-write) instead of each building its own. On real
    text a fresh worker spent 0.16 s on the pipeline and 0.05 s more on its first document
    (regexes compiled on first use), and 0.01-0.12 s on the first document of each other
    language (the Arabic actor table alone 0.12 s): paid once per worker, where ``jobs=1`` pays
    it once. Under the ``spawn`` start method this only costs the parent the same build. Public
    for the programs that run their own pools of extracting workers (``resgraph build --jobs
    N``).

    Example:
        >>> warm_for_workers()  # idempotent: the second call finds everything built
        >>> warm_for_workers(["en", "fr"])
    """
    for lang in languages:
        base = lang.split("-")[0].lower()
        if base in ("en", "zh"):
            _warm_sample(base)
        if base in LANGUAGES:
            load_actor_table(base)


@cache
def _warm_sample(lang: str) -> None:
    sample = generate_document(random.Random(0), 4_000, lang).text
    extract_document(
        SourceDoc(name="warm-up", path="", format="txt", text=sample, sha256="", lang=lang)
    )


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
