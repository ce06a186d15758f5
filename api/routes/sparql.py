"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint over the served store.

Why a router of its own: it is the "mounted, read-only router with Accept negotiation" of the
house style — nothing else in the API parses protocol requests. It takes queries by GET
(``?query=``), by POST form (``query=``) and by POST ``application/sparql-query``; answers SELECT
and ASK as SPARQL JSON, XML, CSV or TSV and CONSTRUCT/DESCRIBE as Turtle, N-Triples, JSON-LD or
RDF/XML by the ``Accept`` header, or by the ``format``/``output``/``results`` parameters clients
send (:mod:`api.sparql.formats`: a value that fits the query's form wins, any other is ignored,
never refused); answers on the dataset the protocol parameters (``default-graph-uri``,
``named-graph-uri``) or else the query (``FROM``, ``FROM NAMED``) name, or else the union of every
graph, with the graph's base IRI for relative IRIs (docs/sparql.md); refuses updates, LOAD and
SERVICE (403) on the parsed query (:mod:`api.sparql.guard`); evaluates in an isolated worker
process (:mod:`api.workers`) under the timeout, the memory cap and the result cap of the settings,
marking a cut result with ``X-Resgraph-Truncated`` and a field in the body. A POST body is read
in chunks and refused (413) as soon as it passes the cap, and must arrive within the body
timeout (408). A GET without a query shows the query page to a browser (``text/html`` asked
for) and the service description to anyone else (RDF clients, ``*/*``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Annotated
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from api.deps import AnswersDep, SettingsDep, SnapshotDep
from api.errors import ApiError, error_responses
from api.schemas import SparqlExample
from api.settings import Settings
from api.sparql.description import DESCRIPTION_FORMATS, service_description
from api.sparql.execute import GRAPH_FORMATS, RESULT_FORMATS, SparqlRequest
from api.sparql.formats import FORMAT_NAMES, FORMAT_PARAMETERS, format_preferences
from api.sparql.guard import precheck
from api.sparql.negotiate import choose
from graph import id_iri, load_examples

__all__ = ["router"]

router = APIRouter(prefix="/sparql", tags=["sparql"])

_CONTENT: dict[str, dict[str, object]] = {m: {} for m in (*RESULT_FORMATS, *GRAPH_FORMATS)}
_PAGE_CONTENT: dict[str, dict[str, object]] = {
    "text/html": {},
    **{m: {} for m in DESCRIPTION_FORMATS},
}
_ERRORS = error_responses(
    400,
    403,
    406,
    413,
    422,
    503,
    s400="Malformed query (or too deep, or with codepoint escapes) or parameters.",
    s403="Update, LOAD or SERVICE: refused, the endpoint is read-only and local.",
    s413="Query text or request body too long.",
    s422="A result over the cap in a format that cannot mark truncation.",
    s503="Timeout, memory cap, aborted evaluation, or every worker busy (Retry-After).",
)
_GET_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {
        "description": "The query result in the negotiated format; without a query, the query "
        "page (HTML) or the service description (RDF).",
        "content": {**_CONTENT, **_PAGE_CONTENT},
    },
    **_ERRORS,
}
_POST_RESPONSES: dict[int | str, dict[str, object]] = {
    200: {"description": "The query result in the negotiated format.", "content": _CONTENT},
    **_ERRORS,
    **error_responses(408, 415),
}
_FORM = "application/x-www-form-urlencoded"


def _format_values(*sources: Mapping[str, list[str]]) -> list[str]:
    """Every ``format``/``output``/``results`` value of ``sources``, in order."""
    return [v for source in sources for name in FORMAT_PARAMETERS for v in source.get(name, [])]


def _url_params(request: Request) -> dict[str, list[str]]:
    params = request.query_params
    return {name: params.getlist(name) for name in params}


async def _answer(
    query: str,
    defaults: list[str],
    named: list[str],
    request: Request,
    formats: list[str],
    answers: AnswersDep,
    settings: Settings,
) -> Response:
    if len(query) > settings.sparql_max_query_chars:
        raise ApiError(
            413,
            f"query is {len(query)} characters long; the limit is "
            f"{settings.sparql_max_query_chars}",
            code="query_too_long",
        )
    if not query.strip():
        raise ApiError(400, "empty query: send a SPARQL query in the 'query' parameter")
    precheck(query, settings.sparql_max_depth)
    sparql = SparqlRequest(
        query,
        tuple(defaults),
        tuple(named),
        request.headers.get("accept"),
        format_preferences(formats),
    )
    answer = await answers.engine.sparql_answer(sparql)
    headers = {
        "Vary": "Accept",
        "X-Resgraph-Rows": str(answer.rows),
        "X-Resgraph-Dataset": answer.dataset,
        "X-Resgraph-Generation": answers.snapshot.generation,
    }
    if answer.truncated:
        headers["X-Resgraph-Truncated"] = f"true; max-rows={settings.sparql_max_rows}"
    return Response(answer.body, media_type=answer.media_type, headers=headers)


async def _read_body(request: Request, limit: int, seconds: float) -> bytes:
    """The request body, read in chunks: 413 as soon as it passes ``limit`` bytes (nothing more
    is read or kept), 408 when it has not all arrived within ``seconds``. Both answers close the
    connection, so the rest of an oversized body is never read."""
    close = {"Connection": "close"}
    declared = request.headers.get("content-length", "")
    too_big = ApiError(
        413, f"request body over {limit} bytes", code="query_too_long", headers=close
    )
    if declared.isdigit() and int(declared) > limit:
        raise too_big
    chunks: list[bytes] = []
    size = 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    raise too_big
                chunks.append(chunk)
    except TimeoutError:
        raise ApiError(
            408, f"the request body did not arrive within {seconds:g} s", headers=close
        ) from None
    return b"".join(chunks)


def _no_query(request: Request, snapshot: SnapshotDep, settings: Settings) -> Response:
    asked = format_preferences(_format_values(_url_params(request)))
    media = next((m for m in asked if m in DESCRIPTION_FORMATS), None)
    if media is None:  # RDF first, so that */* (curl, RDF libraries) gets the description
        media = choose(request.headers.get("accept"), [*DESCRIPTION_FORMATS, "text/html"])
    if media == "text/html":
        return _page(request)
    if media is None:
        raise ApiError(
            400,
            "missing 'query' parameter; send a SPARQL query, or ask for text/html (the query "
            "page) or an RDF type (the service description)",
        )
    endpoint = str(request.url.replace(query=""))
    body = service_description(
        snapshot.store,
        endpoint,
        media,
        timeout=settings.sparql_timeout,
        max_rows=settings.sparql_max_rows,
        base_iri=snapshot.store.base,
    )
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def _page(request: Request) -> HTMLResponse:
    template = request.app.state.templates.get_template("sparql.html")
    settings = getattr(request.app.state, "settings", None) or Settings()
    # IRIs under <base>id/ in the results link to this server's /id/ pages (YASGUI, sparql.html)
    page = template.render(examples=load_examples(), id_base=str(id_iri("", settings.base_iri)))
    return HTMLResponse(page, headers={"Vary": "Accept"})


@router.get("", responses=_GET_RESPONSES, summary="SPARQL query (GET)")
async def sparql_get(
    request: Request,
    snapshot: SnapshotDep,
    settings: SettingsDep,
    answers: AnswersDep,
    query: Annotated[str | None, Query(description="The SPARQL query.")] = None,
    default_graph_uri: Annotated[list[str], Query(alias="default-graph-uri")] = [],  # noqa: B006
    named_graph_uri: Annotated[list[str], Query(alias="named-graph-uri")] = [],  # noqa: B006
    format: Annotated[
        str | None,
        Query(
            description=f"Override Accept when it fits the query's form: "
            f"{', '.join(FORMAT_NAMES)} or a media type (also read from 'output' and "
            "'results'; a value that does not fit is ignored in favour of Accept)",
        ),
    ] = None,
) -> Response:
    """Run a query given as ``?query=``; with no query, the query page or service description."""
    if "update" in request.query_params:
        raise ApiError(403, "this SPARQL endpoint is read-only: updates are refused")
    if len(request.query_params.getlist("query")) > 1:
        raise ApiError(400, "more than one 'query' parameter")
    if query is None:
        return _no_query(request, snapshot, settings)
    formats = _format_values(_url_params(request))
    return await _answer(
        query, default_graph_uri, named_graph_uri, request, formats, answers, settings
    )


@router.post(
    "",
    responses=_POST_RESPONSES,
    summary="SPARQL query (POST form or application/sparql-query)",
    openapi_extra={
        "requestBody": {
            "content": {
                _FORM: {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "query": {"type": "string"},
                            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                            "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                        },
                        "required": ["query"],
                    }
                },
                "application/sparql-query": {"schema": {"type": "string"}},
            },
            "required": True,
        }
    },
)
async def sparql_post(request: Request, settings: SettingsDep, answers: AnswersDep) -> Response:
    """Run a query sent in the body, as a form field or as ``application/sparql-query``."""
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/sparql-update":
        raise ApiError(403, "this SPARQL endpoint is read-only: updates are refused")
    limit = settings.sparql_max_query_chars * 4 + 4096
    raw = await _read_body(request, limit, settings.body_timeout)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"request body is not UTF-8: {exc}") from exc
    url_params = request.query_params
    formats = _format_values(_url_params(request))
    if content_type == _FORM:
        form = parse_qs(text, keep_blank_values=True)
        if "update" in form:
            raise ApiError(403, "this SPARQL endpoint is read-only: updates are refused")
        queries = form.get("query", [])
        if len(queries) != 1:
            raise ApiError(400, "a form POST needs exactly one 'query' field")
        query = queries[0]
        defaults = form.get("default-graph-uri", []) + url_params.getlist("default-graph-uri")
        named = form.get("named-graph-uri", []) + url_params.getlist("named-graph-uri")
        formats = _format_values(form) + formats
    elif content_type == "application/sparql-query":
        query = text
        defaults = url_params.getlist("default-graph-uri")
        named = url_params.getlist("named-graph-uri")
    else:
        raise ApiError(
            415,
            f"unsupported content type {content_type or '(none)'!r}; send {_FORM} or "
            "application/sparql-query",
        )
    return await _answer(query, defaults, named, request, formats, answers, settings)


@router.get("/examples", response_model=list[SparqlExample], summary="The example queries")
async def sparql_examples() -> list[SparqlExample]:
    """The example query library (``graph/queries/examples/*.rq``), as on the query page."""
    return [SparqlExample(**vars(e)) for e in load_examples()]
