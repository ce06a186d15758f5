"""Each fact once: the named-graph layout of a real on-disk store (issue 17, item 1) and NOC
entries that confirm a version instead of minting one (item 3).

Why these checks: a fact several documents state (a version's conference, a work's label) used to
sit in each document's graph, so the union default graph returned it once per graph (99 rows of
``?s a rg:Resolution`` for 60 resolutions on the seeds). The store must now hold it once, after a
full build, an incremental add and a removal, and the incremental store must equal a fresh build
of the same documents (the shared facts are recomputed, never left behind).
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from graph import mint
from graph.build import build_store
from graph.embedded.store import GraphStore
from graph.rdf.document import DocumentInput, document_statements
from graph.rdf.text import ntriples
from graph.store import open_store
from tests.graph.fact_counts import (
    RG,
    count_mismatches,
    distinct_triples,
    triples_in_two_graphs,
)

Quad = tuple[str, str, str, str]
#: facts the build itself infers over the whole store (graph.rdf.derived): a removed document's
#: statement of one of them may be inferred again from what stays
INFERRED = {f"<{RG}previousVersion>", f"<{RG}hasText>"}


def scan(store: ox.Store) -> list[Quad]:
    """Every quad of the store, its terms in N-Triples form."""
    return [
        (str(q.subject), str(q.predicate), str(q.object), str(q.graph_name))
        for q in store.quads_for_pattern(None, None, None, None)
    ]


def stated(doc: DocumentInput) -> set[tuple[str, str, str]]:
    """What ``doc`` states about shared resources, in the N-Triples form of :func:`scan`."""
    text = ntriples(document_statements(doc)[1]).encode("utf-8")
    return {
        (str(t.subject), str(t.predicate), str(t.object))
        for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES)
    }


def built(root: Path, docs: list[DocumentInput]) -> list[Quad]:
    report = build_store(root, inputs=docs)
    assert not report.failed, report.failed
    with open_store(root, read_only=True) as s:
        assert count_mismatches(s.store) == []
        quads = scan(s.store)
    assert triples_in_two_graphs(quads) == []
    return quads


def test_seed_store_counts_each_fact_once(seed_store: GraphStore) -> None:
    assert count_mismatches(seed_store.store) == []
    assert triples_in_two_graphs(scan(seed_store.store)) == []
    resolutions = f"SELECT (COUNT(*) AS ?n) {{ ?s a <{RG}Resolution> }}"
    distinct = f"SELECT (COUNT(DISTINCT ?s) AS ?n) {{ ?s a <{RG}Resolution> }}"
    n, d = (
        int(next(iter(seed_store.store.query(q, use_default_graph_as_union=True)))["n"].value)  # type: ignore[index,union-attr,call-overload]
        for q in (resolutions, distinct)
    )
    assert n == d > 50


def test_a_document_graph_holds_only_its_own_nodes(
    seed_store: GraphStore, gold_inputs: list[DocumentInput]
) -> None:
    """Shared resources (works, versions, conferences, actors) are described in the derived
    graph only; a document's graph describes its own IRIs and nothing else."""
    for doc in gold_inputs:
        own = str(mint.document_iri(doc.name, doc.sha256))
        graph = ox.NamedNode(str(mint.document_graph_iri(doc.name, doc.sha256)))
        subjects = {q.subject for q in seed_store.store.quads_for_pattern(None, None, None, graph)}
        assert subjects, doc.name
        strays = {s for s in subjects if not str(s.value).startswith(own)}
        assert not strays, (doc.name, sorted(map(str, strays))[:5])


