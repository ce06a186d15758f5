"""What Word tracked changes change: citation versions, citations, assignments, paragraphs.

Why compare the two layers rather than read the revision marks alone: a mark says "these
characters were inserted", not "the collaborators of instructs 2 now include BDT". Both layers go
through the same extraction; records are paired by where they sit (resolution, section,
paragraph, verb) and their differences become typed changes.

Why :func:`tracked_also` rebuilds the flattened surface: a flattened .txt export of a proposal
keeps both versions side by side (``(Rev. Busan, 2014Dubai, 2018)``) and the citation parser
already reads the deleted one into ``also``; putting the deleted runs of a citation back in front
of the inserted ones gives that same surface, so a .docx and its flattened twin agree, with the
parsing in one place (:func:`extract.citations.parse.parse_version`).
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from extract.citations.parse import parse_version
from extract.models import (
    Assignment,
    ChangeType,
    Citation,
    DocumentStructure,
    ProposalChange,
    SourceDoc,
    TrackedChange,
    VersionRef,
)
from extract.proposals.layers import LayerMap

__all__ = ["Layer", "layer_changes", "tracked_also"]

_PAREN = re.compile(r"\(([^()]*)\)\s*$")
# a whole parenthesis replaced: "(Rev. Busan, 2014)(Rev. Dubai, 2018)" reads as one
_TWO_PARENS = re.compile(r"\(([^()]*)\)\s*\(([^()]*)\)\s*$")


def _flattened(surface: str, start: int, changes: Sequence[TrackedChange]) -> str:
    """The surface with each deleted run put back where it stood (before the insertion that
    replaced it), as Word's flattened export writes it."""
    out, at = [], start
    for ch in changes:
        if ch.kind != "delete" or not start <= ch.start <= start + len(surface):
            continue
        out.append(surface[at - start : ch.start - start])
        out.append(ch.text)
        at = ch.start
    out.append(surface[at - start :])
    return "".join(out)


def tracked_also(doc: SourceDoc, citations: Sequence[Citation]) -> tuple[Citation, ...]:
    """The citations, those whose version a tracked change replaced given ``also`` (the version
    the other layer reads), as the flattened residue gives it for text files.

    A citation already carrying ``also`` (its surface is residue) is left as it is.
    """
    if not doc.changes or doc.layer != "after":
        return tuple(citations)
    out = []
    starts = [ch.start for ch in doc.changes]
    for c in citations:
        lo, hi = bisect.bisect_left(starts, c.start), bisect.bisect_right(starts, c.end)
        near = [ch for ch in doc.changes[lo:hi] if ch.end <= c.end]
        if c.also is not None or not any(ch.kind == "delete" for ch in near):
            out.append(c)
            continue
        flat = _flattened(c.surface, c.start, near)
        two = _TWO_PARENS.search(flat)
        m = _PAREN.search(flat)
        inner = two.group(1) + two.group(2) if two else m.group(1) if m else None
        v = parse_version(inner) if inner is not None else None
        if (
            v is not None
            and v.also_venue
            and v.also_year
            and (v.venue, v.year) == (c.venue, c.year)
        ):
            c = replace(c, also=VersionRef(v.also_venue, v.also_year), also_revised=v.also_revised)
        out.append(c)
    return tuple(out)


@dataclass(frozen=True)
class Layer:
    """One layer of a document as extracted: its text, structure, citations and assignments."""

    doc: SourceDoc
    structure: DocumentStructure
    citations: tuple[Citation, ...]
    assignments: tuple[Assignment, ...]


def _where(structure: DocumentStructure, offset: int) -> tuple[str | None, str | None, str | None]:
    res, sec, par = structure.where(offset)
    return (
        res.number if res else None,
        sec.name if sec else None,
        par.label if par else None,
    )


def _change(
    doc: str, kind: ChangeType, start: int, end: int, where: tuple[str | None, ...], **kw: Any
) -> ProposalChange:
    res, sec, par = where
    return ProposalChange(
        doc,
        "",
        kind,
        start,
        end,
        "tracked",
        res,
        sec,
        par,
        **kw,
    )


def _citation_changes(after: Layer, before: Layer, lm: LayerMap) -> list[ProposalChange]:
    name = after.doc.name
    out = []
    for c in after.citations:
        if c.role == "citation" and lm.inserted(c.start, c.end):
            out.append(
                _change(
                    name,
                    "citation_added",
                    c.start,
                    c.end,
                    _where(after.structure, c.start),
                    work_kind=c.kind,
                    work_body=c.body,
                    work_number=c.number,
                    to_version=_version(c),
                    after=c.surface,
                )
            )
    for c in before.citations:
        if c.role == "citation" and lm.deleted(c.start, c.end):
            at = lm.to_after(c.start)
            out.append(
                _change(
                    name,
                    "citation_removed",
                    at,
                    at,
                    _where(before.structure, c.start),
                    work_kind=c.kind,
                    work_body=c.body,
                    work_number=c.number,
                    from_version=_version(c),
                    before=c.surface,
                )
            )
    return out


def _version(c: Citation) -> VersionRef | None:
    return VersionRef(c.venue, c.year) if c.venue and c.year else None


def _assignment_key(a: Assignment) -> tuple[str | None, str | None, str | None, str]:
    return (a.resolution, a.section, a.paragraph, a.verb.casefold())


