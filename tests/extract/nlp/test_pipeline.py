"""The spaCy side: build_nlp, the ``itu_citations`` factory contract, patterns as data.

Why: a spaCy user should be able to add the component to their own pipeline, configure it,
save and load it, and extend the patterns file; these tests do exactly that.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from spacy.language import Language

from extract.nlp.citation_component import load_patterns
from extract.nlp.pipeline import build_nlp


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def test_factory_declares_what_it_assigns(nlp: Language) -> None:
    meta = nlp.get_pipe_meta("itu_citations")
    assert "doc.spans" in meta.assigns
    assert set(meta.default_config) >= {"spans_key", "patterns_path", "max_group"}
    assert nlp.pipe_names[0] == "itu_citations"


def test_every_pattern_has_id_label_example_and_matches_its_example(nlp: Language) -> None:
    patterns = load_patterns()
    assert len({p["id"] for p in patterns}) == len(patterns)
    for p in patterns:
        doc = nlp(p["example"])
        ids = {s._.itu.pattern for s in doc.spans["itu_citations"]}
        assert p["id"] in ids, (p["id"], p["example"], ids)
        kinds = {s._.itu.kind for s in doc.spans["itu_citations"] if s._.itu.pattern == p["id"]}
        assert kinds == {p["label"]}


def test_component_works_in_a_users_blank_pipeline() -> None:
    import extract.nlp.citation_component  # noqa: F401  (registers the factory)

    user = spacy.blank("en")
    user.add_pipe("itu_citations", config={"spans_key": "refs"})
    doc = user("as stated in Resolution 1353 of the Council.")
    (span,) = doc.spans["refs"]
    assert (span.text, span._.itu.organ) == ("Resolution 1353", "Council")


def test_config_overrides_reach_the_component() -> None:
    nlp = build_nlp(config={"itu_citations": {"max_group": 1}})
    doc = nlp("Resolutions 44 (Rev. Geneva, 2022) and 76 (Rev. Geneva, 2022) of this assembly")
    assert [s.text for s in doc.spans["itu_citations"]] == ["Resolutions 44 (Rev. Geneva, 2022)"]


def test_bad_arguments_name_the_valid_options() -> None:
    with pytest.raises(ValueError, match="valid"):
        build_nlp("fr")
    with pytest.raises(ValueError, match="itu_citations"):
        build_nlp(config={"itu_quotes": {}})


def test_patterns_round_trip_through_disk(nlp: Language, tmp_path: Path) -> None:
    nlp.to_disk(tmp_path / "pipe")
    saved = (tmp_path / "pipe" / "itu_citations" / "citations.jsonl").read_text(encoding="utf-8")
    assert len(saved.splitlines()) == len(load_patterns())
    loaded = spacy.load(tmp_path / "pipe")
    doc = loaded("noting Decision 5 (Rev. Dubai, 2018) of the Plenipotentiary Conference")
    assert [s._.itu.number for s in doc.spans["itu_citations"]] == ["5"]


def test_a_users_patterns_file_extends_the_component(tmp_path: Path) -> None:
    extra = {
        "id": "res-fr",
        "label": "resolution",
        "keywords": ["Résolution"],
        "trigger": "Résolution(?= \\d)",
        "window": [12, 60],
        "pattern": [{"ORTH": "Résolution"}, {"IS_DIGIT": True}],
        "example": "la Résolution 71 (Rév. Dubaï, 2018)",
    }
    path = tmp_path / "citations.jsonl"
    lines = [json.dumps(p, ensure_ascii=False) for p in [*load_patterns(), extra]]
    path.write_text("\n".join(lines), encoding="utf-8")
    nlp = build_nlp(config={"itu_citations": {"patterns_path": str(path)}})
    doc = nlp(extra["example"])
    (span,) = doc.spans["itu_citations"]
    assert (span._.itu.pattern, span._.itu.number) == ("res-fr", "71")


def test_a_pattern_entry_without_example_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x", "label": "resolution", "pattern": []}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:1: .*example"):
        load_patterns(path)


def test_tokenizer_splits_tracked_change_glue_and_chinese(nlp: Language) -> None:
    words = [t.text for t in nlp.make_doc("(Rev. Busan, 2014Dubai, 2018) Question3/2 第196号决议")]
    assert {"2014", "Dubai", "Question", "3/2", "第", "196", "号"} <= set(words)


@pytest.mark.parametrize(
    "module",
    [
        "extract.citations.parse",
        "extract.citations.parts",
        "extract.citations.organs",
        "extract.nlp.citation_component",
        "extract.citations.members",
        "extract.citations.mention",
        "extract.citations.attribute",
        "extract.citations.internal_refs",
        "extract.gazetteer",
        "extract.nlp.pipeline",
        "extract.nlp.prescan",
        "extract.nlp.pipes",
        "extract.io",
        "extract.synth",
    ],
)
def test_docstring_examples_run(module: str) -> None:
    """The examples in the docstrings are part of the documentation: they must stay true."""
    import doctest
    import importlib

    result = doctest.testmod(importlib.import_module(module))
    assert result.failed == 0 and result.attempted > 0
