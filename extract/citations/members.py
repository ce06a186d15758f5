"""The members of one mention: each number a plural mention or a Chinese list names.

Why apart from the component: "Resolutions 44 (Rev. Geneva, 2022) and 76 (Rev. Geneva, 2022)"
and "第70和175号决议（2018年，迪拜，修订版）" are each one mention that cites two resolutions.
Reading where each member starts and ends, and which version parenthesis and status marker it
carries, is character work on the text after the anchor the Matcher found; the component
(:mod:`extract.nlp.citation_component`) then decides the organ once for all members and makes the
spans.

A member is ``(start, end, number, version, status)``: offsets into the text read, the number
as written, the parsed parenthesis (:func:`extract.citations.parse.parse_version`) and a status
marker such as ``Rev``.

Example:
    >>> from extract.gazetteer import load_gazetteer
    >>> t = "Resolutions 70 and 175 (Rev. Dubai, 2018)"
    >>> [(t[s:e], n) for s, e, n, _, _ in coordinated_members(
    ...     t, 0, 14, "70", "resolution", load_gazetteer(), 8)]
    [('Resolutions 70', '70'), ('175 (Rev. Dubai, 2018)', '175')]
"""

from __future__ import annotations

import re

from extract.citations.parse import (
    VersionParts,
    find_bare_version,
    find_parenthesis,
    parse_version,
)
from extract.gazetteer import Gazetteer

__all__ = ["STATUS", "Member", "anchor_number", "coordinated_members", "zh_list_members"]

#: A status marker after a mention: "Resolution 2 [Rev]".
STATUS = re.compile(r"[ \t]*\[(Rev|NOC|New|Sup|MOD|SUP|REV)\]")
# ", 76", " and 76", "] and [76": another number of the same plural mention (not "..., 2 that",
# not "5.441B"); "and 23-2" in a list of ITU-R resolutions
# (Arabic "و" is glued to the next word or stands alone: "71 و140", "71 و 140")
_COORD_HEAD = (
    r"\]?[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|et|y|и|&)[ \t]+|[ \t]+و[ \t]*)\[?[ \t]*"
)
_COORD_TAIL = r"\b(?!\d|[./]\d)(?![ \t]*(?:that|to|per|percent|%|\)))"
_COORD = re.compile(_COORD_HEAD + r"(?P<lead>)(?P<num>\d{1,4})" + _COORD_TAIL)
# a member of an ITU-R list may repeat the prefix, where its surface starts: "Resolutions
# ITU-R 1-8 and ITU-R 2-9", "Resoluciones UIT-R 2-9 y UIT-R 4-8"
_COORD_SUFFIXED = re.compile(
    _COORD_HEAD
    + r"(?P<lead>(?:ITU|UIT|МСЭ)[-‑][ \t]?R[ \t]+)?(?P<num>\d{1,3}(?:-\d{1,2})?)"
    + _COORD_TAIL
)
# A revision word between the number and its version: "Resolution 88 rev", "Council Decision 482
# modified (C2008)" ("modified"/"amended" only before a parenthesis).
_REV_WORD = re.compile(r"[ \t]+(?:(?i:rev)\b\.?|(?:modified|amended|modifiée?)(?=[ \t]*[(（]))")
_COORD_Q = re.compile(  # "Questions 1/1, 2/1 and 3/2"
    r"[ \t]*(?:,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|et|y|и|&)[ \t]+)"
    r"(?P<lead>)(?P<num>\d{1,2}(?:-\d{1,2})?/\d{1,2})\b"
)
# the next number of a Chinese list, and the list's end:
# "第44[和76]号决议", "第5号[、第11]号[和第12]号决定"
_ZH_NEXT = re.compile(
    r"(?P<hao>[ \t]*号)?[ \t]*[和及与、，][ \t]*(?P<di>第[ \t]*)?(?P<num>\d{1,4})(?![\d./-])"
)
_ZH_END = re.compile(r"[ \t]*号[ \t]*(决议|决定)")
_TABS_SPACES = re.compile(r"[ \t]+")
_QUESTION_NO = re.compile(r"\d{1,2}(?:[ \t]*-[ \t]*\d{1,2})?/\d{1,2}")
_NUMBER = re.compile(r"\d{1,3}/\d{1,3}|\d{1,4}")  # "70/1" (UN session/number) or "1353"
_REC_NO = re.compile(r"[A-Z]{1,3}\.\d+(?:\.\d+)*")  # "E.161.1", "M.2083"

#: (start, end, number, version, status marker) of one member.
Member = tuple[int, int, str, VersionParts | None, str | None]


