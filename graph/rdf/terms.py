"""The RDF terms rendering a document reads most, each built once.

Why: rendering a document's named graph reads a few hundred thousand terms. On an rdflib
namespace every ``RG.start`` checks the name and builds a new URIRef (about 2 µs), and rdflib
builds a literal in about 5 µs, while most literals repeat across records and documents (years,
offsets, numbers, section names). Terms are immutable, so they are shared: namespaces through
:class:`graph.vocab.TermCache`, literals through bounded caches.

Example:
    >>> int_literal(2022) is int_literal(2022), str(RG.Citation).endswith("#Citation")
    (True, True)
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Literal

from graph import vocab
from graph.vocab import XSD, TermCache

__all__ = ["CITO", "DCTERMS", "FALSE", "RDF", "RDFS", "RG", "TRUE", "int_literal", "str_literal"]

RG, RDF, RDFS, DCTERMS, CITO = (
    TermCache(ns) for ns in (vocab.RG, vocab.RDF, vocab.RDFS, vocab.DCTERMS, vocab.CITO)
)
TRUE, FALSE = Literal(True), Literal(False)
_LITERAL_CACHE = 1 << 16


@lru_cache(maxsize=_LITERAL_CACHE)
def int_literal(value: int) -> Literal:
    """An ``xsd:integer`` literal, shared between records and documents."""
    return Literal(int(value), datatype=XSD.integer)


@lru_cache(maxsize=_LITERAL_CACHE)
def str_literal(value: str, lang: str | None = None) -> Literal:
    """A short plain (or language-tagged) string literal. Long one-off texts (clause text) are
    built directly so that they do not crowd the cache."""
    return Literal(value, lang=lang)
