"""The ``resgraph`` command without traps (issue 17, item 6): what used to surprise users.

Why through the real app on real stores: every case here is something a user typed (``build
one_file.txt`` emptying the graph, ``extract data/nope/`` blaming a format, ``--json true``, an
empty table with no word) and the contract is what the command prints and its exit code. The
stores are built by the command itself from copies of the seed corpus; a broken ``.docx`` is a
real file the loader refuses. The terminal case runs the command in a real pseudo-terminal.
"""

from __future__ import annotations

import json
import os
import pty
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.main import get_command
from typer.testing import CliRunner

from api.cli import app
from api.commands import exit_codes
from graph import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))
runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def corpus(where: Path, *seeds: Path) -> Path:
    """A directory holding copies of the given seed documents."""
    where.mkdir(parents=True)
    for p in seeds:
        shutil.copy(p, where / p.name)
    return where


def documents(store: Path) -> set[str]:
    with open_store(store, read_only=True) as s:
        return set(s.manifest())


def generation(store: Path) -> int:
    with open_store(store, read_only=True) as s:
        return s.generation


@pytest.fixture(scope="module")
def full_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed corpus built by ``resgraph build`` (read-only for the tests)."""
    store = tmp_path_factory.mktemp("full") / "store"
    code, out, err = run("build", str(CORPUS), "--store", str(store))
    assert code == 0, out + err
    return store


@pytest.fixture(scope="module")
def one_doc_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One seed document (WTSA Res. 86): a single texted resolution cannot be in a cycle."""
    root = tmp_path_factory.mktemp("one")
    store = root / "store"
    code, out, err = run("build", str(corpus(root / "docs", SEEDS[0])), "--store", str(store))
    assert code == 0, out + err
    return store


# ------------------------------------------------------------------ add and build


def test_add_keeps_every_other_document(tmp_path: Path) -> None:
    store = tmp_path / "store"
    first = corpus(tmp_path / "first", *SEEDS[:2])
    assert run("build", str(first), "--store", str(store))[0] == 0
    code, out, err = run("add", str(corpus(tmp_path / "more", SEEDS[2])), "--store", str(store))
    assert code == 0, out + err
    assert "added 1," in out and "removed 0," in out and "unchanged 2," in out, out
    assert documents(store) == {p.name for p in SEEDS[:3]}
    # adding a changed copy of a stored document updates it and still keeps the others
    changed = tmp_path / "changed"
    changed.mkdir()
    text = SEEDS[0].read_text(encoding="utf-8")
    (changed / SEEDS[0].name).write_text(text + "\nResolution 44 (Rev. Geneva, 2022)\n", "utf-8")
    code, out, err = run("add", str(changed), "--store", str(store))
    assert code == 0 and "updated 1," in out and "removed 0," in out, out + err
    assert documents(store) == {p.name for p in SEEDS[:3]}


