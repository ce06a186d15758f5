"""The package surface of graph/: one list of names, each importable, each where the map says.

Why: ``graph/__init__.py`` names its exports three times (``__all__``, the lazy map, and the
imports type checkers read); a name missing from one of them fails only for the user who needs it.
"""

from __future__ import annotations

import ast
import importlib
import subprocess
import sys
from pathlib import Path

import graph

INIT = Path(graph.__file__)


def _type_checking_names() -> set[str]:
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom), ast.dump(imp)
                names.update(a.asname or a.name for a in imp.names)
    return names


def test_all_the_lazy_map_and_the_typed_imports_name_the_same_things() -> None:
    exports = graph._EXPORTS  # type: ignore[attr-defined]
    assert set(graph.__all__) == set(exports)
    assert _type_checking_names() == set(graph.__all__)


def test_every_exported_name_is_the_object_of_its_module() -> None:
    for name, (module, attr) in graph._EXPORTS.items():  # type: ignore[attr-defined]
        assert getattr(graph, name) is getattr(importlib.import_module(module), attr), name


def test_an_unknown_name_raises_attribute_error() -> None:
    try:
        graph.no_such_function  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "no_such_function" in str(exc)
    else:
        raise AssertionError("graph.no_such_function did not raise")


def test_importing_graph_loads_none_of_its_modules() -> None:
    """``import graph`` stays cheap: the CLI's ``--help`` must not load stores or rdflib."""
    code = "import sys, graph; print(sorted(m for m in sys.modules if m.startswith('graph.')))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
