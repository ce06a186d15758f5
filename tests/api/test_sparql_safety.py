"""The SPARQL endpoint under hostile or careless input: read-only, local, bounded, never a 500."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import QueryResultsFormat, Store, parse_query_results

# A cross join with a filter: each solution costs little but there are n^2 of them before the
# aggregate yields its single row, so the engine is busy without producing rows.
HEAVY = (
    "SELECT (COUNT(*) AS ?n) WHERE { ?a <urn:p> ?x . ?b <urn:p> ?y . FILTER(STR(?x) < STR(?y)) }"
)
ROWS = "SELECT ?s ?o WHERE { ?s <urn:p> ?o } ORDER BY ?o"


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "delete { ?s ?p ?o } where { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "CLEAR ALL",
        "DROP GRAPH <urn:g>",
        "WITH <urn:g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "PREFIX x: <urn:x#>\nCREATE GRAPH <urn:g>",
    ],
)
def test_updates_are_refused_with_403(client: TestClient, tiny: Store, query: str) -> None:
    before = len(tiny)
    for r in (
        client.get("/sparql", params={"query": query}),
        client.post("/sparql", data={"query": query}),
        client.post("/sparql", content=query, headers={"Content-Type": "application/sparql-query"}),
    ):
        assert r.status_code == 403, r.text
        assert r.json()["code"] == "update_refused" and "read-only" in r.json()["error"]
    assert len(tiny) == before


def test_update_protocol_forms_are_refused(client: TestClient) -> None:
    update = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    assert client.post("/sparql", data={"update": update}).status_code == 403
    assert client.get("/sparql", params={"update": update}).status_code == 403
    r = client.post(
        "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
    )
    assert r.status_code == 403 and r.json()["ok"] is False


def test_service_is_refused_before_any_connection(client: TestClient) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.3)
    port = listener.getsockname()[1]
    try:
        for query in (
            f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
            f"SELECT * WHERE {{ SeRvIcE SILENT <http://127.0.0.1:{port}/x> {{ ?s ?p ?o }} }}",
        ):
            r = client.get("/sparql", params={"query": query})
            assert r.status_code == 403 and r.json()["code"] == "service_refused"
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody called
    finally:
        listener.close()


def test_keywords_inside_names_strings_and_iris_are_harmless(client: TestClient) -> None:
    query = (
        "PREFIX service: <urn:service#>\n"
        "SELECT ?service ?insert WHERE { # LOAD nothing, DELETE nothing\n"
        "  VALUES ?service { 'SERVICE <http://x/>' } VALUES ?insert { <urn:DELETE> }\n"
        "  FILTER(?service != service:drop) }"
    )
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 200, r.text
    assert r.json()["results"]["bindings"][0]["service"]["value"] == "SERVICE <http://x/>"


@pytest.mark.parametrize(
    "query",
    [
        "SELECT * { \\u0053ERVICE <urn:x> { ?s ?p ?o } }",
        "SELECT * { BIND('a\\u0027 AS ?x) }",  # an escaped quote would end the string for rdflib
        "SELECT * { ?s ?p <urn:\\U00000041> }",
    ],
)
def test_codepoint_escapes_are_refused_anywhere(client: TestClient, query: str) -> None:
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400 and r.json()["code"] == "escape_refused"


@pytest.mark.parametrize(
    "query",
    ["SELECT * WHERE { ?s ?p }", "SELEC * { }", "SELECT * { ?s ?p ?o } LIMIT x", "}{", "\x00"],
)
def test_malformed_queries_are_400_with_the_parser_message(client: TestClient, query: str) -> None:
    r = client.get("/sparql", params={"query": query})
    assert r.status_code == 400
    body = r.json()
    assert body["code"] == "malformed_query" and "error at" in body["error"]


def test_empty_repeated_and_oversized_queries(client: TestClient) -> None:
    assert client.get("/sparql", params={"query": "  "}).status_code == 400
    two = client.get("/sparql?query=ASK%7B%7D&query=ASK%7B%7D")
    assert two.status_code == 400 and "more than one" in two.json()["error"]
    huge = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 60_000
    for r in (
        client.get("/sparql", params={"query": huge}),
        client.post("/sparql", content=huge, headers={"Content-Type": "application/sparql-query"}),
    ):
        assert r.status_code == 413 and r.json()["code"] == "query_too_long"
    blob = b"query=" + b"A" * 300_000
    r = client.post(
        "/sparql", content=blob, headers={"Content-Type": "application/x-www-form-urlencoded"}
    )
    assert r.status_code == 413


def test_wrong_body_types_and_bytes(client: TestClient) -> None:
    r = client.post("/sparql", content=b"ASK {}", headers={"Content-Type": "image/png"})
    assert r.status_code == 415
    r = client.post(
        "/sparql", content=b"ASK { \xff }", headers={"Content-Type": "application/sparql-query"}
    )
    assert r.status_code == 400 and "UTF-8" in r.json()["error"]


@pytest.mark.parametrize(
    ("accept", "status"),
    [
        ("image/png", 406),
        ("text/turtle", 406),  # a graph type for a SELECT
        ("application/sparql-results+json;q=0", 406),
        ("%%%garbage%%%", 200),  # unreadable: ignored, default format
        ("*/*;q=0.1, text/csv", 200),
        ("", 200),
    ],
)
def test_accept_headers(client: TestClient, accept: str, status: int) -> None:
    r = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"}, headers={"Accept": accept})
    assert r.status_code == status, r.text
    if status == 406:
        assert "acceptable" in r.json()["error"]


def test_cap_truncates_explicitly_in_json_and_xml(
    make_client: Callable[..., TestClient], many: Callable[[int], Store]
) -> None:
    store = many(50)
    with make_client(store, sparql_max_rows=20) as c:
        r = c.get("/sparql", params={"query": ROWS})
        assert r.status_code == 200
        assert r.headers["x-resgraph-truncated"].startswith("true")
        body = r.json()
        assert body["truncated"] is True and body["max_rows"] == 20
        assert len(body["results"]["bindings"]) == 20
        x = c.get("/sparql", params={"query": ROWS}, headers={"Accept": "application/xml"})
        assert b"urn:resgraph:truncated" in x.content
        assert len(list(parse_query_results(x.content, QueryResultsFormat.XML))) == 20
        ttl = c.post("/sparql", data={"query": "CONSTRUCT WHERE { ?s ?p ?o }"})
        assert ttl.headers["x-resgraph-truncated"].startswith("true")
        assert ttl.text.startswith("# truncated")
        small = c.get("/sparql", params={"query": ROWS + " LIMIT 20"})
        assert "x-resgraph-truncated" not in small.headers and "truncated" not in small.json()


def test_cap_refuses_formats_that_cannot_say_so(
    make_client: Callable[..., TestClient], many: Callable[[int], Store]
) -> None:
    with make_client(many(50), sparql_max_rows=20) as c:
        for accept in ("text/csv", "text/tab-separated-values"):
            r = c.get("/sparql", params={"query": ROWS}, headers={"Accept": accept})
            assert r.status_code == 422 and r.json()["code"] == "result_too_large"
        r = c.post(
            "/sparql",
            data={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/ld+json"},
        )
        assert r.status_code == 422


def _pids(client: TestClient) -> list[int]:
    engines = client.app.state.engines  # type: ignore[attr-defined]
    return [pid for e in engines.engines() for pid in e.sparql.pids]


@pytest.mark.timeout(120)
def test_a_timed_out_evaluation_is_killed_and_its_worker_replaced(
    make_client: Callable[..., TestClient], many: Callable[[int], Store]
) -> None:
    """The aggregate yields no row before the end, so only a kill can stop it: the worker that
    ran it is gone, the next query answers at once from a new one."""
    store = many(2500)
    with make_client(store, sparql_timeout=0.3, sparql_workers=1, sparql_queue_wait=5) as c:
        assert c.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] is True
        before = _pids(c)
        r = c.get("/sparql", params={"query": HEAVY})
        assert r.status_code == 503 and r.json()["code"] == "query_timeout", r.text
        assert "within 0.3 s" in r.json()["error"]
        assert c.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] is True
        after = _pids(c)
        assert len(before) == len(after) == 1 and before != after
        assert c.get("/health").status_code == 200


@pytest.mark.timeout(120)
def test_busy_workers_refuse_with_retry_after(
    make_client: Callable[..., TestClient], many: Callable[[int], Store]
) -> None:
    store = many(2500)
    with make_client(store, sparql_timeout=2, sparql_workers=1, sparql_queue_wait=0.1) as c:
        results: list[object] = []
        heavy = threading.Thread(
            target=lambda: results.append(c.get("/sparql", params={"query": HEAVY}))
        )
        heavy.start()
        while not any(e.sparql._idle == [] and e.sparql.pids for e in _engines(c)):
            time.sleep(0.01)
        busy = c.get("/sparql", params={"query": "ASK { ?s ?p 1 }"})
        heavy.join()
        assert busy.status_code == 503 and busy.json()["code"] == "busy"
        assert busy.headers["retry-after"] == "1"
        assert c.get("/health").status_code == 200  # REST routes do not share the workers


def _engines(client: TestClient) -> list[object]:
    return client.app.state.engines.engines()  # type: ignore[attr-defined,no-any-return]


@pytest.mark.timeout(120)
def test_streaming_timeout_stops_the_evaluation(
    make_client: Callable[..., TestClient], many: Callable[[int], Store]
) -> None:
    """A query producing rows stops itself at the deadline: the worker survives and answers."""
    store = many(3000)
    endless = "SELECT * WHERE { ?a <urn:p> ?x . ?b <urn:p> ?y . ?c <urn:p> ?z }"
    with make_client(store, sparql_timeout=0.3, sparql_workers=1, sparql_max_rows=10**9) as c:
        r = c.get("/sparql", params={"query": endless})
        assert r.status_code == 503 and r.json()["code"] == "query_timeout"
        assert c.get("/sparql", params={"query": "ASK {}"}).json()["boolean"] is True


def test_concurrent_queries_all_answer(client: TestClient) -> None:
    results: list[int] = []

    def ask() -> None:
        results.append(client.get("/sparql", params={"query": ROWS}).status_code)

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(set(results)) in ([200], [200, 503])
    assert results.count(200) >= 2
