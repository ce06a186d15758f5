"""The ITU Sectors that assignments are read against: their bureaux and their organs.

Why data (``patterns/organs.jsonl``): which bureau serves which Sector and which organs' texts
belong to it (WTSA -> ITU-T -> TSB) is knowledge the head finder needs for "the other Bureaux"
and "Study Group 17", and it must live in one place. The organs' *names* in six languages are
the gazetteer's (:func:`extract.gazetteer.load_gazetteer`), and the words that mark a text as
ITU's are the citation lexicon's (``itu_markers``): one source each, read here, never repeated.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from extract.citations.organs import load_organ_lexicon
from extract.gazetteer import load_gazetteer
from extract.nlp.literals import LiteralFinder

__all__ = ["OrganTable", "Sector", "load_organs"]

_FILE = Path(__file__).parent / "patterns" / "organs.jsonl"


@dataclass(frozen=True)
class Sector:
    """One ITU Sector: its label (``ITU-T``), bureau (``TSB``), organs and their names."""

    label: str
    bureau: str
    bodies: tuple[str, ...]
    #: any name of one of its organs (gazetteer spellings in every language)
    hint: re.Pattern[str]
    #: those names as written (every match of ``hint`` starts where one of them occurs)
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrganTable:
    """The Sectors in canonical order (ITU-T, ITU-R, ITU-D)."""

    sectors: tuple[Sector, ...]
    #: every Sector's names in one automaton, and the Sector of each name (by index)
    _finder: LiteralFinder | None = field(default=None, compare=False, repr=False)
    _name_sector: tuple[int, ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        names = [(n, i) for i, s in enumerate(self.sectors) for n in s.names]
        if names and all(s.names for s in self.sectors):
            object.__setattr__(self, "_finder", LiteralFinder(n for n, _i in names))
            object.__setattr__(self, "_name_sector", tuple(i for _n, i in names))

    @property
    def bureaux(self) -> tuple[str, ...]:
        """The bureaux in canonical order: TSB, BR, BDT."""
        return tuple(s.bureau for s in self.sectors)

    def sector_of_body(self, body: str | None) -> str | None:
        """The Sector whose texts ``body`` adopts (WTSA -> ITU-T), None for PP, Council, ..."""
        return next((s.label for s in self.sectors if body in s.bodies), None)

    def guess_sector(self, text: str) -> str | None:
        """The Sector whose organs ``text`` names most often (None when it names none)."""
        counts = [(n, s.label) for n, s in zip(self._counts(text), self.sectors, strict=True)]
        best = max(counts, key=lambda c: c[0])
        return best[1] if best[0] else None

    def _counts(self, text: str) -> list[int]:
        """``len(s.hint.findall(text))`` for each Sector, in one pass over ``text``.

        Why: a findall of an alternation of a few hundred names tries every one of them at
        every character (a third of a second per MB of text, when the host's organ is not
        known). Every match begins where one of the names occurs, so the alternation is only
        tried there, left to right and resuming after each match as ``findall`` does: the
        same counts. ``tests/extract/assignments/test_organs.py`` checks both ways agree.
        """
        if self._finder is None:
            return [len(s.hint.findall(text)) for s in self.sectors]
        starts: list[set[int]] = [set() for _ in self.sectors]
        for index, k in self._finder.find(text):
            starts[self._name_sector[index]].add(k)
        counts = []
        for sector, positions in zip(self.sectors, starts, strict=True):
            n = resume = 0
            for pos in sorted(positions):
                if pos >= resume and (m := sector.hint.match(text, pos)) is not None:
                    n += 1
                    resume = max(m.end(), pos + 1)
            counts.append(n)
        return counts

    @property
    def non_itu_bodies(self) -> frozenset[str]:
        """The organs whose resolutions are near-misses (UNGA, UNSC): the citation lexicon's."""
        return frozenset(load_organ_lexicon().non_itu_organs)

    @staticmethod
    def is_itu(text: str) -> bool:
        """Whether ``text`` says anything only an ITU text, or one about ITU, says."""
        return load_organ_lexicon().has_itu_marker(text)


def _names(spellings: list[str]) -> str:
    """One alternation of organ names; acronyms and other ASCII names as whole words."""
    ordered = sorted(set(spellings), key=lambda s: (-len(s), s))
    return "|".join(rf"\b{re.escape(n)}\b" if n.isascii() else re.escape(n) for n in ordered)


@cache
def load_organs(path: Path | None = None) -> OrganTable:
    """Read ``patterns/organs.jsonl`` (or ``path``) and the gazetteer's organ names.

    Raises:
        ValueError: naming the line of a row that is not valid.

    Example:
        >>> t = load_organs()
        >>> t.bureaux, t.sector_of_body("WRC"), t.guess_sector("adopted by WTDC-22")
        (('TSB', 'BR', 'BDT'), 'ITU-R', 'ITU-D')
    """
    names = load_gazetteer().organ_names()
    sectors: list[Sector] = []
    source = path or _FILE
    for n, line in enumerate(source.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if row["kind"] != "sector" or not row["example"] or not row["label"]:
                raise KeyError(f"kind {row['kind']!r}, label, example")
            bodies = tuple(row["bodies"])
            spellings = [s for b in bodies for s in names.get(b, ())]
            if not spellings:
                raise KeyError(f"no gazetteer names for {bodies}")
            # organs that adopt no resolutions but speak for the Sector (the RRB's rules)
            spellings += [str(h) for h in row.get("hints", ())]
            hint = re.compile(_names(spellings))
            own = tuple(dict.fromkeys(spellings))
            sectors.append(Sector(row["label"], row["bureau"], bodies, hint, own))
        except (KeyError, TypeError, json.JSONDecodeError) as exc:
            raise ValueError(f"{source} line {n}: bad entry ({exc})") from exc
    return OrganTable(tuple(sectors))
