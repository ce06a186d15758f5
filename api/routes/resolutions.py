"""``/resolutions``: search, one resolution, its lineage, what it cites and what cites it.

Why only mapping here: every answer comes from a graph function (``graph.search_resolutions``,
``graph.lineage``, ``graph.dependencies``...) that the CLI and the notebooks share;
this router validates the parameters (a malformed one is a 422 naming it), names the computation
(:mod:`api.workers.tasks`) and serves the answer through the snapshot's cache and its query
workers (:class:`api.deps.Answers`: computed in a worker process under the REST timeout). An
unknown resolution is a 404 whose body carries "did you mean" suggestions.

Other instruments (decisions, recommendations, questions) are not resolutions: their shape is
``/id/decision/pp/12``. ``/resolutions/decision/pp/12`` (which the generic routes would read as
organ "decision", number "pp", year "12") answers a 404 ``not_a_resolution`` pointing there.
"""

from __future__ import annotations

import re
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import StringConstraints

from api.deps import AnswersDep
from api.errors import LOOKUP_RESPONSES, RESPONSES, ApiError
from api.schemas import DependencyGraph, Lineage, ResolutionDetail, SearchPage, VersionInfo
from extract import load_gazetteer
from graph import INSTRUMENT_KINDS, organ_code

__all__ = [
    "CONFERENCE_RE",
    "NUMBER_RE",
    "ORGAN_RE",
    "any_case_choice",
    "organ_alternation",
    "router",
]


def _any_case(word: str) -> str:
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


def any_case_choice(words: tuple[str, ...] | list[str]) -> str:
    """An anchored regular expression matching one of ``words`` in any letter case.

    Example:
        >>> any_case_choice(["BR", "SG"])
        '^(?:[Bb][Rr]|[Ss][Gg])$'
    """
    return "^(?:" + "|".join(_any_case(w) for w in words) + ")$"


def organ_alternation() -> str:
    """A regular expression (no anchors) matching exactly the organ codes ``organ_code`` takes,
    in any letter case: the OpenAPI document then says which organs are valid.

    Example:
        >>> import re
        >>> organs = organ_alternation()
        >>> bool(re.fullmatch(organs, "wTsA")), bool(re.fullmatch(organs, "xx"))
        (True, False)
    """
    codes = (*load_gazetteer().organs, "unknown")
    return "(?:" + "|".join(_any_case(code) for code in codes) + ")"


ORGAN_RE = f"^{organ_alternation()}$"
NUMBER_RE = r"^[0-9A-Za-z][0-9A-Za-z.\-]{0,15}$"
CONFERENCE_RE = r"^[A-Za-z]{2,10}-?[0-9]{2,4}$"

router = APIRouter(prefix="/resolutions", tags=["resolutions"])

Organ = Annotated[
    str,
    Path(
        pattern=ORGAN_RE,
        description="Organ code: pp, wtsa, wtdc, ra, wrc, council, ...",
        examples=["wtsa"],
    ),
]
Number = Annotated[str, Path(pattern=NUMBER_RE, description="Resolution number.", examples=["44"])]
Year = Annotated[
    int, Path(ge=1865, le=2100, description="Year of the adopting conference.", examples=[2022])
]
OrganFilter = Annotated[
    list[Annotated[str, StringConstraints(pattern=ORGAN_RE)]] | None,
    Query(alias="organ", description="Keep only nodes of these organs (repeatable)."),
]


def _short(organ: str, number: str, year: int | None = None) -> str:
    """The short id, with the organ checked (422 listing the valid organs when unknown)."""
    code = organ_code(organ).casefold()
    return f"{code}/{number}" + (f"/{year}" if year is not None else "")


def _organs(values: list[str] | None) -> tuple[str, ...] | None:
    if not values:
        return None
    return tuple(organ_code(v) for v in values)


def _not_a_resolution(kind: str) -> None:
    """Register ``/resolutions/<kind>/...`` before the generic routes: a clear 404 naming the
    ``/id/`` shape of that instrument instead of a 422 about organs or years."""

    async def other_instrument(organ: str, number: str, rest: str = "") -> Response:
        ident = f"{kind}/{organ}/{number}"
        tail = rest.split("/", 1)[0]
        if tail and tail not in {"lineage", "dependencies", "impact"}:
            ident += f"/{tail}"  # a question's sub-number (question/wtdc/3/2)
        raise ApiError(
            404,
            f"{ident} is a {kind}, not a resolution: /resolutions serves resolutions only; "
            f"its description is at /id/{ident}",
            code="not_a_resolution",
            suggestions=(f"/id/{ident}",),
        )

    for path in (f"/{kind}/{{organ}}/{{number}}", f"/{kind}/{{organ}}/{{number}}/{{rest:path}}"):
        router.add_api_route(
            path,
            other_instrument,
            methods=["GET"],
            summary=f"Not a resolution: a {kind}",
            responses=LOOKUP_RESPONSES,
            include_in_schema=path.endswith("{number}"),
        )


for _kind in INSTRUMENT_KINDS:
    if _kind != "resolution":
        _not_a_resolution(_kind)


