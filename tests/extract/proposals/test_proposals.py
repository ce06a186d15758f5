"""Proposals and their typed changes: the side-by-side seed 001 pinned against the gold, and a
Word proposal with real revision marks against its flattened .txt twin."""

from __future__ import annotations

import doctest
import importlib
import json
import sys
from pathlib import Path

import pytest

from extract import extract_document
from extract.models import ProposalChange

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "data" / "corpus" / "001_e4eb4cc4694de83a.txt"
GOLD = ROOT / "tests" / "gold" / "citations.jsonl"
sys.path.insert(0, str(ROOT / "tests" / "extract" / "text"))

from files_factory import dele, ins, make_raw_docx, p, r  # noqa: E402


@pytest.fixture(scope="module")
def seed_proposals() -> tuple:  # type: ignore[type-arg]
    return extract_document(SEED).proposals


def test_seed_001_holds_the_four_proposals_of_its_header(seed_proposals: tuple) -> None:  # type: ignore[type-arg]
    got = sorted(
        (pr.number, pr.proposer, pr.proposer_kind, pr.reference, pr.contribution, pr.action)
        for pr in seed_proposals
    )
    assert got == [
        (1, "APT", "regional_group", None, None, "MOD"),  # the header writes "AST"
        (2, "ATU", "regional_group", "AFCP/35A8/1", "WTSA C-035 ATU Add08", "MOD"),
        (3, "CITEL", "regional_group", "IAP/39A18/1", "WTSA C-039_IAP_Add18", "MOD"),
        (4, "RCC", "regional_group", None, "TSAG-C187-R1", "MOD"),
    ]
    assert {(pr.target_body, pr.target_number) for pr in seed_proposals} == {("WTSA", "44")}


def test_seed_001_citation_updates_are_the_gold_also_fields(seed_proposals: tuple) -> None:  # type: ignore[type-arg]
    """Each ``(Rev. Busan, 2014Dubai, 2018)`` residue is one "updated 2014 -> 2018" change."""
    gold = set()
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if g.get("type") == "citation" and g["doc"] == SEED.name and g.get("also"):
            also = g["also"]
            gold.add(
                (
                    g["start"],
                    g["end"],
                    g["number"],
                    also["venue"],
                    also["year"],
                    g["venue"],
                    g["year"],
                )
            )
    assert len(gold) >= 10
    got = [
        (
            c.start,
            c.end,
            c.work_number,
            c.from_version.venue if c.from_version else None,
            c.from_version.year if c.from_version else None,
            c.to_version.venue if c.to_version else None,
            c.to_version.year if c.to_version else None,
        )
        for pr in seed_proposals
        for c in pr.changes
        if c.change == "citation_updated"
    ]
    assert len(got) == len(set(got))  # one change per residue
    assert set(got) == gold
    text = SEED.read_text(encoding="utf-8")
    for pr in seed_proposals:
        for c in pr.changes:
            assert c.proposal == pr.proposal and c.source == "residue"
            assert any(s <= c.start < e for s, e in pr.spans)  # inside its own column
            assert text[c.start : c.end] == c.after


def test_seed_001_columns_are_the_proposals_mentions_name(seed_proposals: tuple) -> None:  # type: ignore[type-arg]
    r = extract_document(SEED)
    named = {c.proposal for c in r.citations if c.proposal}
    assert named <= {pr.proposal for pr in seed_proposals}
    by_ref = {pr.reference: pr for pr in seed_proposals}
    atu = {(c.work_number, c.paragraph) for c in by_ref["AFCP/35A8/1"].changes}
    assert ("123", "a)") in atu and ("37", "b)") in atu


_RUNS: list[list[tuple[str, str]]] = [
    [("", "MOD\tACP/44A1/1")],
    [("", "RESOLUTION 44 (Rev. "), ("del", "Hammamet, 2016"), ("ins", "Geneva, 2022"), ("", ")")],
    [("", "Bridging the standardization gap")],
    [("", "The World Telecommunication Standardization Assembly (Geneva, 2022),")],
    [("", "considering")],
    [
        ("", "a)\tthat Resolution 123 (Rev. "),
        ("del", "Busan, 2014"),
        ("ins", "Dubai, 2018"),
        ("", ") of the Plenipotentiary Conference is on bridging the gap;"),
    ],
    [
        (
            "del",
            "b)\tthat Resolution 71 (Rev. Busan, 2014) of the Plenipotentiary Conference sets it;",
        )
    ],
    [
        ("", "instructs the Director of the Telecommunication Standardization Bureau"),
        ("ins", ", in collaboration with the Director of the Telecommunication Development Bureau"),
        ("", ","),
    ],
    [("", "1\tto organize workshops;")],
]


def _twins(tmp_path: Path) -> tuple[Path, Path]:
    """The proposal as a .docx with real w:ins/w:del (a whole deleted paragraph has its mark
    deleted too) and as Word's flattened .txt export (deleted runs kept before inserted ones)."""
    make = {"": r, "ins": ins, "del": dele}
    body = ""
    for runs in _RUNS:
        whole = len(runs) == 1 and runs[0][0] == "del"
        body += p(*(make[k](t) for k, t in runs), mark="del" if whole else "")
    docx = make_raw_docx(tmp_path / "proposal.docx", body)
    txt = tmp_path / "proposal.txt"
    txt.write_text("".join("".join(t for _, t in runs) + "\n" for runs in _RUNS), encoding="utf-8")
    return docx, txt


