"""The ``format`` / ``output`` / ``results`` parameters clients send beside (or instead of) Accept.

Why a table of names per query form: there is no standard parameter. SPARQLWrapper sends all three
(``format=json&output=json&results=json``), with its own names — ``json``, ``xml``, ``turtle``,
``n3``, ``rdf``, ``rdf+xml``, ``json-ld``, ``csv``, ``tsv`` — sometimes followed by a media type
(``format=tsv&format=text/tab-separated-values``), and whatever the query form: ``format=json``
for a CONSTRUCT means JSON-LD, ``format=xml`` means RDF/XML. Links and browsers cannot set Accept
and use ``format=csv``. So a value names a media type *for a form*; a value that means nothing for
the query's form (``turtle`` for a SELECT) or nothing at all is ignored and the Accept header
decides — a client is never refused for the parameter its library adds on its own.

Example:
    >>> format_preferences(["json-ld", "tsv"])
    ('application/ld+json', 'text/tab-separated-values')
    >>> format_preferences(["json"])
    ('application/sparql-results+json', 'application/ld+json')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from types import MappingProxyType

__all__ = ["FORMAT_NAMES", "FORMAT_PARAMETERS", "format_preferences"]

#: The parameter names read (Virtuoso's, Joseki's, Rasqal's; SPARQLWrapper sends all three).
FORMAT_PARAMETERS = ("format", "output", "results")

_JSON = "application/sparql-results+json"
_XML = "application/sparql-results+xml"
_TURTLE = "text/turtle"
_NT = "application/n-triples"
_JSONLD = "application/ld+json"
_RDFXML = "application/rdf+xml"

#: Short name -> (media type for SELECT/ASK, media type for CONSTRUCT/DESCRIBE); None: no meaning.
FORMAT_NAMES: Mapping[str, tuple[str | None, str | None]] = MappingProxyType(
    {
        "json": (_JSON, _JSONLD),
        "srj": (_JSON, None),
        "xml": (_XML, _RDFXML),
        "srx": (_XML, None),
        "csv": ("text/csv", None),
        "tsv": ("text/tab-separated-values", None),
        "turtle": (None, _TURTLE),
        "ttl": (None, _TURTLE),
        "n3": (None, _TURTLE),  # Turtle is N3; resgraph's graphs need nothing N3 adds
        "nt": (None, _NT),
        "ntriples": (None, _NT),
        "n-triples": (None, _NT),
        "json-ld": (None, _JSONLD),
        "jsonld": (None, _JSONLD),
        "rdf": (None, _RDFXML),
        "rdf+xml": (None, _RDFXML),
        "rdfxml": (None, _RDFXML),
    }
)
# Media types that are spelled differently by some clients but answered as one of ours.
_MEDIA_SYNONYMS: Mapping[str, str] = MappingProxyType(
    {
        "application/turtle": _TURTLE,
        "text/n3": _TURTLE,
        "text/rdf+n3": _TURTLE,
        "application/n3": _TURTLE,
        "application/x-json+ld": _JSONLD,
    }
)


def format_preferences(values: Iterable[str]) -> tuple[str, ...]:
    """The media types ``values`` (parameter values, in the order sent) may mean, best first.

    Each short name contributes its media type for results and for graphs (the evaluation keeps
    the first one that fits the query's form); a media type stands for itself; anything else is
    dropped. Duplicates are removed.

    Example:
        >>> format_preferences(["png", "text/n3", "CSV"])
        ('text/turtle', 'text/csv')
    """
    media: list[str] = []
    for value in values:
        name = value.strip().lower()
        if name in FORMAT_NAMES:
            candidates = [m for m in FORMAT_NAMES[name] if m is not None]
        elif "/" in name:
            candidates = [_MEDIA_SYNONYMS.get(name, name.split(";")[0].strip())]
        else:
            candidates = []
        media.extend(m for m in candidates if m not in media)
    return tuple(media)
