"""Typed results of the proposal comparison (:func:`graph.queries.proposals.compare_proposals`).

Why a module of their own: ``graph/results.py`` holds the results of the other named queries;
the comparison of amendment proposals is one question with its own three shapes (the proposals,
the changes they make, the resolution they target), printed by ``resgraph proposals``, served by
``/resolutions/{organ}/{number}/proposals`` (``api/proposal_schemas.py`` mirrors them field for
field) and read in the lineage notebook. Frozen, like every result: facts read from the store.

Example:
    >>> c = ProposedChange(kind="citation_updated", summary="pp/123: 2014 -> 2018",
    ...     work="pp/123", from_version="pp/123/2014", to_version="pp/123/2018",
    ...     proposals=("p1", "p2"), mentions=3)
    >>> c.to_dict()["proposals"]
    ['p1', 'p2']
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

__all__ = ["ProposalComparison", "ProposalInfo", "ProposedChange"]


def _plain(value: Any) -> Any:
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


class _Plain:
    """``to_dict``: plain JSON types, field by field (tuples become lists)."""

    def to_dict(self) -> dict[str, Any]:
        """The JSON object of the result (the REST answer and ``--json`` print it)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True)
class ProposalInfo(_Plain):
    """One proposal for the resolution: who proposes, its reference and action, where it is.

    ``id`` is the proposal node's path under the base (``document/<key>/proposal/<start>-<end>``,
    served at ``/id/...``); ``label`` the key its document gives it (the side-by-side column,
    ``Proposal 2, AFCP/35A8/1 (ATU)``); ``name`` what a table shows (``ATU AFCP/35A8/1``).
    """

    id: str
    label: str
    name: str
    document: str
    proposer: str | None = None
    proposer_name: str | None = None
    proposer_kind: str | None = None
    reference: str | None = None
    action: str | None = None
    number: int | None = None
    contribution: str | None = None
    changes: int = 0


@dataclass(frozen=True)
class ProposedChange(_Plain):
    """One change, and which proposals make it (a row of the change x proposal matrix).

    Two proposals make *the same* change when kind and content agree: a citation of the same work
    updated from the same version to the same one (wherever it sits: paragraph letters differ
    between drafts), the same clause losing or gaining the same collaborators, the same paragraph
    text added or deleted. ``mentions`` counts the places over all those proposals (one proposal
    may update the same citation in three paragraphs); ``proposals`` are :attr:`ProposalInfo.id`.
    """

    kind: str
    summary: str
    proposals: tuple[str, ...]
    mentions: int = 1
    work: str | None = None
    from_version: str | None = None
    to_version: str | None = None
    section: str | None = None
    paragraph: str | None = None
    addressees: tuple[str, ...] = ()
    collaborators_before: tuple[str, ...] = ()
    collaborators_after: tuple[str, ...] = ()
    text_before: str | None = None
    text_after: str | None = None


@dataclass(frozen=True)
class ProposalComparison(_Plain):
    """The proposals for one resolution and the changes they make, shared or not.

    ``changes`` come most shared first (then by kind and work); ``notes`` say the same in words
    ("3 of 4 proposals update pp/123 from 2014 to 2018"; "only CITEL ...").
    """

    resolution: str
    proposals: tuple[ProposalInfo, ...]
    changes: tuple[ProposedChange, ...]
    notes: tuple[str, ...] = ()
