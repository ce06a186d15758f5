"""Reading one mention: what the anchor the ``itu_citations`` Matcher found cites.

Why apart from :mod:`extract.nlp.citation_component`: the component runs the Matcher over a doc
(or over the pre-scan's zones) and hands each anchor here; this is the character-level second
step, which extends the anchor by its version parenthesis, coordinated numbers, status marker,
organ phrase and Sector clue, and decides between the organ clues. It needs only the text, the
pattern's options and the organ lexicon, not spaCy.

Example:
    >>> from extract.citations.organs import load_organ_lexicon
    >>> from extract.nlp.anchors import PatternOptions
    >>> from extract.citations.parts import load_patterns
    >>> opts = PatternOptions.of(next(p for p in load_patterns() if p["label"] == "resolution"))
    >>> reader = MentionReader(load_organ_lexicon(), max_group=8, sector_lookback=200)
    >>> text = "Resolution 70 (Rev. Dubai, 2018) of the Council"
    >>> [(p.number, p.organ) for p in reader.read(text, 0, opts, [(0, 10), (11, 13)])]
    [('70', 'Council')]
"""

from __future__ import annotations

from typing import Any

from extract.citations.attribute import (
    MentionFacts,
    label_before_mention,
    member_parts,
    session_outranks_prefix,
)
from extract.citations.internal_refs import read_internal
from extract.citations.members import (
    STATUS,
    anchor_number,
    coordinated_members,
    zh_list_members,
)
from extract.citations.mention import (
    council_abbrev_in_context,
    glued_organ_prefix,
    rejoined,
    sector_of,
    session_label_version,
)
from extract.citations.organs import OrganLexicon
from extract.citations.parse import paragraph_label_after_break
from extract.citations.parts import CitationParts
from extract.nlp.anchors import PatternOptions

__all__ = ["MentionReader"]


_COUNCIL = "Council"


