"""graph/: extraction records -> RDF store -> query functions with typed results.

Build, store and export (records -> RDF -> an on-disk Oxigraph store in atomic generations):

- ``graph.build.build_store(root, paths=(), *, inputs=(), base=..., extractor=None,
  progress=None, force=False) -> BuildReport`` (incremental: one named graph per document)
- ``graph.store.open_store(path, read_only=False, base=...) -> GraphStore`` (``.store`` is the
  ``pyoxigraph.Store``; query with ``use_default_graph_as_union=True``; ``.is_stale()`` and
  ``.reopen()`` pick up a rebuild)
- ``graph.validate.validate_store(path) -> ValidationReport`` (SHACL, ``ontology/shapes.ttl``)
- ``graph.export.export_store(store, fmt, out) -> ExportReport`` (turtle, nt, jsonld, trig,
  graphml, gexf, csv)
- IRIs: ``graph.mint`` (``work_iri``, ``version_iri``, ``parse_short_id``...); terms:
  ``graph.vocab`` (``RG``, ``CITO``...), the only module naming ontology terms.

Public query functions (all take the store returned by ``graph.store.open_store`` — or a bare
``pyoxigraph.Store`` or an rdflib ``Graph`` — and an optional ``base`` IRI, defaulting to the
store's; results are the frozen dataclasses of ``graph.results``, each with ``to_dict()``; ids are
short forms such as ``wtsa/44``, ``wtsa/44/2022``, ``pp/123``, conferences ``wtsa-2022``):

- ``graph.queries.lineage.lineage(store, resolution) -> Lineage``
- ``graph.queries.dependencies.dependencies(store, ident, depth=1, organs=None, net=None)
  -> DependencyGraph`` (``net``: a ``citation_network`` view held in memory walks without SPARQL)
- ``graph.queries.dependencies.impact(store, ident, depth=5, organs=None, net=None) ->
DependencyGraph``
- ``graph.queries.dependencies.citation_path(store, source, target, max_depth=8) -> CitationPath |
None``
- ``graph.queries.assignments.assignments(store, actor=None, collaborator=None, involving=None,
  organ=None, conference=None) -> AssignmentResults``
- ``graph.queries.outdated.outdated_citations(store, organ=None) -> tuple[OutdatedCitation, ...]``
- ``graph.queries.search.search_resolutions(store, q=None, organ=None, conference=None, number=None,
  limit=20, offset=0) -> SearchPage``
- ``graph.queries.search.get_resolution(store, organ, number) -> ResolutionDetail``
- ``graph.queries.search.list_conferences(store) -> tuple[ConferenceInfo, ...]``
- ``graph.queries.search.graph_stats(store, top=10, net=None) -> GraphStats``
- ``graph.queries.search.did_you_mean(store, ident, limit=5) -> tuple[str, ...]``
- ``graph.queries.search.run_select(store, query, limit=None) -> SparqlTable``
- ``graph.network.citation_network(store, level="work") -> networkx.DiGraph``
- ``graph.metrics.most_cited(net, organ=None, limit=10) -> tuple[RankedResolution, ...]``
- ``graph.metrics.citation_cycles(net, limit=100) -> tuple[Cycle, ...]``
- ``graph.synth.build_synthetic_store(root, SynthSpec()) -> Path`` (benchmark corpus)

The SPARQL behind them is in ``graph/queries/*.rq`` (``graph.queries.select(store, name,
**slots)``). Unknown ids raise ``graph.results.ResolutionNotFound`` (a ``LookupError`` carrying
``suggestions``); bad arguments raise ``ValueError`` listing the valid options.
"""
