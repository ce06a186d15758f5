"""The SPARQL endpoint's dataset semantics answer the same from Virtuoso as from the embedded store.

The same /sparql requests (``FROM``, ``FROM NAMED``, protocol parameters, relative IRIs) go to an
app serving the ``sparql+http://`` store and to one serving the embedded store built from the same
records; the answers must match, and must not be the union where a dataset was named. Document
graphs have the same IRIs in both stores (the derived graph does not: Virtuoso keeps one per
generation), so the graphs used here are document graphs.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from graph.mint import derived_graph_iri

pytestmark = pytest.mark.slow  # a real Virtuoso server (~5 s to start) and builds into it

COUNT = "SELECT (COUNT(*) AS ?n) {dataset} WHERE {{ ?s ?p ?o }}"
GRAPHS = "SELECT DISTINCT ?g {dataset} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} ORDER BY ?g"


@pytest.fixture(scope="module")
def clients(stores: Any) -> Iterator[tuple[TestClient, TestClient]]:
    remote = Settings(store=Path(stores.url), reload_interval=0)
    embedded = Settings(store=stores.embedded.root, reload_interval=0)
    with TestClient(create_app(remote)) as r, TestClient(create_app(embedded)) as e:
        yield r, e


@pytest.fixture(scope="module")
def documents(stores: Any) -> tuple[str, str]:
    """Two document graphs of different sizes."""
    derived = str(derived_graph_iri())
    sizes = stores.embedded.store.query(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n)"
    )
    named = [r["g"].value for r in sizes if "/id/graph/" in r["g"].value]
    first, second = [g for g in named if g != derived and not g.endswith("/meta")][:2]
    return first, second


def answers(client: TestClient, query: str, **params: str) -> list[list[str]]:
    wire = {k.replace("_", "-"): v for k, v in params.items()}
    r = client.get("/sparql", params={"query": query, **wire})
    assert r.status_code == 200, r.text
    body = r.json()
    names = body["head"]["vars"]
    return [[b[n]["value"] for n in names if n in b] for b in body["results"]["bindings"]]


def test_both_backends_honour_the_dataset_the_same(
    clients: tuple[TestClient, TestClient], documents: tuple[str, str], stores: Any
) -> None:
    remote, embedded = clients
    g1, g2 = documents
    missing = stores.embedded.base + "id/graph/no-such-graph"
    cases: list[tuple[str, dict[str, str]]] = [
        (COUNT.format(dataset=f"FROM <{g1}>"), {}),
        (COUNT.format(dataset=f"FROM NAMED <{g1}>"), {}),
        (GRAPHS.format(dataset=f"FROM NAMED <{g1}>"), {}),
        (GRAPHS.format(dataset=f"FROM <{g1}> FROM NAMED <{g2}>"), {}),
        (COUNT.format(dataset=f"FROM <{missing}>"), {}),
        (COUNT.format(dataset=""), {"default_graph_uri": g2}),
        (COUNT.format(dataset=""), {"named_graph_uri": g1}),
        (GRAPHS.format(dataset=""), {"named_graph_uri": g1}),
        (COUNT.format(dataset=f"FROM <{g1}>"), {"default_graph_uri": g2}),
        (GRAPHS.format(dataset=f"FROM NAMED <{g1}>"), {"named_graph_uri": g2}),
    ]
    union = answers(embedded, COUNT.format(dataset=""))
    for query, params in cases:
        want = answers(embedded, query, **params)
        assert answers(remote, query, **params) == want, (query, params)
        assert want != union, (query, params)


def test_relative_iris_resolve_the_same(clients: tuple[TestClient, TestClient]) -> None:
    remote, embedded = clients
    query = "SELECT ?p ?o WHERE { <id/resolution/wtsa/44> ?p ?o } ORDER BY ?p ?o"
    want = answers(embedded, query)
    assert want and answers(remote, query) == want
