"""What the page selects: filters, focus, cap and the JSON twin, on a real citation network.

Expected values are computed here with networkx directly from the network (an independent path),
never copied from the viz code's output.
"""

from __future__ import annotations

import networkx as nx
import pytest

from api.viz.data import VizSource, viz_data
from api.viz.model import VizParams, strongest_kind


def _most_cited_work(net: nx.DiGraph) -> str:
    return max(net.nodes, key=lambda n: (net.in_degree(n) + net.out_degree(n), n))


def test_unfiltered_view_draws_the_whole_network(gold_source: VizSource) -> None:
    net = gold_source.net
    data = viz_data(gold_source, VizParams(max_nodes=5000))
    assert {n.id for n in data.nodes} == set(net.nodes)
    assert {(e.source, e.target) for e in data.edges} == set(net.edges)
    assert data.to_dict()["counts"] == {
        "nodes": net.number_of_nodes(),
        "edges": net.number_of_edges(),
        "total_nodes": net.number_of_nodes(),
        "capped": False,
    }


def test_stubs_and_citation_counts_follow_the_graph(gold_source: VizSource) -> None:
    net = gold_source.net
    data = viz_data(gold_source, VizParams(max_nodes=5000))
    for node in data.nodes:
        expected = sum(d.get("count", 1) for _, _, d in net.in_edges(node.id, data=True))
        assert node.cited == expected, node.id
        assert node.has_text == net.nodes[node.id]["has_text"], node.id
        assert node.label.endswith(f"Res. {net.nodes[node.id]['number']}")
    assert any(not n.has_text for n in data.nodes), "the seeds cite resolutions they do not hold"


@pytest.mark.parametrize("depth", [1, 2])
def test_focus_is_the_ego_network_out_and_in(gold_source: VizSource, depth: int) -> None:
    net = gold_source.net
    root = _most_cited_work(net)
    expected = set(nx.single_source_shortest_path_length(net, root, cutoff=depth))
    expected |= set(nx.single_source_shortest_path_length(net.reverse(), root, cutoff=depth))
    data = viz_data(gold_source, VizParams(focus=root, depth=depth))
    assert {n.id for n in data.nodes} == expected
    assert all(e.source in expected and e.target in expected for e in data.edges)


def test_unknown_focus_is_a_lookup_error_naming_it(gold_source: VizSource) -> None:
    with pytest.raises(LookupError, match="wtsa/99999"):
        viz_data(gold_source, VizParams(focus="wtsa/99999"))


def test_organ_filter_keeps_only_that_organ(gold_source: VizSource) -> None:
    net = gold_source.net
    organ = "PP"
    expected = {n for n, d in net.nodes(data=True) if d["organ"] == organ}
    data = viz_data(gold_source, VizParams(organs=("pp",)))
    assert {n.id for n in data.nodes} == expected
    assert {(e.source, e.target) for e in data.edges} == set(net.subgraph(expected).edges)


def test_bureau_filter_keeps_resolutions_giving_work_to_it(gold_source: VizSource) -> None:
    givers = {
        "/".join(res.split("/")[:2])
        for res, addressee, collaborators, _ in gold_source.assignments
        if "BDT" in {addressee, *collaborators}
    }
    data = viz_data(gold_source, VizParams(bureaux=("BDT",), max_nodes=5000))
    assert data.nodes, "the seeds give work to BDT"
    assert {n.id for n in data.nodes} == givers & set(gold_source.net.nodes)


def test_year_filter_keeps_versions_in_range(gold_source: VizSource) -> None:
    net = gold_source.net
    years = sorted({d["year"] for _, d in net.nodes(data=True) if d.get("year")})
    low, high = years[len(years) // 2], years[-1]
    data = viz_data(gold_source, VizParams(from_year=low, to_year=high))
    expected = {n for n, d in net.nodes(data=True) if d.get("year") and low <= d["year"] <= high}
    assert expected and len(expected) < net.number_of_nodes()
    assert {n.id for n in data.nodes} == expected


def test_cap_keeps_the_most_cited_and_says_so(gold_source: VizSource) -> None:
    net = gold_source.net
    data = viz_data(gold_source, VizParams(max_nodes=10))
    assert len(data.nodes) == 10 and data.capped and data.total_nodes == net.number_of_nodes()
    kept = {n.id for n in data.nodes}
    cited = {n: sum(d.get("count", 1) for *_, d in net.in_edges(n, data=True)) for n in net}
    assert min(cited[n] for n in kept) >= max(cited[n] for n in net if n not in kept)


def test_assignment_layer_adds_bureaux_with_collaborators(gold_source: VizSource) -> None:
    data = viz_data(gold_source, VizParams(assignments=True, max_nodes=5000))
    bureaux = {n.id for n in data.nodes if n.kind == "bureau"}
    assert bureaux and bureaux <= {"bureau/tsb", "bureau/bdt", "bureau/br", "bureau/sg"}
    layer = [e for e in data.edges if e.kind == "assignment"]
    assert all(e.target in bureaux and e.source not in bureaux for e in layer)
    assert any(e.collaborators for e in layer)


def test_citation_edges_keep_their_provenance(gold_source: VizSource) -> None:
    data = viz_data(gold_source, VizParams(max_nodes=5000))
    for edge in data.edges:
        attrs = gold_source.net.edges[edge.source, edge.target]
        assert (edge.document, edge.section, edge.surface) == (
            attrs["document"],
            attrs["section"],
            attrs["surface"],
        )
    kinds = {e.section_kind for e in data.edges}
    assert {"preambular", "operative"} <= kinds


@pytest.mark.parametrize(
    ("kinds", "drawn"),
    [
        (["preambular"], "preambular"),
        (["preambular", "operative"], "operative"),
        (["summary", "annex"], "other"),
        ([], "other"),
    ],
)
def test_an_edge_is_drawn_by_its_strongest_section_kind(kinds: list[str], drawn: str) -> None:
    assert strongest_kind(kinds) == drawn


@pytest.mark.parametrize(
    "kwargs", [{"depth": -1}, {"depth": 11}, {"max_nodes": 0}, {"from_year": 2022, "to_year": 2010}]
)
def test_bad_params_are_refused(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        VizParams(**kwargs)
