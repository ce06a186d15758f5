"""The loaded document and its shape: text, tracked changes, positions in the original file, and
the segmentation into resolutions, sections and paragraphs.

Why apart from the records (:mod:`extract.models`): these types describe one document as the
extractor sees it, and records only point into it by offset; the record contract re-exports them,
so ``from extract.models import SourceDoc`` keeps working.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from itertools import accumulate
from typing import Any, Literal, get_args

from extract.fast_init import fast_frozen_init

__all__ = [
    "SECTION_KINDS",
    "DocumentStructure",
    "LangRun",
    "Location",
    "Paragraph",
    "ResolutionSegment",
    "Section",
    "SectionKind",
    "SourceDoc",
    "SourcePosition",
    "Status",
    "TrackedChange",
    "VersionRef",
]

#: What a section is for. The segmentation decides it once, from the heading word's row in
#: ``structure/patterns/sections.jsonl``; records carry it so that graph/ and api/ never guess it
#: again from the section's name (preambular text recalls, operative text acts).
SectionKind = Literal["preambular", "operative", "annex", "summary", "foreword", "body", "other"]
SECTION_KINDS: tuple[str, ...] = get_args(SectionKind)
Status = Literal["New", "Rev", "NOC", "Sup"]


@fast_frozen_init
@dataclass(frozen=True)
class VersionRef:
    """A (venue, year) pair naming one conference, e.g. Busan 2014."""

    venue: str
    year: int


@fast_frozen_init
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


@fast_frozen_init
@dataclass(frozen=True)
class Paragraph:
    """A numbered or lettered paragraph (``a)``, ``1``, ``iv)``, ``bc)``) inside a section."""

    label: str | None
    start: int
    end: int


@fast_frozen_init
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


@fast_frozen_init
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


@fast_frozen_init
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
        # indexes (bisect) for long tuples only: most are short, and this runs for every record
        items: tuple[Any, ...] = self.resolutions
        res: ResolutionSegment | None = (
            _innermost(items, self._resolution_index, offset)
            if len(items) > _SHORT
            else _scan(items, offset)
        )
        sec: Section | None = None
        if res is not None:
            items = res.sections
            sec = (
                _innermost(items, res.section_index, offset)
                if len(items) > _SHORT
                else _scan(items, offset)
            )
        if sec is None and self.sections:
            sec = _innermost(self.sections, self._section_index, offset)
        par: Paragraph | None = None
        if sec is not None:
            items = sec.paragraphs
            par = (
                _innermost(items, sec.paragraph_index, offset)
                if len(items) > _SHORT
                else _scan(items, offset)
            )
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
        self.reach: list[int] = list(accumulate((i.end for i in items), max))


#: Tuples this short are scanned from the end rather than bisected through an index.
_SHORT = 8


def _scan(items: tuple[Any, ...], offset: int) -> Any:
    """Last item whose [start, end) contains ``offset``, read from the end: a short tuple needs
    no index."""
    for item in reversed(items):
        if item.start <= offset < item.end:
            return item
    return None


def _innermost(items: tuple[Any, ...], idx: _Index, offset: int) -> Any:
    """Last item (by start) whose [start, end) contains offset; items are sorted by start.

    Items may overlap (side-by-side columns), so earlier items are looked at too, but only
    while one of them still reaches ``offset`` (the largest end so far is indexed once, in
    ``idx``). Short tuples are scanned as they are (:meth:`DocumentStructure.where`).
    """
    starts, reach = idx.starts, idx.reach
    k = bisect.bisect_right(starts, offset) - 1
    while k >= 0 and reach[k] > offset:
        item = items[k]
        if item.start <= offset < item.end:
            return item
        k -= 1
    return None
