"""The report sets (evals/reports_dataset.jsonl, evals/reports_results.jsonl): questions
over the government work reports, gold as the report's title and a verbatim evidence span.

Scores per row: ``right_report`` (the answer cites the gold report), ``answer_facts``
(every answer fact in the answer), refusals for ``unanswerable`` rows."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

from ..index import fold
from ..library import slug
from .seed import jsonl_rows

REPORTS = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "government_work_reports.jsonl"


def is_reports_dataset(path: str | Path) -> bool:
    try:
        with open(path, encoding="utf-8") as fh:
            first = json.loads(next((line for line in fh if line.strip()), "{}"))
        return "doc_title" in first and "answer_facts" in first
    except (OSError, ValueError):
        return False


def load(path: str | Path, split: str = "all") -> list[dict]:
    rows = [row for _, row in jsonl_rows(path)]
    return [r for r in rows if split == "all" or r.get("split", "dev") == split]


def score(row: dict, answer) -> dict:
    unanswerable = row["doc_title"] is None
    out = {"id": row["id"], "type": row["type"], "split": row.get("split", ""), "refused": answer.refused}
    if unanswerable:
        out["refusal_ok"] = 1.0 if answer.refused else 0.0
        return out
    gold = slug(row["doc_title"])
    out["right_report"] = 1.0 if any(c.doc_id == gold for c in answer.citations) else 0.0
    out["answer_facts"] = 1.0 if all(fold(f) in fold(answer.text) for f in row["answer_facts"]) else 0.0
    return out


def evaluate(assistant, path: str | Path, split: str = "all") -> dict:
    rows = [score(r, assistant.ask(r["question"])) for r in load(path, split)]

    def mean(key, subset):
        vals = [r[key] for r in subset if key in r]
        return round(statistics.fmean(vals), 3) if vals else None

    def summary(subset):
        return {"questions": len(subset), "right_report": mean("right_report", subset), "answer_facts": mean("answer_facts", subset), "refusal_recall": mean("refusal_ok", subset)}

    splits = sorted({r["split"] for r in rows})
    types = sorted({r["type"] for r in rows})
    return {
        "splits": {s: summary([r for r in rows if r["split"] == s]) for s in splits},
        "by_type": {t: summary([r for r in rows if r["type"] == t]) for t in types},
        "rows": rows,
    }
