"""Does the build stay linear? Records -> quads, adding a document, bulk loading, disk (issue 20).

Why these numbers: a store that grows eightfold must not make each triple dearer to render, nor
one added document dearer to add, nor leave the disk doubled after an incremental build. Each
figure is measured at three sizes of the synthetic corpus of :mod:`graph.synth` (65 documents;
``works=750`` gives about 0.27M triples, ``works=3000`` and ``works=6000`` four and eight times
as many), so the ratio of the sizes is the figure to read (1.0: linear). The bulk build is
compared, in the same run, with a raw pyoxigraph ``bulk_load`` of the very same N-Quads into an
empty directory: the least any on-disk build of them can cost.

- ``graph.scaling.render_us_per_triple.*``: CPU µs per triple of records -> N-Quads text
  (:func:`graph.rdf.document.document_triples` and :func:`graph.rdf.text.nquads`), counting the
  shared statements kept as text.
- ``graph.scaling.add_one_document.*``: wall time of an incremental build adding one document
  to the store of the whole corpus (the derived graph is brought up to date, a new generation
  committed), and ``remove_one_document.*`` of the build taking it out again. The document is
  the same at every size (the last one of the smallest corpus, renamed), and new content at
  every size: each store is built without any document carrying its records, so at the
  smallest size from the other 64. Why: a copy of a document the store already holds adds
  almost no derived facts (49 derived quads, no work recomputed, against 1,428-1,759 quads and
  58-72 works for new content), so adding it as a copy at 1x and as new content at 8x
  compared two kinds of work, not two store sizes (0.25 / 0.36 s; the same content at both
  sizes costs 1.02-1.03x the CPU). A constant time is the target; ``add_one_linearity`` is the
  ratio of the largest size to the smallest.
- ``graph.scaling.bulk_build``: a full build from documents already rendered (as ``--jobs N``
  workers hand them over), beside a raw bulk load of the same quads: the very quads the built
  store holds (dumped from it), documents, manifest, derived, ontology and gazetteer graphs.
  Why not the documents' N-Quads alone, as before: the build stores 12% more quads than those
  (the derived graph's 230k among them), so that baseline did less of the work. Its figure is
  in the note still, with the raw load followed by ``Store.optimize``: a raw bulk load leaves a
  store that costs readers 20-30% more query CPU (dependencies and impact at depth 5, the
  citation network, on the 1.9M-quad store) until it is compacted, which the build does.
- ``graph.scaling.disk_after_add``: the store's size on disk after that incremental build, beside
  its size after the full build (no reader holds the old generation).
"""

from __future__ import annotations

import dataclasses
import gc
import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from api.bench.registry import Measurement, benchmark
from graph import (
    DocumentInput,
    SynthSpec,
    build_store,
    open_store,
    render_input,
    synthetic_inputs,
)

__all__ = ["scaling_benchmarks"]

#: Works of the three corpus sizes (small, four and eight times larger), full run and ``--quick``.
SIZES = {False: (750, 3000, 6000), True: (150, 600, 1200)}


def _render(inputs: Sequence[DocumentInput]) -> tuple[list[Any], float, int]:
    """Every document rendered (:func:`graph.render_input`, what a worker hands the builder):
    the results, CPU seconds, and triples (own + shared)."""
    gc.collect()
    t0 = time.process_time()
    out = [render_input(doc) for doc in inputs]
    cpu = time.process_time() - t0
    # one line per own triple (the rg:sharedStatements literal among them), and each shared
    # triple ends " .\n" inside that literal, escaped
    triples = sum(r.nquads.count(b"\n") + r.nquads.count(b" .\\n") - 1 for r in out)
    return out, cpu, triples


def _du(path: Path) -> int:
    """Bytes of the files under ``path`` (hard links counted once)."""
    seen: set[int] = set()
    total = 0
    for dirpath, _, names in os.walk(path):
        for name in names:
            st = os.lstat(os.path.join(dirpath, name))
            if st.st_ino not in seen:
                seen.add(st.st_ino)
                total += st.st_size
    return total


#: Times each size adds and removes the document; the medians are reported.
ADD_REPEATS = 3


@dataclasses.dataclass
class _Added:
    """Median wall and CPU seconds of adding the document and of removing it again, the store's
    triples after the add, and its bytes on disk before and after the first add."""

    add: tuple[float, float]
    remove: tuple[float, float]
    triples: int
    before: int
    after: int


