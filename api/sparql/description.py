"""The SPARQL 1.1 Service Description of the endpoint (what a GET with no query and an RDF Accept
header returns).

Why: clients such as YASGUI and Protégé, and people with curl, discover what an endpoint speaks —
query language, result formats, the dataset — from this description; it also states in RDF that
the endpoint is read-only (no ``sd:SPARQL11Update``) and documents the dataset: the default graph
is the union of the named graphs (``sd:UnionDefaultGraph``), the named graphs are listed (up to
200, then counted), ``FROM``/``FROM NAMED`` and the protocol parameters replace that dataset, and
relative IRIs resolve against the graph's base IRI (stated as ``void:uriSpace`` and in words).

Example:
    >>> from pyoxigraph import Store
    >>> from graph import as_store
    >>> b = service_description(as_store(Store()), "http://127.0.0.1:8000/sparql", "text/turtle")
    >>> b"sd:SPARQL11Query" in b
    True
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from pyoxigraph import NamedNode, QueryResultsFormat, RdfFormat, parse, serialize

from graph import PREFIXES, Store

__all__ = ["DESCRIPTION_FORMATS", "service_description"]

DESCRIPTION_FORMATS: Mapping[str, RdfFormat] = MappingProxyType(
    {
        "text/turtle": RdfFormat.TURTLE,
        "application/n-triples": RdfFormat.N_TRIPLES,
        "application/ld+json": RdfFormat.JSON_LD,
        "application/rdf+xml": RdfFormat.RDF_XML,
    }
)
_RESULT_FORMATS = (
    QueryResultsFormat.JSON,
    QueryResultsFormat.XML,
    QueryResultsFormat.CSV,
    QueryResultsFormat.TSV,
)
_GRAPH_FORMATS = (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.JSON_LD, RdfFormat.RDF_XML)
_PREFIXES = MappingProxyType(
    {
        "sd": "http://www.w3.org/ns/sparql-service-description#",
        "dcterms": PREFIXES["dcterms"],
        "void": "http://rdfs.org/ns/void#",
    }
)
MAX_LISTED_GRAPHS = 200


def service_description(
    store: Store,
    endpoint: str,
    media_type: str = "text/turtle",
    *,
    union_default_graph: bool = True,
    timeout: float | None = None,
    max_rows: int | None = None,
    base_iri: str | None = None,
) -> bytes:
    """The service description of ``endpoint`` over ``store``, serialised as ``media_type``.

    Args:
        store: the served store (its named graphs are listed in IRI order, at most 200).
        endpoint: the absolute IRI of the endpoint (the request URL without its query string).
        media_type: one of :data:`DESCRIPTION_FORMATS`.
        union_default_graph: whether the default graph is the union of the named graphs.
        timeout: the query timeout, stated as a comment for people.
        max_rows: the result-size cap, stated as a comment for people.
        base_iri: the base IRI of relative IRIs in queries (default: ``store.base``).

    Raises:
        ValueError: for an endpoint that is not an IRI or an unknown media type.
    """
    if media_type not in DESCRIPTION_FORMATS:
        raise ValueError(
            f"unknown media type {media_type!r}; valid: {', '.join(DESCRIPTION_FORMATS)}"
        )
    NamedNode(endpoint)  # raises ValueError for a non-IRI
    base = NamedNode(base_iri or store.base).value
    formats = ", ".join(f"<{f.iri}>" for f in (*_RESULT_FORMATS, *_GRAPH_FORMATS))
    features = ["sd:UnionDefaultGraph"] if union_default_graph else []
    names = sorted(store.named_graphs())
    graphs = []
    for name in names[:MAX_LISTED_GRAPHS]:
        graphs.append(f"sd:namedGraph [ a sd:NamedGraph ; sd:name <{name}> ]")
    listed = (
        f"all {len(names)} named graphs are listed"
        if len(names) <= MAX_LISTED_GRAPHS
        else f"the first {MAX_LISTED_GRAPHS} of {len(names)} named graphs are listed"
    )
    default_words = (
        "The default graph is the union of every named graph"
        if union_default_graph
        else "The default graph is the store's default graph"
    ) + (
        f" ({listed}). FROM and FROM NAMED in a query replace this dataset (a graph that does "
        "not exist is empty; FROM NAMED alone leaves the default graph empty); the "
        "default-graph-uri and named-graph-uri parameters replace both (named-graph-uri alone "
        f"leaves the default graph empty). Relative IRIs in a query resolve against <{base}>."
    )
    limits = []
    if timeout is not None:
        limits.append(f"queries time out after {timeout:g} s")
    if max_rows is not None:
        limits.append(f"results are capped at {max_rows} rows (marked when cut)")
    comment = "Read-only SPARQL 1.1 Query endpoint of resgraph" + (
        f"; {'; '.join(limits)}." if limits else "."
    )
    dataset = " ;\n        ".join(
        [
            "a sd:Dataset",
            f"dcterms:description {_turtle_string(default_words)}",
            f"void:uriSpace {_turtle_string(base)}",
            "sd:defaultGraph [ a sd:Graph ]",
            *graphs,
        ]
    )
    text = f"""
@prefix sd: <{_PREFIXES["sd"]}> .
@prefix dcterms: <{_PREFIXES["dcterms"]}> .
@prefix void: <{_PREFIXES["void"]}> .
<{endpoint}#service> a sd:Service ;
    sd:endpoint <{endpoint}> ;
    dcterms:description {_turtle_string(comment)} ;
    sd:supportedLanguage sd:SPARQL11Query ;
    sd:resultFormat {formats} ;
    {"sd:feature " + ", ".join(features) + " ;" if features else ""}
    sd:defaultDataset [
        {dataset}
    ] .
"""
    triples = [q.triple for q in parse(text, RdfFormat.TURTLE)]
    fmt = DESCRIPTION_FORMATS[media_type]
    prefixes = dict(_PREFIXES) if fmt == RdfFormat.TURTLE else None
    return serialize(triples, format=fmt, prefixes=prefixes) or b""


def _turtle_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
