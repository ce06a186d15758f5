"""Exports: RDF serializations round-trip; GraphML/GEXF/CSV views agree with the store."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import networkx as nx
import pytest
from rdflib import Dataset, Graph
from typer.testing import CliRunner

from api.cli import app
from graph.embedded.store import GraphStore
from graph.export import FORMATS, export_store
from graph.validate import store_union_graph
from graph.vocab import CITO

runner = CliRunner()
KINDS = {
    "Resolution", "Decision", "Recommendation", "Question", "ResolutionVersion", "StubVersion",
    "Version", "Conference", "Organ", "Bureau", "StudyGroup", "AdvisoryGroup", "Official",
    "Sector", "Actor", "SourceDocument",
}  # fmt: skip


@pytest.fixture(scope="module")
def union(seed_store: GraphStore) -> Graph:
    return store_union_graph(seed_store)


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("turtle", "turtle"), ("nt", "nt"),
                                                    ("jsonld", "json-ld")])  # fmt: skip
def test_rdf_exports_hold_exactly_the_union_graph(
    seed_store: GraphStore, union: Graph, fmt: str, rdflib_format: str
) -> None:
    out = io.BytesIO()
    report = export_store(seed_store, fmt, out)
    back = Graph().parse(data=out.getvalue(), format=rdflib_format)
    assert report.triples == len(union) == len(back)
    assert set(back) == set(union)


def test_trig_keeps_one_named_graph_per_document(seed_store: GraphStore) -> None:
    out = io.BytesIO()
    export_store(seed_store, "trig", out)
    ds = Dataset().parse(data=out.getvalue(), format="trig")
    names = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert {e.graph for e in seed_store.manifest().values()} <= names
    assert names <= seed_store.named_graphs() | {"urn:x-rdflib:default"}


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_network_views_open_with_node_attributes(
    seed_store: GraphStore, union: Graph, tmp_path: Path, fmt: str
) -> None:
    path = tmp_path / f"g.{fmt}"
    report = export_store(seed_store, fmt, path)
    g = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert g.number_of_nodes() == report.nodes > 50
    kinds = {d["kind"] for _, d in g.nodes(data=True)}
    assert kinds <= KINDS and {"Resolution", "StubVersion", "Conference"} <= kinds
    assert all(d.get("label") for _, d in g.nodes(data=True))
    cites = {(s, o) for s, o, d in g.edges(data=True) if d["kind"] == "cites"}
    expected = {(str(s), str(o)) for s, o in union.subject_objects(CITO.cites)}
    assert cites == {e for e in expected if e[0] in g and e[1] in g}
    assert len(cites) > 30


def test_csv_gives_node_and_edge_lists(seed_store: GraphStore, tmp_path: Path) -> None:
    export_store(seed_store, "csv", tmp_path / "csv")
    with open(tmp_path / "csv" / "nodes.csv", encoding="utf-8") as fh:
        nodes = list(csv.DictReader(fh))
    with open(tmp_path / "csv" / "edges.csv", encoding="utf-8") as fh:
        edges = list(csv.DictReader(fh))
    ids = {n["id"] for n in nodes}
    assert len(ids) == len(nodes) > 50
    assert all(e["source"] in ids and e["target"] in ids for e in edges)
    assert {"cites", "version_of", "adopted_at", "assigns"} <= {e["kind"] for e in edges}
    assert all(int(e["weight"]) >= 1 for e in edges)


def test_unknown_format_lists_the_valid_ones(seed_store: GraphStore) -> None:
    with pytest.raises(ValueError, match=", ".join(FORMATS)):
        export_store(seed_store, "xlsx", io.BytesIO())


def test_cli_export_writes_a_file_and_stdout(seed_store: GraphStore, tmp_path: Path) -> None:
    out = tmp_path / "g.ttl"
    result = runner.invoke(app, ["export", "--store", str(seed_store.root), "-f", "turtle",
                                 "--out", str(out)])  # fmt: skip
    assert result.exit_code == 0, result.output
    assert len(Graph().parse(out, format="turtle")) > 1000
    result = runner.invoke(app, ["export", "--store", str(seed_store.root), "-f", "csv"])
    assert result.exit_code == 2 and "--out" in result.output
