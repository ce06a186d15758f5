"""A store on any SPARQL 1.1 server (Virtuoso, Fuseki, GraphDB, QLever...), behind the same surface.

Why: the embedded pyoxigraph store is the right default, but a user who loads every ITU text of
three Sectors, or who already runs a triple store, points resgraph at the server instead:
``--store sparql+http://127.0.0.1:8890/sparql`` (or ``RESGRAPH_STORE``). Reads use the SPARQL 1.1
Protocol; writes use the Graph Store HTTP Protocol (one ``PUT`` per named graph) and SPARQL Update.
It implements :class:`graph.backend.Store`, as the embedded store does;
:func:`graph.store.open_store` opens it for a ``sparql+http(s)://`` location.

How the embedded semantics carry over:

- **Snapshots.** The server holds resgraph's graphs next to whatever else it holds (Virtuoso's own
  system graphs, other users' data), so every query runs on an explicit dataset: the
  ``default-graph-uri``/``named-graph-uri`` protocol parameters list exactly the graphs of one
  generation (meta, ontology, gazetteer, derived and one graph per document). A
  :class:`RemoteStore` reads that list once when it is opened, like a pyoxigraph generation.
- **Atomic replacement** (:mod:`graph.remote.build`): a changed document gets a new graph IRI
  (its content hash is in it) and a new derived graph is written under a fresh IRI; one SPARQL
  Update request then switches the manifest and the control graph (``<meta>/remote``, outside the
  dataset; read back by :mod:`graph.remote.generation`). Readers follow the manifest, so they
  see the old generation or the new one, never a mixture. Graphs no longer named are dropped by
  the next build (so a reader opened just before a switch keeps working, like the two
  generations kept on disk).
- **No silent truncation.** Servers cap result sizes (Virtuoso's ``ResultSetMaxRows``, 10 000 by
  default, cuts the answer without an error). A SELECT that returns ``max_rows`` rows or more is
  re-run in pages (``ORDER BY`` + ``LIMIT``/``OFFSET``), and a page that is still capped raises.
- **Same terms.** Answers are parsed into pyoxigraph terms, so the query functions of graph/ get
  the values they get from the embedded store (Virtuoso's booleans, returned as ``"1"``, are
  mapped back to ``"true"``).

Example:
    >>> parse_store_url("sparql+http://127.0.0.1:8890/sparql")
    'http://127.0.0.1:8890/sparql'
    >>> parse_store_url("data/store") is None
    True
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from graph import mint
from graph.backend import ManifestEntry, StoreError, parse_store_url
from graph.remote.generation import control_graph_iri, generation_graphs, read_generation
from graph.remote.paging import needs_paging, own_limit, paged_queries
from graph.remote.results import Row, Rows, iri, json_term, strip_query, term

__all__ = ["RemoteStore", "RemoteStoreError", "control_graph_iri"]

DEFAULT_MAX_ROWS = 10_000


def _graph_form(text: str) -> bool:
    """True for a CONSTRUCT or DESCRIBE query (answered with triples, not solutions)."""
    clean = strip_query(text)
    graph_form = re.search(r"\b(CONSTRUCT|DESCRIBE)\b", clean, re.IGNORECASE)
    return bool(graph_form) and not re.search(r"\bSELECT\b", clean, re.IGNORECASE)


class RemoteStoreError(StoreError):
    """The SPARQL server refused a request or answered something unusable; names URL and why."""


def default_graph_store_url(endpoint: str) -> str:
    """The Graph Store Protocol URL beside a query endpoint (Virtuoso's ``/sparql-graph-crud``).

    Example:
        >>> default_graph_store_url("http://127.0.0.1:8890/sparql")
        'http://127.0.0.1:8890/sparql-graph-crud'
    """
    return endpoint.rstrip("/") + "-graph-crud" if endpoint.endswith("/sparql") else endpoint


class RemoteStore:
    """One generation of resgraph's graphs on a SPARQL 1.1 server.

    Attributes:
        root: the store location as given (``sparql+http://...``).
        endpoint: the SPARQL query/update URL; ``graph_store``: the Graph Store Protocol URL.
        generation: the generation this handle reads (0 before the first build).
        graphs: the named graphs of that generation (the query dataset).
        base: the base IRI the graph was minted with.

    Example:
        >>> s = RemoteStore("sparql+http://127.0.0.1:9/sparql", connect=False)
        >>> s.graph_store, s.generation
        ('http://127.0.0.1:9/sparql-graph-crud', 0)
    """

    read_only = True

    def __init__(
        self,
        root: str | Path,
        graph_store: str | None = None,
        base: str = mint.DEFAULT_BASE,
        *,
        timeout: float = 60.0,
        max_rows: int = DEFAULT_MAX_ROWS,
        connect: bool = True,
    ) -> None:
        endpoint = parse_store_url(root)
        if endpoint is None:
            raise ValueError(f"{root}: not a remote store URL (sparql+http(s)://host/path)")
        self.root = str(root) if "://" in str(root) else f"sparql+{endpoint}"
        self.endpoint = endpoint
        self.graph_store = graph_store or default_graph_store_url(endpoint)
        self.base = base
        self.max_rows = max_rows
        self.client = httpx.Client(timeout=timeout)
        self.generation = 0
        self.derived = str(mint.derived_graph_iri(base))
        self._manifest: dict[str, ManifestEntry] = {}
        self.graphs: tuple[str, ...] = ()
        if connect:
            self.refresh()

    @property
    def location(self) -> str:
        """The store location as given (``sparql+http://...``)."""
        return self.root

    def __repr__(self) -> str:
        return f"RemoteStore({self.root!r}, generation={self.generation})"

    def __enter__(self) -> RemoteStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the HTTP connection pool."""
        self.client.close()

    # -- reading ---------------------------------------------------------------------------

    def _request(self, data: dict[str, Any], accept: str) -> httpx.Response:
        try:
            resp = self.client.post(self.endpoint, data=data, headers={"Accept": accept})
        except httpx.HTTPError as exc:
            raise RemoteStoreError(f"{self.endpoint}: SPARQL server unreachable ({exc})") from exc
        if resp.status_code >= 400:
            what = "update" if "update" in data else "query"
            hint = (
                " (Virtuoso: raise MaxSortedTopRows in the [Parameters] of virtuoso.ini to page"
                " answers beyond it)"
                if "SR353" in resp.text
                else ""
            )
            raise RemoteStoreError(
                f"{self.endpoint}: {what} failed with HTTP {resp.status_code}{hint}: "
                f"{resp.text[:500]}"
            )
        return resp

    def _dataset(self, graphs: Sequence[str] | None) -> dict[str, Any]:
        chosen = list(self.graphs if graphs is None else graphs)
        if not chosen:  # an empty dataset: a graph IRI nothing is ever written to
            chosen = [f"{control_graph_iri(self.base)}/empty"]
        return {"default-graph-uri": chosen, "named-graph-uri": chosen}

    def _select(self, text: str, dataset: dict[str, Any]) -> tuple[list[str], list[Any]]:
        resp = self._request({"query": text, **dataset}, "application/sparql-results+json")
        try:
            data = resp.json()
        except json.JSONDecodeError as exc:
            raise RemoteStoreError(f"{self.endpoint}: not SPARQL JSON results ({exc})") from exc
        if "boolean" in data:
            return [], [bool(data["boolean"])]
        names = list(data["head"].get("vars", []))
        rows = [Row({k: term(v) for k, v in b.items()}) for b in data["results"]["bindings"]]
        return names, rows

    def select(self, text: str) -> tuple[list[str], list[Row]]:
        """A SELECT over this generation's graphs (see :meth:`graph.backend.Queryable.select`);
        an answer at the server's result cap is paged, never cut.

        Raises:
            ValueError: when the text is not a SELECT query.
            RemoteStoreError: when the server refuses the query.
        """
        if _graph_form(text):
            raise ValueError("not a SELECT query")
        dataset = self._dataset(None)
        names, rows = self._select(text, dataset)
        if rows and isinstance(rows[0], bool):
            raise ValueError("not a SELECT query")
        return names, self._complete(text, names, rows, dataset)

    def query(
        self,
        text: str,
        use_default_graph_as_union: bool = True,
        graphs: Sequence[str] | None = None,
    ) -> Any:
        """Run a query on this generation's graphs (their union is the default graph).

        Returns:
            For SELECT, rows readable as ``row["var"]`` (pyoxigraph terms, None when unbound);
            for ASK a bool; for CONSTRUCT/DESCRIBE a list of :class:`pyoxigraph.Triple`.

        Raises:
            RemoteStoreError: when the server refuses the query, or a capped answer cannot be
                paged (never a silently truncated answer).
        """
        del use_default_graph_as_union  # always: the dataset is the union of our graphs
        dataset = self._dataset(graphs)
        if _graph_form(text):
            resp = self._request({"query": text, **dataset}, "application/n-triples")
            return [q.triple for q in ox.parse(resp.content, format=ox.RdfFormat.N_TRIPLES)]
        names, rows = self._select(text, dataset)
        if rows and isinstance(rows[0], bool):
            return rows[0]
        return Rows(names, self._complete(text, names, rows, dataset))

    def _complete(
        self, text: str, names: list[str], rows: list[Any], dataset: dict[str, Any]
    ) -> list[Any]:
        """``rows``, or the whole answer in pages when they reached the server's cap."""
        if len(rows) < self.max_rows:
            return rows
        limit = own_limit(text)
        if needs_paging(text):
            return self._paged(text, names, dataset)
        if limit is None or limit > len(rows):
            raise RemoteStoreError(
                f"{self.endpoint}: the answer reached the server's result cap ({len(rows)} "
                "rows) and the query's own LIMIT/OFFSET prevents paging; lower the LIMIT"
            )
        return rows

    def ox_query(
        self,
        query: str,
        *,
        use_default_graph_as_union: bool = True,
        default_graph: Sequence[Any] | None = None,
        named_graphs: Sequence[Any] | None = None,
        base_iri: str | None = None,
    ) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
        """:meth:`pyoxigraph.Store.query` on the server: the same arguments, pyoxigraph's result
        objects (so code written for the embedded store, such as the SPARQL endpoint, runs as is).

        ``default_graph``/``named_graphs`` (IRIs; an empty list is an empty graph) become the
        protocol's ``default-graph-uri`` and ``named-graph-uri``, each replacing the query's own
        dataset. Without them: with ``use_default_graph_as_union`` the dataset is this
        generation's graphs, the union of which is the default graph; without it the server
        answers on the query's ``FROM``/``FROM NAMED``. ``base_iri`` is sent as a ``BASE``
        declaration before the query's own prologue (a later ``BASE`` in the query wins).
        """
        if base_iri is not None:
            query = f"BASE <{ox.NamedNode(base_iri).value}>\n{query}"
        if default_graph is None and named_graphs is None:
            dataset = self._dataset(None) if use_default_graph_as_union else {}
        else:
            empty = self._dataset([])["default-graph-uri"]
            dataset = {
                "default-graph-uri": [iri(g) for g in default_graph or ()] or empty,
                "named-graph-uri": [iri(g) for g in named_graphs or ()] or empty,
            }
        if _graph_form(query):
            resp = self._request({"query": query, **dataset}, "application/n-triples")
            mem = ox.Store()
            mem.load(resp.content, format=ox.RdfFormat.N_TRIPLES)
            return mem.query("CONSTRUCT WHERE { ?s ?p ?o }")
        names, rows = self._select(query, dataset)
        if rows and isinstance(rows[0], bool):
            data: dict[str, Any] = {"head": {}, "boolean": rows[0]}
        else:
            rows = self._complete(query, names, rows, dataset)
            bindings = [{k: json_term(v) for k, v in r.items()} for r in rows]
            data = {"head": {"vars": names}, "results": {"bindings": bindings}}
        return ox.parse_query_results(json.dumps(data).encode(), format=ox.QueryResultsFormat.JSON)

    def _paged(self, text: str, names: list[str], dataset: dict[str, Any]) -> list[Any]:
        page = max(1, self.max_rows // 2)
        out: list[Any] = []
        for query in paged_queries(text, names, page):
            got = self._select(query, dataset)[1]
            out.extend(got)
            if len(got) < page:
                return out
        raise RemoteStoreError(f"{self.endpoint}: answer too large to page")

    def refresh(self) -> None:
        """Read the current generation, its graphs and manifest from the server."""
        current, self._manifest = read_generation(self._select, self.base)
        if current is not None:
            self.generation, self.derived = current
        self.graphs = self.generation_graphs(self.derived, self._manifest.values())

    def generation_graphs(self, derived: str, entries: Iterable[ManifestEntry]) -> tuple[str, ...]:
        """The dataset of a generation: shared graphs, its derived graph, its documents."""
        return generation_graphs(self.base, derived, entries)

    def view(self, graphs: Sequence[str]) -> RemoteStore:
        """A handle sharing this connection that reads the given graphs (a build in progress)."""
        other = copy.copy(self)
        other.graphs = tuple(graphs)
        return other

    def manifest(self) -> dict[str, ManifestEntry]:
        """File name -> entry for every source document in this generation."""
        return dict(self._manifest)

    def named_graphs(self) -> set[str]:
        """IRIs of the named graphs of this generation."""
        return set(self.graphs)

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(rows))["n"].value)

    def quads_for_pattern(
        self, subject: Any = None, predicate: Any = None, obj: Any = None, graph: Any = None
    ) -> list[ox.Quad]:
        """The quads matching a pattern (None = any), as ``pyoxigraph.Store.quads_for_pattern``."""
        terms = {"s": subject, "p": predicate, "o": obj, "g": graph}
        slots = {k: str(v) if v is not None else f"?{k}" for k, v in terms.items()}
        rows = self.query(
            f"SELECT * WHERE {{ GRAPH {slots['g']} {{ {slots['s']} {slots['p']} {slots['o']} }} }}"
        )
        return [
            ox.Quad(*(terms[k] if terms[k] is not None else r[k] for k in ("s", "p", "o", "g")))
            for r in rows
        ]

    def snapshot(self) -> ox.Store:
        """This generation copied into an in-memory pyoxigraph store (same graphs, same quads).

        Why: exports and SHACL validation read every quad anyway, and on a copy they run exactly
        as on an embedded store, whatever the server's habits with serializations. The answer is
        paged past the server's result cap (:meth:`query`), never cut.
        """
        mem = ox.Store()
        mem.extend(self.quads_for_pattern())
        return mem

    def is_stale(self) -> bool:
        """True when a build has switched the server to a newer generation."""
        fresh = RemoteStore(self.root, self.graph_store, self.base, connect=False)
        try:
            fresh.refresh()
            return fresh.generation != self.generation
        finally:
            fresh.close()

    def reopen(self) -> RemoteStore:
        """A new handle on the current generation."""
        return RemoteStore(self.root, self.graph_store, self.base, max_rows=self.max_rows)

    # -- writing ---------------------------------------------------------------------------

    def update(self, text: str) -> None:
        """Run a SPARQL 1.1 Update request (one request: one transaction on Virtuoso)."""
        self._request({"update": text}, "*/*")

    def put_graph(self, iri: str, ntriples: bytes) -> None:
        """Replace the named graph ``iri`` with the given N-Triples (Graph Store Protocol PUT)."""
        try:
            resp = self.client.put(
                self.graph_store,
                params={"graph": iri},
                content=ntriples,
                headers={"Content-Type": "text/turtle; charset=utf-8"},
            )
        except httpx.HTTPError as exc:
            raise RemoteStoreError(f"{self.graph_store}: unreachable ({exc})") from exc
        if resp.status_code >= 400:
            raise RemoteStoreError(
                f"{self.graph_store}: PUT of graph <{iri}> failed with HTTP "
                f"{resp.status_code}: {resp.text[:500]}"
            )

    def drop_graph(self, iri: str) -> None:
        """Remove a named graph (``DROP SILENT``: gone already is fine)."""
        self.update(f"DROP SILENT GRAPH <{iri}>")

    def all_graphs(self, prefix: str) -> set[str]:
        """Every named graph on the server whose IRI starts with ``prefix`` (any generation)."""
        _, rows = self._select(
            "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
            f'FILTER(STRSTARTS(STR(?g), "{prefix}")) }}',
            {},
        )
        return {r["g"].value for r in rows}
