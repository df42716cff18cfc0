"""The Oxigraph store of a graph file: written beside it, used while it matches, loaded otherwise.

``build`` writes a persistent store beside the Turtle (``graph.oxigraph/``), marked with the Turtle's
size, modification time and SHA-256; ``open_store`` uses it while it matches the Turtle and otherwise bulk-loads the file
into memory. Queries are checked by rdflib's parser first (one clear error for a malformed query), a
federated ``SERVICE`` is refused unless allowed (Oxigraph would fetch any URL a query names), and the
answer comes back as an rdflib ``Result``, so every formatter and serializer works on it unchanged.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from ..atomic import uninterrupted
from ..errors import GraphbuildError

STORE_SUFFIX = ".oxigraph"
_MARKER = "graphbuild-source.txt"
_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
}


#: Files read as RDF/XML, by graphbuild's store and by rdflib.
XML_SUFFIXES = (".rdf", ".xml", ".owl")


class _Prolog(Exception):
    """Raised by the expat handlers: the prolog is read (``declared`` says whether it held a DOCTYPE)."""

    def __init__(self, declared: bool) -> None:
        self.declared = declared


def refuse_xml_entities(graph_file: Path, chunk: int = 65536) -> None:
    """Refuse an RDF/XML file whose prolog declares a DOCTYPE (where entities are declared): a 1 KB
    "billion laughs" of nested entities grew past 23 GB in the RDF/XML parsers. Only the prolog is read,
    with expat, which stops at the DOCTYPE or the first element; nothing is expanded."""
    if graph_file.suffix.lower() not in XML_SUFFIXES:
        return
    from xml.parsers import expat

    parser = expat.ParserCreate()

    def stop(declared: bool):
        def handler(*_args) -> None:
            raise _Prolog(declared)

        return handler

    parser.StartDoctypeDeclHandler = stop(True)
    parser.StartElementHandler = stop(False)
    try:
        with graph_file.open("rb") as handle:
            while data := handle.read(chunk):
                parser.Parse(data, False)
            parser.Parse(b"", True)
    except _Prolog as found:
        if found.declared:
            raise GraphbuildError(
                f"{graph_file}: XML DOCTYPE and entity declarations are refused in RDF/XML (they can expand "
                "without bound)"
            ) from None
    except expat.ExpatError as error:
        raise GraphbuildError(f"{graph_file}: not a readable RDF file ({error})") from None
    except OSError as error:
        raise GraphbuildError(f"{graph_file}: cannot be read ({error.strerror})") from None


def store_path(graph_file: str | Path) -> Path:
    """Where the persistent store of a graph file lives: ``graph.oxigraph/`` beside ``graph.ttl``."""
    path = Path(graph_file)
    return path.with_name(path.stem + STORE_SUFFIX)


def _fingerprint(graph_file: Path) -> str:
    """ "size mtime sha256" of a graph file."""
    digest = hashlib.sha256()
    with graph_file.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    stat = graph_file.stat()
    return f"{stat.st_size} {stat.st_mtime_ns} {digest.hexdigest()}"


def write_store(graph_file: str | Path) -> Path:
    """(Re)build the persistent store of a graph file; the old one is replaced only once the new is whole."""
    graph_file = Path(graph_file)
    try:
        stage_store(graph_file, graph_file)
        return commit_store(graph_file)
    finally:  # interrupted or failed: no half-built store left behind
        discard_store(graph_file)


def _staged(graph_file: Path) -> tuple[Path, Path, Path]:
    final = store_path(graph_file)
    return final, final.with_name(f".{final.name}.new"), final.with_name(f".{final.name}.old")


def stage_store(source: Path, graph_file: Path) -> None:
    """Build the store of ``graph_file`` from ``source`` (the same bytes, e.g. its staged temporary file)
    beside it, not yet in place: a failure here (a full disk) leaves every output as it was."""
    final, fresh, stale = _staged(graph_file)
    for leftover in (fresh, stale):
        shutil.rmtree(leftover, ignore_errors=True)
    try:
        load_files([source], fresh, own=True)  # the store it returns is closed at once, before the rename
        (fresh / _MARKER).write_text(_fingerprint(source), "utf-8")
    except OSError as error:
        shutil.rmtree(fresh, ignore_errors=True)
        raise GraphbuildError(f"{final}: cannot write the SPARQL store ({error.strerror})") from None


def commit_store(graph_file: Path) -> Path:
    """Put the staged store of ``graph_file`` in place of the old one."""
    final, fresh, stale = _staged(graph_file)
    try:
        with uninterrupted():
            if final.exists():
                final.rename(stale)
            fresh.rename(final)
    except OSError as error:
        raise GraphbuildError(f"{final}: cannot write the SPARQL store ({error.strerror})") from None
    return final


def discard_store(graph_file: Path) -> None:
    """Remove what staging or committing left: a store never committed, the old one replaced."""
    _, fresh, stale = _staged(graph_file)
    shutil.rmtree(fresh, ignore_errors=True)
    shutil.rmtree(stale, ignore_errors=True)


def open_store(graph_file: str | Path) -> ox.Store:
    """The graph file's persistent store, read-only, if it matches the file; else the file loaded in memory."""
    graph_file = Path(graph_file)
    if not graph_file.is_file():
        raise GraphbuildError(f"{graph_file}: no such graph file")
    if store_matches(graph_file):
        try:
            return ox.Store.read_only(str(store_path(graph_file)))
        except OSError:
            pass  # unreadable: load the file instead
    return load_files([graph_file])


