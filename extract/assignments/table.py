"""The assignment pattern table (``patterns/assignments.jsonl``): rows, loading, validation.

Why its own module: the table is data that the matcher (:mod:`extract.assignments.heads`) and the
spaCy component (which saves and reloads it with ``to_disk``/``from_disk``) both read; keeping the
parsing apart keeps the matcher about matching.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = [
    "PatternEntry",
    "load_assignment_patterns",
    "loose_accents",
    "loose_diacritics",
    "parse_patterns",
]

#: languages whose texts lose their accents in conversion ("colaboracion", "Normalizacin")
LOOSE_ACCENT_LANGUAGES = frozenset({"fr", "es"})


@dataclass(frozen=True)
class PatternEntry:
    """One row of ``patterns/assignments.jsonl``."""

    id: str
    lang: str
    kind: str
    pattern: str
    example: str
    label: str | None = None
    mode: str | None = None
    close: str | None = None
    #: of a prescan: (literal, reach) pairs; every match contains one of the literals and starts
    #: at most ``reach`` characters before it (see extract.assignments.verbs.prescan_matches)
    anchors: tuple[tuple[str, int], ...] = ()


@cache
def load_assignment_patterns(lang: str | None) -> tuple[PatternEntry, ...]:
    """The verb, collaborator and boundary patterns of ``lang`` (None: all languages).

    Example:
        >>> [p.label for p in load_assignment_patterns("zh") if p.id == "zh-instructs"]
        ['instructs']
    """
    text = (Path(__file__).parent / "patterns" / "assignments.jsonl").read_text(encoding="utf-8")
    return parse_patterns(text, lang)


def parse_patterns(
    text: str, lang: str | None, source: str = "patterns/assignments.jsonl"
) -> tuple[PatternEntry, ...]:
    """Parse the JSONL pattern table (all languages when ``lang`` is None).

    Why public: the component saves its table with ``to_disk`` and reads it back with this.

    Raises:
        ValueError: naming the line of an entry that is not valid.

    Example:
        >>> row = '{"id": "x", "lang": "en", "kind": "verb", "pattern": "urges", "example": "e"}'
        >>> parse_patterns(row, "en")[0].pattern
        'urges'
    """
    base = lang.split("-")[0].lower() if lang else None
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            re.compile(row["pattern"])
            if "anchors" in row:  # tuples: entries are hashable (compiled tables are cached)
                row["anchors"] = tuple((str(a), int(r)) for a, r in row["anchors"])
            entry = PatternEntry(**row)
        except (TypeError, KeyError, json.JSONDecodeError, re.error) as exc:
            raise ValueError(f"{source} line {n}: bad pattern entry ({exc})") from exc
        if base is None or entry.lang == base:
            out.append(entry)
    return tuple(out)


def loose_accents(pattern: str) -> str:
    """``pattern`` with each accented letter outside a character class read as itself, as its
    plain letter, as its UTF-8 bytes read as Latin-1/Windows-1252 ("chargÃ©"), or (inside a
    word) not at all.

    Why: PDF and web conversions lose accents, as a plain letter ("colaboracion") or not at
    all ("Normalizacin"), and pages decoded with the wrong charset spell them as two
    characters; the tables write names as ITU does, and this reads all three damages (the text
    itself is never repaired: offsets stay on the text as loaded).

    Example:
        >>> re.fullmatch(loose_accents("Comisión"), "Comision") is not None
        True
        >>> re.fullmatch(loose_accents("Normalización"), "Normalizacin") is not None
        True
        >>> re.fullmatch(loose_accents("chargé"), "chargÃ©") is not None
        True
    """
    out: list[str] = []
    in_class = escaped = False
    for i, ch in enumerate(pattern):
        if escaped:
            out.append(ch)
            escaped = False
            continue
        if ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif not in_class and not ch.isascii() and ch.isalpha():
            plain = unicodedata.normalize("NFD", ch)[0]
            if plain != ch and plain.isascii():
                # dropped only inside a word ("Normalizacin"); a word of its own ("à") stays
                inside = 0 < i < len(pattern) - 1 and pattern[i - 1].isalpha()
                inside = inside and pattern[i + 1].isalpha()
                forms = "|".join([ch, plain, *(re.escape(m) for m in _mojibake(ch))])
                out.append(f"(?:{forms})?" if inside else f"(?:{forms})")
                continue
        out.append(ch)
    return "".join(out)


def _mojibake(ch: str) -> list[str]:
    """How ``ch`` reads when its UTF-8 bytes are decoded as Windows-1252 or Latin-1 ("é" ->
    "Ã©"), each spelling once."""
    raw = ch.encode("utf-8")
    forms = [raw.decode("cp1252", errors="replace"), raw.decode("latin-1")]
    return [f for f in dict.fromkeys(forms) if "\ufffd" not in f]


#: Arabic short vowels, tanwin, shadda, sukun and the dagger alif: written or not
_HARAKAT = "[\u064b-\u0652\u0670]*"


def loose_diacritics(pattern: str) -> str:
    """``pattern`` with Arabic diacritics allowed after every Arabic letter outside a character
    class.

    Why: Arabic texts write the short vowels where they disambiguate ("يُكلَّف", passive) and
    mostly leave them out ("يكلف"); the tables write the bare letters (and a damma where it
    makes a passive) and read both.

    Example:
        >>> re.fullmatch(loose_diacritics("يُكلف"), "يُكلَّف") is not None
        True
        >>> re.fullmatch(loose_diacritics("يكلف"), "يكلف") is not None
        True
    """
    out: list[str] = []
    in_class = escaped = False
    for ch in pattern:
        out.append(ch)
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[" and not in_class:
            in_class = True
        elif ch == "]" and in_class:
            in_class = False
        elif not in_class and "\u0621" <= ch <= "\u064a":
            out.append(_HARAKAT)
    return "".join(out)
