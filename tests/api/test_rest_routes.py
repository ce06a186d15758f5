"""Every REST route answers on the seed graph with real data, through the real ASGI app.

The expected bodies are the graph functions' own results on the same store (the API must map,
not reinterpret), plus facts of the seed documents that a reader can check in data/corpus.
"""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from api import schemas
from graph.queries.assignments import assignments
from graph.queries.dependencies import citation_path, dependencies, impact
from graph.queries.lineage import lineage
from graph.queries.outdated import outdated_citations
from graph.queries.search import get_resolution, graph_stats, list_conferences, search_resolutions


def plain(result: Any) -> Any:
    """A graph result as the API serialises it (through the same pydantic schema)."""
    if isinstance(result, tuple):
        return [plain(r) for r in result]
    name = type(result).__name__
    return getattr(schemas, name).model_validate(result.to_dict()).model_dump(mode="json")


@pytest.mark.parametrize(
    ("url", "compute"),
    [
        ("/resolutions/wtsa/44", lambda s: get_resolution(s, "WTSA", "44")),
        ("/resolutions/WTSA/44/lineage", lambda s: lineage(s, "wtsa/44")),
        ("/resolutions/wtsa/44/dependencies?depth=2", lambda s: dependencies(s, "wtsa/44", 2)),
        (
            "/resolutions/wtsa/44/dependencies?organ=pp&organ=council",
            lambda s: dependencies(s, "wtsa/44", 1, organs=("PP", "Council")),
        ),
        ("/resolutions/pp/123/impact", lambda s: impact(s, "pp/123")),
        ("/resolutions/pp/123/impact?depth=1", lambda s: impact(s, "pp/123", depth=1)),
        ("/resolutions/wtsa/44/2022/dependencies", lambda s: dependencies(s, "wtsa/44/2022")),
        ("/resolutions/pp/123/2018/impact", lambda s: impact(s, "pp/123/2018")),
        ("/path?from=wtsa/44&to=pp/123", lambda s: citation_path(s, "wtsa/44", "pp/123")),
        ("/assignments?actor=BDT", lambda s: assignments(s, actor="BDT")),
        ("/assignments?collaborator=TSB", lambda s: assignments(s, collaborator="TSB")),
        ("/assignments?organ=wtsa", lambda s: assignments(s, organ="WTSA")),
        ("/conferences", list_conferences),
        ("/stats?top=5", lambda s: graph_stats(s, top=5)),
        ("/resolutions?organ=wtsa&limit=5", lambda s: search_resolutions(s, organ="WTSA", limit=5)),
    ],
)
def test_route_returns_the_graph_functions_answer(
    seed: TestClient, seed_store: Any, url: str, compute: Any
) -> None:
    r = seed.get(url)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == plain(compute(seed_store))
    assert seed.get(url).content == r.content  # served again (from the cache): same bytes


def test_outdated_citations_are_listed_with_their_count(seed: TestClient, seed_store: Any) -> None:
    body = seed.get("/citations/outdated").json()
    want = outdated_citations(seed_store)
    assert body["total"] == len(want) == len(body["items"])
    assert body["items"] == plain(want)


def test_resolution_44_is_real(seed: TestClient) -> None:
    """WTSA Resolution 44 (Rev. Geneva, 2022) is a seed document: its text is loaded."""
    body = seed.get("/resolutions/wtsa/44").json()
    assert body["summary"]["id"] == "wtsa/44"
    versions = {v["id"]: v for v in body["versions"]}
    assert versions["wtsa/44/2022"]["has_text"] is True
    assert versions["wtsa/44/2022"]["conference_label"] == "WTSA-20"
    assert body["cites"], "WTSA Resolution 44 cites PP resolutions in its preamble"
    version = seed.get("/resolutions/wtsa/44/2022").json()
    assert version == versions["wtsa/44/2022"]


def test_search_by_title_words_and_number(seed: TestClient) -> None:
    by_words = seed.get("/resolutions", params={"q": "standardization gap"}).json()
    assert "wtsa/44" in [i["id"] for i in by_words["items"]]
    by_number = seed.get("/resolutions", params={"number": "44", "organ": "WTSA"}).json()
    assert [i["id"] for i in by_number["items"]] == ["wtsa/44"]


