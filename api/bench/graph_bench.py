"""Graph build benchmarks: full build, incremental add, and cold start of the on-disk store.

Why these numbers: the store is meant to be built once and reopened by every CLI call and server
start, so what matters is (1) how long a full build of a realistic corpus takes, (2) that adding
one document costs a small fraction of it (the incremental build), and (3) that opening an
existing store is fast (target < 1 s for ~1M triples). Each is measured on the synthetic corpus
of :mod:`graph.synth` (built through the real build code) beside rdflib's in-memory store in the
same run: building the same documents into an rdflib ``Dataset``, and starting rdflib from the
same graph saved as N-Triples (an in-memory store has to re-parse its data at every start).
"""

from __future__ import annotations

import dataclasses
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from rdflib import Dataset, Graph, URIRef

from api.bench import build_scaling  # noqa: F401  (registers graph.scaling: linear builds)
from api.bench.registry import Measurement, benchmark
from graph import SynthSpec, build_store, document_graph, export_store, synthetic_inputs

__all__ = ["graph_benchmarks"]

_COLD = """
import sys, time
t0 = time.perf_counter()
from graph import open_store, select
t1 = time.perf_counter()
s = open_store(sys.argv[1], read_only=True)
rows = select(s, "version_count")
t2 = time.perf_counter()
print(t2 - t1, t1 - t0, rows[0]["n"])
"""


def _rdflib_build(spec: SynthSpec) -> tuple[float, int]:
    """Seconds to build the same documents into an rdflib in-memory Dataset, and its size."""
    inputs = synthetic_inputs(spec)
    t0 = time.perf_counter()
    ds = Dataset()
    for doc in inputs:
        graph = ds.graph(URIRef(f"urn:resgraph-bench:{doc.sha256[:16]}"))  # one per document
        for triple in document_graph(doc):
            graph.add(triple)
    return time.perf_counter() - t0, len(ds)


@benchmark("graph.build")
def graph_benchmarks(quick: bool) -> Iterator[Measurement]:
    """Full build, incremental add of one document, and cold start, each beside rdflib."""
    spec = SynthSpec(works=250) if quick else SynthSpec()
    tmp = Path(tempfile.mkdtemp(prefix="resgraph-bench-"))
    try:
        inputs = synthetic_inputs(spec)
        *first, last = inputs
        root = tmp / "store"
        t0 = time.perf_counter()
        full = build_store(root, inputs=inputs)
        build_s = time.perf_counter() - t0
        rdflib_s, rdflib_n = _rdflib_build(spec)
        yield Measurement(
            "graph.build.full",
            build_s,
            "s",
            baseline=rdflib_s,
            baseline_name="rdflib in-memory Dataset, same documents",
            note=f"{full.triples:,} triples in the store ({rdflib_n:,} quads in rdflib), "
            f"{len(inputs)} documents; includes SHACL-free commit to disk",
        )
        yield Measurement("graph.build.throughput", full.triples / build_s, "triples/s")

        incr_root = tmp / "incr"
        build_store(incr_root, inputs=first)
        extra = dataclasses.replace(last)
        t0 = time.perf_counter()
        report = build_store(incr_root, inputs=[*first, extra])
        incr_s = time.perf_counter() - t0
        yield Measurement(
            "graph.build.add_one_document",
            incr_s,
            "s",
            baseline=build_s,
            baseline_name="full build of the same corpus",
            note=f"added {report.added}, {len(report.unchanged)} documents skipped",
        )

        out = subprocess.run(
            [sys.executable, "-c", _COLD, str(root)], capture_output=True, text=True, check=True
        )
        open_s, import_s, versions = out.stdout.split()
        nt = tmp / "graph.nt"
        export_store(root, "nt", nt)
        t0 = time.perf_counter()
        g = Graph()
        g.parse(nt, format="nt")
        rdflib_cold = time.perf_counter() - t0
        yield Measurement(
            "graph.cold_start",
            float(open_s),
            "s",
            baseline=rdflib_cold,
            baseline_name="rdflib in-memory Graph parsing the same graph (N-Triples)",
            target="< 1",
            note=f"open read-only + first query ({versions} versions) in a fresh process; "
            f"imports took another {float(import_s):.2f} s; {full.triples:,} triples",
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
