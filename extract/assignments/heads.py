"""Find clause heads that give work in a text: verb, addressee, collaborators (pure functions).

Why separate from the spaCy component: the matching is defined on characters (a Chinese character
tokenizer and an English one split "instructs\nthe Director" differently), it is what the speed
budget is spent on, and it must be testable on plain strings.
:mod:`extract.nlp.assignment_component` wraps it as the ``itu_assignments`` pipe;
:mod:`extract.assignments.find` calls it on pre-scanned windows of a document.

A head is the verb, the addressee and a collaborator phrase attached to the addressee
("instructs the Director of the Telecommunication Standardization Bureau, in collaboration with
the Director of the Telecommunication Development Bureau"). When the verb stands alone and each
numbered item names its own addressee ("invites\n1 RAG, TSAG and TDAG to ...; 2 the Directors
of ..."), every item yields an ``addressee_only`` head that points back at its verb; so does a
coordinated second object in running text ("... and the Directors BR, TSB, BDT and ISC-TF to
report"). Verbs, collaborator phrases, item labels and section boundaries are data
(``patterns/assignments.jsonl``); actors come from :mod:`extract.assignments.actors`.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from extract.assignments.actors import expand_labels, join_labels, match_actor_list
from extract.assignments.head_match import HeadMatch
from extract.assignments.table import PatternEntry, load_assignment_patterns, parse_patterns
from extract.assignments.verbs import CompiledVerbs, compile_verbs, lead, starts_line, verb_matches

__all__ = ["HeadMatch", "PatternEntry", "find_heads", "load_assignment_patterns", "parse_patterns"]

_GAP_EN = re.compile(r"[^\S\n]*\n?[^\S\n]*")
_GAP_ZH = re.compile(r"[^\S\n]*")
_WORD_START = re.compile(r"(?<!\S)\S")


@cache
def _packaged_verbs(lang: str) -> CompiledVerbs:
    """The compiled verbs of the packaged patterns of ``lang``, once per process.

    Why not :func:`compile_verbs` on each call: its cache key is the tuple of patterns, and
    hashing some seventy pattern records on every call cost more than finding the heads of a
    short passage."""
    pats = load_assignment_patterns(lang)
    return compile_verbs(tuple(p for p in pats if p.lang == lang), lang)


def find_heads(
    text: str,
    lang: str = "en",
    sector: str | None = None,
    *,
    patterns: tuple[PatternEntry, ...] | None = None,
    item_scan: int = 4000,
    verbs: CompiledVerbs | None = None,
) -> list[HeadMatch]:
    """Find every clause head that gives work in ``text``.

    Args:
        text: any text (a window of a document or a whole one).
        lang: which verb and actor patterns to use (en, zh, fr, es, ru, ar).
        sector: the host's Sector (``ITU-T`` for a WTSA text): reads "Study Group 17" and "the
            other Bureaux".
        patterns: verb/collaborator patterns (default: the packaged ``assignments.jsonl``).
        item_scan: how far after a verb to look for items that carry their own addressee.
        verbs: ``patterns`` of ``lang`` already compiled (:func:`compile_verbs`), for a caller
            that keeps them (the pipeline component); ``patterns`` is then not read.

    Example:
        >>> [(h.verb, h.addressee, h.collaborators) for h in find_heads(
        ...     "instructs the TSB Director, in collaboration with the BDT Director\\n1 to act")]
        [('instructs', 'TSB', ('BDT',))]
    """
    base = lang.split("-")[0].lower()
    if verbs is not None:
        comp = verbs
    elif patterns is None:
        comp = _packaged_verbs(base)
    else:
        comp = compile_verbs(tuple(p for p in patterns if p.lang == base), base)
    gap = _GAP_ZH if base == "zh" else _GAP_EN
    heads: list[HeadMatch] = []
    for m in verb_matches(text, comp):
        group = m.lastgroup or ""
        entry = comp.by_group[group]
        vs, ve = m.span()
        if entry.mode == "passive":
            passive = _passive(text, comp, vs, ve, entry, sector)
            if passive is not None:
                heads.append(passive)
            continue
        line_start = starts_line(text, vs)
        tail = comp.verb_tail.match(text, ve) if comp.verb_tail is not None else None
        if tail is not None:  # "instructs and authorizes the Secretary-General"
            ve = tail.end()
        pos = gap.match(text, ve)
        start = pos.end() if pos else ve
        if base != "zh" and start == ve and not _glued(text, ve, comp):
            continue
        actors = match_actor_list(text, start, base, sector)
        inline = comp.inline_item if actors is None and "\n" not in text[ve:start] else None
        if inline is not None and (im := inline.match(text, start)) is not None:
            # "invites 1 the Development Sector to ...": an item number between verb and addressee
            actors = match_actor_list(text, im.end(), base, sector)
            if actors is not None and _is_reference(text, actors.end, comp):
                actors = None
            if actors is not None:
                heads.append(
                    _head(
                        text,
                        comp,
                        entry,
                        vs,
                        ve,
                        im.end(),
                        actors,
                        base,
                        sector,
                        line_start,
                        addressee_only=True,
                        where="line" if line_start else lead(text, vs, comp),
                    )
                )
                continue
        if actors is not None and _is_reference(text, actors.end, comp):
            continue  # "regarding invites the Secretary-General below": a clause reference
        head = None
        if actors is not None:
            head = _head(
                text,
                comp,
                entry,
                vs,
                ve,
                vs,
                actors,
                base,
                sector,
                line_start,
                where="line" if line_start else lead(text, vs, comp),
            )
            heads.append(head)
            if entry.mode == "head":
                heads.extend(_second_objects(text, comp, head, sector))
        if base != "zh" and entry.mode == "head" and line_start:
            after = head.end if head is not None else ve
            heads.extend(_items(text, comp, entry, vs, ve, after, sector, item_scan))
    return heads


def _glued(text: str, ve: int, comp: CompiledVerbs) -> bool:
    """Whether a conversion glued the addressee's article to the verb ("instructsthe")."""
    return comp.glued is not None and comp.glued.match(text, ve) is not None


