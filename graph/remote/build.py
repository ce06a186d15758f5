"""Incremental, atomic builds into a SPARQL 1.1 server (the remote twin of :mod:`graph.build`).

Why the same steps in another order: on disk, a build copies the generation and swaps a pointer
file. A server has no pointer file, so the pointer is data: the manifest (meta graph) names each
document's graph and the control graph names the generation and its derived graph. A build

1. drops graphs left over from the generation before the current one (or a dead build);
2. ``PUT``s each new or changed document into a graph named by its file name and content hash
   (:func:`graph.mint.document_key`: a changed document never overwrites the graph readers of
   the current generation use, and a byte-identical copy under another name has its own);
3. refreshes the ontology and gazetteer graphs and writes the derived graph of the new
   generation under a fresh IRI (what documents state about shared resources, once, recomputed
   from the documents of the generation: :mod:`graph.rdf.derived`);
4. switches manifest and control graph in one SPARQL Update request (one transaction).

Readers (:class:`graph.remote.store.RemoteStore`) query exactly the graphs the manifest names, so
they see one generation or the next. The whole build holds the server's build lock
(:mod:`graph.remote.lock`): two builders at once would drop each other's new graphs in step 1.
Extraction runs in the extractor (in ``jobs`` processes when the CLI asks); writes happen here,
one at a time, in the calling process.

Example:
    >>> from graph.build import build_store
    >>> url = "sparql+http://127.0.0.1:18890/sparql"  # bash .ci/virtuoso.sh start
    >>> build_store(url, ["data/corpus"]).generation  # doctest: +SKIP
    1
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal, URIRef

from extract import DocumentError
from graph import mint
from graph.backend import BuildReport, ManifestEntry
from graph.rdf.derived import derived_store
from graph.rdf.document import DocumentInput, document_triples
from graph.rdf.manifest import manifest_triples
from graph.rdf.static import gazetteer_graph, ontology_graph
from graph.rdf.text import ntriples
from graph.rdf.workers import Extractor, Progress, RenderedDocument
from graph.remote.lock import remote_build_lock
from graph.remote.store import RemoteStore, control_graph_iri
from graph.vocab import DCTERMS, RG

__all__ = ["build_remote"]


def build_remote(
    root: str,
    files: Sequence[Path],
    given: Sequence[DocumentInput],
    hashes: dict[str, str],
    *,
    base: str = mint.DEFAULT_BASE,
    extractor: Extractor,
    progress: Progress | None = None,
    force: bool = False,
    graph_store: str | None = None,
    started: float | None = None,
    break_lock: bool = False,
) -> BuildReport:
    """Bring the graphs on the server at ``root`` up to date with the given documents.

    Args mirror :func:`graph.build.build_store`, which calls this for ``sparql+http(s)://``
    locations; ``hashes`` maps every given file name to its SHA-256.

    Raises:
        graph.remote.store.RemoteStoreError: when the server refuses a request (the current
            generation stays as it was: the switch is the last step).
        graph.remote.lock.BuildLockedError: when another build holds the server's build lock
            (``break_lock`` removes a lock left by a build that died).
    """
    t0 = time.perf_counter() if started is None else started
    with (
        RemoteStore(root, graph_store, base) as store,
        remote_build_lock(store, break_lock=break_lock),
    ):
        store.refresh()  # what is current now that no other build can switch generations
        previous, generation = store.manifest(), store.generation
        force = force or (generation > 0 and _old_layout(store))
        todo = {n for n, h in hashes.items() if force or _stale(previous.get(n), n, h, base)}
        removed = sorted(set(previous) - set(hashes))
        unchanged = tuple(sorted(set(hashes) - todo))
        if not todo and not removed and generation > 0:
            return BuildReport(generation, unchanged=unchanged, triples=len(store))
        prefix = str(mint.document_graph_iri("-", "0" * 64, base)).rsplit("/", 1)[0] + "/"
        for stale in store.all_graphs(prefix) - set(store.graphs):
            store.drop_graph(stale)
        entries = {n: e for n, e in previous.items() if n not in removed}
        added: list[str] = []
        updated: list[str] = []
        failed: list[tuple[str, str]] = []
        notes: list[str] = []  # what loading warned about, per document
        new_docs: list[DocumentInput | RenderedDocument] = []
        done = 0

        def put(doc: DocumentInput | RenderedDocument) -> None:
            graph_iri = str(mint.document_graph_iri(doc.name, doc.sha256, base))
            if isinstance(doc, RenderedDocument):
                body = doc.ntriples.encode("utf-8")
            else:
                body = ntriples(document_triples(doc, base)).encode("utf-8")
            store.put_graph(graph_iri, body)
            (updated if doc.name in previous else added).append(doc.name)
            entries[doc.name] = ManifestEntry(doc.name, doc.sha256, graph_iri)
            new_docs.append(doc)

        def step(name: str) -> None:
            nonlocal done
            done += 1
            if progress is not None:
                progress(name, done, len(todo))

        for doc in given:
            if doc.name in todo:
                put(doc)
                step(doc.name)
        work = [f for f in files if f.name in todo]
        for out in extractor(work) if work else ():
            if isinstance(out, RenderedDocument):
                notes.extend(out.warnings)
                put(out)
                step(out.name)
                continue
            if isinstance(out, DocumentError):
                failed.append((Path(out.path).name, f"[{out.code}] {out.reason}"))
                step(Path(out.path).name)
                continue
            notes.extend(out.doc.warnings)
            try:
                put(DocumentInput.from_result(out))
            except ValueError as exc:
                failed.append((out.doc.name, str(exc)))
            step(out.doc.name)
        if generation > 0 and not (added or updated or removed):
            return BuildReport(
                generation,
                unchanged=unchanged,
                failed=tuple(failed),
                notes=tuple(notes),
                triples=len(store),
                seconds=time.perf_counter() - t0,
            )
        for iri, graph in (
            (mint.ontology_graph_iri(base), ontology_graph()),
            (mint.gazetteer_graph_iri(base), gazetteer_graph(base)),
        ):
            store.put_graph(str(iri), ntriples(graph).encode("utf-8"))
        number = generation + 1
        derived = f"{mint.derived_graph_iri(base)}/{number}"
        docs = store.view([e.graph for e in entries.values()])
        mem = derived_store(*_document_facts(docs), base)
        whole = ox.NamedNode(mint.derived_graph_iri(base))
        data = mem.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=whole)
        store.put_graph(derived, data or b"")
        store.update(_switch(previous, entries, new_docs, number, derived, base, manifest_triples))
        store.refresh()
        return BuildReport(
            generation=number,
            added=tuple(sorted(added)),
            updated=tuple(sorted(updated)),
            removed=tuple(removed),
            unchanged=unchanged,
            failed=tuple(failed),
            notes=tuple(notes),
            triples=len(store),
            seconds=time.perf_counter() - t0,
        )


def _stale(entry: ManifestEntry | None, name: str, sha256: str, base: str) -> bool:
    """True when a document must be (re)built: new, changed, or in a graph of an older scheme."""
    return (
        entry is None
        or entry.sha256 != sha256
        or entry.graph != str(mint.document_graph_iri(name, sha256, base))
    )


def _old_layout(store: RemoteStore) -> bool:
    """True for a generation built before each fact was stored once: its documents' graphs
    describe versions themselves (now only the derived graph does), so every document is rebuilt.
    """
    found = store.query(
        f"ASK {{ GRAPH ?g {{ ?v <{RG.versionOf}> ?w }} FILTER (?g != <{store.derived}>) }}"
    )
    return bool(found)


def _document_facts(
    docs: RemoteStore,
) -> tuple[list[str], list[ox.Quad], list[tuple[ox.NamedNode, ox.NamedNode]]]:
    """What :func:`graph.rdf.derived.derived_store` needs, read from the documents' graphs of
    the new generation (``docs``): their ``rg:sharedStatements`` texts, the quads of the
    ontology and gazetteer graphs (the same as :mod:`graph.rdf.static` gives), and the (work,
    conference) pairs of NOC entries.

    Why the derived graph is computed here and not by a SPARQL Update on the server: it is then
    the very graph an embedded build writes (the same code over the same terms), whatever the
    server's habits are with literals (Virtuoso may give ``true`` back as ``1``).
    """
    rows = docs.query(f"SELECT ?text WHERE {{ ?d <{RG.sharedStatements}> ?text }}")
    ledgers = [str(r["text"].value) for r in rows]
    static: list[ox.Quad] = []
    for graph in (ontology_graph(), gazetteer_graph(docs.base)):
        text = ntriples(graph).encode("utf-8")
        static.extend(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    pairs = docs.query(
        f"SELECT DISTINCT ?w ?c WHERE {{ ?m <{RG.confirmsAt}> ?c ; <{RG.headsWork}> ?w }}"
    )
    return ledgers, static, [(r["w"], r["c"]) for r in pairs]


def _switch(
    previous: dict[str, ManifestEntry],
    entries: dict[str, ManifestEntry],
    new_docs: Sequence[DocumentInput | RenderedDocument],
    number: int,
    derived: str,
    base: str,
    manifest_triples: object,
) -> str:
    """The one Update request that makes a generation current: manifest entries out and in,
    control graph rewritten."""

    meta, control = mint.meta_graph_iri(base), control_graph_iri(base)
    rewritten = {d.name for d in new_docs}
    gone = [e for n, e in previous.items() if n not in entries or n in rewritten]
    # an entry is found by its graph, whatever IRI scheme it was written with
    ops = [
        f"DELETE WHERE {{ GRAPH <{meta}> {{ ?d <{RG.namedGraph}> <{e.graph}> ; ?p ?o }} }}"
        for e in gone
    ]
    fresh = "".join(
        ntriples(manifest_triples(d, entries[d.name].graph, base))  # type: ignore[operator]
        for d in new_docs
    )
    if fresh:
        ops.append(f"INSERT DATA {{ GRAPH <{meta}> {{ {fresh} }} }}")
    ops.append(f"DELETE WHERE {{ GRAPH <{control}> {{ ?s ?p ?o }} }}")
    c = URIRef(control)
    ops.append(
        f"INSERT DATA {{ GRAPH <{control}> {{ "
        + ntriples([(c, DCTERMS.hasVersion, Literal(number)), (c, RG.namedGraph, URIRef(derived))])
        + " } }"
    )
    return " ;\n".join(ops)
