"""Benchmarks run by ``resgraph bench`` / ``make bench``.

Why a registry: each stage (extract, graph, api) owns its measurements in its own module here and
registers them with :func:`benchmark`; the runner prints one table and writes ``bench-report.json``.
Every measurement is reported beside a baseline measured in the same run where one exists, because
these machines are shared and noisy: ratios travel, absolute numbers do not.
"""

from __future__ import annotations

from api.bench.registry import Measurement, benchmark, registered, run_benchmarks

__all__ = ["Measurement", "benchmark", "registered", "run_benchmarks"]
