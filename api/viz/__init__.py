"""api/viz/: the interactive citation-network page (pyvis + vis-network, fully offline).

Why a package of its own: the page has four reasons to change (what is selected, where nodes sit,
how it looks, how it is served) and each lives in one module: ``data`` (graph -> nodes/edges,
filters, focus, cap), ``layout`` (networkx/numpy positions), ``render`` (pyvis network in our
template, assets inline), ``router`` (``/viz`` and ``/viz.json``). The router is not imported here,
so the CLI export needs no web stack.

Example:
    >>> from graph import open_store  # doctest: +SKIP
    >>> export_html(open_store("data/store"), Path("network.html"), VizParams(focus="wtsa/44"))
    ... # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from api.viz.data import lineage_data, viz_data
from api.viz.model import VizData, VizParams
from api.viz.render import render_html
from api.viz.source import VizSource, load_source
from graph import Queryable

__all__ = ["VizData", "VizParams", "export_html", "load_source", "render_html", "viz_data"]


def export_html(
    store: Queryable,
    out: Path,
    params: VizParams,
    link_base: str = "/",
    corpus: Path | None = None,
) -> VizData:
    """Read the store, build the view asked for and write it as one self-contained HTML file.

    Args:
        store: an open store (:func:`graph.open_store`).
        out: the file to write (its directory must exist).
        params: filters, focus, cap, lineage.
        link_base: prefix of the node links (the base IRI, so links resolve from a file).
        corpus: directory of the source documents, to quote the clause around each citation.

    Returns:
        The :class:`VizData` written (for counts).

    Raises:
        FocusNotFound: the focus names nothing in the citation network.
        ResolutionNotFound: the lineage id names no resolution (:class:`graph.ResolutionNotFound`).
        FileNotFoundError: the directory of ``out`` does not exist.

    Example:
        >>> data = export_html(store, Path("network.html"), VizParams())  # doctest: +SKIP
    """
    if not out.parent.exists():
        raise FileNotFoundError(f"{out}: directory {out.parent} does not exist")
    versions = params.versions or bool(params.lineage)
    source: VizSource = load_source(store, versions=versions, corpus=corpus)
    if params.lineage:
        data = lineage_data(source, params.lineage, params)
    else:
        data = viz_data(source, params)
    out.write_text(render_html(data, link_base=link_base), encoding="utf-8")
    return data
