"""Named SPARQL queries: load a ``.rq`` file by name, fill its VALUES slots, run it on a store.

Why named files: the questions the project answers (lineage, dependencies, impact, assignments,
outdated citations) are SPARQL a reader can copy into the endpoint; each file's header comment
carries a runnable example. Why VALUES slots: a file holds ``VALUES ?x {}`` (valid SPARQL that
matches nothing) and :func:`render` fills it with the terms asked for, or drops the clause when the
parameter is ``None`` ("no restriction"). The same text then runs on either backend of
:class:`graph.backend.Store` and on rdflib (the benchmark baseline, through
:func:`graph.store.as_store`), with no engine-specific binding API: every query goes through the
store's :meth:`~graph.backend.Queryable.select`.

Example:
    >>> "VALUES ?work" in load_query("lineage")
    True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from typing import Any

import pyoxigraph as ox

from graph.backend import Queryable

__all__ = ["load_query", "query_names", "render", "select", "select_table", "select_text"]

Bindable = str | int
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


@cache
def load_query(name: str) -> str:
    """The text of ``graph/queries/<name>.rq``.

    Raises:
        ValueError: naming the known queries when ``name`` is not one of them.
    """
    path = resources.files("graph.queries").joinpath(f"{name}.rq")
    if not path.is_file():
        raise ValueError(f"unknown query {name!r}; known: {', '.join(query_names())}")
    return path.read_text(encoding="utf-8")


def query_names() -> tuple[str, ...]:
    """Names of the packaged queries (file stems), sorted."""
    root = resources.files("graph.queries")
    return tuple(sorted(p.name[:-3] for p in root.iterdir() if p.name.endswith(".rq")))


def _term(value: Bindable) -> str:
    """SPARQL syntax for a Python value: IRIs for ``http(s)``/``urn`` strings, else literals."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if re.match(r"^(https?|urn):", value) and not re.search(r"[\s<>\"{}|\\^`]", value):
        return f"<{value}>"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def render(text: str, values: Mapping[str, Sequence[Bindable] | None]) -> str:
    """Fill the ``VALUES ?name {}`` slots of a query text.

    A slot whose value is ``None`` is removed (no restriction); a sequence fills it.

    Raises:
        ValueError: when a named slot does not exist in the text.

    Example:
        >>> render("SELECT * { VALUES ?x {} ?x ?p ?o }", {"x": ["urn:a"]})
        'SELECT * { VALUES ?x { <urn:a> } ?x ?p ?o }'
    """
    for name, terms in values.items():
        pattern = re.compile(r"VALUES\s+\?" + re.escape(name) + r"\s*\{\s*\}")
        if not pattern.search(text):
            raise ValueError(f"query has no slot 'VALUES ?{name} {{}}'")
        filled = (
            ""
            if terms is None
            else "VALUES ?" + name + " { " + " ".join(_term(t) for t in terms) + " }"
        )
        text = pattern.sub(filled.replace("\\", "\\\\"), text)
    return text


def _py(term: object) -> Any:
    """A pyoxigraph or rdflib term as a plain Python value (IRI -> str, typed literal -> value)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode | ox.BlankNode):
        return term.value
    if isinstance(term, ox.Literal):
        if term.language is not None:
            return term.value
        dt = term.datatype.value
        if dt == _XSD_STRING:
            return term.value
        if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#gYear")):
            try:
                return int(term.value)
            except ValueError:
                return term.value
        if dt.endswith("#boolean"):
            return term.value == "true"
        if dt.endswith(("#decimal", "#double", "#float")):
            return float(term.value)
        return term.value
    # rdflib terms
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, Literal):
        value = term.toPython()
        if hasattr(value, "year") and str(term.datatype).endswith("#gYear"):
            return int(value.year)
        return value if isinstance(value, int | float | bool) else str(term)
    return str(term)


def select_table(store: Queryable, text: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a SELECT text on the union of all graphs; return the projected variable names and the
    rows.

    Rows are dicts of plain Python values (see :func:`_py`); unbound variables are absent.

    Raises:
        ValueError: when the text is not a SELECT query.
        SyntaxError: from the engine, for invalid SPARQL.
    """
    names, solutions = store.select(text)
    if isinstance(solutions, ox.QuerySolutions):  # the common case, made cheap: terms in
        # variable order, IRIs (most values) read without the literal checks of _py
        rows = []
        for solution in solutions:
            row = {}
            for n, t in zip(names, solution, strict=True):
                if t is not None:
                    row[n] = t.value if type(t) is ox.NamedNode else _py(t)
            rows.append(row)
        return names, rows
    return names, [{n: _py(s[n]) for n in names if s[n] is not None} for s in solutions]


def select_text(store: Queryable, text: str) -> list[dict[str, Any]]:
    """The rows of :func:`select_table`."""
    return select_table(store, text)[1]


def select(
    store: Queryable, name: str, **values: Iterable[Bindable] | Bindable | None
) -> list[dict[str, Any]]:
    """Run the named query with its VALUES slots filled and return plain rows.

    A scalar value fills its slot with one term; ``None`` removes the slot.

    Example:
        >>> import pyoxigraph
        >>> from graph.store import as_store
        >>> select(as_store(pyoxigraph.Store()), "lineage", work=["https://w3id.org/resgraph/id/x"])
        []
    """
    slots: dict[str, Sequence[Bindable] | None] = {}
    for key, val in values.items():
        if val is None or isinstance(val, str | int):
            slots[key] = None if val is None else [val]
        else:
            slots[key] = list(val)
    return select_text(store, render(load_query(name), slots))
