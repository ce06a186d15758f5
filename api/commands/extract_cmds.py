"""``resgraph extract PATH...``: print the records of documents (JSONL or a table).

Thin wrapper over :func:`extract.corpus.extract_corpus`: records go to stdout sorted by offset,
one JSON object per line; a document that fails is reported on stderr with its file name and the
reason and the others are still processed. Exit codes (:mod:`api.commands.exit_codes`): 3 when
some documents failed, 1 when none could be processed, 2 for a path that does not exist or a
directory with no supported document.
"""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from api.commands import exit_codes

__all__ = ["register"]


class OutputFormat(StrEnum):
    """Output formats of ``resgraph extract``."""

    jsonl = "jsonl"
    table = "table"


class Layer(StrEnum):
    """Tracked-change layer of Word documents."""

    after = "after"
    before = "before"


def extract(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories to extract.")],
    fmt: Annotated[
        OutputFormat, typer.Option("--format", help="jsonl (one record per line) or table.")
    ] = OutputFormat.jsonl,
    text: Annotated[
        bool, typer.Option("--text", help="Print the loaded text the offsets refer to instead.")
    ] = False,
    structure: Annotated[
        bool, typer.Option("--structure", help="Print the segmentation (resolutions, sections).")
    ] = False,
    layer: Annotated[
        Layer, typer.Option("--layer", help="Word tracked changes: text after or before them.")
    ] = Layer.after,
    jobs: Annotated[int, typer.Option("--jobs", min=1, help="Worker processes.")] = 1,
    proposals: Annotated[
        bool,
        typer.Option(
            "--proposals",
            help="Print the proposals each document holds (proposer, reference, action, target, "
            "typed changes), one JSON object per line, instead of the records.",
        ),
    ] = False,
) -> None:
    """Extract headings, citations and assignments from ITU documents."""
    from extract import (
        DocumentError,
        expand_paths,
        extract_corpus,
        extract_document,
        extract_rendered,
        record_json,
        result_jsonl,
    )

    _check_paths(paths)
    failures: list[DocumentError] = []
    processed = 0
    if layer is Layer.before:
        results = []
        for p in expand_paths(paths):
            try:
                results.append(extract_document(p, layer="before"))
            except DocumentError as exc:
                results.append(exc)  # type: ignore[arg-type]
    elif fmt is OutputFormat.jsonl and not (text or structure or proposals):
        # the records as JSON lines, rendered where they were extracted: with --jobs N the
        # workers send text, not record objects this process would unpickle one by one
        show = sys.stderr.isatty()
        lines = extract_rendered(paths, result_jsonl, jobs=jobs, progress=show, freeze_gc=True)
        for out in lines:
            if isinstance(out, DocumentError):
                failures.append(out)
                typer.echo(f"error: {out}", err=True)
                continue
            processed += 1
            if out:
                sys.stdout.write(out)
        sys.stdout.flush()
        results = []
    else:
        # a (transient) progress bar on stderr when a person watches the run
        show = sys.stderr.isatty()
        # the CLI owns its process: extraction may freeze its heap (extract's gc scope)
        results = extract_corpus(  # type: ignore[assignment]
            paths, jobs=jobs, progress=show, freeze_gc=True
        )
    rows: list[tuple[str, ...]] = []
    for res in results:
        if isinstance(res, DocumentError):
            failures.append(res)
            typer.echo(f"error: {res}", err=True)
            continue
        processed += 1
        if text:
            typer.echo(res.doc.text, nl=False)
            continue
        if structure:
            typer.echo(json.dumps(_structure_json(res.structure), ensure_ascii=False))
            continue
        if proposals:
            for prop in res.proposals:
                typer.echo(record_json(prop))
            continue
        for rec in res.records():
            if fmt is OutputFormat.jsonl:
                typer.echo(record_json(rec))
            else:
                d = rec.to_json()
                rows.append(
                    (
                        d["doc"],
                        f"{d['start']}-{d['end']}",
                        d["type"],
                        d["surface"].replace("\n", " ")[:60],
                        str(d.get("body") or d.get("addressee") or ""),
                        str(d.get("number") or d.get("resolution") or ""),
                    )
                )
    if rows:
        from rich.console import Console
        from rich.table import Table

        table = Table("doc", "span", "type", "surface", "body/addressee", "number")
        for r in rows:
            table.add_row(*r)
        Console().print(table)
    if failures:
        typer.echo(
            f"skipped {len(failures)} document(s), processed {processed}: "
            + ", ".join(f"{f.path} [{f.code}]" for f in failures),
            err=True,
        )
    if processed == 0:
        raise typer.Exit(exit_codes.FAILED)
    if failures:
        raise typer.Exit(exit_codes.PARTIAL)


def _check_paths(paths: list[Path]) -> None:
    """Exit 2 naming a path that does not exist or a directory with nothing to extract (before,
    both were reported as a file of an unsupported format, or not at all)."""
    from extract import expand_paths

    for p in paths:
        if not p.exists():
            typer.echo(f"error: {p}: no such file or directory", err=True)
            raise typer.Exit(exit_codes.USAGE)
        if p.is_dir() and next(iter(expand_paths([p])), None) is None:
            typer.echo(
                f"error: {p}: no document of a supported format in this directory "
                "(.txt, .docx, .pdf, .html, .md)",
                err=True,
            )
            raise typer.Exit(exit_codes.USAGE)


def _structure_json(structure: object) -> dict[str, object]:
    from dataclasses import asdict

    return asdict(structure)  # type: ignore[call-overload, no-any-return]


def register(app: typer.Typer) -> None:
    """Add ``extract`` to the CLI."""
    app.command("extract")(extract)
