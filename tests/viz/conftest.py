"""Fixtures of the viz tests: a citation network, a served app, and a headless Chromium.

The network is built from the seed store when graph/'s ``citation_network`` and the
``seed_store`` fixture work; until then (and as a second, independent source) it is built from
the hand-made gold annotations in tests/gold, which are real citations read from the seeds,
in the shape graph/network.py documents (short ids; organ/number/label/has_text on nodes;
section/document/paragraph/surface on edges).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import networkx as nx
import pytest
from browser_pages import VIEWPORT, Page

from api.viz.data import VizSource
from extract import section_kind_of

GOLD = Path(__file__).resolve().parents[1] / "gold"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-quic",
    "--no-first-run",
    "--disable-sync",
]


def _records(name: str) -> list[dict[str, Any]]:
    lines = (GOLD / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def gold_network(
    level: str = "work",
) -> tuple[nx.DiGraph, list[tuple[str, str, tuple[str, ...], str]]]:
    """The citation network and bureau assignments the gold annotations describe."""
    hosts: dict[tuple[str, str], tuple[str, int | None]] = {}
    net = nx.DiGraph()

    def node_id(body: str, number: str, year: int | None) -> str:
        base = f"{body.lower()}/{number}"
        return f"{base}/{year}" if level == "version" and year else base

    for h in _records("headings.jsonl"):
        if h["body"] in (None, "unknown") or not str(h["number"]).isdigit():
            continue
        hosts[(h["doc"], h["number"])] = (h["body"], h.get("version_year"))
        nid = node_id(h["body"], h["number"], h.get("version_year"))
        net.add_node(nid, organ=h["body"], number=h["number"], label=h.get("title"),
                     has_text=True, year=h.get("version_year"))  # fmt: skip
    for c in _records("citations.jsonl"):
        if c["role"] != "citation" or c["kind"] != "resolution" or c["body"] == "unknown":
            continue
        host = hosts.get((c["doc"], c.get("host")))
        if host is None or not str(c["number"]).isdigit():
            continue
        source = node_id(host[0], c["host"], host[1])
        target = node_id(c["body"], c["number"], c.get("year"))
        if target not in net:
            year = c.get("year") if level == "version" else None
            net.add_node(target, organ=c["body"], number=c["number"], label=None,
                         has_text=False, year=year)  # fmt: skip
        if net.has_edge(source, target):
            net.edges[source, target]["count"] += 1
            continue
        # the gold names sections; their kind comes from the extractor's table, as for any
        # record read from JSON
        kinds = [k for k in (section_kind_of(c.get("section")),) if k]
        net.add_edge(source, target, section=c.get("section"), paragraph=c.get("paragraph"),
                     section_kinds=kinds, document=c["doc"], surface=c["surface"],
                     count=1)  # fmt: skip
    rows = []
    for a in _records("assignments.jsonl"):
        body = a.get("resolution_body")
        host = next(
            (b for (d, n), (b, _) in hosts.items() if d == a["doc"] and n == a["resolution"]), None
        )
        body = body or host
        if not body or not str(a.get("resolution", "")).isdigit():
            continue
        for addressee in a.get("addressees") or [a["addressee"]]:
            rows.append((f"{body.lower()}/{a['resolution']}", addressee,
                         tuple(a.get("collaborators") or ()), a["verb"]))  # fmt: skip
    return net, rows


@pytest.fixture(scope="session")
def gold_source() -> VizSource:
    """A work-level VizSource built from the gold annotations."""
    net, rows = gold_network("work")
    return VizSource(net=net, assignments=tuple(rows), level="work")


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's chromium, or a skip (a failure under CI=true) naming how to install it."""
    if Path(CHROMIUM).exists() or shutil.which("chromium"):
        return CHROMIUM if Path(CHROMIUM).exists() else str(shutil.which("chromium"))
    message = "headless Chromium is missing: run `sudo apt-get install -y chromium`"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium_path: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A Playwright browser on Debian's chromium (never a downloaded one)."""
    sync_api = pytest.importorskip("playwright.sync_api")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS,
            viewport={"width": 1400, "height": 900},
        )  # fmt: skip
        yield context
        context.close()


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def serve() -> Iterator[Any]:
    """Start a real uvicorn server for an app in a thread; returns a function app -> base URL."""
    import uvicorn

    servers: list[tuple[Any, threading.Thread]] = []

    def start(app: Any) -> str:
        port = free_port()
        server = uvicorn.Server(
            uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        )
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        assert server.started, "uvicorn did not start"
        servers.append((server, thread))
        return f"http://127.0.0.1:{port}"

    yield start
    for server, thread in servers:
        server.should_exit = True
        thread.join(timeout=5)


CORPUS = Path(__file__).resolve().parents[2] / "data" / "corpus"


@pytest.fixture(scope="session")
def seed_store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real store built from data/corpus by graph.build (the same code as `resgraph build`)."""
    from graph.build import build_store

    root = tmp_path_factory.mktemp("viz-store")
    build_store(root, [CORPUS])
    return root


@pytest.fixture(scope="session")
def seed_store(seed_store_dir: Path) -> Iterator[Any]:
    """The built seed store, opened read-only."""
    from graph.store import open_store

    store = open_store(seed_store_dir, read_only=True)
    yield store
    close = getattr(store, "close", None)
    if callable(close):
        close()


@pytest.fixture(scope="module")
def app_url(serve: Any, seed_store: Any) -> str:
    from api.main import create_app
    from api.settings import Settings

    return str(serve(create_app(Settings(), store=seed_store)))


@pytest.fixture
def opened(browser: Any) -> Iterator[Any]:
    pages: list[Page] = []

    def open_page(url: str) -> Page:
        page = browser.new_page()
        page.set_viewport_size(VIEWPORT)
        p = Page(page, str(urlparse(url).hostname))
        pages.append(p)
        page.goto(url)
        return p

    yield open_page
    for p in pages:
        assert not p.errors, (p.errors, p.outside)
        assert not p.outside, p.outside
        p.page.close()
