"""Each fact once on a real Virtuoso (issue 17, item 1): the remote build writes the same layout
as the embedded one, after a full build, an incremental add and a removal.

Why beside the embedded tests (tests/graph/test_each_fact_once.py): the remote build computes the
derived graph from texts it reads back from the server, and the server forms the union default
graph from the graphs of the generation; both must keep ``COUNT(*)`` equal to the distinct count.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.build import build_store
from graph.queries import select_text
from graph.store import open_store
from tests.graph.fact_counts import count_mismatches, triples_in_two_graphs

pytestmark = pytest.mark.slow  # a real Virtuoso server and builds into it

ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def _quads(store: Any) -> list[tuple[str, str, str, str]]:
    return [(r["s"], r["p"], str(r["o"]), r["g"]) for r in select_text(store, ALL_QUADS)]


def test_seed_corpus_on_virtuoso_counts_each_fact_once(stores: Any) -> None:
    assert count_mismatches(stores.remote) == []
    assert triples_in_two_graphs(_quads(stores.remote)) == []
    assert len(stores.remote) == len(stores.embedded)


def test_incremental_remote_builds_keep_each_fact_once(
    virtuoso: str, seed_inputs: tuple[Any, ...], tmp_path: Path
) -> None:
    base = "https://example.org/each-fact-once/"
    docs = list(seed_inputs)
    for step, given in enumerate((docs[:-1], docs, docs[1:])):
        report = build_store(virtuoso, inputs=given, base=base)
        assert not report.failed, report.failed
        fresh = tmp_path / f"fresh-{step}"
        build_store(fresh, inputs=given, base=base)
        with (
            open_store(virtuoso, read_only=True, base=base) as remote,
            open_store(fresh, read_only=True, base=base) as embedded,
        ):
            assert count_mismatches(remote) == [], step
            assert triples_in_two_graphs(_quads(remote)) == [], step
            assert len(remote) == len(embedded), step  # the same graph as a fresh build
