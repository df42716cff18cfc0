"""Each resolution rule on hand-made mentions, without spaCy: the rule function alone (the unions it
proposes) and through ``resolve`` (which names merge, the label, the type, the rule recorded)."""

import subprocess
import sys

import pytest
from graphbuild.resolve import Corpus, resolve
from graphbuild.resolve.rules import (
    CORPUS_RULES,
    acronym_initials,
    blended_names,
    clipped_forms,
    country_names,
    damaged_names,
    definitions,
    dropped_given_names,
    heads_of_names,
    initialled_words,
    inverted_names,
    middle_initials,
    nicknames,
    org_short_forms,
    place_variants,
    qualified_names,
    spelling_variants,
    spellings,
    stray_words,
)
from graphbuild.resolve.short_forms import (
    DOCUMENT_RULES,
)
from graphbuild.resolve.typevote import Votes
from graphbuild.resolve.unionfind import UnionFind

from helpers import document, entities, extraction, rules

IN_DOCUMENT, ACROSS_CORPUS = DOCUMENT_RULES


def proposals(rule, docs) -> set[tuple[str, str]]:
    """The (alias key, target key) unions one corpus rule proposes on its own, other than a name to itself."""
    return {(alias, target) for alias, target, _ in rule(Corpus.collect(docs), UnionFind()) if alias != target}


@pytest.mark.processes
def test_the_resolver_imports_no_spacy():
    code = "import sys, graphbuild.resolve; print(sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'))"
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (run.returncode, run.stdout.strip()) == (0, "[]"), run.stderr


def test_the_rules_are_declared_once_in_the_order_of_their_priority():
    names = [rule.name for rule in CORPUS_RULES] + [rule.name for rule in DOCUMENT_RULES]
    assert names == [
        "country-name",
        "place-variant",
        "middle-initial",
        "stray-word",
        "damaged-characters",
        "spelling-variant",
        "nickname",
        "dropped-given-name",
        "initialled-word",
        "qualified-name",
        "spelling",
        "inverted-name",
        "definition",
        "acronym-initials",
        "org-short-form",
        "head-of-name",
        "clipped-form",
        "blended-name",
        "short-name-in-document",
        "short-name-corpus",
    ]


# Type votes


def test_votes_add_with_a_weight_subtract_to_what_is_left_and_rank_ties_by_priority():
    votes = Votes({"Organization": 1.0})
    votes.add({"Organization": 2.0, "Person": 4.0}, 0.25)
    assert votes == {"Organization": 1.5, "Person": 1.0} and votes["Event"] == 0.0
    assert votes.minus({"Organization": 0.5, "Person": 1.0}) == {"Organization": 1.0}
    assert votes.total() == 2.5 and votes.winner() == "Organization"
    assert Votes({"Place": 1.0, "Event": 1.0}).ranking() == ["Event", "Place", "Person", "Organization"]
    assert Votes().winner() == "Person"


def test_a_name_is_one_entity_whose_type_is_voted_by_all_its_mentions():
    res = resolve([extraction("d", [[("Jordan", "Person"), ("Jordan", "Place"), ("Jordán", "Place")]])])
    assert [(e.key, e.mentions) for e in res.entities] == [("place/jordan", 3)]
    assert res.entities[0].typing == "type voted Place 5, Person 1"  # 2 NER labels, 3 known place names


def test_a_tied_vote_lists_the_winner_first_whatever_the_order_of_the_mentions():
    for order in (("Organization", "Person"), ("Person", "Organization")):
        res = resolve([extraction("d", [[("Carver", t)] for t in order])])
        assert (res.entities[0].type, res.entities[0].typing) == ("Person", "type voted Person 1, Organization 1")


def test_a_modifier_use_does_not_type_a_person_as_an_organization():
    docs = [
        document(
            f"d{i}",
            "Mr Trump said no. The Trump administration and the Trump administration agreed.",
            {"Trump": "Organization"},
        )
        for i in range(2)
    ]
    assert entities(resolve(docs))["Trump"].type == "Person"


def test_conjoined_names_share_type_evidence_and_place_nouns_mark_places():
    docs = [
        document(
            "a",
            "Our hometown is Yulmed and our homeland is China. The hearts of Drolkar and Yangzom.",
            {"Yulmed": "Person", "China": "Place", "Drolkar": "Organization", "Yangzom": "Person"},
        )
    ]
    found = entities(resolve(docs))
    assert (found["Yulmed"].type, found["Drolkar"].type, found["Yangzom"].type) == ("Place", "Person", "Person")


