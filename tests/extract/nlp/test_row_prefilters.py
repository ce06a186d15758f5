"""The actor-row prefilters (first characters, read past a leading article) keep every row
that matches.

``ActorTable.at`` may only drop rows (actor, bureau, directors) that cannot match where it is
asked: checked against the rows' own regexes at every word start of the real texts under
tests/gold and data/corpus, in every language table, and at places made to stress the article
("THE\\n  Council", "theory", "all\\tadministrations").
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from extract.assignments.actor_table import LANGUAGES, load_actor_table
from extract.assignments.article_rows import ArticleRows, top_level_alternatives

_ROOT = Path(__file__).resolve().parents[3]
_TEXTS = sorted(_ROOT.glob("tests/gold/*/texts/*.txt")) + sorted(_ROOT.glob("data/corpus/*.txt"))
_WORD_START = re.compile(r"(?<!\w)\w")


def _places(text: str) -> list[int]:
    return [m.start() for m in _WORD_START.finditer(text)]


def _check(text: str, lang: str) -> int:
    """Assert the kept rows include every matching row at each word start; count the checks."""
    table = load_actor_table(lang)
    n = 0
    for pos in _places(text):
        at = table.at(text, pos)
        for kind, rows in (
            ("actor", at.actors),
            ("bureau", at.bureaux),
            ("directors_prefix", at.directors),
        ):
            kept = {id(e) for e in rows}
            for e in table.of(kind):
                if e.pattern.match(text, pos) and id(e) not in kept:
                    raise AssertionError(f"{lang} row {e.id} matches at {text[pos : pos + 40]!r}")
        n += 1
    return n


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_matching_row_is_dropped_on_real_text(lang: str) -> None:
    assert _TEXTS, "no real texts found"
    checked = sum(_check(p.read_text(encoding="utf-8"), lang) for p in _TEXTS)
    assert checked > 10_000


def test_no_matching_row_is_dropped_around_articles() -> None:
    rnd = random.Random(15)
    table = load_actor_table("en")
    names = [e.example for e in table.of("actor")]
    articles = ["the", "The", "THE", "all", "All", "theory", "thesis", "allied", "the-"]
    blanks = [" ", "  ", "\n", " \n\t", "\u00a0", ""]
    checked = 0
    for _ in range(3000):
        text = rnd.choice(articles) + rnd.choice(blanks) + rnd.choice([*articles, ""])
        text += rnd.choice(blanks) + rnd.choice(names)
        checked += _check(text, "en")
    assert checked > 3000


def test_article_rows_drop_rows_that_cannot_follow_the_article() -> None:
    council = re.compile(r"(?:the\s+)?Council\b", re.IGNORECASE)
    tsb = re.compile(r"(?:the\s+)?TSB\b|Telecommunication\s+Standardization\s+Bureau", re.I)
    rows = [council, tsb]
    f = ArticleRows(rows)
    assert f.rows("the Council decides", 0, rows) == (council,)
    assert f.rows("The\n  TSB", 0, rows) == (tsb,)
    assert f.rows("theory", 0, rows) == ()


def test_top_level_alternatives_respect_groups_classes_and_escapes() -> None:
    assert top_level_alternatives(r"a|b(?:c|d)|[|]e|f\|g") == ["a", "b(?:c|d)", "[|]e", r"f\|g"]
    assert top_level_alternatives(r"[]|]x|y") == ["[]|]x", "y"]
    assert top_level_alternatives("abc") == ["abc"]
