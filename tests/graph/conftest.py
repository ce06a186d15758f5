"""Fixtures of the graph tests: real on-disk stores built once per session.

``seed_store`` (used by the query tests too) is the seed corpus ``data/corpus`` built into a
temporary on-disk store by :func:`graph.build.build_store`, from the hand-made gold records of
``tests/gold`` (the documents' real bytes give the content hashes and IRIs). Why gold records and
not a fresh extraction: the query tests must not fail because the extractor changed; the
end-to-end path (extract -> build) is tested on its own in ``test_build_pipeline.py``.

It yields a read-only :class:`graph.store.GraphStore` (``seed_store.root`` is its directory; open
more handles with ``open_store(seed_store.root, read_only=True)``). Never write to it.

``gold_records`` gives the gold records as JSON dicts, ``gold_inputs`` the DocumentInputs the seed
store is built from.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from extract.models import VersionRef
from graph.build import build_store
from graph.embedded.store import GraphStore
from graph.rdf.document import DocumentInput
from graph.rdf.records import records_by_doc
from graph.store import open_store

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "data" / "corpus"
GOLD = ROOT / "tests" / "gold"
GOLD_FILES = ("headings.jsonl", "citations.jsonl", "assignments.jsonl")


def load_gold() -> list[dict[str, Any]]:
    """Every gold record (headings, citations, assignments) as its JSON object."""
    out = []
    for name in GOLD_FILES:
        with open(GOLD / name, encoding="utf-8") as fh:
            out.extend(json.loads(line) for line in fh if line.strip())
    return out


def gold_document_inputs(records: list[dict[str, Any]]) -> list[DocumentInput]:
    """DocumentInputs for the seed files with their gold records.

    The conference a document is about comes from the annotators' ``doc_context`` (e.g.
    "WTSA-20 (Geneva, 2022)"), which the extractor gives as ``DocumentStructure.conference``.
    """
    context: dict[str, VersionRef] = {}
    for rec in records:
        m = re.search(r"\(([^,()]+), (\d{4})\)", rec.get("doc_context") or "")
        if m:
            context[rec["doc"]] = VersionRef(m.group(1), int(m.group(2)))
    grouped = records_by_doc(records)
    return [
        DocumentInput.from_file(
            CORPUS / name,
            tuple(grouped.get(name, ())),
            conference=context.get(name),
            text=(CORPUS / name).read_text(encoding="utf-8"),
        )
        for name in sorted(p.name for p in CORPUS.iterdir() if p.suffix == ".txt")
    ]


@pytest.fixture(scope="session")
def gold_records() -> list[dict[str, Any]]:
    """The gold records (JSON dicts) of tests/gold."""
    return load_gold()


@pytest.fixture(scope="session")
def gold_inputs(gold_records: list[dict[str, Any]]) -> list[DocumentInput]:
    """The DocumentInputs ``seed_store`` is built from."""
    return gold_document_inputs(gold_records)


@pytest.fixture(scope="session")
def seed_store(
    tmp_path_factory: pytest.TempPathFactory, gold_inputs: list[DocumentInput]
) -> Iterator[GraphStore]:
    """The seed corpus built into an on-disk store once per session (read-only handle)."""
    root = tmp_path_factory.mktemp("seed-store")
    report = build_store(root, inputs=gold_inputs)
    assert not report.failed, report.failed
    store = open_store(root, read_only=True)
    yield store
    store.close()
