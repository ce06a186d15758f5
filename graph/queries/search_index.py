"""The search index of one store snapshot: every resolution's summary, read once.

Why: a search over every resolution (a title word, an organ) reads every work, version, text
flag and title of the store: the raw SPARQL alone takes 150-300 ms on a million triples, over
the latency target of a first request. A query worker builds this index once per served
snapshot (its warm-up, beside the citation network) and :func:`graph.search_resolutions`
filters it in Python, with the same answers as its SPARQL path (tests compare both on the seed
and synthetic stores). It holds only what a search page shows: ~1 KB per resolution.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from graph.backend import Queryable
from graph.mint import organ_iri
from graph.queries.lookup import base_of, short
from graph.queries.search import _summaries
from graph.results import ResolutionSummary

__all__ = ["SearchIndex", "search_index"]


@dataclass(frozen=True)
class SearchIndex:
    """Every resolution of a snapshot as a summary with the conferences of its versions.

    Attributes:
        base: the base IRI the index was read with (a search with another base ignores it).
        summaries: (summary, conference ids such as ``wtsa-2022``) per resolution.
        by_number: ``rg:number`` literal -> short ids of the resolutions with that number.
    """

    base: str
    summaries: tuple[tuple[ResolutionSummary, frozenset[str]], ...]
    by_number: dict[str, frozenset[str]] = field(default_factory=dict)

    def matching(
        self, organs: list[str] | None, numbers: list[str] | None
    ) -> list[tuple[ResolutionSummary, frozenset[str]]]:
        """The summaries of the resolutions of ``organs`` (organ IRIs) with the number
        ``numbers[0]``; None means any."""
        wanted = set(organs or ())
        ids = self.by_number.get(numbers[0], frozenset()) if numbers else None
        return [
            (s, confs)
            for s, confs in self.summaries
            if (ids is None or s.id in ids)
            and (not wanted or str(organ_iri(s.organ, self.base)) in wanted)
        ]


def search_index(store: Queryable, base: str | None = None) -> SearchIndex:
    """Read the :class:`SearchIndex` of ``store`` (one scan per kind of fact).

    Example:
        >>> index = search_index(store)  # doctest: +SKIP
        >>> search_resolutions(store, q="gap", index=index) == search_resolutions(store, q="gap")
        ... # doctest: +SKIP
        True
    """
    base = base_of(store, base)
    numbers: dict[str, set[str]] = {}
    summaries = [(s, frozenset(c)) for s, c in _summaries(store, base, numbers)]
    known = {s.id for s, _ in summaries}
    by_number = {
        n: frozenset(i for i in (short(w, base) for w in works) if i in known)
        for n, works in numbers.items()
    }
    return SearchIndex(base=base, summaries=tuple(summaries), by_number=by_number)
