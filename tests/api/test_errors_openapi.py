"""One error shape everywhere; a complete, typed OpenAPI document; schemas that match the graph's
result dataclasses; and the CLI wrapper of the server."""

from __future__ import annotations

import dataclasses

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import Store
from typer.testing import CliRunner

import graph.results as results
from api import schemas
from api.cli import app as cli
from api.main import create_app
from api.settings import Settings
from graph import as_store

CANONICAL = {"ok", "error", "status", "code"}
OPTIONAL = {"did_you_mean", "detail"}


@pytest.mark.parametrize(
    ("method", "url", "status"),
    [
        ("GET", "/nope", 404),
        ("GET", "/resolutions/wtsa/4400", 404),
        ("GET", "/resolutions?limit=x", 422),
        ("DELETE", "/resolutions/wtsa/44", 405),
        ("POST", "/health", 405),
        ("GET", "/sparql?query=SELECT", 400),
        ("GET", "/sparql?query=CLEAR%20ALL", 403),
        ("POST", "/sparql", 415),
    ],
)
def test_every_failure_has_the_canonical_shape(
    seed: TestClient, method: str, url: str, status: int
) -> None:
    r = seed.request(method, url)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert CANONICAL <= set(body) <= CANONICAL | OPTIONAL
    assert body["ok"] is False and body["status"] == status
    assert isinstance(body["error"], str) and len(body["error"]) > 10


def test_unexpected_errors_are_500_without_a_trace() -> None:
    app = create_app(Settings(), store=as_store(Store()))

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internal detail")

    with TestClient(app, raise_server_exceptions=False) as client:
        r = client.get("/boom")
    assert r.status_code == 500
    assert set(r.json()) == CANONICAL and r.json()["code"] == "internal_error"
    assert "secret" not in r.text and "Traceback" not in r.text


def test_openapi_documents_every_route_with_typed_responses(seed: TestClient) -> None:
    spec = seed.get("/openapi.json").json()
    paths = spec["paths"]
    for route in seed.app.routes:  # type: ignore[attr-defined]
        path = getattr(route, "path", "")
        if path.startswith(("/openapi", "/docs", "/redoc")) or not path:
            continue
        assert path.replace("{path:path}", "{path}") in paths, path
    json_routes = [
        "/resolutions",
        "/resolutions/{organ}/{number}",
        "/resolutions/{organ}/{number}/lineage",
        "/resolutions/{organ}/{number}/dependencies",
        "/resolutions/{organ}/{number}/impact",
        "/resolutions/{organ}/{number}/{year}",
        "/path",
        "/assignments",
        "/citations/outdated",
        "/conferences",
        "/stats",
        "/health",
    ]
    for path in json_routes:
        ok = paths[path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in ok or "items" in ok, path
    components = spec["components"]["schemas"]
    for name in ("Lineage", "DependencyGraph", "ResolutionDetail", "SearchPage", "GraphStats"):
        assert name in components
    assert seed.get("/docs").status_code == 200


#: Result dataclasses no REST route returns (the CLI prints them; /sparql speaks SPARQL formats).
NOT_SERVED = {"Cycle", "SparqlTable"}
RESULTS = [n for n in results.__all__ if dataclasses.is_dataclass(getattr(results, n))]


@pytest.mark.parametrize("name", RESULTS)
def test_schemas_mirror_the_result_dataclasses(name: str) -> None:
    """Every result dataclass has a response model of the same name with the same fields in the
    same order, so a field added to one and not the other fails here, not in a client."""
    if name in NOT_SERVED:
        assert name not in schemas.__all__
        return
    assert name in schemas.__all__, f"graph.results.{name} has no response model in api.schemas"
    dataclass_fields = [f.name for f in dataclasses.fields(getattr(results, name))]
    model_fields = list(getattr(schemas, name).model_fields)
    assert model_fields == dataclass_fields


def test_every_result_like_schema_has_its_dataclass() -> None:
    api_only = {"ErrorBody", "Health", "OutdatedList", "SparqlExample"}
    assert set(schemas.__all__) - api_only == set(RESULTS) - NOT_SERVED


def test_serve_command_refuses_a_missing_store(tmp_path: object) -> None:
    runner = CliRunner()
    r = runner.invoke(cli, ["serve", "--store", "/nonexistent/resgraph-store"])
    assert r.exit_code == 2
    assert "no store at /nonexistent/resgraph-store" in r.output
    assert "resgraph build" in r.output
    help_text = runner.invoke(cli, ["serve", "--help"]).output
    for option in ("--store", "--host", "--port", "--sparql-timeout", "--max-rows"):
        assert option in help_text


def test_the_example_schema_mirrors_the_example_dataclass() -> None:
    from graph import Example

    fields = [f.name for f in dataclasses.fields(Example)]
    assert list(schemas.SparqlExample.model_fields) == fields
