"""The real-text extraction benchmark: its corpus comes from the project's texts, the same bytes
on every run, and the quick bench reports the real-text rows with their named baselines.

Why: the headline of ``resgraph bench --only extract`` is only worth reading if its corpus is
what it says (the seeds and dev passages, shuffled by paragraph, deterministic) and if every
figure it prints was measured (positive) beside the baseline it names.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from api.bench.extract_bench import bench_real
from api.bench.real_corpus import (
    SEED_DOC_BYTES,
    build_block_corpus,
    build_real_corpus,
    build_tiny_documents,
    paragraphs,
    real_texts,
)
from api.bench.registry import Measurement


def _lines(text: str) -> Counter[str]:
    """The non-blank lines of a text (a shuffle of paragraphs keeps them)."""
    return Counter(line for line in text.split("\n") if line.strip())


def _digest(paths: list[Path]) -> list[tuple[str, str]]:
    return [(p.name, hashlib.sha256(p.read_bytes()).hexdigest()) for p in paths]


def test_the_corpus_is_the_same_bytes_for_the_same_seed(tmp_path: Path) -> None:
    a, b, c = (tmp_path / n for n in "abc")
    for d in (a, b, c):
        d.mkdir()
    first = build_real_corpus(a, 600_000, seed=7)
    second = build_real_corpus(b, 600_000, seed=7)
    other = build_real_corpus(c, 600_000, seed=8)
    assert _digest(first) == _digest(second)
    assert _digest(first) != _digest(other)
    assert sum(p.stat().st_size for p in first) >= 600_000


def test_every_document_is_made_of_paragraphs_of_the_real_texts(tmp_path: Path) -> None:
    texts = real_texts()
    assert len(texts.seeds) == 5 and len(texts.passages) == 67
    by_source = {Path(n).stem: _lines(t) for n, t in (*texts.seeds, *texts.passages)}
    paths = build_real_corpus(tmp_path, 1_000_000, texts=texts)
    kinds = Counter(p.name.split("_")[1] for p in paths)
    assert kinds["seed"] >= 10 and kinds["short"] >= 50
    for p in paths:
        _, kind, source = p.stem.split("_", 2)
        got = _lines(p.read_text(encoding="utf-8"))
        if kind == "short":  # one passage, its paragraphs (so its lines) in another order
            assert got == by_source[source], p.name
        else:  # one seed's paragraphs, repeated, to a realistic size
            assert set(got) <= set(by_source[source]), p.name
            assert p.stat().st_size >= SEED_DOC_BYTES[0], p.name
    short = sum(p.stat().st_size for p in paths if "_short_" in p.name)
    assert 0.1 < short / sum(p.stat().st_size for p in paths) < 0.3


def test_paragraphs_are_blocks_cut_at_line_ends() -> None:
    text = "a\nbb\n\n  \nccc\n" + "\n".join(["x" * 10] * 5)
    x = "x" * 10
    assert paragraphs(text, max_chars=25) == ["a\nbb", f"ccc\n{x}", f"{x}\n{x}", f"{x}\n{x}"]


def test_block_and_tiny_documents(tmp_path: Path) -> None:
    (tmp_path / "blocks").mkdir()
    (tmp_path / "tiny").mkdir()
    blocks = build_block_corpus(tmp_path / "blocks", 700_000)
    names = Counter(p.stem.split("_", 2)[2] for p in blocks)
    assert len(names) > 70 and max(names.values()) <= 3  # every block, about twice
    tiny = build_tiny_documents(tmp_path / "tiny", 30)
    lines = [p.read_text(encoding="utf-8") for p in tiny]
    assert all(line.endswith("\n") and line.count("\n") == 1 and len(line) <= 81 for line in lines)


def test_without_the_real_texts_the_error_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="data/corpus"):
        real_texts(tmp_path)
    with pytest.raises(ValueError, match="total_bytes"):
        build_real_corpus(tmp_path, 0)
    (row,) = bench_real(quick=True, root=tmp_path)  # the bench says so and goes on
    assert row.name == "extract.real.skipped" and row.note is not None
    assert "data/corpus" in row.note and "synthetic figures only" in row.note


@pytest.fixture(scope="module")
def quick_rows() -> dict[str, Measurement]:
    return {m.name: m for m in bench_real(quick=True)}


@pytest.mark.slow  # the quick real-text bench: ~15 s on the shared 2-core machine
def test_the_quick_bench_reports_the_real_rows_beside_their_baselines(
    quick_rows: dict[str, Measurement],
) -> None:
    head = quick_rows["extract.real.document.throughput"]
    assert head.value > 0 and head.baseline is not None and head.baseline > 0
    assert head.baseline_name is not None and "spacy.blank" in head.baseline_name
    assert head.note is not None and "REAL TEXT" in head.note and "runs" in head.note
    for name in ("spacy_blank", "own_tokenizer", "literal_regex"):
        assert quick_rows[f"extract.real.baseline.{name}"].value > 0, name
    # the project's tokenizer and a literal-first regex are faster than spacy.blank's pipe
    blank = quick_rows["extract.real.baseline.spacy_blank"].value
    assert quick_rows["extract.real.baseline.literal_regex"].value > 10 * blank
    stages = [m for n, m in quick_rows.items() if n.startswith("extract.real.stage.")]
    assert {m.name.rsplit(".", 1)[1] for m in stages} >= {"load", "segment", "assignments"}
    assert all(m.unit == "ms/MB" and m.value >= 0 for m in stages)
    assert sum(m.value for m in stages) > 0
    overhead = quick_rows["extract.real.document.overhead"]
    assert overhead.unit == "ms/doc" and 0 < overhead.value < 50
    short = quick_rows["extract.real.many_short.throughput"]
    assert short.value > 0 and short.baseline is not None and short.baseline > 0
    for label in ("fresh", "warm"):
        par = quick_rows[f"extract.real.jobs2.speedup_{label}"]
        assert par.value > 0 and par.baseline is not None and par.baseline > 0
        assert par.baseline_name is not None and "ceiling" in par.baseline_name
        assert quick_rows[f"extract.real.jobs2.cpu_cost_{label}"].value > 0
    assert quick_rows["extract.real.nlp.pipeline.throughput"].value > 0
    assert quick_rows["extract.real.jobs2.process_warmup"].value > 0
