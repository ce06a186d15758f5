"""Bringing the derived graph of a new generation up to date: from the changed documents only.

Why: the derived graph (:mod:`graph.rdf.derived`) is, for the documents present, the union of
what they state about shared resources minus what the ontology and gazetteer graphs state, plus
the facts computed per work (stubs, previous versions, NOC confirmations). Recomputing it from
every document's ``rg:sharedStatements`` text made adding one document cost more in a larger
store. So a build counts, per fact, the documents stating it (:mod:`graph.embedded.fact_counts`)
and reads only the texts of the documents it removes, replaces or adds:

- a fact whose count goes 0 -> 1 enters the graph, one whose count goes 1 -> 0 leaves it (unless
  the ontology or gazetteer states it, then it is never there);
- the works those facts are about (a version's work, the works confirmed at a conference whose
  year changed, the works of the changed documents' NOC entries) get their whole-store facts
  recomputed: the ones recorded for them are taken out, then computed again from the graph's
  stated facts (:func:`graph.rdf.derived.work_inferred`).

The result is the graph a full computation gives (tested: tests/graph/test_derived_incremental.py
builds random sequences of additions and removals and compares every quad with a fresh build).
The full computation still runs when the generation has no counts (a store built before them),
when the ontology or gazetteer changed (a new release), and for a forced rebuild.

What a build changes among the documents is noted as it writes, by
:class:`graph.embedded.changes.DocumentChanges`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from graph import mint
from graph.embedded.changes import (
    CONFIRMS_AT,
    HEADS_WORK,
    DocumentChanges,
    confirmed_works,
    graph_size,
    ledgers,
)
from graph.embedded.derived_full import Prepared, compute_full, static_digest
from graph.embedded.fact_counts import (
    LAYOUT,
    SIDECAR,
    CountsError,
    FactCounts,
    fact_key,
)
from graph.rdf.derived import work_facts, work_inferred
from graph.rdf.static import gazetteer_graph, ontology_graph
from graph.rdf.text import load_graph
from graph.vocab import RG

__all__ = ["DocumentChanges", "graph_size", "refresh_derived"]

VERSION_OF = ox.NamedNode(str(RG.versionOf))
YEAR = ox.NamedNode(str(RG.year))
#: predicates whose facts the whole-store facts of a version's work are computed from
_PER_VERSION = {VERSION_OF, YEAR, ox.NamedNode(str(RG.hasText)), ox.NamedNode(RG.previousVersion)}
#: the same predicates in N-Triples form, as the second term of a fact
_READ = {str(p) for p in _PER_VERSION}


def _facts(ledger: str) -> set[str]:
    """The facts of one shared-statement text, each in its canonical N-Triples form (as
    ``str`` of a pyoxigraph ``Triple``: without the final dot)."""
    parsed = ox.parse(ledger.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return {str(t) for t in parsed}


def _triple(fact: str) -> ox.Triple:
    text = f"{fact} .".encode()
    parsed: ox.Triple = next(iter(ox.parse(text, format=ox.RdfFormat.N_TRIPLES)))
    return parsed


def refresh_derived(
    store: ox.Store,
    folder: Path,
    base: str,
    changes: DocumentChanges | None,
    *,
    full: bool = False,
    prepared: Prepared | None = None,
) -> int:
    """Reload the ontology and gazetteer graphs of the generation ``store`` (in ``folder``) and
    bring its derived graph up to date: from ``changes`` when the generation's counts allow it,
    in full when ``full`` is set, ``changes`` is None or the counts do not allow it (see the
    module docstring; a full computation takes the texts ``changes`` counted as they were
    loaded, and reads the others). ``prepared``: the static and derived graphs of a new store,
    computed while its documents loaded (:func:`graph.embedded.derived_full.prepare_fresh`) and
    already written with its counts by the build; only the total is added. Returns the number
    of quads in the store.

    Why the count is kept rather than asked: ``len`` of an Oxigraph store reads every quad (0.4 s
    at 1.9M), so the counts file keeps the total and a build adds what it changed: the sizes of
    the documents' graphs it dropped and loaded, of the meta, ontology and gazetteer graphs
    before and after, and the quads the derived graph gained or lost.
    """
    path = folder / SIDECAR
    if prepared is not None:
        return _count_prepared(store, path)
    static_before = sum(graph_size(store, g) for g in _static_graphs(base))
    static_keys = _reload_static(store, base)
    static_delta = sum(graph_size(store, g) for g in _static_graphs(base)) - static_before
    digest = static_digest(static_keys)
    if changes is not None and not full and path.is_file():
        try:
            with FactCounts(path) as counts:
                if counts.get("layout") != LAYOUT or counts.get("static") != digest:
                    raise CountsError(f"{path}: counts of another layout or static graphs")
                total = counts.get("quads")
                delta = _incremental(store, counts, base, changes, static_keys)
                delta += static_delta + _documents_delta(store, changes, base)
                counted = len(store) if total is None else int(total) + delta
                counts.put("quads", str(counted))
            return counted
        except CountsError:
            pass  # the full computation below rewrites the graph and the counts
    path.unlink(missing_ok=True)
    with FactCounts(path) as counts:
        _full(store, counts, base, static_keys, _stated(store, changes))
        counts.put("layout", LAYOUT)
        counts.put("static", digest)
        counted = len(store)
        counts.put("quads", str(counted))
    return counted


def _count_prepared(store: ox.Store, path: Path) -> int:
    """The quads of a new store whose static and derived graphs and counts the build wrote as
    prepared (see ``prepared`` in :func:`refresh_derived`), recorded in its counts file."""
    with FactCounts(path) as counts:
        counted = len(store)
        counts.put("quads", str(counted))
    return counted


def _documents_delta(store: ox.Store, changes: DocumentChanges, base: str) -> int:
    """Quads the documents' graphs and the meta graph gained in this build."""
    meta = graph_size(store, ox.NamedNode(mint.meta_graph_iri(base))) - changes.meta_quads
    loaded = sum(graph_size(store, g) for g in set(changes.added_graphs))
    return loaded - changes.dropped_quads + meta