def _add_one(tmp: Path, inputs: Sequence[DocumentInput], extra: DocumentInput) -> _Added:
    """Build all documents, then add ``extra`` and take it out again, ``ADD_REPEATS`` times.

    Why repeated: one add takes a few tenths of a second, where a shared machine's noise is
    as large as the differences between sizes; the median of three, and its CPU time beside the
    wall time, say what the store's size costs.
    """
    root = tmp / "incr"
    build_store(root, inputs=inputs)
    before = _du(root)
    adds, removes = [], []
    triples, after = 0, 0
    done: list[Any] = []
    for i in range(ADD_REPEATS):
        adds.append(_timed(lambda: done.append(build_store(root, inputs=[*inputs, extra]))))
        triples = done[-1].triples
        if i == 0:
            after = _du(root)
        removes.append(_timed(lambda: build_store(root, inputs=inputs)))
    shutil.rmtree(root, ignore_errors=True)
    return _Added(_median_pair(adds), _median_pair(removes), triples, before, after)


def _median_pair(runs: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall seconds and the median CPU seconds of ``runs``."""
    return statistics.median(w for w, _ in runs), statistics.median(c for _, c in runs)


@dataclasses.dataclass
class _Bulk:
    """Wall and CPU seconds of a full build and of raw bulk loads, and what they loaded."""

    build: tuple[float, float]
    same: tuple[float, float]  # raw load of the quads the built store holds
    compact: tuple[float, float]  # Store.optimize after that raw load
    docs: tuple[float, float]  # raw load of the documents' N-Quads only
    quads: int
    doc_quads: int


def _timed(fn: Any) -> tuple[float, float]:
    """(wall, CPU of this process and its threads) seconds of ``fn()``."""
    gc.collect()
    w0, c0 = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - w0, time.process_time() - c0


def _raw_load(path: Path, data: bytes) -> ox.Store:
    store = ox.Store(str(path))
    store.bulk_load(data, format=ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    return store


def _bulk(tmp: Path, rendered: Sequence[Any]) -> _Bulk:
    """Full build from rendered documents, raw bulk loads of the same quads (then compacted) and
    of the documents' quads alone, each into an empty directory."""
    root = tmp / "bulk"
    names = _names(tmp, rendered)
    built: list[Any] = []
    build = _timed(
        lambda: built.append(build_store(root, names, extractor=lambda _: iter(rendered)))
    )
    docs = b"".join(r.nquads for r in rendered)
    same = docs + _other_graphs(root, {r.graph for r in rendered})
    shutil.rmtree(root, ignore_errors=True)
    raw: list[ox.Store] = []
    same_s = _timed(lambda: raw.append(_raw_load(tmp / "raw", same)))
    if len(raw[0]) != built[0].triples:
        raise AssertionError(
            f"raw load of {len(raw[0])} quads, the build stored {built[0].triples}"
        )
    compact_s = _timed(raw[0].optimize)
    raw.clear()
    shutil.rmtree(tmp / "raw", ignore_errors=True)
    same = b""  # free it before the next load
    docs_s = _timed(lambda: raw.append(_raw_load(tmp / "raw", docs)))
    doc_quads = len(raw[0])
    raw.clear()
    shutil.rmtree(tmp / "raw", ignore_errors=True)
    return _Bulk(build, same_s, compact_s, docs_s, built[0].triples, doc_quads)


def _other_graphs(root: Path, documents: set[str]) -> bytes:
    """The quads of the store at ``root`` outside the documents' graphs (manifest, derived,
    ontology, gazetteer) as N-Quads, graph by graph.

    Why not a dump of the whole store: it comes out in index order (graphs by hash), which
    Oxigraph bulk-loads slower than the same quads document by document (20.8 s CPU at 1.9M
    quads, against 15.1 s for the documents' 12% fewer quads alone, in one run), so the baseline
    would flatter the build; it loads the documents' N-Quads as given, then these."""
    out = []
    with open_store(root, read_only=True) as store:
        snap = store.snapshot()
        for g in snap.named_graphs():
            if isinstance(g, ox.NamedNode) and g.value not in documents:
                text = snap.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=g) or b""
                # every N-Triples line ends " .\n" (literals escape their newlines)
                out.append(text.replace(b" .\n", f" {g} .\n".encode()))
    return b"".join(out)


