"""Query benchmarks: the graph query functions on a ~1M-triple synthetic graph, against rdflib.

Why this shape: the targets of the issue are latencies of the public query functions (lineage and
one-hop dependencies p50 < 10 ms, transitive dependencies at depth 5 < 50 ms, transitive impact
< 100 ms) on a graph of realistic size, so the benchmark calls those very functions on the store
built from :mod:`graph.synth` (through the real build code), and runs the same functions — the
same ``.rq`` texts — on an rdflib in-memory graph holding the same triples, in the same run.
Transitive walks are measured twice: by SPARQL, one query per level (what the CLI does), and on
the networkx view of :mod:`graph.network` that a long-running process (the API) builds once —
the same walk, the same answer (a test checks it), without a query per level.
Roots are drawn with a fixed seed among works that have versions (lineage), that cite (deps) or
that are cited (impact), so two runs measure the same calls.

The synthetic store is cached in ``bench-data/`` (git-ignored) under a hash of its spec; the
rdflib graph is loaded from it each run (that load, ~1 minute for 1M triples, dominates).

Why the rdflib calls run in a forked child with a time limit: one transitive walk on rdflib took
14 minutes, and a time budget cannot stop a call that has started. The child shares the loaded
graph (fork, copy-on-write), times each call itself and sends the times back; when a call passes
``BASELINE_CALL_LIMIT_S`` the child is killed and that call counts as the limit, so the median is
a lower bound (the note says so).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx
import pyoxigraph as ox
from rdflib import Graph

from api.bench.registry import Measurement, benchmark
from api.bench.route_latency import route_benchmarks
from graph import (
    Queryable,
    SynthSpec,
    as_store,
    build_synthetic_store,
    citation_network,
    dependencies,
    impact,
    lineage,
    open_store,
    select,
    short,
)

__all__ = ["query_benchmarks", "rdflib_copy", "sample_roots"]

# Every REST route's first answer on the same synthetic store (``resgraph bench --only
# query.routes``): see api/bench/route_latency.py.
benchmark("query.routes")(route_benchmarks)

BENCH_DIR = Path("bench-data")
BASELINE = "rdflib in-memory Graph, same .rq"
BASELINE_CALL_LIMIT_S = 60.0

#: The named query (graph/queries/*.rq) giving the works fit for each query kind.
_ROOTS = {"lineage": "resolution_works", "deps": "citing_works", "impact": "cited_works"}


def rdflib_copy(store: ox.Store) -> Graph:
    """The triples of every graph of ``store`` in one rdflib Graph (the union default graph that
    the queries read on Oxigraph).

    Example:
        >>> s = ox.Store()
        >>> s.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x"),
        ...               ox.NamedNode("urn:g")))
        >>> len(rdflib_copy(s))
        1
    """
    lines = [f"{q.subject} {q.predicate} {q.object} .\n" for q in store]
    graph = Graph()
    graph.parse(data="".join(lines), format="nt")
    return graph


def sample_roots(store: Queryable, kind: str, n: int, seed: int = 7) -> list[str]:
    """``n`` short ids of works fit for a query kind (lineage, deps, impact), drawn with a seed.

    Example:
        >>> sample_roots(as_store(ox.Store()), "deps", 3)
        []
    """
    ids = sorted({short(r["work"]) for r in select(store, _ROOTS[kind]) if "work" in r})
    ids = [i for i in ids if "/" in i and not i.startswith(("decision/", "recommendation/"))]
    rng = random.Random(seed)
    return rng.sample(ids, min(n, len(ids)))


def _p50(
    fn: Callable[[str], Any], roots: Sequence[str], budget_s: float, warm_up: bool = True
) -> tuple[float, int]:
    """Median latency in ms of ``fn`` over ``roots`` within a time budget (at least one call;
    with ``warm_up``, one untimed call first and at least three timed ones)."""
    if not roots:
        return float("nan"), 0
    if warm_up:
        fn(roots[0])
    times: list[float] = []
    started = time.perf_counter()
    for root in roots:
        t0 = time.perf_counter()
        fn(root)
        times.append((time.perf_counter() - t0) * 1000)
        enough = len(times) >= 3 or not warm_up
        if enough and time.perf_counter() - started > budget_s:
            break
    return statistics.median(times), len(times)


def _timed_calls(fn: Callable[[str], Any], roots: Sequence[str], out: Any) -> None:
    """Child of :func:`_p50_limited`: call ``fn`` on each root, sending each time (ms) back."""
    for root in roots:
        t0 = time.perf_counter()
        fn(root)
        out.send((time.perf_counter() - t0) * 1000)


def _p50_limited(
    fn: Callable[[str], Any], roots: Sequence[str], budget_s: float, limit_s: float
) -> tuple[float, int, bool]:
    """Median latency in ms of ``fn`` over ``roots`` within a time budget, the calls made in one
    forked child that is killed when a call passes ``limit_s`` (counted as ``limit_s``).

    Returns:
        (median ms, calls made, whether a call hit the limit).
    """
    if not roots:
        return float("nan"), 0, False
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_timed_calls, args=(fn, list(roots), send), daemon=True)
    child.start()
    send.close()
    times: list[float] = []
    started, cut = time.perf_counter(), False
    try:
        while len(times) < len(roots):
            if not receive.poll(limit_s):
                times.append(limit_s * 1000)
                cut = True
                break
            times.append(receive.recv())
            if time.perf_counter() - started > budget_s:
                break
    finally:
        child.kill()
        child.join()
    return statistics.median(times), len(times), cut


def _call(fn: Callable[[Queryable, str], Any], store: Queryable, root: str) -> Any:
    return fn(store, root)


def _view_walk(walk: Callable[..., Any], store: Queryable, net: nx.DiGraph, root: str) -> Any:
    return walk(store, root, depth=5, net=net)


def _cases() -> list[tuple[str, str, Callable[[Queryable, str], Any], str]]:
    return [
        ("query.lineage.p50", "lineage", lineage, "< 10"),
        ("query.deps.depth1.p50", "deps", partial(dependencies, depth=1), "< 10"),
        ("query.deps.depth5.p50", "deps", partial(dependencies, depth=5), "< 50"),
        ("query.impact.depth5.p50", "impact", partial(impact, depth=5), "< 100"),
    ]


@benchmark("query")
def query_benchmarks(quick: bool) -> Iterable[Measurement]:
    """Latency of the query functions on Oxigraph, beside rdflib, on the synthetic graph."""
    spec = SynthSpec(works=250) if quick else SynthSpec()
    path = build_synthetic_store(BENCH_DIR, spec)
    store = open_store(path, read_only=True)
    triples = len(store)
    t0 = time.perf_counter()
    baseline = as_store(rdflib_copy(store.snapshot()))
    load_s = time.perf_counter() - t0
    n_roots = 10 if quick else 40
    load = os.getloadavg()[0]
    note = (
        f"{triples:,} triples, {spec.works} works (graph.synth seed {spec.seed}); "
        f"load average {load:.1f} on {os.cpu_count()} CPUs"
    )
    t0 = time.perf_counter()
    net = citation_network(store)
    net_s = time.perf_counter() - t0
    rdflib_ms: dict[str, float] = {}
    for name, kind, fn, target in _cases():
        roots = sample_roots(store, kind, n_roots)
        ox_ms, ox_n = _p50(partial(_call, fn, store), roots, budget_s=30)
        rd_ms, rd_n, cut = _p50_limited(
            partial(_call, fn, baseline), roots, budget_s=30, limit_s=BASELINE_CALL_LIMIT_S
        )
        rdflib_ms[name] = rd_ms
        bound = f" (a call passed {BASELINE_CALL_LIMIT_S:.0f} s and was stopped: a lower bound)"
        yield Measurement(
            name=name,
            value=round(ox_ms, 3),
            unit="ms",
            baseline=round(rd_ms, 3),
            baseline_name=BASELINE,
            target=target,
            note=f"{note}; {ox_n} roots on Oxigraph, {rd_n} on rdflib{bound if cut else ''}",
        )
    for name, kind, walk, target in (
        ("query.deps.depth5.view.p50", "deps", dependencies, "< 50"),
        ("query.impact.depth5.view.p50", "impact", impact, "< 100"),
    ):
        roots = sample_roots(store, kind, n_roots)
        ox_ms, ox_n = _p50(partial(_view_walk, walk, store, net), roots, budget_s=30)
        sparql_name = name.replace(".view", "")
        yield Measurement(
            name=name,
            value=round(ox_ms, 3),
            unit="ms",
            baseline=round(rdflib_ms[sparql_name], 3),
            baseline_name=f"rdflib SPARQL walk ({sparql_name})",
            target=target,
            note=f"{note}; walk on the networkx view held in memory (as the API does), "
            f"{ox_n} roots; view built once in {net_s:.1f} s",
        )
    yield Measurement(
        name="query.network.build",
        value=round(net_s, 2),
        unit="s",
        note="graph.network.citation_network(store): the one-time cost of the in-memory view",
    )
    yield Measurement(
        name="query.rdflib.load",
        value=round(load_s, 1),
        unit="s",
        note=f"loading the same {triples:,} triples into rdflib for the baseline",
    )
