"""The records of the network page: what is asked (VizParams) and what is drawn (VizData).

Why separate records: the HTML page, its ``/viz.json`` twin and the ``resgraph viz`` export are
three views of one :class:`VizData`; building it once and serialising it three ways keeps the
counts in the page equal to the counts in the JSON (a browser test checks exactly that).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

__all__ = ["FocusNotFound", "VizData", "VizEdge", "VizNode", "VizParams", "strongest_kind"]

#: How an edge is drawn: by the strongest kind of the sections its citations sit in (the kind
#: is the extractor's, carried by the records and the graph: api/ does not read section names).
SectionKind = Literal["preambular", "operative", "other"]


class FocusNotFound(LookupError):
    """The focus of a view names no node of the citation network.

    ``suggestions`` holds ids of the same organ, for a "did you mean".

    Example:
        >>> str(FocusNotFound("wtsa/440", ("wtsa/44",)))
        "focus 'wtsa/440' is not in the citation network; ids of that organ include: wtsa/44"
    """

    def __init__(self, focus: str, suggestions: tuple[str, ...] = ()) -> None:
        self.focus = focus
        self.suggestions = suggestions
        hint = f"; ids of that organ include: {', '.join(suggestions)}" if suggestions else ""
        super().__init__(f"focus {focus!r} is not in the citation network{hint}")

    def __str__(self) -> str:
        return str(self.args[0])


def strongest_kind(kinds: Iterable[str | None]) -> SectionKind:
    """The drawing kind of an edge whose citations sit in sections of ``kinds``: operative if
    any is, else preambular if any is, else other (title, annex, summary, foreword...).

    Example:
        >>> strongest_kind(["preambular", "operative"]), strongest_kind(["annex", None])
        ('operative', 'other')
    """
    found = set(kinds)
    if "operative" in found:
        return "operative"
    return "preambular" if "preambular" in found else "other"


@dataclass(frozen=True)
class VizParams:
    """What the reader asked to see.

    Attributes:
        focus: short id (``wtsa/44`` or ``wtsa/44/2022``) whose ego network is shown.
        depth: how many citation steps out (dependencies) and in (impact) from the focus.
        organs: keep only nodes of these organs (``WTSA``, ``PP``...); empty keeps all.
        from_year: keep only nodes with a version adopted in or after this year.
        to_year: keep only nodes with a version adopted in or before this year.
        bureaux: keep only resolutions assigning work to one of these (``TSB``, ``BDT``, ``BR``).
        versions: one node per version instead of one per resolution.
        assignments: add the bureau layer (resolution -> bureau edges).
        max_nodes: cap of the view; the most cited nodes are kept and the page says so.
        lineage: short id of a resolution whose versions are laid out by year (overrides focus).

    Example:
        >>> VizParams(focus="wtsa/44", depth=2).depth
        2
    """

    focus: str | None = None
    depth: int = 1
    organs: tuple[str, ...] = ()
    from_year: int | None = None
    to_year: int | None = None
    bureaux: tuple[str, ...] = ()
    versions: bool = False
    assignments: bool = False
    max_nodes: int = 400
    lineage: str | None = None

    def __post_init__(self) -> None:
        if self.depth < 0 or self.depth > 10:
            raise ValueError(f"depth must be between 0 and 10, got {self.depth}")
        if self.max_nodes < 1:
            raise ValueError(f"max_nodes must be >= 1, got {self.max_nodes}")
        if self.from_year and self.to_year and self.from_year > self.to_year:
            raise ValueError(f"from_year {self.from_year} is after to_year {self.to_year}")


@dataclass(frozen=True)
class VizNode:
    """One drawn node: a resolution, a version, or a bureau of the assignment layer.

    ``cited`` counts citations received in the whole graph (not only the shown part), so a node's
    size does not change when a filter hides its citers. ``year`` is a version's year, or the
    latest of a work's versions; ``years`` are all of them (what the year filter reads).
    """

    id: str
    label: str
    kind: Literal["resolution", "version", "bureau"]
    organ: str
    number: str | None
    year: int | None
    has_text: bool
    cited: int
    title: str | None
    url: str | None
    bureaux: tuple[str, ...] = ()
    work: str | None = None
    years: tuple[int, ...] = ()
    x: float = 0.0
    y: float = 0.0


@dataclass(frozen=True)
class VizEdge:
    """One drawn edge: a citation (with where it was read) or an assignment of work.

    A citation edge stands for every citation from its source to its target (``count``); its
    ``section`` lists their sections, ``section_kind`` is the strongest (operative, else
    preambular), and ``quotes`` holds up to three "surface — document, section, paragraph" lines.
    """

    source: str
    target: str
    kind: Literal["citation", "assignment", "lineage"]
    section: str | None = None
    section_kind: SectionKind = "other"
    document: str | None = None
    paragraph: str | None = None
    surface: str | None = None
    count: int = 1
    collaborators: tuple[str, ...] = ()
    quotes: tuple[str, ...] = ()
    #: the source view of the quoted citations (``/documents/{key}#c-start-end``)
    sources: tuple[str, ...] = ()


@dataclass(frozen=True)
class VizData:
    """Everything the page draws, with the counts it must state.

    Attributes:
        nodes: the drawn nodes, with fixed positions.
        edges: the drawn edges (both ends among ``nodes``).
        total_nodes: nodes matching the filters before the cap.
        capped: True when ``total_nodes > len(nodes)`` (the page says so).
        view: ``network`` or ``lineage``.
        params: the request that produced it.
        organs: every organ present in the unfiltered graph (for the filter menu).
    """

    nodes: tuple[VizNode, ...]
    edges: tuple[VizEdge, ...]
    total_nodes: int
    capped: bool
    view: Literal["network", "lineage"]
    params: VizParams
    organs: tuple[str, ...] = field(default=())

    def to_dict(self) -> dict[str, Any]:
        """The JSON twin of the page: nodes, edges and counts.

        Example:
            >>> VizData((), (), 0, False, "network", VizParams()).to_dict()["counts"]
            {'nodes': 0, 'edges': 0, 'total_nodes': 0, 'capped': False}
        """
        return {
            "view": self.view,
            "params": asdict(self.params),
            "counts": {
                "nodes": len(self.nodes),
                "edges": len(self.edges),
                "total_nodes": self.total_nodes,
                "capped": self.capped,
            },
            "organs": list(self.organs),
            "nodes": [asdict(n) for n in self.nodes],
            "edges": [asdict(e) for e in self.edges],
        }
