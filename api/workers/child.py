"""The query worker process: confined, read-only, one job at a time, answering over a pipe.

Why a process: a query can crash the engine (a stack overflow in a parser), allocate without
bound (a huge ORDER BY) or run for hours in one step no Python code can interrupt. In a worker
process all three end the same way — the server kills or loses the process and starts another —
while the server itself never stops answering. See :mod:`api.workers.pool` for the server side.

The worker confines itself first (:func:`api.workers.sandbox.enter_sandbox`: no IP sockets,
``RLIMIT_AS``, nice), then opens its store read-only, says ``ready`` and serves jobs:

* ``sparql``: check the parsed query (:func:`api.sparql.guard.examine_query`, unless the server
  has seen this exact text pass already and sends its :class:`~api.sparql.guard.QueryShape`) and
  evaluate it with the deadline and row cap on its dataset (:func:`api.sparql.evaluate`); answers
  a :class:`~api.sparql.execute.SparqlAnswer`;
* ``check``: only the parse check (for a remote store, which evaluates elsewhere); answers the
  :class:`~api.sparql.guard.QueryShape`;
* ``task``: one REST computation by name (:mod:`api.workers.tasks`), answering JSON bytes;
* ``warm``: touch the store and build the snapshot index (:func:`graph.snapshot_index`: the
  citation network, the search index, the assignment and outdated tables, the counts), so the
  first requests after a swap do not pay for it; answers it pickled for the other workers.

Jobs run in a thread with a 64 MiB stack and a high recursion limit: rdflib's parser recurses
per nesting level, and the server bounds that depth before a query gets here.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from multiprocessing.connection import Connection
from typing import Any

# Imported here, before any fork: the fork server preloads this module, so every worker starts
# with the engine, the parser's grammar and the graph functions already in memory.
import pyoxigraph as ox
from rdflib.plugins.sparql import parser as _rdflib_parser  # noqa: F401  (grammar built once)

from api.sparql.execute import SparqlFailure, evaluate
from api.sparql.guard import QueryRefused, QueryShape, examine_query
from api.workers.protocol import Failure, Job, StoreSource, WorkerConfig
from api.workers.sandbox import SandboxError, enter_sandbox
from api.workers.tasks import failure_of, run_task
from graph import (
    SnapshotIndex,
    Store,
    as_store,
    citation_network,
    most_cited,
    open_store,
    snapshot_index,
)

__all__ = ["main"]

STACK_BYTES = 64 * 2**20
RECURSION_LIMIT = 20_000


class _State:
    """The worker's store and what it holds of it: the citation network and the snapshot index
    (adopted from the warm-up, or built on first use)."""

    def __init__(self, config: WorkerConfig) -> None:
        self.store = _open(config.source)
        adopted: Any = pickle.loads(config.network) if config.network else None
        self._index: SnapshotIndex | None = None
        self._network: Any = None
        if isinstance(adopted, SnapshotIndex):
            self._index, self._network = adopted, adopted.network
            if adopted.network.number_of_nodes():
                most_cited(adopted.network, limit=1)  # its PageRank (not pickled with it)
        else:
            self._network = adopted

    def network(self) -> Any:
        if self._network is None:
            self._network = citation_network(self.store)
        return self._network

    def index(self) -> SnapshotIndex:
        if self._index is None:
            self._index = snapshot_index(self.store, net=self.network())
        return self._index


def _open(source: StoreSource) -> Store:
    if source.path is not None:  # a generation directory opens as a bare Oxigraph database
        return open_store(source.path, read_only=True, base=source.base)
    store = ox.Store()
    if source.dump:
        store.load(source.dump, ox.RdfFormat.N_QUADS)
    return as_store(store, source.base)


def _handle(state: _State, job: Job) -> Any:
    if job.kind == "sparql":
        request, timeout, max_rows, shape = job.payload
        if not isinstance(shape, QueryShape):  # not checked yet
            shape = examine_query(request.query)
        return evaluate(
            state.store,
            request,
            timeout=timeout,
            max_rows=max_rows,
            query_dataset=shape.has_dataset,
        )
    if job.kind == "check":
        return examine_query(job.payload)
    if job.kind == "task":
        name, kwargs = job.payload
        return run_task(name, state.store, state.network, kwargs, state.index)
    if job.kind == "warm":
        state.store.ox_query("ASK { ?s ?p ?o }")
        return pickle.dumps(state.index()) if job.payload else None
    raise ValueError(f"unknown job kind {job.kind!r}")


def _reply(state: _State, job: Job) -> tuple[str, Any]:
    try:
        return "ok", _handle(state, job)
    except QueryRefused as exc:
        return "fail", Failure(exc.status, exc.code, exc.message)
    except SparqlFailure as exc:
        return "fail", Failure(exc.status, exc.code, exc.message)
    except MemoryError:
        return "fail", Failure(
            503, "memory_limit", "the query needed more memory than a worker may use", retire=True
        )
    except RecursionError:
        return "fail", Failure(400, "query_too_deep", "the query nests too deep to be parsed")
    except Exception as exc:
        failure = failure_of(exc)
        if failure is None:
            import logging

            logging.getLogger("resgraph.api.worker").exception("job %s failed", job.kind)
            failure = Failure(500, "internal_error", "internal error; the server log has details")
        return "fail", failure


def _serve(conn: Connection, config: WorkerConfig) -> None:
    try:
        state = _State(config)
    except Exception as exc:
        conn.send(("fail", Failure(503, "store_unavailable", f"cannot open the store: {exc}")))
        return
    conn.send(("ready", os.getpid()))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_reply(state, job))


def main(conn: Connection, config: WorkerConfig) -> None:
    """Entry point of a worker process (started by :class:`api.workers.pool.WorkerPool`)."""
    try:
        enter_sandbox(config.address_space_mb)
    except (SandboxError, OSError, ValueError) as exc:
        conn.send(("fail", Failure(503, "sandbox", f"query worker not confined: {exc}")))
        return
    sys.setrecursionlimit(RECURSION_LIMIT)
    threading.stack_size(STACK_BYTES)
    worker = threading.Thread(target=_serve, args=(conn, config), name="query-worker")
    worker.start()
    worker.join()
