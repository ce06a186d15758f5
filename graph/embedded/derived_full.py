"""The derived graph computed in full: from every document's shared statements, in memory.

Why its own module: the full computation (a new store, a forced rebuild, a new release of the
ontology or gazetteer, counts that disagree) needs nothing from the store but what the documents
state, their NOC entries and the static graphs. Kept apart from the store, it can run while the
store is still loading the last documents: a fresh build counts the documents' texts and NOC
entries as it loads them (:class:`graph.embedded.fact_counts.LedgerTally`, :class:`Confirmations`)
and computes the derived graph, its counts and the static graphs during the last bulk load
(:func:`prepare_fresh`), which the loader spends partly waiting on the disk; then it loads them
after the documents while it writes the counts file. What it computes is what
:func:`graph.embedded.derived_update.refresh_derived` writes when it reads the store; the
incremental update (:mod:`graph.embedded.derived_update`) keeps it so afterwards.

Example:
    >>> out = compute_full(Counter({'<urn:v> <urn:p> "x"': 2}), set(), [], [], "https://r.org/")
    >>> out.text, list(out.counts.values()), out.inferred
    (b'<urn:v> <urn:p> "x" .\\n', [2], {})
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph import mint
from graph.embedded.fact_counts import LAYOUT, SIDECAR, FactCounts, fact_key, lines_with
from graph.rdf.derived import inferred_by_work
from graph.rdf.static import gazetteer_graph, ontology_graph
from graph.rdf.text import nquads
from graph.vocab import RG

__all__ = ["Confirmations", "FullDerived", "Prepared", "compute_full", "prepare_fresh"]

_CONFIRMS_AT = str(RG.confirmsAt)
_HEADS_WORK = str(RG.headsWork)
_YEAR = ox.NamedNode(str(RG.year))
#: predicates whose facts the whole-store facts are computed from, as the second term of a fact
_READ = {f"<{p}>" for p in (RG.versionOf, RG.year, RG.hasText, RG.previousVersion)}
_MARKS = [f" <{p}> ".encode() for p in (_CONFIRMS_AT, _HEADS_WORK)]


class Confirmations:
    """The NOC entries of the documents a build loads, read from their N-Quads as they pass:
    ``(work, conference)`` for each heading mention that ``rg:confirmsAt`` a conference and
    ``rg:headsWork`` a work in the same graph (what the full computation otherwise reads from
    the store).

    Example:
        >>> c = Confirmations()
        >>> text = (f"<urn:m> <{_CONFIRMS_AT}> <urn:c> <urn:g> .\\n"
        ...         f"<urn:m> <{_HEADS_WORK}> <urn:w> <urn:g> .\\n")
        >>> c.add(text.encode())
        >>> [(w.value, k.value) for w, k in c.pairs()]
        [('urn:w', 'urn:c')]
    """

    def __init__(self) -> None:
        self.at: list[tuple[object, ox.NamedNode, object]] = []
        self.heads: dict[tuple[object, object], list[ox.NamedNode]] = {}

    def add(self, data: bytes) -> None:
        """Note the NOC entries of one document's N-Quads (one quad per line)."""
        found = lines_with(data, _MARKS)
        if not found:
            return
        for q in ox.parse(b"".join(found), format=ox.RdfFormat.N_QUADS, lenient=True):
            if not isinstance(q.object, ox.NamedNode):
                continue
            if q.predicate.value == _CONFIRMS_AT:
                self.at.append((q.subject, q.object, q.graph_name))
            elif q.predicate.value == _HEADS_WORK:
                self.heads.setdefault((q.subject, q.graph_name), []).append(q.object)

    def pairs(self) -> list[tuple[ox.NamedNode, ox.NamedNode]]:
        """``(work, conference)`` of every NOC entry noted."""
        return [
            (w, conference)
            for mention, conference, graph in self.at
            for w in self.heads.get((mention, graph), ())
        ]


@dataclass
class FullDerived:
    """The derived graph computed in full: its N-Triples ``text``, the ``counts`` of the stated
    facts (by :func:`graph.embedded.fact_counts.fact_key`) and the whole-store facts of each
    work (``inferred``), as the counts file records them."""

    text: bytes
    counts: dict[bytes, int]
    inferred: dict[str, list[str]]


