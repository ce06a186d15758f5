"""``/static/...``: the browser files the pages need, from a fixed list, never from a CDN.

Why a list and not a directory mount: the files are known in advance (Swagger UI, ReDoc and a
favicon from the ``fastapi-offline`` package; YASGUI vendored in ``api/static/yasgui``), so a
path is only ever a key of :data:`FILES` — nothing a client sends becomes a file name — and the
route is documented like any other (a 404 names the files there are). One file is changed on
the way: ReDoc's bundle asks Redocly's CDN for a sidebar logo, replaced by an empty inline image
so that no request leaves the server.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Annotated

from fastapi import APIRouter
from fastapi import Path as PathParam
from fastapi.responses import Response

from api.errors import ApiError, error_responses

__all__ = ["FILES", "PREFIX", "router"]

router = APIRouter(tags=["service"])

PREFIX = "/static"
MEDIA = MappingProxyType(
    {".js": "text/javascript", ".css": "text/css", ".png": "image/png", ".txt": "text/plain"}
)
#: The one remote file ReDoc's bundle asks for, and what it gets instead.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E"


def _package_dir(package: str, sub: str) -> Path:
    return Path(str(resources.files(package).joinpath(sub)))


def _files() -> Mapping[str, Path]:
    docs = _package_dir("fastapi_offline", "static")
    yasgui = _package_dir("api", "static/yasgui")
    names = {
        "docs": (docs, ("swagger-ui-bundle.js", "swagger-ui.css", "redoc.standalone.js",
                        "favicon.png")),
        "yasgui": (yasgui, ("yasgui.min.js", "yasgui.min.css", "LICENSE.txt")),
    }  # fmt: skip
    return MappingProxyType(
        {f"{key}/{name}": root / name for key, (root, files) in names.items() for name in files}
    )


#: URL path under ``/static/`` -> the file served there.
FILES = _files()


@functools.cache
def _content(path: str) -> bytes:
    data = FILES[path].read_bytes()
    if path == "docs/redoc.standalone.js":
        data = data.replace(REDOC_LOGO.encode(), EMPTY_SVG.encode())
    return data


@router.get(
    PREFIX + "/{path:path}",
    summary="Browser assets of the pages (Swagger UI, ReDoc, YASGUI)",
    response_class=Response,
    responses={
        200: {"content": {m: {} for m in MEDIA.values()}, "description": "The file."},
        **error_responses(404, s404="No such file; the error lists the files served."),
    },
)
async def asset(
    path: Annotated[str, PathParam(description="e.g. yasgui/yasgui.min.js")],
) -> Response:
    """One of the files listed in :data:`FILES`, cached by browsers for a day."""
    if path not in FILES:
        raise ApiError(404, f"no asset {path!r} under {PREFIX}/", suggestions=tuple(sorted(FILES)))
    media = MEDIA.get(FILES[path].suffix, "application/octet-stream")
    headers = {"Cache-Control": "public, max-age=86400"}
    return Response(_content(path), media_type=media, headers=headers)
