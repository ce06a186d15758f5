"""Parse version parentheses and history lines: "(Rev. Hammamet, 2016Geneva, 2022)".

Why a module of its own: the (venue, year) pairs of a heading decide the organ (through the
gazetteer), the version, and what a tracked change replaced; the same pairs appear flattened in
ways no single regex covers: "(Rev. Busan, 2014Dubai, 2018)" (deleted run, then inserted run),
"(Rev. HammametGeneva, 20162022)" (interleaved token by token), "Hammamet 2016: Geneva, 2022"
(broken punctuation), "（2014年，釜山）" (Chinese order). We therefore read venues (by the
gazetteer's spellings, longest first) and years (4-digit chunks of digit runs) as two ordered
token streams and pair them by position, which handles all of these alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.gazetteer import load_gazetteer
from extract.models import VersionRef

__all__ = ["ParsedVersion", "find_versions", "parse_history", "parse_version", "venue_regex"]

_YEAR_RUN = re.compile(r"(?<!\d)((?:1[89]\d\d|20\d\d)+)(?!\d)")
_REV = re.compile(r"(?<![A-Za-z])(?:R[eé]v|REV|RÉV)\b\.?|修订")


@cache
def venue_regex() -> re.Pattern[str]:
    """A regex matching every known venue spelling (gazetteer names and aliases), longest first.

    Example:
        >>> venue_regex().findall("HammametGeneva, 20162022")
        ['Hammamet', 'Geneva']
    """
    names = load_gazetteer().venue_names
    alternatives = "|".join(re.escape(n) for n in names)
    return re.compile(f"(?:{alternatives})", re.IGNORECASE)


def _years(text: str) -> list[tuple[int, int]]:
    """(position, year) of every year, splitting runs like "20162022" into 2016 and 2022."""
    out: list[tuple[int, int]] = []
    for m in _YEAR_RUN.finditer(text):
        run = m.group(1)
        for i in range(0, len(run), 4):
            out.append((m.start(1) + i, int(run[i : i + 4])))
    return out


@dataclass(frozen=True)
class ParsedVersion:
    """One (venue, year) pair found in a parenthesis, with its "Rev." flag."""

    venue: str
    year: int
    revised: bool

    @property
    def ref(self) -> VersionRef:
        """As a :class:`VersionRef`."""
        return VersionRef(self.venue, self.year)


def find_versions(text: str) -> list[ParsedVersion]:
    """All (venue, year) pairs of a short text, in order, paired by position.

    Venues and years are two token streams (gazetteer spellings; 4-digit chunks of digit
    runs); the i-th venue goes with the i-th year. A pair is "revised" when "Rev." appears
    before its venue and after the previous pair. Conference labels ("WRC-15") count too.

    Example:
        >>> [(v.venue, v.year, v.revised) for v in find_versions("Busan, 2014Rev. Dubai, 2018")]
        [('Busan', 2014, False), ('Dubai', 2018, True)]
        >>> [(v.venue, v.year) for v in find_versions("2014年，釜山")]
        [('Busan', 2014)]
    """
    return list(_versions_of(text))


@lru_cache(maxsize=4096)
def _versions_of(text: str) -> tuple[ParsedVersion, ...]:
    """:func:`find_versions`, kept per distinct text. Why: the same parentheses and history
    lines ("(Rev. Hammamet, 2016)") recur across a corpus, and the venue regex (case-blind, so
    ``re`` cannot skip ahead) is tried at every character of each; the pairs it gives depend on
    the text alone and are frozen, so they are shared."""
    g = load_gazetteer()
    venues = [(m.start(), m.group(0)) for m in venue_regex().finditer(text)]
    years = _years(text)
    revs = [m.start() for m in _REV.finditer(text)]
    out: list[ParsedVersion] = []
    prev_end = 0
    for (vpos, vname), (ypos, year) in zip(venues, years, strict=False):
        canon = g.canonical_venue(vname) or vname
        first = min(vpos, ypos)
        revised = any(prev_end <= r < first for r in revs)
        out.append(ParsedVersion(canon, year, revised))
        prev_end = max(vpos + len(vname), ypos + 4)
    if not out:
        # conference labels used as versions in radio texts: "(Rev.WRC-15)", "(WTSA-16)"
        for m in g.label_regex(loose=True).finditer(text):
            ref = g.label(m.group(0))
            c = ref.conference if ref is not None else None
            if c is None:
                continue
            revised = any(r < m.start() for r in revs)
            out.append(ParsedVersion(c.venue, c.year, revised))
    return tuple(out)


def parse_version(text: str) -> tuple[VersionRef | None, VersionRef | None, bool]:
    """The version of a heading parenthesis: (version, version_also, revised).

    With flattened tracked changes the last pair is the inserted (current) version and the one
    before it the deleted version (Word emits the deleted run first).

    Example:
        >>> parse_version("(Rev. HammametGeneva, 20162022)")
        (VersionRef(venue='Geneva', year=2022), VersionRef(venue='Hammamet', year=2016), True)
        >>> parse_version("(Hammamet, 2016)")
        (VersionRef(venue='Hammamet', year=2016), None, False)
    """
    found = find_versions(text)
    if not found:
        return None, None, bool(_REV.search(text))
    last = found[-1]
    also = found[-2].ref if len(found) > 1 else None
    return last.ref, also, last.revised or bool(_REV.search(text))


def parse_history(text: str) -> tuple[VersionRef, ...] | None:
    """The history line "(Florianópolis, 2004; ...; Geneva, 2022)" as a tuple, or None.

    Robust to broken punctuation ("Hammamet 2016: Geneva, 2022") because venues and years are
    read as token streams.

    Example:
        >>> [(v.venue, v.year) for v in parse_history("(Dubai, 2012; Hammamet 2016: Geneva, 2022)")]
        [('Dubai', 2012), ('Hammamet', 2016), ('Geneva', 2022)]
    """
    found = find_versions(text)
    if not found:
        return None
    out: list[VersionRef] = []
    for v in found:
        if v.ref not in out:
            out.append(v.ref)
    return tuple(out)
