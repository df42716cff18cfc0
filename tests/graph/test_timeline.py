"""Time and sources in the graph (graphbuild/graph/timeline.py): every entity and edge carries the first and
last day it was seen and its weight per period and per source; the named queries timeline, between and
sources answer from them; build --since/--until/--source builds a slice."""

import csv

import pytest
from graphbuild import api
from graphbuild.errors import OptionError
from graphbuild.graph.timeline import bounds, period_of

#: (date, outlet URL, text): each text one sentence, so counts made from this table are the gold.
ARTICLES = [
    ("2017/1/30", "http://www.bbc.co.uk/a", "Angela Merkel met Vladimir Putin in Berlin."),
    ("2017/2/7", "http://www.bbc.co.uk/b", "Angela Merkel spoke with Vladimir Putin again."),
    ("2017/2/9", "http://tass.com/c", "Vladimir Putin called Angela Merkel from Moscow."),
    ("2017/2/21", "http://www.cnn.com/d", "Donald Trump flew to Florida."),
    ("2017/3/2", "http://www.cnn.com/e", "Donald Trump met Angela Merkel in Washington."),
    ("", "http://tass.com/f", "Vladimir Putin opened a bridge."),
]


@pytest.fixture(scope="module")
def news(nlp, tmp_path_factory):
    path = tmp_path_factory.mktemp("news") / "news.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "date", "url", "text"])
        writer.writerows([i, *row] for i, row in enumerate(ARTICLES, 1))
    return path


def key_of(graph, label):
    return next(k for k, d in graph.nodes(data=True) if d["label"] == label)


def test_periods_and_their_bounds():
    assert [period_of("2017-02-07T10:00:00", p) for p in ("day", "week", "month", "year")] == [
        "2017-02-07",
        "2017-W06",
        "2017-02",
        "2017",
    ]
    assert bounds("2017-02") == ("2017-02-01", "2017-02-28") and bounds("2016-02") == ("2016-02-01", "2016-02-29")
    assert bounds("2017-W06") == ("2017-02-06", "2017-02-12") and bounds("2017") == ("2017-01-01", "2017-12-31")
    assert period_of("", "month") == ""


def test_entities_and_edges_carry_when_and_by_whom_they_were_seen(news):
    graph = api.build([news])
    merkel, putin = graph.nodes[key_of(graph, "Angela Merkel")], graph.nodes[key_of(graph, "Vladimir Putin")]
    assert (merkel["first_seen"], merkel["last_seen"]) == ("2017-01-30", "2017-03-02")
    assert merkel["periods"] == {"2017-01": 1, "2017-02": 2, "2017-03": 1}
    assert merkel["sources"] == {"bbc.co.uk": 2, "cnn.com": 1, "tass.com": 1}
    assert putin["periods"] == {"2017-01": 1, "2017-02": 2}  # the undated article counts in no period
    assert putin["sources"] == {"bbc.co.uk": 2, "tass.com": 2}  # ... but in its source
    both = graph.edges[key_of(graph, "Angela Merkel"), key_of(graph, "Vladimir Putin")]
    assert (both["weight"], both["periods"], both["sources"]) == (
        3,
        {"2017-01": 1, "2017-02": 2},
        {"bbc.co.uk": 2, "tass.com": 1},
    )
    weekly = api.build([news], api.BuildOptions(period="week"))
    assert weekly.nodes[key_of(weekly, "Angela Merkel")]["periods"] == {"2017-W05": 1, "2017-W06": 2, "2017-W09": 1}


def test_the_named_queries_timeline_between_and_sources(news):
    graph = api.build([news])
    rows = lambda name, **params: [tuple(str(v) for v in row) for row in api.named_query(graph, name, params)]
    assert rows("timeline", label="Angela Merkel") == [
        ("2017-01", "2017-01-01", "2017-01-31", "1"),
        ("2017-02", "2017-02-01", "2017-02-28", "2"),
        ("2017-03", "2017-03-01", "2017-03-31", "1"),
    ]
    between = rows("between", label="Angela Merkel", since="2017-02-01", until="2017-02-28")
    assert ("Vladimir Putin", "Person", "2") in between and not any(r[0] == "Donald Trump" for r in between)
    assert rows("sources", label="Angela Merkel", other="Vladimir Putin") == [("bbc.co.uk", "2"), ("tass.com", "1")]
    assert rows("sources", label="Donald Trump", other="Vladimir Putin") == []


def test_a_slice_by_dates_and_source(news):
    notes = []
    sliced = api.build([news], api.BuildOptions(since="Feb. 1, 2017", until="2017-02-28"), warn=notes.append)
    assert sorted(d["date"] for d in sliced.graph["documents"].values()) == ["2017-02-07", "2017-02-09", "2017-02-21"]
    assert "left out 3 documents outside the slice (since 2017-02-01, until 2017-02-28; undated ones too)" in notes
    tass = api.build([news], api.BuildOptions(sources=("tass.com",)))
    assert {d["source"] for d in tass.graph["documents"].values()} == {"tass.com"} and len(tass.graph["documents"]) == 2
    with pytest.raises(OptionError, match="since must be a date"):
        api.build([news], api.BuildOptions(since="soon"))
