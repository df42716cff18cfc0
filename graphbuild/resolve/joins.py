"""What every resolution rule is (``Rule``), what a corpus rule finds (``Join``), and what the families of
rules share (``holder`` and its thresholds), apart from the rules themselves so that each family can live
in its own module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Generic, NamedTuple, TypeVar

from .corpus import Corpus
from .unionfind import UnionFind

F = TypeVar("F", bound=Callable)


@dataclass(frozen=True)
class Rule(Generic[F]):
    """A resolution rule: its name, what a merge by it means, and the function that finds its merges."""

    name: str
    detail: str
    function: F


class Join(NamedTuple):
    """Two names a corpus rule finds to be one thing; ``detail`` where this union says more than the rule."""

    alias: str
    target: str
    detail: str | None = None


#: A corpus rule's function: the unions it finds in the corpus, given the unions made before it.
CorpusRule = Callable[[Corpus, UnionFind], Iterator[Join]]


#: A short form joins a corpus-wide holder only when the holder has this share of the co-occurrences...
DOMINANCE = 2 / 3

#: ...and co-occurs in at least this share of the short form's documents.
SUPPORT = 0.2

#: ...or, for a first name, which more people share, in at least this share of its documents.
FIRST_NAME_SUPPORT = 1 / 3


def holder(
    corpus: Corpus,
    key: str,
    candidates: list[str],
    same: UnionFind,
    support: float = SUPPORT,
    least: int = 1,
    alone: bool = False,
) -> str | None:
    """The candidate that holds a short form corpus-wide: it has most of the co-occurrences
    (``DOMINANCE``), in at least ``least`` documents and ``support`` of the short form's documents; with
    ``alone``, only where it is the one candidate."""
    counts = corpus.cooccurrence(key, candidates, same.find)
    if not counts or (alone and len(counts) > 1):
        return None
    (root, n), total = counts.most_common(1)[0], sum(counts.values())
    if n < least or n < DOMINANCE * total or n < support * len(corpus.names[key].docs):
        return None
    return max((c for c in candidates if same.find(c) == root), key=lambda c: corpus.names[c].mentions)
