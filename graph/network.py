"""The networkx view of the citation graph, derived from the store (never edited).

Why networkx: PageRank, cycles and shortest paths over the whole graph are what SPARQL does
badly (see :mod:`graph.metrics`). The view is rebuilt from the store by two named queries
(``network_nodes.rq``, ``network_edges.rq``); the store stays the truth.

Nodes are keyed by short id (``wtsa/44`` at work level, ``wtsa/44/2022`` at version level) and
carry ``organ``, ``number``, ``year`` (versions), ``label`` (a title, English preferred) and
``has_text``. Edges carry ``citations`` (how many citation mentions), ``sections``,
``section_kinds`` (what those sections are for: ``preambular``, ``operative``...) and
``documents`` (sorted, distinct) — the provenance of the link — and ``where``, one mention's
``section|paragraph|file|surface|mention IRI`` (the smallest, as ``queries/cites_out.rq`` picks
it), so a walk on the view reports the same edges as a walk on the store.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any, Literal

import networkx as nx

from graph.backend import Queryable
from graph.queries import select
from graph.queries.lookup import TitlePicker, base_of, parts, short, work_of

__all__ = ["citation_network"]


def _add_nodes(net: nx.DiGraph, store: Queryable, level: str, base: str) -> None:
    titles: dict[str, TitlePicker] = defaultdict(TitlePicker)
    works: set[str] = set()
    versions: dict[str, str] = {}
    texted: set[str] = set()
    for r in select(store, "network_nodes"):
        kind, x = r["kind"], r["x"]
        if kind == "work":
            works.add(x)
        elif kind == "version":
            versions[x] = r["y"]
        elif kind == "text":
            texted.add(x)
        else:
            titles[x].add(r.get("title"), r.get("lang"))
    work_titles: dict[str, TitlePicker] = defaultdict(TitlePicker)
    for w in works:
        for lang, title in titles[w].by_lang().items():
            work_titles[w].add(title, lang)
    newest_first = sorted(versions, key=lambda v: -(parts(v, base)[2] or 0))
    for v in newest_first:  # then the latest version's titles
        for lang, title in titles[v].by_lang().items():
            work_titles[versions[v]].add(title, lang)
    texted_works = {versions[v] for v in texted if v in versions}
    if level == "work":
        for w in works | set(versions.values()):
            organ, number, _ = parts(w, base)
            if organ:
                net.add_node(
                    short(w, base),
                    organ=organ,
                    number=number,
                    label=work_titles[w].best(),
                    has_text=w in texted_works,
                )
        return
    for v, w in versions.items():
        organ, number, year = parts(v, base)
        if organ:
            net.add_node(
                short(v, base),
                organ=organ,
                number=number,
                year=year,
                label=titles[v].best() or work_titles[w].best(),
                has_text=v in texted,
            )


def citation_network(
    store: Queryable, level: Literal["work", "version"] = "work", base: str | None = None
) -> nx.DiGraph:
    """Citation DiGraph of the store at work or version level.

    At version level an edge goes from the citing version to the cited version, or to the cited
    work when the citation names no conference (the work is then a node too).

    Example:
        >>> import pyoxigraph
        >>> from graph.store import as_store
        >>> citation_network(as_store(pyoxigraph.Store())).number_of_nodes()
        0

    Raises:
        ValueError: for a level other than ``work`` or ``version``.
    """
    if level not in {"work", "version"}:
        raise ValueError(f"unknown level {level!r}; valid: work, version")
    base = base_of(store, base)
    net = nx.DiGraph(level=level)
    _add_nodes(net, store, level, base)
    links: dict[tuple[str, str], dict[str, Any]] = {}
    for r in select(store, "network_edges"):
        if level == "work":
            src, dst = work_of(r["citing"], base), r["citedWork"]
        else:
            src, dst = r["citing"], r["cited"]
        if src == dst or not parts(src, base)[0] or not parts(dst, base)[0]:
            continue
        key = (src, dst)
        acc = links.setdefault(
            key,
            {
                "mentions": set(),
                "sections": set(),
                "kinds": set(),
                "documents": set(),
                "where": None,
            },
        )
        where = "|".join(r.get(k) or "" for k in ("section", "paragraph", "file", "surface", "c"))
        if acc["where"] is None or where < acc["where"]:
            acc["where"] = where
        acc["mentions"].add(r["c"])
        if r.get("section"):
            acc["sections"].add(r["section"])
        if r.get("sectionKind"):
            acc["kinds"].add(r["sectionKind"])
        if r.get("file"):
            acc["documents"].add(r["file"])
    for (src, dst), acc in links.items():
        for iri in (src, dst):
            if short(iri, base) not in net:
                organ, number, year = parts(iri, base)
                net.add_node(
                    short(iri, base),
                    organ=organ,
                    number=number,
                    year=year,
                    label=None,
                    has_text=False,
                )
        net.add_edge(
            short(src, base),
            short(dst, base),
            citations=len(acc["mentions"]),
            sections=sorted(acc["sections"]),
            section_kinds=sorted(acc["kinds"]),
            documents=sorted(acc["documents"]),
            where=acc["where"],
        )
    return net
