"""The aliases file is read with a limit, and YAML's anchors and aliases are refused, so a 485-byte
"billion laughs" cannot grow past a gigabyte (issue 25, case 5)."""

import pytest
from graphbuild.errors import GraphbuildError
from graphbuild.resolve.aliases import load_aliases

LAUGHS = """a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
merge: [*i]
"""


def test_yaml_anchors_and_aliases_are_refused_at_once(tmp_path):
    path = tmp_path / "laughs.yaml"
    path.write_text(LAUGHS)
    with pytest.raises(GraphbuildError, match=r"line 1: YAML anchors \(&name\) are refused"):
        load_aliases(path)
    path.write_text("merge: [[Donald Trump, *x]]\n")
    with pytest.raises(GraphbuildError, match="not valid YAML"):
        load_aliases(path)


def test_plain_yaml_still_loads(tmp_path):
    path = tmp_path / "aliases.yaml"
    path.write_text(
        "merge: [[Donald Trump, The Donald]]\nnever: [[Donald Trump, Donald Trump Jr.]]\ntypes: {Brexit: Event}\n"
    )
    aliases = load_aliases(path)
    assert aliases.merge == (("Donald Trump", "The Donald"),) and aliases.types == {"Brexit": "Event"}


def test_an_endless_aliases_file_is_refused_after_its_limit():
    with pytest.raises(GraphbuildError, match=r"/dev/zero: the aliases file is over 67,108,864 bytes; refused"):
        load_aliases("/dev/zero")
