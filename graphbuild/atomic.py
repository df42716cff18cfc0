"""Write files all at once or not at all: every file goes to a temporary file in the same folder first,
and only when all are written are they renamed into place, so a reader never sees a half-written file
and a failed build replaces nothing. Temporary files carry their process id, so a later build can tell
the ones a killed run left behind (and remove them) from those of a build still running.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path

from .errors import GraphbuildError

_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def write_atomic(path: Path, data: str | bytes) -> Path:
    """Replace ``path`` with ``data`` so that readers never see a half-written file."""
    return write_all({path: data})[path]


def write_all(files: Mapping[Path, str | bytes]) -> dict[Path, Path]:
    """Write every file to a temporary file, then rename them all into place; on any failure before the
    renames, nothing is replaced and no temporary file is left."""
    staged: dict[Path, str] = {}
    try:
        for path, data in files.items():
            staged[path] = _stage(path, data.encode("utf-8") if isinstance(data, str) else data)
        for path, tmp in staged.items():
            try:
                os.replace(tmp, path)
            except OSError as error:
                raise GraphbuildError(f"{path}: cannot write ({error.strerror})") from None
    finally:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)
    return {path: path for path in files}


def _stage(path: Path, payload: bytes) -> str:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as error:
        raise GraphbuildError(f"{path.parent}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except OSError as error:
        Path(tmp).unlink(missing_ok=True)
        raise GraphbuildError(f"{path}: cannot write ({error.strerror})") from None
    return tmp


def remove_stale(folder: Path) -> int:
    """Delete the temporary files that killed runs left in ``folder``; returns how many."""
    removed = 0
    for entry in folder.glob(".*.tmp"):
        match = _TEMP.match(entry.name)
        if match and not _alive(int(match.group("pid"))):
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
