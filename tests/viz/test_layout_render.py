"""Server-side layout and the self-contained page: positions, assets inline, nothing external."""

from __future__ import annotations

import json
import math
import re
from html.parser import HTMLParser

import networkx as nx
import pytest

from api.viz.data import VizSource, viz_data
from api.viz.layout import SPACING, force_layout, lineage_layout
from api.viz.model import VizParams
from api.viz.render import pyvis_network, render_html


class _Tags(HTMLParser):
    """Collects script/link/img/iframe tags with their attributes, and inline script texts."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def _min_distance(pos: dict) -> float:
    points = list(pos.values())
    return min(math.dist(a, b) for i, a in enumerate(points) for b in points[i + 1 :])


def test_layout_places_every_node_apart_and_is_deterministic() -> None:
    graph = nx.gnm_random_graph(300, 450, seed=3, directed=True)
    graph.add_nodes_from(range(300, 340))  # isolated resolutions
    pos = force_layout(graph)
    assert set(pos) == set(graph.nodes)
    assert _min_distance(pos) > SPACING / 20
    assert force_layout(graph) == pos


def test_layout_keeps_components_apart() -> None:
    graph = nx.disjoint_union(nx.cycle_graph(12), nx.cycle_graph(12))
    pos = force_layout(graph)
    first = [pos[n] for n in range(12)]
    second = [pos[n] for n in range(12, 24)]
    box = (min(x for x, _ in first), max(x for x, _ in first))
    assert all(x > box[1] or x < box[0] for x, _ in second) or all(
        y > max(y for _, y in first) for _, y in second
    )


def test_lineage_layout_orders_versions_by_year() -> None:
    years = {"wtsa/44/2016": 2016, "wtsa/44/2004": 2004, "wtsa/44/2022": 2022}
    cited = {"wtsa/44/2016": [f"pp/{i}" for i in range(9)], "wtsa/44/2022": ["pp/0", "pp/99"]}
    pos = lineage_layout(years, cited)
    xs = [pos[v][0] for v in ("wtsa/44/2004", "wtsa/44/2016", "wtsa/44/2022")]
    assert xs == sorted(xs) and len(set(xs)) == 3
    under_2016 = [pos[f"pp/{i}"] for i in range(9)]
    assert all(xs[1] <= x < xs[2] and y > 0 for x, y in under_2016)
    assert len(set(under_2016)) == 9
    assert xs[2] <= pos["pp/99"][0] and pos["pp/0"][0] < xs[2]  # cited again: stays put


@pytest.fixture(scope="module")
def page(gold_source: VizSource) -> str:
    return render_html(viz_data(gold_source, VizParams(assignments=True)), link_base="/")


def test_page_loads_nothing_from_outside(page: str) -> None:
    parser = _Tags()
    parser.feed(page)
    external = [
        (tag, attrs)
        for tag, attrs in parser.tags
        if tag in {"script", "link", "img", "iframe", "source", "embed"}
        and any(attrs.get(a) for a in ("src", "href"))
    ]
    assert not external, external
    assert not re.search(r"cdn(js)?\.|jsdelivr|unpkg|googleapis", page)
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    csp = next(a for t, a in parser.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in (csp.get("content") or "")


def test_page_inlines_vis_network_with_its_licence(page: str) -> None:
    assert "vis-network" in page and "@license" in page
    assert "Apache" in page and "MIT" in page
    assert "bootstrap" not in page.casefold()


def test_page_embeds_the_same_nodes_and_edges_as_the_data(
    gold_source: VizSource, page: str
) -> None:
    parser = _Tags()
    parser.feed(page)
    payload = json.loads(next(s for s in parser.scripts if s.lstrip().startswith("{")))
    data = viz_data(gold_source, VizParams(assignments=True))
    assert {n["id"] for n in payload["nodes"]} == {n.id for n in data.nodes}
    assert len(payload["edges"]) == len(data.edges)
    assert payload["counts"] == data.to_dict()["counts"]
    stubs = [n for n in payload["nodes"] if n["stub"]]
    assert stubs and all(n["shapeProperties"]["borderDashes"] for n in stubs)
    assert all(n["x"] is not None and n["y"] is not None for n in payload["nodes"])


def test_script_breaking_text_is_escaped(gold_source: VizSource) -> None:
    net = nx.DiGraph()
    net.add_node("pp/1", organ="PP", number="1", label="</script><script>alert(1)</script>",
                 has_text=True)  # fmt: skip
    html = render_html(viz_data(VizSource(net), VizParams()))
    assert "<script>alert(1)" not in html


def test_pyvis_network_is_directed_with_physics_off(gold_source: VizSource) -> None:
    data = viz_data(gold_source, VizParams())
    net = pyvis_network(data)
    assert net.num_nodes() == len(data.nodes) and net.num_edges() == len(data.edges)
    assert net.options.physics.enabled is False
