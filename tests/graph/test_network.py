"""The networkx view and its metrics (most cited, PageRank, cycles) on a small built store."""

from __future__ import annotations

import networkx as nx
import pytest
from query_factories import Doc, build

from graph.metrics import citation_cycles, most_cited, organ_in_degree
from graph.network import citation_network


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    """PP 1 <-> PP 2 cite each other; WTSA 5, WTSA 6 and PP 2 cite PP 1; WTSA 6 cites itself."""
    docs = [
        Doc("pp.txt")
        .heading("PP", "1", 2018, title="Strategic plan")
        .cite("1", "PP", "2", 2018)
        .heading("PP", "2", 2018)
        .cite("2", "PP", "1", 2014, section="recalling")
        .cite("2", "PP", "1", 2018, section="resolves"),
        Doc("wtsa.txt")
        .heading("WTSA", "5", 2022)
        .cite("5", "PP", "1", 2018)
        .heading("WTSA", "6", 2022)
        .cite("6", "PP", "1")
        .cite("6", "WTSA", "6", 2022),
    ]
    return build(tmp_path_factory.mktemp("net") / "s", docs)


def test_work_network_nodes_and_edge_provenance(store) -> None:
    net = citation_network(store)
    assert set(net.edges()) == {
        ("pp/1", "pp/2"),
        ("pp/2", "pp/1"),
        ("wtsa/5", "pp/1"),
        ("wtsa/6", "pp/1"),
    }
    edge = net.edges["pp/2", "pp/1"]
    assert edge["citations"] == 2
    assert edge["sections"] == ["recalling", "resolves"]
    assert edge["documents"] == ["pp.txt"]
    node = net.nodes["pp/1"]
    assert (node["organ"], node["number"], node["label"], node["has_text"]) == (
        "PP",
        "1",
        "Strategic plan",
        True,
    )


def test_version_network_points_at_cited_versions(store) -> None:
    net = citation_network(store, level="version")
    assert net.has_edge("pp/2/2018", "pp/1/2014") and net.has_edge("wtsa/6/2022", "pp/1")
    assert net.nodes["pp/1/2014"]["has_text"] is False
    with pytest.raises(ValueError, match="level"):
        citation_network(store, level="organ")  # type: ignore[arg-type]


def test_most_cited_and_pagerank(store) -> None:
    net = citation_network(store)
    ranked = most_cited(net)
    assert [r.id for r in ranked[:2]] == ["pp/1", "pp/2"]
    assert ranked[0].in_degree == 3
    assert [r.id for r in most_cited(net, organ="wtsa")] == ["wtsa/5", "wtsa/6"]
    ranks = [r.pagerank for r in most_cited(net, limit=100)]
    assert sum(ranks) == pytest.approx(1.0, abs=1e-3)
    reference = nx.algorithms.link_analysis.pagerank_alg._pagerank_python(net)
    assert ranked[0].pagerank == pytest.approx(reference["pp/1"], abs=1e-4)
    assert organ_in_degree(net) == {"PP": 4, "WTSA": 0}


def test_cycles_skip_self_citations(store) -> None:
    assert [c.nodes for c in citation_cycles(citation_network(store))] == [("pp/1", "pp/2")]
