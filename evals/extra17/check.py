"""Checker of evals/extra17 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra17/check.py

The common checks are checklib.check_dev_set (field order, ids, types, scope, split,
history shape, refusal rows with empty evidence and key facts, evidence a substring of
one line of its document, every key-fact group found in the document, 3,000-20,000
characters per document, 30 rows per document, the ABSENT patterns). The checks
particular to this set follow in checklib.check_paired_set; it prints a table of rows
per type and document and ends with checklib's report; the exit status is 0 when
everything passes.
"""
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

import checklib  # noqa: E402

DATA = os.path.join(HERE, "dataset.jsonl")
DOCS = os.path.join(HERE, "docs")
SPLIT = "dev"
ROWS_PER_DOC = 30

Y = "yangpu-2025-drainage-management-reform-implementation-plan"
F = "fengxian-2024-illegal-land-use-rectification-three-year-work-plan"
C = "shanghai-2025-commercial-building-renewal-implementation-opinions"
Q = "shanghai-2026-quantum-city-spatial-intelligence-work-points"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The commercial-building opinions set no dated task: their
# deadline rows ask time limits written without a date (不超过15年, 缴清期限内, 具备电力接入
# 条件前, 适时发布), and the by_date slot and one figure slot are content rows. The
# quantum-city work points set no date at all: two deadline slots are no_deadline rows
# (定期调度, 与国家层面对接), one deadline row asks the 全年 frame of the 50 events, and
# the near miss's look-alike 005 and the by_date slot are content rows.
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    Y: dict(BASE),
    F: dict(BASE),
    C: dict(BASE, figure=2, content=5, by_date=0),
    Q: dict(BASE, deadline=1, no_deadline=2, content=5, by_date=0),
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
    PAIRS[f"{_doc}-{'content' if _doc == Q else 'deadline'}-005"] = f"{_doc}-unanswerable-004"
    PAIRS[f"{_doc}-unit-009"] = f"{_doc}-unanswerable-008"

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # a price paid to the district for the transferred facilities (only 移交协议, 运维经费)
    f"{Y}-unanswerable-004": [r"作价", r"转让价", r"移交费", r"价款", r"对价"],
    # the liaison of the working group and a phone number (only 组长/副组长/成员单位)
    f"{Y}-unanswerable-008": [r"联络员", r"联系人", r"电话", r"\d{3,4}-\d{7,8}", r"1[3-9]\d{9}"],
    f"{Y}-unanswerable-029": [r"黄浦区"],
    f"{Y}-unanswerable-030": [r"水压", r"自来水"],
    # a 2027 target (the plan sets 2024-2026 amounts and 2029年底 for clearance)
    f"{F}-unanswerable-004": [r"2027"],
    # the district leader convening the coordination mechanism (only member units)
    f"{F}-unanswerable-008": [r"召集人", r"副区长", r"组长", r"区长"],
    f"{F}-unanswerable-029": [r"嘉定"],
    f"{F}-unanswerable-030": [r"宅基地", r"翻建"],
    # how often the monitoring report comes out (only 适时发布)
    f"{C}-unanswerable-004": [r"季度", r"每月", r"半年", r"每年发布", r"定期发布"],
    # an amount per kilowatt of solar (only 给予资金奖励 under other departments' policies)
    f"{C}-unanswerable-008": [r"千瓦", r"元/", r"奖励标准", r"\d+元"],
    f"{C}-unanswerable-029": [r"北京"],
    f"{C}-unanswerable-030": [r"牌照", r"额度"],
    # a budget for the 云宇星空 model (only 市财政局加强资金支持保障)
    f"{Q}-unanswerable-004": [r"预算", r"万元", r"亿元", r"\d+元"],
    # the person heading the working group (only 市级层面成立…工作专班)
    f"{Q}-unanswerable-008": [r"负责人", r"组长", r"副市长", r"局长"],
    f"{Q}-unanswerable-029": [r"2025年"],
    f"{Q}-unanswerable-030": [r"公积金"],
}

# Key-fact alternatives not written as such in the document: bare counts. Each must match
# after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{Y}-list-017": ["10项"],
    f"{Q}-list-016": ["32项", "32条", "15个"],
}

# Noisy rows by style: every style is used at least twice in the set.
NOISY_STYLE = {
    f"{Y}-noisy-027": "typo_keywords",
    f"{Y}-noisy-028": "long_chatty",
    f"{F}-noisy-027": "keywords",
    f"{F}-noisy-028": "traditional",
    f"{C}-noisy-027": "keywords",
    f"{C}-noisy-028": "long_chatty",
    f"{Q}-noisy-027": "traditional",
    f"{Q}-noisy-028": "typo_keywords",
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
