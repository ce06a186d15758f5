"""The parallel-build bench's one-core reference (api/bench/build_jobs.py).

Why: ``scale.build_jobs.of_ceiling_one_core`` compares ``--jobs N`` with a ``--jobs 1`` build
held to one CPU. That reference is only what it claims if the builder process, and every thread
it starts afterwards (the store writer's loader thread, the store's own threads), runs on that
one CPU; and the row must divide each round's speed-up by the ceiling measured around it.
"""

from __future__ import annotations

import os
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from api.bench.build_jobs import Build, hold_to, one_core_rows, one_cpu


def _affinities() -> tuple[set[int], set[int]]:
    """CPUs allowed to this process's main thread and to a thread it starts now."""
    seen: list[set[int]] = []
    t = threading.Thread(target=lambda: seen.append(os.sched_getaffinity(0)))
    t.start()
    t.join()
    return os.sched_getaffinity(0), seen[0]


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="no CPU affinity control here")
def test_the_one_core_builder_and_the_threads_it_starts_run_on_one_cpu() -> None:
    cpu = one_cpu()
    if cpu is None:
        pytest.skip("one CPU: there is no one-core reference to take (and none is reported)")
    with ProcessPoolExecutor(1, initializer=hold_to, initargs=(cpu,)) as held:
        main, thread = held.submit(_affinities).result()
    assert main == {cpu}
    assert thread == {cpu}
    assert len(os.sched_getaffinity(0)) > 1  # this process is left as it was


def test_the_one_core_rows_divide_each_round_by_the_ceiling_around_it() -> None:
    one_core = [Build(9.0, 1.0, 8.5), Build(10.0, 1.0, 9.0), Build(8.0, 1.0, 7.9)]
    many = [Build(6.0, 1.5, 9.5), Build(5.0, 1.5, 9.0), Build(5.0, 1.5, 8.8)]
    ceilings = [1.6, 2.0, 1.6, 1.8]  # before each round and after the last
    rows = {m.name: m for m in one_core_rows(one_core, many, ceilings, 2)}
    # speed-ups 1.5, 2.0, 1.6 over ceilings 1.8, 1.8, 1.7 around each round
    assert rows["scale.build_jobs.of_ceiling_one_core"].value == pytest.approx(1.6 / 1.7)
    assert rows["scale.build_jobs.one_core"].value == 9.0
    assert rows["scale.build_jobs.one_core"].baseline == 5.0
    assert "0.94, 0.90, 0.99" in (rows["scale.build_jobs.one_core"].note or "")  # CPU s per wall s


def test_without_a_one_core_reference_the_row_says_it_was_skipped() -> None:
    rows = list(one_core_rows([], [], [1.8], 2))
    assert [m.name for m in rows] == ["scale.build_jobs.one_core"]
    assert "skipped" in (rows[0].note or "")
