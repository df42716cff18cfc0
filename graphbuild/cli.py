"""The command line: argument parsing and messages only, over graphbuild.api."""

from __future__ import annotations

import re
import signal
import webbrowser
from pathlib import Path

import click

from .errors import GraphbuildError, Note, OptionError
from .options import (
    CACHE_FOLDER,
    DEFAULT_BASE_IRI,
    DEFAULT_FORMATS,
    DEFAULT_GRAPH,
    DEFAULT_HEADER_TIMEOUT,
    DEFAULT_HOST,
    DEFAULT_JOBS,
    DEFAULT_MAX_BODY,
    DEFAULT_MAX_EVIDENCE,
    DEFAULT_MAX_RESULT_BYTES,
    DEFAULT_MAX_ROWS,
    DEFAULT_MIN_WEIGHT,
    DEFAULT_MODEL,
    DEFAULT_OUTPUT,
    DEFAULT_PERIOD,
    DEFAULT_PORT,
    DEFAULT_RELATIONS,
    DEFAULT_TIMEOUT,
    DEFAULT_WINDOW,
    DEFAULT_WORKERS,
    PERIODS,
    RESULT_FORMATS,
    ROLES,
    BuildOptions,
    check_formats,
    parse_fields,
    parse_jobs,
)
from .options import FORMAT_NAMES as FORMATS

# The heavy modules (spaCy, NetworkX, the exporters) are imported inside the commands that use them, so
# that `graphbuild --help` and `graphbuild query` start fast.


