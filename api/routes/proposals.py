"""``/resolutions/{organ}/{number}/proposals``: the amendment proposals for a resolution compared.

Why a router of its own: the comparison (``graph.compare_proposals``) is one question with its own
models (:mod:`api.proposal_schemas`); the resolution routes stay as they are. It is registered
before them, so ``proposals`` is not read as the year of a version.

Computed by the query workers like every REST answer (sandboxed, with the REST timeout) and
cached per snapshot like the others (a rebuilt store gets a new snapshot and a new cache). An
unknown resolution is a 404 with "did you mean"; a malformed organ or number a 422 naming it.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from api.deps import AnswersDep
from api.errors import LOOKUP_RESPONSES
from api.proposal_schemas import ProposalComparison
from api.routes.resolutions import NUMBER_RE, ORGAN_RE
from graph import organ_code

__all__ = ["router"]

router = APIRouter(prefix="/resolutions", tags=["proposals"])


@router.get(
    "/{organ}/{number}/proposals",
    response_model=ProposalComparison,
    summary="Proposals compared",
    responses=LOOKUP_RESPONSES,
)
async def resolution_proposals(
    answers: AnswersDep,
    organ: Annotated[str, Path(pattern=ORGAN_RE, description="Organ code.", examples=["wtsa"])],
    number: Annotated[str, Path(pattern=NUMBER_RE, description="Number.", examples=["44"])],
) -> Response:
    """The proposals that target the resolution (proposer, reference, action) and the changes
    they make, each with the proposals that make it: which agree and which differ."""
    ident = f"{organ_code(organ).casefold()}/{number}"
    return await answers.json(("proposals", ident), "proposals", ident=ident)
