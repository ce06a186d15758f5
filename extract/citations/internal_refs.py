"""Internal references: "resolves 4 of this resolution", "instructs 2 above", "invites the
Director ... above" — a paragraph of the resolution being read, not another document.

Why apart from the component: the rules are about the characters around the anchor (line start,
the words that may close the reference, the word after it, an earlier citation in the same
sentence) and are tested as a plain function of the text; the component only wraps the result
in a span.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

__all__ = ["read_internal"]

_CITATION_HINT = re.compile(r"(?i:\b(?:resolution|decision)s?[ \t]+\d)|第\d+号决")
_NEXT_WORD = re.compile(r"[ \t]*([A-Za-z]+)")
# compiled here: a pattern given as a string is looked up in re's cache on every reference
_BLANKS = re.compile(r"\s+")
_HYPHEN = re.compile(r"\s*-\s*")
_STOPS = ";:\n."


def _sentence_start(text: str, lo: int, hi: int) -> int:
    """Just after the last sentence end in ``text[lo:hi]`` (else ``lo``).

    A sentence ends at ";", ":", a newline, or a full stop that does not close "Rev." or
    "No.", followed by a space, a tab, a newline or ``hi``. Read from the right with ``rfind``,
    since only the last one counts.

    Example:
        >>> t = "see Rev. 3; then No. 4. under invites 10"
        >>> t[_sentence_start(t, 0, 30):30]
        ' under '
    """
    end = hi
    while hi > lo:
        k = max(text.rfind(c, lo, hi) for c in _STOPS)
        if k < 0:
            break
        followed = k + 1 == end or text[k + 1] in " \t\n"
        abbreviation = text[k] == "." and (
            text[max(0, k - 3) : k] == "Rev" or text[k - 2 : k] == "No"
        )
        if followed and not abbreviation:
            return k + 1
        hi = k
    return lo


def _may_cite(sentence: str) -> bool:
    """A cheap test before :data:`_CITATION_HINT`: the words it needs are there."""
    low = sentence.lower()
    return "resolution" in low or "decision" in low or "第" in sentence


@lru_cache(maxsize=64)
def _suffix_regex(suffixes: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words an internal reference may end with ("of this resolution"), longest first."""
    if not suffixes:
        return None
    alts = "|".join(re.escape(x) for x in sorted(suffixes, key=len, reverse=True))
    # a blank before the words, or none before a comma (", выше": "above")
    return re.compile(r"(?:[ \t]+|(?=,))(?:" + alts + r")\b")


def read_internal(
    text: str,
    a_start: int,
    a_end: int,
    words: list[str],
    rules: dict[str, Any],
    lookback: int,
) -> tuple[str, int] | None:
    """The reference's number ("resolves 4") and end offset, or None when it is not one.

    Args:
        text: the text the anchor is in.
        a_start / a_end: the anchor's offsets in ``text`` ("resolves 4").
        words: the anchor's tokens, spaces left out.
        rules: the pattern's ``internal`` settings (suffixes, suffix_required, not_line_start,
            not_followed_by).
        lookback: how far back an earlier citation in the same sentence is looked for.

    Example:
        >>> rules = {"suffixes": ["of this resolution", "above"], "not_line_start": True,
        ...          "not_followed_by": ["to"]}
        >>> t = "as set out in resolves 4 of this resolution, the"
        >>> read_internal(t, 14, 24, ["resolves", "4"], rules, 200)
        ('resolves 4', 43)
        >>> read_internal("Resolution 34 states, under invites 10, that", 28, 38,
        ...               ["invites", "10"], rules, 200) is None
        True
    """
    line_start = text.rfind("\n", 0, a_start) + 1
    if rules.get("not_line_start") and not text[line_start:a_start].strip():
        return None
    end = a_end
    has_suffix = False
    if words and words[-1].lower() in ("above", "below"):
        words = words[:-1]
        has_suffix = True
    else:
        suffix = _suffix_regex(tuple(rules.get("suffixes", ())))
        m = suffix.match(text, end) if suffix is not None else None
        if m is not None:
            end = m.end()
            has_suffix = True
    if rules.get("suffix_required") and not has_suffix:
        return None
    if not has_suffix:
        nxt = _NEXT_WORD.match(text, end)
        if nxt and nxt.group(1).lower() in rules.get("not_followed_by", []):
            return None
        # an operative-paragraph reference after another citation in the same sentence
        # points into that resolution ("Resolution 34 ... states, under invites 10, ...")
        lo = max(0, a_start - lookback)
        sent_start = _sentence_start(text, lo, a_start)
        if _may_cite(text[sent_start:a_start]) and _CITATION_HINT.search(text, sent_start, a_start):
            return None
    if rules.get("verbs") or rules.get("section_verbs"):
        number = _translated(text, a_start, words, rules, lookback)
        return (number, end) if number else None
    number = (
        words[0].lower()
        + " "
        + _BLANKS.sub("", "".join(words[1:2]))
        + ((" " + " ".join(words[2:]).replace(" - ", "-")) if len(words) > 2 else "")
    )
    return _HYPHEN.sub("-", number), end


def _translated(
    text: str, a_start: int, words: list[str], rules: dict[str, Any], lookback: int
) -> str | None:
    """ "resolves 2" of "anterior resuelve 2", "пункте 2 раздела решает", "上述做出决议2": the
    section verb named in the reference, in English (``verbs``), or, for "point 2 ci-dessus",
    the verb of the nearest section above whose items are numbered ("décide 1 que ...",
    ``section_verbs``).

    Example:
        >>> rules = {"verbs": {"resuelve": "resolves"}}
        >>> _translated("", 0, ["anterior", "resuelve", "2"], rules, 0)
        'resolves 2'
        >>> t = "décide 1 que x; 2 que y; charge le Directeur au titre du point 2 ci-dessus"
        >>> _translated(t, t.index("point"), ["point", "2"],
        ...             {"section_verbs": {"décide": "resolves", "charge": "instructs"}}, 200)
        'resolves 2'
    """
    digits = next((w for w in words if w.isdigit()), None)
    if digits is None:
        return None
    glued = "".join(words).lower()
    verb = next((en for word, en in rules.get("verbs", {}).items() if word in glued), None)
    if verb is None and rules.get("section_verbs"):
        section = _numbered_section(tuple(rules["section_verbs"]))
        found = list(section.finditer(text, max(0, a_start - 20 * lookback), a_start))
        verb = rules["section_verbs"][found[-1].group(1).lower()] if found else None
    return f"{verb} {digits}" if verb else None


@lru_cache(maxsize=16)
def _numbered_section(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """A section verb followed by its first numbered item: "décide 1 que"."""
    alts = "|".join(re.escape(v) for v in sorted(verbs, key=len, reverse=True))
    return re.compile(rf"(?i:\b({alts}))[ \t\n]+1[ \t\n]")
