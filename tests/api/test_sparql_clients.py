"""Real SPARQL client libraries against a real ``resgraph serve`` (uvicorn) on the seed graph.

SPARQLWrapper with its default settings sends ``format=``, ``output=`` and ``results=`` with its
own format names (``json-ld``, ``n3``, ``rdf+xml``... sometimes followed by a media type) beside
its Accept header; every return format it knows is tried with every query form, and the answer
must arrive (never a 422), in the format asked for whenever that format fits the form, and with
the same content as pyoxigraph's own evaluation of the query on the same store. rdflib's
``SPARQLStore`` is tried too, including a graph it addresses by ``default-graph-uri``.
"""

from __future__ import annotations

import csv
import io
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import CSV, JSON, JSONLD, N3, RDF, RDFXML, TSV, TURTLE, XML, SPARQLWrapper

from api.bench.api_bench import serving

CITO = "http://purl.org/spar/cito/cites"
QUERIES = {
    "select": f"SELECT ?a ?b WHERE {{ ?a <{CITO}> ?b }} ORDER BY ?a ?b",
    "ask": f"ASK {{ ?a <{CITO}> ?b }}",
    "construct": f"CONSTRUCT {{ ?a <urn:resgraph:test:cites> ?b }} WHERE {{ ?a <{CITO}> ?b }}",
    "describe": "DESCRIBE <{cited}>",
}
FORMATS = [JSON, XML, TURTLE, N3, RDF, RDFXML, CSV, TSV, JSONLD]
# The media type each SPARQLWrapper return format must get when it fits the query form.
RESULT_MEDIA = {
    JSON: "application/sparql-results+json",
    XML: "application/sparql-results+xml",
    CSV: "text/csv",
    TSV: "text/tab-separated-values",
}
GRAPH_MEDIA = {
    TURTLE: "text/turtle",
    N3: "text/turtle",
    RDF: "application/rdf+xml",
    RDFXML: "application/rdf+xml",
    XML: "application/rdf+xml",
    JSONLD: "application/ld+json",
    JSON: "application/ld+json",
}


@pytest.fixture(scope="module")
def server(seed_store: Any) -> Iterator[str]:
    """The endpoint URL of a real server on the seed graph."""
    with serving(Path(seed_store.root), env={"RESGRAPH_RELOAD_INTERVAL": "0"}) as port:
        yield f"http://127.0.0.1:{port}/sparql"


@pytest.fixture(scope="module")
def queries(seed_store: Any) -> dict[str, str]:
    """The queries, DESCRIBE naming the most cited version of the seed graph."""
    rows = seed_store.store.query(
        f"SELECT ?b (COUNT(*) AS ?n) WHERE {{ ?a <{CITO}> ?b }} GROUP BY ?b "
        "ORDER BY DESC(?n) ?b LIMIT 1",
        use_default_graph_as_union=True,
    )
    cited = next(iter(rows))["b"].value
    return {form: q.replace("{cited}", cited) for form, q in QUERIES.items()}


def direct(store: ox.Store, query: str) -> Any:
    """pyoxigraph's answer on the union default graph: rows of values, a bool, or triples."""
    result = store.query(query, use_default_graph_as_union=True)
    if isinstance(result, ox.QueryBoolean):
        return bool(result)
    if isinstance(result, ox.QuerySolutions):
        names = [v.value for v in result.variables]
        return [[row[n].value for n in names] for row in result]
    return {str(t) for t in result}


def received(form: str, media: str, body: bytes) -> Any:
    """The answer read back from ``body`` in ``media``, comparable with :func:`direct`."""
    if form == "ask" and media in ("text/csv", "text/tab-separated-values"):
        return body.strip().lower() == b"true"
    if media == "text/csv":  # pyoxigraph does not read CSV results back (lossy)
        return list(csv.reader(io.StringIO(body.decode())))[1:]
    if form in ("select", "ask"):
        parsed = ox.parse_query_results(body, ox.QueryResultsFormat.from_media_type(media))
        if isinstance(parsed, ox.QueryBoolean):
            return bool(parsed)
        names = [v.value for v in parsed.variables]
        return [[row[n].value for n in names] for row in parsed]
    fmt = ox.RdfFormat.from_media_type(media)
    assert fmt is not None, media
    return {str(q.triple) for q in ox.parse(body, fmt)}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("form", list(QUERIES))
