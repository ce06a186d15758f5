"""Dereferenceable IRIs: ``/id/...`` by content negotiation, on the seed graph."""

from __future__ import annotations

from typing import Any

import pytest
import rdflib
from fastapi.testclient import TestClient
from pyoxigraph import NamedNode

BASE = "https://w3id.org/resgraph/"


def store_triples(seed_store: Any, iri: str) -> set[tuple[str, str, str]]:
    """Distinct (s, p, o) about ``iri`` as subject, straight from the store (N-Triples terms)."""
    quads = seed_store.store.quads_for_pattern(NamedNode(iri), None, None)
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in quads}


def rdflib_triples(graph: rdflib.Graph, iri: str) -> set[tuple[str, str, str]]:
    return {(s.n3(), p.n3(), o.n3()) for s, p, o in graph.triples((rdflib.URIRef(iri), None, None))}


@pytest.mark.parametrize(
    ("accept", "fmt"),
    [
        ("text/turtle", "turtle"),
        ("application/ld+json", "json-ld"),
        ("application/n-triples", "nt"),
        ("application/rdf+xml", "xml"),
        ("*/*", "json-ld"),
        (None, "json-ld"),
    ],
)
def test_rdf_descriptions_hold_the_stores_triples(
    seed: TestClient, seed_store: Any, accept: str | None, fmt: str
) -> None:
    iri = BASE + "id/resolution/wtsa/44/2022"
    r = seed.get("/id/resolution/wtsa/44/2022", headers={"Accept": accept} if accept else {})
    assert r.status_code == 200, r.text
    assert "Accept" in r.headers["vary"]
    graph = rdflib.Graph().parse(data=r.content, format=fmt)
    want = store_triples(seed_store, iri)
    assert want and rdflib_triples(graph, iri) == want


def test_html_page_links_cited_and_citing(seed: TestClient, seed_store: Any) -> None:
    r = seed.get("/id/resolution/wtsa/44/2022", headers={"Accept": "text/html,*/*;q=0.8"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    cites = {
        q.object.value
        for q in seed_store.store.quads_for_pattern(
            NamedNode(BASE + "id/resolution/wtsa/44/2022"),
            NamedNode("http://purl.org/spar/cito/cites"),
            None,
        )
    }
    assert cites
    for iri in cites:
        assert f'href="/{iri.removeprefix(BASE)}"' in r.text
    cited = seed.get("/id/resolution/pp/123/2018", headers={"Accept": "text/html"})
    assert 'href="/id/resolution/wtsa/44/2022"' in cited.text  # cited by WTSA 44 (2022)
    assert 'href="/resolutions/wtsa/44/2022"' in r.text  # its REST twin


def test_work_page_lists_versions(seed: TestClient) -> None:
    r = seed.get("/id/resolution/wtsa/44", params={"format": "html"})
    assert r.status_code == 200
    assert 'href="/id/resolution/wtsa/44/2022"' in r.text
    assert "/resolutions/wtsa/44/lineage" in r.text


def test_other_kinds_of_iri_dereference(seed: TestClient) -> None:
    for path in ("/id/conference/wtsa-2022", "/id/organ/wtsa", "/id/bureau/bdt"):
        r = seed.get(path, headers={"Accept": "text/turtle"})
        assert r.status_code == 200, path
        assert rdflib.Graph().parse(data=r.text, format="turtle")


def test_unknown_iri_is_404_with_suggestions(seed: TestClient) -> None:
    r = seed.get("/id/resolution/wtsa/440")
    assert r.status_code == 404
    assert "/id/resolution/wtsa/44" in r.json()["did_you_mean"]


def test_wrong_accept_and_format(seed: TestClient) -> None:
    r = seed.get("/id/resolution/wtsa/44", headers={"Accept": "image/png"})
    assert r.status_code == 406 and "text/turtle" in r.json()["error"]
    bad = seed.get("/id/resolution/wtsa/44", params={"format": "pdf"})
    assert bad.status_code == 422
    ttl = seed.get("/id/resolution/wtsa/44", params={"format": "ttl"}, headers={"Accept": "x/y"})
    assert ttl.headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize(
    "path", ["resolution/wtsa/44/<script>", "a" * 400, "resolution//44", "resolution/wtsa/%2e%2e"]
)
def test_malformed_identifier_paths_are_400(seed: TestClient, path: str) -> None:
    r = seed.get(f"/id/{path}")
    assert r.status_code in (400, 404)
    assert r.json()["ok"] is False
