"""``resgraph build`` and ``resgraph add``: bring the store up to date with documents.

Why two commands: ``build PATH`` makes the store exactly PATH's documents (so a file removed from
the corpus leaves the graph), while ``add PATH`` adds or updates PATH's documents and keeps every
other one. ``build`` on a path that misses documents of the store would silently empty it of
them, so it names them first and drops them only when told: ``--prune``, or a "yes" typed at a
terminal. Without a terminal (scripts, CI, ``make``) it never waits for an answer: it refuses
with exit code 4 (:mod:`api.commands.exit_codes`).

A file that cannot be extracted is named on stderr with its reason; every other document is
built and kept, and the command exits 3 so that a script notices.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from api.commands import exit_codes
from api.commands.graph_cmds import StoreOpt, fail, location, parallel_extractor
from api.settings import get_settings

if TYPE_CHECKING:
    from graph import BuildReport, DocumentInput

__all__ = ["add", "build", "register"]

#: How many names of dropped documents a message lists before "... and N more".
SHOWN = 10

JobsOpt = Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")]
RecordsOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--records",
        help="JSONL records (resgraph extract --format jsonl) to build from instead of "
        "extracting (repeatable); PATHS give the documents they refer to.",
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Rebuild unchanged documents too.")]
GraphStoreOpt = Annotated[
    str | None,
    typer.Option(
        "--graph-store",
        help="Graph Store Protocol URL of a remote store (default: RESGRAPH_GRAPH_STORE, "
        "else the endpoint URL + '-graph-crud', as on Virtuoso).",
    ),
]
BreakLockOpt = Annotated[
    bool,
    typer.Option(
        "--break-lock",
        help="Remote store: remove the build lock a killed build left behind first "
        "(only when no other build is running).",
    ),
]


def build(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or directories to build from (default: RESGRAPH_CORPUS)."),
    ] = None,
    store: StoreOpt = None,
    prune: Annotated[
        bool,
        typer.Option(
            "--prune",
            help="Drop the documents of the store that are not among PATHS without asking "
            "(without it, build asks at a terminal and refuses elsewhere, exit 4).",
        ),
    ] = False,
    jobs: JobsOpt = 1,
    records: RecordsOpt = None,
    force: ForceOpt = False,
    graph_store: GraphStoreOpt = None,
    break_lock: BreakLockOpt = False,
) -> None:
    """Make the store exactly the documents of PATHS (to keep the others: `resgraph add`).

    New or changed documents are extracted, unchanged ones skipped. Documents of the store not
    among PATHS are named, then dropped only with --prune or a yes at a terminal (exit 4
    otherwise). Atomic: a killed build leaves the old store. With --store
    sparql+http://... the graphs are written to that SPARQL server."""
    _run(paths, store, jobs, records, force, graph_store, break_lock, keep=False, prune=prune)


def add(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to add or update.")],
    store: StoreOpt = None,
    jobs: JobsOpt = 1,
    records: RecordsOpt = None,
    force: ForceOpt = False,
    graph_store: GraphStoreOpt = None,
    break_lock: BreakLockOpt = False,
) -> None:
    """Add (or update) the documents of PATHS in the store, keeping every other document."""
    _run(paths, store, jobs, records, force, graph_store, break_lock, keep=True, prune=False)


def _run(
    paths: list[Path] | None,
    store: Path | None,
    jobs: int,
    records: list[Path] | None,
    force: bool,
    graph_store: str | None,
    break_lock: bool,
    *,
    keep: bool,
    prune: bool,
) -> None:
    from graph import StoreError, build_store, inputs_from_jsonl, source_files, stored_documents

    settings = get_settings()
    root = location(store or settings.store)
    sources: list[Path] = list(paths or [settings.corpus])
    server = graph_store or settings.graph_store
    inputs: list[DocumentInput] = []
    try:
        files = source_files(sources)
        if records:
            inputs = inputs_from_jsonl(records, files)
            sources, files = [], []
        if not keep:
            given = {f.name for f in files} | {d.name for d in inputs}
            stored = stored_documents(root, base=settings.base_iri, graph_store=server)
            _confirm_drop(sorted(set(stored) - given), root, sources or records or [], prune)
        report = _build_with_progress(
            lambda progress: build_store(
                root,
                sources,
                inputs=inputs,
                base=settings.base_iri,
                extractor=parallel_extractor(jobs, settings.base_iri),
                progress=progress,
                force=force,
                graph_store=server,
                break_lock=break_lock,
                keep_others=keep,
            )
        )
    except ValueError as exc:
        raise fail(str(exc), exit_codes.USAGE) from None
    except StoreError as exc:
        raise fail(str(exc), exit_codes.FAILED) from None
    _summary(report, root)


Progress = Callable[[str, int, int], None]


def _build_with_progress(call: Callable[[Progress], BuildReport]) -> BuildReport:
    """Run ``call(progress)`` under a transient progress bar on stderr."""
    from rich.progress import Progress as Bar

    with Bar(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("building", total=None)

        def progress(step: str, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, description=f"building {step}")

        return call(progress)


def _names(names: Sequence[str]) -> str:
    shown = ", ".join(names[:SHOWN])
    return shown + (f" ... and {len(names) - SHOWN} more" if len(names) > SHOWN else "")


def _confirm_drop(
    dropping: list[str], root: Path | str, given: Sequence[Path], prune: bool
) -> None:
    """Go on only if dropping ``dropping`` was allowed (--prune) or confirmed at a terminal."""
    if not dropping:
        return
    what = " ".join(str(p) for p in given)
    count = f"{len(dropping)} document{'s' if len(dropping) != 1 else ''}"
    if prune:
        typer.echo(f"dropping {count} not in {what}: {_names(dropping)}", err=True)
        return
    typer.echo(
        f"{root} holds {count} that {'is' if len(dropping) == 1 else 'are'} not in {what}; "
        f"this build would drop {'it' if len(dropping) == 1 else 'them'}: {_names(dropping)}",
        err=True,
    )
    remedy = (
        f"to keep them and add these documents, run `resgraph add {what}`; "
        f"to drop them, run `resgraph build {what} --prune`"
    )
    if sys.stdin.isatty() and sys.stderr.isatty():
        if typer.confirm(f"Drop {count}?", default=False, err=True):
            return
        raise fail(f"nothing changed; {remedy}", exit_codes.REFUSED)
    raise fail(f"refused without --prune (no terminal to ask); {remedy}", exit_codes.REFUSED)


def _summary(report: BuildReport, root: Path | str) -> None:
    for name, reason in report.failed:
        typer.echo(f"failed: {name}: {reason}", err=True)
    verb = "built" if report.changed else "up to date"
    typer.echo(
        f"{verb}: {root} generation {report.generation}, {report.triples:,} triples "
        f"(added {len(report.added)}, updated {len(report.updated)}, removed "
        f"{len(report.removed)}, unchanged {len(report.unchanged)}, failed {len(report.failed)})"
        f" in {report.seconds:.1f} s"
    )
    if report.failed:
        count = len(report.failed)
        typer.echo(
            f"error: {count} file{'s' if count != 1 else ''} failed (listed above); every other "
            "document is in the store",
            err=True,
        )
        raise typer.Exit(exit_codes.PARTIAL)


def register(app: typer.Typer) -> None:
    """Add ``build`` and ``add`` to the CLI."""
    app.command("build")(build)
    app.command("add")(add)