def test_build_names_what_it_would_drop_and_refuses_without_prune(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("build", str(corpus(tmp_path / "all", *SEEDS[:3])), "--store", str(store))[0] == 0
    before = generation(store)
    one = corpus(tmp_path / "one", SEEDS[0])
    code, out, err = run("build", str(one), "--store", str(store))
    assert code == exit_codes.REFUSED, out + err
    assert "would drop them" in err and SEEDS[1].name in err and SEEDS[2].name in err, err
    assert f"resgraph add {one}" in err and "--prune" in err, err
    assert documents(store) == {p.name for p in SEEDS[:3]} and generation(store) == before
    code, out, err = run("build", str(one), "--store", str(store), "--prune")
    assert code == 0, out + err
    assert "removed 2," in out and f"dropping 2 documents not in {one}" in err, out + err
    assert documents(store) == {SEEDS[0].name}


def test_build_of_the_same_documents_asks_nothing(full_store: Path) -> None:
    code, out, err = run("build", str(CORPUS), "--store", str(full_store))
    assert code == 0 and "up to date" in out and "drop" not in err, out + err


def _read_until(fd: int, needle: bytes | None, timeout: float) -> bytes:
    """What the terminal shows until ``needle`` (None: until the child closes it)."""
    seen = b""
    deadline = time.monotonic() + timeout
    while needle is None or needle not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"no {needle!r} in {seen!r}"
        ready, _, _ = select.select([fd], [], [], left)
        if ready:
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            seen += chunk
    return seen


def _build_at_terminal(store: Path, docs: Path, answer: bytes) -> tuple[int, bytes]:
    """``resgraph build DOCS`` in a real pseudo-terminal, answering its question."""
    main, child = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.cli", "build", str(docs), "--store", str(store)],
        stdin=child,
        stdout=child,
        stderr=child,
        cwd=ROOT,
        close_fds=True,
    )
    os.close(child)
    try:
        seen = _read_until(main, b"Drop 1 document?", timeout=120)
        os.write(main, answer + b"\n")
        code = proc.wait(timeout=120)
        seen += _read_until(main, None, timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    return code, seen


def test_build_asks_at_a_terminal(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("build", str(corpus(tmp_path / "two", *SEEDS[:2])), "--store", str(store))[0] == 0
    one = corpus(tmp_path / "one", SEEDS[0])
    code, seen = _build_at_terminal(store, one, b"n")
    assert code == exit_codes.REFUSED and b"nothing changed" in seen, seen
    assert documents(store) == {SEEDS[0].name, SEEDS[1].name}
    code, seen = _build_at_terminal(store, one, b"y")
    assert code == 0, seen
    assert documents(store) == {SEEDS[0].name}


def test_build_without_a_terminal_never_waits(tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run("build", str(corpus(tmp_path / "two", *SEEDS[:2])), "--store", str(store))[0] == 0
    one = corpus(tmp_path / "one", SEEDS[0])
    done = subprocess.run(
        [sys.executable, "-m", "api.cli", "build", str(one), "--store", str(store)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == exit_codes.REFUSED, done.stderr
    assert "no terminal to ask" in done.stderr and SEEDS[1].name in done.stderr
    assert documents(store) == {SEEDS[0].name, SEEDS[1].name}


def test_a_bad_file_among_good_ones_exits_3_and_the_good_ones_are_built(tmp_path: Path) -> None:
    docs = corpus(tmp_path / "docs", *SEEDS[:2])
    (docs / "broken.docx").write_bytes(b"not a zip archive, whatever the name says")
    store = tmp_path / "store"
    code, out, err = run("build", str(docs), "--store", str(store))
    assert code == exit_codes.PARTIAL, out + err
    assert "failed: broken.docx: [E005]" in err and "1 file failed" in err, err
    assert "added 2," in out and "failed 1)" in out, out
    assert documents(store) == {SEEDS[0].name, SEEDS[1].name}
    # add: the same contract, and the documents already there stay
    more = corpus(tmp_path / "more", SEEDS[2])
    (more / "also-broken.pdf").write_bytes(b"%PDF-1.4 truncated")
    code, out, err = run("add", str(more), "--store", str(store))
    assert code == exit_codes.PARTIAL and "failed: also-broken.pdf" in err, out + err
    assert documents(store) == {p.name for p in SEEDS[:3]}


# ------------------------------------------------------------------ messages


def test_a_missing_path_is_named(tmp_path: Path, full_store: Path) -> None:
    missing = tmp_path / "nope"
    code, out, err = run("extract", f"{missing}/")
    assert code == exit_codes.USAGE and f"{missing}: no such file or directory" in err, err
    assert "E008" not in err and out == ""
    before = generation(full_store)
    code, out, err = run("build", str(missing), "--store", str(full_store))
    assert code == exit_codes.USAGE and "no such file or directory" in err, err
    code, out, err = run("add", str(missing), "--store", str(full_store))
    assert code == exit_codes.USAGE and "no such file or directory" in err, err
    assert generation(full_store) == before


def test_an_empty_directory_is_named(tmp_path: Path, full_store: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.xyz").write_text("not a document format", "utf-8")
    for command in ("extract", "build", "add"):
        args = [command, str(empty)] + (
            [] if command == "extract" else ["--store", str(full_store)]
        )
        code, out, err = run(*args)
        assert code == exit_codes.USAGE, (command, out, err)
        assert f"{empty}: no document of a supported format" in err, (command, err)
    assert len(documents(full_store)) == len(SEEDS)


def test_empty_results_are_a_sentence(one_doc_store: Path, full_store: Path) -> None:
    store = str(one_doc_store)
    code, out, _ = run("cycles", "--store", store, "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run("cycles", "--store", store)
    assert code == 0 and out.startswith("no citation cycles") and "┃" not in out, out
    code, out, _ = run("assignments", "--actor", "NOPE", "--store", str(full_store), "--json")
    assert code == 0 and json.loads(out)["hits"] == []
    code, out, _ = run("assignments", "--actor", "NOPE", "--store", str(full_store))
    assert code == 0 and out.strip() == "no assignment clauses match (actor NOPE)", out
    code, out, _ = run("outdated", "--organ", "council", "--store", str(full_store), "--json")
    assert code == 0 and json.loads(out) == []
    code, out, _ = run("outdated", "--organ", "council", "--store", str(full_store))
    assert code == 0 and out.strip() == "no outdated citations in the store (organ council)"
    query = "SELECT ?s WHERE { ?s <urn:nothing> ?o }"
    code, out, _ = run("sparql", query, "--store", store)
    assert code == 0 and out.strip() == "0 rows: nothing matched", out


def test_lineage_of_a_resolution_known_only_from_citations(full_store: Path) -> None:
    store = str(full_store)
    code, out, _ = run("lineage", "council/1353", "--store", store, "--json")
    assert code == 0 and json.loads(out)["versions"] == []
    code, out, _ = run("impact", "council/1353", "--depth", "1", "--store", store, "--json")
    citing = {e["source"] for e in json.loads(out)["edges"]}
    assert citing
    code, out, err = run("lineage", "council/1353", "--store", store)
    assert code == 0, err
    line = out.strip()
    assert line.startswith("council/1353: known only from citations: cited by ")
    assert line.endswith("; no version text loaded") and "┃" not in out, out
    listed = line.split(": ", 3)[3].removesuffix("; no version text loaded").split(", ")
    assert f"cited by {len(listed)} texts" in line
    # every citing resolution is named by the version whose text cites it
    assert all(any(t.startswith(f"{w}/") for t in listed) for w in citing), (citing, listed)


def test_lineage_of_an_unknown_resolution_fails(full_store: Path) -> None:
    code, out, err = run("lineage", "pp/99999", "--store", str(full_store))
    assert code == exit_codes.FAILED and "no resolution 'pp/99999'" in err and out == ""


def test_sparql_file_that_cannot_be_read(tmp_path: Path, full_store: Path) -> None:
    code, _, err = run("sparql", f"@{tmp_path / 'q.rq'}", "--store", str(full_store))
    assert code == exit_codes.USAGE and f"{tmp_path / 'q.rq'}: no such file" in err, err


# ------------------------------------------------------------------ flags and exit codes

# the arguments that make each command with --json answer on the seed store
JSON_ARGS = {
    "lineage": ["wtsa/44"],
    "deps": ["wtsa/44"],
    "impact": ["pp/123"],
    "path": ["wtsa/44", "pp/123"],
    "cycles": [],
    "most-cited": [],
    "assignments": [],
    "outdated": [],
    "proposals": ["wtsa/44"],
}
NOT_RUN_HERE = {"eval"}  # extracts the gold sets: tests/extract/test_eval.py runs it


def _commands() -> dict[str, object]:
    return dict(get_command(app).commands)  # type: ignore[attr-defined]


def test_json_is_a_plain_flag_on_every_command_that_has_it(full_store: Path) -> None:
    with_json = {
        name
        for name, cmd in _commands().items()
        if any("--json" in p.opts for p in cmd.params)  # type: ignore[attr-defined]
    }
    assert with_json == set(JSON_ARGS) | NOT_RUN_HERE
    for name in sorted(with_json):
        (option,) = [p for p in _commands()[name].params if "--json" in p.opts]  # type: ignore[attr-defined]
        assert option.is_flag and option.secondary_opts == [], name
        code, out, _ = run(name, "--help")
        assert code == 0 and "--json" in out and "<bool>" not in out, (name, out)
    for name, args in JSON_ARGS.items():
        code, out, err = run(name, *args, "--store", str(full_store), "--json")
        assert code == 0, (name, err)
        json.loads(out)
        code, out, err = run(name, *args, "--store", str(full_store), "--json", "true")
        assert code == exit_codes.USAGE, (name, out)
        assert "--json is a flag and takes no value" in out + err, (name, out + err)


def test_no_help_shows_a_boolean_value() -> None:
    code, out, _ = run("--help")
    assert code == 0 and "<bool>" not in out
    for name in _commands():
        code, out, _ = run(name, "--help")
        assert code == 0 and "<bool>" not in out, (name, out)


def test_exit_codes_are_documented() -> None:
    code, out, _ = run("--help")
    text = " ".join(out.split())
    assert code == 0 and "Exit codes:" in text
    for value, words in (
        (exit_codes.OK, "done"),
        (exit_codes.FAILED, "not found"),
        (exit_codes.USAGE, "bad usage"),
        (exit_codes.PARTIAL, "some files failed"),
        (exit_codes.REFUSED, "build refused to drop"),
    ):
        assert f"{value} {words}" in text, (value, words)
    guide = (ROOT / "docs" / "troubleshooting.md").read_text(encoding="utf-8")
    for value in (0, 1, 2, 3, 4):
        assert f"| {value} |" in guide
