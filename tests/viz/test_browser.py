"""The network page as a person uses it: real server, Debian's headless Chromium, real clicks.

Each test watches the console and every request: a console error or a request leaving the machine
fails the test. Counts on the page are compared with the graph (networkx over the same network),
not with numbers taken from the page code.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from fastapi import FastAPI
from pyoxigraph import Store

from api.deps import GraphHolder, GraphSnapshot
from api.errors import install_error_handlers
from api.viz.data import VizSource, viz_data
from api.viz.model import VizParams
from api.viz.render import render_html
from api.viz.router import router
from graph import as_store

pytestmark = pytest.mark.browser

READY = "window.resgraphViz && window.resgraphViz.ready"
#: Preambular clause heads as DESIGN.md lists them (those the seeds' gold sections use).
PREAMBULAR_HEADS = ("recalling", "considering", "noting", "recognizing", "bearing in mind",
                    "taking into account", "emphasizing", "acknowledging", "aware", "concerned",
                    "mindful", "observing", "reaffirming", "welcoming", "convinced")  # fmt: skip


def _app(source: VizSource) -> FastAPI:
    """An app serving /viz over ``source`` (the snapshot's store is not read: the source is set)."""
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    app.state.graph = GraphHolder(GraphSnapshot(as_store(Store()), "test", "memory"))
    app.state.viz_sources = {("test", source.level): source}
    return app


@pytest.fixture(scope="module")
def base_url(serve: Any, gold_source: VizSource) -> str:
    return serve(_app(gold_source))


class Watched:
    """A page with its console errors and the hosts it tried to reach."""

    def __init__(self, page: Any, allowed_host: str | None) -> None:
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r: Any) -> None:
            url = urlparse(r.request.url)
            if url.scheme in ("file", "data", "blob") or url.hostname == allowed_host:
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)

    def counts(self) -> tuple[int, int]:
        shown = self.page.evaluate("[resgraphViz.shownNodes, resgraphViz.shownEdges]")
        return int(shown[0]), int(shown[1])

    def drawn(self) -> tuple[int, int]:
        """What vis-network itself holds after the filters (its body's node/edge index)."""
        body = self.page.evaluate(
            "[resgraphViz.network.body.nodeIndices.length,"
            " resgraphViz.network.body.edgeIndices.length]"
        )
        return int(body[0]), int(body[1])


@pytest.fixture
def watched(browser: Any) -> Iterator[Any]:
    pages: list[Watched] = []

    def open_page(url: str) -> Watched:
        page = browser.new_page()
        w = Watched(page, urlparse(url).hostname)
        pages.append(w)
        page.goto(url)
        page.wait_for_function(READY, timeout=30_000)
        return w

    yield open_page
    for w in pages:
        assert not w.errors, w.errors
        assert not w.outside, w.outside
        w.page.close()


def test_served_page_shows_the_graph_and_filters_change_it(
    base_url: str, watched: Any, gold_source: VizSource, tmp_path: Path
) -> None:
    net = gold_source.net
    w = watched(f"{base_url}/viz")
    assert w.counts() == (net.number_of_nodes(), net.number_of_edges())
    assert w.drawn() == (net.number_of_nodes(), net.number_of_edges())
    status = w.page.inner_text("#status")
    assert f"{net.number_of_nodes()} nodes" in status and "capped" not in status

    # Untick one organ: its nodes and every edge touching them disappear.
    organ = "WTDC"
    rest = [n for n, d in net.nodes(data=True) if d["organ"] != organ]
    w.page.get_by_label(organ, exact=True).uncheck()
    assert w.counts() == (len(rest), net.subgraph(rest).number_of_edges())
    assert w.drawn() == w.counts()
    w.page.get_by_label(organ, exact=True).check()
    assert w.counts() == (net.number_of_nodes(), net.number_of_edges())

    # Hide citations made in preambular clauses: only the others stay.
    preambular = sum(
        1
        for *_, d in net.edges(data=True)
        if (d["section"] or "").casefold().startswith(PREAMBULAR_HEADS)
    )
    w.page.get_by_label("preambular").uncheck()
    assert w.counts()[1] == net.number_of_edges() - preambular
    shot = tmp_path / "viz.png"
    w.page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 20_000


