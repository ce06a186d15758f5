"""Pages with a JSON twin: which of the two a request gets, and the headers that link them.

Why one place: the landing page and the source view answer the same question the same way
(``?format=html|json`` wins over ``Accept``; anything else is a 406; ``Vary: Accept``; a
``Link: rel=alternate`` to the other form), and a client should not meet two variants of it.
The ``/id/`` pages negotiate RDF formats too and keep their own table (``api.routes.ids``).

Example:
    >>> twin_headers("/documents/0123456789abcdef", "application/json")["Link"]
    '</documents/0123456789abcdef?format=html>; rel="alternate"; type="text/html"'
"""

from __future__ import annotations

from typing import Any

from fastapi import Request

from api.errors import ApiError
from api.sparql.negotiate import choose

__all__ = ["HTML", "JSON", "page_media", "twin_headers", "twin_responses"]

HTML, JSON = "text/html", "application/json"
_BY_FORMAT = {"html": HTML, "json": JSON}


def page_media(request: Request, format: str | None, what: str) -> str:
    """``text/html`` or ``application/json`` for this request, else a 406 naming ``what``."""
    media = _BY_FORMAT.get(format or "") or choose(request.headers.get("accept"), (HTML, JSON))
    if media is None:
        raise ApiError(406, f"{what} is available as text/html or application/json")
    return media


def twin_headers(here: str, media: str) -> dict[str, str]:
    """``Vary`` and the ``Link`` to the other form of the page at path ``here``."""
    other, kind = ("html", HTML) if media == JSON else ("json", JSON)
    return {"Vary": "Accept", "Link": f'<{here}?format={other}>; rel="alternate"; type="{kind}"'}


def twin_responses(description: str) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI 200 entry of a page served as HTML or as its JSON twin."""
    return {200: {"content": {HTML: {}, JSON: {}}, "description": description}}