def _reload_static(store: ox.Store, base: str) -> set[str]:
    """Replace the ontology and gazetteer graphs by this release's; their facts (canonical
    N-Triples), which the derived graph leaves out."""
    keys: set[str] = set()
    for iri, graph in (
        (mint.ontology_graph_iri(base), ontology_graph()),
        (mint.gazetteer_graph_iri(base), gazetteer_graph(base)),
    ):
        node = ox.NamedNode(str(iri))
        store.remove_graph(node)
        load_graph(store, graph, str(iri))
        found = store.quads_for_pattern(None, None, None, node)
        keys.update(str(ox.Triple(q.subject, q.predicate, q.object)) for q in found)
    return keys


def _static_graphs(base: str) -> list[ox.NamedNode]:
    return [
        ox.NamedNode(str(mint.gazetteer_graph_iri(base))),
        ox.NamedNode(mint.ontology_graph_iri(base)),
    ]


def _stated(store: ox.Store, changes: DocumentChanges | None) -> Counter[str]:
    """Fact -> the texts stating it, over every document of ``store``: the counts ``changes``
    kept of the texts this build loaded, and the texts of the other graphs read from the store
    (all of them when it kept none: a tally made void, see :class:`LedgerTally`)."""
    tallied = None if changes is None else changes.tally.stated()
    if tallied is None:
        stated: Counter[str] = Counter()
        graphs: list[ox.NamedNode | ox.BlankNode | None] = [None]
    else:
        stated = tallied
        counted = changes.tally.graphs if changes is not None else set()
        graphs = [g for g in store.named_graphs() if g not in counted]
    for g in graphs:
        for ledger in ledgers(store, g):
            stated.update(_facts(ledger))
    return stated


def _full(
    store: ox.Store, counts: FactCounts, base: str, static_keys: set[str], stated: Counter[str]
) -> None:
    """The derived graph computed from every document's text (``stated``: fact -> documents
    stating it, :func:`graph.embedded.derived_full.compute_full`); the counts written anew."""
    years = [q for g in _static_graphs(base) for q in store.quads_for_pattern(None, YEAR, None, g)]
    confirmations = [
        (w.object, q.object)
        for q in store.quads_for_pattern(None, CONFIRMS_AT, None, None)
        for w in store.quads_for_pattern(q.subject, HEADS_WORK, None, q.graph_name)
    ]
    out = compute_full(stated, static_keys, years, confirmations, base)  # type: ignore[arg-type]
    counts.fill(out.counts)
    counts.set_inferred(out.inferred)
    _replace_graph(store, ox.NamedNode(mint.derived_graph_iri(base)), out.text)


def _fact(q: ox.Quad) -> str:
    return str(ox.Triple(q.subject, q.predicate, q.object))


