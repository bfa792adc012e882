#!/usr/bin/env python3
"""Check evals/extra3/dataset.jsonl against the documents in evals/extra3/docs/.

Run from anywhere:  python3 evals/extra3/check.py
Exit status 0 when every check passes, 1 otherwise.

The checks (listed in its docstring) are checklib.check_dev_set (evals/checklib.py),
with 35 rows per document; this file holds the set's own constants.
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
ROWS_PER_DOC = 35

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-032': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '预算', '经费', '资金'],
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-033': ['电话', '\\d{3,4}-\\d{7,8}', '联系人'],
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-034': ['成交额', '成交金额', '交易额', '交易量', '\\d+(\\.\\d+)?\\s*(万|亿)?元'],
    'pingtan-2016-public-resource-trading-platform-plan-unanswerable-035': ['\\d+\\s*(名|人)', '[一二三四五六七八九十百千]+(名|人)'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-032': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '经费', '预算', '资金'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-033': ['\\d+\\s*(栋|幢|座)', '[0-9一二三四五六七八九十百千万]+余?(栋|幢)', '共有.{0,6}高层'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-034': ['\\d+\\s*名', '[一二三四五六七八九十]+名', '队员\\s*\\d+'],
    'chongming-2017-high-rise-fire-safety-governance-plan-unanswerable-035': ['2016', '\\d+\\s*起', '[一二三四五六七八九十]+起火灾'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-032': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '保教费'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-033': ['\\d+\\s*个学位', '\\d+\\s*个?(名额|学位)', '学位\\s*\\d+', '\\d+\\s*(人|名)'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-034': ['2025', '中签率', '录取率'],
    'tianhe-2026-kindergarten-enrollment-work-plan-unanswerable-035': ['公证处', '公证机构'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-032': ['电话', '\\d{3,4}-\\d{7,8}', '\\d{8}', '联系人'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-033': ['验收标准', '验收办法', '验收细则', '验收规范'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-034': ['2026'],
    'fengxian-2022-emergency-shelter-construction-plan-unanswerable-035': ['不少于\\s*\\d+(\\.\\d+)?\\s*(平方米|m2|㎡|万)', '最小面积', '面积不得小于', '面积不小于'],
}


def main():
    return checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())