class MentionReader:
    """Reads the mentions one anchor starts, with the component's organ lexicon and limits.

    ``max_group``: how many coordinated numbers a plural keyword may take ("Resolutions 44, 76
    and 78"); ``sector_lookback``: how many characters before a Question or Recommendation are
    searched for its Sector.
    """

    def __init__(self, lexicon: OrganLexicon, *, max_group: int, sector_lookback: int) -> None:
        self.lexicon = lexicon
        self.max_group = max_group
        self.sector_lookback = sector_lookback

    def read(
        self, text: str, off: int, opts: PatternOptions, toks: list[tuple[int, int]]
    ) -> list[CitationParts]:
        """What one anchor cites: ``toks`` are its tokens' offsets into ``text``."""
        kind = opts.label
        a_start, a_end = toks[0][0], toks[-1][1]
        if kind == "internal":
            return self._internal(text, opts, toks)
        atext = text[a_start:a_end]
        if paragraph_label_after_break(text, atext, a_start, a_end):
            return []
        if opts.hyphenated:  # "Reso-\nlution" or "Deci-\nsion", not "Re-\ntions"
            kind = opts.hyphenated.get(rejoined(atext), "")
            if not kind:
                return []
        lex = self.lexicon
        if opts.sector_r:  # "Resolution ITU-R 1-8", not "Resolution ITU 5"
            named = lex.sector.search(atext)
            if named is None or named.group(1) != "R":
                return []
        if opts.lead_strip is not None:  # a glued preposition is not part of the surface: "لقرار"
            lead = opts.lead_strip.match(atext)
            if lead is not None and lead.end():
                a_start, atext = a_start + lead.end(), atext[lead.end() :]
        if opts.council_abbrev and not council_abbrev_in_context(text, a_start, a_end):
            return []
        organ, basis = self._prefix_organ(text, toks, atext, opts)
        keyword_start = a_start  # where the surface starts without an organ prefix
        if organ is not None and opts.organ_token is not None:
            after_organ = toks[opts.organ_token + 1 :]
            keyword_start = next(s for s, e in after_organ if not text[s:e].isspace())
        label_version = None
        if opts.session_label:  # "C22/Res. 1411": the session is the Council's label
            label_version, organ, basis = session_label_version(atext), _COUNCIL, "explicit"
            if label_version is None:
                return []
        elif organ is None:  # "ofCouncil Resolution 1372": an organ prefix glued to a word
            glued = glued_organ_prefix(text, a_start, lex)
            if glued is not None:
                a_start, organ, basis = glued[0], glued[1], "explicit"
                atext = text[a_start:a_end]
        if organ in lex.non_itu_organs and opts.organ_token is not None:
            # "Security Council resolution 338": a UN organ's name stays outside the surface
            a_start, atext = keyword_start, text[keyword_start:a_end]
        sector = (
            sector_of(lex, text, a_start, atext, self.sector_lookback)
            if kind in ("question", "recommendation")
            else None
        )
        last = text[toks[-1][0] : toks[-1][1]]
        number = anchor_number(kind, atext.partition("/")[2] if label_version else atext, last)
        # the keyword may follow an organ prefix: "Council Resolutions 1333 and 1372"; the
        # endings of plural words: "القراران" also after a glued "لل" (a token's is_alpha and
        # lower_ are its text's isalpha() and lower())
        plural = kind in ("resolution", "decision", "question") and _has_plural_word(
            text, toks, opts.plural_ends
        )
        gaz = lex.gazetteer
        if opts.zh_list:
            plural = True
            kind, members = zh_list_members(
                text, a_start, a_end, number, opts.zh_list, gaz, self.max_group
            )
        else:
            group = self.max_group if plural else 1
            suffixed = opts.version_suffix
            members = coordinated_members(
                text,
                a_start,
                a_end,
                number,
                kind,
                gaz,
                group,
                suffixed=suffixed,
                bare=not opts.needs_version,
            )
        if not members or (opts.needs_version and members[0][3] is None):
            return []
        if label_version is not None and members[0][3] is None:
            members = [(s, e, n, v or label_version, st) for s, e, n, v, st in members]
        if keyword_start != a_start and session_outranks_prefix(members, organ):
            # "the WTSA Decision 600 (C17)": the Council's session code outranks the acronym,
            # which stays outside the surface as a label with a year would
            _, e0, n0, v0, st0 = members[0]
            members = [(keyword_start, e0, n0, v0, st0), *members[1:]]
            a_start, organ, basis = keyword_start, _COUNCIL, "explicit"
        last_end = members[-1][1]
        status_last = STATUS.match(text, last_end)
        after = lex.organ_after(text, status_last.end() if status_last else last_end)
        weak_prefix = opts.sector_organ or opts.sector_r
        if after is not None and (organ is None or weak_prefix):
            # "ITU-R Resolution 811 from WRC-19": the conference outranks the Sector's name
            organ, basis = after.organ, after.basis
        if organ is None and basis is None:
            before = lex.organ_before(text, a_start)
            if before is not None:
                organ, basis = before
        members, organ, basis = label_before_mention(text, a_start, members, organ, basis, lex)
        # "Resolution No. 12 of the General Assembly of the APT": another organisation's
        other_after = after is None and lex.other_body_after(
            text, status_last.end() if status_last else last_end
        )
        return member_parts(
            text,
            members,
            MentionFacts(
                kind=kind,
                pattern=opts.id,
                organ=organ,
                basis=basis,
                phrase_version=after.version if after is not None else None,
                other_body=other_after,
                sector=sector,
                plural=plural,
                anchor_text=atext,
            ),
            opts.meta,
            lex,
        )

    def _prefix_organ(
        self, text: str, toks: list[tuple[int, int]], atext: str, opts: PatternOptions
    ) -> tuple[str | None, str | None]:
        """Organ named inside the anchor: "WTDC Resolution 17", "ITU-R Resolution 9",
        "Resolution ITU-R 1-8", "قرار المجلس رقم 482"."""
        if opts.sector_organ or opts.sector_r:
            named = self.lexicon.sector.search(atext)
            organ = self.lexicon.sector_resolution_organ.get(f"ITU-{named[1]}") if named else None
            return (organ, "explicit") if organ else (None, None)
        if opts.organ_token is None:
            return None, None
        t_start, t_end = toks[opts.organ_token]
        # "Security Council resolution 338": the prefix ends a longer name of another organ
        longer = self.lexicon.organ_before(text, t_end)
        if longer is not None and longer[0] is not None:
            return longer[0], "explicit"
        organ = self.lexicon.organ_of_name(text[t_start:t_end])
        return (organ, "explicit") if organ else (None, None)

    def _internal(
        self, text: str, opts: PatternOptions, toks: list[tuple[int, int]]
    ) -> list[CitationParts]:
        words = [w for w in (text[s:e] for s, e in toks) if not w.isspace()]
        a_start, a_end = toks[0][0], toks[-1][1]
        lead = opts.lead_strip.match(words[0]) if opts.lead_strip is not None else None
        if lead is not None and lead.end():  # "впункте": a glued preposition
            a_start, words[0] = a_start + lead.end(), words[0][lead.end() :]
        rules: dict[str, Any] = opts.meta.get("internal", {})
        found = read_internal(text, a_start, a_end, words, rules, self.sector_lookback)
        if found is None:
            return []
        number, end = found
        return [CitationParts("internal", number, a_start, end, opts.id)]


def _has_plural_word(text: str, toks: list[tuple[int, int]], ends: tuple[str, ...]) -> bool:
    """Whether a token of the anchor is a plural keyword: longer than four letters, all
    letters, ending in one of ``ends`` ("Resolutions", "القراران").

    Why a loop and not ``any`` over a generator: it runs for every mention, and the slice of a
    short token (an article, a number) is not taken at all.
    """
    for s, e in toks:
        if e - s > 4:
            w = text[s:e]
            if w.isalpha() and w.lower().endswith(ends):
                return True
    return False
