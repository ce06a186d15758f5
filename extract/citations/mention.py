"""Character-level facts around one mention that decide whether and how it is read.

Why apart from the component: each rule here reads a few characters before or after the anchor
the Matcher found — the suffix of an ITU-R number ("1-8"), the marks of another organisation's
numbering ("2 (I)", "CM/Res. 470 (XXVI)", "Decision 5 COM XIV.42"), the Council session code
after a compilation heading's title ("R 1336 Working group on Internet ... issues (C11)") —
and is tested as a plain function of the text.
"""

from __future__ import annotations

import re

from extract.citations.organs import OrganLexicon
from extract.citations.parse import VersionParts, parse_version

_COUNCIL = "Council"

__all__ = [
    "council_abbrev_in_context",
    "foreign_marks",
    "glued_organ_prefix",
    "rejoined",
    "sector_of",
    "session_after_title",
    "session_label_version",
    "split_suffix",
]

_SUFFIX = re.compile(r"(\d{1,3})[ \t]*-[ \t]*(\d{1,2})(?!\d)")
# A session in Roman numerals ("(I)", "(XXVI)", "(S-IV)", "(XXX-O/10)") after the number, maybe
# after a letter ("2200 A (XXI)"): the numbering of the UN General Assembly and of other bodies.
_ROMAN_SESSION = re.compile(
    r"(?:[ \t]+[A-Z])?[ \t]*\((?:[A-Z]{1,3}-)?[IVXLC]+(?:[-/][A-Z0-9/]{1,6})?\)"
)
# An organisation's code right after the number: "171 EX/20", "5 COM XIV.42", "39 COM 7B.1".
_CODE_AFTER = re.compile(r"[ \t]+(?:[A-Z]{1,5}/\d|[A-Z]{2,5}[ \t]+[IVXLC0-9][0-9A-Z]*\.\d)")
_AFTER = re.compile(f"{_ROMAN_SESSION.pattern}|{_CODE_AFTER.pattern}")
# An organisation's document prefix glued before the keyword: "CM/Res.", "AG/RES.", "IICA/CE/RES.",
# "29 C/Resolution 12" (a session and the body's letter)
_PREFIX_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{1,6}/(?:[A-Z]{1,6}/)*\Z")
# A heading's title: it starts with a capital (or a CJK character) after the number, and a
# Council session parenthesis closes it on the same line, before any sentence end.
_TITLE_START = re.compile(r"[ \t]+[A-Z\u00c0-\u00dd\u0400-\u042f\u4e00-\u9fff]")
_SENTENCE_END = re.compile(r"[.;:。；]|\n")
_PARENTHESIS = re.compile(r"[(（]([^()（）\n]{1,40})[)）]")
_SESSION_CODE = re.compile(r"[ \t]*[(（]([^()（）\n]{1,40})[)）]")
# An organ acronym (or "Council") glued by a lost space to a short lowercase word before it:
# "ofCouncil Resolution 1372", "theWTDC Resolution 17" (not "SecurityCouncil": a capital)
_GLUED_PREFIX = re.compile(
    r"(?<![A-Za-z])(?:of|ofthe|the|and|by|in|to|under|with|see)"
    r"(?P<organ>Council|WTSA|WTDC|WRC|PP|RA)[ \t]+\Z"
)
_GLUED_ORGANS = ("Council", "WTSA", "WTDC", "WRC", "PP", "RA")
# A Council session label before "/Res.": "C22/Res. 1411" (the 2022 session)
_SESSION_LABEL = re.compile(r"C[ \t]*(\d{2})/(?:Res|RES)\.")
_HYPHEN_BREAK = re.compile(r"-[ \t]*\n?[ \t]*")
_ABBREV_NEIGHBOUR_AFTER = re.compile(r"[ \t]*(?:,|;|and|et|y)[ \t]*[RD][ \t]+\d{3,4}\b")
_ABBREV_NEIGHBOUR_BEFORE = re.compile(r"\b[RD][ \t]+\d{3,4}[ \t]*(?:,|;|and|et|y)[ \t]*\Z")


def split_suffix(number: str, anchor_text: str) -> tuple[str, str | None]:
    """The number and the ITU-R version suffix of "Resolution ITU-R 1-8" or of a list member
    "23-2"; (number, None) when there is none.

    Example:
        >>> split_suffix("1", "Resolution ITU-R 1-8")
        ('1', '8')
        >>> split_suffix("23-2", "23-2")
        ('23', '2')
    """
    m = _SUFFIX.search(anchor_text)
    if m is None:
        return number.partition("-")[0], None
    return m.group(1), m.group(2)


def foreign_marks(text: str, start: int, end: int) -> bool:
    """Whether the text marks the mention ``text[start:end]`` as another organisation's.

    Example:
        >>> t = "recalling its resolutions 2 (I) and CM/Res. 470 (XXVI)"
        >>> foreign_marks(t, 14, 27), foreign_marks(t, 36, 48)
        (True, True)
        >>> foreign_marks("under Decision 5 COM XIV.42", 6, 16)
        True
        >>> foreign_marks("Resolution 71 (Rev. Busan, 2014)", 0, 13)
        False
    """
    if (
        start > 0
        and text[start - 1] == "/"
        and _PREFIX_BEFORE.search(text, max(0, start - 16), start)
    ):
        return True
    return _AFTER.match(text, end) is not None


