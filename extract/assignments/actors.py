"""Recognize and normalize the actors of ITU resolutions: bureaux, groups, organs, members.

Why a module of its own: a clause head names its addressee in many spellings ("the Director of the
Telecommunication Standardization Bureau", "the TSB Director", "电信标准化局主任") and some names
only make sense against context ("the other Bureaux" is BR and BDT when TSB is addressed, TSB and BR
when BDT is). The assignment component needs one normalized vocabulary (DESIGN.md section 5): TSB,
BDT, BR, SG, Council, TSAG, RAG, TDAG, ISC-TF, "ITU-T study groups", "ITU-T SG17", "ITU-T",
"Member States", "Sector Members", ... The surface forms live in ``patterns/actors.jsonl`` (one
entry per pattern, with an id, the labels it yields and a real example); this module only knows the
small grammar that strings them together: lists ("RAG, TSAG and TDAG"), director phrases ("the
Directors of the Radiocommunication Bureau and the Telecommunication Development Bureau", "the BDT
and BR Directors"), qualifiers ("Sector Members from developing countries") and extensions
("ITU-T, in particular Study Group 5").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import NamedTuple

from extract.assignments.organs import load_organs
from extract.assignments.table import LOOSE_ACCENT_LANGUAGES, loose_accents
from extract.nlp.regex_first import Beginnings, beginnings

#: languages with actor patterns (English, Chinese, French, Spanish, Russian, Arabic)
LANGUAGES = ("en", "zh", "fr", "es", "ru", "ar")

__all__ = [
    "LANGUAGES",
    "ActorMatch",
    "ActorTable",
    "expand_labels",
    "join_labels",
    "load_actor_table",
    "match_actor_list",
    "sector_of_body",
    "shared_labels",
]

_ORGANS = load_organs()  # the Sectors and bureaux, from patterns/organs.jsonl
BUREAUX: tuple[str, ...] = _ORGANS.bureaux
SECTORS: tuple[str, ...] = tuple(s.label for s in _ORGANS.sectors)
_BUREAU_SECTOR = {s.bureau: s.label for s in _ORGANS.sectors}
_SECTOR_BUREAU = {v: k for k, v in _BUREAU_SECTOR.items()}


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
            return RowsAt(True, self.of("actor"), self.of("list_prefix"))
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
            )
            if len(self._memo) < 20_000:
                self._memo[low] = hit
        return hit

    def of(self, kind: str) -> tuple[ActorEntry, ...]:
        """Entries of one kind (``actor``, ``bureau``, ``separator``, ...)."""
        return self.by_kind.get(kind, ())


@dataclass(frozen=True)
class ActorMatch:
    """A list of actors recognized at one place of a text.

    Attributes:
        start: offset of the first character of the phrase.
        end: offset after its last character.
        labels: normalized labels in text order, group labels (``@other-bureaux``) unexpanded.
        primary: the labels before any ``in particular`` extension (they make the joined label).
        qualifier: a qualifier such as ``relevant`` or ``from developing countries``.
        pattern_ids: ids of the actor patterns that matched, in order.
    """

    start: int
    end: int
    labels: tuple[str, ...]
    primary: tuple[str, ...]
    qualifier: str | None
    pattern_ids: tuple[str, ...]


@cache
def load_actor_table(lang: str) -> ActorTable:
    """Load the actor patterns of ``lang`` (``en`` or ``zh``) from ``patterns/actors.jsonl``.

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
    """The pattern as compiled: accents optional in languages whose texts lose them."""
    return loose_accents(pattern) if lang in LOOSE_ACCENT_LANGUAGES else pattern


def sector_of_body(body: str | None) -> str | None:
    """The ITU Sector whose texts an organ adopts (WTSA -> ITU-T), None for PP/Council.

    Example:
        >>> sector_of_body("WTSA"), sector_of_body("PP")
        ('ITU-T', None)
    """
    return _ORGANS.sector_of_body(body)


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


@dataclass(frozen=True)
class _Unit:
    end: int
    labels: tuple[str, ...]
    qualifier: str | None
    ids: tuple[str, ...]


def _word_ok(text: str, end: int, lang: str) -> bool:
    """English, Russian and Arabic matches must not stop inside a word ("BR" in "BRoad")."""
    if lang not in ("en", "ru", "ar") or end >= len(text) or end == 0:
        return True
    return not (text[end - 1].isalnum() and text[end].isalnum())


