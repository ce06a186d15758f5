"""The ITU conference gazetteer: (organ, venue, year) facts shared by extract/ and graph/.

Why one module: a citation such as "Resolution 123 (Rev. Dubai, 2018)" names no organ, and only the
conference history decides it (Dubai 2018 was a Plenipotentiary Conference). The same facts give
graph/ its conference individuals, so they live in one data file, ``resources/conferences.json``,
read once and exposed through the small API below.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from extract.nlp.regex_first import first_char_lookahead

__all__ = ["Conference", "Gazetteer", "LabelRef", "fold_accents", "load_gazetteer"]

# What may stand between a label's prefix and its year: "WRC-19", "WRC‑19" (U+2011), "WRC–19",
# and, in the loose form, "WRC 19" and "WRC19" (the hyphen lost in conversion).
_STRICT_SEP = "[-\u2010\u2011\u2013]"
_LOOSE_SEP = "(?:[-\u2010\u2011\u2013][ \t]?|[ \t]?)"
# A letter or digit of the scripts labels are written in (a Chinese character may touch a label:
# "全会WTSA-16"): what may not stand right before or after one.
_WORD_CHAR = "[A-Za-z0-9\u0400-\u04ff]"
T = TypeVar("T")


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
    #: first and last day (``YYYY-MM-DD``) where known: they order conferences of the same year
    #: (WTSA-20 met in March 2022, PP-22 in September) when deciding which version came first.
    start: str | None = None
    end: str | None = None

    @property
    def id(self) -> str:
        """Short identifier used in CLIs, URLs and IRIs, e.g. ``wtsa-2022``."""
        return f"{self.organ.lower()}-{self.year}"


def fold_accents(s: str) -> str:
    """``s`` without combining marks ("Minneápolis" -> "Minneapolis", "Genève" -> "Geneve").

    Example:
        >>> fold_accents("Rév. Minneápolis")
        'Rev. Minneapolis'
    """
    if s.isascii():
        return s
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _fold(s: str) -> str:
    """Case- and accent-insensitive key for venue names."""
    return " ".join(fold_accents(s).replace("-", " ").casefold().split())


@dataclass(frozen=True)
class LabelRef:
    """What a conference label says: the organ, the year, and the conference if it is known.

    Example:
        >>> ref = load_gazetteer().label("CMR-19")
        >>> (ref.organ, ref.year, ref.conference.venue)
        ('WRC', 2019, 'Sharm el-Sheikh')
    """

    organ: str
    year: int
    conference: Conference | None


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
    label_prefixes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    _venues: dict[str, str] = field(default_factory=dict, repr=False)
    # every citation asks: (venue as written, year) -> conferences, filled as spellings are met
    _held: dict[tuple[str, int], tuple[Conference, ...]] = field(
        default_factory=dict, repr=False, compare=False
    )
    # label regexes and lookup tables, built on first use
    _memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

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

    def memo(self, key: str, build: Callable[[Gazetteer], T]) -> T:
        """``build(self)``, computed once per gazetteer: the regexes and tables its readers
        derive from it (the gazetteer never changes once loaded).

        Example:
            >>> g = load_gazetteer()
            >>> g.memo("n", lambda g: len(g.conferences)) == len(g.conferences)
            True
        """
        if key not in self._memo:
            self._memo[key] = build(self)
        return self._memo[key]  # type: ignore[return-value]

    def label_regex(self, loose: bool = False) -> re.Pattern[str]:
        """A regex for conference labels, one source for every reader of them ("WRC-19",
        "WTSA-2000", "CMR-19", "ВКР-19", "Mob-87"): prefix (group ``prefix``) + separator +
        2- or 4-digit year (group ``year``), or a label the conference list spells itself.

        ``loose`` also accepts a space or nothing between prefix and year ("WRC 19",
        "WRC19"), as text damaged in conversion writes them inside a version parenthesis.

        Example:
            >>> load_gazetteer().label_regex(loose=True).search("(Rev.WRC19)").group(0)
            'WRC19'
        """
        return self.memo(f"label_regex:{loose}", lambda g: _label_regex(g, loose))

    def label(self, text: str) -> LabelRef | None:
        """The organ, year and conference a label names ("WRC 19", "WARC-79"), or None.

        A label whose year names no conference of the gazetteer (a future "WRC-27") still
        gives its organ and year.

        Example:
            >>> ref = load_gazetteer().label("Mob-87")
            >>> (ref.organ, ref.year, ref.conference.label)
            ('WRC', 1987, 'Mob-87')
        """
        m = self.label_regex(loose=True).fullmatch(text.strip())
        if m is None:
            return None
        if m.group("prefix") is None:  # a label spelled in the conference list
            c = self._by_label()[_label_key(m.group(0))]
            return LabelRef(c.organ, c.year, c)
        digits = m.group("year")
        year = (
            int(digits) if len(digits) == 4 else (1900 if int(digits) >= 50 else 2000) + int(digits)
        )
        organ = self._prefix_organs()[m.group("prefix").casefold()]
        known = [c for c in self.of_organ(organ) if c.year == year]
        return LabelRef(organ, year, known[0] if len(known) == 1 else None)

    def _prefix_organs(self) -> dict[str, str]:
        return self.memo(
            "prefixes",
            lambda g: {p.casefold(): o for o, ps in g.label_prefixes.items() for p in ps},
        )

    def _by_label(self) -> dict[str, Conference]:
        return self.memo(
            "by_label",
            lambda g: {_label_key(n): c for c in g.conferences for n in (c.label, *c.aliases)},
        )

    def of_organ(self, organ: str) -> list[Conference]:
        """The conferences of one organ in date order."""
        return sorted((c for c in self.conferences if c.organ == organ), key=lambda c: c.year)

    def organ_names(self) -> dict[str, tuple[str, ...]]:
        """Organ code -> the names that denote it in text (English, Chinese, acronyms)."""
        return {k: tuple(v["names"]) for k, v in self.organs.items()}  # type: ignore[arg-type]


def _label_key(label: str) -> str:
    return re.sub(r"[-\u2010\u2011\u2013 \t]+", "", label).casefold()


def _label_regex(gaz: Gazetteer, loose: bool) -> re.Pattern[str]:
    sep = _LOOSE_SEP if loose else _STRICT_SEP
    prefixes = sorted({p for ps in gaz.label_prefixes.values() for p in ps}, key=len, reverse=True)
    spelled = sorted(
        {n for c in gaz.conferences for n in (c.label, *c.aliases)}, key=len, reverse=True
    )
    # a spelled label matches with any of the separators ("WARC Mob-87", "Mob 87")
    spelled_alts = "|".join(
        sep.join(re.escape(part) for part in re.split(r"[-\u2011 ]+", n)) for n in spelled
    )
    prefix_alts = "|".join(re.escape(p) for p in prefixes)
    body = (
        "(?:"
        + spelled_alts
        + r"|(?P<prefix>"
        + prefix_alts
        + r")"
        + sep
        + r"(?P<year>\d{4}|\d{2}))"
        + rf"(?!{_WORD_CHAR})"
    )
    # Why the look-ahead of first letters: a pattern that opens with a look-behind is tried at
    # every character; one that opens with a character class lets the engine skip, in C, to the
    # few places a label can start (3x faster over a document, same matches).
    return re.compile(first_char_lookahead(body) + rf"(?<!{_WORD_CHAR})" + body)


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
            start=c.get("start"),
            end=c.get("end"),
        )
        for c in raw["conferences"]
    )
    prefixes = {k: tuple(v) for k, v in raw.get("label_prefixes", {}).items() if k != "_comment"}
    return Gazetteer(
        conferences=confs,
        organs=raw["organs"],
        venue_aliases=raw["venue_aliases"],
        label_prefixes=prefixes,
    )
