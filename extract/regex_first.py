"""The characters a regex match can start with, read from the parsed pattern.

Why: the actor grammar tries a large case-insensitive alternation (every actor phrase) at each
place a clause may name an addressee, and most places start with a letter no actor phrase
starts with ("to", "that", "a)"). ``re`` has no first-character test for ``match``, so each
failing attempt tries every branch. Knowing the possible first characters lets a caller
reject those places with one set lookup. The analysis reads ``re``'s parser output; any
construct it does not know (a negated class, ``.``, a backreference) makes it answer None,
"cannot tell", and the caller keeps trying the regex everywhere.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["ascii_first_chars", "first_chars"]

try:  # the parser of the re module (sre_parse before Python 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - other Pythons: no prefilter
    _c = _p = None  # type: ignore[assignment]

_RANGE_LIMIT = 4096  # larger character ranges are not enumerated


class _Unknown(Exception):
    pass


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Characters a match of ``pattern`` can start with, as written in the pattern (case
    variants are not added), or None if that is not known (including when the pattern can
    match the empty string).

    Example:
        >>> sorted(first_chars(r"(?:the\\s+)?(?:TSB|Council\\b)|Study\\s+Group"))
        ['C', 'S', 'T', 't']
        >>> first_chars(r"[^a]x") is None, first_chars(r"a?") is None
        (True, True)
    """
    if _p is None:
        return None
    try:
        parsed = _p.parse(pattern, flags)
        chars, nullable = _seq(list(parsed))
    except (_Unknown, Exception):
        return None
    if nullable:
        return None
    return frozenset(chars)


def ascii_first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The ASCII characters a match can start with, whatever the case flags (a superset).

    A text position holding an ASCII character outside this set cannot start a match; a
    non-ASCII character tells nothing (case folding maps "ſ" to "s", "K" to "k").

    Example:
        >>> "".join(sorted(ascii_first_chars(r"(?i:the|TSB)|Council")))
        'CTct'
    """
    chars = first_chars(pattern, flags)
    if chars is None:
        return None
    out: set[str] = set()
    for ch in chars:
        if ch.isascii():
            out.update((ch, ch.lower(), ch.upper()))
        else:  # a non-ASCII letter that folds to an ASCII one ("K" -> "k")
            fold = re.compile(re.escape(ch), re.IGNORECASE)
            out.update(a for a in map(chr, range(128)) if fold.fullmatch(a))
    return frozenset(out)


def _seq(items: list[tuple[Any, Any]]) -> tuple[set[str], bool]:
    """First characters of a sequence, and whether it can match the empty string."""
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _item(op, av)
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _item(op: Any, av: Any) -> tuple[set[str], bool]:
    if op is _c.LITERAL:
        return {chr(av)}, False
    if op is _c.IN:
        return _charset(av), False
    if op is _c.BRANCH:
        out: set[str] = set()
        nullable = False
        for alt in av[1]:
            chars, n = _seq(list(alt))
            out |= chars
            nullable = nullable or n
        return out, nullable
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        lo, _hi, sub = av
        chars, nullable = _seq(list(sub))
        return chars, nullable or lo == 0
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(list(av))
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return set(), True  # zero-width: the next item decides
    raise _Unknown(op)


def _charset(items: list[tuple[Any, Any]]) -> set[str]:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _RANGE_LIMIT:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\s, \d, \w), huge ranges
            raise _Unknown(op)
    return out
