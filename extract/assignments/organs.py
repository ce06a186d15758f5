"""The ITU organs that assignments are read against: Sectors, their bureaux and conferences.

Why data (``patterns/organs.jsonl``): the names by which a text reveals its Sector ("World
Telecommunication Standardization Assembly", "CMR", "世界电信发展大会") and the names of ITU
itself exist in six languages, and a new spelling must be one edit in one place. The rows say,
for each Sector, its bureau, the organs whose texts it gets (WTSA -> ITU-T), and a pattern of
the names that hint at it; ``itu_name`` rows tell a text that speaks of ITU from one of another
organisation (a UN resolution "requests the Secretary-General" too).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["OrganTable", "Sector", "load_organs"]

_FILE = Path(__file__).parent / "patterns" / "organs.jsonl"


@dataclass(frozen=True)
class Sector:
    """One ITU Sector: its label (``ITU-T``), bureau (``TSB``), organs and name hints."""

    label: str
    bureau: str
    bodies: tuple[str, ...]
    hint: re.Pattern[str]


@dataclass(frozen=True)
class OrganTable:
    """The Sectors in canonical order (ITU-T, ITU-R, ITU-D) and the names of ITU itself."""

    sectors: tuple[Sector, ...]
    itu_name: re.Pattern[str]
    #: the organs whose texts are ITU's whatever they say (PP, WTSA, WRC, ...; not "Council":
    #: other organisations have councils too)
    itu_bodies: frozenset[str] = frozenset()

    @property
    def bureaux(self) -> tuple[str, ...]:
        """The bureaux in canonical order: TSB, BR, BDT."""
        return tuple(s.bureau for s in self.sectors)

    def sector_of_body(self, body: str | None) -> str | None:
        """The Sector whose texts ``body`` adopts (WTSA -> ITU-T), None for PP, Council, ..."""
        return next((s.label for s in self.sectors if body in s.bodies), None)

    def is_itu(self, text: str, body: str | None = None) -> bool:
        """Whether a text (whose organ the segmentation read as ``body``) is ITU's: the organ
        is one of ITU's own, or the text names ITU, one of its Sectors or conferences."""
        if body in self.itu_bodies:
            return True
        if self.itu_name.search(text) is not None:
            return True
        return any(s.hint.search(text) is not None for s in self.sectors)

    def guess_sector(self, text: str) -> str | None:
        """The Sector whose organs ``text`` names most often (None when it names none)."""
        counts = [(len(s.hint.findall(text)), s.label) for s in self.sectors]
        best = max(counts, key=lambda c: c[0])
        return best[1] if best[0] else None


@cache
def load_organs() -> OrganTable:
    """Read ``patterns/organs.jsonl``.

    Raises:
        ValueError: naming the line of a row that is not valid.

    Example:
        >>> t = load_organs()
        >>> t.bureaux, t.sector_of_body("WRC")
        (('TSB', 'BR', 'BDT'), 'ITU-R')
    """
    sectors: list[Sector] = []
    names: list[str] = []
    bodies: set[str] = set()
    for n, line in enumerate(_FILE.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            re.compile(row["pattern"])
            if not row["example"] or not row["label"]:
                raise KeyError("label/example")
            if row["kind"] == "sector":
                hint = re.compile(row["pattern"])
                sectors.append(Sector(row["label"], row["bureau"], tuple(row["bodies"]), hint))
                bodies.update(row["bodies"])
            elif row["kind"] == "itu_name":
                names.append(row["pattern"])
                bodies.update(row.get("bodies", ()))
            else:
                raise KeyError(f"kind {row['kind']!r}")
        except (KeyError, TypeError, json.JSONDecodeError, re.error) as exc:
            raise ValueError(f"patterns/organs.jsonl line {n}: bad entry ({exc})") from exc
    itu_name = re.compile("|".join(f"(?:{p})" for p in names))
    return OrganTable(tuple(sectors), itu_name, frozenset(bodies))
