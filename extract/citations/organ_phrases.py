"""The regular expressions of the organ lexicon, built from the organ names and phrases data.

Why a module: :mod:`extract.citations.organs` decides which organ a mention names; how its
phrases are written in six scripts — the joining words of Latin languages ("of the", "de la",
"adopted by"), the Russian genitive ("Полномочной конференции"), the Arabic glued preposition
and stretching marks ("للمؤتـمر"), names whose spaces were lost ("WorldTelecommunication") — is
regex construction from ``patterns/citation_organs.json`` and the gazetteer, kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extract.gazetteer import Gazetteer
from extract.nlp.regex_first import first_char_lookahead
from extract.text.cjk import CJK_CHAR

__all__ = ["Phrases", "compile_phrases"]

_ARABIC = re.compile(r"[\u0600-\u06ff]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_TATWEEL = "\u0640"  # Arabic letter-stretching mark, written inside words ("المؤتـمر")
_BLANK = r"[ \t\n]+"


@dataclass(frozen=True)
class Phrases:
    """The compiled phrases (see :class:`extract.citations.organs.OrganLexicon`)."""

    after: re.Pattern[str]
    before: re.Pattern[str]
    sector: re.Pattern[str]
    of_sector: re.Pattern[str]
    itu_markers: re.Pattern[str]
    other_after: re.Pattern[str]
    other_acting: re.Pattern[str]
    before_ends: frozenset[str]
    before_cjk: tuple[str, ...]
    glued_other: re.Pattern[str]


def _genitive(name: str) -> bool:
    """Whether a Russian organ name is in the genitive, the case that joins it to a mention
    ("Резолюция 70 Полномочной конференции", "Решение 482 Совета"); a nominative after a
    number starts a new sentence ("в Резолюции 70 Совет МСЭ поручил ...")."""
    first = name.split()[0]
    return first.endswith(("ой", "ей", "ого", "и", "а")) and not first.endswith(("ая", "ия"))


def _alternation(items: list[str] | set[str]) -> str:
    return "|".join(re.escape(i) for i in sorted(set(items), key=lambda s: (-len(s), s)))


def _loose_spaces(names: set[str]) -> str:
    """Names with their spaces allowed to be any blank run, or lost ("WorldTelecommunication")."""
    alts = sorted(names, key=lambda s: (-len(s), s))
    return "|".join(r"[ \t\n]*".join(re.escape(w) for w in n.split()) for n in alts)


def _arabic_names(names: set[str]) -> str:
    """Arabic names after a glued "ل" ("للمؤتمر" = ل + المؤتمر), stretching marks allowed."""
    out = []
    for n in sorted(names, key=lambda s: (-len(s), s)):
        body, head = (n[2:], "(?:ال|لل)") if n.startswith("ال") else (n, "ل?")
        stretched = "".join(
            (r"[ \t\n]+" if ch == " " else re.escape(ch) + _TATWEEL + "*") for ch in body
        )
        out.append(head + stretched)
    return "|".join(out)


def compile_phrases(gaz: Gazetteer, raw: dict[str, Any], spellings_all: set[str]) -> Phrases:
    """Every regex of the lexicon from the gazetteer's organ names and the phrases data.

    Example:
        >>> import json
        >>> from pathlib import Path
        >>> from extract.gazetteer import load_gazetteer
        >>> raw = json.loads(Path("extract/citations/patterns/citation_organs.json").read_text())
        >>> g = load_gazetteer()
        >>> p = compile_phrases(g, raw, {n for v in g.organ_names().values() for n in v})
        >>> p.after.match(" of the Council").group("name")
        'Council'
    """
    cjk = {n for n in spellings_all if CJK_CHAR.search(n)}
    arabic = {n for n in spellings_all if _ARABIC.search(n)}
    cyrillic = {n for n in spellings_all if _CYRILLIC.search(n)}
    latin = spellings_all - cjk - arabic - cyrillic  # French and Spanish included
    # full names written before a mention ("General Assembly resolution 70/1", "Security
    # Council resolution 338"); the acronyms ("WTDC Resolution 17") are part of the surface and
    # matched by the patterns
    # (and the acronyms of the bodies whose resolutions are near-misses: "UNSC resolution 1325")
    multiword = {n for n in latin | cyrillic if " " in n} | {
        n
        for o in raw["non_itu_organs"]
        for n in gaz.organ_names().get(o, ())
        if n.isupper() and n.isascii()
    }
    # each joining word and the blank after it (none after an elided "de l'")
    joiners = "|".join(
        "(?i:"
        + r"[ \t\n]+".join(re.escape(w) for w in j.split())
        + ")"
        + ("" if j.endswith("'") else r"(?:[ \t\n]+|(?=the))")
        for j in sorted(raw["organ_joiners"], key=len, reverse=True)
    )
    sessions = "|".join(
        _BLANK.join(re.escape(w) for w in s.split()) for s in raw.get("session_words", [])
    )
    label = gaz.label_regex(loose=False).pattern
    union = _alternation(raw["union_names"])
    others = _alternation(raw["other_bodies"])
    after = re.compile(
        r"\]?[ \t]*(?:\n[ \t]*)?(?:"
        # Latin scripts: a joining word ("of", "adopted by", "de la", "du", "del", "from")
        + rf"(?:{joiners})(?:"
        + r"(?P<this>"
        + _alternation(raw["this_assembly"])
        + r")\b|(?P<label>"
        + label
        + r")|(?:the[ \t\n]*)?(?:(?P<pyear>(?:19|20)\d\d)[ \t\n]+"
        + (rf"(?:(?:{sessions})[ \t\n]+(?:the[ \t\n]+)?)?" if sessions else "")
        + r")?(?:ITU[ \t]+|ITU's[ \t]+)?(?P<name>"
        + _loose_spaces(latin)
        + r")\b(?P<acronym>[ \t]*\((?:ITU[ \t]+|UIT[ \t]+)?[A-Z]{2,5}\))?"
        # "of the Plenipotentiary Conference of the International Telecommunication Union (...)"
        + rf"(?:[ \t\n]+(?:{joiners})(?:the[ \t\n]+)?(?:{union}))?"
        + r"(?:[ \t]*(?:\n[ \t]*)?\((?P<paren>[^()\n]{1,60})\))?)"
        # Russian: the genitive, no joining word ("Полномочной конференции")
        + r"|[ \t\n]+(?=[\u0400-\u04ff])(?P<name_ru>"
        + _alternation({n for n in cyrillic if _genitive(n)})
        + r")(?![\u0400-\u04ff])(?:[ \t]*\((?P<paren_ru>[^()\n]{1,60})\))?"
        # Arabic: "ل" glued to the name ("للمؤتمر العالمي لتنمية الاتصالات")
        + r"|[ \t\n]+(?=[\u0600-\u06ff])(?P<name_ar>"
        + _arabic_names(arabic)
        + r")(?:[ \t]*\((?P<paren_ar>[^()\n]{1,60})\))?)"
    )
    before = re.compile(
        r"(?:(?P<this>"
        + _alternation(raw["this_assembly_before"])
        + r")|(?P<name>"
        + _alternation(cjk)
        + r"|\b(?:"
        + _alternation(multiword)
        + r")))(?:的|'s)?[ \t]*\Z"
    )
    # the names of the bodies whose resolutions are near-misses with their spaces lost, maybe
    # glued to a short lowercase word too ("ofSecurityCouncil", "theGeneralAssembly"): a whole
    # word before a mention, so that the name is read as the spaced one is
    spaceless = {
        re.sub(r"\s+", "", n)
        for o in raw["non_itu_organs"]
        for n in (
            *gaz.organ_names().get(o, ()),
            *(a for a, org in raw["organ_aliases"].items() if org == o),
        )
        if " " in n and not CJK_CHAR.search(n) and not _ARABIC.search(n)
    }
    glued_other = re.compile(
        r"(?:[a-z]{1,5}|[а-яё]{1,5})?(?P<name>" + _alternation(spaceless) + r")"
    )
    prefixes = _alternation(raw["sector_prefixes"])
    sector = re.compile(rf"(?:{prefixes})[-‑]?[ \t]?([TDR])(?![A-Za-z])")
    of_sector = re.compile(rf"[ \t]+(?:{joiners})(?:the[ \t]+)?(?:{prefixes})-([TDR])\b")
    # ITU's own words, and the names of its organs that no other body uses (the multi-word
    # names and the acronyms; "Council" alone is any organisation's)
    itu_names = {
        n
        for organ, spellings in gaz.organ_names().items()
        if organ not in raw["non_itu_organs"]
        for n in spellings
        if " " in n or (n.isupper() and len(n) > 2)
    }
    markers = "|".join(
        (rf"\b{re.escape(m)}\b" if m.isascii() else re.escape(m))
        for m in sorted({*raw["itu_markers"], *itu_names}, key=len, reverse=True)
    )
    return Phrases(
        after=after,
        before=before,
        sector=sector,
        of_sector=of_sector,
        # searched over whole texts: the look-ahead lets the engine skip to a marker's letters
        itu_markers=re.compile(first_char_lookahead(markers) + f"(?:{markers})"),
        other_after=re.compile(
            rf"\]?[ \t]*(?:{joiners})(?:[^.;:()\n]{{0,80}}?[ \t])?(?:{others})(?![\w-])"
        ),
        other_acting=re.compile(
            r"^[ \t]*(?i:the|la|le|el|l'|les|los)[ \t]+(?:[^\n,]{0,60}?[ \t])?"
            + rf"(?:{others})(?:[ \t]*\([^()\n]{{1,12}}\))?,(?:[^\n,]{{0,40}},)?[ \t]*$",
            re.MULTILINE,
        ),
        # the last word of each name written before a mention ("... Council", "... 大会")
        before_ends=frozenset(re.split(r"[^\w]+", n.rstrip())[-1] for n in multiword if n.strip()),
        before_cjk=tuple({*cjk, *raw["this_assembly_before"]}),
        glued_other=glued_other,
    )
