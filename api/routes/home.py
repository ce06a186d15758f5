"""``/``: the landing page — search, what the graph holds, the most cited, where to go next.

Why it only reuses REST answers: the figures are ``/stats``'s and the hits ``/resolutions``'s,
computed by the same worker tasks under the same cache keys, so the page never disagrees with
the API and a second visit costs a cache lookup. Its JSON twin (``Accept: application/json`` or
``?format=json``, announced by ``Link: rel=alternate``) carries the same facts.

The search box takes what an analyst types: title words in any loaded language (``gap``,
``normalisation``), a number (``44``), or an organ and a number (``WTSA 44``, ``wtsa/44``,
``PP Res. 123``); number hits come first, then title hits.
"""

from __future__ import annotations

import json
import re
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from api.deps import AnswersDep
from api.errors import error_responses
from api.twins import JSON, page_media, twin_headers, twin_responses
from graph import organ_code

__all__ = ["number_query", "router"]

router = APIRouter(tags=["service"])

#: What the landing page shows of ``/stats``: the most cited resolutions, this many.
TOP = 10
#: Hits per search on the page (the REST route pages further).
HITS = 20
LINKS = {
    "network": "/viz",
    "sparql": "/sparql",
    "docs": "/docs",
    "redoc": "/redoc",
    "search_api": "/resolutions",
    "stats_api": "/stats",
}
_NUMBER = re.compile(r"^[0-9][0-9A-Za-z.\-]{0,15}$")
_NOISE = {"res", "res.", "resolution", "rec", "rec.", "no", "no.", "nr", "n°"}


def number_query(text: str) -> tuple[str | None, str] | None:
    """``(organ code or None, number)`` when ``text`` names a resolution number, else None.

    Example:
        >>> number_query("WTSA Res. 44"), number_query("pp/123"), number_query("44")
        (('WTSA', '44'), ('PP', '123'), (None, '44'))
        >>> number_query("standardization gap") is None
        True
    """
    words = [w for w in re.split(r"[\s/]+", text.strip()) if w and w.casefold() not in _NOISE]
    if not words or not _NUMBER.match(words[-1]) or len(words) > 2:
        return None
    if len(words) == 1:
        return None, words[0]
    try:
        return organ_code(words[0]), words[1]
    except ValueError:
        return None


async def _search(answers: AnswersDep, q: str) -> list[dict[str, Any]]:
    """Number hits, then title hits, each resolution once (REST's ``search`` task and keys)."""
    asked: list[tuple[str | None, str | None, str | None]] = []  # (q, organ, number)
    numbered = number_query(q)
    if numbered is not None:
        asked.append((None, *numbered))
    asked.append((q, None, None))
    hits: dict[str, dict[str, Any]] = {}
    for words, organ, number in asked:
        key = ("search", words, organ, None, number, HITS, 0)
        args = {"q": words, "organ": organ, "conference": None, "number": number}
        page = _body(await answers.json(key, "search", **args, limit=HITS, offset=0))
        for hit in page["items"]:
            hits.setdefault(hit["id"], hit)
    return list(hits.values())


def _body(response: Response) -> Any:
    return json.loads(bytes(response.body))


@router.get(
    "/",
    summary="Landing page: search, corpus figures, most cited (HTML or JSON)",
    responses={
        **twin_responses("The landing page, or its facts as JSON."),
        **error_responses(406, 422, 503, json_ref=True),
    },
)
async def home(
    request: Request,
    answers: AnswersDep,
    q: Annotated[
        str | None,
        Query(max_length=200, description="Title words (any language) or a number: WTSA 44."),
    ] = None,
    format: Annotated[
        str | None, Query(pattern="^(html|json)$", description="Override Accept.")
    ] = None,
) -> Response:
    """What the graph holds and a search over it; HTML for browsers, JSON for programs."""
    media = page_media(request, format, "the landing page")
    stats = _body(await answers.json(("stats", TOP), "stats", top=TOP))
    query = (q or "").strip()
    hits = await _search(answers, query) if query else None
    facts = {
        "generation": answers.snapshot.generation,
        "figures": {k: v for k, v in stats.items() if k != "most_cited"},
        "most_cited": stats["most_cited"],
        "query": query or None,
        "results": hits,
        "links": LINKS,
    }
    twin = "/?" + urlencode({"format": "json", **({"q": query} if query else {})})
    headers = twin_headers("/", media)
    if media == JSON:
        return JSONResponse(facts, headers=headers)
    template = request.app.state.templates.get_template("home.html")
    return HTMLResponse(template.render(twin=twin, **facts), headers=headers)
