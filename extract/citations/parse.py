"""Parse what follows a citation's number: the version parenthesis and its tracked-change residue.

Why a module of its own: "(Rev. Busan, 2014Dubai, 2018)", "(Rev. HammametGeneva, 20162022)",
"(Busan, 2014Rev. Dubai, 2018)", "(Rev.WRC-15)", "(WRC 19)", "(C-1990, last amended C21)",
"(Mod. 2008)", "(WTSA, 2008)", "(Пересм. Дубай, 2018 г.)" and "（修订版，2014年，釜山）" are one
small language with its own rules (Word writes the deleted run before the inserted one; a leading
"Rev." covers both versions; a Council session code "C19" is the 2019 session), and the
conference gazetteer is the only judge of which venue goes with which year. Keeping it apart from
spaCy makes every rule testable on a plain string.

All functions are pure and work on the normalized text (no NBSP, see extract.text.normalize).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from extract.gazetteer import Gazetteer, fold_accents, load_gazetteer

__all__ = [
    "VersionParts",
    "find_bare_version",
    "find_parenthesis",
    "paragraph_label_after_break",
    "parse_version",
]

# A parenthesis right after the number: optional spaces (one line break allowed), then ( or （.
_PAREN = re.compile(r"[ \t]*(?:\n[ \t]*)?([(（])([^()（）]{1,90})([)）])")
# A parenthesis the text ends in before it closes (a page cut off): "(Rev. Dubai, 2018".
# Blanks after it (a final line break) are not part of it.
_OPEN_AT_END = re.compile(r"[ \t]*([(（])([^()（）\n]{1,60}?)[ \t]*\s*\Z")
# Revision markers: Rev./Rév./REV./rev (any case), Russian "Пересм.", Chinese "修订(版)",
# Arabic "المراجَع"; a Council resolution says "Mod." / "modified" / "amended".
_REV = re.compile(
    r"(?<![A-Za-z])(?i:r[eé]v)\b\.?|(?i:пересм|изм)\b\.?|(?i:изменен[а-я]*)|修订版|修订|修改"
    r"|المراج[َ]?ع|المعد[َّ]*ل"
    r"|(?<![A-Za-z])(?i:mod\.|(?:last[ \t]+)?(?:modified|amended|revised)|modifi[ée]e|modificada)"
    r"|(?<![A-Za-z])(?i:(?:derni[èe]re[ \t]+)?modification|(?:[úu]ltima[ \t]+)?modificaci[óo]n)"
)
# The revision words of Council texts ("(modified 2019)", "(Mod. 2008)", "(المعدَّل في 2022)"):
# a parenthesis of these and a year is a Council version.
_COUNCIL_REV = re.compile(
    r"(?i:mod\.|(?:last[ \t]+)?(?:modified|amended)|modifi[ée]e|modificada|изменен[а-я]*|изм\.?)"
    r"|المعد[َّ]*ل"
)
_COUNCIL_FILLER = re.compile(r"[\s,.;]|(?i:\b(?:in|en|в|г\.?)\b)|في|(?:19|20)\d\d")
_YEAR_RUN = re.compile(r"(?<!\d)((?:19|20)\d\d)((?:19|20)\d\d)?(?!\d)")
_THIS_BEFORE = re.compile(r"\bthis[ \t\n]+$", re.IGNORECASE)
# A Council session: "C19", "C-1990", "C2008" (not the document "C05/15").
_SESSION = re.compile(r"(?<![A-Za-z0-9])C[- ]?(\d{4}|\d{2})(?![\d/])")
# What else a parenthesis of session codes may hold: "(C-1990, last amended C21)".
_SESSION_FILLER = re.compile(r"[\s,;.]+")
# The organ a revision word alone implies for a session code: Council (data would not help).
_COUNCIL = "Council"
# Chunk markers a web copy inserts at line starts ("\n5、"), even inside a parenthesis.
_CHUNK = re.compile(r"\n[ \t]*\d{1,3}、")


@dataclass(frozen=True)
class VersionParts:
    """The facts one version parenthesis states.

    Attributes:
        venue: canonical English venue of the (new) version, or None.
        year: its year, or None.
        revised: whether the (new) version carries a revision marker.
        also_venue / also_year: the other (deleted) version when tracked changes ran together.
        also_revised: whether that deleted version carried "Rev.".
        organ: the organ when the parenthesis names one: a conference label ("Rev.WRC-15"), an
            organ acronym ("WTSA, 2008") or a Council session code ("C19").
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
    """Every venue spelling with its accents folded, any case ("REV. BUSAN", "Minneápolis")."""
    names = sorted({fold_accents(n) for n in venue_names}, key=lambda n: (-len(n), n))
    return re.compile("(?:" + "|".join(re.escape(n) for n in names) + ")", re.IGNORECASE)


