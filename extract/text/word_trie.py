"""A regex alternation of many literal words, written as a trie.

Why: ``re`` tries the branches of ``a|b|c...`` one after the other at every place it looks, so
an alternation of 150 heading words costs 150 attempts per line. Sharing prefixes
(``con(?:sidering|cerning)``) lets it reject a line after a character or two. The longest word
still wins at a position, as with an alternation sorted longest first, because each optional
continuation is tried before the word ends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["trie_pattern"]


#: A node of the trie: next character -> child ("" marks the end of a word).
_Trie = dict[str, "_Trie"]


def trie_pattern(words: Iterable[str]) -> str:
    """A regex (no groups) matching exactly ``words``, the longest at any position.

    Example:
        >>> trie_pattern(["resolves", "resolves further", "recalling"])
        're(?:calling|solves(?:\\\\ further)?)'
        >>> import re
        >>> re.match(trie_pattern(["a", "ab", "abc"]), "abcd").group(0)
        'abc'
    """
    root: _Trie = {}
    for word in words:
        if not word:
            raise ValueError("an empty word matches everywhere")
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return _render(root)


def _render(node: _Trie) -> str:
    alts = [re.escape(ch) + _render(node[ch]) for ch in sorted(k for k in node if k)]
    if not alts:
        return ""
    if "" in node:  # a word ends here: its continuations are optional
        return "(?:" + "|".join(alts) + ")?"
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
