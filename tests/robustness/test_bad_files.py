"""The bad-file set (written at test time) ingested through the CLI and the API: a Chinese
message for each bad file, no traceback, nothing lost, good files added once."""

import json
import os
import re
import shutil
import subprocess
import sys

import pytest
from robust_inputs import LONG_PREFIX, ROOT, case_label, write_bad_files

from assistant import Assistant
from assistant.service import INTERNAL_ERROR

pytestmark = pytest.mark.slow


def _paths(folder, cases) -> list[str]:
    names = [c.name if isinstance(c.name, bytes) else c.name.encode() for c in cases if "#" not in case_label(c)]
    return [os.fsdecode(os.path.join(os.fsencode(folder), n)) for n in names]


def _check_errors(result: dict, cases) -> None:
    errors = result["errors"]
    assert all(re.search(r"[\u4e00-\u9fff]", e) for e in errors), errors
    for case in cases:
        label = case_label(case)
        if "#" in label:
            file, line = label.split("#")
            mine = [e for e in errors if e.startswith(f"{file} 第{line}行")]
        else:
            mine = [e for e in errors if label in e and not e.startswith(f"{label} 第")]  # lines are cases of their own
        if case.expect == "error":
            assert len(mine) == 1 and case.message in mine[0], (label, mine)
        else:
            assert mine == [], (label, mine)
    # one message per bad file or line, nothing else
    assert len(errors) == sum(c.expect == "error" for c in cases), errors


@pytest.fixture(scope="module")
def bad_set(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad-files")
    return folder, write_bad_files(folder)


def test_the_set_covers_the_reported_cases(bad_set):
    _, cases = bad_set
    assert len(cases) >= 40
    names = {case_label(c) for c in cases}
    for name in ("empty.txt", "binary.txt", "utf-16-le.txt", "utf-16-truncated.txt", "zip-bomb.docx", "surrogates.jsonl", "huge.txt",
                 "very-long.txt", "reports-after-licence.txt", "item-1890.txt", "bad-name-\ufffd\ufffd.txt"):
        assert name in names


def test_bad_files_through_cli_and_api(bad_set, tmp_path, qa):
    folder, cases = bad_set
    index = tmp_path / "index"
    shutil.copytree(qa.settings.index_dir, index)  # the bundled notice's vectors are not computed again
    before = tmp_path / "before.txt"
    before.write_text("郑州市2025年档案工作要点\n\n一、总体要求\n\n（一）推进档案数字化。2025年6月底前完成。责任单位：市档案馆。\n", encoding="utf-8")
    qa = Assistant(index_dir=index, data_dir=tmp_path / "data", lazy=True)
    first = qa.ingest([before])
    assert first["errors"] == [] and first["added"] == ["已添加：郑州市2025年档案工作要点"]
    kept = {e["doc_id"] for e in qa.library_entries()}

    # the command line
    proc = subprocess.run(
        [sys.executable, "-m", "assistant", "ingest", *_paths(folder, cases), "--index-dir", str(index), "--json"],
        cwd=ROOT, capture_output=True, env=os.environ | {"PYTHONPATH": str(ROOT)}, timeout=600,
    )
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1 and "Traceback" not in stderr, stderr[-3000:]
    result = json.loads(proc.stdout)
    _check_errors(result, cases)
    notes = "\n".join(result["added"])
    for case in cases:
        if case.expect == "added" and case.message:
            assert case.message in notes, (case_label(case), notes)
    assert not any(n.startswith("未变化") for n in result["added"])

    # the API: the same files again: the same messages, and the good ones unchanged
    again = qa.ingest(_paths(folder, cases))
    _check_errors(again, cases)
    assert all(n.startswith(("未变化：", "内容与已有文档")) for n in again["added"]), again["added"]

    # nothing lost: the document ingested before is still there, and every good file once
    entries = {e["doc_id"]: e for e in qa.library_entries()}
    assert kept <= set(entries)
    titles = [e["title"] for e in entries.values()]
    assert f"{LONG_PREFIX}（第一批）" in titles and f"{LONG_PREFIX}（第二批）" in titles
    rows = qa.library_entries()
    assert len(rows) == len(entries) == 2 + len(result["added"])  # the bundled notice, the one before, each good one

    # the second of two long titles with a shared prefix answers from its own document
    assert qa.refresh()  # takes up what the command line ingested
    second = qa.ask("复议应诉机制什么时候完成？", doc=f"{LONG_PREFIX}（第二批）")
    second_id = next(k for k, e in entries.items() if e["title"].endswith("（第二批）"))
    assert second_id.endswith("-2") and second.citations and {c.doc_id for c in second.citations} == {second_id}
    assert "2024年12月底前" in second.text
    for question in ("第（一千八百九十）项是什么？", "（2024）预算(2024)是多少", "2031年测试报告说了什么？"):
        answer = qa.ask(question)
        assert answer.text != INTERNAL_ERROR and answer.intent != "error", question
