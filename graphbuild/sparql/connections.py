"""The endpoint's connections under attack: a client that never finishes its request headers (slowloris)
is closed after ``header_timeout`` seconds, past ``max_connections`` open connections the oldest one
still waiting for its headers makes room for the new one, and repeated log lines are rate-limited."""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict
from typing import Any

from uvicorn.protocols.http.h11_impl import H11Protocol


def guarded_protocol(header_timeout: float, max_connections: int) -> type[H11Protocol]:
    """uvicorn's h11 protocol, which waits for a request's headers forever, with both guards."""
    waiting: OrderedDict[Guarded, None] = OrderedDict()  # connections waiting for headers, oldest first

    class Guarded(H11Protocol):
        """One connection: closed when it waits longer than ``header_timeout`` for a request."""

        guard: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._wait()
            while sum(not c.transport.is_closing() for c in self.connections) > max_connections and waiting:
                oldest = next(iter(waiting))
                if oldest is self:
                    break
                oldest.transport.close()
                waiting.pop(oldest, None)

        def _wait(self) -> None:
            waiting[self] = None
            self.guard = self.loop.call_later(header_timeout, self._expire)

        def _expire(self) -> None:
            if self.cycle is None or self.cycle.response_complete:  # no request under way: headers awaited
                waiting.pop(self, None)
                self.transport.close()
            else:  # a query is running: look again later
                self.guard = self.loop.call_later(header_timeout, self._expire)

        def handle_events(self) -> None:
            super().handle_events()
            if self.cycle is not None and not self.cycle.response_complete:
                waiting.pop(self, None)  # a request came: not waiting any more
            elif self not in waiting and not self.transport.is_closing():
                waiting[self] = None

        def connection_lost(self, exc: Exception | None) -> None:
            waiting.pop(self, None)
            if self.guard is not None:
                self.guard.cancel()
            super().connection_lost(exc)

    return Guarded


class RateLimited(logging.Filter):
    """At most one record of each message every ``every`` seconds; the next one says how many were held
    back (1,100 refused connections logged 1 to 2.6 MB/s of "Too many open files")."""

    def __init__(self, every: float = 5.0) -> None:
        super().__init__()
        self.every = every
        self.last: dict[Any, tuple[float, int]] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, record.msg if isinstance(record.msg, str) else repr(record.msg))
        now = time.monotonic()
        seen, held = self.last.get(key, (float("-inf"), 0))
        if now - seen < self.every:
            self.last[key] = (seen, held + 1)
            return False
        self.last[key] = (now, 0)
        if held:
            record.msg = f"{record.msg} ({held} more like it held back)"
        return True


def rate_limit_logs(*names: str) -> None:
    """Rate-limit the loggers that report connection failures (asyncio's accept errors, uvicorn's)."""
    for name in names:
        logging.getLogger(name).addFilter(RateLimited())
