"""lang.Vocabulary is the checklist of a language's word lists: the English module fills every field with
the declared kind of collection, and a module that lacks one is refused with a line naming it."""

import sys
import types
from dataclasses import fields

import pytest
from graphbuild.errors import GraphbuildError
from graphbuild.lang import Vocabulary, vocabulary


def test_english_fills_every_field_with_its_declared_kind_of_collection():
    words = vocabulary("en")
    for field in fields(Vocabulary):
        value = getattr(words, field.name)
        kind = frozenset if str(field.type).startswith("frozenset") else tuple
        assert isinstance(value, kind), field.name
        items = [part for w in value for part in (w if isinstance(w, tuple) else (w,))]  # pairs: (regex, text)
        assert value and all(isinstance(w, str) and w for w in items), field.name


def test_a_language_module_lacking_a_list_is_refused_naming_it(monkeypatch):
    english = sys.modules["graphbuild.lang.en"]
    partial = types.ModuleType("graphbuild.lang.xx")
    for field in fields(Vocabulary):
        if field.name != "WEEKDAYS":
            setattr(partial, field.name, getattr(english, field.name))
    monkeypatch.setitem(sys.modules, "graphbuild.lang.xx", partial)
    with pytest.raises(GraphbuildError, match=r"lang/xx.py lacks WEEKDAYS"):
        vocabulary("xx")


def test_an_unknown_language_is_one_clear_error():
    with pytest.raises(GraphbuildError, match="no word lists for the language 'zz'"):
        vocabulary("zz")
