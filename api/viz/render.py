"""VizData -> one self-contained HTML page (pyvis network, our template, every asset inlined).

Why our own template: pyvis's ``cdn_resources="in_line"`` still links Bootstrap and tom-select
from CDNs, and the machines that open this page often have no internet. We build the network with
pyvis (its node/edge option dicts and its bundled vis-network 9.1.2) and render it with
``templates/network.html``, which inlines vis-network's JS and CSS (their licence headers kept)
and our own ``static/viz.js``/``viz.css``; the page then loads nothing from anywhere.
"""

from __future__ import annotations

import json
import math
from importlib import resources
from pathlib import Path
from typing import Any

import pyvis
from jinja2 import Environment, FileSystemLoader, select_autoescape
from pyvis.network import Network

from api.viz.model import VizData, VizEdge, VizNode

__all__ = [
    "ORGAN_COLOURS",
    "node_size",
    "organ_colour",
    "organ_names",
    "pyvis_network",
    "render_html",
]

ORGAN_COLOURS: dict[str, str] = {
    "PP": "#1f77b4",
    "WTSA": "#2ca02c",
    "WTDC": "#ff7f0e",
    "COUNCIL": "#9467bd",
    "RA": "#17becf",
    "WRC": "#8c564b",
    "WCIT": "#e377c2",
    "UNGA": "#7f7f7f",
}
OTHER_COLOUR = "#bcbd22"
BUREAU_COLOUR = "#555555"


def _edge_colour(colour: str, opacity: float) -> dict[str, Any]:
    """An edge colour that stays when its node is selected or hovered (vis-network would turn
    it grey, and the focus view pre-selects the focused node)."""
    return {"color": colour, "highlight": colour, "hover": colour, "opacity": opacity}


EDGE_STYLE: dict[str, dict[str, Any]] = {
    "operative": {"color": _edge_colour("#c0392b", 0.75), "dashes": False},
    "preambular": {"color": _edge_colour("#7f8c8d", 0.6), "dashes": [6, 4]},
    "other": {"color": _edge_colour("#b0b0b0", 0.6), "dashes": [2, 3]},
    "assignment": {"color": _edge_colour(BUREAU_COLOUR, 0.7), "dashes": [1, 4]},
    "lineage": {"color": _edge_colour("#000000", 0.9), "dashes": False},
}
#: Legend and filter names of the organ groups whose code says little to a reader.
_KIND_NAMES = {
    "recommendation": "Recommendations",
    "decision": "Decisions",
    "question": "Questions",
}
VIS_LICENCE = (
    "vis-network 9.1.2 (bundled with pyvis), https://visjs.github.io/vis-network/ "
    "(c) 2011-2017 Almende B.V, (c) 2017-2019 visjs contributors; "
    "dual licensed under Apache-2.0 and MIT"
)


def organ_colour(organ: str) -> str:
    """The fill colour of an organ (legend and nodes use the same table).

    Example:
        >>> organ_colour("WTSA"), organ_colour("Council") == organ_colour("COUNCIL")
        ('#2ca02c', True)
    """
    return ORGAN_COLOURS.get(organ.upper(), OTHER_COLOUR)


def organ_names(nodes: tuple[VizNode, ...], organs: set[str]) -> dict[str, str]:
    """The legend name of each organ group: its code, except ``UNKNOWN`` (the texts cite it
    without naming the body), named by what it holds, e.g. "Recommendations (body not stated)".

    Example:
        >>> from api.viz.model import VizNode
        >>> rec = VizNode("recommendation/unknown/E.161.1", "Rec. E.161.1", "resolution",
        ...               "UNKNOWN", "E.161.1", None, False, 1, None, "")
        >>> organ_names((rec,), {"UNKNOWN", "PP"})
        {'PP': 'PP', 'UNKNOWN': 'Recommendations (body not stated)'}
    """
    kinds = {n.id.split("/", 1)[0] for n in nodes if n.organ == "UNKNOWN"}
    names = sorted({_KIND_NAMES.get(k, "resolutions") for k in kinds}) or ["resolutions"]
    unknown = f"{' and '.join(names)} (body not stated)"
    unknown = unknown[0].upper() + unknown[1:]
    return {o: unknown if o == "UNKNOWN" else o for o in sorted(organs)}


def node_size(cited: int) -> float:
    """Drawn radius of a node cited ``cited`` times: area grows with the count, up to a cap so
    that a hub cited 500 times does not hide its neighbours.

    Example:
        >>> node_size(0), node_size(16), node_size(10_000)
        (8.0, 24.0, 48.0)
    """
    return min(48.0, 8.0 + 4.0 * math.sqrt(cited))


