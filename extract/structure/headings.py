"""Heading facts: document organ and conference, titles, history lines, and Heading records.

Why here and not in :mod:`extract.structure.segment`: the segmenter decides *where* resolutions,
sections and paragraphs are; this module decides *what a heading says* (organ, version,
status, title, history), which is also what the "heading" records of the contract report.

Organ of a heading: its own venue+year through the gazetteer (Hammamet 2016 -> WTSA), else the
document's organ (a compilation of WTSA resolutions, a text that says "The World
Telecommunication Standardization Assembly (...)").
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import cache

from extract.gazetteer import LabelRef, load_gazetteer
from extract.models import DocumentStructure, Heading, SourceDoc, VersionRef
from extract.structure.history import find_versions, parse_history
from extract.structure.sections import match_section_heading
from extract.text.language import detect_lang
from extract.text.line_scan import LineRegex
from extract.text.word_trie import trie_pattern

__all__ = ["clean_title", "doc_context", "headings", "organ_of", "part_at", "title_and_history"]

_FOOTNOTE_BODY = re.compile(r"\[\d+:[^\]]*\]")
_RESIDUE = re.compile(r"\[bookmark: [^\]\n]*\]|\[footnoteRef:\d+\]\d*")
_CAPTION = LineRegex(
    r"^[ \t]*(?P<part>(?:Table|TABLE|Tableau|Cuadro|表)[ \t]*\d+)[ \t]*(?:$|[–—:.-])", re.MULTILINE
)
_DOC_ANNEX = LineRegex(r"^[ \t]*(?P<part>ANNEX|Annex|ANNEXE|Annexe|ANEXO|Anexo|附件)[ \t]*$", re.M)
_TRAILING_HEADING_WORD = re.compile(
    r"\s+(?:resolves|decides|instructs|invites|encourages|considering|recognizing|noting|recalling)"
    r"\s*:?\s*$"
)


@cache
def _organ_regex() -> tuple[re.Pattern[str], dict[str, str]]:
    """Full organ names (and acronyms) -> organ code, as one regex (the longest name wins)."""
    names: dict[str, str] = {}
    for code, spellings in load_gazetteer().organ_names().items():
        for n in spellings:
            names[n] = code
    # as a trie: the longest name still wins at a place (and a shorter one is tried when the
    # boundary after it fails), but a place costs a test per distinct first letter instead of
    # one per name
    alt = trie_pattern(names)
    # Word boundaries for Latin names only: Chinese names touch the next word ("全会概述").
    # (Cyrillic letters too: "Совет" is not the start of "Советом")
    return re.compile(rf"(?<!{_ORGAN_NOT_AFTER})(?:{alt})(?![A-Za-z0-9\u0400-\u04ff])"), names


#: A character an organ name may not follow (it would be the end of a longer word).
_ORGAN_NOT_AFTER = r"[A-Za-z0-9\u0400-\u04ff-]"


@cache
def _organ_scan() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """:func:`_organ_regex` without its leading look-behind, and that look-behind's class.

    Why: a pattern that opens with a look-behind is tried at every character, while one that
    opens with an alternation of names is only tried where a name's first letter stands (the
    engine skips the rest in C), about 5x faster over a document's opening part.
    :func:`_organ_names_in` checks the look-behind itself, so it finds exactly the same names.
    """
    organ_re, _ = _organ_regex()
    return re.compile(organ_re.pattern.removeprefix(f"(?<!{_ORGAN_NOT_AFTER})")), re.compile(
        _ORGAN_NOT_AFTER
    )


def _organ_names_in(text: str) -> list[str]:
    """The organ names (as written) that :func:`_organ_regex` finds in ``text``, in order.

    Example:
        >>> _organ_names_in("the Council, not the XCouncil; ITU-T and the WTSA")
        ['Council', 'WTSA']
    """
    scan, not_after = _organ_scan()
    out: list[str] = []
    pos = 0
    while (m := scan.search(text, pos)) is not None:
        s = m.start()
        if s and not_after.match(text, s - 1):
            pos = s + 1  # the full regex fails here; it would try the next character
            continue
        out.append(m.group(0))
        pos = m.end() if m.end() > s else s + 1
    return out


@cache
def _assembly_regex() -> LineRegex:
    """A line opening with an organ's name: "The World ... Assembly (Hammamet, 2016),",
    "L'Assemblée mondiale de normalisation des télécommunications (Genève, 2022),".

    Up to a few words may follow the name before the parenthesis ("The Plenipotentiary
    Conference of the International Telecommunication Union (Busan, 2014),"); without a
    parenthesis the line must end with a comma ("The ITU Radiocommunication Assembly,").
    """
    _, names = _organ_regex()
    alt = trie_pattern(n for n in names if len(n) > 8)  # longest first, as in _organ_regex
    return LineRegex(
        rf"^[ \t]*(?:The |the |L'|La |El )?(?:ITU )?(?P<name>{alt})"
        r"(?:[^()（）\n]{0,60}?[ \t]*[(（](?P<paren>[^)）\n]*)[)）]|[ \t]*[,，][ \t]*$)",
        re.MULTILINE,
    )


def doc_context(text: str, intro_end: int | None = None) -> tuple[str | None, VersionRef | None]:
    """The organ of a document and the conference it is about, if it says so.

    The organ comes from the first line that opens with an organ's full name and a
    parenthesis ("The World Telecommunication Standardization Assembly (WTSA-20) was held",
    "世界电信标准化全会（WTSA）于..."), else from the organ named most often before the first
    resolution (``intro_end``). The conference comes from the first such line with a venue and
    year or a label ("(Hammamet, 2016)", "(WTSA-20)"), else from the label of that organ
    named most often ("WTSA-16").

    Example:
        >>> doc_context("The World Telecommunication Standardization Assembly (Hammamet, 2016),")
        ('WTSA', VersionRef(venue='Hammamet', year=2016))
    """
    g = load_gazetteer()
    _, names = _organ_regex()
    body: str | None = None
    conference: VersionRef | None = None
    for m in _assembly_regex().finditer(text):
        code = names[m.group("name")]
        if body is None:
            body = code
        if code == body:
            found = find_versions(m.group("paren") or "")
            if found:
                conference = found[-1].ref
                break
    head = text[: intro_end if intro_end else len(text)] or text
    label_hits: list[str] | None = None  # the labels of the head, read once for both uses
    # what each distinct label names, read once (a head repeats "WTSA-16" many times)
    refs: dict[str, LabelRef | None] = {}
    if body is None:
        label_hits = _labels_in(head)
        refs = {hit: g.label(hit) for hit in dict.fromkeys(label_hits)}
        # the organs named, then those the labels name, in order: the most named wins, the
        # first named among equals (most short documents name none: no counting then)
        named = [names[n] for n in _organ_names_in(head)]
        named.extend(ref.organ for ref in (refs[hit] for hit in label_hits) if ref is not None)
        named = [k for k in named if k in g.organs]
        if named:
            body = Counter(named).most_common(1)[0][0]
    if conference is None and body is not None:
        if label_hits is None:
            label_hits = _labels_in(head)
        labels = Counter(label_hits)
        for label, _ in labels.most_common():
            ref = refs[label] if label in refs else g.label(label)
            c = ref.conference if ref is not None else None
            if c is not None and c.organ == body:
                conference = VersionRef(c.venue, c.year)
                break
    return body, conference


@cache
def _label_starts() -> re.Pattern[str] | None:
    """Where a conference label can start, as a pattern that opens with a character class.

    The gazetteer's label regex opens with a look-ahead of first letters and a look-behind
    (``(?=[F])(?<![W])...``); ``re`` gets no character to skip ahead to from a look-ahead, so
    it tries the whole regex at every character of a text. This pattern matches exactly the
    places both look-arounds accept (a letter of ``F`` not after one of ``W``), and ``re``
    skips to them in C. None when the label regex is no longer written that way.
    """
    rx = load_gazetteer().label_regex()
    m = re.match(r"\(\?=(\[(?:\\.|[^\]\\])*\])\)\(\?<!(\[(?:\\.|[^\]\\])*\])\)", rx.pattern)
    if m is None:
        return None
    first, before = m.group(1), m.group(2)
    return re.compile(rf"{first}(?<!{before}[\s\S])", rx.flags)


def _labels_in(text: str) -> list[str]:
    """The conference labels of ``text`` as written, in order: ``[m.group(0) for m in
    label_regex().finditer(text)]``, with the regex tried only where a label can start
    (:func:`_label_starts`), each time where ``finditer`` would have tried it.

    Example:
        >>> _labels_in("WTSA-16 and WRC-19, not XWRC-15 nor ITU-R")
        ['WTSA-16', 'WRC-19']
    """
    rx = load_gazetteer().label_regex()
    starts = _label_starts()
    if starts is None:
        return [m.group(0) for m in rx.finditer(text)]
    out: list[str] = []
    resume = 0  # finditer goes on after the end of the last match
    for c in starts.finditer(text):
        p = c.start()
        if p < resume:
            continue
        m = rx.match(text, p)
        if m is not None:
            out.append(m.group(0))
            resume = max(m.end(), p + 1)
    return out


def organ_of(version: VersionRef | None, doc_body: str | None) -> str:
    """The organ of a heading: by its venue+year when that decides, else the document's organ.

    Example:
        >>> organ_of(VersionRef("Hammamet", 2016), None)
        'WTSA'
        >>> organ_of(VersionRef("Dubai", 2012), "WTSA")
        'WTSA'
    """
    if version is not None:
        g = load_gazetteer()
        organ = g.organ_for(version.venue, version.year)
        if organ:
            return organ
        candidates = {c.organ for c in g.held(version.venue, version.year)}
        if doc_body in candidates:
            return doc_body
    return doc_body or "unknown"


def clean_title(raw: str) -> str | None:
    """A title as written, minus converter residue and footnote bodies, whitespace collapsed.

    Example:
        >>> clean_title("Bridging the gap[footnoteRef:1]1 \\nand more [1: 1 \\tThese include x. ] ")
        'Bridging the gap and more'
    """
    s = _FOOTNOTE_BODY.sub(" ", _RESIDUE.sub("", raw))
    s = " ".join(s.split())
    s = s.removeprefix("on ").rstrip()
    s = _TRAILING_HEADING_WORD.sub("", s)
    s = s.rstrip(":").rstrip()
    return s or None


_HISTORY_LINE = re.compile(r"^[ \t]*[(（][^()（）\n]*\d{4}[^()（）\n]*[)）][ \t,]*$")


def title_and_history(
    text: str, start: int, limit: int
) -> tuple[tuple[int, int] | None, tuple[VersionRef, ...] | None, int]:
    """The title lines and history line that follow a heading line.

    ``text`` is the normalized text, ``start`` the offset just after the heading line, and
    ``limit`` where the resolution ends. Title lines run until a history line, an assembly
    line ("The World ... Assembly (...)"), a section heading, a new table cell or a blank line
    after some title. Returns (title span or None, history or None, offset after both).

    Example:
        >>> t = "RESOLUTION 68\\nEvolving role\\nof industry\\n(Dubai, 2012; Hammamet, 2016)\\n"
        >>> t += "noting\\n"
        >>> span, history, after = title_and_history(t, 14, len(t))
        >>> (t[span[0]:span[1]], [v.year for v in history], t[after:])
        ('Evolving role\\nof industry', [2012, 2016], 'noting\\n')
    """
    pos = start
    t_start: int | None = None
    t_end: int | None = None
    history: tuple[VersionRef, ...] | None = None
    blank_seen = False
    for _ in range(8):
        if pos >= limit:
            break
        nl = text.find("\n", pos, limit)
        line_end = limit if nl < 0 else nl
        line = text[pos:line_end]
        nxt = line_end + 1
        if not line.strip():
            blank_seen = blank_seen or t_start is not None
            pos = nxt
            continue
        if _HISTORY_LINE.match(line) and find_versions(line):
            history = parse_history(line)
            pos = nxt
            break
        if (
            line.startswith(("\t", " \t"))
            or _assembly_regex().match(line)
            or match_section_heading(line)
            or blank_seen
        ):
            break
        if t_start is None:
            t_start = pos + len(line) - len(line.lstrip())
        t_end = line_end
        pos = nxt
    span = (t_start, t_end) if t_start is not None and t_end is not None else None
    return span, history, pos


def _parts(text: str, structure: DocumentStructure | None) -> tuple[list[int], list[str]]:
    """Starts and names of the document parts (table captions, document-level annexes)."""
    found: list[tuple[int, str]] = []
    for m in _CAPTION.finditer(text):
        found.append((m.start(), re.sub(r"^表\s*(\d+)$", r"Table \1", " ".join(m["part"].split()))))
    for m in _DOC_ANNEX.finditer(text):
        if structure is not None:
            res = structure.locate(m.start()).resolution
            if res is not None and res.source == "operative":
                continue  # the annex of a resolution, not a part of the document
        found.append((m.start(), "Annex"))
    found.sort()
    return [f[0] for f in found], [f[1] for f in found]


def part_at(text: str, offset: int, structure: DocumentStructure | None = None) -> str:
    """The document part an offset sits in: "Table 2", "Annex" or "body".

    A table caption ("Table 1 – Overview ...", "表1") or a document-level "Annex" line opens a
    part; this is where compilation entries report they come from. An annex line inside the
    text of a resolution of ``structure`` is that resolution's annex, not a document part.

    Example:
        >>> part_at("Table 2 - Detailed text\\n\\tRESOLUTION 2\\n", 30)
        'Table 2'
    """
    starts, names = _parts(text, structure)
    k = bisect.bisect_right(starts, offset - 1) - 1
    return names[k] if k >= 0 else "body"


def headings(doc: SourceDoc, structure: DocumentStructure) -> list[Heading]:
    """One :class:`Heading` record per resolution heading or entry of the document.

    Side-by-side columns split one resolution into several blocks; they share the heading and
    give one record.

    Example:
        >>> from extract.text.load import load_document
        >>> from extract.structure.segment import segment
        >>> doc = load_document("data/corpus/003_fb0deb38008239bc.txt")
        >>> [(h.number, h.body, h.version_year) for h in headings(doc, segment(doc))]
        [('68', 'WTSA', 2016)]
    """
    out: list[Heading] = []
    seen: set[tuple[int, int]] = set()
    starts, names = _parts(doc.text, structure)
    for r in structure.resolutions:
        key = (r.heading_start, r.heading_end)
        if key in seen:
            continue
        seen.add(key)
        title_lang = detect_lang(r.title) if r.title else None
        out.append(
            Heading(
                doc=doc.name,
                start=r.heading_start,
                end=r.heading_end,
                surface=doc.text[r.heading_start : r.heading_end],
                number=r.number,
                body=r.body,
                title=r.title,
                version_venue=r.version.venue if r.version else None,
                version_year=r.version.year if r.version else None,
                status=r.status,
                history=r.history,
                title_lang=r.title_lang or title_lang,
                status_marker=r.status_marker,
                version_also=r.version_also,
                proposal=r.proposal,
                later_number=r.later_number,
                section=names[k]
                if (k := bisect.bisect_left(starts, r.heading_start) - 1) >= 0
                else "body",
            )
        )
    return out
