"""Checker of evals/extra12 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra12/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in main(); the exit status is 0 when everything passes.
"""
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import checklib  # noqa: E402

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")
SPLIT = "dev"
ROWS_PER_DOC = 30

P = "pingtan-2015-county-public-hospital-reform-implementation-plan"
F = "fengxian-2021-park-city-construction-implementation-opinions"
G = "guangzhou-2021-temporary-assistance-implementing-rules"
N = "national-2020-hospital-pharmacy-rational-drug-use-opinions"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The national opinions have no dated task, so their
# by_date slot is a content row and two figure slots are content rows; the Guangzhou
# rules have no dated task either, so their by_date slot is a figure row.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    P: dict(BASE),
    F: dict(BASE),
    G: dict(BASE, by_date=0, figure=4),
    N: dict(BASE, by_date=0, figure=1, content=6),
}

# Near misses (a detail left out on a topic the document covers), another place, off topic.
KIND = {
    f"{P}-unanswerable-004": "near_miss",
    f"{P}-unanswerable-008": "near_miss",
    f"{P}-unanswerable-029": "other_place",
    f"{P}-unanswerable-030": "off_topic",
    f"{F}-unanswerable-004": "near_miss",
    f"{F}-unanswerable-008": "near_miss",
    f"{F}-unanswerable-029": "other_place",
    f"{F}-unanswerable-030": "off_topic",
    f"{G}-unanswerable-004": "near_miss",
    f"{G}-unanswerable-008": "near_miss",
    f"{G}-unanswerable-029": "other_place",
    f"{G}-unanswerable-030": "off_topic",
    f"{N}-unanswerable-004": "near_miss",
    f"{N}-unanswerable-008": "near_miss",
    f"{N}-unanswerable-029": "other_place",
    f"{N}-unanswerable-030": "off_topic",
}

# Each near miss is immediately followed by an answerable look-alike on the same topic.
PAIRS = {
    f"{P}-deadline-005": f"{P}-unanswerable-004",
    f"{P}-unit-009": f"{P}-unanswerable-008",
    f"{F}-deadline-005": f"{F}-unanswerable-004",
    f"{F}-unit-009": f"{F}-unanswerable-008",
    f"{G}-deadline-005": f"{G}-unanswerable-004",
    f"{G}-unit-009": f"{G}-unanswerable-008",
    f"{N}-deadline-005": f"{N}-unanswerable-004",
    f"{N}-unit-009": f"{N}-unanswerable-008",
}

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # the exact day of the evaluation stage and the day the report is due (only 2016年3月)
    f"{P}-unanswerable-004": [r"2016年3月\d+日", r"2016年3月[一二三四五六七八九十]+日",
                              r"评估报告[^。]{0,15}(之前|以前|前)(提交|报送)"],
    # the name of the leading group's head (only 区管委会主要领导)
    f"{P}-unanswerable-008": [r"组长[：:]", r"同志", r"组长由[^。]{0,8}(主任|书记)"],
    f"{P}-unanswerable-029": [r"福州"],
    f"{P}-unanswerable-030": [r"公务员", r"报名"],
    # start and finish dates of the S4 afforestation project (only a tick under a year)
    f"{F}-unanswerable-004": [r"开工", r"竣工", r"完工", r"S4沪金高速[^\n]{0,60}月\d+日"],
    # a contact person and phone number
    f"{F}-unanswerable-008": [r"联系人", r"电话", r"\d{3,4}-\d{7,8}", r"\d{8}"],
    f"{F}-unanswerable-029": [r"嘉定"],
    f"{F}-unanswerable-030": [r"个人所得税", r"汇算", r"APP"],
    # a working-day limit for the 支出型 procedure (only a reference to the provincial rules)
    f"{G}-unanswerable-004": [r"支出型[^。]{0,60}\d+个工作日",
                              r"支出型[^。]{0,60}[一二三四五六七八九十]+个工作日"],
    # the application form and where to download it
    f"{G}-unanswerable-008": [r"申请表", r"下载"],
    f"{G}-unanswerable-029": [r"深圳"],
    f"{G}-unanswerable-030": [r"地铁", r"乘车"],
    # the sampling ratio (only 按一定比例)
    f"{N}-unanswerable-004": [r"\d+(\.\d+)?%", r"百分之", r"比例为"],
    # the title and date of the separate document on Chinese-medicine pharmacy
    f"{N}-unanswerable-008": [r"中药[^。]{0,40}《[^》]+》", r"中药[^。]{0,40}20\d\d年"],
    f"{N}-unanswerable-029": [r"浙江"],
    f"{N}-unanswerable-030": [r"食堂", r"餐补"],
}

# Key-fact alternatives not written as such in the document: numeral variants and bare
# counts. Each must match after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{P}-list-017": ["九项", "9项"],
    f"{F}-list-016": ["8个", "八个"],
    f"{F}-list-017": ["21个"],
    f"{G}-figure-012": ["三个月"],
    f"{G}-figure-013": ["两人"],
    f"{G}-list-017": ["4条"],
    f"{G}-followup-026": ["六个月"],
    f"{G}-noisy-028": ["一个月"],
    f"{N}-figure-010": ["2级以上"],
    f"{N}-list-017": ["六个", "6个", "二十条", "20条"],
}

MAX_GROUPS = {"list": 4, "by_date": 4, "unit_tasks": 4}
MAX_COPY = 30          # no question repeats more than this many characters of its document
ALT_LEN = (2, 12)      # key-fact alternatives are 2-12 characters (a 文号 may be longer)
DOC_NO = re.compile(r".+〔(19|20)\d\d〕\d+号")
NAME = re.compile(r"[a-z]+-(19|20)\d\d-[a-z0-9]+(-[a-z0-9]+)+")


def main():
    return checklib.check_paired_set(globals())


if __name__ == "__main__":
    sys.exit(main())
