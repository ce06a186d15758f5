"""The landing page's JSON twin and the offline API docs, over HTTP on the seed graph.

The browser side (what a person sees, no request leaving the server) is in
tests/viz/test_pages_browser.py; here the facts: the twin says what the graph functions say, the
search reads numbers and title words, and the docs pages name only this server's files.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.routes.home import number_query
from graph import graph_stats, search_resolutions


def test_json_twin_holds_the_graphs_figures(seed: TestClient, seed_store: Any) -> None:
    r = seed.get("/", headers={"Accept": "application/json"})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    assert 'rel="alternate"' in r.headers["link"] and "text/html" in r.headers["link"]
    body = r.json()
    stats = graph_stats(seed_store, top=10).to_dict()
    for key in ("documents", "resolutions", "versions", "citations", "assignments", "triples"):
        assert body["figures"][key] == stats[key], key
    assert [m["id"] for m in body["most_cited"]] == [m["id"] for m in stats["most_cited"]]
    assert body["generation"] == seed.get("/health").json()["generation"]
    assert body["results"] is None
    assert {"/viz", "/sparql", "/docs", "/redoc"} <= set(body["links"].values())


def test_html_page_announces_its_twin(seed: TestClient) -> None:
    r = seed.get("/", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "application/json" in r.headers["link"]
    assert '<link rel="alternate" type="application/json"' in r.text
    assert seed.get("/?format=json").headers["content-type"] == "application/json"
    assert seed.get("/", headers={"Accept": "image/png"}).status_code == 406


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("WTSA 44", "wtsa/44"), ("wtsa/44", "wtsa/44"), ("PP Res. 123", "pp/123")],
)
def test_search_by_number(seed: TestClient, typed: str, expected: str) -> None:
    hits = seed.get("/", params={"q": typed, "format": "json"}).json()["results"]
    assert hits[0]["id"] == expected


def test_search_by_title_words_matches_the_graph(seed: TestClient, seed_store: Any) -> None:
    for words in ("standardization gap", "标准化"):
        hits = seed.get("/", params={"q": words, "format": "json"}).json()["results"]
        expected = [r.id for r in search_resolutions(seed_store, q=words, limit=20).items]
        assert [h["id"] for h in hits] == expected and expected, words


def test_number_query_reads_what_people_type() -> None:
    assert number_query("44") == (None, "44")
    assert number_query("Council 1353") == ("Council", "1353")
    assert number_query("wtdc/3/2") is None  # three parts: not an organ and a number
    assert number_query("gap") is None
    assert number_query("nosuchorgan 12") is None


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_docs_pages_load_only_this_servers_files(seed: TestClient, path: str) -> None:
    r = seed.get(path)
    assert r.status_code == 200
    assets = re.findall(r'(?:src|href)="([^"]+)"', r.text)
    assert assets and all(a.startswith("/") for a in assets), assets
    for asset in assets:
        if asset.startswith("/static/"):
            assert seed.get(asset).status_code == 200, asset
    assert "fonts.googleapis" not in r.text and "cdn." not in r.text


def test_redoc_bundle_asks_for_nothing_remote(seed: TestClient) -> None:
    js = seed.get("/static/docs/redoc.standalone.js")
    assert js.status_code == 200 and "cdn.redoc.ly" not in js.text
    assert seed.get("/openapi.json").json()["paths"]["/"]["get"]["responses"]["200"]
