"""The per-document rules (short forms), the aliases file and the fragments dropped, on hand-made mentions
without spaCy (the corpus rules are in test_resolve_rules.py)."""

from graphbuild.graph.cooccur import cooccur
from graphbuild.records import Document, Extraction, Mention, Sentence
from graphbuild.resolve import Corpus, resolve
from graphbuild.resolve.aliases import Aliases
from graphbuild.resolve.short_forms import (
    DOCUMENT_RULES,
    holder_across_corpus,
    named_in_document,
    short_forms,
    short_names,
)
from graphbuild.resolve.unionfind import UnionFind

from helpers import document, entities, rules

IN_DOCUMENT, ACROSS_CORPUS = DOCUMENT_RULES


# Document rules: short forms


def trump_corpus():
    docs = [
        document(f"d{i}", "Donald Trump met them. Trump said no.", {"Donald Trump": "Person", "Trump": "Person"})
        for i in range(5)
    ]
    docs.append(document("e", "Trump said it again.", {"Trump": "Organization"}))
    docs.append(document("f", "Ivanka Trump spoke. Trump smiled.", {"Ivanka Trump": "Person", "Trump": "Person"}))
    return docs


def test_a_surname_is_the_person_its_document_names_else_the_one_who_holds_it_across_the_corpus():
    corpus, same = Corpus.collect(trump_corpus()), UnionFind()
    (trump,) = short_forms(corpus, same)
    assert (trump.key, trump.surnames, trump.first_names) == ("trump", ["donald trump", "ivanka trump"], [])
    assert [named_in_document(trump, doc) for doc in ("d0", "e", "f")] == ["donald trump", None, "ivanka trump"]
    assert holder_across_corpus(trump, "f") == "donald trump"
    redirect = short_names(corpus, same)
    assert redirect[("d0", "trump")] == ("donald trump", IN_DOCUMENT)
    assert redirect[("e", "trump")] == ("donald trump", ACROSS_CORPUS)
    assert redirect[("f", "trump")] == ("ivanka trump", IN_DOCUMENT)  # the first rule that finds one wins
    found = entities(resolve(trump_corpus()))
    assert set(found) == {"Donald Trump", "Ivanka Trump"}
    donald, ivanka = found["Donald Trump"], found["Ivanka Trump"]
    assert donald.mentions == 11 and donald.type == "Person"
    assert {g.rule for g in donald.merges if g.alias == "Trump"} == {"short-name-in-document", "short-name-corpus"}
    assert ivanka.mentions == 2


def test_a_first_name_is_the_person_its_document_names_and_nobody_elsewhere():
    docs = [
        document("a", "Ivanka Trump spoke. Ivanka smiled.", {"Ivanka Trump": "Person", "Ivanka": "Person"}),
        document("b", "Ivanka smiled again.", {"Ivanka": "Person"}),
    ]
    found = entities(resolve(docs))
    assert rules(found["Ivanka Trump"]) == {"Ivanka": "short-name-in-document"}
    assert found["Ivanka"].documents == ("b",)  # a first name has no corpus-wide holder


