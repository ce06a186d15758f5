"""Graph subcommands ``validate`` and ``export``, and what the store commands share.

Why thin: each command parses its options and calls one function of graph/ (``validate_store``,
``export_store``). Every command takes ``--store DIR`` (default: ``RESGRAPH_STORE`` or
``data/store``); ``build`` and ``add`` live in :mod:`api.commands.build_cmds`.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from api.settings import get_settings

__all__ = ["StoreOpt", "export", "fail", "location", "parallel_extractor", "register", "validate"]

StoreOpt = Annotated[
    Path | None,
    typer.Option(
        "--store",
        help="Store directory, or a SPARQL server sparql+http://host:port/sparql "
        "(default: RESGRAPH_STORE or data/store).",
    ),
]


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print ``error: message`` on stderr; the Exit to raise (codes: api.commands.exit_codes)."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def location(root: Path) -> Path | str:
    """A remote store URL as typed (a Path folds its ``//``), else the directory."""
    from graph import parse_store_url

    url = parse_store_url(root)
    return f"sparql+{url}" if url is not None else root


def _existing(store: Path | None) -> Path | str:
    """The store to read (option, else settings): a server URL, or a directory that exists."""
    root = location(store or get_settings().store)
    if isinstance(root, Path) and not root.exists():
        raise fail(f"store {root} does not exist; run `resgraph build` first")
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
        raise fail(str(exc)) from None
    if report.conforms:
        typer.echo(f"conforms: {root} satisfies the SHACL shapes")
        return
    for line in report.messages[:200]:
        typer.echo(line, err=True)
    raise fail(f"{report.violations} SHACL violations in {root}")


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
    """Export the graph as RDF or as node/edge views for Gephi and R/pandas.

    RDF: turtle, nt, jsonld, trig; views: graphml, gexf, csv (nodes.csv + edges.csv)."""
    from graph import StoreError, export_store

    root = _existing(store)
    if fmt == "csv" and out is None:
        raise fail("csv export writes nodes.csv and edges.csv: give --out DIR", 2)
    try:
        report = export_store(
            root, fmt, out if out is not None else sys.stdout.buffer, base=get_settings().base_iri
        )
    except ValueError as exc:
        raise fail(str(exc), 2) from None
    except StoreError as exc:
        raise fail(str(exc)) from None
    if out is not None:
        what = (
            f"{report.triples:,} triples"
            if report.triples
            else (f"{report.nodes:,} nodes, {report.edges:,} edges")
        )
        typer.echo(f"wrote {out} ({fmt}, {what})", err=True)


def register(app: typer.Typer) -> None:
    """Add ``validate`` and ``export`` to the CLI."""
    app.command("validate")(validate)
    app.command("export")(export)
