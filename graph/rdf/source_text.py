"""A document's text and tracked changes on its ``rg:SourceDocument`` node (the source view).

Why in the store: every mention keeps exact offsets (``rg:start``, ``rg:end``) into the loaded
text, but without the text no page can show the sentence an edge came from. The text is what only
that document says, so it goes into the document's own named graph (docs/named-graphs.md) as one
literal, ``rg:sourceText``; a Word file's revision marks go beside it as one JSON literal,
``rg:trackedChanges`` (they are only ever read together, by ``/documents/{key}``).

Example:
    >>> from graph.rdf.input import DocumentInput
    >>> from graph.rdf.provenance import GraphBuilder
    >>> b = GraphBuilder(DocumentInput(name="a.txt", sha256="0" * 64, records=(), text="hi"), "https://x/")
    >>> add_source_text(b)
    >>> sorted(str(o) for _s, _p, o in b.triples)
    ['hi']
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rdflib import Literal

from graph.rdf.provenance import GraphBuilder
from graph.rdf.terms import RG

__all__ = ["add_source_text", "changes_json"]


def changes_json(changes: Iterable[Any]) -> str:
    """Tracked changes (``extract.TrackedChange``) as the JSON text of ``rg:trackedChanges``.

    Example:
        >>> from extract.documents import TrackedChange
        >>> changes_json([TrackedChange("insert", 3, 5, "ab")])
        '[{"kind":"insert","start":3,"end":5,"text":"ab","author":null,"date":null}]'
    """
    rows = [
        {
            "kind": c.kind,
            "start": int(c.start),
            "end": int(c.end),
            "text": c.text,
            "author": c.author,
            "date": c.date,
        }
        for c in changes
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


def add_source_text(b: GraphBuilder) -> None:
    """Add the document's loaded text and its tracked changes (if any) to its own graph.

    A document given without its text (records read from JSONL with no file text) gets neither:
    the source view then says the text was not stored.
    """
    doc = b.doc
    if doc.text is None:
        return
    b.add(b.doc_iri, RG.sourceText, Literal(doc.text))  # one-off and large: not cached
    if doc.changes:
        b.add(b.doc_iri, RG.trackedChanges, Literal(changes_json(doc.changes)))
