"""The ``sparql`` subcommand: a SELECT query, typed or read from ``@FILE``, printed as a table,
JSON or CSV.

Why apart from :mod:`api.commands.query_cmds`: it runs the user's own query rather than a named
one, so it has its own input (a file) and output formats; it is registered with the other query
commands by :func:`api.commands.query_cmds.register`.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated

import typer

from api.commands.output import emit_json as _emit_json
from api.commands.output import table as _table
from api.commands.query_options import StoreOpt, _opened, _run

__all__ = ["sparql_cmd"]


def sparql_cmd(
    query: Annotated[str, typer.Argument(help="A SELECT query, or @FILE to read it from a file.")],
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(help="Print at most this many rows.")] = None,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL SELECT query on the store."""
    from api.sparql.syntax import one_line_errors
    from graph import run_select

    if fmt not in {"table", "json", "csv"}:
        typer.echo(f"error: unknown format {fmt!r}; valid: table, json, csv", err=True)
        raise typer.Exit(2)
    text = _query_text(query)
    with _opened(store) as st:
        result = _run(lambda: one_line_errors(lambda: run_select(st, text, limit=limit), text))
    if fmt == "json":
        return _emit_json([dict(zip(result.columns, row, strict=True)) for row in result.rows])
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        typer.echo(buf.getvalue(), nl=False)
        return None
    _table(f"{len(result.rows)} rows", result.columns, result.rows, empty="0 rows: nothing matched")
    return None


def _query_text(query: str) -> str:
    """The query, or the text of the file ``@FILE`` names (exit 2 naming a file not readable)."""
    if not query.startswith("@"):
        return query
    try:
        return Path(query[1:]).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        typer.echo(f"error: {query[1:]}: {reason.lower()}", err=True)
        raise typer.Exit(2) from None
