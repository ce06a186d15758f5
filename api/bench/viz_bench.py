"""Benchmarks of the network page: server-side build and time to a settled page in Chromium.

Why these numbers: the page is useful only if it is drawn at once; vis-network's own physics takes
minutes at 1,500 nodes, so we lay out server-side and ship fixed positions. We report, at 200 and
2,000 nodes, the server time (filter + networkx layout + render) and the time from navigation to
the first complete drawing in headless Chromium (Debian's ``/usr/bin/chromium``; the benchmark is
skipped with a note when it is missing). The baseline, measured in the same run on the same nodes
and edges, is vis-network's own physics stabilisation from random positions (pyvis's default),
which is what the page would cost without the server-side layout.

The networks are synthetic (a preferential-attachment citation graph with ITU organs, a quarter
of the nodes stubs), so the numbers do not depend on which store happens to be built.
"""

from __future__ import annotations

import random
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

import networkx as nx

from api.bench.registry import Measurement, benchmark
from api.viz.data import VizSource, viz_data
from api.viz.model import VizParams
from api.viz.render import render_html

__all__ = ["synthetic_network", "viz_benchmarks", "viz_store_benchmarks"]

#: Shared with api/bench/query_bench.py: the synthetic store is built once under a hash of its spec.
BENCH_DIR = Path("bench-data")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
)
ORGANS = ("PP", "WTSA", "WTDC", "Council", "RA", "WRC")
SECTIONS = ("considering", "recalling", "noting", "resolves", "instructs", "invites")

#: Physics stabilisation of the same graph from random positions, run in the page's vis-network.
_PHYSICS_BASELINE = """
async ([limitMs]) => {
  const data = JSON.parse(document.getElementById("viz-data").textContent);
  const div = document.createElement("div");
  div.style.cssText = "position:absolute;left:0;top:0;width:1200px;height:800px";
  document.body.append(div);
  const nodes = data.nodes.map(({x, y, ...rest}) => rest);
  const t0 = performance.now();
  return await new Promise((resolve) => {
    const timer = setTimeout(() => resolve(-1), limitMs);
    const net = new vis.Network(div, {nodes, edges: data.edges}, {
      physics: {enabled: true, stabilization: {iterations: 1000}}, layout: {randomSeed: 1},
    });
    net.once("stabilizationIterationsDone", () => {
      clearTimeout(timer); net.destroy(); resolve(performance.now() - t0);
    });
  });
}
"""


def synthetic_network(n: int, seed: int = 1) -> nx.DiGraph:
    """A citation network of ``n`` resolutions shaped like ITU's: few hubs, many leaves, stubs.

    Example:
        >>> net = synthetic_network(50)
        >>> net.number_of_nodes(), all("organ" in d for _, d in net.nodes(data=True))
        (50, True)
    """
    rng = random.Random(seed)
    base = nx.barabasi_albert_graph(n, 2, seed=seed)
    net = nx.DiGraph()
    for node in base.nodes:
        organ = ORGANS[node % len(ORGANS)]
        net.add_node(
            f"{organ.lower()}/{node + 1}",
            organ=organ,
            number=str(node + 1),
            label=f"Synthetic resolution {node + 1}",
            has_text=rng.random() > 0.25,
            year=rng.choice((2006, 2010, 2014, 2018, 2022)),
        )
    names = list(net.nodes)
    for u, v in base.edges:
        source, target = (names[max(u, v)], names[min(u, v)])  # newer cites older
        net.add_edge(source, target, section=rng.choice(SECTIONS), document="synthetic.txt",
                     paragraph="a)", surface=f"Resolution {target.split('/')[1]}")  # fmt: skip
    return net


def _browser_times(html: str, limit_ms: int) -> tuple[float, float]:
    """(ms from navigation to the first full drawing, ms of the physics baseline or -1)."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        page_file = Path(tmp) / "network.html"
        page_file.write_text(html, encoding="utf-8")
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=list(CHROMIUM_ARGS)
        )
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 900})
            page.goto(page_file.as_uri())
            page.wait_for_function(
                "window.resgraphViz && window.resgraphViz.ready", timeout=120_000
            )
            ready = float(page.evaluate("window.resgraphViz.readyAt"))
            baseline = float(page.evaluate(_PHYSICS_BASELINE, [limit_ms])) if limit_ms else -1.0
        finally:
            browser.close()
    return ready, baseline


@benchmark("viz")
def viz_benchmarks(quick: bool) -> Iterable[Measurement]:
    """Server build time and time to a drawn page at 200 and 2,000 nodes."""
    sizes = (200,) if quick else (200, 2000)
    for n in sizes:
        source = VizSource(net=synthetic_network(n))
        t0 = time.perf_counter()
        data = viz_data(source, VizParams(max_nodes=n))
        html = render_html(data)
        server_ms = (time.perf_counter() - t0) * 1000
        yield Measurement(
            name=f"viz.server_build.{n}",
            value=server_ms,
            unit="ms",
            target="<= 5000" if n > 1000 else "<= 1000",
            note=f"filter + networkx layout + pyvis render, {len(data.nodes)} nodes, "
            f"{len(data.edges)} edges, {len(html) // 1024} KiB page",
        )
        if not CHROMIUM.exists():
            missing = "skipped: /usr/bin/chromium missing (apt-get install chromium)"
            yield Measurement(f"viz.page_ready.{n}", float("nan"), "ms", note=missing)
            continue
        limit = 0 if quick else 60_000
        ready, baseline = _browser_times(html, limit)
        yield Measurement(
            name=f"viz.page_ready.{n}",
            value=ready,
            unit="ms",
            baseline=None if baseline < 0 else baseline,
            baseline_name="vis-network physics stabilisation from random positions"
            if baseline >= 0
            else None,
            target="<= 3000",
            note="navigation to first full drawing, fixed positions, physics off"
            + ("; baseline did not settle within 60 s" if limit and baseline < 0 else ""),
        )


@benchmark("viz.store")
def viz_store_benchmarks(quick: bool) -> Iterable[Measurement]:
    """The page over the ~1M-triple graph.synth store: read once, then a focused view."""
    from api.viz.source import load_source
    from graph import SynthSpec, build_synthetic_store, open_store

    spec = SynthSpec(works=250) if quick else SynthSpec()
    store = open_store(build_synthetic_store(BENCH_DIR, spec), read_only=True)
    note = f"{len(store):,} triples, graph.synth works={spec.works} seed={spec.seed}"
    t0 = time.perf_counter()
    source = load_source(store)
    yield Measurement(
        "viz.store.load_source", time.perf_counter() - t0, "s",
        note=f"citation_network + bureau assignments, read once per store generation; {note}",
    )  # fmt: skip
    net = source.net
    median = sorted(net.nodes, key=lambda n: (net.in_degree(n), n))[len(net) // 2]
    for label, params in (
        ("default", VizParams()),
        ("focus", VizParams(focus=median, depth=2)),
    ):
        t0 = time.perf_counter()
        data = viz_data(source, params)
        html = render_html(data)
        yield Measurement(
            f"viz.store.{label}.server_build", (time.perf_counter() - t0) * 1000, "ms",
            target="<= 5000",
            note=f"{len(data.nodes)} nodes, {len(data.edges)} edges "
            f"(of {net.number_of_nodes()} resolutions), quotes included; {note}",
        )  # fmt: skip
        if CHROMIUM.exists():
            ready, _ = _browser_times(html, 0)
            yield Measurement(f"viz.store.{label}.page_ready", ready, "ms", target="<= 3000",
                              note=f"focus {params.focus} depth {params.depth}" if params.focus
                              else "default capped view")  # fmt: skip
