"""The docstring examples of the load and segment modules run and hold (they are docs)."""

from __future__ import annotations

import doctest
import importlib
import os
from pathlib import Path

import pytest

MODULES = [
    "extract.text.load",
    "extract.text.loaders.text",
    "extract.text.loaders.html",
    "extract.text.normalize",
    "extract.structure.history",
    "extract.structure.entries",
    "extract.structure.sections",
    "extract.structure.columns",
    "extract.structure.headings",
    "extract.structure.segment",
]
ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples name data/corpus files relative to the repository
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0 or name.endswith("__init__")
    assert os.getcwd() == str(ROOT)
