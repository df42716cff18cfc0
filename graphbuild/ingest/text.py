"""Text to a Document: mojibake repaired, lost letters restored, odd whitespace normalised, one paragraph
per non-empty line.

Every non-empty line is its own paragraph, so a headline, a dateline or a caption is never glued to
the next line and no entity can span a line break.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

from ftfy import fix_encoding

from ..errors import GraphbuildError
from ..names import LOST, slugify
from ..records import Document
from .dates import stated_date
from .letters import restore_letters
from .metadata import front_matter, with_metadata

#: A file longer than this (in bytes) is read in parts of about this many characters, each a document:
#: memory stays flat however large the file, and an interrupted build keeps the parts it parsed.
PART_CHARS = 1_000_000
#: Longest paragraph handed to spaCy, in characters; longer lines are split (``split_long``).
MAX_PARAGRAPH = 100_000

_LINE_BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))

#: Unicode's space separators (category Zs) other than the space: each becomes a space.
_SEPARATORS = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

_SPACES = re.compile(r"[ \t]+")

_MD_PREFIX = re.compile(r"^(?:#{1,6}\s+|>\s*|[-*+]\s+|\d+[.)]\s+)+")

_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")

_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")

#: What no text format can hold: C0 controls but tab and line breaks, DEL, surrogates, non-characters.
#: Dropped when a document is read, so every output (XML included) is valid for any input.
_UNWRITABLE = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f\ud800-\udfff\ufffe\uffff]")


def split_paragraphs(text: str, markdown: bool = False) -> tuple[str, ...]:
    """Normalise odd whitespace and return the non-empty lines, stripped."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    paragraphs = []
    for line in _LINE_BREAKS.split(text):
        line = _SEPARATORS.sub(" ", line)
        if markdown:
            line = _MD_EMPHASIS.sub(r"\2", _MD_LINK.sub(r"\1", _MD_PREFIX.sub("", line.strip())))
        line = _SPACES.sub(" ", line).strip()
        paragraphs += split_long(line) if len(line) > MAX_PARAGRAPH else [line] if line else []
    return tuple(paragraphs)


def split_long(line: str, limit: int | None = None) -> list[str]:
    """A line longer than ``limit`` characters as several paragraphs, each cut after the last sentence
    end (else the last space) before the limit: spaCy refuses texts over ``nlp.max_length`` and parses
    long ones slowly and with much memory. Offsets then point into the text with those breaks."""
    limit = limit or MAX_PARAGRAPH
    parts, start = [], 0
    while len(line) - start > limit:  # an index, not the rest sliced off each time: linear on 100 MB
        window = line[start : start + limit]
        cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
        cut = cut + 1 if cut > limit // 2 else window.rfind(" ")
        cut = cut if cut > 0 else limit
        parts.append(window[:cut].strip())
        start += cut
        while start < len(line) and line[start].isspace():
            start += 1
    return [p for p in (*parts, line[start:].strip()) if p]


def split_text(paragraphs: tuple[str, ...], limit: int) -> Iterator[tuple[str, ...]]:
    """Paragraphs in consecutive groups of at most about ``limit`` characters (a paragraph is never cut)."""
    group: list[str] = []
    size = 0
    for paragraph in paragraphs:
        if group and size + len(paragraph) > limit:
            yield tuple(group)
            group, size = [], 0
        group.append(paragraph)
        size += len(paragraph) + 1
    if group:
        yield tuple(group)


def document_from_text(
    text: str, name: str, doc_id: str | None = None, path: str = "", warn: Callable[[str], None] | None = None
) -> Document:
    """Make a Document from text already in memory (the notebook entry point); mojibake is repaired,
    characters no output format can hold are dropped (``warn`` is told how many), and the date (and
    source) a timestamp line or dateline states at its top is kept; a Markdown file's YAML front matter
    gives its title, date, source, url and author. Letters lost before reading (U+FFFD) are put back where
    the language knows the word (``letters``)."""
    name, path = _UNWRITABLE.sub(LOST, name), _UNWRITABLE.sub(LOST, path)  # undecodable file names: a visible mark
    text, dropped = _UNWRITABLE.subn("", text)
    if dropped and warn:
        warn(f"{name}: dropped {dropped} control or non-character code point(s)")
    repaired = restore_letters(fix_encoding(text))
    markdown = name.lower().endswith(".md")
    meta, body = front_matter(repaired, name, warn) if markdown else ({}, repaired)
    paragraphs = split_paragraphs(body, markdown=markdown)
    if not paragraphs:
        raise GraphbuildError(f"{name}: the document has no text")
    date, source = stated_date(paragraphs)
    document = Document(
        doc_id=doc_id or slugify(Path(name).stem),
        name=name,
        paragraphs=paragraphs,
        path=path,
        repaired=repaired != text,
        damaged=LOST in repaired,
        date=date,
        source=source,
    )
    return with_metadata(document, meta, name, warn) if meta else document
