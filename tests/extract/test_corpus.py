"""Orchestration: extract_document / extract_corpus on real files, good and bad.

Why: the graph builder and the CLI rely on two promises — every record's offsets slice the text
as loaded, and one bad document is reported (named, coded) while the others are processed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.corpus import expand_paths, extract_corpus, extract_document
from extract.exceptions import DocumentError
from extract.io import read_jsonl, write_jsonl
from extract.models import ExtractionResult

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"


def test_extract_document_records_slice_back() -> None:
    result = extract_document(CORPUS / "003_fb0deb38008239bc.txt")
    text = result.doc.text
    records = result.records()
    assert records and [r.start for r in records] == sorted(r.start for r in records)
    for r in records:
        assert text[r.start : r.end] == r.surface
    kinds = {type(r).__name__ for r in records}
    assert "Citation" in kinds


def test_corpus_yields_errors_and_carries_on(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xd8\x00" * 50)
    good = tmp_path / "good.txt"
    good.write_text(
        "recalling Resolution 71 (Rev. Dubai, 2018) of the Plenipotentiary Conference,\n",
        encoding="utf-8",
    )
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")  # unsupported: skipped
    results = list(extract_corpus([tmp_path, tmp_path / "missing.txt"]))
    errors = [r for r in results if isinstance(r, DocumentError)]
    ok = [r for r in results if isinstance(r, ExtractionResult)]
    assert {Path(e.path).name for e in errors} == {"empty.txt", "binary.txt", "missing.txt"}
    assert all(e.code.startswith("E") and e.reason for e in errors)
    assert [r.doc.name for r in ok] == ["good.txt"]
    (c,) = ok[0].citations
    assert (c.number, c.body, c.year) == ("71", "PP", 2018)


def test_parallel_jobs_give_the_same_records() -> None:
    files = [CORPUS / "000_4e58da7c9791f56a.txt", CORPUS / "003_fb0deb38008239bc.txt"]
    serial = [r.records() for r in extract_corpus(files)]  # type: ignore[union-attr]
    parallel = [r.records() for r in extract_corpus(files, jobs=2)]  # type: ignore[union-attr]
    assert serial == parallel


def test_jobs_must_be_positive() -> None:
    with pytest.raises(ValueError, match="jobs"):
        list(extract_corpus([CORPUS], jobs=0))


def test_expand_paths_lists_supported_files_in_order() -> None:
    names = [p.name for p in expand_paths([CORPUS])]
    assert names == sorted(names) and len(names) >= 5


def test_jsonl_round_trip(tmp_path: Path) -> None:
    result = extract_document(CORPUS / "000_4e58da7c9791f56a.txt")
    out = tmp_path / "records.jsonl"
    n = write_jsonl(result.records(), out)
    back = list(read_jsonl(out))
    assert n == len(back) == len(result.records())
    assert back[0] == result.records()[0].to_json()
    assert {r["type"] for r in read_jsonl(out, "citation")} == {"citation"}


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "citation"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        list(read_jsonl(bad))
