"""docs/operations.md names every limit the server has, by the variable that sets it.

Why: an operator reads that page to learn what a 503 meant and what to change; a limit added
to the settings without a line there would be invisible to them.
"""

from __future__ import annotations

from pathlib import Path

from api.settings import Settings

DOC = (Path(__file__).resolve().parents[2] / "docs" / "operations.md").read_text(encoding="utf-8")
LIMITS = [
    name
    for name in Settings.__dataclass_fields__
    if name.startswith(("sparql_", "rest_", "worker_"))
    or name.endswith(("_timeout", "_concurrency"))
]


def test_every_limit_is_in_the_operations_page() -> None:
    assert len(LIMITS) >= 14
    missing = [n for n in LIMITS if f"RESGRAPH_{n.upper()}" not in DOC]
    assert not missing, f"docs/operations.md does not name: {missing}"


def test_the_page_has_its_sections() -> None:
    for title in (
        "## Limits",
        "## Timeouts and isolation",
        "## Behind a reverse proxy",
        "## Builds",
    ):
        assert title in DOC
