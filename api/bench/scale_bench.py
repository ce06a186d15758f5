"""Scaling benchmarks: parallel extraction (``resgraph build --jobs N``) and a remote SPARQL store.

Why these numbers: docs/scaling.md advises when to add processes and when to move the graph to a
server, and backs the advice with them.

- ``scale.build_jobs``: wall time of a full build of a corpus with extraction in 1 process and in
  ``N`` processes (N = the CPU count, 2 here), through the CLI's own extractor; the ratio is the
  speed-up. Both sides run after spaCy is imported and the pipelines built, alternated and
  repeated (median), so neither pays a one-off cost the other does not. The corpus is synthetic
  (extract.synth: ITU-like texts, varied, deterministic).
- ``scale.cpu_ceiling``: the speed-up a pure CPU loop gets in two processes at that moment, i.e.
  what a shared machine leaves to any parallel program (:func:`api.bench.extract_parallel.
  cpu_ceiling`), measured before each round of builds and after the last, so that a burst of
  load from other users hits the builds and the ceiling alike.
- ``scale.build_jobs.of_ceiling``: each round's speed-up over the ceilings around it (the median
  of the rounds); issue 20's target is >= 0.85.
- ``scale.build_jobs.one_core`` and ``of_ceiling_one_core``: the same ``--jobs 1`` build run in a
  process held to one CPU (its threads included), and the ``--jobs N`` speed-up over it against
  the ceiling. Why: the ceiling compares one process on one core with two on two, but a plain
  ``--jobs 1`` build is not on one core: the store writer loads in a thread of its own while
  documents are extracted, so it already uses 1.4-1.5 cores, and the speed-up over it measures
  what a second process adds on top of that thread, not how the build scales from one core to
  two. Both figures are reported.
- ``scale.build_jobs.after_last_document``: wall time of the ``--jobs N`` build after the workers
  handed over their last document (the writer's last load, the derived graph, compaction): the
  part no worker can shorten, and the bound it sets on the speed-up (Amdahl's law).
- ``scale.extract_jobs``: the same for the parallel stage alone (extract and render, no store):
  what separates the two speed-ups is the single store writer.
- ``scale.remote_query.*``: median latency of the query functions on Virtuoso (started on
  127.0.0.1 by ``.ci/virtuoso.sh``) beside the embedded store holding the same records.
- ``scale.remote_build``: building the seed corpus into Virtuoso beside the embedded store.

Without Virtuoso (not installed and not root) the remote measurements are skipped with a note.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

from api.bench.build_jobs import Build, build_rows, hold_to, one_core_rows, one_cpu, timed_build
from api.bench.extract_parallel import cpu_ceiling
from api.bench.registry import Measurement, benchmark

__all__ = ["scale_benchmarks"]

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
SCRIPT = ROOT / ".ci" / "virtuoso.sh"


def _corpus(target: Path, megabytes: float) -> Path:
    """A synthetic corpus of ITU-like resolutions (extract.synth: varied, deterministic)."""
    from extract import generate_corpus

    generate_corpus(target, total_bytes=int(megabytes * 1_000_000), doc_chars=40_000)
    return target


def _median_ms(fn: Callable[[], Any], repeat: int) -> float:
    fn()  # warm-up (first query compiles, connection opens)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _queries() -> dict[str, Callable[[Any], Any]]:
    from graph import (
        assignments,
        dependencies,
        graph_stats,
        impact,
        lineage,
        outdated_citations,
        search_resolutions,
    )

    return {
        "lineage": lambda s: lineage(s, "wtsa/44"),
        "dependencies": lambda s: dependencies(s, "wtsa/44", depth=2),
        "impact": lambda s: impact(s, "pp/123"),
        "assignments": lambda s: assignments(s),
        "outdated": lambda s: outdated_citations(s),
        "search": lambda s: search_resolutions(s, q="standardization"),
        "stats": lambda s: graph_stats(s),
    }


def _virtuoso(workdir: Path) -> Generator[str | None, None, None]:
    env = {**os.environ, "VIRTUOSO_HTTP_PORT": "18898", "VIRTUOSO_SQL_PORT": "11198"}
    if shutil.which("virtuoso-t") is None and os.geteuid() != 0:
        yield None
        return
    run = subprocess.run(
        ["bash", str(SCRIPT), "start", str(workdir)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        yield "sparql+" + run.stdout.strip().splitlines()[-1] if run.returncode == 0 else None
    finally:
        subprocess.run(["bash", str(SCRIPT), "stop", str(workdir)], env=env, check=False)


def _render_seconds(corpus: Path, jobs: int) -> float:
    """Wall time of the parallel stage alone: every document extracted and rendered to N-Quads
    in ``jobs`` processes, nothing written."""
    from graph import parallel_extractor

    t0 = time.perf_counter()
    outputs = list(parallel_extractor(jobs)(sorted(corpus.iterdir())))
    elapsed = time.perf_counter() - t0
    if any(not hasattr(o, "nquads") for o in outputs):
        raise RuntimeError("benchmark rendering failed on some documents")
    return elapsed


def _interleaved(run: Callable[[int, int], float], jobs: int, rounds: int) -> tuple[float, float]:
    """Median seconds of ``run(1, i)`` and ``run(jobs, i)``, alternated ``rounds`` times so that a
    burst of load from other users of the machine hits both sides alike."""
    one, many = [], []
    for i in range(rounds):
        one.append(run(1, i))
        many.append(run(jobs, i))
    return statistics.median(one), statistics.median(many)


@benchmark("scale")
def scale_benchmarks(quick: bool) -> Iterator[Measurement]:
    """Parallel build speed-up against the CPU ceiling, and the remote store's build and
    query latencies."""
    from extract import extract_document

    jobs = max(2, os.cpu_count() or 2)
    rounds = 1 if quick else 3
    with tempfile.TemporaryDirectory(prefix="resgraph-scale-") as tmp:
        megabytes = 1.5 if quick else 8.0
        corpus = _corpus(Path(tmp) / "corpus", megabytes)
        docs = sorted(corpus.iterdir())
        for lang in ("en", "zh"):  # spaCy imported and pipelines built before any timing
            extract_document(next(p for p in docs if p.stem.endswith(lang)))
        render_1, render_n = _interleaved(lambda j, _: _render_seconds(corpus, j), jobs, rounds)
        builds: dict[int, list[Build]] = {1: [], jobs: []}
        one_core: list[Build] = []
        ceilings: list[float] = []
        cpu = one_cpu()
        # the one-core builder is forked now, with spaCy and the pipelines built, and held to
        # one CPU before it starts a thread; it builds with --jobs 1 as this process does
        with contextlib.ExitStack() as stack:
            pool = stack.enter_context(ProcessPoolExecutor(2))  # the ceiling's, started once
            held = (
                stack.enter_context(ProcessPoolExecutor(1, initializer=hold_to, initargs=(cpu,)))
                if cpu is not None
                else None
            )
            pool.submit(_burn_nothing).result()
            if held is not None:
                held.submit(_burn_nothing).result()
            for i in range(rounds):
                ceilings.append(cpu_ceiling(pool))
                for j in (1, jobs, 0) if i % 2 == 0 else (0, jobs, 1):
                    if j == 0 and held is not None:
                        store = Path(tmp) / f"store-one-core-{i}"
                        one_core.append(held.submit(timed_build, corpus, store, 1).result())
                    elif j:
                        builds[j].append(timed_build(corpus, Path(tmp) / f"store-{j}-{i}", j))
            ceilings.append(cpu_ceiling(pool))
        yield from build_rows(builds, ceilings, jobs, len(docs), megabytes)
        yield from one_core_rows(one_core, builds[jobs], ceilings, jobs)
        yield Measurement(
            "scale.extract_jobs.speedup",
            render_1 / render_n,
            "x",
            note=f"the parallel stage alone (extract + render N-Quads, no store): "
            f"{render_1:.2f} s in 1 process, {render_n:.2f} s in {jobs}",
        )
        yield from _remote(Path(tmp), 3 if quick else 15)


def _burn_nothing() -> None:
    """A first task, so the ceiling's workers are started before anything is timed."""


