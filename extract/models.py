"""Typed records that cross the extract -> graph boundary.

Why frozen dataclasses: records are facts about a source text (offsets, surface) and must not be
edited downstream; graph/ reads them, never mutates them. ``to_json`` gives the record contract of
DESIGN.md section 2 (one JSON object per line, with a ``"type"`` key), which is also the format of
the gold annotations in ``tests/gold``.

Offsets (``start``/``end``) are Python ``str`` offsets into :attr:`SourceDoc.text`, the text as
loaded: ``doc.text[r.start:r.end] == r.surface`` holds for every record.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal, get_args

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
Status = Literal["New", "Rev", "NOC", "Sup"]
#: What a section is for. The segmentation decides it once, from the heading word's row in
#: ``structure/patterns/sections.jsonl``; records carry it so that graph/ and api/ never guess it
#: again from the section's name (preambular text recalls, operative text acts).
SectionKind = Literal["preambular", "operative", "annex", "summary", "foreword", "body", "other"]
SECTION_KINDS: tuple[str, ...] = get_args(SectionKind)


@dataclass(frozen=True)
class TrackedChange:
    """One Word revision mark (``w:ins`` or ``w:del``) and where it sits in the loaded text.

    For an insertion, ``text == doc.text[start:end]`` (the "after" layer holds it). For a deletion,
    ``start == end`` is the point in the after-layer where the removed ``text`` stood.
    """

    kind: Literal["insert", "delete"]
    start: int
    end: int
    text: str
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class SourcePosition:
    """Where ``text[start:end]`` of a loaded document sits in the original file.

    Why per document and not per record: a PDF page or an HTML element holds many records, and
    the graph half puts the place on every mention with one lookup
    (:meth:`SourceDoc.position_at`). ``page`` is the 1-based PDF page, ``path`` an HTML element
    path (``body/div[2]/p[1]``, or ``#id`` of the nearest element with an id), ``footnote`` the
    number of a Word footnote whose text the loader placed after the body.
    """

    start: int
    end: int
    page: int | None = None
    path: str | None = None
    footnote: str | None = None


@dataclass(frozen=True)
class SourceDoc:
    """A loaded document: the text all offsets refer to, plus where it came from.

    ``text`` is the file's text as loaded (for .txt exactly the decoded file; for .docx the "after"
    layer of tracked changes, or "before" when asked; for .pdf/.html the extracted text).
    """

    name: str
    path: str
    format: Literal["txt", "docx", "pdf", "html"]
    text: str
    sha256: str
    lang: str = "en"
    encoding: str | None = None
    layer: Literal["after", "before"] = "after"
    changes: tuple[TrackedChange, ...] = ()
    other_layer: str | None = None
    meta: Mapping[str, str] = field(default_factory=dict)
    #: what loading had to repair, each naming the file and where (e.g. invalid UTF-8 bytes
    #: replaced at a byte offset): the text is usable, but a user must be told
    warnings: tuple[str, ...] = ()
    #: offset ranges -> place in the original file (PDF page, HTML element, Word footnote),
    #: sorted by start, not overlapping; empty for .txt
    positions: tuple[SourcePosition, ...] = ()

    def position_at(self, offset: int) -> SourcePosition | None:
        """The place in the original file of the text at ``offset`` (None if unknown).

        Example:
            >>> d = SourceDoc("a.pdf", "a.pdf", "pdf", "p1\fp2", "0", positions=(
            ...     SourcePosition(0, 3, page=1), SourcePosition(3, 5, page=2)))
            >>> d.position_at(4).page, d.position_at(9)
            (2, None)
        """
        k = bisect.bisect_right(self._position_starts, offset) - 1
        if k >= 0 and offset < self.positions[k].end:
            return self.positions[k]
        return None

    @cached_property
    def _position_starts(self) -> list[int]:
        return [p.start for p in self.positions]


@dataclass(frozen=True)
class VersionRef:
    """A (venue, year) pair naming one conference, e.g. Busan 2014."""

    venue: str
    year: int


@dataclass(frozen=True)
class Paragraph:
    """A numbered or lettered paragraph (``a)``, ``1``, ``iv)``, ``bc)``) inside a section."""

    label: str | None
    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A block opened by a heading word (``considering``, ``instructs``, ``责成``) or an annex.

    ``kind`` tells preambular from operative text, which downstream steps use to type citations
    (CiTO) and to decide what counts as a work assignment.
    """

    name: str
    kind: SectionKind
    start: int
    end: int
    heading_start: int
    heading_end: int
    paragraphs: tuple[Paragraph, ...] = ()

    @cached_property
    def paragraph_index(self) -> _Index:
        """Starts of the paragraphs (bisect them) and their running largest end."""
        return _Index(self.paragraphs)


