"""graphbuild's spaCy components declare what they require and assign, so spaCy checks their order."""

import spacy
from graphbuild.nlp.load import COMPONENTS


def test_the_loaded_pipeline_has_no_order_problem(nlp):
    graphbuild_components = [name for name in nlp.pipe_names if name.startswith("graphbuild_")]
    assert graphbuild_components == [name for name, _ in COMPONENTS if name in nlp.pipe_names]
    problems = nlp.analyze_pipes()["problems"]
    assert all(found == [] for found in problems.values()), problems


def test_a_component_placed_before_what_it_requires_is_a_problem():
    """The declarations are real: a blank pipeline without NER or sentences shows what the mentions lack."""
    nlp = spacy.blank("en")
    nlp.add_pipe("graphbuild_mentions")
    assert set(nlp.analyze_pipes()["problems"]["graphbuild_mentions"]) == {"doc.ents", "token.is_sent_start"}
