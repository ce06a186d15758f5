"""Issue 16, cases 1-4 and 13 (SPARQL): a real ``resgraph serve`` on 127.0.0.1, hostile queries.

Every case asserts what matters: the abusive request gets an explicit answer (status and code),
``/health`` answers 200 while it runs, nothing reaches a listener on this machine, and the query
worker's resident memory (read from ``/proc``) stays under the stated bound. Wall-clock figures
are not asserted; ``/health`` latencies during each case are what the hardening note reports.

The server runs with a 3 s query timeout and workers capped at 400 MiB resident (2 GiB address
space), on the seed graph (~12k triples): the cross join of case 3 would need ~15 GB.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.bench.api_bench import server_process
from graph import build_store

ROOT = Path(__file__).resolve().parents[2]
MEMORY_MB, ADDRESS_SPACE_MB = 400, 2048
ENV = {
    "RESGRAPH_RELOAD_INTERVAL": "0",
    "RESGRAPH_SPARQL_TIMEOUT": "3",
    "RESGRAPH_SPARQL_QUEUE_WAIT": "5",
    "RESGRAPH_WORKER_MEMORY_MB": str(MEMORY_MB),
    "RESGRAPH_WORKER_ADDRESS_SPACE_MB": str(ADDRESS_SPACE_MB),
}
ORDER_ALL = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f"
COUNT_CUBE = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
MARKER = "UPSTREAM-PAYLOAD-7f3a"


class Server:
    """A running server: its base URL and its process id."""

    def __init__(self, port: int, pid: int) -> None:
        self.url = f"http://127.0.0.1:{port}"
        self.pid = pid

    def get(self, path: str, timeout: float = 60) -> tuple[int, Any]:
        """GET ``path``; (status, parsed JSON body or raw bytes)."""
        try:
            with urllib.request.urlopen(self.url + path, timeout=timeout) as r:
                return r.status, _body(r.read())
        except urllib.error.HTTPError as exc:
            return exc.code, _body(exc.read())

    def sparql(self, query: str) -> tuple[int, Any]:
        return self.get("/sparql?" + urllib.parse.urlencode({"query": query}))

    def workers(self) -> list[int]:
        """Pids of the query workers (children of the fork server, a child of the server)."""
        return sorted(w for child in _children(self.pid) for w in _children(child))


def _body(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for task in tasks:
        try:
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(x) for x in fh.read().split()]
        except OSError:
            pass
    return out


def rss_mb(pid: int) -> float:
    """Resident memory of ``pid`` in MiB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Watch:
    """While a block runs: ``/health`` polled (every answer must be 200) and the workers' peak
    resident memory sampled from /proc."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self.health: list[tuple[int, float]] = []
        self.peak_rss_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            for pid in self.server.workers():
                self.peak_rss_mb = max(self.peak_rss_mb, rss_mb(pid))
            t0 = time.perf_counter()
            status, _ = self.server.get("/health", timeout=30)
            self.health.append((status, (time.perf_counter() - t0) * 1000))
            self._stop.wait(0.02)

    def __enter__(self) -> Watch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def p99_ms(self) -> float:
        values = sorted(ms for _, ms in self.health)
        return values[max(0, int(len(values) * 0.99) - 1)] if values else 0.0

    def assert_healthy(self) -> None:
        assert self.health, "/health was never answered"
        assert {status for status, _ in self.health} == {200}


@pytest.fixture(scope="module")
def seed_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("seed") / "store"
    build_store(path, [ROOT / "data" / "corpus"])
    return path


@pytest.fixture(scope="module")
def server(seed_dir: Path) -> Iterator[Server]:
    with server_process(seed_dir, env=ENV) as (port, proc):
        yield Server(port, proc.pid)


class Listener:
    """A TCP listener on 127.0.0.1 that records whatever connects and answers with a marker (so
    an error that quoted an upstream payload would show it)."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port: int = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                self.received.append(b"(connected)")
                conn.settimeout(1)
                body = MARKER.encode()
                head = f"HTTP/1.1 400 Bad\r\nContent-Length: {len(body)}\r\n\r\n".encode()
                try:
                    self.received.append(conn.recv(65536))
                    conn.sendall(head + body)
                except OSError:
                    pass

    def close(self) -> None:
        self._stop.set()
        self._thread.join()
        self.sock.close()


