"""The derived graph: facts about shared resources, each stored once, recomputed after every build.

Why one graph the build maintains: a fact several documents state (a work's label, a version's
conference, a ``cito:cites`` edge between two versions) stored in each document's named graph
would be returned once per graph by the union default graph (``COUNT(*)`` of resolutions 99 for
60 on the seeds). So a document's graph holds only its own nodes (its ``rg:SourceDocument`` node,
mentions, sections, paragraphs) and, as one N-Triples literal (``rg:sharedStatements``), what it
states about shared resources (:func:`graph.rdf.document.document_triples`). After every build
:func:`derived_store` unions those texts into this graph, minus what the ontology and gazetteer
graphs already state. Since it is recomputed from the documents present, an incremental build or
a removal keeps it exact: a fact only a removed document stated disappears, one another document
also states stays. Facts that need the whole store are added to the same graph:

- a version with no ``rg:hasText true`` gets ``rg:hasText false`` and type ``rg:StubVersion``;
- a version with no ``rg:previousVersion`` from a history line gets the latest earlier version of
  the same work present in the store;
- a NOC entry (a heading mention with ``rg:confirmsAt`` a conference) gives ``rg:confirmedAt``
  that conference on the latest version of the work adopted before it, or on the work itself
  when no earlier version is known (a NOC entry never makes a version of its own).

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
from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from graph import mint
from graph.vocab import RDF, RG

__all__ = ["derived_quads", "derived_store"]


def derived_quads(
    store: ox.Store,
    base: str = mint.DEFAULT_BASE,
    confirmations: Iterable[tuple[ox.NamedNode, ox.NamedNode]] = (),
) -> list[ox.Quad]:
    """The whole-store facts of the derived graph (stubs, previous versions, confirmations) for
    the versions in ``store``; ``confirmations`` are the (work, conference) pairs of NOC entries.

    Why quad patterns rather than one SPARQL query: the four facts needed (``rg:versionOf``,
    ``rg:year``, ``rg:hasText true``, ``rg:previousVersion``) are single-predicate lookups that
    Oxigraph answers straight from its indexes, and joining them in Python takes a third of the
    time of the equivalent grouped query, which runs after every build, once the last document is
    written.

    Example:
        >>> derived_quads(ox.Store())
        []
    """
    graph = ox.NamedNode(mint.derived_graph_iri(base))

    def facts(predicate: str, obj: ox.Literal | None = None) -> Iterator[ox.Quad]:
        return store.quads_for_pattern(None, ox.NamedNode(predicate), obj, None)

    work_of: dict[ox.NamedNode, set[ox.NamedNode]] = defaultdict(set)
    for q in facts(RG.versionOf):
        work_of[q.subject].add(q.object)  # type: ignore[index,arg-type]
    years: dict[ox.NamedNode, set[int]] = defaultdict(set)
    for q in facts(RG.year):
        if q.subject in work_of:
            years[q.subject].add(int(q.object.value))  # type: ignore[index,union-attr]
    texted = {q.subject for q in facts(RG.hasText, ox.Literal(True))}
    has_prev = {q.subject for q in facts(RG.previousVersion)}
    by_work: dict[ox.NamedNode, list[tuple[int, ox.NamedNode]]] = defaultdict(list)
    out: list[ox.Quad] = []
    has_text, rdf_type, stub = (
        ox.NamedNode(RG.hasText),
        ox.NamedNode(RDF.type),
        ox.NamedNode(RG.StubVersion),
    )
    false = ox.Literal(False)
    for v, works in work_of.items():
        if not years.get(v):
            continue
        if v not in texted:
            out.append(ox.Quad(v, has_text, false, graph))
            out.append(ox.Quad(v, rdf_type, stub, graph))
        for w in works:
            by_work[w].extend((y, v) for y in years[v])
    previous = ox.NamedNode(RG.previousVersion)
    for versions in by_work.values():
        versions.sort(key=lambda yv: yv[0])
        for (_, older), (_, newer) in itertools.pairwise(versions):
            if newer not in has_prev:
                out.append(ox.Quad(newer, previous, older, graph))
    out.extend(_confirmed(store, by_work, set(confirmations), graph))
    return out


def _confirmed(
    store: ox.Store,
    by_work: dict[ox.NamedNode, list[tuple[int, ox.NamedNode]]],
    pairs: set[tuple[ox.NamedNode, ox.NamedNode]],
    graph: ox.NamedNode,
) -> Iterator[ox.Quad]:
    """``rg:confirmedAt`` of each NOC entry: on the latest version adopted before the conference,
    or on the work when none is known (``by_work``: the sorted (year, version) of each work)."""
    confirmed = ox.NamedNode(RG.confirmedAt)
    year_of = ox.NamedNode(RG.year)
    for work, conference in sorted(pairs, key=lambda p: (p[0].value, p[1].value)):
        found = store.quads_for_pattern(conference, year_of, None)
        years = [int(q.object.value) for q in found if isinstance(q.object, ox.Literal)]
        earlier = [v for y, v in by_work.get(work, ()) if years and y < min(years)]
        yield ox.Quad(earlier[-1] if earlier else work, confirmed, conference, graph)


def derived_store(
    ledgers: Iterable[str],
    static: Iterable[ox.Quad],
    confirmations: Iterable[tuple[ox.NamedNode, ox.NamedNode]],
    base: str = mint.DEFAULT_BASE,
) -> ox.Store:
    """An in-memory store whose graph ``id/graph/derived`` is the derived graph.

    ``ledgers`` are the ``rg:sharedStatements`` texts of the documents present; ``static`` the
    quads of the ontology and gazetteer graphs (kept out of the derived graph, which would
    otherwise state them a second time, and read for conference years); ``confirmations`` the
    (work, conference) pairs of the NOC entries of the documents present.

    Why in memory: both builds compute the graph the same way, the embedded one from its store
    and the remote one from what it reads back from the server, and the union of the texts is
    then one bulk load (a store is a set: a fact in several texts is kept once).

    Example:
        >>> ledger = '<urn:w> <http://www.w3.org/2000/01/rdf-schema#label> "w" .\\n'
        >>> mem = derived_store([ledger, ledger], [], [])
        >>> len(mem)
        1
    """
    graph = ox.NamedNode(mint.derived_graph_iri(base))
    mem = ox.Store()
    text = "".join(ledgers).encode("utf-8")
    if text:
        mem.load(text, format=ox.RdfFormat.N_TRIPLES, to_graph=graph)
    static_graph = ox.NamedNode(f"{graph.value}/static")
    years: list[ox.Quad] = []
    year_of = ox.NamedNode(RG.year)
    for q in static:
        mem.remove(ox.Quad(q.subject, q.predicate, q.object, graph))
        if q.predicate == year_of:
            years.append(ox.Quad(q.subject, q.predicate, q.object, static_graph))
    mem.extend(years)
    mem.extend(derived_quads(mem, base, confirmations))
    mem.remove_graph(static_graph)
    return mem