def _assignment_changes(after: Layer, before: Layer, lm: LayerMap) -> list[ProposalChange]:
    name = after.doc.name
    olds: dict[tuple[str | None, ...], list[Assignment]] = defaultdict(list)
    for a in before.assignments:
        olds[_assignment_key(a)].append(a)
    out = []
    for a in after.assignments:
        bucket = olds.get(_assignment_key(a))
        where = _where(after.structure, a.start)
        if bucket:
            b = bucket.pop(0)
            if (b.addressees, b.collaborators) != (a.addressees, a.collaborators):
                out.append(
                    _change(
                        name,
                        "assignment_changed",
                        a.start,
                        a.end,
                        where,
                        addressees=a.addressees,
                        collaborators_before=b.collaborators,
                        collaborators_after=a.collaborators,
                        before=b.surface,
                        after=a.surface,
                    )
                )
        elif lm.inserted(a.start, a.end):
            out.append(
                _change(
                    name,
                    "assignment_added",
                    a.start,
                    a.end,
                    where,
                    addressees=a.addressees,
                    collaborators_after=a.collaborators,
                    after=a.surface,
                )
            )
    for bucket in olds.values():
        for b in bucket:
            if lm.deleted(b.start, b.end):
                at = lm.to_after(b.start)
                out.append(
                    _change(
                        name,
                        "assignment_removed",
                        at,
                        at,
                        _where(before.structure, b.start),
                        addressees=b.addressees,
                        collaborators_before=b.collaborators,
                        before=b.surface,
                    )
                )
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for line in text.splitlines(keepends=True):
        spans.append((at, at + len(line.rstrip("\n"))))
        at += len(line)
    return spans


def _paragraph_changes(
    after: Layer, before: Layer, covered: list[tuple[int, int]]
) -> list[ProposalChange]:
    """Paragraphs (lines) added, deleted or modified; a modified one only when a more specific
    change (a citation's version, an assignment's collaborators) does not already explain it."""
    name = after.doc.name
    a_spans, b_spans = _lines(after.doc.text), _lines(before.doc.text)
    a_text = [after.doc.text[s:e] for s, e in a_spans]
    b_text = [before.doc.text[s:e] for s, e in b_spans]
    sm = difflib.SequenceMatcher(None, b_text, a_text, autojunk=False)
    starts = [ch.start for ch in after.doc.changes]
    out = []
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        pairs = _pair_lines(b_text, a_text, i1, i2, j1, j2)
        paired_b = {i for i, _ in pairs}
        paired_a = {j for _, j in pairs}
        for i, j in pairs:
            s, e = a_spans[j]
            lo, hi = bisect.bisect_left(starts, s), bisect.bisect_right(starts, e)
            marks = after.doc.changes[lo:hi]
            explained = marks and all(
                any(cs <= ch.start and ch.end <= ce for cs, ce in covered) for ch in marks
            )
            if not explained:
                out.append(
                    _change(
                        name,
                        "paragraph_modified",
                        s,
                        e,
                        _where(after.structure, s),
                        before=b_text[i],
                        after=a_text[j],
                    )
                )
        for i in range(i1, i2):
            if i in paired_b or not b_text[i].strip():
                continue
            # the point where it stood: the start of the next after-layer line kept or paired
            nxt = next((j for i2_, j in pairs if i2_ > i), j2)
            point = a_spans[nxt][0] if nxt < len(a_spans) else len(after.doc.text)
            out.append(
                _change(
                    name,
                    "paragraph_deleted",
                    point,
                    point,
                    _where(before.structure, b_spans[i][0]),
                    before=b_text[i],
                )
            )
        for j in range(j1, j2):
            s, e = a_spans[j]
            if j not in paired_a and a_text[j].strip():
                out.append(
                    _change(
                        name, "paragraph_added", s, e, _where(after.structure, s), after=a_text[j]
                    )
                )
    return out


def _pair_lines(
    b_text: list[str], a_text: list[str], i1: int, i2: int, j1: int, j2: int
) -> list[tuple[int, int]]:
    """Pair the lines of a replaced block that are versions of one paragraph (in order, each
    with the most similar line still free, at least half alike); the others were deleted or
    added."""
    pairs: list[tuple[int, int]] = []
    i = i1
    for j in range(j1, j2):
        best, score = None, 0.5
        for k in range(i, i2):
            ratio = difflib.SequenceMatcher(None, b_text[k], a_text[j], autojunk=False).ratio()
            if ratio > score:
                best, score = k, ratio
        if best is not None:
            pairs.append((best, j))
            i = best + 1
    return pairs


def layer_changes(
    after: Layer, before: Layer, citations: Sequence[Citation] | None = None
) -> list[ProposalChange]:
    """Every typed change between the two layers (``proposal`` left empty: the caller assigns
    each change to the proposal whose text holds it).

    Citation updates are not made here: they come from ``also`` (:func:`tracked_also`), as for
    text residue. ``citations`` are the after layer's citations with ``also`` filled in (they
    tell which paragraphs a citation update already explains).
    """
    lm = LayerMap(after.doc.changes)
    changes = _citation_changes(after, before, lm) + _assignment_changes(after, before, lm)
    cits = citations if citations is not None else after.citations
    covered = [(c.start, c.end) for c in cits if c.also is not None]
    covered += [(ch.start, ch.end) for ch in changes if ch.change == "assignment_changed"]
    return changes + _paragraph_changes(after, before, covered)
