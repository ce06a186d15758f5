"""How a regex match can begin: its first characters, or its first few, read from the pattern.

Why: the actor grammar tries a large case-insensitive alternation (every actor phrase) at each
place a clause may name an addressee, and most such places begin with words no actor phrase
begins with ("to", "that", "a)"). ``re`` has no first-character test for ``match``, so each
failing attempt tries every branch. Knowing the possible beginnings ("the", "tsb", "sec", ...)
lets a caller reject those places with a set lookup. The analysis parses the pattern itself (the
subset of ``re`` syntax that pattern tables use: literals, escapes, classes, groups,
alternatives, quantifiers, anchors and lookarounds), never ``re``'s private parser; a construct
it does not follow (``\\s``, a negated class, ``.``) ends a beginning early (it
becomes shorter, so it still admits every match), and anything it does not know at all makes it
answer None, "cannot tell": the caller then tries the regex everywhere, as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

__all__ = ["Beginnings", "beginnings", "first_char_lookahead", "first_chars"]

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


@cache
def first_char_lookahead(pattern: str, flags: int = 0) -> str:
    """A look-ahead of the characters a match of ``pattern`` can start with, to put before it,
    or ``""`` when they are not known (or the pattern ignores case anywhere).

    Why: a pattern that opens with a look-behind, ``\\b`` or an alternation mixing them is tried
    by the engine at every character of the text; one that opens with a character class lets it
    skip, in C, to the few places a match can start. Prefixed to the pattern it changes no match
    (every match consumes one of those characters first).

    Example:
        >>> first_char_lookahead(r"(?<!\\w)(?:WRC|RA)-\\d\\d")
        '(?=[RW])'
        >>> first_char_lookahead(r"(?i:the) ITU"), first_char_lookahead(r"\\w+")
        ('', '')
    """
    if flags & re.IGNORECASE or "(?i" in pattern or re.search(r"\(\?[a-zA-Z]*i", pattern):
        return ""
    chars = first_chars(pattern, flags)
    if not chars:
        return ""
    return "(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])"


@cache
def _folds_to_ascii(ch: str) -> bool:
    """Whether ``ch`` matches some ASCII character under ``re.IGNORECASE`` (e.g. the Kelvin
    sign matches ``k``); cached because actor tables ask it of the same few letters thousands
    of times while they are built."""
    fold = re.compile(re.escape(ch), re.IGNORECASE)
    return any(fold.fullmatch(chr(a)) for a in range(128))


def _analyse(pattern: str, flags: int, k: int) -> set[str] | None:
    if flags & re.VERBOSE:
        return None
    try:
        options = _seq(_Parser(pattern).parse(), k)
    except (_Unknown, RecursionError):
        return None
    found = {s for s, _ in options}
    if "" in found:  # a match may begin with anything (or be empty)
        return None
    return found


# --------------------------------------------------------------------------- the parsed pattern
@dataclass(frozen=True)
class _Chars:
    """One character out of ``chars`` (None: a set the analysis does not enumerate)."""

    chars: frozenset[str] | None


@dataclass(frozen=True)
class _Zero:
    """A zero-width item (anchor, word boundary, lookaround): the next item decides."""


@dataclass(frozen=True)
class _Alt:
    branches: tuple[tuple[object, ...], ...]


@dataclass(frozen=True)
class _Repeat:
    lo: int
    hi: int | None
    item: tuple[object, ...]


_ANY = _Chars(None)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_CLASS_ESCAPES = frozenset("sSdDwW")
_HEX_ESCAPES = {"x": 2, "u": 4, "U": 8}
_ZERO_ESCAPES = frozenset("bBAZ")
_FLAG_LETTERS = frozenset("aiLmsu")


class _Parser:
    """A recursive-descent reader of the ``re`` syntax that pattern tables use.

    Anything outside it (verbose mode, conditionals, unknown escapes) raises ``_Unknown``, and
    the analysis then answers "cannot tell".
    """

    def __init__(self, pattern: str) -> None:
        self.s = pattern
        self.i = 0

    def parse(self) -> tuple[object, ...]:
        alt = self._alternation()
        if self.i != len(self.s):
            raise _Unknown(f"unexpected {self.s[self.i]!r}")
        return alt

    def _peek(self) -> str:
        return self.s[self.i] if self.i < len(self.s) else ""

    def _alternation(self) -> tuple[object, ...]:
        branches = [self._sequence()]
        while self._peek() == "|":
            self.i += 1
            branches.append(self._sequence())
        return tuple(branches[0]) if len(branches) == 1 else (_Alt(tuple(branches)),)

    def _sequence(self) -> tuple[object, ...]:
        items: list[object] = []
        while self._peek() not in ("", "|", ")"):
            items.extend(self._quantified(self._atom()))
        return tuple(items)

    def _quantified(self, atom: tuple[object, ...]) -> tuple[object, ...]:
        c = self._peek()
        lo: int
        hi: int | None
        if c == "?":
            lo, hi = 0, 1
        elif c == "*":
            lo, hi = 0, None
        elif c == "+":
            lo, hi = 1, None
        elif c == "{" and (m := re.compile(r"\{(\d*)(,?)(\d*)\}").match(self.s, self.i)):
            if not m.group(1) and not m.group(3):
                raise _Unknown("empty repeat")
            lo = int(m.group(1) or 0)
            hi = int(m.group(3)) if m.group(3) else (None if m.group(2) else lo)
            self.i = m.end() - 1
        else:  # not repeated: the atom's items take their place in the sequence
            return atom
        self.i += 1
        if self._peek() in ("?", "+"):  # lazy or possessive: the same beginnings
            self.i += 1
        return (_Repeat(lo, hi, atom),)

    def _atom(self) -> tuple[object, ...]:
        c = self.s[self.i]
        self.i += 1
        if c == "(":
            return self._group()
        if c == "[":
            return (self._class(),)
        if c == "\\":
            return (self._escape(),)
        if c == ".":
            return (_ANY,)
        if c in "^$":
            return (_Zero(),)
        if c in "*+?":
            raise _Unknown("nothing to repeat")
        return (_Chars(frozenset(c)),)

    def _group(self) -> tuple[object, ...]:
        lookaround = False
        if self.s.startswith("?", self.i):
            self.i += 1
            c = self._peek()
            if c == ":":
                self.i += 1
            elif c in "=!" or self.s.startswith(("<=", "<!"), self.i):
                self.i += 1 if c in "=!" else 2
                lookaround = True
            elif c == "P" and self.s.startswith("P<", self.i):
                self.i = self.s.index(">", self.i) + 1
            else:  # inline flags: "(?i)" for the rest, "(?i:...)" for a group
                j = self.i
                while self._peek() in _FLAG_LETTERS or self._peek() == "-":
                    self.i += 1
                if self.i == j or self._peek() not in (":", ")"):
                    raise _Unknown("group construct")
                if self._peek() == ")":  # global flags: case is folded anyway
                    self.i += 1
                    return ()
                self.i += 1
        inner = self._alternation()
        if self._peek() != ")":
            raise _Unknown("unbalanced group")
        self.i += 1
        return (_Zero(),) if lookaround else inner

    def _escape(self) -> object:
        if self.i >= len(self.s):
            raise _Unknown("trailing backslash")
        c = self.s[self.i]
        if c in _CLASS_ESCAPES or c.isdigit():  # classes, back references: not followed
            self.i += 1
            return _ANY
        if c in _ZERO_ESCAPES:
            self.i += 1
            return _Zero()
        return _Chars(frozenset(self._escaped_char()))

    def _escaped_char(self) -> str:
        """The character an escape (after its backslash) stands for: ``\\n``, ``\\x41``,
        ``\\u2011``, ``\\(``...; an escape of a letter this reader does not know is unknown."""
        c = self.s[self.i]
        self.i += 1
        width = _HEX_ESCAPES.get(c)
        if width is not None:
            digits = self.s[self.i : self.i + width]
            if len(digits) != width or not all(d in "0123456789abcdefABCDEF" for d in digits):
                raise _Unknown(f"escape \\{c}{digits}")
            self.i += width
            return chr(int(digits, 16))
        if c.isalnum() and c not in _ESCAPES:
            raise _Unknown(f"escape \\{c}")
        return _ESCAPES.get(c, c)

    def _class(self) -> _Chars:
        negated = self._peek() == "^"
        if negated:
            self.i += 1
        chars: set[str] = set()
        known = not negated
        first = True
        while True:
            if self.i >= len(self.s):
                raise _Unknown("unterminated class")
            c = self.s[self.i]
            if c == "]" and not first:
                self.i += 1
                break
            first = False
            self.i += 1
            if c == "\\":
                if self._peek() in _CLASS_ESCAPES:
                    self.i += 1
                    known = False
                    continue
                c = self._escaped_char()
            if self._peek() == "-" and self.s[self.i + 1 : self.i + 2] not in ("]", ""):
                self.i += 1
                hi = self.s[self.i]
                self.i += 1
                if hi == "\\":
                    hi = self._escaped_char()
                if ord(hi) - ord(c) >= _RANGE_LIMIT:
                    known = False
                    continue
                chars.update(chr(x) for x in range(ord(c), ord(hi) + 1))
            else:
                chars.add(c)
        return _Chars(frozenset(chars) if known else None)


# ------------------------------------------------------------------------------- the analysis
def _join(head: Options, tail_of: Callable[[], Options], k: int) -> Options:
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


def _seq(items: tuple[object, ...], k: int) -> Options:
    cur: Options = {("", True)}
    for item in items:
        cur = _join(cur, lambda item=item: _item(item, k), k)  # type: ignore[misc]
    return cur


def _item(item: object, k: int) -> Options:
    if isinstance(item, _Chars):
        if item.chars is None:  # some character not followed: the beginning stops before it
            return {("", False)}
        return {(ch, True) for ch in item.chars}
    if isinstance(item, _Zero):
        return {("", True)}
    if isinstance(item, _Alt):
        return {o for branch in item.branches for o in _seq(branch, k)}
    if isinstance(item, _Repeat):
        one = _seq(item.item, k)
        out: Options = set()
        cur: Options = {("", True)}
        for n in range(k + 1):  # k repetitions fill any beginning (or the item is empty)
            if n >= item.lo:
                out |= cur
            if n == item.hi:
                break
            cur = _join(cur, lambda: one, k)
        return out | {(s, False) for s, _ in cur}
    raise _Unknown(type(item).__name__)
