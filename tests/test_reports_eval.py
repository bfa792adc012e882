"""The work-report sets as a CI gate: the 72 reports ingested beside the bundled notice
(real model, embedded Chroma), a year's results asked of the right report
(evals/reports_results.jsonl) and questions that must find the right report
(evals/reports_dataset.jsonl), each at or above evals/reports_thresholds.json."""

import json
from pathlib import Path

import pytest

from assistant.evaluation import reports

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    from assistant import Assistant

    if not reports.REPORTS.is_file():
        pytest.skip("the shared work reports are not beside the checkout")
    qa = Assistant(corpus_dir=ROOT / "corpus", index_dir=tmp_path_factory.mktemp("reports-index"), data_dir=tmp_path_factory.mktemp("reports-data"))
    qa.ingest([reports.REPORTS])
    return qa


@pytest.mark.parametrize("name", ["reports_results", "reports_dataset"])
def test_the_report_sets_meet_their_thresholds(library, name):
    thresholds = json.loads((ROOT / "evals" / "reports_thresholds.json").read_text(encoding="utf-8"))[name]
    found = reports.evaluate(library, ROOT / "evals" / f"{name}.jsonl")
    below = {
        (split, key): (found["splits"][split][key], minimum)
        for split, minimums in thresholds.items()
        for key, minimum in minimums.items()
        if found["splits"][split][key] is None or found["splits"][split][key] < minimum
    }
    assert below == {}
