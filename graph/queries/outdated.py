"""Outdated citations: a text citing an older version than the latest known at its date.

Why: before every assembly editors check by hand that "Resolution 123 (Rev. Busan, 2014)" in a
2022 text should now read "(Rev. Dubai, 2018)". ``queries/outdated.rq`` lists the citations of a
dated version; ``queries/versions.rq`` the versions of the cited works (years from the IRIs);
the latest version adopted after the cited one and before the citing version's year is what the
text should cite. (A single SPARQL join of citations with every version of the work multiplied
the rows by the documents repeating each version's facts; two linear queries and a dict do it
in milliseconds.)

What counts as "known": any version in the store — one with text, one named in a history line,
or one another text cites. Same-year conferences are not compared (WTSA-20 met in March 2022,
PP-22 in October; the gazetteer holds years only), so they never make a citation outdated.
"""

from __future__ import annotations

from collections import defaultdict

from graph.backend import Queryable
from graph.mint import organ_code
from graph.queries import select
from graph.queries.lookup import base_of, parts, short
from graph.results import OutdatedCitation

__all__ = ["outdated_citations"]


def outdated_citations(
    store: Queryable, organ: str | None = None, base: str | None = None
) -> tuple[OutdatedCitation, ...]:
    """Every outdated citation (optionally only in texts of one organ), oldest citing first.

    Example:
        >>> [o.latest for o in outdated_citations(store)][:1]  # doctest: +SKIP
        ['pp/123/2018']

    Raises:
        ValueError: for an unknown organ, listing the valid ones.
    """
    base = base_of(store, base)
    wanted = organ_code(organ) if organ else None
    rows = []
    for r in select(store, "outdated"):
        citing_organ, _n, citing_year = parts(r["citing"], base)
        cited_year = parts(r["cited"], base)[2]
        if citing_year is None or cited_year is None or cited_year >= citing_year:
            continue
        if wanted and citing_organ != wanted:
            continue
        rows.append((r, citing_year, cited_year))
    known: dict[str, list[tuple[int, str]]] = defaultdict(list)
    if rows:
        works = sorted({r["citedWork"] for r, _, _ in rows})
        for v in select(store, "versions", work=works):
            year = parts(v["version"], base)[2]
            if year is not None:
                known[v["work"]].append((year, v["version"]))
    found = []
    for r, citing_year, cited_year in rows:
        newer = [(y, v) for y, v in known[r["citedWork"]] if cited_year < y < citing_year]
        if not newer:
            continue
        latest_year, latest = max(newer)
        found.append(
            OutdatedCitation(
                citing=short(r["citing"], base),
                citing_year=citing_year,
                cited=short(r["cited"], base),
                cited_year=cited_year,
                latest=short(latest, base),
                latest_year=latest_year,
                surface=r.get("surface"),
                section=r.get("section"),
                paragraph=r.get("paragraph"),
                document=r.get("file"),
            )
        )
    found.sort(key=lambda o: (o.citing_year, o.citing, o.document or "", o.cited, o.surface or ""))
    return tuple(found)