def test_the_mentions_a_rule_moved_weigh_less_in_the_vote():
    text = "Wang Huning arrived. Wang Huning left. " + "Wang left. " * 5
    res = resolve([document("d", text.strip(), {"Wang Huning": "Person", "Wang": "Organization"})])
    (entity,) = res.entities
    assert (entity.label, entity.type, entity.mentions) == ("Wang Huning", "Person", 7)
    assert entity.typing == "type voted Person 2, Organization 1.25"  # five ORG votes at ALIAS_WEIGHT


# The same name


def test_same_name_and_type_merge_and_keep_every_surface_form():
    ex = extraction("d", [[("Wang Huning", "Person"), ("WANG HUNING", "Person")], [("Wang Huning", "Person")]])
    res = resolve([ex])
    assert len(res.entities) == 1
    entity = res.entities[0]
    assert (entity.label, entity.mentions, entity.aliases, entity.key) == (
        "Wang Huning",
        3,
        ("WANG HUNING",),
        "person/wang-huning",
    )
    assert rules(entity) == {"WANG HUNING": "same-name"}
    assert {res.key_of(m) for m in ex.mentions} == {"person/wang-huning"}


def test_a_title_is_stripped_for_matching_and_kept_as_an_alias():
    docs = [
        document("a", "Theresa May spoke. Mrs May said yes.", {"Theresa May": "Person", "Mrs May": "Person"}),
        document("b", "Prime Minister Theresa May left.", {"Prime Minister Theresa May": "Person"}),
    ]
    found = entities(resolve(docs))
    assert list(found) == ["Theresa May"]
    assert {"Mrs May", "Prime Minister Theresa May"} <= set(found["Theresa May"].aliases)
    assert rules(found["Theresa May"])["Prime Minister Theresa May"] == "same-name"


# Corpus rules, in their order


def test_countries_and_their_short_forms_are_one_place():
    docs = [
        document(
            "a",
            "The U.S. and the US. In the United States and America.",
            {"U.S.": "Place", "US": "Place", "United States": "Place", "America": "Place"},
        ),
        document("b", "Britain and the UK.", {"Britain": "Place", "UK": "Place"}),
    ]
    assert ("america", "united states") in proposals(country_names, docs)
    found = entities(resolve(docs))
    assert set(found) == {"United States", "United Kingdom"} or set(found) == {"United States", "Britain"}
    us = found["United States"]
    assert {"U.S.", "US", "America"} <= set(us.aliases) and rules(us)["America"] == "country-name"


def test_an_alternate_name_of_a_country_joins_it_only_where_the_corpus_types_it_a_place():
    docs = [
        document("a", "In Holland and in the Netherlands.", {"Holland": "Place", "Netherlands": "Place"}),
        document("b", "Guiana smiled. In Guyana.", {"Guiana": "Person", "Guyana": "Place"}),  # French Guiana's
    ]
    assert proposals(country_names, docs) == {("holland", "netherlands")}
    assert rules(entities(resolve(docs))["Netherlands"]) == {"Holland": "country-name"}


def test_a_place_with_an_administrative_word_is_the_place():
    docs = [
        document(
            "a",
            "Shannan City and Shannan. Kingdom of Yulmed and Yulmed. Washington State and Washington.",
            {
                "Shannan City": "Place",
                "Shannan": "Place",
                "Kingdom of Yulmed": "Place",
                "Yulmed": "Place",
                "Washington State": "Place",
                "Washington": "Place",
            },
        )
    ]
    assert proposals(place_variants, docs) == {("shannan city", "shannan"), ("kingdom of yulmed", "yulmed")}
    found = entities(resolve(docs))
    assert rules(found["Shannan"]) == {"Shannan City": "place-variant"}
    assert rules(found["Yulmed"]) == {"Kingdom of Yulmed": "place-variant"}
    assert {"Washington State", "Washington"} <= set(found)  # a state is not its namesake


def test_a_middle_initial_is_the_same_person():
    docs = [document("a", "Donald J. Trump and Donald Trump.", {"Donald J. Trump": "Person", "Donald Trump": "Person"})]
    assert proposals(middle_initials, docs) == {("donald j trump", "donald trump")}
    found = entities(resolve(docs))
    assert list(found) == ["Donald Trump"] and rules(found["Donald Trump"])["Donald J. Trump"] == "middle-initial"


