"""Which cited resolution a quoted or reported clause head belongs to.

Why apart from the head finder: a head such as "Resolution 197 (Busan, 2014) of the
Plenipotentiary Conference instructs the Secretary-General" gives work in the *cited*
resolution, not in the text at hand; naming it takes the document's citations (read by the
``itu_citations`` pipe, once per document) and a rule on how far back the citation may stand:
in the same clause for a verb in the present ("that Resolution 1353 of the Council recognizes
..., and instructs"), anywhere in the paragraph for a quotation ("‘instructs the SG 3”") or a
verb in the past ("in its Resolution 811 ... also invited the Council").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from operator import attrgetter

from spacy.language import Language

from extract.assignments.heads import HeadMatch
from extract.assignments.table import load_assignment_patterns
from extract.assignments.verbs import skipping
from extract.citations.find import find_citation_parts
from extract.citations.organs import load_organ_lexicon
from extract.citations.parts import CitationParts
from extract.models import DocumentStructure
from extract.nlp.pipes import enabled_pipe

__all__ = ["CitedBefore", "ReportedSource", "reported_source", "same_sentence"]

_END_START = attrgetter("end", "start")
_MAX_QUOTE = 1500  # how far before a quoted verb the citation of its resolution may stand
_RES_FALLBACK = re.compile(r"(?i:\bresolution)\s+(\d{1,4})\b|第(\d{1,4})号决议")


@dataclass(frozen=True)
class ReportedSource:
    """The cited resolution whose clause a text quotes or reports: its number and organ."""

    number: str
    body: str | None


class CitedBefore:
    """The resolutions and decisions the document cites, by offset, read once and on demand.

    Why shared: a quoted clause ("Resolution 197 (Busan, 2014) ... instructs the
    Secretary-General") belongs to the last resolution cited before its verb, and the citations
    of the whole document are read anyway; reading them again for every quoted clause would
    run spaCy twice over the same text.
    """

    def __init__(
        self, text: str, nlp: Language, parts: Sequence[CitationParts] | None = None
    ) -> None:
        self._text, self._nlp = text, nlp
        # sorted when first asked for: most documents ask nothing (no head reports a clause)
        self._given = parts
        self._parts: list[CitationParts] | None = None
        self._ends: list[int] = []

    @staticmethod
    def _resolutions(parts: Sequence[CitationParts]) -> list[CitationParts]:
        found = [p for p in parts if p.kind in ("resolution", "decision")]
        return sorted(found, key=_END_START)

    @property
    def available(self) -> bool:
        """True when citations are known or can be read (the pipeline has ``itu_citations``)."""
        return (
            self._given is not None
            or self._parts is not None
            or enabled_pipe(self._nlp, "itu_citations") is not None
        )

    def _read(self) -> list[CitationParts]:
        if self._parts is None:
            if self._given is not None:
                found: Sequence[CitationParts] = self._given
            else:
                found = find_citation_parts(self._text, self._nlp) if self.available else []
            self._parts = self._resolutions(found)
        return self._parts

    def any_itu(self, structure: DocumentStructure) -> bool:
        """Whether the document cites a resolution or decision of an ITU organ."""
        others = load_organ_lexicon().non_itu_organs
        for p in self._read():
            body = p.organ or _organ_of(p, structure)
            if not p.foreign and body is not None and body not in others:
                return True
        return False

    def last_within(self, lo: int, hi: int) -> CitationParts | None:
        """The mention ending last in ``[lo, hi)`` among those starting at or after ``lo``."""
        if not self.available:
            return None
        parts = self._read()
        if not self._ends:
            self._ends = [p.end for p in parts]
        k = bisect.bisect_right(self._ends, hi)
        while k > 0:
            k -= 1
            if parts[k].start >= lo:
                return parts[k]
            if parts[k].end <= lo:
                return None
        return None


@dataclass(frozen=True)
class _Reach:
    clause_end: re.Pattern[str]
    sentence_end: re.Pattern[str]
    anaphor: re.Pattern[str]


@cache
def _table() -> _Reach:
    """Where clauses and sentences end, and the words that take a cited resolution up again:
    the ``clause_end``, ``sentence_end`` and ``anaphor`` rows of every language."""
    rows = load_assignment_patterns(None)

    def one(kind: str) -> re.Pattern[str]:
        pats = [p.pattern for p in rows if p.kind == kind]
        return skipping(re.compile("|".join(f"(?:{p})" for p in pats) or r"(?!)"))

    return _Reach(one("clause_end"), one("sentence_end"), one("anaphor"))


def reported_source(
    text: str,
    head: HeadMatch,
    cited: CitedBefore,
    structure: DocumentStructure,
    *,
    reach: str,
) -> ReportedSource | None:
    """The resolution cited before the verb, read by ``itu_citations``.

    The citation is looked for in the verb's paragraph (the segmenter's when it has one, else
    back to a blank line, at most ``_MAX_QUOTE`` characters), and must be the last one there.
    ``reach`` says how far from the verb it may stand: ``clause`` — no clause end between them
    ("Resolution 1353 of the Council recognizes ..., and instructs"); ``sentence`` — no sentence
    end, or one when the verb's sentence takes the resolution up again ("... in its Resolution
    811 resolved X. Further, it invited the Council"); ``paragraph`` — anywhere (a quoted clause
    reference, a preamble). Without an ``itu_citations`` pipe, a plain pattern finds the number.
    """
    vs = head.verb_start
    par = structure.where(vs)[2]
    if par is not None and par.start < vs:
        lo = par.start
    else:  # the block: back to a blank line
        floor = max(0, vs - _MAX_QUOTE)
        blank = max(text.rfind("\n\n", floor, vs), text.rfind("\n \n", floor, vs))
        lo = blank + 1 if blank >= 0 else floor
    lo = max(lo, vs - _MAX_QUOTE)
    if cited.available:
        last = cited.last_within(lo, vs)
        if last is None or not _near(text, last.end, vs, reach):
            return None
        body = last.organ or _organ_of(last, structure)
        if last.foreign or body in load_organ_lexicon().non_itu_organs:
            return None  # "resolution 70/1 ... invites Member States": not an ITU work
        return ReportedSource(last.number, body)
    found = list(_RES_FALLBACK.finditer(text, lo, vs))
    if not found or not _near(text, found[-1].end(), vs, reach):
        return None
    return ReportedSource(found[-1].group(1) or found[-1].group(2), None)


def same_sentence(text: str, lo: int, hi: int) -> bool:
    """Whether no sentence ends in ``text[lo:hi]``."""
    return _table().sentence_end.search(text, lo, hi) is None


def _near(text: str, end: int, verb: int, reach: str) -> bool:
    """Whether a citation ending at ``end`` is close enough to the verb at ``verb``."""
    if reach == "clause":
        return _table().clause_end.search(text, end, verb) is None
    if reach == "sentence":
        ends = list(_table().sentence_end.finditer(text, end, verb))
        if not ends:
            return True
        return len(ends) == 1 and _table().anaphor.search(text, ends[0].end(), verb) is not None
    return True


def _organ_of(parts: object, structure: DocumentStructure) -> str | None:
    """Organ of a citation without an organ phrase: decided by venue + year (PP for Busan 2014)."""
    from extract.citations.organs import resolve_body

    version = getattr(parts, "version", None)
    body, _basis = resolve_body(
        kind=getattr(parts, "kind", "resolution"),
        number=getattr(parts, "number", ""),
        explicit=None,
        explicit_basis=None,
        venue=getattr(version, "venue", None),
        year=getattr(version, "year", None),
        host_organ=structure.body,
    )
    return None if body == "unknown" else body
