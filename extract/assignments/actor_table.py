"""The actor pattern table (``patterns/actors.jsonl``): rows, loading, and what may begin where.

Why apart from the actor grammar (:mod:`extract.assignments.actors`): the table is data read once
per language, and deciding which of its dozens of rows can match at a place of a text (from the
first characters there, memoized) is what keeps the grammar fast; the grammar itself only strings
matches together.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from extract.assignments.article_rows import ArticleRows
from extract.assignments.table import LOOSE_ACCENT_LANGUAGES, loose_accents, loose_diacritics
from extract.nlp.regex_first import Beginnings, beginnings, first_chars

_PATTERN = attrgetter("pattern")

__all__ = [
    "LANGUAGES",
    "ActorEntry",
    "ActorTable",
    "RowsAt",
    "load_actor_table",
    "shared_labels",
]

#: languages with actor patterns (English, Chinese, French, Spanish, Russian, Arabic)
LANGUAGES = ("en", "zh", "fr", "es", "ru", "ar")
#: the kinds of rows :meth:`ActorTable.at` chooses among
_AT_KINDS = ("actor", "list_prefix", "bureau", "directors_prefix")


@dataclass(frozen=True)
class ActorEntry:
    """One row of ``patterns/actors.jsonl``: a compiled surface pattern and what it yields."""

    id: str
    lang: str
    kind: str
    labels: tuple[str, ...]
    pattern: re.Pattern[str]
    example: str
    qualifier: str | None = None


class RowsAt(NamedTuple):
    """What may begin at one place of a text (see :meth:`ActorTable.at`)."""

    admits: bool  # an actor, bureau or director phrase may begin here
    actors: tuple[ActorEntry, ...]  # the actor rows that may match here
    lists: tuple[ActorEntry, ...]  # the list_prefix rows that may match here
    bureaux: tuple[ActorEntry, ...]  # the bureau rows that may match here
    directors: tuple[ActorEntry, ...]  # the directors_prefix rows that may match here


@dataclass(frozen=True)
class ActorTable:
    """The actor patterns of one language, grouped by their role in the grammar."""

    lang: str
    entries: tuple[ActorEntry, ...]
    by_kind: dict[str, tuple[ActorEntry, ...]] = field(default_factory=dict, compare=False)
    starter: re.Pattern[str] | None = field(default=None, compare=False)
    # how an actor phrase can begin, to reject most places at once (None: no shortcut)
    begins: Beginnings | None = field(default=None, compare=False)
    # the same for the phrases that introduce a list ("ITU's membership - its")
    list_begins: Beginnings | None = field(default=None, compare=False)
    # how each actor row can begin (None: cannot tell), and the rows found per beginning
    _row_begins: tuple[Beginnings | None, ...] = field(default=(), compare=False)
    _memo: dict[str, RowsAt] = field(default_factory=dict, compare=False)
    # at "the ...", "all ...": the rows read past the article (see extract.assignments.article_rows)
    _articles: ArticleRows | None = field(default=None, compare=False)
    # what may begin at a place starting with an article, by ArticleRows.place's key
    _article_memo: dict[tuple[str, tuple[str, ...]], RowsAt] = field(
        default_factory=dict, compare=False
    )
    # how each bureau and directors_prefix row can begin (None: cannot tell)
    _kind_begins: dict[str, tuple[Beginnings | None, ...]] = field(
        default_factory=dict, compare=False
    )
    # the first characters of the rows of each kind that ``at`` returns, as written (None:
    # cannot tell), and every other character a case-insensitive match may fold them to
    _firsts: dict[str, tuple[frozenset[str] | None, ...]] = field(
        default_factory=dict, compare=False
    )
    _folded: frozenset[str] = field(default=frozenset(), compare=False)
    # what may begin at a place whose first character is not ASCII, by that character
    _wide_memo: dict[str, RowsAt] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        kinds = {e.kind for e in self.entries}
        groups = {k: tuple(e for e in self.entries if e.kind == k) for k in kinds}
        object.__setattr__(self, "by_kind", groups)
        starts = [
            re.sub(r"\(\?P<\w+>", "(?:", e.pattern.pattern)
            for e in self.entries
            if e.kind in {"actor", "bureau", "directors_prefix"}
        ]
        starter = re.compile("|".join(f"(?:{p})" for p in starts), re.IGNORECASE)
        object.__setattr__(self, "starter", starter)
        object.__setattr__(self, "begins", beginnings(starter.pattern, starter.flags, 3))
        rows = groups.get("actor", ())
        row_begins = tuple(beginnings(e.pattern.pattern, e.pattern.flags, 3) for e in rows)
        object.__setattr__(self, "_row_begins", row_begins)
        firsts = (*rows, *groups.get("bureau", ()), *groups.get("directors_prefix", ()))
        object.__setattr__(self, "_articles", ArticleRows([e.pattern for e in firsts]))
        for kind in ("bureau", "directors_prefix"):
            kind_begins = tuple(
                beginnings(e.pattern.pattern, e.pattern.flags, 3) for e in groups.get(kind, ())
            )
            self._kind_begins[kind] = kind_begins
        folded: set[str] = set()
        for kind in _AT_KINDS:
            known = tuple(first_chars(e.pattern.pattern, e.pattern.flags) for e in self.of(kind))
            self._firsts[kind] = known
            for chars in known:
                for ch in chars or ():
                    folded.update(f for f in (ch.lower(), ch.upper(), ch.casefold()) if f != ch)
        object.__setattr__(self, "_folded", frozenset(folded))
        lists = [e.pattern.pattern for e in self.entries if e.kind == "list_prefix"]
        if lists:
            joined = "|".join(f"(?:{p})" for p in lists)
            object.__setattr__(self, "list_begins", beginnings(joined, re.IGNORECASE, 3))

    def at(self, text: str, pos: int) -> RowsAt:
        """What may begin at ``pos``, read from its first three characters (memoized): with
        dozens of rows, trying each one everywhere costs more than the rest of the head
        finder."""
        head = text[pos : pos + 3]
        if not head.isascii():
            return self._wide(head[0])
        low = head.lower()
        hit = self._memo.get(low)
        if hit is None:
            rows = zip(self.of("actor"), self._row_begins, strict=True)
            lists = self.of("list_prefix")
            if self.list_begins is not None and not self.list_begins.admits(low, 0):
                lists = ()
            hit = RowsAt(
                self.begins is None or self.begins.admits(low, 0),
                tuple(e for e, b in rows if b is None or b.admits(low, 0)),
                lists,
                self._may_begin("bureau", low),
                self._may_begin("directors_prefix", low),
            )
            if len(self._memo) < 20_000:
                self._memo[low] = hit
        if low in ArticleRows.words and self._articles is not None:
            art = self._articles
            place = art.place(text, pos)
            refined = self._article_memo.get(place[2])
            if refined is None:
                refined = hit._replace(
                    actors=art.keep(hit.actors, text, pos, place, _PATTERN),
                    bureaux=art.keep(hit.bureaux, text, pos, place, _PATTERN),
                    directors=art.keep(hit.directors, text, pos, place, _PATTERN),
                )
                if len(self._article_memo) < 20_000:
                    self._article_memo[place[2]] = refined
            return refined
        return hit

    def _wide(self, ch: str) -> RowsAt:
        """What may begin at a place whose first three characters are not all ASCII.

        Why: Chinese (and Arabic) addressees begin with a character that has no case, so
        only the rows written to begin with it (or whose first characters cannot be told) can
        match there; trying all of them cost more than the rest of a Chinese head. A cased or
        ASCII first character (where case folding maps "ſ" to "s") keeps every row."""
        hit = self._wide_memo.get(ch)
        if hit is None:
            caseless = (
                not ch.isascii()
                and ch.lower() == ch == ch.upper()
                and ch.casefold() == ch
                and ch not in self._folded
            )

            def rows(kind: str) -> tuple[ActorEntry, ...]:
                if not caseless:
                    return self.of(kind)
                pairs = zip(self.of(kind), self._firsts[kind], strict=True)
                return tuple(e for e, f in pairs if f is None or ch in f)

            hit = RowsAt(
                True, rows("actor"), rows("list_prefix"), rows("bureau"), rows("directors_prefix")
            )
            if len(self._wide_memo) < 20_000:
                self._wide_memo[ch] = hit
        return hit

    def _may_begin(self, kind: str, low: str) -> tuple[ActorEntry, ...]:
        """The rows of ``kind`` that may begin with the (lowercased, ASCII) characters ``low``."""
        pairs = zip(self.of(kind), self._kind_begins.get(kind, ()), strict=True)
        return tuple(e for e, b in pairs if b is None or b.admits(low, 0))

    def of(self, kind: str) -> tuple[ActorEntry, ...]:
        """Entries of one kind (``actor``, ``bureau``, ``separator``, ...)."""
        return self.by_kind.get(kind, ())


@cache
def load_actor_table(lang: str) -> ActorTable:
    """Load the actor patterns of ``lang`` (one of :data:`LANGUAGES`) from the actor table.

    Example:
        >>> load_actor_table("en").of("separator")[0].id
        'en-separator'
    """
    base = lang.split("-")[0].lower()
    if base not in LANGUAGES:
        valid = ", ".join(LANGUAGES)
        raise ValueError(f"no actor patterns for language {lang!r}; valid options: {valid}")
    text = (Path(__file__).parent / "patterns" / "actors.jsonl").read_text(encoding="utf-8")
    entries = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["lang"] != base:
                continue
            entries.append(
                ActorEntry(
                    id=row["id"],
                    lang=row["lang"],
                    kind=row["kind"],
                    labels=tuple(row["labels"]),
                    pattern=re.compile(_readable(row["pattern"], base), re.IGNORECASE),
                    example=row["example"],
                    qualifier=row.get("qualifier"),
                )
            )
        except (KeyError, json.JSONDecodeError, re.error) as exc:
            raise ValueError(f"patterns/actors.jsonl line {n}: bad entry ({exc})") from exc
    return ActorTable(base, tuple(entries))


def _readable(pattern: str, lang: str) -> str:
    """The pattern as compiled: accents optional in languages whose texts lose them, Arabic
    diacritics optional everywhere."""
    if lang == "ar":
        return loose_diacritics(pattern)
    return loose_accents(pattern) if lang in LOOSE_ACCENT_LANGUAGES else pattern


@cache
def shared_labels() -> frozenset[str]:
    """Labels that other organisations' texts give work to as well (the Secretary-General,
    Member States, the Council): the rows of ``patterns/actors.jsonl`` marked ``shared``.

    Example:
        >>> "SG" in shared_labels(), "BDT" in shared_labels()
        (True, False)
    """
    text = (Path(__file__).parent / "patterns" / "actors.jsonl").read_text(encoding="utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    return frozenset(lab for r in rows if r.get("shared") for lab in r["labels"])
