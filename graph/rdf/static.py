"""The graphs that do not come from documents: the ontology itself and the conference gazetteer.

Why in the store: SPARQL users should see labels and comments of the terms (the ontology graph),
and conferences and organs must exist as individuals with labels ("WTSA-20") even when no loaded
document names them (the gazetteer graph). Both come from the single sources of truth,
``ontology/resgraph.ttl`` and ``extract/gazetteer/conferences.json``.

Example:
    >>> g = gazetteer_graph()
    >>> from graph.vocab import RDFS
    >>> from graph.mint import conference_iri
    >>> str(g.value(conference_iri("WTSA", 2022), RDFS.label))
    'WTSA-20'
"""

from __future__ import annotations

import re

from rdflib import Graph, Literal

from extract import load_gazetteer
from graph import mint
from graph.vocab import RDF, RDFS, RG, SKOS, XSD, ontology_text

__all__ = ["gazetteer_graph", "ontology_graph", "shapes_graph"]

_CJK = re.compile(r"[\u3400-\u9fff]")


def ontology_graph() -> Graph:
    """The OWL ontology (``ontology/resgraph.ttl``) as an rdflib Graph.

    Example:
        >>> from graph.vocab import OWL
        >>> (None, RDF.type, OWL.Ontology) in ontology_graph()
        True
    """
    return Graph().parse(data=ontology_text("resgraph.ttl"), format="turtle")


def shapes_graph() -> Graph:
    """The SHACL shapes (``ontology/shapes.ttl``) as an rdflib Graph.

    Example:
        >>> len(shapes_graph()) > 0
        True
    """
    return Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")


def _lang(name: str) -> str:
    return "zh" if _CJK.search(name) else "en"


def gazetteer_graph(base: str = mint.DEFAULT_BASE) -> Graph:
    """Organs and conferences of the gazetteer as individuals.

    Each organ gets its label, its names (``skos:altLabel``, language-tagged) and its code as
    ``skos:notation``; each conference its organ, venue, year, label ("WTSA-20"), aliases and note.

    Example:
        >>> from graph.mint import organ_iri
        >>> str(gazetteer_graph().value(organ_iri("PP"), SKOS.notation))
        'PP'
    """
    gaz = load_gazetteer()
    g = Graph()
    for code, info in gaz.organs.items():
        o = mint.organ_iri(code, base)
        g.add((o, RDF.type, RG.Organ))
        g.add((o, RDFS.label, Literal(str(info["label"]), lang="en")))
        g.add((o, SKOS.prefLabel, Literal(str(info["label"]), lang="en")))
        g.add((o, SKOS.notation, Literal(code)))
        names = info.get("names", ())
        for name in names if isinstance(names, list | tuple) else ():
            g.add((o, SKOS.altLabel, Literal(str(name), lang=_lang(str(name)))))
    for c in gaz.conferences:
        node = mint.conference_iri(c.organ, c.year, base)
        g.add((node, RDF.type, RG.Conference))
        g.add((node, RG.organ, mint.organ_iri(c.organ, base)))
        g.add((node, RG.venue, Literal(c.venue)))
        g.add((node, RG.year, Literal(c.year, datatype=XSD.integer)))
        g.add((node, RDFS.label, Literal(c.label)))
        g.add((node, SKOS.prefLabel, Literal(f"{c.label} ({c.venue}, {c.year})", lang="en")))
        g.add((node, SKOS.notation, Literal(c.id)))
        for alias in c.aliases:
            g.add((node, SKOS.altLabel, Literal(alias)))
        if c.note:
            g.add((node, RDFS.comment, Literal(c.note, lang="en")))
    return g
