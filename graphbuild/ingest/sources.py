"""Find the inputs (local files, folders and archives, standard input, fsspec URLs) and read each into
Documents by its suffix: plain text and Markdown here, tables (``tables``), pages (``pages``).

A file named on the command line must be readable; one found inside a folder is skipped with a warning,
as is one whose text cannot be had (``errors.Unreadable``) wherever it was named.
"""

from __future__ import annotations

import codecs
import io
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import IO

from ..errors import GraphbuildError, Unreadable
from ..names import slugify
from ..records import Document
from .archives import ARCHIVE_SUFFIXES, is_archive, members
from .decode import codec_of, decode
from .pages import PAGE_SUFFIXES, read_page
from .tables import TABLE_SUFFIXES, Fields, read_table
from .text import PART_CHARS, document_from_text

TEXT_SUFFIXES = (".txt", ".md")
#: Every suffix a folder (or an archive) is searched for.
SUFFIXES = TEXT_SUFFIXES + TABLE_SUFFIXES + PAGE_SUFFIXES + ARCHIVE_SUFFIXES
_LISTED = ", ".join(SUFFIXES)
STDIN = "-"
#: An fsspec URL ("s3://bucket/news/", "memory://corpus", "file:///data"): read with fsspec (installed with
#: graphbuild[dask]) by the build process, whatever runs the parse.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")


def supported(name: str) -> bool:
    """A file name graphbuild reads when it finds it in a folder or an archive."""
    return name.lower().endswith(SUFFIXES)


def find_sources(
    inputs: Sequence[str | Path], warn: Callable[[str], None], follow_links: bool = False
) -> list[str | Path]:
    """Expand files and folders (recursively) into the ordered list of sources to read; inside a folder, a
    link that leaves it is skipped with a warning unless ``follow_links``."""
    sources: list[str | Path] = []
    for item in inputs:
        if str(item) == STDIN:
            sources.append(STDIN)
            continue
        if is_url(item):
            sources.extend(_url_sources(str(item)))
            continue
        path = Path(item)
        try:
            path.stat()
        except FileNotFoundError:
            raise GraphbuildError(f"{_short(path)}: no such file or folder") from None
        except OSError as error:  # a path longer than the system allows, a loop of links, ...
            raise GraphbuildError(f"{_short(path)}: cannot be read ({error.strerror})") from None
        if path.is_dir():
            found = _folder_files(path, follow_links, warn)
            if not found:
                raise GraphbuildError(f"{path}: no files to read in this folder (it reads {_LISTED})")
            sources.extend(found)
        elif path.is_file():
            if not supported(path.name):
                warn(f"{path}: not one of {_LISTED}; reading it as plain text")
            sources.append(path)
        else:
            raise GraphbuildError(f"{path}: no such file or folder")
    return sources


def _folder_files(folder: Path, follow_links: bool, warn: Callable[[str], None]) -> list[Path]:
    """The files under a folder with a suffix graphbuild reads, sorted. A link whose target lies outside the folder is
    skipped with a warning (``follow_links``: read, and a linked folder searched, each real folder once);
    a link inside it is a name for a file or folder found anyway; a sub-folder that cannot be read, or a
    broken link, is skipped with a warning."""
    root = folder.resolve()
    found: list[Path] = []
    seen, todo = {root}, [folder]
    while todo:
        current = todo.pop()
        try:
            entries = list(os.scandir(current))
        except OSError as error:
            warn(f"{_short(current)}: cannot be read ({error.strerror}); skipped")
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):  # broken, or a loop of links
                    warn(f"{_short(path)}: a broken link; skipped")
                    continue
                if not target.is_relative_to(root) and not follow_links:
                    warn(
                        f"{_short(path)}: a link out of {folder} (to {_short(target)}); skipped (--follow-links reads it)"
                    )
                    continue
                if entry.is_dir() and (target.is_relative_to(root) or target in seen):
                    continue  # a folder found by its own path, or already searched
            if entry.is_dir():
                seen.add(path.resolve())
                todo.append(path)
            elif entry.is_file() and supported(path.name):
                found.append(path)
    return sorted(found)


def is_url(source: str | Path) -> bool:
    """An fsspec URL rather than a local path (a Path is never one)."""
    return isinstance(source, str) and bool(_URL.match(source))


def _filesystem(url: str):
    """fsspec's file system for a URL and the path inside it, or one line saying what is missing."""
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise GraphbuildError(f"{url}: reading URLs needs fsspec: pip install 'graphbuild[dask]'") from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as error:  # a protocol without its package (s3fs, ...), or unknown
        raise GraphbuildError(f"{url}: cannot read this URL ({error})") from None


