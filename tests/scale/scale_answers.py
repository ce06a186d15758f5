"""Comparing answers of two stores: the normalisation of ties left to the engine.

Two SPARQL engines may return rows in different orders when a query does not fully order them, so
lists are compared as multisets; a title chosen among spellings that differ only in case is
compared case-insensitively (graph/queries/lookup.py ``TitlePicker`` keeps the first title seen).
"""

from __future__ import annotations

import json
from typing import Any


def plain(result: Any) -> Any:
    """A result as JSON-ready data (the API's view of it)."""
    if hasattr(result, "to_dict"):
        return result.to_dict()
    if isinstance(result, tuple | list):
        return [plain(r) for r in result]
    return result


def canonical(value: Any, key: str = "") -> Any:
    """Order-insensitive lists; titles case-folded (ties left to the engine, see module doc)."""
    if isinstance(value, dict):
        return {k: canonical(v, k if k in {"title", "titles"} else key) for k, v in value.items()}
    if isinstance(value, list):
        items = [canonical(v, key) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, default=str))
    if isinstance(value, str) and key in {"title", "titles"}:
        return value.casefold()
    return value
