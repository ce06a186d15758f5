"""What the browser tests share: the viewport, screenshots, and a page that fails on the web.

A :class:`Page` records console errors and blocks (and records) every request that leaves the
server, so a test that uses it proves the page works on a machine without internet.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

VIEWPORT = {"width": 1440, "height": 900}


def save_shot(page: Any, name: str, tmp_path: Path) -> Path:
    """A 1440x900 screenshot in tmp_path, copied to $RESGRAPH_SCREENSHOTS when set."""
    shot = tmp_path / name
    page.screenshot(path=str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    target = os.environ.get("RESGRAPH_SCREENSHOTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, Path(target) / name)
    return shot


class Page:
    """A browser page that records console errors and every request outside the server."""

    def __init__(self, page: Any, host: str) -> None:
        self.page = page
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.local: list[str] = []
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

        def route(r: Any) -> None:
            url = urlparse(r.request.url)
            if url.scheme in ("data", "blob") or url.hostname == host:
                self.local.append(r.request.url)
                r.continue_()
            else:
                self.outside.append(r.request.url)
                r.abort()

        page.route("**/*", route)
