"""The parse cache: each document's extraction stored under a hash of its text and of the pipeline.

Changing a graph option (window, min weight, evidence, formats) then reuses every parse; adding
documents parses only the new ones. The key covers the document (id and cleaned text), the model
(name, version), spaCy's version and the source of graphbuild's own extraction code, so any change
that could change a mention misses the cache instead of reusing a stale parse.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from collections.abc import Callable
from importlib import metadata
from importlib.util import resolve_name
from pathlib import Path

from ..atomic import remove_stale, uninterrupted, write_atomic
from ..errors import GraphbuildError, unknown_model
from ..records import ENTITY_TYPES, Document, Extraction, Mention, Sentence, Statement

#: The modules extraction runs from. The key covers them, every graphbuild module they import (followed
#: in the source, importing nothing) and every file of the rule data in ``lang/`` (loaded by name).
EXTRACTION_ROOTS = ("nlp.load", "nlp.extract", "nlp.components", "ingest.clean")


def pipeline_id(model: str, relations: bool = False) -> str:
    """What, besides the text, decides the mentions: the model and its version, spaCy's version, our
    extraction code (which also decides the components that run) and whether relations are read. Read from
    package metadata, so that a rebuild from the cache neither imports spaCy nor loads the model."""
    found = f"{model}-{_model_version(model)}|spacy-{metadata.version('spacy')}|{code_hash()[:16]}"
    return found + "|relations" if relations else found


def code_hash(package: Path = Path(__file__).parent.parent) -> str:
    """SHA-256 of the extraction code and rule data of a graphbuild package folder, names and bytes."""
    digest = hashlib.sha256()
    for path in extraction_sources(package):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def extraction_sources(package: Path) -> list[Path]:
    """The files of ``package`` that decide the mentions: ``EXTRACTION_ROOTS``, the package modules they
    import, transitively, and the files under ``lang/``. Found automatically, so a rule moved to a new
    module is in the key without anyone listing it."""
    name = package.name
    found: dict[str, Path] = {}
    todo = [f"{name}.{root}" for root in EXTRACTION_ROOTS]
    while todo:
        module = todo.pop()
        path = _module_file(package, module)
        if path is None or module in found:
            continue
        found[module] = path
        base = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(ast.parse(path.read_bytes())):
            if isinstance(node, ast.ImportFrom) and node.level:
                target = resolve_name("." * node.level + (node.module or ""), base)
                named = [f"{target}.{alias.name}" for alias in node.names]  # submodules, where they are
                todo += named if node.module is None else [target, *named]
    data = [p for p in (package / "lang").rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return sorted(set(found.values()) | set(data))


def _module_file(package: Path, module: str) -> Path | None:
    """The source file of a module of ``package`` ("graphbuild.lang" -> lang/__init__.py), if it has one."""
    parts = module.split(".")[1:]
    for candidate in (package.joinpath(*parts).with_suffix(".py"), package.joinpath(*parts, "__init__.py")):
        if candidate.is_file():
            return candidate
    return None


def _model_version(model: str) -> str:
    """An installed pipeline package's version, or a pipeline folder's (its meta.json)."""
    try:
        if Path(model).is_dir():
            meta = json.loads((Path(model) / "meta.json").read_text("utf-8"))
            return f"{meta['lang']}_{meta['name']}-{meta['version']}"
        return metadata.version(model)
    except (metadata.PackageNotFoundError, OSError, ValueError, KeyError, TypeError):
        raise unknown_model(model) from None


class ExtractionCache:
    """Extractions stored as JSON files, one per document, in a folder."""

    def __init__(self, folder: str | Path, pipeline: str, warn: Callable[[str], None] = lambda message: None) -> None:
        self.folder = Path(folder)
        self.pipeline = pipeline
        self.warn = warn
        self.hits = self.misses = self.stored = 0
        remove_stale(self.folder, "*/.*.tmp")  # a killed build's half-written entries

    def path_of(self, document: Document) -> Path:
        """Where this document's extraction is (or would be) stored."""
        key = hashlib.sha256(f"{self.pipeline}\0{document.doc_id}\0{document.text}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, document: Document) -> Extraction | None:
        """The stored extraction of this document, or None (an entry that does not fit the document is
        parsed again, with a warning)."""
        path = self.path_of(document)
        try:
            extraction = self.load(path, document)
        except BadEntry as error:
            self.warn(f"{path}: a parse cache entry that does not fit {document.name} ({error}); parsed again")
            extraction = None
        if extraction is None:
            self.misses += 1
        else:
            self.hits += 1
        return extraction

    @staticmethod
    def load(path: Path, document: Document, checked: bool = True) -> Extraction | None:
        """The extraction stored at ``path`` (``path_of``), attached to ``document``; None if there is none,
        ``BadEntry`` if it is broken or does not fit the document (``check``; ``checked`` False: pass 2 of a
        build, reading back what pass 1 wrote or checked, with the document's text no longer at hand)."""
        try:
            text = path.read_text("utf-8")
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as error:
            raise BadEntry(f"unreadable: {error}") from None
        try:
            data = json.loads(text)
            extraction = Extraction(
                document,
                tuple(Sentence(**s) for s in data["sentences"]),
                tuple(Mention(**m) for m in data["mentions"]),
                data["n_tokens"],
                tuple(Statement(**s) for s in data.get("statements", ())),
            )
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            raise BadEntry(f"not an entry: {type(error).__name__}") from None
        if checked:
            check(extraction)
        return extraction

    def put(self, extraction: Extraction) -> None:
        """Store an extraction (atomically, so a crash never leaves a broken entry)."""
        path = self.path_of(extraction.document)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            marker = self.folder / MARKER
            if not marker.exists():
                marker.write_text("A graphbuild parse cache: `graphbuild clear-cache` deletes its entries.\n", "utf-8")
        except OSError as error:
            raise GraphbuildError(f"{self.folder}: cannot write the parse cache ({error.strerror})") from None
        data = {
            "sentences": [vars(s) for s in extraction.sentences],  # vars: asdict deep-copies every field
            "mentions": [vars(m) for m in extraction.mentions],
            "n_tokens": extraction.n_tokens,
            "statements": [vars(s) for s in extraction.statements],
        }
        with uninterrupted():  # counted if and only if written, whenever Ctrl-C comes
            write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")), durable=False)
            self.stored += 1


#: The file that marks a folder as a graphbuild parse cache: ``clear`` deletes nothing in a folder without it.
MARKER = ".graphbuild-cache"
_ENTRY_FOLDER = re.compile(r"[0-9a-f]{2}")
_ENTRY = re.compile(r"[0-9a-f]{64}\.json|\..+\.tmp")


class BadEntry(ValueError):
    """A cache entry that is broken, or names what its document does not hold."""


def check(extraction: Extraction) -> None:
    """Raise ``BadEntry`` unless every sentence and mention is where the document holds it: the ids, the
    indexes, offsets in range and the text at them (a planted entry naming an entity the document never
    mentions is refused, as is one whose offsets would crash the build)."""
    document, text = extraction.document, extraction.document.text
    sentences = extraction.sentences
    if not isinstance(extraction.n_tokens, int) or extraction.n_tokens < 0:
        raise BadEntry("token count")
    for i, s in enumerate(sentences):
        if s.doc_id != document.doc_id or s.index != i or not _spans(text, s.start, s.end, s.text):
            raise BadEntry(f"sentence {i}")
        if not (isinstance(s.paragraph, int) and 0 <= s.paragraph < len(document.paragraphs)):
            raise BadEntry(f"sentence {i}'s paragraph")
    for i, m in enumerate(extraction.mentions):
        if m.doc_id != document.doc_id or not _spans(text, m.start, m.end, m.text):
            raise BadEntry(f"mention {i}")
        if not (isinstance(m.sentence, int) and 0 <= m.sentence < len(sentences)) or m.type not in ENTITY_TYPES:
            raise BadEntry(f"mention {i}'s sentence or type")
    mentions = extraction.mentions
    for i, r in enumerate(extraction.statements):
        ends = (r.subject, r.object) if r.object != -1 or not r.object_name else (r.subject,)
        if not all(isinstance(e, int) and 0 <= e < len(mentions) and mentions[e].sentence == r.sentence for e in ends):
            raise BadEntry(f"statement {i}")


def _spans(text: str, start: object, end: object, part: object) -> bool:
    """Whether ``part`` is the text between the offsets."""
    return (
        isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text) and text[start:end] == part
    )


