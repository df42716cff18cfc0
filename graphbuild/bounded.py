"""Reads with a limit: a file (or a device such as /dev/zero) is read up to a bound, never whole
into memory, and one past the bound is one clear error naming it."""

from __future__ import annotations

from pathlib import Path

from .errors import GraphbuildError


def read_bounded(path: str | Path, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes of ``path``; a file holding more is refused (``what`` names it: "the query")."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)
    except OSError as error:
        raise GraphbuildError(f"{path}: cannot read {what} ({error.strerror})") from None
    if len(data) > limit:
        raise GraphbuildError(f"{path}: {what} is over {limit:,} bytes; refused")
    return data
