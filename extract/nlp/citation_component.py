"""spaCy components of resgraph: ``itu_citations`` finds citations and what they say.

Why a spaCy component: a spaCy user can add it to any pipeline (``nlp.add_pipe("itu_citations")``),
read ``doc.spans["itu_citations"]`` and extend the patterns in ``patterns/citations.jsonl``
(id, label, example, token pattern) without touching code. The component works in two steps:

1. a token :class:`~spacy.matcher.Matcher` finds the anchor of every mention ("Resolution 195",
   "WTDC Resolution 17", "Question 14-3/2", "Recommendation ITU-T E.161.1", "第196号决议",
   "resolves 4");
2. a character-level reading of what follows extends it: the version parenthesis (parsed in
   :mod:`extract.citations.parse`), coordinated numbers ("Resolutions 44 (...) and 76 (...)" gives
   two spans; Chinese lists likewise, :mod:`extract.citations.members`), a status marker
   ("[Rev]"), the organ phrase ("of the Plenipotentiary Conference", "of this assembly",
   :mod:`extract.citations.organs`) and the Sector clue of a Question.

Each span carries a :class:`CitationParts` in ``span._.itu``. (On the window docs of the
pre-scan, an internal means of :func:`extract.citations.find.find_citation_parts`, the findings are
handed over in ``doc._.itu_context.found`` instead of as spans.) Turning findings into records
needs the document structure (host resolution, section) and is a separate pure function
(:func:`extract.citations.find.spans_to_citations`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

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
from extract.citations.organs import OrganLexicon, load_organ_lexicon
from extract.citations.parse import paragraph_label_after_break
from extract.citations.parts import (
    WINDOW_SEPARATOR,
    CitationParts,
    WindowContext,
    lexeme_norms,
    load_patterns,
    register_extensions,
)
from extract.nlp.anchors import Match, PatternOptions, filter_longest
from extract.nlp.matcher_flags import LexemeFlags, flag_patterns, norms_to_spellings

__all__ = [
    "WINDOW_SEPARATOR",
    "CitationComponent",
    "CitationParts",
    "WindowContext",
    "load_patterns",
]


_COUNCIL = "Council"


class CitationComponent:
    """The ``itu_citations`` pipe: anchors by Matcher, then the character-level extension.

    Example:
        >>> from extract.nlp.pipeline import build_nlp
        >>> doc = build_nlp()("see Resolutions 70 and 175 (Rev. Dubai, 2018) of the Council")
        >>> [(s.text, s._.itu.number, s._.itu.organ) for s in doc.spans["itu_citations"]]
        [('Resolutions 70', '70', 'Council'), ('175 (Rev. Dubai, 2018)', '175', 'Council')]
    """

    def __init__(
        self,
        nlp: Language,
        name: str,
        *,
        spans_key: str,
        patterns_path: str | None,
        max_group: int,
        sector_lookback: int,
        own_vocab: bool = False,
    ) -> None:
        register_extensions()
        self.own_vocab = own_vocab
        self.name = name
        self.spans_key = spans_key
        self.max_group = max_group
        self.sector_lookback = sector_lookback
        self.vocab = nlp.vocab
        self.flags = LexemeFlags(nlp.vocab)
        self.lexicon: OrganLexicon = load_organ_lexicon()
        self.patterns: list[dict[str, Any]] = []
        self.matcher = Matcher(nlp.vocab)
        self.initialize(patterns_path=patterns_path)

    def initialize(
        self,
        get_examples: Any = None,
        *,
        nlp: Language | None = None,
        patterns_path: str | None = None,
        patterns: list[dict[str, Any]] | None = None,
    ) -> None:
        """(Re)load the patterns: the given list, the given file, or the packaged file."""
        self.patterns = patterns if patterns is not None else load_patterns(patterns_path)
        check = Matcher(self.vocab, validate=True)  # the patterns as written pass the schema...
        for p in self.patterns:
            check.add(p["id"], [p["pattern"]])
        if self.own_vocab:
            # ...and, on a vocabulary of our own, match plural anchors by their lexeme norm and
            # read spelling-only predicates from lexeme flags (see extract.nlp.matcher_flags)
            for word, norm in lexeme_norms().items():
                for spelling in {word, word.capitalize(), word.upper()}:
                    self.vocab[spelling].norm_ = norm
            self._compiled = {
                p["id"]: flag_patterns(self.flags, p["pattern"]) for p in self.patterns
            }
        else:  # someone else's vocabulary stays as it is
            norms = lexeme_norms()
            self._compiled = {
                p["id"]: norms_to_spellings(p["pattern"], norms) for p in self.patterns
            }
        self.matcher = Matcher(self.vocab, validate=False)
        for p in self.patterns:
            self.matcher.add(p["id"], [self._compiled[p["id"]]])
        self._matchers: dict[frozenset[str], Matcher] = {}
        # each pattern's options by its Matcher key (anchors are the Matcher's tuples)
        self._options = {
            self.vocab.strings.add(p["id"]): PatternOptions.of(p) for p in self.patterns
        }

    def __call__(self, doc: Doc) -> Doc:
        ctx: WindowContext | None = doc._.itu_context
        # every token's character offsets, read once: anchors are (key, start, end) tuples
        # and their offsets and texts are looked up here (see extract.nlp.anchors)
        starts = doc.to_array("IDX")
        ends = starts + doc.to_array("LENGTH")
        anchors: list[Match]
        if ctx is None or not ctx.zones:
            anchors = self.matcher(doc)
        else:  # match only where the pre-scan saw a trigger, with the patterns it triggers
            anchors = []
            # the tokens overlapping each zone [lo, hi) (doc.char_span's "expand", all at once)
            firsts = ends.searchsorted([z[0] for z in ctx.zones], side="right").tolist()
            lasts = starts.searchsorted([z[1] for z in ctx.zones], side="left").tolist()
            for (_, _, ids), first, last in zip(ctx.zones, firsts, lasts, strict=True):
                if first < last:
                    anchors.extend(
                        (key, first + s, first + e)
                        for key, s, e in self._matcher_for(ids)(doc[first:last])
                    )
        tok_starts: list[int] = starts.tolist()
        tok_ends: list[int] = ends.tolist()
        found: list[CitationParts] = []
        covered = 0  # end of the last mention read (doc offset)
        # doc.text is rebuilt from the tokens on every access: read it once
        text = ctx.text if ctx is not None else doc.text
        for key, first, last in filter_longest(anchors):
            start_char, end_char = tok_starts[first], tok_ends[last - 1]
            if ctx is None:
                off, limit = 0, len(text)
            else:
                off, limit = ctx.placement(start_char)
                if end_char > limit:
                    continue
            if start_char < covered:
                continue  # inside a mention read already: "第76号决议" of "第44号和第76号决议"
            # the anchor's tokens as (start, end) offsets into ``text``
            toks = [(tok_starts[i] + off, tok_ends[i] + off) for i in range(first, last)]
            # findings carry offsets into ``text``; ``off`` maps them back to this doc
            for p in self._expand(text, off, self._options[key], toks):
                end = p.end - off
                if end <= limit:
                    found.append(p)
                    covered = max(covered, end)
        if ctx is not None:
            ctx.found.extend(found)  # a window doc: the caller reads the findings, not spans
        else:
            spans = (self._span(doc, p) for p in found)
            doc.spans[self.spans_key] = [sp for sp in spans if sp is not None]
        return doc

    def _matcher_for(self, ids: frozenset[str]) -> Matcher:
        """A Matcher holding only the patterns ``ids`` (all of them for an empty set).

        Why: the Matcher tests every pattern at every token, and a zone opened by "Resolution"
        can only be matched by the patterns triggered by it; a matcher per trigger group does a
        fraction of the work of the full one, with the same matches.
        """
        if not ids:
            return self.matcher
        matcher = self._matchers.get(ids)
        if matcher is None:
            matcher = Matcher(self.vocab, validate=False)  # validated in initialize
            for p in self.patterns:
                if p["id"] in ids:
                    matcher.add(p["id"], [self._compiled[p["id"]]])
            self._matchers[ids] = matcher
        return matcher

    @staticmethod
    def _span(doc: Doc, parts: CitationParts) -> Span | None:
        """The doc span of a finding (``parts`` offsets are in doc coordinates)."""
        span = doc.char_span(parts.start, parts.end, label=parts.kind, alignment_mode="expand")
        if span is not None:
            span._.itu = parts
        return span

    # -- reading one mention -------------------------------------------------------------

    def _expand(
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
        plural = kind in ("resolution", "decision", "question") and any(
            len(w) > 4 and w.isalpha() and w.lower().endswith(opts.plural_ends)
            for w in (text[s:e] for s, e in toks)
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

    # -- serialization (STYLE.md habit 6: patterns persist with the pipeline) ---------------

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the patterns as ``citations.jsonl`` in ``path``."""
        p = Path(path)
        p.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(x, ensure_ascii=False) for x in self.patterns)
        (p / "citations.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> CitationComponent:
        """Read the patterns written by :meth:`to_disk`."""
        self.initialize(patterns_path=str(Path(path) / "citations.jsonl"))
        return self


@Language.factory(
    "itu_citations",
    assigns=["doc.spans", "span._.itu"],
    default_config={
        "spans_key": "itu_citations",
        "patterns_path": None,
        "max_group": 8,
        "sector_lookback": 200,
        "own_vocab": False,
    },
)
def make_itu_citations(
    nlp: Language,
    name: str,
    spans_key: str,
    patterns_path: str | None,
    max_group: int,
    sector_lookback: int,
    own_vocab: bool,
) -> CitationComponent:
    """Factory of the ``itu_citations`` component (see :class:`CitationComponent`).

    ``own_vocab``: the pipeline's vocabulary is the component's to change (``build_nlp`` says
    so): lexeme norms and flags make matching faster. Off (the default, for a pipeline of
    someone else's), the vocabulary is left as it is.
    """
    return CitationComponent(
        nlp,
        name,
        spans_key=spans_key,
        patterns_path=patterns_path,
        max_group=max_group,
        sector_lookback=sector_lookback,
        own_vocab=own_vocab,
    )