def load_files(graph_files: Sequence[Path], folder: Path | None = None, own: bool = False) -> ox.Store:
    """A store holding the graph files: on disk in ``folder`` (compacted, closed, for read-only openers)
    or, without a folder, in memory. ``own``: Turtle that graphbuild wrote, loaded in pieces
    (``_pieces``) so that the bulk loader's memory stays bounded."""
    store = ox.Store(str(folder)) if folder else ox.Store()
    for graph_file in graph_files:
        refuse_xml_entities(graph_file)
        split = own and rdf_format(graph_file) == ox.RdfFormat.TURTLE
        try:
            for piece in _pieces(graph_file) if split else [{"path": str(graph_file)}]:
                store.bulk_load(**piece, format=rdf_format(graph_file))
        except (SyntaxError, ValueError) as error:
            raise GraphbuildError(f"{graph_file}: not a readable RDF file ({_first_line(error)})") from None
        except OSError as error:
            raise GraphbuildError(
                f"{graph_file}: cannot be loaded into a SPARQL store ({_first_line(error)})"
            ) from None
    if folder:
        store.optimize()  # compacted once here, queries read it about twice as fast
        store.flush()
    return store


#: graphbuild's own Turtle goes into the store in pieces of about this many bytes: Oxigraph's bulk loader
#: needs about a third of the memory that way (benchmarks/RESULTS.md, "A 300 MB file").
CHUNK_BYTES = 32_000_000


def _pieces(graph_file: Path) -> Iterator[dict[str, str | bytes]]:
    """``bulk_load`` arguments for a Turtle file graphbuild wrote, about ``CHUNK_BYTES`` at a time: its
    subject blocks each start after an empty line and no literal holds a line break, so every piece,
    with the prefixes in front, is Turtle on its own."""
    if graph_file.stat().st_size <= CHUNK_BYTES:
        yield {"path": str(graph_file)}
        return
    with graph_file.open("rb") as handle:
        header, line = b"", handle.readline()
        while line.startswith(b"@prefix"):
            header, line = header + line, handle.readline()
        piece, size = [line], len(line)
        for line in handle:
            if size > CHUNK_BYTES and line == b"\n":
                yield {"input": header + b"".join(piece)}
                piece, size = [], 0
            piece.append(line)
            size += len(line)
        yield {"input": header + b"".join(piece)}


def _first_line(error: Exception) -> str:
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def store_matches(graph_file: str | Path) -> bool:
    """Whether the persistent store beside a graph file was built from that file as it is now: the same
    size and SHA-256 of its bytes (read each time: an edit that keeps the size and the modification time
    must not be answered from the old store)."""
    graph_file = Path(graph_file)
    try:
        size, _, digest = (store_path(graph_file) / _MARKER).read_text("utf-8").split()
        return int(size) == graph_file.stat().st_size and _fingerprint(graph_file).split()[2] == digest
    except (OSError, ValueError):
        return False


def store_of(rdf: Graph) -> ox.Store:
    """An in-memory store holding an rdflib graph (for queries on a graph fresh from ``build``)."""
    store = ox.Store()
    store.load(rdf.serialize(format="nt", encoding="utf-8"), format=ox.RdfFormat.N_TRIPLES)
    return store


def rdf_format(graph_file: Path) -> ox.RdfFormat:
    return _FORMATS.get(graph_file.suffix.lower(), ox.RdfFormat.TURTLE)
