"""One error shape for the whole API: ``{"ok": false, "error": "...", "status": 404, ...}``.

Why one handler module: clients (and the HTML pages) should never have to guess how a failure
looks, and a server must never leak a stack trace. Every failure path ends here: our own
:class:`ApiError`, the graph's ``ResolutionNotFound`` (404 with "did you mean"), ``ValueError``
from a graph function (422, its message lists the valid options), FastAPI's request validation
(422 naming the bad parameter), Starlette's HTTP errors (unknown route, wrong method) and, last,
anything unexpected (500 with a generic message; the traceback goes to the log only).

Example:
    >>> error_body(404, "no resolution 'wtsa/440'", code="not_found")
    {'ok': False, 'error': "no resolution 'wtsa/440'", 'status': 404, 'code': 'not_found'}
"""

from __future__ import annotations

import logging
import re
from types import MappingProxyType
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.schemas import ErrorBody
from api.sparql.execute import SparqlFailure
from api.sparql.guard import QueryRefused
from api.workers.pool import WorkerFailure
from graph import ResolutionNotFound

__all__ = [
    "LOOKUP_RESPONSES",
    "RESPONSES",
    "ApiError",
    "choice_pattern",
    "error_body",
    "error_response",
    "error_responses",
    "install_error_handlers",
]

log = logging.getLogger("resgraph.api")

_PHRASES = MappingProxyType(
    {
        400: "bad_request",
        403: "forbidden",
        404: "not_found",
        405: "method_not_allowed",
        406: "not_acceptable",
        408: "request_timeout",
        413: "too_large",
        415: "unsupported_media_type",
        422: "invalid_parameter",
        500: "internal_error",
        503: "unavailable",
    }
)


_META = re.compile(r"[.^$*+?()\[\]{}|\\]")  # escaped the same way in Python and ECMA-262
_MEANINGS = MappingProxyType(
    {
        400: "Malformed request.",
        403: "Refused: the endpoint is read-only and local.",
        404: "Not found (an unknown resolution carries did_you_mean).",
        406: "No acceptable format for this request.",
        408: "The request body did not arrive in time.",
        413: "Request body or query text too long.",
        415: "Unsupported request content type.",
        422: "A parameter is invalid; detail names it and what is valid.",
        503: "A limit was hit: busy workers (Retry-After), a timeout, or the memory cap.",
    }
)


def choice_pattern(choices: tuple[str, ...] | list[str]) -> str:
    """A regular expression matching exactly one of ``choices`` (an enum a query parameter can
    carry as ``pattern``, so the OpenAPI document lists what is valid).

    Example:
        >>> choice_pattern(["json", "text/csv"])
        '^(?:json|text/csv)$'
    """
    return "^(?:" + "|".join(_META.sub(r"\\\g<0>", c) for c in choices) + ")$"


