"""The CJK characters the ITU tokenizer cuts one by one, named once.

Why a module: the tokenizer (:mod:`extract.nlp.pipeline`) splits each of these characters into a
token of its own, and the pre-scan (:mod:`extract.nlp.prescan`) relies on exactly that when it
starts a window right after one; the organ lexicon (:mod:`extract.citations.organs`) tells Chinese
names from the others with the same class. Defined apart, the three could drift.
"""

from __future__ import annotations

import re

__all__ = ["CJK_CHAR", "CJK_CLASS"]

#: CJK punctuation, ideographs (extension A and the unified block) and full-width forms
CJK_CLASS = r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]"
CJK_CHAR = re.compile(CJK_CLASS)