def _organ_words(gaz: Gazetteer) -> re.Pattern[str]:
    return gaz.memo("citations.organ_words", _build_organ_words)


def _build_organ_words(gaz: Gazetteer) -> re.Pattern[str]:
    """Organ acronyms and label prefixes as whole words ("WTSA", "WRC", "CMR")."""
    words = {p for ps in gaz.label_prefixes.values() for p in ps}
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w])(?:{alts})(?![\w])")


def _has_version(inner: str, gaz: Gazetteer) -> bool:
    return bool(
        _YEAR_RUN.search(inner)
        or gaz.label_regex(loose=True).search(inner)
        or _SESSION.search(inner)
        or _organ_words(gaz).search(inner)
    )


def find_parenthesis(
    text: str, pos: int, gaz: Gazetteer | None = None
) -> tuple[int, int, str] | None:
    """Find a version parenthesis starting at ``pos`` (after a citation number).

    Returns ``(start, end, inner)`` with ``end`` just after the closing bracket, or None when no
    bracket follows or the bracket holds no venue, year, conference label, organ acronym or
    Council session code (``"(Bridging ...)"`` is a title, not a version). A parenthesis the
    text ends in before it closes ("(Rev. Dubai, 2018" at the end of a cut page) ends at its
    last character.

    Example:
        >>> find_parenthesis("Resolution 30 (Rev. Busan, 2014) of", 13)
        (14, 32, 'Rev. Busan, 2014')
        >>> find_parenthesis("Resolution 223 (Rev.WRC ", 14)
        (15, 23, 'Rev.WRC')
    """
    gaz = gaz or load_gazetteer()
    m = _PAREN.match(text, pos)
    if m is not None:
        inner = m.group(2)
        return (m.start(1), m.end(3), inner) if _has_version(inner, gaz) else None
    m = _OPEN_AT_END.match(text, pos)
    if m is not None and _has_version(m.group(2), gaz):
        return m.start(1), m.end(2), m.group(2)
    return None


def find_bare_version(text: str, pos: int, gaz: Gazetteer | None = None) -> tuple[int, str] | None:
    """A version written without brackets right after the number: "Resolution 130, Rev. Dubai
    2018". Returns (end offset, the version text) when the venue held a conference that year.

    Example:
        >>> find_bare_version("Resolution 130, Rev. Dubai 2018) on", 14)
        (31, ', Rev. Dubai 2018')
        >>> find_bare_version("Resolution 130, Dubai is", 14) is None
        True
    """
    gaz = gaz or load_gazetteer()
    m = _bare_regex(gaz).match(text, pos)
    if m is None:
        return None
    venue = gaz.canonical_venue(m.group("venue"))
    if venue is None or not gaz.held(venue, int(m.group("year"))):
        return None
    return m.end(), m.group(0)


def _bare_regex(gaz: Gazetteer) -> re.Pattern[str]:
    return gaz.memo("citations.bare_version", _build_bare_regex)


def _build_bare_regex(gaz: Gazetteer) -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in gaz.venue_names if n.isascii())
    return re.compile(
        r",?[ \t]+(?:(?i:rev)\.?[ \t]*)?(?P<venue>" + names + r"),?[ \t]*(?P<year>(?:19|20)\d\d)\b"
    )


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
        >>> p = parse_version("C-1990, last amended C21")
        >>> (p.organ, p.venue, p.year, p.revised)
        ('Council', None, 2021, True)
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


