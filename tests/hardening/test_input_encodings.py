"""Issue 16, item 12: encodings that do not lie. One invalid byte leaves UTF-8 text (and its
citations) intact, UTF-8 HTML without a charset is read as UTF-8 while a declared charset still
decides, Chinese UTF-16 without BOM is recognised (and ASCII never taken for UTF-16), and special
files behind .txt names are refused, not read.

Why apart from ``test_inputs.py``: those are the files that would exhaust memory or abort a build;
these are files that would be read wrongly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from extract import extract_document, load_document
from graph.build import build_store
from graph.rdf.workers import parallel_extractor
from tests.hardening.test_inputs import TEXT, _damaged


def _citations(path: Path) -> list[tuple[object, ...]]:
    return [
        (c.start, c.end, c.surface, c.body, c.number, c.year)
        for c in extract_document(path).citations
    ]


def test_one_invalid_byte_leaves_utf8_text_and_its_citations_intact(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text(TEXT, encoding="utf-8")
    damaged = tmp_path / "damaged.txt"
    data, at = _damaged(TEXT)
    damaged.write_bytes(data)
    doc = load_document(damaged)
    assert doc.encoding == "utf-8"
    char = len(data[:at].decode("utf-8"))
    assert doc.text == TEXT[:char] + "\ufffd" + TEXT[char + 1 :]
    assert doc.warnings == (
        f"{damaged}: [W001] invalid UTF-8 at byte {at}: 1 byte replaced by U+FFFD; the rest of "
        "the text is UTF-8",
    )
    expected = _citations(clean)
    written = {"Resolution 44 (Rev. Hammamet, 2016)", "Resolution 195 (Busan, 2014)",
               "Resolution 123 (Rev. Dubaï, 2018)", "Resolution 71 (Rev. Guadalajara, 2010)",
               "Resolution 1 (Rev. Genève, 2022)"}  # fmt: skip
    assert written <= {c[2] for c in expected}
    assert _citations(damaged) == expected


def test_utf8_html_without_a_meta_charset_is_read_as_utf8(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    body = "".join(f"<p>{line}</p>" for line in TEXT.splitlines() if line.strip())
    path.write_bytes(
        f"<html><head><title>Résolution 77</title></head><body>{body}</body></html>".encode()
    )
    doc = load_document(path)
    assert doc.meta["title"] == "Résolution 77"
    assert "Rev. Genève, 2022" in doc.text and "«les méthodes de travail»" in doc.text
    assert "Ã" not in doc.text and not doc.warnings


def test_a_declared_charset_still_decides(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    page = '<html><head><meta charset="windows-1252"></head><body><p>Rev. Genève – 2022</p></body>'
    path.write_bytes(page.encode("cp1252"))
    assert load_document(path).text == "Rev. Genève – 2022"


ZH = (
    "第44号决议（2016年，哈马马特，修订版）\n"
    "缩小发展中国家与发达国家之间的标准化工作差距\n考虑到\n一、开始最后\n"
)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_chinese_utf16_without_bom_is_recognised(tmp_path: Path, codec: str) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes((ZH * 20).encode(codec))
    doc = load_document(path)
    assert (doc.text, doc.lang, doc.encoding) == (ZH * 20, "zh", "utf-16")


def test_ascii_text_of_even_length_is_not_taken_for_utf16(tmp_path: Path) -> None:
    """Without NUL bytes, bytes are never read as UTF-16 ('Bush hid the facts')."""
    path = tmp_path / "a.txt"
    path.write_bytes("Résolution 1 – considérant\n".encode("cp1252") * 10)
    assert load_document(path).encoding == "cp1252"


def test_special_files_named_txt_are_refused_not_read(tmp_path: Path) -> None:
    """A FIFO and /dev/zero behind .txt names, given by path: reading either would never end
    (the build hashed every file whole before loading it)."""
    pipe, zero, good = tmp_path / "pipe.txt", tmp_path / "zero.txt", tmp_path / "good.txt"
    os.mkfifo(pipe)
    zero.symlink_to("/dev/zero")
    good.write_text(TEXT, encoding="utf-8")
    report = build_store(tmp_path / "store", [pipe, zero, good], extractor=parallel_extractor(1))
    assert dict(report.failed) == {
        "pipe.txt": "[E009] not a regular file",
        "zero.txt": "[E009] not a regular file",
    }
    assert report.added == ("good.txt",)