def test_focus_search_and_details(base_url: str, watched: Any, gold_source: VizSource) -> None:
    net = gold_source.net
    root = max(net.nodes, key=lambda n: (net.in_degree(n) + net.out_degree(n), n))
    ego = {root, *net.successors(root), *net.predecessors(root)}
    w = watched(f"{base_url}/viz")
    w.page.fill("#focus", root)
    w.page.fill("#depth", "1")
    w.page.click("#focus-apply")
    assert w.counts() == (len(ego), net.subgraph(ego).number_of_edges())
    w.page.click("#reset")
    assert w.counts()[0] == net.number_of_nodes()

    label = f"{net.nodes[root]['organ']} Res. {net.nodes[root]['number']}"
    w.page.fill("#search", label)
    w.page.press("#search", "Enter")
    assert w.page.inner_text("#details-label") == label
    assert w.page.get_attribute("#details-link", "href") == f"/id/resolution/{root}"
    assert w.page.evaluate("resgraphViz.network.getSelectedNodes()") == [root]


def test_server_side_focus_matches_the_json_twin(base_url: str, watched: Any) -> None:
    import httpx

    twin = httpx.get(f"{base_url}/viz.json", params={"focus": "wtsa/44", "depth": 2}).json()
    w = watched(f"{base_url}/viz?focus=wtsa/44&depth=2")
    assert w.counts() == (twin["counts"]["nodes"], twin["counts"]["edges"])
    assert httpx.get(f"{base_url}/viz.json", params={"focus": "wtsa/99999"}).json()["status"] == 404


def test_capped_view_says_so(base_url: str, watched: Any, gold_source: VizSource) -> None:
    w = watched(f"{base_url}/viz?max_nodes=12")
    assert w.counts()[0] == 12
    status = w.page.inner_text("#status")
    assert "capped" in status and f"of {gold_source.net.number_of_nodes()}" in status


def test_exported_file_opens_offline(watched: Any, gold_source: VizSource, tmp_path: Path) -> None:
    data = viz_data(gold_source, VizParams(assignments=True))
    out = tmp_path / "network.html"
    out.write_text(render_html(data, link_base="https://w3id.org/resgraph/"), encoding="utf-8")
    w = watched(out.as_uri())
    assert w.counts() == (len(data.nodes), len(data.edges))
    bureaux = sum(1 for n in data.nodes if n.kind == "bureau")
    layer = sum(1 for e in data.edges if e.kind == "assignment")
    w.page.get_by_label("show assignment layer").uncheck()
    assert w.counts() == (len(data.nodes) - bureaux, len(data.edges) - layer)
    w.page.select_option("#bureau", "TSB")
    givers = sum(1 for n in data.nodes if "TSB" in n.bureaux)
    assert w.counts()[0] == givers > 0
    # Offline there is no server to ask for versions; physics can still be switched on and off.
    assert w.page.is_disabled("#versions")
    w.page.check("#physics")
    w.page.wait_for_timeout(300)
    w.page.uncheck("#physics")
    assert w.page.evaluate("resgraphViz.network.physics.options.enabled") is False


@pytest.fixture(scope="module")
def seed_url(serve: Any, seed_store: Any) -> str:
    """The real app (api.main.create_app) serving the seed store, /viz included."""
    from api.main import create_app
    from api.settings import Settings

    app = create_app(Settings(), store=seed_store)
    if not any(getattr(r, "path", None) == "/viz" for r in app.routes):
        app.include_router(router)
    return serve(app)


def test_seed_graph_page_matches_the_graph_query(
    seed_url: str, watched: Any, seed_store: Any, tmp_path: Path
) -> None:
    from graph.network import citation_network

    net = citation_network(seed_store, level="work")
    w = watched(f"{seed_url}/viz")
    assert w.counts() == (net.number_of_nodes(), net.number_of_edges())
    assert w.drawn() == w.counts()
    # Hover text of an edge quotes the citation and its place.
    titles = w.page.evaluate("resgraphViz.network.body.data.edges.get().map(e => e.title)")
    assert titles and all("“" in t and ".txt" in t for t in titles)
    # A filter changes what is shown: keep only stubs' organs off, e.g. untick the first organ.
    organs = sorted({d["organ"] for _, d in net.nodes(data=True)})
    first = organs[0]
    rest = [n for n, d in net.nodes(data=True) if d["organ"] != first]
    w.page.get_by_label(first, exact=True).uncheck()
    assert w.counts() == (len(rest), net.subgraph(rest).number_of_edges())
    w.page.screenshot(path=str(tmp_path / "seed.png"), full_page=True)
    assert (tmp_path / "seed.png").stat().st_size > 20_000


def test_seed_graph_focus_and_versions(seed_url: str, watched: Any, seed_store: Any) -> None:
    import httpx

    from graph.network import citation_network

    net = citation_network(seed_store, level="version")
    w = watched(f"{seed_url}/viz?versions=true&max_nodes=5000")
    assert w.counts() == (net.number_of_nodes(), net.number_of_edges())
    twin = httpx.get(f"{seed_url}/viz.json", params={"focus": "wtsa/44", "depth": 2}).json()
    w = watched(f"{seed_url}/viz?focus=wtsa/44&depth=2")
    assert (
        w.counts() == (twin["counts"]["nodes"], twin["counts"]["edges"]) and twin["counts"]["edges"]
    )