def test_a_word_the_corpus_never_names_alone_before_a_persons_name_is_stripped():
    people = {"Devin Nunes": "Person", "Chair Devin Nunes": "Person", "Nunes": "Person", "Kim Jong Un": "Person"}
    docs = [
        document(
            "a", "Chair Devin Nunes spoke. Devin Nunes left. Kim Jong Un and Jong Un.", people | {"Jong Un": "Person"}
        ),
        document("b", "Devin Nunes again. Kim Jong Un again. Nunes said.", people),
        document("c", "Donald Trump and Trump Tower.", {"Donald Trump": "Person", "Trump Tower": "Place"}),
    ]
    # not "Kim Jong Un" = "Jong Un": the rest is mentioned less often; not a two-word name (Donald Trump)
    assert proposals(stray_words, docs) == {("chair devin nunes", "devin nunes")}
    found = entities(resolve(docs))
    assert rules(found["Devin Nunes"])["Chair Devin Nunes"] == "stray-word"
    assert "'Chair' before the name" in {m.detail for m in found["Devin Nunes"].merges}
    nunes_only = [
        document(
            "d",
            "Chair Devin Nunes spoke. Chair said no. Devin Nunes left. Devin Nunes won.",
            people | {"Chair": "Person"},
        )
    ]
    assert proposals(stray_words, nunes_only) == set()  # "Chair" is a name on its own there


def test_a_name_with_lost_characters_joins_the_one_intact_name_it_can_be_read_as():
    docs = [
        document(
            "a",
            "Sinn F\ufffd\ufffdin won. Sinn Féin lost.",
            {"Sinn F\ufffd\ufffdin": "Organization", "Sinn Féin": "Organization"},
        )
    ]
    assert proposals(damaged_names, docs) == {("sinn f\ufffd\ufffdin", "sinn fein")}
    found = entities(resolve(docs))
    assert list(found) == ["Sinn Féin"] and rules(found["Sinn Féin"])["Sinn F\ufffd\ufffdin"] == "damaged-characters"


def test_lost_characters_match_names_with_regex_characters_too():
    docs = [
        document(
            "a",
            "AT&T\\ Co F\ufffd\ufffdo rose. AT&T\\ Co Féo fell.",
            {"AT&T\\ Co F\ufffd\ufffdo": "Organization", "AT&T\\ Co Féo": "Organization"},
        )
    ]
    assert list(entities(resolve(docs))) == ["AT&T\\ Co Féo"]


def test_spelling_variants_initialled_words_and_qualified_names_are_one_entity():
    docs = [
        document(
            "a",
            "Sergei Lavrov met them. Hilary Clinton too. N Korea and North Korea.",
            {"Sergei Lavrov": "Person", "Hilary Clinton": "Person", "N Korea": "Place", "North Korea": "Place"},
        ),
        document(
            "b",
            "Sergey Lavrov spoke. Sergey Lavrov left. Hillary Clinton spoke. Hillary Clinton left. The US Senate "
            "and the Senate. The Samsung Group and Samsung.",
            {
                "Sergey Lavrov": "Person",
                "Hillary Clinton": "Person",
                "US Senate": "Organization",
                "Senate": "Organization",
                "Samsung Group": "Organization",
                "Samsung": "Organization",
            },
        ),
        document(
            "c",
            "Mike Flynn and Michael Flynn. Ivana Trump and Ivanka Trump.",
            {"Mike Flynn": "Person", "Michael Flynn": "Person", "Ivana Trump": "Person", "Ivanka Trump": "Person"},
        ),
    ]
    assert proposals(spelling_variants, docs) == {
        ("sergei lavrov", "sergey lavrov"),
        ("hilary clinton", "hillary clinton"),
    }
    assert proposals(initialled_words, docs) == {("n korea", "north korea")}
    assert proposals(qualified_names, docs) == {("us senate", "senate"), ("samsung group", "samsung")}
    found = entities(resolve(docs))
    assert rules(found["Sergey Lavrov"])["Sergei Lavrov"] == "spelling-variant"
    assert rules(found["Hillary Clinton"])["Hilary Clinton"] == "spelling-variant"
    assert rules(found["North Korea"])["N Korea"] == "initialled-word"
    assert rules(found["Senate"])["US Senate"] == rules(found["Samsung"])["Samsung Group"] == "qualified-name"
    assert rules(found["Michael Flynn"])["Mike Flynn"] == "nickname"  # a nickname is no spelling variant
    assert {"Ivana Trump", "Ivanka Trump"} <= set(found)  # named in one document: two people


