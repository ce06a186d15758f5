"""Citations of one document: pre-scan -> spaCy windows -> spans -> typed records.

Why two functions: :func:`find_citations` does the work that needs spaCy (normalize the text,
run ``itu_citations`` on the candidate windows of :mod:`extract.nlp.prescan`, map offsets back to
the loaded text); :func:`spans_to_citations` is the pure conversion of what the text says
(:class:`~extract.nlp.citation_component.CitationParts`) plus where it sits (the segmentation) into
:class:`~extract.models.Citation` records: role (heading or citation), organ and its basis
(:mod:`extract.citations.organs`), section, paragraph and host resolution.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from extract.citations.organs import OTHER, OrganLexicon, load_organ_lexicon, resolve_body
from extract.citations.parts import WINDOW_SEPARATOR, CitationParts, WindowContext
from extract.models import Citation, DocumentStructure, ResolutionSegment, SourceDoc, VersionRef
from extract.nlp.pipes import enabled_pipe
from extract.nlp.prescan import candidate_windows
from extract.text.normalize import normalize

__all__ = ["find_citation_parts", "find_citations", "spans_to_citations"]

_COUNCIL = "Council"  # the one organ whose name other bodies share


def find_citations(
    doc: SourceDoc,
    structure: DocumentStructure,
    nlp: Language,
    parts: Sequence[CitationParts] | None = None,
) -> list[Citation]:
    """Every citation of ``doc``, sorted by offset, with offsets into ``doc.text``.

    Args:
        doc: the loaded document.
        structure: its segmentation (host resolutions, sections, paragraphs, organ).
        nlp: a pipeline with the ``itu_citations`` component (see :func:`extract.build_nlp`).
        parts: what :func:`find_citation_parts` found in ``doc.text``, when the caller has it
            already (the assignments of the same document read it too).

    Example:
        >>> from extract.text.load import load_document
        >>> from extract.nlp.pipeline import build_nlp
        >>> from extract.structure.segment import segment
        >>> d = load_document("data/corpus/000_4e58da7c9791f56a.txt")
        >>> cits = find_citations(d, segment(d), build_nlp())
        >>> (cits[0].surface, cits[0].body, cits[0].body_basis)
        ('WTSA Resolution\\xa01', 'WTSA', 'explicit')
    """
    found = find_citation_parts(doc.text, nlp) if parts is None else parts
    return spans_to_citations(found, doc, structure)


def find_citation_parts(text: str, nlp: Language, batch: int = 64) -> list[CitationParts]:
    """What the ``itu_citations`` component reads in ``text`` (offsets into ``text``), sorted.

    It runs the component on the candidate windows of the pre-scan.

    Windows are joined, ``batch`` at a time, into one doc (fewer, larger docs cost less per
    character); the doc carries the whole normalized text and where each piece came from in
    ``doc._.itu_context``, so the component reads a mention's surroundings without tokenizing
    them.
    """
    norm = normalize(text)
    ntext = norm.text
    windows = candidate_windows(ntext)
    if not windows:
        return []
    # the component alone, called directly: nlp.pipe with the other components disabled does
    # the same, at a fixed cost per document (select_pipes, batching) of about 0.2 ms
    component = enabled_pipe(nlp, "itu_citations")
    if component is None:
        raise ValueError("the pipeline has no itu_citations component (see extract.build_nlp)")
    sep = len(WINDOW_SEPARATOR)

    def docs() -> Iterator[Doc]:
        for i in range(0, len(windows), batch):
            group = windows[i : i + batch]
            pieces: list[tuple[int, int, int]] = []
            zones: list[tuple[int, int, frozenset[str]]] = []
            pos = 0
            for w in group:
                pieces.append((pos, w.start, w.end - w.start))
                zones.extend(
                    (pos + zs - w.start, pos + min(ze, w.end) - w.start, ids)
                    for zs, ze, ids in w.zones
                )
                pos += w.end - w.start + sep
            doc = nlp.make_doc(WINDOW_SEPARATOR.join(ntext[w.start : w.end] for w in group))
            doc._.itu_context = WindowContext(ntext, tuple(pieces), tuple(zones))
            yield doc

    out: list[CitationParts] = []
    seen: set[tuple[int, int]] = set()
    for sdoc in map(component, docs()):
        ctx: WindowContext = sdoc._.itu_context
        for parts in ctx.found:
            s, e = norm.to_source(parts.start, parts.end)
            if (s, e) in seen:
                continue
            seen.add((s, e))
            out.append(parts if (s, e) == (parts.start, parts.end) else parts.at(s, e))
    return sorted(out, key=lambda p: (p.start, p.end))


class _Headings:
    """The heading spans of a segmentation, for "is this offset on a heading?" in O(log n)."""

    def __init__(self, structure: DocumentStructure) -> None:
        spans = [
            (r.heading_start, max(r.heading_end, r.heading_start + 1), i)
            for i, r in enumerate(structure.resolutions)
        ]
        spans.sort()
        self._spans = spans
        self._starts = [s for s, _, _ in spans]
        self._longest = max((e - s for s, e, _ in spans), default=0)
        self._resolutions = structure.resolutions

    def of(self, offset: int) -> ResolutionSegment | None:
        """The first resolution (in segmentation order) whose heading holds ``offset``."""
        found = []
        k = bisect.bisect_right(self._starts, offset) - 1
        while k >= 0 and self._spans[k][0] > offset - self._longest:
            s, e, i = self._spans[k]
            if s <= offset < e:
                found.append(i)
            k -= 1
        return self._resolutions[min(found)] if found else None


def _also_number(
    number: str, res: ResolutionSegment | None, structure: DocumentStructure
) -> str | None:
    """Split "resolves 43" into new 3 / old 4 when the host has no paragraph 43 but both digits.

    Word writes the deleted run first, so a two-digit reference that does not exist in the
    host's section of that name, but whose two digits both do, is a flattened tracked change.
    The host's paragraphs are gathered over every segment of the same resolution (and proposal:
    side-by-side compilations cut one resolution into many segments).
    """
    verb, _, num = number.partition(" ")
    if res is None or len(num) != 2 or not num.isdigit():
        return None
    labels: set[str] = set()
    for seg in structure.resolutions:
        if seg.number != res.number or seg.proposal != res.proposal:
            continue
        for sec in seg.sections:
            if sec.name == verb:
                labels |= {p.label.strip(").") for p in sec.paragraphs if p.label}
    if not labels or num in labels:
        return None
    if num[0] in labels and num[1] in labels:
        return num[0]
    return None


def spans_to_citations(
    parts: Iterable[CitationParts],
    doc: SourceDoc,
    structure: DocumentStructure,
    lex: OrganLexicon | None = None,
) -> list[Citation]:
    """Turn the component's findings into records (pure: no spaCy, no I/O).

    ``parts`` carry offsets into ``doc.text``. A mention that sits on a resolution heading (the
    segmentation's heading span) gets ``role="heading"``; others get section, paragraph and host
    from ``structure.locate``. The organ follows :func:`extract.citations.organs.resolve_body` with
    the host resolution's organ (or the document's) as context.

    Example:
        >>> from extract.models import DocumentStructure, SourceDoc
        >>> from extract.citations.parts import CitationParts
        >>> d = SourceDoc("a.txt", "a.txt", "txt", "Resolution 1353 of the Council", "0")
        >>> s = DocumentStructure("a.txt", "en", "WTSA", None, ())
        >>> p = CitationParts("resolution", "1353", 0, 15, "res-en", organ="Council",
        ...                   organ_basis="explicit")
        >>> c = spans_to_citations([p], d, s)[0]
        >>> (c.surface, c.body, c.body_basis, c.role)
        ('Resolution 1353', 'Council', 'explicit', 'citation')
    """
    parts = parts if isinstance(parts, (list, tuple)) else list(parts)
    if not parts:
        return []  # most short documents cite nothing: no heading index, no lexicon
    lex = lex or load_organ_lexicon()
    headings = _Headings(structure)
    out: list[Citation] = []
    itu_text: list[bool] = []  # whether the text says anything about ITU, read once if asked
    rival: list[bool] = []  # whether it names another organisation that numbers resolutions
    for p in parts:
        heading = headings.of(p.start)
        loc_res, loc_sec, loc_par = structure.where(p.start)
        res = heading or loc_res
        host_organ = (res.body if res is not None else None) or structure.body
        v = p.version
        if heading is not None:
            named = p.organ_basis == "explicit" and p.organ is not None
            body, basis = resolve_body(
                kind=p.kind,
                number=p.number,
                explicit=p.organ if named else None,
                explicit_basis="explicit" if named else None,
                venue=v.venue if v else None,
                year=v.year if v else None,
                host_organ=None if v and v.venue else host_organ,
            )
            if body == "unknown" and host_organ:  # a heading belongs to its document
                body, basis = host_organ, "context"
        else:
            body, basis = resolve_body(
                kind=p.kind,
                number=p.number,
                explicit=p.organ,
                explicit_basis=p.organ_basis,
                venue=v.venue if v else None,
                year=v.year if v else None,
                host_organ=host_organ,
                sector=p.sector,
                lex=lex,
            )
        section = loc_sec.name if loc_sec is not None and heading is None else None
        section_kind = loc_sec.kind if loc_sec is not None and heading is None else None
        paragraph = loc_par.label if loc_par is not None and heading is None else None
        number, also_number = p.number, None
        if p.kind == "internal":
            old = _also_number(p.number, res, structure)
            if old is not None:
                verb = p.number.partition(" ")[0]
                number, also_number = f"{verb} {p.number[-1]}", f"{verb} {old}"
        kind = p.kind
        if kind in ("resolution", "decision"):
            session = p.version is not None and p.version.organ == _COUNCIL
            if body == _COUNCIL and host_organ in lex.non_itu_organs and not session:
                body = host_organ  # "Council resolution 338" in a Security Council text
            if body in lex.non_itu_organs:  # a UN resolution: a near-miss, never an ITU work
                kind = lex.non_itu_organs[body]
            elif body == OTHER:  # numbered as no ITU organ numbers ("resolution 2394 (2017)")
                kind = "non_itu"
            elif basis == "context" and _names_rival(rival, lex, doc.text):
                # "القرار رقم 4" in a text naming the Arab League: only the host's organ said
                # ITU, and the text names another body that numbers its resolutions
                kind, body = "non_itu", OTHER
            elif p.foreign or not _itu_evidence(p, basis, host_organ, lex):
                # another organisation's numbering, or nothing ties the mention to ITU in a
                # text that never speaks of ITU (an OAS or UNESCO resolution)
                if not itu_text:
                    itu_text.append(lex.has_itu_marker(doc.text))
                if p.foreign or not itu_text[0]:
                    kind, body = "non_itu", OTHER
        revised = bool(v and v.revised) or p.status == "Rev" or p.suffix is not None
        also = (
            VersionRef(v.also_venue, v.also_year)
            if v is not None and v.also_venue and v.also_year
            else None
        )
        sector = p.sector if p.kind in ("question", "recommendation") else None
        out.append(
            Citation(
                doc=doc.name,
                start=p.start,
                end=p.end,
                surface=doc.text[p.start : p.end],
                kind=kind,  # type: ignore[arg-type]
                number=number,
                body=body,
                venue=v.venue if v else None,
                year=v.year if v else None,
                revised=revised,
                body_basis=basis,  # type: ignore[arg-type]
                role="heading" if heading is not None else "citation",
                section=section,
                section_kind=section_kind,
                paragraph=paragraph,
                host=res.number if res is not None else None,
                also=also,
                also_revised=v.also_revised if also is not None and v is not None else None,
                also_number=also_number,
                sector=sector,
                proposal=res.proposal if res is not None else None,
                pattern=p.pattern,
                version=p.suffix,
            )
        )
    return out


def _itu_evidence(p: CitationParts, basis: str, host_organ: str | None, lex: OrganLexicon) -> bool:
    """Whether the mention or its host ties it to ITU: an ITU organ named, a venue and year of
    an ITU conference (even one that does not decide the organ: Dubai 2012), "this assembly",
    a conference label or session code, an ITU-R number, or a host resolution of an ITU organ
    (not "Council" when only the host says it: other bodies have councils too)."""
    v = p.version
    held = v is not None and v.venue is not None and v.year is not None
    return (
        basis in ("explicit", "inferred-from-venue", "this-assembly")
        or p.suffix is not None
        or (v is not None and v.organ is not None)
        or (held and bool(lex.gazetteer.held(v.venue, v.year)))  # type: ignore[union-attr,arg-type]
        or (
            host_organ is not None
            and host_organ in lex.gazetteer.organs
            and host_organ not in lex.non_itu_organs
            and host_organ != _COUNCIL
        )
    )


def _names_rival(memo: list[bool], lex: OrganLexicon, text: str) -> bool:
    """:meth:`OrganLexicon.names_rival_body` of ``text``, searched once per document."""
    if not memo:
        memo.append(lex.names_rival_body(text))
    return memo[0]
