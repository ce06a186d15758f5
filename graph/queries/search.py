"""Lookups the REST API needs: search, one resolution, conferences, stats, did-you-mean, SELECT.

Why here and not in api/: the notebooks and the CLI ask the same questions; api/ only maps them to
HTTP. Each is answered by a named query (``queries/*.rq``) plus a little folding in Python.

The questions about the whole store (conferences, stats, a free SELECT) are in
:mod:`graph.queries.overview`, re-exported here.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from graph.backend import Queryable
from graph.mint import id_iri, organ_code, organ_iri, parse_conference_id, parse_iri, work_iri
from graph.queries import load_query, select
from graph.queries.lineage import lineage
from graph.queries.lookup import TitlePicker, base_of, parts, short, suggest
from graph.queries.overview import graph_stats, list_conferences, run_select
from graph.results import (
    ResolutionDetail,
    ResolutionNotFound,
    ResolutionSummary,
    SearchPage,
    SectionSummary,
)

if TYPE_CHECKING:
    from graph.queries.search_index import SearchIndex

__all__ = [
    "did_you_mean",
    "get_resolution",
    "graph_stats",
    "list_conferences",
    "run_select",
    "search_resolutions",
]


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for matching title words."""
    text = unicodedata.normalize("NFKD", text.replace("\u2011", "-"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


def _all_rows(
    store: Queryable, base: str, numbers: dict[str, set[str]] | None = None
) -> list[dict[str, Any]]:
    """The rows ``search.rq`` + ``lineage.rq`` + ``work_titles.rq`` give for every resolution,
    from ``search_nodes.rq`` (one index scan per kind of fact, no join) joined here.

    Why: joining each work with its versions and their optional text flag and titles made the
    engine scan every version and title for each branch: seconds over a million triples; read
    apart, the same facts cost one scan each. ``numbers``, when given, is filled with the works
    of each plain-string ``rg:number`` (what ``search.rq`` matches).
    """
    names, solutions = store.select(load_query("search_nodes"))
    works: set[str] = set()
    versions: dict[str, str] = {}
    texted: set[str] = set()
    titles: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
    for s in solutions:
        # pyoxigraph solutions iterate in variable order (a third cheaper than by name)
        row = tuple(s) if isinstance(s, ox.QuerySolution) else tuple(s[n] for n in names)
        work, number, version, of, text, titled, title = row
        if work is not None:
            works.add(_text(work))
            if numbers is not None and number is not None and _is_plain(number):
                numbers.setdefault(_text(number), set()).add(_text(work))
        elif version is not None and of is not None:
            versions[_text(version)] = _text(of)
        elif text is not None:
            texted.add(_text(text))
        elif titled is not None and title is not None:
            titles[_text(titled)].append((_text(title), _language(title)))
    prefix = str(id_iri("resolution/", base))
    works = {w for w in works if w.startswith(prefix) and _is_resolution(w, base)}
    rows: list[dict[str, Any]] = [{"work": w} for w in works]
    for v, w in versions.items():
        if w in works:
            rows.append({"work": w, "version": v, "hasText": v in texted})
            rows += [{"work": w, "title": t, "lang": lang} for t, lang in titles.get(v, ())]
    for w in works:
        rows += [{"work": w, "title": t, "lang": lang} for t, lang in titles.get(w, ())]
    return rows


def _text(term: Any) -> str:
    """An IRI's or a literal's text, from either engine."""
    return str(term.value) if isinstance(term, ox.NamedNode | ox.Literal) else str(term)


def _is_plain(term: Any) -> bool:
    """True for a literal a plain string slot (``VALUES ?number { "44" }``) matches: an
    ``xsd:string`` without a language tag, from either engine."""
    if getattr(term, "language", None):
        return False
    datatype = getattr(term, "datatype", None)
    return datatype is None or str(getattr(datatype, "value", datatype)).endswith("#string")


def _language(term: Any) -> str | None:
    """The language tag of a literal from either engine (pyoxigraph ``language``, rdflib
    ``language`` too), or None."""
    lang = getattr(term, "language", None)
    return str(lang) if lang else None


def _is_resolution(iri: str, base: str) -> bool:
    """True for the IRI of a resolution (not a decision, question or anything else)."""
    try:
        return parse_iri(iri, base)[0] == "resolution"
    except ValueError:
        return False


def _summaries(
    store: Queryable, base: str, numbers: dict[str, set[str]] | None = None, **slots: Any
) -> list[tuple[ResolutionSummary, set[str]]]:
    """Every matching work as a summary, with the conferences its versions were adopted at
    (``numbers``: see :func:`_all_rows`, filled when no number is asked for)."""
    acc: dict[str, dict[str, Any]] = {}
    titles: dict[str, TitlePicker] = defaultdict(TitlePicker)
    organs = set(slots.get("organ") or ())

    def wanted(work: str) -> bool:
        return not organs or str(organ_iri(parts(work, base)[0], base)) in organs

    if slots.get("number") is None:  # all works (of an organ): scans, filtered here
        rows = [r for r in _all_rows(store, base, numbers) if wanted(r["work"])]
    else:  # a number: a handful of works, their facts read by index lookups
        found = select(store, "search", number=slots["number"])
        works = sorted(
            {r["work"] for r in found if _is_resolution(r["work"], base) and wanted(r["work"])}
        )
        rows = [{"work": w} for w in works]
        if works:
            rows += select(store, "lineage", work=works)
            rows += select(store, "work_titles", work=works)
    for r in rows:
        w = acc.setdefault(r["work"], {"versions": {}, "confs": set(), "text": False})
        titles[r["work"]].add(r.get("title"), r.get("lang"))
        if "version" in r:
            organ, _number, year = parts(r["version"], base)
            w["versions"][r["version"]] = year
            w["text"] = w["text"] or bool(r.get("hasText"))
            if year:
                w["confs"].add(f"{organ.lower()}-{year}")
    out = []
    for work, w in acc.items():
        organ, number, _ = parts(work, base)
        dated = [(y, v) for v, y in w["versions"].items() if y is not None]
        latest = max(dated) if dated else None
        summary = ResolutionSummary(
            id=short(work, base),
            organ=organ,
            number=number,
            title=titles[work].best(),
            titles=titles[work].by_lang(),
            latest_version=short(latest[1], base) if latest else None,
            latest_year=latest[0] if latest else None,
            versions=len(w["versions"]),
            has_text=w["text"],
            no_version_known=not w["versions"],
        )
        out.append((summary, w["confs"]))
    return out


def search_resolutions(
    store: Queryable,
    q: str | None = None,
    organ: str | None = None,
    conference: str | None = None,
    number: str | None = None,
    limit: int = 20,
    offset: int = 0,
    base: str | None = None,
    index: SearchIndex | None = None,
) -> SearchPage:
    """Resolutions matching every given filter, ordered by organ and number.

    ``q`` matches words of a title in any language (every word must occur, case and accents
    ignored; Chinese text is matched as a substring); ``conference`` keeps resolutions with a
    version adopted there. ``index``: the snapshot's :class:`~graph.queries.search_index.
    SearchIndex` if the caller holds one (same answer, no SPARQL).

    Example:
        >>> page = search_resolutions(store, q="standardization gap")  # doctest: +SKIP
        >>> page.items[0].id  # doctest: +SKIP
        'wtsa/44'

    Raises:
        ValueError: for an unknown organ or conference, or a bad limit/offset.
    """
    if limit < 1 or offset < 0:
        raise ValueError(f"limit must be >= 1 and offset >= 0, got {limit} and {offset}")
    base = base_of(store, base)
    conf_id = None
    if conference:
        c_organ, c_year = parse_conference_id(conference)
        conf_id = f"{c_organ.lower()}-{c_year}"
    organs = [str(organ_iri(organ, base))] if organ else None
    numbers = [number.strip()] if number else None
    words = [_fold(w) for w in (q or "").split() if w.strip()]
    hits = []
    found: list[tuple[ResolutionSummary, Any]] = (
        index.matching(organs, numbers)
        if index is not None and index.base == base
        else list(_summaries(store, base, organ=organs, number=numbers))
    )
    for summary, confs in found:
        if conf_id and conf_id not in confs:
            continue
        if words:
            haystack = _fold(" ".join(summary.titles.values()))
            if not all(w in haystack for w in words):
                continue
        hits.append(summary)
    hits.sort(key=lambda s: (s.organ, s.number.zfill(8), s.id))
    page = tuple(hits[offset : offset + limit])
    return SearchPage(total=len(hits), limit=limit, offset=offset, items=page)


def _sections(store: Queryable, version: str) -> tuple[SectionSummary, ...]:
    counts: dict[str, dict[str, Any]] = {}
    for r in select(store, "sections", version=[version]):
        s = counts.setdefault(r["name"], {"kind": r.get("kind"), "citation": 0, "assignment": 0})
        s[r["type"]] += 1
    return tuple(
        SectionSummary(name=n, kind=s["kind"], citations=s["citation"], assignments=s["assignment"])
        for n, s in counts.items()
    )


def get_resolution(
    store: Queryable, organ: str, number: str, base: str | None = None
) -> ResolutionDetail:
    """One resolution: its versions, what it cites and what cites it, and the structure of its
    latest text (sections with their citation and assignment counts).

    Example:
        >>> get_resolution(store, "wtsa", "44").versions[-1].id  # doctest: +SKIP
        'wtsa/44/2022'

    Raises:
        ValueError: for an unknown organ.
        ResolutionNotFound: when the store has no such resolution (with suggestions).
    """
    from graph.queries.dependencies import citation_links

    base = base_of(store, base)
    ident = f"{organ_code(organ).lower()}/{number.strip()}"
    lin = lineage(store, ident, base)
    found = _summaries(store, base, organ=[str(organ_iri(organ, base))], number=[number.strip()])
    if not found:
        raise ResolutionNotFound(ident, suggest(store, ident, base=base))
    summary = found[0][0]
    texted = [v for v in lin.versions if v.has_text and v.iri]
    sections = _sections(store, texted[-1].iri) if texted and texted[-1].iri else ()
    work = str(work_iri(organ_code(organ), number.strip(), base=base))
    docs = sorted({r["file"] for r in select(store, "documents", work=[work])})
    cites, cited_by = citation_links(store, ident, base=base)
    note = None
    if not lin.versions:
        note = (
            "no version known: the graph knows this resolution only from texts citing it "
            "without naming a conference"
        )
    return ResolutionDetail(
        summary=summary,
        versions=lin.versions,
        sections=sections,
        cites=cites,
        cited_by=cited_by,
        documents=tuple(docs),
        note=note,
    )


def did_you_mean(
    store: Queryable, ident: str, limit: int = 5, base: str | None = None
) -> tuple[str, ...]:
    """Close existing short ids for an unknown one (same organ and number first, then similar).

    Example:
        >>> did_you_mean(store, "wtsa/440")  # doctest: +SKIP
        ('wtsa/44', 'wtsa/40')
    """
    return suggest(store, ident, limit=limit, base=base_of(store, base))
