"""Who proposes: regional groups and Member States, read from ``proposers.json``.

Why a data file: the list of proposers (and the reference prefixes each uses, ``AFCP`` for the
African Common Proposals, ``IAP`` for the Inter-American ones) grows with every assembly; a row
added there teaches the extractor a proposer without a code change.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal, cast

__all__ = ["Proposer", "load_proposers", "proposer_of"]

ProposerKind = Literal["regional_group", "member_state"]


@dataclass(frozen=True)
class Proposer:
    """One known proposer: its id (``ATU``), kind, full name, spellings and reference prefixes."""

    id: str
    kind: ProposerKind
    name: str
    names: tuple[str, ...]
    prefixes: tuple[str, ...]


@cache
def load_proposers() -> tuple[Proposer, ...]:
    """The packaged proposers (read once).

    Raises:
        ValueError: naming the file and the row when a row lacks a field or has a bad kind.
    """
    raw = json.loads(
        resources.files("extract.proposals").joinpath("proposers.json").read_text("utf-8")
    )
    out = []
    for i, row in enumerate(raw["proposers"]):
        try:
            kind = row["kind"]
            if kind not in ("regional_group", "member_state"):
                raise ValueError(f"kind {kind!r} is not regional_group or member_state")
            out.append(
                Proposer(
                    row["id"],
                    cast(ProposerKind, kind),
                    row["name"],
                    tuple(row["names"]),
                    tuple(row["prefixes"]),
                )
            )
        except (KeyError, ValueError) as exc:
            raise ValueError(f"extract/proposals/proposers.json: row {i}: {exc}") from exc
    return tuple(out)


def proposer_of(name: str | None, reference: str | None = None) -> Proposer | None:
    """The proposer a name (``ATU``, ``United States``) or else a reference prefix names.

    Example:
        >>> proposer_of("CITEL").kind, proposer_of(None, "AFCP/35A8/1").id
        ('regional_group', 'ATU')
        >>> proposer_of("Atlantis") is None
        True
    """
    known = load_proposers()
    if name:
        folded = name.strip().casefold()
        for p in known:
            if any(folded == n.casefold() for n in p.names):
                return p
    if reference and "/" in reference:
        prefix = reference.split("/", 1)[0].strip()
        for p in known:
            if prefix in p.prefixes:
                return p
    return None
