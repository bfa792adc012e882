"""Word lists serve general patterns, not evaluation questions: every term of the
segmentation dictionary and every Chinese target of the English glossary occurs in at
least one real document (the bundled notice, the shared notices, the work reports) or
is a general question word.
Place names are a gazetteer (any place a question may name), checked for form only."""

import json
import re
from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"


def lines(name: str) -> list[str]:
    text = resources.files("assistant").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="module")
def corpus() -> str:
    texts = [(ROOT / "corpus" / "zhengzhou-2017-rule-of-law-work-points.txt").read_text(encoding="utf-8")]
    texts += [p.read_text(encoding="utf-8") for p in sorted((SHARED / "notices").glob("*.txt"))]
    reports = SHARED / "government_work_reports.jsonl"
    if reports.exists():
        texts += [json.loads(line).get("content", "") for line in reports.read_text(encoding="utf-8").splitlines() if line.strip()]
    return re.sub(r"\s+", "", "\n".join(texts))


def test_dictionary_terms_occur_in_documents(corpus):
    missing = [w for w in lines("userdict.txt") if w.split()[0] not in corpus]
    assert missing == []


def is_question_word(word: str) -> bool:
    """A word the question analysis reads as what is asked (截止时间, 文号), not a topic."""
    from assistant.retrieval.query import INTENTS, META_FIELDS

    return any(p.search(word) for _, p in INTENTS) or any(p.search(word) for _, p, _ in META_FIELDS)


def test_glossary_targets_occur_in_documents_or_ask(corpus):
    targets = [line.split("\t", 1)[1] for line in lines("glossary_en.txt") if "\t" in line]
    missing = [zh for zh in targets if zh not in corpus and not is_question_word(zh)]
    assert missing == []


def test_places_are_place_names():
    places = lines("places.txt")
    assert len(places) == len(set(places))
    assert all(re.fullmatch(r"[\u4e00-\u9fff]{2,8}", p) for p in places)
