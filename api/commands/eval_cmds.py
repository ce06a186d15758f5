"""``resgraph eval``: extract each gold set's documents, compare with its gold, gate on targets.

Why a command: the numbers the README and the pull requests quote must come from one run anyone
can repeat; ``--check`` makes the same run a CI gate (non-zero exit below a target of any set).
Every set under ``--gold`` is scored: the seed annotations (documents in ``--corpus``) and each
subdirectory with its own ``texts/`` (``tests/gold/dev``: real passages written by others).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from extract import EvalReport, GoldSet, SetReport

__all__ = ["register", "run_eval", "run_eval_sets"]


def _extract(corpus: Path) -> tuple[list[object], dict[str, str], list[str]]:
    """(records, texts by document name, failures) of every document under ``corpus``."""
    from extract import DocumentError, extract_corpus

    records: list[object] = []
    texts: dict[str, str] = {}
    failed: list[str] = []
    for result in extract_corpus([corpus]):
        if isinstance(result, DocumentError):
            failed.append(str(result))
            continue
        records.extend(result.records())
        texts[result.doc.name] = result.doc.text
    return records, texts, failed


def run_eval(gold: Path, corpus: Path) -> tuple[EvalReport, list[str]]:
    """Extract ``corpus`` and evaluate it against the one gold set in ``gold``.

    Documents that fail to load are reported, not fatal: their gold records count as missed.

    Example:
        >>> report, failed = run_eval(Path("tests/gold"), Path("data/corpus"))  # doctest: +SKIP
        >>> report.value("assignment.operative.labels.exact.f1") >= 0.95  # doctest: +SKIP
        True
    """
    from extract import evaluate

    records, texts, failed = _extract(corpus)
    return evaluate(records, gold, texts=texts), failed


def run_eval_sets(gold_root: Path, corpus: Path) -> list[SetReport]:
    """Evaluate every gold set under ``gold_root`` (:func:`~extract.evaluation.discover_gold_sets`).

    Example:
        >>> reports = run_eval_sets(Path("tests/gold"), Path("data/corpus"))  # doctest: +SKIP
        >>> [r.gold.name for r in reports]  # doctest: +SKIP
        ['seeds', 'dev']
    """
    from extract import discover_gold_sets

    return [_run_set(s) for s in discover_gold_sets(gold_root, corpus)]


def _run_set(gold: GoldSet) -> SetReport:
    from extract import evaluate_set

    records, texts, failed = _extract(gold.corpus)
    return evaluate_set(records, gold, texts, failed)


def eval_command(
    gold: Annotated[
        Path,
        typer.Option(help="Gold directory: the seed set, and one subdirectory per further set."),
    ] = Path("tests/gold"),
    corpus: Annotated[
        Path | None,
        typer.Option(help="Documents of the seed set (default: RESGRAPH_CORPUS or data/corpus)."),
    ] = None,
    only: Annotated[
        str | None, typer.Option("--set", help="Score only this set (e.g. seeds, dev).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the reports as JSON.")] = False,
    check: Annotated[
        bool, typer.Option("--check", help="Exit with status 1 when a target is not met.")
    ] = False,
) -> None:
    """Extract each gold set's documents, compare with the gold, print P/R/F1 per set."""
    from api.settings import get_settings
    from extract import discover_gold_sets, format_sets

    corpus = corpus or get_settings().corpus
    if not gold.is_dir():
        raise typer.BadParameter(f"{gold}: not a directory", param_hint="--gold")
    if not corpus.is_dir():
        raise typer.BadParameter(f"{corpus}: not a directory", param_hint="--corpus")
    try:
        sets = discover_gold_sets(gold, corpus)
    except FileNotFoundError as exc:
        raise typer.BadParameter(str(exc), param_hint="--gold") from exc
    if only is not None:
        names = [s.name for s in sets]
        if only not in names:
            raise typer.BadParameter(
                f"no set {only!r}; sets: {', '.join(names)}", param_hint="--set"
            )
        sets = tuple(s for s in sets if s.name == only)
    reports = [_run_set(s) for s in sets]
    for r in reports:
        for line in r.failed:
            typer.echo(f"failed ({r.gold.name}): {line}", err=True)
    if as_json:
        typer.echo(json.dumps([r.to_json() for r in reports], ensure_ascii=False, indent=1))
    else:
        typer.echo(format_sets(reports), nl=False)
    if check and not all(r.passed for r in reports):
        raise typer.Exit(code=1)


def register(app: typer.Typer) -> None:
    """Add ``eval`` to the CLI."""
    app.command("eval")(eval_command)
