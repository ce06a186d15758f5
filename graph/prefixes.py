"""Namespace prefixes for Turtle output and compact names (CURIEs), from the vocabulary module.

Why here: the SPARQL endpoint's Turtle answers, the ``/id/`` pages and the exports write
prefixes; spelling the namespace IRIs once (in :mod:`graph.vocab`) keeps the API free of them.
Two sets, as served and as exported, so that neither output changes.

Example:
    >>> PREFIXES["rg"]
    'https://w3id.org/resgraph/ontology#'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from graph.vocab import CITO, DCTERMS, FRBR, PROV, RDFS, RG_NS, SKOS, XSD

__all__ = ["EXPORT_PREFIXES", "PREFIXES"]

#: Prefixes of Turtle answers and ``/id/`` pages: the ontology's namespaces and what it reuses.
PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "rg": RG_NS,
        "cito": str(CITO),
        "dcterms": str(DCTERMS),
        "skos": str(SKOS),
        "prov": str(PROV),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
    }
)
#: Prefixes of the Turtle, TriG and JSON-LD exports (``resgraph export``).
EXPORT_PREFIXES: Mapping[str, str] = MappingProxyType(
    {
        "rg": RG_NS,
        "cito": str(CITO),
        "dcterms": str(DCTERMS),
        "prov": str(PROV),
        "skos": str(SKOS),
        "frbr": str(FRBR),
        "rdfs": str(RDFS),
    }
)
