"""The snapshot index gives the very answers of the SPARQL paths it replaces.

``search_resolutions``, ``assignments``, ``outdated_citations`` and ``graph_stats`` answer from
the index a query worker builds once per snapshot (graph.served_index); every answer here is
computed both ways, on the seed store (the gold corpus) and on a synthetic store, over the
arguments the REST routes take, and must be equal.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph import (
    SnapshotIndex,
    SynthSpec,
    assignments,
    build_synthetic_store,
    graph_stats,
    open_store,
    outdated_citations,
    search_resolutions,
    snapshot_index,
)
from graph.backend import Store

WORDS = [None, "standardization", "gap", "the development", "radio", "security", "zzzz", "ITU"]
ORGANS = [None, "WTSA", "pp", "council", "wtdc", "RA"]
ASSIGNMENT_ARGS: list[dict[str, str]] = [
    {},
    {"actor": "TSB"},
    {"actor": "bdt"},
    {"actor": "TSAG"},
    {"collaborator": "BDT"},
    {"involving": "ITU-D"},
    {"involving": "ITU-T", "organ": "pp"},
    {"involving": "ITU-R"},
    {"organ": "WTSA"},
    {"conference": "wtsa-2022"},
    {"conference": "pp-2018", "actor": "TSB"},
]


@pytest.fixture(scope="module")
def synth_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """A small synthetic store (every kind of fact, outdated citations included)."""
    path = build_synthetic_store(tmp_path_factory.mktemp("synth-index"), SynthSpec(works=150))
    store = open_store(path, read_only=True)
    yield store
    store.close()


@pytest.fixture(params=["seed", "synthetic"])
def indexed(
    request: pytest.FixtureRequest, seed_store: Store, synth_store: Store
) -> tuple[Store, SnapshotIndex]:
    store = seed_store if request.param == "seed" else synth_store
    return store, snapshot_index(store)


def test_search_from_the_index_equals_the_sparql_search(
    indexed: tuple[Store, SnapshotIndex],
) -> None:
    store, index = indexed
    assert index.search.summaries, "the index holds every resolution"
    for q in WORDS:
        for organ in ORGANS:
            plain = search_resolutions(store, q=q, organ=organ, limit=500)
            fast = search_resolutions(store, q=q, organ=organ, limit=500, index=index.search)
            assert fast == plain, (q, organ)
    numbers = [*sorted({s.number for s, _ in index.search.summaries}), "9999", " 44 "]
    for number in numbers:
        for organ in (None, "WTSA"):
            plain = search_resolutions(store, number=number, organ=organ)
            assert search_resolutions(store, number=number, organ=organ, index=index.search) == (
                plain
            ), (number, organ)
    confs = sorted({c for _, cs in index.search.summaries for c in cs})[:8]
    for conf in confs:
        plain = search_resolutions(store, conference=conf, limit=3, offset=1)
        fast = search_resolutions(store, conference=conf, limit=3, offset=1, index=index.search)
        assert fast == plain, conf


def test_assignments_from_the_table_equal_the_sparql_answer(
    indexed: tuple[Store, SnapshotIndex],
) -> None:
    store, index = indexed
    assert index.assignments.records
    nonempty = 0
    for kwargs in ASSIGNMENT_ARGS:
        plain = assignments(store, **kwargs)
        fast = assignments(store, **kwargs, table=index.assignments)
        assert fast == plain, kwargs
        # source_view does not tell rows apart (not compared by ==): both paths link the same
        assert fast.to_dict() == plain.to_dict(), kwargs
        nonempty += bool(plain.hits)
    assert nonempty >= 5, "the arguments must select something"


def test_outdated_from_the_table_equals_the_sparql_answer(
    indexed: tuple[Store, SnapshotIndex],
) -> None:
    store, index = indexed
    assert index.outdated.rows, "both stores hold outdated citations"
    for organ in ORGANS:
        plain = outdated_citations(store, organ=organ)
        fast = outdated_citations(store, organ=organ, table=index.outdated)
        assert fast == plain, organ
        assert [o.to_dict() for o in fast] == [o.to_dict() for o in plain], organ
        assert all(o.source_view for o in fast if o.document), organ


def test_stats_from_the_counts_equal_the_counted_answer(
    indexed: tuple[Store, SnapshotIndex],
) -> None:
    store, index = indexed
    for top in (0, 1, 5, 10):
        plain = graph_stats(store, top=top, net=index.network)
        assert graph_stats(store, top=top, net=index.network, counted=index.stats) == plain


def test_the_index_survives_pickling_as_workers_adopt_it(
    indexed: tuple[Store, SnapshotIndex],
) -> None:
    store, index = indexed
    adopted = pickle.loads(pickle.dumps(index))
    assert adopted.search == index.search
    assert adopted.outdated == index.outdated
    assert assignments(store, involving="ITU-D", table=adopted.assignments) == assignments(
        store, involving="ITU-D"
    )
    assert set(adopted.seconds) >= {"search", "assignments", "outdated", "stats"}


def test_a_search_with_another_base_ignores_the_index(seed_store: Store, tmp_path: Path) -> None:
    index = snapshot_index(seed_store)
    other = "https://example.org/other/"
    assert search_resolutions(seed_store, base=other, index=index.search) == (
        search_resolutions(seed_store, base=other)
    )
