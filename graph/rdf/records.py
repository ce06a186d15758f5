"""Records from their JSON form (the record contract of DESIGN.md section 2) back to dataclasses.

Why: the graph builder takes the extractor's frozen dataclasses, but the same records also exist
as JSONL (``resgraph extract --format jsonl``, the gold files in ``tests/gold``). Reading them back
into the dataclasses lets one builder serve both, and lets the graph be rebuilt from saved
extraction output without re-running spaCy. Keys the dataclasses do not know (annotator notes such
as ``"note"`` or ``"doc_context"``) are ignored.

Example:
    >>> rec = record_from_json({"type": "heading", "doc": "a.txt", "start": 0, "end": 4,
    ...     "surface": "R 44", "number": "44", "body": "WTSA", "title": None,
    ...     "version_venue": "Geneva", "version_year": 2022, "status": "Rev",
    ...     "history": [["Hammamet", 2016]]})
    >>> rec.history
    (VersionRef(venue='Hammamet', year=2016),)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from extract import Assignment, Citation, Heading, VersionRef, section_kind_of

__all__ = ["Record", "read_jsonl", "record_from_json", "records_by_doc"]

Record = Heading | Citation | Assignment

_TYPES: dict[str, type[Heading] | type[Citation] | type[Assignment]] = {
    "heading": Heading,
    "citation": Citation,
    "assignment": Assignment,
}


def _version(value: Any) -> VersionRef | None:
    if value is None:
        return None
    if isinstance(value, VersionRef):
        return value
    if isinstance(value, Mapping):
        return VersionRef(str(value["venue"]), int(value["year"]))
    venue, year = value
    return VersionRef(str(venue), int(year))


def record_from_json(obj: Mapping[str, Any] | Record) -> Record:
    """One record dataclass from its JSON object (dataclasses pass through unchanged).

    Raises:
        ValueError: when ``"type"`` is missing or unknown, or a required field is absent; the
            message names the record's ``doc`` and offsets.

    Example:
        >>> record_from_json({"type": "x"})
        Traceback (most recent call last):
        ...
        ValueError: record ?:?: unknown type 'x'; valid: heading, citation, assignment
    """
    if isinstance(obj, Heading | Citation | Assignment):
        return obj
    where = f"{obj.get('doc', '?')}:{obj.get('start', '?')}"
    cls = _TYPES.get(str(obj.get("type")))
    if cls is None:
        raise ValueError(
            f"record {where}: unknown type {obj.get('type')!r}; valid: {', '.join(_TYPES)}"
        )
    known = {f.name for f in fields(cls)}
    kwargs = {k: v for k, v in obj.items() if k in known}
    for key in ("history",):
        if key in kwargs and kwargs[key] is not None:
            kwargs[key] = tuple(_version(v) for v in kwargs[key])
    for key in ("also", "version_also"):
        if key in kwargs:
            kwargs[key] = _version(kwargs[key])
    for key in ("addressees", "collaborators", "items"):
        if key in kwargs:
            kwargs[key] = tuple(kwargs[key] or ())
    if cls is not Heading and kwargs.get("section_kind") is None and kwargs.get("section"):
        # records written before ``section_kind`` existed (or by hand, as the gold is) name the
        # section only: its kind comes from the extractor's heading-word table, the one source
        kwargs["section_kind"] = section_kind_of(str(kwargs["section"]))
    if cls is Assignment and "addressees" not in kwargs and obj.get("addressee"):
        kwargs["addressees"] = (obj["addressee"],)
    try:
        return cls(**kwargs)
    except TypeError as exc:
        raise ValueError(f"record {where}: {exc}") from None


def read_jsonl(path: str | Path) -> list[Record]:
    """Read a JSONL file of records (blank lines skipped).

    Raises:
        ValueError: naming the file and line of a malformed record.

    Example:
        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "r.jsonl")
        >>> _ = open(p, "w").write('{"type": "citation", "doc": "a.txt", "start": 0, "end": 1, '
        ...     '"surface": "x", "kind": "resolution", "number": "1", "body": "PP", '
        ...     '"venue": null, "year": null, "revised": false, "body_basis": "explicit"}\\n')
        >>> [r.number for r in read_jsonl(p)]
        ['1']
    """
    out: list[Record] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                out.append(record_from_json(json.loads(line)))
            except (ValueError, KeyError) as exc:
                raise ValueError(f"{path}:{lineno}: bad record: {exc}") from None
    return out


def records_by_doc(records: Iterable[Mapping[str, Any] | Record]) -> dict[str, list[Record]]:
    """Group records (dataclasses or JSON objects) by their ``doc``, in document order.

    Example:
        >>> recs = records_by_doc([{"type": "assignment", "doc": "b.txt", "start": 5, "end": 9,
        ...     "surface": "x", "resolution": "1", "verb": "instructs", "addressee": "TSB",
        ...     "addressees": ["TSB"], "collaborators": []}])
        >>> list(recs), recs["b.txt"][0].addressees
        (['b.txt'], ('TSB',))
    """
    grouped: dict[str, list[Record]] = {}
    for obj in records:
        rec = record_from_json(obj)
        grouped.setdefault(rec.doc, []).append(rec)
    order = {Heading: 0, Citation: 1, Assignment: 2}
    for recs in grouped.values():
        recs.sort(key=lambda r: (r.start, order[type(r)], r.end))
    return grouped
