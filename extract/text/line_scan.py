"""Line-anchored regexes that jump from newline to newline instead of trying every character.

Why: a pattern that starts with ``^`` under ``re.MULTILINE`` ("a heading word at line start",
"a paragraph label at line start") gives ``re`` no literal to search for, so it attempts a
match at every character of the text and fails at once on all but a few. The segmenter runs
half a dozen such scans per document, and they were most of its time. :class:`LineRegex`
searches for a newline followed by the pattern (``\\n(?=...)``: a literal first character,
which ``re`` finds with a fast scan) and re-matches the pattern just after it, so callers get
the very :class:`re.Match` objects (offsets, groups) that ``finditer`` of the ``^`` pattern
gives, at several times the speed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import chain

__all__ = ["LineRegex"]


class LineRegex:
    """A ``^``-anchored multiline pattern with a fast :meth:`finditer` (same matches).

    Example:
        >>> rx = LineRegex(r"^[ \\t]*(?P<label>[a-z]\\))")
        >>> t = "x\\na) one\\n  b) two\\nnot c) here"
        >>> [(m.start(), m["label"]) for m in rx.finditer(t)]
        [(2, 'a)'), (9, 'b)')]
        >>> [m.span() for m in rx.finditer(t)] == [m.span() for m in rx.regex.finditer(t)]
        True
    """

    def __init__(self, pattern: str, flags: int = 0) -> None:
        body = pattern.removeprefix("(?m)")
        if not body.startswith("^"):
            raise ValueError(f"a line pattern starts with '^': {pattern[:40]!r}")
        body = body[1:]
        flags |= re.MULTILINE
        #: the pattern as written (``^`` included), for ``match``/``search`` and comparison
        self.regex = re.compile("^" + body, flags)
        self.pattern = self.regex.pattern
        self._body = re.compile(body, flags)
        self._next = re.compile(rf"\n(?=(?:{body}))", flags)

    def scan(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[re.Match[str]]:
        """:meth:`finditer` without a Python step per match, for a pattern that never matches
        a line break: one C-level ``finditer`` of a newline followed by the pattern.

        The matches' groups (``m["label"]``, ``m.start("label")``) are those of :meth:`finditer`;
        their own span is not (it is the newline's, except for a match at ``pos``): read
        offsets from groups. Used where a scan yields a match on most lines (paragraph labels).
        """
        end = len(text) if endpos is None else min(endpos, len(text))
        if 0 < pos <= len(text) and text[pos - 1] == "\n":
            return self._next.finditer(text, pos - 1, end)  # the newline before pos opens it
        rest = self._next.finditer(text, pos, end)
        first = self._body.match(text, pos, end) if pos == 0 else None
        return chain((first,), rest) if first is not None else rest

    def finditer(
        self, text: str, pos: int = 0, endpos: int | None = None
    ) -> Iterator[re.Match[str]]:
        """What ``re.finditer`` of the ``^`` pattern yields over ``text[pos:endpos]``.

        ``^`` matches at ``pos`` only where it is a line start (the start of the text or after
        a newline), as in ``re``; matches do not overlap.
        """
        end = len(text) if endpos is None else min(endpos, len(text))
        match, search = self._body.match, self._next.search
        resume = pos  # the earliest line start a next match may begin at
        if pos == 0 or (0 < pos <= len(text) and text[pos - 1] == "\n"):
            m = match(text, pos, end)
            if m is not None:
                yield m
                resume = m.end() + (m.end() == m.start())
        while True:
            nl = search(text, max(resume - 1, pos), end)
            if nl is None:
                return
            m = match(text, nl.start() + 1, end)
            if m is None:  # the lookahead matched: only a zero-width pattern at end can fail
                return
            yield m
            resume = m.end() + (m.end() == m.start())

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``re.match`` of the ``^`` pattern."""
        return self.regex.match(text, pos, len(text) if endpos is None else endpos)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """``re.search`` of the ``^`` pattern: the first of :meth:`finditer`'s matches."""
        return next(self.finditer(text, pos, endpos), None)