def _url_sources(url: str) -> list[str]:
    """The readable files under a URL (a folder, searched recursively) or the file it names."""
    fs, root = _filesystem(url)
    try:
        if fs.isdir(root):
            found = sorted(p for p in fs.find(root) if supported(p))
            if not found:
                raise GraphbuildError(f"{url}: no files to read in this folder (it reads {_LISTED})")
            return [fs.unstrip_protocol(p) for p in found]
        if fs.isfile(root):
            return [url]
    except OSError as error:
        raise GraphbuildError(f"{url}: cannot be read ({error})") from None
    raise GraphbuildError(f"{url}: no such file or folder")


def _short(path: Path, most: int = 80) -> str:
    """A path for a one-line message: the start and the end of a very long one."""
    text = str(path)
    return text if len(text) <= most else f"{text[: most // 2]}...{text[-most // 2 :]}"


def read_documents(
    inputs: Sequence[str | Path], warn: Callable[[str], None] = lambda message: None, fields: Fields = ()
) -> list[Document]:
    """Read every input into Documents with unique ids (all in memory: ``stream_documents`` reads lazily)."""
    return list(stream_documents(check_inputs(inputs, warn, fields=fields), warn))


def check_inputs(
    inputs: Sequence[str | Path],
    warn: Callable[[str], None] = lambda message: None,
    follow_links: bool = False,
    fields: Fields = (),
) -> Inputs:
    """Find the sources, and look at the start of every text file named on the command line, so that bad
    input fails before anything is parsed or written; ``fields`` (``tables.parse_fields``): which columns
    of a table hold which role."""
    sources = find_sources(inputs, warn, follow_links)
    named = frozenset(str(item) for item in inputs)
    for source in sources:
        if source != STDIN and not is_url(source) and str(source) in named and _plain(str(source)):
            codec_of(_head(Path(source)), str(source), complete=False)
    return Inputs(tuple(sources), named, fields)


def _plain(name: str) -> bool:
    """Read as text: not a table, a page or an archive."""
    return not name.lower().endswith(TABLE_SUFFIXES + PAGE_SUFFIXES + ARCHIVE_SUFFIXES)


@dataclass(frozen=True)
class Inputs:
    """The sources of a build, found and checked; iterate ``stream_documents`` over them as often as needed."""

    sources: tuple[str | Path, ...]
    named: frozenset[str]
    fields: Fields = ()


def stream_documents(inputs: Inputs, warn: Callable[[str], None] = lambda message: None) -> Iterator[Document]:
    """Read the sources one at a time, a file over ``PART_CHARS`` as several documents, so that memory does
    not grow with the input. A file named on the command line must be readable; an unreadable file found
    inside a folder is skipped with a warning. No readable document at all is an error."""

    def documents() -> Iterator[Document]:
        found = False
        for source in inputs.sources:
            try:
                for document in _read_one(source, inputs.fields, warn):
                    found = True
                    yield document
            except GraphbuildError as error:
                if str(source) in inputs.named and not isinstance(error, Unreadable):
                    raise
                warn(_skipped(error))
        if not found:
            raise GraphbuildError("no readable documents in " + ", ".join(sorted(inputs.named)))

    return _unique_ids(documents())


def _skipped(error: GraphbuildError) -> str:
    """The warning for a file left out: an unreadable one names itself; any other is "skipped ..."."""
    return str(error) if isinstance(error, Unreadable) else f"skipped {error}"


def input_size(inputs: Inputs) -> int | None:
    """The sources' size in bytes (None for standard input or URLs): a glance, for ``--jobs auto``."""
    if STDIN in inputs.sources or any(is_url(s) for s in inputs.sources):
        return None
    total = 0
    for source in inputs.sources:
        try:
            total += Path(source).stat().st_size
        except OSError:  # reported when it is read
            continue
    return total


def count_words(inputs: Inputs) -> int | None:
    """About how many words the sources hold (None for standard input), for the progress bar's share
    done and time left: a quick read, a line at a time (None for URLs: not read twice; None for pages,
    archives and Parquet, whose bytes are not their words; a text table's other columns count too)."""
    unread = PAGE_SUFFIXES + ARCHIVE_SUFFIXES + (".parquet",)
    if STDIN in inputs.sources or any(is_url(s) or str(s).lower().endswith(unread) for s in inputs.sources):
        return None
    total = 0
    for source in inputs.sources:
        try:
            codec = codec_of(_head(Path(source)), str(source), complete=False)
            with open(source, encoding=codec, errors="replace") as handle:
                total += sum(len(line.split()) for line in handle)
        except (OSError, GraphbuildError):  # reported when it is read
            continue
    return total


