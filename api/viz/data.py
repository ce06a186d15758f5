"""From the citation network to what the page draws: select, filter, cap, lay out.

Why a pure function over the networkx view: the page is generated from the store through graph/'s
query functions (read once by :func:`api.viz.source.load_source`); :func:`viz_data` turns that
into nodes and edges for any filter from memory, asking the store only for the quotes of the
citations it shows. The same result feeds the HTML page, its JSON twin and the export.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from difflib import get_close_matches
from itertools import pairwise
from typing import Any

import networkx as nx

from api.viz.layout import force_layout, lineage_layout, place_aside
from api.viz.model import (
    FocusNotFound,
    VizData,
    VizEdge,
    VizNode,
    VizParams,
    strongest_kind,
)
from api.viz.source import OTHER_KINDS, Citation, VizSource, load_source
from graph import id_path, lineage

__all__ = ["VizSource", "lineage_data", "load_source", "viz_data"]

#: Addressees drawn in the assignment layer (the bureaux and the General Secretariat).
BUREAUX: tuple[str, ...] = ("TSB", "BDT", "BR", "SG")
#: Quotes shown in one edge tooltip.
MAX_QUOTES = 3
#: Above this many edges a view shows sections and documents but no quotes: reading every
#: citation of 2,000 hub resolutions (90k mentions on the 1M-triple graph) takes seconds.
MAX_QUOTED_EDGES = 2500
_KIND_ABBREV = {"decision": "Dec.", "recommendation": "Rec.", "question": "Question"}


def work_of(node: str, data: Mapping[str, Any]) -> str:
    """The work a node belongs to: itself, or a version id without its year.

    Example:
        >>> work_of("wtsa/44/2022", {"year": 2022}), work_of("council/1353", {})
        ('wtsa/44', 'council/1353')
    """
    year = data.get("year")
    suffix = f"/{year}"
    return node[: -len(suffix)] if year and node.endswith(suffix) else node


def _organ(node: str, data: Mapping[str, Any]) -> str:
    organ = str(data.get("organ") or "")
    if not organ:
        head = node.split("/")
        organ = head[1] if head[0] in OTHER_KINDS and len(head) > 1 else head[0]
    return "Council" if organ.casefold() == "council" else organ.upper()


def _year(node: str, data: Mapping[str, Any]) -> int | None:
    year = data.get("year")
    return int(year) if year else None


def _years(node: str, data: Mapping[str, Any], source: VizSource) -> tuple[int, ...]:
    """The years a node stands for: its own (a version), else its versions' (a work)."""
    year = _year(node, data)
    return (year,) if year else tuple(source.years.get(node, ()))


def _label(node: str, organ: str, number: str | None, year: int | None) -> str:
    kind = node.split("/", 1)[0]
    abbrev = _KIND_ABBREV.get(kind, "Res.") if kind in OTHER_KINDS else "Res."
    head = organ if organ and organ != "UNKNOWN" else ""
    text = " ".join(p for p in (head, abbrev, number or node) if p)
    return f"{text} ({year})" if year else text


def _url(node: str) -> str:
    return id_path(node)


def _citations_received(net: nx.DiGraph) -> dict[str, int]:
    return {n: sum(_count(d) for *_, d in net.in_edges(n, data=True)) for n in net.nodes}


def _count(data: Mapping[str, Any]) -> int:
    return int(data.get("citations", data.get("count", 1)) or 1)


def _ego(net: nx.DiGraph, seeds: Iterable[str], depth: int) -> set[str]:
    """The seeds plus what they cite and what cites them, up to ``depth`` steps each way."""
    kept = set(seeds)
    for step in (net.successors, net.predecessors):
        queue = deque((s, 0) for s in seeds)
        seen = set(seeds)
        while queue:
            node, dist = queue.popleft()
            if dist == depth:
                continue
            for nxt in step(node):
                if nxt not in seen:
                    seen.add(nxt)
                    queue.append((nxt, dist + 1))
        kept |= seen
    return kept


def _focus_seeds(net: nx.DiGraph, focus: str) -> list[str]:
    key = focus.strip().strip("/").casefold()
    seeds = [
        n for n, d in net.nodes(data=True) if n.casefold() == key or work_of(n, d).casefold() == key
    ]
    if not seeds:
        organ = key.split("/")[0]
        same_organ = [n for n in net.nodes if n.split("/")[0] == organ]
        close = get_close_matches(key, same_organ, n=5, cutoff=0.5) or sorted(same_organ)[:5]
        raise FocusNotFound(focus, tuple(close))
    return seeds


def _node(
    net: nx.DiGraph,
    node: str,
    cited: int,
    versions: bool,
    bureaux: tuple[str, ...],
    years: tuple[int, ...] = (),
) -> VizNode:
    data = net.nodes[node]
    organ = _organ(node, data)
    number = str(data["number"]) if data.get("number") else None
    year = _year(node, data) or (max(years) if years else None)
    return VizNode(
        id=node,
        label=_label(node, organ, number, year if versions else None),
        kind="version" if versions else "resolution",
        organ=organ,
        number=number,
        year=year,
        has_text=bool(data.get("has_text", True)),
        cited=cited,
        title=data.get("title") or data.get("label"),
        url=_url(node),
        bureaux=bureaux,
        work=work_of(node, data),
        years=years or ((year,) if year else ()),
    )


