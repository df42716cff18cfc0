"""Resolution rules, each alone on hand-made mentions (no spaCy), plus the aliases file."""

import pytest
from graphbuild.aliases import Aliases, load_aliases
from graphbuild.errors import GraphbuildError
from graphbuild.names import match_key, normalize
from graphbuild.resolve import resolve

from helpers import document, extraction


def entities(res):
    return {e.label: e for e in res.entities}


def rules(entity):
    return {g.alias: g.rule for g in entity.merges}


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


def test_a_name_is_one_entity_whose_type_is_voted_by_all_its_mentions():
    res = resolve([extraction("d", [[("Jordan", "Person"), ("Jordan", "Place"), ("Jordán", "Place")]])])
    assert [(e.key, e.mentions) for e in res.entities] == [("place/jordan", 3)]
    assert res.entities[0].typing.startswith("type voted Place")


def test_a_tied_vote_lists_the_winner_first_whatever_the_order_of_the_mentions():
    for order in (("Organization", "Person"), ("Person", "Organization")):
        res = resolve([extraction("d", [[("Carver", t)] for t in order])])
        assert (res.entities[0].type, res.entities[0].typing) == ("Person", "type voted Person 1, Organization 1")


def test_match_keys_fold_dots_hyphens_titles_particles_and_possessives():
    assert match_key("U.S.") == match_key("US") == "us"
    assert match_key("Kim Jong-nam") == match_key("Kim Jong Nam")
    assert match_key("Mrs. May") == match_key("May") == "may"
    assert match_key("Bashar al-Assad") == match_key("Bashar Assad")
    assert match_key("Al Gore") == "al gore"  # a capitalised first name is no particle
    assert match_key("Trump's") == "trump"
    assert match_key("President") == "president"  # a title alone stays
    assert normalize("  People’s  Républic ") == "people's republic"


def test_keys_are_unique():
    res = resolve([extraction("d", [[("C++", "Organization"), ("C", "Organization")]])])
    assert sorted(e.key for e in res.entities) == ["organization/c", "organization/c-2"]


def test_documents_are_counted_per_entity():
    res = resolve([extraction("a", [[("Paris", "Place")]]), extraction("b", [[("Paris", "Place")]])])
    assert res.entities[0].documents == ("a", "b") and res.entities[0].mentions == 2


def test_a_surname_joins_the_one_full_name_that_holds_it_across_the_corpus():
    docs = [
        document(f"d{i}", "Donald Trump met them. Trump said no.", {"Donald Trump": "Person", "Trump": "Person"})
        for i in range(5)
    ]
    docs.append(document("e", "Trump said it again.", {"Trump": "Organization"}))
    docs.append(document("f", "Ivanka Trump spoke. Trump smiled.", {"Ivanka Trump": "Person", "Trump": "Person"}))
    res = resolve(docs)
    found = entities(res)
    assert set(found) == {"Donald Trump", "Ivanka Trump"}
    donald, ivanka = found["Donald Trump"], found["Ivanka Trump"]
    assert donald.mentions == 11 and donald.type == "Person"
    assert {g.rule for g in donald.merges if g.alias == "Trump"} == {"short-name-in-document", "short-name-corpus"}
    assert ivanka.mentions == 2 and "f" not in donald.documents  # f names a different holder


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


def test_a_title_is_stripped_for_matching_and_kept_as_an_alias():
    docs = [
        document("a", "Theresa May spoke. Mrs May said yes.", {"Theresa May": "Person", "Mrs May": "Person"}),
        document("b", "Prime Minister Theresa May left.", {"Prime Minister Theresa May": "Person"}),
    ]
    found = entities(resolve(docs))
    assert list(found) == ["Theresa May"]
    assert {"Mrs May", "Prime Minister Theresa May"} <= set(found["Theresa May"].aliases)


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


