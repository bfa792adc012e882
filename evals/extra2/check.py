#!/usr/bin/env python3
"""Check evals/extra2/dataset.jsonl against the documents in evals/extra2/docs/.

Run from anywhere:  python3 evals/extra2/check.py
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
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-026': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '补助标准'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-027': ['2017', '总结'],
    'guangzhou-2012-talent-agglomeration-project-opinions-unanswerable-028': ['电话', '联系人', '\\d{3,4}-\\d{7,8}'],
    'guangdong-2021-public-data-management-measures-unanswerable-026': ['手续费', '收费', '\\d+(\\.\\d+)?\\s*(万|亿)?元'],
    'guangdong-2021-public-data-management-measures-unanswerable-027': ['2023', '修订'],
    'guangdong-2021-public-data-management-measures-unanswerable-028': ['电话', '地址', '\\d{3,4}-\\d{7,8}'],
}


def main():
    return checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())
