"""Find the work assignments of a document: who is instructed, invited, encouraged, with whom.

Why no tokenization of the whole text: clause heads are rare (a few per resolution) and spaCy's
tokenizer is the slow part of the pipeline (about 1 MB/s here), so the ``itu_assignments``
component's matcher runs on the characters: one compiled pre-scan regex of the verbs' anchor words
finds the candidate places, the full patterns only run there, and spaCy (the ``itu_citations``
pipe) only reads the line before a quoted head to name the cited resolution. The conversion of
heads to :class:`~extract.models.Assignment` records is a separate pure function,
:func:`heads_to_assignments`, which adds what only the document structure knows: the resolution
the head belongs to, its section and paragraph, and its source —
``operative`` (resolution text), ``summary`` (a paraphrase in an overview table) or ``reported``
(an operative clause of a *cited* resolution quoted in a preamble: "Resolution 197 (Busan, 2014)
of the Plenipotentiary Conference instructs the Secretary-General ...").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from spacy.language import Language

from extract.assignments.actors import sector_of_body
from extract.assignments.heads import HeadMatch
from extract.citations.find import find_citation_parts
from extract.citations.parts import CitationParts
from extract.models import Assignment, DocumentStructure, SourceDoc
from extract.nlp.assignment_component import SPANS_KEY, AssignmentComponent

__all__ = ["ReportedSource", "find_assignments", "heads_to_assignments"]

_LOOK_BACK = 400
_MAX_QUOTE = 1500  # how far before a quoted verb the citation of its resolution may stand
_WINDOW_AFTER = 4500
_ORGAN_HINTS = {
    "ITU-T": re.compile(
        r"\b(?:WTSA|AMNT)\b|Standardization Assembly|世界电信标准化全会"
        r"|Assemblée mondiale de normalisation|Asamblea Mundial de Normalización"
    ),
    "ITU-D": re.compile(
        r"\b(?:WTDC|CMDT)\b|Development Conference|世界电信发展大会"
        r"|Conférence mondiale de développement|Conferencia Mundial de Desarrollo"
    ),
    "ITU-R": re.compile(r"\bWRC\b|Radiocommunication (?:Assembly|Conference)"),
}
_RES_FALLBACK = re.compile(r"(?i:\bresolution)\s+(\d{1,4})\b|第(\d{1,4})号决议")


@dataclass(frozen=True)
class ReportedSource:
    """The cited resolution whose clause a preamble quotes: its number and organ."""

    number: str
    body: str | None


def _regions(
    text: str, structure: DocumentStructure, default: str | None
) -> list[tuple[int, int, str | None]]:
    """[start, end) stretches of ``text`` whose host Sector is the same (usually one)."""
    marks: list[tuple[int, str | None]] = [(0, default)]
    for res in sorted(structure.resolutions, key=lambda r: r.start):
        marks.append((res.start, sector_of_body(res.body) or default))
        marks.append((res.end, default))
    marks.sort(key=lambda m: m[0])
    out: list[tuple[int, int, str | None]] = []
    for (lo, sector), (hi, _next) in zip(marks, [*marks[1:], (len(text), None)], strict=True):
        if hi <= lo:
            continue
        if out and out[-1][2] == sector and out[-1][1] >= lo:
            out[-1] = (out[-1][0], hi, sector)
        else:
            out.append((lo, hi, sector))
    return out


def _component(nlp: Language) -> AssignmentComponent:
    if "itu_assignments" in nlp.pipe_names:
        pipe = nlp.get_pipe("itu_assignments")
        if isinstance(pipe, AssignmentComponent):
            return pipe
    return AssignmentComponent(
        nlp, "itu_assignments", spans_key=SPANS_KEY, lang=None, sector=None, item_scan=4000
    )


def find_assignments(
    doc: SourceDoc,
    structure: DocumentStructure,
    nlp: Language,
    citation_parts: Sequence[CitationParts] | None = None,
) -> list[Assignment]:
    """All clause heads of ``doc`` that give work, as records in document order.

    Args:
        doc: the loaded document (offsets refer to ``doc.text``).
        structure: its segmentation (resolutions, sections, paragraphs, the document's organ).
        nlp: the resgraph pipeline; its ``itu_assignments`` pipe is used when present (else one
            with default settings), and its ``itu_citations`` pipe names quoted resolutions.
        citation_parts: what :func:`extract.citations.find.find_citation_parts` read in
            ``doc.text``, when the caller has it (else it is read here, once, if a clause is
            quoted): the resolution a quoted clause belongs to is the last one cited before it.

    Returns:
        Assignment records; ``doc.text[a.start:a.end] == a.surface`` for each.

    Example:
        >>> from extract.text.load import load_document
        >>> from extract.nlp.pipeline import build_nlp
        >>> from extract.structure.segment import segment
        >>> d = load_document("data/corpus/003_fb0deb38008239bc.txt")
        >>> [a.addressee for a in find_assignments(d, segment(d), build_nlp())]
        ['TSB', 'Sector Members']
    """
    text = doc.text
    default_sector = sector_of_body(structure.body) or _guess_sector(text)
    heads: dict[tuple[int, int, bool], HeadMatch] = {}
    comp = _component(nlp)
    for lo, hi, sector in _regions(text, structure, default_sector):
        langs = _languages(structure.lang_at(lo), comp)
        # a little context on both sides: line starts before, numbered items after
        wlo = text.rfind("\n", 0, max(0, lo - _LOOK_BACK)) + 1
        for head in comp.heads(text[wlo : min(len(text), hi + _WINDOW_AFTER)], sector, langs):
            h = _shift(head, wlo) if wlo else head
            if lo <= h.verb_start < hi:
                heads.setdefault((h.start, h.end, h.addressee_only), h)
    ordered = sorted(heads.values(), key=lambda h: (h.start, h.end))
    cited = _CitedBefore(text, nlp, citation_parts)
    return heads_to_assignments(
        ordered,
        doc.name,
        text,
        structure,
        reported=lambda h: _reported_source(text, h, cited, structure),
    )


class _CitedBefore:
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


def _languages(lang: str, comp: AssignmentComponent) -> list[str] | None:
    """The languages whose verbs are looked for: the component's (English and Chinese unless
    configured), plus the language of the text at hand when it is French or Spanish."""
    base = lang.split("-")[0]
    if comp.lang is not None or base not in ("fr", "es"):
        return None
    return ["en", "zh", base]


def _guess_sector(text: str) -> str | None:
    """The Sector whose organ the text names most often, when the segmentation did not say."""
    counts = {sector: len(rx.findall(text)) for sector, rx in _ORGAN_HINTS.items()}
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] else None


def _shift(h: HeadMatch, lo: int) -> HeadMatch:
    return HeadMatch(
        **{
            **h.__dict__,
            "start": h.start + lo,
            "end": h.end + lo,
            "verb_start": h.verb_start + lo,
            "verb_end": h.verb_end + lo,
        }
    )


def _reported_source(
    text: str,
    head: HeadMatch,
    cited: _CitedBefore,
    structure: DocumentStructure,
) -> ReportedSource | None:
    """The resolution cited before the verb in the same paragraph, read by ``itu_citations``.

    The paragraph is the segmenter's when it has one, else the line (and the line before it when
    the verb starts a line, as in PDF text wrapped before "instructs"). Without an
    ``itu_citations`` pipe, a plain pattern finds the number.
    """
    par = structure.where(head.verb_start)[2]
    if par is not None and par.start < head.verb_start:
        lo = par.start
    else:
        lo = text.rfind("\n", 0, head.verb_start) + 1
        if lo == head.verb_start or not text[lo : head.verb_start].strip():
            lo = text.rfind("\n", 0, max(0, lo - 1)) + 1
    lo = max(lo, head.verb_start - _MAX_QUOTE)
    if cited.available:
        last = cited.last_within(lo, head.verb_start)
        if last is None:
            return None
        return ReportedSource(last.number, last.organ or _organ_of(last, structure))
    found = list(_RES_FALLBACK.finditer(text[lo : head.verb_start]))
    if not found:
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


def _items(h: HeadMatch, next_start: int | None, sec: Any, par: Any) -> tuple[str, ...]:
    """Labels of the numbered items a head governs: its own item for an addressee-only head,
    else the labelled paragraphs of its section after it, up to the next head."""
    if h.addressee_only and par is not None and par.label:
        return (par.label,)
    if sec is None:
        return ()
    stop = next_start if next_start is not None else sec.end
    starts = sec.paragraph_index.starts
    first, last = bisect.bisect_left(starts, h.end), bisect.bisect_left(starts, stop)
    labels = [p.label for p in sec.paragraphs[first:last] if p.label]
    top = labels[0][0].isdigit() if labels else True  # keep the top level: 1, 2 (not i), ii))
    return tuple(lab for lab in labels if lab[0].isdigit() == top)


def heads_to_assignments(
    heads: Iterable[HeadMatch],
    doc_name: str,
    text: str,
    structure: DocumentStructure,
    *,
    reported: object = None,
) -> list[Assignment]:
    """Turn heads (offsets into ``text``) into records placed in the document structure.

    Rules: a head inside a summary (an overview table entry) is ``summary``; a head in a preamble,
    or in running text after a resolution citation, is ``reported`` when ``reported(head)`` names
    the cited resolution (else dropped: "notes that Resolution X instructs ..." without a number
    is no assignment of ours); other heads are ``operative`` and must start a line (a verb in the
    middle of an item, "to report on the progress regarding invites the Secretary-General below",
    is a reference, not a head).

    Args:
        heads: heads found by :func:`~extract.nlp.assignment_component.find_heads` on ``text``.
        doc_name: the file name recorded as ``doc``.
        text: the document text.
        structure: the document's segmentation.
        reported: callable ``head -> ReportedSource | None`` (default: none is recognized).

    Example:
        >>> from extract.nlp.assignment_component import find_heads
        >>> from extract.models import DocumentStructure
        >>> s = DocumentStructure("x.txt", "en", "WTSA", None, ())
        >>> t = "invites the Council\\n1 to act"
        >>> [a.addressee for a in heads_to_assignments(find_heads(t), "x.txt", t, s)]
        ['Council']
    """
    out: list[Assignment] = []
    heads = sorted(heads, key=lambda h: (h.start, h.end))
    for i, h in enumerate(heads):
        res, sec, _ = structure.where(h.verb_start)
        par = structure.where(h.start)[2]
        summary = (res is not None and res.source == "summary") or (
            sec is not None and sec.kind == "summary"
        )
        preamble = sec is not None and sec.kind in {"preambular", "foreword"}
        host = res.number if res is not None else None
        source = "operative"
        resolution, body = host, None
        if summary:
            source = "summary"
        elif preamble or not h.line_start:
            found = reported(h) if callable(reported) else None
            if found is None:
                continue
            source, resolution, body = "reported", found.number, found.body
        out.append(
            Assignment(
                doc=doc_name,
                start=h.start,
                end=h.end,
                surface=text[h.start : h.end],
                resolution=resolution,
                verb=h.verb,
                addressee=h.addressee,
                addressees=h.addressees,
                collaborators=h.collaborators,
                source=source,  # type: ignore[arg-type]
                host=host if source == "reported" else None,
                resolution_body=body,
                section=sec.name if sec is not None else None,
                section_kind=sec.kind if sec is not None else None,
                paragraph=par.label if par is not None else None,
                addressee_only=h.addressee_only,
                verb_start=h.verb_start if h.addressee_only else None,
                verb_end=h.verb_end if h.addressee_only else None,
                addressee_qualifier=h.qualifier,
                items=_items(h, heads[i + 1].start if i + 1 < len(heads) else None, sec, par),
                pattern=h.pattern,
            )
        )
    return out
