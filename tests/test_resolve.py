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


def test_same_name_different_type_stays_apart_and_keys_are_unique():
    res = resolve([extraction("d", [[("Jordan", "Person"), ("Jordan", "Place"), ("Jordán", "Place")]])])
    assert sorted(e.key for e in res.entities) == ["person/jordan", "place/jordan"]
    res = resolve([extraction("d", [[("C++", "Organization"), ("C", "Organization")]])])
    assert sorted(e.key for e in res.entities) == ["organization/c", "organization/c-2"]


def test_documents_are_counted_per_entity():
    res = resolve([extraction("a", [[("Paris", "Place")]]), extraction("b", [[("Paris", "Place")]])])
    assert res.entities[0].documents == ("a", "b") and res.entities[0].mentions == 2


def test_normalize_folds_case_accents_quotes_and_spaces():
    assert normalize("  People’s  Républic ") == "people's republic"
