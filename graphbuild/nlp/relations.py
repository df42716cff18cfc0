"""Typed relations read off the dependency parse of each sentence that names two entities or more.

Four kinds, each made by small named rules (``RULES``), like the resolution rules: ``role`` (a person's
title with respect to an organization or a place), ``action`` (subject, verb, object: the passive made
active, conjuncts spread, negation and modality kept), ``event`` (an event's place, who took part) and
``located_in`` (a place in another, as the text writes it). A rule sees the parse and the sentence's
mentions only: which entity a mention is, is decided later (``relate``), so a relation between a short
form and a full name lands on the resolved entity.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from spacy.tokens import Doc, Token

from ..lang import demonyms, vocabulary


class FoundRelation(NamedTuple):
    """A relation one sentence states, between two of its mentions (their indices in the paragraph's list),
    or between a mention and a country the sentence names only by its demonym (``object`` -1,
    ``object_name`` the country: "Russian President Vladimir Putin"), or an event's date (kind
    ``event_date``, ``object`` -1, ``object_name`` the date as written)."""

    subject: int
    object: int
    predicate: str  # the verb's lemma with its particle or preposition ("meet with"), or the role word
    kind: str  # role, action, event, located_in, event_date
    rule: str
    negated: bool = False
    modality: str = ""  # the modal or governing verb of a relation only possible or planned ("will", "plan")
    object_name: str = ""


def _country_of(tokens: Iterable[Token], p: Parsed) -> str:
    """The country a capitalised demonym among ``tokens`` names, outside any mention ("" if none)."""
    for t in tokens:
        if t.dep_ in ("amod", "compound") and p.mention(t) is None and t.text[:1].isupper():
            country = demonyms().get(t.lower_)
            if country:
                return country
    return ""


@dataclass(frozen=True)
class Parsed:
    """A parsed sentence and its mentions: which mention each token belongs to, and each mention's type."""

    doc: Doc
    mention_of: dict[int, int]  # token index in ``doc`` -> mention index
    types: dict[int, str]  # mention index -> entity type (Person, Place, Organization, Event)

    def mention(self, token: Token) -> int | None:
        return self.mention_of.get(token.i)

    def mentions(self, token: Token) -> list[int]:
        """The mentions of a token and of its conjuncts ("Merkel and Macron"), each once, in order."""
        found = [self.mention_of.get(t.i) for t in (token, *token.conjuncts)]
        return list(dict.fromkeys(m for m in found if m is not None))

    def name(self, token: Token) -> int | None:
        """The token's mention, if it is no event. NER's person, place and organization labels are not told
        apart here ("IC" tagged PERSON is the Investigative Committee): resolution votes the types, and
        ``relate`` checks each kind's."""
        mention = self.mention(token)
        return mention if mention is not None and self.types[mention] != "Event" else None

    def names(self, token: Token) -> list[int]:
        """The mentions of a token and of its conjuncts that are no event ("in Moscow and Sochi")."""
        return [m for m in self.mentions(token) if self.types[m] != "Event"]

    def event(self, token: Token) -> int | None:
        """The token's mention, if it is an event (graphbuild's rules found it, so its type is sure)."""
        mention = self.mention(token)
        return mention if mention is not None and self.types[mention] == "Event" else None


#: Dependents that carry a verb's doer, its patient in the passive, its direct object.
_SUBJECTS, _PASSIVE, _OBJECTS = {"nsubj"}, {"nsubjpass"}, {"dobj"}
#: Prepositions that usually attach where or when something happened, not to whom ("met in Berlin", "cast
#: the vote in the Senate"); an event after them is taken part in ("spoke at the summit").
_LOCATIVE = {"in", "at", "on", "near", "outside", "inside", "during"}
#: Prepositions that link a role noun to its organization or place ("chairman of", "CEO at").
_ROLE_LINKS = {"of", "at", "for"}
#: Verbs that join a person to a role noun ("is the president of", "became chairman of").
_COPULAS = {"be", "become", "remain", "serve"}
_WORDS = vocabulary()
#: Roles (offices, which a demonym before them names the country of) and occupations (never so).
_ROLE_WORDS = _WORDS.ROLES | _WORDS.OCCUPATIONS


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ in ("never", "not") for c in verb.children)


