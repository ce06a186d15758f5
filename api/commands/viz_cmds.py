"""``resgraph viz``: export the citation-network page as one self-contained HTML file.

Why thin: the command parses its options, opens the store read-only and calls
:func:`api.viz.export_html`; the page it writes is the one ``/viz`` serves, with every asset
inline, so it opens offline from disk and can be mailed around.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.settings import get_settings

if TYPE_CHECKING:
    from graph import Store

__all__ = ["register"]


def _open_store(path: Path) -> Store:
    """The store at ``path``, opened read-only (graph/ imported only when the command runs)."""
    from graph import open_store

    return open_store(path, read_only=True)


def viz(
    out: Annotated[Path, typer.Option("--out", help="HTML file to write, e.g. network.html.")],
    focus: Annotated[
        str | None, typer.Option(help="Centre on this resolution (wtsa/44) or version.")
    ] = None,
    depth: Annotated[int, typer.Option(help="Citation steps around the focus.", min=0, max=10)] = 1,
    organ: Annotated[
        list[str] | None, typer.Option("--organ", help="Only these organs (repeatable): WTSA, PP.")
    ] = None,
    from_year: Annotated[int | None, typer.Option(help="Only versions from this year.")] = None,
    to_year: Annotated[int | None, typer.Option(help="Only versions up to this year.")] = None,
    bureau: Annotated[
        list[str] | None, typer.Option("--bureau", help="Only resolutions assigning work to these.")
    ] = None,
    versions: Annotated[bool, typer.Option(help="One node per version.")] = False,
    assignments: Annotated[bool, typer.Option(help="Draw the bureau assignment layer.")] = False,
    max_nodes: Annotated[int, typer.Option(help="Cap of the view (most cited kept).", min=1)] = 400,
    lineage: Annotated[
        str | None, typer.Option(help="Lineage view: this resolution's versions by year.")
    ] = None,
    store: Annotated[
        Path | None,
        typer.Option("--store", help="Store directory (default: RESGRAPH_STORE or data/store)."),
    ] = None,
    corpus: Annotated[
        Path | None,
        typer.Option(
            help="Source documents, to quote each citation's clause "
            "(default: RESGRAPH_CORPUS or data/corpus)."
        ),
    ] = None,
) -> None:
    """Write the interactive citation network to one offline HTML file."""
    from api.viz import export_html
    from api.viz.model import FocusNotFound, VizParams
    from graph import ResolutionNotFound

    settings = get_settings()
    path = store or settings.store
    if not Path(path).exists():
        typer.echo(f"error: store {path} does not exist; run `resgraph build` first", err=True)
        raise typer.Exit(1)
    try:
        params = VizParams(
            focus=focus, depth=depth, organs=tuple(organ or ()), from_year=from_year,
            to_year=to_year, bureaux=tuple(bureau or ()), versions=versions,
            assignments=assignments, max_nodes=max_nodes, lineage=lineage,
        )  # fmt: skip
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    opened = _open_store(Path(path))
    try:
        data = export_html(
            opened, out, params, link_base=settings.base_iri, corpus=corpus or settings.corpus
        )
    except (FocusNotFound, ResolutionNotFound) as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None
    except ValueError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        opened.close()
    capped = f" (capped: {data.total_nodes} matched, most cited kept)" if data.capped else ""
    typer.echo(f"wrote {out}: {len(data.nodes)} nodes, {len(data.edges)} edges{capped}")


def register(app: typer.Typer) -> None:
    """Add ``viz`` to the CLI."""
    app.command("viz")(viz)
