"""Dereferenceable IRIs: ``/id/...`` by content negotiation, on the seed graph; the resolution
and version pages and their JSON twins."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import rdflib
from fastapi.testclient import TestClient
from pyoxigraph import NamedNode

from api.main import create_app
from api.settings import Settings
from graph import (
    assignments,
    citation_links,
    document_source,
    lineage,
    outdated_citations,
    resolution_page,
    run_select,
    short,
)

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


# ---------------------------------------------------------------- the resolution page


@pytest.fixture(scope="module")
def pages(seed_store: Any) -> Iterator[TestClient]:
    """The real app over the seed store (the /id/ and /documents routes read the store)."""
    with TestClient(create_app(Settings(), store=seed_store)) as c:
        yield c


def test_resolution_page_has_a_json_twin(pages: TestClient, seed_store: Any) -> None:
    html_page = pages.get("/id/resolution/wtsa/44", headers={"Accept": "text/html"})
    assert html_page.status_code == 200
    link = html_page.headers["link"]
    assert link == '</id/resolution/wtsa/44?format=json>; rel="alternate"; type="application/json"'
    twin = pages.get("/id/resolution/wtsa/44", params={"format": "json"})
    assert twin.headers["content-type"] == "application/json"
    assert 'rel="alternate"; type="text/html"' in twin.headers["link"]
    by_accept = pages.get("/id/resolution/wtsa/44", headers={"Accept": "application/json"})
    assert by_accept.json() == twin.json() == resolution_page(seed_store, "wtsa/44").to_dict()
    data = twin.json()
    assert data["id"] == "wtsa/44" and data["titles"]["en"] and data["versions"]
    assert [w["id"] for w in data["cites"]] == list(citation_links(seed_store, "wtsa/44")[0])
    # the raw statements stay behind a link, and RDF clients still get RDF
    assert 'href="/id/resolution/wtsa/44?view=statements"' in html_page.text
    raw = pages.get("/id/resolution/wtsa/44", params={"view": "statements", "format": "html"})
    assert "<h2>Statements</h2>" in raw.text and 'href="/id/resolution/wtsa/44"' in raw.text
    ld = pages.get("/id/resolution/wtsa/44", headers={"Accept": "application/ld+json"})
    assert ld.headers["content-type"].startswith("application/ld+json")


def test_every_citation_on_the_page_points_at_its_words(pages: TestClient, seed_store: Any) -> None:
    page = resolution_page(seed_store, "wtsa/44")
    places = [p for w in (*page.cites, *page.cited_by) for p in w.places]
    assert len(places) > 20
    texts: dict[str, str] = {}
    html_page = pages.get("/id/resolution/wtsa/44", headers={"Accept": "text/html"}).text
    for p in places:
        assert p.document and p.anchor and p.surface
        if p.document not in texts:
            doc = document_source(seed_store, p.document)
            assert doc is not None and doc.text
            texts[p.document] = doc.text
        assert texts[p.document][p.start : p.end] == p.surface
        assert p.quote and p.surface.split()[0] in p.quote
        assert f'href="/documents/{p.document}#{p.anchor}"' in html_page


def test_versions_timeline_says_what_the_graph_says(pages: TestClient, seed_store: Any) -> None:
    table = run_select(
        seed_store,
        "PREFIX rg: <https://w3id.org/resgraph/ontology#>\n"
        "SELECT ?v ?c { ?v rg:confirmedAt ?c ; rg:versionOf ?w }",
    )
    assert table.rows, "the seeds hold NOC confirmations"
    for version, conf in table.rows:
        ident = short(str(version))
        work = ident.rsplit("/", 1)[0]
        data = pages.get(f"/id/resolution/{work}", params={"format": "json"}).json()
        row = next(v for v in data["versions"] if v["version"]["id"] == ident)
        assert str(conf).rsplit("/", 1)[1] in row["confirmed_at"]
    lin = lineage(seed_store, "wtsa/44")
    data = pages.get("/id/resolution/wtsa/44", params={"format": "json"}).json()
    assert [v["version"]["id"] for v in data["versions"]] == [v.id for v in lin.versions]
    assert [v["version"]["has_text"] for v in data["versions"]] == [
        v.has_text for v in lin.versions
    ]
    assert data["changes"] == [s.to_dict() for s in lin.steps]


def test_version_page_and_outdated_flags(pages: TestClient, seed_store: Any) -> None:
    flagged = outdated_citations(seed_store)
    assert flagged
    o = flagged[0]
    page = pages.get(f"/id/resolution/{o.citing}", params={"format": "json"}).json()
    assert page["id"] == o.citing and page["year"] == o.citing_year
    assert [v["version"]["id"] for v in page["versions"]] == [o.citing]
    assert o.to_dict() in page["outdated"]
    marked = [
        p for w in page["cites"] for p in w["places"] if p["cited"] == o.cited and p["outdated_by"]
    ]
    assert marked and all(p["outdated_by"] == o.latest for p in marked)
    assert [w["id"] for w in page["cites"]] == list(citation_links(seed_store, o.citing)[0])
    missing = pages.get("/id/resolution/wtsa/44/1999", headers={"Accept": "text/html"})
    assert missing.status_code == 404


def test_assignments_on_the_page_are_the_graphs(pages: TestClient, seed_store: Any) -> None:
    hits = [h for h in assignments(seed_store).hits if h.resolution.startswith("wtsa/44/")]
    assert hits
    data = pages.get("/id/resolution/wtsa/44", params={"format": "json"}).json()
    shown = {
        (a["verb"], tuple(a["addressees"]), tuple(a["collaborators"])) for a in data["assignments"]
    }
    assert {(h.verb, h.addressees, h.collaborators) for h in hits} <= shown
    for a in data["assignments"]:
        assert a["document"] and a["anchor"] == f"a-{a['start']}-{a['end']}"