def _is_reference(text: str, end: int, comp: CompiledVerbs) -> bool:
    """Whether the words after an addressee make the head a reference ("... below")."""
    return comp.reference is not None and comp.reference.match(text, end) is not None


def _head(
    text: str,
    comp: CompiledVerbs,
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
    where: str = "line",
) -> HeadMatch:
    addressees = expand_labels(actors.labels, sector=sector)
    # the same labels (no "in particular" extension) expand the same
    same = actors.primary is actors.labels
    primary = addressees if same else expand_labels(actors.primary, sector=sector)
    collaborators, end = _collaborators(text, comp, actors.end, addressees, sector)
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
        # "se invita a", "il est demandé au", "يُكلَّف": a passive whose actor follows the verb
        voice="passive" if entry.mode == "passive_head" else "active",
        pattern=entry.id,
        lead=where,
        tense="past" if entry.mode == "past" else "present",
        lang=lang,
    )


def _collaborators(
    text: str, comp: CompiledVerbs, end: int, addressees: tuple[str, ...], sector: str | None
) -> tuple[tuple[str, ...], int]:
    """The collaborator phrase right after ``end`` ("in collaboration with the Director of
    BDT", "与电信发展局主任协作"): its actors and where it ends (none: ``()`` and ``end``)."""
    for opener, close, _pid in comp.collab:
        om = opener.match(text, end)
        if not om:
            continue
        coll = match_actor_list(text, om.end(), comp.lang, sector)
        if coll is None:
            continue
        cend = coll.end
        if close is not None:
            cm = close.match(text, cend)
            if not cm:
                continue
            cend = cm.end()
        return expand_labels(coll.labels, addressees=addressees, sector=sector), cend
    return (), end


