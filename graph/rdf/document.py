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

import bisect
import contextlib
import gc
from collections.abc import Iterator

from rdflib import Graph, Literal, URIRef

from extract import Assignment, Citation, Heading
from graph import mint
from graph.rdf.input import DocumentInput
from graph.rdf.positions import add_document_positions, add_mention_position
from graph.rdf.proposals import add_proposals
from graph.rdf.provenance import GraphBuilder, Triple
from graph.rdf.records import Record
from graph.rdf.source_text import add_source_text
from graph.rdf.terms import CITO, DCTERMS, FALSE, RDF, RDFS, RG, TRUE, int_literal, str_literal
from graph.rdf.text import ntriples
from graph.vocab import (
    actor_class,
    basis_concept,
    citation_class,
    instrument_class,
    status_concept,
)

__all__ = [
    "DocumentInput",
    "Triple",
    "document_graph",
    "document_statements",
    "document_triples",
]

MAX_CLAUSE = 4000  # characters of clause text kept per assignment
_NO_HOSTS: tuple[list[int], list[URIRef]] = ([], [])


class _Builder(GraphBuilder):
    """Accumulates the triples of one document; one instance per call of document_graph."""

    def mention(self, node: URIRef, rec: Record, cls: URIRef) -> None:
        super().mention(node, rec, cls)
        add_mention_position(self, node, rec.start)  # PDF page, HTML element, Word footnote

    # ------------------------------------------------------------------ works and versions
    def work(self, organ: str, number: str, kind: str = "resolution") -> URIRef:
        w = mint.work_iri(organ, number, kind, self.base)
        if not self.first(w):
            return w
        self.add(w, RDF.type, instrument_class(kind))
        self.add(w, RG.number, str_literal(number))
        self.add(w, RDFS.label, str_literal(f"{organ} {kind.capitalize()} {number}", lang="en"))
        if organ != "unknown":
            self.add(w, RG.organ, mint.organ_iri(organ, self.base))
        return w

    def conference(self, organ: str, year: int, venue: str | None) -> URIRef:
        c = mint.conference_iri(organ, year, self.base)
        known = [x for x in self.gaz.of_organ(organ) if x.year == year]
        if not known:  # not in the gazetteer (e.g. a Council session): describe it here
            self.add(c, RDF.type, RG.Conference)
            self.add(c, RG.organ, mint.organ_iri(organ, self.base))
            self.add(c, RG.year, int_literal(year))
            self.add(c, RDFS.label, str_literal(f"{organ} {year}"))
            if venue:
                self.add(c, RG.venue, str_literal(self.gaz.canonical_venue(venue) or venue))
        return c

    def version(
        self, organ: str, number: str, year: int, venue: str | None, kind: str = "resolution"
    ) -> URIRef:
        v = mint.version_iri(organ, number, year, kind, self.base)
        if not self.first((v, venue)):
            return v
        w = self.work(organ, number, kind)
        self.add(v, RDF.type, RG.ResolutionVersion if kind == "resolution" else RG.Version)
        self.add(v, RG.versionOf, w)
        self.add(v, RG.adoptedAt, self.conference(organ, year, venue))
        self.add(v, RG.year, int_literal(year))
        label = f"{organ} {kind.capitalize()} {number} ({year})"
        self.add(v, RDFS.label, str_literal(label, lang="en"))
        return v

    def organ_of(self, body: str, venue: str | None, year: int | None) -> str:
        """The organ of a record: its body, or the gazetteer's when the body is unknown."""
        if body != "unknown":
            return mint.organ_code(body)
        if venue and year:
            return self.gaz.organ_for(venue, year) or "unknown"
        return "unknown"

    # ------------------------------------------------------------------ records
    def document(self) -> None:
        d, doc = self.doc_iri, self.doc
        self.add(d, RDF.type, RG.SourceDocument)
        self.add(d, RG.fileName, str_literal(doc.name))
        self.add(d, RDFS.label, str_literal(doc.name))
        self.add(d, RG.sha256, str_literal(doc.sha256))
        self.add(d, DCTERMS.identifier, str_literal(mint.document_key(doc.name, doc.sha256)))
        self.add(d, DCTERMS.format, str_literal(doc.format))
        self.add(d, DCTERMS.language, str_literal(doc.lang))
        if doc.text_length is not None:
            self.add(d, RG.textLength, int_literal(doc.text_length))
        add_document_positions(self)

    def heading(self, h: Heading) -> None:
        node = mint.mention_iri(self.doc_iri, "heading", h.start, h.end)
        self.mention(node, h, RG.HeadingMention)
        self.add(node, RG.statusMarker, str_literal(h.status_marker) if h.status_marker else None)
        self.add(node, RG.laterNumber, str_literal(h.later_number) if h.later_number else None)
        lang = h.title_lang or self.doc.lang
        self.add(node, DCTERMS.title, str_literal(h.title, lang=lang) if h.title else None)
        number = h.number or h.later_number
        if not number or h.body == "unknown":
            return
        organ = mint.organ_code(h.body)
        work = self.work(organ, number)
        self.add(node, RG.headsWork, work)
        venue, year = h.version_venue, h.version_year
        conf = self.doc.conference
        own_results = bool(conf and self.gaz.organ_for(conf.venue, conf.year) == organ)
        if h.status == "NOC" and conf and own_results:
            # a NOC entry of the conference's own results: the conference left the work as it
            # was, so no version of that year exists; the derived graph records the
            # confirmation on the latest earlier version (graph.rdf.derived)
            self.add(node, RG.confirmsAt, self.conference(organ, conf.year, conf.venue))
        elif year is None and h.status and conf and own_results:
            venue, year = conf.venue, conf.year  # a table entry of the conference's own results
        target = work
        if year is not None:
            target = self.version(organ, number, year, venue)
            self.add(node, RG.heads, target)
            if h.status != "NOC":  # NOC is no status of a version: see rg:confirmedAt
                self.add(target, RG.status, status_concept(h.status) if h.status else None)
            if not (h.section or "").casefold().startswith("table"):
                self.add(target, RG.hasText, TRUE)
                self.add(target, RG.textIn, self.doc_iri)
            self.history(organ, number, year, h)
        self.add(target, DCTERMS.title, str_literal(h.title, lang=lang) if h.title else None)
        for starts, targets in (self.hosts_at, self.hosts_of.setdefault(number, ([], []))):
            starts.append(h.start)
            targets.append(target)

    def history(self, organ: str, number: str, year: int, h: Heading) -> None:
        """Chain the versions of the history line (and a run-together old version)."""
        refs = list(h.history or ())
        if h.version_also is not None and not refs:
            refs = [h.version_also]
        years = sorted({r.year: r for r in refs if r.year < year}.items())
        chain = [self.version(organ, number, y, r.venue) for y, r in years]
        chain.append(mint.version_iri(organ, number, year, base=self.base))
        for newer, older in zip(chain[1:], chain[:-1], strict=True):
            self.add(newer, RG.previousVersion, older)

    def host(self, number: str | None, offset: int) -> URIRef:
        """The version (or work) whose text holds ``offset``; the document if none is known.

        Why the nearest preceding heading with that number: a document may hold several copies
        of one resolution (side-by-side proposals, a table and an annex). Why bisection: a long
        document has thousands of headings and as many citations, and a scan of the headings per
        citation made rendering grow with the square of the document's size.
        """
        starts, targets = self.hosts_of.get(number, _NO_HOSTS) if number else self.hosts_at
        if not starts:
            return self.doc_iri
        i = bisect.bisect_right(starts, offset)  # headings come in order of their start
        if i == 0:  # before every heading with that number: the first (none: the document)
            return targets[0] if number else self.doc_iri
        return targets[i - 1]

    def citation(self, c: Citation) -> None:
        if c.kind in ("un_resolution", "non_itu"):
            return  # a near-miss (UN, another organisation): never an ITU work or edge
        organ = self.organ_of(c.body, c.venue, c.year)
        if c.role == "heading":
            node = mint.mention_iri(self.doc_iri, "heading", c.start, c.end)
            self.mention(node, c, RG.HeadingMention)
            self.add(node, RG.attributionBasis, basis_concept(c.body_basis))
            if c.kind == "resolution":
                cited = self.cited(c, organ)
                self.add(node, RG.heads if c.year else RG.headsWork, cited)
            return
        node = mint.mention_iri(self.doc_iri, "citation", c.start, c.end)
        cls, characterization = citation_class(c.section_kind, c.kind)
        self.mention(node, c, cls)
        if cls != RG.Citation:
            self.add(node, RDF.type, RG.Citation)
        self.add(node, CITO.hasCitationCharacterization, characterization)
        self.add(node, RG.citationKind, str_literal(c.kind))
        self.add(node, RG.citedNumber, str_literal(c.number))
        self.add(node, RG.revised, TRUE if c.revised else FALSE)
        self.add(node, RG.attributionBasis, basis_concept(c.body_basis))
        self.add(node, RG.sector, str_literal(c.sector) if c.sector else None)
        if organ != "unknown":
            self.add(node, RG.citedOrgan, mint.organ_iri(organ, self.base))
        if c.venue:
            self.add(node, RG.citedVenue, str_literal(self.gaz.canonical_venue(c.venue) or c.venue))
        if c.year:
            self.add(node, RG.citedYear, int_literal(c.year))
            if organ != "unknown":
                self.add(node, RG.citedConference, mint.conference_iri(organ, c.year, self.base))
        citing = self.host(c.host, c.start)
        self.add(node, CITO.hasCitingEntity, citing)
        if c.kind == "internal":
            self.add(node, CITO.hasCitedEntity, citing)
            return
        cited = self.cited(c, organ)
        self.add(node, CITO.hasCitedEntity, cited)
        self.add(node, RG.citedWork, self.work(organ, c.number, c.kind))
        if cited != citing:
            self.add(citing, CITO.cites, cited)
        if c.also is not None and organ != "unknown":
            number = c.also_number or c.number
            self.add(node, RG.alsoCited, self.version(organ, number, c.also.year, c.also.venue))

    def cited(self, c: Citation, organ: str) -> URIRef:
        if c.year and organ != "unknown":
            return self.version(organ, c.number, c.year, c.venue, c.kind)
        return self.work(organ, c.number, c.kind)

    def assignment(self, a: Assignment) -> None:
        node = mint.mention_iri(self.doc_iri, "assignment", a.start, a.end)
        self.mention(node, a, RG.Assignment)
        self.add(node, RG.verb, str_literal(a.verb))
        self.add(node, RG.addresseeText, str_literal(a.addressee))
        self.add(node, RG.assignmentSource, str_literal(a.source))
        q = a.addressee_qualifier
        self.add(node, RG.addresseeQualifier, str_literal(q) if q else None)
        for code in a.addressees or (a.addressee,):
            self.add(node, RG.addressee, self.actor(code))
        for code in a.collaborators:
            self.add(node, RG.collaborator, self.actor(code))
        for item in a.items:
            self.add(node, RG.item, str_literal(item))
        clause = self.clause(a)
        self.add(node, RG.clauseText, Literal(clause) if clause else None)
        if a.source == "reported" and a.resolution and a.resolution_body:
            by: URIRef = self.work(mint.organ_code(a.resolution_body), a.resolution)
        else:
            by = self.host(a.resolution, a.start)
        self.add(node, RG.assignedBy, by)

    def clause(self, a: Assignment) -> str | None:
        """The clause an assignment heads: to the end of its paragraph, else of its section."""
        text, structure = self.doc.text, self.doc.structure
        if text is None or structure is None:
            return None
        loc = structure.locate(a.start)
        ends = [x.end for x in (loc.paragraph, loc.section) if x is not None and x.end > a.end]
        if not ends:
            return None
        return text[a.start : min(ends[0], a.start + MAX_CLAUSE)].strip() or None

    def actor(self, code: str) -> URIRef:
        iri = mint.actor_iri(code, self.base)
        if not self.first(iri):
            return iri
        category = mint.actor_category(code)
        self.add(iri, RDF.type, actor_class(category))
        if category != "organ":  # organs are described by the gazetteer graph
            self.add(iri, RDFS.label, str_literal(code))
        return iri


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
    with _collector_paused():
        return _statements(doc, base)


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection while one document is rendered.

    Why: rendering allocates a few objects per triple (tuples, terms, strings) and frees them
    by reference counting; none forms a cycle. Left on, the collector is triggered every 700
    allocations and its older generations walk every object the process holds (in a build of
    a large corpus, every record of every document still queued), so it took a third of the
    time and its share grew with the corpus. It is switched back on at the end of the document
    (if it was on), so it still runs between documents.
    """
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _statements(doc: DocumentInput, base: str) -> tuple[list[Triple], list[Triple]]:
    b = _Builder(doc, base)
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