def test_countries_and_their_short_forms_are_one_place():
    docs = [
        document(
            "a",
            "The U.S. and the US. In the United States and America.",
            {"U.S.": "Place", "US": "Place", "United States": "Place", "America": "Place"},
        ),
        document("b", "Britain and the UK.", {"Britain": "Place", "UK": "Place"}),
    ]
    found = entities(resolve(docs))
    assert set(found) == {"United States", "United Kingdom"} or set(found) == {"United States", "Britain"}
    us = found["United States"]
    assert {"U.S.", "US", "America"} <= set(us.aliases) and rules(us)["America"] == "country-name"


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
    found = entities(resolve(docs))
    assert set(found) == {"European Union", "Federal Bureau of Investigation"}
    assert found["European Union"].mentions == 4 and rules(found["European Union"])["EU"] == "acronym-initials"


def test_a_definition_in_the_text_joins_names_across_the_corpus():
    docs = [
        document(
            "a",
            "Daesh (Islamic State) fled. Islamic State (ISIS) fought.",
            {"Daesh": "Organization", "Islamic State": "Organization", "ISIS": "Place"},
        ),
        document("b", "Daesh fled again. ISIS too.", {"Daesh": "Organization", "ISIS": "Place"}),
    ]
    found = entities(resolve(docs))
    assert list(found) == ["Islamic State"]
    assert found["Islamic State"].mentions == 6 and rules(found["Islamic State"])["Daesh"] == "definition"


def test_two_places_in_brackets_define_nothing():
    docs = [document("a", "Aleppo (Syria) fell.", {"Aleppo": "Place", "Syria": "Place"})]
    assert set(entities(resolve(docs))) == {"Aleppo", "Syria"}


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
    found = entities(resolve(docs))
    assert list(found) == ["Federal Reserve"] and rules(found["Federal Reserve"])["Fed"] == "clipped-form"


def test_a_name_with_lost_characters_joins_the_one_intact_name_it_can_be_read_as():
    docs = [
        document(
            "a",
            "Sinn F\ufffd\ufffdin won. Sinn Féin lost.",
            {"Sinn F\ufffd\ufffdin": "Organization", "Sinn Féin": "Organization"},
        )
    ]
    found = entities(resolve(docs))
    assert list(found) == ["Sinn Féin"] and rules(found["Sinn Féin"])["Sinn F\ufffd\ufffdin"] == "damaged-characters"


def test_a_middle_initial_is_the_same_person():
    docs = [document("a", "Donald J. Trump and Donald Trump.", {"Donald J. Trump": "Person", "Donald Trump": "Person"})]
    found = entities(resolve(docs))
    assert list(found) == ["Donald Trump"] and rules(found["Donald Trump"])["Donald J. Trump"] == "middle-initial"


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


def test_the_aliases_file_merges_keeps_apart_and_types_last(tmp_path):
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
    assert any("Nobody Here not found" in n for n in res.notes)


def test_aliases_files_in_csv_and_yaml(tmp_path):
    csv_file = tmp_path / "a.csv"
    csv_file.write_text("action,name,other\nmerge,Fed,Federal Reserve\nnever,Trump,Ivanka Trump\ntype,Brexit,event\n")
    yaml_file = tmp_path / "a.yaml"
    yaml_file.write_text(
        "merge:\n  - [Fed, Federal Reserve]\nnever:\n  - [Trump, Ivanka Trump]\ntypes:\n  Brexit: Event\n"
    )
    expected = Aliases((("Fed", "Federal Reserve"),), (("Trump", "Ivanka Trump"),), {"Brexit": "Event"})
    assert load_aliases(csv_file) == expected == load_aliases(yaml_file)
    bad = tmp_path / "bad.csv"
    bad.write_text("type,Brexit,Thing\n")
    with pytest.raises(GraphbuildError, match=r"bad.csv:1: unknown type 'Thing'"):
        load_aliases(bad)
    bad.write_text("merge,OnlyOne\n")
    with pytest.raises(GraphbuildError, match="bad.csv:1: expected merge"):
        load_aliases(bad)


def labels(graph):
    return {d["label"]: d for _, d in graph.nodes(data=True)}


