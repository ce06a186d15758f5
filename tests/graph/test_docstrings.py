"""The examples in graph/ docstrings are documentation: each module's must run and stay true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import graph

MODULES = sorted(m.name for m in pkgutil.walk_packages(graph.__path__, "graph."))


@pytest.mark.parametrize("module", MODULES)
def test_docstring_examples_run(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0


def test_most_modules_have_examples() -> None:
    """Guard against the parametrization silently finding nothing to run."""
    finder = doctest.DocTestFinder()
    with_examples = [
        m for m in MODULES if any(t.examples for t in finder.find(importlib.import_module(m)))
    ]
    assert len(MODULES) > 20 and len(with_examples) > 20
