"""Typed results of the graph queries (lineage, dependencies, assignments, outdated, search).

Why frozen dataclasses: the same values are printed by the CLI, serialised by the API and read in
notebooks; they are facts read from the store, never edited. Every result has ``to_dict()`` giving
plain JSON types (tuples become lists, nested results become dicts), so ``--json`` output and API
responses share one shape. Identifiers are the short forms of DESIGN.md (``wtsa/44`` for a
resolution, ``wtsa/44/2022`` for one version, ``wtsa-2022`` for a conference).

The lineage's results live in :mod:`graph.lineage_results` and the shared ``to_dict`` in
:mod:`graph.result_base`; this module re-exports them, so every result is importable from here.

Example:
    >>> v = VersionInfo(id="wtsa/44/2022", organ="WTSA", number="44", year=2022,
    ...                 conference="wtsa-2022", conference_label="WTSA-20", has_text=True)
    >>> v.to_dict()["conference_label"]
    'WTSA-20'
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from graph.lineage_results import CitationUpdate, ItemChange, Lineage, LineageStep, VersionInfo
from graph.result_base import _Result as _Result

__all__ = [
    "AssignmentHit",
    "AssignmentResults",
    "CitationEdge",
    "CitationPath",
    "CitationUpdate",
    "ConferenceInfo",
    "Cycle",
    "DependencyGraph",
    "GraphStats",
    "ItemChange",
    "Lineage",
    "LineageStep",
    "NodeInfo",
    "OutdatedCitation",
    "RankedResolution",
    "ResolutionDetail",
    "ResolutionNotFound",
    "ResolutionSummary",
    "SearchPage",
    "SectionSummary",
    "SparqlTable",
    "VersionInfo",
]


class ResolutionNotFound(LookupError):
    """An identifier that names no resolution, version or conference in the store.

    ``suggestions`` holds close matches (short ids) for a "did you mean" message.

    Example:
        >>> str(ResolutionNotFound("wtsa/440", ("wtsa/44",)))
        "no resolution 'wtsa/440' in the store; did you mean: wtsa/44"
    """

    def __init__(self, ident: str, suggestions: tuple[str, ...] = ()) -> None:
        self.ident = ident
        self.suggestions = suggestions
        hint = f"; did you mean: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"no resolution {ident!r} in the store{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class NodeInfo(_Result):
    """A resolution or version reached by a dependency walk, with its distance from the root."""

    id: str
    organ: str
    number: str
    year: int | None
    has_text: bool
    depth: int
    title: str | None = None


@dataclass(frozen=True)
class CitationEdge(_Result):
    """One citation: ``source`` cites ``target``, where and in which document it was read.

    ``source_view`` links to the characters the citation was read from in the source view
    (``/documents/<key>#c-<start>-<end>``; None when the document is unknown).
    """

    source: str
    target: str
    section: str | None = None
    paragraph: str | None = None
    document: str | None = None
    surface: str | None = None
    depth: int = 1
    source_view: str | None = None


@dataclass(frozen=True)
class DependencyGraph(_Result):
    """A DAG (or tree) of citations around a root: ``out`` = what it cites, ``in`` = its impact."""

    root: str
    direction: Literal["out", "in"]
    depth: int
    nodes: tuple[NodeInfo, ...]
    edges: tuple[CitationEdge, ...]

    def ids(self) -> set[str]:
        """The ids of every node reached (the root excluded)."""
        return {n.id for n in self.nodes if n.id != self.root}


@dataclass(frozen=True)
class CitationPath(_Result):
    """A shortest chain of citations from ``source`` to ``target`` (resolution level)."""

    source: str
    target: str
    nodes: tuple[str, ...]
    edges: tuple[CitationEdge, ...]


@dataclass(frozen=True)
class Cycle(_Result):
    """Resolutions citing each other in a ring (``nodes[0]`` cites ``nodes[1]`` ... cites 0)."""

    nodes: tuple[str, ...]


@dataclass(frozen=True)
class RankedResolution(_Result):
    """A resolution ranked by :func:`graph.most_cited`: ``in_degree`` counts the distinct
    resolutions (works) citing it, ``citations`` the citation mentions pointing at it (a text
    citing it five times counts five), ``pagerank`` its rank in the work-level network."""

    id: str
    organ: str
    number: str
    in_degree: int
    pagerank: float
    title: str | None = None
    citations: int = 0


@dataclass(frozen=True)
class AssignmentHit(_Result):
    """One operative clause giving work: who is told to do it, with whom, in which resolution.

    ``matched`` says why it answered the query (``addressee``, ``collaborator``, ``text``).
    ``proposal``, ``document``, ``section`` and ``paragraph`` tell apart clauses that read the
    same (side-by-side proposals in one document, or the same text in two documents); a clause
    the same document states several times in the same words is one hit, ``mentions`` says how
    many times.
    """

    resolution: str
    organ: str
    number: str
    conference: str | None
    verb: str
    addressees: tuple[str, ...]
    collaborators: tuple[str, ...]
    surface: str
    section: str | None = None
    paragraph: str | None = None
    document: str | None = None
    source: str | None = None
    matched: tuple[str, ...] = ()
    proposal: str | None = None
    mentions: int = 1
    source_view: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class AssignmentResults(_Result):
    """The hits of an assignments query and the resolutions they belong to (sorted, unique)."""

    hits: tuple[AssignmentHit, ...]
    resolutions: tuple[str, ...]

    def numbers(self) -> set[str]:
        """Resolution numbers answered (e.g. the rows of a hand-made "relevant to ITU-D" table)."""
        return {h.number for h in self.hits}


@dataclass(frozen=True)
class OutdatedCitation(_Result):
    """A citation of an older version than the latest *revision* adopted before the citing text.

    ``latest_conference`` is the conference of that revision (``pp-2018``); ``proposal``,
    ``document``, ``section`` and ``paragraph`` tell apart citations that read the same; one
    paragraph citing the version twice in the same words is one row (``mentions``: 2).
    ``source_view`` links to the citation in the source view (``/documents/<key>#c-<start>-<end>``,
    the first of its mentions); it does not tell rows apart.
    """

    citing: str
    citing_year: int
    cited: str
    cited_year: int
    latest: str
    latest_year: int
    surface: str | None = None
    section: str | None = None
    paragraph: str | None = None
    document: str | None = None
    proposal: str | None = None
    latest_conference: str | None = None
    mentions: int = 1
    source_view: str | None = field(default=None, compare=False)


@dataclass(frozen=True)
class ResolutionSummary(_Result):
    """A search hit: one resolution (the work) with its latest known version.

    ``no_version_known`` is True for a work the graph knows only because texts cite it without
    naming a conference (``council/1353``): it is listed and described, with no version.
    """

    id: str
    organ: str
    number: str
    title: str | None
    titles: dict[str, str]
    latest_version: str | None
    latest_year: int | None
    versions: int
    has_text: bool
    no_version_known: bool = False


@dataclass(frozen=True)
class SearchPage(_Result):
    """One page of search results; ``total`` counts every match, not just this page."""

    total: int
    limit: int
    offset: int
    items: tuple[ResolutionSummary, ...]


@dataclass(frozen=True)
class SectionSummary(_Result):
    """A section of the latest text: its heading word, kind and what it holds."""

    name: str
    kind: str | None
    citations: int
    assignments: int


@dataclass(frozen=True)
class ResolutionDetail(_Result):
    """A resolution for the REST API: the work, its versions, its latest text's structure.

    ``cites`` and ``cited_by`` are the works of :func:`graph.citation_links` (the same lists the
    ``/id/`` page and ``resgraph deps``/``impact --depth 1`` show); ``note`` says why a list is
    empty when the graph holds no version of the resolution.
    """

    summary: ResolutionSummary
    versions: tuple[VersionInfo, ...]
    sections: tuple[SectionSummary, ...]
    cites: tuple[str, ...]
    cited_by: tuple[str, ...]
    documents: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True)
class ConferenceInfo(_Result):
    """A conference and how many versions in the store it adopted."""

    id: str
    organ: str
    venue: str | None
    year: int
    label: str | None
    versions: int


@dataclass(frozen=True)
class GraphStats(_Result):
    """Counts over the store, plus the most cited resolutions."""

    triples: int
    resolutions: int
    versions: int
    versions_with_text: int
    citations: int
    assignments: int
    documents: int
    conferences: int
    most_cited: tuple[RankedResolution, ...]
    most_cited_by: str = ""


@dataclass(frozen=True)
class SparqlTable(_Result):
    """A SELECT result as plain strings: column names and rows (``None`` for unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