def _sessions(inner: str) -> VersionParts | None:
    """A parenthesis of Council session codes only: "C19", "C15, Amended C18"."""
    codes = list(_SESSION.finditer(inner))
    if not codes:
        return None
    rest = _REV.sub(" ", _SESSION.sub(" ", inner))
    if _SESSION_FILLER.sub("", rest):
        return None
    years = [int(d) if len(d) == 4 else (1900 if int(d) >= 50 else 2000) + int(d) for d in
             (m.group(1) for m in codes)]  # fmt: skip
    revised = len(codes) > 1 or bool(_REV.search(inner))
    return VersionParts(None, max(years), revised, organ=_COUNCIL)


def _read_mojibake(inner: str) -> str:
    """The parenthesis as it was written when UTF-8 was read as Latin-1 or Windows-1252
    upstream ("RÃ©v. GenÃ¨ve, 2022" -> "Rév. Genève, 2022"); unchanged otherwise. Only what is
    read from the parenthesis changes: the text and its offsets stay as loaded.

    Example:
        >>> _read_mojibake("RÃ©v. GenÃ¨ve, 2022"), _read_mojibake("Rév. Genève")
        ('Rév. Genève, 2022', 'Rév. Genève')
    """
    if "Ã" not in inner:
        return inner
    for codec in ("cp1252", "latin-1"):
        try:
            return inner.encode(codec).decode("utf-8")
        except UnicodeError:
            continue
    return inner


def _parse_version(inner: str, gaz: Gazetteer) -> VersionParts:
    inner = " ".join(_CHUNK.sub("", _read_mojibake(inner)).split())  # line breaks inside it
    sessions = _sessions(inner)
    if sessions is not None:
        return sessions
    revs = [m.start() for m in _REV.finditer(inner)]
    label = gaz.label_regex(loose=True).search(inner)
    if label is not None and not _YEAR_RUN.search(inner.replace(label.group(0), "")):
        ref = gaz.label(label.group(0))
        if ref is not None:
            conf = ref.conference
            venue = conf.venue if conf is not None else None
            return VersionParts(venue, ref.year, bool(revs), organ=ref.organ)
    if _COUNCIL_REV.search(inner) and not _COUNCIL_FILLER.sub("", _COUNCIL_REV.sub("", inner)):
        years = _years(inner)
        if years:  # "(modified 2019)": the Council's way of dating a revision
            return VersionParts(None, years[-1][1], True, organ=_COUNCIL)
    folded = fold_accents(inner)
    venues: list[tuple[int, str]] = []
    for m in _venue_regex(gaz.venue_names).finditer(folded):
        canon = gaz.canonical_venue(m.group(0))
        if canon is not None:
            venues.append((m.start(), canon))
    versions = _pair(venues, _years(inner), gaz)
    organ = _organ_named(inner, gaz) if not venues else None
    if not versions:
        return VersionParts(None, None, bool(revs), organ=organ)
    first, last = versions[0], versions[-1]
    if organ is not None and last[1] is None and last[2] is not None:
        # "(WTSA, 2008)": the organ and the year name the conference
        held = [c for c in gaz.of_organ(organ) if c.year == last[2]]
        if len(held) == 1:
            last = (last[0], held[0].venue, last[2])

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
        return VersionParts(last[1], last[2], rev_for(0), organ=organ)
    return VersionParts(
        last[1],
        last[2],
        rev_for(len(versions) - 1),
        also_venue=first[1],
        also_year=first[2],
        also_revised=rev_for(0),
        organ=organ,
    )


def _organ_named(inner: str, gaz: Gazetteer) -> str | None:
    """The organ an acronym or label prefix in the parenthesis names ("WTSA, 2008",
    "Rev.WRC" cut off before its year), when exactly one is named."""
    found = {w.group(0) for w in _organ_words(gaz).finditer(inner)}
    organs = {o for o, ps in gaz.label_prefixes.items() for p in ps if p in found}
    return organs.pop() if len(organs) == 1 else None


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
    if "\n" not in anchor_text or end >= len(text):
        return False
    # "RESOLUTIONS\n1.Resolution 1 (...)": a contents line's number glued to its entry
    glued = text[end] == "." and end + 1 < len(text) and text[end + 1].isalpha()
    return text[end] in "\t)" or glued
