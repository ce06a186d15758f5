"""Heads to :class:`~extract.models.Assignment` records: source, resolution, section, items.

Why apart from the head finder: what a head *is* — the operative text of the resolution at
hand, a paraphrase of one, or a clause of a cited resolution quoted in another text — depends on
where it stands (the document structure) and on what stands before its verb, not on the verb and
addressee themselves. Those rules are here, in one place (:func:`_source`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Sequence
from operator import attrgetter
from typing import Any, Literal

from extract.assignments.heads import HeadMatch
from extract.assignments.quoted import same_sentence
from extract.models import Assignment, DocumentStructure

__all__ = ["Reported", "heads_to_assignments", "host_number"]

#: ``(head, reach) -> ReportedSource | None``: the cited resolution a head reports, looked for
#: in the verb's ``clause``, ``sentence`` or ``paragraph``
Reported = Callable[[HeadMatch, str], Any]
Source = Literal["operative", "summary", "reported"]

#: a host number as an ITU-R heading writes it: Sector prefix and revision suffix around it
_SECTOR_NUMBER = re.compile(r"(?:ITU|UIT|МСЭ)[-\u2010\u2011 ]?R[^\S\n]*(\d{1,4})(?:-\d{1,2})?")


def host_number(number: str | None) -> str | None:
    """The resolution number an assignment names, as the citations do: "ITU-R 67-1" is
    Resolution ITU-R 67 (version 1), so ``"67"``; other numbers as they are.

    Example:
        >>> host_number("ITU-R 67-1"), host_number("1238")
        ('67', '1238')
    """
    if number is None:
        return None
    m = _SECTOR_NUMBER.fullmatch(number.strip())
    return m.group(1) if m else number


_SPAN = attrgetter("start", "end")
_JOIN_REACH = 600  # how far after the head it continues a coordinated verb may stand
_OPERATIVE_LEADS = frozenset({"boundary", "item"})  # ", instructs the ..." in flattened text
_SUMMARY_LEADS = frozenset({"document", "organ", "impersonal"})  # "The Decision also requests"


def _source(
    h: HeadMatch, summary: bool, preamble: bool, reported: Reported | None
) -> tuple[Source, Any] | None:
    """``(source, reported resolution or None)`` of a head, or None when it is no assignment.

    * in a summary (an overview table entry): ``summary``;
    * passive ("The Council is invited"): ``reported`` when a resolution cited in the same
      clause is its subject, else a paraphrase (``summary``) — resolutions speak in the active;
    * past tense ("invited the Council"): ``reported`` when its sentence cites the resolution
      or takes up one cited in the sentence before ("Further, it invited"), else nothing (a
      narrative: "WTSA-20 instructed the TSB Director");
    * a quotation ("‘instructs the SG 3”"): ``reported`` when the paragraph cites the
      resolution, else nothing;
    * in a preamble: ``reported`` as above, else nothing;
    * a verb that starts a line (after an item label or "It also" at most): ``operative``;
    * mid-line: ``reported`` when a resolution cited in the same clause is its subject; else
      ``operative`` after a clause boundary (", instructs the Secretary-General" in text whose
      lines were run together), ``summary`` after "The Resolution" or a conference ("WRC-03
      invites the CPM"), and nothing after another word ("regarding invites the
      Secretary-General below" is a reference).
    """

    def cited(reach: str) -> Any:
        return reported(h, reach) if reported is not None else None

    if summary:
        return "summary", None
    if h.voice == "passive":
        found = cited("clause")
        if found is not None:
            return "reported", found
        return None if preamble else ("summary", None)
    if h.tense == "past":
        found = cited("sentence")
        return ("reported", found) if found is not None else None
    if h.lead == "quote" or preamble:
        found = cited("paragraph")
        return ("reported", found) if found is not None else None
    if h.line_start or h.lead == "line":
        return "operative", None
    found = cited("clause")
    if found is not None:
        return "reported", found
    if h.lead in _OPERATIVE_LEADS:
        return "operative", None
    if h.lead in _SUMMARY_LEADS:
        return "summary", None
    return None


def _joins(text: str, previous: Assignment, h: HeadMatch) -> bool:
    """Whether ``h`` is a verb coordinated with the head of ``previous`` in the same sentence."""
    if previous.addressee_only or not previous.start < previous.end <= h.verb_start:
        return False
    return h.verb_start - previous.end <= _JOIN_REACH and same_sentence(
        text, previous.end, h.verb_start
    )


def _items(h: HeadMatch, next_start: int | None, sec: Any, par: Any) -> tuple[str, ...]:
    """Labels of the numbered items a head governs: its own item for an addressee-only head,
    else the labelled paragraphs of its section after it, up to the next head."""
    if h.addressee_only and par is not None and par.label:
        return (par.label,)
    if sec is None:
        return ()
    stop = next_start if next_start is not None else sec.end
    labels = [p.label for p in _starting_in(sec, h.end, stop) if p.label]
    if not labels:
        return ()
    top = labels[0][0].isdigit()  # keep the top level: 1, 2 (not i), ii))
    return tuple([lab for lab in labels if lab[0].isdigit() == top])


_FEW_PARAGRAPHS = 8  # up to this many, a section's paragraphs are read without its index


def _starting_in(sec: Any, lo: int, hi: int) -> Sequence[Any]:
    """The paragraphs of ``sec`` (sorted by start) that start in ``[lo, hi)``.

    Why not always through the section's index: most sections have a handful of paragraphs,
    and building the index (once per section, and nearly every head opens a section of its
    own) cost more than reading them; an unsorted tuple is read through the index as before.
    """
    paragraphs = sec.paragraphs
    if len(paragraphs) <= _FEW_PARAGRAPHS:
        first = last = 0
        previous = -1
        for p in paragraphs:
            start = p.start
            if start < previous:
                break  # not sorted: bisect as before
            previous = start
            if start < lo:
                first += 1
            if start < hi:
                last += 1
        else:
            return paragraphs[first:last]  # type: ignore[no-any-return]
    starts = sec.paragraph_index.starts
    first, last = bisect.bisect_left(starts, lo), bisect.bisect_left(starts, hi)
    return paragraphs[first:last]  # type: ignore[no-any-return]


def heads_to_assignments(
    heads: Iterable[HeadMatch],
    doc_name: str,
    text: str,
    structure: DocumentStructure,
    *,
    reported: Reported | None = None,
) -> list[Assignment]:
    """Turn heads (offsets into ``text``) into records placed in the document structure.

    The source of each head (``operative``, ``summary``, ``reported``, or no record at all)
    follows the rules of :func:`_source`.

    Args:
        heads: heads found by :func:`~extract.nlp.assignment_component.find_heads` on ``text``.
        doc_name: the file name recorded as ``doc``.
        text: the document text.
        structure: the document's segmentation.
        reported: callable ``(head, reach) -> ReportedSource | None`` (default: none is
            recognized).

    Example:
        >>> from extract.nlp.assignment_component import find_heads
        >>> from extract.models import DocumentStructure
        >>> s = DocumentStructure("x.txt", "en", "WTSA", None, ())
        >>> t = "invites the Council\\n1 to act"
        >>> [a.addressee for a in heads_to_assignments(find_heads(t), "x.txt", t, s)]
        ['Council']
    """
    out: list[Assignment] = []
    heads = sorted(heads, key=_SPAN)  # (start, end), as a C key: one call per head saved
    hosts: dict[str | None, str | None] = {}
    for i, h in enumerate(heads):
        res, sec, par = structure.where(h.verb_start)
        if h.start != h.verb_start:  # an addressee-only head: its own item's paragraph
            par = structure.where(h.start)[2]
        summary = (res is not None and res.source == "summary") or (
            sec is not None and sec.kind == "summary"
        )
        preamble = sec is not None and sec.kind in {"preambular", "foreword"}
        if res is None:
            host = None
        elif (host := hosts.get(res.number, "")) == "":  # once per resolution, not per head
            host = hosts[res.number] = host_number(res.number)
        resolution, body = host, None
        previous = out[-1] if out else None
        joined = h.lead == "coordination" and h.voice != "passive" and not h.line_start
        if joined and previous is not None and _joins(text, previous, h):
            # "... requests the Secretary-General to report and invites Member States to ...":
            # the second verb shares the subject, hence the source, of the head before it
            source: Source = previous.source
            resolution, body = previous.resolution, previous.resolution_body
        else:
            decided = _source(h, summary, preamble, reported)
            if decided is None:
                continue
            source, found = decided
            if found is not None:
                resolution, body = found.number, found.body
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
                source=source,
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
                voice="passive" if h.voice == "passive" else None,
            )
        )
    return out
