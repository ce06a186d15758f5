"""The REST routes' graph computations, by name, as a query worker runs them.

Why named tasks: a route cannot send a closure over its store to another process, and a worker
must not run arbitrary code it is sent. So each computation a REST route may need is a function
here, looked up by name, called with the worker's own read-only store and plain arguments, and
its result validated against the route's pydantic model *in the worker*: the server receives the
exact JSON bytes it will serve (and cache). The same :func:`run_task` serves a remote store
in-process (its evaluation happens on the SPARQL server).

Example:
    >>> from pyoxigraph import Store
    >>> from graph import as_store
    >>> run_task("conferences", as_store(Store()), lambda: None, {})[:1]
    b'['
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

import networkx as nx
from pydantic import BaseModel, TypeAdapter

from api.proposal_schemas import ProposalComparison
from api.schemas import (
    AssignmentResults,
    CitationPath,
    ConferenceInfo,
    DependencyGraph,
    GraphStats,
    Lineage,
    OutdatedList,
    ResolutionDetail,
    SearchPage,
    VersionInfo,
)
from api.workers.protocol import Failure
from graph import (
    ResolutionNotFound,
    SnapshotIndex,
    Store,
    citation_path,
    compare_proposals,
    dependencies,
    get_resolution,
    graph_stats,
    impact,
    lineage,
    list_conferences,
    outdated_citations,
    parse_short_id,
    search_resolutions,
)
from graph import assignments as find_assignments

__all__ = ["TASKS", "TaskError", "run_task"]

NetworkGetter = Callable[[], nx.DiGraph | None]
IndexGetter = Callable[[], SnapshotIndex | None]


@dataclass(frozen=True)
class Views:
    """What a worker holds of its snapshot besides the store: the citation network and the
    :class:`~graph.SnapshotIndex` (each built on first use, or adopted when warmed)."""

    network: NetworkGetter
    index: IndexGetter

    def net(self) -> nx.DiGraph | None:
        """The work-level citation network (the index's when it holds one)."""
        index = self.index()
        return index.network if index is not None else self.network()


class TaskError(Exception):
    """A task's answer is an HTTP error (e.g. no citation path: 404 ``no_path``)."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.failure = Failure(status, code, message)


@dataclass(frozen=True)
class Task:
    """A computation and the model its answer must fit."""

    fn: Callable[[Store, Views, dict[str, Any]], Any]
    schema: type[BaseModel] | TypeAdapter[Any]


def _walk(store: Store, views: Views, kw: dict[str, Any]) -> Any:
    walk = dependencies if kw["direction"] == "out" else impact
    ident, depth = kw["ident"], kw["depth"]
    # Deep walks between works run on the in-memory network view (identical answers, far
    # faster); the view is work-level, so version walks (and one hop) stay in SPARQL.
    net = views.net() if depth > 1 and parse_short_id(ident)[2] is None else None
    return walk(store, ident, depth=depth, organs=kw["organs"], net=net)


def _version(store: Store, views: Views, kw: dict[str, Any]) -> Any:
    versions = lineage(store, kw["work"]).versions
    for v in versions:
        if v.id == kw["ident"]:
            return v
    raise ResolutionNotFound(kw["ident"], tuple(v.id for v in versions)[:5])


def _path(store: Store, views: Views, kw: dict[str, Any]) -> Any:
    found = citation_path(
        store, kw["source"], kw["target"], max_depth=kw["max_depth"], net=views.net()
    )
    if found is None:
        raise TaskError(
            404,
            "no_path",
            f"no citation path from {kw['source']} to {kw['target']} within {kw['max_depth']} hops",
        )
    return found


def _outdated(store: Store, views: Views, kw: dict[str, Any]) -> Any:
    index = views.index()
    table = index.outdated if index is not None else None
    items = outdated_citations(store, organ=kw["organ"], table=table)
    return {"total": len(items), "items": [i.to_dict() for i in items]}


def _search(store: Store, views: Views, kw: dict[str, Any]) -> Any:
    index = views.index()
    return search_resolutions(store, **kw, index=index.search if index is not None else None)


def _assignments(store: Store, views: Views, kw: dict[str, Any]) -> Any:
    index = views.index()
    return find_assignments(store, **kw, table=index.assignments if index is not None else None)


def _stats(store: Store, views: Views, kw: dict[str, Any]) -> Any:
    index = views.index()
    counted = index.stats if index is not None else None
    return graph_stats(store, top=kw["top"], net=views.net(), counted=counted)


# Routes that list or count across the store answer from the snapshot's index when the worker
# holds one (read once when it is warmed: see graph.served_index), from SPARQL otherwise.
TASKS: dict[str, Task] = {
    "search": Task(_search, SearchPage),
    "resolution": Task(
        lambda s, n, kw: get_resolution(s, kw["organ"], kw["number"]), ResolutionDetail
    ),
    "lineage": Task(lambda s, n, kw: lineage(s, kw["ident"]), Lineage),
    "walk": Task(_walk, DependencyGraph),
    "version": Task(_version, VersionInfo),
    "path": Task(_path, CitationPath),
    "assignments": Task(_assignments, AssignmentResults),
    "outdated": Task(_outdated, OutdatedList),
    "conferences": Task(lambda s, n, kw: list_conferences(s), TypeAdapter(list[ConferenceInfo])),
    # the most cited come from the work-level view the worker holds (building it reads every
    # citation: seconds on a million triples, once per worker instead of once per request)
    "stats": Task(_stats, GraphStats),
    "proposals": Task(lambda s, n, kw: compare_proposals(s, kw["ident"]), ProposalComparison),
}


_SCALARS = (str, int, float, bool, type(None))
_FIELDS: dict[type, tuple[str, ...]] = {}


def _generic(result: Any) -> bool:
    """True for a graph result whose ``to_dict`` is the generic field-by-field one."""
    to_dict = getattr(type(result), "to_dict", None)
    return is_dataclass(result) and getattr(to_dict, "__qualname__", "") == "_Result.to_dict"


def _plain(result: Any) -> Any:
    """What ``result.to_dict()`` gives (dataclasses -> dicts, tuples -> lists), with each result
    class's field names read once and scalars copied as they are: a depth-5 walk answers tens
    of thousands of edges, and the generic ``to_dict`` (``dataclasses.fields`` per object) was
    40% of its time."""
    if isinstance(result, _SCALARS):
        return result
    names = _FIELDS.get(type(result))
    if names is None and _generic(result):
        names = _FIELDS[type(result)] = tuple(f.name for f in fields(result))
    if names is not None:
        out = {}
        for name in names:
            value = getattr(result, name)
            out[name] = value if isinstance(value, _SCALARS) else _plain(value)
        return out
    if hasattr(result, "to_dict"):
        return result.to_dict()
    if isinstance(result, tuple | list):
        return [r if isinstance(r, _SCALARS) else _plain(r) for r in result]
    if isinstance(result, dict):
        return {k: _plain(v) for k, v in result.items()}
    return result


def run_task(
    name: str,
    store: Store,
    network: NetworkGetter,
    kwargs: dict[str, Any],
    index: IndexGetter | None = None,
) -> bytes:
    """Run the task ``name`` on ``store`` and return its answer as validated JSON bytes.

    ``network`` gives the snapshot's citation network, ``index`` its
    :class:`~graph.SnapshotIndex` (None: the routes answer from SPARQL, as for a remote store).

    Raises:
        KeyError: for an unknown task name.
        ResolutionNotFound, ValueError, TaskError: as the graph function raises them (the
            caller maps them to 404, 422 and the task's own status).
    """
    task = TASKS[name]
    views = Views(network, index if index is not None else lambda: None)
    result = task.fn(store, views, kwargs)
    if isinstance(task.schema, TypeAdapter):
        return task.schema.dump_json(task.schema.validate_python(_plain(result)))
    if _generic(result):  # validated field by field from the result itself (no dict copy)
        return task.schema.model_validate(result, from_attributes=True).model_dump_json().encode()
    return task.schema.model_validate(_plain(result)).model_dump_json().encode()


def failure_of(exc: BaseException) -> Failure | None:
    """The client-facing :class:`Failure` of a task's exception, or None when it is a bug."""
    if isinstance(exc, TaskError):
        return exc.failure
    if isinstance(exc, ResolutionNotFound):
        return Failure(404, "not_found", str(exc), tuple(exc.suggestions))
    if isinstance(exc, ValueError):
        return Failure(422, "invalid_parameter", str(exc))
    return None
