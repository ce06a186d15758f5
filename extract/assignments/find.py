"""Find the work assignments of a document: who is instructed, invited, encouraged, with whom.

Why no tokenization of the whole text: clause heads are rare (a few per resolution) and spaCy's
tokenizer is the slow part of the pipeline (about 1 MB/s here), so the ``itu_assignments``
component's matcher runs on the characters: one compiled pre-scan regex of the verbs' anchor words
finds the candidate places, the full patterns only run there, and spaCy (the ``itu_citations``
pipe) only reads the text before a quoted head to name the cited resolution
(:mod:`extract.assignments.quoted`). The conversion of heads to
:class:`~extract.models.Assignment` records (:func:`heads_to_assignments`, in
:mod:`extract.assignments.records`) adds what only the document structure knows: the resolution
the head belongs to, its section and paragraph, and its source — ``operative`` (resolution
text), ``summary`` (a paraphrase) or ``reported`` (an operative clause of a *cited* resolution
quoted in another text: "Resolution 197 (Busan, 2014) of the Plenipotentiary Conference
instructs the Secretary-General ...").
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

from spacy.language import Language

from extract.assignments.actors import sector_of_body, shared_labels
from extract.assignments.heads import HeadMatch
from extract.assignments.hosts import enacting_formulas, speaker_at
from extract.assignments.organs import load_organs
from extract.assignments.quoted import CitedBefore, ReportedSource, reported_source
from extract.assignments.records import heads_to_assignments
from extract.citations.parts import CitationParts
from extract.models import Assignment, DocumentStructure, SourceDoc
from extract.nlp.assignment_component import SPANS_KEY, AssignmentComponent
from extract.nlp.pipes import enabled_pipe

__all__ = ["ReportedSource", "find_assignments", "heads_to_assignments"]

_LOOK_BACK = 400
_SPAN = attrgetter("start", "end")
_WINDOW_AFTER = 4500
#: languages whose verbs are always looked for (Chinese only where CJK characters occur)
_ALWAYS = ("en", "zh")


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
    pipe = enabled_pipe(nlp, "itu_assignments")
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
    default_sector = sector_of_body(structure.body) or load_organs().guess_sector(text)
    heads: dict[tuple[int, int, bool], HeadMatch] = {}
    comp = _component(nlp)
    for lo, hi, sector in _regions(text, structure, default_sector):
        langs = _languages(structure, lo, hi, comp)
        # a little context on both sides: line starts before, numbered items after
        wlo = text.rfind("\n", 0, max(0, lo - _LOOK_BACK)) + 1
        for head in comp.heads(text[wlo : min(len(text), hi + _WINDOW_AFTER)], sector, langs):
            h = _shift(head, wlo) if wlo else head
            if lo <= h.verb_start < hi and _in_own_language(h, structure, comp):
                heads.setdefault((h.start, h.end, h.addressee_only), h)
    ordered = sorted(heads.values(), key=_SPAN)
    cited = CitedBefore(text, nlp, citation_parts)
    records = heads_to_assignments(
        ordered,
        doc.name,
        text,
        structure,
        reported=lambda h, reach: reported_source(text, h, cited, structure, reach=reach),
    )
    return _of_itu(records, text, structure, cited)


def _of_itu(
    records: list[Assignment], text: str, structure: DocumentStructure, cited: CitedBefore
) -> list[Assignment]:
    """Drop the heads that are another organisation's, not ITU's.

    * After an enacting formula that names another organ ("The General Assembly,", "La
      Conférence générale des poids et mesures (CGPM),"), a head is that organ's operative
      verb, whatever it addresses; only a clause it reports of a cited ITU resolution stays.
    * A clause reported of a "Council" resolution under another organisation's formula (or
      in its text) is that organisation's council's, not ITU's.
    * Elsewhere, addressees that every organisation has ("requests the Secretary-General",
      "invites Member States") need evidence that the text is ITU's: an ITU formula, another
      head that names an ITU body (the CWG-LANG, BDT as addressee or collaborator), words only
      ITU texts write, or an ITU resolution cited — and no UN organ found by the segmentation.
    """
    if not records:
        return records
    formulas = enacting_formulas(text, structure.langs(), _formula_spans(structure))
    kept: list[Assignment] = []
    doubtful: list[Assignment] = []
    shared = shared_labels()
    organs = load_organs()
    foreign_text = structure.body in organs.non_itu_bodies
    for a in records:
        speaker = speaker_at(formulas, a.start)
        # "Council resolution 2286 (2016) requests the Secretary-General" under the General
        # Assembly's formula: the UN's Security Council, not ITU's Council
        other_speaker = foreign_text or (speaker is not None and not speaker.itu)
        if a.source == "reported" and a.resolution_body in _SHARED_NAMES and other_speaker:
            continue
        if a.source == "reported" or (speaker is not None and speaker.itu):
            kept.append(a)
        elif speaker is not None:
            continue  # another organ's own verb
        elif all(x in shared for x in (*a.addressees, *a.collaborators)):
            doubtful.append(a)
        else:
            kept.append(a)
    if not doubtful:
        return kept
    if kept or (
        structure.body not in organs.non_itu_bodies
        and (organs.is_itu(text) or cited.any_itu(structure))
    ):
        return sorted([*kept, *doubtful], key=lambda a: (a.start, a.end))
    return kept


#: ITU organs whose resolutions other organisations' organs of the same name also adopt
_SHARED_NAMES = frozenset({"Council"})

_FORMULA_REACH = 4000  # how far after a resolution's heading its enacting formula may stand


def _formula_spans(structure: DocumentStructure) -> list[tuple[int, int]] | None:
    """Where enacting formulas can stand: after each resolution's heading, up to its first
    section; before the first resolution; everywhere in a text the segmenter found none in."""
    if not structure.resolutions:
        return None
    first = min(r.start for r in structure.resolutions)
    spans = [(0, min(first, _FORMULA_REACH))]
    for r in structure.resolutions:
        stop = r.sections[0].heading_start if r.sections else r.end
        spans.append((r.heading_start, min(stop, r.heading_start + _FORMULA_REACH, r.end)))
    return spans


def _languages(
    structure: DocumentStructure, lo: int, hi: int, comp: AssignmentComponent
) -> list[str] | None:
    """The languages whose verbs are looked for in ``[lo, hi)``: the component's (English and
    Chinese unless configured), plus every other language of the text there."""
    if comp.lang is not None:
        return None
    found = {structure.lang_at(lo).split("-")[0]}
    found |= {r.lang.split("-")[0] for r in structure.languages if r.start < hi and r.end > lo}
    extra = sorted(found - set(_ALWAYS))
    return [*_ALWAYS, *extra] if extra else None


def _in_own_language(h: HeadMatch, structure: DocumentStructure, comp: AssignmentComponent) -> bool:
    """A French, Spanish or Russian verb counts only in a run of its language (English and
    Chinese ones everywhere: English headings stand over texts in every language)."""
    if comp.lang is not None or h.lang in _ALWAYS:
        return True
    return structure.lang_at(h.verb_start).split("-")[0] == h.lang


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
