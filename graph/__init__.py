"""graph/: extraction records -> RDF store -> query functions with typed results.

Import from the package, not its modules: ``from graph import open_store, lineage``. The names
below are the surface the API, the CLI and the notebooks use; the modules behind them
(``graph.rdf``, ``graph.embedded``, ``graph.remote``, ``graph.queries``...) may move. Why lazy
exports (PEP 562): ``import graph`` must stay cheap (the CLI imports it for ``--help``); each
name imports its module on first use.

Stores (:class:`Store`, the protocol both backends implement):

- ``open_store(location, read_only=False, base=..., graph_store=None) -> Store``: a directory
  opens the embedded pyoxigraph store, ``sparql+http(s)://host/sparql`` a SPARQL server; the one
  place the backend is chosen. ``current_generation(location)``, ``parse_store_url(location)``.
- ``as_store(pyoxigraph.Store() | rdflib.Graph())``: an engine object made in-process, behind
  the same surface (tests; the rdflib benchmark baseline).
- ``build_store(location, paths=(), *, inputs=(), base=..., extractor=None, progress=None,
  force=False, graph_store=None, break_lock=False, keep_others=False) -> BuildReport``
  (incremental and atomic); ``source_files``, ``stored_documents`` (what a store holds now),
  ``DocumentInput``, ``inputs_from_jsonl``, ``parallel_extractor``, ``render_document`` (one
  document to its named graph, for a cluster engine).
- ``validate_store(location) -> ValidationReport`` (SHACL, ``ontology/shapes.ttl``);
  ``export_store(store_or_location, fmt, out) -> ExportReport`` (turtle, nt, jsonld, trig,
  graphml, gexf, csv). Failures to open raise :class:`StoreError`.

Queries (each takes a store and an optional ``base`` IRI, defaulting to the store's; results are
the frozen dataclasses of ``graph.results``, each with ``to_dict()``; ids are short forms such as
``wtsa/44``, ``wtsa/44/2022``, ``pp/123``, conferences ``wtsa-2022``):

- ``lineage(store, resolution) -> Lineage``
- ``dependencies(store, ident, depth=1, organs=None, net=None) -> DependencyGraph`` and
  ``impact(store, ident, depth=5, organs=None, net=None)`` (``net``: a ``citation_network``
  held in memory walks without SPARQL); ``citation_path(store, source, target, max_depth=8)
  -> CitationPath | None``
- ``assignments(store, actor=None, collaborator=None, involving=None, organ=None,
  conference=None) -> AssignmentResults``; ``outdated_citations(store, organ=None)``
- ``search_resolutions(store, q=None, organ=None, conference=None, number=None, limit=20,
  offset=0) -> SearchPage``; ``get_resolution(store, organ, number) -> ResolutionDetail``;
  ``list_conferences(store)``; ``graph_stats(store, top=10, net=None) -> GraphStats``;
  ``did_you_mean(store, ident, limit=5)``; ``run_select(store, query, limit=None) -> SparqlTable``
- ``citation_network(store, level="work") -> networkx.DiGraph``; ``most_cited(net, organ=None,
  limit=10)``; ``citation_cycles(net, limit=100)``; what a view of it adds:
  ``citation_quotes``, ``work_years``, ``bureau_assignments``
- ``describe(store, iri) -> ResourceView | None`` (the ``/id/`` statements);
  ``resolution_page(store, ident) -> ResolutionPage`` (the resolution and version pages) and
  ``document_source(store, key) -> DocumentSource | None`` (the source view) and
  ``document_keys(store)`` (file name -> key);
  ``load_examples()`` (the example SPARQL library, ``graph/queries/examples/*.rq``);
  ``select(store, name, **slots)`` and
  ``load_query(name)``: any named query of ``graph/queries/*.rq``, rows as plain values

Identifiers: ``short(iri)`` (an IRI as a short id), ``short_iri``/``id_path``/``id_iri`` (and
back), ``parse_short_id``, ``organ_code``, ``DEFAULT_BASE``, ``INSTRUMENT_KINDS``; ``PREFIXES``
for Turtle output.
Unknown ids raise :class:`ResolutionNotFound` (a ``LookupError`` carrying ``suggestions``); bad
arguments raise ``ValueError`` listing the valid options. ``build_synthetic_store(root,
SynthSpec())`` and ``synthetic_inputs`` make the benchmark corpus.

Example:
    >>> import pyoxigraph
    >>> from graph import as_store, search_resolutions
    >>> search_resolutions(as_store(pyoxigraph.Store())).total
    0
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the same names, for type checkers (at run time they load on first use)
    from graph.backend import (
        BuildReport,
        ManifestEntry,
        Queryable,
        Store,
        StoreError,
        parse_store_url,
    )
    from graph.base_iri import DEFAULT_BASE
    from graph.build import build_store, source_files, stored_documents
    from graph.export import FORMATS as EXPORT_FORMATS
    from graph.export import ExportReport, export_store
    from graph.metrics import MOST_CITED_BY, citation_cycles, most_cited
    from graph.mint import (
        INSTRUMENT_KINDS,
        id_iri,
        id_path,
        organ_code,
        parse_short_id,
        short_iri,
    )
    from graph.network import citation_network
    from graph.prefixes import PREFIXES
    from graph.proposal_results import ProposalComparison, ProposalInfo, ProposedChange
    from graph.queries import load_query, select
    from graph.queries.assignments import assignments
    from graph.queries.dependencies import citation_links, citation_path, dependencies, impact
    from graph.queries.describe import ResourceView, describe
    from graph.queries.examples import Example, load_examples
    from graph.queries.lineage import lineage
    from graph.queries.lookup import short
    from graph.queries.network_layers import (
        CitationQuote,
        bureau_assignments,
        citation_quotes,
        work_years,
    )
    from graph.queries.outdated import outdated_citations
    from graph.queries.page_results import DocumentSource, ResolutionPage
    from graph.queries.pages import resolution_page
    from graph.queries.proposals import compare_proposals
    from graph.queries.search import (
        did_you_mean,
        get_resolution,
        graph_stats,
        list_conferences,
        run_select,
        search_resolutions,
    )
    from graph.queries.source_view import document_keys, document_source
    from graph.rdf.document import document_graph
    from graph.rdf.input import DocumentInput, inputs_from_jsonl
    from graph.rdf.workers import parallel_extractor, render_document, render_input
    from graph.results import (
        AssignmentHit,
        AssignmentResults,
        CitationEdge,
        CitationPath,
        CitationUpdate,
        ConferenceInfo,
        Cycle,
        DependencyGraph,
        GraphStats,
        ItemChange,
        Lineage,
        LineageStep,
        NodeInfo,
        OutdatedCitation,
        RankedResolution,
        ResolutionDetail,
        ResolutionNotFound,
        ResolutionSummary,
        SearchPage,
        SectionSummary,
        SparqlTable,
        VersionInfo,
    )
    from graph.served_index import SnapshotIndex, snapshot_index
    from graph.store import as_store, current_generation, open_store
    from graph.synth import SynthSpec, build_synthetic_store, synthetic_inputs
    from graph.validate import ValidationReport, validate_store

__all__ = [
    "DEFAULT_BASE",
    "EXPORT_FORMATS",
    "INSTRUMENT_KINDS",
    "MOST_CITED_BY",
    "PREFIXES",
    "AssignmentHit",
    "AssignmentResults",
    "BuildReport",
    "CitationEdge",
    "CitationPath",
    "CitationQuote",
    "CitationUpdate",
    "ConferenceInfo",
    "Cycle",
    "DependencyGraph",
    "DocumentInput",
    "DocumentSource",
    "Example",
    "ExportReport",
    "GraphStats",
    "ItemChange",
    "Lineage",
    "LineageStep",
    "ManifestEntry",
    "NodeInfo",
    "OutdatedCitation",
    "ProposalComparison",
    "ProposalInfo",
    "ProposedChange",
    "Queryable",
    "RankedResolution",
    "ResolutionDetail",
    "ResolutionNotFound",
    "ResolutionPage",
    "ResolutionSummary",
    "ResourceView",
    "SearchPage",
    "SectionSummary",
    "SnapshotIndex",
    "SparqlTable",
    "Store",
    "StoreError",
    "SynthSpec",
    "ValidationReport",
    "VersionInfo",
    "as_store",
    "assignments",
    "build_store",
    "build_synthetic_store",
    "bureau_assignments",
    "citation_cycles",
    "citation_links",
    "citation_network",
    "citation_path",
    "citation_quotes",
    "compare_proposals",
    "current_generation",
    "dependencies",
    "describe",
    "did_you_mean",
    "document_graph",
    "document_keys",
    "document_source",
    "export_store",
    "get_resolution",
    "graph_stats",
    "id_iri",
    "id_path",
    "impact",
    "inputs_from_jsonl",
    "lineage",
    "list_conferences",
    "load_examples",
    "load_query",
    "most_cited",
    "open_store",
    "organ_code",
    "outdated_citations",
    "parallel_extractor",
    "parse_short_id",
    "parse_store_url",
    "render_document",
    "render_input",
    "resolution_page",
    "run_select",
    "search_resolutions",
    "select",
    "short",
    "short_iri",
    "snapshot_index",
    "source_files",
    "stored_documents",
    "synthetic_inputs",
    "validate_store",
    "work_years",
]

# Where each name of __all__ lives (a test checks this map, __all__ and the imports above agree).
_MODULES: dict[str, tuple[str, ...]] = {
    "graph.backend": (
        "BuildReport",
        "ManifestEntry",
        "Queryable",
        "Store",
        "StoreError",
        "parse_store_url",
    ),
    "graph.build": ("build_store", "source_files", "stored_documents"),
    "graph.export": ("ExportReport", "export_store"),
    "graph.metrics": ("MOST_CITED_BY", "citation_cycles", "most_cited"),
    "graph.base_iri": ("DEFAULT_BASE",),
    "graph.mint": (
        "INSTRUMENT_KINDS",
        "id_iri",
        "id_path",
        "organ_code",
        "parse_short_id",
        "short_iri",
    ),
    "graph.network": ("citation_network",),
    "graph.prefixes": ("PREFIXES",),
    "graph.queries": ("load_query", "select"),
    "graph.queries.assignments": ("assignments",),
    "graph.queries.dependencies": ("citation_links", "citation_path", "dependencies", "impact"),
    "graph.queries.describe": ("ResourceView", "describe"),
    "graph.queries.examples": ("Example", "load_examples"),
    "graph.queries.lineage": ("lineage",),
    "graph.queries.lookup": ("short",),
    "graph.queries.network_layers": (
        "CitationQuote",
        "bureau_assignments",
        "citation_quotes",
        "work_years",
    ),
    "graph.queries.outdated": ("outdated_citations",),
    "graph.queries.page_results": ("DocumentSource", "ResolutionPage"),
    "graph.queries.pages": ("resolution_page",),
    "graph.queries.source_view": ("document_keys", "document_source"),
    "graph.queries.proposals": ("compare_proposals",),
    "graph.proposal_results": ("ProposalComparison", "ProposalInfo", "ProposedChange"),
    "graph.queries.search": (
        "did_you_mean",
        "get_resolution",
        "graph_stats",
        "list_conferences",
        "run_select",
        "search_resolutions",
    ),
    "graph.rdf.document": ("document_graph",),
    "graph.rdf.input": ("DocumentInput", "inputs_from_jsonl"),
    "graph.rdf.workers": ("parallel_extractor", "render_document", "render_input"),
    "graph.results": (
        "AssignmentHit",
        "AssignmentResults",
        "CitationEdge",
        "CitationPath",
        "CitationUpdate",
        "ConferenceInfo",
        "Cycle",
        "DependencyGraph",
        "GraphStats",
        "ItemChange",
        "Lineage",
        "LineageStep",
        "NodeInfo",
        "OutdatedCitation",
        "RankedResolution",
        "ResolutionDetail",
        "ResolutionNotFound",
        "ResolutionSummary",
        "SearchPage",
        "SectionSummary",
        "SparqlTable",
        "VersionInfo",
    ),
    "graph.served_index": ("SnapshotIndex", "snapshot_index"),
    "graph.store": ("as_store", "current_generation", "open_store"),
    "graph.synth": ("SynthSpec", "build_synthetic_store", "synthetic_inputs"),
    "graph.validate": ("ValidationReport", "validate_store"),
}
#: Names exported under another name than their module's.
_RENAMED = {"EXPORT_FORMATS": ("graph.export", "FORMATS")}
_EXPORTS = {
    **{name: (module, name) for module, names in _MODULES.items() for name in names},
    **_RENAMED,
}


def __getattr__(name: str) -> Any:
    """Import the module that defines ``name`` on first use (PEP 562)."""
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'graph' has no attribute {name!r}")
    value = getattr(importlib.import_module(where[0]), where[1])
    globals()[name] = value  # later lookups skip this function
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
