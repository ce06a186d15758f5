"""Reading what the page draws from the store, through graph/'s functions only.

Why a module of its own: this is the one place of api/viz that talks to the store. The citation
network comes from :func:`graph.citation_network` (one edge per citing/cited pair, with counts,
sections and documents); what that view lacks comes from graph too: :func:`graph.work_years` (for
the year filter), :func:`graph.bureau_assignments` (who is addressed and who collaborates, for the
bureau layer) and :func:`graph.citation_quotes` (the surface text, section, paragraph and document
of each citation, for the edge tooltips), the latter asked only for the nodes a view shows. The
page never spells an IRI or a query; it quotes the clause around a citation from the corpus.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import networkx as nx

from graph import (
    INSTRUMENT_KINDS,
    CitationQuote,
    Queryable,
    bureau_assignments,
    citation_network,
    citation_quotes,
    document_keys,
    work_years,
)

__all__ = ["OTHER_KINDS", "Citation", "VizSource", "clause_around", "load_source"]

#: Instrument kinds whose short ids carry the kind (``decision/pp/12``); resolutions do not.
OTHER_KINDS: tuple[str, ...] = tuple(k for k in INSTRUMENT_KINDS if k != "resolution")


@dataclass(frozen=True)
class Citation:
    """Where one citation was read: the quote and its place (for an edge tooltip).

    ``sentence`` is the clause around the citation in the source document (read from the
    corpus with the stored offsets), or None when the document is not at hand.
    """

    surface: str | None
    document: str | None
    section: str | None
    paragraph: str | None
    sentence: str | None = None
    section_kind: str | None = None
    #: the source view of the citation (``/documents/{key}#c-start-end``), when known
    link: str | None = None


def clause_around(text: str, start: int, end: int, width: int = 240) -> str | None:
    r"""The clause (line) of ``text`` holding ``text[start:end]``, cut to about ``width`` chars.

    Why the line: an ITU resolution puts each lettered or numbered clause on its own line, and
    abbreviations ("Res.", "Rev.") make full stops a poor sentence boundary.

    Example:
        >>> clause_around("recalling\na) Resolution 1 (Rev. Dubai, 2018);\nnoting", 14, 26)
        'a) Resolution 1 (Rev. Dubai, 2018);'
    """
    if not 0 <= start < end <= len(text):
        return None
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    half = max(0, (width - (end - start)) // 2)
    lo, hi = max(left, start - half), min(right, end + half)
    snippet = " ".join(text[lo:hi].split())
    return ("…" if lo > left else "") + snippet + ("…" if hi < right else "")


#: shown edges (source, target) -> {edge: the citations it stands for}.
Details = Callable[[Sequence[tuple[str, str]]], Mapping[tuple[str, str], list[Citation]]]


@dataclass(frozen=True)
class VizSource:
    """What the page is drawn from: the citation network and the assignments, read once.

    Attributes:
        net: the DiGraph of :func:`graph.network.citation_network` (short ids as nodes; node
            attributes ``organ``, ``number``, ``label``, ``has_text``, ``year`` on versions; edge
            attributes ``citations``, ``sections``, ``documents``).
        assignments: ``(resolution id, addressee, collaborators, verb)`` rows.
        level: ``work`` or ``version``.
        details: shown edges -> {edge: its citations}, for the tooltips (None: no quotes).
        store: the store read (for the lineage view), or None.
        years: work id -> the years of its versions (for the year filter at work level).

    Example:
        >>> VizSource(nx.DiGraph([("wtsa/44", "pp/123")])).level
        'work'
    """

    net: nx.DiGraph
    assignments: tuple[tuple[str, str, tuple[str, ...], str], ...] = ()
    level: str = "work"
    details: Details | None = None
    store: Queryable | None = None
    years: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


def _document_texts(corpus: Path | None) -> Callable[[str], str | None]:
    """File name -> its loaded text (what offsets refer to), read once; None when absent."""
    texts: dict[str, str | None] = {}

    def text_of(name: str) -> str | None:
        if name not in texts:
            texts[name] = None
            path = corpus / name if corpus is not None else None
            if path is not None and path.is_file():
                from extract import DocumentError, load_document

                try:
                    texts[name] = load_document(path).text
                except DocumentError:
                    texts[name] = None
        return texts[name]

    return text_of


def _details(store: Queryable, level: Literal["work", "version"], corpus: Path | None) -> Details:
    text_of = _document_texts(corpus)

    def sentence(quote: CitationQuote) -> str | None:
        text = text_of(quote.document) if quote.document else None
        start, end = quote.start, quote.end
        if text is None or start is None or end is None:
            return None
        if quote.surface and text[start:end] != quote.surface:
            return None  # the file changed since the build: its offsets no longer hold
        return clause_around(text, start, end)

    def link(quote: CitationQuote, keys: Mapping[str, str]) -> str | None:
        key = keys.get(quote.document or "")
        if key is None or quote.start is None or quote.end is None:
            return None
        return f"/documents/{key}#c-{quote.start}-{quote.end}"

    def fetch(edges: Sequence[tuple[str, str]]) -> Mapping[tuple[str, str], list[Citation]]:
        wanted = set(edges)
        keys = document_keys(store)
        sources = sorted({u for u, _ in wanted})
        found: dict[tuple[str, str], list[Citation]] = {}
        for quote in citation_quotes(store, sources, level):
            key = (quote.source, quote.target)
            if key not in wanted:
                continue
            found.setdefault(key, []).append(
                Citation(quote.surface, quote.document, quote.section, quote.paragraph,
                         sentence(quote), quote.section_kind, link(quote, keys))
            )  # fmt: skip
        for quotes in found.values():
            quotes.sort(key=lambda c: (c.document or "", c.section or "", c.surface or ""))
        return found

    return fetch


def load_source(
    store: Queryable, versions: bool = False, assignments: bool = True, corpus: Path | None = None
) -> VizSource:
    """Read the citation network (and assignments) of a store through graph/'s functions.

    Args:
        store: an open store (:func:`graph.open_store`).
        versions: one node per version instead of per resolution.
        assignments: also read who is assigned work (for the bureau layer and filter).
        corpus: directory of the source documents; when given, tooltips quote the clause around
            each citation (found with the stored offsets), else only its surface text.

    Returns:
        A :class:`VizSource` for :func:`api.viz.data.viz_data`.

    Example:
        >>> source = load_source(open_store("data/store"))  # doctest: +SKIP
        >>> source.net.number_of_nodes() > 0  # doctest: +SKIP
        True
    """
    level: Literal["work", "version"] = "version" if versions else "work"
    net = citation_network(store, level=level)
    rows = bureau_assignments(store) if assignments else ()
    return VizSource(net, rows, level, _details(store, level, corpus), store, work_years(store))
