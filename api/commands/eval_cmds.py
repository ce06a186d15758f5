"""``resgraph eval``: extract the corpus, compare with the gold, print P/R/F1 (and gate on targets).

Why a command: the numbers the README and the pull requests quote must come from one run anyone
can repeat; ``--check`` makes the same run a CI gate (non-zero exit below a target).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from extract.evaluate import EvalReport

__all__ = ["register", "run_eval"]


def run_eval(gold: Path, corpus: Path) -> tuple[EvalReport, list[str]]:
    """Extract ``corpus`` and evaluate it against ``gold``; returns (report, failed documents).

    Documents that fail to load are reported, not fatal: their gold records count as missed.

    Example:
        >>> report, failed = run_eval(Path("tests/gold"), Path("data/corpus"))  # doctest: +SKIP
        >>> report.value("assignment.operative.labels.exact.f1") >= 0.95  # doctest: +SKIP
        True
    """
    from extract.corpus import extract_corpus
    from extract.evaluate import evaluate
    from extract.exceptions import DocumentError

    records: list[object] = []
    failed: list[str] = []
    for result in extract_corpus([corpus]):
        if isinstance(result, DocumentError):
            failed.append(str(result))
            continue
        records.extend(result.records())
    return evaluate(records, gold), failed


def eval_command(
    gold: Annotated[Path, typer.Option(help="Directory of the gold JSONL files.")] = Path(
        "tests/gold"
    ),
    corpus: Annotated[
        Path | None,
        typer.Option(help="Directory of the documents (default: RESGRAPH_CORPUS or data/corpus)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Exit with status 1 when a target is not met.")
    ] = False,
) -> None:
    """Extract the corpus, compare with the gold, print precision/recall/F1 per category."""
    from api.settings import get_settings
    from extract.evaluate import format_report

    corpus = corpus or get_settings().corpus
    if not gold.is_dir():
        raise typer.BadParameter(f"{gold}: not a directory", param_hint="--gold")
    if not corpus.is_dir():
        raise typer.BadParameter(f"{corpus}: not a directory", param_hint="--corpus")
    report, failed = run_eval(gold, corpus)
    for line in failed:
        typer.echo(f"failed: {line}", err=True)
    if as_json:
        typer.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=1))
    else:
        typer.echo(format_report(report))
    if check and not report.passed:
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add ``eval`` to the CLI."""
    app.command("eval")(eval_command)
