"""Work assignments: who is instructed (invited, encouraged...) to do what, with whom.

Why ``involving``: the question editors ask is "which resolutions give work to ITU-D?", and the
answer is wider than "BDT is the addressee": a sector is involved when its bureau, its advisory
group, its study groups or the sector itself is addressee or collaborator, and also when an
operative clause names the sector or its groups in its text ("to cooperate and coordinate with
ITU-R and ITU-D"). ``queries/assignments.rq`` and ``queries/assignment_roles.rq`` return the
clauses and their roles; the sector match is in :mod:`graph.queries.sectors`.

Why the document context: a table of an assembly's results ("RESOLUTION 2 [Rev] on ...") or a
text quoting a resolution without its conference hangs clauses on the work; the clause still
belongs to the version that the same document presents, so ``conference=`` uses that version.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from graph.backend import Queryable
from graph.mint import (
    actor_iri,
    organ_code,
    parse_conference_id,
    parse_mention_iri,
    source_view_path,
)
from graph.queries import select
from graph.queries.lineage import actor_name
from graph.queries.lookup import base_of, parts, short, work_of
from graph.queries.sectors import SECTORS, Sector, sector_of, why_involved
from graph.results import AssignmentHit, AssignmentResults

__all__ = [
    "SECTORS",
    "AssignmentTable",
    "Sector",
    "assignment_table",
    "assignments",
    "mention_document",
    "sector_of",
]


@lru_cache(maxsize=256)
def _wanted_iris(wanted: str, base: str) -> frozenset[str]:
    """The IRIs a user's actor code can mean (as typed, and upper-cased), minted once."""
    return frozenset(str(actor_iri(w, base)) for w in (wanted, wanted.upper()))


#: actor IRI -> display name and instrument IRI -> short id, read for every hit of every call
#: (a listing of 10,000 hits parsed the same few hundred IRIs again and again)
_actor_name = lru_cache(maxsize=8192)(actor_name)
_short = lru_cache(maxsize=65536)(short)


def _same_actor(iri: str, wanted: str, base: str) -> bool:
    """An actor IRI against a user's code (``BDT``, ``bdt``, ``ITU-T SG17``)."""
    if iri in _wanted_iris(wanted, base):
        return True
    return _actor_name(iri).casefold() == wanted.strip().casefold()


_ROLE_FIELDS = {"addressee": "to", "collaborator": "with", "item": "items"}