def _node_options(node: VizNode) -> dict[str, Any]:
    colour = BUREAU_COLOUR if node.kind == "bureau" else organ_colour(node.organ)
    lines = [node.label]
    if node.title:
        lines.append(node.title)
    if node.kind != "bureau":
        lines.append(f"cited {node.cited} time{'s' * (node.cited != 1)}")
        if not node.has_text:
            lines.append("stub: cited but its text is not loaded")
        if node.bureaux:
            lines.append("assigns work to: " + ", ".join(node.bureaux))
    options: dict[str, Any] = {
        "title": "\n".join(lines),
        "x": node.x,
        "y": node.y,
        "size": node_size(node.cited),
        "borderWidth": 2,
        # Our own fields, read by viz.js for the filters and the details panel.
        "kind": node.kind,
        "organ": node.organ,
        "year": node.year,
        "years": list(node.years),
        "stub": not node.has_text,
        "bureaux": list(node.bureaux),
        "url": node.url,
        "cited": node.cited,
        "name": node.title,
        "work": node.work,
    }
    if node.kind == "bureau":
        options.update(shape="box", color=colour, font={"color": "#ffffff"})
    elif node.has_text:
        options.update(shape="dot", color={"background": colour, "border": colour})
    else:
        options.update(
            shape="dot",
            color={"background": "#ffffff", "border": colour},
            shapeProperties={"borderDashes": [3, 3]},
            font={"color": "#666666"},
        )
    return options


def _edge_options(edge: VizEdge, labels: dict[str, str]) -> dict[str, Any]:
    style = edge.kind if edge.kind != "citation" else edge.section_kind
    head = f"{labels.get(edge.source, edge.source)} → {labels.get(edge.target, edge.target)}"
    lines = [head]
    if edge.kind == "assignment":
        lines.append(f"{edge.section or 'assigns'} {labels.get(edge.target, edge.target)}")
        if edge.collaborators:
            lines.append("in collaboration with " + ", ".join(edge.collaborators))
    elif edge.kind == "citation":
        lines.extend(edge.quotes)
        if not edge.quotes and edge.surface:
            lines.append(f"“{edge.surface}”")
        if not edge.quotes:
            where = [p for p in (edge.document, edge.section, edge.paragraph) if p]
            lines.extend(["in " + ", ".join(where)] if where else [])
        lines.append(f"{edge.count} citation{'s' * (edge.count != 1)}, {edge.section_kind}")
    return {
        "title": "\n".join(lines),
        "width": 1.0 + math.log(edge.count) if edge.count > 1 else 1.0,
        "kind": edge.kind,
        "sectionKind": edge.section_kind,
        "sources": list(edge.sources),
        **EDGE_STYLE[style],
    }


def pyvis_network(data: VizData) -> Network:
    """The pyvis Network of a VizData: styled nodes at fixed positions, styled edges, physics off.

    Example:
        >>> from api.viz.model import VizParams
        >>> net = pyvis_network(VizData((), (), 0, False, "network", VizParams()))
        >>> net.num_nodes()
        0
    """
    net = Network(directed=True, height="100%", width="100%", cdn_resources="in_line")
    for node in data.nodes:
        net.add_node(node.id, label=node.label, **_node_options(node))
    labels = {n.id: n.label for n in data.nodes}
    for edge in data.edges:
        net.add_edge(edge.source, edge.target, **_edge_options(edge, labels))
    net.toggle_physics(False)
    return net


def _asset(path: str) -> str:
    """Text of a bundled asset (vis-network from pyvis, ours from static/)."""
    if path.startswith("pyvis:"):
        return (Path(pyvis.__file__).parent / "lib" / path.removeprefix("pyvis:")).read_text(
            encoding="utf-8"
        )
    return resources.files("api.viz").joinpath(path).read_text(encoding="utf-8")


def _json_for_script(value: Any) -> str:
    """JSON safe inside a <script> element (no "</script>" or "<!--" can close it)."""
    return (
        json.dumps(value, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )


def render_html(
    data: VizData,
    link_base: str = "/",
    title: str = "resgraph citation network",
    show_assignments: bool | None = None,
) -> str:
    """The complete page: controls, legend, details panel and the network, all assets inline.

    Args:
        data: what to draw (from :func:`api.viz.data.viz_data` or ``lineage_data``).
        link_base: prefix of node links (``/`` when served by the API, the base IRI in an export).
        title: the page title.
        show_assignments: whether the bureau layer is shown at first (the page toggles it when
            ``data`` holds it); default ``data.params.assignments``.

    Returns:
        The HTML text; it opens offline from a file:// URL.

    Example:
        >>> from api.viz.model import VizParams
        >>> html = render_html(VizData((), (), 0, False, "network", VizParams()))
        >>> "<script src=" in html
        False
    """
    net = pyvis_network(data)
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    params = data.to_dict()["params"]
    if show_assignments is not None:
        params["assignments"] = show_assignments
    organs = {*data.organs, *(n.organ for n in data.nodes if n.kind != "bureau")}
    payload = {
        "nodes": nodes,
        "edges": edges,
        "counts": data.to_dict()["counts"],
        "view": data.view,
        "params": params,
        "organs": sorted(organs),
        "organNames": organ_names(data.nodes, organs),
        "colours": {o: organ_colour(o) for o in {*data.organs, *(n.organ for n in data.nodes)}},
        "bureauColour": BUREAU_COLOUR,
        "edgeStyles": EDGE_STYLE,
        "linkBase": link_base,
    }
    env = Environment(
        loader=FileSystemLoader(str(resources.files("api.viz").joinpath("templates"))),
        autoescape=select_autoescape(["html"]),
    )
    return env.get_template("network.html").render(
        title=title,
        licence=VIS_LICENCE,
        vis_css=_asset("pyvis:vis-9.1.2/vis-network.css"),
        vis_js=_asset("pyvis:vis-9.1.2/vis-network.min.js"),
        viz_css=_asset("static/viz.css"),
        viz_js=_asset("static/viz.js"),
        payload=_json_for_script(payload),
    )
