"""Place names from data, never from a corpus: ISO 3166 countries and the first-level subdivisions of the
countries a language's news knows best (pycountry; lang's SUBDIVISIONS_OF), plus the short names pycountry
lacks (lang/*_places.tsv), and countries' alternate names (countryinfo's alternate spellings: "Holland",
"Burma", "East Timor").

Used by resolution as a type cue ("Georgia" is a place) and to join a country's names ("US" = "U.S." =
"United States" = "America"); an alternate name joins only a name the corpus types as a place ("Guiana"
may be a person's name, "Rossiya" a broadcaster's), and is no type cue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import pycountry
from countryinfo import CountryInfo

from ..lang import vocabulary


@dataclass(frozen=True)
class Gazetteer:
    country: dict[str, str]  # match key of a country name -> ISO 3166 alpha-2 code
    canonical: dict[str, str]  # alpha-2 code -> the name to show: the table's label, else pycountry's
    places: frozenset[str]  # match keys of every known place name (countries and subdivisions)
    alternates: dict[str, str]  # match key of a country's alternate name -> its alpha-2 code


@lru_cache(maxsize=4)
def gazetteer(lang: str, key: Callable[[str], str]) -> Gazetteer:
    """The place names of ``lang``, keyed by ``key`` (built once per process)."""
    country: dict[str, str] = {}
    canonical: dict[str, str] = {}
    for c in pycountry.countries:
        names = [getattr(c, "common_name", None), c.name, getattr(c, "official_name", None)]
        for name in filter(None, names):
            country.setdefault(key(name), c.alpha_2)
        canonical[c.alpha_2] = next(filter(None, names))
    table = files("graphbuild.lang").joinpath(f"{lang}_places.tsv")
    for line in table.read_text("utf-8").splitlines():
        if line and not line.startswith("#"):
            code, name, *flags = line.split("\t")
            country.setdefault(key(name), code)
            if "label" in flags:
                canonical[code] = name
    places = set(country)
    for code in vocabulary(lang).SUBDIVISIONS_OF:
        places.update(key(s.name) for s in pycountry.subdivisions.get(country_code=code) or ())
    return Gazetteer(country, canonical, frozenset(places), _alternates(key, country, canonical))


@lru_cache(maxsize=4)
def subdivisions(key: Callable[[str], str]) -> dict[str, str]:
    """Every country's ISO 3166-2 subdivisions: match key of the name -> the country's alpha-2 code (what
    a place's container may be; built once, only where relations are read)."""
    return {key(s.name): s.country_code for s in pycountry.subdivisions}


def _alternates(key: Callable[[str], str], known: dict[str, str], codes: dict[str, str]) -> dict[str, str]:
    """countryinfo's alternate spellings of each ISO 3166 country not named already, without codes and other
    names of three letters or fewer ("NL", "NLD")."""
    alternates: dict[str, str] = {}
    for data in CountryInfo.all().values():
        code = (data.get("ISO") or {}).get("alpha2")
        for name in data.get("altSpellings") or ():
            if code in codes and len(name) > 3 and key(name) not in known:
                alternates.setdefault(key(name), code)
    return alternates
