"""Whose text is it: the organ that speaks in a resolution, read from its enacting formula.

Why: "Invites Member States", "Requests the Secretary-General", "поручает Генеральному
секретарю" are as much a UN, UNESCO, WHO, APT or CGPM resolution's operative verbs as ITU's,
and those texts often name ITU (they welcome its work, cite its resolutions). What decides is the
organ that adopts the text, which resolutions name on a line of their own before the preamble
(the enacting formula): "The World Radiocommunication Conference (Dubai, 2023)," or "The General
Assembly,". The formula patterns and the nouns organs are called by are data
(``patterns/hosts.jsonl``); which organs are ITU's comes from the gazetteer, the one source of
organ names.
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from extract.citations.organs import load_organ_lexicon
from extract.gazetteer import load_gazetteer

__all__ = ["Formula", "enacting_formulas", "is_itu_organ", "speaker_at"]

_FILE = Path(__file__).parent / "patterns" / "hosts.jsonl"
_DETERMINER = re.compile(r"^(?:the|this|la|le|les|l['’]\s*|el|los|las|إن)\s*", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*[（(][^（）()]*[）)]")


@dataclass(frozen=True)
class Formula:
    """An enacting formula: where it stands, the organ it names, and whether that is ITU's."""

    start: int
    end: int
    organ: str
    itu: bool


@dataclass(frozen=True)
class _Table:
    formulas: tuple[tuple[str, re.Pattern[str]], ...]  # (language, pattern)
    nouns: re.Pattern[str]
    itu_name: re.Pattern[str]
    #: ITU organ names of several words, lower case: "plenipotentiary conference", ...
    long_names: tuple[str, ...]
    #: ITU organ names of one word ("Council", "Conseil", "理事会"): the whole phrase must be it
    short_names: frozenset[str]


@cache
def _table() -> _Table:
    formulas: list[tuple[str, re.Pattern[str]]] = []
    nouns: list[str] = []
    itu_names: list[str] = []
    for n, line in enumerate(_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not row["example"] or not row["label"]:
                raise KeyError("label/example")
            if row["kind"] == "formula":
                formulas.append((row["lang"], re.compile(row["pattern"], re.MULTILINE)))
            elif row["kind"] == "organ_noun":
                nouns.append(row["pattern"])
            elif row["kind"] == "itu_name":
                itu_names.append(row["pattern"])
            else:
                raise KeyError(f"kind {row['kind']!r}")
        except (KeyError, json.JSONDecodeError, re.error) as exc:
            raise ValueError(f"patterns/hosts.jsonl line {n}: bad entry ({exc})") from exc
    others = set(load_organ_lexicon().non_itu_organs)
    names = [
        n.lower()
        for organ, spellings in load_gazetteer().organ_names().items()
        if organ not in others
        for n in spellings
    ]
    # one word, or one CJK word of a few characters ("理事会"): the whole phrase must be it
    short = frozenset(n for n in names if " " not in n and not (_is_cjk(n) and len(n) >= 4))
    long = tuple(sorted(set(names) - short, key=len, reverse=True))
    joined = re.compile("|".join(f"(?:{p})" for p in nouns), re.IGNORECASE)
    itu = re.compile("|".join(f"(?:{p})" for p in itu_names) or r"(?!)")
    return _Table(tuple(formulas), joined, itu, long, short)


def _is_cjk(name: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in name)


def is_itu_organ(phrase: str) -> bool:
    """Whether an organ phrase names one of ITU's organs.

    Example:
        >>> is_itu_organ("The World Radiocommunication Conference (Dubai, 2023)")
        True
        >>> is_itu_organ("The Council"), is_itu_organ("The General Assembly")
        (True, False)
    """
    table = _table()
    if table.itu_name.search(phrase):
        return True  # "The ITU Radiocommunication Assembly", "国际电联理事会"
    low = _PARENTHESIS.sub("", phrase).strip().lower()
    if any(name in low for name in table.long_names):
        return True
    return _DETERMINER.sub("", low).strip() in table.short_names


_LINE_ENDS = (",\n", "，\n", "،\n", ",\r\n", ", \n")
_OTHER_OPENERS = " \t"  # a line may open with blanks before its first word
_MAX_LINE = 240


def enacting_formulas(
    text: str,
    langs: frozenset[str] | None = None,
    spans: Sequence[tuple[int, int]] | None = None,
) -> tuple[Formula, ...]:
    """The enacting formulas of ``text`` (in languages ``langs``; None: all) in text order.

    Only lines that end with a comma and begin with a capital letter (or a CJK or Arabic
    character) can be one, so only those are read, found with plain string search; ``spans``
    limits the search to where formulas stand (between a resolution's heading and its first
    section), since the formulas are looked for in every document that has a head.

    Example:
        >>> [(f.organ, f.itu) for f in enacting_formulas("Title\\nThe General Conference,\\n\\n"
        ...     "Recalling its decisions,\\n1. Invites Member States to act")]
        [('The General Conference', False)]
    """
    table = _table()
    patterns = [rx for lang, rx in table.formulas if langs is None or lang in langs]
    starts: set[int] = set()
    find, rfind = text.find, text.rfind
    for lo, hi in spans if spans is not None else [(0, len(text))]:
        for end in _LINE_ENDS:
            k = find(end, lo, hi)
            while k >= 0:
                ls = rfind("\n", max(0, k - _MAX_LINE), k) + 1
                first = text[ls]
                opens = first.isupper() or first in _OTHER_OPENERS or not first.isascii()
                if opens and (ls > 0 or k < _MAX_LINE) and _may_open(text, ls, k):
                    starts.add(ls)
                k = find(end, k + 1, hi)
    found: list[Formula] = []
    for ls in sorted(starts):
        for rx in patterns:
            m = rx.match(text, ls)
            if m is None:
                continue
            organ = m.group("organ").strip()
            if table.nouns.search(organ):
                found.append(Formula(m.start(), m.end(), organ, is_itu_organ(organ)))
                break
    return tuple(found)


def _may_open(text: str, ls: int, end: int) -> bool:
    """Whether the line ``text[ls:end]`` begins as a formula can: a capital letter, or a
    character of a script without case (CJK, Arabic), after blanks."""
    while ls < end and text[ls] in " \t":
        ls += 1
    if ls >= end:
        return False
    first = text[ls]
    return first.isupper() or "\u4e00" <= first <= "\u9fff" or "\u0600" <= first <= "\u06ff"


def speaker_at(formulas: tuple[Formula, ...], offset: int) -> Formula | None:
    """The formula whose organ speaks at ``offset``: the last one before it."""
    k = bisect.bisect_right(formulas, offset, key=lambda f: f.start)
    return formulas[k - 1] if k else None
