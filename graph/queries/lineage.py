"""Lineage of a resolution: every version in conference order, and what changed between them.

Why: editors preparing an assembly ask "how did Resolution 44 get here?" — which conferences
revised it, which versions we hold the text of, and for consecutive texts which citations and work
assignments were added, removed, kept or (citations) updated to another version of the same work,
and what each numbered item said before and says after. SPARQL (``queries/lineage.rq``) lists the
versions; the diffs come from ``queries/version_citations.rq``,
``queries/version_assignments.rq`` and the stored texts (:mod:`graph.queries.lineage_items`).
"""

from __future__ import annotations

from collections import defaultdict
from itertools import pairwise
from typing import Any

from graph.backend import Queryable
from graph.queries import select
from graph.queries.lineage_items import compare_items, version_items
from graph.queries.lookup import (
    Ref,
    TitlePicker,
    base_of,
    conference_label,
    ensure_exists,
    parts,
    short,
    status_code,
)
from graph.results import CitationUpdate, ItemChange, Lineage, LineageStep, VersionInfo

__all__ = ["actor_name", "assignment_key", "lineage", "pair_citations"]


def actor_name(iri: str) -> str:
    """A readable actor code from an actor IRI: ``bureau/bdt`` -> ``BDT``,
    ``group/itu-t-sg17`` -> ``ITU-T SG17``, ``actor/member-states`` -> ``member states``.

    Example:
        >>> actor_name("https://w3id.org/resgraph/id/group/itu-d-study-groups")
        'ITU-D study groups'
    """
    kind, _, tail = iri.rstrip("/").rpartition("/")
    kind = kind.rsplit("/", 1)[-1]
    if kind in {"bureau", "organ"} or (kind == "group" and "-" not in tail):
        return tail.upper() if kind != "organ" or len(tail) <= 5 else tail.capitalize()
    if kind == "group" and tail.startswith("itu-"):
        sector, rest = tail[:5].upper(), tail[6:]
        if rest.startswith("sg") and rest[2:].isdigit():
            return f"{sector} SG{rest[2:]}"
        return f"{sector} {rest.replace('-', ' ')}"
    if tail.startswith("itu-") and len(tail) == 5:
        return tail.upper()
    return tail.replace("-", " ").upper() if len(tail) <= 6 else tail.replace("-", " ")


def assignment_key(verb: str, addressees: list[str], collaborators: list[str]) -> str:
    """The comparable form of one assignment: ``"instructs TSB (with BDT, BR)"``.

    Example:
        >>> assignment_key("instructs", ["TSB"], ["BR", "BDT"])
        'instructs TSB (with BDT, BR)'
    """
    key = f"{verb} {', '.join(sorted(addressees))}".strip()
    return f"{key} (with {', '.join(sorted(collaborators))})" if collaborators else key


def _versions(store: Queryable, work: str, base: str) -> tuple[list[VersionInfo], TitlePicker]:
    rows = select(store, "lineage", work=[work])
    folded: dict[str, dict[str, Any]] = {}
    titles: dict[str, TitlePicker] = defaultdict(TitlePicker)
    all_titles = TitlePicker()
    for r in rows:
        v = r["version"]
        acc = folded.setdefault(v, {"has_text": False})
        acc["status"] = acc.get("status") or r.get("status")
        acc["has_text"] = acc["has_text"] or bool(r.get("hasText"))
        titles[v].add(r.get("title"), r.get("lang"))
        all_titles.add(r.get("title"), r.get("lang"))
    versions = []
    for v, acc in folded.items():
        organ, number, year = parts(v, base)
        conf = f"{organ.lower()}-{year}" if year else None
        versions.append(
            VersionInfo(
                id=short(v, base),
                organ=organ,
                number=number,
                year=year,
                conference=conf,
                conference_label=conference_label(conf),
                has_text=acc["has_text"],
                status=status_code(acc["status"]),
                title=titles[v].best(),
                iri=v,
            )
        )
    versions.sort(key=lambda x: (x.year is None, x.year or 0, x.id))
    return versions, all_titles