def _fold(rows: list[dict[str, Any]], roles: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """One record per assignment node: its row of ``assignments.rq`` joined with its many-valued
    parts from ``assignment_roles.rq``."""
    folded: dict[str, dict[str, Any]] = {}
    for r in rows:
        folded.setdefault(
            r["a"],
            {
                **r,
                "doc": mention_document(r["a"]),
                "to": set(),
                "with": set(),
                "items": set(),
                "clauses": set(),
            },
        )
    for r in roles:
        target = folded.get(r["a"])
        field = _ROLE_FIELDS.get(r["role"].rsplit("#", 1)[-1])
        if target is not None and field is not None:
            target[field].add(r["value"])
    return folded


def mention_document(iri: str) -> str:
    """The document IRI of a mention IRI (``<document>/<kind>/<start>-<end>``, as
    ``graph.mint.mention_iri`` makes them).

    Example:
        >>> mention_document("https://w3id.org/resgraph/id/document/ab/assignment/3-9")
        'https://w3id.org/resgraph/id/document/ab'
    """
    return iri.rsplit("/", 2)[0]


def _add_details(store: Queryable, folded: dict[str, dict[str, Any]], nodes: list[str]) -> None:
    """Text and provenance (``assignment_details.rq``) of the assignments ``nodes``, in place."""
    if not nodes:
        return
    files = {r["doc"]: r["file"] for r in select(store, "document_files")}
    for a in nodes:
        folded[a]["file"] = files.get(folded[a]["doc"])
    for r in select(store, "assignment_details", a=nodes):
        acc = folded[r["a"]]
        for key, value in r.items():
            if key == "clause":
                acc["clauses"].add(value)
            elif key != "a":
                acc.setdefault(key, value)


def _document_versions(
    store: Queryable, works: list[str], base: str
) -> dict[tuple[str, str], dict[str, str]]:
    """(document, work) -> {conference: what a clause of the work in that document belongs to}
    for the versions of the work that the document heads.

    A NOC entry heads no version: its conference confirmed an existing one, so its clauses
    belong to the confirmed version (the latest earlier one, as the derived graph's
    ``rg:confirmedAt`` says) or, when none is known, to the work; never to a version
    ``<work>/<year of the confirming conference>`` that does not exist.
    """
    out: dict[tuple[str, str], dict[str, str]] = {}
    if works:
        for r in select(store, "document_versions", work=sorted(set(works))):
            if r.get("confirmedAt"):  # a NOC entry: the conference that confirmed the work
                conf = short(r["confirmedAt"], base).rsplit("/", 1)[-1]
                held = out.setdefault((r["doc"], r["work"]), {})
                confirmed = r.get("confirmed") or r["work"]
                if held.get(conf, r["work"]) == r["work"]:  # a version beats the bare work
                    held[conf] = confirmed
                continue
            organ, _number, year = parts(r["version"], base)
            if year is not None:
                out.setdefault((r["doc"], r["work"]), {})[f"{organ.lower()}-{year}"] = r["version"]
    return out


def _start(mention: str) -> int:
    """The start offset of a mention IRI (0 when it names no mention): a hit links its first."""
    try:
        return parse_mention_iri(mention)[2]
    except ValueError:
        return 0


def _records(store: Queryable, base: str) -> list[tuple[dict[str, Any], set[str]]]:
    """Every assignment record (``assignments.rq`` folded with its roles), with its organ, year,
    work and the conferences it belongs to; without text and provenance (see
    :func:`_add_details`)."""
    folded = _fold(select(store, "assignments"), select(store, "assignment_roles"))
    for acc in folded.values():
        acc["organ"], _n, acc["year"] = parts(acc["by"], base)
        acc["work"] = work_of(acc["by"], base)
    undated = [a["work"] for a in folded.values() if a["year"] is None and a["organ"]]
    context = _document_versions(store, undated, base)
    out: list[tuple[dict[str, Any], set[str]]] = []
    for acc in folded.values():
        if not acc["organ"]:
            continue
        if acc["year"] is not None:
            confs = {f"{acc['organ'].lower()}-{acc['year']}"}
        else:
            # conference -> the version (or work) the clause belongs to there
            acc["held"] = context.get((str(acc.get("doc") or ""), acc["work"]), {})
            confs = set(acc["held"])
        out.append((acc, confs))
    return out


def _kept(
    acc: dict[str, Any],
    confs: set[str],
    wanted_organ: str | None,
    conf_id: str | None,
    actor: str | None,
    collaborator: str | None,
    base: str,
) -> bool:
    """True when a record passes the organ, conference, addressee and collaborator filters."""
    if wanted_organ and acc["organ"] != wanted_organ:
        return False
    if conf_id and conf_id not in confs:
        return False
    if actor and not any(_same_actor(i, actor, base) for i in acc["to"]):
        return False
    return not (collaborator and not any(_same_actor(i, collaborator, base) for i in acc["with"]))


@dataclass(frozen=True)
class AssignmentTable:
    """Every assignment record of one store snapshot with its details, read once (by
    :func:`assignment_table`) so that :func:`assignments` filters it in Python.

    Why: listing assignments joins every assignment node with its verb, roles and provenance:
    the raw SPARQL alone takes 0.3-0.8 s on a million triples, over the latency target of a
    first request. A query worker builds the table once per served snapshot (its warm-up)
    instead. Never mutate the records: every call reads them.
    """

    records: tuple[tuple[dict[str, Any], set[str]], ...]


def assignment_table(store: Queryable, base: str | None = None) -> AssignmentTable:
    """Read every assignment of ``store`` with its text and provenance (see
    :class:`AssignmentTable`).

    Example:
        >>> table = assignment_table(store)  # doctest: +SKIP
        >>> assignments(store, actor="TSB", table=table) == assignments(store, actor="TSB")
        ... # doctest: +SKIP
        True
    """
    base = base_of(store, base)
    records = _records(store, base)
    _add_details(
        store, {acc["a"]: acc for acc, _ in records}, sorted(acc["a"] for acc, _ in records)
    )
    for acc, _ in records:  # why each sector is involved (the clause texts are read once)
        acc["why"] = {code: why_involved(acc, sector, base) for code, sector in SECTORS.items()}
    return AssignmentTable(records=tuple(records))


def assignments(
    store: Queryable,
    actor: str | None = None,
    collaborator: str | None = None,
    involving: str | None = None,
    organ: str | None = None,
    conference: str | None = None,
    base: str | None = None,
    table: AssignmentTable | None = None,
) -> AssignmentResults:
    """Assignments filtered by addressee, collaborator, involved sector, organ and conference.

    Args:
        store: the store (``graph.open_store``).
        actor: addressee code (``TSB``, ``BDT``, ``TSAG``, ``ITU-T SG17``).
        collaborator: collaborator code.
        involving: a sector (``ITU-D``): its actors in any role, or named in the clause text.
        organ: organ of the resolution giving the work (``wtsa``).
        conference: the conference of that resolution's version (``wtsa-2022`` or ``WTSA-20``).
        base: base IRI of the store.
        table: the snapshot's :class:`AssignmentTable` if the caller holds one (same answer,
            no SPARQL).

    Example:
        >>> res = assignments(store, involving="ITU-D", conference="wtsa-2022")  # doctest: +SKIP
        >>> "100" in res.numbers()  # doctest: +SKIP
        True

    Raises:
        ValueError: for an unknown sector, organ or conference, listing the valid ones.
    """
    base = base_of(store, base)
    sector = sector_of(involving) if involving else None
    conf_id = None
    if conference:
        c_organ, c_year = parse_conference_id(conference)
        conf_id = f"{c_organ.lower()}-{c_year}"
        if organ and organ_code(organ) != c_organ:
            return AssignmentResults(hits=(), resolutions=())
        organ = organ or c_organ
    wanted_organ = organ_code(organ) if organ else None
    records = table.records if table is not None else _records(store, base)
    kept = [
        (acc, confs)
        for acc, confs in records
        if _kept(acc, confs, wanted_organ, conf_id, actor, collaborator, base)
    ]
    if table is None:  # the table holds every record's details already
        _add_details(store, {acc["a"]: acc for acc, _ in kept}, sorted(acc["a"] for acc, _ in kept))
    hits: dict[AssignmentHit, int] = {}
    first: dict[AssignmentHit, tuple[int, str]] = {}
    for acc, confs in kept:
        matched = (
            (acc["why"][sector.code] if "why" in acc else why_involved(acc, sector, base))
            if sector
            else ()
        )
        if sector and not matched:
            continue
        by = acc["by"]
        o, number, year = parts(by, base)
        the_conf = conf_id or (sorted(c for c in confs if c)[0] if confs else None)
        rid = _short(by, base)
        if year is None and the_conf:  # the version the document presents (see _records)
            rid = _short(acc.get("held", {}).get(the_conf, by), base)
        hit = AssignmentHit(
            resolution=rid,
            organ=o,
            number=number,
            conference=the_conf,
            verb=acc["verb"],
            addressees=tuple(sorted(_actor_name(i) for i in acc["to"])),
            collaborators=tuple(sorted(_actor_name(i) for i in acc["with"])),
            surface=acc.get("surface") or "",
            section=acc.get("section"),
            paragraph=acc.get("paragraph"),
            document=acc.get("file"),
            source=acc.get("source"),
            matched=matched,
            proposal=acc.get("proposal"),
        )
        hits[hit] = hits.get(hit, 0) + 1
        if acc.get("file"):  # the hit links to its first mention in the source view
            here = (_start(acc["a"]), acc["a"])
            first[hit] = min(first.get(hit, here), here)
    found = [
        replace(h, mentions=n, source_view=source_view_path(first[h][1]) if h in first else None)
        for h, n in hits.items()
    ]
    found.sort(
        key=lambda h: (
            h.organ,
            h.number.zfill(6),
            h.resolution,
            h.document or "",
            h.proposal or "",
            h.section or "",
            h.paragraph or "",
            h.surface,
        )
    )
    resolutions = sorted(
        {h.resolution for h in found}, key=lambda r: (r.split("/")[0], r.zfill(12))
    )
    return AssignmentResults(hits=tuple(found), resolutions=tuple(resolutions))
