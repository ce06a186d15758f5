"""Side-by-side proposals: split a table of parallel columns into per-proposal blocks.

Why: a side-by-side compilation (several regional proposals to modify the same resolution)
is a Word table exported as text: each row is a run of tab-prefixed cells (an empty label cell,
then one cell per proposal) ended by a blank line. Read in order, the clauses of the proposals
interleave ("considering" of proposal A, of B, of C, then "recognizing" of A...). Every cell
belongs to the column of its position in the row, and the column's heading (the first row)
says which proposal it is ("MOD AFCP/35A8/1"); the document's header lists the proposals
("Proposal 2 (MOD, WTSA C-035 ATU Add08) (ATU)"), matched to a reference by its contribution
and addendum numbers (35, 8).

Offsets are into the normalized text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Cell", "ProposalHeader", "column_cells", "proposal_headers", "proposal_label"]

_CELL_START = re.compile(r"^ ?\t\S", re.MULTILINE)
_ROW_END = re.compile(r"\n[ \t]*\n(?= ?\t)")
_HEADER = re.compile(
    r"^[ \t]*(?:Proposal|PROPOSAL|Proposition|Propuesta)[ \t]+(?P<n>\d+)[ \t]*"
    r"\((?P<inside>[^)\n]*)\)[ \t]*\((?P<org>[^)\n]*)\)",
    re.MULTILINE,
)
#: The words a header line opens with (one of them is in every text :data:`_HEADER` matches).
_HEADER_WORDS = ("Proposal", "PROPOSAL", "Proposition", "Propuesta")
_ACTION = re.compile(r"^\s*(?P<action>MOD|ADD|SUP|NOC)\b[\s,]*(?P<rest>.*)$")
_REF_NUMBERS = re.compile(r"/(?P<doc>\d+)A(?P<add>\d+)/")


@dataclass(frozen=True)
class Cell:
    """One cell of a side-by-side table: its column and span."""

    column: int
    start: int
    end: int


@dataclass(frozen=True)
class ProposalHeader:
    """One line of a side-by-side document's header: ``Proposal 2 (MOD, WTSA C-035 ATU Add08)
    (ATU)`` (offsets of the line's text, into the text given)."""

    number: int
    action: str | None
    contribution: str | None
    proposer: str
    start: int
    end: int


def proposal_headers(text: str) -> list[ProposalHeader]:
    """The proposals a side-by-side document's header lists, in order.

    Example:
        >>> [(h.number, h.action, h.contribution, h.proposer) for h in proposal_headers(
        ...     "\\tProposal 1 (MOD, ) (AST)\\n\\tPROPOSAL 4 (MOD, TSAG-C187-R1) (RCC)\\n")]
        [(1, 'MOD', None, 'AST'), (4, 'MOD', 'TSAG-C187-R1', 'RCC')]
    """
    out: list[ProposalHeader] = []
    # most documents have no proposal header: four substring tests (memchr-fast) decide that,
    # where the line-anchored regex would visit every character
    if not any(word in text for word in _HEADER_WORDS):
        return out
    for h in _HEADER.finditer(text):
        inside = h.group("inside")
        m = _ACTION.match(inside)
        action, rest = (m.group("action"), m.group("rest")) if m else (None, inside)
        start = h.start() + len(h.group(0)) - len(h.group(0).lstrip())
        out.append(
            ProposalHeader(
                int(h.group("n")),
                action,
                rest.strip(" ,") or None,
                h.group("org").strip(),
                start,
                h.end(),
            )
        )
    return out


def column_cells(text: str, start: int, end: int, columns: int) -> list[Cell]:
    """The non-empty cells between ``start`` and ``end``, each with its column index.

    Rows end at a blank line followed by a new cell; within a row, the k-th non-empty cell is
    column k (cells beyond the last column join the last one).

    Example:
        >>> t = "\\tconsidering A\\n\\tconsidering B\\n\\n\\t\\n\\tnoting A\\n\\tnoting B\\n"
        >>> [(c.column, t[c.start:c.end].strip()) for c in column_cells(t, 0, len(t), 2)]
        [(0, 'considering A'), (1, 'considering B'), (0, 'noting A'), (1, 'noting B')]
    """
    row_ends = [m.start() for m in _ROW_END.finditer(text, start, end)]
    starts = [m.start() for m in _CELL_START.finditer(text, start, end)]
    cells: list[Cell] = []
    row = 0
    k = 0
    for i, s in enumerate(starts):
        while row < len(row_ends) and row_ends[row] < s:
            row += 1
            k = 0
        e = starts[i + 1] if i + 1 < len(starts) else end
        if row < len(row_ends) and row_ends[row] < e:
            e = row_ends[row] + 1
        cells.append(Cell(min(k, columns - 1), s, e))
        k += 1
    return cells


def proposal_label(text: str, ref: str | None, column: int) -> str:
    """Name a column: "Proposal 2, AFCP/35A8/1 (ATU)" when the header lists it, else the ref.

    Example:
        >>> proposal_label("\\tProposal 2 (MOD, WTSA C-035 ATU Add08) (ATU)\\n", "AFCP/35A8/1", 0)
        'Proposal 2, AFCP/35A8/1 (ATU)'
        >>> proposal_label("", None, 2)
        'column 3'
    """
    if ref is None:
        return f"column {column + 1}"
    m = _REF_NUMBERS.search(ref)
    if m:
        want = {int(m.group("doc")), int(m.group("add"))}
        for h in _HEADER.finditer(text):
            have = {int(n) for n in re.findall(r"\d+", h.group("inside"))}
            if want <= have:
                return f"Proposal {h.group('n')}, {ref} ({h.group('org').strip()})"
    return ref
