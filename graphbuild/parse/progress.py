"""A progress bar for builds (tqdm) on stderr: words parsed, words per second, time left."""

from __future__ import annotations

import sys

from tqdm import tqdm

from ..records import Document


def word_count(document: Document) -> int:
    return sum(len(p.split()) for p in document.paragraphs)


def shown(enabled: bool) -> bool:
    """A bar is shown only when asked for and stderr is a terminal, so logs and pipes stay clean."""
    return enabled and sys.stderr.isatty()


def progress_bar(total_words: int | None, enabled: bool) -> tqdm:
    """The bar; with ``total_words`` (``read.count_words``) it shows the share done and the time left."""
    return tqdm(
        total=total_words,
        unit=" words",
        unit_scale=True,
        desc="parsing",
        file=sys.stderr,
        disable=not shown(enabled),
        smoothing=0.1,
    )
