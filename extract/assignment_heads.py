"""Find clause heads that give work in a text: verb, addressee, collaborators (pure functions).

Why separate from the spaCy component: the matching is defined on characters (a Chinese character
tokenizer and an English one split "instructs\nthe Director" differently), it is what the speed
budget is spent on, and it must be testable on plain strings. :mod:`extract.assignment_component`
wraps it as the ``itu_assignments`` pipe; :mod:`extract.assignments` calls it on pre-scanned
windows of a document.

A head is the verb, the addressee and a collaborator phrase attached to the addressee
("instructs the Director of the Telecommunication Standardization Bureau, in collaboration with
the Director of the Telecommunication Development Bureau"). When the verb stands alone and each
numbered item names its own addressee ("invites\n1 RAG, TSAG and TDAG to ...; 2 the Directors
of ..."), every item yields an ``addressee_only`` head that points back at its verb; so does a
coordinated second object in running text ("... and the Directors BR, TSB, BDT and ISC-TF to
report"). Verbs, collaborator phrases, item labels and section boundaries are data
(``patterns/assignments.jsonl``); actors come from :mod:`extract.actors`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from extract.actors import expand_labels, join_labels, match_actor_list
from extract.assignment_patterns import PatternEntry, load_assignment_patterns, parse_patterns
from extract.literals import LiteralFinder

__all__ = ["HeadMatch", "PatternEntry", "find_heads", "load_assignment_patterns", "parse_patterns"]

_GAP_EN = re.compile(r"[^\S\n]*\n?[^\S\n]*")
_GAP_ZH = re.compile(r"[^\S\n]*")
_LINE_REACH = 200  # how far back a verb's line start is looked for


@dataclass(frozen=True)
class HeadMatch:
    """A clause head found in a text (offsets relative to that text).

    ``start``/``end`` delimit the surface (verb through addressee and collaborator phrase, or the
    addressee phrase alone when ``addressee_only``); ``verb_start``/``verb_end`` the governing verb.
    """

    start: int
    end: int
    verb: str
    verb_start: int
    verb_end: int
    addressee: str
    addressees: tuple[str, ...]
    collaborators: tuple[str, ...]
    qualifier: str | None
    addressee_only: bool
    line_start: bool
    voice: str
    pattern: str


@dataclass(frozen=True)
class _Compiled:
    prescan: re.Pattern[str] | None
    anchors: tuple[tuple[str, int], ...]
    anchor_finder: LiteralFinder
    verbs: re.Pattern[str]
    by_group: dict[str, PatternEntry]
    collab: tuple[tuple[re.Pattern[str], re.Pattern[str] | None, str], ...]
    boundary: re.Pattern[str] | None
    item_label: re.Pattern[str] | None
    item_end: re.Pattern[str] | None
    second: re.Pattern[str] | None
    second_end: re.Pattern[str] | None


@cache
def _compile(patterns: tuple[PatternEntry, ...], lang: str) -> _Compiled:
    verbs = [p for p in patterns if p.kind == "verb"]
    if not verbs:
        raise ValueError(f"no assignment verb patterns for language {lang!r}")
    left, right = (r"(?<![\w-])", r"(?![\w-])") if lang == "en" else ("", "")
    groups = {f"v{i}": p for i, p in enumerate(verbs)}
    alt = "|".join(f"(?P<{g}>{left}(?:{p.pattern}){right})" for g, p in groups.items())

    def one(kind: str, flags: int = re.MULTILINE) -> re.Pattern[str] | None:
        pats = [p.pattern for p in patterns if p.kind == kind]
        return re.compile("|".join(f"(?:{p})" for p in pats), flags) if pats else None

    collab = tuple(
        (re.compile(p.pattern, re.IGNORECASE), re.compile(p.close) if p.close else None, p.id)
        for p in patterns
        if p.kind == "collaborator"
    )
    prescans = [p for p in patterns if p.kind == "prescan"]
    anchored = bool(prescans) and all(p.anchors for p in prescans)
    anchors = tuple(a for p in prescans for a in p.anchors) if anchored else ()
    return _Compiled(
        prescan=one("prescan", 0),
        anchors=anchors,
        anchor_finder=LiteralFinder(literal for literal, _reach in anchors),
        verbs=re.compile(alt, re.IGNORECASE),
        by_group=groups,
        collab=collab,
        boundary=one("boundary"),
        item_label=one("item_label"),
        item_end=one("item_end"),
        second=one("second_object", 0),
        second_end=one("second_object_end", 0),
    )


def find_heads(
    text: str,
    lang: str = "en",
    sector: str | None = None,
    *,
    patterns: tuple[PatternEntry, ...] | None = None,
    item_scan: int = 4000,
) -> list[HeadMatch]:
    """Find every clause head that gives work in ``text``.

    Args:
        text: any text (a window of a document or a whole one).
        lang: ``en`` or ``zh``: which verb and actor patterns to use.
        sector: the host's Sector (``ITU-T`` for a WTSA text): reads "Study Group 17" and "the
            other Bureaux".
        patterns: verb/collaborator patterns (default: the packaged ``assignments.jsonl``).
        item_scan: how far after a verb to look for items that carry their own addressee.

    Example:
        >>> [(h.verb, h.addressee, h.collaborators) for h in find_heads(
        ...     "instructs the TSB Director, in collaboration with the BDT Director\\n1 to act")]
        [('instructs', 'TSB', ('BDT',))]
    """
    base = lang.split("-")[0].lower()
    pats = load_assignment_patterns(base) if patterns is None else patterns
    comp = _compile(tuple(p for p in pats if p.lang == base), base)
    gap = _GAP_EN if base == "en" else _GAP_ZH
    heads: list[HeadMatch] = []
    for m in _verb_matches(text, comp):
        group = m.lastgroup or ""
        entry = comp.by_group[group]
        vs, ve = m.span()
        line_start = _starts_line(text, vs)
        if entry.mode == "passive":
            head = _passive(text, vs, ve, entry, base, sector)
            if head is not None:
                heads.append(head)
            continue
        pos = gap.match(text, ve)
        start = pos.end() if pos else ve
        if base == "en" and start == ve:
            continue
        actors = match_actor_list(text, start, base, sector)
        if actors is not None:
            head = _head(text, comp, entry, vs, ve, vs, actors, base, sector, line_start)
            heads.append(head)
            if entry.mode == "head":
                heads.extend(_second_objects(text, comp, head, sector))
        if base == "en" and entry.mode == "head" and line_start:
            after = actors.end if actors is not None else ve
            heads.extend(_items(text, comp, entry, vs, ve, after, sector, item_scan))
    return heads


def _starts_line(text: str, pos: int) -> bool:
    """Whether only spaces or tabs stand between the line start and ``pos`` (the line start
    found within ``_LINE_REACH`` characters, or the text start)."""
    lo = max(0, pos - _LINE_REACH)
    nl = text.rfind("\n", lo, pos)
    if nl < 0 and lo > 0:
        return False
    return not text[nl + 1 : pos].strip()


def _verb_matches(text: str, comp: _Compiled) -> list[re.Match[str]]:
    """Verb matches, left to right, not overlapping.

    Why two steps: the full verb alternation (with passives and lookbehinds) runs at about
    1 MB/s over running text; the prescan of the anchor words (:func:`_prescan_matches`) is far
    cheaper, and the full patterns are only tried where it hits.
    """
    if comp.prescan is None:
        return list(comp.verbs.finditer(text))
    out: list[re.Match[str]] = []
    last = 0
    for pm in _prescan_matches(text, comp):
        if pm.start() < last:
            continue
        m = comp.verbs.match(text, pm.start())
        if m is not None:
            out.append(m)
            last = m.end()
    return out


_WORD_START = re.compile(r"(?<!\w)\w")


def _prescan_matches(text: str, comp: _Compiled) -> list[re.Match[str]]:
    """What ``comp.prescan.finditer(text)`` yields, found from its anchors when it has some.

    Why: one regex over running text runs at ~50 MB/s here, while all the anchor literals are
    found in one pass (:class:`~extract.literals.LiteralFinder`). Every prescan match contains
    an anchor literal and starts at most its ``reach`` characters before it, at a word start;
    so the regex is only tried at the word starts of those few stretches, in text order,
    resuming after each match as ``finditer`` does. ``tests/extract/test_assignments.py``
    checks both ways agree.
    """
    assert comp.prescan is not None
    if not comp.anchors:
        return list(comp.prescan.finditer(text))
    starts: set[int] = set()
    for index, k in comp.anchor_finder.find(text):
        reach = comp.anchors[index][1]
        if reach <= 1:  # the word starts at the anchor or just before it
            starts.update((k - 1, k) if k else (k,))
        else:
            starts.update(m.start() for m in _WORD_START.finditer(text, max(0, k - reach), k + 1))
    out: list[re.Match[str]] = []
    resume = 0
    for pos in sorted(starts):
        if pos < resume:
            continue
        m = comp.prescan.match(text, pos)
        if m is not None:
            out.append(m)
            resume = m.end()
    return out


def _head(
    text: str,
    comp: _Compiled,
    entry: PatternEntry,
    vs: int,
    ve: int,
    start: int,
    actors: Any,
    lang: str,
    sector: str | None,
    line_start: bool,
    *,
    addressee_only: bool = False,
) -> HeadMatch:
    addressees = expand_labels(actors.labels, sector=sector)
    primary = expand_labels(actors.primary, sector=sector)
    end = actors.end
    collaborators: tuple[str, ...] = ()
    for opener, close, _pid in comp.collab:
        om = opener.match(text, end)
        if not om:
            continue
        coll = match_actor_list(text, om.end(), lang, sector)
        if coll is None:
            continue
        cend = coll.end
        if close is not None:
            cm = close.match(text, cend)
            if not cm:
                continue
            cend = cm.end()
        collaborators = expand_labels(coll.labels, addressees=addressees, sector=sector)
        end = cend
        break
    return HeadMatch(
        start=start,
        end=end,
        verb=entry.label or "",
        verb_start=vs,
        verb_end=ve,
        addressee=join_labels(primary),
        addressees=addressees,
        collaborators=collaborators,
        qualifier=actors.qualifier,
        addressee_only=addressee_only,
        line_start=line_start,
        voice="active",
        pattern=entry.id,
    )


def _items(
    text: str,
    comp: _Compiled,
    entry: PatternEntry,
    vs: int,
    ve: int,
    after: int,
    sector: str | None,
    item_scan: int,
) -> list[HeadMatch]:
    """Items under a verb that each start with their own addressee ("2 the Directors of ...")."""
    out: list[HeadMatch] = []
    limit = min(len(text), after + item_scan)
    nl = text.find("\n", after)
    while 0 <= nl < limit:
        ls = nl + 1
        if comp.boundary is not None and comp.boundary.match(text, ls):
            break
        lab = comp.item_label.match(text, ls) if comp.item_label else None
        pos = lab.end() if lab else ls
        actors = match_actor_list(text, pos, "en", sector)
        if actors is not None and (comp.item_end is None or comp.item_end.match(text, actors.end)):
            out.append(
                _head(
                    text, comp, entry, vs, ve, pos, actors, "en", sector, True, addressee_only=True
                )
            )
        nl = text.find("\n", ls)
    return out


def _second_objects(
    text: str, comp: _Compiled, head: HeadMatch, sector: str | None
) -> list[HeadMatch]:
    """Coordinated objects of the same verb in running text.

    "Invites RAG, TSAG and TDAG to continue ... and the Directors BR, TSB, BDT and ISC-TF to
    report ...": an ``and`` followed by actors and an infinitive, before the sentence ends.
    """
    if comp.second is None or comp.second_end is None:
        return []
    stop = len(text)
    for mark in ("\n", ". "):
        k = text.find(mark, head.end)
        if k != -1:
            stop = min(stop, k)
    out: list[HeadMatch] = []
    entry = PatternEntry(head.pattern, "en", "verb", "", "", head.verb)
    pos = head.end
    while (m := comp.second.search(text, pos, stop)) is not None:
        pos = m.end()
        actors = match_actor_list(text, m.end(), "en", sector)
        if actors is None or not comp.second_end.match(text, actors.end):
            continue
        pos = actors.end
        if _actor_ends_at(text, m.start(), sector):
            continue  # "cooperating with ITU-R and ITU-D study groups to ...": one list, a task
        out.append(
            _head(
                text,
                comp,
                entry,
                head.verb_start,
                head.verb_end,
                m.end(),
                actors,
                "en",
                sector,
                head.line_start,
                addressee_only=True,
            )
        )
    return out


def _actor_ends_at(text: str, pos: int, sector: str | None) -> bool:
    """Whether an actor phrase ends right before ``pos`` (spaces and commas aside)."""
    end = pos
    while end > 0 and text[end - 1] in " \t,;":
        end -= 1
    before = text[max(0, end - 120) : end]
    for sm in re.finditer(r"(?<!\S)\S", before):
        found = match_actor_list(before, sm.start(), "en", sector)
        if found is not None and found.end == len(before):
            return True
    return False


def _passive(
    text: str, vs: int, ve: int, entry: PatternEntry, lang: str, sector: str | None
) -> HeadMatch | None:
    """ "The TSB Director is (also) invited": the actor phrase ends right before the verb."""
    lo = max(text.rfind(c, 0, vs) for c in ".;:\n")
    lo = max(lo + 1, vs - 200)
    for sm in re.finditer(r"(?<!\S)\S", text[lo:vs]):
        pos = lo + sm.start()
        actors = match_actor_list(text, pos, lang, sector)
        if actors is not None and text[actors.end : vs].strip() == "":
            addressees = expand_labels(actors.labels, sector=sector)
            return HeadMatch(
                start=pos,
                end=ve,
                verb=entry.label or "",
                verb_start=vs,
                verb_end=ve,
                addressee=join_labels(expand_labels(actors.primary, sector=sector)),
                addressees=addressees,
                collaborators=(),
                qualifier=actors.qualifier,
                addressee_only=False,
                line_start=False,
                voice="passive",
                pattern=entry.id,
            )
    return None
