"""The shared-statement texts and NOC entries counted as a build loads them give the derived graph
and counts that reading them back out of the store gives (issue 20: the bulk build near a raw
bulk load).

Why: a full computation of the derived graph used to read every document's
``rg:sharedStatements`` text from the store and parse each fact; the build now counts the texts'
lines as it loads them (:class:`graph.embedded.fact_counts.LedgerTally`) and parses only the
distinct ones. The two must agree on every fact and count, and the tally must step aside when it
cannot be trusted (two spellings of one fact, a counted graph removed again).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from graph import build_store, render_input
from graph.embedded.derived_update import _facts, refresh_derived
from graph.embedded.fact_counts import LedgerTally
from graph.embedded.generations import new_generation
from graph.mint import DEFAULT_BASE
from graph.rdf.input import DocumentInput
from graph.store import open_store
from graph.vocab import RG
from tests.graph.fact_counts import sidecar_tables

STAMP = "<http://purl.org/dc/terms/modified>"
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _ledger_quad(graph: str, text: str) -> bytes:
    q = ox.Quad(
        ox.NamedNode(f"{graph}/doc"),
        ox.NamedNode(RG.sharedStatements),
        ox.Literal(text),
        ox.NamedNode(graph),
    )
    return f"{q} .\n".encode()


State = tuple[set[str], set[tuple[bytes, int]], set[tuple[str, str]], set[tuple[str, str]]]


def _store_state(root: Path) -> State:
    """Every quad (build stamps left out) and the counts file: counts, inferred facts, meta."""
    with open_store(root, read_only=True) as s:
        quads = {str(q) for q in s.store if str(q.predicate) != STAMP}
    return (quads, *sidecar_tables(root))


def test_tally_counts_what_the_texts_state(gold_inputs: list[DocumentInput]) -> None:
    tally = LedgerTally()
    expected: Counter[str] = Counter()
    for doc in gold_inputs:
        rendered = render_input(doc)
        tally.add(ox.NamedNode(rendered.graph), rendered.nquads)
        for q in ox.parse(rendered.nquads, format=ox.RdfFormat.N_QUADS):
            if q.predicate == ox.NamedNode(RG.sharedStatements):
                expected.update(_facts(q.object.value))
    assert expected
    assert tally.stated() == expected


def test_a_fresh_build_equals_a_computation_from_the_store(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    tallied, read = tmp_path / "tallied", tmp_path / "read"
    build_store(tallied, inputs=gold_inputs)
    build_store(read, inputs=gold_inputs)
    with new_generation(read) as gen:  # no changes given: every text read from the store
        triples = refresh_derived(gen.store, gen.path, DEFAULT_BASE, None, full=True)
    state = _store_state(tallied)
    assert state == _store_state(read)
    confirmed = [q for q in state[0] if f"<{RG.confirmedAt}>" in q]
    assert confirmed, "the seeds' NOC entries give confirmations: the comparison covers them"
    with open_store(read, read_only=True) as s:
        assert triples == len(s.store)


def test_two_spellings_of_one_fact_void_the_tally() -> None:
    tally = LedgerTally()
    text = f'<urn:a> <urn:p> "x" .\n<urn:a> <urn:p> "x"^^<{XSD_STRING}> .\n'
    tally.add(ox.NamedNode("urn:g"), _ledger_quad("urn:g", text))
    assert tally.lines and tally.stated() is None


def test_a_counted_graph_removed_voids_the_tally() -> None:
    tally = LedgerTally()
    tally.add(ox.NamedNode("urn:g"), _ledger_quad("urn:g", "<urn:a> <urn:p> <urn:b> .\n"))
    tally.removed(ox.NamedNode("urn:h"))
    assert tally.stated() == Counter({"<urn:a> <urn:p> <urn:b>": 1})
    tally.removed(ox.NamedNode("urn:g"))
    assert tally.stated() is None


def test_only_shared_statement_literals_are_counted() -> None:
    """A quad of another predicate whose literal holds the marker text is not a ledger."""
    tally = LedgerTally()
    other = ox.Quad(
        ox.NamedNode("urn:d"),
        ox.NamedNode("urn:label"),
        ox.Literal(f' <{RG.sharedStatements}> "<urn:a> <urn:p> <urn:b> .'),
        ox.NamedNode("urn:g"),
    )
    tally.add(ox.NamedNode("urn:g"), f"{other} .\n".encode())
    assert tally.stated() == Counter()
