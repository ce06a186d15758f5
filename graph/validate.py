"""SHACL validation of a built store (``resgraph validate``).

Why SHACL on the built graph: the query functions, the API and the exports rely on invariants no
single builder function can see (every version knows its work and conference and whether its text is
loaded, every mention carries its provenance...). ``ontology/shapes.ttl`` states them, and pyshacl
checks the union of all named graphs, with the ontology supplying the subclass axioms.

Example:
    >>> import tempfile
    >>> from graph.build import build_store
    >>> root = tempfile.mkdtemp()
    >>> _ = build_store(root)
    >>> validate_store(root).conforms
    True
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graph import mint
from graph.backend import Store
from graph.embedded.store import union_store
from graph.rdf.static import ontology_graph, shapes_graph
from graph.store import open_store

__all__ = ["ValidationReport", "store_union_graph", "validate_graph", "validate_store"]


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of a SHACL run.

    Attributes:
        conforms: True when no shape is violated.
        violations: number of validation results.
        text: pyshacl's human-readable report.
        messages: one line per result (focus node, path, message), for CLIs and tests.
    """

    conforms: bool
    violations: int
    text: str
    messages: tuple[str, ...]


def store_union_graph(store: Store) -> Graph:
    """All quads of the store, merged into one rdflib Graph (the union the shapes apply to); a
    server's store is validated on a copy of its current generation.

    Example:
        >>> from graph.store import as_store
        >>> len(store_union_graph(as_store(ox.Store())))
        0
    """
    data = union_store(store.snapshot()).dump(
        format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()
    )
    g = Graph()
    if data:
        g.parse(data=data.decode("utf-8"), format="nt")
    return g


def validate_graph(data: Graph) -> ValidationReport:
    """Run the packaged shapes on an rdflib graph (the ontology is mixed in for subclasses).

    Example:
        >>> validate_graph(Graph()).conforms
        True
    """
    import pyshacl
    from rdflib.namespace import SH

    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inference="none"
    )
    messages = []
    for res in results.subjects(SH.focusNode, None):
        focus = results.value(res, SH.focusNode)
        path = results.value(res, SH.resultPath)
        msg = results.value(res, SH.resultMessage)
        messages.append(f"{focus} {path or ''}: {msg}")
    return ValidationReport(bool(conforms), len(messages), str(text), tuple(sorted(messages)))


def validate_store(path: str | Path, base: str = mint.DEFAULT_BASE) -> ValidationReport:
    """Validate the current generation of the store at ``path``.

    Raises:
        graph.backend.StoreError: if the store cannot be opened.

    Example:
        >>> import tempfile
        >>> validate_store(tempfile.mkdtemp()).violations
        0
    """
    with open_store(path, read_only=True, base=base) as s:
        return validate_graph(store_union_graph(s))
