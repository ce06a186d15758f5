"""What every typed result of the graph shares: ``to_dict()`` in plain JSON types.

Why a module of its own: the results are grouped by question (:mod:`graph.results`,
:mod:`graph.lineage_results`, :mod:`graph.queries.page_results`), and each group builds on the
same mixin without importing another group.

Example:
    >>> from dataclasses import dataclass
    >>> @dataclass(frozen=True)
    ... class Pair(_Result):
    ...     ids: tuple[str, ...]
    >>> Pair(ids=("wtsa/44", "pp/123")).to_dict()
    {'ids': ['wtsa/44', 'pp/123']}
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

__all__: list[str] = []


def _plain(value: Any) -> Any:
    """JSON-ready copy: dataclasses -> dicts, tuples -> lists."""
    if hasattr(value, "to_dict"):
        return value.to_dict()
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


class _Result:
    """Mixin giving every result dataclass the same ``to_dict``."""

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON types, field by field (nested results included)."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}  # type: ignore[arg-type]
