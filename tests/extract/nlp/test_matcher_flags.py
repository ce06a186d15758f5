"""Patterns compiled to lexeme flags match exactly what the patterns as written match."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.language import Language
from spacy.matcher import Matcher

from extract.citations.parts import load_patterns
from extract.nlp.citation_component import CitationComponent
from extract.nlp.matcher_flags import LexemeFlags, flag_patterns
from extract.nlp.pipeline import build_nlp

PATTERNS = load_patterns(None)
WORDS = st.sampled_from(
    [
        "Resolution", "resolutions", "RESOLUTION", "Res", ".", "Decision", "Question", "WTDC",
        "WTSA", "Council", "PP", "ITU", "-", "T", "D", "R", "Recommendation", "E.161.1",
        "E.161", "X", "12", "195", "2014", "12345", "3/2", "70/1", "14", "instructs",
        "Resolves", "the", "Director", "above", "below", "Résolution", "résolutions",
        "RESOLUCIÓN", "Resoluciones", "UIT", "Recomendación", "Cuestión", "第", "196", "号",
        "决", "议", "定", "课", "题", " ", "  ", "\t", "\n", "(", ")", "and", ",", "1/2", "x2",
    ]
)  # fmt: skip


def written(nlp: Language) -> Matcher:
    """A Matcher of the patterns exactly as the JSONL writes them (Python predicates)."""
    m = Matcher(nlp.vocab)
    for p in PATTERNS:
        m.add(p["id"], [p["pattern"]])
    return m


def flagged(nlp: Language) -> Matcher:
    m = Matcher(nlp.vocab, validate=False)
    flags = LexemeFlags(nlp.vocab)
    for p in PATTERNS:
        m.add(p["id"], [flag_patterns(flags, p["pattern"])])
    return m


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_nlp()


def test_every_regex_and_set_predicate_on_spelling_becomes_a_flag(nlp: Language) -> None:
    for p in PATTERNS:
        for spec in flag_patterns(LexemeFlags(nlp.vocab), p["pattern"]):
            for attr, cond in spec.items():
                assert not (attr in ("TEXT", "ORTH", "LOWER") and isinstance(cond, dict)), p["id"]


@pytest.mark.parametrize("path", sorted(Path("data/corpus").glob("*.txt")), ids=lambda p: p.name)
def test_same_matches_on_the_corpus(nlp: Language, path: Path) -> None:
    doc = nlp.make_doc(path.read_text(encoding="utf-8"))
    a, b = sorted(written(nlp)(doc)), sorted(flagged(nlp)(doc))
    assert a == b and len(a) > 3


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=30))
def test_same_matches_on_any_token_sequence(nlp: Language, words: list[str]) -> None:
    doc = spacy.tokens.Doc(nlp.vocab, words=words, spaces=[False] * len(words))
    assert sorted(written(nlp)(doc)) == sorted(flagged(nlp)(doc))


def test_new_words_get_their_flags_when_first_seen(nlp: Language) -> None:
    """Lexemes created after the flags were added (a number never seen) are flagged too."""
    doc = nlp.make_doc("Resolution 9876 and Resolution 98765")
    assert [doc[s:e].text for _, s, e in flagged(nlp)(doc)] == ["Resolution 9876"]


def test_a_bad_pattern_is_still_refused_as_written(nlp: Language) -> None:
    bad = [{"id": "x", "label": "resolution", "pattern": [{"TEXT": {"REGEXP": "1"}}]}]
    with pytest.raises(ValueError):
        CitationComponent(
            nlp, "c", spans_key="c", patterns_path=None, max_group=8, sector_lookback=200
        ).initialize(patterns=bad)


def _vocab_state(nlp: Language) -> tuple[set[int], dict[str, str]]:
    words = ["resolutions", "Resolutions", "RESOLUTIONS", "decisions", "Questions"]
    return set(nlp.vocab.lex_attr_getters), {w: nlp.vocab[w].norm_ for w in words}


def test_a_pipeline_of_someone_else_keeps_its_vocabulary_and_finds_the_same() -> None:
    """Added to a plain spaCy pipeline, the component adds no lexeme flag and sets no norm;
    it finds what the resgraph pipeline (which owns its vocabulary) finds."""
    theirs = spacy.blank("en")
    before = _vocab_state(theirs)
    theirs.add_pipe("itu_citations")
    assert _vocab_state(theirs) == before
    ours = build_nlp()
    text = Path("data/corpus/003_fb0deb38008239bc.txt").read_text(encoding="utf-8")
    text += " Resolutions 70 and 175 (Rev. Dubai, 2018), DECISIONS 5 and 11"

    def found(nlp: Language) -> list[tuple[int, int, str]]:
        doc = nlp(text)
        return [(s.start_char, s.end_char, s._.itu.number) for s in doc.spans["itu_citations"]]

    assert found(theirs) == found(ours) and len(found(ours)) > 5
    assert _vocab_state(theirs) == before
