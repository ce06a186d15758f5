"""The records the ``itu_citations`` component produces, and the data it loads.

Why a module of its own: :mod:`extract.citations.find` (conversion to records),
:mod:`extract.nlp.prescan` (triggers) and the component all need the pattern file and these two
small types, while only the component needs spaCy's Matcher; keeping them here keeps each module
about one thing.
"""

from __future__ import annotations

import bisect
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from spacy.tokens import Doc, Span

from extract.citations.parse import VersionParts
from extract.fast_init import fast_frozen_init

__all__ = [
    "WINDOW_SEPARATOR",
    "CitationParts",
    "WindowContext",
    "anchor_spellings",
    "lexeme_norms",
    "load_patterns",
    "register_extensions",
]

# Read next to this module (``importlib.resources.files("extract")`` can resolve to a test
# directory of the same name when pytest puts tests/ on sys.path).
_PATTERNS_DIR = Path(__file__).parent / "patterns"


@dataclass(frozen=True)
class WindowContext:
    """What a window doc knows of the text it was cut from (``Doc._.itu_context``).

    A window doc is one or more pieces of a text joined by :data:`WINDOW_SEPARATOR`; the
    component reads around a mention in the original ``text`` (the organ phrase after it, the
    Sector named before it) and matches anchors only inside ``zones``.

    Attributes:
        text: the text the pieces come from (the whole normalized document).
        pieces: (doc start, text start, length) of each piece, sorted by doc start.
        zones: (start, end, pattern ids) doc character ranges where an anchor can start (the
            pre-scan's trigger hits) and the patterns whose trigger it was (empty: any
            pattern); no zones means anywhere.
        found: what the component read on the window doc (offsets into ``text``), in
            place of ``doc.spans``: a window doc is the pre-scan's internal means, and making a
            span with ``span._.itu`` for each finding cost about as much as reading it.

    Example:
        >>> ctx = WindowContext("abc Resolution 5 xyz", ((0, 4, 12),))
        >>> ctx.delta(2), ctx.piece_end(2)
        (4, 12)
    """

    text: str
    pieces: tuple[tuple[int, int, int], ...]
    zones: tuple[tuple[int, int, frozenset[str]], ...] = ()
    found: list[CitationParts] = field(default_factory=list, repr=False, compare=False)

    _starts: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(p[0] for p in self.pieces))

    def _piece(self, pos: int) -> tuple[int, int, int]:
        k = bisect.bisect_right(self._starts, pos) - 1
        return self.pieces[max(k, 0)]

    def delta(self, pos: int) -> int:
        """Add to a doc offset inside a piece to get the offset in :attr:`text`."""
        doc_start, text_start, _ = self._piece(pos)
        return text_start - doc_start

    def piece_end(self, pos: int) -> int:
        """Doc offset where the piece holding ``pos`` ends."""
        doc_start, _, length = self._piece(pos)
        return doc_start + length

    def placement(self, pos: int) -> tuple[int, int]:
        """``(delta(pos), piece_end(pos))`` with one lookup of the piece (read per anchor)."""
        doc_start, text_start, length = self._piece(pos)
        return text_start - doc_start, doc_start + length


#: Joins the pieces of a window doc: not a space, so no token pattern matches across it.
WINDOW_SEPARATOR = " \u00a6 "


@fast_frozen_init
@dataclass(frozen=True)
class CitationParts:
    """What the text itself says about one mention (no document context yet).

    Attributes:
        kind: resolution, decision, question, recommendation or internal.
        number: the cited number ("1353", "3/2", "E.161.1", "resolves 4").
        start / end: exact character offsets of the surface in ``doc.text``.
        pattern: id of the pattern that found the anchor.
        version: the parsed parenthesis, if any.
        organ: organ named by a prefix, an organ phrase or a conference label.
        organ_basis: "explicit" or "this-assembly" when the text decided the organ.
        sector: ITU-T / ITU-D / ITU-R clue for Questions and Recommendations.
        status: a status marker right after the mention ("Rev", "NOC", "New").
        plural: the anchor word was plural ("Resolutions").
        suffix: the version suffix of an ITU-R number ("8" of "Resolution ITU-R 1-8").
        foreign: the text marks the mention as another organisation's: a session in Roman
            numerals ("2 (I)", "CM/Res. 470 (XXVI)"), an organisation's prefix ("AG/RES. 1")
            or code after the number ("Decision 5 COM XIV.42", "Decisión 171 EX/20").
    """

    kind: str
    number: str
    start: int
    end: int
    pattern: str
    version: VersionParts | None = None
    organ: str | None = None
    organ_basis: str | None = None
    sector: str | None = None
    status: str | None = None
    plural: bool = False
    suffix: str | None = None
    foreign: bool = False

    def at(self, start: int, end: int) -> CitationParts:
        """The same findings at other offsets (``dataclasses.replace`` costs several times as
        much, and every mention is moved once from window to text coordinates).

        Example:
            >>> CitationParts("resolution", "5", 0, 12, "res-en").at(40, 52).start
            40
        """
        return CitationParts(
            self.kind,
            self.number,
            start,
            end,
            self.pattern,
            self.version,
            self.organ,
            self.organ_basis,
            self.sector,
            self.status,
            self.plural,
            self.suffix,
            self.foreign,
        )


