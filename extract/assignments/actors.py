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

import re
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from extract.assignments.actor_table import (
    LANGUAGES,
    ActorEntry,
    ActorTable,
    RowsAt,
    load_actor_table,
    shared_labels,
)
from extract.assignments.organs import load_organs
from extract.fast_init import fast_frozen_init

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


@fast_frozen_init
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


def sector_of_body(body: str | None) -> str | None:
    """The ITU Sector whose texts an organ adopts (WTSA -> ITU-T), None for PP/Council.

    Example:
        >>> sector_of_body("WTSA"), sector_of_body("PP")
        ('ITU-T', None)
    """
    return _ORGANS.sector_of_body(body)


class _Unit(NamedTuple):
    """One actor phrase of a list (a named tuple: thousands are made per document)."""

    end: int
    labels: tuple[str, ...]
    qualifier: str | None
    ids: tuple[str, ...]


def _word_ok(text: str, end: int, table: ActorTable) -> bool:
    """English, Russian and Arabic matches must not stop inside a word ("BR" in "BRoad"),
    unless a conversion glued the list's "and" to it ("Bureauand the Director")."""
    if table.lang not in ("en", "ru", "ar") or end >= len(text) or end == 0:
        return True
    if not (text[end - 1].isalnum() and text[end].isalnum()):
        return True
    return any(e.pattern.match(text, end) for e in table.of("glued_separator"))


def _separator(text: str, pos: int, table: ActorTable) -> int | None:
    """Where the list separator at ``pos`` ends (", and", "y", a glued "and"), or None."""
    return _first_match(table.of("separator"), text, pos) or _first_match(
        table.of("glued_separator"), text, pos
    )


def _fill(label: str, m: re.Match[str], sector: str | None) -> str:
    """Fill ``{sector}`` and ``{n}`` placeholders of a label from the match and the host."""
    if "{" not in label:
        return label
    groups = m.groupdict()
    # "МСЭ-Т" writes the letter in Cyrillic
    letter = (groups.get("sector") or "").upper().replace("\u0422", "T")
    sec = f"ITU-{letter}" if letter else sector
    out = label.replace("{n}", groups.get("n") or "")
    # "the Bureau": the host Sector's ("" when the host has none: no actor)
    out = out.replace("{bureau}", _SECTOR_BUREAU.get(sec or "", ""))
    out = out.replace("{name}", (groups.get("name") or "").replace("\u2011", "-"))
    return out.replace("{sector} ", f"{sec} " if sec else "").replace("{sector}", sec or "")


@cache
def _plain(labels: tuple[str, ...]) -> bool:
    """Whether no label has a placeholder (the labels are used as they are)."""
    return not any("{" in lab for lab in labels)


def _fill_all(label: str, m: re.Match[str], sector: str | None) -> list[str]:
    """Like :func:`_fill`; ``{n*}`` stands for every number of "Study Groups 2, 3 and 17"."""
    if "{n*}" not in label:
        return [_fill(label, m, sector)]
    nums = re.findall(r"\d+", m.group("ns") or "")
    return [_fill(label.replace("{n*}", n), m, sector) for n in nums]


def _bureau_list(
    text: str, pos: int, table: ActorTable, first: tuple[ActorEntry, ...] | None = None
) -> tuple[int, list[str]] | None:
    """ "the Radiocommunication Bureau and the Telecommunication Development Bureau" -> BR, BDT.

    ``first``: the bureau rows that may match at ``pos`` (default: all of them)."""
    labels: list[str] = []
    end = pos
    cur = pos
    rows = table.of("bureau") if first is None else first
    while True:
        best: tuple[int, str] | None = None
        for e in rows:
            m = e.pattern.match(text, cur)
            ok = m is not None and m.end() > cur and _word_ok(text, m.end(), table)
            if ok and m is not None and (best is None or m.end() > best[0]):
                best = (m.end(), e.labels[0])
        if best is None:
            break
        labels.append(best[1])
        end = best[0]
        sep = _separator(text, end, table)
        if sep is None:
            break
        cur = sep
        rows = table.of("bureau")
    return (end, labels) if labels else None


def _first_match(entries: tuple[ActorEntry, ...], text: str, pos: int) -> int | None:
    for e in entries:
        m = e.pattern.match(text, pos)
        if m:
            return m.end()
    return None


#: up to this many rows, trying each costs less than the starter test (the union of every
#: row) before them: it reads every branch where a row matches, and a row rarely fails
_FEW_ROWS = 8


def _unit(
    text: str, pos: int, table: ActorTable, sector: str | None, at: RowsAt | None = None
) -> _Unit | None:
    """The longest single actor phrase starting at ``pos`` (``at``: what the caller read of
    the place already)."""
    at = at or table.at(text, pos)
    if not at.admits:
        return None  # no actor phrase begins so ("to", "that", "a)")
    rows = len(at.actors) + len(at.bureaux) + len(at.directors)
    if not rows:
        return None  # none of the rows can begin here ("the importance of")
    if rows > _FEW_ROWS and table.starter is not None and not table.starter.match(text, pos):
        return None  # one C-level test rejects most positions (item lines start with "to")
    cands: list[_Unit] = []
    for e in at.actors:
        m = e.pattern.match(text, pos)
        if m and m.end() > pos and _word_ok(text, m.end(), table):
            got = m.group("qual") if "qual" in e.pattern.groupindex else None
            qual = (e.qualifier or got) if got else None
            if _plain(e.labels):
                labels = e.labels
            else:
                labels = tuple(x for lab in e.labels for x in _fill_all(lab, m, sector))
            if not all(labels):
                continue  # a name that only the host Sector explains, in no Sector's text
            cands.append(_Unit(m.end(), labels, qual, (e.id,)))
    prefix = _first_match(at.directors, text, pos) if at.directors else None
    if prefix is not None:
        got = _bureau_list(text, prefix, table)
        if got is not None:
            end, bureaux = got
            suffix = _first_match(table.of("bureaux_suffix"), text, end)
            cands.append(_Unit(suffix or end, tuple(bureaux), None, ("directors-of",)))
    got = _bureau_list(text, pos, table, at.bureaux) if at.bureaux else None
    if got is not None:
        end, bureaux = got
        suffix = _first_match(table.of("directors_suffix"), text, end)
        if suffix is not None and _word_ok(text, suffix, table):
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
        lang: one of :data:`~extract.assignments.actor_table.LANGUAGES`.
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
        sep = _separator(text, end, table)
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
    found = _dedupe(labels)
    # without an extension the primary labels are the labels: one tuple (read once by _head)
    return ActorMatch(
        pos, end, found, found if primary == labels else _dedupe(primary), qualifier, ids
    )


def _listed(
    text: str, pos: int, table: ActorTable, sector: str | None, rows: tuple[ActorEntry, ...]
) -> ActorMatch | None:
    """ "ITU's membership - its Sector Members, Associates and Member States": the listed ones."""
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
    for lab in labels:
        if lab.startswith("@"):
            break
    else:
        return tuple(dict.fromkeys(labels))  # no group label (most lists): nothing to expand
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
