"""Checks evals/unseen2/dataset.jsonl against the documents in evals/unseen2/docs/.

Run from anywhere:  python3 evals/unseen2/check.py
Exits non-zero and lists the problems if any row fails.

The checks are checklib.check_test_set (evals/checklib.py); this file holds the
set's own constants.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

DOCS = os.path.join(HERE, "docs")
DATASET = os.path.join(HERE, "dataset.jsonl")

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks", "by_date",
         "meta", "followup", "noisy", "unanswerable", "cross"}
SPLIT = "test"
ROWS_PER_DOC = 30

# For every unanswerable row: patterns (regular expressions) for the fact it asks about.
# None of them may match the document; this is the "searched and absent" check.
ABSENT = {
    "shanghai-2024-magnolia-promotion-three-year-action-plan-unanswerable-001": [
        r"\d+万元", r"\d+亿元", r"专项资金"],
    "shanghai-2024-magnolia-promotion-three-year-action-plan-unanswerable-002": [r"2027"],
    "shanghai-2024-magnolia-promotion-three-year-action-plan-unanswerable-003": [
        r"\d+元", r"单价", r"价格", r"采购"],
    "shanghai-2026-park-quality-improvement-implementation-plan-unanswerable-001": [
        r"\d+万元", r"\d+亿元", r"投资\S{0,4}\d"],
    "shanghai-2026-park-quality-improvement-implementation-plan-unanswerable-002": [r"浦东"],
    "shanghai-2026-park-quality-improvement-implementation-plan-unanswerable-003": [
        r"门票", r"票价", r"收费"],
    "gumeilu-2022-elderly-living-alone-fire-safety-implementation-plan-unanswerable-001": [
        r"\d+名", r"\d+人", r"\d+户", r"独居老人\S{0,4}共\S{0,4}\d"],
    "gumeilu-2022-elderly-living-alone-fire-safety-implementation-plan-unanswerable-002": [
        r"\d+元", r"补贴", r"补助"],
    "gumeilu-2022-elderly-living-alone-fire-safety-implementation-plan-unanswerable-003": [r"2023"],
    "yangpu-2024-heritage-demonstration-zone-three-year-action-plan-unanswerable-001": [
        r"\d+亿", r"\d+万元", r"总投资"],
    "yangpu-2024-heritage-demonstration-zone-three-year-action-plan-unanswerable-002": [
        r"主任", r"委员长", r"组长"],
    "yangpu-2024-heritage-demonstration-zone-three-year-action-plan-unanswerable-003": [r"虹口"],
}


def main():
    return checklib.check_test_set(DATASET, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())
