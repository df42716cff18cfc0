"""Resolution: the mentions of a corpus merged into entities by named rules, each merge explained."""

from .corpus import Corpus
from .entities import Resolution, resolve

__all__ = ["Corpus", "Resolution", "resolve"]
