"""``resgraph serve``: serve the built graph over HTTP (REST, SPARQL, /id/ pages) with uvicorn.

Why thin: the command only turns options into :class:`~api.settings.Settings` and hands the app
from :func:`api.main.create_app` to uvicorn (rdflib-endpoint's ``run_serve`` split), so tests and
the benchmark start exactly the same app.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from api.settings import Settings, get_settings

__all__ = ["register", "run_server", "serve"]


def run_server(settings: Settings, *, log_level: str = "info", access_log: bool = True) -> None:
    """Serve ``settings.store`` on ``settings.host:settings.port`` until interrupted.

    Raises:
        FileNotFoundError: when there is no store at ``settings.store`` (names the build command).

    Example:
        >>> run_server(Settings(store=Path("/nonexistent/store")))  # doctest: +SKIP
        Traceback (most recent call last):
        FileNotFoundError: no store at /nonexistent/store: build one first with `resgraph build ...`
    """
    import uvicorn

    from api.main import create_app
    from api.serving import uvicorn_options

    if not settings.remote and not Path(settings.store).is_dir():
        raise FileNotFoundError(
            f"no store at {settings.store}: build one first with "
            f"`resgraph build --store {settings.store}`"
        )
    uvicorn.run(
        create_app(settings),
        log_level=log_level,
        access_log=access_log,
        **uvicorn_options(settings),
    )


def serve(
    store: Annotated[
        Path | None, typer.Option(help="Store directory (default: $RESGRAPH_STORE or data/store).")
    ] = None,
    host: Annotated[str | None, typer.Option(help="Bind address (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="TCP port (default 8000).")] = None,
    base: Annotated[
        str | None, typer.Option(help="Base IRI of the graph (default $RESGRAPH_BASE).")
    ] = None,
    sparql_timeout: Annotated[
        float | None, typer.Option(help="Seconds before a SPARQL query is abandoned (default 10).")
    ] = None,
    max_rows: Annotated[
        int | None, typer.Option(help="Result-size cap of the SPARQL endpoint (default 10000).")
    ] = None,
    quiet: Annotated[bool, typer.Option(help="No access log.")] = False,
) -> None:
    """Serve the graph: REST at /resolutions..., SPARQL at /sparql, docs at /docs."""
    settings = get_settings().with_(
        store=store,
        host=host,
        port=port,
        base_iri=base,
        sparql_timeout=sparql_timeout,
        sparql_max_rows=max_rows,
    )
    if not settings.remote and not Path(settings.store).is_dir():
        typer.echo(
            f"error: no store at {settings.store}: build one first with "
            f"`resgraph build --store {settings.store}`",
            err=True,
        )
        raise typer.Exit(2)
    typer.echo(
        f"serving {settings.store} on http://{settings.host}:{settings.port} "
        f"(SPARQL at /sparql, API docs at /docs)",
        err=True,
    )
    run_server(settings, access_log=not quiet)


def register(app: typer.Typer) -> None:
    """Add ``serve`` to the CLI."""
    app.command("serve")(serve)
