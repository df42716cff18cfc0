"""Page furniture out, before any NLP: breadcrumbs, source and timestamp lines, navigation links, and
credit lines glued to the line before them.

Rules describe the shape of web news text, never particular names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Document

#: A credit or sponsor line glued to the end of the previous one ("...peopleSponsored by X").
_GLUED = re.compile(r"(?<=[a-z0-9.!?\"”)])(?=(?:Sponsored by|Source:|Editor:|Photo:|Copyright) )")
#: "Home>News>China", "Home » World » Asia", "News | China".
_BREADCRUMB = re.compile(r"^\s*\w[\w .&'-]{0,30}(\s*[>»|]\s*\w[\w .&'-]{0,30}){1,6}\s*$")
#: A timestamp and/or "Source:"/"Editor:" line ("2024-08-29 10:04:43Source: Xinhua").
_SOURCE_LINE = re.compile(
    r"^(\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?)?\s*)?((Source|Editor|Editors|Updated|Published|"
    r"Posted|Web editor|Responsible editor)\s*:.*)?$",
    re.IGNORECASE,
)
_NAVIGATION = {
    "top",
    "back to top",
    "home",
    "share",
    "print",
    "email",
    "menu",
    "next",
    "previous",
    "more",
    "related",
    "related news",
    "read more",
    "advertisement",
    "comments",
    "close",
    "subscribe",
}
_HEADLINE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def is_furniture(line: str) -> bool:
    """A line that is page layout, not text: breadcrumb, timestamp/source line or navigation link."""
    stripped = line.strip()
    return (
        stripped.lower().rstrip(".:>»") in _NAVIGATION
        or bool(_BREADCRUMB.match(stripped) and re.search(r"[>»|]", stripped))
        or bool(_SOURCE_LINE.match(stripped))
    )


def is_credit(line: str) -> bool:
    """A sponsor or copyright line: kept for its names, never taken as the title."""
    return bool(re.match(r"(Sponsored by|Copyright|©|Photo:)", line.strip(), re.IGNORECASE))


def is_headline(paragraph: str) -> bool:
    """A Title Case line without final punctuation (headline, section head), whose capitals prove nothing."""
    words = _HEADLINE_WORD.findall(paragraph)
    if len(words) < 3 or is_credit(paragraph) or paragraph.rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def clean_document(document: Document) -> Document:
    """The document without furniture lines, glued lines split, and its title the first real line."""
    paragraphs = []
    for paragraph in document.paragraphs:
        for line in _GLUED.sub("\n", paragraph).split("\n"):
            line = line.strip()
            if line and not is_furniture(line):
                paragraphs.append(line)
    if not paragraphs:
        return document
    title = next((p for p in paragraphs if not is_credit(p)), paragraphs[0])
    return replace(document, paragraphs=tuple(paragraphs), title=title)
