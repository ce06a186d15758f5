"""The API serves the same JSON from Virtuoso as from the embedded store (through the ASGI app).

``create_app`` gets nothing but a :class:`~api.settings.Settings` whose ``store`` is the
``sparql+http://`` location: the routes run the same graph functions on the remote store.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from scale_answers import canonical

from api.main import create_app
from api.settings import Settings, get_settings

pytestmark = pytest.mark.slow  # a real Virtuoso server (~5 s to start) and builds into it

ROUTES = (
    "/resolutions/wtsa/44",
    "/resolutions/wtsa/44/lineage",
    "/resolutions?q=standardization",
    "/assignments?actor=TSB",
    "/conferences",
    "/stats",
)


@pytest.fixture(scope="module")
def clients(stores: Any) -> Any:
    remote = Settings(store=Path(stores.url), reload_interval=0)
    assert remote.remote
    embedded = Settings(store=stores.embedded.root, reload_interval=0)
    with TestClient(create_app(remote)) as r, TestClient(create_app(embedded)) as e:
        yield r, e


@pytest.mark.parametrize("route", ROUTES)
def test_routes_answer_the_same_from_virtuoso(clients: Any, route: str) -> None:
    remote, embedded = clients
    a, b = embedded.get(route), remote.get(route)
    assert a.status_code == 200, a.text
    assert b.status_code == 200, b.text
    assert a.json(), route
    assert canonical(b.json()) == canonical(a.json())


def test_unknown_resolution_is_the_same_error(clients: Any) -> None:
    remote, embedded = clients
    a, b = (
        embedded.get("/resolutions/wtsa/9999/lineage"),
        remote.get("/resolutions/wtsa/9999/lineage"),
    )
    assert a.status_code == b.status_code == 404
    assert canonical(a.json()) == canonical(b.json())


def test_settings_read_the_remote_store_from_the_environment() -> None:
    env = {
        "RESGRAPH_STORE": "sparql+http://127.0.0.1:8890/sparql",
        "RESGRAPH_GRAPH_STORE": "http://127.0.0.1:8890/sparql-graph-crud-auth",
    }
    s = get_settings(env)
    assert s.remote and not get_settings({}).remote
    assert s.graph_store == env["RESGRAPH_GRAPH_STORE"]
