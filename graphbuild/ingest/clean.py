"""Page furniture out, before any NLP: breadcrumbs, source and timestamp lines, navigation links, share
bars, credit lines glued to the line before them, and the hyphens scrapers put between sentences.

Rules describe the shape of web news text, never particular names.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..lang import alternation, vocabulary
from ..records import Document

_WORDS = vocabulary()
#: A credit or sponsor line, kept for its names ("Sponsored by X", "Copyright 2024", "© Xinhua").
_CREDIT = re.compile(rf"(?:{alternation(_WORDS.CREDIT_STARTS)}|©)", re.IGNORECASE)
#: How the lines that are never part of the paragraph before them start: credits and source labels.
_OWN_LINES = _WORDS.CREDIT_STARTS + tuple(f"{label}:" for label in _WORDS.SOURCE_LABELS)
#: Such a line glued to the end of the previous one ("...peopleSponsored by X"), or to its last sentence
#: ("... three months. Source: Al Jazeera").
_GLUED = re.compile(rf"(?:(?<=[a-z0-9.!?\"”)])|(?<=[.!?\"”])[ \t]+)(?=(?:{alternation(_OWN_LINES)}) )")
#: A hyphen that scraped text puts where a space or a line break was, right after punctuation: "life.-And",
#: "Kenny,-Simon Coveney", "Source:-Al Jazeera". Never a dash ("--"), a hyphen inside a word or number,
#: nor one after an initialism ("the U.S.-Mexico border").
_JOINED = re.compile(r"(?<=[.,:;!?\"”’)])(?<!\.[A-Z]\.)-(?!-)[ \t]*")
#: A share bar: four or more share buttons in a row, and the permalink after them ("Send Facebook Twitter
#: Google+ Whatsapp Tumblr linkedin stumble Digg reddit Newsvine Permalink http://dw.com/p/2X4Ab").
_SHARE_BAR = re.compile(
    rf"(?<!\S)(?:(?:{alternation(sorted(_WORDS.SHARE_BUTTONS, key=len, reverse=True))})(?:\s+|$)){{4,}}(?:https?://\S*)?",
    re.IGNORECASE,
)
#: "Home>News>China", "Home » World » Asia", "News | China".
_BREADCRUMB = re.compile(r"^\s*\w[\w .&'-]{0,30}(\s*[>»|]\s*\w[\w .&'-]{0,30}){1,6}\s*$")
#: A timestamp and/or source line ("2024-08-29 10:04:43Source: Xinhua").
_SOURCE_LINE = re.compile(
    r"^(\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2}(:\d{2})?)?\s*)?((" + alternation(_WORDS.SOURCE_LABELS) + r")\s*:.*)?$",
    re.IGNORECASE,
)
_HEADLINE_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{3,}")


def is_furniture(line: str) -> bool:
    """A line that is page layout, not text: breadcrumb, timestamp/source line or navigation link."""
    stripped = line.strip()
    return (
        stripped.lower().rstrip(".:>»") in _WORDS.NAVIGATION
        or bool(_BREADCRUMB.match(stripped) and re.search(r"[>»|]", stripped))
        or bool(_SOURCE_LINE.match(stripped))
    )


def is_credit(line: str) -> bool:
    """A sponsor or copyright line: kept for its names, never taken as the title."""
    return bool(_CREDIT.match(line.strip()))


def is_headline(paragraph: str) -> bool:
    """A Title Case line without final punctuation (headline, section head), whose capitals prove nothing."""
    words = _HEADLINE_WORD.findall(paragraph)
    if len(words) < 3 or is_credit(paragraph) or paragraph.rstrip().endswith((".", "?", "!", '"', "”")):
        return False
    return sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def clean_document(document: Document) -> Document:
    """The document without furniture lines, glued lines and sentences split, and its title the first real
    line (unless its metadata gave one)."""
    paragraphs = []
    for paragraph in document.paragraphs:
        for line in _GLUED.sub("\n", _JOINED.sub(" ", _SHARE_BAR.sub("\n", paragraph))).split("\n"):
            line = line.strip()
            if line and not is_furniture(line):
                paragraphs.append(line)
    if not paragraphs:
        return document
    title = next((p for p in paragraphs if not is_credit(p)), paragraphs[0])
    if document.title not in document.paragraphs:  # given by the file's metadata: kept
        title = document.title
    return replace(document, paragraphs=tuple(paragraphs), title=title)
