"""Token-pattern predicates that depend only on a word's spelling become lexeme flags.

Why: spaCy's :class:`~spacy.matcher.Matcher` evaluates ``REGEX`` and ``IN`` predicates by
calling Python for each token it tries them on, which was half of the citation Matcher's time
(the other half is the fixed cost of a call). A predicate on ``TEXT``/``ORTH`` (or ``LOWER``)
depends on the lexeme alone, so its value can be stored once per word in the vocabulary as a
boolean flag (:meth:`spacy.vocab.Vocab.add_flag`) and read by the Matcher in C. The pattern
files keep the readable ``{"TEXT": {"REGEX": ...}}`` form that a spaCy user knows; only the
compiled Matcher sees the flags, with the same matches (``tests/extract/nlp/test_matcher_flags.py``
compares both Matchers).

Why an object: flags are bits of one vocabulary, so the table of the flags added lives with the
component that added them (:class:`LexemeFlags`), not in a module-level dict keyed by ``id()``.
Flags and lexeme norms change the vocabulary, so a component uses them only on a vocabulary it
owns (``build_nlp``'s pipeline); added to someone else's pipeline, it keeps the predicates in
Python and rewrites its ``NORM`` values into spellings (:func:`norms_to_spellings`), leaving
that vocabulary as it found it.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import Any

from spacy.attrs import LOWER
from spacy.vocab import Vocab

__all__ = ["LexemeFlags", "flag_patterns", "norms_to_spellings"]

_ATTRS = {"TEXT": "orth", "ORTH": "orth", "LOWER": "lower"}
# spaCy names custom lexeme flags FLAG19..FLAG63; the lower bits are its own attributes
_FIRST_FREE = 19


def _getters(vocab: Vocab) -> dict[int, Callable[[str], Any]]:
    """The vocabulary's lexeme attribute getters, by attribute id (flags included)."""
    getters: dict[int, Callable[[str], Any]] = vocab.lex_attr_getters  # type: ignore[attr-defined]
    return getters


def _getter(vocab: Vocab, attr: str, op: str, value: Any) -> Callable[[str], bool]:
    lower: Callable[[str], str] = _getters(vocab).get(LOWER, str.lower)
    key = (lambda s: s) if _ATTRS[attr] == "orth" else lower
    if op == "REGEX":
        search = re.compile(value).search
        return lambda s: search(key(s)) is not None
    members = frozenset(value)
    return lambda s: key(s) in members


class LexemeFlags:
    """The lexeme flags of one vocabulary: predicate -> flag id, added on first use.

    Each flag's getter carries the predicate it computes, so a second component on the same
    vocabulary finds the flags already there instead of spending new bits on them.

    Example:
        >>> import spacy
        >>> vocab = spacy.blank("en").vocab
        >>> a = LexemeFlags(vocab).flag("TEXT", "REGEX", "^\\d+$")
        >>> a == LexemeFlags(vocab).flag("TEXT", "REGEX", "^\\d+$") and a >= 19
        True
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def flag(self, attr: str, op: str, value: Any) -> int | None:
        """The flag id for one predicate (added on first use), None if no flag bit is free."""
        canon = value if op == "REGEX" else sorted(value)
        key = (_ATTRS[attr], op, repr(canon))
        getters = _getters(self.vocab)
        for known, existing in getters.items():
            if getattr(existing, "predicate", None) == key:
                return known
        free = next((b for b in range(_FIRST_FREE, 64) if b not in getters), None)
        if free is None:  # every custom flag bit is taken: keep the Python predicate
            return None
        getter = _getter(self.vocab, attr, op, value)
        getter.predicate = key  # type: ignore[attr-defined]
        added: int = self.vocab.add_flag(getter, flag_id=free)
        return added


def norms_to_spellings(pattern: list[dict[str, Any]], norms: dict[str, str]) -> list[Any]:
    """A copy of a token pattern whose plain ``NORM`` values match their spellings instead.

    Why: a component may set lexeme norms (``resolutions`` -> ``resolution``) only on a
    vocabulary it owns; elsewhere ``{"NORM": "resolution"}`` becomes a ``LOWER IN`` test of the
    word and every spelling normed to it.

    Example:
        >>> norms_to_spellings([{"NORM": "resolution"}], {"resolutions": "resolution"})
        [{'LOWER': {'IN': ['resolution', 'resolutions']}}]
    """
    out: list[Any] = []
    for spec in pattern:
        new = copy.deepcopy(spec)
        value = new.get("NORM")
        if isinstance(value, str) and "LOWER" not in new:
            del new["NORM"]
            words = {value, *(w for w, n in norms.items() if n == value)}
            new["LOWER"] = {"IN": sorted(words)}
        out.append(new)
    return out


def flag_patterns(flags: LexemeFlags, pattern: list[dict[str, Any]]) -> list[Any]:
    """A copy of a token pattern whose spelling-only predicates read lexeme flags.

    A token spec such as ``{"TEXT": {"REGEX": "^\\\\d{1,4}$"}, "OP": "?"}`` becomes
    ``{"FLAG19": True, "OP": "?"}``; ``IN`` on ``ORTH``/``TEXT``/``LOWER`` likewise. Other
    predicates (``NOT_IN``, comparisons, predicates on ``NORM``, which a component may change
    per lexeme, or extension attributes) are left as they are. spaCy's pattern schema does
    not list the custom flags: validate the pattern as written, and add the flagged copy to a
    Matcher built with ``validate=False``.

    Example:
        >>> import spacy
        >>> from spacy.matcher import Matcher
        >>> nlp = spacy.blank("en")
        >>> p = [{"LOWER": "resolution"}, {"TEXT": {"REGEX": "^\\\\d{1,4}$"}}]
        >>> m = Matcher(nlp.vocab, validate=False)  # the schema knows no FLAG19
        >>> m.add("r", [flag_patterns(LexemeFlags(nlp.vocab), p)])
        >>> [s.text for s in m(nlp("see Resolution 195 and resolution 12345"), as_spans=True)]
        ['Resolution 195']
    """
    out: list[Any] = []
    for spec in pattern:
        new = copy.deepcopy(spec)
        for attr in list(new):
            cond = new[attr]
            if attr not in _ATTRS or not isinstance(cond, dict) or len(cond) != 1:
                continue
            ((op, value),) = cond.items()
            if op not in ("REGEX", "IN"):
                continue
            flag = flags.flag(attr, op, value)
            if flag is not None:
                del new[attr]
                new[f"FLAG{flag}"] = True
        out.append(new)
    return out
