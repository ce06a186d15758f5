"""The parallel build, timed: one build, and the rows that compare ``--jobs N`` with ``--jobs 1``.

Why a module of its own: :mod:`api.bench.scale_bench` runs the rounds (the corpus, the ceilings
around each round, the remote store); what one timed build is, how the one-core reference is
held to one CPU, and how each round's speed-up is set against the ceiling around it are here,
where the tests reach them.
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from api.bench.registry import Measurement

__all__ = ["Build", "build_rows", "hold_to", "one_core_rows", "one_cpu", "timed_build"]


@dataclass(frozen=True)
class Build:
    """One timed build: wall seconds, seconds after the last document was handed over, and CPU
    seconds of this process and its (reaped) workers."""

    seconds: float
    tail: float
    cpu: float


def _cpu_all() -> float:
    return sum(os.times()[:4])


def one_cpu() -> int | None:
    """A CPU this process may run on, to hold the one-core build to (None: only one CPU, or no
    affinity control on this platform)."""
    allowed = getattr(os, "sched_getaffinity", None)
    if allowed is None or not hasattr(os, "sched_setaffinity"):
        return None
    cpus = sorted(allowed(0))
    return cpus[-1] if len(cpus) > 1 else None


def hold_to(cpu: int) -> None:
    """Initializer of the one-core builder: held to ``cpu`` before it starts any thread, so the
    store writer's thread and the store's own threads share that one CPU."""
    os.sched_setaffinity(0, {cpu})


def timed_build(corpus: Path, store: Path, jobs: int) -> Build:
    """A full build of ``corpus`` into ``store`` with ``resgraph build --jobs N``'s extractor."""
    from graph import build_store, parallel_extractor

    extractor = parallel_extractor(jobs)
    last = [0.0]

    def timed(files: Sequence[Path]) -> Iterator[Any]:
        for out in extractor(files):
            last[0] = time.perf_counter()  # handed over: what follows the last one is serial
            yield out

    c0, t0 = _cpu_all(), time.perf_counter()
    report = build_store(store, [corpus], extractor=timed)
    end = time.perf_counter()
    if report.failed:
        raise RuntimeError(f"benchmark build failed on {report.failed}")
    return Build(end - t0, end - last[0], _cpu_all() - c0)