def _quotes(citations: list[Citation]) -> tuple[str, ...]:
    """Distinct "“surface” — document, section, paragraph" lines (a repeat shows as ×n)."""
    counts: dict[Citation, int] = {}
    for c in citations:
        counts[c] = counts.get(c, 0) + 1
    lines = []
    for c, n in list(counts.items())[:MAX_QUOTES]:
        place = ", ".join(p for p in (c.document, c.section, c.paragraph) if p)
        text = c.sentence or c.surface
        quote = f"“{text}”" if text else ""
        line = " — ".join(p for p in (quote, place) if p)
        lines.append(f"{line} (×{n})" if n > 1 else line)
    return tuple(lines)


def _edge(source: str, target: str, data: Mapping[str, Any], quotes: list[Citation]) -> VizEdge:
    sections = [s for s in (data.get("sections") or [data.get("section")]) if s]
    sections += sorted({q.section for q in quotes if q.section} - set(sections))
    kinds = [*(data.get("section_kinds") or ()), *(q.section_kind for q in quotes)]
    documents = [d for d in (data.get("documents") or [data.get("document")]) if d]
    first = quotes[0] if quotes else None
    return VizEdge(
        source=source,
        target=target,
        kind="citation",
        section=", ".join(sections) or None,
        section_kind=strongest_kind(kinds),
        document=", ".join(documents) or None,
        paragraph=first.paragraph if first else data.get("paragraph"),
        surface=first.surface if first else data.get("surface"),
        count=_count(data),
        quotes=_quotes(quotes),
        sources=tuple(dict.fromkeys(q.link for q in quotes if q.link))[:MAX_QUOTES],
    )


def _quotes_for(
    source: VizSource, shown: list[tuple[str, str, Any]]
) -> Mapping[tuple[str, str], list[Citation]]:
    """The citations behind the shown edges, when there are few enough to read them quickly."""
    if source.details is None or not shown or len(shown) > MAX_QUOTED_EDGES:
        return {}
    return source.details(sorted((u, v) for u, v, _ in shown))


def viz_data(source: VizSource, params: VizParams) -> VizData:
    """Select, filter, cap and lay out the network for one request.

    Order: focus (ego network on the full graph, so a filter cannot cut the path to a dependency),
    then the organ, year and bureau filters (the focus nodes always stay), then the cap keeping
    the focus and the most cited nodes. Edges are the citations among the kept nodes; with
    ``params.assignments`` the bureaux are added with one edge per (resolution, addressee).

    Args:
        source: the network read by :func:`api.viz.source.load_source`.
        params: the request.

    Returns:
        The :class:`VizData` to render or serialise.

    Raises:
        FocusNotFound: the focus names no node of the network.

    Example:
        >>> net = nx.DiGraph([("wtsa/44", "pp/123"), ("wtsa/68", "pp/123")])
        >>> data = viz_data(VizSource(net), VizParams(focus="wtsa/44"))
        >>> sorted(n.id for n in data.nodes), len(data.edges)
        (['pp/123', 'wtsa/44'], 1)
    """
    net = source.net
    cited = _citations_received(net)
    works = {n: work_of(n, d) for n, d in net.nodes(data=True)}
    assigned: dict[str, set[str]] = {}
    for resolution, addressee, collaborators, _verb in source.assignments:
        for actor in (addressee, *collaborators):
            assigned.setdefault(resolution, set()).add(actor.upper())
    seeds: list[str] = []
    kept = set(net.nodes)
    if params.focus:
        seeds = _focus_seeds(net, params.focus)
        kept = _ego(net, seeds, params.depth)
    organs = {o.casefold() for o in params.organs}
    wanted_bureaux = {b.upper() for b in params.bureaux}

    def passes(node: str) -> bool:
        data = net.nodes[node]
        if organs and _organ(node, data).casefold() not in organs:
            return False
        if params.from_year or params.to_year:
            low, high = params.from_year or 0, params.to_year or 9999
            if not any(low <= y <= high for y in _years(node, data, source)):
                return False
        return not wanted_bureaux or bool(assigned.get(works[node], set()) & wanted_bureaux)

    kept = {n for n in kept if n in seeds or passes(n)}
    total = len(kept)
    if total > params.max_nodes:
        ranked = sorted(kept, key=lambda n: (n not in seeds, -cited.get(n, 0), n))
        kept = set(ranked[: params.max_nodes])
    versions = source.level == "version"
    nodes = {
        n: _node(net, n, cited.get(n, 0), versions, tuple(sorted(assigned.get(works[n], ()))),
                 _years(n, net.nodes[n], source))
        for n in sorted(kept)
    }  # fmt: skip
    shown = [(u, v, d) for u, v, d in net.edges(data=True) if u in kept and v in kept]
    quotes = _quotes_for(source, shown)
    edges = [_edge(u, v, d, quotes.get((u, v), [])) for u, v, d in shown]
    if params.assignments:
        _add_assignment_layer(source, nodes, edges, works)
    return _placed(nodes, edges, total, params, "network", net)


