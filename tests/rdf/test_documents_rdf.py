"""What a document's file or record says of it, in RDF: schema:datePublished (typed), publisher, url,
author, headline and its other fields, written, parsed by rdflib and read back."""

from graphbuild import api
from graphbuild.formats.rdf_syntaxes import turtle
from graphbuild.rdf import from_rdf, to_rdf
from rdflib import XSD, Graph, Literal, URIRef
from rdflib.namespace import Namespace

SCHEMA = Namespace("https://schema.org/")


def test_a_records_metadata_is_in_the_rdf_and_reads_back(nlp, tmp_path):
    table = tmp_path / "news.csv"
    table.write_text(
        "article_id,publish_date,article_source_link,title,subtitle,text\n"
        '1,2017/2/7,http://www.bbc.co.uk/news/1,Talks in Berlin,A meeting,"Angela Merkel met Vladimir Putin in Berlin."\n'
        '2,          2016/12/30 7:11,http://tass.com/2,Moscow,,"Putin spoke in Moscow."\n',
        encoding="utf-8",
    )
    graph = api.build([table])
    rdf = Graph().parse(data=turtle(graph, "http://example.org/g/"), format="turtle")
    first, second = URIRef("http://example.org/g/doc/news-1"), URIRef("http://example.org/g/doc/news-2")
    assert rdf.value(first, SCHEMA.datePublished) == Literal("2017-02-07", datatype=XSD.date)
    assert rdf.value(second, SCHEMA.datePublished) == Literal("2016-12-30T07:11:00", datatype=XSD.dateTime)
    assert (
        str(rdf.value(first, SCHEMA.publisher)) == "bbc.co.uk"
        and str(rdf.value(second, SCHEMA.publisher)) == "tass.com"
    )
    assert rdf.value(first, SCHEMA.url) == Literal("http://www.bbc.co.uk/news/1", datatype=XSD.anyURI)
    assert str(rdf.value(first, SCHEMA.headline)) == "Talks in Berlin"
    prop = rdf.value(first, SCHEMA.additionalProperty)
    assert (str(rdf.value(prop, SCHEMA.name)), str(rdf.value(prop, SCHEMA.value))) == ("subtitle", "A meeting")
    back = from_rdf(to_rdf(graph))
    original = {k: {**d, "path": ""} for k, d in graph.graph["documents"].items()}
    assert back.graph["documents"] == original


def test_the_second_seed_is_dated_and_the_first_is_not(seeds_graph):
    dates = {d["name"]: d["date"] for d in seeds_graph.graph["documents"].values()}
    assert dates == {"000_a67d6dfac66b7425.txt": "", "002_6170b7e2c5be2afa.txt": "2024-08-29T10:04:43"}
