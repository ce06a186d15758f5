"""The provenance half of a document's graph: its triple set, mentions, sections and paragraphs.

Why its own module: :mod:`graph.rdf.document` maps each record to what it means (works, versions,
citations, assignments); where a record was read (document, offsets, section, paragraph) is the
same for every kind of record, and is what keeps each mention a node of its own document's graph.

Example:
    >>> from graph.rdf.input import DocumentInput
    >>> doc = DocumentInput(name="a.txt", sha256="0" * 64, records=())
    >>> b = GraphBuilder(doc, mint.DEFAULT_BASE)
    >>> b.first("x"), b.first("x")
    (True, False)
"""

from __future__ import annotations

from collections.abc import Hashable

from rdflib import URIRef
from rdflib.term import Node

from extract import load_gazetteer
from graph import mint
from graph.rdf.input import DocumentInput
from graph.rdf.records import Record
from graph.rdf.terms import DCTERMS, RDF, RG, int_literal, str_literal

__all__ = ["GraphBuilder", "Triple"]

Triple = tuple[URIRef, URIRef, Node]


class GraphBuilder:
    """The triples of one document so far, and the provenance of its mentions (the subclass in
    :mod:`graph.rdf.document` adds what the records mean)."""

    def __init__(self, doc: DocumentInput, base: str) -> None:
        self.doc = doc
        self.base = base
        # the triples in the order they were stated, each once (a dict used as an ordered set):
        # iterated in that order, consecutive triples sit next to each other in memory, where a
        # set's hash order made every read of a large document's triples a cache miss (its
        # rendering cost 16% more per triple at 8x the size), and the text is the same in every
        # process whatever PYTHONHASHSEED is
        self.triples: dict[Triple, None] = {}
        self.gaz = load_gazetteer()
        self.doc_iri = mint.document_iri(doc.name, doc.sha256, base)
        # the versions (or works) headings open, in order of their start: all of them, and per
        # resolution number (DocumentBuilder.host finds a citation's by bisection)
        self.hosts_at: tuple[list[int], list[URIRef]] = ([], [])
        self.hosts_of: dict[str, tuple[list[int], list[URIRef]]] = {}
        # nodes already described (works, versions, sections, paragraphs, actors): a node cited
        # fifty times is described once, not rebuilt and re-added fifty times
        self.described: set[Hashable] = set()

    def first(self, node: Hashable) -> bool:
        """True the first time ``node`` is seen, so its description is added once."""
        if node in self.described:
            return False
        self.described.add(node)
        return True

    def add(self, s: Node, p: Node, o: Node | None) -> None:
        if o is not None:
            self.triples[(s, p, o)] = None  # type: ignore[index]

    # ------------------------------------------------------------------ provenance
    def mention(self, node: URIRef, rec: Record, cls: URIRef) -> None:
        self.add(node, RDF.type, cls)
        self.add(node, RG.sourceDocument, self.doc_iri)
        self.add(node, RG.start, int_literal(rec.start))
        self.add(node, RG.end, int_literal(rec.end))
        self.add(node, RG.surface, str_literal(rec.surface))
        pattern = getattr(rec, "pattern", None)
        self.add(node, RG.pattern, str_literal(pattern) if pattern else None)
        proposal = getattr(rec, "proposal", None)
        self.add(node, RG.proposal, str_literal(proposal) if proposal else None)
        host = getattr(rec, "host", None)
        self.add(node, RG.hostNumber, str_literal(host) if host else None)
        self.place(node, rec)

    def place(self, node: URIRef, rec: Record) -> None:
        """Section and paragraph of a mention: from the structure if known, else by name."""
        name = rec.section
        label = getattr(rec, "paragraph", None)
        self.add(node, RG.sectionName, str_literal(name) if name else None)
        self.add(node, RG.paragraphLabel, str_literal(label) if label else None)
        loc = self.doc.structure.locate(rec.start) if self.doc.structure else None
        if loc is not None and loc.section is not None:
            sec = loc.section
            s = mint.section_iri(self.doc_iri, str(sec.heading_start))
            self.section(s, sec.name, sec.kind)
            self.add(s, RG.start, int_literal(sec.start))
            self.add(s, RG.end, int_literal(sec.end))
            self.add(node, RG.inSection, s)
            if loc.paragraph is not None:
                p = mint.paragraph_iri(self.doc_iri, str(loc.paragraph.start))
                self.paragraph(p, s, loc.paragraph.label)
                self.add(p, RG.start, int_literal(loc.paragraph.start))
                self.add(p, RG.end, int_literal(loc.paragraph.end))
                self.add(node, RG.inParagraph, p)
            return
        if not name:
            return
        host = getattr(rec, "host", None) or getattr(rec, "resolution", None) or "_"
        key = f"{mint.slug(str(host))}/{mint.slug(name)}"
        s = mint.section_iri(self.doc_iri, key)
        self.section(s, name, getattr(rec, "section_kind", None))
        self.add(node, RG.inSection, s)
        if label:
            p = mint.paragraph_iri(self.doc_iri, f"{key}/{mint.slug(label)}")
            self.paragraph(p, s, label)
            self.add(node, RG.inParagraph, p)

    def section(self, s: URIRef, name: str, kind: str | None) -> None:
        if not self.first(s):
            return
        self.add(s, RDF.type, RG.Section)
        self.add(s, RG.sectionName, str_literal(name))
        self.add(s, RG.sectionKind, str_literal(kind) if kind else None)
        self.add(s, RG.sourceDocument, self.doc_iri)
        self.add(s, DCTERMS.isPartOf, self.doc_iri)

    def paragraph(self, p: URIRef, s: URIRef, label: str | None) -> None:
        if not self.first(p):
            return
        self.add(p, RDF.type, RG.Paragraph)
        self.add(p, RG.paragraphLabel, str_literal(label) if label else None)
        self.add(p, RG.sourceDocument, self.doc_iri)
        self.add(p, DCTERMS.isPartOf, s)
