"""Evaluate one SPARQL query against a pyoxigraph store, within a deadline and a result-size cap.

Why rows are pulled one by one: pyoxigraph evaluates lazily and releases the GIL while it works,
so reading the solution iterator in a worker thread lets us check the deadline and the cap between
rows and stop early, instead of materialising a million rows and only then noticing. The rows kept
are re-serialised by pyoxigraph itself (through its TSV parser, which is lossless for terms), so
every output format comes from one well-tested serializer whether or not the result was cut.

What the timeout guarantees (see also :mod:`api.sparql.runner`): evaluation stops at the first row
boundary after the deadline. A single step that produces no row for a long time (a big ORDER BY,
GROUP BY or join before its first solution) cannot be interrupted from Python; the client still
gets its timeout answer on time, and the runner bounds how many such evaluations may linger.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from api.sparql.guard import drop_dataset_clauses
from api.sparql.negotiate import choose
from api.sparql.syntax import one_line_syntax_error
from graph import PREFIXES, Store

__all__ = [
    "DEFAULT_PREFIXES",
    "GRAPH_FORMATS",
    "RESULT_FORMATS",
    "SparqlAnswer",
    "SparqlFailure",
    "SparqlRequest",
    "evaluate",
]

# Media types answered for SELECT/ASK, in order of preference (the first answers */*).
RESULT_FORMATS: Mapping[str, QueryResultsFormat] = MappingProxyType(
    {
        "application/sparql-results+json": QueryResultsFormat.JSON,
        "application/json": QueryResultsFormat.JSON,
        "application/sparql-results+xml": QueryResultsFormat.XML,
        "application/xml": QueryResultsFormat.XML,
        "text/xml": QueryResultsFormat.XML,
        "text/csv": QueryResultsFormat.CSV,
        "text/tab-separated-values": QueryResultsFormat.TSV,
    }
)
# Media types answered for CONSTRUCT/DESCRIBE, in order of preference.
GRAPH_FORMATS: Mapping[str, RdfFormat] = MappingProxyType(
    {
        "text/turtle": RdfFormat.TURTLE,
        "application/n-triples": RdfFormat.N_TRIPLES,
        "application/ld+json": RdfFormat.JSON_LD,
        "application/rdf+xml": RdfFormat.RDF_XML,
        "application/x-turtle": RdfFormat.TURTLE,
        "text/plain": RdfFormat.N_TRIPLES,
    }
)
# Prefixes written in Turtle answers (the namespaces of ontology/resgraph.ttl and what it reuses).
DEFAULT_PREFIXES: Mapping[str, str] = PREFIXES
TRUNCATION_MARK = "urn:resgraph:truncated"
log = logging.getLogger("resgraph.api.sparql")
_CHECK_EVERY = 64


class SparqlFailure(Exception):
    """A query that cannot be answered as asked; carries the HTTP status and a stable code.

    Example:
        >>> SparqlFailure(400, "malformed_query", "bad").status
        400
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class SparqlRequest:
    """A query as received through the SPARQL 1.1 Protocol.

    Attributes:
        query: the query text.
        default_graphs: ``default-graph-uri`` values (empty: the store's default).
        named_graphs: ``named-graph-uri`` values (empty: every named graph).
        accept: the ``Accept`` header.
        formats: media types asked for by ``format``/``output``/``results`` parameters
            (:func:`api.sparql.formats.format_preferences`); the first one that fits the query's
            form wins over ``accept``, the others are ignored.
    """

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    accept: str | None = None
    formats: tuple[str, ...] = ()


@dataclass(frozen=True)
class SparqlAnswer:
    """A serialised answer: body, media type, whether the cap cut it, and the rows it holds.

    ``dataset`` says which dataset answered — ``union`` (no dataset given: the union of every
    graph), ``query`` (the query's ``FROM``/``FROM NAMED``) or ``protocol`` (the
    ``default-graph-uri``/``named-graph-uri`` parameters); ``query_dataset`` whether the query
    text names a dataset (the server remembers it with the checked text).
    """

    body: bytes
    media_type: str
    form: str
    rows: int
    truncated: bool
    seconds: float
    dataset: str = "union"
    query_dataset: bool = False


def _graph_terms(iris: Sequence[str], what: str) -> list[NamedNode]:
    terms = []
    for iri in iris:
        try:
            terms.append(NamedNode(iri))
        except ValueError as exc:
            raise SparqlFailure(
                400, "bad_graph_iri", f"{what} {iri!r} is not an IRI: {exc}"
            ) from exc
    return terms


def _negotiate(request: SparqlRequest, offers: Mapping[str, object], form: str) -> str:
    media = next((m for m in request.formats if m in offers), None)
    if media is not None:
        return media
    accept = request.accept
    media = choose(accept, list(offers))
    if media is None:
        raise SparqlFailure(
            406,
            "not_acceptable",
            f"cannot answer a {form} query as {accept!r}; acceptable: {', '.join(offers)}",
        )
    return media


