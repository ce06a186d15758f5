"""Proposals in the graph and their comparison, on real stores built by the real extractor:
the seed corpus (seed 001: four proposals for WTSA Resolution 44, pinned against the gold ``also``
fields), and a Word proposal with real ``w:ins``/``w:del`` runs next to its flattened .txt twin.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import ProposalComparison, Store, build_store, compare_proposals, open_store
from graph.validate import validate_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
SEED = CORPUS / "001_e4eb4cc4694de83a.txt"
GOLD = ROOT / "tests" / "gold" / "citations.jsonl"
RG = "PREFIX rg: <https://w3id.org/resgraph/ontology#>\n"
sys.path.insert(0, str(ROOT / "tests" / "extract" / "text"))

from files_factory import dele, ins, make_raw_docx, p, r  # noqa: E402

#: A CEPT proposal for Resolution 44 as Word writes it: the heading's and a citation's versions
#: changed, a paragraph deleted whole (its mark too), BDT added as collaborator of the clause.
RUNS: list[list[tuple[str, str]]] = [
    [("", "MOD\tECP/44A7/1")],
    [("", "RESOLUTION 44 (Rev. "), ("del", "Hammamet, 2016"), ("ins", "Geneva, 2022"), ("", ")")],
    [("", "Bridging the standardization gap between developing and developed countries")],
    [("", "The World Telecommunication Standardization Assembly (Geneva, 2022),")],
    [("", "considering")],
    [
        ("", "a)\tthat Resolution 139 (Rev. "),
        ("del", "Busan, 2014"),
        ("ins", "Dubai, 2018"),
        ("", ") of the Plenipotentiary Conference is on access for all;"),
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
    [("", "1\tto organize workshops in the regions;")],
]


def make_twins(folder: Path) -> tuple[Path, Path]:
    """The proposal as a .docx with revision marks and as Word's flattened .txt export."""
    folder.mkdir(parents=True, exist_ok=True)
    make = {"": r, "ins": ins, "del": dele}
    body = ""
    for runs in RUNS:
        whole = len(runs) == 1 and runs[0][0] == "del"
        body += p(*(make[k](t) for k, t in runs), mark="del" if whole else "")
    docx = make_raw_docx(folder / "cept_44.docx", body)
    txt = folder / "cept_44.txt"
    txt.write_text("".join("".join(t for _, t in runs) + "\n" for runs in RUNS), encoding="utf-8")
    return docx, txt


def _built(root: Path, paths: list[Path]) -> Store:
    report = build_store(root, paths)
    assert not report.failed, report.failed
    return open_store(root, read_only=True)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """The seed corpus built as `resgraph build data/corpus` builds it (extraction included)."""
    store = _built(tmp_path_factory.mktemp("proposals-corpus"), [CORPUS])
    yield store
    store.close()