def _incremental(
    store: ox.Store, counts: FactCounts, base: str, changes: DocumentChanges, static: set[str]
) -> int:
    """The derived graph updated from the changed documents' texts (module docstring); how many
    quads it gained (less than 0 when it lost some)."""
    derived = ox.NamedNode(mint.derived_graph_iri(base))
    delta: Counter[str] = Counter()
    for ledger in changes.removed_ledgers:
        delta.subtract(_facts(ledger))
    works = set(changes.works)
    for graph in changes.added_graphs:
        for ledger in ledgers(store, graph):
            delta.update(_facts(ledger))
        works.update(confirmed_works(store, graph))
    change = counts.add({fact_key(f): d for f, d in delta.items() if d})
    entered, left = [], []
    for f, d in delta.items():
        if d and f not in static:
            before, after = change[fact_key(f)]
            if before == 0 and after > 0:
                entered.append(_triple(f))
            elif before > 0 and after == 0:
                left.append(_triple(f))
    works = _touched(store, derived, [*entered, *left], works)
    old = counts.inferred(w.value for w in works)
    old_facts = {f for facts in old.values() for f in facts}
    still = counts.counts(fact_key(f) for f in old_facts)
    gained = 0
    for f in old_facts:
        if f in static or fact_key(f) not in still:
            gained -= _remove(store, _quad(_triple(f), derived))
    for t in left:
        gained -= _remove(store, _quad(t, derived))
    for t in entered:
        gained += _add(store, _quad(t, derived))
    static_graphs = _static_graphs(base)
    new: dict[str, list[str]] = {}
    for w in works:
        facts = work_facts(store, w, derived, static_graphs, _conferences(store, w))
        quads = work_inferred(w, facts, derived)
        gained += sum(_add(store, q) for q in quads)
        new[w.value] = [_fact(q) for q in quads]
    counts.set_inferred(new)
    return gained


def _quad(t: ox.Triple, graph: ox.NamedNode) -> ox.Quad:
    return ox.Quad(t.subject, t.predicate, t.object, graph)


def _add(store: ox.Store, q: ox.Quad) -> int:
    """Add ``q``; 1 if the store did not hold it yet."""
    if q in store:
        return 0
    store.add(q)
    return 1


def _remove(store: ox.Store, q: ox.Quad) -> int:
    """Remove ``q``; 1 if the store held it."""
    if q not in store:
        return 0
    store.remove(q)
    return 1


def _touched(
    store: ox.Store,
    graph: ox.NamedNode,
    changed: Iterable[ox.Triple],
    works: set[ox.NamedNode],
) -> set[ox.NamedNode]:
    """The works whose whole-store facts ``changed`` facts may change (read before the derived
    ``graph`` changes): the work of each version a changed fact is about, the works confirmed
    at a conference whose year changed, and with each work, every work of its versions."""
    out = set(works)
    for t in changed:
        if t.predicate == VERSION_OF and isinstance(t.object, ox.NamedNode):
            out.add(t.object)
        if t.predicate in _PER_VERSION:
            for q in store.quads_for_pattern(t.subject, VERSION_OF, None, graph):
                out.add(q.object)  # type: ignore[arg-type]
        if t.predicate == YEAR:
            for m in store.quads_for_pattern(None, CONFIRMS_AT, t.subject, None):
                for w in store.quads_for_pattern(m.subject, HEADS_WORK, None, m.graph_name):
                    out.add(w.object)  # type: ignore[arg-type]
    pending = list(out)
    while pending:
        work = pending.pop()
        for v in store.quads_for_pattern(None, VERSION_OF, work, graph):
            for q in store.quads_for_pattern(v.subject, VERSION_OF, None, graph):
                if q.object not in out:
                    out.add(q.object)  # type: ignore[arg-type]
                    pending.append(q.object)  # type: ignore[arg-type]
    return out


def _conferences(store: ox.Store, work: ox.NamedNode) -> set[ox.NamedNode]:
    """The conferences the NOC entries of the documents present confirm ``work`` at."""
    out: set[ox.NamedNode] = set()
    for m in store.quads_for_pattern(None, HEADS_WORK, work, None):
        for q in store.quads_for_pattern(m.subject, CONFIRMS_AT, None, m.graph_name):
            if isinstance(q.object, ox.NamedNode):
                out.add(q.object)
    return out


def _replace_graph(store: ox.Store, graph: ox.NamedNode, data: bytes) -> None:
    """Make ``graph`` of ``store`` hold exactly the N-Triples ``data``, writing only the difference.

    Why a difference: a full computation after a few changed documents changes a few hundred
    facts, while deleting the whole graph and bulk-loading it again rewrote every fact of the
    store's shared resources. Both sides are dumped by the same Oxigraph serializer, so a fact
    is the same line in both.
    """
    if next(store.quads_for_pattern(None, None, None, graph), None) is None:
        if data:
            store.bulk_load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)
        return
    old = set((store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=graph) or b"").splitlines())
    new = set(data.splitlines())
    stale = b"\n".join(old - new)
    if stale:
        for t in ox.parse(stale, format=ox.RdfFormat.N_TRIPLES, lenient=True):
            store.remove(ox.Quad(t.subject, t.predicate, t.object, graph))
    fresh = b"\n".join(new - old)
    if fresh:
        store.load(fresh, format=ox.RdfFormat.N_TRIPLES, to_graph=graph, lenient=True)
