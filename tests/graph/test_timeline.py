"""Time and sources in the graph (graphbuild/graph/timeline.py): every entity and edge carries the first and
last day it was seen and its weight per period and per source; the named queries timeline, between and
sources answer from them; build --since/--until/--source builds a slice."""

import pytest
from graphbuild import api
from graphbuild.errors import OptionError
from graphbuild.graph.timeline import bounds, labels_between, period_of

from helpers import write_news_table


@pytest.fixture(scope="module")
def news(nlp, tmp_path_factory):
    return write_news_table(tmp_path_factory.mktemp("news") / "news.csv")


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


def test_the_labels_between_two_days_include_the_empty_periods():
    assert labels_between("2016-11-30", "2017-02-01", "month") == ["2016-11", "2016-12", "2017-01", "2017-02"]
    assert labels_between("2017-01-01", "2017-01-09", "week") == ["2016-W52", "2017-W01", "2017-W02"]
    assert labels_between("2016-12-31", "2017-01-01", "day") == ["2016-12-31", "2017-01-01"]
    assert labels_between("2015-05-05", "2017-01-01", "year") == ["2015", "2016", "2017"]
    assert labels_between("2017-03-02", "2017-03-02", "month") == ["2017-03"]


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
