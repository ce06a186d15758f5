"""The meta-graph entry of one document: file name -> SHA-256 -> named graph.

Why its own module: both build backends (:mod:`graph.embedded.build`, :mod:`graph.remote.build`)
write the same manifest, and readers of either store find documents through it.

Example:
    >>> from graph.rdf.input import DocumentInput
    >>> doc = DocumentInput(name="a.txt", sha256="1" * 64, records=())
    >>> len(manifest_triples(doc, "urn:g", "https://w3id.org/resgraph/"))
    4
"""

from __future__ import annotations

import time

from rdflib import Literal, URIRef
from rdflib.term import Node

from graph import mint
from graph.rdf.input import DocumentInput
from graph.rdf.workers import RenderedDocument
from graph.vocab import DCTERMS, RG, XSD

__all__ = ["manifest_triples"]


def manifest_triples(
    doc: DocumentInput | RenderedDocument, graph_iri: str, base: str
) -> list[tuple[Node, ...]]:
    """The meta-graph entry of one document: file name -> SHA-256 -> named graph (its subject is
    :func:`graph.mint.manifest_entry_iri`, not the document, which its own graph describes)."""
    d = mint.manifest_entry_iri(doc.name, doc.sha256, base)
    stamp = Literal(time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), datatype=XSD.dateTime)
    return [
        (d, RG.fileName, Literal(doc.name)),
        (d, RG.sha256, Literal(doc.sha256)),
        (d, RG.namedGraph, URIRef(graph_iri)),
        (d, DCTERMS.modified, stamp),
    ]
