"""Outdated citations: a text citing an older version than the latest revision at its date.

Why: before every assembly editors check by hand that "Resolution 123 (Rev. Busan, 2014)" in a
2022 text should now read "(Rev. Dubai, 2018)". A citation is outdated when a *revision* of the
cited work was adopted after the cited version and before the citing text, both dated by their
conferences (:func:`graph.queries.lookup.held_before`: by year, and within a year by the
gazetteer's dates when it has them; same-year conferences it does not date are not compared).

What counts as a revision: any version in the store (one with text, one named in a history line,
or one another text cites) except a version whose only status is NOC: a conference that left a
resolution unchanged confirmed the version in force, so a later text citing
"Resolution 52 (Rev. Hammamet, 2016)" is right.

Why three small queries and not one join: the versions (``versions.rq``) say which versions a
later revision superseded; only citations of those are read (``outdated.rq``, two index lookups
per version), and only the outdated ones get their provenance (``citation_details.rq``). A
single join of every citation with every version of its work and its provenance took seconds on
a million triples.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Any

from graph.backend import Queryable
from graph.mint import organ_code, parse_mention_iri, source_view_path
from graph.queries import select
from graph.queries.lookup import base_of, conference_when, held_before, parts, short
from graph.results import OutdatedCitation

__all__ = ["OutdatedTable", "outdated_citations", "outdated_table"]


def _conf(iri: str, base: str) -> str | None:
    """The conference id (``pp-2018``) of a version IRI, None for a work or anything else."""
    organ, _number, year = parts(iri, base)
    return f"{organ.lower()}-{year}" if organ and year is not None else None


def _when(conf: str) -> tuple[int, str]:
    """A sort key of a conference: year, then start date ("" when the gazetteer gives none)."""
    year, start = conference_when(conf)
    return year, start or ""


def _revisions(store: Queryable, base: str) -> dict[str, list[tuple[str, str]]]:
    """Work IRI -> its revisions as (conference id, version IRI), oldest first."""
    confirmations = {r["version"] for r in select(store, "noc_versions")}
    by_work: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in select(store, "versions", work=None):
        conf = _conf(r["version"], base)
        if conf is not None and r["version"] not in confirmations:
            by_work[r["work"]].append((conf, r["version"]))
    for revs in by_work.values():
        revs.sort(key=lambda cv: (*_when(cv[0]), cv[1]))
    return by_work


def _latest_between(
    revisions: list[tuple[str, str]], after: str, before: str
) -> tuple[str, str] | None:
    """The last revision held after conference ``after`` and before conference ``before``."""
    found = [cv for cv in revisions if held_before(after, cv[0]) and held_before(cv[0], before)]
    return found[-1] if found else None


def _details(store: Queryable, nodes: list[str]) -> dict[str, dict[str, Any]]:
    """Citation node -> its provenance (surface, section, paragraph, proposal, file)."""
    out: dict[str, dict[str, Any]] = {}
    if nodes:
        for r in select(store, "citation_details", c=sorted(set(nodes))):
            acc = out.setdefault(r["c"], {})
            for key, value in r.items():
                acc.setdefault(key, value)
    return out


@dataclass(frozen=True)
class OutdatedTable:
    """Every outdated citation of one store snapshot, each with the organ of its citing text,
    computed once (by :func:`outdated_table`) so that :func:`outdated_citations` only filters.

    Why: the answer depends on every version and every citation of a superseded version: the
    raw SPARQL alone takes 0.3-1 s on a million triples, over the latency target of a first
    request. A query worker computes it once per served snapshot (its warm-up) instead.
    """

    rows: tuple[tuple[str, OutdatedCitation], ...]


def outdated_table(store: Queryable, base: str | None = None) -> OutdatedTable:
    """Every outdated citation of ``store`` with its citing organ (see :class:`OutdatedTable`).

    Example:
        >>> table = outdated_table(store)  # doctest: +SKIP
        >>> outdated_citations(store, "pp", table=table) == outdated_citations(store, "pp")
        ... # doctest: +SKIP
        True
    """
    base = base_of(store, base)
    return OutdatedTable(rows=_outdated(store, base, None))


def outdated_citations(
    store: Queryable,
    organ: str | None = None,
    base: str | None = None,
    table: OutdatedTable | None = None,
) -> tuple[OutdatedCitation, ...]:
    """Every outdated citation (optionally only in texts of one organ), oldest citing first.

    Rows that would read the same (one paragraph citing a version twice in the same words) are
    one row with ``mentions`` 2: each row differs from the others by citing text, cited version,
    document, proposal, section, paragraph or surface.

    Example:
        >>> [o.latest for o in outdated_citations(store)][:1]  # doctest: +SKIP
        ['pp/123/2018']

    ``table``: the snapshot's :class:`OutdatedTable` if the caller holds one (same answer, no
    SPARQL).

    Raises:
        ValueError: for an unknown organ, listing the valid ones.
    """
    wanted = organ_code(organ) if organ else None
    rows = table.rows if table is not None else _outdated(store, base_of(store, base), wanted)
    return tuple(o for citing_organ, o in rows if not wanted or citing_organ == wanted)


def _outdated(
    store: Queryable, base: str, wanted: str | None
) -> tuple[tuple[str, OutdatedCitation], ...]:
    """The outdated citations in texts of organ ``wanted`` (all when None), each with the organ
    of its citing text, in the order :func:`outdated_citations` returns them."""
    revisions = _revisions(store, base)
    superseded = [
        v
        for revs in revisions.values()
        for i, (conf, v) in enumerate(revs)
        if any(held_before(conf, later) for later, _ in revs[i + 1 :])
    ]
    hits: list[tuple[dict[str, Any], str, str, tuple[str, str]]] = []
    organs: dict[str, str] = {}
    if superseded:
        for r in select(store, "outdated", cited=superseded):
            citing_conf, cited_conf = _conf(r["citing"], base), _conf(r["cited"], base)
            if citing_conf is None or cited_conf is None:
                continue
            citing_organ = parts(r["citing"], base)[0]
            if wanted and citing_organ != wanted:
                continue
            work = r["cited"].rsplit("/", 1)[0]
            between = _latest_between(revisions.get(work, []), cited_conf, citing_conf)
            if between is not None:
                hits.append((r, citing_conf, cited_conf, between))
                organs[r["citing"]] = citing_organ
    details = _details(store, [r["c"] for r, _, _, _ in hits])
    found: dict[OutdatedCitation, int] = {}
    organ_of: dict[OutdatedCitation, str] = {}
    first: dict[OutdatedCitation, tuple[int, str]] = {}
    for r, citing_conf, cited_conf, (latest_conf, latest) in hits:
        d = details.get(r["c"], {})
        row = OutdatedCitation(
            citing=short(r["citing"], base),
            citing_year=int(citing_conf.rsplit("-", 1)[1]),
            cited=short(r["cited"], base),
            cited_year=int(cited_conf.rsplit("-", 1)[1]),
            latest=short(latest, base),
            latest_year=int(latest_conf.rsplit("-", 1)[1]),
            surface=d.get("surface"),
            section=d.get("section"),
            paragraph=d.get("paragraph"),
            document=d.get("file"),
            proposal=d.get("proposal"),
            latest_conference=latest_conf,
        )
        found[row] = found.get(row, 0) + 1
        organ_of[row] = organs[r["citing"]]
        if d.get("file"):  # the row links to its first mention in the source view
            first[row] = min(first.get(row, (_offset(r["c"]), r["c"])), (_offset(r["c"]), r["c"]))
    return tuple(
        sorted(
            (
                (
                    organ_of[o],
                    replace(
                        o,
                        mentions=n,
                        source_view=source_view_path(first[o][1]) if o in first else None,
                    ),
                )
                for o, n in found.items()
            ),
            key=lambda ro: _order(ro[1]),
        )
    )


def _offset(mention: str) -> int:
    """The start offset of a mention IRI (0 when it names no mention): rows pick their first."""
    try:
        return parse_mention_iri(mention)[2]
    except ValueError:
        return 0


def _order(o: OutdatedCitation) -> tuple[int, str, str, str, str, str, str, str]:
    """The order of the rows: oldest citing first, then citing text, document, cited version,
    proposal, section, paragraph, surface."""
    return (
        o.citing_year,
        o.citing,
        o.document or "",
        o.cited,
        o.proposal or "",
        o.section or "",
        o.paragraph or "",
        o.surface or "",
    )
