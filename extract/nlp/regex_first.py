"""How a regex match can begin: its first characters, or its first few, read from the pattern.

Why: the actor grammar tries a large case-insensitive alternation (every actor phrase) at each
place a clause may name an addressee, and most such places begin with words no actor phrase
begins with ("to", "that", "a)"). ``re`` has no first-character test for ``match``, so each
failing attempt tries every branch. Knowing the possible beginnings ("the", "tsb", "sec", ...)
lets a caller reject those places with a set lookup. The analysis reads ``re``'s parser output;
a construct it does not follow (``\\s``, a negated class, ``.``) ends a beginning early (it
becomes shorter, so it still admits every match), and anything it does not know at all makes it
answer None, "cannot tell": the caller then tries the regex everywhere, as before.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

__all__ = ["Beginnings", "beginnings", "first_chars"]

try:  # the parser of the re module (private; sre_parse before Python 3.11)
    _c: Any = importlib.import_module("re._constants")
    _p: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Pythons: no prefilter
    _c = _p = None

_RANGE_LIMIT = 4096  # larger character ranges are not enumerated
_MAX_BEGINNINGS = 20_000

Options = set[tuple[str, bool]]  # (text so far, whether the item can continue past it)


class _Unknown(Exception):
    pass


class Beginnings:
    """The lowercased beginnings (at most ``k`` characters) of every match of a regex.

    ``admits(text, pos)`` is False only where no match can start: the text there is ASCII
    and begins with none of them. (A non-ASCII character is always admitted: case folding
    maps "ſ" to "s" and "K" to "k".)

    Example:
        >>> b = beginnings(r"(?:the\\s+)?(?:TSB|Council\\b)|Study\\s+Group", re.I, 3)
        >>> [b.admits(t, 0) for t in ("the TSB", "that", "to do", "TSB,", "Study", "ſtudy")]
        [True, False, False, True, True, True]
    """

    def __init__(self, found: set[str], k: int) -> None:
        self.k = k
        by_len: dict[int, set[str]] = {}
        for s in found:
            by_len.setdefault(len(s), set()).add(s)
        self._by_len = tuple((n, frozenset(v)) for n, v in sorted(by_len.items()))

    def admits(self, text: str, pos: int) -> bool:
        """Whether a match may start at ``pos`` of ``text``."""
        head = text[pos : pos + self.k]
        if not head.isascii():
            return True
        low = head.lower()
        return any(low[:n] in group for n, group in self._by_len)


def beginnings(pattern: str, flags: int = 0, k: int = 3) -> Beginnings | None:
    """The :class:`Beginnings` of ``pattern`` up to ``k`` characters, or None when the
    analysis cannot tell (an unknown construct, a possibly empty match, a non-ASCII character
    that folds to an ASCII one, too many beginnings)."""
    found = _analyse(pattern, flags, k)
    if found is None:
        return None
    out: set[str] = set()
    for s in found:
        if any(not ch.isascii() and _folds_to_ascii(ch) for ch in s):
            return None
        out.add(s.lower())
    return Beginnings(out, k)


def first_chars(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Characters a match can start with, as written in the pattern (case variants are not
    added), or None if that is not known.

    Example:
        >>> sorted(first_chars(r"(?:the\\s+)?(?:TSB|Council\\b)|Study\\s+Group"))
        ['C', 'S', 'T', 't']
        >>> first_chars(r"[^a]x") is None, first_chars(r"a?") is None
        (True, True)
    """
    found = _analyse(pattern, flags, 1)
    return None if found is None else frozenset(found)


def _folds_to_ascii(ch: str) -> bool:
    fold = re.compile(re.escape(ch), re.IGNORECASE)
    return any(fold.fullmatch(chr(a)) for a in range(128))


def _analyse(pattern: str, flags: int, k: int) -> set[str] | None:
    if _p is None:
        return None
    try:
        options = _seq(list(_p.parse(pattern, flags)), k)
    except (_Unknown, RecursionError, ValueError, TypeError, re.error):
        return None
    found = {s for s, _ in options}
    if "" in found:  # a match may begin with anything (or be empty)
        return None
    return found


def _join(head: Options, tail_of: Any, k: int) -> Options:
    """Extend every unfinished option of ``head`` with the options of the next item."""
    out: Options = set()
    tail: Options | None = None
    for s, open_ in head:
        if not open_ or len(s) >= k:
            out.add((s[:k], False))
            continue
        if tail is None:
            tail = tail_of()
        for t, more in tail:
            u = s + t
            out.add((u[:k], more and len(u) < k))
    if len(out) > _MAX_BEGINNINGS:
        raise _Unknown("too many beginnings")
    return out


def _seq(items: list[tuple[Any, Any]], k: int) -> Options:
    cur: Options = {("", True)}
    for op, av in items:
        cur = _join(cur, lambda op=op, av=av: _item(op, av, k), k)
    return cur


def _item(op: Any, av: Any, k: int) -> Options:
    if op is _c.LITERAL:
        return {(chr(av), True)}
    if op is _c.IN:
        chars = _charset(av)
        return {("", False)} if chars is None else {(ch, True) for ch in chars}
    if op in (_c.ANY, _c.NOT_LITERAL, _c.CATEGORY, _c.GROUPREF):
        return {("", False)}  # some character not followed: the beginning stops before it
    if op is _c.BRANCH:
        return {o for alt in av[1] for o in _seq(list(alt), k)}
    if op is _c.SUBPATTERN:
        return _seq(list(av[-1]), k)
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(list(av), k)
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT) or op is getattr(_c, "POSSESSIVE_REPEAT", None):
        lo, hi, sub = av
        one = _seq(list(sub), k)
        out: Options = set()
        cur: Options = {("", True)}
        for n in range(k + 1):  # k repetitions fill any beginning (or the sub is empty)
            if n >= lo:
                out |= cur
            if n == hi:
                break
            cur = _join(cur, lambda: one, k)
        return out | {(s, False) for s, _ in cur}
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return {("", True)}  # zero-width: the next item decides
    raise _Unknown(op)


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(chr(av))
        elif op is _c.RANGE and av[1] - av[0] < _RANGE_LIMIT:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY (\s, \d, \w), huge ranges: not followed
            return None
    return out
