"""The SPARQL 1.1 Protocol through the real ASGI app: methods, formats, datasets, discovery.

Expected answers are computed from the store itself (pyoxigraph evaluating the same query), so the
tests check the protocol layer, not numbers copied from the code.
"""

from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
from fastapi.testclient import TestClient
from pyoxigraph import QueryResultsFormat, RdfFormat, Store, parse_query_results
from rdflib.compare import isomorphic

SELECT = "SELECT ?s ?o WHERE { ?s <http://purl.org/spar/cito/cites> ?o } ORDER BY ?o"
TITLES = (
    "SELECT ?v ?t WHERE { ?v <http://purl.org/dc/terms/title> ?t ; <https://w3id.org/resgraph/"
    "ontology#surface> ?x } ORDER BY ?t"
)
CONSTRUCT = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"


def expected_rows(store: Store, query: str) -> list[dict[str, str]]:
    """Rows as {var: N-Triples term} straight from pyoxigraph (union default graph)."""
    results = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{n: str(row[n]) for n in names if row[n] is not None} for row in results]


def rows_of(body: bytes, fmt: QueryResultsFormat) -> list[dict[str, str]]:
    parsed = parse_query_results(body, fmt)
    names = [v.value for v in parsed.variables]
    return [{n: str(row[n]) for n in names if row[n] is not None} for row in parsed]


@pytest.mark.parametrize(
    ("accept", "media", "fmt"),
    [
        (None, "application/sparql-results+json", QueryResultsFormat.JSON),
        (
            "application/sparql-results+json",
            "application/sparql-results+json",
            QueryResultsFormat.JSON,
        ),
        ("application/json", "application/json", QueryResultsFormat.JSON),
        (
            "application/sparql-results+xml",
            "application/sparql-results+xml",
            QueryResultsFormat.XML,
        ),
        ("text/tab-separated-values", "text/tab-separated-values", QueryResultsFormat.TSV),
        (
            "text/html;q=0.9, text/tab-separated-values",
            "text/tab-separated-values",
            QueryResultsFormat.TSV,
        ),
    ],
)
def test_select_in_every_results_format_round_trips(
    client: TestClient, tiny: Store, accept: str | None, media: str, fmt: QueryResultsFormat
) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.get("/sparql", params={"query": TITLES}, headers=headers)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(media)
    assert rows_of(r.content, fmt) == expected_rows(tiny, TITLES)
    assert r.headers["x-resgraph-rows"] == str(len(expected_rows(tiny, TITLES)))


def test_csv_is_plain_values(client: TestClient, tiny: Store) -> None:
    r = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "text/csv"})
    assert r.status_code == 200
    table = list(csv.reader(io.StringIO(r.text)))
    assert table[0] == ["s", "o"]
    want = [[row["s"].strip("<>"), row["o"].strip("<>")] for row in expected_rows(tiny, SELECT)]
    assert table[1:] == want


