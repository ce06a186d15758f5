"""Outdated means "a revision came between": NOC confirmations are no revision, conferences are
ordered by the gazetteer, rows say what tells them apart."""

from __future__ import annotations

import pytest
from query_factories import Doc, build

from extract import load_gazetteer
from graph.queries.lookup import conference_when, held_before
from graph.queries.outdated import outdated_citations


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    docs = [
        Doc("wtsa16-52.txt").heading("WTSA", "52", 2016),
        Doc("wtsa22-results.txt", conference=("WTSA", 2022)).noc("WTSA", "52"),
        Doc("wtsa16-44.txt").heading("WTSA", "44", 2016),
        Doc("wtsa22-44.txt").heading("WTSA", "44", 2022, history=[2016]),
        Doc("wtdc25.txt")
        .heading("WTDC", "1", 2025)
        .cite("1", "WTSA", "52", 2016, paragraph="a)")  # right: 2022 only confirmed it
        .cite("1", "WTSA", "44", 2016, paragraph="a)")  # outdated: revised 2022
        .cite("1", "WTSA", "44", 2016, paragraph="b)", proposal="AFR/1")
        .cite("1", "WTSA", "44", 2016, paragraph="b)", proposal="ARB/2"),
        Doc("wtsa22-1.txt").heading("WTSA", "1", 2022).cite("1", "WTSA", "44", 2016),
    ]
    return build(tmp_path_factory.mktemp("rev") / "s", docs)


def test_a_noc_confirmation_is_no_revision(store) -> None:
    cited = {(o.citing, o.cited) for o in outdated_citations(store)}
    assert ("wtdc/1/2025", "wtsa/52/2016") not in cited
    assert ("wtdc/1/2025", "wtsa/44/2016") in cited


def test_rows_differ_by_paragraph_and_proposal(store) -> None:
    found = [o for o in outdated_citations(store) if o.citing == "wtdc/1/2025"]
    assert {(o.paragraph, o.proposal) for o in found} == {
        ("a)", None),
        ("b)", "AFR/1"),
        ("b)", "ARB/2"),
    }
    assert all(o.latest == "wtsa/44/2022" and o.latest_conference == "wtsa-2022" for o in found)
    shown = [tuple(o.to_dict().values()) for o in outdated_citations(store)]
    assert len(shown) == len(set(shown))


def test_a_revision_at_the_citing_conference_is_not_before_it(store) -> None:
    assert not [o for o in outdated_citations(store) if o.citing == "wtsa/1/2022"]


def test_conferences_are_ordered_by_the_gazetteer() -> None:
    assert conference_when("wtsa-2022") == (2022, "2022-03-01")  # WTSA-20 met 1-9 March 2022
    assert held_before("pp-2018", "wtsa-2022") and not held_before("wtsa-2022", "pp-2018")
    # same year, both dated: WTSA-20 (March) before PP-22 (September), RA before its WRC
    assert held_before("wtsa-2022", "pp-2022") and not held_before("pp-2022", "wtsa-2022")
    assert held_before("ra-2019", "wrc-2019") and held_before("wtsa-2012", "wcit-2012")
    # same year, one undated (a Council session): neither is known to come first
    assert not held_before("council-2022", "pp-2022") and not held_before("pp-2022", "council-2022")


def test_every_dated_conference_is_dated_in_its_year() -> None:
    for conf in load_gazetteer().conferences:
        if conf.start or conf.end:
            assert conf.start and conf.end and conf.start <= conf.end, conf.label
            assert conf.start[:4] == str(conf.year), conf.label
