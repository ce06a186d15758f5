"""Query subcommands: ``lineage``, ``deps``, ``impact``, ``path``, ``cycles``, ``most-cited``,
``assignments``, ``outdated``, ``sparql``.

Why thin: each command opens the store read-only, calls one function of graph/ and prints its
typed result as a rich table, or as JSON with ``--json`` (the result's ``to_dict()``, the same
shape the REST API returns). Unknown ids exit with status 1 and a "did you mean" line; bad
arguments exit with status 2.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from api.settings import get_settings

if TYPE_CHECKING:
    from graph import Store

__all__ = ["register"]

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


def _emit_json(payload: Any) -> None:
    typer.echo(json.dumps(payload, ensure_ascii=False, indent=2))


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    Console(width=160).print(table)


def _join(values: Sequence[str]) -> str:
    return ", ".join(values)


def lineage_cmd(ident: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Every version of a resolution in order, with diffs between consecutive texts."""
    from graph import lineage

    with _opened(store) as st:
        result = _run(lambda: lineage(st, ident))
    if as_json:
        return _emit_json(result.to_dict())
    _table(
        f"Lineage of {result.resolution}" + (f": {result.title}" if result.title else ""),
        ("version", "conference", "status", "text"),
        [
            (v.id, v.conference_label or v.conference, v.status, "yes" if v.has_text else "stub")
            for v in result.versions
        ],
    )
    for step in result.steps:
        _table(
            f"{step.before} -> {step.after}",
            ("", "added", "removed", "kept"),
            [
                (
                    "citations",
                    _join(step.citations_added),
                    _join(step.citations_removed),
                    len(step.citations_kept),
                ),
                (
                    "assignments",
                    _join(step.assignments_added),
                    _join(step.assignments_removed),
                    len(step.assignments_kept),
                ),
            ],
        )
    return None


def _print_walk(result: Any, verb: str) -> None:
    _table(
        f"{result.root}: {verb} (depth {result.depth})",
        ("depth", "source", "target", "section", "paragraph", "document"),
        [(e.depth, e.source, e.target, e.section, e.paragraph, e.document) for e in result.edges],
    )


