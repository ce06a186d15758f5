"""The ``resgraph`` command: thin wrappers over the library functions of extract/, graph/, api/.

Why thin: every subcommand only parses its arguments and calls one library function, so the API,
the notebooks and the CLI share one implementation. Subcommands live in ``api/commands/`` by stage;
each module exposes ``register(app)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable

import typer
from typer.core import TyperCommand

from api.commands.exit_codes import EPILOG
from api.commands.flags import FlagCommand, FlagGroup

__all__ = ["COMMAND_MODULES", "app", "main", "register_all"]

app = typer.Typer(
    name="resgraph",
    help="A knowledge graph of cross-referenced ITU resolutions: extract, build, query, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    cls=FlagGroup,
    epilog=EPILOG,
)

COMMAND_MODULES: tuple[str, ...] = (
    "api.commands.extract_cmds",
    "api.commands.eval_cmds",
    "api.commands.build_cmds",
    "api.commands.graph_cmds",
    "api.commands.query_cmds",
    "api.commands.proposals_cmds",
    "api.commands.serve_cmds",
    "api.commands.viz_cmds",
    "api.commands.bench_cmds",
)


@app.callback()
def _root() -> None:
    """resgraph: extract ITU resolutions into an RDF graph, query it, serve it."""


def register_all(target: typer.Typer, modules: Iterable[str] = COMMAND_MODULES) -> None:
    """Add the subcommands of every module to ``target``.

    Raises:
        ImportError: naming the module that failed to import or has no ``register(app)`` (a
            renamed or broken module must fail the CLI, not silently drop its subcommands).
    """
    for name in modules:
        try:
            module = importlib.import_module(name)
        except Exception as exc:
            raise ImportError(f"command module {name} failed to import: {exc}", name=name) from exc
        register = getattr(module, "register", None)
        if not callable(register):
            raise ImportError(f"command module {name} has no register(app)", name=name)
        register(target)
    for info in target.registered_commands:  # flags shown and parsed as flags (api.commands.flags)
        if info.cls in (None, TyperCommand):
            info.cls = FlagCommand


register_all(app)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