def _read_one(source: str | Path, fields: Fields, warn: Callable[[str], None]) -> Iterator[Document]:
    if source == STDIN:
        yield from _read_stdin(warn)
        return
    if is_url(source):
        fs, inside = _filesystem(str(source))
        name = inside.rstrip("/").rsplit("/", 1)[-1]
        yield from _read_file(name, str(source), lambda: fs.open(inside, "rb"), None, fields, warn)
        return
    path = Path(source)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise GraphbuildError(f"{path}: cannot read ({error.strerror})") from None
    if is_archive(path.name):
        for name, member_size, opener in members(str(path), supported, warn):
            try:
                yield from _read_file(name, f"{path}!{name.split('/', 1)[1]}", opener, member_size, fields, warn)
            except GraphbuildError as error:
                warn(_skipped(error))
        return
    yield from _read_file(path.name, str(path), lambda: path.open("rb"), size, fields, warn)


def _read_file(
    name: str,
    where: str,
    opener: Callable[[], IO[bytes]],
    size: int | None,
    fields: Fields,
    warn: Callable[[str], None],
) -> Iterator[Document]:
    """The documents of one file by its suffix: a table's records, a page, or text (past ``PART_CHARS``
    bytes, in parts); ``where`` is its path, ``opener`` opens its bytes."""
    lower = name.lower()
    try:
        if lower.endswith(TABLE_SUFFIXES):
            yield from read_table(opener, name, where, fields, warn)
            return
        if size is not None and size > PART_CHARS and _plain(name):
            yield from _read_parts(opener, name, where, size, warn)
            return
        with opener() as handle:
            data = handle.read()
    except OSError as error:
        raise GraphbuildError(f"{where}: cannot read ({error.strerror or error})") from None
    if lower.endswith(PAGE_SUFFIXES):
        yield read_page(data, name, where, warn)
        return
    yield document_from_text(decode(data, where), name, path=where, warn=warn)


def _read_parts(
    opener: Callable[[], IO[bytes]], name: str, where: str, size: int, warn: Callable[[str], None]
) -> Iterator[Document]:
    """A huge file, read ``PART_CHARS`` at a time and cut at line breaks: each part is a document."""
    with opener() as handle:
        codec = codec_of(handle.read(65536), where, complete=False)
    warn(
        f"{where}: {size / 1e6:.0f} MB, read as documents of about {PART_CHARS / 1e6:g} MB each "
        f"('{name} (part 1)', ...)"
    )
    with io.TextIOWrapper(opener(), encoding=codec, errors="replace", newline="") as handle:
        yield from _parts(handle.read, name, slugify(Path(name).stem), where, warn)


def _parts(
    read: Callable[[int], str], name: str, slug: str, path: str, warn: Callable[[str], None]
) -> Iterator[Document]:
    """Text from ``read`` cut at line breaks into documents of about ``PART_CHARS`` characters."""
    number, carry = 0, ""
    while True:
        chunk = read(max(PART_CHARS - len(carry), PART_CHARS // 2))
        text = carry + chunk
        if not text:
            return
        cut = max(text.rfind("\n"), text.rfind("\r")) + 1 if chunk else len(text)
        cut = cut or len(text)  # one line longer than a part: split_paragraphs cuts it
        part, carry = text[:cut], text[cut:]
        if part.strip():
            number += 1
            yield document_from_text(part, f"{name} (part {number})", f"{slug}-part-{number}", path, warn)


def _read_stdin(warn: Callable[[str], None]) -> Iterator[Document]:
    """Standard input: one document up to ``PART_CHARS`` bytes, past that parts as for a huge file, so
    that an endless stream (``</dev/zero``) is never read whole (its first bytes show it is not text)."""
    stream = sys.stdin.buffer
    head = stream.read(PART_CHARS + 1)
    if len(head) <= PART_CHARS:
        yield document_from_text(decode(head, "<stdin>"), "stdin", "stdin", warn=warn)
        return
    codec = codec_of(head[:65536], "<stdin>", complete=False)
    warn(f"<stdin>: over {PART_CHARS / 1e6:g} MB, read as documents of about that size ('stdin (part 1)', ...)")
    decoder = codecs.getincrementaldecoder(codec)(errors="replace")
    pending = [decoder.decode(head)]

    def read(size: int) -> str:
        text = "".join(pending)
        while len(text) < size:
            data = stream.read(size)
            text += decoder.decode(data, final=not data)
            if not data:
                break
        pending[:] = [text[size:]]
        return text[:size]

    yield from _parts(read, "stdin", "stdin", STDIN, warn)


def _head(path: Path, size: int = 65536) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(size)
    except OSError as error:
        raise GraphbuildError(f"{_short(path)}: cannot read ({error.strerror})") from None


def _unique_ids(documents: Iterable[Document]) -> Iterator[Document]:
    seen: set[str] = set()
    for doc in documents:
        doc_id, n = doc.doc_id, 1
        while doc_id in seen:
            n += 1
            doc_id = f"{doc.doc_id}-{n}"
        seen.add(doc_id)
        yield doc if doc_id == doc.doc_id else replace(doc, doc_id=doc_id)
