"""The build lock of a remote store, on a real Virtuoso: one builder at a time, nothing lost.

Each test uses its own base IRI, so its lock, graphs and manifest are its own on the shared
server.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from api.cli import app
from graph.build import build_store
from graph.remote.lock import BuildLockedError, lock_graph_iri, remote_build_lock
from graph.remote.store import RemoteStore

pytestmark = pytest.mark.slow  # a real Virtuoso server (~5 s to start) and builds into it

LOCK_QUERY = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"


def _lock_entries(url: str, base: str) -> list[Any]:
    with RemoteStore(url, base=base) as store:
        return list(store.query(LOCK_QUERY, graphs=[lock_graph_iri(base)]))


def test_a_build_is_refused_while_another_holds_the_lock(virtuoso: str, stores: Any) -> None:
    base = "https://example.org/locked/"
    docs = list(stores.inputs)[:2]
    with RemoteStore(virtuoso, base=base) as other, remote_build_lock(other) as holder:
        with pytest.raises(BuildLockedError, match=f"another build is running.*{holder}"):
            build_store(virtuoso, inputs=docs, base=base)
        with RemoteStore(virtuoso, base=base) as reader:
            assert reader.generation == 0  # the refused build wrote nothing
    report = build_store(virtuoso, inputs=docs, base=base)  # the lock is gone with its holder
    assert report.generation == 1 and len(report.added) == 2
    assert _lock_entries(virtuoso, base) == []


def test_a_failed_build_releases_the_lock(virtuoso: str, stores: Any) -> None:
    base = "https://example.org/failing/"

    def broken(files: Any) -> Any:
        raise RuntimeError("extractor crashed")

    with pytest.raises(RuntimeError, match="extractor crashed"):
        build_store(virtuoso, [Path("data/corpus")], base=base, extractor=broken)
    assert _lock_entries(virtuoso, base) == []
    assert build_store(virtuoso, inputs=list(stores.inputs)[:1], base=base).generation == 1


def test_racing_builders_never_both_hold_the_lock(virtuoso: str) -> None:
    base = "https://example.org/race/"
    held: list[str] = []
    refused: list[str] = []
    inside = threading.Lock()
    overlaps: list[bool] = []

    def contender() -> None:
        with RemoteStore(virtuoso, base=base) as store:
            try:
                with remote_build_lock(store) as who:
                    overlaps.append(not inside.acquire(blocking=False))
                    held.append(who)
                    threading.Event().wait(0.2)
                    inside.release()
            except BuildLockedError as exc:
                refused.append(str(exc))

    threads = [threading.Thread(target=contender) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(held) + len(refused) == 4 and len(held) <= 1
    assert not any(overlaps)
    assert _lock_entries(virtuoso, base) == []


def test_break_lock_removes_a_lock_left_by_a_dead_build(virtuoso: str, stores: Any) -> None:
    base = "https://example.org/orphan/"
    graph = lock_graph_iri(base)
    with RemoteStore(virtuoso, base=base) as store:  # what a killed builder leaves behind
        store.update(
            f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:uuid:dead> "
            '<http://purl.org/dc/terms/creator> "gone-host:4242" ; '
            '<http://purl.org/dc/terms/created> "2026-01-01T00:00:00Z"^^'
            "<http://www.w3.org/2001/XMLSchema#dateTime> } }"
        )
    with pytest.raises(BuildLockedError, match=r"gone-host:4242 since 2026-01-01"):
        build_store(virtuoso, inputs=list(stores.inputs)[:1], base=base)
    report = build_store(virtuoso, inputs=list(stores.inputs)[:1], base=base, break_lock=True)
    assert report.generation == 1
    assert _lock_entries(virtuoso, base) == []


def test_cli_names_the_holder_and_the_way_out(virtuoso: str, monkeypatch: Any) -> None:
    base = "https://example.org/cli-lock/"
    monkeypatch.setenv("RESGRAPH_BASE", base)
    with RemoteStore(virtuoso, base=base) as store, remote_build_lock(store):
        result = CliRunner().invoke(app, ["build", "data/corpus", "--store", virtuoso])
    assert result.exit_code == 1
    assert "another build is running" in result.output and "--break-lock" in result.output
