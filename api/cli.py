"""The ``resgraph`` command: thin wrappers over the library functions of extract/, graph/, api/.

Why thin: every subcommand only parses its arguments and calls one library function, so the API,
the notebooks and the CLI share one implementation. Subcommands live in ``api/commands/`` by stage;
each module exposes ``register(app)``.
"""

from __future__ import annotations

import importlib

import typer

__all__ = ["app", "main"]

app = typer.Typer(
    name="resgraph",
    help="A knowledge graph of cross-referenced ITU resolutions: extract, build, query, serve.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

COMMAND_MODULES: tuple[str, ...] = (
    "api.commands.extract_cmds",
    "api.commands.eval_cmds",
    "api.commands.graph_cmds",
    "api.commands.query_cmds",
    "api.commands.serve_cmds",
    "api.commands.viz_cmds",
    "api.commands.bench_cmds",
)


@app.callback()
def _root() -> None:
    """resgraph: extract ITU resolutions into an RDF graph, query it, serve it."""


def _register_all() -> None:
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        module.register(app)


_register_all()


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":
    main()
