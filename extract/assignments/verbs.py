"""The compiled tables of the clause-head finder and its verb pre-scan.

Why apart from :mod:`extract.assignments.heads`: compiling a language's patterns (verbs,
collaborator phrases, item labels, boundaries) and finding the verbs in a text are the part of
the head finder that reads every character, so it is where the speed budget goes; the reading
of what follows a verb (addressees, collaborators, items) is the other module's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import overload

from extract.assignments.table import (
    LOOSE_ACCENT_LANGUAGES,
    PatternEntry,
    loose_accents,
    loose_diacritics,
)
from extract.nlp.literals import LiteralFinder
from extract.nlp.regex_first import first_char_lookahead

__all__ = [
    "CompiledVerbs",
    "compile_verbs",
    "lead",
    "prescan_matches",
    "skipping",
    "starts_line",
    "verb_matches",
]

_LINE_REACH = 200  # how far back a verb's line start is looked for


@dataclass(frozen=True)
class CompiledVerbs:
    """A language's assignment patterns, compiled once (see :func:`compile_verbs`)."""

    prescan: re.Pattern[str] | None
    anchors: tuple[tuple[str, int], ...]
    anchor_finder: LiteralFinder
    verbs: re.Pattern[str]
    by_group: dict[str, PatternEntry]
    collab: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str], ...]
    boundary: re.Pattern[str] | None
    item_label: re.Pattern[str] | None
    item_end: re.Pattern[str] | None
    second: re.Pattern[str] | None
    second_end: re.Pattern[str] | None
    lang: str
    #: words between a clause's start and its verb that do not change what the verb is
    #: ("It also", "finally", "亦"), stripped before the lead is classified
    discourse: re.Pattern[str] | None = None
    #: (label, pattern ending at the verb): what stands before a verb mid-line (see :func:`lead`)
    leads: tuple[tuple[str, re.Pattern[str]], ...] = ()
    #: what follows an addressee when the "head" is a reference to a clause ("... below")
    reference: re.Pattern[str] | None = None
    #: "and authorizes" after a verb: a second verb of the same head
    verb_tail: re.Pattern[str] | None = None
    #: an item number between a verb and its addressee in running text ("invites 1 the ...")
    inline_item: re.Pattern[str] | None = None
    #: a preposition right before a passive's actor: the actor is no subject ("report of the")
    subject_blocker: re.Pattern[str] | None = None
    #: another organisation's name right before a passive's actor ("CEPT administrations")
    owner: re.Pattern[str] | None = None
    #: an article a conversion glued to the verb ("instructsthe Director")
    glued: re.Pattern[str] | None = None


@cache
def compile_verbs(patterns: tuple[PatternEntry, ...], lang: str) -> CompiledVerbs:
    verbs = [p for p in patterns if p.kind == "verb"]
    if not verbs:
        raise ValueError(f"no assignment verb patterns for language {lang!r}")
    # whole words in the Latin-script languages; Chinese has no word boundaries
    glued = [p.pattern for p in patterns if p.kind == "glued_object"]
    left, right = ("", "") if lang == "zh" else (r"(?<![\w-])", r"(?![\w-])")
    if lang == "ar":  # "ويُطلب": the conjunction is written on the verb
        left = r"(?:(?<![\w-])|(?<=(?<![\w-])[وف]))"
    if glued and right:  # "instructsthe Director": the verb ends where the article begins
        right = f"(?:{right}|(?={'|'.join(glued)}))"
    groups = {f"v{i}": p for i, p in enumerate(verbs)}
    # accents optional where conversions lose them; not in the prescan, which its anchors
    # must keep finding exactly (Arabic diacritics: everywhere, its prescan has no anchors)
    loose = loose_accents if lang in LOOSE_ACCENT_LANGUAGES else (lambda p: p)
    loose = loose_diacritics if lang == "ar" else loose
    alt = "|".join(f"(?P<{g}>{left}(?:{loose(p.pattern)}){right})" for g, p in groups.items())

    def one(kind: str, flags: int = re.MULTILINE) -> re.Pattern[str] | None:
        pats = [
            p.pattern if kind == "prescan" and lang != "ar" else loose(p.pattern)
            for p in patterns
            if p.kind == kind
        ]
        return re.compile("|".join(f"(?:{p})" for p in pats), flags) if pats else None

    collab = tuple(
        (
            re.compile(loose(p.pattern), re.IGNORECASE),
            re.compile(loose(p.close)) if p.close else None,
            p.id,
        )
        for p in patterns
        if p.kind == "collaborator"
    )
    prescans = [p for p in patterns if p.kind == "prescan"]
    anchored = bool(prescans) and all(p.anchors for p in prescans)
    anchors = tuple(a for p in prescans for a in p.anchors) if anchored else ()
    return CompiledVerbs(
        prescan=one("prescan", 0),
        anchors=anchors,
        anchor_finder=LiteralFinder(literal for literal, _reach in anchors),
        verbs=re.compile(alt, re.IGNORECASE),
        by_group=groups,
        collab=collab,
        boundary=one("boundary"),
        item_label=one("item_label"),
        item_end=one("item_end"),
        second=skipping(one("second_object", 0)),
        second_end=one("second_object_end", 0),
        lang=lang,
        discourse=skipping(_ending(one("discourse", 0))),
        leads=tuple(
            (p.label or p.id, skipping(_anchored_end(re.compile(p.pattern, re.MULTILINE))))
            for p in patterns
            if p.kind == "lead"
        ),
        reference=one("reference", 0),
        verb_tail=one("verb_tail", re.IGNORECASE),
        inline_item=one("inline_item", 0),
        subject_blocker=_ending(one("subject_blocker", re.IGNORECASE)),
        owner=_ending(one("owner", 0)),
        glued=one("glued_object", 0),
    )


