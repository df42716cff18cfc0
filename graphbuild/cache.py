"""The parse cache: each document's extraction stored under a hash of its text and of the pipeline.

Changing a graph option (window, min weight, evidence, formats) then reuses every parse; adding
documents parses only the new ones. The key covers the document (id and cleaned text), the model
(name, version), spaCy's version and the source of graphbuild's own extraction code, so any change
that could change a mention misses the cache instead of reusing a stale parse.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import asdict
from importlib.resources import files
from pathlib import Path

import spacy
from spacy.language import Language

from .atomic import remove_stale, uninterrupted, write_atomic
from .errors import GraphbuildError
from .model import Document, Extraction, Mention, Sentence

_CODE = ("clean.py", "components.py", "extract.py", "model.py", "nlp.py", "lang/en.py")


def pipeline_id(nlp: Language) -> str:
    """What, besides the text, decides the mentions: model, spaCy, components, our extraction code."""
    package = files(__package__)
    code = hashlib.sha256(b"".join(package.joinpath(*name.split("/")).read_bytes() for name in _CODE)).hexdigest()
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')}-{meta.get('version')}|spacy-{spacy.__version__}|" \
           f"{','.join(nlp.pipe_names)}|{code[:16]}"


class ExtractionCache:
    """Extractions stored as JSON files, one per document, in a folder."""

    def __init__(self, folder: str | Path, pipeline: str) -> None:
        self.folder = Path(folder)
        self.pipeline = pipeline
        self.hits = self.misses = self.stored = 0
        remove_stale(self.folder, "*/.*.tmp")  # a killed build's half-written entries

    def path_of(self, document: Document) -> Path:
        """Where this document's extraction is (or would be) stored."""
        key = hashlib.sha256(f"{self.pipeline}\0{document.doc_id}\0{document.text}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, document: Document) -> Extraction | None:
        """The stored extraction of this document, or None."""
        extraction = self.load(self.path_of(document), document)
        if extraction is None:
            self.misses += 1
        else:
            self.hits += 1
        return extraction

    @staticmethod
    def load(path: Path, document: Document) -> Extraction | None:
        """The extraction stored at ``path`` (``path_of``), attached to ``document``; None if missing or broken."""
        try:
            data = json.loads(path.read_text("utf-8"))
            return Extraction(document, tuple(Sentence(**s) for s in data["sentences"]),
                              tuple(Mention(**m) for m in data["mentions"]), data["n_tokens"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, extraction: Extraction) -> None:
        """Store an extraction (atomically, so a crash never leaves a broken entry)."""
        path = self.path_of(extraction.document)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise GraphbuildError(f"{self.folder}: cannot write the parse cache ({error.strerror})") from None
        data = {"sentences": [asdict(s) for s in extraction.sentences],
                "mentions": [asdict(m) for m in extraction.mentions], "n_tokens": extraction.n_tokens}
        with uninterrupted():  # counted if and only if written, whenever Ctrl-C comes
            write_atomic(path, json.dumps(data, ensure_ascii=False, separators=(",", ":")))
            self.stored += 1


def clear(folder: str | Path) -> int:
    """Delete a cache folder; returns how many entries it held."""
    folder = Path(folder)
    if not folder.is_dir():
        return 0
    count = sum(1 for _ in folder.rglob("*.json"))
    shutil.rmtree(folder)
    return count
