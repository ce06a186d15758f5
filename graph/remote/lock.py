"""One builder at a time on a SPARQL server: a build lock written as data.

Why: an embedded store is locked with an flock on its directory (:mod:`graph.embedded.generations`),
which the kernel releases when a builder dies. A server has nothing of the kind, and two builders
at once would corrupt a generation: each starts by dropping the document graphs that no manifest
names, including those the other one has just written and not yet switched in.

How: the lock is one node in the lock graph (``<control graph>/lock``) naming its holder (host,
process) and when it was taken. A builder takes it with one conditional SPARQL Update
(``INSERT ... WHERE { FILTER NOT EXISTS ... }``) and then reads the graph back: it holds the lock
only if it is the sole holder. Two builders that race both insert, both read two holders, and
both withdraw and fail, so no interleaving lets two builds proceed. Readers never see the lock
graph (they query the graphs of the manifest only).

A builder killed outright leaves its lock behind; the error names the holder and the time, and
``resgraph build --break-lock`` removes it once the operator knows that build is gone.

Example:
    >>> lock_graph_iri("https://example.org/")
    'https://example.org/id/graph/meta/remote/lock'
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
import uuid
from collections.abc import Iterator

from graph import mint
from graph.remote.store import RemoteStore, RemoteStoreError, control_graph_iri
from graph.vocab import DCTERMS, XSD

__all__ = ["BuildLockedError", "lock_graph_iri", "remote_build_lock"]


class BuildLockedError(RemoteStoreError):
    """Another build holds (or is taking) the server's build lock."""


def lock_graph_iri(base: str = mint.DEFAULT_BASE) -> str:
    """The IRI of the graph that holds the build lock of resgraph's graphs under ``base``."""
    return f"{control_graph_iri(base)}/lock"


def _holders(store: RemoteStore, graph: str) -> list[tuple[str, str, str]]:
    """(lock node, holder, taken at) of every lock entry, oldest first."""
    rows = store.query(
        f"SELECT ?lock ?who ?at WHERE {{ ?lock <{DCTERMS.creator}> ?who ; "
        f"<{DCTERMS.created}> ?at }} ORDER BY ?at",
        graphs=[graph],
    )
    return [(r["lock"].value, r["who"].value, r["at"].value) for r in rows]


def _release(store: RemoteStore, graph: str, node: str) -> None:
    store.update(f"DELETE WHERE {{ GRAPH <{graph}> {{ <{node}> ?p ?o }} }}")


@contextlib.contextmanager
def remote_build_lock(store: RemoteStore, *, break_lock: bool = False) -> Iterator[str]:
    """Hold the server's build lock for the duration of the block.

    Args:
        store: a handle on the server (its ``base`` decides which graphs the lock guards).
        break_lock: first remove any lock left behind (only when the build that holds it is
            known to be gone).

    Yields:
        The holder description written into the lock ("host:pid").

    Raises:
        BuildLockedError: naming the holder and since when, when another build holds the lock
            or took it at the same moment.
    """
    graph = lock_graph_iri(store.base)
    if break_lock:
        store.drop_graph(graph)
    node = f"urn:uuid:{uuid.uuid4()}"
    who = f"{socket.gethostname()}:{os.getpid()}"
    at = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())
    store.update(
        f"INSERT {{ GRAPH <{graph}> {{ <{node}> <{DCTERMS.creator}> {_quote(who)} ; "
        f'<{DCTERMS.created}> "{at}"^^<{XSD.dateTime}> }} }} '
        f"WHERE {{ FILTER NOT EXISTS {{ GRAPH <{graph}> {{ ?any <{DCTERMS.creator}> ?who }} }} }}"
    )
    holders = _holders(store, graph)
    if [h[0] for h in holders] != [node]:
        if any(h[0] == node for h in holders):
            _release(store, graph, node)  # a race: both withdraw, neither builds
        others = [h for h in holders if h[0] != node]
        since = ", ".join(f"{h[1]} since {h[2]}" for h in others) or "another build"
        raise BuildLockedError(
            f"{store.root}: another build is running on this store ({since}); if it is gone "
            "(killed), run the build again with --break-lock"
        )
    try:
        yield who
    finally:
        _release(store, graph, node)


def _quote(text: str) -> str:
    """A SPARQL string literal of ``text``."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
