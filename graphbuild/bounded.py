"""Reads with a limit: a file (or a device such as /dev/zero) is read up to a bound, never whole
into memory, and one past the bound is one clear error naming it; YAML read without its bombs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

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


def load_yaml(text: str) -> Any:
    """YAML by the safe loader without anchors and aliases: 485 bytes of nested aliases ("billion laughs")
    grew past a gigabyte, and neither an aliases file nor front matter needs them (``yaml.YAMLError``)."""
    import yaml  # only where YAML is read

    class _NoAliasLoader(yaml.SafeLoader):
        def compose_node(self, parent, index):
            if self.check_event(yaml.AliasEvent):
                raise yaml.YAMLError(f"line {self.peek_event().start_mark.line + 1}: YAML aliases (*name) are refused")
            if getattr(self.peek_event(), "anchor", None):
                raise yaml.YAMLError(f"line {self.peek_event().start_mark.line + 1}: YAML anchors (&name) are refused")
            return super().compose_node(parent, index)

    return yaml.load(text, Loader=_NoAliasLoader)