def test_a_short_form_goes_only_to_a_full_name_that_can_own_it():
    # "Trump": Donald Trump holds it in most of its documents, so it starts no name ("Trump Says"), and no
    # compound hyphenated to it ("pro-Trump") or name ending in an organization ("Trump White House") owns it
    docs = [
        document(f"d{i}", "Donald Trump spoke. Trump smiled.", {"Donald Trump": "Person", "Trump": "Person"})
        for i in range(8)
    ]
    docs += [
        document("says", "Trump Says No. Trump left.", {"Trump Says": "Person", "Trump": "Person"}),
        document("pro", "A pro-Trump rally. Trump came.", {"pro-Trump": "Person", "Trump": "Person"}),
        document(
            "wh",
            "The Trump White House said so. The White House and Trump agree.",
            {"Trump White House": "Person", "White House": "Organization", "Trump": "Person"},
        ),
    ]
    docs += [document(f"w{i}", "The White House spoke.", {"White House": "Organization"}) for i in range(6)]
    # "London": its documents mostly name no person it could be short for, so "Inner London" gets none of it
    docs += [document(f"l{i}", "London is big.", {"London": "Place"}) for i in range(5)]
    docs.append(document("in", "Inner London voted. London counted.", {"Inner London": "Person", "London": "Place"}))
    # "Chu": a surname nobody holds across most of its documents may still be the first word, as written first
    docs.append(document("c1", "Chu Siming spoke. Chu smiled.", {"Chu Siming": "Person", "Chu": "Person"}))
    docs.append(document("c2", "Ken Chu spoke. Chu smiled.", {"Ken Chu": "Person", "Chu": "Person"}))
    corpus, same = Corpus.collect(docs), UnionFind()
    owners = {s.key: (s.surnames, s.first_names) for s in short_forms(corpus, same)}
    assert owners["trump"] == (["donald trump"], [])
    assert "london" not in owners and "white house" not in owners
    assert owners["chu"] == (["ken chu"], ["chu siming"])
    found = entities(resolve(docs))
    assert found["Donald Trump"].mentions == 8 * 2 + 3  # the lone "Trump" in "says", "pro" and "wh" is his
    assert all(found[n].aliases == () for n in ("Trump Says", "pro-Trump", "Trump White House", "Inner London"))
    assert found["London"].mentions == 6 and found["White House"].mentions == 7
    assert rules(found["Chu Siming"]) == {"Chu": "short-name-in-document"}


def test_a_titled_surname_is_the_one_person_of_that_surname_though_seldom_named_in_full():
    # a wire that writes "President Reagan" and "Reagan", and "Ronald Reagan" once
    docs = [
        document("r", "Ronald Reagan spoke. President Reagan left.", {"Ronald Reagan": "Person", "Reagan": "Person"})
    ]
    docs += [document(f"d{i}", "President Reagan spoke. Reagan left.", {"Reagan": "Person"}) for i in range(6)]
    docs += [
        document(
            "b",
            "James Baker and Howard Baker met. Mr Baker spoke.",
            {"James Baker": "Person", "Howard Baker": "Person", "Baker": "Person"},
        )
    ]
    docs += [document(f"b{i}", "Mr Baker spoke.", {"Baker": "Person"}) for i in range(3)]
    found = entities(resolve(docs))
    reagan = found["Ronald Reagan"]
    assert reagan.mentions == 2 + 6 * 2 and "short-name-corpus" in {
        g.rule for g in reagan.merges if g.alias == "Reagan"
    }
    assert "Baker" in found  # two people of that surname: no guess


def test_people_who_share_a_surname_are_never_merged():
    docs = [
        document(
            "a",
            "Barack Obama and Michelle Obama arrived. Obama said hi.",
            {"Barack Obama": "Person", "Michelle Obama": "Person", "Obama": "Person"},
        ),
        document(
            "b", "Bill Clinton spoke. Hillary Clinton spoke.", {"Bill Clinton": "Person", "Hillary Clinton": "Person"}
        ),
    ]
    found = entities(resolve(docs))
    assert {"Barack Obama", "Michelle Obama", "Bill Clinton", "Hillary Clinton"} <= set(found)
    assert "Obama" in found  # two holders in the document: left alone rather than guessed


# The aliases file, last


def test_the_aliases_file_merges_keeps_apart_and_types_last():
    docs = [
        document(
            f"d{i}",
            "Donald Trump met them. Trump said no. POTUS laughed. Brexit loomed.",
            {"Donald Trump": "Person", "Trump": "Person", "POTUS": "Organization", "Brexit": "Person"},
        )
        for i in range(2)
    ]
    aliases = Aliases(
        merge=(("Donald Trump", "POTUS", "Nobody Here"),), never=(("Donald Trump", "Trump"),), types={"Brexit": "Event"}
    )
    res = resolve(docs, aliases)
    found = entities(res)
    assert rules(found["Donald Trump"])["POTUS"] == "aliases-file"
    assert "Trump" in found  # kept apart
    assert found["Brexit"].type == "Event" and "aliases file" in found["Brexit"].typing
    assert res.notes == (
        "aliases file: Nobody Here not found in the corpus",
        "trump ~ donald trump (short-name-in-document): kept apart by the aliases file",
    )


# What is left of an entity


