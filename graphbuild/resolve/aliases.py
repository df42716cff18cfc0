"""The user's aliases file: corrections applied after every rule ("merge these names", "never merge
these", "this name is of this type"), as CSV or YAML.

CSV: one ``action,name,other`` row each: ``merge,Donald Trump,The Donald``; ``never,Donald Trump,Donald
Trump Jr.``; ``type,Brexit,Event``. YAML: ``merge: [[a, b, ...]]``, ``never: [[a, b]]``, ``types: {name: type}``.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path

from ..bounded import load_yaml, read_bounded
from ..errors import GraphbuildError
from ..options import MAX_ALIASES_BYTES
from ..records import ENTITY_TYPES


@dataclass(frozen=True)
class Aliases:
    """Names to merge (groups), pairs never to merge, and types to set."""

    merge: tuple[tuple[str, ...], ...] = ()
    never: tuple[tuple[str, str], ...] = ()
    types: dict[str, str] = field(default_factory=dict)


def load_aliases(path: str | Path) -> Aliases:
    """Read an aliases file (.csv, or .yaml/.yml); any mistake is one GraphbuildError naming the line."""
    path = Path(path)
    try:
        text = read_bounded(path, MAX_ALIASES_BYTES, "the aliases file").decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise GraphbuildError(f"{path}: cannot read the aliases file ({error})") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return _from_yaml(text, path)
    return _from_csv(text, path)


def _from_csv(text: str, path: Path) -> Aliases:
    merge, never, types = [], [], {}
    for line, row in enumerate(csv.reader(io.StringIO(text)), 1):
        row = [cell.strip() for cell in row]
        if not row or not any(row) or row[0].startswith("#") or (line == 1 and row[0].lower() == "action"):
            continue
        action, names = row[0].lower(), [n for n in row[1:] if n]
        if action == "merge" and len(names) >= 2:
            merge.append(tuple(names))
        elif action == "never" and len(names) == 2:
            never.append((names[0], names[1]))
        elif action == "type" and len(names) == 2:
            types[names[0]] = _entity_type(names[1], f"{path}:{line}")
        else:
            raise GraphbuildError(f"{path}:{line}: expected merge,NAME,NAME[,...] or never,NAME,NAME or type,NAME,TYPE")
    return Aliases(tuple(merge), tuple(never), types)


def _from_yaml(text: str, path: Path) -> Aliases:
    import yaml  # its error class

    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as error:
        raise GraphbuildError(f"{path}: not valid YAML ({str(error).splitlines()[0]})") from None
    if not isinstance(data, dict) or set(data) - {"merge", "never", "types"}:
        raise GraphbuildError(f"{path}: expected the keys merge, never and types")
    try:
        merge = tuple(tuple(str(n) for n in group) for group in data.get("merge") or () if len(group) >= 2)
        never = tuple((str(a), str(b)) for a, b in data.get("never") or ())
        types = {str(n): _entity_type(str(t), str(path)) for n, t in (data.get("types") or {}).items()}
    except (TypeError, ValueError, AttributeError):
        raise GraphbuildError(f"{path}: merge takes lists of names, never pairs of names, types name: type") from None
    return Aliases(merge, never, types)


def _entity_type(name: str, where: str) -> str:
    for entity_type in ENTITY_TYPES:
        if name.lower() == entity_type.lower():
            return entity_type
    raise GraphbuildError(f"{where}: unknown type {name!r}: use {', '.join(ENTITY_TYPES)}")
