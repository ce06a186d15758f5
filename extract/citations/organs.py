"""Which organ issued a cited resolution, and on what basis.

Why a module: the organ is the most consequential field of a citation ("Resolution 123" of PP and
of WTSA are different works) and it is decided by evidence of unequal strength. The rules are
applied in the order of the record contract, first that applies wins:

1. ``explicit`` — an organ prefix ("WTDC Resolution 17") or an organ phrase after the mention
   ("of the Plenipotentiary Conference", "of the World Telecommunication Development Conference
   (WTDC)", "of WTDC", "of the ITU Council"; French "de la Conférence de plénipotentiaires",
   "du Conseil"; Spanish "de la Conferencia de Plenipotenciarios", "del Consejo"), or a
   conference label ("Rev.WRC-15");
2. ``this-assembly`` — "of this assembly" / "of this Conference" / "de la présente Assemblée" /
   "de esta Asamblea" / "本全会": the host's organ;
3. ``inferred-from-venue`` — the gazetteer maps venue + year to one organ;
4. ``context`` — the host document's organ, or the numbering (Council numbers have four digits,
   numbers beyond every sectoral range are PP's), or the Sector of a Question;
5. ``unknown`` — when nothing decides (Dubai 2012 with no organ phrase: WTSA-12 or WCIT-12).

Organ names come from the gazetteer (the single source of conference truth); the few extra
phrases live in ``patterns/citation_organs.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extract.gazetteer import Gazetteer, load_gazetteer
from extract.text.cjk import CJK_CHAR

__all__ = ["OrganLexicon", "load_organ_lexicon", "resolve_body"]

_SESSION_NUMBER = re.compile(r"\d{1,3}/\d{1,3}")
# what joins a mention to its organ: "of (the)", French "de la", "de l'", "du", Spanish "del",
# "de la", "de"
_OF = r"(?:of[ \t\n]+|de[ \t\n]+la[ \t\n]+|de[ \t\n]+l'|du[ \t\n]+|del[ \t\n]+|de[ \t\n]+)"


@dataclass(frozen=True)
class OrganLexicon:
    """Compiled organ phrases plus the numbering facts, built once per process.

    Example:
        >>> lex = load_organ_lexicon()
        >>> lex.organ_after(" of the World Telecommunication Development Conference (WTDC), on", 0)
        ('WTDC', 'explicit', 61)
        >>> lex.organ_after(" of this assembly, and", 0)
        (None, 'this-assembly', 17)
    """

    gazetteer: Gazetteer
    after: re.Pattern[str]
    before: re.Pattern[str]
    names: dict[str, str]
    number_ranges: dict[str, tuple[int, int]]
    over_range_organ: str
    sector_organ: dict[str, str]
    sector_clues: dict[str, tuple[str, ...]]
    sector_resolution_organ: dict[str, str]
    session_organ: str

    def organ_of_name(self, name: str) -> str | None:
        """Organ code for a name or acronym as written (``"ITU Council"`` -> ``"Council"``)."""
        return self.names.get(" ".join(name.split()).casefold())

    def organ_after(self, text: str, pos: int) -> tuple[str | None, str, int] | None:
        """An organ phrase starting at ``pos``: (organ or None, basis, end offset) or None."""
        m = self.after.match(text, pos)
        if m is None:
            return None
        if m.group("this"):
            return None, "this-assembly", m.end()
        organ = self.organ_of_name(m.group("name"))
        if organ is None:
            return None
        return organ, "explicit", m.end()

    def organ_before(self, text: str, pos: int) -> tuple[str | None, str] | None:
        """An organ named right before ``pos``: 全权代表大会第196号决议, "General Assembly
        resolution 70/1"."""
        m = self.before.search(text, max(0, pos - 60), pos)
        if m is None:
            return None
        if m.group("this"):
            return None, "this-assembly"
        organ = self.organ_of_name(m.group("name"))
        return (organ, "explicit") if organ else None


def _alternation(items: list[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=lambda s: (-len(s), s)))


