"""Which actor rows can match where an article ("the", "all") begins: read past the article.

Why: :meth:`~extract.assignments.actor_table.ActorTable.at` keeps the rows whose first three
characters fit the text, and most rows begin with an optional article
(``(?:the\\s+)?Council\\b``), so at "the ..." — where most addressees begin — two dozen rows
were each tried with a regex and one or none matched. A row of the form
``(?:the\\s+)?REST`` (per top-level alternative) can match at such a place only where REST can
begin: at the place itself, or after the article and any part of the blanks after it. The
beginnings of REST (:mod:`extract.nlp.regex_first`) decide that with set lookups, memoized per
(first three characters, first three after the article): the rows kept are a superset of the
rows that match, so the grammar's result is the same.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from extract.nlp.regex_first import Beginnings, beginnings

__all__ = ["ArticleRows", "Place", "top_level_alternatives"]

#: optional leading article groups as the pattern table writes them, and their words
_LEADS: dict[str, frozenset[str]] = {
    r"(?:the\s+)?": frozenset({"the"}),
    r"(?:all\s+)?": frozenset({"all"}),
    r"(?:(?:the|all)\s+)?": frozenset({"the", "all"}),
    r"(?:the\s+|all\s+)?": frozenset({"the", "all"}),
}
_WORDS = frozenset().union(*_LEADS.values())
#: an article and the blanks after it (group 1), as the rows' ``(?:the\s+)`` reads them
_ARTICLE = re.compile(r"(?:" + "|".join(sorted(_WORDS)) + r")(\s+)", re.IGNORECASE)
_MEMO_LIMIT = 20_000

# one alternative of a row: (article words it may start with, beginnings of what follows them
# or of the whole alternative; None when the analysis cannot tell)
_Alternative = tuple[frozenset[str], Beginnings | None]
#: a place after an article: (article, where the rest may start, memo key)
Place = tuple[str, range, tuple[str, tuple[str, ...]]]


def top_level_alternatives(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level ``|`` (not inside a group or a class, not escaped).

    Example:
        >>> top_level_alternatives(r"(?:the\\s+)?RAG\\b|(?:a|b)[|]x\\|y")
        ['(?:the\\\\s+)?RAG\\\\b', '(?:a|b)[|]x\\\\|y']
    """
    out: list[str] = []
    depth, start, i, n = 0, 0, 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: "]" right after "[" or "[^" is a member
            j = i + 1
            if j < n and pattern[j] == "^":
                j += 1
            if j < n and pattern[j] == "]":
                j += 1
            while j < n and pattern[j] != "]":
                j += 2 if pattern[j] == "\\" else 1
            i = j + 1
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    return out


def _alternatives(rx: re.Pattern[str]) -> tuple[_Alternative, ...]:
    alts: list[_Alternative] = []
    for alt in top_level_alternatives(rx.pattern):
        lead = next((k for k in _LEADS if alt.startswith(k)), None)
        if lead is None:
            alts.append((frozenset(), beginnings(alt, rx.flags, 3)))
        else:
            alts.append((_LEADS[lead], beginnings(alt[len(lead) :], rx.flags, 3)))
    return tuple(alts)


class ArticleRows:
    """The rows that may match at a place that begins with an article word.

    :meth:`place` reads the place once (the article, the blanks after it, a memo key);
    :meth:`keep` filters a set of rows there. The key is the first three characters and the
    first three after each cut of the blanks: all that :meth:`keep` reads.

    Example:
        >>> rows = [re.compile(r"(?:the\\s+)?Council\\b", re.I),
        ...         re.compile(r"(?:the\\s+)?TSB\\b", re.I)]
        >>> f = ArticleRows(rows)
        >>> [r.pattern for r in f.rows("the  Council", 0, rows)]
        ['(?:the\\\\s+)?Council\\\\b']
        >>> len(f.rows("theory", 0, rows))
        0
    """

    words = _WORDS

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._tests = {id(rx): _alternatives(rx) for rx in patterns}
        self._memo: dict[tuple[str, tuple[str, ...]], tuple[Any, ...]] = {}

    @staticmethod
    def place(text: str, pos: int) -> Place:
        """The article at ``pos`` (lowercased, "" if none), where what follows it may start
        (the blanks after it may be cut anywhere), and the memo key of the place."""
        m = _ARTICLE.match(text, pos)
        word = text[pos : m.start(1)].lower() if m else ""
        ends = range(m.start(1) + 1, m.end() + 1) if m else range(0)
        return word, ends, (text[pos : pos + 3], tuple(text[k : k + 3] for k in ends))

    def keep(
        self, rows: Sequence[Any], text: str, pos: int, place: Place, key: Any = None
    ) -> tuple[Any, ...]:
        """The members of ``rows`` (patterns, or items whose ``key`` gives the pattern) that
        may match at ``pos``, a place whose first three characters they fit."""
        word, ends, _ = place
        pick = key or (lambda r: r)
        return tuple(r for r in rows if self._may_match(pick(r), text, pos, word, ends))

    def rows(self, text: str, pos: int, rows: Sequence[Any], key: Any = None) -> tuple[Any, ...]:
        """:meth:`keep` at ``pos``, memoized by the place (for one fixed set of rows)."""
        place = self.place(text, pos)
        hit = self._memo.get(place[2])
        if hit is None:
            hit = self.keep(rows, text, pos, place, key)
            if len(self._memo) < _MEMO_LIMIT:
                self._memo[place[2]] = hit
        return hit

    def _may_match(self, rx: re.Pattern[str], text: str, pos: int, word: str, ends: range) -> bool:
        for words, begins in self._tests.get(id(rx), ((frozenset(), None),)):
            if begins is None or begins.admits(text, pos):
                return True
            if word in words and any(begins.admits(text, k) for k in ends):
                return True
        return False