def test_get_post_form_and_post_query_agree(client: TestClient) -> None:
    got = client.get("/sparql", params={"query": SELECT}).json()
    form = client.post("/sparql", data={"query": SELECT}).json()
    direct = client.post(
        "/sparql", content=SELECT, headers={"Content-Type": "application/sparql-query"}
    ).json()
    assert got == form == direct
    assert len(got["results"]["bindings"]) == 2


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
        ("application/rdf+xml", "xml"),
    ],
)
def test_construct_in_every_graph_format_is_isomorphic(
    client: TestClient, tiny: Store, accept: str, rdflib_format: str
) -> None:
    r = client.post("/sparql", data={"query": CONSTRUCT}, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(accept)
    got = rdflib.Graph().parse(data=r.content, format=rdflib_format)
    want = rdflib.Graph().parse(
        data=tiny.query(CONSTRUCT, use_default_graph_as_union=True).serialize(
            format=RdfFormat.N_TRIPLES
        ),
        format="nt",
    )
    assert len(got) == len(tiny)
    assert isomorphic(got, want)


def test_ask_true_and_false(client: TestClient) -> None:
    yes = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).json()
    no = client.get("/sparql", params={"query": "ASK { ?s <urn:nothing> ?o }"}).json()
    assert (yes["boolean"], no["boolean"]) == (True, False)
    xml = client.get(
        "/sparql",
        params={"query": "ASK { ?s ?p ?o }"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert bool(parse_query_results(xml.content, QueryResultsFormat.XML)) is True


def test_format_parameter_overrides_accept(client: TestClient) -> None:
    r = client.get(
        "/sparql", params={"query": SELECT, "format": "csv"}, headers={"Accept": "text/html"}
    )
    assert r.headers["content-type"].startswith("text/csv")
    # A value that means nothing (or nothing for this form) is ignored: Accept decides.
    for fmt in ("png", "turtle"):
        r = client.get(
            "/sparql",
            params={"query": SELECT, "format": fmt},
            headers={"Accept": "text/tab-separated-values"},
        )
        assert r.status_code == 200, r.text
        assert r.headers["content-type"].startswith("text/tab-separated-values")


def test_escaped_literals_survive_every_format(client: TestClient, tiny: Store) -> None:
    query = "SELECT ?x WHERE { ?v <https://w3id.org/resgraph/ontology#surface> ?x }"
    want = expected_rows(tiny, query)
    for accept, fmt in (
        ("application/sparql-results+json", QueryResultsFormat.JSON),
        ("application/sparql-results+xml", QueryResultsFormat.XML),
        ("text/tab-separated-values", QueryResultsFormat.TSV),
    ):
        r = client.get("/sparql", params={"query": query}, headers={"Accept": accept})
        assert rows_of(r.content, fmt) == want
    assert (
        "\t"
        in json.loads(client.get("/sparql", params={"query": query}).text)["results"]["bindings"][
            0
        ]["x"]["value"]
    )


def test_dataset_parameters_restrict_the_graphs(
    client: TestClient, graph_names: tuple[str, str]
) -> None:
    g1, g2 = graph_names
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(**params: object) -> int:
        body = client.get("/sparql", params={"query": count, **params}).json()
        return int(body["results"]["bindings"][0]["n"]["value"])

    union, only1, only2 = n(), n(**{"default-graph-uri": g1}), n(**{"default-graph-uri": g2})
    assert only1 > 0 and only2 > 0 and only1 + only2 == union
    named = client.get(
        "/sparql",
        params={
            "query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
            "named-graph-uri": g2,
        },
    ).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [g2]
    bad = client.get("/sparql", params={"query": count, "default-graph-uri": "not an iri"})
    assert bad.status_code == 400 and "default-graph-uri" in bad.json()["error"]


def test_service_description_for_rdf_clients(client: TestClient, tiny: Store) -> None:
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    g = rdflib.Graph().parse(data=r.text, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    endpoints = set(g.objects(None, sd.endpoint))
    assert endpoints == {rdflib.URIRef("http://testserver/sparql")}
    languages = set(g.objects(None, sd.supportedLanguage))
    assert languages == {sd.SPARQL11Query}  # read-only: no SPARQL11Update
    names = {str(o) for o in g.objects(None, sd.name)}
    assert names == {g.value for g in tiny.named_graphs()}


def test_query_page_for_browsers_lists_the_examples(client: TestClient) -> None:
    from graph import load_examples

    r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    examples = load_examples()
    assert examples, "the example library is empty"
    for e in examples:
        assert e.title in r.text
    listed = client.get("/sparql/examples").json()
    assert [e["name"] for e in listed] == [e.name for e in examples]


def test_no_query_and_no_acceptable_type_is_a_clear_400(client: TestClient) -> None:
    r = client.get("/sparql", headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 400 and "query" in r.json()["error"]


def test_every_example_query_answers_on_the_seed_graph(seed: TestClient) -> None:
    from graph import load_examples

    for example in load_examples():
        r = seed.post(
            "/sparql",
            data={"query": example.query},
            headers={"Accept": "application/sparql-results+json, text/turtle;q=0.5"},
        )
        assert r.status_code == 200, (example.name, r.text)
        if r.headers["content-type"].startswith("text/turtle"):
            assert len(rdflib.Graph().parse(data=r.text, format="turtle")) > 0, example.name
        else:
            assert r.json()["results"]["bindings"], f"{example.name} found nothing"
