"""Export the store: RDF serializations, and node/edge views for Gephi, R and pandas users.

Why several shapes: RDF users want the whole dataset (TriG keeps the named graph per document;
Turtle, N-Triples and JSON-LD give the union); network analysts want nodes and edges with
attributes (GraphML and GEXF open in Gephi with colours by kind and organ; two CSV files read in
one line of pandas or R). The node/edge view is derived from the store by two SPARQL queries and is
never the source of truth.

Node kinds: works (Resolution, Decision...), versions (ResolutionVersion, StubVersion), Conference,
Organ, actors (Bureau, StudyGroup...), SourceDocument. Edge kinds: ``cites`` (weight = number of
citation mentions), ``version_of``, ``previous_version``, ``adopted_at``, ``organ``, ``text_in``
and ``assigns`` (version -> addressee, weight = number of clauses, ``verb`` = the verbs).

Example:
    >>> import io, tempfile
    >>> from graph.build import build_store
    >>> root = tempfile.mkdtemp()
    >>> _ = build_store(root)
    >>> out = io.BytesIO()
    >>> export_store(root, "nt", out).triples > 0
    True
"""

from __future__ import annotations

import csv
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import networkx as nx
import pyoxigraph as ox

from graph import mint
from graph.backend import Store
from graph.embedded.store import union_store
from graph.prefixes import EXPORT_PREFIXES
from graph.store import open_store
from graph.vocab import CITO, DCTERMS, RDFS, RG, SKOS

__all__ = ["FORMATS", "ExportReport", "entity_network", "export_store"]

FORMATS = ("turtle", "nt", "jsonld", "trig", "graphml", "gexf", "csv")
_RDF_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "trig": ox.RdfFormat.TRIG,
}
_EDGES = {
    str(CITO.cites): "cites",
    str(RG.versionOf): "version_of",
    str(RG.previousVersion): "previous_version",
    str(RG.adoptedAt): "adopted_at",
    str(RG.organ): "organ",
    str(RG.textIn): "text_in",
}
# Most specific kind wins when a node has several types (a stub is also a ResolutionVersion).
_KIND_ORDER = (
    "StubVersion",
    "ResolutionVersion",
    "Version",
    "Resolution",
    "Decision",
    "Recommendation",
    "Question",
    "Conference",
    "Organ",
    "Bureau",
    "StudyGroup",
    "AdvisoryGroup",
    "Official",
    "Sector",
    "Actor",
    "SourceDocument",
)


_ATTRIBUTES = {
    "label": f"?n <{RDFS.label}> ?x",
    "organ": f"{{ ?n <{RG.organ}>/<{SKOS.notation}> ?x }} UNION "
    f"{{ ?n <{RG.versionOf}>/<{RG.organ}>/<{SKOS.notation}> ?x }}",
    "number": f"{{ ?n <{RG.number}> ?x }} UNION {{ ?n <{RG.versionOf}>/<{RG.number}> ?x }}",
    "year": f"?n <{RG.year}> ?x",
    "has_text": f"?n <{RG.hasText}> ?x",
    "title": f'?n <{DCTERMS.title}> ?x FILTER (LANGMATCHES(LANG(?x), "en"))',
}


@dataclass(frozen=True)
class ExportReport:
    """What was written: the format, the number of triples (RDF) or nodes and edges (views)."""

    format: str
    triples: int = 0
    nodes: int = 0
    edges: int = 0


def _rows(store: ox.Store, query: str) -> list[dict[str, Any]]:
    sol = store.query(query, use_default_graph_as_union=True)
    names = [v.value for v in sol.variables]  # type: ignore[union-attr]
    out = []
    for row in sol:  # type: ignore[union-attr]
        out.append({n: row[n].value for n in names if row[n] is not None})
    return out


