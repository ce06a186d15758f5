"""Keep the SPARQL endpoint read-only and local, deciding on the parsed query, never on words.

Why parsed: a regular expression over the text decides what a *word* is, and the engine's
parser decides otherwise — ``.SERVICE``, ``1SERVICE`` and ``.service`` were SERVICE calls to
Oxigraph and not words to the old guard. So the decision is taken on a parse tree, in two steps:

1. :func:`precheck`, in the server, on the raw text and in linear time: the nesting depth of
   ``{ ( [`` is bounded before any parser sees the text (Oxigraph's recursive parser overflows
   its stack on a few thousand nested braces), and codepoint escapes (``\\u0053``) are refused
   (rdflib expands them everywhere before parsing, Oxigraph only inside strings and IRIs, so they
   would let the two parsers read different queries).
2. :func:`inspect_query`, in the isolated query worker (:mod:`api.workers`): rdflib's SPARQL 1.1
   parser reads the query; a text that is not a query but parses as an update (``INSERT``,
   ``LOAD``, ``CLEAR``...) is refused as an update, one holding a ``SERVICE`` pattern anywhere in
   its tree (sub-queries, ``EXISTS``, ``OPTIONAL``...) as federated, and one that parses as
   neither is malformed. Only then does Oxigraph evaluate it.

The worker itself cannot open an IP socket (:mod:`api.workers.sandbox`), so even a query this
guard misjudged could not reach the network: the guard makes the refusal clear, the sandbox makes
it certain.

Example:
    >>> precheck("SELECT * WHERE { { ?s ?p ?o } }", max_depth=8)
    >>> inspect_query("ASK { ?s ?p ?o }")
    'ask'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from api.sparql.lexical import LEXICAL, blank_literals

__all__ = [
    "QueryRefused",
    "QueryShape",
    "drop_dataset_clauses",
    "examine_query",
    "inspect_query",
    "nesting_depth",
    "precheck",
]

_ESCAPE = re.compile(r"\\[uU]")
_OPENS = frozenset("{([")
_CLOSES = frozenset("})]")
_FORMS = {"SelectQuery": "select", "AskQuery": "ask", "ConstructQuery": "construct"}
_FORMS["DescribeQuery"] = "describe"
_UPDATE_NAMES = {
    "Load": "LOAD",
    "Clear": "CLEAR",
    "Drop": "DROP",
    "Create": "CREATE",
    "Add": "ADD",
    "Move": "MOVE",
    "Copy": "COPY",
    "InsertData": "INSERT DATA",
    "DeleteData": "DELETE DATA",
    "DeleteWhere": "DELETE WHERE",
    "Modify": "DELETE/INSERT",
}


class QueryRefused(Exception):
    """A query this endpoint will not run; ``status`` is the HTTP status to answer with.

    Example:
        >>> QueryRefused(403, "update", "read-only").status
        403
    """

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message


@dataclass(frozen=True)
class QueryShape:
    """What the parsed query says about itself that the evaluation needs.

    Attributes:
        form: ``select``, ``ask``, ``construct`` or ``describe``.
        has_dataset: the query names its own dataset (``FROM`` or ``FROM NAMED``), which then
            replaces the endpoint's default (the union of all graphs).
    """

    form: str
    has_dataset: bool = False


_FROM_KEYWORD = re.compile(r"(?i)(?<![\w?$:@.\-])FROM(?![\w:\-])")
_DATASET_CLAUSE = re.compile(r"(?i)FROM\s+(?:NAMED\s+)?(?:<[^<>\s]*>|[^\s{}<>()]+)")


def drop_dataset_clauses(query: str) -> str:
    """``query`` with its ``FROM``/``FROM NAMED`` clauses blanked out (same length and lines).

    Why: the SPARQL 1.1 Protocol's ``default-graph-uri``/``named-graph-uri`` replace the query's
    dataset, and some servers (Virtuoso) merge the two instead; sending the query without its
    clauses gives every backend the same dataset. Meant for a query the parser has accepted, in
    which the word ``FROM`` outside strings, IRIs and comments can only start a dataset clause.

    Example:
        >>> drop_dataset_clauses("SELECT ?from FROM <urn:g> FROM NAMED ex:h { ?s ?p 'FROM' }")
        "SELECT ?from                              { ?s ?p 'FROM' }"
    """
    blank = blank_literals(query)
    spans = []
    for keyword in _FROM_KEYWORD.finditer(blank):
        clause = _DATASET_CLAUSE.match(query, keyword.start())
        if clause is not None:
            spans.append(clause.span())
    for start, end in reversed(spans):
        query = query[:start] + " " * (end - start) + query[end:]
    return query


def nesting_depth(query: str) -> int:
    """An upper bound of the bracket nesting depth of ``query``, in one linear pass.

    Why an upper bound and not the depth: it must hold whatever the parser makes of an ambiguous
    text (``<`` opens an IRI or compares). So every opening bracket counts, even inside strings,
    comments and IRIs, while closing brackets count only outside them: a string of ``)))`` can
    never hide nesting, and a string of ``(((`` at worst makes a query look deeper than it is.

    Example:
        >>> nesting_depth("SELECT * { ?s ?p ?o FILTER((?o > 1)) }")
        3
        >>> nesting_depth('SELECT * { "}}}}" { { } } }')
        3
    """
    depth = best = 0
    position = 0
    for match in LEXICAL.finditer(query):
        depth, best = _count(query[position : match.start()], depth, best, closes=True)
        depth, best = _count(match.group(0), depth, best, closes=False)
        position = match.end()
    depth, best = _count(query[position:], depth, best, closes=True)
    return best


def _count(text: str, depth: int, best: int, *, closes: bool) -> tuple[int, int]:
    for ch in text:
        if ch in _OPENS:
            depth += 1
            best = max(best, depth)
        elif closes and ch in _CLOSES and depth > 0:
            depth -= 1
    return depth, best


def precheck(query: str, max_depth: int) -> None:
    """The checks the server makes before a worker parses ``query`` (linear in its length).

    Raises:
        QueryRefused: 400 ``query_too_deep`` when brackets nest deeper than ``max_depth``;
            400 ``escape_refused`` for a codepoint escape anywhere in the text.

    Example:
        >>> try:
        ...     precheck("SELECT * WHERE " + "{" * 100 + "}" * 100, max_depth=64)
        ... except QueryRefused as exc:
        ...     exc.code
        'query_too_deep'
    """
    depth = nesting_depth(query)
    if depth > max_depth:
        raise QueryRefused(
            400,
            "query_too_deep",
            f"brackets nest {depth} deep in this query; the limit is {max_depth}",
        )
    if _ESCAPE.search(query):
        raise QueryRefused(
            400,
            "escape_refused",
            "codepoint escapes (\\u..., \\U...) are not accepted: write the character itself "
            "(the query is UTF-8)",
        )


def inspect_query(query: str) -> str:
    """The form of ``query`` (see :func:`examine_query`), or refuse it.

    Example:
        >>> inspect_query("ASK FROM <urn:g> { ?s ?p ?o }")
        'ask'
    """
    return examine_query(query).form


def examine_query(query: str) -> QueryShape:
    """Parse ``query`` (rdflib, SPARQL 1.1) and return its shape, or refuse it.

    Meant to run in an isolated worker after :func:`precheck` (parsing is recursive; the worker
    gives it a deep stack).

    Returns:
        The form (``select``, ``ask``, ``construct`` or ``describe``) and whether the query
        names its own dataset (``FROM``/``FROM NAMED``).

    Raises:
        QueryRefused: 403 ``update_refused`` for an update (naming its operations), 403
            ``service_refused`` for a ``SERVICE`` pattern anywhere, 400 ``malformed_query``
            for a text that is neither a query nor an update.

    Example:
        >>> def refusal(q):
        ...     try:
        ...         inspect_query(q)
        ...     except QueryRefused as exc:
        ...         return exc.status, exc.code
        >>> refusal("SELECT * { BIND(1 AS ?x) .SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        (403, 'service_refused')
        >>> refusal("LOAD <http://127.0.0.1:9/data.ttl>")
        (403, 'update_refused')
        >>> examine_query("SELECT ?service WHERE { ?service <urn:SERVICE> 'LOAD' }")
        QueryShape(form='select', has_dataset=False)
        >>> examine_query("SELECT ?from FROM NAMED <urn:g> { GRAPH ?g { ?s ?p ?from } }")
        QueryShape(form='select', has_dataset=True)
    """
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.parser import Query, UpdateUnit

    try:
        tree = Query.parse_string(query, parse_all=True)
    except ParseBaseException as exc:
        operations = _update_operations(query, UpdateUnit)
        if operations:
            raise QueryRefused(
                403,
                "update_refused",
                f"this SPARQL endpoint is read-only: {', '.join(operations)} (SPARQL Update) "
                "is not accepted; only SELECT, ASK, CONSTRUCT and DESCRIBE queries are answered",
            ) from None
        from api.sparql.syntax import parse_error_line

        raise QueryRefused(
            400, "malformed_query", parse_error_line(exc.lineno, exc.col, exc.msg, query)
        ) from None
    form = "select"
    has_dataset = False
    for node in _nodes(tree):
        name = getattr(node, "name", None)
        if name == "ServiceGraphPattern":
            raise QueryRefused(
                403,
                "service_refused",
                "SERVICE (federated query) is not allowed on this endpoint: it only answers "
                "from its own graph",
            )
        if name in _FORMS:
            form = _FORMS[name]
            has_dataset = has_dataset or "datasetClause" in node
    return QueryShape(form, has_dataset)


def _update_operations(query: str, grammar: Any) -> list[str]:
    """The operations of ``query`` read as a SPARQL Update, or [] when it is not one."""
    from pyparsing import ParseBaseException

    try:
        unit = grammar.parse_string(query, parse_all=True)[0]
    except ParseBaseException:
        return []
    names = [
        _UPDATE_NAMES.get(getattr(op, "name", ""), "UPDATE") for op in unit.get("request") or []
    ]
    return list(dict.fromkeys(names)) or ["UPDATE"]


def _nodes(tree: Any) -> Iterator[Any]:
    """Every node of an rdflib parse tree (CompValue, ParseResults, lists), depth first."""
    stack = [tree]
    while stack:
        node = stack.pop()
        yield node
        if isinstance(node, str | bytes):
            continue
        if isinstance(node, dict):  # CompValue is an OrderedDict of its parts
            stack.extend(node.values())
        elif isinstance(node, list | tuple) or type(node).__name__ == "ParseResults":
            stack.extend(node)
