"""Checker of evals/extra18 (120 questions over the four documents of docs/, every row dev).

Run from the repository root:

    .venv/bin/python evals/extra18/check.py

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

F = "fengxian-2021-rural-road-management-maintenance-reform-implementation-plan"
W = "wujing-2021-urban-housing-safety-hazard-inspection-rectification-work-plan"
J = "jingan-2023-excellent-district-urban-renewal-action-plan"
P = "shanghai-2026-property-management-quality-efficiency-implementation-opinions"

TYPES = {"deadline", "unit", "figure", "content", "number", "list", "unit_tasks",
         "by_date", "no_deadline", "meta", "followup", "noisy", "unanswerable", "cross"}

# Rows per type and document. The property-management opinions set no date at all: their
# three deadline slots are no_deadline rows (定期发布, 动态修订机制/定期评估, 定期举办), the
# near miss's look-alike 005 and the by_date slot are content rows, and two of the three
# figure slots are content rows (the only figure of the opinions is 2000年前).
BASE = {"deadline": 4, "unit": 3, "figure": 3, "content": 3, "list": 2, "number": 2,
        "meta": 2, "unit_tasks": 2, "by_date": 1, "followup": 2, "noisy": 2,
        "unanswerable": 4}
COUNTS = {
    F: dict(BASE),
    W: dict(BASE),
    J: dict(BASE),
    P: dict(BASE, deadline=0, no_deadline=3, figure=1, content=7, by_date=0),
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
    PAIRS[f"{_doc}-{'content' if _doc == P else 'deadline'}-005"] = f"{_doc}-unanswerable-004"
    PAIRS[f"{_doc}-unit-009"] = f"{_doc}-unanswerable-008"

# Regular expressions that would reveal the fact a refusal row asks for; none may match.
ABSENT = {
    # an amount of yuan per kilometre for 县道 upkeep (the plan gives only 13%/8% rates and 50%)
    f"{F}-unanswerable-004": [r"每公里", r"万元", r"\d+元"],
    # a contact person or phone number of the road-chief office (only 监督电话 on the signs)
    f"{F}-unanswerable-008": [r"联系人", r"联系电话", r"\d{3,4}-\d{7,8}", r"1[3-9]\d{9}"],
    f"{F}-unanswerable-029": [r"崇明"],
    f"{F}-unanswerable-030": [r"充电桩", r"充电"],
    # a date for handing in the staff list and opening the 政务微信 accounts (none given)
    f"{W}-unanswerable-004": [r"人员清单.{0,20}(\d+月|\d+日|前)", r"账号.{0,20}(\d+月|\d+日)",
                              r"系统录入.{0,40}\d+月"],
    # a phone number of the leading group's office (only names and posts)
    f"{W}-unanswerable-008": [r"电话", r"\d{3,4}-\d{7,8}", r"1[3-9]\d{9}"],
    f"{W}-unanswerable-029": [r"颛桥"],
    f"{W}-unanswerable-030": [r"电梯", r"加装"],
    # the year 蕃瓜弄 residents move back (only 确保居民尽早回搬)
    f"{J}-unanswerable-004": [r"回搬.{0,10}\d", r"\d{4}年.{0,15}回搬"],
    # the head of the urban-renewal leading group (no names, no 组长)
    f"{J}-unanswerable-008": [r"组长", r"区长"],
    f"{J}-unanswerable-029": [r"黄浦"],
    f"{J}-unanswerable-030": [r"公积金"],
    # an amount per square metre for the old-estate reward (only 物业服务奖励机制)
    f"{P}-unanswerable-004": [r"\d+元", r"每平方米", r"奖励标准"],
    # the company that builds and runs the smart-property platform (none named)
    f"{P}-unanswerable-008": [r"公司", r"承建"],
    f"{P}-unanswerable-029": [r"杭州"],
    f"{P}-unanswerable-030": [r"上牌", r"牌照", r"电动自行车"],
}

# Key-fact alternatives not written as such in the document: bare counts. Each must match
# after numeral/bracket normalisation or be a bare count.
VARIANTS = {
    f"{F}-deadline-003": ["15日内"],
    f"{F}-list-016": ["24项"],
    f"{W}-figure-010": ["4个等级"],
    f"{J}-list-016": ["27项"],
    f"{P}-list-016": ["17条", "17项", "6个", "六个"],
}

# Noisy rows by style: every style is used at least twice in the set.
NOISY_STYLE = {
    f"{F}-noisy-027": "typo_keywords",
    f"{F}-noisy-028": "long_chatty",
    f"{W}-noisy-027": "keywords",
    f"{W}-noisy-028": "traditional",
    f"{J}-noisy-027": "keywords",
    f"{J}-noisy-028": "long_chatty",
    f"{P}-noisy-027": "traditional",
    f"{P}-noisy-028": "typo_keywords",
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
