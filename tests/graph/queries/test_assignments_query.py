"""Assignments: the ITU-D acceptance query on the seed store and the filters on a small store."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from query_factories import Doc, build, corpus_store

from graph.network import citation_network
from graph.queries.assignments import assignments, sector_of

GOLD = Path(__file__).resolve().parents[2] / "gold" / "bdt_table.json"
SEED_002 = "002_cb605667d0fa8ef2.txt"


def _table1_numbers() -> set[str]:
    """The resolutions of Table 1 of seed 002, as its authors listed them by hand."""
    return set(json.loads(GOLD.read_text(encoding="utf-8"))[SEED_002]["numbers"])


@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory):
    return corpus_store(tmp_path_factory.getbasetemp())


def test_itu_d_at_wtsa_20_matches_table_1_exactly(extracted) -> None:
    """The acceptance test of the issue, on the store `resgraph build data/corpus` makes: eight
    rows of Table 1 (Resolutions 2, 22, 29, 50, 52, 70, 76, 88) name ITU-D or BDT only in the
    body of the clause, so this also checks that clause text reaches the store."""
    res = assignments(extracted, involving="ITU-D", conference="WTSA-20")
    assert res.numbers() == _table1_numbers()
    assert "text" in {why for h in res.hits for why in h.matched}
    assert all(h.organ == "WTSA" and h.conference == "wtsa-2022" for h in res.hits)


def test_noc_clauses_belong_to_a_version_or_work_that_exists(extracted) -> None:
    """Table 1 of seed 002 lists resolutions WTSA-20 confirmed unchanged (NOC): their clauses
    keep the conference wtsa-2022 but name the confirmed (earlier) version or the work, which
    the graph holds, never a version wtsa-2022 did not adopt."""
    versions = citation_network(extracted, level="version")
    works = citation_network(extracted, level="work")
    hits = assignments(extracted, conference="wtsa-2022").hits
    noc = [h for h in hits if not h.resolution.endswith("/2022")]
    assert noc, "the seed holds NOC entries of WTSA-20"
    for h in noc:
        assert h.conference == "wtsa-2022", h
        assert h.resolution in versions or h.resolution in works, h
        year = h.resolution.split("/")[2:]
        assert not year or int(year[0]) < 2022, h
    adopted = {v for v in versions if v.endswith("/2022")}
    assert all(h.resolution in adopted for h in hits if h.resolution.endswith("/2022"))


def test_gold_built_store_answers_only_resolutions_of_table_1(seed_store) -> None:
    res = assignments(seed_store, involving="ITU-D", conference="wtsa-2022")
    assert res.numbers(), "no assignment involving ITU-D found at WTSA-20"
    assert res.numbers() <= _table1_numbers()
    assert all(h.matched for h in res.hits)


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory):
    doc = (
        Doc("wtsa.txt")
        .heading("WTSA", "10", 2022)
        .assign("10", "instructs", ["TSB"], ["BDT"])
        .heading("WTSA", "11", 2022)
        .assign("11", "invites", ["ITU-D SG2"])
        .heading("WTSA", "12", 2022)
        .assign("12", "instructs", ["TSB"], text="to cooperate with ITU\u2011D on spam")
        .heading("WTSA", "13", 2022)
        .assign("13", "instructs", ["TSAG"])
    )
    older = Doc("wtsa16.txt").heading("WTSA", "10", 2016).assign("10", "invites", ["BDT"])
    return build(tmp_path_factory.mktemp("asg") / "s", [doc, older])


def test_involving_matches_roles_groups_and_clause_text(small) -> None:
    res = assignments(small, involving="itu-d", conference="wtsa-2022")
    why = {h.number: h.matched for h in res.hits}
    # the surface "invites ITU-D SG2" names the sector too
    assert why == {"10": ("collaborator",), "11": ("addressee", "text"), "12": ("text",)}
    assert res.resolutions == ("wtsa/10/2022", "wtsa/11/2022", "wtsa/12/2022")


def test_conference_and_actor_filters(small) -> None:
    assert assignments(small, involving="ITU-D").numbers() == {"10", "11", "12"}
    at_2016 = assignments(small, conference="wtsa-2016")
    assert [(h.resolution, h.verb, h.addressees) for h in at_2016.hits] == [
        ("wtsa/10/2016", "invites", ("BDT",))
    ]
    assert assignments(small, actor="tsb").numbers() == {"10", "12"}
    assert assignments(small, collaborator="BDT").numbers() == {"10"}
    assert assignments(small, actor="TSAG", organ="wtsa").numbers() == {"13"}
    assert assignments(small, organ="pp").hits == ()


def test_bad_sector_or_conference_lists_valid_values(small) -> None:
    with pytest.raises(ValueError, match="ITU-D"):
        assignments(small, involving="ITU-X")
    with pytest.raises(ValueError, match="valid ids"):
        assignments(small, conference="nowhere-99")
    assert sector_of("ITU\u2011D").actors == ("BDT", "TDAG")