def test_alias_rules_on_real_text(nlp):
    from graphbuild import api

    graph = api.build_texts(
        {
            "a.txt": "The World Health Organization (WHO) met in Geneva City on Monday.\n"
            "Tedros Adhanom Ghebreyesus spoke for the WHO. Ghebreyesus said Geneva was ready.",
            "b.txt": "The WHO warned again. Ghebreyesus was not named in this one.",
        }
    )
    nodes = labels(graph)
    who = nodes["World Health Organization"]
    assert "WHO" in who["aliases"] and who["mentions"] >= 3
    assert any(g["alias"] == "WHO" and g["rule"] in {"definition", "acronym-initials"} for g in who["merges"])
    geneva = next(d for label, d in nodes.items() if label.startswith("Geneva"))
    assert {"Geneva", "Geneva City"} <= {geneva["label"], *geneva["aliases"]}
    person = nodes["Tedros Adhanom Ghebreyesus"]
    assert "Ghebreyesus" in person["aliases"] and person["documents"] == ["a"]  # NER misses it in b
    assert not any("\n" in label for label in nodes)


def test_fragments_are_dropped_and_reported(nlp):
    from graphbuild import api

    graph = api.build_texts(
        {
            "a.txt": "Strengthen the Pairing Development between Military and Local Party Organizations\n"
            "Officials met in Beijing on Monday."
        }
    )
    assert not any("Pairing" in d["label"] for _, d in graph.nodes(data=True))
    assert any("only in Title Case headlines" in r for r in graph.graph["dropped"])


def test_one_node_per_entity_across_a_small_corpus(nlp):
    from graphbuild import api

    from conftest import ROOT

    graph = api.build([ROOT / "tests/corpus/resolution"])
    nodes = labels(graph)
    forms = {label: {label, *d["aliases"]} for label, d in nodes.items()}
    assert {"Trump", "Mr. Trump", "President Donald Trump"} & forms["Donald Trump"] >= {"Trump"}
    assert nodes["Donald Trump"]["type"] == "Person" and "02-visit" not in nodes["Donald Trump"]["documents"]
    assert nodes["Ivanka Trump"]["mentions"] >= 2  # "Trump" in the document that names her is her
    assert {"U.S.", "US"} <= forms["United States"]
    assert "EU" in forms["European Union"] and "Fed" in forms["Federal Reserve"]
    assert any({"Britain", "UK"} <= names for names in forms.values())
    assert "Merkel" in forms["Angela Merkel"] and "04-europe" in nodes["Angela Merkel"]["documents"]
    assert not [label for label in nodes if label in {"Trump", "US", "EU", "Fed", "Merkel"}]


def test_spelling_variants_initialled_words_and_qualified_names_are_one_entity():
    docs = [
        document(
            "a",
            "Sergei Lavrov met them. Hilary Clinton too. N Korea and North Korea.",
            {"Sergei Lavrov": "Person", "Hilary Clinton": "Person", "N Korea": "Place", "North Korea": "Place"},
        ),
        document(
            "b",
            "Sergey Lavrov spoke. Sergey Lavrov left. Hillary Clinton spoke. Hillary Clinton left. The US Senate and the Senate. The Samsung Group "
            "and Samsung.",
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
    found = entities(resolve(docs))
    assert rules(found["Sergey Lavrov"])["Sergei Lavrov"] == "spelling-variant"
    assert rules(found["Hillary Clinton"])["Hilary Clinton"] == "spelling-variant"
    assert rules(found["North Korea"])["N Korea"] == "initialled-word"
    assert rules(found["Senate"])["US Senate"] == rules(found["Samsung"])["Samsung Group"] == "qualified-name"
    assert {"Mike Flynn", "Michael Flynn"} <= set(found)  # a nickname is no spelling variant
    assert {"Ivana Trump", "Ivanka Trump"} <= set(found)  # named in one document: two people


def test_lost_characters_match_names_with_regex_characters_too():
    docs = [
        document(
            "a",
            "AT&T\\ Co F\ufffd\ufffdo rose. AT&T\\ Co Féo fell.",
            {"AT&T\\ Co F\ufffd\ufffdo": "Organization", "AT&T\\ Co Féo": "Organization"},
        )
    ]
    assert list(entities(resolve(docs))) == ["AT&T\\ Co Féo"]


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
    found = entities(resolve(docs))
    assert {"Congress", "Congressional Budget Office", "China Daily European Weekly"} <= set(found)
