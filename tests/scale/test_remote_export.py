"""Export and SHACL validation of a remote store give what they give on the embedded one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.export import export_store

pytestmark = pytest.mark.slow  # a real Virtuoso server (~5 s to start) and builds into it

MODIFIED = "http://purl.org/dc/terms/modified"  # build time of each manifest entry


def _triples(path: Path) -> set[tuple[str, str, str]]:
    return {
        (str(t.subject), str(t.predicate), str(t.object))
        for t in ox.parse(path=path, format=ox.RdfFormat.N_TRIPLES)
        if t.predicate.value != MODIFIED
    }


def _union(stores: Any) -> set[tuple[str, str, str]]:
    return {(str(q.subject), str(q.predicate), str(q.object)) for q in stores.remote.snapshot()}


def test_export_of_the_server_equals_the_embedded_export(stores: Any, tmp_path: Path) -> None:
    remote, embedded = tmp_path / "remote.nt", tmp_path / "embedded.nt"
    report = export_store(stores.url, "nt", remote)
    export_store(stores.embedded, "nt", embedded)
    assert report.triples > 10_000
    assert _triples(remote) == _triples(embedded)


def test_node_edge_views_agree(stores: Any, tmp_path: Path) -> None:
    a = export_store(stores.url, "graphml", tmp_path / "remote.graphml")
    b = export_store(stores.embedded, "graphml", tmp_path / "embedded.graphml")
    assert (a.nodes, a.edges) == (b.nodes, b.edges) and a.edges > 100


def test_cli_exports_and_validates_a_server(stores: Any, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    runner = CliRunner()
    result = runner.invoke(app, ["export", "--store", stores.url, "-f", "turtle", "-o", str(out)])
    assert result.exit_code == 0, result.output
    exported = ox.Store()
    exported.load(path=out, format=ox.RdfFormat.TURTLE)
    assert len(exported) == len(_union(stores))
    result = runner.invoke(app, ["validate", "--store", stores.url])
    assert result.exit_code == 0 and "conforms" in result.output
