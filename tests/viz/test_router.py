"""/viz and /viz.json through the real app (create_app) on the seed store: shapes and errors."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.viz.router import router
from graph.network import citation_network


@pytest.fixture(scope="module")
def client(seed_store: Any) -> Iterator[TestClient]:
    from api.main import create_app
    from api.settings import Settings

    app = create_app(Settings(), store=seed_store)
    if not any(getattr(r, "path", None) == "/viz" for r in app.routes):
        app.include_router(router)
    with TestClient(app) as c:
        yield c


def test_json_twin_counts_the_graph(client: TestClient, seed_store: Any) -> None:
    net = citation_network(seed_store, level="work")
    body = client.get("/viz.json", params={"max_nodes": 5000}).json()
    assert body["counts"] == {
        "nodes": net.number_of_nodes(),
        "edges": net.number_of_edges(),
        "total_nodes": net.number_of_nodes(),
        "capped": False,
    }
    assert {n["id"] for n in body["nodes"]} == set(net.nodes)
    assert all({"x", "y", "label", "organ", "has_text"} <= set(n) for n in body["nodes"])


def test_page_and_twin_agree(client: TestClient) -> None:
    params = {"organ": ["PP", "WTSA"], "assignments": "true", "max_nodes": 20}
    page = client.get("/viz", params=params)
    twin = client.get("/viz.json", params=params).json()
    assert page.headers["content-type"].startswith("text/html")
    for node in twin["nodes"]:
        assert f'"id": "{node["id"]}"' in page.text
    assert {n["organ"] for n in twin["nodes"] if n["kind"] != "bureau"} <= {"PP", "WTSA"}
    assert twin["counts"]["capped"] == (twin["counts"]["total_nodes"] > 20)


def test_lineage_twin(client: TestClient, seed_store: Any) -> None:
    from graph.queries.lineage import lineage

    body = client.get("/viz.json", params={"lineage": "wtsa/44"}).json()
    assert body["view"] == "lineage"
    versions = {v.id for v in lineage(seed_store, "wtsa/44").versions}
    assert versions <= {n["id"] for n in body["nodes"]}


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"focus": "wtsa/4400"}, 404, ["wtsa/4400"]),
        ({"lineage": "wtsa/4400"}, 404, ["wtsa/4400"]),
        ({"depth": 40}, 422, ["depth"]),
        ({"from_year": 2022, "to_year": 2000}, 422, ["after"]),
        ({"max_nodes": 0}, 422, ["max_nodes"]),
    ],
)
def test_errors_have_the_one_shape(
    client: TestClient, params: dict, status: int, words: list[str]
) -> None:
    for path in ("/viz", "/viz.json"):
        response = client.get(path, params=params)
        body = response.json()
        assert response.status_code == status and body["ok"] is False and body["status"] == status
        assert all(w in body["error"] for w in words), body


def test_unknown_focus_suggests_close_ids(client: TestClient) -> None:
    body = client.get("/viz.json", params={"focus": "wtsa/444"}).json()
    assert "wtsa/44" in body["did_you_mean"]
