"""Typed records that cross the extract -> graph boundary.

Why frozen dataclasses: records are facts about a source text (offsets, surface) and must not be
edited downstream; graph/ reads them, never mutates them. ``to_json`` gives the record contract of
DESIGN.md section 2 (one JSON object per line, with a ``"type"`` key), which is also the format of
the gold annotations in ``tests/gold``.

Offsets (``start``/``end``) are Python ``str`` offsets into :attr:`SourceDoc.text`, the text as
loaded: ``doc.text[r.start:r.end] == r.surface`` holds for every record.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

from extract.documents import (
    SECTION_KINDS,
    DocumentStructure,
    LangRun,
    Location,
    Paragraph,
    ResolutionSegment,
    Section,
    SectionKind,
    SourceDoc,
    SourcePosition,
    Status,
    TrackedChange,
    VersionRef,
)
from extract.fast_init import fast_frozen_init

__all__ = [
    "SECTION_KINDS",
    "Assignment",
    "Citation",
    "DocumentStructure",
    "ExtractionResult",
    "Heading",
    "LangRun",
    "Location",
    "Paragraph",
    "Proposal",
    "ProposalChange",
    "ResolutionSegment",
    "Section",
    "SectionKind",
    "SourceDoc",
    "SourcePosition",
    "TrackedChange",
    "VersionRef",
]

Kind = Literal[
    "resolution", "decision", "recommendation", "question", "internal", "un_resolution", "non_itu"
]
Basis = Literal["explicit", "this-assembly", "inferred-from-venue", "context", "unknown"]


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Drop optional extras that are None so JSONL stays close to the gold format."""
    return {k: v for k, v in d.items() if v is not None or k in _ALWAYS}


_ALWAYS = {
    "venue",
    "year",
    "section",
    "paragraph",
    "host",
    "number",
    "title",
    "version_venue",
    "version_year",
    "status",
    "history",
    "resolution",
}


@fast_frozen_init
@dataclass(frozen=True)
class Citation:
    """A mention of a resolution, decision, recommendation, question or internal paragraph.

    ``un_resolution`` (body ``UNGA``/``UNSC``) and ``non_itu`` (body ``other``) are near-misses:
    mentions that read like ITU citations but cite another organisation; they are reported so a
    reader can see them, and never become ITU works. ``version`` is the suffix of an ITU-R
    resolution number ("Resolution ITU-R 1-8": number "1", version "8").
    """

    doc: str
    start: int
    end: int
    surface: str
    kind: Kind
    number: str
    body: str
    venue: str | None
    year: int | None
    revised: bool
    body_basis: Basis
    role: Literal["citation", "heading"] = "citation"
    section: str | None = None
    section_kind: SectionKind | None = None
    paragraph: str | None = None
    host: str | None = None
    also: VersionRef | None = None
    also_revised: bool | None = None
    also_number: str | None = None
    sector: str | None = None
    proposal: str | None = None
    pattern: str | None = None
    version: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (``"type": "citation"``)."""
        d = asdict(self)
        d["also"] = {"venue": self.also.venue, "year": self.also.year} if self.also else None
        return {"type": "citation", **_clean(d)}


@fast_frozen_init
@dataclass(frozen=True)
class Heading:
    """A resolution heading or resolution entry, with its version and history."""

    doc: str
    start: int
    end: int
    surface: str
    number: str | None
    body: str
    title: str | None
    version_venue: str | None
    version_year: int | None
    status: Status | None
    history: tuple[VersionRef, ...] | None
    title_lang: str | None = None
    status_marker: str | None = None
    version_also: VersionRef | None = None
    proposal: str | None = None
    later_number: str | None = None
    section: str | None = "body"

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (``"type": "heading"``)."""
        d = asdict(self)
        d["history"] = [[v.venue, v.year] for v in self.history] if self.history else None
        d["version_also"] = (
            {"venue": self.version_also.venue, "year": self.version_also.year}
            if self.version_also
            else None
        )
        return {"type": "heading", **_clean(d)}


@fast_frozen_init
@dataclass(frozen=True)
class Assignment:
    """An operative clause head that gives work: verb, addressee(s), collaborators, items.

    ``resolution`` is the number of the resolution the clause belongs to (for ``source ==
    "reported"`` the cited resolution whose clause is quoted, with ``host`` the quoting one).
    """

    doc: str
    start: int
    end: int
    surface: str
    resolution: str | None
    verb: str
    addressee: str
    addressees: tuple[str, ...]
    collaborators: tuple[str, ...]
    source: Literal["operative", "summary", "reported"] = "operative"
    host: str | None = None
    resolution_body: str | None = None
    section: str | None = None
    section_kind: SectionKind | None = None
    paragraph: str | None = None
    items: tuple[str, ...] = ()
    addressee_only: bool = False
    verb_start: int | None = None
    verb_end: int | None = None
    addressee_qualifier: str | None = None
    pattern: str | None = None
    #: ``passive`` for a paraphrase such as "The Council is invited" (None: the active voice)
    voice: Literal["passive"] | None = None

    def to_json(self) -> dict[str, Any]:
        """The contract's JSON object (``"type": "assignment"``)."""
        d = asdict(self)
        d["addressees"] = list(self.addressees)
        d["collaborators"] = list(self.collaborators)
        d["items"] = list(self.items) if self.items else None
        d["addressee_only"] = self.addressee_only or None
        return {"type": "assignment", **_clean(d)}


