"""Parse what follows a citation's number: the version parenthesis and its tracked-change residue.

Why a module of its own: "(Rev. Busan, 2014Dubai, 2018)", "(Rev. HammametGeneva, 20162022)",
"(Busan, 2014Rev. Dubai, 2018)", "(Rev.WRC-15)" and "（修订版，2014年，釜山）" are one small
language with its own rules (Word writes the deleted run before the inserted one; a leading "Rev."
covers both versions), and the conference gazetteer is the only judge of which venue goes with
which year. Keeping it apart from spaCy makes every rule testable on a plain string.

All functions are pure and work on the normalized text (no NBSP, see extract.text.normalize).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.gazetteer import Gazetteer, load_gazetteer

__all__ = ["VersionParts", "find_parenthesis", "paragraph_label_after_break", "parse_version"]

# A parenthesis right after the number: optional spaces (one line break allowed), then ( or （.
_PAREN = re.compile(r"[ \t]*(?:\n[ \t]*)?([(（])([^()（）]{1,90})([)）])")
_REV = re.compile(r"(?<![A-Za-z])R[eé]v\b\.?|修订版|修订")  # French "Rév."
_YEAR_RUN = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)?(?!\d)")
_THIS_BEFORE = re.compile(r"\bthis[ \t\n]+$", re.IGNORECASE)
_LABEL = re.compile(r"\b(?:PP|APP|WTSA|WTSC|WTDC|RA|WRC|WCIT)-\d{2,4}\b")


@dataclass(frozen=True)
class VersionParts:
    """The facts one version parenthesis states.

    Attributes:
        venue: canonical English venue of the (new) version, or None.
        year: its year, or None.
        revised: whether the (new) version carries a revision marker.
        also_venue / also_year: the other (deleted) version when tracked changes ran together.
        also_revised: whether that deleted version carried "Rev.".
        organ: the organ when the parenthesis names a conference label ("Rev.WRC-15").
    """

    venue: str | None
    year: int | None
    revised: bool
    also_venue: str | None = None
    also_year: int | None = None
    also_revised: bool | None = None
    organ: str | None = None


@cache
def _venue_regex(venue_names: tuple[str, ...]) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in venue_names)
    return re.compile(f"(?:{names})")


@cache
def _default_venue_regex() -> re.Pattern[str]:
    return _venue_regex(load_gazetteer().venue_names)


@cache
def _default_canonical() -> dict[str, str]:
    """Every spelling the venue regex can match -> canonical venue (one dict lookup per hit)."""
    gaz = load_gazetteer()
    return {n: c for n in gaz.venue_names if (c := gaz.canonical_venue(n)) is not None}


def find_parenthesis(text: str, pos: int) -> tuple[int, int, str] | None:
    """Find a version parenthesis starting at ``pos`` (after a citation number).

    Returns ``(start, end, inner)`` with ``end`` just after the closing bracket, or None when no
    bracket follows or the bracket holds no venue, year or conference label (``"(Bridging
    ...)"`` is a title, not a version).

    Example:
        >>> find_parenthesis("Resolution 30 (Rev. Busan, 2014) of", 13)
        (14, 32, 'Rev. Busan, 2014')
    """
    m = _PAREN.match(text, pos)
    if m is None:
        return None
    inner = m.group(2)
    if not (_YEAR_RUN.search(inner) or _LABEL.search(inner)):
        return None
    return m.start(1), m.end(3), inner


def _years(inner: str) -> list[tuple[int, int]]:
    """(position, year) pairs; an 8-digit run "20162022" holds two years (old, new)."""
    out: list[tuple[int, int]] = []
    for m in _YEAR_RUN.finditer(inner):
        out.append((m.start(1), int(m.group(1))))
        if m.group(2):
            out.append((m.start(2), int(m.group(2))))
    return out


def _pair(
    venues: list[tuple[int, str]], years: list[tuple[int, int]], gaz: Gazetteer
) -> list[tuple[int, str | None, int | None]]:
    """Pair venues with years into versions (position, venue, year), in text order.

    Equal counts pair in order (this covers both "Busan, 2014Dubai, 2018" and the interleaved
    "HammametGeneva, 20162022"); otherwise the gazetteer decides which combinations exist.
    """
    if len(venues) == len(years):
        return [(min(v[0], y[0]), v[1], y[1]) for v, y in zip(venues, years, strict=True)]
    if not venues:
        return [(p, None, y) for p, y in years]
    if not years:
        return [(p, v, None) for p, v in venues]
    out: list[tuple[int, str | None, int | None]] = []
    for yp, year in years:
        known = [v for v in venues if gaz.held(v[1], year)]
        vp, venue = (known or venues)[-1 if yp > venues[-1][0] else 0]
        out.append((min(vp, yp), venue, year))
    return out


def parse_version(inner: str, gaz: Gazetteer | None = None) -> VersionParts:
    """Read the version(s) stated inside a citation parenthesis.

    Word's flattened tracked changes put the deleted run first, so with two versions the last
    one is the current (``venue``/``year``) and the first goes to ``also_*``. A "Rev." before
    every version covers them all; one between them belongs to the later version only.

    Args:
        inner: the text between the brackets.
        gaz: the conference gazetteer (default: the packaged one).

    Example:
        >>> p = parse_version("Rev. HammametGeneva, 20162022")
        >>> (p.venue, p.year, p.revised, p.also_venue, p.also_year, p.also_revised)
        ('Geneva', 2022, True, 'Hammamet', 2016, True)
        >>> p = parse_version("Busan, 2014Rev. Dubai, 2018")
        >>> (p.venue, p.year, p.revised, p.also_year, p.also_revised)
        ('Dubai', 2018, True, 2014, False)
        >>> parse_version("2014年，釜山").venue
        'Busan'
    """
    if gaz is None or gaz is load_gazetteer():
        return _parse_with_packaged_gazetteer(inner)
    return _parse_version(inner, gaz)


@lru_cache(maxsize=4096)
def _parse_with_packaged_gazetteer(inner: str) -> VersionParts:
    """:func:`_parse_version` with the packaged gazetteer, remembered: the same parentheses
    ("Rev. Dubai, 2018") recur through a document and a corpus, and the answer is a pure
    function of the text (VersionParts is immutable)."""
    return _parse_version(inner, load_gazetteer())


def _parse_version(inner: str, gaz: Gazetteer) -> VersionParts:
    inner = " ".join(inner.split())  # line breaks inside the parenthesis
    label = _LABEL.search(inner)
    if label is not None and not _YEAR_RUN.search(inner.replace(label.group(0), "")):
        try:
            conf = gaz.by_id(label.group(0))
        except ValueError:
            conf = None
        if conf is not None:
            revised = bool(_REV.search(inner))
            return VersionParts(conf.venue, conf.year, revised, organ=conf.organ)
    venues: list[tuple[int, str]] = []
    default = gaz is load_gazetteer()
    regex = _default_venue_regex() if default else _venue_regex(gaz.venue_names)
    spellings = _default_canonical() if default else {}
    for m in regex.finditer(inner):
        canon = spellings.get(m.group(0)) or gaz.canonical_venue(m.group(0))
        if canon is not None:
            venues.append((m.start(), canon))
    versions = _pair(venues, _years(inner), gaz)
    revs = [m.start() for m in _REV.finditer(inner)]
    if not versions:
        return VersionParts(None, None, bool(revs))
    first, last = versions[0], versions[-1]

    def rev_for(index: int) -> bool:
        """A leading marker covers every version; otherwise the marker just before a version
        (or a trailing "修订版" after the last one) belongs to that version."""
        if not revs:
            return False
        if revs[0] < versions[0][0]:
            return True
        low = versions[index - 1][0] if index > 0 else -1
        high = versions[index][0]
        if index == len(versions) - 1:
            return any(r > low for r in revs)
        return any(low < r < high for r in revs)

    if len(versions) == 1:
        return VersionParts(first[1], first[2], rev_for(0))
    return VersionParts(
        last[1],
        last[2],
        rev_for(len(versions) - 1),
        also_venue=first[1],
        also_year=first[2],
        also_revised=rev_for(0),
    )


def paragraph_label_after_break(text: str, anchor_text: str, start: int, end: int) -> bool:
    r"""True for "... of this resolution\n2\tto report ...": a line-initial item number.

    A citation may break across lines ("Resolution\n123 (Rev. ...)"), but a number that starts
    a line and is followed by a tab or ")" is the label of the next paragraph, and "this
    resolution" is never followed by the number of another one.

    Example:
        >>> t = "report on this resolution\n2\tto assist"
        >>> start = t.index("resolution")
        >>> paragraph_label_after_break(t, "resolution\n2", start, start + 12)
        True
    """
    if _THIS_BEFORE.search(text, max(0, start - 6), start):
        return True
    return "\n" in anchor_text and end < len(text) and text[end] in "\t)"
