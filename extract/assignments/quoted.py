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

from spacy.language import Language

from extract.assignments.heads import HeadMatch
from extract.assignments.table import load_assignment_patterns
from extract.citations.find import find_citation_parts
from extract.citations.organs import load_organ_lexicon
from extract.citations.parts import CitationParts
from extract.models import DocumentStructure

__all__ = ["CitedBefore", "ReportedSource", "reported_source"]

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
        self._parts = None if parts is None else self._resolutions(parts)
        self._ends: list[int] = []

    @staticmethod
    def _resolutions(parts: Sequence[CitationParts]) -> list[CitationParts]:
        found = [p for p in parts if p.kind in ("resolution", "decision")]
        return sorted(found, key=lambda p: (p.end, p.start))

    @property
    def available(self) -> bool:
        """True when citations are known or can be read (the pipeline has ``itu_citations``)."""
        return self._parts is not None or "itu_citations" in self._nlp.pipe_names

    def last_within(self, lo: int, hi: int) -> CitationParts | None:
        """The mention ending last in ``[lo, hi)`` among those starting at or after ``lo``."""
        if self._parts is None:
            if not self.available:
                return None
            self._parts = self._resolutions(find_citation_parts(self._text, self._nlp))
        if not self._ends:
            self._ends = [p.end for p in self._parts]
        k = bisect.bisect_right(self._ends, hi)
        while k > 0:
            k -= 1
            if self._parts[k].start >= lo:
                return self._parts[k]
            if self._parts[k].end <= lo:
                return None
        return None


@cache
def _clause_end() -> re.Pattern[str]:
    """Where a clause ends (``clause_end`` rows of every language of the pattern table)."""
    rows = [p.pattern for p in load_assignment_patterns(None) if p.kind == "clause_end"]
    return re.compile("|".join(f"(?:{p})" for p in rows) or r"(?!)")


def reported_source(
    text: str,
    head: HeadMatch,
    cited: CitedBefore,
    structure: DocumentStructure,
    *,
    clause: bool,
) -> ReportedSource | None:
    """The resolution cited before the verb, read by ``itu_citations``.

    With ``clause``, only in the verb's own clause (no clause end between the citation and
    the verb); else in its paragraph — the segmenter's when it has one, else the line (and the
    line before it when the verb starts a line, as in PDF text wrapped before "instructs"), or up
    to ``_MAX_QUOTE`` characters back in a text whose lines are not paragraphs. Without an
    ``itu_citations`` pipe, a plain pattern finds the number.
    """
    vs = head.verb_start
    par = structure.where(vs)[2]
    if par is not None and par.start < vs:
        lo = par.start
    elif clause:
        lo = text.rfind("\n", 0, vs) + 1
        if lo == vs or not text[lo:vs].strip():
            lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
    else:  # the block: back to a blank line
        blank = max(text.rfind("\n\n", 0, vs), text.rfind("\n \n", 0, vs))
        lo = blank + 1 if blank >= 0 else 0
    lo = max(lo, vs - _MAX_QUOTE)
    if cited.available:
        last = cited.last_within(lo, vs)
        if last is None or (clause and _clause_end().search(text, last.end, vs)):
            return None
        body = last.organ or _organ_of(last, structure)
        if last.foreign or body in load_organ_lexicon().non_itu_organs:
            return None  # "resolution 70/1 ... invites Member States": not an ITU work
        return ReportedSource(last.number, body)
    found = list(_RES_FALLBACK.finditer(text, lo, vs))
    if not found or (clause and _clause_end().search(text, found[-1].end(), vs)):
        return None
    return ReportedSource(found[-1].group(1) or found[-1].group(2), None)


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