def _key(c: ProposalChange) -> tuple[object, ...]:
    return (
        c.change,
        c.work_kind,
        c.work_body,
        c.work_number,
        c.from_version,
        c.to_version,
        c.section,
        c.paragraph,
    )


def test_docx_tracked_changes_give_the_changes_of_the_flattened_twin(tmp_path: Path) -> None:
    docx, txt = _twins(tmp_path)
    (from_docx,) = extract_document(docx).proposals
    (from_txt,) = extract_document(txt).proposals
    for pr in (from_docx, from_txt):
        assert (pr.proposal, pr.proposer, pr.reference, pr.action, pr.target_number) == (
            "ACP/44A1/1",
            "APT",
            "ACP/44A1/1",
            "MOD",
            "44",
        )
    # what the flattened text can show (citation updates), the Word file shows the same
    updates = [_key(c) for c in from_docx.changes if c.change == "citation_updated"]
    assert updates == [_key(c) for c in from_txt.changes]
    assert [(k[3], k[4].year, k[5].year) for k in updates] == [  # type: ignore[union-attr]
        ("44", 2016, 2022),
        ("123", 2014, 2018),
    ]
    assert {c.source for c in from_docx.changes} == {"tracked"}
    assert {c.source for c in from_txt.changes} == {"residue"}
    # what only the revision marks tell
    rest = {c.change: c for c in from_docx.changes if c.change != "citation_updated"}
    assert set(rest) == {"citation_removed", "paragraph_deleted", "assignment_changed"}
    assigned = rest["assignment_changed"]
    assert (assigned.addressees, assigned.collaborators_before, assigned.collaborators_after) == (
        ("TSB",),
        (),
        ("BDT",),
    )
    deleted = rest["paragraph_deleted"]
    assert deleted.before is not None and deleted.before.startswith("b)\tthat Resolution 71")
    assert (deleted.section, deleted.paragraph, deleted.start == deleted.end) == (
        "considering",
        "b)",
        True,
    )
    removed = rest["citation_removed"]
    assert (removed.work_number, removed.from_version.year) == ("71", 2014)  # type: ignore[union-attr]
    text = extract_document(docx).doc.text
    assert text[deleted.start :].startswith("instructs")  # the point where it stood


def test_docx_citation_in_a_changed_run_gets_also(tmp_path: Path) -> None:
    docx, txt = _twins(tmp_path)
    got = {c.number: c.also for c in extract_document(docx).citations if c.also}
    want = {c.number: c.also for c in extract_document(txt).citations if c.also}
    assert got == want and set(got) == {"44", "123"}


@pytest.mark.parametrize(
    "name", ["extract.proposals.layers", "extract.proposals.proposers", "extract.proposals.find"]
)
def test_doctests(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testmod(importlib.import_module(name))
    assert result.failed == 0 and result.attempted > 0


@pytest.mark.parametrize(
    ("runs", "number", "now", "before"),
    [
        (
            [("", "(Rev. "), ("del", "Busan, 2014"), ("ins", "Dubai, 2018"), ("", ")")],
            "123",
            ("Dubai", 2018),
            ("Busan", 2014),
        ),
        (
            [("del", "(Rev. Busan, 2014)"), ("ins", "(Rev. Dubai, 2018)")],
            "123",
            ("Dubai", 2018),
            ("Busan", 2014),
        ),
        (
            [("", "(Rev. Busan, "), ("del", "2014"), ("ins", "2018"), ("", ")")],
            "123",
            ("Busan", 2018),
            ("Busan", 2014),
        ),
        (
            [("", "("), ("del", "Busan, 2014"), ("ins", "Rev. Dubai, 2018"), ("", ")")],
            "191",
            ("Dubai", 2018),
            ("Busan", 2014),
        ),
    ],
    ids=["venue-and-year", "whole-parenthesis", "year-only", "rev-added"],
)
def test_a_version_replaced_by_revision_marks_is_one_update(
    tmp_path: Path,
    runs: list[tuple[str, str]],
    number: str,
    now: tuple[str, int],
    before: tuple[str, int],
) -> None:
    make = {"": r, "ins": ins, "del": dele}
    body = (
        p(r("MOD\tACP/44A1/1"))
        + p(r("RESOLUTION 44 (Rev. Geneva, 2022)"))
        + p(r("considering"))
        + p(
            r(f"a)\tthat Resolution {number} "),
            *(make[k](t) for k, t in runs),
            r(" of the Plenipotentiary Conference applies;"),
        )
    )
    (prop,) = extract_document(make_raw_docx(tmp_path / "v.docx", body)).proposals
    (change,) = prop.changes
    assert change.change == "citation_updated" and change.work_number == number
    assert change.to_version is not None and change.from_version is not None
    assert (change.to_version.venue, change.to_version.year) == now
    assert (change.from_version.venue, change.from_version.year) == before
