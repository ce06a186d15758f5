"""The module map (docs/architecture.md) and CONTRIBUTING.md stay true to the tree.

Why: they answer a newcomer's "where do I add X?". A subpackage added without a line in the map,
or a module moved while the docs still point at its old path, would send them to the wrong place;
the lists here come from the tree itself, so the check follows the project as it grows.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MAP = ROOT / "docs" / "architecture.md"
DOCS = ("docs/architecture.md", "CONTRIBUTING.md")
PACKAGES = ("extract", "graph", "api", "ontology")
# A path in backticks: relative, with at least one slash and no spaces (`/viz` is a route).
PATH = re.compile(r"`([A-Za-z0-9_.*-]+(?:/[A-Za-z0-9_.*-]*)+)`")


def paths_in(text: str) -> set[str]:
    return {m[1] for m in PATH.finditer(text) if not m[1].startswith(("http", "/"))}


def packages() -> list[str]:
    """Every package and subpackage of the code, as ``extract/text/``."""
    found = []
    for top in PACKAGES:
        for init in sorted((ROOT / top).rglob("__init__.py")):
            found.append(init.parent.relative_to(ROOT).as_posix() + "/")
    return found


def test_every_package_and_subpackage_is_in_the_map() -> None:
    named = paths_in(MAP.read_text(encoding="utf-8"))
    missing = [p for p in packages() if p not in named]
    assert len(packages()) > 15
    assert not missing, f"docs/architecture.md does not name: {missing}"


@pytest.mark.parametrize("doc", DOCS)
def test_every_path_named_exists(doc: str) -> None:
    named = paths_in((ROOT / doc).read_text(encoding="utf-8"))
    assert len(named) > 5
    missing = sorted(p for p in named if not any(ROOT.glob(p.rstrip("/"))))
    assert not missing, f"{doc} names paths that do not exist: {missing}"


def test_the_map_says_where_to_add_things_and_the_readme_links_to_it() -> None:
    text = MAP.read_text(encoding="utf-8")
    for thing in ("A citation form", "A query", "A route", "A CLI command"):
        assert f"**{thing}**" in text, thing
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert "docs/architecture.md" in contributing
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "CONTRIBUTING.md" in readme and "docs/architecture.md" in readme
