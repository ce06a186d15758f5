"""N-Triples and N-Quads text of rdflib terms: what the builder hands to the stores.

Why text: Oxigraph parses N-Quads in Rust faster than Python can build its term objects, a
Graph Store Protocol ``PUT`` takes N-Triples, and worker processes send a document's graph back
as one buffer. Blank nodes are never minted by the builder, so only IRIs and literals occur.

Example:
    >>> from rdflib import Literal, URIRef
    >>> ntriples([(URIRef("urn:a"), URIRef("urn:p"), Literal("x"))])
    '<urn:a> <urn:p> "x" .\\n'
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.term import Node

__all__ = ["load_graph", "nquads", "nquads_utf8", "ntriples"]

#: Triples written and encoded at a time by :func:`nquads_utf8` (a few hundred kilobytes of text).
CHUNK = 2048


def _escape(text: str) -> str:
    """The body of an N-Triples string literal.

    Why ``str.replace`` rather than one ``str.translate``: translate goes through a Python-level
    table lookup per character (about 5 ns each), which made a document's ``rg:sharedStatements``
    literal (megabytes of text) the costliest term to write; each ``replace`` is a C scan that
    returns its input unchanged when it finds nothing, and most literals need no escape.
    """
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")


def _nt(term: Node) -> str:
    """N-Triples syntax of an rdflib IRI or literal."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = '"' + _escape(str(term)) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^<{term.datatype}>"
        return text
    raise ValueError(f"unsupported RDF term {term!r} (blank nodes are not used by the builder)")


def nquads(triples: Iterable[tuple[Node, Node, Node]], graph_iri: str) -> str:
    """N-Quads text putting ``triples`` into the named graph ``graph_iri``.

    Why text: Oxigraph parses N-Quads in Rust faster than Python can build term objects.

    Example:
        >>> nquads([(URIRef("urn:a"), URIRef("urn:p"), Literal('say "hi"', lang="en"))], "urn:g")
        '<urn:a> <urn:p> "say \\\\"hi\\\\""@en <urn:g> .\\n'
    """
    g = f"<{graph_iri}>"
    return "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} {g} .\n" for s, p, o in triples)


def nquads_utf8(triples: Iterable[tuple[Node, Node, Node]], graph_iri: str) -> bytes:
    """:func:`nquads` encoded as UTF-8, written a chunk of triples at a time.

    Why chunks: joining a large document's lines into one string and then encoding it walks
    megabytes twice after they have left the CPU cache, so each triple of a large document cost
    more than one of a small document; a chunk is joined and encoded while it is still in cache,
    and only the bytes of the whole are copied once more.

    Example:
        >>> nquads_utf8([(URIRef("urn:a"), URIRef("urn:p"), Literal("é"))], "urn:g")
        b'<urn:a> <urn:p> "\\xc3\\xa9" <urn:g> .\\n'
    """
    g = f" <{graph_iri}> .\n"
    it = iter(triples)
    parts = []
    while chunk := list(islice(it, CHUNK)):
        parts.append("".join(f"{_nt(s)} {_nt(p)} {_nt(o)}{g}" for s, p, o in chunk).encode())
    return b"".join(parts)


def load_graph(store: ox.Store, triples: Iterable[tuple[Node, Node, Node]], graph_iri: str) -> None:
    """Add triples (an rdflib Graph or a set of term tuples) to one named graph of a store.

    Example:
        >>> from graph.rdf.static import ontology_graph
        >>> s = ox.Store()
        >>> load_graph(s, ontology_graph(), "urn:g")
        >>> len(s) > 100
        True
    """
    store.load(nquads(triples, graph_iri).encode("utf-8"), format=ox.RdfFormat.N_QUADS)


def ntriples(triples: Iterable[tuple[Node, ...]]) -> str:
    """N-Triples text of rdflib term tuples (also valid Turtle, for Graph Store Protocol PUTs).

    Example:
        >>> ntriples([(URIRef("urn:a"), URIRef("urn:p"), Literal(1))])
        '<urn:a> <urn:p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\\n'
    """
    return "".join(f"{_nt(s)} {_nt(p)} {_nt(o)} .\n" for s, p, o in triples)