@pytest.fixture
def listener() -> Iterator[Listener]:
    server = Listener()
    try:
        yield server
    finally:
        server.close()


def test_case1_deep_nesting_is_refused_before_any_parser(server: Server) -> None:
    before = server.workers()
    with Watch(server) as watch:
        braces = "SELECT * WHERE " + "{" * 3000 + " ?s ?p ?o " + "}" * 3000
        parens = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }"
        for query in (braces, parens):
            status, body = server.sparql(query)
            assert status == 400 and body["code"] == "query_too_deep", body
        status, body = server.sparql("ASK { ?s ?p ?o }")
        assert status == 200 and body["boolean"] is True
    watch.assert_healthy()
    assert server.workers() == before  # no worker died: no parser ever saw the deep text
    print(
        f"\ncase 1: 400 query_too_deep; "
        f"/health p99 {watch.p99_ms():.1f} ms over {len(watch.health)}"
    )


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ BIND(1 AS ?x) .SERVICE <{url}> {{ ?a ?b ?c }} }}",
        "SELECT * WHERE {{ ?s ?p 1SERVICE <{url}> {{ ?a ?b ?c }} }}",
        "SELECT * WHERE {{ ?s ?p ?o .service <{url}> {{ ?a ?b ?c }} }}",
        "SELECT * WHERE {{ ?s ?p ?o }} VALUES ?s {{ 1 }}\n# \n{{ SERVICE <{url}> {{ }} }}",
        "SELECT * WHERE {{ FILTER EXISTS {{ SeRvIcE SILENT <{url}> {{ ?a ?b ?c }} }} }}",
        "SELECT * WHERE {{ {{ SELECT * WHERE {{ OPTIONAL {{ SERVICE <{url}> {{}} }} }} }} }}",
        "SELECT * WHERE {{ BIND(<{url}> AS ?u) SERVICE ?u {{ ?a ?b ?c }} }}",
        "SELECT * WHERE {{ SERVICE ?unbound {{ ?a ?b ?c }} }}",
        "LOAD <{url}>",
        "SELECT * FROM <{url}> FROM NAMED <{url}> WHERE {{ ?s ?p ?o }}",
    ],
)
def test_case2_service_in_any_spelling_never_leaves_the_machine(
    server: Server, listener: Listener, template: str
) -> None:
    url = f"http://127.0.0.1:{listener.port}/sparql"
    query = template.format(url=url)
    with Watch(server) as watch:
        responses = [server.sparql(query)]
        form = urllib.parse.urlencode({"query": query}).encode()
        request = urllib.request.Request(server.url + "/sparql", data=form)
        try:
            with urllib.request.urlopen(request, timeout=60) as r:
                responses.append((r.status, _body(r.read())))
        except urllib.error.HTTPError as exc:
            responses.append((exc.code, _body(exc.read())))
    watch.assert_healthy()
    for status, body in responses:
        assert status != 500 and MARKER not in json.dumps(body, default=str)
        if "FROM" in query:  # a dataset clause names graphs of the store; nothing is fetched
            assert status == 200
        else:
            assert status in (400, 403), body
            assert body["code"] in ("service_refused", "update_refused", "malformed_query"), body
    assert listener.received == []
    print(
        f"\ncase 2: {sorted({(s, b.get('code', '')) for s, b in responses})}; "
        f"/health p99 {watch.p99_ms():.1f} ms over {len(watch.health)}"
    )


def test_case3_one_get_cannot_exhaust_memory(server: Server) -> None:
    before = server.workers()
    with Watch(server) as watch:
        status, body = server.sparql(ORDER_ALL)
    watch.assert_healthy()
    assert status == 503, body
    assert body["code"] in ("memory_limit", "query_aborted", "query_timeout"), body
    assert 0 < watch.peak_rss_mb < ADDRESS_SPACE_MB
    print(  # the figures of the hardening note (not asserted)
        f"\ncase 3: {body['code']}; worker peak RSS {watch.peak_rss_mb:.0f} MiB "
        f"(cap {MEMORY_MB}); /health p99 {watch.p99_ms():.1f} ms over {len(watch.health)}"
    )
    status, body = server.sparql("ASK { ?s ?p ?o }")
    assert status == 200 and body["boolean"] is True
    assert set(server.workers()) != set(before)  # the worker that blew up was replaced


