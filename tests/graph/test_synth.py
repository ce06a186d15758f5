"""The synthetic corpus of the benchmarks: deterministic, ITU-shaped, answered by the queries."""

from __future__ import annotations

from collections import Counter

import pytest

from extract.models import Assignment, Citation, Heading
from graph.network import citation_network
from graph.queries.dependencies import dependencies, impact
from graph.queries.lineage import lineage
from graph.queries.outdated import outdated_citations
from graph.store import open_store
from graph.synth import SynthSpec, build_synthetic_store, synthetic_inputs

SPEC = SynthSpec(works=60, seed=3)


def test_same_spec_same_corpus_other_seed_other_corpus() -> None:
    assert synthetic_inputs(SPEC) == synthetic_inputs(SPEC)
    assert synthetic_inputs(SPEC) != synthetic_inputs(SynthSpec(works=60, seed=4))


def test_shape_organs_versions_citations_assignments() -> None:
    records = [r for d in synthetic_inputs(SPEC) for r in d.records]
    kinds = Counter(type(r) for r in records)
    assert kinds[Heading] and kinds[Citation] > kinds[Heading] and kinds[Assignment]
    organs = {r.body for r in records if isinstance(r, Heading)}
    assert organs == {"PP", "WTSA", "WTDC", "RA", "WRC", "Council"}
    assert any(r.history for r in records if isinstance(r, Heading))
    assert any(r.year is None for r in records if isinstance(r, Citation))
    for doc in synthetic_inputs(SPEC):
        starts = [r.start for r in doc.records]
        assert starts == sorted(starts) and all(r.end > r.start for r in doc.records)


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    path = build_synthetic_store(tmp_path_factory.mktemp("synth"), SPEC)
    assert build_synthetic_store(path.parent, SPEC) == path  # reused, not rebuilt
    return open_store(path, read_only=True)


def test_queries_answer_on_the_synthetic_store(store) -> None:
    net = citation_network(store)
    cited = max(net.nodes, key=net.in_degree)
    assert impact(store, cited, depth=1).ids() == set(net.predecessors(cited))
    citing = max(net.nodes, key=net.out_degree)
    assert dependencies(store, citing, depth=1).ids() == set(net.successors(citing))
    revised = next(n for n in net.nodes if len(lineage(store, n).versions) > 1)
    years = [v.year for v in lineage(store, revised).versions]
    assert years == sorted(years)
    assert outdated_citations(store), "the spec cites some older versions on purpose"
