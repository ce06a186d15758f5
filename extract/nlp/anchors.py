"""The anchors of the ``itu_citations`` component as plain tuples, and each pattern's options
read once.

Why: the component reads thousands of anchors per megabyte. As spaCy ``Span`` objects each one
cost a Python object, a label lookup in the string store, two offset computations and a
``Token`` object per token read; as the Matcher's own ``(key, start, end)`` tuples, with the
token offsets read once per doc into lists, an anchor costs a tuple, and its token texts are
slices of the text the component reads anyway. Likewise a pattern's options (``hyphenated``,
``organ_token``, ``plural``...) were a dozen ``dict.get`` per anchor; :class:`PatternOptions`
holds them as fields, with the ``lead_strip`` regex compiled once.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

__all__ = ["Match", "PatternOptions", "filter_longest"]

#: a Matcher match: (pattern key, first token, end token) in doc token indices
Match = tuple[int, int, int]


class PatternOptions(NamedTuple):
    """The options of one citation pattern (a row of ``patterns/citations.jsonl``) that the
    component reads for every anchor the pattern finds.

    Example:
        >>> o = PatternOptions.of({"id": "res-x", "label": "resolution", "plural": ["ان"]})
        >>> o.label, o.plural_ends, o.organ_token
        ('resolution', ('s', 'ان'), None)
    """

    id: str
    label: str
    meta: dict[str, Any]  # the whole row, for the readers that take it as a mapping
    hyphenated: dict[str, str] | None  # "Reso-\nlution": the rejoined keyword's kind
    sector_r: bool  # "Resolution ITU-R 1-8": the anchor must name ITU-R
    sector_organ: bool  # "ITU-R Resolution 9": the anchor names a Sector
    lead_strip: re.Pattern[str] | None  # a glued preposition before the keyword ("لقرار")
    council_abbrev: bool  # the compilations' "R 1301", "D 570"
    organ_token: int | None  # the anchor token that names an organ ("WTDC Resolution 17")
    session_label: bool  # "C22/Res. 1411"
    zh_list: Any  # the Chinese list reader's options, or None
    version_suffix: bool  # an ITU-R number's suffix ("1-8")
    needs_version: bool  # the mention counts only with a version
    plural_ends: tuple[str, ...]  # endings of a plural keyword word

    @classmethod
    def of(cls, meta: dict[str, Any]) -> PatternOptions:
        """The options of the pattern row ``meta``."""
        lead = meta.get("lead_strip")
        organ_token = meta.get("organ_token")
        return cls(
            id=meta["id"],
            label=meta["label"],
            meta=meta,
            hyphenated=meta.get("hyphenated") or None,
            sector_r=bool(meta.get("sector_r")),
            sector_organ=bool(meta.get("sector_organ")),
            lead_strip=re.compile(lead) if lead else None,
            council_abbrev=bool(meta.get("council_abbrev")),
            organ_token=int(organ_token) if organ_token is not None else None,
            session_label=bool(meta.get("session_label")),
            zh_list=meta.get("zh_list") or None,
            version_suffix=bool(meta.get("version_suffix")),
            needs_version=bool(meta.get("needs_version")),
            plural_ends=("s", *meta.get("plural", ())),
        )


def filter_longest(matches: list[Match]) -> list[Match]:
    """``spacy.util.filter_spans`` on match tuples: the longest of overlapping matches (the
    first of equally long ones), in text order.

    Example:
        >>> filter_longest([(7, 0, 2), (8, 1, 4), (9, 4, 5)])
        [(8, 1, 4), (9, 4, 5)]
    """
    ranked = sorted(matches, key=lambda m: (m[2] - m[1], -m[1]), reverse=True)
    kept: list[Match] = []
    seen: set[int] = set()
    for m in ranked:
        if m[1] not in seen and m[2] - 1 not in seen:
            kept.append(m)
            seen.update(range(m[1], m[2]))
    return sorted(kept, key=lambda m: m[1])
