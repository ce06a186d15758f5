"""How the query commands print: JSON, rich tables, and a sentence where a table would be empty.

Why a sentence: an empty table with no word (``resgraph cycles``, ``assignments --actor NOPE``)
reads as a failure or a bug; "no citation cycles ..." says the query ran and found nothing.
``--json`` output stays machine-shaped (``[]``).

Example:
    >>> filters(actor="NOPE", organ=None)
    ' (actor NOPE)'
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

__all__ = ["emit_json", "filters", "join", "table"]


def emit_json(payload: Any) -> None:
    """Print ``payload`` as indented JSON (non-ASCII kept)."""
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def table(
    title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]], empty: str | None = None
) -> None:
    """Print the rows as a table; no rows and an ``empty`` sentence: print the sentence instead."""
    if not rows and empty is not None:
        typer.echo(empty)
        return
    out = Table(title=title, show_lines=False)
    for col in columns:
        out.add_column(col, overflow="fold")
    for row in rows:
        out.add_row(*("" if v is None else str(v) for v in row))
    Console(width=160).print(out)


def join(values: Sequence[str]) -> str:
    """``a, b, c``."""
    return ", ".join(values)


def filters(**given: str | list[str] | None) -> str:
    """`` (actor NOPE, organ wtsa)`` for the filters given, for "nothing matches" sentences."""
    said = [f"{k} {join(v) if isinstance(v, list) else v}" for k, v in given.items() if v]
    return f" ({', '.join(said)})" if said else ""
