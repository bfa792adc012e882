"""Checker of evals/extra14 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra14/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in main(); it prints a table of rows per type and
document and ends with checklib's report; the exit status is 0 when everything passes.
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

B = "beijing-2024-government-affairs-openness-work-points"
S = "suqian-2026-opc-innovation-policy-measures"
N = "national-2025-data-discipline-digital-talent-opinions"
X = "xinyu-2012-green-building-management-measures"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The national opinions set no dates or time limits, so
# two of their deadline slots are no_deadline rows (the text says 逐步, 适时 instead of a
# date), and the by_date slot, the near miss's look-alike and two figure slots are
# content rows.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    B: dict(BASE),
    S: dict(BASE),
    N: dict(BASE, deadline=1, no_deadline=2, figure=1, content=7, by_date=0),
    X: dict(BASE),
}

# Near misses (a detail left out on a topic the document covers), another place or
# year, off topic.
KIND = {}
for _doc in COUNTS:
    KIND[f"{_doc}-unanswerable-004"] = "near_miss"
    KIND[f"{_doc}-unanswerable-008"] = "near_miss"
    KIND[f"{_doc}-unanswerable-029"] = "other_place_or_year"
    KIND[f"{_doc}-unanswerable-030"] = "off_topic"

# Each near miss is immediately followed by an answerable look-alike on the same topic.
PAIRS = {}
for _doc in COUNTS:
    PAIRS[f"{_doc}-{'content' if _doc == N else 'deadline'}-005"] = f"{_doc}-unanswerable-004"
    PAIRS[f"{_doc}-unit-009"] = f"{_doc}-unanswerable-008"

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # how many 政策公开讲 sessions a year (only 常态化开展)
    f"{B}-unanswerable-004": [r"政策公开讲[^。\n]{0,40}\d+场", r"每年[^。\n]{0,10}场", r"至少[^。\n]{0,6}场",
                              r"[一二三四五六七八九十\d]+场"],
    # a third-party evaluator of the year's open-government work (only 加大评估通报力度)
    f"{B}-unanswerable-008": [r"第三方评估", r"评估机构", r"委托[^。\n]{0,10}评估"],
    f"{B}-unanswerable-029": [r"天津市"],
    f"{B}-unanswerable-030": [r"摇号", r"中签"],
    # when the 数据券 is applied for and the closing date (none)
    f"{S}-unanswerable-004": [r"申报时间", r"申报截止", r"受理时间", r"每年\d+月", r"截止[^。\n]{0,6}\d+月",
                              r"申报"],
    # the fund manager of 三台山人才基金 (none)
    f"{S}-unanswerable-008": [r"基金管理人", r"管理机构", r"三台山人才基金[^。\n]{0,10}(由|管理)"],
    f"{S}-unanswerable-029": [r"苏州市"],
    f"{S}-unanswerable-030": [r"高铁", r"票价"],
    # the year the job-skills standard is issued and the drafting committee (only 研究制定)
    f"{N}-unanswerable-004": [r"国家标准[^。\n]{0,20}(\d{4}年|发布|年底)", r"标准化技术委员会", r"标委会"],
    # the named universities of the 产教融合创新平台 (only 优势高校)
    f"{N}-unanswerable-008": [r"大学(?!生)", r"名单"],
    f"{N}-unanswerable-029": [r"上海", r"补贴"],
    f"{N}-unanswerable-030": [r"国家线", r"考研", r"研究生考试"],
    # a time limit for the design-evaluation certificate (none)
    f"{X}-unanswerable-004": [r"工作日", r"\d+日内", r"[一二三四五六七八九十]+日内", r"时限"],
    # a third-party evaluation body (only 省/国家建设行政主管部门 评审)
    f"{X}-unanswerable-008": [r"第三方", r"评价机构", r"评价中心"],
    f"{X}-unanswerable-029": [r"南昌"],
    f"{X}-unanswerable-030": [r"公积金", r"贷款"],
}

# Key-fact alternatives not written as such in the document: numeral variants and bare
# counts. Each must match after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{N}-figure-010": ["十二条", "12条"],
    f"{X}-figure-012": ["29条"],
}

# Noisy rows by style: every style is used at least twice in the set.
NOISY_STYLE = {
    f"{B}-noisy-027": "typo_keywords",
    f"{B}-noisy-028": "long_chatty",
    f"{S}-noisy-027": "keywords",
    f"{S}-noisy-028": "traditional",
    f"{N}-noisy-027": "long_chatty",
    f"{N}-noisy-028": "keywords",
    f"{X}-noisy-027": "typo_keywords",
    f"{X}-noisy-028": "long_chatty",
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
