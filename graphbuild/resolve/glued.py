"""Glued names: one span NER made of a person's name and a place's or organization's name that each occur
alone elsewhere ("US Sergey Kislyak", "Diyarbakir Mariya Petkova", "Edward Snowden- Al Jazeera"). Each
of its mentions is split: it goes to both entities, the person's as an alias, the other's as a mention
recorded among its merges but not as an alias (a search for the person finds the person)."""

from __future__ import annotations

from ..lang import vocabulary
from ..names import split_title
from .corpus import Corpus
from .joins import Rule


def glued_names(corpus: Corpus) -> dict[str, tuple[str, str]]:
    """Each glued name of three words or more -> (the person's name in it, the other name): a split into a
    person of two words or more and a place, organization or event, each named more often than the span
    and in a document without it, the other no title, head noun, corporate or common word if it is one word
    ("Attacker Anis Amri" stays; "United Nations General Assembly", no person in it, is no glued name)."""
    words = vocabulary(corpus.lang)
    unfit = words.TITLES | words.ORG_HEADS | words.ORG_SUFFIXES | words.OMITTED_HEADS
    found: dict[str, tuple[str, str]] = {}
    for key in corpus.names:
        parts = key.split()
        if len(parts) < 3 or split_title(key, corpus.lang)[0]:
            continue
        for i in range(1, len(parts)):
            left, right = " ".join(parts[:i]), " ".join(parts[i:])
            if not all(_alone(corpus, part, key) for part in (left, right)):
                continue
            for person, other in ((right, left), (left, right)):
                if _fit(corpus, person, other, unfit):
                    found[key] = (person, other)
                    break
            if key in found:
                break
    return found


def _alone(corpus: Corpus, part: str, glued: str) -> bool:
    """Whether a part is a name the corpus mentions more often than the glued name, in a document of its own."""
    name, span = corpus.names.get(part), corpus.names[glued]
    return name is not None and name.mentions > span.mentions and any(d not in span.docs for d in name.docs)


def _fit(corpus: Corpus, person: str, other: str, unfit: frozenset[str]) -> bool:
    """Whether a person of two words or more and a place, organization or event make a glued pair; a one-word
    other part must be no title, head noun, corporate or common word."""
    if corpus.names[person].type != "Person" or " " not in person or corpus.names[other].type == "Person":
        return False
    return " " in other or not (other in unfit or corpus.common_word(other))


#: The repair as a rule: its name and meaning in --explain and the RDF, on both parts' entities.
GLUED = Rule("glued-names", "two names glued into one span, each of which the corpus names alone", glued_names)