def test_sparqlwrapper_every_return_format_with_default_settings(
    server: str, seed_store: Any, queries: dict[str, str], form: str, fmt: str
) -> None:
    client = SPARQLWrapper(server)  # default settings: GET, format/output/results parameters
    client.setQuery(queries[form])
    client.setReturnFormat(fmt)
    assert client.returnFormat == fmt
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # "sending Accept */*" for a misfit
        result = client.query()  # raises on any HTTP error
    media = result.info()["content-type"].split(";")[0].strip()
    wanted = (RESULT_MEDIA if form in ("select", "ask") else GRAPH_MEDIA).get(fmt)
    if wanted is not None:
        assert media == wanted, (form, fmt, media)
    got = received(form, media, result.response.read())
    want = direct(seed_store.store, queries[form])
    assert got == want and want  # the engine's answer (values only: CSV carries no types)


@pytest.mark.parametrize(
    ("form", "fmt"),
    [
        *[("select", f) for f in (JSON, XML, CSV, TSV)],
        *[("ask", f) for f in (JSON, XML)],
        *[("construct", f) for f in (TURTLE, RDFXML, JSONLD, N3)],
        *[("describe", f) for f in (RDF, JSON, XML)],
    ],
)
def test_sparqlwrapper_converts_what_it_asked_for(
    server: str, seed_store: Any, queries: dict[str, str], form: str, fmt: str
) -> None:
    client = SPARQLWrapper(server)
    client.setQuery(queries[form])
    client.setReturnFormat(fmt)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        converted = client.query().convert()
    mismatch = [str(w.message) for w in caught if "returned by the endpoint" in str(w.message)]
    assert not mismatch  # SPARQLWrapper got the format it asked for
    want = direct(seed_store.store, queries[form])
    if form == "ask":
        value = converted["boolean"] if fmt == JSON else _xml_boolean(converted)
        assert value is want
    elif form == "select" and fmt == JSON:
        assert len(converted["results"]["bindings"]) == len(want) > 0
    elif form == "select" and fmt == XML:
        assert len(converted.getElementsByTagName("result")) == len(want) > 0
    elif form == "select":
        assert len(converted.decode().strip().splitlines()) == len(want) + 1
    else:  # SPARQLWrapper hands Turtle/N3 over as bytes, the others as an rdflib graph
        if isinstance(converted, bytes):
            converted = rdflib.Graph().parse(data=converted, format="turtle")
        assert isinstance(converted, rdflib.Graph)
        assert len(converted) == len(want) > 0


def _xml_boolean(document: Any) -> bool:
    return bool(document.getElementsByTagName("boolean")[0].firstChild.data == "true")


def test_sparqlwrapper_post_and_a_dataset(server: str, seed_store: Any) -> None:
    graph = max(
        seed_store.named_graphs(),
        key=lambda g: len(
            list(seed_store.store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
        ),
    )
    client = SPARQLWrapper(server, defaultGraph=graph)
    client.setMethod("POST")
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    client.setReturnFormat(JSON)
    n = int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
    want = next(
        iter(
            seed_store.store.query(
                "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", default_graph=[ox.NamedNode(graph)]
            )
        )
    )["n"].value
    assert n == int(want) > 0


def test_rdflib_sparqlstore_with_its_defaults(
    server: str, seed_store: Any, queries: dict[str, str]
) -> None:
    graph = rdflib.Graph(store=SPARQLStore(server))
    rows = [[str(v) for v in row] for row in graph.query(queries["select"])]  # type: ignore[union-attr]
    assert rows == direct(seed_store.store, queries["select"]) and rows
    assert graph.query(queries["ask"]).askAnswer is True
    constructed = graph.query(queries["construct"]).graph
    assert constructed is not None
    assert len(constructed) == len(direct(seed_store.store, queries["construct"]))


def test_rdflib_sparqlstore_reads_one_named_graph(server: str, seed_store: Any) -> None:
    name = sorted(seed_store.named_graphs())[0]
    one = rdflib.Graph(store=SPARQLStore(server), identifier=rdflib.URIRef(name))
    quads = list(seed_store.store.quads_for_pattern(None, None, None, ox.NamedNode(name)))
    assert len(one) == len(quads) > 0  # sent as default-graph-uri
    union = direct(seed_store.store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert len(rdflib.Graph(store=SPARQLStore(server))) == int(union[0][0]) > len(quads)
