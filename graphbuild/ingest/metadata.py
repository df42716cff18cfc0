"""A document's metadata from what its file says of itself: a Markdown file's YAML front matter, a
page's or a PDF's or a DOCX's properties, all given to ``with_metadata`` under the record roles' names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from ..bounded import load_yaml
from ..records import Document
from .dates import host_of, parse_date

#: Metadata keys that name a role under another name.
_KEYS = {"headline": "title", "published": "date", "pubdate": "date", "publisher": "source", "link": "url"}


def front_matter(text: str, name: str, warn: Callable[[str], None] | None) -> tuple[dict[str, Any], str]:
    """(the YAML front matter's keys, the text after it), split by python-frontmatter; ({}, text) where
    there is none, or it is not a mapping of valid YAML (``warn`` hears why: the text is read as it is).
    Its YAML is read without anchors and aliases (``bounded.load_yaml``)."""
    import frontmatter  # only for Markdown
    import yaml

    class _Handler(frontmatter.YAMLHandler):
        def load(self, fm: str, **kwargs: object) -> Any:
            return load_yaml(fm)

    handler = _Handler()
    if not handler.detect(text.lstrip("\ufeff")):
        return {}, text
    try:
        data, body = frontmatter.parse(text.lstrip("\ufeff"), handler=handler)
    except (yaml.YAMLError, ValueError) as error:
        if warn:
            warn(f"{name}: its front matter is not valid YAML ({str(error).splitlines()[0]}); read as text")
        return {}, text
    return {str(k): v for k, v in data.items()}, body


def with_metadata(
    document: Document, meta: Mapping[str, Any], name: str, warn: Callable[[str], None] | None
) -> Document:
    """``document`` with the title, date, source, url and author ``meta`` gives (by role name, or a
    common other name); the other keys with a value are its properties. A date not understood is one
    warning, and the document kept undated."""
    roles: dict[str, str] = {}
    properties = []
    for key, raw in meta.items():
        value = _text(raw)
        role = _KEYS.get(key.lower(), key.lower())
        if not value:
            continue
        if role in ("title", "date", "source", "url", "author") and role not in roles:
            roles[role] = value
        else:
            properties.append((key, value))
    stamp = document.date
    if "date" in roles:
        parsed = parse_date(roles["date"])
        stamp = parsed or stamp
        if not parsed and warn:
            warn(f"{name}: its date {roles['date'][:40]!r} is not understood; kept undated")
    url = roles.get("url", document.url)
    return replace(
        document,
        title=roles.get("title", document.title),
        date=stamp,
        source=roles.get("source") or document.source or host_of(url),
        url=url,
        author=roles.get("author", document.author),
        properties=document.properties + tuple(properties),
    )


def _text(raw: Any) -> str:
    """A metadata value as text: a YAML date as ISO 8601, a list joined with "; "."""
    if raw is None:
        return ""
    if isinstance(raw, (date, datetime)):
        return raw.isoformat()
    if isinstance(raw, (list, tuple)):
        return "; ".join(_text(item) for item in raw if _text(item))
    return " ".join(str(raw).split())
