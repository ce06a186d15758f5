"""A mention's place in the original file (PDF page, HTML element path) reaches the store.

Real files (a two-page PDF made with fpdf2, an HTML page with an id'd div, a .txt file) go through
the same ``build_store`` as ``resgraph build``; the store must then say on which page, in which
element, each citation, heading and assignment was read, in the document's own named graph, and
say nothing of the kind for the plain text.
"""

from __future__ import annotations

import pickle
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extract import extract_document
from extract.text.load import load_document
from graph import (
    build_store,
    document_keys,
    document_source,
    open_store,
    run_select,
    validate_store,
)
from graph.rdf.input import DocumentInput

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "extract" / "text"))

from files_factory import make_html, make_pdf_pages, make_raw_docx, p, r  # noqa: E402

CITE_1 = "Resolution 123 (Rev. Dubai, 2018)"
CITE_2 = "Resolution 139 (Rev. Busan, 2014)"
PDF_PAGES = [
    ["RESOLUTION 44 (Rev. Geneva, 2022)", "considering", f"a) that {CITE_1} of the PP applies;"],
    [
        f"b) that {CITE_2} of the Plenipotentiary Conference applies;",
        "instructs the Director of the Telecommunication Standardization Bureau",
        "1 to organize workshops;",
    ],
]
HTML_BODY = (
    "<h1>RESOLUTION 50 (Rev. Geneva, 2022)</h1>"
    '<div id="res50"><p>considering</p>'
    f"<p>a) that <b>{CITE_1}</b> of the Plenipotentiary Conference applies;</p></div>"
    f"<div><p>b) that {CITE_2} of the Plenipotentiary Conference applies;</p></div>"
)
TXT = (
    "RESOLUTION 60 (Rev. Geneva, 2022)\n\nconsidering\n\n"
    f"a) that {CITE_1} of the Plenipotentiary Conference applies;\n"
)
PLACE = "PREFIX rg: <https://w3id.org/resgraph/ontology#>\n"


