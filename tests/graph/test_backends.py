"""The one place a backend is chosen, and the adapters for engine objects made in-process."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from graph import StoreError, as_store, open_store, select
from graph.embedded.store import GraphStore
from graph.queries import select_table

TURTLE = """
@prefix rg: <https://w3id.org/resgraph/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
<https://w3id.org/resgraph/id/resolution/wtsa/44/2022> rg:versionOf
    <https://w3id.org/resgraph/id/resolution/wtsa/44> ;
  rg:year 2022 ; rg:hasText true ; dcterms:title "Bridging the gap"@en .
"""


def test_a_directory_opens_the_embedded_store(tmp_path: Path) -> None:
    store = open_store(tmp_path, read_only=True)
    assert isinstance(store, GraphStore)
    assert (store.location, store.generation, len(store)) == (str(tmp_path), 0, 0)


def test_a_sparql_location_opens_the_remote_backend() -> None:
    """Nothing listens on port 9: the remote backend was chosen, and says where it failed."""
    with pytest.raises(StoreError, match=r"http://127\.0\.0\.1:9/sparql"):
        open_store("sparql+http://127.0.0.1:9/sparql")


def test_a_pyoxigraph_store_and_an_rdflib_graph_answer_alike() -> None:
    oxs = ox.Store()
    oxs.load(TURTLE.encode(), ox.RdfFormat.TURTLE, to_graph=ox.NamedNode("urn:g"))
    graph = rdflib.Graph().parse(data=TURTLE, format="turtle")
    query = """PREFIX rg: <https://w3id.org/resgraph/ontology#>
        SELECT ?v ?y ?t ?title WHERE {
          ?v rg:versionOf ?w ; rg:year ?y ; rg:hasText ?t ; <http://purl.org/dc/terms/title> ?title
        }"""
    on_ox, on_rdflib = select_table(as_store(oxs), query), select_table(as_store(graph), query)
    assert on_ox == on_rdflib
    names, rows = on_ox
    assert names == ["v", "y", "t", "title"]
    assert rows == [
        {
            "v": "https://w3id.org/resgraph/id/resolution/wtsa/44/2022",
            "y": 2022,
            "t": True,
            "title": "Bridging the gap",
        }
    ]


def test_only_select_queries_are_selected() -> None:
    with pytest.raises(ValueError, match="not a SELECT"):
        select_table(as_store(ox.Store()), "ASK { ?s ?p ?o }")
    with pytest.raises(ValueError, match="not a SELECT"):
        select_table(as_store(rdflib.Graph()), "ASK { ?s ?p ?o }")


def test_an_in_memory_store_is_never_stale_and_reopens_as_itself() -> None:
    store = as_store(ox.Store())
    assert not store.is_stale() and store.reopen() is store
    assert select(store, "version_count") == [{"n": 0}]


def test_anything_else_is_refused_naming_its_type() -> None:
    with pytest.raises(TypeError, match="dict"):
        as_store({})  # type: ignore[call-overload]
