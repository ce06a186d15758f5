"""The remote store on a real Virtuoso: no silent truncation, incremental and atomic builds.

Each build test writes under its own base IRI, so it has its own graphs, manifest and generation
on the shared server and leaves the seed corpus of the comparison tests alone.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import pyoxigraph
import pytest

from graph import mint
from graph.build import build_store
from graph.mint import derived_graph_iri
from graph.queries import select_text
from graph.remote.paging import needs_paging, own_limit, paged_queries
from graph.remote.store import RemoteStore, RemoteStoreError
from graph.store import current_generation, open_store

pytestmark = pytest.mark.slow  # a real Virtuoso server (~5 s to start) and builds into it

ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def test_an_answer_beyond_virtuosos_result_cap_is_paged_not_cut(stores: Any) -> None:
    # Virtuoso's ResultSetMaxRows (10 000, kept by .ci/virtuoso.sh) is below the seed graph size.
    total = len(stores.remote)
    assert total > stores.remote.max_rows
    rows = select_text(stores.remote, ALL_QUADS)
    assert len(rows) == total
    assert len({(r["g"], r["s"], r["p"], str(r["o"])) for r in rows}) == total


def test_a_capped_answer_that_cannot_be_paged_raises(stores: Any) -> None:
    with pytest.raises(RemoteStoreError, match="result cap"):
        stores.remote.query(ALL_QUADS + " LIMIT 50000")
    assert len(stores.remote.query(ALL_QUADS + " LIMIT 20")) == 20


def test_queries_see_only_resgraphs_graphs(stores: Any) -> None:
    # Virtuoso keeps thousands of system triples in its own graphs; none may leak into answers.
    rows = select_text(stores.remote, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    derived = str(derived_graph_iri())
    expected = {g for g in stores.embedded.named_graphs() if g != derived}
    assert {r["g"] for r in rows} == expected | {stores.remote.derived}
    assert stores.remote.derived.startswith(derived + "/")
    assert len(stores.remote) == len(stores.embedded)


def test_ask_and_construct(stores: Any) -> None:
    assert stores.remote.query("ASK { ?s a ?t }") is True
    triples = stores.remote.query("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 5")
    assert 1 <= len(triples) <= 5  # a graph is a set: equal solutions make one triple
    assert {t.predicate.value for t in triples} == {
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    }


def test_paging_helpers() -> None:
    assert needs_paging('SELECT * { ?s ?p "LIMIT 3" }')
    assert not needs_paging("SELECT * { ?s ?p ?o } OFFSET 3")
    assert own_limit("SELECT * { ?s ?p ?o } ORDER BY ?s LIMIT 7") == 7
    pages = paged_queries("SELECT ?s { ?s ?p ?o } ORDER BY DESC(?s)", ["s"], 10)
    first, second = next(pages), next(pages)
    assert first.endswith("ORDER BY DESC(?s)\nLIMIT 10 OFFSET 0")
    assert second.endswith("LIMIT 10 OFFSET 10")
    with pytest.raises(ValueError, match="page size"):
        next(paged_queries("SELECT * {}", [], 0))


def test_remote_build_is_incremental_and_switches_atomically(virtuoso: str, stores: Any) -> None:
    base = "https://example.org/incremental/"
    docs = list(stores.inputs)
    first = build_store(virtuoso, inputs=docs, base=base)
    assert (first.generation, len(first.added)) == (1, len(docs))
    again = build_store(virtuoso, inputs=docs, base=base)
    assert not again.changed and again.generation == 1
    assert again.unchanged == first.added

    reader = open_store(virtuoso, base=base)
    assert isinstance(reader, RemoteStore)
    docs_query = "SELECT DISTINCT ?name WHERE { ?d a rg:SourceDocument ; rg:fileName ?name }"
    docs_query = "PREFIX rg: <https://w3id.org/resgraph/ontology#> " + docs_query
    before = sorted(r["name"] for r in select_text(reader, docs_query))
    changed = dataclasses.replace(docs[0], sha256="f" * 64)  # an edited first document
    second = build_store(virtuoso, inputs=[changed, *docs[2:]], base=base)
    assert second.generation == 2
    assert second.updated == (changed.name,) and second.removed == (docs[1].name,)
    # a reader opened before the switch still reads the documents of its generation (the removed
    # one included), and knows it is stale
    assert reader.is_stale()
    assert sorted(r["name"] for r in select_text(reader, docs_query)) == before
    assert docs[1].name in before
    fresh = reader.reopen()
    assert fresh.generation == 2
    assert set(fresh.manifest()) == {d.name for d in [changed, *docs[2:]]}
    assert fresh.manifest()[changed.name].sha256 == "f" * 64
    assert current_generation(virtuoso) is not None
    # the next build drops the graphs only the old generation used
    build_store(virtuoso, inputs=docs, base=base)
    build_store(virtuoso, inputs=docs[:1], base=base)
    leftovers = fresh.all_graphs(f"{base}id/graph/")
    assert mint.document_key(changed.name, changed.sha256) not in " ".join(leftovers)
    reader.close()
    fresh.close()


def test_unreachable_server_names_the_url() -> None:
    with pytest.raises(RemoteStoreError, match=r"127\.0\.0\.1:9/sparql"):
        RemoteStore("sparql+http://127.0.0.1:9/sparql", timeout=2)


def test_pyoxigraph_style_query_returns_pyoxigraph_results(stores: Any) -> None:
    # the surface the SPARQL endpoint (api/sparql) uses on the embedded store
    text = "SELECT ?t (COUNT(*) AS ?n) WHERE { ?s a ?t } GROUP BY ?t ORDER BY ?t"
    remote = stores.remote.ox_query(text, use_default_graph_as_union=True)
    embedded = stores.embedded.store.query(text, use_default_graph_as_union=True)
    assert isinstance(remote, pyoxigraph.QuerySolutions)
    as_rows = [tuple(map(str, r)) for r in remote]
    assert as_rows == [tuple(map(str, r)) for r in embedded]
    assert len(as_rows) > 5
    flag = stores.remote.ox_query("ASK { ?v <https://w3id.org/resgraph/ontology#hasText> true }")
    assert isinstance(flag, pyoxigraph.QueryBoolean) and bool(flag)
    triples = stores.remote.ox_query("CONSTRUCT { ?s a ?t } WHERE { ?s a ?t } LIMIT 3")
    assert isinstance(triples, pyoxigraph.QueryTriples)
    assert len(list(triples)) >= 1