def _ending(rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """``rx`` anchored to end where the searched stretch ends (blanks before the end allowed)."""
    return None if rx is None else _anchored_end(rx)


def _anchored_end(rx: re.Pattern[str]) -> re.Pattern[str]:
    return re.compile(f"(?:{rx.pattern})[^\\S\\n]*\\Z", rx.flags)


@overload
def skipping(rx: re.Pattern[str]) -> re.Pattern[str]: ...


@overload
def skipping(rx: None) -> None: ...


def skipping(rx: re.Pattern[str] | None) -> re.Pattern[str] | None:
    """``rx`` led by a look-ahead of the characters its matches begin with, when they are known
    (:func:`~extract.nlp.regex_first.first_char_lookahead`; else ``rx`` itself).

    Why: a pattern searched along a line or a clause ("and" after an addressee, the words that
    end before a verb) that opens with an optional group or ``\\b`` is tried at every character;
    led by a character class, the engine skips in C to the few places where a match can start
    (two to three times faster). Every match consumes one of those characters first, so the
    matches are the same.

    Example:
        >>> skipping(re.compile(r"(?:, )?and|or")).pattern
        '(?=[,ao])(?:(?:, )?and|or)'
    """
    if rx is None:
        return None
    ahead = first_char_lookahead(rx.pattern, rx.flags)
    if not ahead:
        return rx
    try:
        return re.compile(f"{ahead}(?:{rx.pattern})", rx.flags)
    except re.error:  # a global inline flag the group would no longer start with
        return rx


_LEAD_REACH = 160
_LEAD_WORDS = 60  # characters before a verb that its lead patterns read


def lead(text: str, pos: int, comp: CompiledVerbs) -> str:
    """What stands before the verb at ``pos``: how a head that does not start a line is read.

    ``line`` when only blanks, an item label ("1)", "b)") or discourse words ("It also") stand
    between the line start and the verb; else the label of the first ``lead`` row whose pattern
    ends right before the verb (``boundary`` after a comma or semicolon, ``quote`` after an
    opening quote, ``document`` after "The Resolution", ``organ`` after "WRC-03"); else
    ``word``: the verb continues a sentence ("regarding invites the Secretary-General below").
    """
    lo = max(0, pos - _LEAD_REACH)
    nl = text.rfind("\n", lo, pos)
    # cut mid-line: a sentinel keeps "^" in the patterns from reading the cut as a line start
    before = text[nl + 1 : pos] if nl >= 0 else ("" if lo == 0 else "\x00") + text[lo:pos]
    if comp.discourse is not None:
        while (m := comp.discourse.search(before)) is not None and m.start() < len(before):
            before = before[: m.start()]
    if not before.strip() and (nl >= 0 or lo == 0):
        return "line"
    # the words right before the verb decide; reading further back only costs time
    near = before if len(before) <= _LEAD_WORDS else "\x00" + before[-_LEAD_WORDS:]
    for label, rx in comp.leads:
        if rx.search(near):
            at_line = (nl >= 0 or lo == 0) and _only_item(near, rx)
            return "line" if label == "item" and at_line else label
    return "word"


def _only_item(before: str, rx: re.Pattern[str]) -> bool:
    m = rx.search(before)
    return m is not None and not before[: m.start()].strip()


def starts_line(text: str, pos: int) -> bool:
    """Whether only spaces or tabs stand between the line start and ``pos`` (the line start
    found within ``_LINE_REACH`` characters, or the text start)."""
    lo = max(0, pos - _LINE_REACH)
    nl = text.rfind("\n", lo, pos)
    if nl < 0 and lo > 0:
        return False
    return not text[nl + 1 : pos].strip()


def verb_matches(text: str, comp: CompiledVerbs) -> list[re.Match[str]]:
    """Verb matches, left to right, not overlapping.

    Why two steps: the full verb alternation (with passives and lookbehinds) runs at about
    1 MB/s over running text; the prescan of the anchor words (:func:`_prescan_matches`) is far
    cheaper, and the full patterns are only tried where it hits.
    """
    if comp.prescan is None:
        return list(comp.verbs.finditer(text))
    out: list[re.Match[str]] = []
    last = 0
    for pm in prescan_matches(text, comp):
        if pm.start() < last:
            continue
        m = comp.verbs.match(text, pm.start())
        if m is not None:
            out.append(m)
            last = m.end()
    return out


_WORD_START = re.compile(r"(?<!\w)\w")


def prescan_matches(text: str, comp: CompiledVerbs) -> list[re.Match[str]]:
    """What ``comp.prescan.finditer(text)`` yields, found from its anchors when it has some.

    Why: one regex over running text runs at ~50 MB/s here, while all the anchor literals are
    found in one pass (:class:`~extract.nlp.literals.LiteralFinder`). Every prescan match contains
    an anchor literal and starts at most its ``reach`` characters before it, at a word start;
    so the regex is only tried at the word starts of those few stretches, in text order,
    resuming after each match as ``finditer`` does.
    ``tests/extract/assignments/test_assignments.py`` checks both ways agree.
    """
    assert comp.prescan is not None
    if not comp.anchors:
        return list(comp.prescan.finditer(text))
    starts: set[int] = set()
    for index, k in comp.anchor_finder.find(text):
        reach = comp.anchors[index][1]
        if reach <= 1:  # the word starts at the anchor or just before it
            starts.update((k - 1, k) if k else (k,))
        else:
            starts.update(m.start() for m in _WORD_START.finditer(text, max(0, k - reach), k + 1))
    out: list[re.Match[str]] = []
    resume = 0
    for pos in sorted(starts):
        if pos < resume:
            continue
        m = comp.prescan.match(text, pos)
        if m is not None:
            out.append(m)
            resume = m.end()
    return out
