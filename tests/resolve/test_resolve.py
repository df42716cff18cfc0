"""Resolution as a whole: match keys, entity keys, the aliases file's formats, and the rules on real text
through spaCy (each rule alone on hand-made mentions: test_resolve_rules.py)."""

import pytest
from graphbuild.errors import GraphbuildError
from graphbuild.names import head_noun, match_key, normalize
from graphbuild.resolve import resolve
from graphbuild.resolve.aliases import Aliases, load_aliases

from helpers import extraction


def test_match_keys_fold_dots_hyphens_titles_particles_and_possessives():
    assert match_key("U.S.") == match_key("US") == "us"
    assert match_key("Kim Jong-nam") == match_key("Kim Jong Nam")
    assert match_key("Mrs. May") == match_key("May") == "may"
    assert match_key("Bashar al-Assad") == match_key("Bashar Assad")
    assert match_key("Al Gore") == "al gore"  # a capitalised first name is no particle
    assert match_key("Trump's") == "trump" and match_key("Jesus’") == "jesus"
    assert match_key("The Hague") == match_key("THE Hague") == "hague"
    assert match_key("President") == "president"  # a title alone stays
    assert normalize("  People’s  Républic ") == "people's republic"
    assert head_noun("communist party of china") == "party" and head_noun("") == ""


def test_keys_are_unique():
    res = resolve([extraction("d", [[("C++", "Organization"), ("C", "Organization")]])])
    assert sorted(e.key for e in res.entities) == ["organization/c", "organization/c-2"]


def test_documents_are_counted_per_entity():
    res = resolve([extraction("a", [[("Paris", "Place")]]), extraction("b", [[("Paris", "Place")]])])
    assert res.entities[0].documents == ("a", "b") and res.entities[0].mentions == 2


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
