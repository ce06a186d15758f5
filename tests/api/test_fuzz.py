"""Property tests from the OpenAPI document: no input makes the API answer 500.

Why hypothesis over the OpenAPI document (what schemathesis does): the document lists every
operation and parameter, so new routes are fuzzed without new test code; values mix the
documented examples with arbitrary text, numbers and hostile strings. Runs are derandomized so a
failure reproduces in CI.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Store

from api.main import create_app
from api.settings import Settings
from graph import as_store

HOSTILE = st.sampled_from(
    [
        "",
        " ",
        "..",
        "../..",
        "%00",
        "\x00",
        "'",
        '"',
        "<script>",
        "\\",
        "?",
        "#",
        "/",
        "😀",
        "9" * 30,
    ]
)
ACCEPTS = st.sampled_from(
    [None, "*/*", "text/html", "application/json", "text/turtle", "image/png", ";;", "a/b;q=x"]
)


def operations() -> list[tuple[str, list[dict[str, Any]]]]:
    """(path template, parameters) of every GET operation in the OpenAPI document."""
    with TestClient(create_app(Settings(), store=as_store(Store()))) as client:
        spec = client.get("/openapi.json").json()
    return [
        (path, item["get"].get("parameters", []))
        for path, item in sorted(spec["paths"].items())
        if "get" in item
    ]


def value_strategy(param: dict[str, Any]) -> st.SearchStrategy[str]:
    schema = param.get("schema", {})
    examples = [str(e) for e in param.get("examples", []) or schema.get("examples", [])]
    pieces: list[st.SearchStrategy[str]] = [
        st.text(max_size=40),
        st.integers(min_value=-(10**6), max_value=10**12).map(str),
        HOSTILE,
    ]
    if examples:
        pieces.append(st.sampled_from(examples))
    return st.one_of(*pieces)


OPERATIONS = operations()


@pytest.mark.parametrize(("path", "params"), OPERATIONS, ids=[path for path, _ in OPERATIONS])
def test_no_input_gives_a_500(seed: TestClient, path: str, params: list[dict[str, Any]]) -> None:
    strategies = {p["name"]: value_strategy(p) for p in params}
    required = {p["name"] for p in params if p.get("required") or p["in"] == "path"}

    @settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(
        values=st.fixed_dictionaries(
            {n: s for n, s in strategies.items() if n in required},
            optional={n: s for n, s in strategies.items() if n not in required},
        ),
        accept=ACCEPTS,
    )
    def check(values: dict[str, str], accept: str | None) -> None:
        url = path
        query = []
        for p in params:
            if p["name"] not in values:
                continue
            if p["in"] == "path":
                url = url.replace("{" + p["name"] + "}", quote(values[p["name"]], safe="") or "x")
            else:
                query.append(f"{quote(p['name'])}={quote(values[p['name']], safe='')}")
        if query:
            url += "?" + "&".join(query)
        r = seed.get(url, headers={"Accept": accept} if accept else {})
        assert r.status_code < 500, (url, r.text)
        if r.status_code >= 400:
            body = r.json()
            assert body["ok"] is False and body["status"] == r.status_code

    check()


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    query=st.one_of(st.text(max_size=200), st.binary(max_size=100).map(lambda b: b.hex())),
    accept=ACCEPTS,
)
def test_arbitrary_sparql_never_gives_a_500(
    client: TestClient, query: str, accept: str | None
) -> None:
    headers = {"Accept": accept} if accept else {}
    r = client.post("/sparql", data={"query": query}, headers=headers)
    assert r.status_code < 500 or r.json()["code"] in ("query_timeout", "busy"), r.text
    if r.status_code >= 400:
        assert r.json()["ok"] is False
