"""What a view of the citation network adds to :func:`graph.network.citation_network`: the quote
behind each citation, the assembly years of each work, and who is assigned work.

Why here: the network page (api/viz) draws these layers, but reading them means knowing the
ontology, so the queries (``citation_quotes.rq``, ``work_years.rq``, ``bureau_assignments.rq``)
and the IRIs they are asked about stay in graph/; the page gets short ids and plain values.
Quotes are asked only for the nodes a view shows, so a 1M-triple store is not read citation by
citation for a 300-node page.

Example:
    >>> import pyoxigraph
    >>> from graph.store import as_store
    >>> work_years(as_store(pyoxigraph.Store()))
    {}
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from graph.backend import Queryable
from graph.mint import short_iri
from graph.queries import select
from graph.queries.lineage import actor_name
from graph.queries.lookup import base_of, short

__all__ = ["CitationQuote", "bureau_assignments", "citation_quotes", "work_years"]


@dataclass(frozen=True)
class CitationQuote:
    """One citation mention between two nodes of a network view, with where it was read.

    ``start``/``end`` are the offsets of ``surface`` in the loaded text of ``document`` (a file
    name), when the build knew them.
    """

    source: str
    target: str
    surface: str | None
    document: str | None
    section: str | None
    paragraph: str | None
    start: int | None = None
    end: int | None = None
    section_kind: str | None = None


def citation_quotes(
    store: Queryable,
    sources: Sequence[str],
    level: Literal["work", "version"] = "work",
    base: str | None = None,
) -> list[CitationQuote]:
    """The citations made by the given nodes (short ids), in the order the store gives them.

    At work level a node stands for all its versions and the target is the cited work; at
    version level the target is the cited version (or work, for an undated citation). Internal
    references are left out; a mention reached through both the work and a version counts once.
    """
    if not sources:
        return []
    base = base_of(store, base)
    seen: set[tuple[str, str]] = set()
    out: list[CitationQuote] = []
    iris = [str(short_iri(n, base)) for n in sources]
    for row in select(store, "citation_quotes", source=iris):
        if (row["source"], row["c"]) in seen:  # one mention, reached by both branches
            continue
        seen.add((row["source"], row["c"]))
        if level == "work":
            source = short(row["source"], base)
            target = short(row.get("citedWork") or row["cited"], base)
        else:
            source, target = short(row["citing"], base), short(row["cited"], base)
        start, end = row.get("start"), row.get("end")
        out.append(
            CitationQuote(
                source,
                target,
                row.get("surface"),
                row.get("file"),
                row.get("section"),
                row.get("paragraph"),
                start if isinstance(start, int) else None,
                end if isinstance(end, int) else None,
                row.get("sectionKind"),
            )
        )
    return out


def work_years(store: Queryable, base: str | None = None) -> dict[str, tuple[int, ...]]:
    """Work id -> the sorted assembly years of its versions (to filter works by year)."""
    base = base_of(store, base)
    years: dict[str, set[int]] = {}
    for row in select(store, "work_years"):
        if isinstance(row.get("year"), int):
            years.setdefault(short(row["work"], base), set()).add(row["year"])
    return {work: tuple(sorted(ys)) for work, ys in years.items()}


def bureau_assignments(
    store: Queryable, base: str | None = None
) -> tuple[tuple[str, str, tuple[str, ...], str], ...]:
    """(work id, addressee, collaborators, verb) per assignment and addressee, sorted.

    Why not :func:`graph.queries.assignments.assignments`: it also reads every clause text to
    match sectors named in it, which takes minutes on a 1M-triple store; a bureau layer needs only
    who is addressed and who collaborates, which ``bureau_assignments.rq`` reads in seconds.
    """
    base = base_of(store, base)
    folded: dict[str, tuple[str, str, set[str], set[str]]] = {}
    for row in select(store, "bureau_assignments"):
        _work, _verb, addressees, collaborators = folded.setdefault(
            row["a"], (short(row["work"], base), row["verb"], set(), set())
        )
        if row.get("addressee"):
            addressees.add(actor_name(row["addressee"]))
        if row.get("collaborator"):
            collaborators.add(actor_name(row["collaborator"]))
    return tuple(
        sorted(
            (work, addressee, tuple(sorted(collaborators)), verb)
            for work, verb, addressees, collaborators in folded.values()
            for addressee in addressees
        )
    )
