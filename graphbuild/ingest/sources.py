"""Find the inputs (local files and folders, standard input, fsspec URLs) and read each into Documents.

A file named on the command line must be readable; one found inside a folder is skipped with a warning.
"""

from __future__ import annotations

import codecs
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import GraphbuildError
from ..names import slugify
from ..records import Document
from .decode import codec_of, decode
from .text import document_from_text

SUFFIXES = (".txt", ".md")
STDIN = "-"
#: An fsspec URL ("s3://bucket/news/", "memory://corpus", "file:///data"): read with fsspec (installed with
#: graphbuild[dask]) by the build process, whatever runs the parse.
_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://")
#: A file longer than this (in bytes) is read in parts of about this many characters, each a document:
#: memory stays flat however large the file, and an interrupted build keeps the parts it parsed.
PART_CHARS = 1_000_000


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
                raise GraphbuildError(f"{path}: no .txt or .md files in this folder")
            sources.extend(found)
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                warn(f"{path}: not a .txt or .md file; reading it as plain text")
            sources.append(path)
        else:
            raise GraphbuildError(f"{path}: no such file or folder")
    return sources


def _folder_files(folder: Path, follow_links: bool, warn: Callable[[str], None]) -> list[Path]:
    """The .txt and .md files under a folder, sorted. A link whose target lies outside the folder is
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
            elif entry.is_file() and path.suffix.lower() in SUFFIXES:
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
    """The .txt and .md files under a URL (a folder, searched recursively) or the file it names."""
    fs, root = _filesystem(url)
    try:
        if fs.isdir(root):
            found = sorted(p for p in fs.find(root) if Path(p).suffix.lower() in SUFFIXES)
            if not found:
                raise GraphbuildError(f"{url}: no .txt or .md files in this folder")
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


def read_documents(inputs: Sequence[str | Path], warn: Callable[[str], None] = lambda message: None) -> list[Document]:
    """Read every input into Documents with unique ids (all in memory: ``stream_documents`` reads lazily)."""
    return list(stream_documents(check_inputs(inputs, warn), warn))


def check_inputs(
    inputs: Sequence[str | Path], warn: Callable[[str], None] = lambda message: None, follow_links: bool = False
) -> Inputs:
    """Find the sources, and look at the start of every file named on the command line, so that bad
    input fails before anything is parsed or written."""
    sources = find_sources(inputs, warn, follow_links)
    named = frozenset(str(item) for item in inputs)
    for source in sources:
        if source != STDIN and not is_url(source) and str(source) in named:
            codec_of(_head(Path(source)), str(source), complete=False)
    return Inputs(tuple(sources), named)


@dataclass(frozen=True)
class Inputs:
    """The sources of a build, found and checked; iterate ``stream_documents`` over them as often as needed."""

    sources: tuple[str | Path, ...]
    named: frozenset[str]


def stream_documents(inputs: Inputs, warn: Callable[[str], None] = lambda message: None) -> Iterator[Document]:
    """Read the sources one at a time, a file over ``PART_CHARS`` as several documents, so that memory does
    not grow with the input. A file named on the command line must be readable; an unreadable file found
    inside a folder is skipped with a warning. No readable document at all is an error."""

    def documents() -> Iterator[Document]:
        found = False
        for source in inputs.sources:
            try:
                for document in _read_one(source, warn):
                    found = True
                    yield document
            except GraphbuildError as error:
                if str(source) in inputs.named:
                    raise
                warn(f"skipped {error}")
        if not found:
            raise GraphbuildError("no readable documents in " + ", ".join(sorted(inputs.named)))

    return _unique_ids(documents())


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
    done and time left: a quick read, a line at a time (None for URLs: not read twice)."""
    if STDIN in inputs.sources or any(is_url(s) for s in inputs.sources):
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


def _read_one(source: str | Path, warn: Callable[[str], None]) -> Iterator[Document]:
    if source == STDIN:
        yield from _read_stdin(warn)
        return
    if is_url(source):
        yield _read_url(str(source), warn)
        return
    path = Path(source)
    try:
        size = path.stat().st_size
        if size > PART_CHARS:
            yield from _read_parts(path, size, warn)
            return
        data = path.read_bytes()
    except OSError as error:
        raise GraphbuildError(f"{path}: cannot read ({error.strerror})") from None
    yield document_from_text(decode(data, str(path)), path.name, path=str(path), warn=warn)


def _read_url(url: str, warn: Callable[[str], None]) -> Document:
    """A file at a URL, read whole (a huge remote file is not read in parts)."""
    fs, path = _filesystem(url)
    try:
        with fs.open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        raise GraphbuildError(f"{url}: cannot read ({error})") from None
    return document_from_text(decode(data, url), path.rstrip("/").rsplit("/", 1)[-1], path=url, warn=warn)


def _read_parts(path: Path, size: int, warn: Callable[[str], None]) -> Iterator[Document]:
    """A huge file, read ``PART_CHARS`` at a time and cut at line breaks: each part is a document."""
    codec = codec_of(_head(path), str(path), complete=False)
    warn(
        f"{path}: {size / 1e6:.0f} MB, read as documents of about {PART_CHARS / 1e6:g} MB each "
        f"('{path.name} (part 1)', ...)"
    )
    with path.open("r", encoding=codec, errors="replace", newline="") as handle:
        yield from _parts(handle.read, path.name, slugify(path.stem), str(path), warn)


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
