"""A ``.zip``, ``.tar``, ``.tar.gz`` or ``.tgz`` of documents, read like a folder, without unpacking it.

Bounded: members are read in memory, never written, so no name can reach outside the archive; a
member whose name is absolute or climbs out ("../x") is skipped with a warning all the same, as are
links and nested archives; and past ``MAX_UNPACKED`` bytes unpacked the rest of the archive is skipped,
with a warning, so a zip bomb cannot fill memory.
"""

from __future__ import annotations

import tarfile
import zipfile
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import PurePosixPath
from typing import IO

from ..errors import GraphbuildError
from ..options import MAX_UNPACKED

ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz")
#: A member: its name in the archive, its size unpacked, and how to open its bytes.
Member = tuple[str, int, Callable[[], IO[bytes]]]


def is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def members(path: str, readable: Callable[[str], bool], warn: Callable[[str], None]) -> Iterator[Member]:
    """The members of the archive at ``path`` whose names ``readable`` accepts, in name order; a bad
    archive is one GraphbuildError."""
    try:
        if path.lower().endswith(".zip"):
            yield from _bounded(_zip_members(path), path, readable, warn)
        else:
            yield from _bounded(_tar_members(path), path, readable, warn)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError) as error:
        raise GraphbuildError(f"{path}: not a readable archive ({error})") from None


def _bounded(
    found: Iterator[tuple[str, int, bool, Callable[[], IO[bytes]]]],
    path: str,
    readable: Callable[[str], bool],
    warn: Callable[[str], None],
) -> Iterator[Member]:
    """The readable regular members, none of them climbing out, within ``MAX_UNPACKED`` bytes in all."""
    total = 0
    for name, size, regular, opener in sorted(found, key=lambda member: member[0]):
        pure = PurePosixPath(name)
        if pure.is_absolute() or ".." in pure.parts:
            warn(f"{path}: {name!r} names a place outside the archive; skipped")
            continue
        if regular and is_archive(name):
            warn(f"{path}: {name} is an archive inside the archive; skipped (unpack it first)")
            continue
        if not regular or not readable(name):
            continue
        total += size
        if total > MAX_UNPACKED:
            warn(f"{path}: over {MAX_UNPACKED:,} bytes unpacked at {name}; it and the members after it skipped")
            return
        yield f"{PurePosixPath(path).name}/{name}", size, opener  # zipfile and tarfile stop at the size


def _zip_members(path: str) -> Iterator[tuple[str, int, bool, Callable[[], IO[bytes]]]]:
    archive = zipfile.ZipFile(path)
    for info in archive.infolist():
        regular = not info.is_dir() and (info.external_attr >> 28) != 0o12  # not a symbolic link
        yield info.filename, info.file_size, regular, partial(archive.open, info)


def _tar_members(path: str) -> Iterator[tuple[str, int, bool, Callable[[], IO[bytes]]]]:
    archive = tarfile.open(path)  # noqa: SIM115  (members are opened after this generator returns them)
    for info in archive.getmembers():
        yield info.name, info.size, info.isfile(), partial(_tar_open, archive, info)


def _tar_open(archive: tarfile.TarFile, info: tarfile.TarInfo) -> IO[bytes]:
    handle = archive.extractfile(info)
    if handle is None:
        raise GraphbuildError(f"{info.name}: not a file")
    return handle
