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

from extract.citations.organs import OrganLexicon, load_organ_lexicon
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
from extract.nlp.mention_reader import MentionReader

__all__ = [
    "WINDOW_SEPARATOR",
    "CitationComponent",
    "CitationParts",
    "WindowContext",
    "load_patterns",
]


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
        self.reader = MentionReader(
            self.lexicon, max_group=max_group, sector_lookback=sector_lookback
        )
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
            matchers = self._matchers
            for (_, _, ids), first, last in zip(ctx.zones, firsts, lasts, strict=True):
                if first < last:
                    matcher = matchers.get(ids)
                    if matcher is None:
                        matcher = self._matcher_for(ids)
                    for key, s, e in matcher(doc[first:last]):
                        anchors.append((key, first + s, first + e))
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
            for p in self.reader.read(text, off, self._options[key], toks):
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
