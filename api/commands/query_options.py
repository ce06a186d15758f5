"""What every query subcommand shares: the ``--store`` and ``--json`` options, opening the store
read-only, and mapping query errors to exit codes.

Why a module of its own: the query commands are split by question (:mod:`api.commands.query_cmds`,
:mod:`api.commands.listing_cmds`, :mod:`api.commands.sparql_cmd`,
:mod:`api.commands.proposals_cmds`) and all behave alike: a missing store exits 1 naming it, an
unknown id exits 1 with a "did you mean" line, a bad argument exits 2.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.settings import get_settings

if TYPE_CHECKING:
    from graph import Store

__all__ = ["JsonOpt", "OrganOpt", "StoreOpt"]

StoreOpt = Annotated[
    Path | None,
    typer.Option("--store", help="Store directory (default: RESGRAPH_STORE or data/store)."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]
OrganOpt = Annotated[
    list[str] | None, typer.Option("--organ", help="Only these organs (repeatable): wtsa, pp...")
]


@contextmanager
def _opened(store_dir: Path | None) -> Iterator[Store]:
    """Open the store read-only; a missing directory is a clear error, not a traceback."""
    from graph import open_store, parse_store_url

    path = store_dir or get_settings().store
    if parse_store_url(path) is None and not Path(path).exists():
        typer.echo(f"error: store {path} does not exist; run `resgraph build` first", err=True)
        raise typer.Exit(1)
    with open_store(path, read_only=True) as store:
        yield store


def _run(fn: Callable[[], Any]) -> Any:
    """Call a query; map lookup errors to exit 1 and bad arguments to exit 2."""
    from graph import ResolutionNotFound

    try:
        return fn()
    except ResolutionNotFound as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
