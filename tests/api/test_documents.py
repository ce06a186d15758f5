"""The source view ``/documents/{key}`` and the text the store keeps for it, on real stores.

The seed graph (data/corpus with its gold records) gives the plain-text case; a Word file with
real ``w:ins``/``w:del`` runs, built by the same ``build_store`` as ``resgraph build``, gives the
tracked changes.
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
from graph import build_store, document_source, id_path, open_store, run_select, select

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
sys.path.insert(0, str(ROOT / "tests" / "extract" / "text"))

from files_factory import dele, ins, make_raw_docx, p, r  # noqa: E402


@pytest.fixture(scope="module")
def client(seed_store: Any) -> Iterator[TestClient]:
    """The real app over the seed store (no query workers: these routes read the store)."""
    with TestClient(create_app(Settings(), store=seed_store)) as c:
        yield c


def _keys(store: Any) -> dict[str, str]:
    """File name -> document key, as the store says (dcterms:identifier)."""
    table = run_select(
        store,
        "PREFIX rg: <https://w3id.org/resgraph/ontology#>\n"
        "PREFIX dcterms: <http://purl.org/dc/terms/>\n"
        "SELECT ?name ?key { ?d a rg:SourceDocument ; rg:fileName ?name ;"
        " dcterms:identifier ?key }",
    )
    return {str(name): str(key) for name, key in table.rows}


def test_the_store_keeps_each_text_and_every_mark_sits_on_its_surface(seed_store: Any) -> None:
    keys = _keys(seed_store)
    assert set(keys) == {f.name for f in CORPUS.glob("*.txt")}
    marks = 0
    for name, key in keys.items():
        doc = document_source(seed_store, key)
        assert doc is not None and doc.name == name
        assert doc.text == (CORPUS / name).read_text(encoding="utf-8")
        for m in doc.marks:
            assert doc.text[m.start : m.end] == m.surface, (name, m)
            assert m.anchor == f"{m.kind[0]}-{m.start}-{m.end}"
        marks += len(doc.marks)
    gold = sum(1 for _ in (ROOT / "tests" / "gold" / "citations.jsonl").open())
    assert marks > gold / 2  # the seeds' citations, headings and assignments are there


def test_source_view_anchors_every_mark_and_links_what_it_names(
    client: TestClient, seed_store: Any
) -> None:
    key = _keys(seed_store)["001_e4eb4cc4694de83a.txt"]
    doc = document_source(seed_store, key)
    assert doc is not None
    r = client.get(f"/documents/{key}", headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert (
        r.headers["link"]
        == f'</documents/{key}?format=json>; rel="alternate"; type="application/json"'
    )
    page = r.text
    for m in doc.marks:
        assert f'id="{m.anchor}"' in page, m
    citations = [m for m in doc.marks if m.kind == "citation" and m.target]
    assert citations
    for m in citations[:50]:  # a citation is a link to the page of what it cites
        tag = re.search(rf'<a id="{m.anchor}" [^>]*href="([^"]+)"', page)
        assert tag is not None and tag[1] == "/" + id_path(m.target), m
    # the text itself, tags removed, is the document's text (nothing added or lost)
    body = re.search(r'<div id="text">(.*)</div>\s*<aside>', page, re.S)
    assert body is not None
    text = html.unescape(re.sub(r'<a class="go"[^>]*>.*?</a>|<[^>]+>', "", body[1]))
    assert text == doc.text
    twin = client.get(f"/documents/{key}", params={"format": "json"})
    assert twin.headers["content-type"] == "application/json"
    data = twin.json()
    assert data["text"] == doc.text and len(data["marks"]) == len(doc.marks)
    assert client.get(f"/documents/{key}", headers={"Accept": "application/json"}).json() == data


@pytest.mark.parametrize(
    ("key", "status"), [("zz", 422), ("ABCDEF0123456789", 422), ("0000000000000000", 404)]
)
def test_bad_and_unknown_keys(client: TestClient, key: str, status: int) -> None:
    r = client.get(f"/documents/{key}")
    assert r.status_code == status
    body = r.json()
    assert body["ok"] is False and ("key" in body["error"] or key in body["error"]), body


def test_statement_pages_leave_the_text_out(client: TestClient, seed_store: Any) -> None:
    key = _keys(seed_store)["001_e4eb4cc4694de83a.txt"]
    ttl = client.get(f"/id/document/{key}", params={"format": "ttl"})
    assert ttl.status_code == 200 and "fileName" in ttl.text
    assert "sourceText" not in ttl.text and len(ttl.text) < 20_000
    rows = select(seed_store, "document_source", key=[key])
    assert len(rows[0]["text"]) > 50_000  # yet the store has it


RUNS = [
    [("", "RESOLUTION 44 (Rev. "), ("del", "Hammamet, 2016"), ("ins", "Geneva, 2022"), ("", ")")],
    [("", "Bridging the standardization gap between developing and developed countries")],
    [("", "considering")],
    [
        ("", "a)\tthat Resolution 139 (Rev. "),
        ("del", "Busan, 2014"),
        ("ins", "Dubai, 2018"),
        ("", ") of the Plenipotentiary Conference is on access for all;"),
    ],
    [
        ("", "instructs the Director of the Telecommunication Standardization Bureau"),
        ("ins", ", in collaboration with the Director of the Telecommunication Development Bureau"),
        ("", ","),
    ],
    [("", "1\tto organize workshops in the regions;")],
]


def test_word_documents_show_inserted_and_deleted_text(tmp_path: Path) -> None:
    make = {"": r, "ins": ins, "del": dele}
    body = "".join(p(*(make[k](t) for k, t in runs)) for runs in RUNS)
    (tmp_path / "files").mkdir()
    docx = make_raw_docx(tmp_path / "files" / "cept_44.docx", body)
    report = build_store(tmp_path / "store", [docx])
    assert not report.failed, report.failed
    with open_store(tmp_path / "store", read_only=True) as store:
        key = _keys(store)["cept_44.docx"]
        doc = document_source(store, key)
        assert doc is not None and doc.text is not None
        inserted = [c.text for c in doc.changes if c.kind == "insert"]
        deleted = [c.text for c in doc.changes if c.kind == "delete"]
        assert {"Geneva, 2022", "Dubai, 2018"} <= set(inserted)
        assert {"Hammamet, 2016", "Busan, 2014"} <= set(deleted)
        for c in doc.changes:
            if c.kind == "insert":
                assert doc.text[c.start : c.end] == c.text
        with TestClient(create_app(Settings(), store=store)) as client:
            page = client.get(f"/documents/{key}", headers={"Accept": "text/html"}).text
    shown_ins = {html.unescape(t) for t in re.findall(r"<ins [^>]*>([^<]*)</ins>", page)}
    shown_del = {html.unescape(t) for t in re.findall(r'<del data-text="([^"]*)"', page)}
    assert "Geneva, 2022" in "".join(shown_ins) and "Dubai, 2018" in "".join(shown_ins)
    assert {"Hammamet, 2016", "Busan, 2014"} <= shown_del
    # a citation whose version was changed keeps its surface as its text (deletions are CSS)
    cites = [m for m in doc.marks if m.kind == "citation"]
    assert any("Dubai, 2018" in (m.surface or "") for m in cites)


def test_statement_pages_of_a_document_and_a_mention_link_the_source_view(
    client: TestClient, seed_store: Any
) -> None:
    key = _keys(seed_store)["001_e4eb4cc4694de83a.txt"]
    doc = document_source(seed_store, key)
    assert doc is not None
    mark = next(m for m in doc.marks if m.kind == "citation")
    page = client.get(f"/id/document/{key}", headers={"Accept": "text/html"}).text
    assert f'href="/documents/{key}"' in page
    path = f"/id/document/{key}/citation/{mark.start}-{mark.end}"
    mention = client.get(path, headers={"Accept": "text/html"})
    assert mention.status_code == 200
    assert f'href="/documents/{key}#{mark.anchor}"' in mention.text
