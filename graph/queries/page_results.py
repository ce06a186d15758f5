"""Typed results of the pages a person reads: the resolution page and the source view.

Why apart from ``graph.results``: these bundle the answers of several query functions (lineage,
citation links, outdated citations) with the places in the source texts they come from, for one
page; the REST routes keep their own, smaller results. Every place carries the key of its source
document and its offsets, so a page links each edge to the exact characters it was read from
(``/documents/{key}#c-{start}-{end}``).
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.results import LineageStep, OutdatedCitation, VersionInfo, _Result

__all__ = [
    "AssignmentPlace",
    "CitationPlace",
    "DocumentSource",
    "LinkedWork",
    "PageVersion",
    "ResolutionPage",
    "SourceMark",
    "SourcePlace",
    "TrackedEdit",
    "anchor",
]

#: The anchor prefix of each kind of mark in the source view.
ANCHOR_PREFIX = {"citation": "c", "heading": "h", "assignment": "a"}


def anchor(kind: str, start: int | None, end: int | None) -> str | None:
    """The fragment of a mark in the source view: ``c-1148-1176`` (None without offsets).

    Example:
        >>> anchor("citation", 1148, 1176), anchor("assignment", None, 3)
        ('c-1148-1176', None)
    """
    if start is None or end is None:
        return None
    return f"{ANCHOR_PREFIX[kind]}-{start}-{end}"


@dataclass(frozen=True)
class CitationPlace(_Result):
    """One citation mention: who cites (``citing``), what it names (``cited``, a version or a
    work), the words, where (section, paragraph, proposal) and the source text's key and offsets."""

    citing: str
    cited: str
    surface: str | None
    section: str | None
    paragraph: str | None
    proposal: str | None
    document: str | None
    file: str | None
    start: int | None
    end: int | None
    anchor: str | None
    outdated_by: str | None = None
    quote: str | None = None
    page: int | None = None
    element_path: str | None = None
    footnote: str | None = None


@dataclass(frozen=True)
class LinkedWork(_Result):
    """A work (or version) the resolution cites or is cited by, with every mention of the link."""

    id: str
    title: str | None
    places: tuple[CitationPlace, ...]


@dataclass(frozen=True)
class AssignmentPlace(_Result):
    """One assignment the resolution makes: verb, addressees, collaborators, clause, where."""

    resolution: str
    verb: str
    addressees: tuple[str, ...]
    collaborators: tuple[str, ...]
    surface: str | None
    clause: str | None
    section: str | None
    paragraph: str | None
    proposal: str | None
    document: str | None
    file: str | None
    start: int | None
    end: int | None
    anchor: str | None
    page: int | None = None
    element_path: str | None = None
    footnote: str | None = None


@dataclass(frozen=True)
class PageVersion(_Result):
    """A version in the timeline: what lineage says, the conferences that confirmed it (NOC) and
    the documents holding its text (keys of the source view)."""

    version: VersionInfo
    confirmed_at: tuple[str, ...]
    documents: tuple[str, ...]


@dataclass(frozen=True)
class ResolutionPage(_Result):
    """Everything the resolution page (or a version page, ``year`` set) shows.

    ``cites`` and ``cited_by`` list exactly the works of :func:`graph.citation_links` (the REST
    answer), each with the mentions behind it. ``proposals`` is left for the proposals module.
    """

    id: str
    organ: str
    number: str
    year: int | None
    title: str | None
    titles: dict[str, str]
    versions: tuple[PageVersion, ...]
    cites: tuple[LinkedWork, ...]
    cited_by: tuple[LinkedWork, ...]
    assignments: tuple[AssignmentPlace, ...]
    changes: tuple[LineageStep, ...]
    outdated: tuple[OutdatedCitation, ...]
    confirmed_at: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class SourceMark(_Result):
    """A highlighted span of the source view: a heading, citation or assignment mention, with
    where it starts in the original file when the loader knew it (PDF page, HTML element path,
    Word footnote)."""

    kind: str
    start: int
    end: int
    surface: str | None
    target: str | None
    verb: str | None
    section: str | None
    paragraph: str | None
    anchor: str
    page: int | None = None
    element_path: str | None = None
    footnote: str | None = None


@dataclass(frozen=True)
class SourcePlace(_Result):
    """A span of the loaded text and where it sits in the original file: a PDF page, an HTML
    element path or a Word footnote (one of them set). The source view marks where each starts."""

    start: int
    end: int
    page: int | None = None
    path: str | None = None
    footnote: str | None = None

    def label(self) -> str:
        """The short marker shown beside the text: ``p. 3``, the element path, ``fn. 2``.

        Example:
            >>> SourcePlace(0, 9, page=3).label(), SourcePlace(0, 9, path="#res44").label()
            ('p. 3', '#res44')
        """
        if self.page is not None:
            return f"p. {self.page}"
        if self.footnote is not None:
            return f"fn. {self.footnote}"
        return self.path or ""


@dataclass(frozen=True)
class TrackedEdit(_Result):
    """A Word revision mark: inserted text (``text == text[start:end]`` of the document) or
    deleted text (``start == end``, the point where it stood)."""

    kind: str
    start: int
    end: int
    text: str
    author: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class DocumentSource(_Result):
    """A source document as the source view shows it: its text, marks and tracked changes."""

    key: str
    iri: str
    name: str
    format: str | None
    lang: str | None
    text: str | None
    marks: tuple[SourceMark, ...]
    changes: tuple[TrackedEdit, ...]
    positions: tuple[SourcePlace, ...] = ()
