"""The type vote: what each mention's context says about its type (the NER label, weighed with cues from
the words around it), summed over all the mentions of a name across the corpus, and the type that wins.

Cues (words from ``lang``): a title before or inside the name marks a person ("Mrs May"); a speech verb
next to it, a weak person cue ("Trump said"); "in/at X" a place; "after/during X" an event; "the X" +
a lower-case noun is a modifier ("the Trump administration"), whose NER label says nothing; a lone name
after an article is no person ("the Brexit"); an organization head noun ("... Party") an organization; a
known place name (gazetteer) a place; names listed together ("Monpa and Lhopa") vote for each other's type.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from ..lang import vocabulary
from ..records import Mention

#: What a cue adds to a type's vote; a plain mention adds 1 to its NER type.
TITLE, SPEECH, PREPOSITION, HEAD_NOUN, GAZETTEER, PLACE_NOUN, MODIFIER = 2.0, 0.5, 0.5, 0.5, 1.0, 2.0, 0.1
#: What a name listed with another ("A and B") adds to the other's type.
CONJOINED = 1.0
#: On a tie between types, the first listed wins.
TYPE_PRIORITY = ("Person", "Event", "Place", "Organization")


class Votes(dict[str, float]):
    """The votes for each type: floats, as cues weigh less than a mention; a type not voted for has 0.
    ``add`` sums votes in (``update``, as for any dict, would replace them)."""

    def __missing__(self, entity_type: str) -> float:
        return 0.0

    def add(self, other: Mapping[str, float], weight: float = 1.0) -> None:
        """Add ``other``'s votes, each times ``weight``."""
        for entity_type, votes in other.items():
            self[entity_type] += votes * weight

    def minus(self, other: Mapping[str, float]) -> Votes:
        """These votes less ``other``'s, keeping only the types left with more than none."""
        return Votes({t: left for t, v in self.items() if (left := v - other.get(t, 0.0)) > 0})

    def total(self) -> float:
        return sum(self.values())

    def ranking(self) -> list[str]:
        """Every type, the most voted first; ties in ``TYPE_PRIORITY`` order."""
        return sorted(TYPE_PRIORITY, key=lambda t: -self[t])

    def winner(self) -> str:
        """The type with the most votes (``ranking``'s first)."""
        return self.ranking()[0]


_WORD = re.compile(r"[\w.'’-]+")


def _words_before(text: str, start: int) -> list[str]:
    """The last few words before an offset, lower case, without trailing full stops ("Sen." -> "sen")."""
    return [w.rstrip(".").casefold() for w in _WORD.findall(text, max(0, start - 40), start)[-3:]]


def title_before(mention: Mention, text: str, lang: str = "en") -> bool:
    """Whether a title stands right before the mention ("President Reagan", "Mr. Trump")."""
    before = _words_before(text, mention.start)
    if not before or not text[max(0, mention.start - 2) : mention.start].endswith((" ", "-")):
        return False
    titles = vocabulary(lang).TITLES
    return before[-1] in titles or " ".join(before[-2:]) in titles


def mention_votes(mention: Mention, text: str, titled: bool, head_noun: bool, place: bool, lang: str = "en") -> Votes:
    """The votes one mention gives to each type. ``text`` is its document's text; ``titled``: its form
    carries a title or one stands before it (``title_before``); ``head_noun``: its name ends in an organization head noun; ``place``: a known place."""
    words = vocabulary(lang)
    before = _words_before(text, mention.start)
    gap = text[max(0, mention.start - 2) : mention.start]
    if before and not gap.endswith((" ", "-")):  # the words before must end right before the name
        before = []
    after_match = _WORD.match(text, mention.end + 1) if text[mention.end : mention.end + 1] == " " else None
    after = after_match.group().rstrip(".").casefold() if after_match else ""
    possessive = text.startswith(words.POSSESSIVE_ENDINGS, mention.end)
    last = before[-1] if before else ""
    two = " ".join(before[-2:])
    votes = Votes()
    determiner = last in words.DETERMINERS
    single_word = " " not in mention.text
    modifier = (
        after.isalpha()
        and after.islower()
        and len(after) >= 3
        and not after.endswith(words.PAST_ENDINGS)
        and after not in words.AUXILIARIES
        and after not in words.SPEECH_VERBS
        and after not in words.FUNCTION_WORDS
    )
    if determiner and modifier:
        votes[mention.type] += MODIFIER  # "the Trump administration": a modifier; its NER label is weak evidence
    elif not (determiner and single_word and mention.type == "Person"):
        votes[mention.type] += 1.0
    if titled:
        votes["Person"] += TITLE
    if after in words.SPEECH_VERBS or last in words.SPEECH_VERBS:
        votes["Person"] += SPEECH
    if not possessive:
        if last in words.PLACE_PREPOSITIONS or (
            determiner and len(before) > 1 and before[-2] in words.PLACE_PREPOSITIONS
        ):
            votes["Place"] += PREPOSITION
        if single_word and (last in words.EVENT_PREPOSITIONS or two in words.EVENT_PREPOSITIONS):
            votes["Event"] += 1.0
    if len(before) >= 2 and last in words.PLACE_NOUN_LINKS and before[-2] in words.PLACE_NOUNS:
        votes["Place"] += PLACE_NOUN
    if head_noun:
        votes["Organization"] += HEAD_NOUN
    if place:
        votes["Place"] += GAZETTEER
    return votes


def conjoined(between: str, lang: str = "en") -> bool:
    """Whether two names with ``between`` between them are listed together ("A and B", "A, B")."""
    return between in vocabulary(lang).LIST_GAPS
