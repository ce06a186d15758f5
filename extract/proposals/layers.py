"""Offsets between the two layers of a Word document with tracked changes.

Why: the loaded text is the "after" layer; what a proposal deletes (a paragraph, a citation)
only exists in the "before" layer, and a change record must still say where, in the loaded text,
it stood. The revision marks of the after layer (:attr:`SourceDoc.changes`, in document order)
are enough to walk both layers side by side: an insertion advances the after layer only, a
deletion the before layer only.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from extract.models import TrackedChange

__all__ = ["LayerMap"]


@dataclass(frozen=True)
class _Piece:
    after: int
    before: int
    a_len: int
    b_len: int


class LayerMap:
    """Map offsets of the after layer to the before layer and back.

    Example (after "(Rev. Dubai, 2018)", before "(Rev. Busan, 2014)"):
        >>> m = LayerMap((TrackedChange("delete", 6, 6, "Busan, 2014"),
        ...               TrackedChange("insert", 6, 17, "Dubai, 2018")))
        >>> m.to_before(17), m.to_after(3), m.to_after(9)
        (17, 3, 6)
        >>> m.inserted(6, 17), m.inserted(5, 17), m.deleted(6, 17), m.deleted(6, 18)
        (True, False, True, False)
    """

    def __init__(self, changes: tuple[TrackedChange, ...]) -> None:
        pieces: list[_Piece] = []
        a = b = 0
        for ch in changes:
            gap = ch.start - a
            if gap > 0:
                pieces.append(_Piece(a, b, gap, gap))
                a, b = a + gap, b + gap
            n = len(ch.text)
            if ch.kind == "insert":
                pieces.append(_Piece(a, b, n, 0))
                a += n
            else:
                pieces.append(_Piece(a, b, 0, n))
                b += n
        self._pieces = pieces
        self._tail = (a, b)
        self._a = [p.after for p in pieces]
        self._b = [p.before for p in pieces]

    def to_before(self, offset: int) -> int:
        """The before-layer offset of an after-layer offset (inside an insertion: its start)."""
        k = bisect.bisect_right(self._a, offset) - 1
        while k >= 0 and self._pieces[k].a_len == 0 and self._pieces[k].after == offset:
            k -= 1  # a deletion at this very point: the text after it
        if k < 0 or offset >= self._tail[0]:
            return offset - self._tail[0] + self._tail[1] if k >= 0 else offset
        p = self._pieces[k]
        inside = offset - p.after
        return p.before + (inside if p.b_len else 0) if p.a_len else p.before + p.b_len

    def to_after(self, offset: int) -> int:
        """The after-layer offset of a before-layer offset (inside a deletion: its point)."""
        k = bisect.bisect_right(self._b, offset) - 1
        while k >= 0 and self._pieces[k].b_len == 0 and self._pieces[k].before == offset:
            k -= 1
        if k < 0 or offset >= self._tail[1]:
            return offset - self._tail[1] + self._tail[0] if k >= 0 else offset
        p = self._pieces[k]
        inside = offset - p.before
        return p.after + (inside if p.a_len else 0) if p.b_len else p.after + p.a_len

    def inserted(self, start: int, end: int) -> bool:
        """Whether after-layer text ``[start, end)`` lies wholly inside insertions."""
        if not start < end <= self._tail[0]:
            return False
        k = max(0, bisect.bisect_right(self._a, start) - 1)
        while k < len(self._pieces) and self._pieces[k].after < end:
            p = self._pieces[k]
            if p.a_len and p.b_len and p.after + p.a_len > start:
                return False  # text both layers hold
            k += 1
        return True

    def deleted(self, start: int, end: int) -> bool:
        """Whether before-layer text ``[start, end)`` lies wholly inside deletions."""
        if not start < end <= self._tail[1]:
            return False
        k = max(0, bisect.bisect_right(self._b, start) - 1)
        while k < len(self._pieces) and self._pieces[k].before < end:
            p = self._pieces[k]
            if p.a_len and p.b_len and p.before + p.b_len > start:
                return False
            k += 1
        return True
