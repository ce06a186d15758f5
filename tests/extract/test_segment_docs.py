"""The docstring examples of the load and segment modules run and hold (they are docs)."""

from __future__ import annotations

import doctest
import importlib
import os
from pathlib import Path

import pytest

MODULES = [
    "extract.load",
    "extract.loaders.text",
    "extract.loaders.html",
    "extract.normalize",
    "extract.history",
    "extract.entries",
    "extract.sections",
    "extract.segment_columns",
    "extract.headings",
    "extract.segment",
]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # examples name data/corpus files relative to the repository
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
    assert result.attempted > 0 or name.endswith("__init__")
    assert os.getcwd() == str(ROOT)
