"""End to end: `resgraph build` extracts the seed corpus with the real pipeline into an on-disk
store, and every gold heading and citation is in the graph with its provenance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from api.cli import app
from graph import mint
from graph.embedded.store import GraphStore
from graph.store import open_store
from graph.validate import validate_store
from graph.vocab import RG

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> GraphStore:
    root = tmp_path_factory.mktemp("pipeline-store")
    result = runner.invoke(app, ["build", str(ROOT / "data" / "corpus"), "--store", str(root)])
    assert result.exit_code == 0, result.output
    assert "failed 0" in result.output, result.output
    return open_store(root, read_only=True)


def present(store: GraphStore, rec: dict[str, Any], kind: str) -> bool:
    doc = mint.document_iri(rec["doc"], store.manifest()[rec["doc"]].sha256)
    node = ox.NamedNode(mint.mention_iri(doc, kind, rec["start"], rec["end"]))
    surface = [q.object.value for q in store.store.quads_for_pattern(
        node, ox.NamedNode(RG.surface), None)]  # fmt: skip
    source = list(store.store.quads_for_pattern(node, ox.NamedNode(RG.sourceDocument), None))
    return surface == [rec["surface"]] and len(source) >= 1


def test_every_gold_heading_and_citation_is_extracted_into_the_graph(
    built: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    missing = []
    for rec in gold_records:
        if rec["type"] == "assignment":
            continue
        kind = "heading" if rec["type"] == "heading" or rec["role"] == "heading" else "citation"
        if not present(built, rec, kind):
            missing.append((rec["doc"], rec["start"], rec["surface"]))
    assert not missing


def test_most_gold_assignments_are_extracted_into_the_graph(
    built: GraphStore, gold_records: list[dict[str, Any]]
) -> None:
    gold = [r for r in gold_records if r["type"] == "assignment"]
    found = sum(present(built, r, "assignment") for r in gold)
    assert found / len(gold) >= 0.9, f"{found}/{len(gold)}"


def test_the_extracted_graph_conforms_and_a_rebuild_is_a_no_op(built: GraphStore) -> None:
    assert validate_store(built.root).conforms
    result = runner.invoke(app, ["build", str(ROOT / "data" / "corpus"), "--store",
                                 str(built.root)])  # fmt: skip
    assert result.exit_code == 0 and "up to date" in result.output, result.output
    assert json.loads((built.root / "resgraph-current.json").read_text())["generation"] == 1


def test_cli_builds_from_saved_records_without_extracting(
    tmp_path: Path, gold_records: list[dict[str, Any]]
) -> None:
    gold = ROOT / "tests" / "gold"
    args = ["build", str(ROOT / "data" / "corpus"), "--store", str(tmp_path)]
    for name in ("headings.jsonl", "citations.jsonl", "assignments.jsonl"):
        args += ["--records", str(gold / name)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "added 5" in result.output
    store = open_store(tmp_path, read_only=True)
    citations = [r for r in gold_records if r["type"] == "citation" and r["role"] == "citation"]
    assert all(present(store, r, "citation") for r in citations)


def test_cli_build_rejects_records_of_unknown_documents(tmp_path: Path) -> None:
    records = tmp_path / "r.jsonl"
    records.write_text(
        json.dumps({"type": "assignment", "doc": "elsewhere.txt", "start": 0, "end": 3,
                    "surface": "abc", "resolution": "1", "verb": "instructs",
                    "addressee": "TSB", "addressees": ["TSB"], "collaborators": []}) + "\n",
        "utf-8",
    )  # fmt: skip
    result = runner.invoke(app, ["build", str(ROOT / "data" / "corpus"), "--store",
                                 str(tmp_path / "s"), "--records", str(records)])  # fmt: skip
    assert result.exit_code == 2
    assert "elsewhere.txt" in result.output
