"""uvicorn as ``resgraph serve`` runs it: the header timeout, keep-alive, the options from settings.

A real uvicorn server in a thread of this process (so the protocol's code is measured), on a
free loopback port, with a 0.5 s header timeout.
"""

from __future__ import annotations

import select
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
import uvicorn

from api.bench.api_bench import free_port, trivial_app
from api.serving import header_timeout_protocol, uvicorn_options
from api.settings import Settings


@pytest.fixture(scope="module")
def port() -> Iterator[int]:
    settings = Settings(port=free_port(), header_timeout=0.5, keep_alive_timeout=5)
    options: dict[str, Any] = uvicorn_options(settings)
    config = uvicorn.Config(trivial_app(), log_level="warning", **options)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield settings.port
    finally:
        server.should_exit = True
        thread.join()


def _closed_by_server(sock: socket.socket, trickle: bytes, rounds: int = 100) -> bool:
    """Send ``trickle`` every 0.1 s until the server closes the connection (True) or gives up."""
    for _ in range(rounds):
        try:
            if select.select([sock], [], [], 0.1)[0] and sock.recv(65536) == b"":
                return True  # (bytes still arriving of an earlier response are read and skipped)
            sock.sendall(trickle)
        except OSError:
            # A reset (the server closed while our trickle was in flight) is a close too.
            return True
    return False


def test_a_silent_connection_is_closed(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        assert _closed_by_server(sock, b"")


def test_headers_trickling_in_are_cut_off(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET /ping HTTP/1.1\r\nX-Slow: ")
        assert _closed_by_server(sock, b"a")


def test_requests_on_a_kept_alive_connection_are_served(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        for _ in range(3):
            sock.sendall(b"GET /ping HTTP/1.1\r\nHost: t\r\n\r\n")
            data = b""
            while not data.endswith(b'{"ok":true}'):
                data += sock.recv(4096)
            assert data.startswith(b"HTTP/1.1 200")
            time.sleep(0.3)  # idle under the header timeout: the connection stays


def test_an_idle_kept_alive_connection_is_closed_after_the_header_timeout(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port)) as sock:
        sock.sendall(b"GET /ping HTTP/1.1\r\nHost: t\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 200")
        sock.sendall(b"GET /ping HTTP/1.1\r\n")  # the next request never finishes
        assert _closed_by_server(sock, b"X-a: b\r\n")


def test_options_come_from_the_settings() -> None:
    options = uvicorn_options(Settings(limit_concurrency=7, graceful_shutdown_timeout=3))
    assert options["limit_concurrency"] == 7 and options["timeout_graceful_shutdown"] == 3
    with pytest.raises(ValueError, match="positive"):
        header_timeout_protocol(0)
