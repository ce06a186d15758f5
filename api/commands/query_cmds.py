"""Query subcommands: ``lineage``, ``deps``, ``impact``, ``path``, ``cycles``, ``most-cited``,
``assignments``, ``outdated``, ``sparql``.

Why thin: each command opens the store read-only, calls one function of graph/ and prints its
typed result as a rich table, or as JSON with ``--json`` (the result's ``to_dict()``, the same
shape the REST API returns). Unknown ids exit with status 1 and a "did you mean" line; bad
arguments exit with status 2.

This module holds the commands that walk from resolutions and registers all nine; the listings
(``assignments``, ``outdated``) are in :mod:`api.commands.listing_cmds`, ``sparql`` in
:mod:`api.commands.sparql_cmd`, and the shared options and error mapping in
:mod:`api.commands.query_options`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from api.commands.listing_cmds import assignments_cmd, outdated_cmd
from api.commands.output import emit_json as _emit_json
from api.commands.output import filters as _filters
from api.commands.output import join as _join
from api.commands.output import table as _table
from api.commands.query_options import JsonOpt as JsonOpt
from api.commands.query_options import OrganOpt as OrganOpt
from api.commands.query_options import StoreOpt as StoreOpt
from api.commands.query_options import _opened as _opened
from api.commands.query_options import _run as _run
from api.commands.sparql_cmd import sparql_cmd

if TYPE_CHECKING:
    from graph import Store

__all__ = ["register"]


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
