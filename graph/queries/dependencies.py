"""Dependencies (what a resolution cites, transitively) and impact (what cites it).

Why a level-by-level walk: SPARQL property paths (``cito:cites+``) lose the depth and the citing
section, and cannot stop at a depth; one indexed one-hop query per level over the whole frontier
(``queries/cites_out.rq`` / ``queries/cites_in.rq``) keeps both, costs ``depth`` queries, and
applies the organ filter as the walk goes (a node of another organ is neither listed nor crossed).

Level: a work id (``wtsa/44``) walks between works — a work cites what any of its versions cites;
a version id (``wtsa/44/2022``) walks between the versions (or works, when a citation names no
conference) that the citations name.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise
from typing import Any, Literal

import networkx as nx

from graph.backend import Queryable
from graph.mint import organ_code, short_iri, source_view_path
from graph.queries import select
from graph.queries.lookup import Ref, TitlePicker, base_of, ensure_exists, parts, short, work_of
from graph.results import CitationEdge, CitationPath, DependencyGraph, NodeInfo

__all__ = ["citation_links", "citation_path", "dependencies", "impact"]

Direction = Literal["out", "in"]


def _organ_set(organs: Iterable[str] | None) -> set[str] | None:
    """Canonical organ codes of the filter (None = all); bad names raise ValueError."""
    if organs is None:
        return None
    found = {organ_code(o) for o in organs}
    return found or None


def _where(raw: str | None) -> dict[str, str | None]:
    """Split a ``section|paragraph|file|surface|mention`` provenance string (see cites_out.rq;
    the mention IRI last, read from the right: a surface may hold a ``|``, an IRI never)."""
    head, _, mention = (raw or "||||").rpartition("|")
    fields = head.split("|", 3)
    fields += [""] * (4 - len(fields))
    keys = ("section", "paragraph", "file", "surface")
    out = {k: (v or None) for k, v in zip(keys, fields, strict=True)}
    out["source_view"] = source_view_path(mention) if out["file"] else None
    return out


def _hop(
    store: Queryable, frontier: list[str], direction: Direction, level: str, base: str
) -> list[tuple[str, str, str]]:
    """One level: (node in frontier, neighbour, provenance string) per citation link."""
    out = []
    if direction == "out":
        sources: dict[str, list[str]] = {node: [node] for node in frontier}
        works = [node for node in frontier if parts(node, base)[2] is None]
        if works:
            for r in select(store, "versions", work=works):
                sources.setdefault(r["version"], []).append(r["work"])
        for r in select(store, "cites_out", citing=list(sources)):
            cited = r["cited"]
            nxt = (r.get("citedWork") or work_of(cited, base)) if level == "work" else cited
            for source in sources[r["citing"]]:
                out.append((source, nxt, r.get("where") or ""))
    else:
        for r in select(store, "cites_in", target=frontier):
            nxt = work_of(r["citing"], base) if level == "work" else r["citing"]
            out.append((r["target"], nxt, r.get("where") or ""))
    return out


def _edges(best: dict[tuple[str, str], tuple[str, int]]) -> tuple[CitationEdge, ...]:
    """One edge per (source, target) pair, with its provenance and the hop that crossed it."""
    edges = [
        CitationEdge(
            source=src,
            target=dst,
            section=w["section"],
            paragraph=w["paragraph"],
            document=w["file"],
            surface=w["surface"],
            depth=d,
            source_view=w["source_view"],
        )
        for (src, dst), (raw, d) in best.items()
        for w in (_where(raw),)
    ]
    edges.sort(key=lambda e: (e.depth, e.source, e.target))
    return tuple(edges)


def _nodes(store: Queryable, depth_of: dict[str, int], base: str) -> tuple[NodeInfo, ...]:
    info: dict[str, dict[str, Any]] = {n: {"text": False} for n in depth_of}
    titles: dict[str, TitlePicker] = {n: TitlePicker() for n in depth_of}
    for r in select(store, "node_info", node=list(depth_of)):
        if r["kind"] == "title":
            titles[r["node"]].add(r.get("title"), r.get("lang"))
        else:
            info[r["node"]]["text"] = True
    nodes = []
    for n, d in depth_of.items():
        organ, number, year = parts(n, base)
        nodes.append(
            NodeInfo(
                id=short(n, base),
                organ=organ,
                number=number,
                year=year,
                has_text=info[n]["text"],
                depth=d,
                title=titles[n].best(),
            )
        )
    nodes.sort(key=lambda x: (x.depth, x.organ, x.number.zfill(6), x.year or 0))
    return tuple(nodes)


def _walk_store(
    store: Queryable,
    ref: Ref,
    depth: int,
    allowed: set[str] | None,
    direction: Direction,
    base: str,
) -> tuple[dict[str, int], dict[tuple[str, str], tuple[str, int]]]:
    """Breadth-first walk by one SPARQL query per level; IRIs in, IRIs out."""
    level = "version" if ref.is_version else "work"
    depth_of: dict[str, int] = {ref.iri: 0}
    best: dict[tuple[str, str], tuple[str, int]] = {}
    frontier = [ref.iri]
    for d in range(1, depth + 1):
        if not frontier:
            break
        nxt: list[str] = []
        for here, there, where in _hop(store, frontier, direction, level, base):
            organ = parts(there, base)[0]
            if not organ or there == here or (allowed and organ not in allowed):
                continue
            key = (here, there) if direction == "out" else (there, here)
            if key not in best or where < best[key][0]:
                best[key] = (where, d)
            if there not in depth_of:
                depth_of[there] = d
                nxt.append(there)
        frontier = nxt
    return depth_of, best


def _walk_net(
    net: nx.DiGraph, root: str, depth: int, allowed: set[str] | None, direction: Direction
) -> tuple[dict[str, int], dict[tuple[str, str], tuple[str, int]]]:
    """The same walk on the networkx view (short ids in, short ids out)."""
    depth_of: dict[str, int] = {root: 0}
    best: dict[tuple[str, str], tuple[str, int]] = {}
    frontier = [root] if root in net else []
    step = net.successors if direction == "out" else net.predecessors
    for d in range(1, depth + 1):
        nxt: list[str] = []
        for here in frontier:
            for there in step(here):
                organ = net.nodes[there].get("organ")
                if not organ or there == here or (allowed and organ not in allowed):
                    continue
                key = (here, there) if direction == "out" else (there, here)
                best[key] = (net.edges[key].get("where", ""), d)
                if there not in depth_of:
                    depth_of[there] = d
                    nxt.append(there)
        frontier = nxt
    return depth_of, best


def _net_nodes(net: nx.DiGraph, depth_of: dict[str, int]) -> tuple[NodeInfo, ...]:
    nodes = []
    for n, d in depth_of.items():
        a = net.nodes[n] if n in net else {}
        organ, number, year = (a.get("organ"), a.get("number"), a.get("year"))
        if organ is None:  # an isolated root: not in the view
            organ, number, year = n.split("/")[0].upper(), n.split("/")[1], None
        nodes.append(
            NodeInfo(
                id=n,
                organ=str(organ),
                number=str(number),
                year=year,
                has_text=bool(a.get("has_text")),
                depth=d,
                title=a.get("label"),
            )
        )
    nodes.sort(key=lambda x: (x.depth, x.organ, x.number.zfill(6), x.year or 0))
    return tuple(nodes)


def _walk(
    store: Queryable,
    ident: str,
    depth: int,
    organs: Iterable[str] | None,
    direction: Direction,
    base: str,
    net: nx.DiGraph | None,
) -> DependencyGraph:
    if depth < 1:
        raise ValueError(f"depth must be >= 1, got {depth}")
    allowed = _organ_set(organs)
    ref = Ref.parse(ident, base)
    level = "version" if ref.is_version else "work"
    if net is not None and net.graph.get("level", "work") == level:
        if ref.id not in net:
            ensure_exists(store, ident, base)
        depth_of, best = _walk_net(net, ref.id, depth, allowed, direction)
        nodes = _net_nodes(net, depth_of)
    else:
        iri_depth, iri_best = _walk_store(store, ref, depth, allowed, direction, base)
        if not iri_best:  # nothing cited (or cites) it: is it there at all?
            ensure_exists(store, ident, base)
        best = {(short(a, base), short(b, base)): v for (a, b), v in iri_best.items()}
        nodes = _nodes(store, iri_depth, base)
    return DependencyGraph(
        root=ref.id, direction=direction, depth=depth, nodes=nodes, edges=_edges(best)
    )


def dependencies(
    store: Queryable,
    ident: str,
    depth: int = 1,
    organs: Iterable[str] | None = None,
    base: str | None = None,
    net: nx.DiGraph | None = None,
) -> DependencyGraph:
    """What ``ident`` (``wtsa/44`` or ``wtsa/44/2022``) cites, up to ``depth`` hops.

    Each edge keeps where the citation was read (section, paragraph, document, surface) and the
    hop at which the walk first crossed it; each node its distance from the root.

    Example:
        >>> deps = dependencies(store, "wtsa/44", depth=3)  # doctest: +SKIP
        >>> "pp/123" in deps.ids()  # doctest: +SKIP
        True

    Raises:
        ValueError: for a malformed id, a depth below 1 or an unknown organ.
        ResolutionNotFound: when the store has no such resolution (with suggestions).
    """
    base = base_of(store, base)
    return _walk(store, ident, depth, organs, "out", base, net)


def impact(
    store: Queryable,
    ident: str,
    depth: int = 5,
    organs: Iterable[str] | None = None,
    base: str | None = None,
    net: nx.DiGraph | None = None,
) -> DependencyGraph:
    """Everything that cites ``ident``, up to ``depth`` hops back (edges still point citing ->
    cited).

    Example:
        >>> "wtsa/44" in impact(store, "pp/123").ids()  # doctest: +SKIP
        True

    Raises:
        ValueError: for a malformed id, a depth below 1 or an unknown organ.
        ResolutionNotFound: when the store has no such resolution (with suggestions).
    """
    base = base_of(store, base)
    return _walk(store, ident, depth, organs, "in", base, net)


def citation_links(
    store: Queryable, ident: str, base: str | None = None
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(what ``ident`` cites, what cites it), one hop, as sorted short ids.

    Why one function: the ``/id/`` page, ``/resolutions/{id}`` and ``resgraph deps`` /
    ``resgraph impact --depth 1`` must list the same neighbours; all three read them from
    :func:`dependencies` and :func:`impact` at depth 1 (a work id gives works, a version id the
    versions or works its citations name).

    Example:
        >>> citation_links(store, "wtsa/44")[1]  # doctest: +SKIP
        ('wtsa/72',)

    Raises:
        ValueError: for a malformed id.
        ResolutionNotFound: when the store has no such resolution (with suggestions).
    """
    base = base_of(store, base)
    cites = dependencies(store, ident, 1, base=base).ids()
    cited_by = impact(store, ident, 1, base=base).ids()
    return tuple(sorted(cites)), tuple(sorted(cited_by))


