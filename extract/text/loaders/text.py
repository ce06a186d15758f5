"""Decode plain-text files: BOMs, strict UTF-8, UTF-16 without BOM, then a measured guess.

Why not just ``open(..., encoding="utf-8")``: users export ITU texts from Word on Windows
(cp1252) or as UTF-16; decoding those as UTF-8 either fails or silently produces mojibake. We
trust a BOM, then strict UTF-8 (which almost never succeeds by accident on non-UTF-8 bytes), then
a UTF-16 shape test, and only then charset-normalizer's *measured* guess, refusing bytes that
look binary or that no encoding explains well.
"""

from __future__ import annotations

import codecs

from extract.exceptions import DocumentError

__all__ = ["decode_text"]

_BOMS: tuple[tuple[bytes, str], ...] = (
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


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without BOM has NUL in every other byte for Latin text; test both orders."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    codec = (
        "utf-16-le"
        if odd_nul > 0.3 > even_nul
        else "utf-16-be"
        if even_nul > 0.3 > odd_nul
        else None
    )
    if codec is None:
        return None
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    bad = sum(1 for b in sample if b in _CONTROL)
    return bad > max(2, len(sample) // 100)


def decode_text(data: bytes, path: str) -> tuple[str, str]:
    """Decode the bytes of a text file; return (text, encoding name).

    Raises:
        DocumentError: E003 for binary content, E004 when no encoding explains the bytes.

    Example:
        >>> decode_text("Résolution".encode("cp1252"), "a.txt")
        ('Résolution', 'cp1252')
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(codec), codec
            except UnicodeDecodeError as exc:
                raise DocumentError(path, "E004", f"invalid {codec} after its BOM: {exc}") from exc
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16, "utf-16"
    if _looks_binary(data):
        raise DocumentError(path, "E003", "binary content (NUL or control bytes), not a text file")
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
    return best_text, best_name


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:  # pragma: no cover - charset-normalizer names are Python codecs
        return name
