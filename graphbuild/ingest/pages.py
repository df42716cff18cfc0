"""Documents from formatted files: an HTML page's main text and metadata (trafilatura), a PDF's text
and properties (pypdf), a DOCX's paragraphs and core properties (python-docx).

A file whose text cannot be had (an encrypted or image-only PDF, a corrupt DOCX, a page without a main
text) is ``Unreadable``: one warning naming it, and the build goes on.
"""

from __future__ import annotations

import io
import re
import statistics
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any
from zipfile import BadZipFile

from ..errors import Unreadable
from ..records import Document
from .metadata import with_metadata
from .text import document_from_text

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".pdf", ".docx")
Warn = Callable[[str], None]


def read_page(data: bytes, name: str, path: str, warn: Warn) -> Document:
    """The document of an HTML, PDF or DOCX file (by its suffix)."""
    suffix = name.lower().rsplit(".", 1)[-1]
    if suffix == "pdf":
        return _pdf(data, name, path, warn)
    if suffix == "docx":
        return _docx(data, name, path, warn)
    return _html(data, name, path, warn)


def _document(text: str, meta: dict[str, Any], name: str, path: str, warn: Warn, titled: bool = False) -> Document:
    """The document of a file's text and its metadata (``titled``: the title put first, where the text
    does not start with it: a page's main text may leave out its headline)."""
    title = " ".join(str(meta.get("title") or "").split())
    if titled and title and not text.lstrip().startswith(title):
        text = f"{title}\n{text}"
    if not text.strip():
        raise Unreadable(f"{name}: no text found in it")
    return with_metadata(document_from_text(text, name, path=path, warn=warn), meta, name, warn)


def _html(data: bytes, name: str, path: str, warn: Warn) -> Document:
    """The main text of a page (no navigation, footer, banners or lists of related links) and its title,
    date, author, site and URL, as trafilatura finds them."""
    import trafilatura  # a second to import: only for HTML

    extracted = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False, include_tables=True)
    if extracted is None or isinstance(extracted, dict) or extracted.body is None:
        raise Unreadable(f"{name}: no main text found in this page")
    found: dict[str, Any] = extracted.as_dict()
    text = "\n".join(_blocks(extracted.body))
    if not text.strip():
        raise Unreadable(f"{name}: no main text found in this page")
    meta = {role: found.get(key) for role, key in _HTML_META.items()}
    return _document(text, meta, name, path, warn, titled=True)


def _blocks(body: Any) -> Iterator[str]:
    """The main text's blocks (a heading, a paragraph, a list item, a table row), each on one line: the
    line breaks of the page's source inside a paragraph are only spaces there (trafilatura's text keeps them)."""
    for element in body:
        for block in element if element.tag in ("list", "table") else (element,):
            line = " ".join("".join(block.itertext()).split())
            if line:
                yield line


#: Role -> trafilatura's name for it.
_HTML_META = {"title": "title", "date": "date", "author": "author", "source": "sitename", "url": "url"}


def _pdf(data: bytes, name: str, path: str, warn: Warn) -> Document:
    """A PDF's text, page by page, its wrapped lines joined into paragraphs; title, author and date from
    its document information."""
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise Unreadable(f"{name}: an encrypted PDF (graphbuild takes no password); skipped")
        pages = [page.extract_text() or "" for page in reader.pages]
        info: Any = reader.metadata or {}
        meta = {
            "title": info.get("/Title"),
            "author": info.get("/Author"),
            "date": _pdf_date(info.get("/CreationDate")),
        }
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as error:
        raise Unreadable(f"{name}: not a readable PDF ({type(error).__name__}: {error}); skipped") from None
    text = "\n".join(reflow(page) for page in pages)
    if not text.strip():
        raise Unreadable(f"{name}: a PDF without text (scanned pages? graphbuild does no OCR); skipped")
    return _document(text, meta, name, path, warn)


_PDF_DATE = re.compile(r"D:(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?")


def _pdf_date(raw: Any) -> str:
    """A PDF date ("D:20170207100000+00'00'") as ISO 8601 ("" where there is none)."""
    found = _PDF_DATE.match(str(raw or ""))
    if not found:
        return ""
    year, month, day, hour, minute, second = found.groups()
    if hour is None:
        return f"{year}-{month}-{day}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}"


#: A line that ends a paragraph: it ends a sentence, or a heading.
_ENDS = re.compile(r"[.!?:;\"”)]$")


def reflow(page: str) -> str:
    """A PDF page's text with its wrapped lines joined: a line break stays where a line ends a sentence
    or is much shorter than the page's usual line (a heading, a paragraph's last line), or at a blank
    line; a word hyphenated across lines is joined."""
    lines = [line.strip() for line in page.splitlines()]
    lengths = [len(line) for line in lines if line]
    if not lengths:
        return ""
    usual = statistics.median(lengths)
    out: list[str] = []
    current = ""
    for line in lines:
        if not line:
            out.append(current)
            current = ""
            continue
        if current.endswith("-") and line[:1].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}" if current else line
        if _ENDS.search(line) or len(line) < 0.6 * usual:
            out.append(current)
            current = ""
    out.append(current)
    return "\n".join(part for part in out if part)


def _docx(data: bytes, name: str, path: str, warn: Warn) -> Document:
    """A DOCX's paragraphs (and its tables' cells), with its core properties' title, author and date."""
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError
    from lxml.etree import XMLSyntaxError

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [p.text for p in document.paragraphs]
        for table in document.tables:
            paragraphs += [cell.text for row in table.rows for cell in row.cells]
        core = document.core_properties
        created = core.created
        meta = {
            "title": core.title,
            "author": core.author,
            "date": created.isoformat(timespec="seconds") if isinstance(created, datetime) else "",
        }
    except (PackageNotFoundError, BadZipFile, XMLSyntaxError, KeyError, ValueError, OSError) as error:
        raise Unreadable(f"{name}: not a readable DOCX ({type(error).__name__}: {error}); skipped") from None
    return _document("\n".join(paragraphs), meta, name, path, warn)