def test_exported_seed_file_opens_offline(
    watched: Any, seed_store_dir: Path, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from api.cli import app as cli

    out = tmp_path / "network.html"
    result = CliRunner().invoke(
        cli, ["viz", "--out", str(out), "--store", str(seed_store_dir), "--assignments"]
    )
    assert result.exit_code == 0, result.output
    w = watched(out.as_uri())
    nodes, edges = w.counts()
    assert f"{nodes} nodes, {edges} edges" in result.output


def test_lineage_view_from_the_details_panel(seed_url: str, watched: Any, seed_store: Any) -> None:
    from graph.queries.lineage import lineage

    w = watched(f"{seed_url}/viz")
    # Pick, as a reader would, the drawn resolution with the most versions, and open its lineage.
    ids = w.page.evaluate("resgraphViz.network.body.data.nodes.getIds()")
    works = [i for i in ids if i.count("/") == 1 and not i.startswith("bureau/")]
    work = max(works, key=lambda i: (len(lineage(seed_store, i).versions), i))
    versions = lineage(seed_store, work).versions
    assert len(versions) >= 2
    w.page.fill("#search", work)
    w.page.press("#search", "Enter")
    with w.page.expect_navigation():
        w.page.click("#details-lineage")
    w.page.wait_for_function(READY)
    assert "lineage of" in w.page.inner_text("#status")
    xs = w.page.evaluate(
        "ids => ids.map(id => resgraphViz.network.getPosition(id).x)", [v.id for v in versions]
    )
    years = [v.year for v in versions]
    assert [y for _, y in sorted(zip(xs, years, strict=True))] == sorted(years)


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A small graph.synth store: the shape of the 1M-triple benchmark graph, built in a second."""
    from graph.store import open_store
    from graph.synth import SynthSpec, build_synthetic_store

    path = build_synthetic_store(tmp_path_factory.mktemp("synth"), SynthSpec(works=80))
    return open_store(path, read_only=True)


def test_synthetic_graph_with_a_focus_filter(serve: Any, watched: Any, synth_store: Any) -> None:
    import networkx as nx

    from api.main import create_app
    from api.settings import Settings
    from graph.network import citation_network

    net = citation_network(synth_store, level="work")
    app = create_app(Settings(), store=synth_store)
    if not any(getattr(r, "path", None) == "/viz" for r in app.routes):
        app.include_router(router)
    url = serve(app)
    hub = max(net.nodes, key=lambda n: (net.in_degree(n), n))
    leafish = min(net.nodes, key=lambda n: (net.degree(n) == 0, net.degree(n), n))
    for focus, depth in ((leafish, 2), (hub, 1)):
        ego = set(nx.single_source_shortest_path_length(net, focus, cutoff=depth))
        ego |= set(nx.single_source_shortest_path_length(net.reverse(), focus, cutoff=depth))
        w = watched(f"{url}/viz?focus={focus}&depth={depth}&max_nodes=5000")
        assert w.counts() == (len(ego), net.subgraph(ego).number_of_edges())
        assert w.page.evaluate("resgraphViz.network.getSelectedNodes()") == [focus]


def test_year_inputs_and_server_side_organ(
    base_url: str, watched: Any, gold_source: VizSource
) -> None:
    net = gold_source.net
    years = sorted({d["year"] for _, d in net.nodes(data=True) if d.get("year")})
    low, high = years[0], years[len(years) // 2]
    inside = [n for n, d in net.nodes(data=True) if d.get("year") and low <= d["year"] <= high]
    w = watched(f"{base_url}/viz")
    w.page.fill("#from-year", str(low))
    w.page.fill("#to-year", str(high))
    w.page.press("#to-year", "Tab")
    assert w.counts() == (len(inside), net.subgraph(inside).number_of_edges())

    pp = [n for n, d in net.nodes(data=True) if d["organ"] == "PP"]
    w = watched(f"{base_url}/viz?organ=PP")
    assert w.counts() == (len(pp), net.subgraph(pp).number_of_edges())
    assert w.page.get_by_label("PP", exact=True).is_checked()
    assert not w.page.get_by_label("WTSA", exact=True).is_checked()


def test_empty_store_says_what_to_do(serve: Any, watched: Any) -> None:
    from api.main import create_app
    from api.settings import Settings

    app = create_app(Settings(), store=as_store(Store()))
    if not any(getattr(r, "path", None) == "/viz" for r in app.routes):
        app.include_router(router)
    w = watched(f"{serve(app)}/viz")
    assert w.counts() == (0, 0)
    assert "resgraph build" in w.page.inner_text("#status")