def build_rows(
    builds: dict[int, list[Build]], ceilings: list[float], jobs: int, docs: int, megabytes: float
) -> Iterator[Measurement]:
    """The rows of the parallel build: speed-up, ceiling, their ratio, the writer's tail."""
    rounds = len(builds[1])
    one, many = builds[1], builds[jobs]
    serial = statistics.median(b.seconds for b in one)
    parallel = statistics.median(b.seconds for b in many)
    speedups = [a.seconds / b.seconds for a, b in zip(one, many, strict=True)]
    # each round against the mean of the ceilings measured just before and just after it
    around = [(ceilings[i] + ceilings[i + 1]) / 2 for i in range(rounds)]
    ratios = [s / c for s, c in zip(speedups, around, strict=True)]
    ceiling = statistics.median(ceilings)
    tail_1 = statistics.median(b.tail for b in one)
    tail_n = statistics.median(b.tail for b in many)
    # Amdahl: the tail runs alone, the rest at best at the ceiling's speed-up
    bound = serial / (tail_n + (serial - tail_1) / ceiling)
    cpu_1 = statistics.median(b.cpu for b in one)
    cpu_n = statistics.median(b.cpu for b in many)
    listed = "; ".join(
        f"round {i + 1}: {a.seconds:.2f} / {b.seconds:.2f} s = {s:.2f}x, ceiling {c:.2f}x"
        for i, (a, b, s, c) in enumerate(zip(one, many, speedups, around, strict=True))
    )
    yield Measurement(
        "scale.cpu_ceiling",
        ceiling,
        "x",
        note=f"speed-up of a pure CPU loop in 2 processes, measured before each round of "
        f"builds and after the last: {', '.join(f'{c:.2f}' for c in ceilings)}x; the most any "
        "parallel build can get on this machine now",
    )
    yield Measurement(
        "scale.build_jobs.speedup",
        serial / parallel,
        "x",
        target=">= 0.85 of scale.cpu_ceiling",
        note=f"full build of {docs} synthetic documents ({megabytes:g} MB): {serial:.2f} s "
        f"with --jobs 1, {parallel:.2f} s with --jobs {jobs} ({os.cpu_count()} CPUs; median of "
        f"{rounds} alternated rounds: {listed})",
    )
    yield Measurement(
        "scale.build_jobs.of_ceiling",
        statistics.median(ratios),
        "x",
        target=">= 0.85",
        note="each round's speed-up over the mean of the ceilings measured just before and "
        f"after it (median of {', '.join(f'{r:.2f}' for r in ratios)})",
    )
    yield Measurement(
        "scale.build_jobs.after_last_document",
        tail_n,
        "s",
        baseline=tail_1,
        baseline_name="--jobs 1",
        note=f"of the --jobs {jobs} build's {parallel:.2f} s, the part after the workers handed "
        "over their last document (the store writer's last load, the derived graph, "
        f"compaction), which no worker shortens: with it alone and the rest at the ceiling, "
        f"the speed-up could reach {bound:.2f}x ({bound / ceiling:.2f} of the ceiling)",
    )
    yield Measurement(
        "scale.build_jobs.cpu_cost",
        cpu_n / cpu_1,
        "x",
        note=f"CPU seconds (builder + workers, user + system) of --jobs {jobs} over --jobs 1, "
        f"same builds: {cpu_n:.2f} / {cpu_1:.2f} s (medians)",
    )
    yield Measurement(
        "scale.build_jobs.parallel",
        parallel,
        "s",
        baseline=serial,
        baseline_name="--jobs 1",
        note=f"{docs} documents, --jobs {jobs}",
    )


def one_core_rows(
    one_core: list[Build], many: list[Build], ceilings: list[float], jobs: int
) -> Iterator[Measurement]:
    """The ``--jobs N`` build against the ``--jobs 1`` build held to one CPU, round by round."""
    if not one_core:
        yield Measurement(
            "scale.build_jobs.one_core",
            0,
            "",
            note="skipped: one CPU, or no CPU affinity control on this platform",
        )
        return
    rounds = len(one_core)
    around = [(ceilings[i] + ceilings[i + 1]) / 2 for i in range(rounds)]
    speedups = [a.seconds / b.seconds for a, b in zip(one_core, many, strict=True)]
    ratios = [s / c for s, c in zip(speedups, around, strict=True)]
    cores = [b.cpu / b.seconds for b in one_core]  # <= 1.0: it was on one CPU
    listed = "; ".join(
        f"round {i + 1}: {a.seconds:.2f} / {b.seconds:.2f} s = {s:.2f}x, ceiling {c:.2f}x"
        for i, (a, b, s, c) in enumerate(zip(one_core, many, speedups, around, strict=True))
    )
    yield Measurement(
        "scale.build_jobs.one_core",
        statistics.median(b.seconds for b in one_core),
        "s",
        baseline=statistics.median(b.seconds for b in many),
        baseline_name=f"--jobs {jobs}",
        note=f"the --jobs 1 build in a process held to one CPU (CPU seconds per wall second "
        f"{', '.join(f'{c:.2f}' for c in cores)}); {listed}",
    )
    yield Measurement(
        "scale.build_jobs.of_ceiling_one_core",
        statistics.median(ratios),
        "x",
        target=">= 0.85",
        note=f"--jobs {jobs} over --jobs 1 on one CPU, each round over the mean of the ceilings "
        f"measured just before and after it (median of {', '.join(f'{r:.2f}' for r in ratios)})",
    )
