"""The example queries count with plain COUNT and select without DISTINCT: each fact is stored
once, so on the real seed store they answer exactly as their DISTINCT forms do.

Why compare with the DISTINCT form rather than fixed numbers: the claim is that nothing is
counted twice; the DISTINCT form is the reference an analyst would otherwise have to write.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from graph.embedded.store import GraphStore

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "graph/queries/examples").glob("*.rq"))


def _distinct_form(text: str) -> str:
    text = re.sub(r"COUNT\(\?", "COUNT(DISTINCT ?", text)
    return re.sub(r"^SELECT (?!DISTINCT)", "SELECT DISTINCT ", text, flags=re.M)


def _answer(store: GraphStore, text: str) -> Counter[tuple[str, ...]]:
    result = store.store.query(text, use_default_graph_as_union=True)
    if hasattr(result, "variables"):
        names = result.variables
        return Counter(tuple(str(row[v]) for v in names) for row in result)
    return Counter((str(t),) for t in result)  # CONSTRUCT: the triples


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_example_needs_no_distinct(seed_store: GraphStore, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "COUNT(DISTINCT ?citation)" not in text and "SELECT DISTINCT" not in text
    plain = _answer(seed_store, text)
    assert plain, f"{path.name} answers nothing on the seeds"
    if text.lstrip("# \n").find("CONSTRUCT") >= 0 and "SELECT" not in text:
        assert max(plain.values()) == 1, "a triple constructed twice"
        return
    assert plain == _answer(seed_store, _distinct_form(text))
    assert max(plain.values()) == 1, "identical rows"
