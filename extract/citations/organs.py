"""Which organ issued a cited resolution, and on what basis.

Why a module: the organ is the most consequential field of a citation ("Resolution 123" of PP and
of WTSA are different works) and it is decided by evidence of unequal strength. The rules are
applied in the order of the record contract, first that applies wins:

1. ``explicit`` — an organ prefix ("WTDC Resolution 17") or an organ phrase after the mention
   ("of the Plenipotentiary Conference", "of the World Telecommunication Development Conference
   (WTDC)", "of the 2014 Plenipotentiary Conference", "adopted by the 2011 session of the
   Council", "from WRC-19"; French "de la Conférence de plénipotentiaires"; Spanish "del
   Consejo"; Russian by the genitive, "Полномочной конференции"; Arabic by a glued "ل",
   "للمؤتمر العالمي لتنمية الاتصالات"), or a conference label ("Rev.WRC-15");
2. ``this-assembly`` — "of this assembly" / "de la présente Assemblée" / "本全会": the host's organ;
3. ``inferred-from-venue`` — the gazetteer maps venue + year to one organ;
4. ``context`` — the host document's organ, or the numbering (Council numbers have four digits,
   numbers beyond every sectoral range are PP's), or the Sector of a Question;
5. ``unknown`` — when nothing decides (Dubai 2012 with no organ phrase: WTSA-12 or WCIT-12).

Organ names come from the gazetteer (the single source of conference truth, in six languages);
the joining words and the few extra phrases live in ``patterns/citation_organs.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from extract.citations.organ_phrases import compile_phrases
from extract.citations.parse import VersionParts, parse_version
from extract.gazetteer import Gazetteer, load_gazetteer

__all__ = ["OTHER", "OrganLexicon", "OrganPhrase", "load_organ_lexicon", "resolve_body"]

_SESSION_NUMBER = re.compile(r"\d{1,3}/\d{1,3}")
_COUNCIL = "Council"
#: the body of a mention that another organisation's numbering marks as not ITU's
OTHER = "other"
_ARABIC = re.compile(r"[\u0600-\u06ff]")
_BLANKS = re.compile(r"\s+")
_TATWEEL = "\u0640"  # Arabic letter-stretching mark, written inside words ("المؤتـمر")


@dataclass(frozen=True)
class OrganPhrase:
    """An organ phrase after a mention: the organ (None for "this assembly"), the basis, where
    the phrase ends, and the version it states ("of the World Radiocommunication Conference
    (Geneva, 2012)", "of the 2010 Plenipotentiary Conference", "from WRC-19")."""

    organ: str | None
    basis: str
    end: int
    version: VersionParts | None = None


@dataclass(frozen=True)
class OrganLexicon:
    """Compiled organ phrases plus the numbering facts, built once per process.

    Example:
        >>> lex = load_organ_lexicon()
        >>> p = lex.organ_after(" of the World Telecommunication Development Conference (WTDC)", 0)
        >>> (p.organ, p.basis, p.end)
        ('WTDC', 'explicit', 61)
        >>> lex.organ_after(" of this assembly, and", 0).basis
        'this-assembly'
        >>> p = lex.organ_after(" of the 2010 Plenipotentiary Conference.", 0)
        >>> (p.organ, p.version.venue, p.version.year)
        ('PP', 'Guadalajara', 2010)
    """

    gazetteer: Gazetteer
    after: re.Pattern[str]
    before: re.Pattern[str]
    names: dict[str, str]
    number_ranges: dict[str, tuple[int, int]]
    decision_ranges: dict[str, tuple[int, int]]
    over_range_organ: str
    sector_organ: dict[str, str]
    sector_clues: dict[str, tuple[str, ...]]
    sector_resolution_organ: dict[str, str]
    session_organ: str
    sector: re.Pattern[str]
    of_sector: re.Pattern[str]
    non_itu_organs: dict[str, str]
    itu_markers: re.Pattern[str]
    council_numbering: tuple[tuple[int, int], ...] = ()
    other_after: re.Pattern[str] | None = None
    other_acting: re.Pattern[str] | None = None
    before_ends: frozenset[str] = frozenset()
    before_cjk: tuple[str, ...] = ()
    rival_bodies: tuple[str, ...] = ()
    glued_other: re.Pattern[str] | None = None

    def organ_of_name(self, name: str) -> str | None:
        """Organ code for a name or acronym as written (``"ITU Council"`` -> ``"Council"``,
        ``"للمؤتـمر العالـمي لتنمية الاتصالات"`` -> ``"WTDC"``)."""
        key = " ".join(name.replace(_TATWEEL, "").split()).casefold()
        found = self.names.get(key) or self.names.get(_BLANKS.sub("", key))
        if found is None and _ARABIC.match(key):  # the glued preposition: ل, لل (ل + ال)
            found = self.names.get("ال" + key[2:]) if key.startswith("لل") else None
            found = found or self.names.get(key[1:])
        return found

    def organ_after(self, text: str, pos: int) -> OrganPhrase | None:
        """An organ phrase starting at ``pos``, or None."""
        m = self.after.match(text, pos)
        if m is None:
            return None
        if m.group("this"):
            return OrganPhrase(None, "this-assembly", m.end("this"))
        if m.group("label"):
            ref = self.gazetteer.label(m.group("label"))
            if ref is None:
                return None
            conf = ref.conference
            stated = VersionParts(conf.venue if conf else None, ref.year, False, organ=ref.organ)
            return OrganPhrase(ref.organ, "explicit", m.end("label"), stated)
        name = m.group("name") or m.group("name_ru") or m.group("name_ar")
        organ = self.organ_of_name(name)
        if organ is None:
            return None
        end = max(m.end("name"), m.end("name_ru"), m.end("name_ar"), m.end("acronym"))
        version: VersionParts | None = None
        paren = next((g for g in ("paren", "paren_ru", "paren_ar") if m.group(g)), "paren")
        if m.group(paren):
            v = parse_version(m.group(paren), self.gazetteer)
            if v.year is not None:
                version, end = v, m.end(paren) + 1
        if version is None and m.group("pyear"):
            year = int(m.group("pyear"))
            held = [c for c in self.gazetteer.of_organ(organ) if c.year == year]
            venue = held[0].venue if len(held) == 1 else None
            version = VersionParts(venue, year, False)
        return OrganPhrase(organ, "explicit", end, version)

    def organ_before(self, text: str, pos: int) -> tuple[str | None, str] | None:
        """An organ named right before ``pos``: 全权代表大会第196号决议, "General Assembly
        resolution 70/1", "Security Council resolution 338"."""
        # the word right before (a Latin or Cyrillic word, or a run of CJK characters) must end
        # one of the names: a set lookup spares the regex search at almost every mention
        k = pos
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if text.endswith(("'s", "’s"), 0, k):  # "the UN General Assembly's resolution 70/1"
            k -= 2
        elif text.endswith("的", 0, k):
            k -= 1
        j, lo = k, max(0, k - 40)
        while j > lo and text[j - 1].isalpha():
            j -= 1
        word = text[j:k]
        if word not in self.before_ends and not word.endswith(self.before_cjk):
            # "ofSecurityCouncil resolution 338": a UN organ's name whose spaces were lost
            glued = self.glued_other.fullmatch(word) if self.glued_other else None
            organ = self.organ_of_name(glued.group("name")) if glued else None
            return (organ, "explicit") if organ else None
        m = self.before.search(text, max(0, pos - 60), pos)
        if m is None:
            return None
        if m.group("this"):
            return None, "this-assembly"
        organ = self.organ_of_name(m.group("name"))
        return (organ, "explicit") if organ else None

    def label_before(self, text: str, pos: int) -> tuple[int, str] | None:
        """A conference label right before ``pos`` ("WTSA-08 Resolution 68"): its start and
        text."""
        k = pos
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == pos or not text[k - 1].isdigit():  # a label ends in its year
            return None
        lo = max(0, pos - 24)
        for m in self.gazetteer.label_regex().finditer(text, lo, pos):
            if not text[m.end() : pos].strip(" \t") and m.end() < pos:
                return m.start(), m.group(0)
        return None

    def council_year_possible(self, number: str, year: int | None, venue: str | None) -> bool:
        """Whether an ITU Council resolution ``number`` can be cited with ``year``: numbers
        are given in time order, so a year before the number existed is another body's
        ("resolutions 1318 (2000)": ITU's Resolution 1318 is of 2010). A venue, no year or a
        number outside the known numbering says nothing against it.

        Example:
            >>> lex = load_organ_lexicon()
            >>> lex.council_year_possible("1318", 2000, None)
            False
            >>> lex.council_year_possible("1305", 2009, None)
            True
        """
        if year is None or venue is not None or not number.isdigit() or not self.council_numbering:
            return True
        n, anchors = int(number), self.council_numbering
        if n < anchors[0][0]:
            return True
        earlier = [y for k, y in anchors if k <= n]
        return year >= earlier[-1] - 1

    def has_itu_marker(self, text: str) -> bool:
        """Whether ``text`` says anything only an ITU text (or one about ITU) says, and is not
        the text of another organisation ("The Management Committee of the Asia-Pacific
        Telecommunity," opening its resolution)."""
        if self.itu_markers.search(text) is None:
            return False
        return self.other_acting is None or self.other_acting.search(text) is None

    def names_rival_body(self, text: str) -> bool:
        """Whether ``text`` names an organisation whose own numbered resolutions it may cite
        ("جامعة الدول العربية"): a mention only the context ties to ITU is then not ITU's.

        Example:
            >>> lex = load_organ_lexicon()
            >>> lex.names_rival_body("قرار مجلس الجامعة العربية"), lex.names_rival_body("ITU")
            (True, False)
        """
        # a few substring tests (memchr-fast) instead of a regex alternation over the text
        return any(name in text for name in self.rival_bodies)

    def other_body_after(self, text: str, pos: int) -> bool:
        """Whether the phrase after a mention names another organisation: "Resolution No. 12
        of the 17th Session of the General Assembly of the APT", "adoptée par la CGPM"."""
        return self.other_after is not None and self.other_after.match(text, pos) is not None


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
    # the same names with their spaces lost in conversion ("WorldTelecommunication ...")
    names.update({re.sub(r"\s+", "", k): v for k, v in list(names.items()) if " " in k})
    spellings_all = {s for v in gaz.organ_names().values() for s in v} | set(raw["organ_aliases"])
    phrases = compile_phrases(gaz, raw, spellings_all)
    return OrganLexicon(
        gazetteer=gaz,
        after=phrases.after,
        before=phrases.before,
        names=names,
        number_ranges={k: (int(v[0]), int(v[1])) for k, v in raw["number_ranges"].items()},
        decision_ranges={
            k: (int(v[0]), int(v[1])) for k, v in raw["decision_number_ranges"].items()
        },
        over_range_organ=raw["over_range_organ"],
        sector_organ=dict(raw["sector_organ"]),
        sector_resolution_organ=dict(raw["sector_resolution_organ"]),
        session_organ=raw["numbered_session_organ"],
        sector_clues={k: tuple(v) for k, v in raw["sector_clues"].items()},
        sector=phrases.sector,
        of_sector=phrases.of_sector,
        non_itu_organs=dict(raw["non_itu_organs"]),
        itu_markers=phrases.itu_markers,
        council_numbering=tuple(sorted((int(n), int(y)) for n, y in raw["council_numbering"])),
        other_after=phrases.other_after,
        other_acting=phrases.other_acting,
        before_ends=phrases.before_ends,
        before_cjk=phrases.before_cjk,
        rival_bodies=tuple(raw.get("rival_bodies", ())),
        glued_other=phrases.glued_other,
    )


def _organ_by_number(number: str, kind: str, context: str | None, lex: OrganLexicon) -> str | None:
    """Organ implied by the numbering alone, or None when the number fits the context organ."""
    if _SESSION_NUMBER.fullmatch(number):
        return lex.session_organ  # "70/1": session 70, resolution 1 (UN numbering)
    if not number.isdigit():
        return None
    n = int(number)
    if kind == "decision":
        if context in lex.decision_ranges and n <= lex.decision_ranges[context][1]:
            return None
        fits = [o for o, (lo, hi) in lex.decision_ranges.items() if lo <= n <= hi]
        return fits[0] if len(fits) == 1 else None
    lo, hi = lex.number_ranges.get(_COUNCIL, (1000, 1999))
    if lo <= n <= hi:
        return _COUNCIL
    if n > max(top for _, top in lex.number_ranges.values()):
        return OTHER  # beyond every ITU organ's numbering ("resolution 2394")
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
        # "Recommendation ITU-T E.161.1" names no organ; "Recommendation 608 (Rev.WRC-07)" does
        if explicit_basis == "explicit" and explicit:
            return explicit, "explicit"
        if venue is not None and year is not None:
            organ = lex.gazetteer.organ_for(venue, year)
            if organ:
                return organ, "inferred-from-venue"
        return "unknown", "unknown"
    if kind == "question":
        organ = lex.sector_organ.get(sector or "")
        return (organ, "context") if organ else ("unknown", "unknown")
    if kind == "internal":
        return (host_organ, "context") if host_organ else ("unknown", "unknown")
    if explicit_basis == "explicit" and explicit:
        if explicit == _COUNCIL and not lex.council_year_possible(number, year, venue):
            return OTHER, "explicit"  # "Council resolution 1318 (2000)": not ITU's numbering
        return explicit, "explicit"
    if explicit_basis == "this-assembly":
        return (host_organ, "this-assembly") if host_organ else ("unknown", "unknown")
    if venue is not None and year is not None:
        organs = {c.organ for c in lex.gazetteer.held(venue, year)}
        if len(organs) == 1:
            return organs.pop(), "inferred-from-venue"
        # Dubai 2012 was WTSA-12 and WCIT-12: the host's organ would only be a guess
        return "unknown", "unknown"
    if host_organ in lex.non_itu_organs:
        return host_organ, "context"  # a bare "resolution 1318 (2000)" in a UN text is the UN's
    by_number = _organ_by_number(number, kind, host_organ, lex)
    if by_number == _COUNCIL and not lex.council_year_possible(number, year, venue):
        return OTHER, "context"  # "resolutions 1318 (2000)": the Security Council's numbering
    if by_number is not None:
        return by_number, "context"
    if host_organ:
        return host_organ, "context"
    return "unknown", "unknown"
