"""``jobs > 1``: the same bytes as ``jobs=1``, in input order, however the files are cut into
pool tasks, and the warm-up the workers inherit covers the languages of the run.

Why: ``resgraph extract --jobs N`` hands workers runs of documents (not one document per task)
and builds pipelines and tables in the parent before forking; neither may change what is printed
or its order, and a bad file must still be reported at its place.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from extract.corpus import (
    CHUNK_BYTES,
    _file_chunks,
    expand_paths,
    extract_rendered,
    languages_of,
    result_jsonl,
)
from extract.exceptions import DocumentError

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [ROOT / "data" / "corpus", ROOT / "tests" / "gold" / "dev" / "texts"]


def _rendered(paths: list[Path], jobs: int) -> list[str]:
    return [
        f"error {out.path} {out.code}" if isinstance(out, DocumentError) else out
        for out in extract_rendered(paths, result_jsonl, jobs=jobs)
    ]


def test_jobs_2_prints_the_bytes_of_jobs_1_in_input_order(tmp_path: Path) -> None:
    files = list(expand_paths(SOURCES))
    bad = tmp_path / "empty.txt"
    bad.write_text("", encoding="utf-8")
    paths = [*files[:40], bad, *files[40:]]
    serial = _rendered(paths, 1)
    assert serial == _rendered(paths, 2) == _rendered(paths, 3)
    assert serial[40].startswith(f"error {bad}") and len(serial) == len(paths)
    assert sum(bool(s) for s in serial) > 60  # documents with records, not empty strings


def test_chunks_keep_the_order_and_shrink_towards_the_end(tmp_path: Path) -> None:
    paths = []
    for i in range(200):
        p = tmp_path / f"{i:03}.txt"
        p.write_text("x" * 20_000, encoding="utf-8")
        paths.append(str(p))
    paths.insert(7, str(tmp_path / "missing.txt"))
    chunks = _file_chunks(paths, 2)
    assert [p for chunk in chunks for p in chunk] == paths
    assert all(chunks)
    sizes = [sum(Path(p).stat().st_size for p in c if Path(p).exists()) for c in chunks]
    assert max(sizes) < CHUNK_BYTES + 20_000  # a run stops at the file that fills it
    assert sizes[-1] < sizes[0]  # guided: the last tasks are short
    assert 10 < len(chunks) < 60  # far fewer tasks than documents


def test_few_large_files_are_a_task_each_so_both_workers_get_one() -> None:
    files = [str(p) for p in expand_paths([SOURCES[0]])]
    big = [f for f in files if Path(f).stat().st_size > 40_000]
    assert len(big) >= 2
    assert _file_chunks(big, 2) == [[f] for f in big]


def test_languages_are_read_from_a_sample_of_the_text_files(tmp_path: Path) -> None:
    texts = sorted(str(p) for p in SOURCES[1].glob("*.txt"))
    found = languages_of(texts)
    assert found[0] == "en" and set(found) == {"en", "zh", "fr", "es", "ru", "ar"}
    other = tmp_path / "d.docx"
    other.write_bytes(b"PK")
    assert languages_of([str(other), str(tmp_path / "missing.txt")]) == ["en"]


def test_the_warm_up_builds_the_tables_of_the_languages_asked_only() -> None:
    # in a new process: this one has built tables for the tests before
    probe = (
        "from extract.corpus import warm_for_workers\n"
        "from extract.assignments.actor_table import load_actor_table as load\n"
        "warm_for_workers(['en', 'ar'])\n"
        "built = load.cache_info().currsize\n"
        "load('ar'), load('en')\n"
        "print(built, load.cache_info().currsize)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.split() == ["2", "2"]  # en and ar, built before; nothing else
