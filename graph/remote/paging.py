"""Paging a SELECT through a server's result cap with standard SPARQL 1.1 solution modifiers.

Why: a SPARQL server may cut an answer at a configured size without saying so (Virtuoso's
``ResultSetMaxRows`` returns the first 10 000 rows with HTTP 200). When an answer reaches the cap,
:class:`graph.remote.store.RemoteStore` asks again in pages: the query's own ``ORDER BY`` (or one
over every projected variable, a total order on the answer) plus ``LIMIT``/``OFFSET``. The
solution modifiers follow the last ``}`` of a query, so they can be appended to the text.

Example:
    >>> next(paged_queries("SELECT ?s WHERE { ?s ?p ?o }", ["s"], 100))
    'SELECT ?s WHERE { ?s ?p ?o }\\nORDER BY ?s\\nLIMIT 100 OFFSET 0'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

__all__ = ["STRINGS", "needs_paging", "own_limit", "paged_queries"]

STRINGS = re.compile(
    r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>'
)


def _tail(text: str) -> str:
    """The text after the last ``}`` (the solution modifiers), strings and comments removed."""
    clean = STRINGS.sub('""', text)
    clean = re.sub(r"#[^\n]*", "", clean)
    return clean[clean.rfind("}") + 1 :]


def own_limit(text: str) -> int | None:
    """The query's own LIMIT, if it has one.

    Example:
        >>> own_limit("SELECT * { ?s ?p ?o } LIMIT 5"), own_limit("SELECT * { ?s ?p ?o }")
        (5, None)
    """
    m = re.search(r"\bLIMIT\s+(\d+)", _tail(text), re.IGNORECASE)
    return int(m.group(1)) if m else None


def needs_paging(text: str) -> bool:
    """True when the query has neither LIMIT nor OFFSET of its own (it can be paged).

    Example:
        >>> needs_paging("SELECT * { ?s ?p ?o } ORDER BY ?s"), needs_paging("SELECT * {} LIMIT 1")
        (True, False)
    """
    return not re.search(r"\b(LIMIT|OFFSET)\b", _tail(text), re.IGNORECASE)


def paged_queries(text: str, variables: Sequence[str], page: int) -> Iterator[str]:
    """The query with LIMIT/OFFSET pages appended, forever (the caller stops at a short page).

    Raises:
        ValueError: for a non-positive page size.
    """
    if page < 1:
        raise ValueError(f"page size must be positive, not {page}")
    ordered = re.search(r"\bORDER\s+BY\b", _tail(text), re.IGNORECASE) is not None
    order = "" if ordered or not variables else "\nORDER BY " + " ".join(f"?{v}" for v in variables)
    for n in itertools.count():
        yield f"{text.rstrip()}{order}\nLIMIT {page} OFFSET {n * page}"
