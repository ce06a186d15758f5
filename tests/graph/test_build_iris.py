"""IRIs: minted per DESIGN.md section 3, short ids round-trip, and the base is configurable."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph import mint
from graph.build import build_store
from graph.rdf.document import DocumentInput
from graph.store import open_store
from graph.vocab import RG_NS

BASE = "https://w3id.org/resgraph/id/"


@pytest.mark.parametrize(
    ("iri", "expected"),
    [
        (mint.organ_iri("WTSA"), BASE + "organ/wtsa"),
        (mint.conference_iri("wtsa", 2022), BASE + "conference/wtsa-2022"),
        (mint.work_iri("WTSA", "44"), BASE + "resolution/wtsa/44"),
        (mint.version_iri("WTSA", "44", 2022), BASE + "resolution/wtsa/44/2022"),
        (mint.bureau_iri("TSB"), BASE + "bureau/tsb"),
        (mint.group_iri("ITU-T SG17"), BASE + "group/itu-t-sg17"),
        (mint.actor_iri("ITU\u2011T SG17"), BASE + "group/itu-t-sg17"),
        # the key of a file name and its content hash: a stored IRI must never change with the code
        (mint.document_iri("a.txt", "ab" * 32), BASE + "document/523b3bd48aa43ba9"),
        (mint.document_graph_iri("a.txt", "ab" * 32), BASE + "graph/523b3bd48aa43ba9"),
        (mint.work_iri("WTDC", "3/2", kind="question"), BASE + "question/wtdc/3%2F2"),
    ],
)
def test_iris_follow_the_design(iri: str, expected: str) -> None:
    assert str(iri) == expected


@pytest.mark.parametrize("short", ["wtsa/44", "wtsa/44/2022", "pp/123", "council/1353/2019"])
def test_short_ids_round_trip(short: str) -> None:
    organ, number, year = mint.parse_short_id(short)
    iri = mint.work_iri(organ, number) if year is None else mint.version_iri(organ, number, year)
    assert mint.short_id(iri) == short


@pytest.mark.parametrize("bad", ["wtsa", "wtsa/44/22", "44/wtsa", "wtsa/44/2022/x", ""])
def test_malformed_short_ids_say_what_is_expected(bad: str) -> None:
    with pytest.raises(ValueError, match="expected ORGAN/NUMBER"):
        mint.parse_short_id(bad)


def test_unknown_organs_list_the_valid_ones() -> None:
    with pytest.raises(ValueError, match="valid: PP, WTSA"):
        mint.parse_short_id("itu/44")
    with pytest.raises(ValueError, match="wtsa-2022"):
        mint.parse_conference_id("wtsa-1066")


def test_conference_ids_and_labels_resolve_alike() -> None:
    assert mint.parse_conference_id("WTSA-20") == mint.parse_conference_id("wtsa-2022")
    assert mint.parse_conference_id("WTDC-21") == ("WTDC", 2022)


def test_a_build_under_another_base_mints_nothing_under_the_default(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    base = "https://example.org/itu/"
    build_store(tmp_path, inputs=gold_inputs[:2], base=base)
    with open_store(tmp_path, read_only=True, base=base) as s:
        assert set(s.manifest()) == {d.name for d in gold_inputs[:2]}
        iris = {
            t.value
            for q in s.store
            for t in (q.subject, q.object, q.graph_name)
            if hasattr(t, "value") and str(t.value).startswith("https://w3id.org/resgraph/")
        }
    assert iris and all(i.startswith(RG_NS) or i == RG_NS[:-1] for i in iris)
