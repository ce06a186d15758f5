"""Normalize loaded text for pattern matching while keeping a map back to the source.

Why: ITU documents reach us through Word and PDF converters that leave non-breaking spaces and
hyphens (U+00A0, U+2011), soft hyphens, smart quotes, "[bookmark: _Toc...]" and
"[footnoteRef:1]1" residue, and "ITUT" where the hyphen was lost. Patterns are simpler on a
clean text, but every record must point at the exact source characters (STYLE.md habit 5), so
:func:`normalize` returns a :class:`NormalizedText` that maps any span of the clean text back to
:attr:`SourceDoc.text` and any source offset forward.

Design: one-to-one character replacements go through ``str.translate`` (length preserving, so
offsets do not move); deletions and insertions are found in one pass of one compiled
alternation regex. The result is a list of segments (copied or replaced) searched with
``bisect``: linear to build, logarithmic to query, no per-character Python loop.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache

__all__ = ["STEPS", "NormalizedText", "normalize"]

# One-to-one replacements (length preserving): applied with str.translate.
_CHAR_MAP: dict[int, str] = {
    0x00A0: " ",  # no-break space
    0x202F: " ",  # narrow no-break space
    0x2007: " ",  # figure space
    0x2009: " ",  # thin space
    0x2002: " ",
    0x2003: " ",
    0x2011: "-",  # non-breaking hyphen (Word's "ITU‑T")
    0x2010: "-",  # hyphen
    0x2018: "'",
    0x2019: "'",
    0x201A: "'",
    0x201B: "'",
    0x2032: "'",
    0x201C: '"',
    0x201D: '"',
    0x201E: '"',
    0x00AB: '"',
    0x00BB: '"',
}

# Edits that change the length: step name -> (regex, replacement). Each regex starts with a
# literal or a rare character so that ``re`` can skip ahead quickly; the steps run as separate
# passes (an alternation of them defeats that optimization) and their matches are merged.
_EDITS: dict[str, tuple[str, str]] = {
    # Word bookmarks exported as text: "[bookmark: _Toc475345243]".
    "bookmarks": (r"\[bookmark: [^\]\n]*\]", ""),
    # Footnote reference residue "[footnoteRef:1]1": the marker plus the repeated number.
    "footnote_refs": (r"\[footnoteRef:\d+\]\d*", ""),
    # Windows (CRLF) and old Mac (CR) line ends become "\n", so line patterns see one kind.
    "newlines": (r"\r\n?", "\n"),
    # Soft hyphens and zero-width characters carry no text.
    "invisible": (r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]+", ""),
    # "ITUT"/"ITUR"/"ITUD" where the (non-breaking) hyphen was lost in conversion.
    "itu_hyphen": (r"ITU(?=[TRD]\b)", "ITU-"),
}
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"

#: Step names accepted by :func:`normalize`, in default order.
STEPS: tuple[str, ...] = ("chars", *_EDITS)


@dataclass(frozen=True)
class NormalizedText:
    """A normalized text plus the offset map to and from its source.

    Attributes:
        text: the normalized text.
        source: the text it was made from (``SourceDoc.text``).

    Example:
        >>> nt = normalize("ITU\\u2011T[bookmark: x] and ITUT")
        >>> nt.text
        'ITU-T and ITU-T'
        >>> nt.to_source(10, 15)
        (23, 27)
    """

    text: str
    source: str
    # Segments in order: norm start, source start, and whether copied (offsets shift linearly)
    # or replaced (any offset inside maps to the whole source span).
    _norm_starts: tuple[int, ...] = field(repr=False, default=())
    _src_starts: tuple[int, ...] = field(repr=False, default=())
    _copied: tuple[bool, ...] = field(repr=False, default=())

    def _seg_end_src(self, k: int) -> int:
        return self._src_starts[k + 1] if k + 1 < len(self._src_starts) else len(self.source)

    def _src_of(self, offset: int, *, is_end: bool) -> int:
        if offset <= 0 and is_end:
            return 0
        if offset >= len(self.text) and not is_end:
            return len(self.source)
        probe = min(offset, len(self.text)) - 1 if is_end else offset
        k = bisect.bisect_right(self._norm_starts, probe) - 1
        ns, ss = self._norm_starts[k], self._src_starts[k]
        if self._copied[k]:
            return ss + (probe - ns) + (1 if is_end else 0)
        return self._seg_end_src(k) if is_end else ss

    def copied_shift(self, start: int, end: int) -> int | None:
        """The shift ``d`` with ``to_source(s, e) == (s + d, e + d)`` for every span with
        ``start <= s < e <= end``, when ``[start, end)`` lies inside one copied piece; else None.

        Why: a caller mapping many spans of one region (a section's paragraphs) looks the piece
        up once instead of once per span.
        """
        starts = self._norm_starts
        k = bisect.bisect_right(starts, start) - 1
        if k < 0 or not self._copied[k] or start >= len(self.text):
            return None
        seg_end = starts[k + 1] if k + 1 < len(starts) else len(self.text)
        return self._src_starts[k] - starts[k] if end <= seg_end else None

    def to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of :attr:`text` to the span of :attr:`source` it came from.

        A span touching a replaced piece ("ITUT" -> "ITU-T") widens to the whole source piece,
        so the source slice always shows every character the match used.

        Example:
            >>> normalize("a\\u00adb").to_source(0, 2)
            (0, 3)
        """
        if start > end:
            raise ValueError(f"start {start} > end {end}")
        # Fast path: the span lies inside one copied segment (most spans do).
        starts = self._norm_starts
        k = bisect.bisect_right(starts, start) - 1
        if k >= 0 and self._copied[k] and start < len(self.text):
            seg_end = starts[k + 1] if k + 1 < len(starts) else len(self.text)
            if end <= seg_end:
                delta = self._src_starts[k] - starts[k]
                return start + delta, end + delta
        s = self._src_of(start, is_end=False)
        if start == end:
            return s, s
        return s, max(s, self._src_of(end, is_end=True))

    def to_norm(self, offset: int) -> int:
        """Map a source offset to the offset of the same place in :attr:`text`.

        Offsets inside a deleted or replaced source piece map to the start of its replacement.

        Example:
            >>> normalize("[bookmark: x]Res").to_norm(13)
            0
        """
        if not self._src_starts:
            return offset
        offset = max(0, min(offset, len(self.source)))
        k = bisect.bisect_right(self._src_starts, offset) - 1
        ns, ss = self._norm_starts[k], self._src_starts[k]
        if self._copied[k]:
            return ns + (offset - ss)
        return ns

    def source_slice(self, start: int, end: int) -> str:
        """The source characters behind a span of :attr:`text`."""
        s, e = self.to_source(start, end)
        return self.source[s:e]


@cache
def _compiled(step: str) -> re.Pattern[str]:
    return re.compile(_EDITS[step][0])


def _edits(work: str, steps: Sequence[str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, replacement) edits of the chosen steps, in text order."""
    found: list[tuple[int, int, str]] = []
    for step in steps:
        if step not in _EDITS:
            continue
        if step == "invisible" and (work.isascii() or not any(ch in work for ch in _INVISIBLE)):
            continue
        if step == "newlines" and "\r" not in work:
            continue
        repl = _EDITS[step][1]
        for m in _compiled(step).finditer(work):
            # Word boundary before "ITU" checked here: a look-behind would slow the search.
            if step == "itu_hyphen" and m.start() > 0 and work[m.start() - 1].isalnum():
                continue
            found.append((m.start(), m.end(), repl))
    found.sort()
    merged: list[tuple[int, int, str]] = []
    last_end = 0
    for start, end, repl in found:
        if start >= last_end:
            merged.append((start, end, repl))
            last_end = end
    return merged


def _translate(text: str) -> str:
    """Apply the one-to-one map; ``str.replace`` per present character beats ``translate``.

    Every character of the map is outside ASCII, so an ASCII text (one C check) has none.
    """
    if text.isascii():
        return text
    for code, repl in _CHAR_MAP.items():
        ch = chr(code)
        if ch in text:
            text = text.replace(ch, repl)
    return text


def normalize(text: str, steps: Sequence[str] | None = None) -> NormalizedText:
    """Normalize ``text`` for matching, keeping an offset map back to it.

    Args:
        text: the loaded text (``SourceDoc.text``).
        steps: names from :data:`STEPS` to apply (default: all). ``"chars"`` maps NBSP,
            non-breaking hyphens and smart quotes one-to-one; the others delete or rewrite
            converter residue.

    Returns:
        The normalized text with its map.

    Raises:
        ValueError: for an unknown step name, listing the valid ones.

    Example:
        >>> nt = normalize("Resolution\\u00a044 (Rev.\\u00a0Busan, 2014)[footnoteRef:1]1")
        >>> nt.text
        'Resolution 44 (Rev. Busan, 2014)'
        >>> nt.to_source(0, len(nt.text))
        (0, 32)
    """
    if steps is None:
        return _normalize_all(text)
    return _normalize(text, tuple(steps))


@lru_cache(maxsize=4)
def _normalize_all(text: str) -> NormalizedText:
    """:func:`normalize` with every step, kept for the last few texts: a document is normalized
    by the segmenter and again, the same string, by the citation finder (a :class:`NormalizedText`
    is never changed once made, so both may share it)."""
    return _normalize(text, STEPS)


def _normalize(text: str, chosen: tuple[str, ...]) -> NormalizedText:
    unknown = [s for s in chosen if s not in STEPS]
    if unknown:
        raise ValueError(f"unknown normalization step(s) {unknown}; valid steps: {list(STEPS)}")
    work = _translate(text) if "chars" in chosen else text
    pieces: list[str] = []
    norm_starts: list[int] = []
    src_starts: list[int] = []
    copied: list[bool] = []
    pos = 0
    npos = 0
    for start, end, new in _edits(work, chosen):
        if start > pos:
            norm_starts.append(npos)
            src_starts.append(pos)
            copied.append(True)
            pieces.append(work[pos:start])
            npos += start - pos
        norm_starts.append(npos)
        src_starts.append(start)
        copied.append(False)
        pieces.append(new)
        npos += len(new)
        pos = end
    if pos < len(work) or not norm_starts:
        norm_starts.append(npos)
        src_starts.append(pos)
        copied.append(True)
        pieces.append(work[pos:])
    return NormalizedText(
        "".join(pieces), text, tuple(norm_starts), tuple(src_starts), tuple(copied)
    )