def test_search_in_another_loaded_language(seed: TestClient) -> None:
    detail = seed.get("/resolutions/wtsa/44").json()
    titles = detail["summary"]["titles"]
    other = {lang: t for lang, t in titles.items() if lang != "en"}
    if not other:
        pytest.skip("the seed graph has no non-English title for wtsa/44")
    lang, title = sorted(other.items())[0]
    word = title.split()[0] if " " in title else title[:4]
    hits = seed.get("/resolutions", params={"q": word}).json()
    assert "wtsa/44" in [i["id"] for i in hits["items"]], (lang, word)


def test_pagination_partitions_the_results(seed: TestClient) -> None:
    full = seed.get("/resolutions", params={"limit": 200}).json()
    assert full["total"] == len(full["items"]) > 10
    pages = [seed.get("/resolutions", params={"limit": 7, "offset": o}).json() for o in (0, 7, 14)]
    assert all(p["total"] == full["total"] for p in pages)
    assert [i["id"] for p in pages for i in p["items"]] == [i["id"] for i in full["items"][:21]]


@pytest.mark.parametrize(
    ("url", "suggestion"),
    [
        ("/resolutions/wtsa/440", "wtsa/44"),
        ("/resolutions/wtsa/440/lineage", "wtsa/44"),
        ("/resolutions/wtsa/44/1999", "wtsa/44/2022"),
        ("/resolutions/pp/1230/impact", "pp/123"),
    ],
)
def test_unknown_resolution_is_404_with_did_you_mean(
    seed: TestClient, url: str, suggestion: str
) -> None:
    r = seed.get(url)
    assert r.status_code == 404
    body = r.json()
    assert body["ok"] is False and body["status"] == 404 and body["code"] == "not_found"
    assert suggestion in body["did_you_mean"]
    assert "did you mean" in body["error"]


def test_no_path_is_a_404(seed: TestClient) -> None:
    r = seed.get("/path", params={"from": "pp/123", "to": "wtsa/44"})
    assert r.status_code == 404 and r.json()["code"] == "no_path"


@pytest.mark.parametrize(
    "url",
    [
        "/resolutions/xyz/44",
        "/resolutions/wtsa/44/dependencies?depth=0",
        "/resolutions/wtsa/44/impact?depth=99",
        "/resolutions/wtsa/44/dependencies?organ=nope",
        "/resolutions?limit=abc",
        "/resolutions?limit=0",
        "/resolutions?offset=-1",
        "/resolutions?organ=%00",
        "/resolutions?q=" + "x" * 300,
        "/resolutions/wtsa/44/20222",
        "/path?from=wtsa/44",
        "/path?from=wtsa&to=pp/123",
        "/stats?top=1000",
        "/assignments?actor=%3Cscript%3E",
    ],
)
def test_malformed_parameters_are_422_naming_the_problem(seed: TestClient, url: str) -> None:
    r = seed.get(url)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == 422 and body["error"]


@pytest.mark.parametrize(
    "url",
    [
        "/resolutions/wtsa/..%2F..%2Fetc",
        "/resolutions/..%2F..%2F..%2Fetc%2Fpasswd/1",
        "/resolutions/wtsa/44%00/lineage",
        "/id/..%2F..%2Fetc%2Fpasswd",
        "/id/resolution/..%2F..%2F..%2Fetc%2Fpasswd",
        "/id/resolution/wtsa/44%5C..%5C..",
        "/id/%2e%2e/%2e%2e/etc/passwd",
        "/id/resolution/wtsa/44/%00",
        "/sparql/..%2F..%2Fetc%2Fpasswd",
    ],
)
def test_path_traversal_attempts_never_reach_anything(seed: TestClient, url: str) -> None:
    r = seed.get(url)
    assert r.status_code in (400, 404, 422), r.text
    body = r.json()
    assert body["ok"] is False and body["status"] == r.status_code
    assert "root:" not in r.text
