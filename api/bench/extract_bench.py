"""Extraction throughput: real text first (the headline), then a synthetic corpus.

The headline is measured on the project's own real texts (:mod:`api.bench.real_corpus`, measured
by :mod:`api.bench.extract_real` and :mod:`api.bench.extract_parallel`, rows ``extract.real.*``):
the synthetic corpus below is regular where real documents are not, and its figures did not
reproduce on real text (issue 20). Without the real texts (an installed package without its
tests) the real rows are replaced by one row saying so, and the synthetic figures remain.

The synthetic rows, the second figure, beside their two baselines measured in the same run.

Why these baselines: a raw compiled ``re`` scan for citation-like strings over the same text is
the ceiling (nothing that reads every byte in Python can beat it); plain ``nlp.pipe``
tokenization is what a naive spaCy pipeline would cost, since it builds a Doc for every
character. The citation pipeline (normalize -> pre-scan -> spaCy on candidate windows -> records)
should sit far above the second and within reach of the first. Single-process numbers, and their
baselines, are CPU time (``time.process_time``) because the machines are shared; wall clock is
reported beside them, and a two-process run (documents spread over workers) in wall clock.

The corpus is generated into a temporary directory by :mod:`extract.synth` (about 50 MB; 4 MB
with ``--quick``), never committed. Two more figures are reported in MB/s of CPU time against
the same tokenization baseline: the spaCy pipeline alone (citations and assignments, on
documents already loaded and segmented) and the full ``extract_document`` chain (loading,
segmentation and headings included); each is the median of three runs over disjoint 5 MB
slices of the corpus (1 MB with ``--quick``), so no run is timed on documents it has met.

The timed loops run as the CLI runs them: with the collector kept off the objects that existed
before (``extract_corpus(freeze_gc=True)``; see :mod:`extract.nlp.gc_scope`), which a process
that owns itself may opt into.
"""

from __future__ import annotations

import re
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language

from api.bench.extract_parallel import parallel
from api.bench.extract_real import (
    baselines,
    document_runs,
    headline,
    many_short,
    mb_per_s,
    per_document,
    slices,
    stages,
)
from api.bench.real_corpus import ROOT, build_real_corpus, real_texts, source_files
from api.bench.registry import Measurement, benchmark
from extract import (
    DocumentStructure,
    SourceDoc,
    build_nlp,
    extract_corpus,
    extract_document,
    find_assignments,
    find_citation_parts,
    find_citations,
    generate_corpus,
    load_document,
    old_objects_frozen,
    segment,
)

__all__ = ["bench_extract"]

_RAW_CITATION = re.compile(
    r"(?:Resolutions?|RESOLUTIONS?|resolutions?|Decisions?|Questions?)[ \t\n]*\d{1,4}"
    r"(?:[ \t]*\([^()]{0,90}\))?|第\d{1,4}号决议(?:（[^（）]{0,40}）)?"
)


def _citations(name: str, text: str, nlp: Language) -> int:
    doc = SourceDoc(name=name, path=name, format="txt", text=text, sha256="")
    structure = DocumentStructure(doc=name, lang="en", body="WTSA", conference=None, resolutions=())
    return len(find_citations(doc, structure, nlp))


@cache
def _worker_nlp() -> Language:
    return build_nlp()


def _citations_of_file(path: str) -> int:
    """Worker of the multi-process run: one pipeline per process, built on first use."""
    return _citations(Path(path).name, Path(path).read_text(encoding="utf-8"), _worker_nlp())


def _citation_pipeline(texts: list[tuple[str, str]]) -> tuple[float, float, int]:
    """CPU seconds, wall seconds and citation count of find_citations over every text."""
    nlp = build_nlp()
    count = 0
    c0, t0 = time.process_time(), time.perf_counter()
    with old_objects_frozen():
        for name, text in texts:
            count += _citations(name, text, nlp)
    return time.process_time() - c0, time.perf_counter() - t0, count


def _citation_pipeline_parallel(paths: list[Path], jobs: int) -> tuple[float, int]:
    """Wall seconds and citation count with ``jobs`` worker processes over the documents."""
    t0 = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        count = sum(pool.map(_citations_of_file, [str(p) for p in paths], chunksize=4))
    return time.perf_counter() - t0, count


