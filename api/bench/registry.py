"""Benchmark registry and runner (see the package docstring for why)."""

from __future__ import annotations

import importlib
import json
import platform
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

__all__ = ["Measurement", "benchmark", "registered", "run_benchmarks"]

# Modules that hold benchmarks; each registers its functions on import.
BENCH_MODULES: tuple[str, ...] = (
    "api.bench.extract_bench",
    "api.bench.graph_bench",
    "api.bench.query_bench",
    "api.bench.api_bench",
    "api.bench.viz_bench",
    "api.bench.scale_bench",
)


@dataclass(frozen=True)
class Measurement:
    """One reported number.

    Attributes:
        name: what was measured, e.g. ``extract.throughput``.
        value: the number.
        unit: its unit (``MB/s``, ``ms``, ``req/s``...).
        baseline: the same quantity for the baseline measured in the same run, if any.
        baseline_name: what the baseline is.
        target: the target the value should meet, as text (``>= 10``).
        note: anything a reader needs to interpret the number.
    """

    name: str
    value: float
    unit: str
    baseline: float | None = None
    baseline_name: str | None = None
    target: str | None = None
    note: str | None = None

    @property
    def ratio(self) -> float | None:
        """value / baseline, when there is a baseline."""
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


BenchFn = Callable[[bool], Iterable[Measurement]]
_REGISTRY: dict[str, BenchFn] = {}


def benchmark(name: str) -> Callable[[BenchFn], BenchFn]:
    """Register a benchmark function ``fn(quick: bool) -> Iterable[Measurement]``."""

    def deco(fn: BenchFn) -> BenchFn:
        _REGISTRY[name] = fn
        return fn

    return deco


def registered() -> dict[str, BenchFn]:
    """Import every benchmark module that exists and return the registry."""
    for mod in BENCH_MODULES:
        try:
            importlib.import_module(mod)
        except ModuleNotFoundError as exc:
            if exc.name != mod:
                raise
    return dict(_REGISTRY)


def run_benchmarks(
    only: list[str] | None = None,
    quick: bool = False,
    report: Path = Path("bench-report.json"),
    echo: Callable[[str], None] = lambda s: None,
) -> list[Measurement]:
    """Run the registered benchmarks (all, or those named in ``only``) and write the report."""
    results: list[Measurement] = []
    started = time.time()
    for name, fn in registered().items():
        if only and not any(name.startswith(o) for o in only):
            continue
        echo(f"running {name} ...")
        t0 = time.perf_counter()
        results.extend(fn(quick))
        echo(f"  {name} took {time.perf_counter() - t0:.1f} s")
    payload = {
        "started": started,
        "machine": {"python": platform.python_version(), "platform": platform.platform()},
        "quick": quick,
        "results": [{**asdict(m), "ratio": m.ratio} for m in results],
    }
    report.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return results
