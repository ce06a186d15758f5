"""Response models of ``/resolutions/{organ}/{number}/proposals``: the proposal comparison.

Why a module of its own: they mirror :mod:`graph.proposal_results` field for field (same names,
same order, filled from ``to_dict()``) the way ``api/schemas.py`` mirrors ``graph/results.py``;
``tests/api/test_proposals_api.py`` fails if a field is added to one and not the other.

Example:
    >>> ProposalInfo(id="document/ab/proposal/1-9", label="A", name="A", document="a.txt").changes
    0
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["ProposalComparison", "ProposalInfo", "ProposedChange"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProposalInfo(_Model):
    """One proposal for the resolution."""

    id: str = Field(description="Path of the proposal node under /id/.")
    label: str = Field(description="The key its document gives it (side-by-side column).")
    name: str = Field(description="Proposer and reference, as a table shows them.")
    document: str = Field(description="File name of the document holding it.")
    proposer: str | None = Field(None, description="APT, ATU, CEPT, CITEL, RCC, ASMG, USA...")
    proposer_name: str | None = Field(None, description="The proposer's full name.")
    proposer_kind: str | None = Field(None, description="regional_group or member_state.")
    reference: str | None = Field(None, description="The proposal reference (AFCP/35A8/1).")
    action: str | None = Field(None, description="MOD, ADD, SUP or NOC.")
    number: int | None = Field(None, description="Its number in a side-by-side document.")
    contribution: str | None = Field(None, description="The contribution it comes from.")
    changes: int = Field(0, description="How many changes it makes.")


class ProposedChange(_Model):
    """One change and the proposals that make it (a row of the change x proposal matrix)."""

    kind: str = Field(description="citation_updated, citation_added, ..., paragraph_deleted.")
    summary: str = Field(description="What the change does, in a few words.")
    proposals: list[str] = Field(description="Ids of the proposals making it.")
    mentions: int = Field(1, description="Places it is made, over those proposals.")
    work: str | None = Field(None, description="The cited work (citation changes).")
    from_version: str | None = Field(None, description="The version cited before.")
    to_version: str | None = Field(None, description="The version cited after.")
    section: str | None = Field(None, description="Section where it was first read.")
    paragraph: str | None = Field(None, description="Paragraph where it was first read.")
    addressees: list[str] = Field(default_factory=list, description="Clause addressees.")
    collaborators_before: list[str] = Field(default_factory=list, description="Before.")
    collaborators_after: list[str] = Field(default_factory=list, description="After.")
    text_before: str | None = Field(None, description="Text before the change.")
    text_after: str | None = Field(None, description="Text after the change.")


class ProposalComparison(_Model):
    """The proposals for one resolution and the changes they make, shared or not."""

    resolution: str = Field(description="Short id of the resolution (wtsa/44).")
    proposals: list[ProposalInfo]
    changes: list[ProposedChange] = Field(description="Most shared first.")
    notes: list[str] = Field(default_factory=list, description="The comparison in words.")
