"""extract: ITU resolution documents -> typed records (headings, citations, assignments).

Why lazy exports: importing ``extract`` must stay cheap (the CLI imports it for ``--help``), and
spaCy is only loaded when a pipeline is actually built. Loading and segmenting are
imported eagerly: they are light, and a submodule must not shadow the function of its name.
The five verbs of the stage are:

- :func:`load_document` (path -> SourceDoc),
- :func:`segment` (SourceDoc -> DocumentStructure),
- :func:`build_nlp` (the spaCy pipeline with the ``itu_citations`` component),
- :func:`extract_document` / :func:`extract_corpus` (everything above, record by record).

Example:
    >>> from extract import extract_document
    >>> result = extract_document("data/corpus/000_4e58da7c9791f56a.txt")  # doctest: +SKIP
    >>> result.citations[0].surface  # doctest: +SKIP
    'WTSA Resolution 1'
"""

from __future__ import annotations

import importlib
from typing import Any

from extract.structure.segment import segment

# Bound eagerly (cheap, no spaCy): the submodule ``extract.structure.segment`` would otherwise
# shadow the function ``segment`` once imported, and ``from extract import segment`` would give the
# module.
from extract.text.load import load_document

__all__ = ["build_nlp", "extract_corpus", "extract_document", "load_document", "segment"]

_EXPORTS = {
    "build_nlp": "extract.nlp.pipeline",
    "extract_corpus": "extract.corpus",
    "extract_document": "extract.corpus",
}


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use (PEP 562)."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'extract' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
