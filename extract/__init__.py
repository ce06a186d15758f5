"""extract: ITU resolution documents -> typed records (headings, citations, assignments).

The stage's public surface; everything else under ``extract/`` is internal (its layout is in
``docs/architecture.md``). The verbs:

- :func:`load_document` (path -> :class:`SourceDoc`), :func:`expand_paths` (folders -> files),
- :func:`segment` (:class:`SourceDoc` -> :class:`DocumentStructure`),
- :func:`build_nlp` (the spaCy pipeline with the ``itu_citations`` and ``itu_assignments``
  components),
- :func:`extract_document` / :func:`extract_corpus` (everything above, record by record: an
  :class:`ExtractionResult` of :class:`Heading`, :class:`Citation`, :class:`Assignment`), and a
  :class:`DocumentError` naming the file for a document that cannot be read;
  :func:`extract_rendered` with :func:`result_jsonl` has worker processes send JSON lines;
  :func:`find_citation_parts` (the spaCy pass over a text), :func:`find_citations` and
  :func:`find_assignments` (its records, given the segmentation) are the stages of that chain,
- :func:`find_proposals` (the :class:`Proposal` records of a document and their typed
  :class:`ProposalChange` records, also in ``ExtractionResult.proposals``), :func:`proposer_of`
  (a proposer's id and kind from ``extract/proposals/proposers.json``),
- :meth:`SourceDoc.position_at` (offset -> :class:`SourcePosition`: PDF page, HTML element,
  Word footnote),
- :func:`write_jsonl` / :func:`read_jsonl` / :func:`record_json` (the record contract as JSONL),
- :func:`load_gazetteer` (ITU conferences: venue, year, organ, label), :func:`section_kind_of`,
- :func:`discover_gold_sets` / :func:`evaluate_set` / :func:`format_sets` (``resgraph eval``),
- :func:`generate_corpus` (synthetic documents for benchmarks), :func:`old_objects_frozen` (for
  programs that own their process: keep the collector off the pipeline's objects).

Why lazy exports (PEP 562): importing ``extract`` must stay cheap (the CLI imports it for
``--help``), and spaCy is only loaded when a pipeline is actually built.

Example:
    >>> from extract import extract_document
    >>> result = extract_document("data/corpus/000_4e58da7c9791f56a.txt")  # doctest: +SKIP
    >>> result.citations[0].surface  # doctest: +SKIP
    'WTSA Resolution 1'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.assignments.find import find_assignments
    from extract.citations.find import find_citation_parts, find_citations
    from extract.corpus import (
        extract_corpus,
        extract_document,
        extract_rendered,
        languages_of,
        result_jsonl,
        warm_for_workers,
    )
    from extract.evaluation import (
        EvalReport,
        GoldSet,
        SetReport,
        discover_gold_sets,
        evaluate,
        evaluate_set,
        format_sets,
    )
    from extract.exceptions import DocumentError
    from extract.gazetteer import Gazetteer, load_gazetteer
    from extract.io import read_jsonl, record_json, write_jsonl
    from extract.models import (
        Assignment,
        Citation,
        DocumentStructure,
        ExtractionResult,
        Heading,
        Proposal,
        ProposalChange,
        SourceDoc,
        SourcePosition,
        VersionRef,
    )
    from extract.nlp.gc_scope import old_objects_frozen
    from extract.nlp.pipeline import build_nlp
    from extract.proposals import find_proposals, proposer_of
    from extract.structure.sections import section_kind_of
    from extract.structure.segment import segment
    from extract.synth import generate_corpus
    from extract.text.load import expand_paths, load_document

_EXPORTS = {
    # verbs
    "build_nlp": "extract.nlp.pipeline",
    "discover_gold_sets": "extract.evaluation",
    "evaluate": "extract.evaluation",
    "evaluate_set": "extract.evaluation",
    "expand_paths": "extract.text.load",
    "extract_corpus": "extract.corpus",
    "extract_document": "extract.corpus",
    "extract_rendered": "extract.corpus",
    "result_jsonl": "extract.corpus",
    "find_assignments": "extract.assignments.find",
    "find_citation_parts": "extract.citations.find",
    "find_citations": "extract.citations.find",
    "find_proposals": "extract.proposals",
    "format_sets": "extract.evaluation",
    "generate_corpus": "extract.synth",
    "load_document": "extract.text.load",
    "load_gazetteer": "extract.gazetteer",
    "old_objects_frozen": "extract.nlp.gc_scope",
    "proposer_of": "extract.proposals",
    "read_jsonl": "extract.io",
    "record_json": "extract.io",
    "section_kind_of": "extract.structure.sections",
    "segment": "extract.structure.segment",
    "languages_of": "extract.corpus",
    "warm_for_workers": "extract.corpus",
    "write_jsonl": "extract.io",
    # types
    "Assignment": "extract.models",
    "Citation": "extract.models",
    "DocumentError": "extract.exceptions",
    "DocumentStructure": "extract.models",
    "EvalReport": "extract.evaluation",
    "ExtractionResult": "extract.models",
    "Gazetteer": "extract.gazetteer",
    "GoldSet": "extract.evaluation",
    "Heading": "extract.models",
    "Proposal": "extract.models",
    "ProposalChange": "extract.models",
    "SetReport": "extract.evaluation",
    "SourceDoc": "extract.models",
    "SourcePosition": "extract.models",
    "VersionRef": "extract.models",
}

__all__ = [
    "Assignment",
    "Citation",
    "DocumentError",
    "DocumentStructure",
    "EvalReport",
    "ExtractionResult",
    "Gazetteer",
    "GoldSet",
    "Heading",
    "Proposal",
    "ProposalChange",
    "SetReport",
    "SourceDoc",
    "SourcePosition",
    "VersionRef",
    "build_nlp",
    "discover_gold_sets",
    "evaluate",
    "evaluate_set",
    "expand_paths",
    "extract_corpus",
    "extract_document",
    "extract_rendered",
    "find_assignments",
    "find_citation_parts",
    "find_citations",
    "find_proposals",
    "format_sets",
    "generate_corpus",
    "languages_of",
    "load_document",
    "load_gazetteer",
    "old_objects_frozen",
    "proposer_of",
    "read_jsonl",
    "record_json",
    "result_jsonl",
    "section_kind_of",
    "segment",
    "warm_for_workers",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
