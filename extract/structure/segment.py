"""Segment a document into resolutions -> sections -> paragraphs.

Why: everything downstream depends on where an offset sits: which resolution "this assembly"
and an assignment belong to (the host), which section a citation is in (preambular or
operative), which paragraph ("a)", "bc)", "3"). :func:`segment` builds that tree for any
document — a single resolution, a compilation table, a Chinese summary table, side-by-side
proposals — and :func:`headings` turns it into the contract's "heading" records.

Steps: normalize (offset map kept), find headings and entries (:mod:`extract.structure.entries`),
cut the text at entries and at document-level boundaries (table captions, a document annex after
summary entries), split side-by-side columns (:mod:`extract.structure.columns`), read titles,
versions and history (:mod:`extract.structure.headings`, :mod:`extract.structure.history`), then
sections and paragraphs (:mod:`extract.structure.sections`). Offsets in the result are into
``SourceDoc.text``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from extract.models import DocumentStructure, Paragraph, ResolutionSegment, Section, SourceDoc
from extract.structure.columns import column_cells, proposal_label
from extract.structure.entries import Entry, find_entries, status_of
from extract.structure.headings import (
    clean_title,
    doc_context,
    headings,
    organ_of,
    title_and_history,
)
from extract.structure.history import parse_version
from extract.structure.sections import heading_lines, paragraph_spans
from extract.text.language import detect_lang, language_runs
from extract.text.line_scan import LineRegex
from extract.text.normalize import NormalizedText, normalize

__all__ = ["format_structure", "headings", "segment"]

_BOUNDARY = LineRegex(
    r"^[ \t]*(?:(?:Table|TABLE|Tableau|Cuadro|表)[ \t]*\d+[ \t]*(?:$|[–—:.-])"
    r"|(?P<annex>ANNEX|Annex|ANNEXE|Annexe|ANEXO|Anexo|附件)[ \t]*$)",
    re.MULTILINE,
)
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_FOREWORD = LineRegex(
    r"^[ \t]*(?:FOREWORD|Foreword|AVANT-PROPOS|Avant-propos|PREFACIO|Prefacio|前言)[ \t]*$",
    re.MULTILINE,
)


def _ends(text: str, entries: list[Entry]) -> list[int]:
    """Where each entry's block ends: the next entry, or a document-level boundary.

    A table caption always ends the entry before it; a lone "Annex" line ends it only after a
    summary entry (inside resolution text, an annex belongs to the resolution).
    """
    if not entries:
        return []  # no block to end: the scan below would find boundaries for nothing
    captions: list[int] = []
    annexes: list[int] = []
    for m in _BOUNDARY.finditer(text):
        (annexes if m.group("annex") is not None else captions).append(m.start())
    ends: list[int] = []
    for i, e in enumerate(entries):
        end = entries[i + 1].block_start if i + 1 < len(entries) else len(text)
        for bounds, applies in ((captions, True), (annexes, e.source == "summary")):
            k = bisect.bisect_left(bounds, e.line_end)
            if applies and k < len(bounds) and bounds[k] < end:
                end = bounds[k]
        ends.append(max(end, e.line_end))
    return ends


def _sections(
    nt: NormalizedText, start: int, end: int, langs: frozenset[str]
) -> tuple[Section, ...]:
    """Sections (with paragraphs) opened by heading lines between start and end (norm offsets)."""
    text = nt.text
    found = [
        (h.start, h.start, h.end, h.label, h.kind) for h in heading_lines(text, start, end, langs)
    ]
    out: list[Section] = []
    for i, (s, hs, he, label, kind) in enumerate(found):
        e = found[i + 1][0] if i + 1 < len(found) else end
        body_start = text.find("\n", he, e)
        body_start = e if body_start < 0 else body_start + 1
        spans = paragraph_spans(text, body_start, e)
        # most sections lie in one copied piece: one shift maps the section, its heading and
        # its paragraphs (all inside [s, e))
        d = nt.copied_shift(s, e) if he <= e else None
        if d is not None:
            paras = tuple(Paragraph(lab, ps + d, pe + d) for lab, ps, pe in spans)
            out.append(Section(label, kind, s + d, e + d, hs + d, he + d, paras))  # type: ignore[arg-type]
            continue
        d = nt.copied_shift(body_start, e)
        if d is not None:
            paras = tuple(Paragraph(lab, ps + d, pe + d) for lab, ps, pe in spans)
        else:
            paras = tuple(Paragraph(lab, *nt.to_source(ps, pe)) for lab, ps, pe in spans)
        ss, se = nt.to_source(s, e)
        hs2, he2 = nt.to_source(hs, he)
        out.append(Section(label, kind, ss, se, hs2, he2, paras))  # type: ignore[arg-type]
    return tuple(out)


def _title_lang(title: str | None, doc_lang: str) -> str | None:
    """Language of a title: Chinese if it has CJK characters, else by its words."""
    if not title:
        return None
    if _CJK.search(title):
        return "zh"
    return detect_lang(title) if doc_lang not in ("en", "zh") else "en"


def _resolution(
    doc: SourceDoc,
    nt: NormalizedText,
    e: Entry,
    end: int,
    body: str | None,
    langs: frozenset[str],
) -> ResolutionSegment:
    """Build the segment of one entry (block ``e.block_start``..``end``, norm offsets)."""
    text = nt.text
    history = None
    content_start = e.line_end
    if e.inline_title and e.title_start is not None and e.title_end is not None:
        t_span: tuple[int, int] | None = (e.title_start, e.title_end)
    else:
        t_span, history, content_start = title_and_history(text, e.line_end + 1, end)
    title = None
    if t_span is not None:
        ts, te = nt.to_source(*t_span)
        title = clean_title(doc.text[ts:te])
    version, also, revised = parse_version(e.paren) if e.paren else (None, None, False)
    status = status_of(e.status_marker)
    hs, he = nt.to_source(e.surface_start, e.surface_end)
    start, stop = nt.to_source(e.block_start, end)
    if e.source == "summary":
        s0, s1 = nt.to_source(e.surface_end, end)
        sections: tuple[Section, ...] = (Section("summary", "summary", s0, s1, s0, s0),)
    else:
        sections = _sections(nt, min(content_start, end), end, langs)
    return ResolutionSegment(
        number=e.number,
        body=organ_of(version, body),
        start=start,
        end=stop,
        heading_start=hs,
        heading_end=he,
        title=title,
        title_lang=_title_lang(title, doc.lang),
        version=version,
        version_also=also,
        revised=revised or status == "Rev",
        status=status,  # type: ignore[arg-type]
        status_marker=e.status_marker,
        history=history,
        source=e.source,  # type: ignore[arg-type]
        sections=sections,
    )


def _column_runs(nt: NormalizedText, entries: list[Entry], langs: frozenset[str]) -> list[range]:
    """Runs of >= 2 consecutive headings of the same resolution with no section between them."""
    runs: list[range] = []
    i = 0
    while i < len(entries):
        j = i
        while (
            j + 1 < len(entries)
            and entries[j + 1].shape == entries[i].shape == "heading"
            and entries[j + 1].number == entries[i].number
            and entries[j + 1].source == "operative"
            and next(
                heading_lines(nt.text, entries[j].line_end, entries[j + 1].block_start, langs), None
            )
            is None
        ):
            j += 1
        if j > i:
            runs.append(range(i, j + 1))
        i = j + 1
    return runs


def segment(doc: SourceDoc) -> DocumentStructure:
    """The resolution -> section -> paragraph tree of a loaded document.

    Args:
        doc: a loaded document (:func:`extract.text.load.load_document`).

    Returns:
        The structure; offsets are into ``doc.text``. ``structure.locate(offset)`` gives the
        resolution, section and paragraph around any offset.

    Example:
        >>> from extract.text.load import load_document
        >>> doc = load_document("data/corpus/000_4e58da7c9791f56a.txt")
        >>> s = segment(doc)
        >>> (s.body, s.conference.venue, [r.number for r in s.resolutions])
        ('WTSA', 'Hammamet', ['86'])
        >>> loc = s.locate(doc.text.index("195 (Busan, 2014) of"))
        >>> (loc.resolution.number, loc.section.name, loc.paragraph.label)
        ('86', 'recalling', 'a)')
    """
    nt = normalize(doc.text)
    text = nt.text
    entries = find_entries(text)
    body, conference = doc_context(text, entries[0].block_start if entries else None)
    # heading words of every language the document is written in (a Spanish excerpt inside an
    # English report opens its sections with "considerando")
    languages = language_runs(doc.text, doc.lang)
    langs = frozenset({doc.lang, "en", *(r.lang for r in languages)})
    for k, entry in enumerate(entries):
        # "Resolution 1 – Rules of procedure" followed by clauses is resolution text; an inline
        # title followed by prose ("[Rev] on ...: Instructs the TSB Director ...") a summary.
        if entry.shape == "heading" and entry.inline_title:
            nxt = entries[k + 1].block_start if k + 1 < len(entries) else len(text)
            found = next(heading_lines(text, entry.line_end, nxt, langs), None)
            entry.source = "operative" if found is not None else "summary"
    ends = _ends(text, entries)
    built = [
        _resolution(doc, nt, e, end, body, langs) for e, end in zip(entries, ends, strict=True)
    ]
    resolutions: list[ResolutionSegment] = []
    runs = {r.start: r for r in _column_runs(nt, entries, langs)}
    i = 0
    while i < len(entries):
        run = runs.get(i)
        if run is None:
            resolutions.append(built[i])
            i += 1
            continue
        cols = [
            replace(built[k], proposal=proposal_label(text, entries[k].proposal_ref, c))
            for c, k in enumerate(run)
        ]
        area_end = ends[run[-1]]
        for cell in column_cells(text, entries[run[0]].block_start, area_end, len(cols)):
            col = cols[cell.column]
            s, e = nt.to_source(cell.start, cell.end)
            sections = _sections(nt, cell.start, cell.end, langs)
            resolutions.append(replace(col, start=s, end=e, sections=sections))
        i = run[-1] + 1
    doc_sections: list[Section] = []
    fw = _FOREWORD.search(text, 0, entries[0].block_start if entries else len(text))
    if fw:
        fw_end = entries[0].block_start if entries else len(text)
        s, e = nt.to_source(fw.start() + len(fw.group(0)) - len(fw.group(0).lstrip()), fw_end)
        doc_sections.append(Section("foreword", "foreword", s, e, s, s + len(fw.group(0).strip())))
    resolutions.sort(key=lambda r: (r.start, r.end))
    return DocumentStructure(
        doc=doc.name,
        lang=doc.lang,
        body=body,
        conference=conference,
        resolutions=tuple(resolutions),
        sections=tuple(doc_sections),
        languages=languages if len(languages) > 1 else (),
    )


def format_structure(structure: DocumentStructure) -> str:
    """A readable indented tree with offsets (what ``resgraph extract --structure`` prints).

    Example:
        >>> from extract.text.load import load_document
        >>> s = segment(load_document("data/corpus/003_fb0deb38008239bc.txt"))
        >>> print(format_structure(s).splitlines()[2][:43])
        RESOLUTION 68 [952:6548] WTSA Hammamet 2016
    """
    conf = (
        f"{structure.conference.venue} {structure.conference.year}" if structure.conference else "-"
    )
    lines = [
        f"{structure.doc} (lang {structure.lang}, body {structure.body or '-'}, conference {conf})"
    ]
    for sec in structure.sections:
        lines.append(f"  [{sec.name}] [{sec.start}:{sec.end}]")
    for r in structure.resolutions:
        bits = [f"RESOLUTION {r.number or '(unnumbered)'} [{r.start}:{r.end}] {r.body}"]
        if not r.start <= r.heading_start < r.end:
            # A later block of a side-by-side column: its heading was printed with the first.
            bits.append(f"(continued, heading at {r.heading_start})")
            if r.proposal:
                bits.append(f"proposal {r.proposal!r}")
            lines.append(" ".join(bits))
        else:
            if r.version:
                bits.append(f"{r.version.venue} {r.version.year}")
            if r.status:
                bits.append(f"status {r.status} ({r.status_marker})")
            if r.source != "operative":
                bits.append(r.source)
            if r.proposal:
                bits.append(f"proposal {r.proposal!r}")
            if r.title:
                bits.append(repr(r.title))
            lines.append(" ".join(bits))
            if r.history:
                history = "; ".join(f"{v.venue} {v.year}" for v in r.history)
                lines.append(f"    history {history}")
        for sec in r.sections:
            lines.append(f"    {sec.name} ({sec.kind}) [{sec.start}:{sec.end}]")
            for p in sec.paragraphs:
                lines.append(f"      {p.label} [{p.start}:{p.end}]")
    return "\n".join(lines)
