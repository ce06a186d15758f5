"""The atomic swap: requests racing a swap see the old graph or the new one, never a mix."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from api.deps import AnswerCache, GraphHolder, GraphSnapshot
from api.main import create_app
from api.settings import Settings
from graph.build import build_store
from graph.store import open_store

URLS = ("/stats", "/resolutions/wtsa/44", "/conferences")


def test_racing_requests_get_whole_answers_from_one_graph(
    seed_store: Any, gold_inputs: list[Any], tmp_path: Path
) -> None:
    build_store(tmp_path / "b", inputs=gold_inputs[:-1])
    old = GraphSnapshot(seed_store, "a", "seed", cache=AnswerCache(0))
    new = GraphSnapshot(open_store(tmp_path / "b", read_only=True), "b", "b", cache=AnswerCache(0))
    holder = GraphHolder(old)
    with TestClient(create_app(Settings(cache_size=0), holder=holder)) as client:
        expected: dict[str, set[bytes]] = {u: {client.get(u).content} for u in URLS}
        holder.swap(new)
        for u in URLS:
            expected[u].add(client.get(u).content)
        assert all(len(v) == 2 for v in expected.values()), "the two graphs must differ"
        stop = threading.Event()
        seen: list[tuple[str, int, bytes]] = []

        def swapper() -> None:
            flip = [old, new]
            while not stop.is_set():
                holder.swap(flip[holder.swaps % 2])
                stop.wait(0.002)

        def hammer(url: str) -> None:
            for _ in range(8):
                r = client.get(url)
                seen.append((url, r.status_code, r.content))

        threads = [threading.Thread(target=hammer, args=(u,)) for u in URLS for _ in range(2)]
        flipper = threading.Thread(target=swapper)
        flipper.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        stop.set()
        flipper.join()
    assert holder.swaps > 10
    assert all(status == 200 for _, status, _ in seen)
    assert all(body in expected[url] for url, _, body in seen)
    answers = {(url, body) for url, _, body in seen}
    assert len(answers) > len(URLS), "the race never saw both graphs"


def test_refresh_swaps_only_when_the_generation_changes(seed_store: Any) -> None:
    calls: list[str] = []
    fresh = GraphSnapshot(seed_store, "2", "seed")

    def reload(current: str) -> GraphSnapshot | None:
        calls.append(current)
        return None if len(calls) == 1 else fresh

    holder = GraphHolder(GraphSnapshot(seed_store, "1", "seed"), reload)
    assert holder.refresh() is False and holder.current.generation == "1"
    assert holder.refresh() is True and holder.current is fresh
    assert calls == ["1", "1"] and holder.swaps == 1


def test_cached_answers_die_with_their_snapshot(
    seed_store: Any, gold_inputs: list[Any], tmp_path: Path
) -> None:
    build_store(tmp_path / "b", inputs=gold_inputs[1:])
    old = GraphSnapshot(seed_store, "a", "seed", cache=AnswerCache(100))
    new = GraphSnapshot(
        open_store(tmp_path / "b", read_only=True), "b", "b", cache=AnswerCache(100)
    )
    holder = GraphHolder(old)
    with TestClient(create_app(Settings(), holder=holder)) as client:
        first = client.get("/stats").content
        assert client.get("/stats").content == first and len(old.cache) >= 1
        entries = len(old.cache)
        assert client.get("/resolutions/wtsa/4400").status_code == 404
        assert len(old.cache) == entries  # errors are never stored
        holder.swap(new)
        after = client.get("/stats").content
    assert after != first and len(new.cache) >= 1


def test_answer_cache_is_bounded_in_entries_and_bytes() -> None:
    cache = AnswerCache(3, max_bytes=1600)
    for i in range(5):
        cache.put(i, b"x" * 50)
    assert len(cache) == 3 and cache.get(0) is None and cache.get(4) == b"x" * 50
    cache.put("big", b"y" * 101)  # over max_bytes / 16: not kept
    assert cache.get("big") is None
    for i in range(3):
        cache.put(("k", i), b"z" * 100)
    assert cache.bytes <= 1600 and len(cache) <= 3
    assert AnswerCache(0).get("a") is None