def _check(deadline: float, cancel: threading.Event, timeout: float) -> None:
    if cancel.is_set() or time.monotonic() > deadline:
        raise SparqlFailure(
            503,
            "query_timeout",
            f"query did not finish within {timeout:g} s; narrow it (a LIMIT, more specific "
            "patterns) and try again",
        )


def _too_big(media: str, cap: int) -> SparqlFailure:
    return SparqlFailure(
        422,
        "result_too_large",
        f"the result has more than {cap} rows and {media} cannot carry a truncation mark; add "
        f"LIMIT {cap} to the query, or ask for JSON, XML, Turtle or N-Triples, which say "
        "explicitly when a result was cut",
    )


def _solutions(
    results: QuerySolutions, media: str, cap: int, check: _Checker
) -> tuple[bytes, int, bool]:
    variables = results.variables
    lines = ["\t".join(str(v) for v in variables)]
    truncated = False
    for n, row in enumerate(results):
        if n % _CHECK_EVERY == 0:
            check()
        if n >= cap:
            truncated = True
            break
        lines.append("\t".join("" if row[v] is None else str(row[v]) for v in variables))
    rows = len(lines) - 1
    fmt = RESULT_FORMATS[media]
    if truncated and fmt in (QueryResultsFormat.CSV, QueryResultsFormat.TSV):
        raise _too_big(media, cap)
    kept = parse_query_results("\n".join(lines) + "\n", QueryResultsFormat.TSV)
    body = kept.serialize(format=fmt) or b""
    if truncated and fmt == QueryResultsFormat.JSON:
        body = b'{"truncated":true,"max_rows":%d,' % cap + body[1:]
    elif truncated:
        body = body.replace(b"</head>", f'<link href="{TRUNCATION_MARK}"/></head>'.encode(), 1)
    return body, rows, truncated


def _triples(
    results: QueryTriples, media: str, cap: int, check: _Checker, prefixes: Mapping[str, str]
) -> tuple[bytes, int, bool]:
    kept: list[Triple] = []
    truncated = False
    for n, triple in enumerate(results):
        if n % _CHECK_EVERY == 0:
            check()
        if n >= cap:
            truncated = True
            break
        kept.append(triple)
    fmt = GRAPH_FORMATS[media]
    if truncated and fmt in (RdfFormat.JSON_LD, RdfFormat.RDF_XML):
        raise _too_big(media, cap)
    body = serialize(kept, format=fmt, prefixes=dict(prefixes) if fmt == RdfFormat.TURTLE else None)
    if truncated:
        body = (
            f"# truncated: more than {cap} triples; only the first {cap} are given\n".encode()
            + (body or b"")
        )
    return body or b"", len(kept), truncated


class _Checker:
    """Deadline and cancellation check called between rows."""

    def __init__(self, deadline: float, cancel: threading.Event, timeout: float) -> None:
        self.deadline, self.cancel, self.timeout = deadline, cancel, timeout

    def __call__(self) -> None:
        _check(self.deadline, self.cancel, self.timeout)


def evaluate(
    store: Store,
    request: SparqlRequest,
    *,
    timeout: float,
    max_rows: int,
    cancel: threading.Event | None = None,
    union_default_graph: bool = True,
    prefixes: Mapping[str, str] | None = DEFAULT_PREFIXES,
    query_dataset: bool = False,
    base_iri: str | None = None,
) -> SparqlAnswer:
    """Run ``request`` on ``store`` and serialise the answer in the negotiated format.

    Meant to run in a worker thread (:class:`api.sparql.runner.SparqlRunner`); ``cancel`` lets the
    caller stop it at the next row boundary.

    Args:
        store: the store to query (read only here; embedded or on a SPARQL server, through
            :meth:`graph.Store.ox_query`).
        request: the query, its dataset and the client's Accept header.
        timeout: seconds before the evaluation gives up (checked between rows).
        max_rows: the result-size cap, in solutions or triples.
        cancel: an event the caller sets to abandon the evaluation.
        union_default_graph: when neither the protocol nor the query names a dataset, query
            the union of all graphs (the build keeps the facts in named graphs).
        prefixes: prefixes to use in Turtle output.
        query_dataset: the query text has ``FROM``/``FROM NAMED``
            (:func:`api.sparql.guard.examine_query`); it is then answered on that dataset
            unless the protocol parameters name one, which wins.
        base_iri: the base IRI relative IRIs in the query resolve against (None: the store's
            base, ``store.base``).

    Returns:
        The serialised :class:`SparqlAnswer`.

    Raises:
        SparqlFailure: malformed query (400), unacceptable Accept (406), result over the cap in
            a format that cannot say so (422), timeout (503).

    Example:
        >>> from pyoxigraph import Literal, Quad, Store
        >>> s = Store()
        >>> s.add(Quad(NamedNode("http://e/a"), NamedNode("http://e/p"), Literal("x")))
        >>> from graph import as_store
        >>> a = evaluate(as_store(s), SparqlRequest("SELECT ?o { ?s ?p ?o }", accept="text/csv"),
        ...              timeout=5, max_rows=10)
        >>> a.body, a.media_type, a.truncated
        (b'o\\r\\nx\\r\\n', 'text/csv', False)
    """
    failure: Exception | None = None
    try:
        dataset = _Dataset(union_default_graph, query_dataset, base_iri or store.base)
        return _evaluate(store, request, timeout, max_rows, cancel, dataset, prefixes)
    except SparqlFailure as exc:
        failure = SparqlFailure(exc.status, exc.code, exc.message)
    except Exception:
        log.exception("SPARQL evaluation failed")
        failure = RuntimeError("SPARQL evaluation failed; the server log has the details")
    # Raised here, outside the except blocks, so that the exception carries no traceback into
    # the frames above: those hold pyoxigraph result objects, which must be dropped in the
    # thread that made them ("unsendable"), not in the event loop that receives the error.
    raise failure