def _slices(paths: list[Path], min_bytes: int, count: int) -> list[tuple[list[Path], int]]:
    """``count`` disjoint runs of consecutive documents from the start of the corpus, each
    adding up to ``min_bytes``, with their sizes (fewer if the corpus runs out)."""
    out: list[tuple[list[Path], int]] = []
    current: list[Path] = []
    size = 0
    for p in paths:
        if len(out) == count:
            break
        current.append(p)
        size += p.stat().st_size
        if size >= min_bytes:
            out.append((current, size))
            current, size = [], 0
    return out


def _warm_up_documents(paths: list[Path], timed: list[Path]) -> list[Path]:
    """One document per language from outside ``timed``: a long run has built its pipelines
    and met common words before, but not the documents it is timed on."""
    warm: dict[str, Path] = {}
    seen = set(timed)
    for p in paths:
        if p not in seen:
            warm.setdefault(p.stem.rsplit("_", 1)[-1], p)
    return list(warm.values())


def _median_run(runs: list[tuple[float, float, int, int]]) -> tuple[float, float, int, int, str]:
    """The run of median throughput (CPU seconds, wall seconds, documents, bytes) and the
    MB/s of all runs, for the note."""
    ranked = sorted(runs, key=lambda r: r[3] / max(r[0], 1e-9))
    mid = ranked[len(ranked) // 2]
    spread = ", ".join(f"{mb_per_s(r[3], r[0]):.2f}" for r in runs)
    return (*mid, spread)


def _document_pipeline(
    paths: list[Path], min_bytes: int, runs: int
) -> tuple[float, float, int, int, str]:
    """``extract_document`` (the whole chain: load, segment, headings, citations, assignments)
    over ``runs`` disjoint slices of ``min_bytes``, each timed on documents no earlier run
    has seen, after warm-up documents from outside them all so that building the pipelines
    is not counted; the median run and the spread."""
    slices = _slices(paths, min_bytes, runs)
    for p in _warm_up_documents(paths, [p for sl, _ in slices for p in sl]):
        extract_document(p)
    timed = []
    for subset, size in slices:
        c0, t0 = time.process_time(), time.perf_counter()
        with old_objects_frozen():
            for p in subset:
                extract_document(p)
        timed.append((time.process_time() - c0, time.perf_counter() - t0, len(subset), size))
    return _median_run(timed)


def _pipeline_stage(
    paths: list[Path], min_bytes: int, runs: int
) -> tuple[float, float, int, int, str]:
    """The spaCy pipeline alone (``itu_citations`` and ``itu_assignments`` with their
    pre-scans, records included) on documents already loaded and segmented, over the same
    slices as :func:`_document_pipeline` and after the same warm-up; the median run (CPU
    seconds, wall seconds, documents, bytes) and the spread."""
    slices = _slices(paths, min_bytes, runs)
    nlps = {lang: build_nlp(lang) for lang in ("en", "zh")}

    def run(docs: list[SourceDoc], structures: list[DocumentStructure]) -> None:
        for d, st in zip(docs, structures, strict=True):
            nlp = nlps["zh" if d.lang.startswith("zh") else "en"]
            parts = find_citation_parts(d.text, nlp)
            find_citations(d, st, nlp, parts)
            find_assignments(d, st, nlp, parts)

    warm = [
        load_document(p) for p in _warm_up_documents(paths, [p for sl, _ in slices for p in sl])
    ]
    run(warm, [segment(d) for d in warm])
    timed = []
    for subset, size in slices:
        docs = [load_document(p) for p in subset]
        structures = [segment(d) for d in docs]
        c0, t0 = time.process_time(), time.perf_counter()
        with old_objects_frozen():
            run(docs, structures)
        timed.append((time.process_time() - c0, time.perf_counter() - t0, len(subset), size))
    return _median_run(timed)


def _raw_scan(texts: list[tuple[str, str]]) -> tuple[float, int]:
    """CPU seconds and hits of one compiled regex over every text."""
    t0 = time.process_time()
    count = sum(sum(1 for _ in _RAW_CITATION.finditer(text)) for _, text in texts)
    return time.process_time() - t0, count


def _plain_tokenization(texts: list[tuple[str, str]], sample_bytes: int) -> tuple[float, int]:
    """CPU seconds and bytes of ``nlp.pipe`` over the paragraphs of a sample of the corpus."""
    nlp = spacy.blank("en")
    lines: list[str] = []
    size = 0
    for _, text in texts:
        for line in text.split("\n"):
            lines.append(line)
            size += len(line.encode("utf-8")) + 1
            if size >= sample_bytes:
                break
        if size >= sample_bytes:
            break
    t0 = time.process_time()
    for _ in nlp.pipe(lines, batch_size=256):
        pass
    return time.process_time() - t0, size


#: Sizes of the real-text runs: corpus, headline slice, stage slice, parallel subset (bytes),
#: one-line documents, many-short corpus (bytes), parallel rounds.
REAL_SIZES = {
    False: (20_000_000, 4_000_000, 1_500_000, 10_000_000, 1_000, 6_000_000, 3),
    True: (2_500_000, 400_000, 200_000, 1_000_000, 200, 800_000, 1),
}


def _head(paths: list[Path], min_bytes: int) -> list[Path]:
    out, size = [], 0
    for p in paths:
        if size >= min_bytes:
            break
        out.append(p)
        size += p.stat().st_size
    return out


def bench_real(quick: bool, root: Path = ROOT) -> Iterator[Measurement]:
    """The real-text rows (see :mod:`api.bench.extract_real`), or one row saying why not
    (``root``: where the project's texts are, the clone by default)."""
    total, head_b, stage_b, par_b, tiny, short_b, rounds = REAL_SIZES[quick]
    try:
        texts = real_texts(root)
    except FileNotFoundError as exc:
        yield Measurement("extract.real.skipped", 0, "", note=f"{exc}; synthetic figures only")
        return
    with tempfile.TemporaryDirectory(prefix="resgraph-real-") as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        paths = build_real_corpus(folder, total, texts=texts)
        size = sum(p.stat().st_size for p in paths)
        corpus = (
            f"{size / 1e6:.1f} MB, {len(paths)} docs from {len(texts.seeds)} seeds and "
            f"{len(texts.passages)} dev passages ({texts.size / 1e6:.2f} MB), shuffled by paragraph"
        )
        # warm-up: the 72 source files themselves, so every language's first-use tables are
        # built (an Arabic passage's first extraction costs ~0.4 s) before any timing
        warm = source_files(root)
        head = slices(paths, head_b, 3)
        runs = document_runs(head, warm)
        yield from headline(runs, head, corpus)
        yield from baselines(runs)
        used = sum(len(s.paths) for s in head)
        yield from stages(slices(paths, stage_b, 3, start=used), warm)
        yield from per_document(Path(tmp), tiny)
        yield from many_short(Path(tmp), short_b)
        yield from parallel(Path(tmp), _head(paths, par_b), rounds, warm)


@benchmark("extract")
def bench_extract(quick: bool) -> Iterator[Measurement]:
    """Real text first (headline, baselines, stages, overhead, parallel), then the synthetic
    corpus: throughput (MB/s, docs/s) with its ``re`` and spaCy baselines."""
    yield from bench_real(quick)
    total = 4_000_000 if quick else 50_000_000
    with tempfile.TemporaryDirectory(prefix="resgraph-synth-") as tmp:
        t0 = time.perf_counter()
        paths = generate_corpus(tmp, total_bytes=total, seed=2024)
        generated = time.perf_counter() - t0
        texts = [(p.name, p.read_text(encoding="utf-8")) for p in paths]
        n_bytes = sum(p.stat().st_size for p in paths)
        raw_s, raw_hits = _raw_scan(texts)
        tok_s, tok_bytes = _plain_tokenization(texts, 500_000 if quick else 3_000_000)
        cit_s, cit_wall, cits = _citation_pipeline(texts)
        par_s, par_cits = _citation_pipeline_parallel(paths, 2)
        slice_bytes, runs = (1_000_000, 3) if quick else (5_000_000, 3)
        doc_s, doc_wall, doc_n, doc_bytes, doc_spread = _document_pipeline(paths, slice_bytes, runs)
        pipe_s, _pipe_wall, pipe_n, pipe_bytes, pipe_spread = _pipeline_stage(
            paths, slice_bytes, runs
        )
        subset = paths[: max(2, len(paths) // (5 if quick else 20))]
        full_bytes = sum(p.stat().st_size for p in subset)
        t1 = time.perf_counter()
        ok = sum(1 for r in extract_corpus(subset, freeze_gc=True) if not isinstance(r, Exception))
        full_s = time.perf_counter() - t1
    corpus = f"{n_bytes / 1e6:.1f} MB, {len(paths)} synthetic docs (generated in {generated:.1f} s)"
    yield Measurement(
        name="extract.citations.find.throughput",
        value=mb_per_s(n_bytes, cit_s),
        unit="MB/s",
        baseline=mb_per_s(tok_bytes, tok_s),
        baseline_name="plain nlp.pipe tokenization",
        target=">= 10",
        note=(
            f"{corpus}; {cits} citations; one process, CPU time "
            f"(wall clock {mb_per_s(n_bytes, cit_wall):.2f} MB/s on a shared machine)"
        ),
    )
    yield Measurement(
        name="extract.nlp.pipeline.throughput",
        value=mb_per_s(pipe_bytes, pipe_s),
        unit="MB/s",
        baseline=mb_per_s(tok_bytes, tok_s),
        baseline_name="plain nlp.pipe tokenization",
        target=">= 10",
        note=(
            f"the spaCy pipeline alone (itu_citations + itu_assignments, pre-scans and records) "
            f"on loaded and segmented docs: median of {runs} runs over disjoint slices of the "
            f"corpus (this one {pipe_n} docs, {pipe_bytes / 1e6:.1f} MB), each unseen when "
            f"timed; all runs {pipe_spread} MB/s; one process, CPU time"
        ),
    )
    yield Measurement(
        name="extract.document.throughput",
        value=mb_per_s(doc_bytes, doc_s),
        unit="MB/s",
        baseline=mb_per_s(tok_bytes, tok_s),
        baseline_name="plain nlp.pipe tokenization",
        target=">= 10",
        note=(
            f"full extract_document (load, segment, headings, citations, assignments): median "
            f"of {runs} runs over disjoint slices (this one {doc_n} docs, "
            f"{doc_bytes / 1e6:.1f} MB); all runs {doc_spread} MB/s; one process, CPU time "
            f"(wall clock {mb_per_s(doc_bytes, doc_wall):.2f} MB/s on a shared machine)"
        ),
    )
    yield Measurement(
        name="extract.citations.find.ceiling",
        value=mb_per_s(n_bytes, cit_s),
        unit="MB/s",
        baseline=mb_per_s(n_bytes, raw_s),
        baseline_name="raw compiled re scan (ceiling)",
        note=f"CPU time; the re scan found {raw_hits} citation-like strings",
    )
    yield Measurement(
        name="extract.citations.find.throughput_2proc",
        value=mb_per_s(n_bytes, par_s),
        unit="MB/s",
        baseline=mb_per_s(n_bytes, cit_wall),
        baseline_name="one process, wall clock",
        note=f"2 worker processes over documents, wall clock; {par_cits} citations",
    )
    yield Measurement(
        name="extract.citations.find.docs_per_s",
        value=len(paths) / max(cit_s, 1e-9),
        unit="docs/s",
        note=f"one process, CPU time; mean document {n_bytes / max(len(paths), 1) / 1e3:.0f} kB",
    )
    yield Measurement(
        name="extract.document.docs_per_s",
        value=ok / max(full_s, 1e-9),
        unit="docs/s",
        note=(
            f"full extract_document (load, segment, headings, citations, assignments) on "
            f"{len(subset)} docs, {full_bytes / 1e6:.1f} MB: "
            f"{mb_per_s(full_bytes, full_s):.2f} MB/s wall clock"
        ),
    )
