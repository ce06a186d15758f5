"""The second wall behind the parsed-query check: a query worker cannot open an IP socket at all.

These tests send a worker SERVICE queries *marked as already checked*, the state the parse check
would leave a query it misjudged, and assert that the engine's HTTP client gets no connection
out: a listener on 127.0.0.1 receives nothing and the answer is an evaluation error (400), not
a 500 and not the listener's payload.
"""

from __future__ import annotations

import asyncio
import socket
import threading
from collections.abc import Iterator

import pytest

from api.sparql.execute import SparqlRequest
from api.sparql.guard import QueryShape
from api.workers.pool import WorkerFailure, WorkerPool
from api.workers.protocol import Failure, Job, StoreSource, WorkerConfig
from api.workers.sandbox import sandbox_supported

pytestmark = pytest.mark.skipif(
    not sandbox_supported(), reason="seccomp filter: Linux x86-64/arm64"
)


@pytest.fixture
def listener() -> Iterator[tuple[int, list[bytes]]]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(4)
    sock.settimeout(0.1)
    received: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = sock.accept()
            except OSError:
                continue
            with conn:
                received.append(b"connected")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield sock.getsockname()[1], received
    finally:
        stop.set()
        thread.join()
        sock.close()


def _run_unchecked(query: str) -> Failure | object:
    """Evaluate ``query`` in a real worker with the parse check skipped."""
    source = StoreSource("empty", None, None, 0, "https://w3id.org/resgraph/", dump=b"")

    async def go() -> Failure | object:
        pool = WorkerPool(WorkerConfig("sparql", source, 2048), size=1, memory_mb=512)
        try:
            checked = QueryShape("select")  # as if the server had seen this text pass
            job = Job("sparql", (SparqlRequest(query), 5.0, 100, checked))
            timeout = Failure(503, "query_timeout", "slow")
            return await pool.run(job, timeout=10, queue_wait=30, on_timeout=timeout)
        except WorkerFailure as exc:
            return exc.failure
        finally:
            pool.close()

    return asyncio.run(go())


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ BIND(1 AS ?x) .SERVICE <http://127.0.0.1:{port}/x> {{ ?a ?b ?c }} }}",
        "ASK {{ SERVICE <http://[::1]:{port}/x> {{ ?a ?b ?c }} }}",
    ],
)
def test_the_engine_cannot_connect_even_when_the_check_is_skipped(
    listener: tuple[int, list[bytes]], template: str
) -> None:
    port, received = listener
    answer = _run_unchecked(template.format(port=port))
    assert isinstance(answer, Failure), answer
    assert answer.status == 400 and answer.code == "query_failed", answer
    assert received == []
