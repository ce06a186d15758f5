"""Issue 16, items 5 and 6: a build killed at any moment never wedges the store or loses data.

Real processes, real signals: ``resgraph build --jobs 2`` is started as a subprocess on documents
large enough to keep its two workers busy, and killed (SIGKILL, SIGTERM) once its workers run and
its new generation is half written. Before the fix its workers lived on holding the build lock's
descriptor and every later build failed "another build is running". A build is also killed by
SIGKILL at the one moment the issue names: after its new generation was renamed into place and
before the pointer file names it (the kill is sent from inside the child at that point; before the
fix every later build failed with ``OSError: [Errno 39] Directory not empty``). After each kill,
the store reads as it was, and the next build works.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.build import build_store
from graph.embedded.store import POINTER
from graph.rdf.input import DocumentInput
from graph.rdf.workers import parallel_extractor
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
SEEDS = sorted(CORPUS.glob("*.txt"))
DEADLINE = 60.0  # seconds any wait below may take before the test fails (never a speed check)


def quads(root: Path) -> set[str]:
    """Every quad of the current generation but the manifest's time stamps."""
    with open_store(root, read_only=True) as s:
        return {str(q) for q in s.store if "modified" not in q.predicate.value}


def children(pid: int) -> set[int]:
    """The child processes of ``pid`` (all its threads'), from /proc."""
    out: set[int] = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out |= {int(c) for c in (task / "children").read_text().split()}
        except OSError:
            continue
    return out


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie, dead but not yet reaped by anyone, is not alive)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status and "\nState:\tX" not in status


def wait_for(what: str, condition: object) -> None:
    deadline = time.monotonic() + DEADLINE
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


def big_documents(folder: Path, count: int, copies: int) -> Path:
    """``count`` distinct documents of ``copies`` seed texts each (a few seconds of extraction)."""
    folder.mkdir()
    text = (CORPUS / "001_e4eb4cc4694de83a.txt").read_text("utf-8")
    for i in range(count):
        (folder / f"big{i}.txt").write_text(f"Document {i}\n\n" + text * copies, "utf-8")
    return folder


@pytest.fixture
def seed_store(tmp_path: Path) -> Iterator[tuple[Path, Path, set[str]]]:
    """A store built from the seed corpus: (store, corpus folder, its quads)."""
    corpus = tmp_path / "seed"
    corpus.mkdir()
    for p in SEEDS:
        shutil.copy(p, corpus / p.name)
    store = tmp_path / "store"
    build_store(store, [corpus], extractor=parallel_extractor(1))
    yield store, corpus, quads(store)


def cli_build(log: Path, *args: str) -> subprocess.Popen[str]:
    """``resgraph build ARGS`` in a child process, its output in ``log``.out/.err (files, not
    pipes: a worker outliving the builder would keep a pipe open and hang the test)."""
    cmd = [sys.executable, "-m", "api.cli", "build", *args]
    with open(f"{log}.out", "w") as out, open(f"{log}.err", "w") as err:
        return subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, text=True)


def kill_leftovers(pids: set[int]) -> None:
    """Kill the processes of a test's build that outlived it (there are none once it passes)."""
    for pid in pids:
        if alive(pid):
            os.kill(pid, signal.SIGKILL)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_a_killed_jobs_build_leaves_no_worker_and_no_lock(
    tmp_path: Path, seed_store: tuple[Path, Path, set[str]], sig: signal.Signals
) -> None:
    store, corpus, before = seed_store
    slow = big_documents(tmp_path / "slow", count=4, copies=8)
    child = cli_build(
        tmp_path / "build", str(slow), "--store", str(store), "--jobs", "2", "--prune"
    )
    workers: set[int] = set()
    try:
        wait_for(
            "two workers and a half-written generation",
            lambda: len(children(child.pid)) >= 2 and any(store.glob(f"gen-*.tmp-{child.pid}")),
        )
        workers = children(child.pid)
        os.kill(child.pid, sig)
        assert child.wait(timeout=DEADLINE) == -sig
        wait_for("the workers to die with the builder", lambda: not any(map(alive, workers)))
    finally:
        if child.poll() is None:
            child.kill()
        kill_leftovers(workers)
    assert quads(store) == before  # the current generation is untouched
    # the lock went with the builder: builds that change the store run at once
    first = build_store(
        store, [corpus / p.name for p in SEEDS[:4]], extractor=parallel_extractor(2)
    )
    assert first.removed == (SEEDS[4].name,) and not first.failed
    again = build_store(store, [corpus], extractor=parallel_extractor(2))
    assert again.added == (SEEDS[4].name,)
    assert quads(store) == before  # nothing lost
    assert not list(store.glob("gen-*.tmp-*"))
    print(
        f"\ncase 5 ({sig.name}): builder exit {child.returncode}, {len(workers)} workers gone, "
        f"next builds ran at once, {len(before)} quads kept"
    )