@router.get("", response_model=SearchPage, summary="Search resolutions", responses=RESPONSES)
async def search(
    answers: AnswersDep,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Words of the title, any loaded language."),
    ] = None,
    organ: Annotated[str | None, Query(pattern=ORGAN_RE, examples=["wtsa"])] = None,
    conference: Annotated[str | None, Query(pattern=CONFERENCE_RE, examples=["wtsa-2022"])] = None,
    number: Annotated[str | None, Query(pattern=NUMBER_RE, examples=["44"])] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> Response:
    """Resolutions matching every filter given, with their latest version; paginated."""
    organ = organ_code(organ) if organ else None
    key = ("search", q, organ, conference, number, limit, offset)
    args = {"q": q, "organ": organ, "conference": conference, "number": number}
    return await answers.json(key, "search", **args, limit=limit, offset=offset)


@router.get(
    "/{organ}/{number}",
    response_model=ResolutionDetail,
    summary="One resolution",
    responses=LOOKUP_RESPONSES,
)
async def resolution(answers: AnswersDep, organ: Organ, number: Number) -> Response:
    """The work, its versions, the structure of its latest text, what it cites and who cites it."""
    code = organ_code(organ)
    return await answers.json(("resolution", code, number), "resolution", organ=code, number=number)


@router.get(
    "/{organ}/{number}/lineage",
    response_model=Lineage,
    summary="Versions and changes",
    responses=LOOKUP_RESPONSES,
)
async def resolution_lineage(answers: AnswersDep, organ: Organ, number: Number) -> Response:
    """Every version in conference order, with the citations and assignments each revision
    added, removed or kept, the citations it updated to another version of the same work (one
    change, not a removal plus an addition), and its numbered items compared by number and text
    (unchanged, modified with a word diff, added, removed) where both texts are stored."""
    ident = _short(organ, number)
    return await answers.json(("lineage", ident), "lineage", ident=ident)


@router.get(
    "/{organ}/{number}/dependencies",
    response_model=DependencyGraph,
    summary="What a resolution cites, transitively",
    responses=LOOKUP_RESPONSES,
)
async def resolution_dependencies(
    answers: AnswersDep,
    organ: Organ,
    number: Number,
    organs: OrganFilter = None,
    depth: Annotated[int, Query(ge=1, le=10)] = 1,
) -> Response:
    """The resolutions this one cites, up to ``depth`` citation hops."""
    return await _walk(answers, "out", _short(organ, number), depth, organs)


@router.get(
    "/{organ}/{number}/impact",
    response_model=DependencyGraph,
    summary="What cites a resolution, transitively",
    responses=LOOKUP_RESPONSES,
)
async def resolution_impact(
    answers: AnswersDep,
    organ: Organ,
    number: Number,
    organs: OrganFilter = None,
    depth: Annotated[int, Query(ge=1, le=10)] = 5,
) -> Response:
    """The resolutions that cite this one, up to ``depth`` hops back: what a revision affects."""
    return await _walk(answers, "in", _short(organ, number), depth, organs)


@router.get(
    "/{organ}/{number}/{year}",
    response_model=VersionInfo,
    summary="One version",
    responses=LOOKUP_RESPONSES,
)
async def version(answers: AnswersDep, organ: Organ, number: Number, year: Year) -> Response:
    """One version: the conference that adopted it, its status, whether its text is loaded."""
    ident = _short(organ, number, year)
    work = _short(organ, number)
    return await answers.json(("version", ident), "version", ident=ident, work=work)


@router.get(
    "/{organ}/{number}/{year}/dependencies",
    response_model=DependencyGraph,
    summary="What one version cites",
    responses=LOOKUP_RESPONSES,
)
async def version_dependencies(
    answers: AnswersDep,
    organ: Organ,
    number: Number,
    year: Year,
    organs: OrganFilter = None,
    depth: Annotated[int, Query(ge=1, le=10)] = 1,
) -> Response:
    """The versions and works this version cites, up to ``depth`` hops."""
    return await _walk(answers, "out", _short(organ, number, year), depth, organs)


@router.get(
    "/{organ}/{number}/{year}/impact",
    response_model=DependencyGraph,
    summary="What cites one version",
    responses=LOOKUP_RESPONSES,
)
async def version_impact(
    answers: AnswersDep,
    organ: Organ,
    number: Number,
    year: Year,
    organs: OrganFilter = None,
    depth: Annotated[int, Query(ge=1, le=10)] = 5,
) -> Response:
    """The texts that cite this version, up to ``depth`` hops back."""
    return await _walk(answers, "in", _short(organ, number, year), depth, organs)


async def _walk(
    answers: AnswersDep, direction: str, ident: str, depth: int, organs: list[str] | None
) -> Response:
    wanted = _organs(organs)
    if depth < 1:
        raise ApiError(422, "depth must be at least 1")
    key = (direction, ident, depth, wanted)
    return await answers.json(
        key, "walk", direction=direction, ident=ident, depth=depth, organs=wanted
    )
