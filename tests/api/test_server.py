"""Against a real ``resgraph serve`` (uvicorn) on 127.0.0.1: real SPARQL clients, a bounded load
run, and a rebuild swapped in while requests keep coming.
"""

from __future__ import annotations

import json
import shutil
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore
from SPARQLWrapper import JSON, TURTLE, XML, SPARQLWrapper

from api.bench.api_bench import serving
from api.loadgen import LoadResult, run_load
from graph.build import build_store

CITES = "SELECT ?a ?b WHERE { ?a <http://purl.org/spar/cito/cites> ?b } ORDER BY ?a ?b"


@pytest.fixture(scope="module")
def server(seed_store: Any) -> Iterator[str]:
    """Base URL of a real server on the seed graph."""
    with serving(Path(seed_store.root), env={"RESGRAPH_RELOAD_INTERVAL": "0"}) as port:
        yield f"http://127.0.0.1:{port}"


def get_json(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=30) as r:
        return json.loads(r.read())


def direct_pairs(seed_store: Any) -> set[tuple[str, str]]:
    rows = seed_store.store.query(CITES, use_default_graph_as_union=True)
    return {(r["a"].value, r["b"].value) for r in rows}


def test_sparqlwrapper_select_json_and_xml(server: str, seed_store: Any) -> None:
    client = SPARQLWrapper(f"{server}/sparql")
    client.setQuery(CITES)
    client.setReturnFormat(JSON)
    bindings = client.query().convert()["results"]["bindings"]  # type: ignore[index]
    pairs = {(b["a"]["value"], b["b"]["value"]) for b in bindings}
    assert pairs == direct_pairs(seed_store) and pairs
    client.setReturnFormat(XML)
    xml = client.query().convert()
    assert len(xml.getElementsByTagName("result")) == len(bindings)  # type: ignore[union-attr]


def test_sparqlwrapper_post_construct_and_ask(server: str, seed_store: Any) -> None:
    client = SPARQLWrapper(f"{server}/sparql")
    client.setMethod("POST")
    client.setQuery(CITES.replace("SELECT ?a ?b WHERE", "CONSTRUCT { ?a <urn:x> ?b } WHERE"))
    client.setReturnFormat(TURTLE)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert {(str(s), str(o)) for s, _, o in graph} == direct_pairs(seed_store)
    client.setQuery("ASK { ?s <http://purl.org/spar/cito/cites> ?o }")
    client.setReturnFormat(JSON)
    assert client.query().convert()["boolean"] is True  # type: ignore[index]


def test_rdflib_sparqlstore_reads_the_endpoint(server: str, seed_store: Any) -> None:
    graph = rdflib.Graph(store=SPARQLStore(f"{server}/sparql", returnFormat="xml"))
    rows = {(str(a), str(b)) for a, b in graph.query(CITES)}  # type: ignore[misc]
    assert rows == direct_pairs(seed_store)
    constructed = graph.query(
        "CONSTRUCT { ?a <urn:x> ?b } WHERE { ?a <http://purl.org/spar/cito/cites> ?b }"
    )
    assert len(constructed.graph) == len(rows)  # type: ignore[arg-type]


def test_updates_are_refused_over_http(server: str) -> None:
    client = SPARQLWrapper(f"{server}/sparql")
    client.setMethod("POST")
    client.setRequestMethod("postdirectly")
    client.setQuery("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(Exception) as info:
        client.query()
    assert "403" in str(info.value) or "read-only" in str(info.value)


def test_bounded_load_has_no_errors(server: str) -> None:
    ids = [i["id"] for i in get_json(f"{server}/resolutions?limit=20")["items"]]
    paths = [f"/resolutions/{i}" for i in ids] + [f"/resolutions/{i}/lineage" for i in ids]
    port = int(server.rsplit(":", 1)[1])
    result = run_load(port, paths, total=600, concurrency=8, seconds=20)
    assert result.requests == 600 and result.errors == 0
    assert set(result.statuses) == {200}


@pytest.mark.slow  # two builds of the seed corpus while a real server answers
def test_rebuild_is_swapped_in_while_serving(
    seed_store: Any, gold_inputs: list[Any], tmp_path: Path
) -> None:
    """Requests during a rebuild get complete answers from the old or the new graph, no errors."""
    root = tmp_path / "store"
    shutil.copytree(seed_store.root, root)
    with serving(root, env={"RESGRAPH_RELOAD_INTERVAL": "0.1"}) as port:
        base = f"http://127.0.0.1:{port}"
        before = get_json(f"{base}/stats")
        generation = get_json(f"{base}/health")["generation"]
        results: list[LoadResult] = []
        stop = threading.Event()

        def keep_loading() -> None:  # bounded runs of 0.5 s until the swap has been seen
            while not stop.is_set():
                paths = ["/stats", "/conferences", "/health"]
                results.append(run_load(port, paths, total=10**5, seconds=0.5))

        load = threading.Thread(target=keep_loading)
        load.start()
        try:
            report = build_store(root, inputs=gold_inputs[:-1])  # drop one document
            assert report.removed
            deadline = time.monotonic() + 30
            while get_json(f"{base}/health")["generation"] == generation:
                assert time.monotonic() < deadline, "the rebuilt store was not swapped in"
                time.sleep(0.05)
            # the run in progress at the swap ends, then one more runs entirely on the new graph
            seen = len(results)
            while len(results) < seen + 2:
                assert time.monotonic() < deadline, "load runs stopped after the swap"
                time.sleep(0.05)
        finally:
            stop.set()
            load.join()
        after = get_json(f"{base}/stats")
    assert len(results) >= 2 and all(r.requests > 0 for r in results)
    assert all(r.errors == 0 and set(r.statuses) == {200} for r in results)
    assert after["documents"] == before["documents"] - 1
    assert after["triples"] < before["triples"]


CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless page on Debian's chromium (skipped without it, failed under CI=true)."""
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chromium).exists():
        pytest.skip("headless Chromium is missing: run `sudo apt-get install -y chromium`")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium")),
            executable_path=chromium,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        yield context.new_page()
        context.close()


@pytest.mark.browser
def test_query_page_runs_an_example_in_a_browser(server: str, page: Any) -> None:
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    # The page is YASGUI (api/templates/sparql.html): one tab per example query.
    page.goto(f"{server}/sparql")
    page.get_by_role("tab", name="Most cited resolutions").click()
    query = "resgraphSparql.yasgui.getTab().getYasqe().getValue()"
    assert "citingResolutions" in page.evaluate(query)
    page.locator(".tabPanel.active .yasqe_queryButton").click()
    table = ".tabPanel.active .yasr table.dataTable"
    page.wait_for_selector(f"{table} tbody tr")
    headers = [h.strip() for h in page.locator(f"{table} thead th").all_inner_texts()]
    assert {"work", "citations", "citingResolutions"} <= set(headers)
    assert page.locator(f"{table} tbody tr").count() > 1
    assert "results" in page.locator(".tabPanel.active .yasr_response_chip").inner_text()
    page.evaluate("resgraphSparql.yasgui.getTab().getYasqe().setValue('DELETE WHERE { ?s ?p ?o }')")
    page.locator(".tabPanel.active .yasqe_queryButton").click()
    page.wait_for_selector(".tabPanel.active .yasr .errorResult")
    assert "read-only" in page.locator(".tabPanel.active .yasr .errorResult").inner_text()
    assert not [e for e in errors if "403" not in e], errors
