from helpers import extraction

from graphbuild.resolve import normalize, resolve


def test_same_name_and_type_merge_and_keep_every_surface_form():
    ex = extraction("d", [[("Wang Huning", "Person"), ("WANG HUNING", "Person")], [("Wang Huning", "Person")]])
    res = resolve([ex])
    assert len(res.entities) == 1
    entity = res.entities[0]
    assert entity.label == "Wang Huning"
    assert entity.mentions == 3
    assert entity.aliases == ("WANG HUNING",)
    assert entity.key == "person/wang-huning"
    assert {res.key_of(m) for m in ex.mentions} == {"person/wang-huning"}


def test_a_name_is_one_entity_whose_type_is_voted_by_all_its_mentions():
    res = resolve([extraction("d", [[("Jordan", "Person"), ("Jordan", "Place"), ("Jordán", "Place")]])])
    assert [(e.key, e.mentions) for e in res.entities] == [("place/jordan", 3)]
    assert "type voted Place 2, Person 1" in res.entities[0].merges


def test_keys_are_unique():
    res = resolve([extraction("d", [[("C++", "Organization"), ("C", "Organization")]])])
    assert sorted(e.key for e in res.entities) == ["organization/c", "organization/c-2"]


def test_documents_are_counted_per_entity():
    res = resolve([extraction("a", [[("Paris", "Place")]]), extraction("b", [[("Paris", "Place")]])])
    assert res.entities[0].documents == ("a", "b") and res.entities[0].mentions == 2


def test_normalize_folds_case_accents_quotes_and_spaces():
    assert normalize("  People’s  Républic ") == "people's republic"


def labels(graph):
    return {d["label"]: d for _, d in graph.nodes(data=True)}


def test_alias_rules_on_real_text(nlp):
    from graphbuild import api

    graph = api.build_texts({
        "a.txt": "The World Health Organization (WHO) met in Geneva City on Monday.\n"
                 "Tedros Adhanom Ghebreyesus spoke for the WHO. Ghebreyesus said Geneva was ready.",
        "b.txt": "The WHO warned again. Ghebreyesus was not named in this one.",
    })
    nodes = labels(graph)
    who = nodes["World Health Organization"]
    assert "WHO" in who["aliases"] and who["mentions"] >= 3
    assert any("acronym defined in the text" in m for m in who["merges"])
    assert any("acronym defined in another document" in m for m in who["merges"])  # b.txt
    geneva = next(d for label, d in nodes.items() if label.startswith("Geneva"))
    assert {"Geneva", "Geneva City"} <= {geneva["label"], *geneva["aliases"]}
    person = nodes["Tedros Adhanom Ghebreyesus"]
    assert "Ghebreyesus" in person["aliases"] and person["documents"] == ["a"]  # surname: same document only
    assert not any("\n" in label for label in nodes)


def test_fragments_are_dropped_and_reported(nlp):
    from graphbuild import api

    graph = api.build_texts({"a.txt": "Strengthen the Pairing Development between Military and Local Party Organizations\n"
                                      "Officials met in Beijing on Monday."})
    assert not any("Pairing" in d["label"] for _, d in graph.nodes(data=True))
    assert any("only in Title Case headlines" in r for r in graph.graph["dropped"])
