"""One source document's records -> an rdflib Graph (the content of its named graph).

Why per document: the store keeps one named graph per source document, keyed by its file name and
content hash (:func:`graph.mint.document_key`), so a changed document is replaced and a removed one
dropped without touching the others, even a byte-identical copy under another name.

Why a document's graph holds only its own nodes: what it says about shared resources (works,
versions, conferences, actors, ``cito:cites`` edges between versions) other documents say too, and
the union default graph would return such a fact once per graph. Those triples are split off
(:func:`document_statements`) and kept in the graph as one N-Triples text
(``rg:sharedStatements``); after every build the derived graph holds each of them once, together
with the facts that need several documents at once (stub versions, previous-version links between
versions loaded from different files), see ``graph.rdf.derived`` and ``docs/named-graphs.md``.

What one document contributes:

- the ``rg:SourceDocument`` node (file name, SHA-256, format, language, text length);
- per heading record: a ``rg:HeadingMention`` with provenance, the work and the version it opens
  (title language-tagged, status, ``rg:hasText true`` unless it is only a table entry), and the
  ``rg:previousVersion`` chain of its history line; a NOC entry of the document's conference opens
  no version (the conference left the work unchanged): its mention has ``rg:confirmsAt``;
- per citation record: a reified ``rg:Citation`` (typed by section function, see
  :func:`graph.vocab.citation_class`) with provenance, plus the direct ``cito:cites`` edge from the
  citing version to the cited version (or work when no conference is given);
- per assignment record: a ``rg:Assignment`` with verb, addressees, collaborators and items;
- the sections and paragraphs these records sit in.

Example:
    >>> from extract.models import Citation
    >>> doc = DocumentInput(name="a.txt", sha256="ab" * 32, records=(Citation(
    ...     doc="a.txt", start=0, end=28, surface="Resolution 195 (Busan, 2014)",
    ...     kind="resolution", number="195", body="PP", venue="Busan", year=2014,
    ...     revised=False, body_basis="explicit", section="recalling"),))
    >>> g = document_graph(doc)
    >>> from graph.vocab import CITO
    >>> [str(o).split("/id/")[1] for o in g.objects(None, CITO.cites)]
    ['resolution/pp/195/2014']
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

from rdflib import Graph, Literal

from extract import Citation, Heading
from graph import mint
from graph.rdf.document_builder import DocumentBuilder
from graph.rdf.input import DocumentInput
from graph.rdf.proposals import add_proposals
from graph.rdf.provenance import Triple
from graph.rdf.source_text import add_source_text
from graph.rdf.terms import RG
from graph.rdf.text import ntriples

__all__ = [
    "DocumentInput",
    "Triple",
    "collector_paused",
    "document_graph",
    "document_statements",
    "document_triples",
]


def document_statements(
    doc: DocumentInput, base: str = mint.DEFAULT_BASE
) -> tuple[list[Triple], list[Triple]]:
    """What one document states: ``(own, shared)``, each triple once.

    ``own`` are the triples about nodes only this document has (its ``rg:SourceDocument`` node,
    its mentions, sections and paragraphs: every IRI minted under the document's own IRI).
    ``shared`` are those about resources other documents may describe too (works, versions,
    conferences, actors, ``cito:cites`` edges between versions): the build stores each of them
    once, in the derived graph (see :func:`document_triples`).

    Raises:
        ValueError: naming the document and record when a record cannot be mapped (unknown
            organ, status or attribution basis).

    Example:
        >>> own, shared = document_statements(DocumentInput(name="e.txt", sha256="0" * 64,
        ...     records=()))
        >>> len(own) > 3, shared
        (True, [])
    """
    with collector_paused():
        return _statements(doc, base)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one document is rendered.

    Why: rendering allocates a few objects per triple (tuples, terms, strings) and frees them
    by reference counting; none forms a cycle. Left on, the collector is triggered every 700
    allocations and its older generations walk every object the process holds (in a build of
    a large corpus, every record of every document still queued), so it took a third of the
    time and its share grew with the corpus. It is switched back on at the end of the document
    (if it was on), so it still runs between documents.

    Why the pause must last until the triples are text (:func:`document_triples`,
    :func:`graph.rdf.workers.render_input`): the collector also counts the objects allocated
    while it is off, so switched on while the document's triples are still alive, its next run
    walks all of them (and the runs after it, once they are promoted to the older generations):
    2.7 of 36 s of rendering the 2.1M-triple corpus, more per triple in larger documents.
    Switched on once they are freed, it finds nothing left to walk.

    Example:
        >>> with collector_paused():
        ...     gc.isenabled()
        False
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _statements(doc: DocumentInput, base: str) -> tuple[list[Triple], list[Triple]]:
    b = DocumentBuilder(doc, base)
    b.document()
    ordered = sorted(doc.records, key=lambda r: (not isinstance(r, Heading), r.start))
    for rec in ordered:
        try:
            if isinstance(rec, Heading):
                b.heading(rec)
            elif isinstance(rec, Citation):
                b.citation(rec)
            else:
                b.assignment(rec)
        except ValueError as exc:
            raise ValueError(f"{doc.name}: record at {rec.start}-{rec.end}: {exc}") from None
    try:  # the proposals the document holds, over the mentions just built
        add_proposals(b, doc.proposals, doc.records)
    except ValueError as exc:
        raise ValueError(f"{doc.name}: proposals: {exc}") from None
    add_source_text(b)  # the text the offsets index, for the source view
    # every IRI of the document's own nodes starts with the document's IRI (graph.mint), and no
    # other IRI does; str.startswith spares rdflib's Python-level comparison of 10^6 triples
    doc_iri = str(b.doc_iri)
    own: list[Triple] = []
    shared: list[Triple] = []
    for triple in b.triples:
        (own if str.startswith(triple[0], doc_iri) else shared).append(triple)
    return own, shared


def document_triples(doc: DocumentInput, base: str = mint.DEFAULT_BASE) -> list[Triple]:
    """The content of a document's named graph: its own triples and, as one N-Triples literal
    (``rg:sharedStatements`` on its ``rg:SourceDocument`` node), what it states about shared
    resources (:func:`document_statements`).

    Why the shared facts as text: a fact several documents state (a version's conference, a
    work's label) would be returned once per graph by the union default graph if each document's
    graph held it. As text it is no triple; the build unions these texts into the derived graph
    after every build (:func:`graph.rdf.derived.derived_store`), so each fact is stored once, and
    a removed or changed document takes away exactly what no other document states.

    Why a list of rdflib terms rather than a Graph: the builder loads them straight into
    Oxigraph, and an rdflib Graph would only add indexing cost (a third of a large build).
    Headings go first so that citations and assignments find the version they sit in.

    Raises:
        ValueError: as :func:`document_statements`.

    Example:
        >>> len(document_triples(DocumentInput(name="e.txt", sha256="0" * 64, records=()))) > 3
        True
    """
    with collector_paused():
        own, shared = document_statements(doc, base)
        if shared:
            doc_iri = mint.document_iri(doc.name, doc.sha256, base)
            own.append((doc_iri, RG.sharedStatements, Literal(ntriples(shared))))
        return own


def document_graph(doc: DocumentInput, base: str = mint.DEFAULT_BASE) -> Graph:
    """Everything one document states (its own and its shared triples, see
    :func:`document_statements`) as an rdflib Graph, for inspection and tests (the module
    docstring shows one)."""
    g = Graph()
    for part in document_statements(doc, base):
        for triple in part:
            g.add(triple)
    return g
