"""The query functions of graph/ give the same answers on Virtuoso as on the embedded store.

Both stores hold the same records of the seed corpus (see ``conftest.py``). Answers are compared as
the plain dicts the API serves, after one normalisation, for ties the functions leave to the engine
(two SPARQL engines may return rows in different orders when a query does not fully order them):
lists are compared as multisets, and a title chosen among spellings that differ only in case is
compared case-insensitively (graph/queries/lookup.py ``TitlePicker`` keeps the first title seen).
Anything else (a missing row, another value, a count) fails.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from scale_answers import canonical, plain

from graph.network import citation_network
from graph.queries.assignments import assignments
from graph.queries.dependencies import citation_path, dependencies, impact
from graph.queries.lineage import lineage
from graph.queries.outdated import outdated_citations
from graph.queries.search import get_resolution, graph_stats, list_conferences, search_resolutions

pytestmark = pytest.mark.slow  # a real Virtuoso server (~5 s to start) and builds into it

QUERIES: dict[str, Callable[[Any], Any]] = {
    "lineage": lambda s: lineage(s, "wtsa/44"),
    "lineage-pp": lambda s: lineage(s, "pp/123"),
    "dependencies": lambda s: dependencies(s, "wtsa/44", depth=2),
    "impact": lambda s: impact(s, "pp/123"),
    "path": lambda s: citation_path(s, "wtsa/44", "pp/123"),
    "assignments": lambda s: assignments(s),
    "assignments-bdt": lambda s: assignments(s, actor="BDT"),
    "outdated": lambda s: outdated_citations(s),
    "search": lambda s: search_resolutions(s, q="standardization", limit=50),
    "search-organ": lambda s: search_resolutions(s, organ="PP", limit=100),
    "resolution": lambda s: get_resolution(s, "WTSA", "44"),
    "conferences": lambda s: list_conferences(s),
    "stats": lambda s: graph_stats(s),
}


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_query_functions_answer_the_same_on_both_stores(stores: Any, name: str) -> None:
    embedded = plain(QUERIES[name](stores.embedded))
    remote = plain(QUERIES[name](stores.remote))
    assert embedded, f"{name}: the embedded store has no answer; the comparison would be empty"
    assert canonical(remote) == canonical(embedded)


def test_both_builds_report_the_same_documents_and_triples(stores: Any) -> None:
    assert stores.remote_report.added == stores.embedded_report.added
    assert len(stores.remote_report.added) == len(stores.inputs)
    assert len(stores.remote) == len(stores.embedded) == stores.remote_report.triples
    assert stores.remote.manifest() == stores.embedded.manifest()


def test_citation_network_is_the_same_graph(stores: Any) -> None:
    a, b = citation_network(stores.embedded), citation_network(stores.remote)
    assert a.number_of_edges() > 0
    assert sorted(a.nodes) == sorted(b.nodes)
    assert sorted(a.edges) == sorted(b.edges)
