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
import re
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

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
        self._meta = {p["id"]: p for p in self.patterns}

    def __call__(self, doc: Doc) -> Doc:
        ctx: WindowContext | None = doc._.itu_context
        if ctx is None or not ctx.zones:
            anchors = list(self.matcher(doc, as_spans=True))
        else:  # match only where the pre-scan saw a trigger, with the patterns it triggers
            anchors = []
            # the tokens overlapping each zone [lo, hi) (doc.char_span's "expand", all at once)
            starts = doc.to_array("IDX")
            ends = starts + doc.to_array("LENGTH")
            firsts = ends.searchsorted([z[0] for z in ctx.zones], side="right").tolist()
            lasts = starts.searchsorted([z[1] for z in ctx.zones], side="left").tolist()
            for (_, _, ids), first, last in zip(ctx.zones, firsts, lasts, strict=True):
                if first < last:
                    anchors.extend(self._matcher_for(ids)(doc[first:last], as_spans=True))
        found: list[CitationParts] = []
        covered = 0  # end of the last mention read (doc offset)
        # doc.text is rebuilt from the tokens on every access: read it once
        text = ctx.text if ctx is not None else doc.text
        for anchor in sorted(filter_spans(anchors), key=lambda sp: sp.start):
            if ctx is None:
                off, limit = 0, len(text)
            else:
                off, limit = ctx.delta(anchor.start_char), ctx.piece_end(anchor.start_char)
                if anchor.end_char > limit:
                    continue
            if anchor.start_char < covered:
                continue  # inside a mention read already: "第76号决议" of "第44号和第76号决议"
            # findings carry offsets into ``text``; ``off`` maps them back to this doc
            read = [p for p in self._expand(doc, text, off, anchor) if p.end - off <= limit]
            found.extend(read)
            covered = max([covered, *(p.end - off for p in read)])
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

    def _expand(self, doc: Doc, text: str, off: int, anchor: Span) -> list[CitationParts]:
        pattern_id = anchor.label_
        meta = self._meta[pattern_id]
        kind: str = meta["label"]
        a_start, a_end = anchor.start_char + off, anchor.end_char + off
        if kind == "internal":
            return self._internal(text, off, anchor, meta)
        atext = text[a_start:a_end]  # cheaper than anchor.text, which joins the tokens
        if paragraph_label_after_break(text, atext, a_start, a_end):
            return []
        if meta.get("hyphenated"):  # "Reso-\nlution" or "Deci-\nsion", not "Re-\ntions"
            kind = meta["hyphenated"].get(rejoined(atext), "")
            if not kind:
                return []
        lex = self.lexicon
        if meta.get("sector_r"):  # "Resolution ITU-R 1-8", not "Resolution ITU 5"
            named = lex.sector.search(atext)
            if named is None or named.group(1) != "R":
                return []
        if meta.get("lead_strip"):  # a glued preposition is not part of the surface: "لقرار"
            lead = re.match(meta["lead_strip"], atext)
            if lead is not None and lead.end():
                a_start, atext = a_start + lead.end(), atext[lead.end() :]
        if meta.get("council_abbrev") and not council_abbrev_in_context(text, a_start, a_end):
            return []
        organ, basis = self._prefix_organ(text, off, anchor, atext, meta)
        keyword_start = a_start  # where the surface starts without an organ prefix
        if organ is not None and meta.get("organ_token") is not None:
            after_organ = anchor[int(meta["organ_token"]) + 1 :]
            keyword_start = next(t for t in after_organ if not t.is_space).idx + off
        label_version = None
        if meta.get("session_label"):  # "C22/Res. 1411": the session is the Council's label
            label_version, organ, basis = session_label_version(atext), _COUNCIL, "explicit"
            if label_version is None:
                return []
        elif organ is None:  # "ofCouncil Resolution 1372": an organ prefix glued to a word
            glued = glued_organ_prefix(text, a_start, lex)
            if glued is not None:
                a_start, organ, basis = glued[0], glued[1], "explicit"
                atext = text[a_start:a_end]
        if organ in lex.non_itu_organs and meta.get("organ_token") is not None:
            # "Security Council resolution 338": a UN organ's name stays outside the surface
            a_start, atext = keyword_start, text[keyword_start:a_end]
        sector = (
            sector_of(lex, text, a_start, atext, self.sector_lookback)
            if kind in ("question", "recommendation")
            else None
        )
        number = anchor_number(
            kind, atext.partition("/")[2] if label_version else atext, anchor[-1].text
        )
        # the keyword may follow an organ prefix: "Council Resolutions 1333 and 1372"
        words = [t.lower_ for t in anchor if t.is_alpha and len(t) > 4]
        plurals = tuple(meta.get("plural", ()))  # "القراران" also after a glued "لل"
        plural = any(w.endswith(("s", *plurals)) for w in words) and kind in (
            "resolution",
            "decision",
            "question",
        )
        gaz = lex.gazetteer
        if meta.get("zh_list"):
            plural = True
            kind, members = zh_list_members(
                text, a_start, a_end, number, meta["zh_list"], gaz, self.max_group
            )
        else:
            group = self.max_group if plural else 1
            suffixed = bool(meta.get("version_suffix"))
            members = coordinated_members(
                text,
                a_start,
                a_end,
                number,
                kind,
                gaz,
                group,
                suffixed=suffixed,
                bare=not meta.get("needs_version"),
            )
        if not members or (meta.get("needs_version") and members[0][3] is None):
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
        weak_prefix = bool(meta.get("sector_organ") or meta.get("sector_r"))
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
                pattern=pattern_id,
                organ=organ,
                basis=basis,
                phrase_version=after.version if after is not None else None,
                other_body=other_after,
                sector=sector,
                plural=plural,
                anchor_text=atext,
            ),
            meta,
            lex,
        )

    def _prefix_organ(
        self, text: str, off: int, anchor: Span, atext: str, meta: dict[str, Any]
    ) -> tuple[str | None, str | None]:
        """Organ named inside the anchor: "WTDC Resolution 17", "ITU-R Resolution 9",
        "Resolution ITU-R 1-8", "قرار المجلس رقم 482"."""
        if meta.get("sector_organ") or meta.get("sector_r"):
            named = self.lexicon.sector.search(atext)
            organ = self.lexicon.sector_resolution_organ.get(f"ITU-{named[1]}") if named else None
            return (organ, "explicit") if organ else (None, None)
        idx = meta.get("organ_token")
        if idx is None:
            return None, None
        token = anchor[int(idx)]
        # "Security Council resolution 338": the prefix ends a longer name of another organ
        longer = self.lexicon.organ_before(text, token.idx + off + len(token.text))
        if longer is not None and longer[0] is not None:
            return longer[0], "explicit"
        organ = self.lexicon.organ_of_name(token.text)
        return (organ, "explicit") if organ else (None, None)

    def _internal(
        self, text: str, off: int, anchor: Span, meta: dict[str, Any]
    ) -> list[CitationParts]:
        words = [t.text for t in anchor if not t.is_space]
        a_start, a_end = anchor.start_char + off, anchor.end_char + off
        lead = re.match(meta["lead_strip"], words[0]) if meta.get("lead_strip") else None
        if lead is not None and lead.end():  # "впункте": a glued preposition
            a_start, words[0] = a_start + lead.end(), words[0][lead.end() :]
        rules: dict[str, Any] = meta.get("internal", {})
        found = read_internal(text, a_start, a_end, words, rules, self.sector_lookback)
        if found is None:
            return []
        number, end = found
        return [CitationParts("internal", number, a_start, end, anchor.label_)]

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
