"""The triples of one document's records: works, versions, conferences, actors and the mentions
that state them (:class:`DocumentBuilder`).

Why apart from :mod:`graph.rdf.document`: that module decides what a document's named graph
holds (its own nodes, and its statements about shared resources as one N-Triples text); this one
maps each heading, citation and assignment record to triples, one method per kind of node, on a
:class:`~graph.rdf.provenance.GraphBuilder` that mints each node once.

Example:
    >>> from graph.rdf.input import DocumentInput
    >>> b = DocumentBuilder(DocumentInput(name="e.txt", sha256="0" * 64, records=()), "https://x/")
    >>> str(b.work("PP", "195")).split("/id/")[1]
    'resolution/pp/195'
"""

from __future__ import annotations

import bisect

from rdflib import Literal, URIRef

from extract import Assignment, Citation, Heading
from graph import mint
from graph.rdf.positions import add_document_positions, add_mention_position
from graph.rdf.provenance import GraphBuilder
from graph.rdf.records import Record
from graph.rdf.terms import CITO, DCTERMS, FALSE, RDF, RDFS, RG, TRUE, int_literal, str_literal
from graph.vocab import (
    actor_class,
    basis_concept,
    citation_class,
    instrument_class,
    status_concept,
)

__all__ = ["MAX_CLAUSE", "DocumentBuilder"]

MAX_CLAUSE = 4000  # characters of clause text kept per assignment
_NO_HOSTS: tuple[list[int], list[URIRef]] = ([], [])


class DocumentBuilder(GraphBuilder):
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
