"""SHACL: the built graph conforms, and a graph missing what the shapes demand does not."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import Literal
from typer.testing import CliRunner

from api.cli import app
from graph.embedded.store import GraphStore
from graph.validate import store_union_graph, validate_graph, validate_store
from graph.vocab import CITO, RDF, RG

runner = CliRunner()


def test_the_seed_store_conforms(seed_store: GraphStore) -> None:
    report = validate_store(seed_store.root)
    assert report.conforms, report.messages[:20]
    assert report.violations == 0


def test_a_version_without_its_text_flag_or_a_citation_without_provenance_fails(
    seed_store: GraphStore,
) -> None:
    g = store_union_graph(seed_store)
    # a version with text: a stub's missing flag would also break the stub shape (hasValue false)
    version = next(iter(g.subjects(RG.hasText, Literal(True))))
    citation = next(iter(g.subjects(RDF.type, RG.OperativeCitation)))
    g.remove((version, RG.hasText, None))
    g.remove((citation, RG.sourceDocument, None))
    g.remove((citation, CITO.hasCitedEntity, None))
    report = validate_graph(g)
    assert not report.conforms
    text = "\n".join(report.messages)
    assert f"{version} {RG.hasText}" in text
    assert f"{citation} {RG.sourceDocument}" in text
    assert f"{citation} {CITO.hasCitedEntity}" in text
    assert report.violations == 3


def test_cli_validate_passes_on_a_built_store_and_fails_on_a_broken_one(
    seed_store: GraphStore, tmp_path: Path
) -> None:
    ok = runner.invoke(app, ["validate", "--store", str(seed_store.root)])
    assert ok.exit_code == 0, ok.output
    assert "conforms" in ok.output
    raw = ox.Store(str(tmp_path / "bare"))
    version = ox.NamedNode("https://w3id.org/resgraph/id/resolution/wtsa/1/2022")
    raw.add(ox.Quad(version, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(RG.ResolutionVersion))))
    raw.flush()
    del raw
    bad = runner.invoke(app, ["validate", "--store", str(tmp_path / "bare")])
    assert bad.exit_code == 1
    assert "SHACL violations" in bad.output and "wtsa/1/2022" in bad.output


def test_cli_validate_names_a_missing_store(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", "--store", str(tmp_path / "nope")])
    assert result.exit_code == 1
    assert "does not exist" in result.output