def test_one_name_in_two_romanizations_is_one_person_even_in_one_document():
    names = {"Alexei Navalny": "Person", "Alexey Navalny": "Person", "Aleksei Navalny": "Person"}
    trumps = {"Ivana Trump": "Person", "Ivanka Trump": "Person"}
    texts = ["Alexei Navalny spoke. Alexey Navalny left. Alexei Navalny came back.", "Aleksei Navalny spoke."]
    docs = [document(str(i), text, names) for i, text in enumerate(texts)]
    docs.append(document("t", "Ivana Trump and Ivanka Trump.", trumps))
    assert proposals(spelling_variants, docs) == {
        ("alexey navalny", "alexei navalny"),
        ("aleksei navalny", "alexei navalny"),
    }
    found = entities(resolve(docs))
    assert found["Alexei Navalny"].mentions == 4
    assert {"Ivana Trump", "Ivanka Trump"} <= set(found)  # one letter apart in one document, no romanization


def test_a_name_that_drops_a_given_name_is_the_one_longer_name_it_ends():
    people = {"Recep Tayyip Erdogan": "Person", "Tayyip Erdogan": "Person", "Jong Un": "Person"}
    docs = [
        document("a", "Recep Tayyip Erdogan spoke. Recep Tayyip Erdogan left.", people),
        document("b", "Tayyip Erdogan came. Kim Jong Un and Jong Un.", people | {"Kim Jong Un": "Person"}),
        document("c", "Kim Jong Un met Ri Jong Un.", {"Kim Jong Un": "Person", "Ri Jong Un": "Person"}),
    ]
    # "Jong Un" ends two longer names: which one is not for a rule to guess
    assert proposals(dropped_given_names, docs) == {("tayyip erdogan", "recep tayyip erdogan")}
    assert rules(entities(resolve(docs))["Recep Tayyip Erdogan"]) == {"Tayyip Erdogan": "dropped-given-name"}


def test_a_nickname_joins_the_one_full_first_name_of_its_surname():
    names = {"Michael Flynn": "Person", "Mike Flynn": "Person", "Bill Smith": "Person", "Chris Smith": "Person"}
    docs = [
        document("a", "Michael Flynn met Mike Flynn. Michael Flynn left.", names),
        document(
            "b",
            "Christopher Smith, Christine Smith and Chris Smith. Bill Smith spoke.",
            names | {"Christopher Smith": "Person", "Christine Smith": "Person"},
        ),
        document("c", "Mike Flynn and Mike Pence.", {"Mike Flynn": "Person", "Mike Pence": "Person"}),
    ]
    # "Chris" is a nickname of Christopher and of Christine: which one is not for a rule to guess
    assert proposals(nicknames, docs) == {("mike flynn", "michael flynn")}
    found = entities(resolve(docs))
    assert found["Michael Flynn"].mentions == 4 and rules(found["Michael Flynn"]) == {"Mike Flynn": "nickname"}
    assert {"Chris Smith", "Christine Smith", "Christopher Smith", "Bill Smith", "Mike Pence"} <= set(found)


def test_a_definition_in_the_text_joins_names_across_the_corpus():
    docs = [
        document(
            "a",
            "Daesh (Islamic State) fled. Islamic State (ISIS) fought.",
            {"Daesh": "Organization", "Islamic State": "Organization", "ISIS": "Place"},
        ),
        document("b", "Daesh fled again. ISIS too.", {"Daesh": "Organization", "ISIS": "Place"}),
    ]
    assert proposals(definitions, docs) == {("daesh", "islamic state"), ("isis", "islamic state")}
    found = entities(resolve(docs))
    assert list(found) == ["Islamic State"]
    assert found["Islamic State"].mentions == 6 and rules(found["Islamic State"])["Daesh"] == "definition"


