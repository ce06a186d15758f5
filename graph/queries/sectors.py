"""The ITU sectors an assignment can involve, and why it involves one.

Why apart from :mod:`graph.queries.assignments`: what stands for a sector (its bureau, advisory
group, study groups, and its names in clause text in any language) is a definition of its own,
which the listing and the snapshot's assignment table both apply; the filters and the hits stay
with the query. ``graph.queries.assignments`` re-exports :data:`SECTORS`, :class:`Sector` and
:func:`sector_of`.

Example:
    >>> sorted(SECTORS)
    ['ITU-D', 'ITU-R', 'ITU-T']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.mint import actor_iri

__all__ = ["SECTORS", "Sector", "sector_of", "why_involved"]


@dataclass(frozen=True)
class Sector:
    """What stands for an ITU sector in an assignment (DESIGN.md section 5).

    Attributes:
        code: ``ITU-D``.
        actors: actor codes that act for the sector (its bureau and advisory group).
        group_prefix: slug prefix of its study-group IRIs (``itu-d-`` for ``group/itu-d-sg2``).
        mention: a pattern for the sector or its groups named in clause text (any language).
    """

    code: str
    actors: tuple[str, ...]
    group_prefix: str
    mention: re.Pattern[str]


_DASH = r"[-\u2010\u2011\u2013]?"
SECTORS: dict[str, Sector] = {
    s.code: s
    for s in (
        Sector(
            "ITU-D",
            ("BDT", "TDAG"),
            "itu-d-",
            re.compile(
                rf"\bITU{_DASH}D\b|\bBDT\b|\bTDAG\b|Telecommunication Development "
                r"(?:Sector|Bureau|Advisory Group)|电信发展(?:部门|局|顾问组)",
                re.I,
            ),
        ),
        Sector(
            "ITU-T",
            ("TSB", "TSAG"),
            "itu-t-",
            re.compile(
                rf"\bITU{_DASH}T\b|\bTSB\b|\bTSAG\b|Telecommunication Standardization "
                r"(?:Sector|Bureau|Advisory Group)|电信标准化(?:部门|局|顾问组)",
                re.I,
            ),
        ),
        Sector(
            "ITU-R",
            ("BR", "RAG"),
            "itu-r-",
            re.compile(
                rf"\bITU{_DASH}R\b|\bBR\b|\bRAG\b|Radiocommunication "
                r"(?:Sector|Bureau|Advisory Group)|无线电通信(?:部门|局|顾问组)",
                re.I,
            ),
        ),
    )
}


def sector_of(name: str) -> Sector:
    """The sector named ``name`` (``ITU-D``, ``itu-d``, ``ITU‑D`` with a non-breaking hyphen).

    Raises:
        ValueError: listing the valid sectors.

    Example:
        >>> sector_of("itu\u2011d").actors
        ('BDT', 'TDAG')
    """
    key = re.sub(r"[\u2010\u2011\u2013\s]", "-", name.strip()).upper()
    if key in SECTORS:
        return SECTORS[key]
    raise ValueError(f"unknown sector {name!r}; valid: {', '.join(SECTORS)}")


@lru_cache(maxsize=64)
def _sector_iris(sector: Sector, base: str) -> frozenset[str]:
    """The IRIs of the sector itself, its bureau and its advisory group (minted once)."""
    return frozenset(str(actor_iri(c, base)) for c in (*sector.actors, sector.code))


def _acts_for(iri: str, sector: Sector, base: str) -> bool:
    """True when the actor IRI is the sector, its bureau/advisory group or one of its groups."""
    if iri in _sector_iris(sector, base):
        return True
    tail = iri.rstrip("/").rsplit("/", 1)[-1]
    return "/group/" in iri and tail.startswith(sector.group_prefix)


def why_involved(acc: dict[str, Any], sector: Sector, base: str) -> tuple[str, ...]:
    """Why an assignment record involves ``sector``: ``addressee``, ``collaborator`` and/or
    ``text`` (empty when it does not). ``acc`` is a folded record of
    :mod:`graph.queries.assignments` (``to``, ``with``, ``items``, ``clauses``, ``surface``)."""
    why = []
    if any(_acts_for(i, sector, base) for i in acc["to"]):
        why.append("addressee")
    if any(_acts_for(i, sector, base) for i in acc["with"]):
        why.append("collaborator")
    texts = [acc.get("surface") or "", *acc["items"], *acc["clauses"]]
    if any(sector.mention.search(t) for t in texts):
        why.append("text")
    return tuple(why)
