"""API benchmark: a bounded loopback load test of a real uvicorn, beside a trivial FastAPI route.

Why this shape: the issue's target is relative as well as absolute — lookups and lineage at
>= 2,500 requests/s with p99 < 20 ms on this 2-core machine, and at least 60% of what FastAPI
itself manages on a trivial route. So the same run starts (1) a trivial FastAPI app and (2)
``resgraph serve`` on the seed graph, each in its own uvicorn process on 127.0.0.1 with the same
uvicorn settings, and drives both with :func:`api.loadgen.run_load` (bounded in requests and
seconds, loopback only). The routes rotate over the resolutions of the graph (found by a SPARQL
query), so the run measures real lookups, served from the snapshot's answer cache after one
warm-up pass; that first request per resolution, which runs the graph function, is timed on its
own. The whole set runs again on the ~1M-triple synthetic graph of :mod:`graph.synth`.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator
from pathlib import Path

from fastapi import FastAPI

from api.bench.registry import Measurement, benchmark
from api.loadgen import LoadResult, percentile, run_load
from api.settings import get_settings

__all__ = [
    "api_benchmarks",
    "free_port",
    "server_process",
    "serving",
    "trivial_app",
    "wait_until_up",
]

HOST = "127.0.0.1"
BENCH_DIR = Path("bench-data")
CONCURRENCY = 8


def trivial_app() -> FastAPI:
    """The baseline: FastAPI with one async JSON route and nothing else (uvicorn ``--factory``).

    Example:
        >>> [r.path for r in trivial_app().routes][-1]
        '/ping'
    """
    app = FastAPI()

    @app.get("/ping")
    async def ping() -> dict[str, bool]:
        return {"ok": True}

    return app


def free_port() -> int:
    """A TCP port free on the loopback interface right now.

    Example:
        >>> 0 < free_port() < 65536
        True
    """
    with socket.socket() as s:
        s.bind((HOST, 0))
        return int(s.getsockname()[1])


def wait_until_up(port: int, path: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    """Poll ``http://127.0.0.1:port/path`` until it answers 200.

    Raises:
        RuntimeError: with the server's output when it exits or does not answer in time.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read().decode(errors="replace") if proc.stdout else ""
            raise RuntimeError(f"server exited with {proc.returncode}: {out[-2000:]}")
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=2) as r,
        ):
            if r.status == 200:
                return
        time.sleep(0.1)
    raise RuntimeError(f"server on port {port} did not answer {path} within {timeout} s")


