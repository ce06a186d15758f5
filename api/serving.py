"""How uvicorn serves the app: connection limits and a header timeout, from the settings.

Why a protocol of our own: uvicorn closes a kept-alive connection that stays idle after a
response, but it arms no timer for a connection that has not sent a complete request yet, and
every byte received cancels its keep-alive timer. A client that opens connections and sends
nothing, or a header byte every few seconds, holds them forever (a slow-loris). The h11 protocol
below gives every request's headers ``header_timeout`` seconds from the moment the connection is
opened or the previous response ended, whatever trickles in meanwhile; then it closes the
connection. The body has its own timeout in the routes that read one (``body_timeout``).

Example:
    >>> from api.settings import Settings
    >>> options = uvicorn_options(Settings(header_timeout=3))
    >>> options["http"].header_timeout, options["timeout_keep_alive"]
    (3.0, 5)
"""

from __future__ import annotations

import asyncio
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from api.settings import Settings

__all__ = ["HeaderTimeoutProtocol", "header_timeout_protocol", "uvicorn_options"]


class HeaderTimeoutProtocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline on each request's headers."""

    header_timeout: float = 10.0
    _header_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self._header_timer = self.loop.call_later(self.header_timeout, self._headers_late)

    def _disarm(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _headers_late(self) -> None:
        self._header_timer = None
        if self.conn.their_state is h11.IDLE and not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        if self.conn.their_state is not h11.IDLE:  # the request line and headers are in
            self._disarm()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        if not self.transport.is_closing() and self.conn.their_state is h11.IDLE:
            self._arm()  # the next request's headers get the same deadline

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)


def header_timeout_protocol(seconds: float) -> type[HeaderTimeoutProtocol]:
    """A :class:`HeaderTimeoutProtocol` class whose deadline is ``seconds``."""
    if seconds <= 0:
        raise ValueError(f"header_timeout must be positive, got {seconds}")
    return type("HeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"header_timeout": seconds})


def uvicorn_options(settings: Settings) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run`` / ``uvicorn.Config`` from ``settings``."""
    return {
        "host": settings.host,
        "port": settings.port,
        "http": header_timeout_protocol(float(settings.header_timeout)),
        "timeout_keep_alive": max(1, round(settings.keep_alive_timeout)),
        "limit_concurrency": settings.limit_concurrency,
        "timeout_graceful_shutdown": settings.graceful_shutdown_timeout,
    }
