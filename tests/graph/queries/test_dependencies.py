"""Dependencies, impact and paths: a chain with known edges, and the seed store."""

from __future__ import annotations

import re

import pytest
from query_factories import Doc, build

from graph.mint import (
    document_iri,
    document_key,
    mention_iri,
    parse_mention_iri,
    source_view_path,
)
from graph.network import citation_network
from graph.queries import select
from graph.queries.dependencies import citation_path, dependencies, impact
from graph.results import ResolutionNotFound


@pytest.fixture(scope="module")
def chain(tmp_path_factory: pytest.TempPathFactory):
    """WTSA 1 -> PP 2 -> PP 3 -> WTDC 4 -> PP 5, plus WTSA 9 -> PP 3 (a second citer)."""
    docs = [
        Doc("wtsa.txt")
        .heading("WTSA", "1", 2022)
        .cite("1", "PP", "2", 2018, section="recalling", paragraph="a)")
        .heading("WTSA", "9", 2022)
        .cite("9", "PP", "3", section="instructs", paragraph="2"),
        Doc("pp.txt")
        .heading("PP", "2", 2018)
        .cite("2", "PP", "3", 2014)
        .heading("PP", "3", 2018)
        .cite("3", "WTDC", "4", 2017),
        Doc("wtdc.txt").heading("WTDC", "4", 2017).cite("4", "PP", "5", 2014),
    ]
    return build(tmp_path_factory.mktemp("chain") / "s", docs)


def test_depth_limits_the_walk(chain) -> None:
    assert dependencies(chain, "wtsa/1", depth=1).ids() == {"pp/2"}
    assert dependencies(chain, "wtsa/1", depth=2).ids() == {"pp/2", "pp/3"}
    deep = dependencies(chain, "wtsa/1", depth=5)
    assert deep.ids() == {"pp/2", "pp/3", "wtdc/4", "pp/5"}
    assert {n.id: n.depth for n in deep.nodes}["pp/5"] == 4


def test_edges_keep_where_the_citation_was_read(chain) -> None:
    (edge,) = dependencies(chain, "wtsa/1", depth=1).edges
    assert (edge.source, edge.target, edge.section, edge.paragraph, edge.document) == (
        "wtsa/1",
        "pp/2",
        "recalling",
        "a)",
        "wtsa.txt",
    )


def test_edges_link_to_the_citation_in_the_source_view(chain) -> None:
    """The link is built from the citation's mention IRI: its document key and offsets."""
    (edge,) = dependencies(chain, "wtsa/1", depth=1).edges
    (back,) = [e for e in impact(chain, "pp/2", depth=1).edges if e.source == "wtsa/1"]
    mentions = select(chain, "network_edges")
    iris = {r["c"] for r in mentions if r.get("surface") == edge.surface and r.get("file")}
    assert edge.source_view in {source_view_path(i) for i in iris}
    assert edge.source_view == back.source_view
    assert re.fullmatch(r"/documents/[0-9a-f]{16}#c-\d+-\d+", edge.source_view or "")


def test_mention_iris_parse_back_to_what_minted_them() -> None:
    doc = document_iri("a.txt", "ab" * 32)
    for kind, anchor in (("citation", "c"), ("heading", "h"), ("assignment", "a")):
        iri = mention_iri(doc, kind, 1148, 1176)
        assert parse_mention_iri(iri) == (document_key("a.txt", "ab" * 32), kind, 1148, 1176)
        assert (
            source_view_path(iri)
            == f"/documents/{document_key('a.txt', 'ab' * 32)}#{anchor}-1148-1176"
        )
    with pytest.raises(ValueError, match="not a mention IRI"):
        parse_mention_iri(str(doc))
    assert source_view_path(str(doc)) is None and source_view_path(None) is None


def test_organ_filter_neither_lists_nor_crosses_other_organs(chain) -> None:
    only_pp = dependencies(chain, "wtsa/1", depth=5, organs=["pp"])
    assert only_pp.ids() == {"pp/2", "pp/3"}  # pp/5 is behind wtdc/4
    with pytest.raises(ValueError, match="unknown organ"):
        dependencies(chain, "wtsa/1", organs=["itu"])


def test_version_level_walk_follows_cited_versions(chain) -> None:
    assert dependencies(chain, "wtsa/1/2022", depth=2).ids() == {"pp/2/2018", "pp/3/2014"}


def test_impact_is_the_reverse_walk(chain) -> None:
    assert impact(chain, "pp/3", depth=1).ids() == {"pp/2", "wtsa/9"}
    assert impact(chain, "pp/3", depth=5).ids() == {"pp/2", "wtsa/9", "wtsa/1"}
    assert all(e.target == "pp/3" for e in impact(chain, "pp/3", depth=1).edges)


def test_shortest_path_and_no_path(chain) -> None:
    path = citation_path(chain, "wtsa/1", "pp/5")
    assert path is not None
    assert path.nodes == ("wtsa/1", "pp/2", "pp/3", "wtdc/4", "pp/5")
    assert [e.depth for e in path.edges] == [1, 2, 3, 4]
    assert citation_path(chain, "pp/5", "wtsa/1") is None


def test_unknown_root_and_bad_depth(chain) -> None:
    with pytest.raises(ResolutionNotFound):
        dependencies(chain, "wtsa/2")
    with pytest.raises(ValueError, match="depth"):
        impact(chain, "pp/3", depth=0)


def test_seed_wtsa_44_cites_pp_123_and_is_in_its_impact(seed_store) -> None:
    deps = dependencies(seed_store, "wtsa/44", depth=3)
    assert "pp/123" in deps.ids()
    assert any(e.source == "wtsa/44" and e.target == "pp/123" and e.section for e in deps.edges)
    assert "wtsa/44" in impact(seed_store, "pp/123").ids()


@pytest.mark.parametrize("ident", ["wtsa/44", "pp/123", "wtsa/44/2022"])
def test_walking_the_network_view_gives_the_store_walk(seed_store, ident: str) -> None:
    """The in-memory walk (for servers holding the view) must answer like the SPARQL walk."""
    level = "version" if ident.count("/") == 2 else "work"
    net = citation_network(seed_store, level=level)  # type: ignore[arg-type]
    for walk in (dependencies, impact):
        on_store = walk(seed_store, ident, depth=5)
        on_net = walk(seed_store, ident, depth=5, net=net)
        assert on_net.edges == on_store.edges
        assert [(n.id, n.depth) for n in on_net.nodes] == [(n.id, n.depth) for n in on_store.nodes]
