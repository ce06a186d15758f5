"""The pages show where each mention sits in the original file: PDF page, HTML element path.

A real store built from a two-page PDF, an HTML page and a .txt file (the files of
tests/graph/test_positions_graph.py), served by the real app: the resolution page of a cited
resolution shows "p. 2" beside the clause read on page 2 and the element path beside the HTML
one, in its HTML and its JSON twin; the source view marks where each page or element starts
and names it in each mark's title; the .txt document shows none of it.
"""

from __future__ import annotations

import html
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.settings import Settings
from graph import build_store, document_keys, document_source, open_store

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "graph"))

from test_positions_graph import CITE_2, make_corpus  # noqa: E402


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Any]]:
    root = tmp_path_factory.mktemp("positions_api")
    files = make_corpus(root / "files")
    report = build_store(root / "store", list(files.values()))
    assert not report.failed, report.failed
    with (
        open_store(root / "store", read_only=True) as store,
        TestClient(create_app(Settings(), store=store)) as client,
    ):
        yield client, store


def _visible(fragment: str) -> str:
    """The text of an HTML fragment, tags removed (the source view's own text)."""
    return html.unescape(re.sub(r'<a class="go"[^>]*>.*?</a>|<[^>]+>', "", fragment))


def test_resolution_page_shows_the_page_and_element_of_each_citing_clause(served: Any) -> None:
    client, _store = served
    twin = client.get("/id/resolution/pp/139", headers={"Accept": "application/json"}).json()
    places = {p["file"]: p for w in twin["cited_by"] for p in w["places"]}
    assert set(places) == {"acts44.pdf", "res50.html"}  # the .txt file does not cite it
    assert places["acts44.pdf"]["page"] == 2 and places["acts44.pdf"]["element_path"] is None
    assert places["acts44.pdf"]["quote"].startswith("b) that")  # not the end of page 1
    assert places["res50.html"]["element_path"] == "body/div[2]/p[1]"
    assert places["res50.html"]["page"] is None
    page = client.get("/id/resolution/pp/139", headers={"Accept": "text/html"}).text
    assert '<span class="orig" title="page 2">p. 2</span>' in page
    assert '<span class="orig" title="body/div[2]/p[1]"><code>body/div[2]/p[1]</code>' in page
    # the plain-text document cites pp/123 only: its row there has no place in a file
    twin = client.get("/id/resolution/pp/123", headers={"Accept": "application/json"}).json()
    by_file = {p["file"]: p for w in twin["cited_by"] for p in w["places"]}
    assert by_file["acts44.pdf"]["page"] == 1 and by_file["res50.html"]["element_path"]
    txt = by_file["res60.txt"]
    assert txt["page"] is txt["element_path"] is txt["footnote"] is None


def test_source_view_marks_page_starts_and_names_the_page_of_each_mark(served: Any) -> None:
    client, store = served
    key = document_keys(store)["acts44.pdf"]
    doc = document_source(store, key)
    assert doc is not None and doc.text is not None
    assert [p.page for p in doc.positions] == [1, 2]
    page = client.get(f"/documents/{key}", headers={"Accept": "text/html"}).text
    body = re.search(r'<div id="text">(.*)</div>\s*<aside>', page, re.S)
    assert body is not None
    assert _visible(body[1]) == doc.text  # markers add no text
    for pos in doc.positions:  # each marker stands exactly where its page starts
        marker = f'<span class="pos" data-pos="p. {pos.page}" title="page {pos.page}"></span>'
        assert body[1].count(marker) == 1
        assert len(_visible(body[1][: body[1].index(marker)])) == pos.start
    cite = next(m for m in doc.marks if m.surface == CITE_2)
    assert cite.page == 2
    tag = re.search(rf'id="{cite.anchor}" class="mark citation" title="([^"]*)"', page)
    assert tag is not None and html.unescape(tag[1]).endswith("page 2")
    twin = client.get(f"/documents/{key}", params={"format": "json"}).json()
    assert [p["page"] for p in twin["positions"]] == [1, 2]
    assert {m["surface"]: m["page"] for m in twin["marks"]}[CITE_2] == 2


def test_source_view_of_html_names_elements_and_of_txt_nothing(served: Any) -> None:
    client, store = served
    keys = document_keys(store)
    page = client.get(f"/documents/{keys['res50.html']}", headers={"Accept": "text/html"}).text
    assert 'data-pos="#res50/p[2]"' in page and 'data-pos="body/div[2]/p[1]"' in page
    doc = document_source(store, keys["res50.html"])
    assert doc is not None
    cite = next(m for m in doc.marks if m.surface == CITE_2)
    tag = re.search(rf'id="{cite.anchor}" class="mark citation" title="([^"]*)"', page)
    assert tag is not None and html.unescape(tag[1]).endswith("body/div[2]/p[1]")
    plain = client.get(f"/documents/{keys['res60.txt']}", headers={"Accept": "text/html"}).text
    assert 'class="mark citation"' in plain and 'class="pos"' not in plain
    twin = client.get(f"/documents/{keys['res60.txt']}", params={"format": "json"}).json()
    assert twin["positions"] == [] and all(m["page"] is None for m in twin["marks"])
