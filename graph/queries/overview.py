"""Questions about the store as a whole: its conferences, its counts and most cited
resolutions, and a free SELECT query as a table of text.

Why apart from :mod:`graph.queries.search`: those find resolutions; these answer for the whole
snapshot (the ``/conferences`` and ``/stats`` routes, ``resgraph sparql``) and are re-exported by
:mod:`graph.queries.search`, so every lookup the REST API needs stays importable from there.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import networkx as nx

from graph.backend import Queryable
from graph.metrics import MOST_CITED_BY, most_cited
from graph.network import citation_network
from graph.queries import select, select_table
from graph.queries.lookup import base_of, conference_id
from graph.results import ConferenceInfo, GraphStats, SparqlTable

__all__ = ["graph_stats", "list_conferences", "run_select"]


def list_conferences(store: Queryable, base: str | None = None) -> tuple[ConferenceInfo, ...]:
    """Conferences in the store (gazetteer and any others texts name) with the number of
    versions each adopted, by organ and year.

    Example:
        >>> [c.id for c in list_conferences(store)][:2]  # doctest: +SKIP
        ['council-2019', 'pp-1989']
    """
    confs = [r["conf"] for r in select(store, "conference_list")]
    counts = {r["conf"]: r.get("versions", 0) for r in select(store, "conference_versions")}
    facts: dict[str, dict[str, Any]] = {c: {"conf": c} for c in confs}
    for r in select(store, "conferences", conf=confs) if confs else []:
        old = facts[r["conf"]].get(r["key"])
        if old is None or str(r["value"]) < str(old):  # the same choice whatever the order
            facts[r["conf"]][r["key"]] = r["value"]
    out = []
    for r in facts.values():
        r["versions"] = counts.get(r["conf"], 0)
        cid = conference_id(r["conf"]) or ""
        organ = r.get("organ") or cid.rsplit("-", 1)[0].upper()
        year = r.get("year") or int(cid.rsplit("-", 1)[1])
        out.append(
            ConferenceInfo(
                id=cid,
                organ=str(organ),
                venue=r.get("venue"),
                year=int(year),
                label=r.get("label"),
                versions=int(r.get("versions", 0)),
            )
        )
    out.sort(key=lambda c: (c.organ, c.year, c.id))
    return tuple(out)


def graph_stats(
    store: Queryable,
    top: int = 10,
    base: str | None = None,
    net: nx.DiGraph | None = None,
    counted: GraphStats | None = None,
) -> GraphStats:
    """Counts of the store's contents and the ``top`` most cited resolutions.

    ``net``: the work-level citation view if the caller holds one (building it reads every
    citation, seconds on a million triples); without it, it is built here. ``counted``: this
    snapshot's counts read once (``graph_stats(store, top=0)``, as a query worker holds them:
    they count every quad, 0.2-0.3 s on a million triples); its ``most_cited`` is replaced.

    Example:
        >>> graph_stats(store).citations > 0  # doctest: +SKIP
        True
    """
    base = base_of(store, base)
    if counted is not None:
        if top < 1:
            return replace(counted, most_cited=())
        ranked = most_cited(
            net if net is not None else citation_network(store, base=base), limit=top
        )
        return replace(counted, most_cited=ranked)
    row = (select(store, "stats") or [{}])[0]
    return GraphStats(
        triples=len(store),
        resolutions=int(row.get("resolutions", 0)),
        versions=int(row.get("versions", 0)),
        versions_with_text=int(row.get("texts", 0)),
        citations=int(row.get("citations", 0)),
        assignments=int(row.get("assignments", 0)),
        documents=int(row.get("documents", 0)),
        conferences=int(row.get("conferences", 0)),
        most_cited=most_cited(
            net if net is not None else citation_network(store, base=base), limit=top
        )
        if top > 0
        else (),
        most_cited_by=MOST_CITED_BY,
    )


_QUERY_FORM = re.compile(
    r"^\s*(?:(?:PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>)\s*|#[^\n]*\n\s*)*SELECT\b", re.I
)


def run_select(store: Queryable, query: str, limit: int | None = None) -> SparqlTable:
    """Run a SELECT query (all named graphs as the default graph) and return its rows as text.

    Example:
        >>> import pyoxigraph
        >>> from graph.store import as_store
        >>> run_select(as_store(pyoxigraph.Store()), "SELECT ?s WHERE { ?s ?p ?o }").rows
        ()

    Raises:
        ValueError: for a query that is not a SELECT, or a syntax error (with the engine's
            message).
    """
    if not _QUERY_FORM.match(query):
        raise ValueError("only SELECT queries are supported here; use the SPARQL endpoint")
    try:
        names, rows = select_table(store, query)
    except SyntaxError as exc:
        raise ValueError(f"SPARQL syntax error: {exc}") from None
    if limit is not None:
        rows = rows[:limit]
    table = tuple(tuple(None if r.get(n) is None else str(r[n]) for n in names) for r in rows)
    return SparqlTable(columns=tuple(names), rows=table)
