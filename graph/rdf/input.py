"""What the graph builder takes for one document: identity, records, optional structure and text.

Why its own module: both build paths produce it — the extractor's results
(:meth:`DocumentInput.from_result`) and records saved as JSONL next to the files they describe
(:meth:`DocumentInput.from_file`) — and the synthetic benchmark corpus builds it directly.

Example:
    >>> DocumentInput(name="a.txt", sha256="0" * 64, records=()).format
    'txt'
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from extract import DocumentStructure, ExtractionResult, Proposal, SourcePosition, VersionRef
from graph.rdf.records import Record, read_jsonl, records_by_doc

if TYPE_CHECKING:  # a field type only (extract's surface does not export it)
    from extract.documents import TrackedChange

__all__ = ["DocumentInput", "inputs_from_jsonl"]


@dataclass(frozen=True)
class DocumentInput:
    """What the builder needs to know about one document: identity, records, optional structure.

    Attributes:
        name: file name (the ``doc`` of the records).
        sha256: hex SHA-256 of the file bytes (the content key of the incremental build).
        records: headings, citations and assignments of this document.
        format: txt, docx, pdf or html.
        lang: main language of the text.
        text_length: length of the loaded text, if known.
        structure: the resolution/section/paragraph tree, when the extractor gave one; without
            it, sections and paragraphs are keyed by the names the records carry.
        conference: the conference the document is about, for table entries that give a status
            but no conference (e.g. "[Rev]" in a table of WTSA-20 results).
        text: the loaded text (offsets refer to it), used for the clause text of assignments.
        proposals: the amendment proposals the document holds (graph.rdf.proposals).
        changes: a Word file's tracked changes, offsets into ``text`` (graph.rdf.source_text).
        positions: where spans of ``text`` sit in the original file (PDF page, HTML element path,
            Word footnote), sorted by start; empty for .txt and for records read from JSONL, so
            a plain-text input costs nothing more to pickle for the build workers.
    """

    name: str
    sha256: str
    records: tuple[Record, ...]
    format: str = "txt"
    lang: str = "en"
    text_length: int | None = None
    structure: DocumentStructure | None = None
    conference: VersionRef | None = None
    text: str | None = None
    proposals: tuple[Proposal, ...] = ()
    changes: tuple[TrackedChange, ...] = ()
    positions: tuple[SourcePosition, ...] = ()

    def position_at(self, offset: int) -> SourcePosition | None:
        """The place in the original file of the text at ``offset`` (None if unknown).

        Why here and not on the extractor's ``SourceDoc``: the builder only has this input (the
        workers receive it pickled), and a bisection per mention keeps a long PDF linear.

        Example:
            >>> d = DocumentInput(name="a.pdf", sha256="0" * 64, records=(), positions=(
            ...     SourcePosition(0, 3, page=1), SourcePosition(3, 5, page=2)))
            >>> d.position_at(4).page, d.position_at(9)
            (2, None)
        """
        k = bisect.bisect_right(self.positions, offset, key=lambda p: p.start) - 1
        if k >= 0 and offset < self.positions[k].end:
            return self.positions[k]
        return None

    @classmethod
    def from_result(cls, result: ExtractionResult) -> DocumentInput:
        """The input for an extractor result (records, structure and document metadata).

        Example:
            >>> DocumentInput.from_result  # doctest: +ELLIPSIS
            <bound method DocumentInput.from_result of <class '...DocumentInput'>>
        """
        doc = result.doc
        return cls(
            name=doc.name,
            sha256=doc.sha256,
            records=tuple(result.records()),
            format=doc.format,
            lang=doc.lang,
            text_length=len(doc.text),
            structure=result.structure,
            conference=result.structure.conference,
            text=doc.text,
            proposals=result.proposals,
            changes=doc.changes,
            positions=doc.positions,
        )

    @classmethod
    def from_file(
        cls, path: str | Path, records: tuple[Record, ...], **extra: object
    ) -> DocumentInput:
        """The input for a file on disk and records read elsewhere (e.g. a JSONL file).

        Example:
            >>> import tempfile, os
            >>> p = os.path.join(tempfile.mkdtemp(), "x.txt")
            >>> _ = open(p, "w").write("hello")
            >>> DocumentInput.from_file(p, ()).sha256[:8]
            '2cf24dba'
        """
        path = Path(path)
        with path.open("rb") as fh:  # in chunks: the file may be large
            sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
        return cls(
            name=path.name,
            sha256=sha256,
            records=records,
            format=path.suffix.lstrip(".").lower() or "txt",
            **extra,  # type: ignore[arg-type]
        )


def inputs_from_jsonl(
    record_files: Iterable[str | Path], files: Iterable[str | Path]
) -> list[DocumentInput]:
    """The inputs of ``resgraph build --records``: each file with the records the JSONL files
    hold for it (by file name; a file without records gets none).

    Raises:
        ValueError: naming a malformed record, or documents that have records but were not given.

    Example:
        >>> inputs_from_jsonl([], [])
        []
    """
    by_name = {Path(f).name: Path(f) for f in files}
    grouped = records_by_doc(r for path in record_files for r in read_jsonl(path))
    missing = sorted(set(grouped) - set(by_name))
    if missing:
        raise ValueError(f"records for documents not given: {', '.join(missing)}")
    return [
        DocumentInput.from_file(by_name[name], tuple(grouped.get(name, ()))) for name in by_name
    ]
