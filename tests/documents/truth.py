"""Structural truths of real documents (tests/data/truth/*.json), written by reading each
document, compared with what the parser finds. Used by the tests and by
``python -m tests.documents.truth`` to print the differences."""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRUTH = ROOT / "tests" / "data" / "truth"
NOTICES = ROOT.parent / "shared" / "data" / "notices"
ROLE = {"lead": "牵头", "support": "配合", "responsible": "责任", "assess": "考核"}


def document_path(name: str) -> Path:
    for folder in (ROOT / "corpus", NOTICES):
        if (folder / name).exists():
            return folder / name
    raise FileNotFoundError(name)


def truths() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(TRUTH.glob("*.json"))]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


def part_of(doc, node) -> str:
    """"body" or the attachment's name (附件, 附件1, …) a node sits in."""
    cur = node
    while cur.parent:
        cur = doc.node(cur.parent)
    if cur.style == "附件":
        return cur.marker
    return "body"


def level_counts(doc) -> dict:
    counts: dict[str, dict[str, int]] = {}
    for n in doc.nodes:
        if n.style in ("附件", "文件", "行", "表"):  # tables (and their titles) are checked as tables
            continue
        part = part_of(doc, n)
        counts.setdefault(part, {})
        counts[part][n.style] = counts[part].get(n.style, 0) + 1
    for n in doc.nodes:
        if n.style == "附件":
            counts.setdefault(n.marker, {})
    return counts


def letters(text: str) -> str:
    return re.sub(r"[\W_]+", "", text or "")


def find_task(doc, task: dict):
    """The item whose title and text start with the task's first characters."""
    starts = letters(task["starts"])
    found = [i for i in doc.items if letters(i.title + i.text).startswith(starts) or letters(i.text).startswith(starts)]
    if len(found) > 1:
        # The same task in the body and in an attachment's table: the path says which.
        in_attachment = task["path"].startswith("附件")
        found = [i for i in found if i.path.startswith("附件") == in_attachment] or found
    return found[0] if found else None


def task_facts(item) -> tuple[dict, list]:
    units: dict[str, set] = {}
    for f in item.facts_of("actor"):
        # The truths list the units each task's own tags name; a unit a task has by an
        # earlier note (以下均需相关乡镇配合，不再列出) is not written at the task.
        if f.role and f.holder != "以下均需":
            units.setdefault(f.role, set()).add(f.value)
    dated = sorted({f.value for f in item.deadlines})
    return units, dated


def compare(truth: dict, doc) -> list[str]:
    """Every difference between a truth file and the parsed document, as readable lines."""
    diffs = []
    meta = doc.meta
    for key, expected in truth["header"].items():
        got = getattr(meta, key)
        if key == "cc":
            if list(got) != expected:
                diffs.append(f"header {key}: {list(got)} != {expected}")
        elif flat(got) != flat(expected):
            diffs.append(f"header {key}: {got!r} != {expected!r}")
    if truth.get("issued_title") and flat(meta.points_title) != flat(truth["issued_title"]):
        diffs.append(f"issued_title: {meta.points_title!r} != {truth['issued_title']!r}")
    counts = level_counts(doc)
    for part, expected in truth["levels"].items():
        if part == "cover":
            continue
        got = {k: v for k, v in counts.get(part, {}).items() if k != "专栏"}
        if got != expected:
            diffs.append(f"levels {part}: {got} != {expected}")
    boxes = sum(1 for n in doc.nodes if n.style == "专栏")
    if truth.get("boxes", 0) != boxes:
        diffs.append(f"boxes: {boxes} != {truth.get('boxes', 0)}")
    for task in truth["tasks"]:
        item = find_task(doc, task)
        if item is None:
            diffs.append(f"task {task['path']} {task['starts']}: not found")
            continue
        units, dated = task_facts(item)
        expected_units = {ROLE[r]: set(v) for r, v in task["units"].items() if v}
        if units != expected_units:
            diffs.append(f"task {task['path']} units: {units} != {expected_units}")
        expected_dated = sorted({d["date"] for d in task["deadlines"] if d["date"]})
        if dated != expected_dated:
            diffs.append(f"task {task['path']} deadlines: {dated} != {expected_dated}")
    return diffs


if __name__ == "__main__":
    from assistant.documents import parse_file

    total = 0
    for t in truths():
        d = parse_file(document_path(t["file"]))
        diffs = compare(t, d)
        total += len(diffs)
        print(f"== {t['file']}: {len(diffs)} differences")
        for line in diffs:
            print("  ", line)
    print("total", total)
