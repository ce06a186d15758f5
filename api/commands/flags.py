"""Boolean options shown and parsed as plain flags.

Why: typer's rich help prints every option's type, so ``--json`` appeared as ``--json <bool>``
and users typed ``--json true``, which click rejects with "Got unexpected extra argument(s)
(true)". The command classes here show flags without a type and, when a command line fails on a
value given to a flag, say so. They change nothing on a command line that parses.

Example:
    >>> flag_value_error(["wtsa/44", "--json", "true"], {"--json"})
    '--json is a flag and takes no value: write `--json` alone, not `--json true`'
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

# typer 0.29 runs on its own copy of click: its types, not the click package's
from typer._click.core import Context, Parameter
from typer._click.exceptions import UsageError
from typer.core import TyperCommand, TyperGroup, TyperOption

__all__ = ["FlagCommand", "FlagGroup", "flag_value_error", "reflow"]

#: Words a user may write after a flag believing it takes a boolean value.
BOOLEAN_WORDS = frozenset({"true", "false", "yes", "no", "on", "off", "1", "0"})


def _flag_names(params: Iterable[Parameter]) -> set[str]:
    return {
        name
        for p in params
        if isinstance(p, TyperOption) and p.is_flag and not p.count
        for name in (*p.opts, *p.secondary_opts)
    }


def _plain(params: list[Parameter]) -> list[Parameter]:
    """The parameters, flags given an empty metavar (the rich help then shows no ``<bool>``)."""
    for p in params:
        if isinstance(p, TyperOption) and p.is_flag and not p.count and p.metavar is None:
            p.metavar = ""
    return params


def flag_value_error(args: Sequence[str], flags: set[str]) -> str | None:
    """The message for a boolean word written after a flag (``--json true``), else None."""
    for flag, value in pairwise(args):
        if flag in flags and value.lower() in BOOLEAN_WORDS:
            return (
                f"{flag} is a flag and takes no value: write `{flag}` alone, not `{flag} {value}`"
            )
    return None


def reflow(text: str | None) -> str | None:
    r"""A docstring's paragraphs each on one line (typer's rich help keeps the line breaks of
    every paragraph after the first, so wrapped source lines showed as ragged help).

    Example:
        >>> reflow("First.\n\n  Second paragraph\n  wrapped.")
        'First.\n\nSecond paragraph wrapped.'
    """
    if not text:
        return text
    paragraphs = inspect.cleandoc(text).split("\n\n")
    return "\n\n".join(p if p.startswith("\b") else " ".join(p.split("\n")) for p in paragraphs)


class FlagCommand(TyperCommand):
    """A subcommand whose flags are shown as flags and whose flag misuse is named."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.help = reflow(self.help)

    def get_params(self, ctx: Context) -> list[Parameter]:
        """The parameters, flags with no type shown."""
        return _plain(super().get_params(ctx))

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        """Parse as click does; a failure caused by ``--flag true`` gets a message saying so."""
        original = list(args)
        try:
            return super().parse_args(ctx, args)
        except UsageError as exc:
            hint = flag_value_error(original, _flag_names(self.get_params(ctx)))
            if hint is None:
                raise
            raise UsageError(hint, exc.ctx) from None


class FlagGroup(TyperGroup):
    """The ``resgraph`` group: its own ``--help`` shown as a flag too."""

    def get_params(self, ctx: Context) -> list[Parameter]:
        """The parameters, flags with no type shown."""
        return _plain(super().get_params(ctx))