ChangeType = Literal[
    "citation_updated",
    "citation_added",
    "citation_removed",
    "assignment_added",
    "assignment_removed",
    "assignment_changed",
    "paragraph_added",
    "paragraph_deleted",
    "paragraph_modified",
]


def _version_json(v: VersionRef | None) -> dict[str, Any] | None:
    return {"venue": v.venue, "year": v.year} if v else None


@dataclass(frozen=True)
class ProposalChange:
    """One typed change a proposal makes to the resolution it targets.

    ``source`` says where it was read: ``tracked`` (Word revision marks, both layers compared) or
    ``residue`` (a flattened text where deleted and inserted runs stand side by side, such as
    ``(Rev. Busan, 2014Dubai, 2018)``). ``start``/``end`` are offsets in the loaded text (the
    "after" layer of a .docx); a change the loaded text no longer shows (a deleted paragraph, a
    removed citation) is the point where it stood (``start == end``), its text in ``before``.
    Which fields are filled depends on ``change`` (docs/records.md, "proposal").
    """

    doc: str
    proposal: str
    change: ChangeType
    start: int
    end: int
    source: Literal["tracked", "residue"]
    resolution: str | None = None
    section: str | None = None
    paragraph: str | None = None
    work_kind: str | None = None
    work_body: str | None = None
    work_number: str | None = None
    from_version: VersionRef | None = None
    to_version: VersionRef | None = None
    addressees: tuple[str, ...] = ()
    collaborators_before: tuple[str, ...] = ()
    collaborators_after: tuple[str, ...] = ()
    before: str | None = None
    after: str | None = None

    def to_json(self) -> dict[str, Any]:
        """The JSON object (``"type": "proposal_change"``), empty/None fields left out."""
        d = asdict(self)
        d["from_version"] = _version_json(self.from_version)
        d["to_version"] = _version_json(self.to_version)
        for k in ("addressees", "collaborators_before", "collaborators_after"):
            d[k] = list(d[k]) or None
        return {"type": "proposal_change", **{k: v for k, v in d.items() if v is not None}}


@dataclass(frozen=True)
class Proposal:
    """A proposal a document holds: who proposes what for which resolution, and its changes.

    ``proposal`` is the key its changes (and the ``proposal`` field of mentions) use: the label
    of its side-by-side column (``Proposal 2, AFCP/35A8/1 (ATU)``) or its reference. ``spans``
    are the blocks of text it covers (several for a side-by-side column, whose rows interleave
    with the other proposals'); ``start``/``end`` the first and last of them, or its header
    line when it has no text of its own.
    """

    doc: str
    proposal: str
    start: int
    end: int
    proposer: str | None
    proposer_kind: Literal["regional_group", "member_state"] | None
    reference: str | None
    action: Literal["MOD", "ADD", "SUP", "NOC"] | None
    target_body: str | None
    target_number: str | None
    number: int | None = None
    contribution: str | None = None
    spans: tuple[tuple[int, int], ...] = ()
    changes: tuple[ProposalChange, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The JSON object (``"type": "proposal"``); ``changes`` as their own objects."""
        d = asdict(self)
        d["spans"] = [list(s) for s in self.spans]
        d["changes"] = [c.to_json() for c in self.changes]
        return {"type": "proposal", **d}


@dataclass(frozen=True)
class ExtractionResult:
    """Everything extracted from one document.

    ``proposals`` are kept out of :meth:`records` (the graph builder consumes those): a later
    step turns them into triples.
    """

    doc: SourceDoc
    structure: DocumentStructure
    headings: tuple[Heading, ...]
    citations: tuple[Citation, ...]
    assignments: tuple[Assignment, ...]
    proposals: tuple[Proposal, ...] = ()

    def records(self) -> list[Heading | Citation | Assignment]:
        """All records in document order (headings first at equal offsets)."""
        recs: list[Heading | Citation | Assignment] = [
            *self.headings,
            *self.citations,
            *self.assignments,
        ]
        order = {Heading: 0, Citation: 1, Assignment: 2}
        return sorted(recs, key=lambda r: (r.start, order[type(r)], r.end))
