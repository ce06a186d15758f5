"""Proposals on a real Virtuoso: the remote build carries them (proposal and change nodes in the
document's graph, proposers in the derived graph, each fact once), and ``compare_proposals``
answers there exactly as on the embedded store built from the same extraction.
"""

from __future__ import annotations

from typing import Any

import pytest

from graph import compare_proposals
from graph.queries import select_text

pytestmark = pytest.mark.slow  # a real Virtuoso server and builds into it

RG = "PREFIX rg: <https://w3id.org/resgraph/ontology#>\n"


def test_the_comparison_is_the_same_on_both_stores(stores: Any) -> None:
    remote = compare_proposals(stores.remote, "wtsa/44")
    assert remote == compare_proposals(stores.embedded, "wtsa/44")
    assert [p.proposer for p in remote.proposals] == ["APT", "ATU", "CITEL", "RCC"]
    assert sum(c.mentions for c in remote.changes) == 16  # the residues of seed 001


def test_proposers_are_described_once_in_the_derived_graph(stores: Any) -> None:
    rows = select_text(
        stores.remote,
        RG + "SELECT ?g ?who WHERE { GRAPH ?g { ?who a rg:RegionalGroup } }",
    )
    graphs = {r["g"] for r in rows}
    assert len(graphs) == 1 and "/graph/derived" in next(iter(graphs))
    assert sorted(r["who"].rsplit("/", 1)[-1] for r in rows) == ["apt", "atu", "citel", "rcc"]
    (n,) = select_text(stores.remote, RG + "SELECT (COUNT(*) AS ?n) WHERE { ?c rg:changeKind ?k }")
    assert int(n["n"]) == 16