def error_responses(
    *statuses: int, json_ref: bool = False, **descriptions: str
) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for error statuses, each with the canonical body as its schema.

    Why: a route's documented statuses must be every status it can answer, each with its real
    body (the contract schemathesis checks). ``descriptions`` (``s404="..."``) override the
    default meanings. ``json_ref`` is for routes whose success is not JSON (an HTML page):
    FastAPI would document the error bodies under the page's media type, so they are written
    out as ``application/json`` with a reference to the schema.

    Example:
        >>> sorted(error_responses(404, 503))
        [404, 503]
    """
    out: dict[int | str, dict[str, Any]] = {}
    for status in statuses:
        text = descriptions.get(f"s{status}", _MEANINGS.get(status, "Error."))
        if json_ref:
            schema = {"$ref": "#/components/schemas/ErrorBody"}
            out[status] = {"description": text, "content": {"application/json": {"schema": schema}}}
        else:
            out[status] = {"model": ErrorBody, "description": text}
    return out


#: What every REST JSON route may answer besides 200.
RESPONSES = error_responses(422, 503)
#: The same, for routes that look one thing up.
LOOKUP_RESPONSES = error_responses(404, 422, 503)


class ApiError(Exception):
    """A failure to report to the client with a given status and a stable machine code.

    Args:
        status: HTTP status.
        message: one sentence for a person, naming what was wrong and what is valid.
        code: a stable identifier for programs (defaults from the status).
        suggestions: close identifiers for a "did you mean".
        headers: extra response headers (``Retry-After``...).

    Example:
        >>> ApiError(422, "depth must be 1..10").code
        'invalid_parameter'
    """

    def __init__(
        self,
        status: int,
        message: str,
        *,
        code: str | None = None,
        suggestions: tuple[str, ...] | list[str] = (),
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code or _PHRASES.get(status, "error")
        self.suggestions = tuple(suggestions)
        self.headers = headers or {}


def error_body(
    status: int,
    message: str,
    *,
    code: str | None = None,
    suggestions: tuple[str, ...] | list[str] = (),
    detail: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """The canonical error body (a test pins this shape)."""
    body: dict[str, Any] = {
        "ok": False,
        "error": message,
        "status": status,
        "code": code or _PHRASES.get(status, "error"),
    }
    if suggestions:
        body["did_you_mean"] = list(suggestions)
    if detail:
        body["detail"] = detail
    return body


def error_response(error: ApiError) -> JSONResponse:
    """Render an :class:`ApiError` as the canonical JSON response.

    Example:
        >>> error_response(ApiError(404, "no resolution 'wtsa/440'")).status_code
        404
    """
    return JSONResponse(
        error_body(error.status, error.message, code=error.code, suggestions=error.suggestions),
        status_code=error.status,
        headers=error.headers,
    )


def _validation_detail(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    detail = []
    for err in exc.errors():
        loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body", "header")]
        detail.append({"parameter": ".".join(loc) or "request", "problem": str(err.get("msg"))})
    first = detail[0] if detail else {"parameter": "request", "problem": "invalid"}
    message = f"invalid parameter {first['parameter']!r}: {first['problem']}"
    return message, detail


def _allowed_methods(request: Request) -> list[str]:
    """Every method some route of the app answers on this request's path."""
    from starlette.routing import Match

    methods: set[str] = set()
    scope = {**request.scope, "method": "GET"}
    for route in request.app.router.routes:
        match, _ = route.matches(scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return sorted(methods)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn every failure into the canonical body.

    Example:
        >>> app = FastAPI()
        >>> install_error_handlers(app)
        >>> ApiError in app.exception_handlers
        True
    """

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc)

    @app.exception_handler(ResolutionNotFound)
    async def _not_found(request: Request, exc: ResolutionNotFound) -> JSONResponse:
        return error_response(ApiError(404, str(exc), suggestions=exc.suggestions))

    @app.exception_handler(SparqlFailure)
    async def _sparql(request: Request, exc: SparqlFailure) -> JSONResponse:
        headers = {"Retry-After": "1"} if exc.code == "busy" else None
        return error_response(ApiError(exc.status, exc.message, code=exc.code, headers=headers))

    @app.exception_handler(WorkerFailure)
    async def _worker(request: Request, exc: WorkerFailure) -> JSONResponse:
        f = exc.failure
        headers = {"Retry-After": "1"} if f.code in ("busy", "unavailable") else None
        error = ApiError(
            f.status, f.message, code=f.code, suggestions=f.suggestions, headers=headers
        )
        return error_response(error)

    @app.exception_handler(QueryRefused)
    async def _refused(request: Request, exc: QueryRefused) -> JSONResponse:
        return error_response(ApiError(exc.status, exc.message, code=exc.code))

    @app.exception_handler(ValueError)
    async def _bad_value(request: Request, exc: ValueError) -> JSONResponse:
        return error_response(ApiError(422, str(exc)))

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        message, detail = _validation_detail(exc)
        return JSONResponse(error_body(422, message, detail=detail), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path!r}; the API is described at /docs"
        if exc.status_code == 405:  # one route per method: Allow must name them all
            headers["Allow"] = ", ".join(_allowed_methods(request))
            message = f"method {request.method} not allowed; allowed: {headers['Allow']}"
        return JSONResponse(
            error_body(exc.status_code, message), status_code=exc.status_code, headers=headers
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse(
            error_body(500, "internal error; the server log has the details"), status_code=500
        )
