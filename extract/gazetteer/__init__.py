"""The ITU conference gazetteer: (organ, venue, year) facts shared by extract/ and graph/.

Why one module: a citation such as "Resolution 123 (Rev. Dubai, 2018)" names no organ, and only the
conference history decides it (Dubai 2018 was a Plenipotentiary Conference). The same facts give
graph/ its conference individuals, so they live in one data file, ``resources/conferences.json``,
read once and exposed through the small API below.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

__all__ = ["Conference", "Gazetteer", "load_gazetteer"]


@dataclass(frozen=True)
class Conference:
    """One ITU conference or assembly.

    Example:
        >>> c = load_gazetteer().by_id("wtsa-2022")
        >>> (c.organ, c.venue, c.year, c.label)
        ('WTSA', 'Geneva', 2022, 'WTSA-20')
    """

    organ: str
    venue: str
    year: int
    label: str
    aliases: tuple[str, ...] = ()
    note: str | None = None

    @property
    def id(self) -> str:
        """Short identifier used in CLIs, URLs and IRIs, e.g. ``wtsa-2022``."""
        return f"{self.organ.lower()}-{self.year}"


def _fold(s: str) -> str:
    """Case- and accent-insensitive key for venue names."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return " ".join(s.replace("-", " ").casefold().split())


@dataclass(frozen=True)
class Gazetteer:
    """Lookup tables over the conference list.

    Example:
        >>> g = load_gazetteer()
        >>> [c.organ for c in g.lookup("Dubai", 2018)]
        ['PP']
        >>> sorted(c.organ for c in g.lookup("Dubai", 2012))
        ['WCIT', 'WTSA']
    """

    conferences: tuple[Conference, ...]
    organs: dict[str, dict[str, object]]
    venue_aliases: dict[str, str]
    _venues: dict[str, str] = field(default_factory=dict, repr=False)
    # every citation asks: (venue as written, year) -> conferences, filled as spellings are met
    _held: dict[tuple[str, int], tuple[Conference, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        venues: dict[str, str] = {}
        for c in self.conferences:
            venues[_fold(c.venue)] = c.venue
        for alias, canonical in self.venue_aliases.items():
            venues[_fold(alias)] = canonical
        object.__setattr__(self, "_venues", venues)

    def canonical_venue(self, name: str) -> str | None:
        """English canonical venue for a spelling (``"Florianopolis"``, ``"釜山"``), or None."""
        return self._venues.get(_fold(name))

    def held(self, venue: str, year: int) -> tuple[Conference, ...]:
        """:meth:`lookup` as a tuple, remembered per spelling and year (the gazetteer does not
        change, and a corpus names the same few conferences thousands of times)."""
        key = (venue, year)
        found = self._held.get(key)
        if found is None:
            found = self._held[key] = tuple(self.lookup(venue, year))
        return found

    @property
    def venue_names(self) -> tuple[str, ...]:
        """Every known spelling of every venue, longest first (for building matchers)."""
        names = {c.venue for c in self.conferences} | set(self.venue_aliases)
        return tuple(sorted(names, key=lambda n: (-len(n), n)))

    def lookup(self, venue: str, year: int) -> list[Conference]:
        """All conferences held at ``venue`` in ``year`` (several organs may share one)."""
        canon = self.canonical_venue(venue)
        if canon is None:
            return []
        return [c for c in self.conferences if c.venue == canon and c.year == year]

    def organ_for(self, venue: str, year: int) -> str | None:
        """The organ when venue+year decides it alone, else None (ambiguous or unknown)."""
        found = {c.organ for c in self.held(venue, year)}
        return found.pop() if len(found) == 1 else None

    def by_id(self, conference_id: str) -> Conference:
        """A conference by short id (``wtsa-2022``) or label (``WTSA-20``).

        Raises:
            ValueError: naming the valid ids when nothing matches.
        """
        key = conference_id.strip().casefold()
        for c in self.conferences:
            if key in {c.id, c.label.casefold(), *(a.casefold() for a in c.aliases)}:
                return c
        valid = ", ".join(c.id for c in self.conferences)
        raise ValueError(f"unknown conference {conference_id!r}; valid ids: {valid}")

    def of_organ(self, organ: str) -> list[Conference]:
        """The conferences of one organ in date order."""
        return sorted((c for c in self.conferences if c.organ == organ), key=lambda c: c.year)

    def organ_names(self) -> dict[str, tuple[str, ...]]:
        """Organ code -> the names that denote it in text (English, Chinese, acronyms)."""
        return {k: tuple(v["names"]) for k, v in self.organs.items()}  # type: ignore[arg-type]


@cache
def load_gazetteer() -> Gazetteer:
    """Load the packaged gazetteer once per process."""
    # Read next to this module: ``resources.files("extract")`` resolves to the test directory
    # ``tests/extract`` (a namespace package) when pytest puts ``tests/`` on sys.path.
    raw = json.loads((Path(__file__).parent / "conferences.json").read_text("utf-8"))
    confs = tuple(
        Conference(
            organ=c["organ"],
            venue=c["venue"],
            year=int(c["year"]),
            label=c["label"],
            aliases=tuple(c.get("aliases", ())),
            note=c.get("note"),
        )
        for c in raw["conferences"]
    )
    return Gazetteer(conferences=confs, organs=raw["organs"], venue_aliases=raw["venue_aliases"])
