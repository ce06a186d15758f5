"""SPARQL JSON results <-> pyoxigraph terms, for :class:`graph.remote.store.RemoteStore`.

Why pyoxigraph terms: the query functions of graph/ read ``row["v"].value`` and convert typed
literals the same way for both stores, so answers from a server must arrive as the same terms as
from the embedded store. One server habit is undone here: Virtuoso returns ``xsd:boolean`` values
as ``"1"``/``"0"``; they become ``"true"``/``"false"``.

Example:
    >>> term({"type": "typed-literal", "value": "1",
    ...       "datatype": "http://www.w3.org/2001/XMLSchema#boolean"}).value
    'true'
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from graph.remote.paging import STRINGS

__all__ = ["Row", "Rows", "iri", "json_term", "strip_query", "term"]

_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


class Rows:
    """SELECT answers read like pyoxigraph's: rows (``row["v"]`` -> term or None) and
    ``.variables``."""

    def __init__(self, variables: list[str], rows: list[dict[str, Any]]) -> None:
        self.variables = [ox.Variable(v) for v in variables]
        self.rows = rows

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)


class Row(dict[str, Any]):
    """One solution: ``row["v"]`` is the term, or None when ``?v`` is unbound (as pyoxigraph)."""

    def __missing__(self, key: str) -> None:
        return None


def term(b: dict[str, str]) -> Any:
    """A SPARQL JSON results binding as a pyoxigraph term."""
    kind, value = b["type"], b["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if "xml:lang" in b:
        return ox.Literal(value, language=b["xml:lang"])
    dt = b.get("datatype")
    if dt is None:
        return ox.Literal(value)
    if dt == _BOOLEAN and value in {"1", "0"}:
        value = "true" if value == "1" else "false"
    return ox.Literal(value, datatype=ox.NamedNode(dt))


def iri(graph: Any) -> str:
    """The IRI of a graph name given as a pyoxigraph ``NamedNode`` or a string."""
    return graph.value if isinstance(graph, ox.NamedNode) else str(graph)


def json_term(value: Any) -> dict[str, str]:
    """A pyoxigraph term as a SPARQL JSON results binding."""
    if isinstance(value, ox.NamedNode):
        return {"type": "uri", "value": value.value}
    if isinstance(value, ox.BlankNode):
        return {"type": "bnode", "value": value.value}
    out = {"type": "literal", "value": value.value}
    if value.language:
        out["xml:lang"] = value.language
    elif value.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
        out["datatype"] = value.datatype.value
    return out


def strip_query(text: str) -> str:
    """Query text without comments, IRIs and string literals (for keyword tests)."""
    return re.sub(r"#[^\n]*", "", STRINGS.sub('""', text))
