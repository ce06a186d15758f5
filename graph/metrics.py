"""Network metrics over the citation view: most cited (in-degree, PageRank), cycles.

Why networkx and not SPARQL: PageRank is iterative over the whole graph and cycle enumeration is a
graph search; SPARQL counts in-degree well but neither of the others. The input is the DiGraph of
:func:`graph.network.citation_network` (nodes keyed by short id, with ``organ``/``number``/
``label`` attributes).
"""

from __future__ import annotations

import weakref
from itertools import islice

import networkx as nx

from graph.results import Cycle, RankedResolution

__all__ = ["MOST_CITED_BY", "citation_cycles", "most_cited", "organ_in_degree"]

#: The one definition of "most cited", said in every output that ranks (``/stats``,
#: ``resgraph most-cited``, the ``most-cited`` example query).
MOST_CITED_BY = (
    "distinct citing resolutions (works, self-citations left out), ties by PageRank; "
    "citations = the citation mentions, shown beside"
)


def _pagerank(net: nx.DiGraph, alpha: float = 0.85, tol: float = 1e-10) -> dict[str, float]:
    """PageRank by power iteration (networkx's own needs scipy, which we do not depend on).

    Dangling nodes (citing nothing) spread their rank evenly, as in networkx.
    """
    nodes = list(net.nodes())
    n = len(nodes)
    if n == 0:
        return {}
    rank = dict.fromkeys(nodes, 1.0 / n)
    out_deg = {u: net.out_degree(u) for u in nodes}
    for _ in range(200):
        dangling = alpha * sum(rank[u] for u in nodes if out_deg[u] == 0) / n
        nxt = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v in net.edges():
            nxt[v] += alpha * rank[u] / out_deg[u]
        delta = sum(abs(nxt[u] - rank[u]) for u in nodes)
        rank = nxt
        if delta < n * tol:
            break
    return rank


_RANKS: weakref.WeakKeyDictionary[
    nx.DiGraph, tuple[tuple[int, int], tuple[RankedResolution, ...]]
] = weakref.WeakKeyDictionary()


def most_cited(
    net: nx.DiGraph, organ: str | None = None, limit: int = 10
) -> tuple[RankedResolution, ...]:
    """The most cited resolutions: the one definition (:data:`MOST_CITED_BY`).

    Ranked by in-degree in the work-level network, i.e. how many distinct resolutions cite it
    (a text citing it five times counts once: "by works", not "by citations"), ties broken by
    PageRank; ``citations`` (the citation mentions pointing at it) is reported beside. PageRank
    is computed over the whole network, so a resolution cited by much-cited ones ranks above one
    cited by leaves; ``organ`` only filters what is listed.

    Example:
        >>> net = nx.DiGraph([("wtsa/44", "pp/123"), ("wtsa/68", "pp/123")])
        >>> [r.id for r in most_cited(net, limit=1)]
        ['pp/123']
    """
    if limit < 1:
        raise ValueError(f"limit must be >= 1, got {limit}")
    # every node ranked once per view (a server asks /stats with many ``top`` values of one
    # view: PageRank and the citation sums over every node took 0.1-0.5 s per request on the
    # million-triple view); the size check re-ranks if the view is ever edited
    size = (net.number_of_nodes(), net.number_of_edges())
    cached = _RANKS.get(net)
    if cached is None or cached[0] != size:
        cached = _RANKS[net] = (size, _ranked(net, _pagerank(net)))
    wanted = organ.casefold() if organ else None
    rows = [r for r in cached[1] if not wanted or r.organ.casefold() == wanted]
    return tuple(rows[:limit])


def _ranked(net: nx.DiGraph, ranks: dict[str, float]) -> tuple[RankedResolution, ...]:
    """Every node of ``net`` as a :class:`RankedResolution`, most cited first."""
    rows = []
    for node, data in net.nodes(data=True):
        node_organ = str(data.get("organ") or str(node).split("/")[0].upper())
        rows.append(
            RankedResolution(
                id=str(node),
                organ=node_organ,
                number=str(data.get("number") or str(node).split("/")[1]),
                in_degree=int(net.in_degree(node)),
                pagerank=round(float(ranks.get(node, 0.0)), 6),
                title=data.get("label"),
                citations=sum(
                    int(cites.get("citations", 1)) for _, _, cites in net.in_edges(node, data=True)
                ),
            )
        )
    rows.sort(key=lambda r: (-r.in_degree, -r.pagerank, r.id))
    return tuple(rows)


def organ_in_degree(net: nx.DiGraph) -> dict[str, int]:
    """Citations received per organ (sum of in-degrees), to compare how organs are cited.

    Example:
        >>> organ_in_degree(nx.DiGraph([("wtsa/44", "pp/123")]))
        {'PP': 1, 'WTSA': 0}
    """
    totals: dict[str, int] = {}
    for node, data in net.nodes(data=True):
        key = str(data.get("organ") or str(node).split("/")[0].upper())
        totals[key] = totals.get(key, 0) + int(net.in_degree(node))
    return dict(sorted(totals.items()))


def citation_cycles(net: nx.DiGraph, limit: int = 100) -> tuple[Cycle, ...]:
    """Rings of resolutions citing each other (up to ``limit``), shortest first.

    Each ring starts at its smallest id so the same ring is reported once. Self-citations ("this
    Resolution") are not rings and are skipped.

    Example:
        >>> net = nx.DiGraph([("pp/1", "pp/2"), ("pp/2", "pp/1"), ("pp/3", "pp/1")])
        >>> [c.nodes for c in citation_cycles(net)]
        [('pp/1', 'pp/2')]
    """
    if limit < 1:
        raise ValueError(f"limit must be >= 1, got {limit}")
    view = nx.DiGraph((u, v) for u, v in net.edges() if u != v)
    found = []
    for ring in islice(nx.simple_cycles(view), limit):
        k = ring.index(min(ring))
        found.append(Cycle(nodes=tuple(str(n) for n in ring[k:] + ring[:k])))
    found.sort(key=lambda c: (len(c.nodes), c.nodes))
    return tuple(found)
