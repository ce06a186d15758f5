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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.commands.output import emit_json as _emit_json
from api.commands.output import filters as _filters
from api.commands.output import join as _join
from api.commands.output import table as _table
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


def lineage_cmd(ident: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """Every version of a resolution in order, with diffs between consecutive texts."""
    from graph import lineage

    with _opened(store) as st:
        result = _run(lambda: lineage(st, ident))
        texted = any(v.has_text for v in result.versions)
        citing = None if texted else _citing_documents(st, result.resolution)
    if as_json:
        return _emit_json(result.to_dict())
    if citing is not None and not result.versions:
        typer.echo(
            f"{result.resolution}: known only from citations: {citing}; no version text loaded"
        )
        return None
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
            ("", "added", "removed", "updated", "kept"),
            [
                (
                    "citations",
                    _join(step.citations_added),
                    _join(step.citations_removed),
                    _join([f"{u.before} -> {u.after}" for u in step.citations_updated]),
                    len(step.citations_kept),
                ),
                (
                    "assignments",
                    _join(step.assignments_added),
                    _join(step.assignments_removed),
                    "",
                    len(step.assignments_kept),
                ),
            ],
        )
        changed = [i for i in step.items if i.change != "unchanged"]
        if step.items:
            _table(
                f"{step.before} -> {step.after}: numbered items"
                f" ({len(step.items) - len(changed)} unchanged)",
                ("item", "change", "what changed"),
                [(i.item, i.change, i.diff or i.after or i.before) for i in changed],
                empty=f"{step.before} -> {step.after}: all {len(step.items)} items unchanged",
            )
    if citing is not None:
        typer.echo(f"no version text loaded: these versions are known from citations ({citing})")
    return None


def _citing_documents(st: Store, work: str) -> str:
    """ "cited by 2 texts: wtsa/44/2022, 000_...txt": what cites a work whose text the store lacks
    (a citing version by its id; a document citing outside any resolution, by its file name)."""
    from graph import select, short, short_iri

    citing = set()
    for row in select(st, "cites_in", target=[str(short_iri(work, st.base))]):
        if "/document/" in row["citing"]:
            citing.add(row["where"].split("|")[2] or short(row["citing"]))
        else:
            citing.add(short(row["citing"]))
    count = f"cited by {len(citing)} text{'s' if len(citing) != 1 else ''}"
    return f"{count}: {_join(sorted(citing))}" if citing else count


def _print_walk(result: Any, verb: str, empty: str) -> None:
    _table(
        f"{result.root}: {verb} (depth {result.depth})",
        ("depth", "source", "target", "section", "paragraph", "document"),
        [(e.depth, e.source, e.target, e.section, e.paragraph, e.document) for e in result.edges],
        empty=empty,
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
    return _print_walk(
        result, "cites", f"{result.root} cites nothing in the store{_filters(organ=organ)}"
    )


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
    return _print_walk(
        result, "cited by", f"nothing in the store cites {result.root}{_filters(organ=organ)}"
    )


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
        "Citation cycles",
        ("length", "ring"),
        [(len(c.nodes), " -> ".join(c.nodes)) for c in found],
        empty="no citation cycles: no resolutions in the store cite each other in a ring",
    )
    return None


def most_cited_cmd(
    organ: Annotated[str | None, typer.Option(help="Only resolutions of this organ.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 20,
    store: StoreOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The most cited resolutions: by distinct citing resolutions, ties by PageRank."""
    from graph import MOST_CITED_BY, citation_network, most_cited

    with _opened(store) as st:
        ranked = _run(lambda: most_cited(citation_network(st), organ=organ, limit=limit))
    if as_json:
        return _emit_json([r.to_dict() for r in ranked])
    _table(
        f"Most cited, by {MOST_CITED_BY}",
        ("resolution", "citing resolutions", "citations", "pagerank", "title"),
        [(r.id, r.in_degree, r.citations, f"{r.pagerank:.4f}", r.title) for r in ranked],
        empty=f"no cited resolutions in the store{_filters(organ=organ)}",
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
        empty="no assignment clauses match"
        + _filters(
            actor=actor,
            collaborator=collaborator,
            involving=involving,
            organ=organ,
            conference=conference,
        ),
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
        empty=f"no outdated citations in the store{_filters(organ=organ)}",
    )
    return None


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
