"""Every shared document of the genre and the bundled notice against a structural truth
written by reading the document (tests/data/truth/*.json): header fields, numbered
headings counted per level in the body and each attachment, 专栏 boxes, and at least
ten tasks with their responsible units (by role) and dated deadlines."""

import pytest

from assistant.documents import parse_file
from tests.documents.truth import compare, document_path, truths

TRUTHS = truths()


@pytest.mark.parametrize("truth", TRUTHS, ids=[t["file"] for t in TRUTHS])
def test_document_matches_its_truth(truth):
    doc = parse_file(document_path(truth["file"]))
    assert compare(truth, doc) == []


def test_every_document_has_a_truth():
    assert len(TRUTHS) == 11
    assert all(len(t["tasks"]) >= 10 for t in TRUTHS)