def clear(folder: str | Path) -> int:
    """Delete the entries of a parse cache graphbuild wrote, and nothing else; returns how many it deleted.

    Only a folder holding ``MARKER`` is a cache, and only the files of its entry layout (``ab/<sha256>.json``
    and their temporary files) are deleted, with the folders they leave empty: a folder named by mistake
    (a home folder, ``.``) is refused with one line, and anything else a cache folder holds stays."""
    folder = Path(folder)
    if not folder.exists():
        return 0
    if not (folder / MARKER).is_file() or folder.is_symlink():
        raise GraphbuildError(f"{folder}: not a parse cache graphbuild marked (no {MARKER} file); nothing deleted")
    removed = 0
    try:
        for sub in sorted(folder.iterdir()):
            if not (_ENTRY_FOLDER.fullmatch(sub.name) and sub.is_dir() and not sub.is_symlink()):
                continue
            for entry in sorted(sub.iterdir()):
                if _ENTRY.fullmatch(entry.name) and (entry.is_file() or entry.is_symlink()):
                    entry.unlink()
                    removed += entry.suffix == ".json"
            _remove_if_empty(sub)
        (folder / MARKER).unlink()
        _remove_if_empty(folder)
    except OSError as error:
        raise GraphbuildError(f"{folder}: cannot clear the parse cache ({error.strerror}); {removed} deleted") from None
    return removed


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:  # not empty: something graphbuild did not write stays
        pass
