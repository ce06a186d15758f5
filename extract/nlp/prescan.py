"""Fast pre-scan: the few character windows of a text where a citation can be.

Why: spaCy tokenizes well under 1 MB/s once a document object is built for every character,
while a few literals are all found in one pass at hundreds of MB/s. Every citation pattern
declares ``keywords`` (the exact spellings its anchor starts with: "Resolution", "第"), a
``trigger`` (a regex checked where a keyword is found: "Resolution" followed by a digit) and a
``window`` (characters a match may start before the trigger — an organ prefix such as "WTDC " —
and at most after it).
A cheap scan of what follows the trigger (number, version parenthesis, status marker,
coordinated numbers) bounds each window on the right, so spaCy tokenizes a few percent of the
text. What lies around a window (the organ phrase after a mention, the Sector named before a
Question) is not tokenized: it travels with the window doc as context (``Doc._.itu_context``).
Nothing a pattern can match is lost: a pattern cannot match without its trigger, and the right
bound over-approximates the surface.

Example:
    >>> text = "x " * 100 + "see Resolution 30 (Rev. Busan, 2014) of the Council. " + "y " * 200
    >>> [("Resolution 30 (Rev. Busan, 2014)" in text[w.start : w.end], w.end - w.start)
    ...  for w in candidate_windows(text)]
    [(True, 45)]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extract.citations.parts import load_patterns
from extract.fast_init import fast_frozen_init
from extract.nlp.literals import LiteralFinder
from extract.text.cjk import CJK_CHAR

__all__ = ["Trigger", "Window", "candidate_windows", "compile_triggers"]

# What may follow a trigger and still belong to the mention (an over-approximation).
# A word of a mention: Latin, Cyrillic ("МСЭ-R") or Arabic letters, digits, ". / - \"".
_CHARS = '[0-9A-Za-z\u0400-\u04ff\u0600-\u06ff./\\-"]'
_WORD = re.compile(r"[ \t\n]*" + _CHARS + r"+(?:号(?:决议|决定|课题))?")
_CORE = re.compile(r"(?:[ \t\n]*" + _CHARS + r"+){1,2}(?:号(?:决议|决定|课题))?")
# a version parenthesis, or one the text ends in before it closes ("(Rev. Dubai, 2018" at the
# end of a cut page), after an optional revision word ("88 rev", "482 modified (C2008)")
_PAREN = re.compile(
    r"(?:[ \t]+(?i:rev\b\.?|modified|amended))?"
    r"(?:[ \t]*(?:\n[ \t]*)?[(（][^()（）]{0,100}[)）]|[ \t]*[(（][^()（）\n]{0,60}\s*\Z)"
    r"|[ \t]+(?i:rev)\b\.?"  # "Resolution 88 rev" without a parenthesis
)
# an unbracketed version: "Resolution 130, Rev. Dubai 2018"
_BARE = re.compile(r",?[ \t]+(?:(?i:rev)\.?[ \t]*)?[A-Z][A-Za-z\- ]{1,24},?[ \t]*(?:19|20)\d\d")
_STATUS = re.compile(r"[ \t]*\[[A-Za-z]{2,4}\]")
_COORD = re.compile(
    r"\]?[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|et|y|и|&)[ \t]+|[ \t]+و[ \t]*)\[?[ \t]*"
    r"(?:(?:ITU|UIT|МСЭ)[-‑][ \t]?R[ \t]+)?\d{1,4}"
    # Chinese lists: "第44和76号决议", "第5号、第11号和第12号决定"
    r"|[ \t]*号?[ \t]*[和及与、，][ \t]*(?:第[ \t]*)?\d{1,4}(?:[ \t]*号(?:[ \t]*决[议定])?)?"
)
_TAIL = 2  # a closing character
_DIGIT = re.compile(r"\d")
_MAX_GROUP = 8
_WS = re.compile(r"\s")
_ANCHOR_REACH = 16  # an anchor ends within this many characters after its trigger
_BLANKS = re.compile(r"[ \t\n]*")
Checks = tuple[tuple[re.Pattern[str], int, int, frozenset[str]], ...]
Zone = tuple[int, int, frozenset[str]]


@fast_frozen_init
@dataclass(frozen=True)
class Window:
    """A span ``[start, end)`` of the text worth running the pipeline on.

    ``zones`` are the (start, end, pattern ids) text ranges around each trigger where an anchor
    can lie, with the ids of the patterns whose trigger it is (only those can match there).
    """

    start: int
    end: int
    zones: tuple[Zone, ...] = ()


@dataclass(frozen=True)
class Trigger:
    """Keyword spellings, each with its (trigger regex, left margin, max right) checks.

    Why literals and not one regex: an alternation of words with many different first letters
    defeats ``re``'s fast scan (about 7 MB/s here), while literal spellings are all found in
    one pass of :class:`~extract.nlp.literals.LiteralFinder`.
    """

    probes: tuple[tuple[str, dict[str, Checks]], ...]
    suffix: re.Pattern[str] | None = None
    finder: LiteralFinder | None = None

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """(probe index, offset) of every probe spelling in ``text``, probe by probe."""
        finder = self.finder or LiteralFinder(tail for tail, _ in self.probes)
        return finder.find(text)


def compile_triggers(patterns: list[dict[str, Any]]) -> Trigger:
    """Compile the keywords and triggers of the patterns into one :class:`Trigger`.

    Raises:
        ValueError: naming the pattern whose keywords or trigger are missing or invalid.

    Example:
        >>> t = compile_triggers([{"id": "r", "keywords": ["Resolution"],
        ...                        "trigger": "Resolution(?= [0-9])", "window": [10, 60]}])
        >>> [tail for tail, _ in t.probes]
        ['esolution']
    """
    groups: dict[str, dict[str, tuple[int, int, frozenset[str]]]] = {}
    for p in patterns:
        trig, words = p.get("trigger"), p.get("keywords")
        if not trig or not words:
            raise ValueError(f"citation pattern {p.get('id')!r} needs 'keywords' and 'trigger'")
        try:
            re.compile(trig)
        except re.error as exc:
            raise ValueError(f"citation pattern {p['id']!r}: bad trigger regex: {exc}") from exc
        left, right = p.get("window", (12, 170))
        for w in words:
            per = groups.setdefault(w, {})
            old = per.get(trig, (0, 0, frozenset()))
            ids = old[2] | {str(p.get("id"))}
            per[trig] = (max(old[0], int(left)), max(old[1], int(right)), ids)
    # "Resolution" and "resolution" are found with one scan for "esolution" and a look at the
    # character before it; one-character keywords ("第") are scanned as they are
    probes: dict[str, dict[str, Checks]] = {}
    for w, per in groups.items():
        checks = tuple((re.compile(t), lr[0], lr[1], lr[2]) for t, lr in per.items())
        tail, head = (w[1:], w[0]) if len(w) >= 6 else (w, "")
        probes.setdefault(tail, {})[head] = checks
    # words a mention may end with ("resolves 4 of this resolution", "instructs 2 above")
    suffixes = sorted(
        {x for p in patterns for x in p.get("internal", {}).get("suffixes", [])}, key=len
    )[::-1]
    alts = "|".join(re.escape(x).replace(r"\ ", r"[ \t\n]+") for x in suffixes)
    suffix = re.compile(rf"(?:[ \t]+|(?=,))(?:{alts})\b") if suffixes else None
    return Trigger(tuple(probes.items()), suffix, LiteralFinder(probes))


@cache
def _default_trigger(path: str | None) -> Trigger:
    return compile_triggers(load_patterns(path))


def mention_end(text: str, pos: int, suffix: re.Pattern[str] | None = None) -> int:
    """Over-approximate where a mention whose trigger ends at ``pos`` can end.

    Example:
        >>> t = "Resolutions 44 (Rev. Geneva, 2022) and 76 (Rev. Geneva, 2022); next"
        >>> t[: mention_end(t, 11)]
        'Resolutions 44 (Rev. Geneva, 2022) and 76 (Rev. Geneva, 2022); '
    """
    ends = [pos]
    # up to the number: "Resolution 5", "Recommendation ITU-T E.161.1", "Resolution ITU R 1-6"
    for _ in range(3):
        m = _WORD.match(text, ends[-1])
        if m is None:
            break
        ends.append(m.end())
        if _DIGIT.search(text, m.start(), m.end()):  # the word has a digit
            break
    if suffix is not None:  # "resolves 4 of this resolution"
        for end in ends:
            m = suffix.match(text, end)
            if m is not None:
                ends.append(m.end())
                break
    # versions and coordinated numbers follow the number: the last word read
    versions = _versions_end(text, ends[-1]) if len(ends) > 1 else pos
    return min(len(text), max(*ends, versions) + _TAIL)


def _versions_end(text: str, pos: int) -> int:
    """End of the parentheses, status markers and coordinated numbers starting at ``pos``."""
    for _ in range(_MAX_GROUP):
        m = _PAREN.match(text, pos) or _BARE.match(text, pos)
        if m:
            pos = m.end()
        m = _STATUS.match(text, pos)
        if m:
            pos = m.end()
        m = _COORD.match(text, pos)
        if m is None:
            break
        pos = m.end()
        m = _CORE.match(text, pos)
        if m:
            pos = m.end()
    return pos


def _snap_left(text: str, pos: int) -> int:
    """Move a window start left to just after a whitespace so no token is cut.

    A start right after a CJK character is a token boundary already (the tokenizer cuts every
    CJK character apart); elsewhere a word glued to the keyword ("theRésolution") is looked
    back past, so the window sees the token the whole text would.
    """
    if pos <= 0:
        return 0
    lo = max(0, pos - 40)
    k = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos))
    if k >= 0:
        return k + 1
    if CJK_CHAR.match(text, pos - 1):
        return pos
    return max(text.rfind(" ", 0, lo), text.rfind("\n", 0, lo)) + 1


def _snap_right(text: str, pos: int) -> int:
    """Move a window end right to a whitespace so no token is cut."""
    if pos >= len(text):
        return len(text)
    m = _WS.search(text, pos, min(len(text), pos + 40))
    return m.start() if m else pos


def candidate_windows(
    text: str, trigger: Trigger | None = None, patterns_path: str | Path | None = None
) -> list[Window]:
    """Merged windows around every trigger, in text order.

    Args:
        text: the (normalized) text to scan.
        trigger: compiled triggers (default: those of the packaged patterns).
        patterns_path: a patterns file to take the triggers from instead.

    Returns:
        Non-overlapping windows sorted by start, snapped to whitespace.

    Example:
        >>> text = "noting Resolution 1353 of the Council and Question 3/2"
        >>> [text[w.start : w.end] for w in candidate_windows(text)]
        ['noting Resolution 1353 of', 'Council and Question 3/2']
    """
    trig = trigger or _default_trigger(str(patterns_path) if patterns_path else None)
    spans: list[tuple[int, int, int, frozenset[str]]] = []
    for probe, found in trig.occurrences(text):
        heads = trig.probes[probe][1]
        if "" in heads:
            pos, checks = found, heads[""]
        else:
            pos = found - 1
            checks = heads.get(text[pos], ()) if pos >= 0 else ()
        for regex, left, right, ids in checks:
            hit = regex.match(text, pos)
            if hit is not None:
                end = min(mention_end(text, hit.end(), trig.suffix), pos + right)
                spans.append((max(0, pos - left), max(end, hit.end()), hit.end(), ids))
    spans.sort(key=lambda x: x[:3])
    merged: list[tuple[int, list[int], list[Zone]]] = []  # start, [end], zones
    for s, e, hit_end, ids in spans:
        # blanks between the keyword and its number do not count against the anchor's reach
        blanks = _BLANKS.match(text, hit_end)  # always matches (possibly empty)
        zone = (s, (blanks.end() if blanks else hit_end) + _ANCHOR_REACH, ids)
        s, e = _snap_left(text, s), _snap_right(text, e)
        if merged and s <= merged[-1][1][0]:
            _, last_end, zones = merged[-1]
            last_end[0] = max(last_end[0], e)
            zones.append(zone)
        else:
            merged.append((s, [e], [zone]))
    return [Window(s, end[0], tuple(zones)) for s, end, zones in merged]