def _fill(label: str, m: re.Match[str], sector: str | None) -> str:
    """Fill ``{sector}`` and ``{n}`` placeholders of a label from the match and the host."""
    if "{" not in label:
        return label
    groups = m.groupdict()
    # "МСЭ-Т" writes the letter in Cyrillic
    letter = (groups.get("sector") or "").upper().replace("\u0422", "T")
    sec = f"ITU-{letter}" if letter else sector
    out = label.replace("{n}", groups.get("n") or "")
    out = out.replace("{name}", (groups.get("name") or "").replace("\u2011", "-"))
    return out.replace("{sector} ", f"{sec} " if sec else "").replace("{sector}", sec or "")


def _fill_all(label: str, m: re.Match[str], sector: str | None) -> list[str]:
    """Like :func:`_fill`; ``{n*}`` stands for every number of "Study Groups 2, 3 and 17"."""
    if "{n*}" not in label:
        return [_fill(label, m, sector)]
    nums = re.findall(r"\d+", m.group("ns") or "")
    return [_fill(label.replace("{n*}", n), m, sector) for n in nums]


def _bureau_list(text: str, pos: int, table: ActorTable) -> tuple[int, list[str]] | None:
    """ "the Radiocommunication Bureau and the Telecommunication Development Bureau" -> BR, BDT."""
    labels: list[str] = []
    end = pos
    cur = pos
    while True:
        best: tuple[int, str] | None = None
        for e in table.of("bureau"):
            m = e.pattern.match(text, cur)
            ok = m is not None and m.end() > cur and _word_ok(text, m.end(), table.lang)
            if ok and m is not None and (best is None or m.end() > best[0]):
                best = (m.end(), e.labels[0])
        if best is None:
            break
        labels.append(best[1])
        end = best[0]
        sep = _first_match(table.of("separator"), text, end)
        if sep is None:
            break
        cur = sep
    return (end, labels) if labels else None


def _first_match(entries: tuple[ActorEntry, ...], text: str, pos: int) -> int | None:
    for e in entries:
        m = e.pattern.match(text, pos)
        if m:
            return m.end()
    return None


def _unit(
    text: str, pos: int, table: ActorTable, sector: str | None, at: RowsAt | None = None
) -> _Unit | None:
    """The longest single actor phrase starting at ``pos`` (``at``: what the caller read of
    the place already)."""
    at = at or table.at(text, pos)
    if not at.admits:
        return None  # no actor phrase begins so ("to", "that", "a)")
    if table.starter is not None and not table.starter.match(text, pos):
        return None  # one C-level test rejects most positions (item lines start with "to")
    cands: list[_Unit] = []
    for e in at.actors:
        m = e.pattern.match(text, pos)
        if m and m.end() > pos and _word_ok(text, m.end(), table.lang):
            qual = (e.qualifier or m.group("qual")) if m.groupdict().get("qual") else None
            labels = tuple(x for lab in e.labels for x in _fill_all(lab, m, sector))
            cands.append(_Unit(m.end(), labels, qual, (e.id,)))
    prefix = _first_match(table.of("directors_prefix"), text, pos)
    if prefix is not None:
        got = _bureau_list(text, prefix, table)
        if got is not None:
            end, bureaux = got
            suffix = _first_match(table.of("bureaux_suffix"), text, end)
            cands.append(_Unit(suffix or end, tuple(bureaux), None, ("directors-of",)))
    got = _bureau_list(text, pos, table)
    if got is not None:
        end, bureaux = got
        suffix = _first_match(table.of("directors_suffix"), text, end)
        if suffix is not None and _word_ok(text, suffix, table.lang):
            cands.append(_Unit(suffix, tuple(bureaux), None, ("bureau-directors",)))
        cands.append(_Unit(end, tuple(bureaux), None, ("bureau",)))
    if not cands:
        return None
    best = max(cands, key=lambda u: u.end)
    for e in table.of("qualifier"):
        m = e.pattern.match(text, best.end)
        if m:
            best = _Unit(m.end(), best.labels, m.group("qual"), (*best.ids, e.id))
            break
    return best


