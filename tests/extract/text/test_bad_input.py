"""Bad input fails with a DocumentError naming the file, a code and the reason."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from files_factory import make_docx

from extract.exceptions import DocumentError
from extract.text.load import load_document


def _error(path: Path, **kwargs: object) -> DocumentError:
    with pytest.raises(DocumentError) as info:
        load_document(path, **kwargs)  # type: ignore[arg-type]
    err = info.value
    assert str(path) in str(err)  # the message names the file
    return err


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    err = _error(path)
    assert (err.code, err.reason) == ("E001", "file is empty")


def test_whitespace_only_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_text(" \n\t\n", encoding="utf-8")
    assert _error(path).code == "E001"


def test_binary_file_with_text_extension(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    err = _error(path)
    assert err.code == "E003"
    assert "binary" in err.reason


def test_unknown_encoding(tmp_path: Path) -> None:
    # High bytes only: not UTF-8, not UTF-16, no control bytes, and no code page explains it.
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    err = _error(path)
    assert err.code == "E004"
    assert "encoding" in err.reason


def test_corrupt_docx_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04 this is not really a zip archive")
    err = _error(path)
    assert err.code == "E005"
    assert ".docx" in err.reason


def test_corrupt_docx_bad_xml(tmp_path: Path) -> None:
    good = make_docx(tmp_path / "good.docx", ["RESOLUTION 1"])
    path = tmp_path / "badxml.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # truncated XML
            dst.writestr(item, data)
    err = _error(path)
    assert err.code == "E005"
    assert "document.xml" in err.reason


def test_docx_without_document_part(tmp_path: Path) -> None:
    path = tmp_path / "nodoc.docx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not word")
    assert _error(path).code == "E005"


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without xref\n%%EOF")
    err = _error(path)
    assert err.code == "E006"
    assert "PDF" in err.reason


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)  # a drawing, no text: what a scanned page looks like to us
    path = tmp_path / "scan.pdf"
    pdf.output(str(path))
    err = _error(path)
    assert err.code == "E001"
    assert "OCR" in err.reason


def test_not_a_pdf_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.pdf"
    path.write_bytes(b"just some words, no PDF header")
    assert _error(path).code == "E006"


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:  # sparse file: 100 MB of size, no disk blocks written
        f.truncate(100_000_000)
    err = _error(path)
    assert err.code == "E002"
    assert "50,000,000" in err.reason


def test_size_limit_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text("RESOLUTION 1\n" * 100, encoding="utf-8")
    assert _error(path, max_bytes=100).code == "E002"
    assert load_document(path, max_bytes=10_000).text.startswith("RESOLUTION 1")


def test_unsupported_format(tmp_path: Path) -> None:
    path = tmp_path / "sheet.xlsx"
    path.write_bytes(b"data")
    err = _error(path)
    assert err.code == "E008"
    assert ".docx" in err.reason  # lists the valid formats


def test_missing_file(tmp_path: Path) -> None:
    err = _error(tmp_path / "nowhere.txt")
    assert err.code == "E009"


def test_directory_is_not_a_document(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert _error(path).code == "E009"


def test_invalid_layer_is_a_value_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("x", encoding="utf-8")
    with pytest.raises(ValueError, match="after"):
        load_document(path, layer="middle")  # type: ignore[arg-type]
