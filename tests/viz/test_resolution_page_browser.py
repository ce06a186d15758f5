"""The resolution page, a version page and the source view as a person opens them.

Real app over the seed store built from data/corpus by ``graph.build`` (extraction included),
real uvicorn, Debian's headless Chromium at 1440x900; every request leaving the server is blocked
and fails the test, and so does any console error (the ``opened`` pages of
tests/viz/conftest.py). What the pages show is compared with the graph's own functions.

Screenshots go to the test's tmp dir and to ``$RESGRAPH_SCREENSHOTS`` when set:
``RESGRAPH_SCREENSHOTS=docs/img pytest tests/viz/test_resolution_page_browser.py``.
"""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag, urljoin

import pytest
from browser_pages import VIEWPORT, save_shot

pytestmark = pytest.mark.browser


def _status(url: str) -> int:
    with urllib.request.urlopen(url, timeout=30) as r:
        return int(r.status)


def test_resolution_page(app_url: str, opened: Any, seed_store: Any, tmp_path: Path) -> None:
    from graph import citation_links, resolution_page

    ident = "wtsa/44"
    page = resolution_page(seed_store, ident)
    cites, cited_by = citation_links(seed_store, ident)
    p = opened(f"{app_url}/id/resolution/{ident}")
    assert p.page.inner_text("h1") == page.title
    listed = p.page.eval_on_selector_all(
        "#cites li[data-work]", "els => els.map(e => e.dataset.work)"
    )
    assert listed == list(cites) and cites
    citing = p.page.eval_on_selector_all(
        "#cited-by li[data-work]", "els => els.map(e => e.dataset.work)"
    )
    assert citing == list(cited_by)
    versions = p.page.locator("#versions tr")
    assert versions.count() == len(page.versions) + 1  # and the header row
    save_shot(p.page, "resolution.png", tmp_path)

    # every link on the page answers 200 (fragments dropped; the server's own pages only)
    hrefs = p.page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    targets = sorted({urldefrag(urljoin(app_url, h))[0] for h in hrefs})
    assert all(t.startswith(app_url) for t in targets), targets
    sources = [t for t in targets if "/documents/" in t]
    assert sources and len(targets) > 30
    bad = [t for t in targets if _status(t) != 200]
    assert not bad, bad


def test_version_page(app_url: str, opened: Any, seed_store: Any) -> None:
    from graph import citation_links, lineage

    texted = [v for v in lineage(seed_store, "wtsa/44").versions if v.has_text]
    ident = texted[-1].id
    p = opened(f"{app_url}/id/resolution/{ident}")
    listed = p.page.eval_on_selector_all(
        "#cites li[data-work]", "els => els.map(e => e.dataset.work)"
    )
    assert listed == list(citation_links(seed_store, ident)[0]) and listed
    assert p.page.locator("#versions tr").count() == 2
    assert "text loaded" in p.page.inner_text("#versions")


def test_source_view_scrolls_to_and_highlights_the_citation(
    app_url: str, opened: Any, seed_store: Any, tmp_path: Path
) -> None:
    from graph import id_path, resolution_page

    page = resolution_page(seed_store, "wtsa/44")
    places = [pl for w in page.cites for pl in w.places if pl.start and pl.start > 5000]
    assert places
    place = places[len(places) // 2]  # one far down the text: the browser must scroll to it
    url = f"{app_url}/documents/{place.document}#{place.anchor}"
    p = opened(url)
    p.page.wait_for_selector(f"#{place.anchor}")
    state = p.page.eval_on_selector(
        f"#{place.anchor}",
        """e => ({text: e.textContent, target: e.matches(':target'),
                 top: e.getBoundingClientRect().top, bottom: e.getBoundingClientRect().bottom,
                 bg: getComputedStyle(e).backgroundColor, href: e.getAttribute('href')})""",
    )
    assert state["text"] == place.surface
    assert state["target"] is True
    assert state["top"] >= 0 and state["bottom"] <= VIEWPORT["height"]
    assert state["bg"] == "rgb(255, 227, 77)"  # the :target highlight
    assert state["href"] == "/" + id_path(place.cited)
    save_shot(p.page, "source.png", tmp_path)


def test_network_edge_links_to_the_source_view(app_url: str, opened: Any, seed_store: Any) -> None:
    from graph import document_source

    p = opened(f"{app_url}/viz?focus=wtsa/44&depth=1")
    p.page.wait_for_function("window.resgraphViz && window.resgraphViz.ready")
    edges = p.page.evaluate(
        "() => resgraphViz.network.body.data.edges.get()"
        ".filter(e => (e.sources || []).length).map(e => ({id: e.id, sources: e.sources}))"
    )
    assert edges, "no citation edge of the focus view links to its source"
    first = edges[0]
    p.page.evaluate(
        "id => resgraphViz.network.emit('click', {nodes: [], edges: [id]})", first["id"]
    )
    link = p.page.locator("#details-link")
    assert link.is_visible() and link.get_attribute("href") == first["sources"][0]
    for href in {s for e in edges for s in e["sources"]}:
        key, anchor = href.removeprefix("/documents/").split("#")
        doc = document_source(seed_store, key)
        assert doc is not None and doc.text is not None
        kind, start, end = anchor.split("-")
        mark = next(m for m in doc.marks if m.anchor == anchor)
        assert kind == "c" and doc.text[int(start) : int(end)] == mark.surface
