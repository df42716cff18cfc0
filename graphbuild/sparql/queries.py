"""The named queries shipped in ``sparql/named/*.rq``: each with its description and its parameters."""

from __future__ import annotations

from dataclasses import dataclass
from importlib.resources import files

from ..errors import OptionError


@dataclass(frozen=True)
class CannedQuery:
    """A named query shipped in graphbuild/queries/NAME.rq; its first comment line describes it and a
    "# params: a b" line names the variables the user binds."""

    name: str
    description: str
    params: tuple[str, ...]
    text: str


def canned_queries() -> dict[str, CannedQuery]:
    """The named queries shipped with the package, by name."""
    found = {}
    for path in sorted(files(__package__).joinpath("named").iterdir(), key=lambda p: p.name):
        if path.name.endswith(".rq"):
            text = path.read_text("utf-8")
            comments = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
            params = next((c.split(":", 1)[1].split() for c in comments if c.startswith("params:")), [])
            name = path.name[:-3]
            found[name] = CannedQuery(name, comments[0] if comments else "", tuple(params), text)
    return found


def canned(name: str, params: dict[str, str]) -> CannedQuery:
    """A named query, checked against the parameters given for it."""
    queries = canned_queries()
    if name not in queries:
        raise OptionError("name", f"must be one of the shipped queries ({', '.join(queries)}), not {name!r}")
    query = queries[name]
    missing = [p for p in query.params if p not in params]
    extra = [p for p in params if p not in query.params]
    if missing or extra:
        wanted = ", ".join(query.params) or "none"
        raise OptionError("params", f"must name exactly the parameters of query {name!r}: {wanted}")
    return query
