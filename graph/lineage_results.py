"""Typed results of the lineage question: a resolution's versions and what changed between them.

Why apart from :mod:`graph.results`: the lineage (:func:`graph.queries.lineage.lineage`) is one
question with its own five shapes (the versions, the steps between them, the citations each step
updated and the operative items it changed); :mod:`graph.results` re-exports them, so
``from graph.results import Lineage`` keeps working.

Example:
    >>> v = VersionInfo(id="wtsa/44/2022", organ="WTSA", number="44", year=2022,
    ...                 conference="wtsa-2022", conference_label="WTSA-20", has_text=True)
    >>> v.to_dict()["conference_label"]
    'WTSA-20'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from graph.result_base import _Result

__all__ = ["CitationUpdate", "ItemChange", "Lineage", "LineageStep", "VersionInfo"]


@dataclass(frozen=True)
class VersionInfo(_Result):
    """One version of a resolution: as adopted or revised at one conference.

    ``has_text`` is False for a stub (a version known only because something cites it or a history
    line names it).
    """

    id: str
    organ: str
    number: str
    year: int | None
    conference: str | None
    conference_label: str | None
    has_text: bool
    status: str | None = None
    title: str | None = None
    iri: str | None = None


@dataclass(frozen=True)
class CitationUpdate(_Result):
    """One cited work whose cited version changed between two versions of a resolution.

    Why one change and not a removal plus an addition: "Resolution 123 (Rev. Busan, 2014)" ->
    "(Rev. Dubai, 2018)" is the routine update every assembly makes; read as two changes it
    hides the citations that really came or went.

    Example:
        >>> CitationUpdate(work="pp/123", before="pp/123/2014", after="pp/123/2018").to_dict()
        {'work': 'pp/123', 'before': 'pp/123/2014', 'after': 'pp/123/2018'}
    """

    work: str
    before: str
    after: str


@dataclass(frozen=True)
class ItemChange(_Result):
    """One numbered item (section + paragraph label) of two versions, compared by its text.

    ``item`` is what a reader calls it (``"resolves 2"``, ``"considering b)"``); ``section`` is the
    heading line of its section (``"instructs the Director of ..."``), ``label`` its number
    (empty for a section without numbered paragraphs: its whole text is the item). ``change`` is
    ``unchanged``, ``modified``, ``added`` or ``removed``; ``diff`` is a short word-level diff of a
    modified item (``to hold workshops [+and training sessions+] in the regions``). ``before``
    is the old text (modified, removed), ``after`` the new one (unchanged, modified, added).
    """

    item: str
    section: str
    label: str
    change: Literal["unchanged", "modified", "added", "removed"]
    before: str | None = None
    after: str | None = None
    diff: str | None = None


@dataclass(frozen=True)
class LineageStep(_Result):
    """What changed between two consecutive versions that both have text.

    Citations are short ids of what is cited (``pp/123/2018``); assignments are readable keys
    ``"instructs TSB (with BDT)"`` so that the same clause in two versions compares equal.
    A work cited in both versions under another version is one ``citations_updated`` entry and is
    in neither ``citations_added`` nor ``citations_removed`` (those hold works cited in one
    version only). ``items`` compares the numbered items of the two stored texts by number and
    text (empty when a text is not stored).
    """

    before: str
    after: str
    citations_added: tuple[str, ...]
    citations_removed: tuple[str, ...]
    citations_kept: tuple[str, ...]
    assignments_added: tuple[str, ...]
    assignments_removed: tuple[str, ...]
    assignments_kept: tuple[str, ...]
    citations_updated: tuple[CitationUpdate, ...] = ()
    items: tuple[ItemChange, ...] = ()


@dataclass(frozen=True)
class Lineage(_Result):
    """All versions of one resolution in conference order, with diffs between texted neighbours."""

    resolution: str
    organ: str
    number: str
    title: str | None
    versions: tuple[VersionInfo, ...]
    steps: tuple[LineageStep, ...]
