#!/usr/bin/env python3
"""Check evals/extra/dataset.jsonl against the documents in evals/extra/docs/.

Run from anywhere:  python3 evals/extra/check.py
Exit status 0 when every check passes, 1 otherwise.

The checks (listed in its docstring) are checklib.check_dev_set (evals/checklib.py),
with 30 rows per document; this file holds the set's own constants.
"""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import checklib  # evals/checklib.py, found through the sys.path entry above

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}
SPLIT = "dev"
ROWS_PER_DOC = 30

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-026': ['2025'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-027': ['联系人', '电话', '联系方式'],
    'guangzhou-2024-elderly-meal-assistance-measures-unanswerable-028': ['\\d+(\\.\\d+)?\\s*(万|亿)元', '预算总额'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-026': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '专项经费'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-027': ['组长', '副组长', '成员：'],
    'pingtan-2021-scenic-spot-vessel-safety-rectification-plan-unanswerable-028': ['2022'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-026': ['电话', '联系人', '\\d{3,4}-\\d{7,8}'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-027': ['\\d+(\\.\\d+)?\\s*元', '收费', '费用'],
    'pingtan-2023-credit-commitment-repair-online-plan-unanswerable-028': ['沙滩', '海滩', '景区'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-026': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '预算', '经费'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-027': ['2018'],
    'pingtan-2017-tourism-peak-season-hundred-day-action-plan-unanswerable-028': ['联系人', '电话', '\\d{3,4}-\\d{7,8}'],
}


def main():
    return checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())
