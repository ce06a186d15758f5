"""Facts that need the whole store: stub versions and previous-version links across documents.

Why separate from the per-document graphs: whether a version has text depends on every loaded
document (a version cited in one file may be loaded from another), and so does the order of the
versions of a work. Writing these facts into a document's named graph would make them wrong as soon
as another document is added or removed; instead they are recomputed after every build into the
derived graph (``id/graph/derived``), which is cheap (two SELECTs over the store).

- a version with no ``rg:hasText true`` anywhere gets ``rg:hasText false`` and type
  ``rg:StubVersion``;
- a version with no ``rg:previousVersion`` from a history line gets the latest earlier version of
  the same work present in the store.

Example:
    >>> s = ox.Store()
    >>> s.update('''INSERT DATA { GRAPH <urn:d> {
    ...   <urn:v1> <https://w3id.org/resgraph/ontology#versionOf> <urn:w> ;
    ...            <https://w3id.org/resgraph/ontology#year> 2012 .
    ...   <urn:v2> <https://w3id.org/resgraph/ontology#versionOf> <urn:w> ;
    ...            <https://w3id.org/resgraph/ontology#year> 2016 ;
    ...            <https://w3id.org/resgraph/ontology#hasText> true . } }''')
    >>> sorted((q.subject.value, q.predicate.value.rsplit("#")[1]) for q in derived_quads(s))
    [('urn:v1', 'hasText'), ('urn:v1', 'type'), ('urn:v2', 'previousVersion')]
"""

from __future__ import annotations

import itertools
from collections import defaultdict

import pyoxigraph as ox

from graph import mint
from graph.vocab import RDF, RG

__all__ = ["derived_quads"]


def derived_quads(store: ox.Store, base: str = mint.DEFAULT_BASE) -> list[ox.Quad]:
    """The quads of the derived graph for the current content of ``store``.

    Example:
        >>> derived_quads(ox.Store())
        []
    """
    graph = ox.NamedNode(mint.derived_graph_iri(base))
    rows = store.query(
        f"""SELECT ?v ?w ?y (MAX(?text) AS ?t) (MAX(BOUND(?prev)) AS ?p) WHERE {{
            ?v <{RG.versionOf}> ?w ; <{RG.year}> ?y .
            OPTIONAL {{ ?v <{RG.hasText}> ?text }}
            OPTIONAL {{ ?v <{RG.previousVersion}> ?prev }}
        }} GROUP BY ?v ?w ?y""",
        use_default_graph_as_union=True,
    )
    by_work: dict[str, list[tuple[int, ox.NamedNode]]] = defaultdict(list)
    has_prev: set[ox.NamedNode] = set()
    out: list[ox.Quad] = []
    false = ox.Literal(False)
    for row in rows:  # type: ignore[union-attr]
        v = row["v"]
        by_work[row["w"].value].append((int(row["y"].value), v))
        text = row["t"]
        if text is None or text.value != "true":
            out.append(ox.Quad(v, ox.NamedNode(RG.hasText), false, graph))
            out.append(ox.Quad(v, ox.NamedNode(RDF.type), ox.NamedNode(RG.StubVersion), graph))
        if row["p"] is not None and row["p"].value == "true":
            has_prev.add(v)
    for versions in by_work.values():
        versions.sort(key=lambda yv: yv[0])
        for (_, older), (_, newer) in itertools.pairwise(versions):
            if newer not in has_prev:
                out.append(ox.Quad(newer, ox.NamedNode(RG.previousVersion), older, graph))
    return out
