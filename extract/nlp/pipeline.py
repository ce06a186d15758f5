"""Build the spaCy pipeline: a blank language, the ITU tokenizer, and our rule components.

Why blank: no pretrained model can be downloaded where resgraph runs, and citations are a rule
problem. Why a custom tokenizer: the stock rules keep "2014Dubai" (flattened tracked changes),
"Question3/2" (lost space) and whole Chinese runs ("第196号决议（2014年，釜山）") as
single tokens, so no token pattern could see their parts. ``itu_tokenizer.v1`` is spaCy's rule
tokenizer with lean punctuation rules plus three infixes (digit|letter boundaries and one token
per CJK character) and no special-case exceptions, registered so that it is named in the
pipeline config like any other tokenizer. The same tokenizer serves ``en`` and ``zh``: ITU
Chinese texts embed English names (ITU-T, WTDC) that the character segmenter of
``spacy.blank("zh")`` would cut into letters.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

import extract.nlp.assignment_component
import extract.nlp.citation_component  # noqa: F401  (registers the itu_citations factory)
from extract.citations.parts import load_patterns
from extract.text.cjk import CJK_CLASS

__all__ = ["build_nlp", "create_itu_tokenizer"]

# an infix cannot split at position 0: a CJK character that opens a chunk before a digit or a
# Latin, Cyrillic or Arabic letter ("第196", "和Résolution", "和Резолюции") is a prefix
_CJK_OPENING = CJK_CLASS + r"(?=[0-9A-Za-z\u00c0-\u024f\u0400-\u04ff\u0600-\u06ff])"
_EXTRA_INFIXES = (r"(?<=[0-9])(?=[A-Za-z])", r"(?<=[A-Za-z])(?=[0-9])", CJK_CLASS)
# Lean punctuation rules: the citation patterns need brackets, quotes and sentence punctuation
# split off and hyphens split between words; spaCy's full English lists (units, emoticons,
# currency...) cost twice as much per character and change no citation token.
# Text damaged in conversion glues a keyword to what precedes it: a bullet ("•Resolution"), a
# paragraph label ("a)Resolution", "e)WTSA Resolution"), a list number ("15.Resolution"), or
# glues the number to its parenthesis ("RESOLUTION34(Rev.Doha") and the abbreviation to its
# number ("Res.86", "No.101"): these infixes cut them apart.
_GLUE_INFIXES = (
    r"(?<=[\)\]•·])(?=[A-Za-z])",
    r"(?<=[^\W\d_])[(（](?=[^\W\d_])",
    r"(?<=[0-9])\.(?=[A-Z])",
    r"(?<=[0-9])[(（](?=[A-Za-z0-9])",
    r"(?<=Res)\.(?=[0-9A-Z])",
    r"(?<=RES)\.(?=[0-9A-Z])",
    r"(?<=No)\.(?=[0-9])",
)
_PREFIXES = (r"[\(\[\{\"'“‘«（【•·]", _CJK_OPENING)
# a full stop after a Latin or Cyrillic word ends it ("Res.", "Рез.", "Реш.")
_SUFFIXES = (r"[\)\]\}\"'”’»）】,;:!?%…]", r"(?<=[A-Za-z0-9\u0400-\u04ff\)\]\"'])\.", "'s", "’s")
_INFIXES = (
    r"(?<=[A-Za-z0-9])[-–—~](?=[A-Za-z0-9])",
    r"(?<=[A-Za-z]),(?=[A-Za-z])",
    r"(?<=[A-Za-z])/(?=[A-Za-z])",
    *_EXTRA_INFIXES,
    *_GLUE_INFIXES,
)
_DEFAULT_LANG = ("en", "zh")


def _glued_keywords() -> str:
    """An infix that cuts a capitalized citation keyword from the word glued before it
    ("SummaryResolution", "viewRESOLUTION", "andRecommendation12"): the keywords are the
    patterns' own anchor spellings, so a form added to ``patterns/citations.jsonl`` is cut
    apart too."""
    words = {
        w
        for p in load_patterns()
        for w in p["keywords"]
        if len(w) >= 6 and w[0].isupper() and w.isalpha()
    }
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return rf"(?<=[a-z])(?=[A-ZÀ-ÝА-Я])(?=(?:{alts})(?![a-z]))"


def create_itu_tokenizer() -> Callable[[Language], Tokenizer]:
    """Config entry point: ``[nlp.tokenizer] @tokenizers = "itu_tokenizer.v1"``.

    Example:
        >>> nlp = build_nlp()
        >>> [t.text for t in nlp.make_doc("第196号决议（2014年")][:6]
        ['第', '196', '号', '决', '议', '（']
    """

    def make(nlp: Language) -> Tokenizer:
        return Tokenizer(
            nlp.vocab,
            # no special cases: English's 1,300 exceptions ("don't", "a.m.", "Rev.") made
            # tokenizing the windows 5x slower (a phrase-matching pass over every doc), and no
            # citation pattern reads a token they change (only "Rev." in a version
            # parenthesis, which is parsed from the characters)
            rules={},
            # CJK characters are split as infixes: as prefixes or suffixes they would be peeled
            # one per call from a run of Chinese (quadratic, 4x slower)
            prefix_search=compile_prefix_regex(_PREFIXES).search,
            suffix_search=compile_suffix_regex(_SUFFIXES).search,
            infix_finditer=compile_infix_regex((*_INFIXES, _glued_keywords())).finditer,
            token_match=None,
            url_match=None,
        )

    return make


# registered by a call, not a decorator: spaCy's registry decorators are untyped
registry.tokenizers.register("itu_tokenizer.v1", func=create_itu_tokenizer)


def build_nlp(lang: str = "en", config: dict[str, Any] | None = None) -> Language:
    """The resgraph pipeline: blank ``lang`` + ``itu_citations`` (+ ``itu_assignments``).

    Args:
        lang: ``"en"`` or ``"zh"`` (both use the ITU tokenizer; ``lang`` sets the vocabulary).
        config: overrides, by component name, of the components' ``default_config`` — e.g.
            ``{"itu_citations": {"max_group": 4}}``.

    Returns:
        A ready :class:`~spacy.language.Language`; results land in ``doc.spans``.

    Raises:
        ValueError: for an unsupported language, listing the valid ones.

    Example:
        >>> nlp = build_nlp()
        >>> nlp.pipe_names[0]
        'itu_citations'
        >>> doc = nlp("Resolution 123 (Rev. Busan, 2014Dubai, 2018) of the Plenipotentiary")
        >>> s = doc.spans["itu_citations"][0]
        >>> (s.text, s._.itu.version.venue, s._.itu.version.also_venue, s._.itu.organ)
        ('Resolution 123 (Rev. Busan, 2014Dubai, 2018)', 'Dubai', 'Busan', None)
    """
    if lang not in _DEFAULT_LANG:
        raise ValueError(f"unsupported language {lang!r}; valid: {list(_DEFAULT_LANG)}")
    overrides = copy.deepcopy(config or {})
    unknown = set(overrides) - {"itu_citations", "itu_assignments"}
    if unknown:
        raise ValueError(
            f"unknown component(s) in config: {sorted(unknown)}; valid: itu_citations, "
            "itu_assignments"
        )
    nlp = spacy.blank(lang, config={"nlp": {"tokenizer": {"@tokenizers": "itu_tokenizer.v1"}}})
    nlp.max_length = 10**8
    # the pipeline is ours: its vocabulary may carry the component's lexeme norms and flags
    citations = {"own_vocab": True, **overrides.get("itu_citations", {})}
    nlp.add_pipe("itu_citations", config=citations)
    nlp.add_pipe("itu_assignments", config=overrides.get("itu_assignments", {}))
    return nlp
