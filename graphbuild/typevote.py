"""What one mention's context says about its type: the NER label, weighed with cues from the words
around it, so that a name's type is decided by all its mentions across the corpus.

Cues (words from ``lang``): a title before or inside the name marks a person ("Mrs May"); a speech verb
next to it, a weak person cue ("Trump said"); "in/at X" a place; "after/during X" an event; "the X" +
a lower-case noun is a modifier ("the Trump administration"), whose NER label says nothing; a lone name
after an article is no person ("the Brexit"); an organization head noun ("... Party") an organization; a
known place name (gazetteer) a place.
"""

from __future__ import annotations

import re
from collections import Counter

from .lang import vocabulary
from .model import Mention

#: What a cue adds to a type's vote; a plain mention adds 1 to its NER type.
TITLE, SPEECH, PREPOSITION, HEAD_NOUN, GAZETTEER, PLACE_NOUN, MODIFIER = 2.0, 0.5, 0.5, 0.5, 1.0, 2.0, 0.1


_WORD = re.compile(r"[\w.'’-]+")


def _words_before(text: str, start: int) -> list[str]:
    """The last few words before an offset, lower case, without trailing full stops ("Sen." -> "sen")."""
    return [w.rstrip(".").casefold() for w in _WORD.findall(text, max(0, start - 40), start)[-3:]]


def mention_votes(
    mention: Mention, text: str, titled: bool, head_noun: bool, place: bool, lang: str = "en"
) -> Counter[str]:
    """The votes one mention gives to each type. ``text`` is its document's text; ``titled``: its form
    carries a title; ``head_noun``: its name ends in an organization head noun; ``place``: a known place."""
    words = vocabulary(lang)
    before = _words_before(text, mention.start)
    gap = text[max(0, mention.start - 2) : mention.start]
    if before and not gap.endswith((" ", "-")):  # the words before must end right before the name
        before = []
    after_match = _WORD.match(text, mention.end + 1) if text[mention.end : mention.end + 1] == " " else None
    after = after_match.group().rstrip(".").casefold() if after_match else ""
    possessive = text[mention.end : mention.end + 1] in ("'", "’")
    last = before[-1] if before else ""
    two = " ".join(before[-2:])
    votes: Counter[str] = Counter()
    determiner = last in words.DETERMINERS
    single_word = " " not in mention.text
    modifier = (
        after.isalpha()
        and after.islower()
        and len(after) >= 3
        and not after.endswith("ed")
        and after not in words.AUXILIARIES
        and after not in words.SPEECH_VERBS
        and after not in words.FUNCTION_WORDS
    )
    if determiner and modifier:
        votes[mention.type] += MODIFIER  # "the Trump administration": a modifier; its NER label is weak evidence
    elif not (determiner and single_word and mention.type == "Person"):
        votes[mention.type] += 1.0
    if titled or last in words.TITLES or two in words.TITLES:
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
    if len(before) >= 2 and last in ("is", "was", "of") and before[-2] in words.PLACE_NOUNS:
        votes["Place"] += PLACE_NOUN
    if head_noun:
        votes["Organization"] += HEAD_NOUN
    if place:
        votes["Place"] += GAZETTEER
    return votes
