"""The page over the real seed graph: what graph/ returns is what the page gets, quotes included."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app as cli
from api.viz import load_source, viz_data
from api.viz.data import lineage_data
from api.viz.model import VizParams
from graph.network import citation_network
from graph.queries.lineage import lineage


def test_default_view_is_the_citation_network(seed_store: Any) -> None:
    net = citation_network(seed_store, level="work")
    assert net.number_of_edges() > 0, "the seeds cite each other"
    data = viz_data(load_source(seed_store), VizParams(max_nodes=10_000))
    assert {n.id for n in data.nodes} == set(net.nodes)
    assert {(e.source, e.target) for e in data.edges} == set(net.edges)
    for edge in data.edges:
        assert edge.count == net.edges[edge.source, edge.target]["citations"]


CORPUS = Path(__file__).parents[2] / "data" / "corpus"


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_edges_quote_the_clause_where_the_citation_was_read(seed_store: Any) -> None:
    data = viz_data(load_source(seed_store, corpus=CORPUS), VizParams(max_nodes=10_000))
    documents = {p.name for p in CORPUS.iterdir()}
    assert data.edges and all(e.quotes for e in data.edges)
    longer = 0
    for edge in data.edges:
        assert any(doc in q for q in edge.quotes for doc in documents), edge.quotes
        assert edge.surface and _flat(edge.surface) in edge.quotes[0]
        clause = edge.quotes[0].split("”")[0].lstrip("“")
        longer += len(clause) > len(_flat(edge.surface))
    assert longer, "at least some quotes give the clause around the citation"


def test_a_changed_document_falls_back_to_the_surface(seed_store: Any, tmp_path: Path) -> None:
    """Offsets into a document edited since the build would quote the wrong words."""
    for path in CORPUS.iterdir():
        text = path.read_text(encoding="utf-8")
        (tmp_path / path.name).write_text("An inserted first line.\n" + text, encoding="utf-8")
    data = viz_data(load_source(seed_store, corpus=tmp_path), VizParams(max_nodes=10_000))
    assert data.edges
    for edge in data.edges:
        assert edge.quotes[0].startswith(f"“{edge.surface}” — "), edge.quotes


def test_version_level_and_stubs(seed_store: Any) -> None:
    net = citation_network(seed_store, level="version")
    data = viz_data(load_source(seed_store, versions=True), VizParams(max_nodes=10_000))
    assert len(data.nodes) == net.number_of_nodes()
    stubs = {n for n, d in net.nodes(data=True) if not d["has_text"]}
    assert stubs and {n.id for n in data.nodes if not n.has_text} == stubs
    assert all(n.label.endswith(f"({n.year})") for n in data.nodes if n.year)


def _work_with_most_versions(store: Any) -> str:
    net = citation_network(store, level="work")
    texted = [n for n, d in net.nodes(data=True) if d["has_text"]]
    return max(texted, key=lambda w: (len(lineage(store, w).versions), w))


def test_lineage_view_orders_versions_by_year(seed_store: Any) -> None:
    work = _work_with_most_versions(seed_store)
    line = lineage(seed_store, work)
    source = load_source(seed_store, versions=True)
    data = lineage_data(source, work, VizParams(lineage=work))
    versions = [n for n in data.nodes if n.id in {v.id for v in line.versions}]
    assert len(versions) == len(line.versions) >= 2
    by_x = [n.year for n in sorted(versions, key=lambda n: n.x)]
    assert by_x == sorted(by_x)
    assert sum(1 for e in data.edges if e.kind == "lineage") == len(line.versions) - 1


def test_cli_exports_a_focused_page(seed_store_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "network.html"
    result = CliRunner().invoke(
        cli, ["viz", "--out", str(out), "--store", str(seed_store_dir), "--focus",
              "wtsa/44", "--depth", "2", "--assignments"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert "nodes" in result.output and str(out) in result.output


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--focus", "wtsa/99999"], 1, "wtsa/99999"),
        (["--from-year", "2022", "--to-year", "2000"], 2, "after"),
    ],
)
def test_cli_errors_are_clear(
    seed_store_dir: Path, tmp_path: Path, args: list[str], code: int, message: str
) -> None:
    out = tmp_path / "x.html"
    result = CliRunner().invoke(
        cli, ["viz", "--out", str(out), "--store", str(seed_store_dir), *args]
    )
    assert result.exit_code == code and message in result.output
    assert not out.exists()


def test_cli_names_a_missing_store(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere"
    result = CliRunner().invoke(
        cli, ["viz", "--out", str(tmp_path / "x.html"), "--store", str(missing)]
    )
    assert result.exit_code == 1 and str(missing) in result.output


def test_bureau_layer_agrees_with_graph_assignments(seed_store: Any) -> None:
    """Our light assignments query gives the same (resolution, bureau) pairs as graph/'s."""
    from graph.queries.assignments import assignments

    bureaux = {"TSB", "BDT", "BR", "SG"}
    source = load_source(seed_store)
    ours = {
        (work, actor)
        for work, addressee, collaborators, _ in source.assignments
        for actor in (addressee, *collaborators)
        if actor in bureaux
    }
    net = citation_network(seed_store, level="version")
    theirs = set()
    for hit in assignments(seed_store).hits:
        data = net.nodes[hit.resolution] if hit.resolution in net else {}
        work = (
            hit.resolution.removesuffix(f"/{data['year']}") if data.get("year") else hit.resolution
        )
        theirs |= {(work, a) for a in (*hit.addressees, *hit.collaborators) if a in bureaux}
    assert ours and ours == theirs


def test_year_filter_on_resolutions_reads_their_versions(seed_store: Any) -> None:
    works = citation_network(seed_store, level="work")
    versions = citation_network(seed_store, level="version")
    by_year: dict[int, set[str]] = {}
    for v, d in versions.nodes(data=True):
        if d.get("year"):
            by_year.setdefault(d["year"], set()).add(v.removesuffix(f"/{d['year']}"))
    year = max(by_year, key=lambda y: (len(by_year[y] & set(works.nodes)), y))
    expected = by_year[year] & set(works.nodes)
    data = viz_data(load_source(seed_store), VizParams(from_year=year, to_year=year))
    assert expected and {n.id for n in data.nodes} == expected
    assert all(year in n.years for n in data.nodes)