def test_incremental_add_and_removal_equal_a_fresh_build(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    docs = list(gold_inputs)
    root = tmp_path / "incremental"
    built(root, docs[:-1])
    added = built(root, docs)  # the last document added incrementally
    assert distinct_triples(added) == distinct_triples(built(tmp_path / "all", docs))
    kept = docs[1:]
    removed = built(root, kept)  # the first document dropped
    assert distinct_triples(removed) == distinct_triples(built(tmp_path / "kept", kept))

    # what only the removed document stated is gone; what another document states too stays
    others = set().union(*(stated(d) for d in kept))
    mine = stated(docs[0])
    gone, shared = mine - others, mine & others
    assert gone and shared, "the seeds must exercise both cases"
    left = distinct_triples(removed)
    assert shared <= left
    assert not {t for t in gone if t[1] not in INFERRED} & left


def test_a_changed_document_replaces_its_shared_facts(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    """A document edited so that it no longer states a fact: the fact goes with the edit."""
    docs = list(gold_inputs)
    root = tmp_path / "edited"
    built(root, docs)
    first = docs[0]
    edited = DocumentInput(
        name=first.name,
        sha256="f" * 64,  # new content: the build replaces its graph
        records=(),
        conference=first.conference,
    )
    after = built(root, [edited, *docs[1:]])
    assert distinct_triples(after) == distinct_triples(
        built(tmp_path / "fresh", [edited, *docs[1:]])
    )


def test_noc_entries_confirm_a_version_and_mint_none(seed_store: GraphStore) -> None:
    """ITU-D Table 1 of the WTSA-20 results lists six resolutions as NOC: each confirms the
    latest earlier version (or the work) at WTSA-20; no 2022 version of them exists."""
    q = f"""SELECT ?m ?w ?c WHERE {{ ?m <{RG}confirmsAt> ?c ; <{RG}headsWork> ?w }}"""
    rows = list(seed_store.store.query(q, use_default_graph_as_union=True))  # type: ignore[call-overload]
    wtsa20 = mint.conference_iri("WTSA", 2022)
    at_wtsa20 = [r for r in rows if r["c"].value == str(wtsa20)]
    assert len(at_wtsa20) == 6
    for r in rows:
        minted = f"""ASK {{ ?v <{RG}versionOf> <{r["w"].value}> ;
                          <{RG}adoptedAt> <{r["c"].value}> }}"""
        assert not seed_store.store.query(minted, use_default_graph_as_union=True), r["w"]
        confirmed = f"""SELECT ?x WHERE {{ ?x <{RG}confirmedAt> <{r["c"].value}> .
            {{ BIND(<{r["w"].value}> AS ?x) }} UNION {{ ?x <{RG}versionOf> <{r["w"].value}> }} }}"""
        hits = list(seed_store.store.query(confirmed, use_default_graph_as_union=True))  # type: ignore[call-overload]
        assert len(hits) == 1, r["w"]
    res52 = mint.work_iri("WTSA", "52")
    gone = f"ASK {{ <{mint.version_iri('WTSA', '52', 2022)}> ?p ?o }}"
    assert not seed_store.store.query(gone, use_default_graph_as_union=True)
    latest = f"ASK {{ <{mint.version_iri('WTSA', '52', 2016)}> <{RG}confirmedAt> <{wtsa20}> }}"
    assert seed_store.store.query(latest, use_default_graph_as_union=True), res52


@pytest.mark.parametrize("status", ["NOC", "Rev"])
def test_only_noc_leaves_the_conference_without_a_version(tmp_path: Path, status: str) -> None:
    """The same table entry with another status does make a version at the conference."""
    from extract.models import Heading, VersionRef

    entry = Heading(
        doc="t.txt", start=0, end=13, surface="Resolution 52", number="52", body="WTSA",
        title="countering spam", version_venue=None, version_year=None, status=status,
        history=None, section="Table 1", title_lang="en", status_marker=f"[{status}]",
    )  # fmt: skip
    doc = DocumentInput(
        name="t.txt", sha256="e" * 64, records=(entry,), conference=VersionRef("Geneva", 2022)
    )
    quads = built(tmp_path / status, [doc])
    v2022 = str(mint.version_iri("WTSA", "52", 2022))
    has_version = any(s == f"<{v2022}>" for s, _, _, _ in quads)
    assert has_version == (status != "NOC")
    confirmed = any(p == f"<{RG}confirmedAt>" for _, p, _, _ in quads)
    assert confirmed == (status == "NOC")


def test_a_store_of_the_old_layout_is_rebuilt(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    """A store whose documents' graphs still describe versions (built before this layout) is
    rebuilt by the next build even though no document changed."""
    docs = list(gold_inputs)
    root = tmp_path / "old"
    built(root, docs)
    doc = docs[0]
    graph = ox.NamedNode(str(mint.document_graph_iri(doc.name, doc.sha256)))
    stray = ox.Quad(
        ox.NamedNode(str(mint.version_iri("PP", "1", 1994))),
        ox.NamedNode(f"{RG}versionOf"),
        ox.NamedNode(str(mint.work_iri("PP", "1"))),
        graph,
    )
    with open_store(root) as s:
        s.store.add(stray)
    report = build_store(root, inputs=docs)
    assert sorted(report.updated) == sorted(d.name for d in docs)
    with open_store(root, read_only=True) as s:
        assert stray not in s.store
        assert count_mismatches(s.store) == []


def test_a_document_description_leaves_out_its_shared_statements_text(
    seed_store: GraphStore, gold_inputs: list[DocumentInput]
) -> None:
    from graph.queries.describe import describe

    doc = gold_inputs[0]
    view = describe(seed_store, str(mint.document_iri(doc.name, doc.sha256)))
    assert view is not None
    predicates = {t.predicate.value for t in view.outgoing}
    assert f"{RG}fileName" in predicates and f"{RG}sharedStatements" not in predicates