def entity_network(oxs: ox.Store) -> nx.MultiDiGraph:
    """The node/edge view of a pyoxigraph store (see the module docstring for kinds and
    attributes); a :class:`graph.backend.Store` gives its ``snapshot()``.

    Example:
        >>> entity_network(ox.Store()).number_of_nodes()
        0
    """
    kinds = " ".join(f"<{RG[k]}>" for k in _KIND_ORDER)
    nodes: dict[str, dict[str, Any]] = {}
    rank = {k: n for n, k in enumerate(_KIND_ORDER)}
    for r in _rows(
        oxs, f"SELECT DISTINCT ?n ?type WHERE {{ VALUES ?type {{ {kinds} }} ?n a ?type }}"
    ):
        kind = r["type"].rsplit("#", 1)[1]
        attrs = nodes.setdefault(r["n"], {"kind": kind})
        if rank[kind] < rank[attrs["kind"]]:
            attrs["kind"] = kind
    for key, pattern in _ATTRIBUTES.items():
        for r in _rows(oxs, f"SELECT DISTINCT ?n ?x WHERE {{ {pattern} }} ORDER BY ?n ?x"):
            found = nodes.get(r["n"])
            if found is None:
                continue
            if key == "has_text":
                found[key] = found.get(key, False) or r["x"] == "true"
            else:
                found.setdefault(key, int(r["x"]) if key == "year" else r["x"])
    g = nx.MultiDiGraph()
    for iri, attrs in nodes.items():
        try:
            attrs["short_id"] = mint.short_id(iri, _base_of(iri))
        except ValueError:
            attrs["short_id"] = iri
        attrs.setdefault("label", attrs["short_id"])
        g.add_node(iri, **attrs)
    preds = " ".join(f"<{p}>" for p in _EDGES)
    weights: dict[tuple[str, str, str], dict[str, Any]] = {}
    for r in _rows(oxs, f"SELECT ?s ?p ?o WHERE {{ VALUES ?p {{ {preds} }} ?s ?p ?o }}"):
        if r["s"] in nodes and r["o"] in nodes:
            weights[(r["s"], r["o"], _EDGES[r["p"]])] = {"weight": 1}
    for r in _rows(
        oxs,
        f"""SELECT ?s ?o (COUNT(DISTINCT ?c) AS ?n) WHERE {{
            ?c <{CITO.hasCitingEntity}> ?s ; <{CITO.hasCitedEntity}> ?o FILTER (?s != ?o)
        }} GROUP BY ?s ?o""",
    ):
        if (r["s"], r["o"], "cites") in weights:
            weights[(r["s"], r["o"], "cites")]["weight"] = int(r["n"])
    verbs: dict[tuple[str, str], set[str]] = defaultdict(set)
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for r in _rows(
        oxs,
        f"""SELECT ?by ?actor ?verb ?a WHERE {{
            ?a a <{RG.Assignment}> ; <{RG.assignedBy}> ?by ; <{RG.addressee}> ?actor ;
               <{RG.verb}> ?verb }}""",
    ):
        if r["by"] in nodes and r["actor"] in nodes:
            verbs[(r["by"], r["actor"])].add(r["verb"])
            counts[(r["by"], r["actor"])] += 1
    for (s, o, kind), attrs in weights.items():
        g.add_edge(s, o, key=kind, kind=kind, **attrs)
    for (s, o), n in counts.items():
        g.add_edge(
            s, o, key="assigns", kind="assigns", weight=n, verb="; ".join(sorted(verbs[(s, o)]))
        )
    return g


def _base_of(iri: str) -> str:
    return iri.split("id/", 1)[0] if "id/" in iri else mint.DEFAULT_BASE


def _write_csv(g: nx.MultiDiGraph, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    cols = ["id", "short_id", "kind", "label", "organ", "number", "year", "has_text", "title"]
    with open(out / "nodes.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=cols)
        w.writeheader()
        for n, attrs in g.nodes(data=True):
            w.writerow({"id": n, **{k: attrs.get(k, "") for k in cols[1:]}})
    with open(out / "edges.csv", "w", newline="", encoding="utf-8") as fh:
        extra = ["kind", "weight", "verb"]
        w = csv.DictWriter(fh, fieldnames=["source", "target", *extra])
        w.writeheader()
        for s, o, attrs in g.edges(data=True):
            w.writerow({"source": s, "target": o, **{k: attrs.get(k, "") for k in extra}})


def export_store(
    store: str | Path | Store,
    fmt: str,
    out: str | Path | IO[bytes],
    base: str = mint.DEFAULT_BASE,
) -> ExportReport:
    """Write the store in format ``fmt`` to ``out`` (a path or binary stream; for ``csv`` a
    directory that receives ``nodes.csv`` and ``edges.csv``).

    Raises:
        ValueError: for an unknown format (naming the valid ones), or ``csv`` to a stream.

    Example:
        >>> export_store("data/store", "xml", "x")  # doctest: +IGNORE_EXCEPTION_DETAIL
        Traceback (most recent call last):
        ValueError: unknown export format 'xml'; valid: turtle, nt, jsonld, trig, graphml, gexf, csv
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; valid: {', '.join(FORMATS)}")
    if isinstance(store, str | Path):  # a directory, or a sparql+http(s):// server
        with open_store(store, read_only=True, base=base) as s:
            return export_store(s, fmt, out)
    oxs = store.snapshot()  # a server's: a copy of its current generation
    if fmt in _RDF_FORMATS:
        source = oxs if fmt == "trig" else union_store(oxs)
        kwargs: dict[str, Any] = {} if fmt == "nt" else {"prefixes": dict(EXPORT_PREFIXES)}
        target = str(out) if isinstance(out, str | Path) else out
        if fmt == "trig":
            source.dump(target, _RDF_FORMATS[fmt], **kwargs)
        else:
            source.dump(target, _RDF_FORMATS[fmt], from_graph=ox.DefaultGraph(), **kwargs)
        return ExportReport(fmt, triples=len(source))
    g = entity_network(oxs)
    if fmt == "csv":
        if not isinstance(out, str | Path):
            raise ValueError("csv export writes two files: give a directory, not a stream")
        _write_csv(g, Path(out))
    elif fmt == "graphml":
        nx.write_graphml(g, out)
    else:
        nx.write_gexf(g, out)
    return ExportReport(fmt, nodes=g.number_of_nodes(), edges=g.number_of_edges())