def fragment_document(doc_id: str, name: str, headline: bool, nested: bool) -> Extraction:
    text = f"{name} met."
    sentence = Sentence(doc_id, 0, 0, 0, len(text), text)
    mention = Mention(doc_id, 0, 0, 0, len(name), 0, name, "ORG", "Organization", headline, nested)
    return Extraction(Document(doc_id, f"{doc_id}.txt", (text,)), (sentence,), (mention,), 3)


def test_organizations_named_only_in_headlines_or_inside_events_are_dropped():
    docs = [
        fragment_document("a", "Pairing Development", headline=True, nested=False),
        fragment_document("b", "Democratic Reform", headline=False, nested=True),
        fragment_document("c", "Xinhua", headline=True, nested=False),
        fragment_document("d", "Xinhua", headline=False, nested=False),
    ]
    res = resolve(docs)
    assert [e.label for e in res.entities] == ["Xinhua"]
    assert res.dropped == (
        "Pairing Development: organization named only in Title Case headlines",
        "Democratic Reform: organization named only inside event names",
    )
    assert res.key_of(docs[0].mentions[0]) is None and res.key_of(docs[2].mentions[0]) == "organization/xinhua"


def test_a_timestamp_taken_for_a_name_is_dropped():
    docs = [
        document(
            "a",
            "Posted 10:45pm PDT. Said at 6.05pm Connolly.",
            {"10:45pm PDT": "Organization", "6.05pm Connolly": "Person"},
        ),
        document("b", "Resolution 2254 passed.", {"Resolution 2254": "Organization"}),
    ]
    res = resolve(docs)
    assert [e.label for e in res.entities] == ["Resolution 2254"]
    assert sorted(res.dropped) == ["10:45pm PDT: a clock time, not a name", "6.05pm Connolly: a clock time, not a name"]


def test_a_name_that_goes_on_with_a_common_word_or_an_acronym_owns_no_first_name():
    # "live" is written in lower case in the texts: "Facebook Live" is a product, and "Wang Huning" a person
    lower = " ".join(["They live here."] * 12)
    docs = [
        document(
            "a",
            f"Facebook Live streamed it. Facebook said so. {lower}",
            {"Facebook Live": "Person", "Facebook": "Organization"},
        ),
        document("b", "Facebook AI wrote it. Facebook said so.", {"Facebook AI": "Person", "Facebook": "Organization"}),
        document("c", "Wang Huning spoke. Wang left.", {"Wang Huning": "Person", "Wang": "Organization"}),
    ]
    owners = {s.key: s.first_names for s in short_forms(Corpus.collect(docs), UnionFind())}
    assert "facebook" not in owners and owners["wang"] == ["wang huning"]


def test_a_glued_name_of_a_place_and_a_person_is_a_mention_of_both():
    names = {"Sergey Kislyak": "Person", "US": "Place", "US Sergey Kislyak": "Organization", "Ms-Le Pen": "Person"}
    docs = [document(f"d{i}", "Sergey Kislyak met them in the US. The US said so.", names) for i in range(2)]
    docs.append(document("g", "Ambassador US Sergey Kislyak spoke. Ms-Le Pen too.", names | {"Le Pen": "Person"}))
    docs.append(document("l", "Le Pen spoke.", {"Le Pen": "Person"}))
    res = resolve(docs)
    found = entities(res)
    assert "US Sergey Kislyak" not in found and "Ms-Le Pen" in found  # "ms" is a title: no name of its own
    kislyak, us = found["Sergey Kislyak"], found["US"]
    assert kislyak.mentions == 3 and us.mentions == 5
    assert rules(kislyak)["US Sergey Kislyak"] == rules(us)["US Sergey Kislyak"] == "glued-names"
    assert "US Sergey Kislyak" in kislyak.aliases and "US Sergey Kislyak" not in us.aliases
    glued = next(m for m in docs[2].mentions if m.text == "US Sergey Kislyak")
    assert res.keys_of(glued) == (kislyak.key, us.key)
    edges = {(e.source, e.target): e for e in cooccur(docs, res)}
    assert edges[tuple(sorted((kislyak.key, us.key)))].documents == ("d0", "d1", "g")