def _remote(tmp: Path, repeat: int) -> Iterator[Measurement]:
    from extract import extract_corpus
    from graph import DocumentInput, build_store, open_store

    gen = _virtuoso(tmp / "virtuoso")
    url = next(gen)
    try:
        if url is None:
            yield Measurement(
                "scale.remote",
                0,
                "",
                note="skipped: Virtuoso not available "
                "(sudo apt-get install -y virtuoso-opensource)",
            )
            return
        inputs = [DocumentInput.from_result(r) for r in extract_corpus([CORPUS])]  # type: ignore[arg-type]
        t0 = time.perf_counter()
        build_store(tmp / "embedded", inputs=inputs)
        t1 = time.perf_counter()
        report = build_store(url, inputs=inputs)
        t2 = time.perf_counter()
        yield Measurement(
            "scale.remote_build",
            t2 - t1,
            "s",
            baseline=t1 - t0,
            baseline_name="embedded",
            note=f"{report.triples} triples, records given",
        )
        embedded, remote = open_store(tmp / "embedded", read_only=True), open_store(url)
        for name, fn in _queries().items():
            e = _median_ms(partial(fn, embedded), repeat)
            r = _median_ms(partial(fn, remote), repeat)
            yield Measurement(
                f"scale.remote_query.{name}",
                r,
                "ms",
                baseline=e,
                baseline_name="embedded",
                note=f"median of {repeat}, seed corpus",
            )
        remote.close()
    finally:
        gen.close()
