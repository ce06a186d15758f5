"""``/docs`` (Swagger UI) and ``/redoc``: the API documentation, served without any CDN.

Why not FastAPI's own pages: they load Swagger UI, ReDoc, a favicon and Google fonts from CDNs,
so on a machine without internet they stay blank (``SwaggerUIBundle is not defined``). The
assets come from the ``fastapi-offline`` package (maintained; it ships Swagger UI, ReDoc and a
favicon) and are mounted by :func:`mount_assets` at :data:`ASSETS`; these routes render FastAPI's
own page builders pointed at them, Google fonts off. One more outside request hides in ReDoc's
bundle (its sidebar's "API docs by Redocly" logo, fetched from Redocly's CDN); the bundle is
served through :func:`redoc_js` with that image replaced by an empty inline one.
"""

from __future__ import annotations

import functools
from importlib import resources
from pathlib import Path

from fastapi import APIRouter, FastAPI, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

__all__ = ["ASSETS", "mount_assets", "router"]

router = APIRouter(include_in_schema=False)

#: Where the Swagger UI and ReDoc files are served.
ASSETS = "/static/docs"
OAUTH2_REDIRECT = "/docs/oauth2-redirect"


def _assets_dir() -> Path:
    """The directory of the assets inside the installed ``fastapi_offline`` package."""
    return Path(str(resources.files("fastapi_offline").joinpath("static")))


def mount_assets(app: FastAPI) -> None:
    """Serve the packaged Swagger UI and ReDoc files under :data:`ASSETS` (before ``/static``)."""
    app.mount(ASSETS, StaticFiles(directory=_assets_dir()), name="docs-assets")


#: The one remote file ReDoc's bundle asks for, and what it gets instead.
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EMPTY_SVG = "data:image/svg+xml,%3Csvg xmlns=%27http://www.w3.org/2000/svg%27/%3E"


@functools.cache
def _redoc_bundle() -> bytes:
    text = (_assets_dir() / "redoc.standalone.js").read_text(encoding="utf-8")
    return text.replace(REDOC_LOGO, EMPTY_SVG).encode("utf-8")


@router.get(f"{ASSETS}/redoc.standalone.js")
async def redoc_js() -> Response:
    """ReDoc's bundle without its remote logo (this route is matched before the mount)."""
    return Response(_redoc_bundle(), media_type="text/javascript")


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", ""))


@router.get("/docs")
async def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI over ``/openapi.json``, every file from this server."""
    root = _root(request)
    return get_swagger_ui_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - Swagger UI",
        oauth2_redirect_url=f"{root}{OAUTH2_REDIRECT}",
        swagger_js_url=f"{root}{ASSETS}/swagger-ui-bundle.js",
        swagger_css_url=f"{root}{ASSETS}/swagger-ui.css",
        swagger_favicon_url=f"{root}{ASSETS}/favicon.png",
    )


@router.get(OAUTH2_REDIRECT)
async def swagger_ui_redirect() -> HTMLResponse:
    """Swagger UI's OAuth2 redirect page (part of the UI; the API itself needs no login)."""
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
async def redoc(request: Request) -> HTMLResponse:
    """ReDoc over ``/openapi.json``, every file from this server, no Google fonts."""
    root = _root(request)
    return get_redoc_html(
        openapi_url=f"{root}{request.app.openapi_url}",
        title=f"{request.app.title} - ReDoc",
        redoc_js_url=f"{root}{ASSETS}/redoc.standalone.js",
        redoc_favicon_url=f"{root}{ASSETS}/favicon.png",
        with_google_fonts=False,
    )
