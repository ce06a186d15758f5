"""What each member of one mention says: its version, organ, kind and near-miss marks.

Why apart from the component: once the Matcher found the anchor and
:mod:`extract.citations.members` the numbers ("Resolutions 20, 50 and 64 (Rev. Hammamet,
2016)"), deciding what each number cites is plain reasoning over the text and the organ
lexicon — a conference label before the mention ("WTSA-08 Resolution 68"), the version a bare
member shares with a later one or with the organ phrase ("Resolutions 64 and 101 of the 2014
Plenipotentiary Conference"), the Council session after a compilation heading's title, an
ITU-R version suffix — and is tested without spaCy.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from extract.citations.members import Member
from extract.citations.mention import foreign_marks, session_after_title, split_suffix
from extract.citations.organs import OrganLexicon
from extract.citations.parse import VersionParts
from extract.citations.parts import CitationParts

__all__ = ["MentionFacts", "label_before_mention", "member_parts", "session_outranks_prefix"]

_COUNCIL = "Council"
# Arabic-Indic and Persian digits ("القرار ٧١"): the number is recorded in ASCII digits, as the
# graph names works by it (the surface keeps the digits as written)
_ASCII_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


class MentionFacts(NamedTuple):
    """What the mention as a whole says, shared by its members (a named tuple: one is built
    for every mention, and a frozen dataclass costs about twice as much to build).

    Attributes:
        kind: the pattern's kind (a Chinese list may have changed it).
        pattern: the pattern id.
        organ / basis: the organ named by a prefix, an organ phrase or a label, and how.
        phrase_version: the version the organ phrase after the mention states.
        other_body: the phrase after the mention names another organisation.
        sector: the Sector of a Question or Recommendation.
        plural: the keyword was plural.
        anchor_text: the anchor's text (for an ITU-R version suffix).
    """

    kind: str
    pattern: str
    organ: str | None
    basis: str | None
    phrase_version: VersionParts | None
    other_body: bool
    sector: str | None
    plural: bool
    anchor_text: str


def label_before_mention(
    text: str,
    start: int,
    members: list[Member],
    organ: str | None,
    basis: str | None,
    lex: OrganLexicon,
) -> tuple[list[Member], str | None, str | None]:
    """A conference label right before the mention is an organ prefix that is part of the
    name ("WTSA-08 Resolution 68": the surface starts at the label, the label gives organ and
    version), unless the mention's own version names another conference ("the WRC-23
    Decision 623 (C21)": the label is context).

    Example:
        >>> from extract.citations.organs import load_organ_lexicon
        >>> t = "see WTSA-08 Resolution 68 on"
        >>> ms, organ, basis = label_before_mention(t, 12, [(12, 25, "68", None, None)],
        ...                                         None, None, load_organ_lexicon())
        >>> (t[ms[0][0]:ms[0][1]], organ, ms[0][3].year)
        ('WTSA-08 Resolution 68', 'WTSA', 2008)
    """
    label = lex.label_before(text, start)
    ref = lex.gazetteer.label(label[1]) if label else None
    if label is None or ref is None:
        return members, organ, basis
    if any(
        m[3] is not None
        and (m[3].organ not in (None, ref.organ) or m[3].year not in (None, ref.year))
        for m in members
    ):
        return members, organ, basis
    _, e0, n0, v0, st0 = members[0]
    members = [(label[0], e0, n0, v0, st0), *members[1:]]
    if organ is None and basis is None:
        organ, basis = ref.organ, "explicit"
    if all(m[3] is None for m in members):
        c = ref.conference
        v = VersionParts(c.venue if c else None, ref.year, False, organ=ref.organ)
        members = [(s, e, n, v, st) for s, e, n, _, st in members]
    return members, organ, basis


def session_outranks_prefix(members: list[Member], organ: str | None) -> bool:
    """Whether a Council session code in a member's version outranks the organ a prefix named:
    "the Rules of the WCIT Decision 572 (C13)" cites the Council's decision of its 2013
    session, and the acronym before it only says what the decision is about — as a label with
    a year is context before "Decision 623 (C21)" (:func:`label_before_mention`). Without the
    rule the acronym would be taken as the decision's organ, an edge to a WCIT text that does
    not exist.

    Example:
        >>> from extract.citations.parse import parse_version
        >>> session_outranks_prefix([(0, 22, "600", parse_version("C17"), None)], "WTSA")
        True
        >>> session_outranks_prefix([(0, 22, "1380", parse_version("C17"), None)], "Council")
        False
        >>> session_outranks_prefix([(0, 9, "1", parse_version("WTSA, 2008"), None)], "WTSA")
        False
    """
    return organ not in (None, _COUNCIL) and any(
        m[3] is not None and m[3].organ == _COUNCIL for m in members
    )


def member_parts(
    text: str,
    members: list[Member],
    facts: MentionFacts,
    meta: Mapping[str, Any],
    lex: OrganLexicon,
) -> list[CitationParts]:
    """One :class:`CitationParts` per member of the mention.

    A bare member shares the version of the next one that has one ("Resolutions 20, 50 and 64
    (Rev. Hammamet, 2016)"), else the organ phrase's ("Resolutions 64 and 101 of the 2014
    Plenipotentiary Conference"); a version that names an organ ("Rev.WRC-15", "C19") names
    the member's when nothing else did; a Council number with no version takes the session
    after its heading's title ("R 1336 Working group on Internet ... issues (C11)").

    Example:
        >>> from extract.citations.organs import load_organ_lexicon
        >>> from extract.citations.parse import parse_version
        >>> t = "Resolutions 20 and 64 (Rev. Hammamet, 2016)"
        >>> v = parse_version("Rev. Hammamet, 2016")
        >>> facts = MentionFacts("resolution", "res-en", None, None, None, False, None, True,
        ...                      "Resolutions 20")
        >>> ps = member_parts(t, [(0, 14, "20", None, None), (19, 43, "64", v, None)], facts,
        ...                   {}, load_organ_lexicon())
        >>> [(p.number, p.version.year) for p in ps]
        [('20', 2016), ('64', 2016)]
    """
    kind = facts.kind
    lo, hi = lex.number_ranges.get(_COUNCIL, (1000, 1999))
    out: list[CitationParts] = []
    for i, (s, e, num, version, status) in enumerate(members):
        if version is None:  # the next member's version is shared: "20 and 64 (Rev. ...)"
            for later in members[i + 1 :]:
                if later[3] is not None:
                    version = later[3]
                    break
            version = version or facts.phrase_version
        organ, basis = facts.organ, facts.basis
        if version is not None and version.organ and organ is None:
            organ, basis = version.organ, "explicit"
        num = num.translate(_ASCII_DIGITS)
        suffix = None
        if meta.get("version_suffix"):
            num, suffix = split_suffix(num, facts.anchor_text if i == 0 else num)
        council_number = num.isdigit() and lo <= int(num) <= hi
        if version is None and (council_number or meta.get("council_abbrev")):
            titled = session_after_title(text, e)
            if titled is not None:
                version = titled
                organ, basis = (organ, basis) if organ else (_COUNCIL, "explicit")
        if meta.get("council_abbrev") and organ is None:
            organ, basis = _COUNCIL, "explicit"  # the compilation's "R 1238", "D 570"
        if meta.get("council_decisions") and organ == _COUNCIL and num.isdigit():
            kind = "decision" if int(num) < lo else kind  # Arabic قرار: both words
        out.append(
            CitationParts(
                kind=kind,
                number=num,
                start=s,
                end=e,
                pattern=facts.pattern,
                version=version,
                organ=organ,
                organ_basis=basis,
                sector=facts.sector,
                status=status,
                plural=facts.plural,
                suffix=suffix,
                foreign=foreign_marks(text, s, e) or facts.other_body,
            )
        )
    return out