@cache
def load_organ_lexicon() -> OrganLexicon:
    """Build the lexicon from the gazetteer and ``patterns/citation_organs.json``.

    Example:
        >>> load_organ_lexicon().organ_of_name("World Telecommunication Development Conference")
        'WTDC'
    """
    gaz = load_gazetteer()
    raw: dict[str, Any] = json.loads(
        (Path(__file__).parent / "patterns" / "citation_organs.json").read_text("utf-8")
    )
    names: dict[str, str] = {}
    for organ, spellings in gaz.organ_names().items():
        for s in spellings:
            names[s.casefold()] = organ
    for alias, organ in raw["organ_aliases"].items():
        names[alias.casefold()] = organ
    spellings_all = {s for v in gaz.organ_names().values() for s in v} | set(raw["organ_aliases"])
    cjk = [n for n in spellings_all if CJK_CHAR.search(n)]
    latin = [n for n in spellings_all if not CJK_CHAR.search(n)]  # French and Spanish included
    # full English names written before a mention ("General Assembly resolution 70/1"); the
    # acronyms ("WTDC Resolution 17") are part of the surface and matched by the patterns
    latin_long = [n for n in latin if " " in n and n.isascii()]
    this_after = _alternation(raw["this_assembly"])
    after = re.compile(
        r"\]?[ \t]*(?:\n[ \t]*)?"
        + _OF
        + r"(?:(?P<this>"
        + this_after
        + r")\b|(?:the[ \t\n]+)?(?:ITU[ \t]+|ITU's[ \t]+)?(?P<name>"
        + _alternation(latin)
        + r")\b(?:[ \t]*\((?:ITU[ \t]+|UIT[ \t]+)?[A-Z]{2,5}\))?)"
    )
    before = re.compile(
        r"(?:(?P<this>"
        + _alternation(raw["this_assembly_before"])
        + r")|(?P<name>"
        + _alternation(cjk)
        + r"|\b(?:"
        + _alternation(latin_long)
        + r")))(?:的|'s)?[ \t]*\Z"
    )
    return OrganLexicon(
        gazetteer=gaz,
        after=after,
        before=before,
        names=names,
        number_ranges={k: (int(v[0]), int(v[1])) for k, v in raw["number_ranges"].items()},
        over_range_organ=raw["over_range_organ"],
        sector_organ=dict(raw["sector_organ"]),
        sector_resolution_organ=dict(raw["sector_resolution_organ"]),
        session_organ=raw["numbered_session_organ"],
        sector_clues={k: tuple(v) for k, v in raw["sector_clues"].items()},
    )


def _organ_by_number(number: str, context: str | None, lex: OrganLexicon) -> str | None:
    """Organ implied by the numbering alone, or None when the number fits the context organ."""
    if _SESSION_NUMBER.fullmatch(number):
        return lex.session_organ  # "70/1": session 70, resolution 1 (UN numbering)
    if not number.isdigit():
        return None
    n = int(number)
    lo, hi = lex.number_ranges.get("Council", (1000, 1999))
    if lo <= n <= hi:
        return "Council"
    if context in lex.number_ranges:
        if n <= lex.number_ranges[context][1]:
            return None
        over = lex.over_range_organ
        if n <= lex.number_ranges.get(over, (0, 0))[1]:
            return over
    return None


def resolve_body(
    *,
    kind: str,
    number: str,
    explicit: str | None,
    explicit_basis: str | None,
    venue: str | None,
    year: int | None,
    host_organ: str | None,
    sector: str | None = None,
    lex: OrganLexicon | None = None,
) -> tuple[str, str]:
    """Decide (body, body_basis) for one citation, first applicable rule wins.

    Args:
        kind: resolution, decision, question, recommendation or internal.
        number: the cited number as written.
        explicit: organ named by a prefix, a trailing organ phrase or a conference label.
        explicit_basis: ``"explicit"`` or ``"this-assembly"`` when the text said so.
        venue / year: the cited version, if stated.
        host_organ: the organ of the resolution (or document) the mention sits in.
        sector: ITU-T / ITU-D / ITU-R for Questions and Recommendations.
        lex: the organ lexicon (default: the packaged one).

    Example:
        >>> resolve_body(kind="resolution", number="123", explicit=None, explicit_basis=None,
        ...              venue="Dubai", year=2018, host_organ="WTSA")
        ('PP', 'inferred-from-venue')
        >>> resolve_body(kind="resolution", number="34", explicit=None, explicit_basis=None,
        ...              venue="Dubai", year=2012, host_organ="WTSA")
        ('unknown', 'unknown')
    """
    lex = lex or load_organ_lexicon()
    if kind == "recommendation":
        return "unknown", "unknown"
    if kind == "question":
        organ = lex.sector_organ.get(sector or "")
        return (organ, "context") if organ else ("unknown", "unknown")
    if kind == "internal":
        return (host_organ, "context") if host_organ else ("unknown", "unknown")
    if explicit_basis == "explicit" and explicit:
        return explicit, "explicit"
    if explicit_basis == "this-assembly":
        return (host_organ, "this-assembly") if host_organ else ("unknown", "unknown")
    if venue is not None and year is not None:
        organs = {c.organ for c in lex.gazetteer.held(venue, year)}
        if len(organs) == 1:
            return organs.pop(), "inferred-from-venue"
        # Dubai 2012 was WTSA-12 and WCIT-12: the host's organ would only be a guess
        return "unknown", "unknown"
    by_number = _organ_by_number(number, host_organ, lex)
    if by_number is not None:
        return by_number, "context"
    if host_organ:
        return host_organ, "context"
    return "unknown", "unknown"
