"""Build the spaCy pipeline once: the model, with the components extraction does not need left out."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from .errors import GraphbuildError

#: Components that add nothing to entities or sentences; leaving them out saves about a third of the time.
UNUSED = ("tagger", "attribute_ruler", "lemmatizer", "morphologizer", "textcat", "textcat_multilabel")


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load an installed spaCy pipeline by package name (cached: one load per process)."""
    try:
        nlp = spacy.load(model, exclude=list(UNUSED))
    except OSError:
        raise GraphbuildError(
            f"cannot load the spaCy pipeline {model!r}: install it as a package (pip install ...)"
        ) from None
    if "ner" not in nlp.pipe_names:
        raise GraphbuildError(f"the spaCy pipeline {model!r} has no 'ner' component")
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("sentencizer", first=True)
    return nlp
