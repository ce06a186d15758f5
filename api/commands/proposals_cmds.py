"""``resgraph proposals wtsa/44``: the amendment proposals for a resolution, compared.

Why: a delegate preparing an assembly wants one table: the proposals (proposer, reference,
action) and, for each change, which of them make it ("3 of 4 proposals update Resolution 44 to
Geneva 2022; only CITEL updates Resolution 191"). Thin like the other query commands: it calls
``graph.compare_proposals`` and prints the result, or its ``to_dict()`` with ``--json`` (the shape
``/resolutions/{organ}/{number}/proposals`` returns). Unknown ids exit 1 with "did you mean",
malformed ones exit 2.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import typer

from api.commands.output import emit_json, table
from api.commands.query_cmds import JsonOpt, StoreOpt, _opened, _run

if TYPE_CHECKING:
    from graph import ProposalComparison

__all__ = ["comparison_tables", "register"]


def comparison_tables(result: ProposalComparison) -> None:
    """Print the proposals, then the change x proposal matrix (x: the proposal makes the
    change), then the comparison in words."""
    table(
        f"Proposals for {result.resolution}",
        ("#", "proposer", "reference", "action", "changes", "document"),
        [
            (i, p.proposer or "?", p.reference or "", p.action or "", p.changes, p.document)
            for i, p in enumerate(result.proposals, 1)
        ],
        empty=f"no proposals for {result.resolution} in the store",
    )
    if not result.changes:
        return
    heads = [p.proposer or p.name for p in result.proposals]
    marks: list[list[str]] = []
    for change in result.changes:
        marks.append(["x" if p.id in change.proposals else "" for p in result.proposals])
    table(
        f"Changes to {result.resolution} (x: the proposal makes it)",
        ("change", *heads, "proposals"),
        [
            (c.summary, *row, f"{len(c.proposals)} of {len(result.proposals)}")
            for c, row in zip(result.changes, marks, strict=True)
        ],
    )
    for note in result.notes:
        typer.echo(f"- {note}")


def proposals_cmd(ident: str, store: StoreOpt = None, as_json: JsonOpt = False) -> None:
    """The proposals for a resolution and which of them make the same change."""
    from graph import compare_proposals

    with _opened(store) as st:
        result = _run(lambda: compare_proposals(st, ident))
    if as_json:
        emit_json(result.to_dict())
        return
    comparison_tables(result)


def register(app: typer.Typer) -> None:
    """Add ``resgraph proposals`` to the CLI."""
    app.command("proposals")(proposals_cmd)
