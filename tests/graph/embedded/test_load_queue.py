"""The builder's queue of bulk loads (graph.embedded.build): a load queued behind another is
loaded, in full and once, and a load that fails discards the generation it was writing.

Why: the builder queues a batch while the previous one loads, and loads a new store's derived
and static graphs behind the last documents; a batch lost or loaded twice, or an error of a
queued load swallowed, would leave a store that differs from a build loading one batch at a time.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pyoxigraph as ox
import pytest

import graph.embedded.build as build
from graph import SynthSpec, build_store, render_input, synthetic_inputs
from graph.embedded.store import current_generation, open_embedded
from graph.rdf.workers import RenderedDocument


def _rendered() -> list[RenderedDocument]:
    return [render_input(d) for d in synthetic_inputs(SynthSpec(works=60, seed=3))]


def _build(root: Path, rendered: list[RenderedDocument]) -> int:
    folder = root.parent / f"{root.name}-files"
    folder.mkdir(exist_ok=True)
    paths = []
    for r in rendered:
        (folder / r.name).write_bytes(b"")
        paths.append(folder / r.name)
    return build_store(root, paths, extractor=lambda _: iter(rendered)).triples


def _quads(root: Path) -> set[bytes]:
    modified = b"/dc/terms/modified>"  # the manifest's build time
    with open_embedded(root, read_only=True) as s:
        text = s.store.dump(format=ox.RdfFormat.N_QUADS) or b""
    return {line for line in text.splitlines() if modified not in line}


def test_many_queued_batches_load_what_one_batch_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = _rendered()
    one = _build(tmp_path / "one", rendered)
    # a batch per document or two: the queue is full at almost every document
    monkeypatch.setattr(build, "FIRST_BATCH_BYTES", 1)
    monkeypatch.setattr(build, "BATCH_BYTES", 1)
    many = _build(tmp_path / "many", rendered)
    with open_embedded(tmp_path / "many", read_only=True) as s:
        assert many == one == len(s)
    assert _quads(tmp_path / "many") == _quads(tmp_path / "one")


def test_a_queued_load_that_fails_discards_the_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rendered = _rendered()
    root = tmp_path / "store"
    _build(root, rendered[:3])
    before = _quads(root)
    monkeypatch.setattr(build, "FIRST_BATCH_BYTES", 1)
    monkeypatch.setattr(build, "BATCH_BYTES", 1)
    bad = rendered[5]
    rendered[5] = dataclasses.replace(bad, nquads=bad.nquads + b"<urn:a> <urn:b> .\n")
    with pytest.raises(SyntaxError):
        _build(root, rendered)
    assert current_generation(root) == (1, root / "gen-000001")
    assert sorted(p.name for p in root.iterdir() if p.name.startswith("gen-")) == ["gen-000001"]
    assert _quads(root) == before
