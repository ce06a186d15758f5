"""The proposals a document holds, and the typed changes each makes.

Two shapes of document hold proposals:

- a side-by-side compilation (seed ``001``): a header lists the proposals (``Proposal 2 (MOD,
  WTSA C-035 ATU Add08) (ATU)``) and each column of the table below is one of them; the
  segmentation already tells the columns apart (the ``proposal`` of a segment, which mentions
  carry too), so a proposal here is a column, matched to its header line;
- a proposal document: a marker line (``MOD	ACP/44A1/1``) before a resolution heading.

Why the proposer comes from the data file (``proposers.json``): the header names it ("ATU"),
or only the reference's prefix does ("AFCP/..."); both are looked up, never hard-coded.

Changes are read from what the text allows: in flattened text, a citation whose parenthesis
holds two versions (``also``) is one "citation updated" change; a Word file with tracked changes
adds what comparing its two layers shows (:mod:`extract.proposals.tracked`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal, cast

from extract.models import (
    Citation,
    Proposal,
    ProposalChange,
    ResolutionSegment,
    SourceDoc,
    VersionRef,
)
from extract.proposals.proposers import proposer_of
from extract.structure.columns import ProposalHeader, proposal_headers

__all__ = ["find_proposals"]

Action = Literal["MOD", "ADD", "SUP", "NOC"]
_ACTIONS = ("MOD", "ADD", "SUP", "NOC")
_LABEL = re.compile(r"^Proposal (?P<n>\d+), (?P<ref>.+) \((?P<org>[^()]*)\)$")
_MARKER = re.compile(
    r"^[ \t]*(?P<action>MOD|ADD|SUP|NOC)[ \t]+(?P<ref>[A-Za-z]+/[\w/.-]+)[ \t]*$", re.M
)
_MARKER_REACH = 300  # characters before a heading searched for its marker line


@dataclass
class _Draft:
    key: str
    segments: list[ResolutionSegment] = field(default_factory=list)
    header: ProposalHeader | None = None
    reference: str | None = None
    action: str | None = None
    changes: list[ProposalChange] = field(default_factory=list)


def _column_drafts(text: str, segments: Sequence[ResolutionSegment]) -> list[_Draft]:
    """One draft per side-by-side column, matched to the header line that names it; a column
    whose heading names no reference takes the header after the previous column's, and a header
    with no column (a proposal without text of its own) is a draft with no segment."""
    headers = proposal_headers(text)
    drafts: dict[str, _Draft] = {}
    for seg in sorted((s for s in segments if s.proposal), key=lambda s: s.heading_start):
        key = cast(str, seg.proposal)
        drafts.setdefault(key, _Draft(key)).segments.append(seg)
    used: set[int] = set()
    last = -1
    for d in drafts.values():
        m = _LABEL.match(d.key)
        if m:
            d.reference = m.group("ref")
            k = next((i for i, h in enumerate(headers) if h.number == int(m.group("n"))), None)
        else:
            d.reference = d.key if "/" in d.key else None
            k = last + 1 if last + 1 < len(headers) and last + 1 not in used else None
        if k is not None:
            d.header, last = headers[k], k
            used.add(k)
    out = list(drafts.values())
    for i, h in enumerate(headers):
        if i not in used:
            out.append(_Draft(f"Proposal {h.number} ({h.proposer})", header=h))
    return out


def _marker_drafts(text: str, segments: Sequence[ResolutionSegment]) -> list[_Draft]:
    """One draft per resolution a marker line (``MOD	ACP/44A1/1``) or status marker opens."""
    drafts: dict[int, _Draft] = {}
    for seg in segments:
        if seg.proposal or (seg.status_marker or "").strip() not in _ACTIONS:
            continue
        d = drafts.get(seg.heading_start)
        if d is None:
            before = text[max(0, seg.heading_start - _MARKER_REACH) : seg.heading_start]
            found = list(_MARKER.finditer(before))
            ref = found[-1].group("ref") if found else None
            key = ref or f"{(seg.status_marker or '').strip()} Resolution {seg.number or '?'}"
            d = drafts[seg.heading_start] = _Draft(key, reference=ref)
        d.segments.append(seg)
    return list(drafts.values())


def _spans(d: _Draft) -> tuple[tuple[int, int], ...]:
    spans = sorted({(s.start, s.end) for s in d.segments})
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return tuple(merged)


def _residue_change(doc: SourceDoc, c: Citation) -> ProposalChange | None:
    """A citation holding two versions: one "citation updated" change (from ``also``)."""
    if c.also is None:
        return None
    tracked = bool(doc.changes) and any(c.start <= ch.start <= c.end for ch in doc.changes)
    return ProposalChange(
        doc=doc.name,
        proposal="",
        change="citation_updated",
        start=c.start,
        end=c.end,
        source="tracked" if tracked else "residue",
        resolution=c.host or (c.number if c.role == "heading" else None),
        section=c.section,
        paragraph=c.paragraph,
        work_kind=c.kind,
        work_body=c.body,
        work_number=c.number,
        from_version=c.also,
        to_version=VersionRef(c.venue, c.year) if c.venue and c.year else None,
        before=None,
        after=c.surface,
    )


def _owner(drafts: Sequence[_Draft], offset: int, proposal: str | None) -> _Draft | None:
    if proposal is not None:
        for d in drafts:
            if d.key == proposal:
                return d
    for d in drafts:
        if any(s.start <= offset < s.end or s.start == offset == s.end for s in d.segments):
            return d
    return None


def find_proposals(
    doc: SourceDoc,
    segments: Sequence[ResolutionSegment],
    citations: Sequence[Citation],
    tracked: Sequence[ProposalChange] = (),
) -> tuple[Proposal, ...]:
    """The proposals of a document, each with its changes, in document order.

    Args:
        doc: the loaded document.
        segments: its resolution segments (``DocumentStructure.resolutions``).
        citations: its citations (for .docx with ``also`` from tracked changes filled in).
        tracked: changes read by comparing the layers of a Word file
            (:func:`extract.proposals.tracked.layer_changes`).

    Example:
        >>> from extract import extract_document
        >>> r = extract_document("data/corpus/001_e4eb4cc4694de83a.txt")
        >>> [(p.proposer, p.reference) for p in r.proposals]
        [('APT', None), ('ATU', 'AFCP/35A8/1'), ('CITEL', 'IAP/39A18/1'), ('RCC', None)]
    """
    drafts = _column_drafts(doc.text, segments) + _marker_drafts(doc.text, segments)
    if not drafts and tracked:  # tracked changes but no marker: the document's resolutions
        for seg in segments:
            drafts.append(_Draft(f"{doc.name}: Resolution {seg.number or '?'}", [seg]))
    for c in citations:
        ch = _residue_change(doc, c)
        owner = _owner(drafts, c.start, c.proposal) if ch else None
        if ch and owner:
            owner.changes.append(ch)
    for ch in tracked:
        owner = _owner(drafts, ch.start, None)
        if owner:
            owner.changes.append(ch)
    built = [_build(doc, d) for d in drafts]
    # a header with no column of its own targets what the document's other proposals target
    targets = {(p.target_body, p.target_number) for p in built if p.target_number}
    if len(targets) == 1:
        body, number = targets.pop()
        built = [
            p if p.target_number else replace(p, target_body=body, target_number=number)
            for p in built
        ]
    return tuple(sorted(built, key=lambda p: (p.start, p.proposal)))


def _build(doc: SourceDoc, d: _Draft) -> Proposal:
    spans = _spans(d)
    h = d.header
    seg = d.segments[0] if d.segments else None
    who = proposer_of(h.proposer if h else None, d.reference)
    marker = (seg.status_marker or "").strip() if seg else ""
    action = marker if marker in _ACTIONS else (h.action if h else None)
    start, end = (spans[0][0], spans[-1][1]) if spans else ((h.start, h.end) if h else (0, 0))
    return Proposal(
        doc=doc.name,
        proposal=d.key,
        start=start,
        end=end,
        proposer=who.id if who else (h.proposer if h else None),
        proposer_kind=who.kind if who else None,
        reference=d.reference,
        action=cast(Action | None, action if action in _ACTIONS else None),
        target_body=seg.body if seg else None,
        target_number=seg.number if seg else None,
        number=h.number if h else None,
        contribution=h.contribution if h else None,
        spans=spans,
        changes=tuple(
            replace(c, proposal=d.key) for c in sorted(d.changes, key=lambda c: (c.start, c.end))
        ),
    )