def test_case4_two_endless_queries_do_not_disable_the_endpoint(server: Server) -> None:
    before = server.workers()
    results: list[tuple[int, Any]] = []
    with Watch(server) as watch:
        threads = [
            threading.Thread(target=lambda: results.append(server.sparql(COUNT_CUBE)))
            for _ in range(2)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        after = server.sparql("ASK { ?s ?p ?o }")
    watch.assert_healthy()
    assert [(s, b["code"]) for s, b in results] == [(503, "query_timeout")] * 2
    assert after[0] == 200 and after[1]["boolean"] is True  # not "busy": the slots came back
    assert len(set(before) - set(server.workers())) == 2  # both evaluations were killed
    print(
        f"\ncase 4: 2x 503 query_timeout; worker peak RSS {watch.peak_rss_mb:.0f} MiB "
        f"(cap {MEMORY_MB}); /health p99 {watch.p99_ms():.1f} ms over {len(watch.health)}"
    )


def test_a_crashing_worker_takes_down_only_its_query(server: Server) -> None:
    """What a SIGSEGV in the engine (case 1's crash, were it reached) does: the worker dies, the
    query gets a 503 that says so, the server and every other route go on."""
    with Watch(server) as watch:
        # on a starved machine the query may end (its deadline passes) before it is found or
        # before the signal lands: such a round proves nothing either way and is run again
        for _ in range(5):
            _until_workers_idle(server)  # replacements of earlier cases' workers warm up first
            results: list[tuple[int, Any]] = []
            busy = threading.Thread(target=lambda r=results: r.append(server.sparql(COUNT_CUBE)))
            busy.start()
            victim = _busiest_worker(server, busy)
            if victim is not None:
                os.kill(victim, signal.SIGSEGV)
            busy.join()
            timed_out = results[0][0] == 503 and results[0][1].get("code") == "query_timeout"
            if victim is not None and not timed_out:
                break
    watch.assert_healthy()
    assert victim is not None
    assert results[0][0] == 503 and results[0][1]["code"] == "query_aborted", results
    assert "signal 11" in results[0][1]["error"]
    assert server.sparql("ASK { ?s ?p ?o }")[0] == 200
    assert victim not in server.workers()
    print(f"\nSIGSEGV: 503 query_aborted; /health p99 {watch.p99_ms():.1f} ms")


def _until_workers_idle(server: Server, limit_s: float = 20.0) -> None:
    """Wait until no worker gains CPU time (a worker that replaced a killed one first opens
    and warms its snapshot: picked as "the busiest", it is not the one evaluating)."""
    deadline = time.monotonic() + limit_s
    while time.monotonic() < deadline:
        before = {p: _cpu_ticks(p) for p in server.workers()}
        time.sleep(0.3)
        if all(_cpu_ticks(p) - t < 3 for p, t in before.items()):
            return


def _busiest_worker(server: Server, busy: threading.Thread) -> int | None:
    """The worker gaining the most CPU time while ``busy`` runs (the one evaluating)."""
    while busy.is_alive():
        before = {p: _cpu_ticks(p) for p in server.workers()}
        time.sleep(0.3)
        gained = {p: _cpu_ticks(p) - t for p, t in before.items()}
        best = max(gained, key=gained.__getitem__, default=None)
        if best is not None and gained[best] >= 3 and busy.is_alive():  # 30 ms of CPU or more
            return best
    return None


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])
    except (OSError, IndexError, ValueError):
        return 0


def test_case13_runtime_errors_are_never_500(server: Server) -> None:
    for query in (
        "SELECT * WHERE { BIND(REGEX('a', '(') AS ?x) }",  # a bad pattern: an evaluation error
        "SELECT * WHERE { SERVICE ?unbound { ?a ?b ?c } }",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:1/unreachable> { ?a ?b ?c } }",
        "SELECT (<urn:no-such-function>(1) AS ?x) WHERE {}",
    ):
        status, body = server.sparql(query)
        assert status in (200, 400, 403), (query, body)
        print(f"\ncase 13: {status} {body.get('code', '') if isinstance(body, dict) else ''}")