def test_an_alias_cue_defines_another_name():
    docs = [
        document(
            "a",
            "Islamic State, also known as Daesh, fought.",
            {"Islamic State": "Organization", "Daesh": "Organization"},
        )
    ]
    found = entities(resolve(docs))
    assert list(found) == ["Islamic State"]
    assert found["Islamic State"].merges[0].detail == "defined as the same in the text (1 times)"


def test_two_places_in_brackets_define_nothing():
    docs = [document("a", "Aleppo (Syria) fell.", {"Aleppo": "Place", "Syria": "Place"})]
    assert proposals(definitions, docs) == set()
    assert set(entities(resolve(docs))) == {"Aleppo", "Syria"}


def test_an_acronym_joins_the_name_of_its_initials_named_beside_it():
    docs = [
        document(
            "a",
            "The European Union and the EU met. The FBI and the Federal Bureau of Investigation.",
            {
                "European Union": "Organization",
                "EU": "Organization",
                "FBI": "Organization",
                "Federal Bureau of Investigation": "Organization",
            },
        ),
        document(
            "b", "The EU said no. The European Union agreed.", {"EU": "Organization", "European Union": "Organization"}
        ),
        document(
            "c",
            "The FBI and the Federal Bureau of Investigation.",
            {"FBI": "Organization", "Federal Bureau of Investigation": "Organization"},
        ),
    ]
    assert proposals(acronym_initials, docs) == {("eu", "european union"), ("fbi", "federal bureau of investigation")}
    found = entities(resolve(docs))
    assert set(found) == {"European Union", "Federal Bureau of Investigation"}
    assert found["European Union"].mentions == 4 and rules(found["European Union"])["EU"] == "acronym-initials"


def test_a_lone_head_noun_is_the_one_organization_it_ends():
    one = [
        document(
            "a",
            "The Communist Party of China met. The Party agreed.",
            {"Communist Party of China": "Organization", "Party": "Organization"},
        )
    ]
    assert proposals(org_short_forms, one) == {("party", "communist party of china")}
    found = entities(resolve(one))
    assert list(found) == ["Communist Party of China"]
    assert rules(found["Communist Party of China"]) == {"Party": "org-short-form"}
    two = [
        document(
            "b",
            "The Labour Party and the Conservative Party met. The Party agreed.",
            {"Labour Party": "Organization", "Conservative Party": "Organization", "Party": "Organization"},
        )
    ]
    assert proposals(org_short_forms, two) == set()


def test_a_clipped_form_joins_the_organization_named_beside_it():
    docs = [
        document(
            "a",
            "The Federal Reserve met. The Fed raised rates.",
            {"Federal Reserve": "Organization", "Fed": "Organization"},
        ),
        document(
            "b", "The Fed waited. The Federal Reserve did not.", {"Fed": "Person", "Federal Reserve": "Organization"}
        ),
    ]
    assert proposals(clipped_forms, docs) == {("fed", "federal reserve")}
    found = entities(resolve(docs))
    assert list(found) == ["Federal Reserve"] and rules(found["Federal Reserve"])["Fed"] == "clipped-form"


def test_a_name_in_camel_case_joins_the_organization_whose_words_its_parts_begin():
    names = {"HuffPost": "Person", "Huffington Post": "Organization", "McDonald": "Person"}
    docs = [document(d, "The Huffington Post said so. HuffPost and McDonald agreed.", names) for d in "ab"]
    docs.append(document("c", "McDonald's Corporation sold more.", {"McDonald's Corporation": "Organization"}))
    assert proposals(blended_names, docs) == {("huffpost", "huffington post")}  # "Mc" is too short a part
    assert rules(entities(resolve(docs))["Huffington Post"]) == {"HuffPost": "blended-name"}


def test_an_organization_named_by_head_noun_and_complement_either_way_is_one():
    names = {"Justice Department": "Organization", "Department of Justice": "Organization"}
    docs = [
        document("a", "The Justice Department said. The Department of Justice said again.", names),
        document("b", "The Justice Department and the Justice Ministry.", names | {"Justice Ministry": "Organization"}),
    ]
    assert proposals(inverted_names, docs) == {("department of justice", "justice department")}
    found = entities(resolve(docs))
    assert found["Justice Department"].mentions == 3  # "Justice" is a judge's title, not before a head noun
    assert "Justice Ministry" in found