def session_after_title(text: str, end: int) -> VersionParts | None:
    """The Council session parenthesis after a heading's title: "R 1336 Working group on
    Internet issues (C11)" -> 2011; "(C09, last amended C19)" -> 2019, revised; the title may
    hold a parenthesis of its own ("... (CWG-LANG) (C15)"). None without one.

    Example:
        >>> t = "第1081号决议 WorldTel (C-1995)理事会"
        >>> session_after_title(t, 8).year
        1995
        >>> session_after_title("Resolution 1213, the Council (C05)", 15) is None
        True
    """
    m = _SESSION_CODE.match(text, end)
    if m is not None:
        candidates = [m.group(1)]
    elif _TITLE_START.match(text, end):
        stop = _SENTENCE_END.search(text, end, min(len(text), end + 200))
        limit = stop.start() if stop else min(len(text), end + 200)
        candidates = [p.group(1) for p in _PARENTHESIS.finditer(text, end, limit)]
    else:
        return None
    for inner in candidates:
        version = parse_version(inner)
        if version.organ == _COUNCIL and version.year is not None:
            return version
    return None


def council_abbrev_in_context(text: str, start: int, end: int) -> bool:
    """Whether "R 1238" at ``text[start:end]`` is a Council compilation's abbreviation: a
    session code follows (right after it or after its title), or another "R nnnn"/"D nnn" of a
    list stands beside it.

    Example:
        >>> council_abbrev_in_context("R 1336 (C11) Groupe de travail du Conseil", 0, 6)
        True
        >>> council_abbrev_in_context("see R 1301, D 570 and R 1302", 4, 10)
        True
        >>> council_abbrev_in_context("costs R 1500 per unit", 6, 12)
        False
    """
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/"):
        return False  # "ITU-R 1238": a Sector, not the compilation's "R"
    return bool(
        session_after_title(text, end) is not None
        or _ABBREV_NEIGHBOUR_AFTER.match(text, end)
        or _ABBREV_NEIGHBOUR_BEFORE.search(text, max(0, start - 16), start)
    )


def sector_of(lex: OrganLexicon, text: str, a_start: int, atext: str, lookback: int) -> str | None:
    """The Sector of a Question/Recommendation: named in it, right after it, or before it.

    "ITU-D Question 3/2" names it; "Question 6/1 of ITU-D Study Group 1" names it just after;
    otherwise the nearest Sector mentioned in the preceding ``lookback`` characters ("ongoing
    work of Study Group 2 of ITU-D under Question 2/2") decides.

    Example:
        >>> from extract.citations.organs import load_organ_lexicon
        >>> t = "the work of ITU-D under Question 2/2"
        >>> sector_of(load_organ_lexicon(), t, 24, "Question 2/2", 200)
        'ITU-D'
    """
    named = lex.sector.search(atext)
    if named is not None:
        return f"ITU-{named[1]}"
    after = lex.of_sector.match(text, a_start + len(atext))
    if after is not None:
        return f"ITU-{after[1]}"
    left = text[max(0, a_start - lookback) : a_start]
    best: tuple[int, str] | None = None
    for sector, clues in lex.sector_clues.items():
        for clue in clues:
            k = left.rfind(clue)
            if k >= 0 and (best is None or k > best[0]):
                best = (k, sector)
    return best[1] if best else None


def glued_organ_prefix(text: str, start: int, lex: OrganLexicon) -> tuple[int, str] | None:
    """Where an organ prefix glued to the word before it starts, and its organ: "ofCouncil
    Resolution 1372" (a space lost in conversion) -> the surface starts at "Council" as it would
    after "of Council". Only short function words are looked past, so the end of a longer name
    ("SecurityCouncil") never counts.

    Example:
        >>> from extract.citations.organs import load_organ_lexicon
        >>> t = "in line ofCouncil Resolution 1372"
        >>> glued_organ_prefix(t, t.index("Resolution"), load_organ_lexicon())
        (10, 'Council')
        >>> t = "the SecurityCouncil resolution 338"
        >>> glued_organ_prefix(t, t.index("resolution"), load_organ_lexicon()) is None
        True
    """
    if not text[max(0, start - 12) : start].rstrip(" \t").endswith(_GLUED_ORGANS):
        return None  # most mentions: spares the regex search
    m = _GLUED_PREFIX.search(text, max(0, start - 24), start)
    if m is None:
        return None
    organ = lex.organ_of_name(m.group("organ"))
    return (m.start("organ"), organ) if organ else None


def rejoined(anchor_text: str) -> str:
    r"""The keyword hyphenated across a line ("Reso-\nlution 750"), joined and in lower case:
    the token pattern takes any head and tail a keyword may be cut into, and this word tells
    which keyword (if any) they make.

    Example:
        >>> rejoined("Reso-\nlution 750"), rejoined("Deci- sion 5"), rejoined("Re-\ntion 5")
        ('resolution', 'decision', 'retion')
    """
    return _HYPHEN_BREAK.sub("", anchor_text, count=1).split()[0].lower()


def session_label_version(anchor_text: str) -> VersionParts | None:
    """The Council session a label before "/Res." names: "C22/Res. 1411" -> 2022.

    Example:
        >>> session_label_version("C22/Res. 1411").year
        2022
    """
    m = _SESSION_LABEL.match(anchor_text)
    if m is None:
        return None
    return VersionParts(None, 2000 + int(m.group(1)), False, organ=_COUNCIL)
