"""What a reader sees of /viz before touching anything, and the toggles that must not reload.

Real app over the seed store (and the gold network for the assignment layer), Debian's headless
Chromium at 1440x900, every outside request and console error failing the test (the ``watched``
fixture of test_browser.py). Expected values come from networkx over the same network, and
sizes on screen from vis-network's own scale.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from browser_pages import VIEWPORT, save_shot

from api.viz.data import BUREAUX, VizSource
from tests.viz.test_browser import READY, Watched, _app

pytestmark = pytest.mark.browser


@pytest.fixture
def watched(browser: Any) -> Any:
    """As in test_browser.py, at 1440x900."""
    from urllib.parse import urlparse

    pages: list[Watched] = []

    def open_page(url: str) -> Watched:
        page = browser.new_page()
        page.set_viewport_size(VIEWPORT)
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


@pytest.fixture(scope="module")
def seed_app_url(serve: Any, seed_store: Any) -> str:
    from api.main import create_app
    from api.settings import Settings

    return str(serve(create_app(Settings(), store=seed_store)))


@pytest.fixture(scope="module")
def gold_url(serve: Any, gold_source: VizSource) -> str:
    return str(serve(_app(gold_source)))


def _cited(net: nx.DiGraph) -> dict[str, int]:
    """Citations each node receives (an edge stands for ``count``/``citations`` of them)."""
    return {
        n: sum(
            int(d.get("citations", d.get("count", 1)) or 1) for *_, d in net.in_edges(n, data=True)
        )
        for n in net.nodes
    }


def test_first_paint_fits_the_main_part_with_readable_labels(
    seed_app_url: str, watched: Any, seed_store: Any, tmp_path: Path
) -> None:
    from graph.network import citation_network

    net = citation_network(seed_store, level="work")
    main = max(nx.weakly_connected_components(net), key=len)
    cited = _cited(net)
    ranked = sorted(main, key=lambda n: -cited[n])
    # The most cited of the main part: those strictly above the 16th (ties there may go either way).
    floor = cited[ranked[15]] if len(ranked) > 15 else -1
    top = [n for n in ranked if cited[n] > floor]
    assert top
    w = watched(f"{seed_app_url}/viz")
    box = w.page.locator("#network").bounding_box()
    assert box["y"] + box["height"] <= VIEWPORT["height"] and box["width"] > VIEWPORT["width"] / 2
    screen = w.page.evaluate(
        """ids => ids.map(id => {
            const p = resgraphViz.network.getPosition(id);
            const dom = resgraphViz.network.canvasToDOM(p);
            const font = resgraphViz.network.body.nodes[id].options.font.size;
            return [dom.x, dom.y, font * resgraphViz.network.getScale()];
        })""",
        sorted(main),
    )
    by_id = dict(zip(sorted(main), screen, strict=True))
    for node in main:  # the whole main part is on screen
        x, y, _ = by_id[node]
        assert 0 <= x <= box["width"] and 0 <= y <= box["height"], (node, x, y, box)
    for node in top:  # and its most cited labels are readable
        assert by_id[node][2] >= 10, (node, by_id[node][2])
    # Isolated nodes are out of the way (below the main part, never among it) but still drawn.
    isolated = [n for n in net.nodes if net.degree(n) == 0]
    assert w.counts()[0] == net.number_of_nodes()
    if isolated:
        ys = w.page.evaluate(
            "ids => ids.map(id => resgraphViz.network.canvasToDOM("
            "resgraphViz.network.getPosition(id)).y)",
            isolated,
        )
        assert min(ys) > max(by_id[n][1] for n in main)
    # The legend names every organ group; none is "UNKNOWN".
    legend = w.page.inner_text("#legend")
    assert "UNKNOWN" not in legend
    organs = {d.get("organ") for _, d in net.nodes(data=True)}
    if "unknown" in organs:
        assert "(body not stated)" in legend
    save_shot(w.page, "network.png", tmp_path)


def test_assignment_layer_toggles_without_reload(
    gold_url: str, watched: Any, gold_source: VizSource
) -> None:
    net = gold_source.net
    pairs = {
        (res, addressee.upper())
        for res, addressee, _collaborators, _verb in gold_source.assignments
        if addressee.upper() in BUREAUX and res in net
    }
    bureaux = {b for _, b in pairs}
    assert bureaux
    w = watched(f"{gold_url}/viz")
    before = w.counts()
    assert before == (net.number_of_nodes(), net.number_of_edges())
    url = w.page.url
    w.page.get_by_label("show assignment layer").check()
    assert w.page.url == url  # no reload
    assert w.counts() == (before[0] + len(bureaux), before[1] + len(pairs))
    w.page.get_by_label("show assignment layer").uncheck()
    assert w.counts() == before
    # Loaded with the layer on, the box is ticked and the layer drawn.
    w = watched(f"{gold_url}/viz?assignments=true")
    assert w.page.is_checked("#assignments")
    assert w.counts() == (before[0] + len(bureaux), before[1] + len(pairs))


def test_focus_keeps_edge_colours_and_details_stay_in_view(
    seed_app_url: str, watched: Any, seed_store: Any
) -> None:
    from graph.network import citation_network

    net = citation_network(seed_store, level="work")
    focus = "wtsa/44"
    w = watched(f"{seed_app_url}/viz?focus={focus}&depth=1")
    assert w.page.evaluate("resgraphViz.network.getSelectedNodes()") == [focus]
    colours = w.page.evaluate(
        """id => resgraphViz.network.getConnectedEdges(id).map(e => {
            const edge = resgraphViz.network.body.edges[e];
            const data = resgraphViz.network.body.data.edges.get(e);
            return [edge.selected, edge.options.color.color, edge.options.color.highlight,
                    data.kind, data.sectionKind];
        })""",
        focus,
    )
    assert len(colours) == net.degree(focus) > 0
    for selected, colour, highlight, kind, section_kind in colours:
        assert selected and highlight == colour, (kind, section_kind, colour, highlight)
    kinds = {c[4] for c in colours}
    assert len({c[1] for c in colours}) == len(kinds)  # one colour per clause kind, not grey

    # The details panel opens in view, at 1440x900.
    w.page.fill("#search", focus)
    w.page.press("#search", "Enter")
    box = w.page.locator("#details").bounding_box()
    assert box and w.page.is_visible("#details")
    assert box["y"] >= 0 and box["y"] + box["height"] <= VIEWPORT["height"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= VIEWPORT["width"]
    assert w.page.is_visible("#details-link")
