"""``resgraph build --jobs N``: extraction and rendering in N processes give the same store.

Runs on the embedded store (no server needed): the store written with two worker processes must
hold exactly the graphs of a serial build, and a document that cannot be read is reported, not
fatal.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.build import build_store
from graph.rdf.workers import RenderedDocument, parallel_extractor, render_document
from graph.store import open_store

CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


def _quads(root: Path) -> set[str]:
    with open_store(root, read_only=True) as s:
        # the manifest's modification stamps differ between two builds; everything else may not
        return {str(q) for q in s.store if "modified" not in q.predicate.value}


def test_two_processes_build_the_same_store_as_one(tmp_path: Path) -> None:
    serial = build_store(tmp_path / "s1", [CORPUS], extractor=parallel_extractor(1))
    parallel = build_store(tmp_path / "s2", [CORPUS], extractor=parallel_extractor(2))
    assert parallel.added == serial.added and len(serial.added) == 5
    assert parallel.triples == serial.triples > 1000
    assert _quads(tmp_path / "s1") == _quads(tmp_path / "s2")


def test_a_broken_document_is_reported_and_the_rest_built(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(CORPUS, corpus)
    (corpus / "broken.docx").write_bytes(b"not a zip file")
    report = build_store(tmp_path / "store", [corpus], extractor=parallel_extractor(2))
    assert [name for name, _ in report.failed] == ["broken.docx"]
    assert len(report.added) == 5


def test_render_document_is_a_pure_function_of_the_file() -> None:
    path = sorted(CORPUS.iterdir())[0]
    a, b = render_document(path), render_document(path)
    assert isinstance(a, RenderedDocument) and a == b
    assert a.name == path.name and len(a.sha256) == 64
    with pytest.raises(ValueError, match="jobs"):
        parallel_extractor(0)


def test_cli_build_jobs(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = CliRunner().invoke(app, ["build", str(CORPUS), "--store", str(store), "--jobs", "2"])
    assert result.exit_code == 0, result.output
    assert "added 5" in result.output
    assert open_store(store, read_only=True).manifest().keys() == {
        p.name for p in CORPUS.iterdir() if p.suffix == ".txt"
    }