@pytest.fixture(scope="module")
def twins(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return make_twins(tmp_path_factory.mktemp("proposal-files"))


def _rows(store: Store, query: str) -> list[dict[str, str]]:
    from graph.queries import select_text

    return select_text(store, RG + query)


def _gold_updates() -> Counter[tuple[str, int, int]]:
    """(number, year before, year after) of every gold citation of seed 001 with ``also``."""
    found: Counter[tuple[str, int, int]] = Counter()
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        g = json.loads(line)
        if g.get("type") == "citation" and g["doc"] == SEED.name and g.get("also"):
            found[(g["number"], g["also"]["year"], g["year"])] += 1
    return found


def test_seed_001_four_proposals_with_proposers_and_references(corpus: Store) -> None:
    cmp = compare_proposals(corpus, "wtsa/44")
    got = [(x.proposer, x.proposer_kind, x.reference, x.action, x.number) for x in cmp.proposals]
    assert got == [
        ("APT", "regional_group", None, "MOD", 1),
        ("ATU", "regional_group", "AFCP/35A8/1", "MOD", 2),
        ("CITEL", "regional_group", "IAP/39A18/1", "MOD", 3),
        ("RCC", "regional_group", None, "MOD", 4),
    ]
    assert {x.document for x in cmp.proposals} == {SEED.name}
    assert cmp.proposals[1].proposer_name == "African Telecommunications Union"
    assert all(x.id.startswith("document/") and "/proposal/" in x.id for x in cmp.proposals)


def test_seed_001_citation_updates_are_the_gold_also_fields(corpus: Store) -> None:
    """Each ``(Rev. Busan, 2014Dubai, 2018)`` residue is one "updated 2014 -> 2018" change."""
    gold = _gold_updates()
    assert sum(gold.values()) >= 10
    cmp = compare_proposals(corpus, "wtsa/44")
    got: Counter[tuple[str, int, int]] = Counter()
    for c in cmp.changes:
        assert c.kind == "citation_updated"
        assert c.work and c.from_version and c.to_version
        before, after = int(c.from_version.rsplit("/", 1)[1]), int(c.to_version.rsplit("/", 1)[1])
        assert c.summary == f"{c.work}: updated {before} -> {after}"
        got[(c.work.rsplit("/", 1)[1], before, after)] += c.mentions
    assert got == gold
    # and per change node: its span, and the citation read there, are the gold citation's
    spans = _rows(
        corpus,
        "SELECT ?s ?e ?m WHERE { ?c rg:changeKind rg:CitationUpdated ; rg:start ?s ; rg:end ?e ;"
        " rg:changeMention ?m . ?m rg:start ?s ; rg:end ?e }",
    )
    gold_spans = {
        (g["start"], g["end"])
        for g in map(json.loads, GOLD.read_text(encoding="utf-8").splitlines())
        if g.get("type") == "citation" and g["doc"] == SEED.name and g.get("also")
    }
    assert {(int(x["s"]), int(x["e"])) for x in spans} == gold_spans
    assert len(spans) == len(gold_spans)


def test_the_comparison_says_who_agrees(corpus: Store) -> None:
    cmp = compare_proposals(corpus, "wtsa/44")
    ids = {x.proposer: x.id for x in cmp.proposals}
    by_summary = {c.summary: c for c in cmp.changes}
    heading = by_summary["wtsa/44: updated 2016 -> 2022"]
    assert heading.proposals == (ids["ATU"], ids["CITEL"], ids["RCC"])
    assert by_summary["pp/123: updated 2014 -> 2018"].proposals == (ids["ATU"], ids["CITEL"])
    assert by_summary["pp/71: updated 2014 -> 2018"].proposals == (ids["ATU"],)
    assert cmp.changes[0] is heading  # most shared first
    assert "3 of 4 proposals (ATU, CITEL, RCC): wtsa/44: updated 2016 -> 2022" in cmp.notes
    assert "only CITEL: pp/191: updated 2014 -> 2018" in cmp.notes
    # a proposal's count of changes is what the matrix holds for it
    for x in cmp.proposals:
        made = sum(1 for c in cmp.changes if x.id in c.proposals)
        assert (made == 0) == (x.changes == 0)


def test_mentions_link_to_the_proposal_they_belong_to(corpus: Store) -> None:
    rows = _rows(
        corpus,
        "SELECT ?m ?label ?plabel WHERE { ?m rg:proposal ?label ; rg:surface ?text ."
        " OPTIONAL { ?m rg:inProposal ?p . ?p rg:proposal ?plabel } }",
    )
    assert len(rows) > 40
    assert all(x.get("plabel") == x["label"] for x in rows)


def test_proposals_keep_each_fact_once_and_satisfy_the_shapes(corpus: Store) -> None:
    (count,) = _rows(corpus, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
    (distinct,) = _rows(
        corpus,
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }",
    )
    assert int(count["n"]) == int(distinct["n"]) > 0
    # the proposer is a shared actor: described in the derived graph only, once
    graphs = _rows(
        corpus,
        "SELECT ?g WHERE { GRAPH ?g {"
        " <https://w3id.org/resgraph/id/actor/atu> a rg:RegionalGroup } }",
    )
    assert [x["g"].rsplit("/", 1)[-1] for x in graphs] == ["derived"]
    # the proposal nodes are in the document's own graph
    (where,) = _rows(
        corpus,
        "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?p a rg:Proposal } }",
    )
    assert int(where["n"]) == 1
    report = validate_store(corpus.root)  # type: ignore[attr-defined]
    assert report.conforms, report.text[:2000]


def test_an_unknown_resolution_is_not_found_with_suggestions(corpus: Store) -> None:
    from graph import ResolutionNotFound

    with pytest.raises(ResolutionNotFound) as err:
        compare_proposals(corpus, "wtsa/4444")
    assert "wtsa/4444" in str(err.value)
    empty = compare_proposals(corpus, "wtsa/86")  # a resolution no proposal targets
    assert (empty.proposals, empty.changes, empty.notes) == ((), (), ())


def _docx_changes(cmp: ProposalComparison) -> dict[str, tuple[object, ...]]:
    return {
        c.summary: (c.kind, c.work, c.from_version, c.to_version, c.collaborators_after)
        for c in cmp.changes
    }


def test_word_revision_marks_reach_the_graph_and_agree_with_the_flat_twin(
    tmp_path: Path, twins: tuple[Path, Path]
) -> None:
    docx, txt = twins
    with _built(tmp_path / "docx", [docx]) as store:
        word = compare_proposals(store, "wtsa/44")
    with _built(tmp_path / "txt", [txt]) as store:
        flat = compare_proposals(store, "wtsa/44")
    ((proposal,), (flat_proposal,)) = word.proposals, flat.proposals
    assert (proposal.proposer, proposal.reference, proposal.action) == ("CEPT", "ECP/44A7/1", "MOD")
    assert (flat_proposal.proposer, flat_proposal.reference) == ("CEPT", "ECP/44A7/1")
    changes = _docx_changes(word)
    assert changes["pp/139: updated 2014 -> 2018"][2:4] == ("pp/139/2014", "pp/139/2018")
    assert "wtsa/44: updated 2016 -> 2022" in changes
    assert changes["instructs: adds BDT as collaborator"][0] == "assignment_changed"
    assert changes["instructs: adds BDT as collaborator"][4] == ("BDT",)
    assert changes["pp/71: citation removed (2014)"][0] == "citation_removed"
    deleted = [c for c in word.changes if c.kind == "paragraph_deleted"]
    assert len(deleted) == 1 and (deleted[0].text_before or "").startswith("b)\tthat Resolution 71")
    assert (deleted[0].section, deleted[0].paragraph) == ("considering", "b)")
    # what the flattened text can show (the citation updates), the Word file shows the same
    flat_changes = _docx_changes(flat)
    assert flat_changes == {k: v for k, v in changes.items() if v[0] == "citation_updated"}


def test_a_word_proposal_next_to_the_side_by_side_seed(
    tmp_path: Path, twins: tuple[Path, Path]
) -> None:
    """Five proposals for Resolution 44 from two documents: CEPT agrees with the heading update
    of three others, with ATU and CITEL on pp/139, and alone adds BDT as collaborator."""
    with _built(tmp_path / "both", [SEED, twins[0]]) as store:
        cmp = compare_proposals(store, "wtsa/44")
    assert [x.proposer for x in cmp.proposals] == ["APT", "ATU", "CITEL", "RCC", "CEPT"]
    assert "4 of 5 proposals (ATU, CITEL, RCC, CEPT): wtsa/44: updated 2016 -> 2022" in cmp.notes
    assert "3 of 5 proposals (ATU, CITEL, CEPT): pp/139: updated 2014 -> 2018" in cmp.notes
    assert "only CEPT: instructs: adds BDT as collaborator" in cmp.notes