def anchor_number(kind: str, anchor_text: str, last_token: str) -> str:
    """The number an anchor names: "14-3/2" of "Question 14 - 3/2", "1353" of "Resolution
    1353", "70/1" of a UN resolution; else its last token ("E.161.1").

    Example:
        >>> anchor_number("question", "Question 14 - 3/2", "3/2")
        '14-3/2'
    """
    if kind == "question":
        m = _QUESTION_NO.search(anchor_text)
        return _TABS_SPACES.sub("", m.group(0)) if m else last_token
    if kind == "recommendation":  # "E.161.1"; "ITU-R M.2083建议书" ends in a Chinese word
        m = _REC_NO.search(anchor_text)
        return m.group(0) if m else last_token
    m = _NUMBER.search(anchor_text)
    return m.group(0) if m else last_token


def coordinated_members(
    text: str,
    start: int,
    end: int,
    number: str,
    kind: str,
    gaz: Gazetteer,
    max_members: int,
    suffixed: bool = False,
    bare: bool = True,
) -> list[Member]:
    """The mention ``text[start:end]`` and the numbers coordinated after it (at most
    ``max_members`` in all; 1 for a singular mention), each with its own version parenthesis
    (or unbracketed version, "Resolution 130, Rev. Dubai 2018"), revision word ("88 rev") and
    status marker ("Resolutions 44 (...) and 76 (...)"). ``suffixed``: the numbers may carry
    an ITU-R version suffix ("Resolutions ITU-R 22-3 and 23-2"); ``bare``: an unbracketed
    version or a revision word counts (not for a form read only with its parenthesis)."""
    members: list[Member] = []
    coord_re = _COORD_Q if kind == "question" else _COORD_SUFFIXED if suffixed else _COORD
    versioned = kind in ("resolution", "decision", "recommendation")
    bare = bare and versioned
    while True:
        version, status = None, None
        rev = _REV_WORD.match(text, end) if bare else None
        if rev is not None:
            end, status = rev.end(), "Rev"
        paren = find_parenthesis(text, end, gaz) if versioned else None
        unbracketed = find_bare_version(text, end, gaz) if bare and paren is None else None
        if paren is not None:
            version = parse_version(paren[2], gaz)
            end = paren[1]
        elif unbracketed is not None:
            version = parse_version(unbracketed[1], gaz)
            end = unbracketed[0]
        status_m = STATUS.match(text, end)
        if status_m is not None:
            status = status_m.group(1)
        members.append((start, end, number, version, status))
        if len(members) >= max_members:
            break
        coord = coord_re.match(text, end)
        if coord is None:
            break
        start = coord.start("lead") if coord.group("lead") else coord.start("num")
        end, number = coord.end("num"), coord.group("num")
    return members


def zh_list_members(
    text: str,
    start: int,
    end: int,
    number: str,
    kinds: dict[str, str],
    gaz: Gazetteer,
    max_members: int,
) -> tuple[str, list[Member]]:
    """The kind and the numbers of a Chinese list opened by ``text[start:end]`` ("第70").

    "第70和175号决议（2018年，迪拜）", "第5号、第11号和第12号决定": one member per number; none
    when the list does not end in 号 + a word of ``kinds`` (决议: resolution, 决定: decision).
    Each member spans its own 第 (if any), number and 号; the last one also 号 + the word and
    the version parenthesis, which the others share, as in English.

    Example:
        >>> from extract.gazetteer import load_gazetteer
        >>> t = "第70和175号决议（2018年，迪拜）"
        >>> kind, ms = zh_list_members(t, 0, 3, "70", {"决议": "resolution"}, load_gazetteer(), 8)
        >>> kind, [(t[s:e], n) for s, e, n, _, _ in ms]
        ('resolution', [('第70', '70'), ('175号决议（2018年，迪拜）', '175')])
    """
    spans = [(start, end, number)]
    while len(spans) < max_members:
        m = _ZH_NEXT.match(text, spans[-1][1])
        if m is None:
            break
        if m.group("hao"):  # the previous number's own 号: "第5号、第11号"
            s0, _, n0 = spans[-1]
            spans[-1] = (s0, m.end("hao"), n0)
        spans.append((m.start("di") if m.group("di") else m.start("num"), m.end(), m["num"]))
    tail = _ZH_END.match(text, spans[-1][1])
    if len(spans) < 2 or tail is None or tail.group(1) not in kinds:
        return "", []
    s_last, _, n_last = spans[-1]
    end = tail.end()
    version = None
    paren = find_parenthesis(text, end, gaz)
    if paren is not None:
        version = parse_version(paren[2], gaz)
        end = paren[1]
    status_m = STATUS.match(text, end)
    members: list[Member] = [(s, e, n, None, None) for s, e, n in spans[:-1]]
    members.append((s_last, end, n_last, version, status_m.group(1) if status_m else None))
    return kinds[tail.group(1)], members
