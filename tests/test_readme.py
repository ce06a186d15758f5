"""The README stays true: every route, setting and subcommand it should mention is there.

Why: the README is the newcomer's only guide; a route or setting added without a line there is
invisible to them. The lists come from the code (the app's OpenAPI document, the Settings
dataclass, the typer app), so the test follows the project as it grows.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from typer.main import get_command

from api.cli import app
from api.main import create_app
from api.settings import Settings

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_the_two_commands_come_first() -> None:
    quick = README.index("## Quickstart")
    assert "make serve" in README[quick : quick + 800]
    assert "make test" in README[quick : quick + 800]


def test_every_subcommand_is_documented() -> None:
    names = sorted(get_command(app).commands)  # type: ignore[attr-defined]
    assert len(names) > 10
    missing = [n for n in names if not re.search(rf"resgraph[^\n]*\b{re.escape(n)}\b", README)]
    assert not missing, f"subcommands missing from README: {missing}"


def test_every_route_is_documented(tmp_path: Path) -> None:
    paths = create_app(Settings(store=tmp_path / "none")).openapi()["paths"]
    missing = []
    for path in paths:
        head = "/" + path.strip("/").split("/")[0]
        if head not in README:
            missing.append(path)
    assert not missing, f"routes missing from README: {missing}"


def test_every_setting_is_documented() -> None:
    fields = [f.name for f in dataclasses.fields(Settings)]
    env = {"base_iri": "RESGRAPH_BASE"}
    missing = [name for name in fields if env.get(name, f"RESGRAPH_{name.upper()}") not in README]
    assert not missing, f"settings missing from README: {missing}"
