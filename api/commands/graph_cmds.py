"""Graph subcommands: ``build``, ``validate``, ``export``.

Why thin: each command parses its options and calls one function of graph/ (``build_store``,
``validate_store``, ``export_store``); the progress bar and the summary are the only things added
here. Every command takes ``--store DIR`` (default: ``RESGRAPH_STORE`` or ``data/store``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console

from api.settings import get_settings

if TYPE_CHECKING:
    from graph import DocumentInput

__all__ = ["build", "export", "parallel_extractor", "register", "validate"]

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Store directory, or a SPARQL server sparql+http://host:port/sparql "
        "(default: RESGRAPH_STORE or data/store).",
    ),
]


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def build(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or directories to build from (default: RESGRAPH_CORPUS)."),
    ] = None,
    store: StoreOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Extraction processes.")] = 1,
    records: Annotated[
        list[Path] | None,
        typer.Option(
            "--records",
            help="JSONL records (resgraph extract --format jsonl) to build from instead of "
            "extracting (repeatable); PATHS give the documents they refer to.",
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Rebuild unchanged documents too.")] = False,
    graph_store: Annotated[
        str | None,
        typer.Option(
            "--graph-store",
            help="Graph Store Protocol URL of a remote store (default: RESGRAPH_GRAPH_STORE, "
            "else the endpoint URL + '-graph-crud', as on Virtuoso).",
        ),
    ] = None,
    break_lock: Annotated[
        bool,
        typer.Option(
            "--break-lock",
            help="Remote store: remove the build lock a killed build left behind first "
            "(only when no other build is running).",
        ),
    ] = False,
) -> None:
    """Build or update the store: only new or changed documents are processed; documents no
    longer given are dropped. The store changes atomically (a killed build leaves the old one).
    With ``--store sparql+http://...`` the graphs are written to that SPARQL server instead."""
    from rich.progress import Progress

    from graph import StoreError, build_store, inputs_from_jsonl, source_files

    settings = get_settings()
    root = _location(store or settings.store)
    sources = paths or [settings.corpus]
    inputs: list[DocumentInput] = []
    try:
        if records:
            inputs = inputs_from_jsonl(records, source_files(sources))
            sources = []
        console = Console(stderr=True)
        with Progress(console=console, transient=True) as bar:
            task = bar.add_task("building", total=None)

            def progress(step: str, done: int, total: int) -> None:
                bar.update(task, completed=done, total=total, description=f"building {step}")

            report = build_store(
                root,
                sources,
                inputs=inputs,
                base=settings.base_iri,
                extractor=parallel_extractor(jobs, settings.base_iri),
                progress=progress,
                force=force,
                graph_store=graph_store or settings.graph_store,
                break_lock=break_lock,
            )
    except (ValueError, StoreError) as exc:
        raise _fail(str(exc), 2 if isinstance(exc, ValueError) else 1) from None
    for name, reason in report.failed:
        typer.echo(f"failed: {name}: {reason}", err=True)
    verb = "built" if report.changed else "up to date"
    typer.echo(
        f"{verb}: {root} generation {report.generation}, {report.triples:,} triples "
        f"(added {len(report.added)}, updated {len(report.updated)}, removed "
        f"{len(report.removed)}, unchanged {len(report.unchanged)}, failed {len(report.failed)})"
        f" in {report.seconds:.1f} s"
    )


def _location(root: Path) -> Path | str:
    """A remote store URL as typed (a Path folds its ``//``), else the directory."""
    from graph import parse_store_url

    url = parse_store_url(root)
    return f"sparql+{url}" if url is not None else root


def _existing(store: Path | None) -> Path | str:
    """The store to read (option, else settings): a server URL, or a directory that exists."""
    root = _location(store or get_settings().store)
    if isinstance(root, Path) and not root.exists():
        raise _fail(f"store {root} does not exist; run `resgraph build` first")
    return root


def parallel_extractor(jobs: int, base: str) -> Any:
    """The extractor of ``build --jobs N``: documents extracted and rendered to triples in
    ``jobs`` processes, streamed back in order to the builder, which alone writes the store (so
    writes stay serialized and atomic). See :mod:`graph.rdf.workers`. The CLI owns its process,
    so extraction may keep the collector off the pipeline's objects (``freeze_gc``).

    Example:
        >>> callable(parallel_extractor(2, "https://w3id.org/resgraph/"))
        True
    """
    from graph import parallel_extractor as workers

    return workers(jobs, base, freeze_gc=True)


def validate(store: StoreOpt = None) -> None:
    """Check the built graph against the SHACL shapes (ontology/shapes.ttl); exit 1 if it fails."""
    from graph import StoreError, validate_store

    root = _existing(store)
    try:
        report = validate_store(root, base=get_settings().base_iri)
    except StoreError as exc:
        raise _fail(str(exc)) from None
    if report.conforms:
        typer.echo(f"conforms: {root} satisfies the SHACL shapes")
        return
    for line in report.messages[:200]:
        typer.echo(line, err=True)
    raise _fail(f"{report.violations} SHACL violations in {root}")


def export(
    fmt: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="turtle, nt, jsonld, trig, graphml, gexf or csv (a directory)."
        ),
    ] = "turtle",
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", help="Output file (csv: directory); default stdout."),
    ] = None,
    store: StoreOpt = None,
) -> None:
    """Export the graph: RDF (turtle, nt, jsonld, trig) or node/edge views for Gephi (graphml,
    gexf) and R/pandas (csv: nodes.csv + edges.csv)."""
    from graph import StoreError, export_store

    root = _existing(store)
    if fmt == "csv" and out is None:
        raise _fail("csv export writes nodes.csv and edges.csv: give --out DIR", 2)
    try:
        report = export_store(
            root, fmt, out if out is not None else sys.stdout.buffer, base=get_settings().base_iri
        )
    except ValueError as exc:
        raise _fail(str(exc), 2) from None
    except StoreError as exc:
        raise _fail(str(exc)) from None
    if out is not None:
        what = (
            f"{report.triples:,} triples"
            if report.triples
            else (f"{report.nodes:,} nodes, {report.edges:,} edges")
        )
        typer.echo(f"wrote {out} ({fmt}, {what})", err=True)


def register(app: typer.Typer) -> None:
    """Add ``build``, ``validate`` and ``export`` to the CLI."""
    app.command("build")(build)
    app.command("validate")(validate)
    app.command("export")(export)
