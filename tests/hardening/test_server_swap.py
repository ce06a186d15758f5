"""Issue 16, case 13 (warm swap): a rebuilt store is swapped in only once its workers are ready.

A real server serves a store built from four seed documents; the store is rebuilt with the fifth
while it serves. The moment ``/health`` first reports the new generation, the new generation's
query workers must already exist (they were started, had the store opened and the citation
network built, before the swap), and the first lookups and deep walks after the swap answer from
the new graph. The old generation's workers stay until no request uses them.
"""

from __future__ import annotations

import json
import shutil
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from api.bench.api_bench import server_process
from graph import build_store

ROOT = Path(__file__).resolve().parents[2]
ENV = {"RESGRAPH_RELOAD_INTERVAL": "0.2", "RESGRAPH_SPARQL_WORKERS": "2"}
WORKERS_PER_GENERATION = 4  # 2 SPARQL + 2 REST (the defaults)


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            out += [int(x) for x in (task / "children").read_text().split()]
    except OSError:
        pass
    return out


def _get(url: str) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


@pytest.mark.slow
def test_a_rebuilt_store_is_swapped_in_warm(tmp_path: Path) -> None:
    corpus = sorted((ROOT / "data" / "corpus").iterdir())
    partial = tmp_path / "partial"
    partial.mkdir()
    for doc in corpus[:-1]:
        shutil.copy(doc, partial / doc.name)
    store = tmp_path / "store"
    build_store(store, [partial])
    with server_process(store, env=ENV) as (port, proc):
        url = f"http://127.0.0.1:{port}"
        generation = _get(f"{url}/health")[1]["generation"]
        old = {w for c in _children(proc.pid) for w in _children(c)}
        assert len(old) == WORKERS_PER_GENERATION  # warmed at start-up, before serving
        before = _get(f"{url}/stats")[1]

        shutil.copy(corpus[-1], partial / corpus[-1].name)
        build_store(store, [partial])
        for _ in range(3000):  # the watcher looks every 0.2 s; a hang fails the test's timeout
            health = _get(f"{url}/health")[1]
            if health["generation"] != generation:
                break
        # At the first answer from the new generation its workers are there already.
        now = {w for c in _children(proc.pid) for w in _children(c)}
        assert len(now - old) >= WORKERS_PER_GENERATION, (old, now)
        assert health["generation"] != generation

        after = _get(f"{url}/stats")[1]
        assert after != before and after["versions"] >= before["versions"]
        top = after["most_cited"][0]["id"]
        assert _get(f"{url}/resolutions/{top}")[0] == 200
        assert _get(f"{url}/resolutions/{top}/impact?depth=5")[0] == 200
