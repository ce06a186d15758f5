"""REST lookups: search, one resolution, conferences, stats, did-you-mean, SELECT."""

from __future__ import annotations

import pytest
from query_factories import Doc, build

from graph.queries.search import (
    did_you_mean,
    get_resolution,
    graph_stats,
    list_conferences,
    run_select,
    search_resolutions,
)
from graph.results import ResolutionNotFound


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    docs = [
        Doc("wtsa.txt")
        .heading("WTSA", "44", 2022, title="Bridging the standardization gap", history=[2016])
        .cite("44", "PP", "123", 2018, section="recalling")
        .assign("44", "instructs", ["TSB"], ["BDT"])
        .heading("WTSA", "50", 2022, title="Cybersecurity")
        .cite("50", "WTSA", "44", 2022, section="considering"),
        Doc("pp.txt").heading("PP", "123", 2018, title="Réduire l'écart de normalisation"),
    ]
    return build(tmp_path_factory.mktemp("search") / "s", docs)


def test_search_by_title_words_organ_number_and_conference(store) -> None:
    assert [s.id for s in search_resolutions(store, q="STANDARDIZATION gap").items] == ["wtsa/44"]
    assert [s.id for s in search_resolutions(store, q="reduire ecart").items] == ["pp/123"]
    assert search_resolutions(store, organ="wtsa").total == 2
    assert [s.id for s in search_resolutions(store, number="123").items] == ["pp/123"]
    assert search_resolutions(store, conference="PP-18").total == 1
    hit = search_resolutions(store, number="44").items[0]
    assert (hit.latest_version, hit.latest_year, hit.versions, hit.has_text) == (
        "wtsa/44/2022",
        2022,
        2,
        True,
    )


def test_search_pages(store) -> None:
    everything = search_resolutions(store, limit=100)
    page = search_resolutions(store, limit=1, offset=1)
    assert page.total == everything.total == 3
    assert page.items == everything.items[1:2]
    with pytest.raises(ValueError, match="limit"):
        search_resolutions(store, limit=0)


def test_get_resolution_gives_versions_links_and_structure(store) -> None:
    detail = get_resolution(store, "WTSA", "44")
    assert [v.id for v in detail.versions] == ["wtsa/44/2016", "wtsa/44/2022"]
    assert detail.cites == ("pp/123",) and detail.cited_by == ("wtsa/50",)
    sections = {s.name: (s.citations, s.assignments) for s in detail.sections}
    assert sections == {"recalling": (1, 0), "instructs": (0, 1)}
    assert detail.documents == ("wtsa.txt",)
    assert detail.to_dict()["summary"]["title"] == "Bridging the standardization gap"
    with pytest.raises(ResolutionNotFound):
        get_resolution(store, "wtsa", "45")


def test_conferences_and_stats(store) -> None:
    confs = {c.id: c for c in list_conferences(store)}
    assert confs["wtsa-2022"].versions == 2 and confs["wtsa-2022"].label == "WTSA-20"
    assert confs["pp-2018"].venue == "Dubai"
    stats = graph_stats(store, top=1)
    assert (stats.resolutions, stats.versions_with_text, stats.citations, stats.assignments) == (
        3,
        3,
        2,
        1,
    )
    assert stats.documents == 2 and stats.triples > 0
    assert [r.id for r in stats.most_cited] in (["pp/123"], ["wtsa/44"])


def test_did_you_mean_and_select(store) -> None:
    assert "wtsa/44" in did_you_mean(store, "wtsa/45")
    assert did_you_mean(store, "wtsa/44/2019")[:3] == ("wtsa/44", "wtsa/44/2016", "wtsa/44/2022")
    table = run_select(
        store,
        "PREFIX rg: <https://w3id.org/resgraph/ontology#>\n"
        "SELECT ?n (COUNT(DISTINCT ?v) AS ?k) WHERE { ?v rg:versionOf ?w . ?w rg:number ?n } "
        "GROUP BY ?n ORDER BY ?n",
    )
    assert table.columns == ("n", "k")
    assert dict(table.rows) == {"123": "1", "44": "2", "50": "1"}
    with pytest.raises(ValueError, match="SELECT"):
        run_select(store, "ASK { ?s ?p ?o }")
    with pytest.raises(ValueError, match="syntax"):
        run_select(store, "SELECT ?s WHERE { ?s ?p }")
