"""The derived graph: facts about shared resources, each stored once, kept up to date by builds.

Why one graph the build maintains: a fact several documents state (a work's label, a version's
conference, a ``cito:cites`` edge between two versions) stored in each document's named graph
would be returned once per graph by the union default graph (``COUNT(*)`` of resolutions 99 for
60 on the seeds). So a document's graph holds only its own nodes (its ``rg:SourceDocument`` node,
mentions, sections, paragraphs) and, as one N-Triples literal (``rg:sharedStatements``), what it
states about shared resources (:func:`graph.rdf.document.document_triples`). After every build
:func:`derived_store` unions those texts into this graph, minus what the ontology and gazetteer
graphs already state. Since it follows the documents present, an incremental build or a removal
keeps it exact: a fact only a removed document stated disappears, one another document also
states stays. (The remote build recomputes it so; the embedded one updates it from the changed
documents only, counting the documents that state each fact, :mod:`graph.embedded.derived_update`,
to the same graph.) Facts that need the whole store are added to the same graph, computed work by
work (:func:`work_inferred`):

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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pyoxigraph as ox

from graph import mint
from graph.vocab import RDF, RG

__all__ = [
    "WorkFacts",
    "derived_quads",
    "derived_store",
    "inferred_by_work",
    "work_facts",
    "work_inferred",
]

_VERSION_OF, _YEAR, _PREVIOUS = (
    ox.NamedNode(RG.versionOf),
    ox.NamedNode(RG.year),
    ox.NamedNode(RG.previousVersion),
)
_HAS_TEXT, _TYPE, _STUB, _CONFIRMED = (
    ox.NamedNode(RG.hasText),
    ox.NamedNode(RDF.type),
    ox.NamedNode(RG.StubVersion),
    ox.NamedNode(RG.confirmedAt),
)
_TRUE, _FALSE = ox.Literal(True), ox.Literal(False)


@dataclass
class WorkFacts:
    """What the whole-store facts of one work are computed from.

    Attributes:
        versions: ``(year, version)`` for each year of each of its versions that has one.
        texted: its versions stated with ``rg:hasText true``.
        has_prev: its versions with a ``rg:previousVersion`` some document states.
        confirmations: each conference a NOC entry confirms the work at -> the conference's years.
    """

    versions: list[tuple[int, ox.NamedNode]] = field(default_factory=list)
    texted: set[ox.NamedNode] = field(default_factory=set)
    has_prev: set[ox.NamedNode] = field(default_factory=set)
    confirmations: dict[ox.NamedNode, list[int]] = field(default_factory=dict)


def work_inferred(work: ox.NamedNode, facts: WorkFacts, graph: ox.NamedNode) -> list[ox.Quad]:
    """The whole-store facts of one work: stubs among its versions, the previous version of each
    that states none, and the ``rg:confirmedAt`` of its NOC entries.

    Why per work: each of these facts depends on one work's versions only, so a build that
    changes a few documents recomputes them for the works those documents touch
    (:mod:`graph.embedded.derived_update`) and the full computation (:func:`derived_quads`) is the
    union over all works. Versions of one year are ordered by IRI, so the result never depends
    on the order a store returns them in.

    Example:
        >>> v1, v2, w = ox.NamedNode("urn:v1"), ox.NamedNode("urn:v2"), ox.NamedNode("urn:w")
        >>> facts = WorkFacts(versions=[(2016, v2), (2012, v1)], texted={v1, v2})
        >>> [(q.subject.value, q.object.value) for q in work_inferred(w, facts, w)]
        [('urn:v2', 'urn:v1')]
    """
    out: list[ox.Quad] = []
    versions = sorted(facts.versions, key=lambda yv: (yv[0], yv[1].value))
    for v in dict.fromkeys(v for _, v in versions):
        if v not in facts.texted:
            out.append(ox.Quad(v, _HAS_TEXT, _FALSE, graph))
            out.append(ox.Quad(v, _TYPE, _STUB, graph))
    for (_, older), (_, newer) in itertools.pairwise(versions):
        if newer not in facts.has_prev:
            out.append(ox.Quad(newer, _PREVIOUS, older, graph))
    for conference in sorted(facts.confirmations, key=lambda c: c.value):
        years = facts.confirmations[conference]
        earlier = [v for y, v in versions if years and y < min(years)]
        out.append(ox.Quad(earlier[-1] if earlier else work, _CONFIRMED, conference, graph))
    return out


def derived_quads(
    store: ox.Store,
    base: str = mint.DEFAULT_BASE,
    confirmations: Iterable[tuple[ox.NamedNode, ox.NamedNode]] = (),
) -> list[ox.Quad]:
    """The whole-store facts of the derived graph (stubs, previous versions, confirmations) for
    the versions in ``store``; ``confirmations`` are the (work, conference) pairs of NOC entries.

    Example:
        >>> derived_quads(ox.Store())
        []
    """
    out: dict[ox.Quad, None] = {}
    for quads in inferred_by_work(store, base, confirmations).values():
        out.update(dict.fromkeys(quads))
    return list(out)


def inferred_by_work(
    store: ox.Store,
    base: str = mint.DEFAULT_BASE,
    confirmations: Iterable[tuple[ox.NamedNode, ox.NamedNode]] = (),
) -> dict[ox.NamedNode, list[ox.Quad]]:
    """:func:`derived_quads` work by work (:func:`work_inferred` of each work).

    Why quad patterns rather than one SPARQL query: the four facts needed (``rg:versionOf``,
    ``rg:year``, ``rg:hasText true``, ``rg:previousVersion``) are single-predicate lookups that
    Oxigraph answers straight from its indexes, and joining them in Python takes a third of the
    time of the equivalent grouped query.
    """
    graph = ox.NamedNode(mint.derived_graph_iri(base))

    def facts(predicate: ox.NamedNode, obj: ox.Literal | None = None) -> Iterator[ox.Quad]:
        return store.quads_for_pattern(None, predicate, obj, None)

    work_of: dict[ox.NamedNode, set[ox.NamedNode]] = defaultdict(set)
    for q in facts(_VERSION_OF):
        work_of[q.subject].add(q.object)  # type: ignore[index,arg-type]
    years: dict[ox.NamedNode, set[int]] = defaultdict(set)
    for q in facts(_YEAR):
        if q.subject in work_of:
            years[q.subject].add(int(q.object.value))  # type: ignore[index,union-attr]
    texted = {q.subject for q in facts(_HAS_TEXT, _TRUE)}
    has_prev = {q.subject for q in facts(_PREVIOUS)}
    by_work: dict[ox.NamedNode, WorkFacts] = defaultdict(WorkFacts)
    for v, works in work_of.items():
        for w in works:
            by_work[w].versions.extend((y, v) for y in years.get(v, ()))
    for work, conference in set(confirmations):
        by_work[work].confirmations[conference] = _years(store, conference, None)
    out: dict[ox.NamedNode, list[ox.Quad]] = {}
    for work, wf in by_work.items():
        mine = {v for _, v in wf.versions}
        wf.texted = {v for v in mine if v in texted}
        wf.has_prev = {v for v in mine if v in has_prev}
        out[work] = work_inferred(work, wf, graph)
    return out


def _years(
    store: ox.Store, subject: ox.NamedNode, graphs: Sequence[ox.NamedNode] | None
) -> list[int]:
    """The ``rg:year`` values of ``subject`` (in ``graphs``, or in any graph when None)."""
    found: Iterable[ox.Quad] = (
        store.quads_for_pattern(subject, _YEAR, None, None)
        if graphs is None
        else (q for g in graphs for q in store.quads_for_pattern(subject, _YEAR, None, g))
    )
    return [int(q.object.value) for q in found if isinstance(q.object, ox.Literal)]


def work_facts(
    store: ox.Store,
    work: ox.NamedNode,
    graph: ox.NamedNode,
    static: Sequence[ox.NamedNode],
    confirmations: Iterable[ox.NamedNode],
) -> WorkFacts:
    """What :func:`work_inferred` needs about ``work``, read from a store whose ``graph`` holds
    the stated facts of the derived graph (and only those for this work's versions), ``static``
    the graphs (gazetteer, ontology) whose years count too; ``confirmations`` the conferences of
    its NOC entries. Each read is one index lookup per version: the cost follows the work, not
    the store.

    Example:
        >>> g = ox.NamedNode("urn:g")
        >>> work_facts(ox.Store(), ox.NamedNode("urn:w"), g, [], []).versions
        []
    """
    out = WorkFacts()
    year_graphs = [graph, *static]
    for q in store.quads_for_pattern(None, _VERSION_OF, work, graph):
        v = q.subject
        assert isinstance(v, ox.NamedNode)
        out.versions.extend((y, v) for y in sorted(set(_years(store, v, year_graphs))))
        if ox.Quad(v, _HAS_TEXT, _TRUE, graph) in store:
            out.texted.add(v)
        if next(store.quads_for_pattern(v, _PREVIOUS, None, graph), None) is not None:
            out.has_prev.add(v)
    for conference in confirmations:
        out.confirmations[conference] = _years(store, conference, year_graphs)
    return out


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
