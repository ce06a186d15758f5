"""``/docs`` (Swagger UI) and ``/redoc``: the API documentation, served without any CDN.

Why not FastAPI's own pages: they load Swagger UI, ReDoc, a favicon and Google fonts from CDNs,
so on a machine without internet they stay blank (``SwaggerUIBundle is not defined``). The
assets come from the ``fastapi-offline`` package (maintained; it ships Swagger UI, ReDoc and a
favicon) and are served by :mod:`api.routes.assets` under :data:`ASSETS`; these routes render
FastAPI's own page builders pointed at them, Google fonts off.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse

__all__ = ["ASSETS", "router"]

router = APIRouter(include_in_schema=False)

#: Where the Swagger UI and ReDoc files are served (:mod:`api.routes.assets`).
ASSETS = "/static/docs"
OAUTH2_REDIRECT = "/docs/oauth2-redirect"


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
