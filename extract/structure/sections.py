"""Find section headings ("considering", "instructs ...", 责成, ANNEX) and numbered paragraphs.

Why patterns as data: the heading words of ITU resolutions are a closed list per language
(DESIGN.md section 5), kept in ``patterns/sections.jsonl`` with an id, the normalized label, the
kind (preambular/operative/annex), the language and a real example; adding French or Spanish
words needs no code. A heading starts a line; it may carry its addressee on the same line
("instructs the Director of ...", "invites the Council"). Flattened tracked changes glue two
heading words together ("taking into accountrecognizing further"): the last one is the text
after the change, so it names the section.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from extract.models import SECTION_KINDS, Paragraph, SectionKind
from extract.text.line_scan import LineRegex
from extract.text.word_trie import trie_pattern

__all__ = [
    "HeadingWord",
    "find_paragraphs",
    "heading_lines",
    "heading_words",
    "match_section_heading",
    "paragraph_spans",
    "section_kind_of",
]


@dataclass(frozen=True)
class HeadingWord:
    """One surface form of a section heading word (a row of ``patterns/sections.jsonl``)."""

    id: str
    label: str
    kind: str
    lang: str
    text: str
    example: str


@cache
def heading_words() -> tuple[HeadingWord, ...]:
    """The heading words, longest surface first (so "resolves further" wins over "resolves").

    Example:
        >>> next(w.label for w in heading_words() if w.text == "责成")
        'instructs'
    """
    raw = (Path(__file__).parent / "patterns" / "sections.jsonl").read_text("utf-8")
    words = [HeadingWord(**json.loads(line)) for line in raw.splitlines() if line.strip()]
    return tuple(sorted(words, key=lambda w: (-len(w.text), w.text)))


def section_kind_of(name: str | None) -> SectionKind | None:
    """The kind of a section as a record names it: a heading word's label, or a kind's own name.

    Why: records carry ``section_kind`` from the segmentation; records written before that field
    existed (or by hand, as the gold is) name the section only, and this is the one table that
    says what a name means.

    Example:
        >>> [section_kind_of(n) for n in ("recognizing also", "instructs", "summary", "Table 1")]
        ['preambular', 'operative', 'summary', None]
    """
    if not name:
        return None
    kind = _kinds_by_label().get(name.casefold())
    if kind is None and name.casefold() in SECTION_KINDS:
        kind = name.casefold()
    return kind  # type: ignore[return-value]


@cache
def _kinds_by_label() -> dict[str, str]:
    return {w.label.casefold(): w.kind for w in heading_words()}


@dataclass(frozen=True)
class _Table:
    """The compiled heading words of some languages: line regexes and one-word regex."""

    latin_re: re.Pattern[str]
    cjk_re: re.Pattern[str]
    by_text: dict[str, HeadingWord]
    # one heading word (alternatives longest first, so the longest surface wins)
    word_re: re.Pattern[str]


@cache
def _regexes(langs: frozenset[str] | None) -> _Table:
    words = tuple(w for w in heading_words() if langs is None or w.lang in langs)
    by_text = {w.text: w for w in words}
    latin = [w.text for w in words if w.lang != "zh" and w.kind != "annex"]
    cjk = [w.text for w in words if w.lang == "zh" and w.kind != "annex"]
    alt = "|".join(re.escape(t) for t in latin)
    # One or more glued heading words at line start, then a boundary.
    latin_re = re.compile(rf"[ \t]*((?:{alt})+)(?=$|[\s,:;.])")
    cjk_alt = "|".join(re.escape(t) for t in cjk)
    cjk_re = re.compile(rf"[ \t]*((?:{cjk_alt})+)")
    word_re = re.compile("|".join(re.escape(t) for t in sorted(by_text, key=len, reverse=True)))
    return _Table(latin_re, cjk_re, by_text, word_re)


_LINE_LEAD = r"[ \t]*"
_ANNEX = re.compile(
    _LINE_LEAD
    + r"(?:ANNEX(?:ES)?|Annex(?:es)?|APPENDIX|Appendix|ATTACHMENT|ANNEXE|Annexe|ANEXO|Anexo"
    r"|附件)(?=$|[\s:.,\-–—(]|[A-Z0-9IVX]+\b)"
)


def _last_word(glued: str, table: _Table) -> HeadingWord | None:
    """The last heading word of a glued run ("taking into accountrecognizing further")."""
    pos = 0
    last: HeadingWord | None = None
    while pos < len(glued):
        m = table.word_re.match(glued, pos)
        if m is None:
            break
        last = table.by_text[m.group(0)]
        pos = m.end()
    return last


@dataclass(frozen=True)
class SectionHeading:
    """A heading line found in the text."""

    label: str
    kind: str
    start: int
    end: int
    pattern: str


def match_section_heading(
    line: str, offset: int = 0, langs: frozenset[str] | None = None
) -> SectionHeading | None:
    """The section heading a line opens, or None.

    English/French/Spanish words must be lower case (ITU prints them in italic lower case;
    a capitalized "Resolves that ..." is running text of a summary). ``langs`` restricts the
    words to some languages (a French "invite" is not an English heading). Chinese words must stand
    alone on the line or be followed by an addressee without a full stop (a sentence is not a
    heading). ``start``/``end`` cover the heading word(s) (plus ``offset``).

    Example:
        >>> h = match_section_heading("\\ttaking into accountrecognizing further")
        >>> (h.label, h.kind)
        ('recognizing further', 'preambular')
        >>> match_section_heading("Resolves that the action plan ...") is None
        True
    """
    # a long line (a paragraph opening with a heading word) is read as it is, not kept
    found = (
        _line_heading(line, langs) if len(line) <= 240 else _line_heading.__wrapped__(line, langs)
    )
    if found is None:
        return None
    label, kind, start, end, pattern = found
    return SectionHeading(label, kind, offset + start, offset + end, pattern)


@lru_cache(maxsize=4096)
def _line_heading(line: str, langs: frozenset[str] | None) -> tuple[str, str, int, int, str] | None:
    """:func:`match_section_heading` at offset 0, as a tuple, kept per distinct line.

    Why: heading lines repeat across the documents of a corpus ("considering", "instructs the
    Director of the Telecommunication Standardization Bureau"), and each costs three regex
    matches and a walk over glued words; the answer depends on the line and the languages only.
    """
    table = _regexes(langs)
    m = table.latin_re.match(line)
    if m:
        w = _last_word(m.group(1), table)
        if w is not None:
            return w.label, w.kind, m.start(1), m.end(1), w.id
    m = table.cjk_re.match(line)
    if m:
        rest = line[m.end() :].strip()
        if not rest or (len(rest) < 80 and not rest.endswith(("。", "；"))):
            w = _last_word(m.group(1), table)
            if w is not None and (not rest or w.text != "决议"):
                return w.label, w.kind, m.start(1), m.end(1), w.id
    m = _ANNEX.match(line)
    if m and len(line.strip()) < 200:
        start = len(line) - len(line.lstrip())
        return "annex", "annex", start, m.end(), "annex"
    return None


@cache
def _candidates() -> LineRegex:
    """Lines that may open a section: any heading word (any language) or annex word at line start.

    One C-level scan finds the few candidate lines; :func:`match_section_heading` then checks
    each (a Python loop over every line would dominate the segmenter's run time).
    """
    alt = trie_pattern({w.text for w in heading_words()})  # prefixes shared: few tries a line
    annex = _ANNEX.pattern.removeprefix(_LINE_LEAD)
    return LineRegex(rf"^{_LINE_LEAD}(?:{alt}|{annex})")


def heading_lines(
    text: str, start: int, end: int, langs: frozenset[str] | None = None
) -> Iterator[SectionHeading]:
    """The section headings of the lines between ``start`` (a line start) and ``end``.

    Example:
        >>> t = "x\\nconsidering\\na)\\tthat;\\ninstructs the Director\\n"
        >>> [(h.label, t[h.start:h.end]) for h in heading_lines(t, 0, len(t))]
        [('considering', 'considering'), ('instructs', 'instructs')]
    """
    for m in _candidates().finditer(text, start, end):
        nl = text.find("\n", m.start(), end)
        line_end = end if nl < 0 else nl
        h = match_section_heading(text[m.start() : line_end], m.start(), langs)
        if h is not None:
            yield h


# A paragraph opens a line: a label ("a)", "bc)" from a flattened change, "iv)", "1", "1.2",
# "A)") followed by text, a Chinese label with a full-width parenthesis or comma ("a）", "1、"),
# or an unlabeled clause ("that ...", "que ...").
_PARA = LineRegex(
    r"^[ \t]*(?:(?P<label>(?:[a-z]{1,3}|[ivxlc]{1,6}|[A-Z]|[IVX]{1,5})\)|\(?[a-z]\)"
    r"|\d{1,3}(?:\.\d{1,2})*\)?)(?=[\t ]+\S)|(?P<zh>[a-z]{1,3}）|\d{1,3}[）、])(?=\S)"
    r"|(?P<clause>that|que)[ \t])"
)


def find_paragraphs(text: str, start: int, end: int) -> Iterator[Paragraph]:
    """Numbered/lettered paragraphs between ``start`` and ``end``, each up to the next one.

    A line without a label that opens a clause of its own ("that Resolution 71 ..." after a
    completed paragraph: the label was lost in a tracked change) starts an unlabeled paragraph
    (label None) rather than extending the previous one; other unlabeled lines continue it.

    Example:
        >>> t = "considering\\na)\\tthat x;\\nbc)\\tthat y,\\nthat z\\n"
        >>> [(p.label, t[p.start:p.end]) for p in find_paragraphs(t, 12, len(t))]
        [('a)', 'a)\\tthat x;\\n'), ('bc)', 'bc)\\tthat y,\\n'), (None, 'that z\\n')]
    """
    for label, s, e in paragraph_spans(text, start, end):
        yield Paragraph(label, s, e)


def paragraph_spans(text: str, start: int, end: int) -> list[tuple[str | None, int, int]]:
    """:func:`find_paragraphs` as (label, start, end) tuples, for callers that map the offsets
    before building records (one record per paragraph instead of two)."""
    starts: list[int] = []
    labels: list[str | None] = []
    for m in _PARA.scan(text, start, end):  # no match spans a line: the C-level scan
        kind = m.lastgroup or "clause"  # the branch: label, zh or clause (no inner group)
        s = m.start(kind)
        label = None if kind == "clause" else m[kind]
        if label is None:
            before = text[max(start, s - 8) : s].rstrip("\n \t")
            if s <= start or not before.endswith((",", ";", ".", ":", ")")):
                continue
        starts.append(s)
        labels.append(label)
    ends = [*starts[1:], end] if starts else []
    return list(zip(labels, starts, ends, strict=True))
