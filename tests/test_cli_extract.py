"""``resgraph extract``: JSONL on stdout sorted by offset, errors on stderr, exit codes.

Why through the real CLI app: the command is a thin wrapper, and its contract (one JSON object
per line, a per-file error naming the file, exit 3 when some failed, 1 when nothing was
processed) is what scripts and the graph builder depend on.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from api.cli import app

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "corpus" / "000_4e58da7c9791f56a.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_records_sorted_with_offsets_into_the_file() -> None:
    code, out, _ = run(str(SEED))
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    text = SEED.read_text(encoding="utf-8")
    assert [r["start"] for r in records] == sorted(r["start"] for r in records)
    assert {r["type"] for r in records} >= {"citation"}
    for r in records:
        assert text[r["start"] : r["end"]] == r["surface"]


def test_a_bad_file_is_reported_and_the_others_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    code, out, err = run(str(empty), str(SEED))
    assert code == 3  # some files failed, the others were processed
    assert "empty.txt" in err and "E001" in err and "skipped 1" in err
    assert out.strip()


def test_nothing_processed_exits_non_zero(tmp_path: Path) -> None:
    code, out, err = run(str(tmp_path / "missing.txt"))
    assert code != 0
    assert "missing.txt" in err and out == ""


def test_text_prints_what_the_offsets_refer_to() -> None:
    code, out, _ = run("--text", str(SEED))
    assert code == 0
    assert out == SEED.read_text(encoding="utf-8")


def test_structure_and_table_formats() -> None:
    code, out, _ = run("--structure", str(SEED))
    assert code == 0 and json.loads(out)["doc"] == SEED.name
    code, out, _ = run("--format", "table", str(SEED))
    assert code == 0 and "citation" in out


def test_jobs_option(tmp_path: Path) -> None:
    code, out, _ = run("--jobs", "2", str(ROOT / "data" / "corpus"))
    assert code == 0
    docs = {json.loads(line)["doc"] for line in out.splitlines()}
    assert len(docs) == 5


def test_proposals_flag_prints_the_proposals_as_jsonl() -> None:
    seed = ROOT / "data" / "corpus" / "001_e4eb4cc4694de83a.txt"
    code, out, _ = run("--proposals", str(seed))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert {r["type"] for r in rows} == {"proposal"}
    assert sorted(r["proposer"] for r in rows) == ["APT", "ATU", "CITEL", "RCC"]
    text = seed.read_text(encoding="utf-8")
    changes = [c for r in rows for c in r["changes"]]
    assert changes and {c["type"] for c in changes} == {"proposal_change"}
    for c in changes:
        assert c["change"] == "citation_updated"
        assert text[c["start"] : c["end"]] == c["after"]
        assert c["from_version"]["year"] < c["to_version"]["year"]
