"""The named SPARQL files: documented, in the ontology's vocabulary, runnable on both engines."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest
from rdflib import Graph

from graph.queries import load_query, query_names, render, select
from graph.vocab import RG

NAMES = query_names()


def _slots(text: str) -> list[str]:
    return re.findall(r"VALUES\s+\?(\w+)\s*\{\s*\}", text)


def test_the_walk_and_lineage_queries_exist() -> None:
    assert {"lineage", "cites_out", "cites_in", "assignments", "outdated"} <= set(NAMES)


@pytest.mark.parametrize("name", NAMES)
def test_header_carries_an_example(name: str) -> None:
    header = [line for line in load_query(name).splitlines() if line.startswith("#")]
    assert header and header[0].startswith(f"# {name}:")
    assert any("Example" in line for line in header)


@pytest.mark.parametrize("name", NAMES)
def test_every_rg_term_is_in_the_ontology(name: str) -> None:
    lines = load_query(name).splitlines()
    body = "\n".join(line for line in lines if not line.startswith("#"))
    for term in re.findall(r"\brg:(\w+)", body):
        assert RG[term], term  # ClosedNamespace raises for an unknown term


@pytest.mark.parametrize("name", NAMES)
def test_runs_on_oxigraph_and_rdflib(name: str) -> None:
    text = load_query(name)
    filled = render(text, {key: ["urn:x:nothing"] for key in _slots(text)})
    open_ = render(text, dict.fromkeys(_slots(text)))
    for query in (filled, open_):
        list(ox.Store().query(query, use_default_graph_as_union=True))  # type: ignore[arg-type]
        list(Graph().query(query))


def test_render_fills_and_drops_slots() -> None:
    text = "SELECT * WHERE { VALUES ?a {} VALUES ?b {} ?a ?p ?b }"
    assert render(text, {"a": ["urn:x", 'say "hi"', 3], "b": None}) == (
        'SELECT * WHERE { VALUES ?a { <urn:x> "say \\"hi\\"" 3 }  ?a ?p ?b }'
    )
    with pytest.raises(ValueError, match="slot"):
        render(text, {"c": ["urn:x"]})


def test_unknown_query_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="lineage"):
        select(ox.Store(), "no_such_query")