KILLED_AT_THE_POINTER = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    import graph.embedded.generations as embedded
    from graph.build import build_store
    from graph.rdf.input import DocumentInput

    def killed(*args):  # the moment between the rename of the generation and the pointer
        os.kill(os.getpid(), signal.SIGKILL)

    embedded._write_pointer = killed
    files = [Path(p) for p in sys.argv[2:]]
    build_store(sys.argv[1], inputs=[DocumentInput.from_file(p, ()) for p in files])
    """
)


def inputs(paths: list[Path]) -> list[DocumentInput]:
    return [DocumentInput.from_file(p, ()) for p in paths]


@pytest.mark.parametrize("earlier", [0, 2], ids=["first-build", "third-build"])
def test_a_kill_between_the_rename_and_the_pointer_does_not_wedge_the_store(
    tmp_path: Path, earlier: int
) -> None:
    store = tmp_path / "store"
    for n in range(1, earlier + 1):
        build_store(store, inputs=inputs(SEEDS[:n]))
    before = quads(store) if earlier else set()
    done = subprocess.run(
        [sys.executable, "-c", KILLED_AT_THE_POINTER, str(store), *map(str, SEEDS)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=DEADLINE,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    orphan = store / f"gen-{earlier + 1:06d}"
    assert orphan.is_dir()  # complete, renamed into place, never named by the pointer
    with open_store(store, read_only=True) as s:
        assert s.generation == earlier
    assert (quads(store) if earlier else set()) == before
    report = build_store(store, inputs=inputs(SEEDS))
    assert report.generation == earlier + 1 and len(report.added) == 5 - earlier
    fresh = tmp_path / "fresh"
    build_store(fresh, inputs=inputs(SEEDS))
    assert quads(store) == quads(fresh)
    assert f'"gen-{earlier + 1:06d}"' in (store / POINTER).read_text("utf-8")
    print(
        f"\ncase 6 (earlier={earlier}): SIGKILL at the pointer; next build added "
        f"{len(report.added)}, generation {report.generation}, same quads as a fresh build"
    )


def test_a_worker_killed_mid_document_costs_only_a_retry(tmp_path: Path) -> None:
    """A worker that dies (here: SIGKILL, as the kernel's OOM killer sends) does not abort the
    build: the documents it took down with it are run again, and every document is built."""
    corpus = big_documents(tmp_path / "corpus", count=3, copies=3)
    store = tmp_path / "store"
    child = cli_build(tmp_path / "build", str(corpus), "--store", str(store), "--jobs", "2")
    workers: set[int] = set()
    try:
        wait_for("two workers", lambda: len(children(child.pid)) >= 2)
        workers = children(child.pid)
        os.kill(min(workers), signal.SIGKILL)
        child.wait(timeout=300)
    finally:
        if child.poll() is None:
            child.kill()
        kill_leftovers(workers)
    out, err = ((tmp_path / f"build.{k}").read_text() for k in ("out", "err"))
    assert child.returncode == 0, err
    assert "added 3," in out and "failed 0)" in out, out + err
    assert set(open_store(store, read_only=True).manifest()) == {f"big{i}.txt" for i in range(3)}


def test_old_generations_are_reclaimed_only_when_no_reader_has_them(tmp_path: Path) -> None:
    docs = inputs(SEEDS)
    build_store(tmp_path, inputs=docs[:1])
    reader = open_store(tmp_path, read_only=True)
    size = len(reader)
    for n in range(2, 5):
        build_store(tmp_path, inputs=docs[:n])

    def gens() -> list[str]:
        return sorted(p.name for p in tmp_path.glob("gen-*"))

    # generation 1 is kept for its reader (and still reads), 2 and 3 are reclaimed, 4 is current
    assert gens() == ["gen-000001", "gen-000004"]
    assert len(reader) == size and reader.manifest().keys() == {SEEDS[0].name}
    reader.close()
    build_store(tmp_path, inputs=docs)
    assert gens() == ["gen-000005"]