def _names(tmp: Path, rendered: Sequence[Any]) -> list[Path]:
    """Empty files named as the rendered documents (the build hashes its files; the extractor
    hands over the rendering, whose hash is the one recorded)."""
    folder = tmp / "files"
    folder.mkdir(exist_ok=True)
    paths = []
    for r in rendered:
        p = folder / r.name
        p.write_bytes(b"")
        paths.append(p)
    return paths


def _bulk_row(b: _Bulk, documents: int) -> Measurement:
    """The ``graph.scaling.bulk_build`` row: the build against the raw load of the same quads,
    the other raw figures in the note (wall / CPU seconds)."""
    (build, build_cpu), (same, same_cpu) = b.build, b.same
    compacted = same + b.compact[0]
    return Measurement(
        "graph.scaling.bulk_build",
        build,
        "s",
        baseline=same,
        baseline_name="raw pyoxigraph bulk_load of the same quads (the built store's), same run",
        target="<= 1.3x",
        note=f"{documents} documents already rendered, {b.quads:,} quads in the store (documents, "
        "manifest, derived, ontology, gazetteer); wall / CPU s: build "
        f"{build:.1f} / {build_cpu:.1f}, raw load of the same quads {same:.1f} / {same_cpu:.1f} "
        f"({build / same:.2f}x wall, {build_cpu / same_cpu:.2f}x CPU), then Store.optimize "
        f"{b.compact[0]:.1f} / {b.compact[1]:.1f} (build / raw load compacted, what readers "
        f"get from both: {build / compacted:.2f}x); the documents' {b.doc_quads:,} quads alone "
        f"{b.docs[0]:.1f} / {b.docs[1]:.1f} ({build / b.docs[0]:.2f}x, the baseline before: "
        "fewer quads than the build stores)",
    )


@benchmark("graph.scaling")
def scaling_benchmarks(quick: bool) -> Iterator[Measurement]:
    """Per-triple rendering, adding one document, and disk at 1x and 8x; bulk build vs raw."""
    sizes = SIZES[quick]
    small, large = sizes[0], sizes[-1]
    last = synthetic_inputs(SynthSpec(works=small))[-1]
    extra = dataclasses.replace(last, name=f"added-{last.name}")
    tmp = Path(tempfile.mkdtemp(prefix="resgraph-scaling-"))
    try:
        per_triple: dict[int, float] = {}
        add: dict[int, float] = {}
        add_cpu: dict[int, float] = {}
        for works in sizes:
            inputs = synthetic_inputs(SynthSpec(works=works))
            rendered, cpu, triples = _render(inputs)
            per_triple[works] = cpu / triples * 1e6
            yield Measurement(
                f"graph.scaling.render_us_per_triple.{works}",
                per_triple[works],
                "µs",
                note=f"{triples:,} triples of {len(inputs)} documents, CPU time",
            )
            # the added document is new content at every size (see the module docstring)
            others = [d for d in inputs if d.records != extra.records]
            added = _add_one(tmp, others, extra)
            add[works] = added.add[0]
            add_cpu[works] = added.add[1]
            yield Measurement(
                f"graph.scaling.add_one_document.{works}",
                added.add[0],
                "s",
                note=f"one document ({len(extra.records)} records, new to the store) added to a "
                f"store of {len(others)} documents, {added.triples:,} triples after the add; "
                f"median of {ADD_REPEATS} adds, wall (CPU {added.add[1]:.2f} s)",
            )
            yield Measurement(
                f"graph.scaling.remove_one_document.{works}",
                added.remove[0],
                "s",
                note=f"the same document taken out again; median of {ADD_REPEATS}, wall (CPU "
                f"{added.remove[1]:.2f} s)",
            )
            yield Measurement(
                f"graph.scaling.disk_after_add.{works}",
                added.after / 1e6,
                "MB",
                baseline=added.before / 1e6,
                baseline_name="the store after its full build",
                target="<= 1.2x",
            )
            if works == large:
                yield _bulk_row(_bulk(tmp, rendered), len(rendered))
            del inputs, rendered
        yield Measurement(
            "graph.scaling.render_linearity",
            per_triple[large] / per_triple[small],
            "x",
            target="<= 1.15",
            note=f"µs per triple at works={large} / at works={small} (8x the triples)",
        )
        yield Measurement(
            "graph.scaling.add_one_linearity",
            add[large] / add[small],
            "x",
            target="<= 1.3",
            note=f"adding the same document at works={large} / at works={small}, wall (CPU "
            f"{add_cpu[large] / add_cpu[small]:.2f}x); "
            + ", ".join(f"works={w}: {add[w]:.2f} s" for w in sizes),
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
