"""What a query worker reads once per served snapshot, so that listing routes answer fast.

Why: ``search`` (every title), ``assignments`` (every assignment), ``outdated`` (every citation
of a superseded version) and ``stats`` (every quad counted) list or count across the whole
store; pyoxigraph evaluates such an unbound pattern by scanning it in full, so the raw SPARQL
alone takes 0.15-1 s on a million triples, over the 100 ms a first request may take. A served
snapshot never changes, so a worker reads these answers' inputs once when it is warmed (before
the snapshot is swapped in) and the graph functions filter them in Python, with the same answers
as their SPARQL paths (tests compare both). This is not a per-request cache: nothing depends on
what clients asked, and a rebuilt store gets workers and an index of its own.

Example:
    >>> index = snapshot_index(store)  # doctest: +SKIP
    >>> search_resolutions(store, q="gap", index=index.search)  # doctest: +SKIP
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import networkx as nx

from graph.backend import Queryable
from graph.metrics import most_cited
from graph.network import citation_network
from graph.queries.assignments import AssignmentTable, assignment_table
from graph.queries.lookup import base_of
from graph.queries.outdated import OutdatedTable, outdated_table
from graph.queries.search import graph_stats
from graph.queries.search_index import SearchIndex, search_index
from graph.results import GraphStats

__all__ = ["SnapshotIndex", "snapshot_index"]


@dataclass(frozen=True)
class SnapshotIndex:
    """The in-memory views of one store snapshot (picklable: one worker builds it, the others
    adopt it).

    Attributes:
        network: the work-level citation view (:func:`graph.citation_network`).
        search: every resolution's summary (``search_resolutions(..., index=)``).
        assignments: every assignment with its details (``assignments(..., table=)``).
        outdated: every outdated citation (``outdated_citations(..., table=)``).
        stats: the counts of ``graph_stats`` (``graph_stats(..., counted=)``).
        seconds: how long each part took to build (reported by the benchmarks).
    """

    network: nx.DiGraph
    search: SearchIndex
    assignments: AssignmentTable
    outdated: OutdatedTable
    stats: GraphStats
    seconds: dict[str, float] = field(default_factory=dict)


def snapshot_index(
    store: Queryable, net: nx.DiGraph | None = None, base: str | None = None
) -> SnapshotIndex:
    """Build the :class:`SnapshotIndex` of ``store`` (``net``: the citation view if already
    built). About 3 s on the million-triple synthetic store.

    Example:
        >>> snapshot_index(store).stats.resolutions  # doctest: +SKIP
        3000
    """
    base = base_of(store, base)
    seconds: dict[str, float] = {}

    def timed(name: str, t0: float) -> None:
        seconds[name] = round(time.perf_counter() - t0, 3)

    t0 = time.perf_counter()
    if net is None:
        net = citation_network(store, base=base)
        timed("network", t0)
    t0 = time.perf_counter()
    if net.number_of_nodes():
        most_cited(net, limit=1)  # its PageRank, held with the view
    timed("pagerank", t0)
    t0 = time.perf_counter()
    search = search_index(store, base)
    timed("search", t0)
    t0 = time.perf_counter()
    table = assignment_table(store, base)
    timed("assignments", t0)
    t0 = time.perf_counter()
    outdated = outdated_table(store, base)
    timed("outdated", t0)
    t0 = time.perf_counter()
    stats = graph_stats(store, top=0, base=base, net=net)
    timed("stats", t0)
    return SnapshotIndex(net, search, table, outdated, stats, seconds)