def deps_cmd(
    ident: str,
    depth: Annotated[int, typer.Option(min=1, help="How many citation hops to follow.")] = 1,
    organ: OrganOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """What a resolution (wtsa/44) or version (wtsa/44/2022) cites, transitively."""
    from graph import dependencies

    with _opened(store) as st:
        result = _run(lambda: dependencies(st, ident, depth=depth, organs=organ))
    if as_json:
        return _emit_json(result.to_dict())
    return _print_walk(result, "cites")


def impact_cmd(
    ident: str,
    depth: Annotated[int, typer.Option(min=1, help="How many citation hops to follow.")] = 5,
    organ: OrganOpt = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Everything that cites a resolution or version, transitively."""
    from graph import impact

    with _opened(store) as st:
        result = _run(lambda: impact(st, ident, depth=depth, organs=organ))
    if as_json:
        return _emit_json(result.to_dict())
    return _print_walk(result, "cited by")


def path_cmd(source: str, target: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """The shortest citation path from one resolution to another."""
    from graph import citation_path

    with _opened(store) as st:
        result = _run(lambda: citation_path(st, source, target))
    if as_json:
        return _emit_json(None if result is None else result.to_dict())
    if result is None:
        typer.echo(f"no citation path from {source} to {target}")
        raise typer.Exit(1)
    _table(
        " -> ".join(result.nodes),
        ("source", "target", "section", "paragraph", "document"),
        [(e.source, e.target, e.section, e.paragraph, e.document) for e in result.edges],
    )
    return None


def cycles_cmd(
    limit: Annotated[int, typer.Option(min=1)] = 50,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Resolutions that cite each other in a ring."""
    from graph import citation_cycles, citation_network

    with _opened(store) as st:
        found = _run(lambda: citation_cycles(citation_network(st), limit=limit))
    if as_json:
        return _emit_json([c.to_dict() for c in found])
    _table(
        "Citation cycles", ("length", "ring"), [(len(c.nodes), " -> ".join(c.nodes)) for c in found]
    )
    return None


def most_cited_cmd(
    organ: Annotated[str | None, typer.Option(help="Only resolutions of this organ.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The most cited resolutions: by distinct citing resolutions, then citations, then PageRank."""
    from graph import MOST_CITED_BY, citation_network, most_cited

    with _opened(store) as st:
        ranked = _run(lambda: most_cited(citation_network(st), organ=organ, limit=limit))
    if as_json:
        return _emit_json([r.to_dict() for r in ranked])
    _table(
        f"Most cited, by {MOST_CITED_BY}",
        ("resolution", "citing resolutions", "citations", "pagerank", "title"),
        [(r.id, r.in_degree, r.citations, f"{r.pagerank:.4f}", r.title) for r in ranked],
    )
    return None


def assignments_cmd(
    actor: Annotated[str | None, typer.Option(help="Addressee, e.g. TSB, BDT, TSAG.")] = None,
    collaborator: Annotated[str | None, typer.Option(help="Collaborator, e.g. BDT.")] = None,
    involving: Annotated[
        str | None, typer.Option(help="A sector (ITU-T, ITU-D, ITU-R) in any role or mention.")
    ] = None,
    organ: Annotated[str | None, typer.Option(help="Organ of the resolutions (wtsa...).")] = None,
    conference: Annotated[
        str | None, typer.Option(help="Conference that adopted them (wtsa-2022, WTSA-20).")
    ] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Who is instructed to do what, with whom."""
    from graph import assignments

    with _opened(store) as st:
        result = _run(
            lambda: assignments(
                st,
                actor=actor,
                collaborator=collaborator,
                involving=involving,
                organ=organ,
                conference=conference,
            )
        )
    if as_json:
        return _emit_json(result.to_dict())
    _table(
        f"Assignments ({len(result.hits)} clauses in {len(result.resolutions)} resolutions)",
        (
            "resolution",
            "verb",
            "addressees",
            "with",
            "matched",
            "surface",
            "document",
            "proposal",
            "section",
            "paragraph",
        ),
        [
            (
                h.resolution,
                h.verb,
                _join(h.addressees),
                _join(h.collaborators),
                _join(h.matched),
                h.surface,
                h.document,
                h.proposal,
                h.section,
                h.paragraph,
            )
            for h in result.hits
        ],
    )
    return None


def outdated_cmd(
    organ: Annotated[str | None, typer.Option(help="Only texts of this organ.")] = None,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Citations of a version older than the latest known at the citing text's date."""
    from graph import outdated_citations

    with _opened(store) as st:
        found = _run(lambda: outdated_citations(st, organ=organ))
    if as_json:
        return _emit_json([o.to_dict() for o in found])
    _table(
        f"Outdated citations ({len(found)})",
        (
            "citing",
            "cites",
            "latest then",
            "section",
            "paragraph",
            "surface",
            "document",
            "proposal",
        ),
        [
            (
                o.citing,
                o.cited,
                o.latest,
                o.section,
                o.paragraph,
                o.surface,
                o.document,
                o.proposal,
            )
            for o in found
        ],
    )
    return None


def sparql_cmd(
    query: Annotated[str, typer.Argument(help="A SELECT query, or @FILE to read it from a file.")],
    fmt: Annotated[str, typer.Option("--format", help="table, json or csv.")] = "table",
    limit: Annotated[int | None, typer.Option(help="Print at most this many rows.")] = None,
    store: StoreOpt = None,
) -> None:
    """Run a SPARQL SELECT query on the store."""
    from graph import run_select

    if fmt not in {"table", "json", "csv"}:
        typer.echo(f"error: unknown format {fmt!r}; valid: table, json, csv", err=True)
        raise typer.Exit(2)
    text = Path(query[1:]).read_text(encoding="utf-8") if query.startswith("@") else query
    with _opened(store) as st:
        result = _run(lambda: run_select(st, text, limit=limit))
    if fmt == "json":
        return _emit_json([dict(zip(result.columns, row, strict=True)) for row in result.rows])
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(result.columns)
        writer.writerows(result.rows)
        typer.echo(buf.getvalue(), nl=False)
        return None
    _table(f"{len(result.rows)} rows", result.columns, result.rows)
    return None


def register(app: typer.Typer) -> None:
    """Add the query subcommands to the CLI."""
    app.command("lineage")(lineage_cmd)
    app.command("deps")(deps_cmd)
    app.command("impact")(impact_cmd)
    app.command("path")(path_cmd)
    app.command("cycles")(cycles_cmd)
    app.command("most-cited")(most_cited_cmd)
    app.command("assignments")(assignments_cmd)
    app.command("outdated")(outdated_cmd)
    app.command("sparql")(sparql_cmd)