def compute_full(
    stated: Counter[str],
    static_keys: set[str],
    static_years: Iterable[ox.Quad],
    confirmations: Iterable[tuple[ox.NamedNode, ox.NamedNode]],
    base: str,
) -> FullDerived:
    """The derived graph from ``stated`` (fact -> documents stating it), the facts of the static
    graphs (left out), their ``rg:year`` quads and the ``(work, conference)`` of NOC entries.

    Only the facts the whole-store facts are computed from (``rg:versionOf``, ``rg:year``,
    ``rg:hasText``, ``rg:previousVersion``) go through an in-memory store; the graph itself is
    written from the texts (a third of the facts, loaded twice, cost a second at 2M triples).
    """
    derived = ox.NamedNode(mint.derived_graph_iri(base))
    counts = {fact_key(f): n for f, n in stated.items()}
    facts = [f for f in stated if f not in static_keys]
    mem = ox.Store()
    read = "".join(f"{f} .\n" for f in facts if f.split(" ", 2)[1] in _READ)
    if read:
        mem.load(read.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=derived)
    years = ox.NamedNode(f"{derived.value}/static-years")
    mem.extend(ox.Quad(q.subject, q.predicate, q.object, years) for q in static_years)
    inferred = {
        w.value: [str(ox.Triple(q.subject, q.predicate, q.object)) for q in qs]
        for w, qs in inferred_by_work(mem, base, confirmations).items()
    }
    facts.extend(f for fs in inferred.values() for f in fs)
    return FullDerived("".join(f"{f} .\n" for f in facts).encode("utf-8"), counts, inferred)


def static_digest(keys: Iterable[str]) -> str:
    """The digest of the static graphs' facts the counts file records (a new release of the
    ontology or gazetteer changes it, and the next build recomputes the derived graph in full).

    Example:
        >>> static_digest(["b", "a"]) == static_digest(["a", "b"])
        True
    """
    return hashlib.sha256("\n".join(sorted(keys)).encode("utf-8")).hexdigest()


@dataclass
class Prepared:
    """What a fresh build writes after its last document is loaded: the static graphs and the
    derived graph as one N-Quads text, the digest of the static graphs' facts, and the derived
    graph's counts."""

    nquads: bytes
    digest: str
    derived: FullDerived

    def write_counts(self, folder: Path) -> None:
        """Write the counts file of the generation in ``folder`` (all but the total of quads,
        which :func:`graph.embedded.derived_update.refresh_derived` adds once it is loaded)."""
        path = folder / SIDECAR
        path.unlink(missing_ok=True)
        with FactCounts(path) as counts:
            counts.fill(self.derived.counts)
            counts.set_inferred(self.derived.inferred)
            counts.put("layout", LAYOUT)
            counts.put("static", self.digest)


def prepare_fresh(
    base: str, stated: Counter[str] | None, confirmations: Confirmations
) -> Prepared | None:
    """The static and derived graphs of a store holding only the documents whose texts were
    counted (``stated``, None when the count cannot be used) and whose NOC entries were noted;
    touches no store, so it runs while the last documents load.

    Example:
        >>> prepare_fresh("https://r.org/", None, Confirmations()) is None
        True
    """
    if stated is None:
        return None
    static: list[bytes] = []
    keys: set[str] = set()
    years: list[ox.Quad] = []
    for iri, graph in (
        (mint.ontology_graph_iri(base), ontology_graph()),
        (mint.gazetteer_graph_iri(base), gazetteer_graph(base)),
    ):
        text = nquads(graph, str(iri)).encode("utf-8")
        static.append(text)
        for q in ox.parse(text, format=ox.RdfFormat.N_QUADS):
            keys.add(str(ox.Triple(q.subject, q.predicate, q.object)))
            if q.predicate == _YEAR:
                years.append(q)
    derived = compute_full(stated, keys, years, confirmations.pairs(), base)
    suffix = f" <{mint.derived_graph_iri(base)}> .\n".encode()
    # every line of the text ends " .\n" and no literal holds a raw newline
    static.append(derived.text.replace(b" .\n", suffix))
    return Prepared(b"".join(static), static_digest(keys), derived)
