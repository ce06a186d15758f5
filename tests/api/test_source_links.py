"""Every REST row read from a text links to that text: on a real server (uvicorn) over the seed
corpus built by the extractor, each ``source_view`` of a dependency/impact edge, a path edge, an
assignment and an outdated citation answers 200, and the stored text at the anchor's offsets is
the row's surface. Assignment rows name resources that exist (a clause in a NOC entry belongs to
the confirmed version or the work, not to a version the confirming conference never adopted).
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.bench.api_bench import serving
from graph import build_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
VIEW = re.compile(r"^/documents/([0-9a-f]{16})#([cha])-(\d+)-(\d+)$")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real server on data/corpus built as ``resgraph build data/corpus`` builds it."""
    root = tmp_path_factory.mktemp("source-links-store")
    report = build_store(root, [CORPUS])
    assert not report.failed, report.failed
    with serving(root, env={"RESGRAPH_RELOAD_INTERVAL": "0"}) as port:
        yield f"http://127.0.0.1:{port}"


def _get(url: str, accept: str = "application/json") -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _json(url: str) -> Any:
    status, body = _get(url)
    assert status == 200, (url, body[:300])
    return json.loads(body)


@pytest.fixture(scope="module")
def rows(server: str) -> dict[str, list[dict[str, Any]]]:
    """Every row with a mention that the REST routes give on the seed graph, by route kind."""
    works: list[str] = []
    total = 1
    while len(works) < total:
        page = _json(f"{server}/resolutions?limit=200&offset={len(works)}")
        works += [r["id"] for r in page["items"]]
        total = page["total"] if page["items"] else 0
    assert works
    edges: list[dict[str, Any]] = []
    for work in works:
        for hop in ("dependencies", "impact"):
            edges += _json(f"{server}/resolutions/{work}/{hop}?depth=1")["edges"]
    path = _json(f"{server}/path?from=wtsa/44&to=pp/123")
    return {
        "edges": edges,
        "path": path["edges"] if path else [],
        "assignments": _json(f"{server}/assignments")["hits"],
        "outdated": _json(f"{server}/citations/outdated")["items"],
    }


def test_every_row_from_a_known_document_has_a_source_view(
    rows: dict[str, list[dict[str, Any]]],
) -> None:
    for kind, found in rows.items():
        assert found, kind
        for row in found:
            assert "source_view" in row, (kind, row)
            assert (row["source_view"] is None) == (row["document"] is None), (kind, row)
            if row["source_view"]:
                assert VIEW.match(row["source_view"]), (kind, row)


def test_every_source_view_answers_and_its_offsets_hold_the_surface(
    server: str, rows: dict[str, list[dict[str, Any]]]
) -> None:
    texts: dict[str, str] = {}
    pages: dict[str, str] = {}
    checked = 0
    for kind, found in rows.items():
        for row in found:
            if not row["source_view"]:
                continue
            link = row["source_view"]
            m = VIEW.match(link)
            assert m, link
            key, anchor, start, end = m.group(1), m.group(2), int(m.group(3)), int(m.group(4))
            assert anchor == ("a" if kind == "assignments" else "c"), (kind, link)
            if key not in pages:
                status, body = _get(server + link.split("#")[0], accept="text/html")
                assert status == 200, link
                pages[key] = body.decode("utf-8")
                texts[key] = _json(f"{server}/documents/{key}?format=json")["text"]
            assert f'id="{link.split("#")[1]}"' in pages[key], (kind, link)
            assert texts[key][start:end] == row["surface"], (kind, row)
            checked += 1
    assert checked >= sum(len(found) for found in rows.values()) // 2


def test_assignment_rows_name_existing_resolutions(
    server: str, rows: dict[str, list[dict[str, Any]]]
) -> None:
    """Each row's resolution answers; NOC rows (a conference confirming a text unchanged) keep
    the confirming conference while naming the confirmed version or the work."""
    hits = rows["assignments"]
    seen: dict[str, int] = {}
    for hit in hits:
        rid = hit["resolution"]
        if rid not in seen:
            seen[rid] = _get(f"{server}/resolutions/{rid}")[0]
        assert seen[rid] == 200, hit
    noc = [
        h
        for h in hits
        if h["conference"] and not h["resolution"].endswith("/" + h["conference"].rsplit("-", 1)[1])
    ]
    assert noc  # the seed's ITU-D table of WTSA-20 confirms resolutions unchanged
    for hit in noc:
        year = hit["resolution"].split("/")[2:]
        assert not year or int(year[0]) < int(hit["conference"].rsplit("-", 1)[1]), hit
