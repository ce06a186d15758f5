"""Pydantic response models of the REST API: the typed shape of every JSON answer.

Why pydantic here and dataclasses in graph/: the graph functions return frozen dataclasses
(``graph.results``) that the CLI and the notebooks share; at the HTTP boundary FastAPI needs
pydantic models to validate answers and to write a complete, typed ``/openapi.json``. Each model
mirrors one result dataclass field by field (same names, same meaning) and is filled from its
``to_dict()``; a test fails if the two drift apart.

Example:
    >>> Health(ok=True, generation="g1", store="data/store", triples=3).triples
    3
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "AssignmentHit",
    "AssignmentResults",
    "CitationEdge",
    "CitationPath",
    "CitationUpdate",
    "ConferenceInfo",
    "DependencyGraph",
    "ErrorBody",
    "GraphStats",
    "Health",
    "ItemChange",
    "Lineage",
    "LineageStep",
    "NodeInfo",
    "OutdatedCitation",
    "OutdatedList",
    "RankedResolution",
    "ResolutionDetail",
    "ResolutionSummary",
    "SearchPage",
    "SectionSummary",
    "SparqlExample",
    "VersionInfo",
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ErrorBody(_Model):
    """The one error shape of the API."""

    ok: Literal[False] = False
    error: str = Field(description="What went wrong, for a person.")
    status: int = Field(description="The HTTP status, repeated.")
    code: str = Field(description="A stable machine-readable code, e.g. 'not_found'.")
    did_you_mean: list[str] | None = Field(None, description="Close identifiers, for a 404.")
    detail: list[dict[str, str]] | None = Field(None, description="Per-parameter problems.")


class Health(_Model):
    """Liveness and what is being served."""

    ok: bool
    generation: str = Field(description="Identifies the build being served; changes on swap.")
    store: str = Field(description="Where the served store lives.")
    triples: int = Field(description="Quads in the served store.")


class VersionInfo(_Model):
    """One version of a resolution: as adopted or revised at one conference."""

    id: str = Field(examples=["wtsa/44/2022"])
    organ: str = Field(examples=["WTSA"])
    number: str = Field(examples=["44"])
    year: int | None = None
    conference: str | None = Field(None, examples=["wtsa-2022"])
    conference_label: str | None = Field(None, examples=["WTSA-20"])
    has_text: bool = Field(description="False for a stub: cited or named, never loaded.")
    status: str | None = Field(None, description="New, Rev, NOC or Sup at that conference.")
    title: str | None = None
    iri: str | None = None


class CitationUpdate(_Model):
    """A cited work whose cited version changed between two versions (one change, not two)."""

    work: str = Field(examples=["pp/123"])
    before: str = Field(examples=["pp/123/2014"])
    after: str = Field(examples=["pp/123/2018"])


class ItemChange(_Model):
    """One numbered item (section + paragraph label) of two versions, compared by its text."""

    item: str = Field(examples=["resolves 2"])
    section: str = Field(description="The heading line of the item's section.")
    label: str = Field(examples=["2", "b)"], description="Empty: the section's whole text.")
    change: Literal["unchanged", "modified", "added", "removed"]
    before: str | None = Field(None, description="The old text (modified, removed).")
    after: str | None = Field(None, description="The new text (unchanged, modified, added).")
    diff: str | None = Field(
        None,
        examples=["to hold workshops [+and training sessions+] in the regions;"],
        description="Word-level diff of a modified item: [-removed-] [+added+].",
    )


class LineageStep(_Model):
    """What changed between two consecutive versions that both have text."""

    before: str
    after: str
    citations_added: list[str] = Field(description="Works cited only after (updates excluded).")
    citations_removed: list[str] = Field(description="Works cited only before (updates excluded).")
    citations_kept: list[str]
    assignments_added: list[str]
    assignments_removed: list[str]
    assignments_kept: list[str]
    citations_updated: list[CitationUpdate] = Field(
        default_factory=list, description="Same work cited, another version."
    )
    items: list[ItemChange] = Field(
        default_factory=list, description="Numbered items compared by number and text."
    )


class Lineage(_Model):
    """All versions of a resolution in conference order, with diffs between texted neighbours."""

    resolution: str = Field(examples=["wtsa/44"])
    organ: str
    number: str
    title: str | None = None
    versions: list[VersionInfo]
    steps: list[LineageStep]


class NodeInfo(_Model):
    """A resolution or version reached by a dependency walk, with its distance from the root."""

    id: str
    organ: str
    number: str
    year: int | None = None
    has_text: bool
    depth: int
    title: str | None = None


class CitationEdge(_Model):
    """One citation: ``source`` cites ``target``, where and in which document it was read."""

    source: str
    target: str
    section: str | None = None
    paragraph: str | None = None
    document: str | None = None
    surface: str | None = None
    depth: int = 1
    source_view: str | None = Field(
        None,
        description="The source view at the characters this was read from (null: no document).",
        examples=["/documents/3f2a0c9d1b7e4a65#c-1148-1176"],
    )


class DependencyGraph(_Model):
    """Citations around a root: ``out`` = what it cites, ``in`` = what cites it (impact)."""

    root: str
    direction: Literal["out", "in"]
    depth: int
    nodes: list[NodeInfo]
    edges: list[CitationEdge]


class CitationPath(_Model):
    """A shortest chain of citations from ``source`` to ``target``."""

    source: str
    target: str
    nodes: list[str]
    edges: list[CitationEdge]


class RankedResolution(_Model):
    """A resolution with its citation in-degree and PageRank."""

    id: str
    organ: str
    number: str
    in_degree: int = Field(description="Distinct resolutions (works) citing it.")
    pagerank: float
    title: str | None = None
    citations: int = Field(0, description="Citation mentions pointing at it.")


class AssignmentHit(_Model):
    """One operative clause giving work: who must do it, with whom, in which resolution."""

    resolution: str
    organ: str
    number: str
    conference: str | None = None
    verb: str
    addressees: list[str]
    collaborators: list[str]
    surface: str
    section: str | None = None
    paragraph: str | None = None
    document: str | None = None
    source: str | None = None
    matched: list[str] = Field(default_factory=list)
    proposal: str | None = Field(None, description="The proposal the clause belongs to.")
    mentions: int = Field(1, description="Times the document states this clause so.")
    source_view: str | None = Field(
        None,
        description="The source view at the characters this was read from (null: no document).",
        examples=["/documents/3f2a0c9d1b7e4a65#c-1148-1176"],
    )


class AssignmentResults(_Model):
    """The hits of an assignments query and the resolutions they belong to."""

    hits: list[AssignmentHit]
    resolutions: list[str]


class OutdatedCitation(_Model):
    """A citation of an older version than the latest one known at the citing version's date."""

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
    proposal: str | None = Field(None, description="The proposal the citation belongs to.")
    latest_conference: str | None = Field(None, examples=["pp-2018"])
    mentions: int = Field(1, description="Times the paragraph cites the version so.")
    source_view: str | None = Field(
        None,
        description="The source view at the characters this was read from (null: no document).",
        examples=["/documents/3f2a0c9d1b7e4a65#c-1148-1176"],
    )