def _hop_net(net: nx.DiGraph, frontier: list[str], base: str) -> list[tuple[str, str, str]]:
    """:func:`_hop` out at work level on the network view: IRIs in, IRIs out, the same rows."""
    out = []
    for here in frontier:
        node = short(here, base)
        if node in net:
            for there in net.successors(node):
                where = net.edges[node, there].get("where") or ""
                out.append((here, str(short_iri(there, base)), where))
    return out


def citation_path(
    store: Queryable,
    source: str,
    target: str,
    max_depth: int = 8,
    base: str | None = None,
    net: nx.DiGraph | None = None,
) -> CitationPath | None:
    """A shortest citation chain from ``source`` to ``target`` at work level, or None.

    Breadth-first over one-hop queries, so the first chain found is a shortest one; ties are
    broken by id order, which makes the answer deterministic. ``net``: the work-level
    ``citation_network`` when the caller holds one; the walk then reads its edges instead of
    sending a query per level (the same rows: the view keeps each link's smallest provenance,
    as ``cites_out.rq`` does).

    Example:
        >>> citation_path(store, "wtsa/44", "pp/139").nodes  # doctest: +SKIP
        ('wtsa/44', 'pp/123', 'pp/139')

    Raises:
        ValueError: for malformed ids or a max_depth below 1.
        ResolutionNotFound: when either end is not in the store.
    """
    if max_depth < 1:
        raise ValueError(f"max_depth must be >= 1, got {max_depth}")
    base = base_of(store, base)
    start = ensure_exists(store, source, base)
    goal_iri = ensure_exists(store, target, base).work
    begin = start.work
    parent: dict[str, tuple[str, str] | None] = {begin: None}
    frontier = [begin]
    for _ in range(max_depth):
        if not frontier or goal_iri in parent:
            break
        nxt: list[str] = []
        if net is not None and net.graph.get("level", "work") == "work":
            rows = _hop_net(net, frontier, base)
        else:
            rows = _hop(store, frontier, "out", "work", base)
        for here, there, where in sorted(rows):
            if there in parent or not parts(there, base)[0]:
                continue
            parent[there] = (here, where)
            nxt.append(there)
        frontier = nxt
    if goal_iri not in parent:
        return None
    chain: list[str] = [goal_iri]
    best: dict[tuple[str, str], tuple[str, int]] = {}
    while (link := parent[chain[-1]]) is not None:
        prev, where = link
        best[(short(prev, base), short(chain[-1], base))] = (where, 0)
        chain.append(prev)
    chain.reverse()
    hops = {(short(a, base), short(b, base)): i for i, (a, b) in enumerate(pairwise(chain), 1)}
    best = {k: (w, hops[k]) for k, (w, _) in best.items()}
    return CitationPath(
        source=short(begin, base),
        target=short(goal_iri, base),
        nodes=tuple(short(n, base) for n in chain),
        edges=_edges(best),
    )
