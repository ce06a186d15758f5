"""``resgraph bench``: run the benchmarks and write ``bench-report.json``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from api.bench import run_benchmarks

__all__ = ["register"]


def bench(
    only: Annotated[
        list[str] | None, typer.Option("--only", help="Run only benchmarks with this prefix.")
    ] = None,
    quick: Annotated[bool, typer.Option(help="Smaller inputs, for a smoke run.")] = False,
    report: Annotated[Path, typer.Option(help="Where to write the JSON report.")] = Path(
        "bench-report.json"
    ),
) -> None:
    """Run the benchmarks; print a table and write the JSON report."""
    console = Console(stderr=True)
    results = run_benchmarks(only=only, quick=quick, report=report, echo=console.print)
    table = Table(title="resgraph benchmarks")
    for col in ("name", "value", "unit", "baseline", "ratio", "target", "note"):
        table.add_column(col)
    for m in results:
        table.add_row(
            m.name,
            f"{m.value:,.3f}",
            m.unit,
            "" if m.baseline is None else f"{m.baseline:,.3f} ({m.baseline_name})",
            "" if m.ratio is None else f"{m.ratio:,.2f}x",
            m.target or "",
            m.note or "",
        )
    Console().print(table)
    console.print(f"report written to {report}")


def register(app: typer.Typer) -> None:
    """Add ``bench`` to the CLI."""
    app.command("bench")(bench)
