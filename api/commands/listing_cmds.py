"""Listing subcommands: ``assignments`` (who is instructed to do what, with whom) and
``outdated`` (citations of a superseded version), each a table of clauses with their source.

Why apart from :mod:`api.commands.query_cmds`: these list rows read from the texts, filtered by
options, where the other query commands walk from one resolution; they are registered with the
rest by :func:`api.commands.query_cmds.register`.
"""

from __future__ import annotations

from typing import Annotated

import typer

from api.commands.output import emit_json as _emit_json
from api.commands.output import filters as _filters
from api.commands.output import join as _join
from api.commands.output import table as _table
from api.commands.query_options import JsonOpt, StoreOpt, _opened, _run

__all__ = ["assignments_cmd", "outdated_cmd"]


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