def load_patterns(path: str | Path | None = None) -> list[dict[str, Any]]:
    """Read the citation patterns (``patterns/citations.jsonl``, one JSON object per line).

    Fields of an entry:

    - ``id`` (named by tests and recorded on every citation), ``label`` (the kind: resolution,
      decision, question, recommendation, internal), ``example`` (a real sentence it matches);
    - ``pattern``: a spaCy Matcher token pattern for the anchor ("Resolution" + number);
    - ``trigger`` / ``window``: for the pre-scan (:mod:`extract.nlp.prescan`) — the regex that
      must match where the anchor word is found, and [characters a match may start before the
      trigger, most characters it may reach after]; the spellings to look for are the anchor
      token's (:func:`anchor_spellings`), or ``keywords`` when that token is a regex or its
      spellings are too short to look for alone ("Res." rather than "Res");
    - optional ``anchor`` (index of the token the pre-scan looks for, default 0),
      ``needs_version`` (the mention counts only with a version: "Res 71(Rev. Busan, 2014)"),
      ``version_suffix`` (the number may carry an ITU-R version: "1-8"), ``sector_r`` (the
      anchor must name ITU-R), ``lead_strip`` (a regex of glued letters the surface leaves out:
      the Arabic preposition of "لقرار"), ``council_abbrev`` ("R 1238": a Council compilation's
      abbreviation, read only with a session code or beside another one),
      ``council_decisions`` (the keyword means resolution or decision: a Council number below
      the resolution range is a Decision), ``plural`` (forms of the keyword that may open a
      list though they do not end in "s": Russian "Резолюции 70 и 71");
    - optional ``organ_token`` (index of an organ acronym in the anchor: "WTDC Resolution 17"),
      ``sector_organ`` (the anchor names a Sector: "ITU-R Resolution 9"), ``internal``
      (suffixes such as "of this resolution", and the context rules of internal references),
      ``zh_list`` (the anchor opens a Chinese list of numbers ending in 号 + a word that gives
      the kind, ``{"决议": "resolution", "决定": "decision"}``: "第70和175号决议" gives two
      citations; ``label`` is then only the default).

    Raises:
        ValueError: naming the file and line of an entry without id, label, pattern or example.

    Example:
        >>> [p["id"] for p in load_patterns()][:2]
        ['res-en', 'res-en-organ']
    """
    if path is None:
        text = _PATTERNS_DIR.joinpath("citations.jsonl").read_text("utf-8")
        where = "extract/citations/patterns/citations.jsonl"
    else:
        text = Path(path).read_text(encoding="utf-8")
        where = str(path)
    out: list[dict[str, Any]] = []
    for i, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        entry = json.loads(line)
        missing = [k for k in ("id", "label", "pattern", "example") if k not in entry]
        if missing:
            raise ValueError(f"{where}:{i}: pattern entry lacks {missing}")
        if "keywords" not in entry:
            entry["keywords"] = anchor_spellings(entry)
            if not entry["keywords"]:
                raise ValueError(
                    f"{where}:{i}: pattern {entry['id']!r}: its anchor token is not a literal "
                    "word (ORTH, LOWER or NORM): give its 'keywords'"
                )
        out.append(entry)
    return out


def anchor_spellings(entry: dict[str, Any]) -> list[str]:
    """The spellings the anchor token of a pattern accepts, as the pre-scan looks for them.

    The anchor is the token at ``entry["anchor"]`` (default 0): "Resolution" of "WTDC
    Resolution 17". A ``LOWER`` or ``NORM`` word is looked for in lower case, capitalized and
    upper case ("resolution", "Resolution", "RESOLUTION"), a ``NORM`` with every word that has
    that norm ("resolutions"); an ``ORTH`` word as written. A regex anchor has none (the
    pattern then names its ``keywords``). Deriving them keeps one list of spellings per form:
    the token pattern's.

    Example:
        >>> anchor_spellings({"pattern": [{"LOWER": {"IN": ["décision"]}}]})
        ['décision', 'Décision', 'DÉCISION']
        >>> anchor_spellings({"pattern": [{"NORM": "question"}]})[:4]
        ['question', 'Question', 'QUESTION', 'questions']
    """
    spec = entry["pattern"][int(entry.get("anchor", 0))]
    attr = next((a for a in ("ORTH", "LOWER", "NORM") if a in spec), None)
    if attr is None:
        return []
    value = spec[attr]
    words = list(value["IN"]) if isinstance(value, dict) else [value]
    if attr == "ORTH":
        return words
    if attr == "NORM":
        words += [w for w, n in lexeme_norms().items() if n in words]
    out: list[str] = []
    for w in words:
        for v in (w, w.capitalize(), w.upper()):
            if v not in out:
                out.append(v)
    return out


@cache
def lexeme_norms() -> dict[str, str]:
    """Plural anchor words -> singular norm (``patterns/citation_norms.json``).

    Example:
        >>> lexeme_norms()["resolutions"]
        'resolution'
    """
    raw = _PATTERNS_DIR.joinpath("citation_norms.json").read_text("utf-8")
    return dict(json.loads(raw)["norms"])


def register_extensions() -> None:
    """``Span._.itu``: the findings; ``Doc._.itu_context``: a :class:`WindowContext`.

    Why a context: the pre-scan runs the pipeline on small windows, but reading a mention needs
    what surrounds it (the organ phrase after it, the Sector named before a Question). A window
    doc carries the text it was cut from and where its pieces came from; a plain doc has none
    and the component reads ``doc.text``.
    """
    if not Span.has_extension("itu"):
        Span.set_extension("itu", default=None)
    if not Doc.has_extension("itu_context"):
        Doc.set_extension("itu_context", default=None)
