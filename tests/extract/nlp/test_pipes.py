"""The extractor finds its components as ``pipe_names`` and ``get_pipe`` would: a disabled or
removed component is not used, a renamed one is not found."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.assignments.find import find_assignments
from extract.assignments.quoted import CitedBefore
from extract.citations.find import find_citation_parts
from extract.nlp.pipeline import build_nlp
from extract.nlp.pipes import enabled_pipe
from extract.structure.segment import segment
from extract.text.load import load_document

SEEDS = Path(__file__).resolve().parents[3] / "data" / "corpus"
TEXT = "see Resolution 70 (Rev. Dubai, 2018) of the Council"


def test_enabled_pipe_agrees_with_pipe_names() -> None:
    nlp = build_nlp()
    for name in ("itu_citations", "itu_assignments", "ner"):
        found = enabled_pipe(nlp, name)
        assert (found is not None) == (name in nlp.pipe_names)
        if found is not None:
            assert found is nlp.get_pipe(name)
    nlp.disable_pipe("itu_assignments")
    assert enabled_pipe(nlp, "itu_assignments") is None
    nlp.enable_pipe("itu_assignments")
    assert enabled_pipe(nlp, "itu_assignments") is nlp.get_pipe("itu_assignments")
    nlp.rename_pipe("itu_citations", "citations")
    assert enabled_pipe(nlp, "itu_citations") is None
    assert enabled_pipe(nlp, "citations") is nlp.get_pipe("citations")


def test_a_disabled_citation_component_is_not_used() -> None:
    nlp = build_nlp()
    assert [p.number for p in find_citation_parts(TEXT, nlp)] == ["70"]
    nlp.disable_pipe("itu_citations")
    with pytest.raises(ValueError, match="no itu_citations component"):
        find_citation_parts(TEXT, nlp)
    assert not CitedBefore(TEXT, nlp, None).available


def test_assignments_fall_back_to_a_default_component_when_theirs_is_removed() -> None:
    doc = load_document(SEEDS / "003_fb0deb38008239bc.txt")
    structure = segment(doc)
    nlp = build_nlp()
    expected = find_assignments(doc, structure, nlp)
    assert [a.addressee for a in expected] == ["TSB", "Sector Members"]
    nlp.remove_pipe("itu_assignments")
    assert find_assignments(doc, structure, nlp) == expected
