"""Which proposals for a resolution make the same change, and which differ.

Why: before every assembly delegates set the regional proposals for each resolution side by side
(seed ``001`` is four proposals for WTSA Resolution 44) and ask "who updates Resolution 123 to
Dubai 2018? who adds BDT as a collaborator?". The graph holds each proposal and its typed changes
(:mod:`graph.rdf.proposals`); this module reads them (``proposals.rq``,
``proposal_changes.rq``, ``proposal_change_actors.rq``) and groups the changes that agree in
kind and content into one row with the proposals that make it: a change x proposal matrix.

What counts as the same change (:func:`_key`): a citation of the same work updated from the same
version to the same one (paragraph letters differ between drafts, so not where); a clause (same
section and paragraph) gaining or losing the same actors; the same paragraph text added, deleted
or rewritten.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.backend import Queryable
from graph.proposal_results import ProposalComparison, ProposalInfo, ProposedChange
from graph.queries import select
from graph.queries.lookup import Ref, base_of, ensure_exists, short

__all__ = ["compare_proposals"]

_KIND_ORDER = (
    "citation_updated",
    "citation_added",
    "citation_removed",
    "assignment_changed",
    "assignment_added",
    "assignment_removed",
    "paragraph_modified",
    "paragraph_added",
    "paragraph_deleted",
)
_PROPOSER_KIND = {"RegionalGroup": "regional_group", "MemberState": "member_state"}
_ROLES = {
    "changeAddressee": "addressees",
    "collaboratorBefore": "collaborators_before",
    "collaboratorAfter": "collaborators_after",
}


def _year(version: str | None) -> str:
    return version.rsplit("/", 1)[-1] if version else "?"


def _clip(text: str | None, n: int = 60) -> str:
    flat = " ".join((text or "").split())
    return flat if len(flat) <= n else flat[: n - 1] + "…"


def _place(c: dict[str, Any]) -> str:
    return " ".join(x for x in (c.get("section"), c.get("paragraph")) if x) or "text"


def _summary(c: dict[str, Any]) -> str:
    """What a change does, in a few words (the row label of the comparison)."""
    kind, work = c["kind"], c.get("work") or "?"
    if kind == "citation_updated":
        return f"{work}: updated {_year(c.get('from_version'))} -> {_year(c.get('to_version'))}"
    if kind == "citation_added":
        return f"{work}: citation added ({_year(c.get('to_version'))})"
    if kind == "citation_removed":
        return f"{work}: citation removed ({_year(c.get('from_version'))})"
    place = _place(c)
    if kind == "assignment_changed":
        before, after = set(c["collaborators_before"]), set(c["collaborators_after"])
        parts = (
            [f"adds {', '.join(sorted(after - before))} as collaborator"] if after - before else []
        )
        if before - after:
            parts.append(f"drops {', '.join(sorted(before - after))} as collaborator")
        return f"{place}: {'; '.join(parts) or 'clause changed'}"
    if kind in ("assignment_added", "assignment_removed"):
        to = ", ".join(c["addressees"]) or "?"
        return f"{place}: clause to {to} {kind.split('_')[1]}"
    text = c.get("text_after") if kind == "paragraph_added" else c.get("text_before")
    return f'{place}: paragraph {kind.split("_")[1]}: "{_clip(text)}"'


def _key(c: dict[str, Any]) -> tuple[Any, ...]:
    """What two proposals must share to make the same change (module docstring)."""
    kind = c["kind"]
    if kind.startswith("citation_"):
        return (kind, c.get("work"), c.get("from_version"), c.get("to_version"))
    if kind.startswith("assignment_"):
        return (
            kind,
            c.get("section"),
            c.get("paragraph"),
            tuple(sorted(c["addressees"])),
            tuple(sorted(c["collaborators_before"])),
            tuple(sorted(c["collaborators_after"])),
        )
    return (kind, _clip(c.get("text_before"), 10**6), _clip(c.get("text_after"), 10**6))


def _proposals(store: Queryable, work: str, base: str) -> list[tuple[str, ProposalInfo]]:
    found: dict[str, ProposalInfo] = {}
    prefix = f"{base}id/"
    for r in select(store, "proposals", target=[work]):
        if r["p"] in found:
            continue
        proposer, ref = r.get("plabel"), r.get("ref")
        kind = r.get("pkind", "").rsplit("#", 1)[-1]
        found[r["p"]] = ProposalInfo(
            id=r["p"].removeprefix(prefix),
            label=r["label"],
            name=" ".join(x for x in (proposer, ref) if x) or r["label"],
            document=r["file"],
            proposer=proposer,
            proposer_name=r.get("pname"),
            proposer_kind=_PROPOSER_KIND.get(kind),
            reference=ref,
            action=r.get("action"),
            number=int(r["number"]) if r.get("number") is not None else None,
            contribution=r.get("contribution"),
            changes=int(r.get("changes", 0)),
        )
    return list(found.items())


def _changes(store: Queryable, iris: list[str], base: str) -> list[tuple[str, dict[str, Any]]]:
    """(proposal IRI, change as a dict of ProposedChange fields) for every change, in order."""
    actors: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for r in select(store, "proposal_change_actors", p=iris):
        field = _ROLES[r["role"]]
        name = r.get("name") or short(r["actor"], base).rsplit("/", 1)[-1].upper()
        if name not in actors[r["c"]][field]:
            actors[r["c"]][field].append(name)
    out: dict[str, tuple[str, dict[str, Any]]] = {}
    for r in select(store, "proposal_changes", p=iris):
        if r["c"] in out:
            continue
        acts = actors.get(r["c"], {})
        out[r["c"]] = (
            r["p"],
            {
                "kind": r["kind"],
                "work": short(r["work"], base) if r.get("work") else None,
                "from_version": short(r["from"], base) if r.get("from") else None,
                "to_version": short(r["to"], base) if r.get("to") else None,
                "section": r.get("section"),
                "paragraph": r.get("paragraph"),
                "text_before": r.get("before"),
                "text_after": r.get("after"),
                **{f: tuple(acts.get(f, ())) for f in _ROLES.values()},
            },
        )
    return list(out.values())


def _note(change: ProposedChange, names: dict[str, str], total: int) -> str:
    who = [names[p] for p in change.proposals]
    if total > 1 and len(who) == total:
        lead = f"all {total} proposals"
    elif total > 1 and len(who) == 1:
        lead = f"only {who[0]}"
    else:
        lead = f"{len(who)} of {total} proposals ({', '.join(who)})"
    return f"{lead}: {change.summary}"


def compare_proposals(
    store: Queryable, resolution: str, base: str | None = None
) -> ProposalComparison:
    """The proposals targeting ``resolution`` (``wtsa/44``; a version id is cut to its work)
    and their changes grouped into rows of a change x proposal matrix.

    Example:
        >>> cmp = compare_proposals(store, "wtsa/44")  # doctest: +SKIP
        >>> [p.proposer for p in cmp.proposals]  # doctest: +SKIP
        ['APT', 'ATU', 'CITEL', 'RCC']

    Raises:
        ValueError: for a malformed id.
        ResolutionNotFound: when the store holds no such resolution (with suggestions).
    """
    base = base_of(store, base)
    work = Ref.parse(resolution, base).work
    proposals = _proposals(store, work, base)
    if not proposals:
        ensure_exists(store, short(work, base), base)
    ids = {iri: info.id for iri, info in proposals}
    rows: dict[tuple[Any, ...], tuple[dict[str, Any], list[str], int]] = {}
    for p_iri, c in _changes(store, list(ids), base) if ids else ():
        key = _key(c)
        first, makers, n = rows.get(key, (c, [], 0))
        if ids[p_iri] not in makers:
            makers.append(ids[p_iri])
        rows[key] = (first, makers, n + 1)
    order = {p: i for i, p in enumerate(ids.values())}
    changes = [
        ProposedChange(
            summary=_summary(c),
            proposals=tuple(sorted(makers, key=order.__getitem__)),
            mentions=n,
            **c,
        )
        for c, makers, n in rows.values()
    ]
    changes.sort(
        key=lambda c: (-len(c.proposals), _KIND_ORDER.index(c.kind), c.work or "", c.summary)
    )
    names = {info.id: info.proposer or info.name for _, info in proposals}
    return ProposalComparison(
        resolution=short(work, base),
        proposals=tuple(info for _, info in proposals),
        changes=tuple(changes),
        notes=tuple(_note(c, names, len(proposals)) for c in changes),
    )
