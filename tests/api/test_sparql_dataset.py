"""SPARQL 1.1 dataset semantics through a real ``resgraph serve`` (uvicorn) on the seed graph.

One test per behaviour of issue 17, item 2: ``FROM``, ``FROM NAMED``, both, a ``FROM`` graph that
does not exist, ``default-graph-uri``, ``named-graph-uri`` alone, protocol parameters winning over
the query's dataset, relative IRIs against the base IRI, GET / POST form / POST body agreeing,
the one-line syntax error and the service description. Every expected answer is computed by
pyoxigraph on the same store with the dataset given explicitly (``default_graph`` /
``named_graphs``), so the tests check the endpoint's choice of dataset, not copied numbers.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
import rdflib

from api.bench.api_bench import serving

COUNT = "SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}"
GRAPHS = "SELECT DISTINCT ?g {dataset} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?g"
SD = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = rdflib.Namespace("http://rdfs.org/ns/void#")


@pytest.fixture(scope="module")
def server(seed_store: Any) -> Iterator[str]:
    """The endpoint URL of a real server on the seed graph."""
    with serving(Path(seed_store.root), env={"RESGRAPH_RELOAD_INTERVAL": "0"}) as port:
        yield f"http://127.0.0.1:{port}/sparql"


@pytest.fixture(scope="module")
def graphs(seed_store: Any) -> tuple[str, str]:
    """The two largest named graphs of the seed store (by triples)."""
    rows = seed_store.store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g "
        "ORDER BY DESC(?n) ?g LIMIT 2"
    )
    first, second = (r["g"].value for r in rows)
    return first, second


def ask(
    url: str, query: str, method: str = "GET", **params: str | list[str]
) -> tuple[int, dict[str, str], Any]:
    """Send ``query`` (GET, POST form or POST body) with protocol ``params``; JSON answer."""
    fields: list[tuple[str, str]] = []
    for name, value in params.items():
        for v in [value] if isinstance(value, str) else value:
            fields.append((name.replace("_", "-"), v))
    headers = {"Accept": "application/sparql-results+json"}
    if method == "GET":
        request = urllib.request.Request(
            f"{url}?{urllib.parse.urlencode([('query', query), *fields])}", headers=headers
        )
    elif method == "FORM":
        body = urllib.parse.urlencode([("query", query), *fields]).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    else:
        headers["Content-Type"] = "application/sparql-query"
        request = urllib.request.Request(
            f"{url}?{urllib.parse.urlencode(fields)}",
            data=query.encode(),
            headers=headers,
            method="POST",
        )
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, dict(r.headers), json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), json.loads(exc.read())


def count(url: str, dataset: str = "", **params: str | list[str]) -> int:
    status, _, body = ask(url, COUNT.format(dataset=dataset), **params)
    assert status == 200, body
    return int(body["results"]["bindings"][0]["n"]["value"])


def graphs_seen(url: str, dataset: str = "", **params: str | list[str]) -> list[str]:
    status, _, body = ask(url, GRAPHS.format(dataset=dataset), **params)
    assert status == 200, body
    return [b["g"]["value"] for b in body["results"]["bindings"]]


def direct_count(store: ox.Store, **dataset: Any) -> int:
    """COUNT(*) by pyoxigraph with the dataset given explicitly."""
    rows = store.query(COUNT.format(dataset=""), **dataset)
    return int(next(iter(rows))["n"].value)


def test_no_dataset_is_the_union_of_every_graph(server: str, seed_store: Any) -> None:
    union = direct_count(seed_store.store, use_default_graph_as_union=True)
    assert count(server) == union > 0
    named = sorted(seed_store.named_graphs())
    assert graphs_seen(server) == named


def test_from_answers_on_that_graph_only(
    server: str, seed_store: Any, graphs: tuple[str, str]
) -> None:
    g1, _ = graphs
    only = direct_count(seed_store.store, default_graph=[ox.NamedNode(g1)])
    union = direct_count(seed_store.store, use_default_graph_as_union=True)
    assert 0 < only < union
    assert count(server, f"FROM <{g1}>") == only
    assert graphs_seen(server, f"FROM <{g1}>") == []  # FROM alone: no named graphs


def test_from_named_alone_leaves_the_default_graph_empty(
    server: str, graphs: tuple[str, str]
) -> None:
    g1, _ = graphs
    assert count(server, f"FROM NAMED <{g1}>") == 0
    assert graphs_seen(server, f"FROM NAMED <{g1}>") == [g1]


def test_from_and_from_named_together(
    server: str, seed_store: Any, graphs: tuple[str, str]
) -> None:
    g1, g2 = graphs
    dataset = f"FROM <{g1}> FROM NAMED <{g2}>"
    assert count(server, dataset) == direct_count(
        seed_store.store, default_graph=[ox.NamedNode(g1)]
    )
    assert graphs_seen(server, dataset) == [g2]
    both = f"FROM <{g1}> FROM <{g2}>"  # several FROM: their merge
    assert count(server, both) == direct_count(
        seed_store.store, default_graph=[ox.NamedNode(g1), ox.NamedNode(g2)]
    )


def test_a_from_graph_that_does_not_exist_is_empty(server: str, seed_store: Any) -> None:
    missing = seed_store.base + "id/graph/no-such-graph"
    assert missing not in seed_store.named_graphs()
    assert count(server, f"FROM <{missing}>") == 0
    assert graphs_seen(server, f"FROM NAMED <{missing}>") == []


def test_default_graph_uri(server: str, seed_store: Any, graphs: tuple[str, str]) -> None:
    g1, g2 = graphs
    assert count(server, default_graph_uri=g2) == direct_count(
        seed_store.store, default_graph=[ox.NamedNode(g2)]
    )
    status, headers, _ = ask(server, COUNT.format(dataset=""), default_graph_uri=g1)
    assert status == 200 and headers["x-resgraph-dataset"] == "protocol"
    assert graphs_seen(server, default_graph_uri=g1) == []  # alone: no named graphs


def test_named_graph_uri_alone_means_an_empty_default_graph(
    server: str, graphs: tuple[str, str]
) -> None:
    g1, g2 = graphs
    assert count(server, named_graph_uri=g1) == 0
    assert graphs_seen(server, named_graph_uri=[g1, g2]) == sorted([g1, g2])


def test_protocol_parameters_win_over_the_query_dataset(
    server: str, seed_store: Any, graphs: tuple[str, str]
) -> None:
    g1, g2 = graphs
    only2 = direct_count(seed_store.store, default_graph=[ox.NamedNode(g2)])
    assert only2 != direct_count(seed_store.store, default_graph=[ox.NamedNode(g1)])
    assert count(server, f"FROM <{g1}>", default_graph_uri=g2) == only2
    assert count(server, f"FROM <{g1}>", named_graph_uri=g2) == 0
    assert graphs_seen(server, f"FROM NAMED <{g1}>", named_graph_uri=g2) == [g2]
    status, headers, _ = ask(server, COUNT.format(dataset=f"FROM <{g1}>"))
    assert status == 200 and headers["x-resgraph-dataset"] == "query"


def test_relative_iris_resolve_against_the_base(server: str, seed_store: Any) -> None:
    base = seed_store.base
    rows = seed_store.store.query(
        f"SELECT ?s (COUNT(*) AS ?n) WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), '{base}id/')) }}"
        " GROUP BY ?s ORDER BY DESC(?n) ?s LIMIT 1",
        use_default_graph_as_union=True,
    )
    subject, n = next((r["s"].value, int(r["n"].value)) for r in rows)
    relative = subject.removeprefix(base)
    status, _, body = ask(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ <{relative}> ?p ?o }}")
    assert status == 200, body
    assert int(body["results"]["bindings"][0]["n"]["value"]) == n > 0
    # the query's own BASE still wins
    query = f"BASE <urn:elsewhere:> SELECT (COUNT(*) AS ?n) WHERE {{ <{relative}> ?p ?o }}"
    assert ask(server, query)[2]["results"]["bindings"][0]["n"]["value"] == "0"


def test_get_post_form_and_post_body_agree(server: str, graphs: tuple[str, str]) -> None:
    g1, g2 = graphs
    query = GRAPHS.format(dataset=f"FROM NAMED <{g1}> FROM NAMED <{g2}>")
    answers = []
    for method in ("GET", "FORM", "BODY"):
        status, _, body = ask(server, query, method)
        assert status == 200, (method, body)
        answers.append([b["g"]["value"] for b in body["results"]["bindings"]])
        status, _, body = ask(server, query, method, named_graph_uri=g2)
        assert status == 200, (method, body)
        assert [b["g"]["value"] for b in body["results"]["bindings"]] == [g2], method
    assert answers == [sorted([g1, g2])] * 3


def test_a_syntax_error_is_one_line_with_line_and_column(server: str) -> None:
    status, _, body = ask(server, "SELECT * WHERE {\n  ?r a rg:Resolution\n}")
    assert status == 400 and body["code"] == "malformed_query"
    message = body["error"]
    assert "\n" not in message and len(message) < 300
    assert "line 2, column" in message
    assert "PREFIX rg: <https://w3id.org/resgraph/ontology#>" in message
    status, _, body = ask(server, "SELECT * WHERE { ?s ?p ?o ")
    assert status == 400 and "line 1, column" in body["error"] and "\n" not in body["error"]
    assert "\\u{" not in body["error"]


@pytest.mark.parametrize("accept", ["*/*", None, "text/turtle", "application/rdf+xml"])
def test_service_description_documents_the_dataset(
    server: str, seed_store: Any, accept: str | None
) -> None:
    headers = {"Accept": accept} if accept else {}
    with urllib.request.urlopen(urllib.request.Request(server, headers=headers)) as r:
        media = r.headers["content-type"].split(";")[0]
        graph = rdflib.Graph().parse(data=r.read(), format=media)
    assert media in ("text/turtle", "application/rdf+xml")
    assert (None, SD.feature, SD.UnionDefaultGraph) in graph
    [dataset] = graph.subjects(rdflib.RDF.type, SD.Dataset)
    assert graph.value(dataset, SD.defaultGraph) is not None
    assert str(graph.value(dataset, VOID.uriSpace)) == seed_store.base
    words = str(graph.value(dataset, rdflib.DCTERMS.description))
    assert "union" in words and "FROM NAMED" in words and "named-graph-uri" in words
    names = {str(n) for n in graph.objects(None, SD.name)}
    assert names == seed_store.named_graphs()


def test_the_cli_prints_the_same_one_line_syntax_error(seed_store: Any) -> None:
    from typer.testing import CliRunner

    from api.cli import app

    query = "SELECT * WHERE {\n  ?r a rg:Resolution\n}"
    result = CliRunner().invoke(app, ["sparql", query, "--store", str(seed_store.root)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1, result.output
    assert "line 2, column" in lines[0]
    assert "PREFIX rg: <https://w3id.org/resgraph/ontology#>" in lines[0]