def _modality(verb: Token) -> str:
    return next((c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"), "")


def _predicate(verb: Token) -> str:
    """The verb's lemma and its particle ("call off")."""
    particle = next((c.lower_ for c in verb.children if c.dep_ == "prt" and c.is_lower), "")
    return f"{verb.lemma_.lower()} {particle}".strip()


def _subjects(verb: Token) -> tuple[list[Token], str, bool]:
    """The verb's subject tokens, with the modality and negation of the clause: a verb in an open clause
    ("wants to fire") or a conjunct verb ("fired Comey and hired Wray") takes its governor's subject."""
    own = [c for c in verb.children if c.dep_ in _SUBJECTS]
    if not own and _headline_infinitive(verb):  # "Schulz to challenge Merkel": Schulz will
        return [verb.head], "will", _negated(verb)
    if own or verb.dep_ not in ("xcomp", "conj") or verb.head.pos_ not in ("VERB", "AUX"):
        return own, _modality(verb), _negated(verb)
    governor = verb.head
    inherited = [c for c in governor.children if c.dep_ in _SUBJECTS]
    if verb.dep_ == "xcomp":
        return inherited, _modality(governor) or governor.lemma_.lower(), _negated(governor) or _negated(verb)
    return inherited, _modality(verb) or _modality(governor), _negated(verb)


def _headline_infinitive(verb: Token) -> bool:
    """A headline's "X to do Y" (no verb of its own, the infinitive hangs from the name): what X will do."""
    return (
        verb.dep_ == "relcl"
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ == "PROPN"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    )


def _objects(verb: Token, light: Parsed | None = None) -> Iterator[tuple[str, Token]]:
    """(preposition or "", object token) of each object of the verb, direct and through a preposition; with
    ``light`` (the sentence), also through a direct object that is no name ("made remarks at X": "remarks at")."""
    for child in verb.children:
        if child.dep_ in _OBJECTS:
            yield "", child
            if light is not None and verb.lemma_ in _WORDS.LIGHT_VERBS and light.mention(child) is None:
                yield from ((f"{child.lower_} {prep}".strip(), obj) for prep, obj in _objects(child) if prep)
        elif child.dep_ in ("prep", "agent"):
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    yield ("by" if child.dep_ == "agent" else child.lower_), pobj


def actions(p: Parsed) -> Iterator[FoundRelation]:
    """ "Trump fired Comey", "Comey was fired by Trump" (the same), "Merkel met with Macron", "Merkel and
    Macron did not meet Putin" (two, negated). A place after "in", "at", "on" is where it happened, not a
    party to it; an object that is an event makes it an ``event`` relation ("addressed the conference")."""
    for verb in p.doc:
        if verb.pos_ != "VERB" or verb.dep_ in ("amod", "compound") or verb.lemma_.lower() in _WORDS.QUOTING_VERBS:
            continue  # "Hong Kong-based X" describes X: no clause of its own
        subjects, modality, negated = _subjects(verb)
        patients = [c for c in verb.children if c.dep_ in _PASSIVE]
        predicate = _predicate(verb)
        pairs: list[tuple[list[int], str, list[int]]] = []
        transitive = any(c.dep_ in _OBJECTS and p.mention(c) is None for c in verb.children)
        for prep, obj in _objects(verb, light=p):
            last = prep.rpartition(" ")[2]
            if prep == "by" and patients:  # the passive, made active
                pairs += [(p.mentions(obj), predicate, [m for t in patients for m in p.mentions(t)])]
            elif patients or (prep and prep == last and transitive) or not _party(last, obj, p):
                continue  # "restored X with Y": Y goes with X, not with the verb alone
            else:
                pairs += [
                    ([m for t in subjects for m in p.mentions(t)], f"{predicate} {prep}".strip(), p.mentions(obj))
                ]
        for doers, pred, objects in pairs:
            for s in doers:
                for o in objects:
                    if s != o:
                        kind = "event" if "Event" in (p.types[s], p.types[o]) else "action"
                        yield FoundRelation(s, o, pred, kind, "action", negated, modality)


def _party(preposition: str, obj: Token, p: Parsed) -> bool:
    """Whether an object after ``preposition`` ("" for a direct object) is a party to the verb."""
    if not preposition:
        return True
    if preposition in _LOCATIVE:
        return p.event(obj) is not None
    return preposition in _WORDS.PARTY_PREPOSITIONS


def _role_word(noun: Token, p: Parsed) -> str:
    """The role a noun names, with the words before it that are part of it ("foreign minister"), lower case."""
    words = [
        c
        for c in noun.lefts
        if c.dep_ in ("amod", "compound")
        and c.i >= noun.i - 2
        and p.mention(c) is None
        and c.ent_type_ == ""
        and c.lower_ not in demonyms()
    ]
    return " ".join([*(w.lower_ for w in words), noun.lemma_.lower() if noun.tag_ == "NNS" else noun.lower_])


def _role_holder(noun: Token, p: Parsed) -> int | None:
    """The organization or place a role noun is held in: "of/at/for X", "X's chairman", "X chairman"."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in _ROLE_LINKS:
            for pobj in child.children:
                holder = p.name(pobj) if pobj.dep_ == "pobj" else None
                if holder is not None:
                    return holder
        if child.dep_ in ("poss", "compound") and child.i < noun.i:
            holder = p.name(child)
            if holder is not None:
                return holder
    return None


def _one_of(noun: Token, words: frozenset[str]) -> bool:
    return noun.lower_ in words or noun.lemma_.lower() in words


def _is_role(noun: Token, p: Parsed) -> bool:
    """A word outside any mention that names a role or position (``lang`` ``ROLES``, ``OCCUPATIONS``)."""
    return p.mention(noun) is None and _one_of(noun, _ROLE_WORDS)


def roles(p: Parsed) -> Iterator[FoundRelation]:
    """A person's title where an organization or place is named with it: "Wang Huning, chairman of X",
    "the chairman of X, Wang Huning", "X is the president of Y", "Russia's President Vladimir Putin",
    "Microsoft CEO Satya Nadella"."""
    for token in p.doc:
        person = p.name(token)
        if person is not None and p.mention_of.get(token.head.i) != person:  # the root of the person's name
            near = [c for c in token.children if c.dep_ in ("appos", "compound")]
            candidates = [
                n for c in near for n in (c, *c.conjuncts) if _is_role(n, p)
            ]  # "a member of X and chairman of Y"
            if token.dep_ == "appos" and _is_role(token.head, p):
                candidates.append(token.head)
            if token.dep_ in _SUBJECTS and token.head.lemma_ in _COPULAS:
                candidates += [c for c in token.head.children if c.dep_ == "attr" and _is_role(c, p)]
                candidates += [
                    pobj
                    for prep in token.head.children
                    if prep.dep_ == "prep" and prep.lower_ == "as"
                    for pobj in prep.children
                    if pobj.dep_ == "pobj" and _is_role(pobj, p)
                ]
            for noun in candidates:
                before = [c for c in token.children if c.i < noun.i] if noun.head == token else []
                holder = _role_holder(noun, p)
                if holder is None:  # "Butte County Sheriff Kory Honea": the place hangs from the name
                    holder = next(
                        (p.name(c) for c in before if c.dep_ == "compound" and p.name(c) not in (None, person)), None
                    )
                if holder is not None and holder != person:
                    yield FoundRelation(person, holder, _role_word(noun, p), "role", "role")
                elif holder is None and _one_of(noun, _WORDS.ROLES):  # an office: "Russian President X"
                    country = _country_of([*noun.children, *before], p)
                    if country:
                        yield FoundRelation(person, -1, _role_word(noun, p), "role", "role", object_name=country)


def _event_heads(p: Parsed) -> Iterator[tuple[int, Token]]:
    """(event, word) for each word whose dependents may say where or when an event was: the head of the
    event's name or a proper noun in it ("the conference on aid for Xizang in Lhasa"; never a common word
    of its topic: "the meeting on NATO's presence in the Black Sea"), the verb it is the subject of ("the
    conference was held in Lhasa"), its relative clause."""
    for token in p.doc:
        event = p.event(token)
        if event is None:
            continue
        root = p.mention_of.get(token.head.i) != event
        if not (root or token.pos_ == "PROPN"):
            continue
        yield event, token
        if root and token.dep_ in ("nsubj", "nsubjpass"):
            yield event, token.head
        yield from ((event, c) for c in token.children if c.dep_ == "relcl")  # "the conference, which was held"


def event_places(p: Parsed) -> Iterator[FoundRelation]:
    """Where an event was: "the summit in Brussels", "the conference was held in Lhasa", "the conference on
    aid for Xizang in Lhasa" (the place may hang from any word of the event's name)."""
    for event, head in _event_heads(p):
        for prep, obj in _objects(head):
            for place in p.names(obj) if prep in ("in", "at") else []:
                yield FoundRelation(event, place, "in", "event", "event-place")


def event_dates(p: Parsed) -> Iterator[FoundRelation]:
    """When an event was, as the text writes it (NER's date): "the summit on May 25", "the conference was
    held in March 2017", "met at the G20 summit in July 2017" (the verb the event is the setting of);
    ``relate`` keeps the dates it can read as a day, a month or a year."""
    for event, head in _event_heads(p):
        at = head.dep_ == "pobj" and head.head.lower_ in ("at", "during") and head.head.head.pos_ == "VERB"
        for prep, obj in [*_objects(head), *(_objects(head.head.head) if at else ())]:
            if prep in ("on", "in", "during") and obj.ent_type_ == "DATE":
                when = next(e for e in p.doc.ents if e.start <= obj.i < e.end)
                yield FoundRelation(event, -1, "on", "event_date", "event-date", object_name=when.text)


def containments(p: Parsed) -> Iterator[FoundRelation]:
    """A place in another: "Lolung Village, Dem Township, Nang County" (each in the next, read off the
    commas: the parse often takes them for a list), "Lhasa, southwest China's Xizang Autonomous Region"
    (Lhasa in Xizang; Xizang in China, its possessive), and written out: "the Design-Quartier Ehrenfeld in
    Cologne" (rule ``place-in``, whose container need not be a known area)."""
    for chain in _comma_chains(p):
        for inner, outer in pairwise(chain):
            yield FoundRelation(inner, outer, "in", "located_in", "located-in")
    for token in p.doc:
        place = p.name(token)
        if place is None or p.mention_of.get(token.head.i) == place:
            continue
        if token.dep_ == "pobj" and token.head.lower_ == "of" and token.head.head.lower_ in _WORDS.PLACE_NOUNS:
            country = _country_of(token.head.head.children, p)  # "the Pakistani city of Karachi"
            if country:
                yield FoundRelation(place, -1, "in", "located_in", "located-in", object_name=country)
        for child in token.children:
            outer_place = p.name(child) if child.dep_ == "poss" else None
            if outer_place is not None and outer_place != place:
                yield FoundRelation(place, outer_place, "in", "located_in", "located-in")
            if child.dep_ == "prep" and child.lower_ == "in":
                for pobj in child.children:
                    outer_place = p.name(pobj) if pobj.dep_ == "pobj" else None
                    if outer_place is not None and outer_place != place:
                        yield FoundRelation(place, outer_place, "in", "located_in", "place-in")


def _comma_chains(p: Parsed) -> list[list[int]]:
    """Runs of places written "A, B, C" with nothing but compass words ("southwest") or a possessive place
    between a comma and the next name; a run that goes on with "and" or "or" is a list, not a containment."""
    chains: list[list[int]] = []
    chain: list[int] = []
    i, doc = 0, p.doc
    while i < len(doc):
        place = p.name(doc[i])
        if place is None:
            i += 1
            continue
        end = i
        while end + 1 < len(doc) and p.mention_of.get(end + 1) == place:
            end += 1
        chain.append(place)
        j = end + 1
        if j < len(doc) and doc[j].text == ",":
            k = j + 1
            while (
                k < len(doc)
                and doc[k].lower_ not in _WORDS.CONJUNCTIONS
                and (doc[k].lower_ in _WORDS.COMPASS_WORDS or doc[k].tag_ == "POS" or _possessor(p, k))
            ):
                k += 1
            if k < len(doc) and p.name(doc[k]) is not None and not _subject(p, k):
                i = k
                continue
        after = doc[j].lower_ if j < len(doc) else ""
        if len(chain) > 1 and after not in _WORDS.CONJUNCTIONS and doc[j - 1].lower_ not in _WORDS.CONJUNCTIONS:
            chains.append(chain)
        chain = []
        i = j
    return chains


def _subject(p: Parsed, k: int) -> bool:
    """Whether the name starting at ``k`` is a clause's subject: "After the Soviet Union, Germany kept ..."
    has a comma between two places, and no containment."""
    mention = p.mention_of[k]
    return any(
        t.dep_ in _SUBJECTS | _PASSIVE
        for t in p.doc[k:]
        if p.mention_of.get(t.i) == mention and p.mention_of.get(t.head.i) != mention
    )


def _possessor(p: Parsed, k: int) -> bool:
    """A word of a place written in the possessive ("China's") before the next name."""
    mention = p.name(p.doc[k])
    end = k
    while mention is not None and end + 1 < len(p.doc) and p.mention_of.get(end + 1) == mention:
        end += 1
    return mention is not None and end + 1 < len(p.doc) and p.doc[end + 1].tag_ == "POS"


#: Every rule, by name: what it reads, and the function.
RULES: tuple[tuple[str, Callable[[Parsed], Iterator[FoundRelation]]], ...] = (
    ("role", roles),
    ("action", actions),
    ("event-place", event_places),
    ("event-date", event_dates),
    ("located-in", containments),  # and place-in
)


def relations(p: Parsed) -> list[FoundRelation]:
    """Every relation the sentence states, each once."""
    return list(dict.fromkeys(r for _, rule in RULES for r in rule(p)))