def _items(
    text: str,
    comp: CompiledVerbs,
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
        actors = match_actor_list(text, pos, comp.lang, sector)
        if actors is not None and (comp.item_end is None or comp.item_end.match(text, actors.end)):
            out.append(
                _head(
                    text,
                    comp,
                    entry,
                    vs,
                    ve,
                    pos,
                    actors,
                    comp.lang,
                    sector,
                    True,
                    addressee_only=True,
                )
            )
        nl = text.find("\n", ls)
    return out


def _second_objects(
    text: str, comp: CompiledVerbs, head: HeadMatch, sector: str | None
) -> list[HeadMatch]:
    """Coordinated objects of the same verb in running text.

    "Invites RAG, TSAG and TDAG to continue ... and the Directors BR, TSB, BDT and ISC-TF to
    report ...": an ``and`` followed by actors and an infinitive, before the sentence ends.
    """
    if comp.second is None or comp.second_end is None:
        return []
    # the sentence ends at the next line break or ". ", whichever comes first; a ". " is only
    # looked for up to the line break (not through the rest of a long text, for every head)
    nl = text.find("\n", head.end)
    stop = len(text) if nl == -1 else nl
    dot = text.find(". ", head.end, stop + 1)
    if dot != -1:
        stop = min(stop, dot)
    out: list[HeadMatch] = []
    entry: PatternEntry | None = None  # made for the first second object only
    pos = head.end
    while (m := comp.second.search(text, pos, stop)) is not None:
        pos = m.end()
        actors = match_actor_list(text, m.end(), comp.lang, sector)
        if actors is None or not comp.second_end.match(text, actors.end):
            continue
        pos = actors.end
        if _actor_ends_at(text, m.start(), comp.lang, sector):
            continue  # "cooperating with ITU-R and ITU-D study groups to ...": one list, a task
        entry = entry or PatternEntry(head.pattern, comp.lang, "verb", "", "", head.verb)
        out.append(
            _head(
                text,
                comp,
                entry,
                head.verb_start,
                head.verb_end,
                m.end(),
                actors,
                comp.lang,
                sector,
                head.line_start,
                addressee_only=True,
                where=head.lead,
            )
        )
    return out


def _actor_ends_at(text: str, pos: int, lang: str, sector: str | None) -> bool:
    """Whether an actor phrase ends right before ``pos`` (spaces and commas aside)."""
    end = pos
    while end > 0 and text[end - 1] in " \t,;":
        end -= 1
    before = text[max(0, end - 120) : end]
    for sm in _WORD_START.finditer(before):
        found = match_actor_list(before, sm.start(), lang, sector)
        if found is not None and found.end == len(before):
            return True
    return False


_PREVIOUS = re.compile(r"(\S+)[^\S\n]+\Z")


def _governed(text: str, lo: int, pos: int, comp: CompiledVerbs) -> bool:
    """Whether the words before an actor at ``pos`` make it part of a larger phrase: a
    preposition or determiner ("the report of the Council"), another organisation's acronym
    ("CEPT administrations"), or a capitalized word that does not start the sentence ("the
    Security Council")."""
    if comp.subject_blocker is not None and comp.subject_blocker.search(text, lo, pos):
        return True
    if comp.owner is not None and comp.owner.search(text, lo, pos):
        return True
    prev = _PREVIOUS.search(text, lo, pos)
    if prev is None or not prev.group(1)[0].isupper() or prev.group(1)[-1] in ",;:":
        return False  # ("Under this Decision, the Director of BR is instructed")
    return (
        bool(text[lo : prev.start()].strip())
        and text[lo : prev.start()].rstrip()[-1] not in ".;:!?"
    )


_WORD_STARTS = re.compile(r"(?<!\S)\S|(?<=[a-z.;:,)])(?=[A-Z][a-z])")  # "UAE.The", "requiredThe"


def _passive(
    text: str, comp: CompiledVerbs, vs: int, ve: int, entry: PatternEntry, sector: str | None
) -> HeadMatch | None:
    """ "The TSB Director is (also) invited": the actor phrase ends right before the verb.

    The longest actor list that does so is the subject, unless a preposition governs it ("the
    report of the Council is invited" invites no Council); then a shorter one that starts
    after it may be ("... to report to the Council, and Member States are invited": the
    Member States, coordinated with the clause before).
    """
    lang = comp.lang
    # the last sentence mark within the 200 characters read (an earlier one would not count:
    # the search need not run back through the text)
    floor = max(0, vs - 201)
    lo = max(text.rfind(c, floor, vs) for c in ".;:\n")
    lo = max(lo + 1, vs - 200)
    for sm in _WORD_STARTS.finditer(text, lo, vs):
        pos = sm.start()
        actors = match_actor_list(text, pos, lang, sector)
        if actors is None or text[actors.end : vs].strip() != "":
            continue
        if _governed(text, lo, pos, comp):
            continue
        addressees = expand_labels(actors.labels, sector=sector)
        # "The Director of BDT is instructed, in collaboration with the Director of TSB, to"
        collaborators, end = _collaborators(text, comp, ve, addressees, sector)
        return HeadMatch(
            start=pos,
            end=end,
            verb=entry.label or "",
            verb_start=vs,
            verb_end=ve,
            addressee=join_labels(expand_labels(actors.primary, sector=sector)),
            addressees=addressees,
            collaborators=collaborators,
            qualifier=actors.qualifier,
            addressee_only=False,
            line_start=False,
            voice="passive",
            pattern=entry.id,
            lang=lang,
        )
    return None
