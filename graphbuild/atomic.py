"""Write files all at once or not at all: every file goes to a temporary file in the same folder first,
and only when all are written are they renamed into place, so a reader never sees a half-written file
and a failed build replaces nothing. Temporary files carry their process id, so a later build can tell
the ones a killed run left behind (and remove them) from those of a build still running.
"""

from __future__ import annotations

import fcntl
import os
import re
import signal
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from .errors import GraphbuildError

#: The lock file of an output folder: the process writing there holds it (its pid inside).
LOCK_FILE = ".graphbuild.lock"
_HELD: dict[Path, int] = {}  # output folders this process holds, with how many times it entered


@contextmanager
def output_lock(folder: Path) -> Iterator[None]:
    """Hold ``folder`` for this process's writes: a second graphbuild writing there at once (builds or
    exports) is refused with one line naming the first, instead of both tearing the SPARQL store apart.
    Re-entrant within a process; released when the process ends, however it ends (``flock``)."""
    key = folder.resolve()
    if key in _HELD:
        _HELD[key] += 1
        try:
            yield
        finally:
            _HELD[key] -= 1
        return
    try:
        fd = os.open(folder / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise GraphbuildError(f"{folder}: cannot write here ({error.strerror})") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        holder = os.read(fd, 32).decode("ascii", "replace").strip() or "?"
        os.close(fd)
        raise GraphbuildError(
            f"{folder}: another graphbuild (pid {holder}) is writing here; run again when it is done, "
            "or write elsewhere (-o)"
        ) from None
    try:
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        _HELD[key] = 1
        yield
    finally:
        _HELD.pop(key, None)
        os.close(fd)


_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<pid>\d+)\.[^.]+\.tmp$")


def write_atomic(path: Path, data: str | bytes | Iterable[str], durable: bool = True) -> Path:
    """Replace ``path`` with ``data`` so that readers never see a half-written file (``durable``: see
    ``write_all``)."""
    return write_all({path: data}, durable)[path]


def write_all(
    files: Mapping[Path, str | bytes | Iterable[str]],
    durable: bool = True,
    before_commit: Callable[[dict[Path, Path]], None] | None = None,
) -> dict[Path, Path]:
    """Write every file to a temporary file, then rename them all into place; on any failure before the
    renames, nothing is replaced and no temporary file is left. Text given in chunks is written as
    they come, so a large output is never whole in memory. ``durable`` syncs each file to disk
    before its rename, so that even a power cut leaves the old file or the new one: outputs need it; a
    cache entry does not (a broken entry is a miss) and would pay an fsync per document.
    ``before_commit`` gets {final path: staged file} once all are written: what it raises stops the commit
    too (the SPARQL store is built from the staged Turtle there). A target that is a folder, or any other
    non-file, fails before anything is written."""
    for path in files:
        if not path.is_symlink() and path.exists() and not path.is_file():  # a link is replaced, not followed
            raise GraphbuildError(f"{path}: exists and is not a file; nothing was written")
    staged: dict[Path, str] = {}
    with uninterrupted(), _cleanup(staged):
        for path, data in files.items():
            staged[path] = _stage(path, data, durable)
        if before_commit is not None:
            before_commit({path: Path(tmp) for path, tmp in staged.items()})
        for path, tmp in staged.items():
            try:
                os.replace(tmp, path)
            except OSError as error:
                raise GraphbuildError(f"{path}: cannot write ({error.strerror})") from None
    return {path: path for path in files}


@contextmanager
def _cleanup(staged: dict[Path, str]) -> Iterator[None]:
    try:
        yield
    finally:
        for tmp in staged.values():
            Path(tmp).unlink(missing_ok=True)


@contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM until the files are written and renamed, then deliver them: an interrupt
    never leaves a temporary file or a mix of old and new outputs (only the main thread gets signals)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM)}
    held = [number for number, handler in previous.items() if handler is not None]
    for number in held:
        signal.signal(number, lambda received, frame: caught.append(received))
    try:
        yield
    finally:
        for number in held:
            signal.signal(number, previous[number])
        if caught:
            signal.raise_signal(caught[0])


def _encoded(data: str | bytes | Iterable[str]) -> Iterator[bytes]:
    if isinstance(data, bytes):
        yield data
    elif isinstance(data, str):
        yield data.encode("utf-8")
    else:
        yield from (chunk.encode("utf-8") for chunk in data)


def _stage(path: Path, data: str | bytes | Iterable[str], durable: bool) -> str:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=".tmp")
    except OSError as error:
        raise GraphbuildError(f"{path.parent}: cannot write here ({error.strerror})") from None
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as handle:
            for chunk in _encoded(data):
                handle.write(chunk)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
    except BaseException as error:  # also a failure while chunks are still being made: no temporary file left
        Path(tmp).unlink(missing_ok=True)
        if isinstance(error, OSError):
            raise GraphbuildError(f"{path}: cannot write ({error.strerror})") from None
        raise
    return tmp


def remove_stale(folder: Path, pattern: str = ".*.tmp") -> int:
    """Delete the temporary files that killed runs left in ``folder`` (``pattern``: where to look, e.g.
    ``*/.*.tmp`` one level down); returns how many."""
    removed = 0
    for entry in folder.glob(pattern):
        match = _TEMP.match(entry.name)
        if match and not alive(int(match.group("pid"))):
            entry.unlink(missing_ok=True)
            removed += 1
    return removed


def alive(pid: int) -> bool:
    """Whether a process of that id exists (one of another user's counts)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
