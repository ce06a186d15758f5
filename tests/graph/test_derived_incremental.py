"""The derived graph kept up to date from the changed documents only (issue 20: builds that stay
linear) equals the one a fresh build computes, after any sequence of additions, removals and
edits.

Why random sequences: the incremental update counts, per shared fact, the documents stating it,
and recomputes the whole-store facts (stubs, previous versions, NOC confirmations) only for the
works the changed facts touch. A missed case (a fact two documents state, a version whose year
comes from another document, a NOC entry whose work loses its versions) shows up as one quad of
difference in some order of changes; seeded sequences over the seeds (with their NOC entries)
and synthetic documents (many documents naming the same works) try many orders, reproducibly.
Each step compares every quad of the store, and the counts file, with a fresh build.
"""

from __future__ import annotations

import dataclasses
import random
import sqlite3
from pathlib import Path

import pytest

from graph import SynthSpec, build_store, synthetic_inputs
from graph.embedded.fact_counts import SIDECAR
from graph.embedded.generations import current_generation
from graph.rdf.input import DocumentInput
from graph.store import open_store
from tests.graph.fact_counts import sidecar_tables

#: the build stamp of manifest entries differs between two builds by design
STAMP = "<http://purl.org/dc/terms/modified>"


def quads(root: Path) -> set[str]:
    """Every quad of the store (N-Quads form), build stamps left out."""
    with open_store(root, read_only=True) as s:
        return {str(q) for q in s.store if str(q.predicate) != STAMP}


def bookkeeping(root: Path) -> tuple[set[tuple[bytes, int]], set[tuple[str, str]]]:
    """The counts file of the current generation: (fact, count) and (work, inferred fact)."""
    counts, inferred, _meta = sidecar_tables(root)
    return counts, inferred


def edited(doc: DocumentInput, rng: random.Random) -> DocumentInput:
    """The document with about half its records: a new content, so its graph is replaced."""
    kept = tuple(r for r in doc.records if rng.random() < 0.5)
    return dataclasses.replace(doc, records=kept, sha256=f"{rng.getrandbits(256):064x}")


def check(root: Path, fresh: Path, docs: list[DocumentInput]) -> None:
    report = build_store(root, inputs=docs)
    assert not report.failed, report.failed
    again = build_store(fresh, inputs=docs)
    assert quads(root) == quads(fresh)
    assert bookkeeping(root) == bookkeeping(fresh)
    with open_store(root, read_only=True) as s:
        assert report.triples == again.triples == len(s.store)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_random_changes_equal_a_fresh_build(
    tmp_path: Path, gold_inputs: list[DocumentInput], seed: int
) -> None:
    rng = random.Random(seed)
    pool = [*gold_inputs, *synthetic_inputs(SynthSpec(works=60, seed=seed))[:10]]
    present: dict[str, DocumentInput] = {d.name: d for d in rng.sample(pool, 6)}
    root = tmp_path / "incremental"
    check(root, tmp_path / "fresh-0", list(present.values()))
    for step in range(1, 7):
        absent = [d for d in pool if d.name not in present]
        op = rng.choice(["add", "remove", "edit", "mixed"])
        if op in ("add", "mixed") and absent:
            for d in rng.sample(absent, min(len(absent), rng.randint(1, 2))):
                present[d.name] = d
        if op in ("remove", "mixed") and len(present) > 1:
            for name in rng.sample(sorted(present), rng.randint(1, 2)):
                del present[name]
        if op == "edit":
            name = rng.choice(sorted(present))
            present[name] = edited(present[name], rng)
        check(root, tmp_path / f"fresh-{step}", list(present.values()))


def test_a_store_without_counts_gets_them(tmp_path: Path, gold_inputs: list[DocumentInput]) -> None:
    """A generation written before the counts existed: the next build computes the derived graph
    in full once and writes them; the one after that updates them."""
    docs = list(gold_inputs)
    root = tmp_path / "old"
    build_store(root, inputs=docs[:-2])
    cur = current_generation(root)
    assert cur is not None
    (cur[1] / SIDECAR).unlink()
    check(root, tmp_path / "fresh-a", docs[:-1])
    check(root, tmp_path / "fresh-b", docs[1:])


def test_counts_that_disagree_with_the_store_are_rebuilt(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    """Counts emptied behind the build's back: removing a document would take them below zero,
    so the build recomputes the graph in full instead of trusting them."""
    docs = list(gold_inputs)
    root = tmp_path / "bad"
    build_store(root, inputs=docs)
    cur = current_generation(root)
    assert cur is not None
    db = sqlite3.connect(cur[1] / SIDECAR)
    db.execute("DELETE FROM counts")
    db.commit()
    db.close()
    check(root, tmp_path / "fresh", docs[1:])
