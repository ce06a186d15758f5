"""A source document with its marks: the data of the source view ``/documents/{key}``.

Why: every edge of the graph was read from exact characters of a document (``rg:start``,
``rg:end`` of its mention). The store keeps the text (``rg:sourceText``, graph/rdf/source_text.py),
so this function returns it with every heading, citation and assignment mention and the
resolution each points at, and the Word revision marks, for the API to render.

Example:
    >>> import pyoxigraph
    >>> from graph.store import as_store
    >>> document_source(as_store(pyoxigraph.Store()), "0123456789abcdef") is None
    True
"""

from __future__ import annotations

import json
import re
from typing import Any

from graph.backend import Queryable
from graph.queries import select
from graph.queries.lookup import base_of, short
from graph.queries.page_results import (
    DocumentSource,
    SourceMark,
    SourcePlace,
    TrackedEdit,
    anchor,
)
from graph.vocab import RG

__all__ = ["document_keys", "document_source"]

_KEY = re.compile(r"^[0-9a-f]{16}$")
_KINDS = {
    str(RG.Citation): "citation",
    str(RG.HeadingMention): "heading",
    str(RG.Assignment): "assignment",
}


def _target(row: dict[str, Any], base: str) -> str | None:
    """The short id a mark links to: what a citation names, what a heading opens, whose work an
    assignment is."""
    for key in ("cited", "heads", "headsWork", "by"):
        if row.get(key):
            found = short(row[key], base)
            return None if found == row[key] else found  # a document IRI: no page to link
    return None


def _changes(raw: str | None, name: str) -> tuple[TrackedEdit, ...]:
    if not raw:
        return ()
    try:
        rows = json.loads(raw)
        return tuple(
            TrackedEdit(
                kind=str(r["kind"]),
                start=int(r["start"]),
                end=int(r["end"]),
                text=str(r["text"]),
                author=r.get("author"),
                date=r.get("date"),
            )
            for r in rows
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{name}: malformed rg:trackedChanges in the store: {exc}") from None


def _positions(raw: str | None, name: str) -> tuple[SourcePlace, ...]:
    """The document's ``rg:sourcePositions`` (graph/rdf/positions.py), empty for a .txt file."""
    if not raw:
        return ()
    try:
        return tuple(
            SourcePlace(
                start=int(r["start"]),
                end=int(r["end"]),
                page=int(r["page"]) if r.get("page") is not None else None,
                path=r.get("path"),
                footnote=r.get("footnote"),
            )
            for r in json.loads(raw)
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{name}: malformed rg:sourcePositions in the store: {exc}") from None


def document_source(store: Queryable, key: str, base: str | None = None) -> DocumentSource | None:
    """The document of key ``key`` (``graph.mint.document_key``), its text, marks and tracked
    changes; None when the store has no such document.

    Marks are sorted by start (longer first at the same start); ``text`` is None for a document
    built without its text (records read from JSONL).

    Raises:
        ValueError: when ``key`` is not 16 lowercase hex digits.
    """
    if not _KEY.match(key):
        raise ValueError(f"document key {key!r}: expected 16 lowercase hex digits")
    base = base_of(store, base)
    rows = select(store, "document_source", key=[key])
    if not rows:
        return None
    row = rows[0]
    marks: dict[tuple[str, int, int], SourceMark] = {}
    for m in select(store, "document_marks", doc=[row["doc"]]):
        kind = _KINDS[m["type"]]
        start, end = int(m["start"]), int(m["end"])
        mark = SourceMark(
            kind=kind,
            start=start,
            end=end,
            surface=m.get("surface"),
            target=_target(m, base),
            verb=m.get("verb"),
            section=m.get("section"),
            paragraph=m.get("paragraph"),
            anchor=anchor(kind, start, end) or "",
            page=int(m["page"]) if m.get("page") is not None else None,
            element_path=m.get("elementPath"),
            footnote=m.get("footnote"),
        )
        old = marks.get((kind, start, end))
        if old is None or (old.target or "") < (mark.target or ""):
            marks[(kind, start, end)] = mark
    ordered = sorted(marks.values(), key=lambda k: (k.start, -k.end, k.kind))
    return DocumentSource(
        key=key,
        iri=row["doc"],
        name=row["name"],
        format=row.get("format"),
        lang=row.get("lang"),
        text=row.get("text"),
        marks=tuple(ordered),
        changes=_changes(row.get("changes"), row["name"]),
        positions=_positions(row.get("positions"), row["name"]),
    )


def document_keys(store: Queryable) -> dict[str, str]:
    """File name -> document key of every source document whose name is unique in the store
    (two files of one name and different content are left out: the name cannot tell them apart).

    Example:
        >>> import pyoxigraph
        >>> from graph.store import as_store
        >>> document_keys(as_store(pyoxigraph.Store()))
        {}
    """
    found: dict[str, set[str]] = {}
    for r in select(store, "document_keys"):
        found.setdefault(str(r["name"]), set()).add(str(r["key"]))
    return {name: next(iter(keys)) for name, keys in found.items() if len(keys) == 1}