def match_actor_list(
    text: str, pos: int, lang: str = "en", sector: str | None = None
) -> ActorMatch | None:
    """Recognize a list of actors starting exactly at ``pos``, or None.

    Args:
        text: the text to read.
        pos: where the phrase must start.
        lang: ``en`` or ``zh``.
        sector: the host's Sector (``ITU-T`` for a WTSA text), used for bare "Study Group 17".

    Example:
        >>> m = match_actor_list("RAG, TSAG and TDAG to continue", 0)
        >>> m.labels, m.end
        (('RAG', 'TSAG', 'TDAG'), 18)
    """
    table = load_actor_table(lang)
    at = table.at(text, pos)
    if not at.admits:
        return None  # nothing that names an actor, nor a list of them, begins so
    first = _unit(text, pos, table, sector, at)
    if first is None:
        return _listed(text, pos, table, sector, at.lists)
    units = [first]
    primary: list[str] = list(first.labels)
    labels: list[str] = list(first.labels)
    end = first.end
    while True:
        ext = _extension(text, end, table, sector)
        if ext is not None:
            end, ext_labels = ext
            labels.extend(ext_labels)
            continue
        sep = _first_match(table.of("separator"), text, end)
        if sep is None:
            break
        nxt = _unit(text, sep, table, sector)
        if nxt is None:
            break
        units.append(nxt)
        primary.extend(nxt.labels)
        labels.extend(nxt.labels)
        end = nxt.end
    qualifier = next((u.qualifier for u in units if u.qualifier), None)
    ids = tuple(i for u in units for i in u.ids)
    return ActorMatch(pos, end, _dedupe(labels), _dedupe(primary), qualifier, ids)


def _listed(
    text: str, pos: int, table: ActorTable, sector: str | None, rows: tuple[ActorEntry, ...]
) -> ActorMatch | None:
    """ "ITU's membership - its Member States, Sector Members and Associates": the listed ones."""
    for e in rows:
        m = e.pattern.match(text, pos)
        if m is not None and (inner := match_actor_list(text, m.end(), table.lang, sector)):
            ids = (e.id, *inner.pattern_ids)
            return ActorMatch(pos, inner.end, inner.labels, inner.primary, inner.qualifier, ids)
    return None


def _extension(
    text: str, pos: int, table: ActorTable, sector: str | None
) -> tuple[int, tuple[str, ...]] | None:
    """ ", in particular Study Group 5" / "（特别是国际电联电信发展部门（ITU-D））"."""
    for e in table.of("extension"):
        m = e.pattern.match(text, pos)
        if not m:
            continue
        unit = _unit(text, m.end(), table, sector)
        if unit is None:
            return None
        end = unit.end
        opened = m.group(0).count("（") + m.group(0).count("(")
        for _ in range(opened):
            if end < len(text) and text[end] in "）)":
                end += 1
        return end, unit.labels
    return None


def _dedupe(labels: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(labels))


def expand_labels(
    labels: tuple[str, ...], *, addressees: tuple[str, ...] = (), sector: str | None = None
) -> tuple[str, ...]:
    """Replace group labels by the actors they stand for, in the canonical order.

    ``@all-bureaux`` is TSB, BR, BDT. ``@other-bureaux`` is the bureaux other than the addressed
    one(s), or other than the host Sector's bureau when no bureau is addressed. ``@other-sectors``
    works the same way on ITU-T, ITU-R, ITU-D.

    Example:
        >>> expand_labels(("@other-bureaux",), addressees=("BDT",))
        ('TSB', 'BR')
        >>> expand_labels(("@other-sectors", "ITU-D"), addressees=("ITU-T",))
        ('ITU-R', 'ITU-D')
    """
    own_bureaux = {a for a in addressees if a in BUREAUX} | {
        _SECTOR_BUREAU[a] for a in addressees if a in _SECTOR_BUREAU
    }
    if not own_bureaux and sector in _SECTOR_BUREAU:
        own_bureaux = {_SECTOR_BUREAU[sector]}
    own_sectors = {_BUREAU_SECTOR[b] for b in own_bureaux}
    out: list[str] = []
    for lab in labels:
        if lab == "@all-bureaux":
            out.extend(BUREAUX)
        elif lab == "@other-bureaux":
            out.extend(b for b in BUREAUX if b not in own_bureaux)
        elif lab == "@other-sectors":
            out.extend(s for s in SECTORS if s not in own_sectors)
        else:
            out.append(lab)
    return _dedupe(out)


def join_labels(labels: tuple[str, ...] | list[str]) -> str:
    """The joined addressee label in text order: ``TSB, BR and BDT``.

    Example:
        >>> join_labels(("ITU-T study groups", "TSAG"))
        'ITU-T study groups and TSAG'
    """
    items = list(labels)
    if len(items) <= 1:
        return items[0] if items else ""
    return ", ".join(items[:-1]) + " and " + items[-1]
