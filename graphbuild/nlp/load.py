"""Build the spaCy pipeline once: the model, with the components extraction does not need left out."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.pipeline import Tok2Vec

from ..errors import GraphbuildError, unknown_model
from ..options import DEFAULT_RELATIONS
from . import components, extract  # noqa: F401  (register the components with spaCy)

#: Components that add nothing to entities or sentences; leaving them out saves time (benchmarks/RESULTS.md).
UNUSED = ("morphologizer", "textcat", "textcat_multilabel")
#: What only relations need (their verbs' lemmas): loaded for them, run on their sentences alone.
FOR_RELATIONS = ("tagger", "attribute_ruler", "lemmatizer")


@lru_cache(maxsize=4)
def load_pipeline(model: str, relations: bool = DEFAULT_RELATIONS) -> Language:
    """Load an installed spaCy pipeline by package name (cached: one load per process); with ``relations``,
    the last component also reads typed relations off the parse (``nlp.relations``)."""
    try:
        nlp = spacy.load(model, exclude=list(UNUSED if relations else UNUSED + FOR_RELATIONS))
    except OSError:
        raise unknown_model(model) from None
    if "ner" not in nlp.pipe_names:
        raise GraphbuildError(f"the spaCy pipeline {model!r} has no 'ner' component")
    lean(nlp)
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("sentencizer", first=True)
    add_rules(nlp, relations)
    return nlp


def lean(nlp: Language) -> None:
    """Sentences from the ``senter`` instead of the dependency parser, where the model has both: the parse
    is what costs most, and only event names need it (``graphbuild_events`` parses their sentences). The
    shared ``tok2vec`` is left out too when nothing left in the pipeline listens to it."""
    if "senter" not in nlp.component_names or "parser" not in nlp.pipe_names:
        return
    nlp.enable_pipe("senter")
    for name in ("parser", *FOR_RELATIONS):
        if name in nlp.pipe_names:
            nlp.disable_pipe(name)
    tok2vec = nlp.get_pipe("tok2vec") if "tok2vec" in nlp.pipe_names else None
    if isinstance(tok2vec, Tok2Vec) and set(tok2vec.listening_components) <= {"parser", *FOR_RELATIONS}:
        nlp.disable_pipe("tok2vec")


#: graphbuild's components, in the order they are added, each with its place in the pipeline. Each
#: declares what it requires and assigns, so ``nlp.analyze_pipes`` checks this order.
COMPONENTS: tuple[tuple[str, dict[str, str | bool]], ...] = (
    ("graphbuild_credits", {"before": "ner"}),
    ("graphbuild_datelines", {"after": "ner"}),
    ("graphbuild_groups", {"after": "graphbuild_datelines"}),
    ("graphbuild_events", {"last": True}),  # only where the model has a parser: events grow along the parse
    ("graphbuild_mentions", {"last": True}),
)
#: Components added only where the model can run them.
NEEDS_PARSER = frozenset({"graphbuild_events"})


def add_rules(nlp: Language, relations: bool = False) -> Language:
    """graphbuild's fixes for news text around the statistical NER (see components.py), in ``COMPONENTS``
    order; the mentions component reads relations too where asked and the model has a parser."""
    for name, place in COMPONENTS:
        if name not in NEEDS_PARSER or "parser" in nlp.component_names:
            config = (
                {"relations": relations and "parser" in nlp.component_names} if name == "graphbuild_mentions" else {}
            )
            nlp.add_pipe(name, config=config, **place)  # type: ignore[arg-type]
    return nlp
