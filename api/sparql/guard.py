"""Keep the SPARQL endpoint read-only and local: refuse updates and federated ``SERVICE`` calls.

Why a guard before the engine: pyoxigraph's ``Store.query`` only runs queries, but its engine has
an HTTP client, so ``SERVICE <http://...>`` would make this server fetch from any address a caller
names; and an update sent to the query endpoint should get a clear "read-only" answer, not a parse
error. The guard blanks out comments, string literals and IRIs (where these words may appear
harmlessly), then looks for the keywords as bare words — not as ``?variables``, ``prefix:names``,
``_:labels`` or ``@lang`` tags. Codepoint escapes (``\\u0053ERVICE``) outside literals are refused
outright, since SPARQL allows them anywhere and they would hide a keyword.
"""

from __future__ import annotations

import re

__all__ = ["QueryRefused", "check_query"]

_LEXICAL = re.compile(
    r"""
      \#[^\n\r]*                                  # comment
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"         # long string "..."
    | '''(?:[^'\\]|\\.|'(?!''))*'''               # long string '...'
    | "(?:[^"\\\n\r]|\\.)*"                       # string
    | '(?:[^'\\\n\r]|\\.)*'                       # string
    | <[^<>"{}|^`\\\x00-\x20]*>                   # IRI reference
    """,
    re.VERBOSE | re.DOTALL,
)
_UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY")
_KEYWORD = re.compile(
    r"(?<![\w?$:@\-.])(" + "|".join((*_UPDATE_WORDS, "WITH", "SERVICE")) + r")(?![\w:\-])",
    re.IGNORECASE,
)


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


def check_query(query: str) -> None:
    """Raise :class:`QueryRefused` if ``query`` is an update, calls ``SERVICE`` or hides a keyword.

    Example:
        >>> check_query("SELECT ?service WHERE { ?s <http://x/SERVICE> 'DELETE' }  # LOAD")
        >>> def refusal(q):
        ...     try:
        ...         check_query(q)
        ...     except QueryRefused as exc:
        ...         return exc.status, exc.code
        >>> refusal("DELETE WHERE { ?s ?p ?o }")
        (403, 'update_refused')
        >>> refusal("SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
        (403, 'service_refused')
    """
    bare = _LEXICAL.sub(" ", query)
    if "\\" in bare:
        raise QueryRefused(
            400,
            "escape_outside_literal",
            "codepoint escapes (\\u...) are only accepted inside string literals and IRIs",
        )
    for match in _KEYWORD.finditer(bare):
        word = match.group(1).upper()
        if word == "SERVICE":
            raise QueryRefused(
                403,
                "service_refused",
                "SERVICE (federated query) is not allowed on this endpoint: it only answers "
                "from its own graph",
            )
        raise QueryRefused(
            403,
            "update_refused",
            f"this SPARQL endpoint is read-only: {word} (SPARQL Update) is not accepted; "
            "only SELECT, ASK, CONSTRUCT and DESCRIBE queries are answered",
        )
