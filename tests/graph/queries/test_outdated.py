"""Outdated citations: a known case on a small store, and consistency on the seed store."""

from __future__ import annotations

import pytest
from query_factories import Doc, build

from graph.queries.outdated import outdated_citations


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    pp = Doc("pp18.txt").heading("PP", "123", 2018, history=[2014])
    wtsa = (
        Doc("wtsa22.txt")
        .heading("WTSA", "44", 2022)
        .cite("44", "PP", "123", 2014, section="recalling", paragraph="b)")  # outdated
        .cite("44", "PP", "123", 2018)  # current
        .cite("44", "PP", "123")  # no conference: cannot be outdated
        .cite("44", "PP", "139", 2014)  # no newer version known
    )
    wtsa16 = Doc("wtsa16.txt").heading("WTSA", "44", 2016).cite("44", "PP", "123", 2014)
    return build(tmp_path_factory.mktemp("out") / "s", [pp, wtsa, wtsa16])


def test_a_2022_text_citing_busan_2014_when_dubai_2018_existed(store) -> None:
    (found,) = outdated_citations(store)
    assert (found.citing, found.cited, found.latest) == (
        "wtsa/44/2022",
        "pp/123/2014",
        "pp/123/2018",
    )
    assert (found.section, found.paragraph, found.document) == ("recalling", "b)", "wtsa22.txt")
    assert found.surface == "Resolution 123 (Rev. Busan, 2014)"


def test_a_2016_text_citing_2014_is_not_outdated(store) -> None:
    assert all(o.citing_year > 2016 for o in outdated_citations(store))


def test_organ_filter(store) -> None:
    assert len(outdated_citations(store, organ="WTSA")) == 1
    assert outdated_citations(store, organ="pp") == ()
    with pytest.raises(ValueError, match="unknown organ"):
        outdated_citations(store, organ="itu")


def test_seed_store_outdated_are_consistent(seed_store) -> None:
    found = outdated_citations(seed_store)
    assert found, "seed 001 cites Busan 2014 versions of PP resolutions revised in Dubai 2018"
    for o in found:
        assert o.cited_year < o.latest_year < o.citing_year
        assert o.cited.rsplit("/", 1)[0] == o.latest.rsplit("/", 1)[0]
    assert ("wtsa/44/2022", "pp/123/2014", "pp/123/2018") in {
        (o.citing, o.cited, o.latest) for o in found
    }
