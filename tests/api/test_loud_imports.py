"""A router or command module that does not import fails the app or the CLI, naming the module.

Why: skipping a module that fails to import made a renamed module's routes or subcommands vanish
with no error; the service would start and answer 404 where a route used to be.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import api.main
from api.cli import COMMAND_MODULES, app, register_all
from api.main import create_app
from api.settings import Settings


@pytest.fixture
def broken_module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The name of an importable module that raises while it is imported."""
    (tmp_path / "resgraph_broken_module.py").write_text("raise RuntimeError('half-edited')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "resgraph_broken_module", raising=False)
    return "resgraph_broken_module"


@pytest.mark.parametrize("kind", ["missing", "broken"])
def test_create_app_fails_naming_a_router_module_that_does_not_import(
    kind: str, broken_module: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = "api.routes.no_such_router" if kind == "missing" else broken_module
    monkeypatch.setattr(api.main, "ROUTERS", (*api.main.ROUTERS, name))
    with pytest.raises(ImportError, match=re.escape(name)) as info:
        create_app(Settings())
    assert info.value.name == name


def test_create_app_fails_on_a_module_without_a_router(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api.main, "ROUTERS", ("api.settings",))
    with pytest.raises(ImportError, match=re.escape("api.settings has no APIRouter")):
        create_app(Settings())


def test_every_router_module_is_mounted() -> None:
    paths = set(create_app(Settings()).openapi()["paths"])
    for prefix in ("/health", "/resolutions", "/path", "/stats", "/id/", "/sparql", "/viz"):
        assert any(p.startswith(prefix) for p in paths), prefix


@pytest.mark.parametrize("kind", ["missing", "broken"])
def test_the_cli_fails_naming_a_command_module_that_does_not_import(
    kind: str, broken_module: str
) -> None:
    name = "api.commands.no_such_cmds" if kind == "missing" else broken_module
    with pytest.raises(ImportError, match=re.escape(name)) as info:
        register_all(typer.Typer(), (*COMMAND_MODULES, name))
    assert info.value.name == name


def test_every_command_module_registers_its_subcommands() -> None:
    help_text = CliRunner().invoke(app, ["--help"]).output
    for command in ("extract", "build", "lineage", "serve", "viz", "bench"):
        assert command in help_text, command