def test_a_head_noun_a_name_is_written_without_and_the_word_linking_a_complement_change_nothing():
    names = {"Labour": "Organization", "Labour party": "Organization", "Department for Transport": "Organization"}
    names |= {"Congress": "Organization", "Congress party": "Organization"}  # "Congress" is a head noun itself
    docs = [
        document(
            "a",
            "Labour and the Labour party. The Department for Transport spoke. Congress and the Congress party.",
            names,
        )
    ]
    docs.append(
        document(
            "b",
            "Labour won. The Department of Transport.",
            {"Labour": "Organization", "Department of Transport": "Organization"},
        )
    )
    assert proposals(qualified_names, docs) == {("labour party", "labour")}  # the less mentioned joins
    assert proposals(inverted_names, docs) == {("department for transport", "department of transport")}
    found = entities(resolve(docs))
    labour = next(e for e in found.values() if "Labour" in (e.label, *e.aliases))
    assert labour.mentions == 3 and found["Department of Transport"].mentions == 2


def test_an_acronym_named_once_beside_the_one_long_name_of_its_initials_is_it():
    names = {"Department of Trade and Industry": "Organization", "DTI": "Organization"}
    docs = [document("a", "The Department of Trade and Industry (the DTI) said so.", names)]
    docs.append(document("b", "The DTI said no.", {"DTI": "Organization"}))
    assert proposals(acronym_initials, docs) == {("dti", "department of trade and industry")}


def test_a_country_before_an_organization_qualifies_it_only_where_its_documents_name_the_country():
    senate = {"US Senate": "Organization", "Senate": "Organization", "US": "Place"}
    docs = [document(f"s{i}", "The US Senate voted. The Senate agreed. The US waits.", senate) for i in range(3)]
    docs += [document(f"n{i}", "The House voted.", {"House": "Organization"}) for i in range(5)]
    docs.append(
        document(
            "g",
            "The Georgia House voted. The House agreed.",
            {"Georgia House": "Organization", "House": "Organization"},
        )
    )
    assert proposals(qualified_names, docs) == {("us senate", "senate")}


def test_british_and_american_spellings_of_a_name_are_one():
    names = {"North Atlantic Treaty Organization": "Organization", "North Atlantic Treaty Organisation": "Organization"}
    docs = [
        document(
            "a", "The North Atlantic Treaty Organization met. So did the North Atlantic Treaty Organization.", names
        )
    ]
    docs.append(
        document(
            "b",
            "The North Atlantic Treaty Organisation. Labour and Labor.",
            names | {"Labour": "Organization", "Labor": "Organization"},
        )
    )
    assert proposals(spellings, docs) == {("north atlantic treaty organisation", "north atlantic treaty organization")}


def test_a_lone_head_noun_is_the_organization_it_heads_before_a_complement_that_the_corpus_names_beside_it():
    names = {"House of Representatives": "Organization", "House": "Organization"}
    docs = [document(f"d{i}", "The House of Representatives voted. The House agreed.", names) for i in range(3)]
    docs.append(
        document(
            "uk",
            "The House of Commons voted. The White House watched.",
            {"House of Commons": "Organization", "White House": "Organization"},
        )
    )
    assert proposals(heads_of_names, docs) == {("house", "house of representatives")}


def test_a_country_with_an_administrative_word_after_it_is_a_place_in_it():
    places = {"Mexico City": "Place", "Mexico": "Place", "Shannan City": "Place", "Shannan": "Place"}
    docs = [document("a", "Mexico City is in Mexico. Shannan City is Shannan.", places)]
    assert proposals(place_variants, docs) == {("shannan city", "shannan")}


def test_a_whole_word_is_no_clipping_and_a_country_in_a_name_stays():
    docs = [
        document(
            f"d{i}",
            "Congress and the Congressional Budget Office met. China Daily European Weekly "
            "reported. China Daily European Weekly again.",
            {
                "Congress": "Organization",
                "Congressional Budget Office": "Organization",
                "China Daily European Weekly": "Organization",
                "Daily European Weekly": "Organization",
                "China": "Place",
            },
        )
        for i in range(3)
    ]
    docs.append(document("e", "Daily European Weekly was quoted.", {"Daily European Weekly": "Organization"}))
    assert proposals(clipped_forms, docs) == proposals(qualified_names, docs) == set()
    found = entities(resolve(docs))
    assert {"Congress", "Congressional Budget Office", "China Daily European Weekly"} <= set(found)