def pair_citations(
    before: dict[str, str], after: dict[str, str]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[CitationUpdate, ...]]:
    """``(added, removed, kept, updated)`` between two versions' citations (cited id -> its work).

    A work cited in both versions under other versions is updated, not removed and added: each
    version cited only before is paired with one cited only after, in version order (a work
    cited bare, without version, pairs like any version). Only what stays unpaired is added or
    removed.

    Example:
        >>> pair_citations({"pp/123/2014": "pp/123", "pp/139/2014": "pp/139"},
        ...                {"pp/123/2018": "pp/123", "wtdc/37/2017": "wtdc/37"})[3]
        (CitationUpdate(work='pp/123', before='pp/123/2014', after='pp/123/2018'),)
    """
    gone = sorted(set(before) - set(after))
    new = sorted(set(after) - set(before))
    updated: list[CitationUpdate] = []
    by_work: dict[str, list[str]] = defaultdict(list)
    for cited in new:
        by_work[after[cited]].append(cited)
    removed = []
    for cited in gone:
        candidates = by_work.get(before[cited])
        if candidates:
            updated.append(
                CitationUpdate(work=before[cited], before=cited, after=candidates.pop(0))
            )
        else:
            removed.append(cited)
    paired = {u.after for u in updated}
    added = [c for c in new if c not in paired]
    kept = sorted(set(before) & set(after))
    return tuple(added), tuple(removed), tuple(kept), tuple(sorted(updated, key=lambda u: u.work))


def _step(
    before: VersionInfo,
    after: VersionInfo,
    cites: dict[str, dict[str, str]],
    tasks: dict[str, set[str]],
    items: tuple[ItemChange, ...],
) -> LineageStep:
    b, a = before.iri or "", after.iri or ""
    added, removed, kept, updated = pair_citations(cites.get(b, {}), cites.get(a, {}))
    tb, ta = tasks.get(b, set()), tasks.get(a, set())
    return LineageStep(
        before=before.id,
        after=after.id,
        citations_added=added,
        citations_removed=removed,
        citations_kept=kept,
        assignments_added=tuple(sorted(ta - tb)),
        assignments_removed=tuple(sorted(tb - ta)),
        assignments_kept=tuple(sorted(ta & tb)),
        citations_updated=updated,
        items=items,
    )


def _assignment_keys(store: Queryable, versions: list[str]) -> dict[str, set[str]]:
    grouped: dict[tuple[str, str], dict[str, Any]] = {}
    for r in select(store, "version_assignments", version=versions):
        acc = grouped.setdefault(
            (r["version"], r["a"]), {"verb": r["verb"], "to": set(), "with": set()}
        )
        if "addressee" in r:
            acc["to"].add(actor_name(r["addressee"]))
        if "collaborator" in r:
            acc["with"].add(actor_name(r["collaborator"]))
    out: dict[str, set[str]] = defaultdict(set)
    for (version, _a), acc in grouped.items():
        out[version].add(assignment_key(acc["verb"], list(acc["to"]), list(acc["with"])))
    return out


def lineage(store: Queryable, resolution: str, base: str | None = None) -> Lineage:
    """All versions of ``resolution`` (short id ``wtsa/44``; a version id is cut to its work).

    Versions come in year order; ``steps`` compares each pair of consecutive versions that both
    have text (stubs in between are skipped), by the ids they cite (a work cited under another
    version is one ``citations_updated`` entry, not an addition and a removal), by their
    assignments, and by their numbered items' text when the store holds both texts.

    Example:
        >>> lin = lineage(store, "wtsa/44")  # doctest: +SKIP
        >>> [v.year for v in lin.versions]  # doctest: +SKIP
        [2004, 2008, 2012, 2016, 2022]

    Raises:
        ValueError: for a malformed id.
        ResolutionNotFound: when the store holds no such resolution (with suggestions).
    """
    base = base_of(store, base)
    ref = Ref.parse(resolution, base)
    work = ref.work
    versions, titles = _versions(store, work, base)
    if not versions:  # a work known only from citations, or nothing at all
        ensure_exists(store, short(work, base), base)
    if not titles.best():
        for r in select(store, "work_titles", work=[work]):
            titles.add(r.get("title"), r.get("lang"))
    texted = [v for v in versions if v.has_text and v.iri]
    steps: list[LineageStep] = []
    if len(texted) >= 2:
        iris = [v.iri for v in texted if v.iri]
        cites: dict[str, dict[str, str]] = defaultdict(dict)
        for r in select(store, "version_citations", citing=iris):
            cited = short(r["cited"], base)
            cites[r["citing"]][cited] = short(r.get("citedWork") or r["cited"], base)
        tasks = _assignment_keys(store, iris)
        texts = version_items(store, iris)
        steps = []
        for b, a in pairwise(texted):
            old, new = texts.get(b.iri or ""), texts.get(a.iri or "")
            items = compare_items(old[0], new[0], (old[1], new[1])) if old and new else ()
            steps.append(_step(b, a, cites, tasks, items))
    return Lineage(
        resolution=short(work, base),
        organ=ref.organ,
        number=ref.number,
        title=titles.best(),
        versions=tuple(versions),
        steps=tuple(steps),
    )
