"""Every evaluation set's checker passes on the set as committed, and fails on a set whose
evidence no longer occurs in its document (the checkers read only the set's files)."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKERS = sorted((ROOT / "evals").glob("*/check.py"))


@pytest.mark.parametrize("checker", CHECKERS, ids=[c.parent.name for c in CHECKERS])
def test_each_sets_checker_passes(checker):
    done = subprocess.run([sys.executable, str(checker)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]


def test_a_checker_fails_on_evidence_its_document_does_not_hold(tmp_path):
    shutil.copy(ROOT / "evals" / "checklib.py", tmp_path / "checklib.py")
    folder = tmp_path / "extra14"
    shutil.copytree(ROOT / "evals" / "extra14", folder, symlinks=True)
    rows = [json.loads(line) for line in (folder / "dataset.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    answerable = next(r for r in rows if not r["refuse"] and r.get("evidence"))
    answerable["evidence"] = ["这一句不在文件里"]
    (folder / "dataset.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    done = subprocess.run([sys.executable, str(folder / "check.py")], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0
