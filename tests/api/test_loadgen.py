"""The load generator: loopback only, bounded in requests and time, counting what it sees."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.loadgen import MAX_REQUESTS, MAX_SECONDS, percentile, run_load


@pytest.fixture
def tiny_server() -> Iterator[tuple[int, list[bytes]]]:
    """A loopback HTTP/1.1 server: /slow waits 50 ms, /chunked answers chunked, /fail is 500.

    Yields its port and the request lines it received.
    """
    seen: list[bytes] = []
    loop = asyncio.new_event_loop()
    ready = threading.Event()
    holder: dict[str, object] = {}

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                line = head.split(b"\r\n", 1)[0]
                seen.append(line)
                if b"/slow" in line:
                    await asyncio.sleep(0.05)
                if b"/chunked" in line:
                    writer.write(
                        b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                        b"5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                    )
                elif b"/fail" in line:
                    writer.write(b"HTTP/1.1 500 Oops\r\nContent-Length: 4\r\n\r\nfail")
                else:
                    writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    async def main() -> None:
        server = await asyncio.start_server(handle, "127.0.0.1", 0)
        holder["port"] = server.sockets[0].getsockname()[1]
        holder["server"] = server
        ready.set()
        async with server:
            # closed by the fixture's teardown: the normal end
            with contextlib.suppress(asyncio.CancelledError):
                await server.serve_forever()

    thread = threading.Thread(target=lambda: loop.run_until_complete(main()), daemon=True)
    thread.start()
    ready.wait(5)
    yield int(holder["port"]), seen  # type: ignore[call-overload]
    loop.call_soon_threadsafe(holder["server"].close)  # type: ignore[attr-defined]


@pytest.mark.parametrize("host", ["10.0.0.1", "8.8.8.8", "192.168.1.1", "host.invalid"])
def test_refuses_anything_but_loopback(host: str) -> None:
    with pytest.raises(ValueError, match=r"loopback|resolve"):
        run_load(80, ["/"], host=host, total=1)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"total": MAX_REQUESTS + 1},
        {"total": 0},
        {"seconds": MAX_SECONDS + 1},
        {"seconds": 0},
        {"concurrency": 0},
        {"concurrency": 10_000},
    ],
)
def test_refuses_unbounded_runs(kwargs: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        run_load(80, ["/"], **kwargs)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        run_load(80, [])
    with pytest.raises(ValueError):
        run_load(80, ["no-slash"])


def test_sends_exactly_total_requests_round_robin(tiny_server: tuple[int, list[bytes]]) -> None:
    port, seen = tiny_server
    result = run_load(
        port, ["/a", "/b", "/chunked"], total=90, concurrency=3, seconds=60
    )  # a bound far off: this test counts
    assert result.requests == 90 == len(seen) == len(result.latencies_ms)
    assert result.statuses == {200: 90} and result.errors == 0
    assert sorted(seen.count(f"GET {p} HTTP/1.1".encode()) for p in ("/a", "/b", "/chunked")) == [
        30,
        30,
        30,
    ]


def test_stops_at_the_time_bound(tiny_server: tuple[int, list[bytes]]) -> None:
    """Far more requests asked than 0.5 s of a 50 ms route allows: the run ends on its time bound
    with what it got, counting every response it received and no more than the server saw."""
    port, seen = tiny_server
    concurrency = 2
    result = run_load(port, ["/slow"], total=100_000, concurrency=concurrency, seconds=0.5)
    assert 0 < result.requests < 100_000
    assert result.requests == len(result.latencies_ms) == sum(result.statuses.values())
    assert result.statuses == {200: result.requests} and result.errors == 0
    # requests still in flight when the bound came were sent but are not counted as answered
    assert result.requests <= len(seen) <= result.requests + concurrency
    assert result.seconds > 0


def test_counts_server_errors(tiny_server: tuple[int, list[bytes]]) -> None:
    port, _ = tiny_server
    result = run_load(port, ["/fail", "/ok"], total=10, concurrency=1, seconds=5)
    assert result.statuses == {500: 5, 200: 5} and result.errors == 5


@given(st.lists(st.floats(0, 1e4), min_size=1, max_size=50), st.floats(0.1, 100))
def test_percentile_is_an_observed_value_and_monotone(values: list[float], q: float) -> None:
    p = percentile(values, q)
    assert p in values
    assert percentile(values, min(100.0, q + 10)) >= p
    assert percentile(values, 100) == max(values)
