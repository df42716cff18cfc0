"""A progress bar for builds (tqdm) on stderr: words parsed, words per second, time left."""

from __future__ import annotations

import sys

from tqdm import tqdm

from .model import Document


def word_count(document: Document) -> int:
    return sum(len(p.split()) for p in document.paragraphs)


def progress_bar(total_words: int | None, enabled: bool) -> tqdm:
    """Shown only when asked for and stderr is a terminal, so logs and pipes stay clean."""
    return tqdm(total=total_words, unit=" words", unit_scale=True, desc="parsing", file=sys.stderr,
                disable=not (enabled and sys.stderr.isatty()), smoothing=0.1)
