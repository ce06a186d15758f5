"""The on-disk store: incremental rebuilds, atomic generations, crash safety, reader isolation."""

from __future__ import annotations

import dataclasses
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

from graph import mint
from graph.backend import StoreError
from graph.build import build_store
from graph.embedded.store import POINTER, new_generation
from graph.rdf.document import DocumentInput
from graph.store import open_store
from graph.validate import validate_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"


def graph_sizes(root: Path) -> dict[str, int]:
    """Named graph IRI -> number of quads, for every document graph of the current generation."""
    with open_store(root, read_only=True) as s:
        return {
            e.graph: len(list(s.store.quads_for_pattern(None, None, None, ox.NamedNode(e.graph))))
            for e in s.manifest().values()
        }


def test_adding_one_document_only_builds_that_document(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    first = build_store(tmp_path, inputs=gold_inputs[:4])
    assert first.added == tuple(d.name for d in gold_inputs[:4])
    before = graph_sizes(tmp_path)
    second = build_store(tmp_path, inputs=gold_inputs)
    assert second.added == (gold_inputs[4].name,)
    assert second.unchanged == tuple(d.name for d in gold_inputs[:4])
    after = graph_sizes(tmp_path)
    assert {g: n for g, n in after.items() if g in before} == before
    assert len(after) == 5
    assert second.generation == first.generation + 1
    assert build_store(tmp_path, inputs=gold_inputs).changed is False


def test_a_changed_document_replaces_its_graph_and_a_removed_one_is_dropped(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    build_store(tmp_path, inputs=gold_inputs)
    old = gold_inputs[0]
    edited = dataclasses.replace(old, sha256="f" * 64, records=old.records[:1])
    report = build_store(tmp_path, inputs=[edited, *gold_inputs[1:]])
    assert report.updated == (old.name,) and not report.added
    sizes = graph_sizes(tmp_path)
    assert str(mint.document_graph_iri(old.name, old.sha256)) not in sizes
    assert str(mint.document_graph_iri(edited.name, edited.sha256)) in sizes
    gone = gold_inputs[1]
    report = build_store(tmp_path, inputs=[edited, *gold_inputs[2:]])
    assert report.removed == (gone.name,)
    with open_store(tmp_path, read_only=True) as s:
        assert gone.name not in s.manifest()
        doc = ox.NamedNode(mint.document_iri(gone.name, gone.sha256))
        assert not list(s.store.quads_for_pattern(None, None, doc, None))
    assert validate_store(tmp_path).conforms


def test_only_new_or_changed_files_reach_the_extractor(tmp_path: Path) -> None:
    """Files already in the store with the same content are never extracted again (files that
    failed before are retried, so the property holds whatever the extractor makes of them)."""
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    seeds = sorted(CORPUS.glob("*.txt"))
    for seed in seeds[:2]:
        shutil.copy(seed, corpus)
    asked: list[set[str]] = []

    def extractor(files: Sequence[Path]) -> Any:
        from extract.corpus import extract_corpus

        asked.append({f.name for f in files})
        return extract_corpus(files)

    def stored() -> dict[str, str]:
        with open_store(store, read_only=True) as s:
            return {n: e.sha256 for n, e in s.manifest().items()}

    build_store(store, [corpus], extractor=extractor)
    assert asked == [{s.name for s in seeds[:2]}]
    steps = [
        lambda: shutil.copy(seeds[2], corpus),
        lambda: (
            (corpus / seeds[0].name).open("a", encoding="utf-8").close()
            or (corpus / seeds[0].name).write_text(
                seeds[0].read_text("utf-8") + "\nRecalling Resolution 1 (Rev. Dubai, 2018).\n",
                "utf-8",
            )
        ),
    ]
    for step, expected in zip(steps, (seeds[2].name, seeds[0].name), strict=True):
        before = stored()
        step()
        build_store(store, [corpus], extractor=extractor)
        assert expected in asked[-1]
        unchanged_in_store = {
            n for n, h in before.items() if (corpus / n).exists() and h == sha(corpus / n)
        }
        assert not asked[-1] & unchanged_in_store
    calls = len(asked)
    (corpus / seeds[1].name).unlink()
    report = build_store(store, [corpus], extractor=extractor)
    assert seeds[1].name not in stored()
    assert seeds[1].name in report.removed or seeds[1].name not in before
    assert all(seeds[1].name not in a for a in asked[calls:])


def sha(path: Path) -> str:
    import hashlib

    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_document_that_fails_keeps_its_previous_graph(tmp_path: Path) -> None:
    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    good = corpus / "a.txt"
    good.write_text("RESOLUTION 5 (Rev. Dubai, 2018)\n\nInstructs the Secretary-General\n", "utf-8")
    build_store(store, [corpus])
    before = open_store(store, read_only=True).manifest()
    good.write_bytes(b"")  # an empty file cannot be loaded
    report = build_store(store, [corpus])
    assert [name for name, _ in report.failed] == ["a.txt"]
    assert not report.changed
    assert open_store(store, read_only=True).manifest() == before


def test_a_bad_record_aborts_the_build_and_leaves_the_old_generation(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    build_store(tmp_path, inputs=gold_inputs[:2])
    with open_store(tmp_path, read_only=True) as s:
        generation, size = s.generation, len(s)
    rec = gold_inputs[2].records[0]
    broken = dataclasses.replace(
        gold_inputs[2], records=(dataclasses.replace(rec, body="NOT-AN-ORGAN"),)
    )
    with pytest.raises(ValueError, match="NOT-AN-ORGAN"):
        build_store(tmp_path, inputs=[*gold_inputs[:2], broken])
    with open_store(tmp_path, read_only=True) as s:
        assert (s.generation, len(s)) == (generation, size)
    assert not [p for p in tmp_path.iterdir() if ".tmp-" in p.name]


CHILD = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from graph.build import build_store
    from graph.rdf.document import DocumentInput
    from graph.rdf.records import read_jsonl, records_by_doc

    root, marker, gold, corpus = sys.argv[1:5]
    recs = records_by_doc(read_jsonl(Path(gold) / "citations.jsonl"))
    inputs = [DocumentInput.from_file(p, tuple(recs.get(p.name, ())))
              for p in sorted(Path(corpus).glob("*.txt"))]

    def progress(step, done, total):
        if done == 3:  # three documents written into the new generation, two to go
            Path(marker).write_text(step)
            time.sleep(120)

    build_store(root, inputs=inputs, progress=progress)
    """
)


@pytest.mark.timeout(120)
def test_a_build_killed_midway_leaves_the_old_complete_store(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    root, marker = tmp_path / "store", tmp_path / "midway"
    build_store(root, inputs=gold_inputs[:2])
    with open_store(root, read_only=True) as s:
        generation, size, manifest = s.generation, len(s), s.manifest()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(root), str(marker), str(ROOT / "tests" / "gold"),
         str(CORPUS)],
        cwd=ROOT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while not marker.exists():
            assert child.poll() is None, "the build ended before reaching the midpoint"
            assert time.monotonic() < deadline, "the build never reached the midpoint"
            time.sleep(0.05)
        half_built = [p for p in root.iterdir() if ".tmp-" in p.name]
        assert half_built, "no generation was being written when the build was killed"
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
    with open_store(root, read_only=True) as s:
        assert (s.generation, len(s), s.manifest()) == (generation, size, manifest)
    assert validate_store(root).conforms
    report = build_store(root, inputs=gold_inputs)  # the next build recovers
    assert report.generation == generation + 1
    assert not [p for p in root.iterdir() if ".tmp-" in p.name]
    assert len(open_store(root, read_only=True).manifest()) == 5


def test_readers_keep_their_generation_until_they_reopen(
    tmp_path: Path, gold_inputs: list[DocumentInput]
) -> None:
    build_store(tmp_path, inputs=gold_inputs[:1])
    reader = open_store(tmp_path, read_only=True)
    size = len(reader)
    assert not reader.is_stale()
    build_store(tmp_path, inputs=gold_inputs[:3])
    assert len(reader) == size
    assert reader.is_stale()
    fresh = reader.reopen()
    assert fresh.generation == reader.generation + 1 and len(fresh) > size


def test_old_generations_are_collected(tmp_path: Path) -> None:
    empty = [DocumentInput(name=f"{n}.txt", sha256=f"{n}" * 64, records=()) for n in range(1, 5)]
    for n in range(1, 5):
        build_store(tmp_path, inputs=empty[:n])
    gens = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("gen-"))
    assert gens == ["gen-000004"]  # no reader holds an older one: only the current one is kept
    assert (tmp_path / POINTER).read_text("utf-8").count("gen-000004") == 1


def test_one_build_at_a_time(tmp_path: Path, gold_inputs: list[DocumentInput]) -> None:
    with new_generation(tmp_path), pytest.raises(StoreError, match="another build"):
        build_store(tmp_path, inputs=gold_inputs[:1])


def test_opening_something_that_is_not_a_store_names_it(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", "utf-8")
    with pytest.raises(StoreError, match="not a resgraph store"):
        open_store(tmp_path, read_only=True)
    (tmp_path / POINTER).write_text('{"generation": 3, "dir": "gen-000003"}', "utf-8")
    with pytest.raises(StoreError, match="gen-000003"):
        open_store(tmp_path, read_only=True)


def test_a_bare_oxigraph_directory_opens_as_generation_zero(tmp_path: Path) -> None:
    raw = ox.Store(str(tmp_path))
    raw.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x")))
    raw.flush()
    del raw
    s = open_store(tmp_path, read_only=True)
    assert (s.generation, len(s)) == (0, 1)
