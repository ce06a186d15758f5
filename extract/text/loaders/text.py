"""Decode plain-text files: BOMs, UTF-8 (repaired when damaged), UTF-16 without BOM, then a guess.

Why not just ``open(..., encoding="utf-8")``: users export ITU texts from Word on Windows
(cp1252) or as UTF-16; decoding those as UTF-8 either fails or silently produces mojibake. We
trust a BOM, then strict UTF-8 (which almost never succeeds by accident on non-UTF-8 bytes), then
UTF-8 with a few damaged bytes, then a UTF-16 shape test, and only then charset-normalizer's
*measured* guess, refusing bytes that look binary or that no encoding explains well.

Why damaged UTF-8 is kept as UTF-8: a file whose non-ASCII characters are nearly all valid UTF-8
sequences is a UTF-8 file with a few bad bytes (a truncated copy, one stray Latin-1 byte). A guess
would explain the whole file by some exotic code page (``mac-iceland``) and turn every accented
letter and dash into mojibake, silently; replacing the bad bytes by U+FFFD loses only them, and
the warning names the file and the byte offset so that a user can repair it.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from extract.exceptions import DocumentError

__all__ = ["BOMS", "Decoded", "decode_text", "looks_binary"]

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Control characters that do not occur in text (tab, newlines, form feed excluded).
_CONTROL = frozenset(range(32)) - {9, 10, 12, 13}
_MAX_CHAOS = 0.2
# When several encodings explain the bytes equally well (short texts often do), prefer the
# Windows/national code pages used for the ITU languages over look-alikes (cp1250, cp949...).
_PREFERRED = ("cp1252", "gb18030", "cp1251", "cp1256", "big5", "shift_jis", "latin_1")
# Damaged UTF-8: at least this many valid multi-byte characters per invalid byte.
_UTF8_EVIDENCE = 2
# UTF-16 without BOM: share of characters of the scripts and punctuation of ITU texts.
_UTF16_PLAUSIBLE = 0.9
_SAMPLE = 65536


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and what was repaired on the way."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def _plausible(ch: str) -> bool:
    """A character of the scripts ITU texts are written in (the six languages), or punctuation."""
    o = ord(ch)
    return (
        0x20 <= o < 0x7F
        or ch in "\t\n\r\f"
        or 0xA0 <= o < 0x250  # Latin-1, Latin Extended
        or 0x370 <= o < 0x530  # Greek, Cyrillic
        or 0x600 <= o < 0x700  # Arabic
        or 0x2000 <= o < 0x2070  # general punctuation
        or 0x20A0 <= o < 0x2200  # currency, letterlike, number forms, arrows
        or 0x3000 <= o < 0x3040  # CJK punctuation
        or 0x4E00 <= o < 0xA000  # CJK unified ideographs
        or 0xFF00 <= o < 0xFFF0  # full-width forms
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM, or None.

    Every character below U+0100 (newlines, spaces, digits, Latin letters) has a NUL byte in
    UTF-16, so text in it has NUL bytes (Chinese text fewer, but its line breaks and numbers have
    them) while a code-page file has none: without NUL the bytes are not taken for UTF-16 (any
    even-length ASCII text decodes to CJK-looking characters). With NUL bytes, the byte order
    whose reading is made of the characters of ITU texts wins; binary data reads as neither.
    """
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data[:_SAMPLE]:
        return None
    best, best_score = None, 0.0
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        head = text[: _SAMPLE // 2]
        score = sum(map(_plausible, head)) / len(head)
        if score > best_score:
            best, best_score = text, score
    return best if best_score >= _UTF16_PLAUSIBLE else None


def looks_binary(data: bytes) -> bool:
    """True for bytes with NUL or control bytes (checked on the first 64 KiB).

    Example:
        >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00"), looks_binary(b"RESOLUTION 1")
        (True, False)
    """
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        return True
    bad = sum(1 for b in sample if b in _CONTROL)
    return bad > max(2, len(sample) // 100)


def _damaged_utf8(data: bytes, first: UnicodeDecodeError, path: str) -> Decoded | None:
    """UTF-8 with a few invalid bytes (replaced, with a warning), or None if not UTF-8 at all."""
    text = data.decode("utf-8", errors="replace")
    genuine = data.count("\ufffd".encode())  # U+FFFD written in the file itself
    replaced = text.count("\ufffd") - genuine
    multibyte = len(text) - len(text.encode("ascii", "ignore")) - replaced - genuine
    if multibyte < _UTF8_EVIDENCE * replaced:
        return None
    plural = "s" if replaced > 1 else ""
    where = f"at byte {first.start:,}" + (" (the first)" if replaced > 1 else "")
    return Decoded(
        text,
        "utf-8",
        (
            f"{path}: [W001] invalid UTF-8 {where}: {replaced:,} byte{plural} replaced by "
            "U+FFFD; the rest of the text is UTF-8",
        ),
    )


def decode_text(data: bytes, path: str) -> Decoded:
    """Decode the bytes of a text file: text, encoding name and warnings.

    Raises:
        DocumentError: E003 for binary content, E004 when no encoding explains the bytes.

    Example:
        >>> decode_text("Résolution".encode("cp1252"), "a.txt")
        Decoded(text='Résolution', encoding='cp1252', warnings=())
        >>> d = decode_text("Résolution – considérant".encode() + b"\\xff", "b.txt")
        >>> d.text[-1], d.warnings[0].split(": ")[1]
        ('\\ufffd', '[W001] invalid UTF-8 at byte 28')
    """
    for bom, codec in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(codec), codec)
            except UnicodeDecodeError as exc:
                raise DocumentError(path, "E004", f"invalid {codec} after its BOM: {exc}") from exc
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first = exc
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return Decoded(utf16, "utf-16")
    if looks_binary(data):
        raise DocumentError(path, "E003", "binary content (NUL or control bytes), not a text file")
    damaged = _damaged_utf8(data, first, path)
    if damaged is not None:
        return damaged
    return _guess(data, path)


def _guess(data: bytes, path: str) -> Decoded:
    """charset-normalizer's least chaotic reading, naming the most usual of equal encodings."""
    from charset_normalizer import from_bytes  # imported lazily: only for non-UTF-8 files

    matches = list(from_bytes(data))
    if not matches or min(m.chaos for m in matches) > _MAX_CHAOS:
        raise DocumentError(path, "E004", "unknown text encoding (not UTF-8/16; no good guess)")
    least = min(m.chaos for m in matches)
    # Each match lists the encodings that decode the bytes to the same text; name the most
    # usual one among the least chaotic matches.
    rank = {name: i for i, name in enumerate(_PREFERRED)}
    best_rank, best_name, best_text = len(rank), "", ""
    for m in matches:
        if m.chaos > least + 0.01:
            continue
        for name in (_canonical(n) for n in [m.encoding, *m.could_be_from_charset]):
            r = rank.get(name, len(rank))
            if not best_name or r < best_rank:
                best_rank, best_name, best_text = r, name, str(m)
    return Decoded(best_text, best_name)


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:  # pragma: no cover - charset-normalizer names are Python codecs
        return name
