"""Relations as corpus facts, on hand-made extractions (no spaCy): a short form lands on its resolved entity,
the same relation in two documents is one fact, and polarity, modality and type constraints are kept."""

from dataclasses import replace

from graphbuild.records import Statement
from graphbuild.relate.facts import Facts
from graphbuild.resolve import resolve

from helpers import document


def test_statements_become_facts_on_the_resolved_entities():
    first = document(
        "a",
        "Donald Trump fired James Comey. Trump did not meet Comey. ",
        {"Donald Trump": "Person", "James Comey": "Person", "Trump": "Person", "Comey": "Person"},
    )
    first = replace(
        first,
        statements=(
            Statement(0, 0, 1, "fire", "action", "action"),
            Statement(1, 2, 3, "meet", "action", "action", negated=True),
        ),
    )
    second = document("b", "Trump fired Comey. ", {"Trump": "Person", "Comey": "Person"})
    second = replace(second, statements=(Statement(0, 0, 1, "fire", "action", "action"),))
    resolution = resolve([first, second])
    facts = Facts(resolution)
    list(facts.watch([first, second]))
    found = {(r.subject, r.predicate, r.object, r.negated, r.count, r.documents) for r in facts.relations()}
    assert found == {
        ("person/donald-trump", "fire", "person/james-comey", False, 2, ("a", "b")),  # "Trump" is Donald Trump
        ("person/donald-trump", "meet", "person/james-comey", True, 1, ("a",)),  # "did not meet" is not "met"
    }


def test_a_statement_the_kind_cannot_hold_is_refused_and_counted():
    ex = document("a", "Paris, France. Germany, France. ", {"Paris": "Place", "France": "Place", "Germany": "Place"})
    ex = replace(
        ex,
        statements=(
            Statement(0, 0, 1, "in", "located_in", "located-in"),
            Statement(1, 2, 3, "in", "located_in", "located-in"),  # a country in a country: a list, not containment
            Statement(0, 0, 1, "chairman", "role", "role"),  # a role held by a place
        ),
    )
    facts = Facts(resolve([ex]))
    list(facts.watch([ex]))
    assert [(r.subject, r.object) for r in facts.relations()] == [("place/paris", "place/france")]
    assert facts.refused == 2


def test_dates_give_a_relation_its_first_and_last_day():
    ex = document("a", "Merkel met Macron. ", {"Merkel": "Person", "Macron": "Person"})
    ex = replace(ex, statements=(Statement(0, 0, 1, "meet", "action", "action"),))
    later = replace(
        ex, document=replace(ex.document, doc_id="b"), mentions=tuple(replace(m, doc_id="b") for m in ex.mentions)
    )
    facts = Facts(resolve([ex, later]))
    list(facts.watch([ex, later]))
    [relation] = facts.relations({"a": "2017-01-02", "b": "2017-03-04"})
    assert (relation.first_seen, relation.last_seen, relation.count) == ("2017-01-02", "2017-03-04", 2)


def test_a_place_is_in_another_only_where_the_gazetteer_allows_it():
    text = "Lhasa, Xizang Autonomous Region. New York, Hong Kong. Xizang Autonomous Region, Lhasa. Ehrenfeld, Cologne. "
    names = {n: "Place" for n in ("Lhasa", "Xizang Autonomous Region", "New York", "Hong Kong", "Ehrenfeld", "Cologne")}
    ex = document("a", text, names)
    ex = replace(
        ex,
        statements=(
            Statement(0, 0, 1, "in", "located_in", "located-in"),  # a region after a comma: kept
            Statement(1, 2, 3, "in", "located_in", "located-in"),  # a US state in another country: a list
            Statement(2, 4, 5, "in", "located_in", "place-in"),  # a region in a town: never
            Statement(3, 6, 7, "in", "located_in", "place-in"),  # written "A in B": any place but a country
            Statement(3, 6, 7, "in", "located_in", "located-in"),  # after a comma, a town contains nothing
        ),
    )
    facts = Facts(resolve([ex]))
    list(facts.watch([ex]))
    assert {(r.subject, r.object, r.rules) for r in facts.relations()} == {
        ("place/lhasa", "place/xizang-autonomous-region", ("located-in",)),
        ("place/ehrenfeld", "place/cologne", ("place-in",)),
    }
    assert facts.refused == 3


def test_an_events_dates_are_read_against_its_documents_date_and_merged():
    text = "The Cairo summit opened on 8 March. The Cairo summit was on Tuesday. "
    a = document("a", text, {"Cairo summit": "Event"})
    statements = (
        Statement(0, 0, -1, "on", "event_date", "event-date", object_name="8 March"),
        Statement(1, 1, -1, "on", "event_date", "event-date", object_name="Tuesday"),  # no day a reader can date
    )
    a = replace(a, document=replace(a.document, date="2020-03-09"), statements=statements)
    b = document("b", "The Cairo summit was held on March 8, 2020. ", {"Cairo summit": "Event"})
    b = replace(b, statements=(Statement(0, 0, -1, "on", "event_date", "event-date", object_name="March 8, 2020"),))
    facts = Facts(resolve([a, b]))
    list(facts.watch([a, b]))
    [stated] = facts.event_dates()
    assert (stated.entity, stated.date, stated.count, stated.documents) == (
        "event/cairo-summit",
        "2020-03-08",
        2,
        ("a", "b"),
    )
    assert stated.evidence[0].text.startswith("The Cairo summit opened") and facts.refused == 1
