"""The package layout the project promises: data flows extract -> graph -> api, never back.

Why a test: an import from graph/ into api/ (or extract/ into graph/) compiles and runs, and would
quietly tie the stages together; only a check of the import statements catches it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

FORBIDDEN = {
    "extract": {"graph", "api"},
    "graph": {"api"},
}


def imported_top_levels(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_stage_does_not_import_later_stages(package: str) -> None:
    offenders = []
    for path in sorted((ROOT / package).rglob("*.py")):
        bad = imported_top_levels(path) & FORBIDDEN[package]
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert not offenders, "\n".join(offenders)


def test_top_level_layout_is_the_users() -> None:
    for name in ("pyproject.toml", "graph", "extract", "api", "ontology", "notebooks", "tests"):
        assert (ROOT / name).exists(), f"missing top-level {name}"
    assert (ROOT / "data" / "corpus").is_dir()
    seeds = sorted(p.name for p in (ROOT / "data" / "corpus").iterdir())
    assert len([s for s in seeds if s.endswith(".txt")]) >= 5


def test_the_project_never_reads_the_shared_folder() -> None:
    """A user's clone has no ../shared: no code or test may point there."""
    offenders = []
    for pattern in ("extract/**/*.py", "graph/**/*.py", "api/**/*.py", "tests/**/*.py"):
        for path in ROOT.glob(pattern):
            if path == Path(__file__).resolve():
                continue
            text = path.read_text(encoding="utf-8")
            if "../shared" in text or "/work/shared" in text:
                offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, offenders