@dataclass(frozen=True)
class _Dataset:
    """How the dataset of a request is chosen: see :func:`evaluate`."""

    union: bool
    in_query: bool
    base_iri: str


def _dataset_arguments(
    request: SparqlRequest, dataset: _Dataset
) -> tuple[str, str, dict[str, Any]]:
    """Which dataset answers ``request``, the query text to send and the
    :meth:`graph.Store.ox_query` arguments for it.

    The SPARQL 1.1 Protocol's order: ``default-graph-uri``/``named-graph-uri`` replace the whole
    dataset (one given without the other leaves the other empty; the query's own clauses are
    blanked out, since Virtuoso would merge them); else the query's ``FROM``/``FROM NAMED`` (a
    graph that does not exist is an empty graph; ``FROM NAMED`` alone leaves the default graph
    empty); else the union of every graph. pyoxigraph ignores the query's dataset when asked for
    the union, hence the check of the parsed query.
    """
    query = request.query
    if request.default_graphs or request.named_graphs:
        if dataset.in_query:
            query = drop_dataset_clauses(query)
        defaults = _graph_terms(request.default_graphs, "default-graph-uri")
        named = _graph_terms(request.named_graphs, "named-graph-uri")
        default_graph: list[NamedNode | BlankNode | DefaultGraph] = list(defaults)
        return (
            "protocol",
            query,
            {
                "use_default_graph_as_union": False,
                "default_graph": default_graph,
                "named_graphs": named,
            },
        )
    if dataset.in_query:
        return "query", query, {"use_default_graph_as_union": False}
    return "union", query, {"use_default_graph_as_union": dataset.union}


def _evaluate(
    store: Store,
    request: SparqlRequest,
    timeout: float,
    max_rows: int,
    cancel: threading.Event | None,
    dataset: _Dataset,
    prefixes: Mapping[str, str] | None,
) -> SparqlAnswer:
    started = time.monotonic()
    check = _Checker(started + timeout, cancel or threading.Event(), timeout)
    chosen, query, arguments = _dataset_arguments(request, dataset)
    try:
        results = store.ox_query(query, base_iri=dataset.base_iri, **arguments)
        if isinstance(results, QueryBoolean):
            media = _negotiate(request, RESULT_FORMATS, "ASK")
            body = results.serialize(format=RESULT_FORMATS[media]) or b""
            rows, truncated, form = 1, False, "ask"
        elif isinstance(results, QuerySolutions):
            media = _negotiate(request, RESULT_FORMATS, "SELECT")
            body, rows, truncated = _solutions(results, media, max_rows, check)
            form = "select"
        else:
            media = _negotiate(request, GRAPH_FORMATS, "CONSTRUCT/DESCRIBE")
            body, rows, truncated = _triples(results, media, max_rows, check, prefixes or {})
            form = "graph"
    except SyntaxError as exc:
        message = one_line_syntax_error(str(exc), request.query)
        raise SparqlFailure(400, "malformed_query", message) from exc
    except (OSError, RuntimeError) as exc:
        # The engine's own runtime errors (an unbound SERVICE name, a refused socket, a bad
        # regular expression...): the query's fault, never a 500. Only the first line of the
        # engine's message is kept, cut short, so nothing fetched from elsewhere is quoted.
        reason = (str(exc).splitlines() or [type(exc).__name__])[0][:200]
        raise SparqlFailure(
            400, "query_failed", f"the query could not be evaluated: {reason}"
        ) from exc
    seconds = time.monotonic() - started
    return SparqlAnswer(body, media, form, rows, truncated, seconds, chosen, dataset.in_query)