class OutdatedList(_Model):
    """The outdated citations, with their count."""

    total: int
    items: list[OutdatedCitation]


class ResolutionSummary(_Model):
    """A search hit: a resolution (the work) with its latest known version."""

    id: str = Field(examples=["wtsa/44"])
    organ: str
    number: str
    title: str | None = None
    titles: dict[str, str] = Field(description="Titles by language tag.")
    latest_version: str | None = None
    latest_year: int | None = None
    versions: int
    has_text: bool
    no_version_known: bool = Field(
        False, description="Known only from citations naming no conference: no version."
    )


class SearchPage(_Model):
    """One page of search results; ``total`` counts every match."""

    total: int
    limit: int
    offset: int
    items: list[ResolutionSummary]


class SectionSummary(_Model):
    """A section of the latest text: its heading word, kind and what it holds."""

    name: str
    kind: str | None = None
    citations: int
    assignments: int


class ResolutionDetail(_Model):
    """A resolution: the work, its versions, its latest text's structure and its neighbours."""

    summary: ResolutionSummary
    versions: list[VersionInfo]
    sections: list[SectionSummary]
    cites: list[str]
    cited_by: list[str]
    documents: list[str]
    note: str | None = Field(None, description="Why the lists are empty, e.g. no version known.")


class ConferenceInfo(_Model):
    """A conference and how many versions in the store it adopted."""

    id: str = Field(examples=["wtsa-2022"])
    organ: str
    venue: str | None = None
    year: int
    label: str | None = None
    versions: int


class GraphStats(_Model):
    """Counts over the store, plus the most cited resolutions."""

    triples: int
    resolutions: int
    versions: int
    versions_with_text: int
    citations: int
    assignments: int
    documents: int
    conferences: int
    most_cited: list[RankedResolution]
    most_cited_by: str = Field("", description="The definition of the ranking.")


class SparqlExample(_Model):
    """A query of the example library (``graph/queries/examples/*.rq``)."""

    name: str
    title: str
    description: str
    query: str