def _add_assignment_layer(
    source: VizSource, nodes: dict[str, VizNode], edges: list[VizEdge], works: Mapping[str, str]
) -> None:
    """Bureau nodes and resolution -> bureau edges for the shown resolutions (in place)."""
    by_work: dict[str, list[str]] = {}
    for node in list(nodes):
        by_work.setdefault(works.get(node, node), []).append(node)
    seen: set[tuple[str, str]] = set()
    for resolution, addressee, collaborators, verb in source.assignments:
        actor = addressee.upper()
        if actor not in BUREAUX:
            continue
        for node in by_work.get(resolution, []):
            if (node, actor) in seen:
                continue
            seen.add((node, actor))
            bureau_id = f"bureau/{actor.lower()}"
            nodes.setdefault(
                bureau_id,
                VizNode(bureau_id, actor, "bureau", actor, None, None, True, 0, None,
                        id_path(bureau_id)),
            )  # fmt: skip
            edges.append(
                VizEdge(node, bureau_id, "assignment", section=verb,
                        section_kind="operative", collaborators=tuple(collaborators))
            )  # fmt: skip


def _placed(
    nodes: dict[str, VizNode],
    edges: list[VizEdge],
    total: int,
    params: VizParams,
    view: str,
    net: nx.DiGraph,
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> VizData:
    if positions is None:
        # The citations alone decide the layout: the bureau layer, which the page shows and
        # hides without reloading, is placed apart and never moves the resolutions.
        layout_graph = nx.DiGraph()
        layout_graph.add_nodes_from(n for n, v in nodes.items() if v.kind != "bureau")
        layout_graph.add_edges_from((e.source, e.target) for e in edges if e.kind != "assignment")
        positions = force_layout(layout_graph)
    bureau_links = [(e.target, e.source) for e in edges if e.kind == "assignment"]
    if bureau_links:
        positions = place_aside(positions, bureau_links)
    placed = tuple(
        VizNode(**{**n.__dict__, "x": positions[n.id][0], "y": positions[n.id][1]})
        for n in nodes.values()
    )
    shown = sum(1 for n in nodes.values() if n.kind != "bureau")
    return VizData(
        nodes=placed,
        edges=tuple(edges),
        total_nodes=total,
        capped=total > shown,
        view=view,  # type: ignore[arg-type]
        params=params,
        organs=tuple(sorted({_organ(n, d) for n, d in net.nodes(data=True)})),
    )


def lineage_data(source: VizSource, resolution: str, params: VizParams) -> VizData:
    """The lineage view: a resolution's versions along assembly years, each with what it cites.

    Versions come from :func:`graph.lineage` on ``source.store``; what each version
    cites comes from the version-level network in ``source`` (load it with ``versions=True``); a
    reference added or dropped between two assemblies shows as a node in one column only.

    Raises:
        LookupError: no such resolution (``graph.results.ResolutionNotFound``).

    Example:
        >>> source = load_source(store, versions=True)  # doctest: +SKIP
        >>> lineage_data(source, "wtsa/44", VizParams(lineage="wtsa/44")).view  # doctest: +SKIP
        'lineage'
    """
    if source.store is None:
        raise ValueError("the lineage view needs the store the source was read from")
    line = lineage(source.store, resolution)
    net = source.net
    cited = _citations_received(net)
    years = {v.id: v.year for v in line.versions}
    nodes: dict[str, VizNode] = {}
    targets: dict[str, list[str]] = {}
    shown: list[tuple[str, str, Mapping[str, Any]]] = []
    for version in line.versions:
        if version.id not in net:
            label = _label(version.id, version.organ, version.number, version.year)
            nodes[version.id] = VizNode(
                version.id, label, "version", version.organ, version.number, version.year,
                version.has_text, 0, version.title, _url(version.id),
            )  # fmt: skip
            continue
        nodes[version.id] = _node(net, version.id, cited.get(version.id, 0), True, ())
        for _, target, data in sorted(net.out_edges(version.id, data=True), key=lambda e: e[1]):
            if target in years:
                continue
            nodes.setdefault(target, _node(net, target, cited.get(target, 0), True, ()))
            targets.setdefault(version.id, []).append(target)
            shown.append((version.id, target, data))
    quotes = _quotes_for(source, shown)
    edges = [_edge(u, v, d, quotes.get((u, v), [])) for u, v, d in shown]
    ordered = sorted(years, key=lambda v: (years[v] is None, years[v] or 0))
    edges.extend(VizEdge(a, b, "lineage", section="revised as") for a, b in pairwise(ordered))
    positions = lineage_layout(years, targets)
    return _placed(nodes, edges, len(nodes), params, "lineage", net, positions)
