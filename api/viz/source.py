"""Reading what the page draws from the store, through graph/'s query machinery only.

Why a module of its own: this is the one place of api/viz that talks to the store. The citation
network comes from :func:`graph.network.citation_network` (one edge per citing/cited pair, with
counts, sections and documents). Two small named queries of our own, in graph's vocabulary and run
by graph's query runner, add what that view lacks: ``bureau_assignments.rq`` (who is addressed and
who collaborates, for the bureau layer) and ``citation_quotes.rq`` (the surface text, section,
paragraph and document of each citation, for the edge tooltips), the latter asked only for the
nodes a view shows, so a 1M-triple store is not read citation by citation for a 300-node page.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import networkx as nx

__all__ = ["Citation", "VizSource", "clause_around", "load_source", "node_iri"]

#: Instrument kinds whose short ids carry the kind (``decision/pp/12``); resolutions do not.
OTHER_KINDS: tuple[str, ...] = ("decision", "recommendation", "question", "opinion", "report")


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
    store: Any = None
    years: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


def node_iri(node: str, base: str) -> str:
    """The IRI of a short id (the inverse of ``graph.queries.lookup.short``).

    Example:
        >>> node_iri("wtsa/44", "https://w3id.org/resgraph/")
        'https://w3id.org/resgraph/id/resolution/wtsa/44'
        >>> node_iri("decision/pp/12", "https://w3id.org/resgraph/")
        'https://w3id.org/resgraph/id/decision/pp/12'
    """
    head = node.split("/", 1)[0]
    return f"{base}id/{node}" if head in OTHER_KINDS else f"{base}id/resolution/{node}"


def _document_texts(corpus: Path | None) -> Callable[[str], str | None]:
    """File name -> its loaded text (what offsets refer to), read once; None when absent."""
    texts: dict[str, str | None] = {}

    def text_of(name: str) -> str | None:
        if name not in texts:
            texts[name] = None
            path = corpus / name if corpus is not None else None
            if path is not None and path.is_file():
                from extract.exceptions import DocumentError
                from extract.text.load import load_document

                try:
                    texts[name] = load_document(path).text
                except DocumentError:
                    texts[name] = None
        return texts[name]

    return text_of


def _details(store: Any, level: str, corpus: Path | None) -> Details:
    from graph.queries import render, select_text
    from graph.queries.lookup import base_of, short

    base = base_of(store)
    query = resources.files("api.viz").joinpath("citation_quotes.rq").read_text(encoding="utf-8")
    text_of = _document_texts(corpus)

    def sentence(row: Mapping[str, Any]) -> str | None:
        text = text_of(row["file"]) if row.get("file") else None
        start, end = row.get("start"), row.get("end")
        if text is None or not isinstance(start, int) or not isinstance(end, int):
            return None
        if row.get("surface") and text[start:end] != row["surface"]:
            return None  # the file changed since the build: its offsets no longer hold
        return clause_around(text, start, end)

    def fetch(edges: Sequence[tuple[str, str]]) -> Mapping[tuple[str, str], list[Citation]]:
        wanted = set(edges)
        sources = sorted({u for u, _ in wanted})
        found: dict[tuple[str, str], list[Citation]] = {}
        if not sources:
            return found
        seen: set[tuple[str, str]] = set()
        iris = [node_iri(n, base) for n in sources]
        for row in select_text(store, render(query, {"source": iris})):
            if (row["source"], row["c"]) in seen:  # one mention, reached by both branches
                continue
            seen.add((row["source"], row["c"]))
            if level == "work":
                key = (
                    short(row["source"], base),
                    short(row.get("citedWork") or row["cited"], base),
                )
            else:
                key = (short(row["citing"], base), short(row["cited"], base))
            if key not in wanted:
                continue
            found.setdefault(key, []).append(
                Citation(row.get("surface"), row.get("file"), row.get("section"),
                         row.get("paragraph"), sentence(row))
            )  # fmt: skip
        for quotes in found.values():
            quotes.sort(key=lambda c: (c.document or "", c.section or "", c.surface or ""))
        return found

    return fetch


def load_source(
    store: Any, versions: bool = False, assignments: bool = True, corpus: Path | None = None
) -> VizSource:
    """Read the citation network (and assignments) of a store through graph/'s query functions.

    Args:
        store: an open store (``graph.store.open_store``).
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
    from graph.network import citation_network

    level: Literal["work", "version"] = "version" if versions else "work"
    net = citation_network(store, level=level)
    rows = _assignments(store) if assignments else ()
    return VizSource(net, rows, level, _details(store, level, corpus), store, _work_years(store))


def _work_years(store: Any) -> dict[str, tuple[int, ...]]:
    """Work id -> the sorted years of its versions (``work_years.rq``)."""
    from graph.queries import select_text
    from graph.queries.lookup import base_of, short

    base = base_of(store)
    query = resources.files("api.viz").joinpath("work_years.rq").read_text(encoding="utf-8")
    years: dict[str, set[int]] = {}
    for row in select_text(store, query):
        if isinstance(row.get("year"), int):
            years.setdefault(short(row["work"], base), set()).add(row["year"])
    return {work: tuple(sorted(ys)) for work, ys in years.items()}


def _assignments(store: Any) -> tuple[tuple[str, str, tuple[str, ...], str], ...]:
    """(work id, addressee, collaborators, verb) per assignment and addressee.

    Why not ``graph.queries.assignments.assignments``: it also reads every clause text to match
    sectors named in it, which takes minutes on a 1M-triple store; the bureau layer needs only who
    is addressed and who collaborates, which ``bureau_assignments.rq`` reads in seconds.
    """
    from graph.queries import select_text
    from graph.queries.lineage import actor_name
    from graph.queries.lookup import base_of, short

    base = base_of(store)
    query = resources.files("api.viz").joinpath("bureau_assignments.rq").read_text(encoding="utf-8")
    folded: dict[str, tuple[str, str, set[str], set[str]]] = {}
    for row in select_text(store, query):
        _work, _verb, addressees, collaborators = folded.setdefault(
            row["a"], (short(row["work"], base), row["verb"], set(), set())
        )
        if row.get("addressee"):
            addressees.add(actor_name(row["addressee"]))
        if row.get("collaborator"):
            collaborators.add(actor_name(row["collaborator"]))
    return tuple(
        sorted(
            (work, addressee, tuple(sorted(collaborators)), verb)
            for work, verb, addressees, collaborators in folded.values()
            for addressee in addressees
        )
    )
