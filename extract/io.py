"""JSONL reading and writing of extraction records (the record contract of DESIGN.md §2).

Why JSONL: one record per line streams well (``resgraph extract ... > records.jsonl``), diffs
well in review, and is the format of the gold annotations, so the evaluator and the graph
builder read extraction output and gold alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, Protocol

__all__ = ["read_jsonl", "record_json", "write_jsonl"]


class _Record(Protocol):
    def to_json(self) -> dict[str, Any]: ...


def record_json(record: _Record | dict[str, Any]) -> str:
    """One record as a single JSON line (non-ASCII kept as is: Chinese surfaces stay readable).

    Example:
        >>> record_json({"type": "citation", "surface": "第196号决议"})
        '{"type": "citation", "surface": "第196号决议"}'
    """
    data = record if isinstance(record, dict) else record.to_json()
    return json.dumps(data, ensure_ascii=False)


def write_jsonl(records: Iterable[_Record | dict[str, Any]], out: str | Path | IO[str]) -> int:
    """Write records one per line to a path or an open text stream; returns the count.

    Example:
        >>> import io
        >>> buf = io.StringIO()
        >>> write_jsonl([{"type": "citation", "number": "1"}], buf)
        1
        >>> buf.getvalue()
        '{"type": "citation", "number": "1"}\\n'
    """
    if isinstance(out, str | Path):
        with Path(out).open("w", encoding="utf-8") as fh:
            return write_jsonl(records, fh)
    n = 0
    for r in records:
        out.write(record_json(r) + "\n")
        n += 1
    return n


def read_jsonl(path: str | Path, type_: str | None = None) -> Iterator[dict[str, Any]]:
    """Read records from a JSONL file (optionally only those with ``"type" == type_``).

    Raises:
        ValueError: naming the file and line of a line that is not a JSON object.

    Example:
        >>> recs = list(read_jsonl("tests/gold/citations.jsonl", "citation"))  # doctest: +SKIP
    """
    p = Path(path)
    with p.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{p}:{i}: not valid JSON: {exc.msg}") from exc
            if not isinstance(obj, dict):
                raise ValueError(f"{p}:{i}: expected a JSON object, got {type(obj).__name__}")
            if type_ is None or obj.get("type") == type_:
                yield obj