class _Group(click.Group):
    """Turns a GraphbuildError anywhere below into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):
        signal.signal(signal.SIGTERM, _terminate)
        try:
            return super().invoke(ctx)
        except OptionError as error:  # the API names its parameter; the user typed a flag
            raise click.ClickException(
                one_line(f"{_FLAGS.get(error.parameter, '--' + error.parameter.replace('_', '-'))} {error.problem}")
            ) from None
        except GraphbuildError as error:
            raise click.ClickException(one_line(str(error))) from None
        except KeyboardInterrupt as error:  # Ctrl-C or SIGTERM: one line, the shell's exit status for it
            click.echo(one_line(str(error)) or "interrupted", err=True)
            raise click.exceptions.Exit(128 + (signal.SIGTERM if _terminated else signal.SIGINT)) from None


_terminated: list[int] = []
#: API parameters whose flag is not "--" + the name with dashes.
_FLAGS = {"inputs": "INPUT", "out_dir": "--output", "formats": "--format", "cache_dir": "--cache", "params": "--param"}


def _terminate(number: int, frame) -> None:
    """SIGTERM stops a command the way Ctrl-C does: workers stopped, temporary files removed."""
    _terminated.append(number)
    raise KeyboardInterrupt


def _warn(message: str) -> None:
    click.echo(one_line(message) if isinstance(message, Note) else f"warning: {one_line(message)}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphbuild")
def cli() -> None:
    """Turn text documents into a co-occurrence knowledge graph (Turtle, HTML, SPARQL)."""


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", "out_dir", default=DEFAULT_OUTPUT, show_default=True, help="Output folder.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Any installed spaCy pipeline.")
@click.option(
    "--window",
    default=DEFAULT_WINDOW,
    show_default=True,
    help="Co-occurrence window: sentence, paragraph, document or tokens:N.",
)
@click.option("--min-weight", default=DEFAULT_MIN_WEIGHT, show_default=True, help="Drop edges lighter than this.")
@click.option(
    "--max-evidence", default=DEFAULT_MAX_EVIDENCE, show_default=True, help="Evidence sentences kept per edge."
)
@click.option(
    "--relations/--no-relations",
    default=DEFAULT_RELATIONS,
    show_default=True,
    help="Read typed relations (role, action, event, located_in) off the parse; --explain lists them.",
)
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of entity IRIs.")
@click.option(
    "--format",
    "formats",
    default=",".join(DEFAULT_FORMATS),
    show_default=True,
    help=f"Comma-separated output formats: {', '.join(FORMATS)}.",
)
@click.option("--explain", is_flag=True, help="Print each entity with its aliases and the rules that merged them.")
@click.option("--open", "open_page", is_flag=True, help="Open the HTML page in the default browser when done.")
@click.option(
    "--jobs",
    default=DEFAULT_JOBS,
    show_default=True,
    help="Parse processes: a number, or auto (one per CPU, one for inputs under 100k characters).",
)
@click.option(
    "--dask",
    envvar="DASK_SCHEDULER_ADDRESS",
    help="Parse on Dask: local (a LocalCluster of --jobs workers), local:N, or a scheduler such as "
    "tcp://host:8786 [env: DASK_SCHEDULER_ADDRESS]. Needs graphbuild[dask].",
)
@click.option("--cache", "cache_dir", help=f"Parse cache folder [default: OUTPUT/{CACHE_FOLDER}].")
@click.option("--no-cache", is_flag=True, help="Parse every document, and keep no parses.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "--aliases",
    "aliases_file",
    type=click.Path(dir_okay=False),
    help="Corrections applied after every rule: a CSV or YAML file of merges, never-merges and types.",
)
@click.option("--follow-links", is_flag=True, help="Read links inside input folders that lead out of them.")
@click.option(
    "--field",
    "fields",
    multiple=True,
    metavar="ROLE=COLUMN",
    help=f"Which column of a CSV, JSON or Parquet table holds a role ({', '.join(ROLES)}); repeatable "
    "[default: found by the columns' common names].",
)
@click.option(
    "--period",
    type=click.Choice(PERIODS),
    default=DEFAULT_PERIOD,
    show_default=True,
    help="What entities' and edges' weights over time are counted by.",
)
@click.option("--since", metavar="DATE", help="Build a slice: only documents dated on or after DATE.")
@click.option("--until", metavar="DATE", help="Build a slice: only documents dated on or before DATE.")
@click.option(
    "--source",
    "sources",
    multiple=True,
    metavar="NAME",
    help="Build a slice: only documents of this source (repeatable).",
)
def build(
    inputs,
    out_dir,
    model,
    window,
    min_weight,
    max_evidence,
    relations,
    base_iri,
    formats,
    explain,
    open_page,
    jobs,
    dask,
    cache_dir,
    no_cache,
    quiet,
    aliases_file,
    follow_links,
    fields,
    period,
    since,
    until,
    sources,
) -> None:
    """Build the graph of INPUT files, folders or archives (.txt, .md, .csv, .tsv, .jsonl, .json, .parquet,
    .html, .pdf, .docx, .zip, .tar.gz; '-' for stdin; default: seeds/)."""
    from . import api

    format_list = _formats(formats)
    if open_page and "html" not in format_list:
        raise GraphbuildError("--open needs the html format")
    options = BuildOptions(
        model=model,
        window=window,
        min_weight=min_weight,
        max_evidence=max_evidence,
        relations=relations,
        base_iri=base_iri,
        jobs=parse_jobs(jobs),
        progress=not quiet,
        aliases=aliases_file,
        cache_dir=cache_dir,
        dask=dask,
        follow_links=follow_links,
        fields=parse_fields(fields),
        period=period,
        since=since,
        until=until,
        sources=tuple(sources),
    )
    built = api.build_and_export(inputs, out_dir, format_list, options, cache=not no_cache, warn=_warn)
    if explain:
        click.echo(printable(api.explain(built.graph)), nl=False)
    click.echo(one_line(built.summary.line() + ": " + ", ".join(str(p) for p in built.files.values())))
    if open_page:
        webbrowser.open(built.files["graph.html"].resolve().as_uri())


@cli.command("clear-cache")
@click.option("-o", "--output", "out_dir", default=DEFAULT_OUTPUT, show_default=True, help="Output folder.")
@click.option("--cache", "cache_dir", help=f"Parse cache folder [default: OUTPUT/{CACHE_FOLDER}].")
def clear_cache(out_dir, cache_dir) -> None:
    """Delete the parse cache, so the next build parses every document again."""
    from . import api

    folder, removed = api.clear_cache(out_dir, cache_dir)
    click.echo(one_line(f"removed {removed} cached parses from {folder}"))


@cli.command("export")
@click.argument("graph_file", metavar="GRAPH")
@click.option("-o", "--output", "out_dir", default=DEFAULT_OUTPUT, show_default=True, help="Output folder.")
@click.option("--format", "formats", required=True, help=f"Comma-separated formats: {', '.join(FORMATS)}.")
@click.option("--base-iri", default=None, help="Base of entity IRIs for RDF outputs (default: as built).")
def export_command(graph_file, out_dir, formats, base_iri) -> None:
    """Export a graph built earlier (GRAPH.ttl) to other formats, without parsing the texts again."""
    from . import api

    names = _formats(formats)  # a typo fails before the graph is read
    written = api.export(api.load(graph_file), out_dir, names, base_iri)
    click.echo(one_line(", ".join(str(p) for p in written.values())))


@cli.command()
@click.argument("graph_file", metavar="GRAPH", required=False)
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a file.")
@click.option("--name", help="Run a named query shipped with graphbuild (see --list).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Bind a named query's parameter.")
@click.option("--list", "list_queries", is_flag=True, help="List the named queries and their parameters.")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True)
@click.option("--timeout", type=float, default=None, help="Seconds the query may run [default: no limit].")
@click.option("--allow-service", is_flag=True, help="Allow federated SERVICE calls to other endpoints.")
def query(graph_file, sparql, query_file, name, params, list_queries, fmt, timeout, allow_service) -> None:
    """Run SPARQL (SELECT, ASK, CONSTRUCT, DESCRIBE) on GRAPH (a Turtle file), or a named query."""
    from . import api
    from .sparql.results import format_result

    if list_queries:
        for q in api.named_queries().values():
            args = " ".join(f"--param {p}=..." for p in q.params)
            click.echo(f"{q.name:18} {q.description}" + (f"\n{'':18} {args}" if args else ""))
        return
    if graph_file is None:
        raise GraphbuildError("give a GRAPH file to query")
    if sum(x is not None for x in (sparql, query_file, name)) != 1:
        raise GraphbuildError("give exactly one of: a SPARQL query, --file Q.rq, --name NAME")
    if name:
        result = api.named_query(graph_file, name, dict(_param(p) for p in params), timeout, allow_service)
    else:
        text = sparql if query_file is None else api.read_query(query_file)
        result = api.query(graph_file, text, None, timeout, allow_service)
    shown = format_result(result, fmt)
    click.echo(printable(shown) if fmt == "table" else shown, nl=False)


@cli.command()
@click.argument("graph_files", metavar="[GRAPH.ttl ...]", nargs=-1)
@click.option(
    "--host", default=DEFAULT_HOST, show_default=True, help="Address to listen on (loopback: this machine only)."
)
@click.option("--port", default=DEFAULT_PORT, show_default=True, help="Port to listen on.")
@click.option(
    "--timeout", default=DEFAULT_TIMEOUT, show_default=True, help="Seconds a query may run before it is stopped."
)
@click.option(
    "--max-body", default=DEFAULT_MAX_BODY, show_default=True, help="Largest request body or query string, in bytes."
)
@click.option("--cors-origin", help="Let pages from this origin (https://host:port) read answers (default: none).")
@click.option("--allow-service", is_flag=True, help="Allow federated SERVICE calls to other endpoints.")
@click.option("--workers", default=DEFAULT_WORKERS, show_default=True, help="Query worker processes.")
@click.option(
    "--max-memory",
    type=int,
    help="MiB of memory each query worker may use [default: the machine's memory / (workers + 1)].",
)
@click.option("--max-rows", default=DEFAULT_MAX_ROWS, show_default=True, help="Rows (or triples) one answer may hold.")
@click.option(
    "--max-result-bytes", default=DEFAULT_MAX_RESULT_BYTES, show_default=True, help="Bytes one answer may take."
)
@click.option(
    "--header-timeout",
    default=DEFAULT_HEADER_TIMEOUT,
    show_default=True,
    help="Seconds a client may take to send a request, headers and body (after connecting or an answer).",
)
@click.option(
    "--max-connections",
    type=int,
    help="Open connections at most; past it the oldest still sending its request is closed, else the new one "
    "gets a 503 [default: a quarter of the descriptor limit, at most 1000].",
)
@click.option(
    "--html",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Page to serve at / (default: graph.html beside the first graph).",
)
def serve(
    graph_files,
    host,
    port,
    timeout,
    max_body,
    cors_origin,
    allow_service,
    workers,
    max_memory,
    max_rows,
    max_result_bytes,
    header_timeout,
    max_connections,
    html,
) -> None:
    """Serve graphs read-only over the SPARQL 1.1 Protocol at /sparql, and the explorer at / (default GRAPH:
    exports/graph.ttl)."""
    from .options import QueryLimits, default_max_memory
    from .sparql.server import serve as run_server  # uvicorn loads only for this command

    limits = QueryLimits(max_memory or default_max_memory(workers), max_rows, max_result_bytes)

    run_server(
        graph_files or [DEFAULT_GRAPH],
        host,
        port,
        timeout,
        html,
        announce=lambda line: click.echo(one_line(line)),
        max_body=max_body,
        cors_origin=cors_origin,
        allow_service=allow_service,
        workers=workers,
        warn=_warn,
        limits=limits,
        header_timeout=header_timeout,
        max_connections=max_connections,
    )


def _formats(text: str) -> list[str]:
    """The --format list, checked before anything is read."""
    return check_formats([f.strip() for f in text.split(",") if f.strip()])


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


#: What a one-line message never sends raw: every control character (line breaks too, so a file name
#: cannot forge an "Error:" line) and the bidirectional overrides that would reorder what is shown.
_NOT_ONE_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def one_line(text: str) -> str:
    """A message for a terminal, on one line: control characters shown as escapes (\\x1b, \\n, ...)."""
    return _NOT_ONE_LINE.sub(
        lambda m: repr(m.group())[1:-1] if m.group() < "\x80" else f"\\u{ord(m.group()):04x}", text
    )


def printable(text: str) -> str:
    """Text for a terminal: control characters (ESC, BEL, ...) shown as escapes, never sent raw."""
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


def _param(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name:
        raise GraphbuildError(f"--param takes NAME=VALUE, not {text!r}")
    return name.strip(), value


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="graphbuild")