def make_corpus(folder: Path) -> dict[str, Path]:
    """The three files: a two-page PDF, an HTML page and a plain-text file."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "res60.txt").write_text(TXT, encoding="utf-8")
    return {
        "pdf": make_pdf_pages(folder / "acts44.pdf", PDF_PAGES),
        "html": make_html(folder / "res50.html", HTML_BODY),
        "txt": folder / "res60.txt",
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, Path]]]:
    root = tmp_path_factory.mktemp("positions")
    files = make_corpus(root / "files")
    report = build_store(root / "store", list(files.values()))
    assert not report.failed, report.failed
    with open_store(root / "store", read_only=True) as store:
        yield store, files


def _mentions(store: Any, name: str) -> dict[str, dict[str, Any]]:
    """Surface -> the place facts of every mention of document ``name``."""
    table = run_select(
        store,
        PLACE + "SELECT ?m ?start ?surface ?page ?path ?fn { ?m rg:sourceDocument ?d ;"
        " rg:start ?start ; rg:surface ?surface . ?d rg:fileName ?name ."
        " OPTIONAL { ?m rg:page ?page } OPTIONAL { ?m rg:elementPath ?path }"
        " OPTIONAL { ?m rg:footnote ?fn } FILTER (?name = " + f'"{name}")' + " }",
    )
    out: dict[str, dict[str, Any]] = {}
    for m, start, surface, page, path, fn in table.rows:
        out[str(surface)] = {
            "node": str(m),
            "start": int(start),
            "page": None if page is None else int(page),
            "path": None if path is None else str(path),
            "footnote": None if fn is None else str(fn),
        }
    return out


def test_pdf_mentions_carry_the_page_they_were_printed_on(built: Any) -> None:
    store, files = built
    found = _mentions(store, "acts44.pdf")
    assert found[CITE_1]["page"] == 1 and found[CITE_2]["page"] == 2
    assert found["RESOLUTION 44 (Rev. Geneva, 2022)"]["page"] == 1
    (assign,) = [v for k, v in found.items() if k.startswith("instructs")]
    assert assign["page"] == 2
    # every mention agrees with the extractor's own position of its start
    doc = load_document(files["pdf"])
    for surface, m in found.items():
        pos = doc.position_at(m["start"])
        assert pos is not None and m["page"] == pos.page, surface
        assert m["path"] is None and m["footnote"] is None


def test_html_mentions_carry_their_element_path(built: Any) -> None:
    store, _files = built
    found = _mentions(store, "res50.html")
    assert found[CITE_1]["path"] == "#res50/p[2]"  # inside the div with an id
    assert found[CITE_2]["path"] == "body/div[2]/p[1]"  # no id on the way: the full path
    assert found["RESOLUTION 50 (Rev. Geneva, 2022)"]["path"] == "body/h1[1]"
    assert all(m["page"] is None for m in found.values())


def test_plain_text_gets_no_place(built: Any) -> None:
    store, _files = built
    found = _mentions(store, "res60.txt")
    assert CITE_1 in found
    assert all(m["page"] is m["path"] is m["footnote"] is None for m in found.values())
    rows = run_select(
        store,
        PLACE + 'SELECT ?p { ?d rg:fileName "res60.txt" ; rg:sourcePositions ?p }',
    ).rows
    assert not rows


def test_places_live_once_in_the_document_graph(built: Any) -> None:
    store, _files = built
    table = run_select(
        store,
        PLACE + "SELECT ?g ?m ?v { GRAPH ?g { ?m rg:page|rg:elementPath ?v ;"
        " rg:sourceDocument ?d . ?d a rg:SourceDocument } }",
    )
    nodes = [str(m) for _g, m, _v in table.rows]
    assert len(nodes) == len(set(nodes))  # once each, in its own graph (not in the derived one)
    expected = {
        m["node"] for name in ("acts44.pdf", "res50.html") for m in _mentions(store, name).values()
    }
    assert set(nodes) == expected and len(expected) == 7
    positions = run_select(
        store, PLACE + "SELECT ?name ?p { ?d rg:fileName ?name ; rg:sourcePositions ?p }"
    ).rows
    assert sorted(str(n) for n, _p in positions) == ["acts44.pdf", "res50.html"]


def test_the_store_still_conforms_to_the_shapes(built: Any) -> None:
    store, _files = built
    report = validate_store(store.root)  # rg:page: at most one integer >= 1 per mention
    assert report.conforms, report.messages


def test_the_input_carries_positions_and_pickles(built: Any) -> None:
    _store, files = built
    inputs = {
        k: DocumentInput.from_result(extract_document(load_document(p))) for k, p in files.items()
    }
    assert [p.page for p in inputs["pdf"].positions] == [1, 2]
    assert inputs["txt"].positions == ()
    for doc in inputs.values():  # the build workers receive it pickled
        again = pickle.loads(pickle.dumps(doc))
        assert again == doc and again.position_at(0) == doc.position_at(0)
    # a .txt input pickles no bigger than before positions existed (an empty tuple)
    bare = DocumentInput(**{**inputs["txt"].__dict__, "positions": ()})
    assert len(pickle.dumps(inputs["txt"])) == len(pickle.dumps(bare))


def test_a_citation_in_a_word_footnote_says_which(tmp_path: Path) -> None:
    body = (
        p(r("RESOLUTION 44 (Rev. Geneva, 2022)"))
        + p(r("considering"))
        + p(r("a)\tthat developing countries"), '<w:r><w:footnoteReference w:id="2"/></w:r>')
    )
    notes = (
        '<w:footnote w:id="2">'
        + p("<w:r><w:footnoteRef/></w:r>", r(f" These include those named in {CITE_1}."))
        + "</w:footnote>"
    )
    docx = make_raw_docx(tmp_path / "notes.docx", body, notes)
    report = build_store(tmp_path / "store", [docx])
    assert not report.failed, report.failed
    with open_store(tmp_path / "store", read_only=True) as store:
        found = _mentions(store, "notes.docx")
        assert found[CITE_1]["footnote"] == "1" and found[CITE_1]["page"] is None
        heading = found["RESOLUTION 44 (Rev. Geneva, 2022)"]
        assert heading["footnote"] is heading["page"] is heading["path"] is None  # the body
        doc = document_source(store, document_keys(store)["notes.docx"])
        assert doc is not None
        assert [(x.footnote, x.label()) for x in doc.positions] == [("1", "fn. 1")]