@contextlib.contextmanager
def serving(
    store: Path | None,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> Iterator[int]:
    """Run ``resgraph serve`` on ``store`` (or the trivial app when ``store`` is None) in a
    uvicorn subprocess on a free loopback port; yield the port; stop it afterwards.

    Example:
        >>> with serving(None) as port:  # doctest: +SKIP
        ...     run_load(port, ["/ping"], total=100).errors
        0
    """
    with server_process(store, env=env, timeout=timeout) as (port, _):
        yield port


@contextlib.contextmanager
def server_process(
    store: Path | None,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> Iterator[tuple[int, subprocess.Popen[bytes]]]:
    """:func:`serving`, yielding the process too (tests read its workers' memory in /proc)."""
    port = free_port()
    if store is None:
        cmd = [sys.executable, "-m", "uvicorn", "--factory", "api.bench.api_bench:trivial_app"]
        cmd += ["--host", HOST, "--port", str(port), "--no-access-log", "--log-level", "warning"]
        ready = "/ping"
    else:
        cmd = [sys.executable, "-m", "api.cli", "serve", "--store", str(store)]
        cmd += ["--host", HOST, "--port", str(port), "--quiet"]
        ready = "/health"
    # The server's output goes to a file, never to an unread pipe: a long run that logs would
    # fill the pipe and block the server on a write.
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(
            cmd,
            env={**os.environ, **(env or {})},
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parents[2],
        )
        try:
            try:
                wait_until_up(port, ready, proc, timeout)
            except RuntimeError as exc:
                log.seek(0)
                output = log.read().decode(errors="replace")[-2000:]
                raise RuntimeError(f"{exc}\n{output}") from None
            yield port, proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _get_json(port: int, path: str) -> object:
    with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=120) as r:
        return json.loads(r.read())


def _resolution_ids(port: int, limit: int = 200) -> list[str]:
    """Short ids of up to ``limit`` resolutions that have versions, asked through /sparql."""
    from graph import load_query, short

    sample = load_query("resolution_works") + f"ORDER BY MD5(STR(?work)) LIMIT {limit}"
    query = urllib.parse.urlencode({"query": sample})
    rows = _get_json(port, f"/sparql?{query}")["results"]["bindings"]  # type: ignore[index]
    ids = [short(row["work"]["value"]) for row in rows]
    if not ids:
        raise RuntimeError("the served graph has no resolutions to look up")
    return ids


def _warm(port: int, paths: list[str]) -> list[float]:
    """GET each path once, in turn, and return the latencies (ms) of these first requests.

    The first request for a path computes its answer (the graph function runs); later ones are
    served from the snapshot's cache, which the measured run then exercises.
    """
    latencies = []
    for path in paths:
        t0 = time.perf_counter()
        with urllib.request.urlopen(f"http://{HOST}:{port}{path}", timeout=120) as r:
            r.read()
        latencies.append((time.perf_counter() - t0) * 1000.0)
    return latencies


def _measure(port: int, paths: list[str], total: int, seconds: float) -> LoadResult:
    """One warm-up pass over ``paths`` (fills the answer cache), then the measured run."""
    _warm(port, paths)
    return run_load(port, paths, total=total, concurrency=CONCURRENCY, seconds=seconds)


def _report(
    name: str, result: LoadResult, baseline: LoadResult | None, note: str
) -> Iterable[Measurement]:
    detail = f"{note}; {result.requests} requests, {result.errors} errors, {CONCURRENCY} conns"
    yield Measurement(
        name=f"{name}.rps",
        value=round(result.rps, 1),
        unit="req/s",
        baseline=None if baseline is None else round(baseline.rps, 1),
        baseline_name=None if baseline is None else "trivial FastAPI route, same run",
        target=">= 2500 and >= 0.6x baseline" if baseline is not None else None,
        note=detail,
    )
    yield Measurement(
        name=f"{name}.p99",
        value=round(result.p(99), 2),
        unit="ms",
        baseline=None if baseline is None else round(baseline.p(99), 2),
        baseline_name=None if baseline is None else "trivial FastAPI route, same run",
        target="< 20" if baseline is not None else None,
        note=f"p50 {result.p(50):.2f} ms, p90 {result.p(90):.2f} ms",
    )


def _graph_runs(
    label: str,
    store: Path,
    baseline: LoadResult,
    total: int,
    seconds: float,
    note: str,
    lookups_max: int = 200,
) -> Iterable[Measurement]:
    """First (uncached) lookups one by one, then lookups, lineage and a SPARQL ASK under load.

    ``lookups_max`` bounds the distinct resolutions looked up: on the 1M-triple graph the graph
    function behind one uncached lookup takes seconds.
    """
    with serving(store) as port:
        ids = _resolution_ids(port)
        lookups = [f"/resolutions/{i}" for i in ids[:lookups_max]]
        lineages = [f"/resolutions/{i}/lineage" for i in ids]
        first = _warm(port, lookups)
        yield Measurement(
            name=f"{label}.lookup_first.p50",
            value=round(percentile(first, 50), 2),
            unit="ms",
            note=f"{note}; first request per resolution (graph function runs), one at a time, "
            f"{len(first)} resolutions, max {max(first):.0f} ms",
        )
        n = f"{note}; {len(lookups)} distinct resolutions"
        yield from _report(f"{label}.lookup", _measure(port, lookups, total, seconds), baseline, n)
        n = f"{note}; {len(lineages)} distinct resolutions"
        yield from _report(
            f"{label}.lineage", _measure(port, lineages, total, seconds), baseline, n
        )
        sparql = ["/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D"]
        yield from _report(
            f"{label}.sparql_ask",
            _measure(port, sparql, total // 4, seconds),
            None,
            note + "; through the SPARQL worker pool",
        )


@benchmark("api")
def api_benchmarks(quick: bool) -> Iterable[Measurement]:
    """Requests/s and p99 of lookups and lineage on the seed and synthetic graphs."""
    from graph import SynthSpec, build_store, build_synthetic_store, open_store

    total, seconds = (3000, 10.0) if quick else (20000, 30.0)
    with serving(None) as port:
        baseline = _measure(port, ["/ping"], total, seconds)
    yield from _report("api.trivial", baseline, None, "FastAPI + uvicorn ceiling on this machine")

    with tempfile.TemporaryDirectory(prefix="resgraph-bench-") as tmp:
        report = build_store(Path(tmp) / "seed", [get_settings().corpus])
        seed_note = f"seed graph, {report.triples:,} triples"
        yield from _graph_runs("api.seed", Path(tmp) / "seed", baseline, total, seconds, seed_note)

    spec = SynthSpec(works=250) if quick else SynthSpec()
    synth = build_synthetic_store(BENCH_DIR, spec)
    with open_store(synth, read_only=True) as s:
        synth_note = f"synthetic graph, {len(s):,} triples"
    yield from _graph_runs("api.synth", synth, baseline, total, seconds, synth_note, lookups_max=40)
