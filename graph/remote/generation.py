"""Which graphs make up the current generation of a remote store, read from the server.

Why apart from :mod:`graph.remote.store`: a build (:mod:`graph.remote.build`) switches
generations by rewriting the control graph (``<meta>/remote``: the generation number and its
derived graph) and the manifest in the meta graph; a :class:`~graph.remote.store.RemoteStore`
reads both back when it is opened or refreshed. The IRIs and the shape of that bookkeeping are
spelled here, once; :mod:`graph.remote.store` re-exports :func:`control_graph_iri`.

Example:
    >>> control_graph_iri("https://x/")
    'https://x/id/graph/meta/remote'
    >>> generation_graphs("https://x/", "https://x/id/graph/derived/2", [])[-1]
    'https://x/id/graph/derived/2'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from graph import mint
from graph.backend import ManifestEntry
from graph.vocab import DCTERMS, RG

__all__ = ["control_graph_iri", "generation_graphs", "read_generation"]

#: A SELECT on the server with an explicit dataset: (query, dataset) -> (columns, rows).
SelectFn = Callable[[str, dict[str, Any]], tuple[list[str], list[Any]]]


def control_graph_iri(base: str = mint.DEFAULT_BASE) -> str:
    """The graph naming the current generation and its derived graph (not part of the data)."""
    return f"{mint.meta_graph_iri(base)}/remote"


def read_generation(
    select: SelectFn, base: str
) -> tuple[tuple[int, str] | None, dict[str, ManifestEntry]]:
    """The current generation and its derived graph (None before the first build) and the
    manifest (file name -> entry), read with two SELECTs on the whole server."""
    control, meta = control_graph_iri(base), mint.meta_graph_iri(base)
    _, rows = select(
        f"""SELECT ?gen ?derived WHERE {{ GRAPH <{control}> {{
            <{control}> <{DCTERMS.hasVersion}> ?gen ; <{RG.namedGraph}> ?derived }} }}""",
        {},
    )
    current = (int(rows[0]["gen"].value), str(rows[0]["derived"].value)) if rows else None
    _, rows = select(
        f"""SELECT ?name ?sha ?g WHERE {{ GRAPH <{meta}> {{
            ?d <{RG.fileName}> ?name ; <{RG.sha256}> ?sha ; <{RG.namedGraph}> ?g }} }}""",
        {},
    )
    manifest = {
        r["name"].value: ManifestEntry(r["name"].value, r["sha"].value, r["g"].value) for r in rows
    }
    return current, manifest


def generation_graphs(base: str, derived: str, entries: Iterable[ManifestEntry]) -> tuple[str, ...]:
    """The dataset of a generation: shared graphs, its derived graph, its documents."""
    shared = (
        mint.meta_graph_iri(base),
        mint.ontology_graph_iri(base),
        mint.gazetteer_graph_iri(base),
    )
    return (*map(str, shared), derived, *sorted(e.graph for e in entries))
