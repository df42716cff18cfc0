"""The command line: argument parsing and messages only, over graphbuild.api."""

from __future__ import annotations

import time
import webbrowser
from pathlib import Path

import click

from . import api
from .errors import GraphbuildError
from .export import DEFAULT_FORMATS, FORMATS
from .graph import entity_counts
from .model import ENTITY_TYPES
from .options import DEFAULT_BASE_IRI, DEFAULT_MODEL, BuildOptions
from .query import RESULT_FORMATS, format_result


class _Group(click.Group):
    """Turns a GraphbuildError anywhere below into one line on stderr and exit status 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except GraphbuildError as error:
            raise click.ClickException(str(error)) from None
        except KeyboardInterrupt:
            raise click.Abort() from None


def _warn(message: str) -> None:
    click.echo(f"warning: {message}", err=True)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="graphbuild")
def cli() -> None:
    """Turn text documents into a co-occurrence knowledge graph (Turtle, HTML, SPARQL)."""


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option("-o", "--output", "out_dir", default="exports", show_default=True, help="Output folder.")
@click.option("--model", default=DEFAULT_MODEL, show_default=True, help="Any installed spaCy pipeline.")
@click.option("--window", default="sentence", show_default=True,
              help="Co-occurrence window: sentence, paragraph, document or tokens:N.")
@click.option("--min-weight", default=1, show_default=True, help="Drop edges lighter than this.")
@click.option("--max-evidence", default=5, show_default=True, help="Evidence sentences kept per edge.")
@click.option("--base-iri", default=DEFAULT_BASE_IRI, show_default=True, help="Base of entity IRIs.")
@click.option("--format", "formats", default=",".join(DEFAULT_FORMATS), show_default=True,
              help=f"Comma-separated output formats: {', '.join(FORMATS)}.")
@click.option("--explain", is_flag=True, help="Print each entity with its aliases and the rules that merged them.")
@click.option("--open", "open_page", is_flag=True, help="Open the HTML page in the default browser when done.")
def build(inputs, out_dir, model, window, min_weight, max_evidence, base_iri, formats, explain, open_page) -> None:
    """Build the graph of INPUT files or folders (.txt, .md; '-' for stdin; default: seeds/)."""
    started = time.perf_counter()
    if not inputs:
        if not Path("seeds").is_dir():
            raise GraphbuildError("no INPUT given and there is no seeds/ folder here")
        inputs = ("seeds",)
    options = BuildOptions(model=model, window=window, min_weight=min_weight,
                           max_evidence=max_evidence, base_iri=base_iri)
    format_list = [f.strip() for f in formats.split(",") if f.strip()]
    graph = api.build(inputs, options, warn=_warn)
    written = api.export(graph, out_dir, format_list, base_iri)
    if explain:
        click.echo(api.explain(graph), nl=False)
    counts = entity_counts(graph)
    per_type = ", ".join(f"{t} {counts[t]}" for t in ENTITY_TYPES if t in counts)
    click.echo(
        f"{len(graph.graph['documents'])} documents, {graph.number_of_nodes()} entities ({per_type}), "
        f"{graph.number_of_edges()} edges ({window} window) in {time.perf_counter() - started:.1f} s: "
        + ", ".join(str(p) for p in written.values())
    )
    if open_page:
        if "html" not in written:
            raise GraphbuildError("--open needs the html format")
        webbrowser.open(written["html"].resolve().as_uri())


@cli.command()
@click.argument("graph_file", metavar="GRAPH")
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(dir_okay=False), help="Read the query from a file.")
@click.option("--format", "fmt", type=click.Choice(RESULT_FORMATS), default="table", show_default=True)
def query(graph_file, sparql, query_file, fmt) -> None:
    """Run a SPARQL query (SELECT, ASK, CONSTRUCT) on GRAPH (a Turtle file)."""
    if (sparql is None) == (query_file is None):
        raise GraphbuildError("give either a SPARQL query or --file Q.rq, not both or neither")
    if query_file:
        try:
            sparql = Path(query_file).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise GraphbuildError(f"{query_file}: cannot read the query ({error})") from None
    click.echo(format_result(api.query(graph_file, sparql), fmt), nl=False)


def main() -> None:
    """Console-script entry point."""
    cli(prog_name="graphbuild")
