"""Where a mention sits in the original file: PDF page, HTML element path, Word footnote.

Why: every mention's offsets index the loaded text, which a reader of the printed PDF or the web
page never sees. The extractor knows which page, element or footnote each span of text came from
(``SourceDoc.positions``, carried by :class:`~graph.rdf.input.DocumentInput`); this module puts
that on each mention (``rg:page``, ``rg:elementPath``, ``rg:footnote``) and, once per document, the
whole list as JSON (``rg:sourcePositions``) so the source view can mark where each page or element
starts. Both are what only that document says: they go into its own named graph. A .txt document
has no positions and gets neither.

Example:
    >>> from extract import SourcePosition
    >>> from graph.rdf.input import DocumentInput
    >>> from graph.rdf.provenance import GraphBuilder
    >>> doc = DocumentInput(name="a.pdf", sha256="0" * 64, records=(), format="pdf",
    ...     positions=(SourcePosition(0, 5, page=1), SourcePosition(5, 9, page=2)))
    >>> b = GraphBuilder(doc, "https://x/")
    >>> add_mention_position(b, b.doc_iri, 6)
    >>> sorted(str(o) for _s, _p, o in b.triples)
    ['2']
    >>> positions_json(doc.positions)
    '[{"start":0,"end":5,"page":1},{"start":5,"end":9,"page":2}]'
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rdflib import Literal, URIRef

from extract import SourcePosition
from graph.rdf.provenance import GraphBuilder
from graph.rdf.terms import RG, int_literal, str_literal

__all__ = ["add_document_positions", "add_mention_position", "positions_json"]


def positions_json(positions: Iterable[SourcePosition]) -> str:
    """The positions as the JSON text of ``rg:sourcePositions``; neighbours at the same place
    (an HTML element split over several lines) are merged, so the text stays small."""
    rows: list[dict[str, Any]] = []
    for p in positions:
        place = {
            k: v
            for k, v in (("page", p.page), ("path", p.path), ("footnote", p.footnote))
            if v is not None
        }
        if not place:
            continue
        last = rows[-1] if rows else None
        if last is not None and last["end"] == p.start and place == _place_of(last):
            last["end"] = int(p.end)
            continue
        rows.append({"start": int(p.start), "end": int(p.end), **place})
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def _place_of(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k not in ("start", "end")}


def add_mention_position(b: GraphBuilder, node: URIRef, offset: int) -> None:
    """``rg:page`` / ``rg:elementPath`` / ``rg:footnote`` of the mention ``node`` starting at
    ``offset``, when the document knows where that text sits in its file."""
    pos = b.doc.position_at(offset) if b.doc.positions else None
    if pos is None:
        return
    if pos.page is not None:
        b.add(node, RG.page, int_literal(pos.page))
    if pos.path:
        b.add(node, RG.elementPath, str_literal(pos.path))
    if pos.footnote:
        b.add(node, RG.footnote, str_literal(pos.footnote))


def add_document_positions(b: GraphBuilder) -> None:
    """The document's positions as one JSON literal on its node (none for a .txt document)."""
    if b.doc.positions:
        b.add(b.doc_iri, RG.sourcePositions, Literal(positions_json(b.doc.positions)))
