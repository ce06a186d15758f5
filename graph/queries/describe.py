"""What the graph says about one IRI: the data of the dereferenceable ``/id/`` pages.

Why in graph/: the description picks out labels, citations and versions by their ontology terms;
the API only renders it (JSON-LD, Turtle, HTML), so the vocabulary stays in graph/.

Example:
    >>> import pyoxigraph as ox
    >>> from graph.store import as_store
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode(str(CITO.cites)), ox.NamedNode("urn:b")))
    >>> describe(as_store(s), "urn:b").cited_by
    ('urn:a',)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode, Triple

from graph.backend import Store
from graph.vocab import CITO, DCTERMS, RDFS, RG, SKOS

__all__ = ["MAX_INCOMING", "ResourceView", "describe"]

#: Triples pointing at a resource that a description keeps (a hub is cited thousands of times).
MAX_INCOMING = 500
_CITES = str(CITO.cites)
_VERSION_OF = str(RG.versionOf)
#: Document literals too large for a list of statements: the build's shared-statement text and
#: the source text with its tracked changes (the source view /documents/{key} shows those)
_HIDDEN = frozenset(
    NamedNode(str(t))
    for t in (RG.sharedStatements, RG.sourceText, RG.trackedChanges, RG.sourcePositions)
)
_LABELS = (str(DCTERMS.title), str(SKOS.prefLabel), str(RDFS.label))


@dataclass(frozen=True)
class ResourceView:
    """What the graph says about one IRI: its own triples, the triples pointing at it, and the
    links a reader wants first (label, what it cites, what cites it, its versions)."""

    iri: str
    label: str | None
    outgoing: tuple[Triple, ...]
    incoming: tuple[Triple, ...]
    cites: tuple[str, ...]
    cited_by: tuple[str, ...]
    versions: tuple[str, ...]

    def triples(self) -> list[Triple]:
        """Outgoing then incoming triples, as served in RDF formats."""
        return [*self.outgoing, *self.incoming]


def describe(store: Store, iri: str) -> ResourceView | None:
    """The description of ``iri`` in ``store`` (all graphs), or None when it appears nowhere.

    The label is the first of ``dcterms:title``, ``skos:prefLabel``, ``rdfs:label`` the resource
    has, English preferred; at most :data:`MAX_INCOMING` incoming triples are kept.
    """
    node = NamedNode(iri)
    # a document's rg:sharedStatements text is build bookkeeping: its facts are in the derived
    # graph, once (docs/named-graphs.md), so a page would only repeat them as one huge string;
    # its rg:sourceText is the whole document, read through the source view instead
    found = store.quads_for_pattern(node, None, None)
    outgoing = tuple(sorted({q.triple for q in found if q.predicate not in _HIDDEN}, key=str))
    incoming_set: set[Triple] = set()
    for n, q in enumerate(store.quads_for_pattern(None, None, node)):
        if n >= MAX_INCOMING:
            break
        incoming_set.add(q.triple)
    incoming = tuple(sorted(incoming_set, key=str))
    if not outgoing and not incoming:
        return None
    label = None
    for predicate in _LABELS:
        values = [t.object for t in outgoing if t.predicate.value == predicate]
        literals = [v for v in values if isinstance(v, Literal)]
        english = [v for v in literals if (v.language or "en").startswith("en")]
        if english or literals:
            label = (english or literals)[0].value
            break
    return ResourceView(
        iri=iri,
        label=label,
        outgoing=outgoing,
        incoming=incoming,
        cites=_iris(t.object for t in outgoing if t.predicate.value == _CITES),
        cited_by=_iris(t.subject for t in incoming if t.predicate.value == _CITES),
        versions=_iris(t.subject for t in incoming if t.predicate.value == _VERSION_OF),
    )


def _iris(terms: Iterable[object]) -> tuple[str, ...]:
    """The distinct IRIs among ``terms``, sorted (blank nodes and literals left out)."""
    return tuple(sorted({t.value for t in terms if isinstance(t, NamedNode)}))
