"""Checks of the named-graph layout shared by the embedded and the remote tests: each fact once.

Why counts by SPARQL and a scan of the quads: an analyst's ``COUNT(*)`` over the union default
graph must equal ``COUNT(DISTINCT ...)`` (the symptom), and no triple may sit in two named graphs
(the cause). Both are asked of the real store, through the same query entry the API uses.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from graph.embedded.fact_counts import SIDECAR
from graph.embedded.generations import current_generation

RG = "https://w3id.org/resgraph/ontology#"
#: dcterms:modified of manifest entries: a build stamp, different between two builds by design
STAMP = "http://purl.org/dc/terms/modified"


def _rows(store: Any, text: str) -> list[Any]:
    return list(store.query(text, use_default_graph_as_union=True))


def _value(term: Any) -> str:
    return str(term.value)


def count_mismatches(store: Any) -> list[str]:
    """Every pattern whose ``COUNT(*)`` differs from its distinct count: all triples, ``?s a ?c``
    per class and ``?s ?p ?o`` per predicate (empty when each fact is stored once)."""
    bad = []
    (rows,) = _rows(store, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    (once,) = _rows(store, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { ?s ?p ?o } }")
    if int(_value(rows["n"])) != int(_value(once["n"])):
        bad.append(f"all triples: {_value(rows['n'])} rows, {_value(once['n'])} distinct")
    star = "SELECT ?k (COUNT(*) AS ?n) WHERE { %s } GROUP BY ?k"
    distinct = "SELECT ?k (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?k ?o { %s } } GROUP BY ?k"
    for what, pattern in (("class", "?s a ?k BIND(?k AS ?o)"), ("predicate", "?s ?k ?o")):
        rows = {_value(r["k"]): int(_value(r["n"])) for r in _rows(store, star % pattern)}
        once = {_value(r["k"]): int(_value(r["n"])) for r in _rows(store, distinct % pattern)}
        assert rows.keys() == once.keys()
        bad += [f"{what} {k}: {n} rows, {once[k]} distinct" for k, n in rows.items() if n > once[k]]
    return bad


def triples_in_two_graphs(quads: list[tuple[str, str, str, str]]) -> list[tuple[str, str, str]]:
    """The triples that more than one named graph holds, from a scan of (s, p, o, g)."""
    seen = Counter((s, p, o) for s, p, o, _ in set(quads))
    return sorted(t for t, n in seen.items() if n > 1)


def distinct_triples(quads: list[tuple[str, str, str, str]]) -> set[tuple[str, str, str]]:
    """The distinct triples of a scan (terms in N-Triples form), without the build stamps of
    the manifest."""
    return {(s, p, o) for s, p, o, _ in quads if p != f"<{STAMP}>"}


def sidecar_tables(
    root: Path,
) -> tuple[set[tuple[bytes, int]], set[tuple[str, str]], set[tuple[str, str]]]:
    """The counts file of the current generation of the embedded store in ``root``: (fact,
    count), (work, inferred fact) and (name, value) of its meta table."""
    cur = current_generation(root)
    assert cur is not None
    db = sqlite3.connect(cur[1] / SIDECAR)
    try:
        counts = {(bytes(k), int(n)) for k, n in db.execute("SELECT fact, n FROM counts")}
        inferred = {(str(w), str(f)) for w, f in db.execute("SELECT work, fact FROM inferred")}
        meta = {(str(k), str(v)) for k, v in db.execute("SELECT name, value FROM meta")}
    finally:
        db.close()
    return counts, inferred, meta