@dataclass(frozen=True)
class ResolutionSegment:
    """One resolution (or resolution entry of a table/compilation) found in a document.

    ``start``/``end`` cover the whole resolution text; ``heading_start``/``heading_end`` the
    heading surface (``RESOLUTION 44 (Rev. Hammamet, 2016Geneva, 2022)``, or the number cell).
    """

    number: str | None
    body: str
    start: int
    end: int
    heading_start: int
    heading_end: int
    title: str | None = None
    title_lang: str | None = None
    version: VersionRef | None = None
    version_also: VersionRef | None = None
    revised: bool = False
    status: Status | None = None
    status_marker: str | None = None
    history: tuple[VersionRef, ...] | None = None
    proposal: str | None = None
    later_number: str | None = None
    source: Literal["operative", "summary"] = "operative"
    sections: tuple[Section, ...] = ()

    @cached_property
    def section_index(self) -> _Index:
        """Starts of the sections and their running largest end."""
        return _Index(self.sections)


@dataclass(frozen=True)
class LangRun:
    """``text[start:end]`` of a document is in ``lang`` (see :mod:`extract.text.language`)."""

    start: int
    end: int
    lang: str


@dataclass(frozen=True)
class Location:
    """Where an offset sits in the document tree (all parts optional)."""

    resolution: ResolutionSegment | None
    section: Section | None
    paragraph: Paragraph | None


@dataclass(frozen=True)
class DocumentStructure:
    """The resolution -> section -> paragraph tree of one document.

    ``body`` is the organ of the document itself when it can be told (a WTSA text says "The World
    Telecommunication Standardization Assembly ..."), used for "this assembly" and table entries.
    ``conference`` is the conference the document is about, if it names one.
    """

    doc: str
    lang: str
    body: str | None
    conference: VersionRef | None
    resolutions: tuple[ResolutionSegment, ...]
    sections: tuple[Section, ...] = ()
    #: The document as runs of one language each; empty means all of it is in ``lang``.
    languages: tuple[LangRun, ...] = ()

    def lang_at(self, offset: int) -> str:
        """The language of the text at ``offset``: its run's, else the document's.

        Example:
            >>> s = DocumentStructure("d", "en", None, None, (), (), (LangRun(0, 9, "es"),))
            >>> s.lang_at(3), s.lang_at(20)
            ('es', 'en')
        """
        for run in self.languages:
            if run.start <= offset < run.end:
                return run.lang
        return self.lang

    def langs(self) -> frozenset[str]:
        """Every language the document is written in (its own first among them)."""
        return frozenset({self.lang, *(r.lang for r in self.languages)})

    def locate(self, offset: int) -> Location:
        """The innermost resolution, section and paragraph containing ``offset``."""
        return Location(*self.where(offset))

    def where(
        self, offset: int
    ) -> tuple[ResolutionSegment | None, Section | None, Paragraph | None]:
        """:meth:`locate` as a plain tuple, for callers that place every record of a document."""
        res = _innermost(self.resolutions, lambda: self._resolution_index, offset)
        sec = None
        if res is not None:
            sec = _innermost(res.sections, lambda: res.section_index, offset)
        if sec is None:
            sec = _innermost(self.sections, lambda: self._section_index, offset)
        par = None
        if sec is not None:
            par = _innermost(sec.paragraphs, lambda: sec.paragraph_index, offset)
        return res, sec, par

    @cached_property
    def _resolution_index(self) -> _Index:
        return _Index(self.resolutions)

    @cached_property
    def _section_index(self) -> _Index:
        return _Index(self.sections)


class _Index:
    """Starts and running largest ends of a tuple of items sorted by start (segments, sections,
    paragraphs): a segmentation is located into thousands of times (every record of its
    document), so each tuple's index is computed once and kept by the object that owns the
    tuple (a cached property), not in a table keyed by ``id()``."""

    __slots__ = ("reach", "starts")

    def __init__(self, items: tuple[Any, ...]) -> None:
        self.starts = [i.start for i in items]
        self.reach: list[int] = []
        top = -1
        for i in items:
            top = max(top, i.end)
            self.reach.append(top)


def _innermost(items: tuple[Any, ...], index: Callable[[], _Index], offset: int) -> Any:
    """Last item (by start) whose [start, end) contains offset; items are sorted by start.

    Items may overlap (side-by-side columns), so earlier items are looked at too, but only
    while one of them still reaches ``offset`` (the largest end so far is indexed once).
    """
    if len(items) <= 8:  # a short tuple is scanned as it is (no index needed)
        for item in reversed(items):
            if item.start <= offset < item.end:
                return item
        return None
    idx = index()
    k = bisect.bisect_right(idx.starts, offset) - 1
    while k >= 0 and idx.reach[k] > offset:
        item = items[k]
        if item.start <= offset < item.end:
            return item
        k -= 1
    return None


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
